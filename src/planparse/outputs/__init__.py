"""Outputs people open: an Excel workbook, a SQLite database of many plans, a review page.

They take the planparse document object as plain data (`Plan.to_dict()`, or a
JSON output read back), so they work the same on one file, on a batch, and on
outputs written by an earlier run.
"""
