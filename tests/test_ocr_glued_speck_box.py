"""A word OCR read with a speck glued before it is set on its own ink (issue 11, set M).

strandby-jamstalldhet-hrules@eng-200-skew of scan set M (matrix seed 22), p. 2: a speck in the
gap left of the schedule "fortlöpande" was read glued to it, "_fortlépande", boxed from the
speck (695.9 pt) over the word.  Tesseract spaces a word's characters evenly over its box, so
once the mark was cut off (`scan.marks.ocr_glued_marks`) the word still began 6 pt left of the
schedule column (701.4 pt for 707.2): the line no longer fitted the columns carried from p. 1,
the carried part of the table ended above it, and the last row was read as a table of four
columns of its own (9 records for 10).  `chars.boxes.lead_white.onto_ink_start` judges the
letters after up to two glued marks alone: white stands between their share of the box and
their ink, so they move onto it.

tests/scan_crops/strandby-hrules-M-eng200-p2-glued-speck.* is that line's right half as it
reaches `onto_ink_start` (characters in the crop's points, ink at 150 dpi);
tests/scan_pages/strandby-jamstalldhet-hrules-seed22@eng-200-skew.pdf is the scan.
"""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.extractors.pdf.scan.chars.boxes.lead_white import onto_ink_start
from planparse.extractors.pdf.scan.chars.runs import char_runs
from tests.scan_crop_helpers import load_crop

SCAN = Path(__file__).parent / "scan_pages" / "strandby-jamstalldhet-hrules-seed22@eng-200-skew.pdf"
COLUMN = 707.2 - 550.0  # the schedule column's start in the crop's points


def _letters(chars: list[dict], word: str) -> tuple[float, float]:
    """(x0, x1) of the letters of `word` (marks glued before it left out)."""
    for run in char_runs(chars):
        text = "".join(chars[i]["text"] for i in run)
        if text.endswith(word):
            k = len(text) - len(word)
            return chars[run[k]]["x0"], chars[run[-1]]["x1"]
    raise KeyError(word)


def test_the_letters_after_a_glued_speck_move_onto_their_ink() -> None:
    chars, ink, scale = load_crop("strandby-hrules-M-eng200-p2-glued-speck")
    assert any("".join(chars[i]["text"] for i in run) == "_fortlépande" for run in char_runs(chars))
    before = _letters(chars, "fortlépande")
    assert before[0] < COLUMN - 4
    after_chars = onto_ink_start(chars, ink, scale)
    after = _letters(after_chars, "fortlépande")
    assert COLUMN - 1 < after[0] < COLUMN + 4
    # the mark stays where it was read; the words whose boxes start at their ink stay as they are
    mark = next(i for i, c in enumerate(chars) if c["text"] == "_")
    assert after_chars[mark] == chars[mark]
    for word in ("Kénsférdelningen", "bland", "nyan-"):
        assert _letters(after_chars, word) == _letters(chars, word)


def test_the_last_row_stays_in_the_table() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    assert len(records) == 10
    last = records[-1]
    assert last["actions"][0].startswith("Rekryteringsannonser formuleras")
    assert last["owners"] == ["Rekryterande chefer"]
    assert last["schedule"] == "fortlöpande"
    assert last["goal"] == records[-2]["goal"]
