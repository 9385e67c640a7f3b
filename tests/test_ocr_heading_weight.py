"""A heading's lines are bold or regular together, by their own weight (issue 11, scan set H).

kymenlaakso-lnp-hrules@fin-150 p. 1: the heading "PÄÄTAVOITE I: Lasten, nuorten ja
perheiden arjen hyvinvointi / lisääntyy" stands right over the table's bold header
row.  Weighed as one (pdf.scan.chars.glyphs.weight pools a heading's lines) it is not bold, but
the bold header row spread its weight up into "lisääntyy", the heading was cut at
the change and five records' section read "lisääntyy".  The crop in tests/scan_crops
is that whole page's real ink and characters (the page's usual weight is its
body text's; see tests/test_ocr_phantom_marks.py).
"""

from __future__ import annotations

from tests.test_ocr_phantom_marks import _crop


def _bold_words(chars: list[dict]) -> dict[str, bool]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return {"".join(chars[i]["text"] for i in run): chars[run[0]]["fontname"].endswith("-Bold") for run in char_runs(chars)}


def test_heading_over_a_bold_header_row_keeps_one_weight() -> None:
    from planparse.extractors.pdf.scan.chars.glyphs.weight import mark_bold

    chars, ink, scale = _crop("kymenlaakso-hrules-fin150-p1-heading")
    bold = _bold_words(mark_bold(chars, ink, scale))
    heading = ("PÄÄTAVOITE", "Lasten,", "nuorten", "perheiden", "arjen", "hyvinvointi", "lisääntyy")
    assert len({bold[w] for w in heading}) == 1
    assert not bold["lisääntyy"]
    for head in ("seuranta/", "toimija(t)", "toimenpide", "mittari"):  # the header row stays bold (where it was)
        assert bold[head]
