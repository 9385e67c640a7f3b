"""Shared helpers for the sample producers that are not LibreOffice.

The producers in this folder draw PDFs with reportlab (and, for the scan,
poppler's pdftoppm) from the same YAML shape samples/build.py reads, so the
extractor meets PDF writers with other habits: standard-14 fonts, text drawn
word by word, no ruling at all, rotated pages, an invisible OCR text layer.

Expected outputs are made the same way build.py makes them: the records come
from the YAML (never from planparse); only the page where a row starts is
looked up in the finished PDF.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
REPO = SAMPLES.parent
EXPECTED = REPO / "tests" / "expected"

sys.path.insert(0, str(SAMPLES))
import build  # noqa: E402  (samples/build.py: record_for, expected_document, printed_paragraphs, locate_rows)

SOFT_HYPHEN = "\u00ad"
_WORD = re.compile(r"^([^\w]*)([\w-]+?)([^\w]*)$")


def load_spec(name: str) -> dict[str, Any]:
    """samples/producers/src/<name>.yaml, with its name set."""
    spec = yaml.safe_load((HERE / "src" / f"{name}.yaml").read_text(encoding="utf-8"))
    spec["name"] = name
    return spec


class Hyphenator:
    """Soft hyphens at the syllable breaks Voikko allows (Finnish typesetting rules).

    reportlab's Paragraph (embeddedHyphenation=1) breaks a word at a soft hyphen
    and prints a visible '-' there, the way a word processor hyphenates.
    """

    def __init__(self, min_length: int = 8) -> None:
        import libvoikko

        self._voikko = libvoikko.Voikko("fi")
        self._voikko.setNoUglyHyphenation(True)  # no one-letter syllable left alone at a line end
        self.min_length = min_length

    def word(self, word: str) -> str:
        match = _WORD.match(word)
        if not match:
            return word
        lead, core, trail = match.groups()
        if len(core) < self.min_length or not core.replace("-", "").isalpha() or core.isupper():
            return word
        pattern = self._voikko.getHyphenationPattern(core)
        out = []
        for ch, mark in zip(core, pattern):
            out.append(SOFT_HYPHEN + ch if mark == "-" else ch)
        return lead + "".join(out) + trail

    def text(self, text: str) -> str:
        return " ".join(self.word(w) for w in text.split(" "))


def write_expected(spec: dict[str, Any], pdf_path: Path, row_pages: dict, n_pages: int, warnings: list[dict] | None = None) -> dict:
    """tests/expected/<pdf name>.json from the YAML records and the measured pages."""
    table_pages = [None] * len(spec["tables"])
    doc = build.expected_document(spec, pdf_path, "pdf", row_pages, table_pages, n_pages)
    doc["warnings"] += warnings or []
    EXPECTED.mkdir(parents=True, exist_ok=True)
    out = EXPECTED / f"{pdf_path.name}.json"
    build.write_json(out, doc)
    return doc


def pages_text(pdf_path: Path) -> list[str]:
    """Each page's text as poppler reads it (rotation applied), squashed."""
    import subprocess

    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True).stdout).group(1))
    texts = []
    for p in range(1, n + 1):
        out = subprocess.run(["pdftotext", "-raw", "-f", str(p), "-l", str(p), str(pdf_path), "-"], capture_output=True, text=True).stdout
        texts.append(build.squash(out))
    return texts


def check_row_pages(pdf_path: Path, first_lines: dict[tuple[int, int], tuple[int, str]]) -> dict[tuple[int, int], int]:
    """Confirm, in the finished PDF, the page where each row's first printed line is.

    `first_lines` maps (table index, row index) to (page the producer drew it
    on, the text of that first line). The line is searched in document order
    in poppler's text of the pages; the page where it is found is the answer,
    and it must be the page the producer meant.
    """
    texts = pages_text(pdf_path)
    pages: dict[tuple[int, int], int] = {}
    page, pos = 0, 0
    for key in sorted(first_lines):
        drawn_page, line = first_lines[key]
        probe = build.squash(line)[:24]
        while page < len(texts):
            hit = texts[page].find(probe, pos)
            if hit >= 0:
                pos = hit + 1
                break
            page, pos = page + 1, 0
        else:
            raise SystemExit(f"{pdf_path.name}: row {key} not found: {line!r}")
        if page + 1 != drawn_page:
            raise SystemExit(f"{pdf_path.name}: row {key} drawn on page {drawn_page}, found on {page + 1}")
        pages[key] = page + 1
    return pages

