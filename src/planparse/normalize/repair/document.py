"""Text repair on its own: printed lines in, running text out (`planparse repair-text`).

The whole input is one document: its unbroken spellings are the evidence for
its line breaks, and its letter statistics decide whether it is OCR-damaged.
Paragraphs are separated by blank lines; the lines of a paragraph are joined
into running text, so paragraph N of the output is paragraph N of the input.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from planparse.normalize.repair.evidence import DocumentEvidence
from planparse.normalize.repair.hyphens import BreakDecision, join_lines
from planparse.normalize.repair.language import detect_language
from planparse.normalize.repair.lexicon import Lexicon, get_lexicon
from planparse.normalize.repair.ocr.text import is_ocr_damaged, repair_ocr_text
from planparse.normalize.text import clean_text, remove_invisible


@dataclass
class RepairResult:
    """The repaired text and what was done to it (for warnings and `--verbose`)."""

    text: str
    lang: str
    ocr_damaged: bool
    ocr_words_changed: int = 0
    breaks: list[tuple[str, str, BreakDecision]] = field(default_factory=list)


def repair_document(
    text: str, lang: str | None = None, ocr_repair: bool = True, lexicon: Lexicon | None = None
) -> RepairResult:
    """Repair `text` (one document) and tell what was decided."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", remove_invisible(text, keep_soft_hyphens=True))
    body = text.strip("\n")
    lang = lang or detect_language([body])
    if lang not in ("fi", "sv"):
        raise ValueError(f"language must be fi or sv, not {lang!r}")
    lexicon = lexicon or get_lexicon(lang)
    evidence = DocumentEvidence.from_texts([body])
    damaged = evidence.ocr_damaged and lang == "fi" or lang == "sv" and is_ocr_damaged([body], "sv")
    result = RepairResult("", lang, damaged)
    paragraphs, separators = split_paragraphs(body)
    out: list[str] = []
    for i, lines in enumerate(paragraphs):
        joined = join_lines(lines, lang, evidence, lexicon, result.breaks)
        if damaged and ocr_repair:
            joined, n = repair_ocr_text(joined, lang, lexicon)
            result.ocr_words_changed += n
        if i:
            out.append("\n" * separators[i - 1])
        out.append(joined)
    result.text = "".join(out) + ("\n" if paragraphs else "")
    return result


def split_paragraphs(text: str) -> tuple[list[list[str]], list[int]]:
    """The paragraphs of `text` (each a list of its lines) and the newline count of each separator between them.

    A line is blank when the text rules keep nothing of it (`clean_text` gives
    None: whitespace, soft hyphens), so a paragraph never repairs to nothing and
    repairing the output again finds the same paragraphs.  Blank lines before
    the first and after the last paragraph are not separators.
    """
    paragraphs: list[list[str]] = []
    separators: list[int] = []
    current: list[str] = []
    blank_run = 0
    for line in text.split("\n"):
        if clean_text(line) is None:
            if current:
                paragraphs.append(current)
                current = []
            blank_run += 1
            continue
        if not current and paragraphs:
            separators.append(blank_run + 1)
        blank_run = 0
        current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs, separators


def repair_text(text: str, lang: str | None = None, ocr_repair: bool = True) -> str:
    """Repaired running text of `text`: paragraphs (blank-line separated) kept, their lines joined."""
    return repair_document(text, lang, ocr_repair).text
