"""Goals of OCR'd grids at 150 dpi (issue 11, scan set G): Roman numbers read as digits,
marks read at a cell's rule, one goal read differently in its rows.

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
    from planparse.normalize.repair.ocr.numbering import roman_goal_ids

    found = ["1", "I", "I", "II", "II", "II", "III", "111", "IV", "IV", "IV", "V", "V", "VI"]
    assert roman_goal_ids(found) == ["I", "I", "I", "II", "II", "II", "III", "III", "IV", "IV", "IV", "V", "V", "VI"]
    # Arabic numbering stays: "1" beside "1" rows, and a lone "11" with no "II" beside it
    assert roman_goal_ids(["1", "1", "2", "11"]) == ["1", "1", "2", "11"]
    assert roman_goal_ids(["I", "II", "III", "11", "V"]) == ["I", "II", "III", "11", "V"]


def test_a_mark_read_just_left_of_a_cell_rule_is_dropped() -> None:
    """pihlajavesi-lapset-nuoret-grid@fin-150 p. 1 and p. 2: a dash or an equals sign read a few
    points left of the goal column's rule, after a gap wider than a word space ("ja ilman vii-
    =", "mieluisan —"), went into the goal.  Words and rules as the reader had them."""
    from planparse.extractors.pdf.scan.marks import ocr_marks_at_rules
    from planparse.extractors.pdf.words import Word

    rules = [{"orientation": "v", "x0": 37.2, "x1": 37.2, "top": 165.1, "bottom": 549.6},
             {"orientation": "v", "x0": 101.3, "x1": 101.3, "top": 165.6, "bottom": 549.6}]
    line = [Word("ja", 42.2, 46.7, 399.6, 407.7, 8.1, False), Word("ilman", 51.8, 68.2, 399.6, 407.7, 8.1, False),
            Word("vii-", 73.9, 83.9, 399.6, 407.7, 8.1, False), Word("=", 93.1, 94.3, 399.6, 407.7, 8.1, False),
            Word("vistetaan", 106.6, 135.1, 399.6, 407.7, 8.1, False)]
    assert [w.text for w in ocr_marks_at_rules(line, rules)] == ["ja", "ilman", "vii-", "vistetaan"]
    second = [Word("mieluisan", 43.2, 77.8, 389.9, 398.1, 8.2, False), Word("—", 88.3, 91.4, 389.9, 398.1, 8.2, False),
              Word("taan", 107.0, 118.6, 389.9, 398.1, 8.2, False)]
    assert [w.text for w in ocr_marks_at_rules(second, rules)] == ["mieluisan", "taan"]
    # a dash of the text after a word space stays, and so does one far from any rule
    spaced = [Word("tuki", 60.0, 75.0, 389.9, 398.1, 8.2, False), Word("—", 77.5, 81.0, 389.9, 398.1, 8.2, False)]
    assert len(ocr_marks_at_rules(spaced, rules)) == 2
    far = [Word("tuki", 40.0, 55.0, 389.9, 398.1, 8.2, False), Word("—", 62.0, 65.0, 389.9, 398.1, 8.2, False)]
    assert len(ocr_marks_at_rules(far, rules)) == 2
    # vake-osallisuus-grid@fin-300 (set F): "Osallistu ja vaikuta –" ends its line 10 points
    # before the rule, the dash 5 points (0.7 of a line height) after its word: printed text
    vake = [Word("vaikuta", 330.0, 354.6, 300.0, 307.3, 7.3, False), Word("—", 359.8, 361.8, 300.0, 307.3, 7.3, False)]
    at_vake = [{"orientation": "v", "x0": 372.0, "x1": 372.0, "top": 100.0, "bottom": 500.0}]
    assert [w.text for w in ocr_marks_at_rules(vake, at_vake)] == ["vaikuta", "—"]


def test_a_goal_printed_in_every_row_takes_the_reading_most_rows_give() -> None:
    """pihlajavesi-lapset-nuoret-grid@fin-150: goal II printed in three rows, the first read
    "...ennaltaehkäiseväsä" at the page's foot, the others "...ennaltaehkäisevästi"."""
    from planparse.normalize.repair.ocr.numbering import majority_goals

    right = "Koulujen oppilashuolto toimii yhtenäisesti ja ennaltaehkäisevästi"
    wrong = "Koulujen oppilashuolto toimii yhtenäisesti ja ennaltaehkäiseväsä"
    other = "Jokaisella lapsella ja nuorella on mahdollisuus mieluisaan harrastukseen"
    ids = ["II", "II", "II", "III", "III"]
    assert majority_goals(ids, [wrong, right, right, other, other]) == [right, right, right, other, other]
    # two readings, no majority; different goals under one id stay
    assert majority_goals(["II", "II"], [wrong, right]) == [wrong, right]
    assert majority_goals(["1", "1", "1"], ["Asuminen", "Liikkuminen", "Liikkuminen"]) == ["Asuminen", "Liikkuminen", "Liikkuminen"]
