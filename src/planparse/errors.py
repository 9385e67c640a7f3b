"""Exit codes and the exceptions that carry them.

Every failure a user can cause raises a `PlanparseError` subclass holding its
exit code and a one-line message naming the file and the reason, plus an
optional fix-it hint.  The CLI maps them to the terminal in one place
(`planparse.cli.errors`); library users catch `PlanparseError`.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Documented process exit codes (README, `planparse --help`)."""

    OK = 0  # converted (a document with no plan table is OK, with a warning)
    SOME_FAILED = 1  # batch: at least one file failed
    USAGE = 2  # bad command-line usage
    INPUT_MISSING = 3  # path does not exist, or is a directory where a file is needed
    UNSUPPORTED_FORMAT = 4  # not a PDF or DOCX (old .doc, .odt, .xlsx, HTML, ...)
    CORRUPT_INPUT = 5  # truncated, broken or unreadable file; refused zip bomb
    ENCRYPTED = 6  # needs a password (or the given password is wrong)
    NO_TEXT_LAYER = 7  # scanned PDF without a text layer: run OCR first
    TIMEOUT = 8  # batch: a file took longer than --timeout
    OUTPUT_ERROR = 9  # the output could not be written
    OUT_OF_MEMORY = 10  # reading the file needed more memory than allowed (batch: --max-memory)
    INTERNAL_ERROR = 70  # a bug in planparse: please report it


class PlanparseError(Exception):
    """Base class: an error with an exit code, the file it concerns and a hint."""

    exit_code: ExitCode = ExitCode.INTERNAL_ERROR
    code: str = "internal-error"

    def __init__(self, path: str | Path | None, reason: str, hint: str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.reason = reason
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.reason}{tail}"


class InputMissingError(PlanparseError):
    exit_code = ExitCode.INPUT_MISSING
    code = "input-missing"


class UnsupportedFormatError(PlanparseError):
    exit_code = ExitCode.UNSUPPORTED_FORMAT
    code = "unsupported-format"


class CorruptInputError(PlanparseError):
    exit_code = ExitCode.CORRUPT_INPUT
    code = "corrupt-input"


class EncryptedError(PlanparseError):
    exit_code = ExitCode.ENCRYPTED
    code = "encrypted"


class NoTextLayerError(PlanparseError):
    exit_code = ExitCode.NO_TEXT_LAYER
    code = "no-text-layer"


class OutputError(PlanparseError):
    exit_code = ExitCode.OUTPUT_ERROR
    code = "output-error"


class OutOfMemoryError(PlanparseError):
    exit_code = ExitCode.OUT_OF_MEMORY
    code = "out-of-memory"


class UsageError(PlanparseError):
    exit_code = ExitCode.USAGE
    code = "usage"


class OutputClosed(Exception):
    """The reader of our output went away (`planparse extract ... | head -1`): normal use, not an error."""
