"""Layout matrix: plan contents rendered through combinations of table layouts, scored by planparse.

See samples/matrix/README.md.  Run as ``python -m samples.matrix`` from the repo root.
"""
