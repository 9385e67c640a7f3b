"""OCR marks read from white paper and flat OCR line boxes, judged by the page image (issue 11, scan set E).

The crops in tests/scan_crops are real: the ink (rules taken out, as
pdf.scan.raster.page_geometry leaves it) of a page region of a held-out scan
rendered at 150 dpi, and the characters of Tesseract's text layer there, in the
crop's points (tools: see the JSON's "source").
"""

from __future__ import annotations

from pathlib import Path

from tests.scan_crop_helpers import load_crop

_crop = load_crop


def _words(chars: list[dict]) -> list[tuple[str, float, float]]:
    """(text, x0, top) of each run of characters (pdf.scan.chars.boxes.ink's runs)."""
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return [("".join(chars[i]["text"] for i in run), chars[run[0]]["x0"], chars[run[0]]["top"]) for run in char_runs(chars)]


def test_a_dash_read_from_white_paper_goes() -> None:
    """jarvela-ilmasto-header-rule@fin-300 p. 2: "— Käynnissä", the dash 6 pt left of the
    Tila column where the image is white, put the cell's text across the column edge;
    the whitespace table broke under its header and the page's two rows were lost."""
    from planparse.extractors.pdf.scan.chars.unprinted.phantom import drop_phantom_marks

    chars, ink, scale = _crop("jarvela-header-rule-p2")
    before = [w for w in _words(chars) if w[0] == "—"]
    assert len(before) == 1
    kept = drop_phantom_marks(chars, ink, scale)
    assert [w for w in _words(kept) if w[0] == "—"] == []
    assert len(kept) == len(chars) - 1  # nothing else goes
    assert any(w[0] == "Käynnissä" for w in _words(kept))


def test_a_plus_read_from_white_paper_goes() -> None:
    """strandby-jamstalldhet-hrules@eng-150 (scan set K, matrix seed 20) p. 2: a "+" read
    where the image is white, between "för-" and the owner "HR-enheten" of the next column
    (one word space from it).  Kept as a one-letter word, it became the owner's bullet, the
    row stood apart from the header repeated above it, and the page's two rows were lost."""
    from planparse.extractors.pdf.scan.chars.unprinted.phantom import drop_phantom_marks

    chars, ink, scale = _crop("strandby-hrules-eng150-p2-plus")
    assert [w[0] for w in _words(chars)].count("+") == 1
    kept = drop_phantom_marks(chars, ink, scale)
    assert [w[0] for w in _words(kept)] == [w[0] for w in _words(chars) if w[0] != "+"]


def test_printed_dash_bullets_stay() -> None:
    """kymenlaakso-lnp-shaded-header@eng-150 p. 1: the items' dash bullets, printed, stay."""
    from planparse.extractors.pdf.scan.chars.unprinted.phantom import drop_phantom_marks

    chars, ink, scale = _crop("kymenlaakso-shaded-header-p1-bullets")
    dashes = [w for w in _words(chars) if w[0] == "—"]
    assert len(dashes) >= 8
    kept = drop_phantom_marks(chars, ink, scale)
    assert [w for w in _words(kept) if w[0] == "—"] == dashes


def test_a_flat_ocr_line_box_is_set_on_its_own_ink() -> None:
    """jarvela-ilmasto-header-rule@fin-300 p. 1: Tesseract wrote the goal's first line
    "Kuntalaisten kestävät liik-" with a 3 pt box at the foot of the line; set on no ink
    and grown about its middle, it stood level with the next row's first line and the
    centred goal went into that row.  Grown up from its foot, the ink sets it on its own
    line, a line pitch above "kumis- ja asumisvalinnat"."""
    from planparse.extractors.pdf.scan.chars.boxes.flat_boxes import regrow_flat_boxes
    from planparse.extractors.pdf.scan.chars.boxes.ink import settle_on_ink

    chars, ink, scale = _crop("jarvela-header-rule-p1-goal")

    def top_of(cs: list[dict], text: str) -> float:
        return next(top for t, _x, top in _words(cs) if t == text)

    def bottom_of(cs: list[dict], text: str) -> float:
        from planparse.extractors.pdf.scan.chars.runs import char_runs

        return next(cs[r[0]]["bottom"] for r in char_runs(cs) if "".join(cs[i]["text"] for i in r) == text)

    assert bottom_of(chars, "Kuntalaisten") - top_of(chars, "Kuntalaisten") < 4  # the flat box
    settled = settle_on_ink(regrow_flat_boxes(chars), ink, scale)
    goal, next_line, row = (bottom_of(settled, t) for t in ("Kuntalaisten", "kumis-", "Ympäristönsuojelu,"))
    assert 10 <= next_line - goal <= 16  # a line pitch (10 pt type)
    assert row - goal >= 4
    # its box now stands a line above the next row's first line, not level with it
    assert top_of(settled, "Ympäristönsuojelu,") - top_of(settled, "Kuntalaisten") >= 6
    assert bottom_of(settled, "Kuntalaisten") - top_of(settled, "Kuntalaisten") >= 9


def test_a_letter_read_from_noise_in_a_shaded_header_goes() -> None:
    """koskenniemi-ikaihmiset-shaded-header@fin-200-skew p. 2: an "N" read from the
    JPEG noise of the header's shading, 10 pt right of "Vastuu", made a seventh column;
    the page's table broke in two and four records were lost."""
    from planparse.extractors.pdf.scan.chars.unprinted.phantom import drop_phantom_marks

    chars, ink, scale = _crop("koskenniemi-shaded-header-p2-head")
    assert any(w[0] == "N" for w in _words(chars))
    kept = drop_phantom_marks(chars, ink, scale)
    assert [w[0] for w in _words(chars) if w not in _words(kept)] == ["N"]


def test_short_words_a_little_off_their_ink_stay() -> None:
    """sjovik-valfard-header-rule@eng-300 p. 1: the box of "i" ("erbjuds i alla") stands a
    little off its ink; one space from its neighbours' ink it is a word, not noise."""
    from planparse.extractors.pdf.scan.chars.unprinted.phantom import drop_phantom_marks

    chars, ink, scale = _crop("sjovik-header-rule-p1-short")
    short = [w for w in _words(chars) if len(w[0]) <= 2 and w[0].isalpha()]
    assert any(w[0] == "i" for w in short)
    kept = _words(drop_phantom_marks(chars, ink, scale))
    assert all(w in kept for w in short)


def test_a_bullet_whose_box_misses_its_dot_stays() -> None:
    """samples/scans/jarvela-ilmasto@fin-150.pdf p. 1: Tesseract read the second bullet of a
    Mittari cell as "*" with a box 1.4 pt wide just left of the printed dot.  With no ink
    under the box itself the bullet was dropped as a phantom mark and two indicators ran
    together; the dot beside it, short of the next word's box, is the mark's own ink."""
    from planparse import extract

    sample = Path(__file__).parents[1] / "samples" / "scans" / "jarvela-ilmasto@fin-150.pdf"
    records = extract(sample).to_dict()["records"]
    (record,) = [r for r in records if any("Kartoitettu" in i for i in r["indicators"])]
    assert record["indicators"] == ["Kartoitettu pinta-ala (ha)", "Vieraslajitalkoiden määrä"]


def test_ink_a_mark_only_clips_is_a_neighbours() -> None:
    """vake-osallisuus-frame@fin-150 p. 4 (scan set E): Tesseract read two dashes in the white
    after "elinten roolia ja" (the goal's third line).  The window a mark's ink is looked for in
    reaches a little past its box, and there it clipped the hyphen of "vaikuttamistoimi-" above
    (its ink runs past its box) and the letters of "vahvis-" below: the dashes were kept as
    printed.  Ink that lies mostly outside the window is another word's; the dashes go."""
    from planparse.extractors.pdf.scan.chars.unprinted.phantom import drop_phantom_marks

    chars, ink, scale = _crop("vake-frame-fin150-p4-goal-dash")
    line = [w for w in _words(chars) if abs(w[2] - 21.8) < 0.5]
    assert [w[0] for w in line] == ["elinten", "roolia", "ja", "—", "—", "sestä", "vaikuttamistoimielimiin."]
    kept = _words(drop_phantom_marks(chars, ink, scale))
    assert [w[0] for w in kept if abs(w[2] - 21.8) < 0.5] == ["elinten", "roolia", "ja", "sestä", "vaikuttamistoimielimiin."]
    assert [w[0] for w in kept if w[0] != "—"] == [w[0] for w in _words(chars) if w[0] != "—"]  # no word goes
