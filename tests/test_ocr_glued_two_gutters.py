"""A header row read as one word over two column gutters, and the questions under it (issue 11, scan set L).

kymenlaakso-lnp-hrules@eng-150 of scan set L (seed 21) p. 3: six narrow columns on A5, and
Tesseract `eng` read three of the heads as one word in one box, "ai-_—_toimija(t)/_seuranta/"
(243.8-357.2 pt), the white of two gutters read as "_—_" and "_".  `split_glued_words` cut a
word at one gap only, so the run crossed two columns' starts, the header row stood apart from
the table (a table of its own with no goal or action head) and the page gave no record.  A run
whose ink shows two gaps or more, each holding one group of the speck's glyphs in order, is
cut at them (tests/scan_crops/kymenlaakso-hrules-L-eng150-p3-two-gutters.*: the characters
split_glued_words gets there and the ink, rules out).

With the heads parted, the header is still a table of its own, above the row of questions
("Missi on onnistuttava?", whose action cell reads "Mitäja tehdään?miten se": "miten se" boxed
under its line, set after the question's end); that row, under a header with no data row of its
own, is the header's (`is_question_rest`), not a record.  And the goal head reads "villitavoite"
(the ä of "välitavoite" read as "il"), one letter as two glyphs, which no one-edit match takes
(`headers.split_reading`, OCR text only).
"""

from __future__ import annotations

from pathlib import Path

import planparse
from tests.scan_crop_helpers import load_crop

CROP = "kymenlaakso-hrules-L-eng150-p3-two-gutters"
PAGE = Path(__file__).parent / "scan_pages" / "kymenlaakso-lnp-hrules-seed21@eng-150-p3.pdf"


def _words(chars: list[dict]) -> dict[str, tuple[float, float]]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return {"".join(chars[i]["text"] for i in run): (chars[run[0]]["x0"], chars[run[-1]]["x1"]) for run in char_runs(chars)}


def test_a_run_glued_over_two_gutters_is_cut_at_both() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = load_crop(CROP)
    before = _words(chars)
    assert "ai-_—_toimija(t)/_seuranta/" in before
    after = _words(split_glued_words(chars, ink, scale))
    assert "ai-_—_toimija(t)/_seuranta/" not in after
    # each head starts where its column's next line does ("ka-", "—toteuttaja(t", "arviointi")
    assert abs(after["ai-"][0] - after["ka-"][0]) < 1.0
    assert abs(after["toimija(t)/"][0] - after["—toteuttaja(t"][0]) < 1.0
    assert abs(after["seuranta/"][0] - after["arviointi"][0]) < 1.0
    assert after["ai-"][1] < after["toimija(t)/"][0] < after["toimija(t)/"][1] < after["seuranta/"][0]


def test_the_other_words_stay() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = load_crop(CROP)
    before = _words(chars)
    after = _words(split_glued_words(chars, ink, scale))
    for word in ("mittari/to-", "teutuminen", "ka-", "tau.)", "lu", "ohjaus", "/"):
        assert after[word] == before[word]


def test_heads_with_one_letter_read_as_two_glyphs() -> None:
    from planparse.normalize.tables.header_repair import role_texts
    from planparse.normalize.tables.headers import match_field

    assert match_field("villitavoite") is None  # two edits off "valitavoite"
    assert role_texts(["villitavoite", "_toimenpide"], None, None, ocr=True) == ["välitavoite", "_toimenpide"]
    assert match_field(role_texts(["villitavoite"], None, None, ocr=True)[0]) == "goal"
    assert role_texts(["villitavoite"], None) == ["villitavoite"]  # not OCR text: as printed
    assert role_texts(["villi"], None, None, ocr=True) == ["villi"]


def test_a_question_glued_before_a_line_read_out_of_place_asks() -> None:
    from planparse.normalize.tables.headers import is_question_row

    row = ["Missi on onnistuttava?", "Mitäja tehdään?miten se", "Miten mitataan onnistuminen?", "Millin", "Kuka/ketkii?", "Esim. Resurssin kiytté, muita huomioita?"]
    assert is_question_row(row, [0, 1], ocr=True)
    assert not is_question_row(row, [0, 1])  # not OCR text: the action cell states
    assert not is_question_row(["Lasten ja nuorten arvostaminen", "Lapsen/nuoren mielipiteen kuuleminen"], [0, 1], ocr=True)


def test_the_page_gives_its_rows_under_the_header() -> None:
    records = planparse.extract(PAGE).records
    assert records  # none before: the header stood apart with no goal or action head
    assert all(r.goal and not r.goal.endswith("?") for r in records)  # the questions are no record
    actions = [a for r in records for a in r.actions]
    assert any(a.startswith("Ennalta") for a in actions)
    assert any(a.startswith("Elämäntapaohjaus") for a in actions)
