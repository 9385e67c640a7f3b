"""Importing this module registers every subcommand on `planparse.cli.app`."""

from . import extract_cmd  # noqa: F401
