"""Skipped letters on a skewed scan whose OCR broke the printed line (pdf.scan.chars.boxes.ink_gaps).

jarvela-ilmasto-shaded-header@eng-200-skew p. 2 (scan set G, remade with new sensor
noise): Tesseract read "Arvioitujen päätösten" as "Arvioitujen pii", ended its line there
and wrote "sten Käynnissä" as a line of its own after the line below ("osuus (%)"), 12 pt
of inked white between "pii" and "sten".  The gap was never looked at (the two words were
not next in the layer's order), and on that skewed page a line's feet wander by tenths of
a point, so the "usual word space" of one exact foot was a column gap's.  "sten" made a
column of its own, page 2 broke in one-row tables, its foot band no longer matched the
columns and 6 of 15 records were lost.  The crop is the page's straightened OCR characters
and its ink (tests/scan_crops/jarvela-shaded-header-eng200-p2-skipped.*).
"""

from __future__ import annotations

from tests.test_ocr_phantom_marks import _crop


def _x(chars: list[dict], word: str) -> tuple[float, float]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    for run in char_runs(chars):
        if "".join(chars[i]["text"] for i in run) == word:
            return chars[run[0]]["x0"], chars[run[-1]]["x1"]
    raise AssertionError(word)


def test_a_gap_of_skipped_letters_closes_across_an_ocr_line_break() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink_gaps import close_inked_gaps

    chars, ink, scale = _crop("jarvela-shaded-header-eng200-p2-skipped")
    assert _x(chars, "sten")[0] - _x(chars, "pii")[1] > 10  # a column gap to the table reader
    after = close_inked_gaps(chars, ink, scale)
    assert _x(after, "sten")[0] - _x(after, "pii")[1] < 4.0  # a word space
    # the white between the indicator and the status column stays
    assert _x(after, "Kiynnissa") == _x(chars, "Kiynnissa")
    assert _x(after, "sten")[1] == _x(chars, "sten")[1]
