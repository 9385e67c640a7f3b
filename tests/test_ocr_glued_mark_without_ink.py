"""A gutter mark glued before a word whose box holds only the word's letters (issue 11, scan set M).

sjovik-valfard-frame@eng-150 of scan set M (matrix seed 22) p. 1: Tesseract read the head
"Ansvarig" of the second table as "—_Ansvarig", its box over the letters alone (368.2 pt,
where the column's text starts).  `scan.marks.ocr_glued_marks` cut the marks off with their
share of the box, so the head started at 374.4 pt; the last row's short line under it
("natorn") then ran "across" that column edge, the table ended a line early and the row lost
"tutet och företagarföreningen." and "natorn".  `chars.unprinted.glued_marks` drops marks whose box
holds no ink of theirs (the box's first ink is a letter) and keeps the word's box.

tests/scan_crops/sjovik-frame-eng150-p1-glued-mark.* is the right half of that table:
the characters the step gets and the page's ink (rules out).
"""

from __future__ import annotations

from tests.scan_crop_helpers import load_crop


def _words(chars: list[dict]) -> dict[str, float]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return {"".join(chars[i]["text"] for i in run): chars[run[0]]["x0"] for run in char_runs(chars)}


def test_marks_without_ink_go_and_the_word_keeps_its_box() -> None:
    from planparse.extractors.pdf.scan.chars.unprinted.glued_marks import drop_inkless_glued_marks

    chars, ink, scale = load_crop("sjovik-frame-eng150-p1-glued-mark")
    before = _words(chars)
    after = _words(drop_inkless_glued_marks(chars, ink, scale))
    assert "—_Ansvarig" in before and "—_Ansvarig" not in after
    assert abs(after["Ansvarig"] - before["—_Ansvarig"]) < 0.01
    # the column's text below starts there too ("Medborgarinstitutet,", "natorn")
    assert abs(after["Ansvarig"] - after["Medborgarinstitutet,"]) < 1.0


def test_the_table_keeps_its_last_line() -> None:
    """The region grown under the heads takes in the row's last line again."""
    from planparse.extractors.pdf.scan.chars.unprinted.glued_marks import drop_inkless_glued_marks
    from planparse.extractors.pdf.scan.marks import ocr_glued_marks
    from planparse.extractors.pdf.words import Word

    chars, ink, scale = load_crop("sjovik-frame-eng150-p1-glued-mark")
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    def head_x0(cs: list[dict]) -> float:
        for run in char_runs(cs):
            text = "".join(cs[i]["text"] for i in run)
            if text.endswith("Ansvarig"):
                w = Word(text, cs[run[0]]["x0"], cs[run[-1]]["x1"], cs[run[0]]["top"], cs[run[0]]["bottom"], 8.0, False)
                return ocr_glued_marks([w])[0].x0
        raise AssertionError("no head")

    natorn = _words(chars)["natorn"]
    assert head_x0(chars) - natorn > 4.0  # before: the head stood right of its column's text
    assert abs(head_x0(drop_inkless_glued_marks(chars, ink, scale)) - natorn) < 1.0
