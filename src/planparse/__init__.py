"""planparse: turn municipal plan documents (PDF, DOCX) into one record per table row.

Library first:

    >>> import planparse
    >>> plan = planparse.extract("samples/turku-yhta.docx")
    >>> plan.records[0].goal
"""

from ._version import __version__
from .errors import ExitCode, PlanparseError
from .model import Plan, PlanWarning, Record, RecordSource, SourceInfo
from .pipeline import extract
from .settings import ExtractOptions

__all__ = [
    "ExitCode",
    "ExtractOptions",
    "Plan",
    "PlanWarning",
    "PlanparseError",
    "Record",
    "RecordSource",
    "SourceInfo",
    "__version__",
    "extract",
]
