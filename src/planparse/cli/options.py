"""Parsing of option values shared by several commands."""

from __future__ import annotations

import math
import os
from pathlib import Path

from ..errors import UsageError
from ..settings import OPEN_END
from planparse.outputs.writers import FORMATS

DEFAULT_MAX_MEMORY_MB = 2048
MAX_MEMORY_HELP = f"Memory (address space) allowed, in MB (default {DEFAULT_MAX_MEMORY_MB}); past it the file fails with exit 10."


def parse_format(fmt: str) -> str:
    """`--format` value, case-insensitive (`-f CSV`)."""
    value = fmt.strip().lower()
    if value not in FORMATS:
        raise UsageError(None, f"unknown --format {fmt!r}", "choose one of " + ", ".join(FORMATS))
    return value


def parse_timeout(seconds: float) -> float:
    """`--timeout`: a positive number of seconds, `inf` for no limit."""
    if math.isnan(seconds) or seconds <= 0:
        raise UsageError(None, f"--timeout must be a positive number of seconds (or inf), not {seconds}")
    return seconds


def refuse_overwriting_inputs(output: Path, inputs: list[str]) -> None:
    """`extract a.pdf -o a.pdf` would replace the document with its own output: a usage error."""
    for arg in inputs:
        if arg == "-":
            continue
        try:
            same = os.path.samefile(output, arg)
        except OSError:  # either does not exist (yet)
            continue
        if same:
            raise UsageError(output, "-o names an input file; it would be overwritten", "choose another output name")


def cap_memory(megabytes: int | None) -> None:
    """Cap this process's address space (`--max-memory`), so a huge input ends in exit 10, not swapping.

    The default cap applies when planparse runs as its own command; `main([...])`
    called inside another program (a test run) caps only when asked to.
    """
    from . import runs_as_command
    from planparse.common.memory import set_memory_limit

    if megabytes is not None and megabytes < 64:
        raise UsageError(None, "--max-memory must be at least 64 MB")
    if megabytes is None and not runs_as_command():
        return
    set_memory_limit(DEFAULT_MAX_MEMORY_MB if megabytes is None else megabytes)


def parse_pages(spec: str | None) -> tuple[int, ...] | None:
    """`"3-5,8"` -> (3, 4, 5, 8); None or "all" -> None.  Raises ValueError on bad input.

    An open range ("5-", "5-end") is returned with `OPEN_END` as its last
    number; `pages_from` splits it off (the document's length is not known yet).
    """
    if spec is None or not spec.strip() or spec.strip().lower() == "all":
        return None
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            lo, _, hi = (x.strip() for x in part.partition("-"))
            if hi.lower() in ("", "end") and lo.isdigit():
                pages.append(int(lo))
                pages.append(OPEN_END)
                continue
            if not (lo.isdigit() and hi.isdigit()) or int(lo) > int(hi):
                raise ValueError(f"bad page range {part!r} (use e.g. 3-5, 5- or 5-end)")
            pages.extend(range(int(lo), int(hi) + 1))
        elif part.isdigit():
            pages.append(int(part))
        else:
            raise ValueError(f"bad page number {part!r} (use e.g. 3-5,8, 5-, 5-end or all)")
    if any(p < 1 for p in pages):
        raise ValueError("pages are numbered from 1")
    return tuple(sorted(set(pages)))


PAGES_HELP = "Pages to read: e.g. 3-5,8, 5- or 5-end (to the last page), all. A DOCX has no pages (ignored, with a warning)."


PDF_PARSER_HELP = (
    "PDF parser: pdfium (fast, default) or pdfminer (pure Python, slower; "
    "try it if a PDF reads wrongly or crashes the parser)."
)


OCR_HELP = (
    "OCR scanned PDF pages with Tesseract: --ocr (pages without a text layer) or --ocr force "
    "(every scanned page). Languages from --lang (default fin+swe). Needs pip install 'planparse[ocr]' "
    "and apt-get install tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe."
)
OCR_VALUES = ("auto", "force")


def bare_ocr_flag(args: list[str]) -> list[str]:
    """`--ocr` given without a mode (the common case) means `--ocr auto`."""
    out = []
    for i, arg in enumerate(args):
        if arg == "--":
            return out + args[i:]
        if arg == "--ocr" and (i + 1 >= len(args) or args[i + 1] not in OCR_VALUES):
            out.append("--ocr=auto")
        else:
            out.append(arg)
    return out
