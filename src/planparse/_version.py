"""The planparse version: one place, read by pyproject.toml, `--version` and `producer`."""

__version__ = "0.2.0"
