"""Spellings a document itself uses unbroken: the best judge of its own breaks.

If `tasa-arvo` is printed unbroken somewhere in a plan, a break `tasa-` /
`arvo` elsewhere in it is a real hyphen; if `tietopohjan` is, `tie-` /
`topohjan` joins.  Tokens ending a line in a hyphen are not counted (they are
the breaks we are deciding).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from planparse.normalize.repair.ocr.text import is_ocr_damaged
from planparse.normalize.text import LINE_END_HYPHENS

# A word: letters, possibly with inner hyphens (tasa-arvo, sote-uudistus).
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_LINE_END_HYPHEN = re.compile(rf"[^\W\d_]+[{re.escape(LINE_END_HYPHENS)}]\s*$")
_BREAK_HYPHENS = tuple(LINE_END_HYPHENS)
# a line's last word with a printed hyphen inside it, broken again at the line end ("Majakka-kou-")
_HYPHENATED_PIECE = re.compile(rf"((?:[^\W\d_]+[-\u2010\u2011])+[^\W\d_]+)[{re.escape(LINE_END_HYPHENS)}]\s*$")


def _line_end_hyphen(line: str) -> re.Match[str] | None:
    """`_LINE_END_HYPHEN.search(line)`, skipped for lines that do not end in a hyphen:
    the search tries every letter run of the line and costs ~1 ms on a long DOCX paragraph."""
    return _LINE_END_HYPHEN.search(line) if line.rstrip().endswith(_BREAK_HYPHENS) else None


@dataclass
class DocumentEvidence:
    """Lower-cased word forms seen unbroken in one document, with counts."""

    counts: Counter[str] = field(default_factory=Counter)
    # the word pieces that end a line in a break hyphen ("infofinlan" of "InfoFinlan-" / "din";
    # "majakka-kou" as well as "kou" of "Majakka-kou-" / "lutusta")
    pieces: Counter[str] = field(default_factory=Counter)
    en_dash_ranges: int = 0
    hyphen_ranges: int = 0
    # Finnish text that lost its ä/ö (see ocr.py): its words are checked in repaired form.
    ocr_damaged: bool = False

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "DocumentEvidence":
        """Count the unbroken words and number ranges of a document's texts, and judge its OCR damage."""
        ev = cls()
        texts = [unicodedata.normalize("NFC", t) for t in texts if t]
        ev.ocr_damaged = is_ocr_damaged(texts, "fi")
        continued = False  # the previous line (of this text or the text before) ended in a break
        for text in texts:
            for line in text.splitlines():
                if not line.strip():
                    continue
                end = _line_end_hyphen(line)
                body = line[: end.start()] if end else line
                if continued:  # the first token ends a word broken on the line before
                    body = body.lstrip()
                    body = body[len(body.split()[0]) :] if body.split() else body
                continued = end is not None
                if end is not None:
                    ev.pieces[end.group(0).rstrip()[:-1].lower()] += 1
                    whole = _HYPHENATED_PIECE.search(line.rsplit(None, 1)[-1])
                    if whole:  # "Majakka-kou-": the piece with its printed hyphen, too
                        ev.pieces[whole.group(1).lower().replace("\u2010", "-").replace("\u2011", "-")] += 1
                ev.counts.update(m.group(0).lower().replace("\u2010", "-").replace("\u2011", "-") for m in _WORD.finditer(body))
                ev.en_dash_ranges += len(re.findall(r"\d\s?\u2013\s?\d", line))
                ev.hyphen_ranges += len(re.findall(r"\d-\d", line))
        return ev

    def count(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)

    def prints_seam(self, left: str, right: str) -> bool:
        """Does the document print `left` closed up with the start of `right` in another break's
        left piece ("InfoFinlan-" / "din" for "Info-" / "Finlandin"): the seam unbroken?"""
        left, right = left.lower(), right.lower()
        return any(
            len(piece) >= len(left) + 3 and piece.startswith(left) and right.startswith(piece[len(left):])
            for piece in self.pieces
        )

    def __contains__(self, word: str) -> bool:
        return self.count(word) > 0

    @property
    def prefers_en_dash_ranges(self) -> bool:
        return self.en_dash_ranges > self.hyphen_ranges
