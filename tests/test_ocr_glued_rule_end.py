"""A word glued over a column gap by a broken row rule's end read as "_—_‘": cut even where the
next cell's word ("1)") is a narrow digit whose ")" lies past the OCR box (pdf.scan.chars.boxes.ink).

sjovik-valfard-hrules@eng-150.pdf (scan set L) p. 1: "unga_—_‘1)" ran from the goal column
into the actions column; the "1" is narrower than a speck, so no second word was seen and the
run was left whole, the page's table split in two (8 of 11 records)."""

from __future__ import annotations

from tests.scan_crop_helpers import load_crop


def _words(chars: list[dict]) -> list[tuple[str, float]]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return [("".join(chars[i]["text"] for i in run), chars[run[0]]["x0"]) for run in char_runs(chars)]


def test_a_rule_end_read_between_two_cells_words_is_cut_out() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = load_crop("sjovik-hrules-L-eng150-p1-rule-end")
    out = _words(split_glued_words(chars, ink, scale))
    texts = [t for t, _ in out]
    assert "unga" in texts and "1)" in texts
    assert dict(out)["1)"] > dict(out)["unga"] + 10  # the item number stands in the next column


def test_the_other_words_of_the_line_are_left_alone() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = load_crop("sjovik-hrules-L-eng150-p1-rule-end")
    out = [t for t, _ in _words(split_glued_words(chars, ink, scale))]
    assert [t for t in out if t not in ("unga", "1)")] == [t for t, _ in _words(chars) if t != "unga_—_‘1)"]
