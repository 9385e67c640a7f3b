"""The layout matrix's expected output never asks for text its PDF does not print (issue 10).

Seed 14's kymenlaakso-lnp f2df2694 (LibreOffice, rows kept whole, A5): a row taller than
the page was clipped at the page's foot, "perhekeskus-" printed and "toimintaan ..." not,
while the expected output, made from the content, held the whole cell: a broken word no
reader could avoid.  The generator now reads every cell's text back from the PDF's own
words (pdfplumber, never planparse) and makes such a rendering again with the clipped rows
free to break, or leaves it out with the reason.
"""

from __future__ import annotations

import json
import shutil

import pytest

from samples.matrix.content import cell_paragraphs, layout_spec, load_contents
from samples.matrix.dimensions import combo_id, covering_design, dimensions
from samples.matrix.expected import _letters, all_printed, column_ranges, find_printed, pdf_words, unprinted_cells

CONTENTS = load_contents()


def _rendering(name: str, seed: int, skipped: list[str] | None = None):
    from samples.matrix.render import render_all

    combo = next(c for c in covering_design(dimensions(CONTENTS), seed=seed) if f"{c['content']}--{combo_id(c)}" == name)
    if combo["producer"] == "libreoffice" and shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) renders this combination; .ci/run installs it")
    (r,) = render_all([combo], CONTENTS, skipped=skipped)
    return r, layout_spec(CONTENTS[combo["content"]], combo)


def test_lines_spell_a_cell_over_a_page_break_past_a_stray_line():
    # a running header's last letter ("t") in the column between the two parts of a cell
    lines = [(0, "kylläei"), (0, "työväenopiston"), (0, "kurssientäyttöaste"), (0, "t"), (0, "työväenopiston"), (0, "skieliopetuksen"), (0, "noussut")]
    target = _letters("Työväenopiston kurssien täyttöaste (%) Työväenopiston S2-kieliopetuksen noussut")
    assert find_printed(lines, 0, target) == len(lines)
    assert find_printed(lines[:-1], 0, target) is None  # the last line clipped: not printed
    # seed 16 kymenlaakso b75f25f2 (A5, narrow columns): a cell goes on overleaf under the
    # footer and a repeated two-row header wrapped over nine lines of its column
    head = ["sivu", "seuranta", "arviointi", "ohjaus", "esimre", "surssin", "käyttö", "muita", "huomioita"]
    lines = [(3, "koulutusyh")] + [(4, h) for h in head] + [(4, "teistyöjayhteisethankkeet"), (4, "kumppaneidenkanssa")]
    assert find_printed(lines, 0, _letters("Koulutusyhteistyö ja yhteiset hankkeet kumppaneiden kanssa")) == len(lines)
    # on one page as many lines between two parts of a cell are too many
    lines = [(3, "koulutusyh")] + [(3, h) for h in head] + [(3, "teistyöjayhteisethankkeet"), (3, "kumppaneidenkanssa")]
    assert find_printed(lines, 0, _letters("Koulutusyhteistyö ja yhteiset hankkeet kumppaneiden kanssa")) is None


def test_a_cell_whose_last_words_are_missing_is_flagged():
    # a reportlab rendering (no LibreOffice needed) prints every cell; take one cell's last
    # word away from the page and the check names that cell
    r, spec = _rendering("vake-osallisuus--5620a58e", 15)
    words = pdf_words(r.pdf)
    assert unprinted_cells(spec, words) == []
    table = next(t for t in spec["tables"] if not t.get("skipped"))
    t_index = spec["tables"].index(table)
    c = next(i for i, col in enumerate(table["columns"]) if col["field"] == "actions")
    last = " ".join(cell_paragraphs(table["rows"][0], table["columns"][c], table)).split()[-1]
    lo, hi = column_ranges(spec, table)[c]
    page = next(p for p, ws in enumerate(words) if any(lo <= w["x0"] < hi and w["text"] == last for w in ws))
    hit = next(w for w in words[page] if lo <= w["x0"] < hi and w["text"] == last)
    words[page] = [w for w in words[page] if w is not hit]
    assert (t_index, 0) in {(t, row) for t, row, _, _ in unprinted_cells(spec, words)}


def test_a_row_clipped_by_libreoffice_is_made_again_free_to_break():
    from samples.matrix.render import CLIPPED_ROWS_FREE

    skipped: list[str] = []
    r, spec = _rendering("kymenlaakso-lnp--f2df2694", 14, skipped)
    assert skipped == []
    doc = json.loads(r.expected.read_text(encoding="utf-8"))
    assert CLIPPED_ROWS_FREE in doc["matrix"]["notes"]
    assert unprinted_cells(spec, pdf_words(r.pdf)) == []


def test_rows_libreoffice_drops_even_with_the_first_row_free_are_made_again_all_free():
    # seed 21 turku-yhta 2748733e (LibreOffice, grid, header repeated, rows kept whole, A5):
    # with the first data row free to break, LibreOffice still printed the last row
    # ("Palveluohjauksen ja Sas-toiminnan ...") only from its second page on, and the
    # rendering was left out; with every data row free it prints all of them
    from samples.matrix.render import DATA_ROWS_FREE

    skipped: list[str] = []
    r, spec = _rendering("turku-yhta--2748733e", 21, skipped)
    assert skipped == []
    doc = json.loads(r.expected.read_text(encoding="utf-8"))
    assert DATA_ROWS_FREE in doc["matrix"]["notes"]
    assert unprinted_cells(spec, pdf_words(r.pdf)) == []


# Seed 2026's scan-helsinki-kotoutuminen--856431c6 (reportlab, one narrow column): the owners
# column's printed lines that matter here, (page, letters) as pdfplumber gives them.  Table 2's cells are
# "Kaupunginkanslian elinkeino-osasto" twice, then "Työväenopisto - Kaupunginkanslian
# elinkeino-osasto"; table 1 printed the same owner on page 1 and cut another one over to
# page 2 ("kaupunginkans" / "lian...").
OWNERS_856431C6 = [
    (0, "kaupunginkans"), (0, "lianelinkei"), (0, "noosasto"), (0, "kaupunginkans"), (0, "lianviestintäyh"),
    (1, "kaupunginkans"), (1, "liankaupunkitieto"), (1, "kaikkitoimialat"), (1, "sivu"),
    (2, "vastuutahot"), (2, "kaupunginkanslian"), (2, "elinkeinoosasto"), (2, "kaupunginkanslian"),
    (2, "elinkeinoosasto"), (2, "työväenopisto"), (2, "kaupunginkans"), (2, "lianelinkei"), (2, "noosasto"), (2, "sivu"),
]


def test_a_cell_is_not_read_from_the_lines_of_a_later_cell():
    """The first reading of table 2's second owner took page 1's "kaupunginkans" and the third
    owner's "lianelinkei" / "noosasto" on page 2, so the third owner was not found and the
    rendering was left out although every word is printed (planparse read it 1.00 / 1.00)."""
    targets = [_letters("Kaupunginkanslian elinkeino-osasto")] * 2 + [_letters("Työväenopisto - Kaupunginkanslian elinkeino-osasto")]
    cursor = find_printed(OWNERS_856431C6, 0, targets[0])
    assert find_printed(OWNERS_856431C6, find_printed(OWNERS_856431C6, cursor, targets[1]), targets[2]) is None
    assert all_printed(OWNERS_856431C6, targets)
    assert not all_printed(OWNERS_856431C6, targets + [_letters("Kaikki toimialat")])
