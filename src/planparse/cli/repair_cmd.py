"""`planparse repair-text` (stdin -> repaired running text) and `planparse doctor`."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from ..errors import UsageError
from . import app


@app.command("repair-text")
def repair_text_command(
    lang: Optional[str] = typer.Option(None, "--lang", help="Text language (fi or sv); detected when omitted."),
    no_ocr_repair: bool = typer.Option(False, "--no-ocr-repair", help="Do not repair OCR-lost ä/ö."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Tell every line-break decision on stderr."),
) -> None:
    """Read text from stdin (lines as a PDF extraction gives them), write it repaired to stdout.

    The lines of each paragraph are joined into running text (line-break
    hyphens removed where they only split a word; tasa-arvo, sote-uudistus and
    suspended "viestintä- ja" kept); blank lines stay as paragraph separators.
    The whole input is one document: its own spellings decide its breaks and
    its letter statistics decide whether it lost ä/ö in OCR.
    """
    from planparse.normalize.repair.document import repair_document

    if lang is not None and lang not in ("fi", "sv"):
        raise UsageError(None, f"unknown --lang {lang!r}", "choose fi or sv")
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Windows editors write one) is not text
    except UnicodeDecodeError as err:
        raise UsageError("-", f"stdin is not UTF-8 text (byte {err.start})", "convert it with iconv -t UTF-8") from None
    result = repair_document(text, lang, ocr_repair=not no_ocr_repair)
    sys.stdout.write(result.text)
    sys.stdout.flush()
    if verbose:
        for left, right, decision in result.breaks:
            print(f"{decision.kind:<9} {left} | {right}: {decision.reason}", file=sys.stderr)
    if result.ocr_damaged:
        if no_ocr_repair:
            print("planparse: OCR-damaged text (ä/ö lost); not repaired (--no-ocr-repair)", file=sys.stderr)
        else:
            print(f"planparse: ocr-repaired: {result.ocr_words_changed} words restored", file=sys.stderr)


@app.command("doctor")
def doctor_command() -> None:
    """Tell which lexicon backend the text repair uses, and how to install Voikko."""
    from .. import __version__
    from planparse.normalize.repair.lexicon import INSTALL_HINT, describe_backends, requested_backend

    print(f"planparse {__version__}")
    print(f"python {sys.version.split()[0]}")
    print(f"lexicon requested: {requested_backend()} (PLANPARSE_LEXICON=auto|voikko|fallback)")
    rows = describe_backends()
    for lang, backend, note in rows:
        print(f"lexicon {lang}: {backend}: {note}")
    if rows[0][1] != "voikko":
        print(f"hint: {INSTALL_HINT}")
