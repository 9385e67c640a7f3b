"""Fields of a scanned table that OCR's geometry or glyphs put wrong, measured on scan set H
(issue 11): kymenlaakso-lnp-hrules@eng-300 (matrix seed 17's kymenlaakso-lnp hrules rendering,
printed at 300 dpi, OCR'd by Tesseract's eng model).  The lines, flags and ids below are what
the extractor and the record builder handed on for that scan.
"""

from __future__ import annotations

from planparse.intermediate import Line
from planparse.normalize.tables.cells import TextJoiner, cell_text, slash_styles


def test_a_word_broken_at_a_line_end_goes_on_though_its_rest_looks_like_a_paragraph() -> None:
    """p. 1, the schedule "2020 / al- / kaen": the box of "al-" stood 3.4 pt off the column's
    edge, so "kaen" (back at the edge) was flagged as a paragraph start; the two halves became
    items of their own, "kaen" was read as käen (a word), and 8 of 16 records read
    "2020 al- käen"."""
    lines = [Line("2020", 0.0, True, fills_cell=True), Line("al-", 3.4, False), Line("kaen", 0.2, True, fills_cell=True)]
    assert cell_text(lines, TextJoiner(lang="fi", ocr=True)) == "2020 alkaen"
    # a capital after the hyphen starts an item as before ("Lasten-" / "Nuorten" is no word's rest)
    items = [Line("kulttuuri-", 0.0, True), Line("Muut", 0.0, True)]
    assert cell_text(items, TextJoiner(lang="fi", ocr=True)) == "kulttuuri- Muut"


def test_a_header_printed_on_every_page_counts_once_for_the_slash_style() -> None:
    """The header "seuranta / ar- / viointi / ohjaus" and "Kuka/ketkä?" read "seuranta/ ar-",
    "viointi/ ohjaus", "Kuka/ ketkä?" on each of the six pages with a header: 17 spaced
    slashes against the cells' five closed ones (Lapsen/nuoren, apu/tuki, ...), so every
    "Muut lapsi/" / "nuorisotoimijat" was joined "lapsi/ nuorisotoimijat" (38 owner fields on
    set H).  The records module counts each printed line once."""
    texts = ["Lapselta/nuorelta", "Lapsen/nuoren mielipi-", "Nopea apu/tuki nuorelle", "Perheen oma/vastuu-",
             "vyn yllapito/parantami-"] + ["Kuka/ ketka?", "seuranta/ ar-", "viointi/ ohjaus"] * 6
    assert slash_styles(texts)[1] == {"lower": True}  # every page's header outvotes the cells
    assert slash_styles(list(dict.fromkeys(texts)))[1] == {"lower": False}


def test_goal_ids_counting_up_in_a_section_put_right() -> None:
    from planparse.normalize.repair.ocr.numbering import counted_goal_ids

    # PÄÄTAVOITE I: "1" read "4", "2" read "Z" (no id), "5" lost; PÄÄTAVOITE II: 2 and 5 read
    # the other way round, 6 lost
    ids = ["4", None, "3", "4", None, "6", "7", "1", "5", "3", "4", "2", None, "1", "2", "3"]
    goals = list("abcdefghijklmnop")
    sections = ["I"] * 7 + ["II"] * 6 + ["III"] * 3
    assert counted_goal_ids(ids, goals, sections) == [str(n) for n in (1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 1, 2, 3)]
    # rows of one goal share its place in the count
    assert counted_goal_ids(["1", "1", "Z", "3", "4"], list("aabcd"), ["s"] * 5) == ["1", "1", "2", "3", "4"]
    # a goal missing from the count leaves the printed numbers (1, 2, 3, 5, 6), and so does
    # a section that counts too few goals right
    assert counted_goal_ids(["1", "2", "3", "5", "6"], list("abcde"), ["s"] * 5) == ["1", "2", "3", "5", "6"]
    assert counted_goal_ids(["1", "2", "7", "9"], list("abcd"), ["s"] * 4) == ["1", "2", "7", "9"]
    # a long text is no misread number
    assert counted_goal_ids(["1", "2", "3", "Tavoite"], list("abcd"), ["s"] * 4) == ["1", "2", "3", "Tavoite"]


# kymenlaakso-lnp-hrules@fin-150 p. 3, 400-520 pt: (text, x0, x1, top, bottom) of the OCR words
P3_WORDS = [
    ("ta,", 447.8, 455.4, 401.8, 410.8), ("kunta,", 462.2, 484.0, 401.8, 410.8), ("alue", 492.0, 506.6, 401.8, 410.8),
    ("siirto", 57.1, 74.8, 410.9, 420.9), ("Verkostojen", 255.4, 302.4, 411.0, 420.0), ("hyödyntä-", 311.0, 349.9, 411.0, 420.0),
    ("minen", 255.8, 277.0, 423.9, 432.9), ("(sivi-sote-3.sekto-", 285.1, 359.9, 423.9, 432.9), ("ri)", 255.8, 261.6, 436.3, 448.3),
    ("kuntien", 255.8, 282.7, 454.6, 463.6), ("hyte-toiminnan", 290.4, 350.4, 454.6, 463.6), ("kiinnittyminen", 255.8, 310.5, 467.6, 476.6),
    ("perhekes-", 318.7, 358.0, 467.6, 476.6), ("kustoimintaan", 255.8, 311.6, 480.0, 490.0), ("Elämäntapaohjaus", 256.3, 332.7, 497.8, 506.8),
    ("ja", 339.8, 345.6, 497.8, 506.8), ("aktivointi", 255.8, 289.9, 510.3, 520.3),
]


def test_a_word_s_rest_boxed_tall_on_a_line_of_its_own_is_no_heading() -> None:
    """kymenlaakso-lnp-hrules@fin-150 p. 3: "ri)", the rest of "(sivi-sote-3.sekto-", boxed
    12 pt beside 9 pt lines and too short to be measured by its letters, kept Tesseract's size
    and read as a heading: the whitespace region of the page's table ended above it, the
    action column's last four items were left out, and the table overleaf (p. 4) was not
    taken as its continuation (its goal "5" and its text fell into two rows).  A heading
    does not open with a small letter."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.words import Word

    words = even_ocr_sizes([Word(t, x0, x1, top, bottom, bottom - top, False) for t, x0, x1, top, bottom in P3_WORDS])
    sizes = {w.text: w.size for w in words}
    assert sizes["ri)"] == sizes["minen"] == sizes["kuntien"]


def test_a_line_end_hyphen_beside_a_speck_read_as_an_equals_sign_joins_the_word() -> None:
    """Set H kymenlaakso-lnp-hrules: "LNPter henki-=—" / "löstö" (fin-150, fin-300) and
    "Kansalliset ke=" / "hittämishankkeet" (fin-300): the hyphen with a speck beside it, or
    read as "=", at a narrow column's edge."""
    joiner = TextJoiner(lang="fi", ocr=True)
    assert joiner.join(["LNPsos ja", "LNPter henki-=—", "löstö"]) == "LNPsos ja LNPter henkilöstö"
    assert joiner.join(["Kansalliset ke=", "hittämishankkeet"]) == "Kansalliset kehittämishankkeet"
    assert joiner.join(["a = b"]) == "a = b"
