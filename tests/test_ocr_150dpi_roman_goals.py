"""Roman goal numbers of OCR'd grids at 150 dpi (issue 11, scan set H).

pihlajavesi-lapset-nuoret-grid numbers its goals I-VI in every row.
- @eng-150: Tesseract read goal I's "I." as "|." in all three rows; every "|" was dropped as
  a rule's mark, so the goal had no id (three goal_id fields lost).  A "|" with a stop glued
  after it is a letter's stroke: no rule is followed on its line by a stop.
- @fin-150: it read "I." as "1." and "II." as "11." in all six rows of goals I and II, so no
  row of the same goal carried the Roman reading to put them right; the numbering's count
  does: the goal after "11" is III, so "11" is II, and "1" before II is I.
- set G @eng-150: "I Perheet..." with the stop lost left the number in the goal's text.
"""

from __future__ import annotations


def test_a_stroke_with_a_stop_glued_after_it_is_no_rule_mark() -> None:
    from planparse.extractors.pdf.scan.raster import drop_rule_marks

    # the scan's characters (p. 1, goal I's first row) and the grid's rule left of them
    chars = [{"text": "|", "x0": 57.6, "x1": 58.9, "top": 183.0, "bottom": 192.0},
             {"text": ".", "x0": 58.88, "x1": 60.2, "top": 183.0, "bottom": 192.0},
             {"text": " ", "x0": 60.2, "x1": 61.4, "top": 183.0, "bottom": 192.0},
             {"text": "P", "x0": 65.0, "x1": 69.4, "top": 183.0, "bottom": 192.0}]
    rules = [{"orientation": "v", "x0": 55.4, "x1": 55.4, "top": 150.0, "bottom": 560.0}]
    for edges in (rules, []):
        assert [c["text"] for c in drop_rule_marks(chars, edges)] == ["|", ".", " ", "P"]
    # a rule read as "|" beside a word, or after a sentence's stop, still goes
    beside = [{"text": "|", "x0": 55.0, "x1": 56.0, "top": 183.0, "bottom": 192.0},
              {"text": "P", "x0": 58.0, "x1": 62.4, "top": 183.0, "bottom": 192.0}]
    assert [c["text"] for c in drop_rule_marks(beside, rules)] == ["P"]
    after = [{"text": ".", "x0": 53.0, "x1": 54.3, "top": 183.0, "bottom": 192.0},
             {"text": "|", "x0": 54.9, "x1": 56.0, "top": 183.0, "bottom": 192.0}]
    assert [c["text"] for c in drop_rule_marks(after, rules)] == ["."]
    # strandby-jamstalldhet-grid@eng-200-skew (set H): "per år" and a rule read as "|." at the
    # line's end: no word opens with the stroke, no capital follows
    end = [{"text": "å", "x0": 44.0, "x1": 48.0, "top": 183.0, "bottom": 192.0},
           {"text": "r", "x0": 48.0, "x1": 51.0, "top": 183.0, "bottom": 192.0},
           {"text": " ", "x0": 51.0, "x1": 53.0, "top": 183.0, "bottom": 192.0},
           {"text": "|", "x0": 54.9, "x1": 56.0, "top": 183.0, "bottom": 192.0},
           {"text": ".", "x0": 56.0, "x1": 57.2, "top": 183.0, "bottom": 192.0}]
    assert [c["text"] for c in drop_rule_marks(end, rules)] == ["å", "r", " ", "."]


def test_stroke_ids_take_the_roman_number_the_count_puts_there() -> None:
    from planparse.normalize.repair.ocr.numbering import roman_goal_ids

    read = ["1", "1", "1", "11", "11", "11", "III", "III", "IV", "IV", "IV", "V", "V", "VI"]
    assert roman_goal_ids(read) == ["I", "I", "I", "II", "II", "II", "III", "III", "IV", "IV", "IV", "V", "V", "VI"]
    # no count says so: "11" between III and V is no II; Arabic numbering stays
    assert roman_goal_ids(["I", "II", "III", "11", "V"]) == ["I", "II", "III", "11", "V"]
    assert roman_goal_ids(["1", "1", "2", "11"]) == ["1", "1", "2", "11"]


def test_a_roman_number_left_in_the_goal_text_is_its_id() -> None:
    from planparse.normalize.repair.ocr.numbering import roman_goal_prefixes

    ids = [None, "I", None, "II", None, "III"]
    goals = ["I Perheet saavat tukea", "Perheet saavat tukea", "I Perheet saavat tukea", "Koulujen oppilashuolto",
             "IIL Jokaisella lapsella", "Jokaisella lapsella"]
    assert roman_goal_prefixes(ids, goals) == (
        ["I", "I", "I", "II", "III", "III"],
        ["Perheet saavat tukea", "Perheet saavat tukea", "Perheet saavat tukea", "Koulujen oppilashuolto",
         "Jokaisella lapsella", "Jokaisella lapsella"],
    )
    # no neighbour with that number: the word stays (Swedish "I Sverige ...")
    assert roman_goal_prefixes([None, "II", "III"], ["I Sverige finns", "Skolan", "Alla"])[0] == [None, "II", "III"]


def test_an_action_id_whose_stop_ocr_lost_takes_it_from_the_numbering() -> None:
    """koskenniemi-ikaihmiset-borderless@fin-150 (set H) and -hrules@fin-150 (set G): "1.2"
    read as "12" between actions 1.1 and 1.3 of goal 1."""
    from planparse.normalize.repair.ocr.numbering import dotted_action_ids

    goals = ["1", "1", "1", "2", "2"]
    assert dotted_action_ids(goals, ["1.1", "12", "1.3", "2.1", "22"]) == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    # no neighbour of the goal counts to it, or another goal: twelve stays twelve
    assert dotted_action_ids(["1", "1"], ["12", "13"]) == ["12", "13"]
    assert dotted_action_ids(["3", "3"], ["3.1", "12"]) == ["3.1", "12"]
