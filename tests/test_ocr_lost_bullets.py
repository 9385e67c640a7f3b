"""Dash bullets Tesseract left out of the text layer, given back from the page image (issue 11, scan set E).

tests/scan_crops/kymenlaakso-shaded-header-fin300-p5-lost-bullets.* is the top of p. 5 of
kymenlaakso-lnp-shaded-header@fin-300 (matrix seed 14): the ink at 150 dpi (rules out, as
pdf.scan.raster.page_geometry leaves it) and the characters as they reach
pdf.scan.chars.glyphs.lost_bullets.give_back_bullets, in the crop's points.  Every item on that page
has its dash printed and not one was read: goal III-2's rest overleaf
("Päällekkäisyyksien poistaminen ...", "Moniammatillisesti ...", "Muut lapsi/...") read as
a paragraph going on, no item, and became a record of its own.

tests/scan_pages/kymenlaakso-lnp-shaded-header@fin-150-p4-5.pdf is pages 4-5 of the same
content's fin-150 scan (pdfseparate + pdfunite, image and text layer as made).
"""

from __future__ import annotations

from pathlib import Path

import planparse
from tests.scan_crop_helpers import load_crop

PAGES = Path(__file__).parent / "scan_pages"
_crop = load_crop


def _words(chars: list[dict]) -> list[str]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return ["".join(chars[i]["text"] for i in run) for run in char_runs(chars)]


def _marked(chars: list[dict]) -> set[str]:
    """The words that follow a bullet."""
    words = _words(chars)
    return {w for prev, w in zip(words, words[1:]) if prev == "•"}


def test_bullets_printed_but_not_read_are_given_back() -> None:
    from planparse.extractors.pdf.scan.chars.glyphs.lost_bullets import give_back_bullets

    chars, ink, scale = _crop("kymenlaakso-shaded-header-fin300-p5-lost-bullets")
    assert "•" not in _words(chars) and "—" not in _words(chars)[:1]
    given = give_back_bullets(chars, ink, scale)
    items = {
        "Päällekkäisyyksien", "Systeemisen", "Perheen", "Dialogiset", "Koulutus",  # actions
        "Moniammatillisesti", "Systeeminen", "Koulutuksien",  # indicators
        "Muut", "LNPsos", "Johto",  # owners
    }
    assert items <= _marked(given)
    # wrapped lines of an item, the goal column, the schedule and the free-text column have no dash
    for word in ("prosessimäärittelyt", "veluprosessit", "sä", "tö", "3", "Perheiden", "2020", "Koulutusyhteistyö", "hankkeet"):
        assert word not in _marked(given)
    # each bullet stands where its ink is, left of its item's text
    firsts = [(c, n) for c, n in zip(given, given[2:]) if c["text"] == "•"]
    assert all(c["x1"] < n["x0"] for c, n in firsts)
    assert len(given) == len(chars) + 2 * len(firsts)


def test_no_bullet_where_the_image_has_none() -> None:
    """The same crop with its dashes inked out: nothing is given back."""
    from planparse.extractors.pdf.scan.chars.glyphs.lost_bullets import give_back_bullets

    chars, ink, scale = _crop("kymenlaakso-shaded-header-fin300-p5-lost-bullets")
    ink = ink.copy()
    for x in (167.0, 350.9, 549.6):  # the three bullet columns (page points 167, 351, 550 - crop origin 40)
        c = int((x - 40.0) * scale)
        ink[:, c - 2 : c + 14] = False
    assert give_back_bullets(chars, ink, scale) == chars


def test_a_cut_row_whose_rest_overleaf_lost_its_bullets_is_one_record() -> None:
    """Goals III-2 and III-3 (p. 4 foot, p. 5): III-2's rest overleaf was a record of its own, and
    III-3 broke in two where its bulletless items lined up with another column's."""
    records = planparse.extract(PAGES / "kymenlaakso-lnp-shaded-header@fin-150-p4-5.pdf").to_dict()["records"]
    two = [r for r in records if r["goal"].startswith("Monialaiset ja monitoimijaiset")]
    assert len(two) == 1
    assert [a.split()[0] for a in two[0]["actions"]] == ["Monialaisen", "Palveluaikojen", "Päällekkäisyyksien"]
    assert "Muut lapsi/nuorisotoimijat" in two[0]["owners"]
    three = [r for r in records if r["goal"].startswith("Perheiden kokonaisvaltaisen")]
    assert len(three) == 1
    assert len(three[0]["actions"]) == 5
