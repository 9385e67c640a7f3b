"""Importing this module registers every subcommand on `planparse.cli.app`."""

from . import extract_cmd  # noqa: F401
from . import batch_cmd  # noqa: F401
from . import tables_cmd  # noqa: F401
from . import repair_cmd  # noqa: F401
from . import review_cmd  # noqa: F401
