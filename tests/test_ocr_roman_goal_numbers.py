"""Roman goal numbers OCR read as digits (issue 11, scan set G, 150 dpi).

pihlajavesi-lapset-nuoret-grid@fin-150 numbers its goals I-VI in every row.  Tesseract read
p. 2's "II." as "1I.": the row's goal was taken for the rest of p. 1's goal cut at the foot
("...ennaltaehkäise- / väsä", no sentence closed), joined to it and two records were lost
(F1 0.86).  It read p. 1's first "I." as "1." and p. 2's "III." as "111.": those records'
goal ids were digits beside rows of the same goal numbered "I" and "III".
"""

from __future__ import annotations


def _cell(*texts: str):
    from planparse.intermediate import Cell, Line

    return Cell(lines=[Line(t) for t in texts])


def test_a_roman_number_read_with_a_digit_opens_a_new_goal() -> None:
    from planparse.normalize.tables.rows import text_continues

    cut = _cell("II. Koulujen", "oppilashuolto", "toimii yhte-", "näisesti ja en-", "naltaehkäise-", "väsä")
    overleaf = _cell("1I. Koulujen", "oppilashuolto", "toimii yhte-", "näisesti ja en-", "naltaehkäise-", "västi")
    assert not text_continues(cut, overleaf)
    assert text_continues(cut, _cell("västi"))  # the cut word's rest goes on


def test_goal_ids_read_as_digits_among_roman_ones() -> None:
    from planparse.normalize.repair.ocr_glyphs import roman_goal_ids

    found = ["1", "I", "I", "II", "II", "II", "III", "111", "IV", "IV", "IV", "V", "V", "VI"]
    assert roman_goal_ids(found) == ["I", "I", "I", "II", "II", "II", "III", "III", "IV", "IV", "IV", "V", "V", "VI"]
    # Arabic numbering stays: "1" beside "1" rows, and a lone "11" with no "II" beside it
    assert roman_goal_ids(["1", "1", "2", "11"]) == ["1", "1", "2", "11"]
    assert roman_goal_ids(["I", "II", "III", "11", "V"]) == ["I", "II", "III", "11", "V"]
