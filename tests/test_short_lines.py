"""A dash at the end of a line the writer ended short of the cell's edge is printed text.

The PDF extractor marks a line after which the next line's first word would
have fitted (`Line.ends_short`, geometry); the hyphen repair keeps a dash at
the end of such a line as printed ("Toteutuu- Quick ratio 2,6") instead of
reading a compound ("Toteutuu-Quick").  A dash on a line filled to the edge,
or before a word too long for the room left, is still a line break.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.cli.options import parse_pages
from planparse.extractors.pdf.reader import read_pdf
from planparse.intermediate import Line
from planparse.normalize.repair.hyphens import join_lines
from planparse.settings import ExtractOptions
from planparse.source import Source

from . import pdf_fixtures as fx
from .conftest import CORPUS

KAUHAVA = CORPUS / "kuntaparse" / "Kauhava-Tilinpaatos-2024.pdf"


def _action_cells(path: Path) -> dict[str, list[Line]]:
    table = read_pdf(Source.from_path(path), ExtractOptions()).tables[0]
    return {row.cells[1].lines[0].text: row.cells[1].lines for row in table.rows[1:]}


def test_extractor_marks_only_the_line_ended_short(tmp_path: Path) -> None:
    cells = _action_cells(fx.short_line_dash_pdf(tmp_path / "dash.pdf"))
    flags = {first: [line.ends_short for line in lines] for first, lines in cells.items()}
    assert flags == {
        "Kehitetään palvelu-": [False, False],  # the line reaches the cell's edge
        "Toteutuu-": [True, False],  # "Quick" would have fitted after it
        "Lisätään asiakas-": [False, False],  # "palvelujärjestelmää" would not have
    }


def test_dash_on_a_short_line_stays_printed_text(tmp_path: Path) -> None:
    doc = planparse.extract(fx.short_line_dash_pdf(tmp_path / "dash.pdf")).to_dict()
    assert [(r["goal"], r["actions"]) for r in doc["records"]] == [
        ("Palvelut paranevat", ["Kehitetään palveluverkostoa"]),
        ("Talous on vakaa", ["Toteutuu- Quick ratio 2,6"]),
        ("Asiakkaat kuullaan", ["Lisätään asiakaspalvelujärjestelmää"]),
    ]


def test_join_lines_without_geometry_is_unchanged() -> None:
    """DOCX lines (and plain text) carry no geometry: the hyphen rules alone decide."""
    assert Line("Toteutuu-").ends_short is False
    assert join_lines(["Toteutuu-", "Quick ratio 2,6"]) == "Toteutuu-Quick ratio 2,6"
    assert join_lines(["Toteutuu-", "Quick ratio 2,6"], ends_short=[True, False]) == "Toteutuu- Quick ratio 2,6"
    # a word cut (by hand, or in a text frame narrower than the ruled cell), an acronym
    # compound, a number range and a lone dash keep their reading even on a short line
    assert join_lines(["palvelu-", "verkostoa"], ends_short=[True, False]) == "palveluverkostoa"
    assert join_lines(["Palkkojen ja henkilösivu-", "kulujen jaksotukset"], ends_short=[True, False]) == (
        "Palkkojen ja henkilösivukulujen jaksotukset"
    )
    assert join_lines(["EU-", "hankkeet"], ends_short=[True, False]) == "EU-hankkeet"
    assert join_lines(["vuosina 2022-", "2023"], ends_short=[True, False]) == "vuosina 2022-2023"
    assert join_lines(["kulttuuri ja -", "liikunta"], ends_short=[True, False]) == "kulttuuri ja -liikunta"


def test_real_card_keeps_the_printed_dash() -> None:
    """Kauhava 2024 p. 60: Arviointi "Toteutuu-" ends far short of the cell's edge before "Quick ratio 2,6"."""
    if not KAUHAVA.exists():
        pytest.skip(f"shared corpus not present: {KAUHAVA}")
    doc = planparse.extract(KAUHAVA, ExtractOptions(pages=parse_pages("60"))).to_dict()
    values = [r["extra"].get("Arviointi") for r in doc["records"]]
    assert "Toteutuu- Quick ratio 2,6" in values
    assert not any("Toteutuu-Quick" in (v or "") for v in values)


# --- a word wider than its cell, cut without a hyphen ------------------------------------


def test_extractor_marks_one_word_lines_as_wide_as_the_cell(tmp_path: Path) -> None:
    table = read_pdf(Source.from_path(fx.word_cut_pdf(tmp_path / "cut.pdf")), ExtractOptions()).tables[0]
    flags = [[(line.text, line.fills_cell) for line in row.cells[2].lines] for row in table.rows[1:]]
    assert flags == [[("Osittai", True), ("n", False)], [("Valmis", True), ("osin", False)]]


def test_word_cut_without_hyphen_is_joined(tmp_path: Path) -> None:
    doc = planparse.extract(fx.word_cut_pdf(tmp_path / "cut.pdf")).to_dict()
    status = [r["extra"].get("Tila") for r in doc["records"]]
    assert status == ["Osittain", "Valmis osin"]


def test_cut_without_hyphen_needs_the_lexicon_and_geometry() -> None:
    assert join_lines(["Ositt", "ain"], fills_cell=[True, False]) == "Osittain"
    assert join_lines(["1.si", "ja", "+58"], fills_cell=[True, False, False]) == "1.sija +58"
    assert join_lines(["Ositt", "ain"]) == "Ositt ain"  # no geometry (DOCX, plain text): as printed
    assert join_lines(["Toteutunut", "osittain"], fills_cell=[True, False]) == "Toteutunut osittain"


def test_a_number_cut_at_a_full_line_closes_up() -> None:
    assert join_lines(["2025–2", "026"], fills_cell=[True, False]) == "2025–2026"
    assert join_lines(["202", "0 alkaen"], fills_cell=[True, False]) == "2020 alkaen"
    assert join_lines(["Asiakaspalaute Kunta1", "0"], fills_cell=[True, False]) == "Asiakaspalaute Kunta10"
    # two numbers in a row, a column of lone numbers, or no geometry: as printed
    assert join_lines(["vuosina 2024", "2025"], fills_cell=[True, False]) == "vuosina 2024 2025"
    assert join_lines(["922", "176"], fills_cell=[True, True]) == "922 176"
    assert join_lines(["1", "1"], fills_cell=[True, True]) == "1 1"
    assert join_lines(["2025–2", "026"]) == "2025–2 026"


def test_a_word_cut_where_one_piece_is_no_word_closes_up() -> None:
    # "nuorisotoimi" is a word but "jat" is not: one word cut at the line's end
    assert join_lines(["Muut lapsi/nuorisotoimi", "jat"], fills_cell=[True, False]) == "Muut lapsi/nuorisotoimijat"
    # both pieces words: two words
    assert join_lines(["Valmis", "osin"], fills_cell=[True, False]) == "Valmis osin"


def test_the_documents_own_unbroken_spelling_joins_a_cut_word() -> None:
    from planparse.normalize.repair.evidence import DocumentEvidence

    evidence = DocumentEvidence.from_texts(["Bildningsförvaltningen ansvarar", "Ensamhet bland äldre"])
    assert join_lines(["Bildningsför", "valtningen"], lang="sv", evidence=evidence, fills_cell=[True, False]) == "Bildningsförvaltningen"
    # two known words ("ensam", "het") stay apart unless the document prints the word whole
    assert join_lines(["ensam", "het"], lang="sv", evidence=evidence, fills_cell=[True, False]) == "ensamhet"
    assert join_lines(["ensam", "het"], lang="sv", fills_cell=[True, False]) == "ensam het"


def test_a_long_swedish_word_of_two_known_pieces_closes_up() -> None:
    # the owners' cells of strandby-jamstalldhet--0dc749db (matrix seed 19, and its scans, set J)
    assert join_lines(["Skolbibliotek", "arie, ämnes-", "lärare"], lang="sv", fills_cell=[True, False, False]) == "Skolbibliotekarie, ämneslärare"
    assert join_lines(["Förvaltnings", "chef,", "rektorer"], lang="sv", fills_cell=[True, False, False]) == "Förvaltningschef, rektorer"
    # a short whole of two words ("ensam" / "het") needs the document's spelling, as before
    assert join_lines(["ensam", "het"], lang="sv", fills_cell=[True, False]) == "ensam het"
    assert join_lines(["Kommunstyrelsen", "och"], lang="sv", fills_cell=[True, False]) == "Kommunstyrelsen och"


def test_a_swedish_word_cut_twice_is_judged_whole() -> None:
    # "dag" / "hemsförestån" / "dare": neither break alone shows a compound's pieces
    lines = ["Rektorer, dag", "hemsförestån", "dare, elevhäl-", "san"]
    assert join_lines(lines, lang="sv", fills_cell=[True, True, False, False]) == "Rektorer, daghemsföreståndare, elevhälsan"
    lines = ["Rektorer,", "dagh", "emsförestånda", "re, elevhälsan"]
    assert join_lines(lines, lang="sv", fills_cell=[False, True, True, False]) == "Rektorer, daghemsföreståndare, elevhälsan"


def test_a_word_on_a_full_line_of_its_own_is_no_cut_word() -> None:
    # seed 21 kymenlaakso-lnp 1e5e5c3b (A5, one narrow column): "Monialaiset ja monitoimijaiset" /
    # "joustavasti" / "tuotetut palvelut" -- the middle line is a word, not the middle of one
    lines = ["Monialaiset ja monitoimijaiset", "joustavasti", "tuotetut palvelut"]
    assert join_lines(lines, lang="fi", fills_cell=[True, True, False]) == "Monialaiset ja monitoimijaiset joustavasti tuotetut palvelut"


def test_without_a_spell_checker_a_cut_inside_a_compound_part_closes_up() -> None:
    # sjovik-valfard in the layout matrix: the joined word is known parts (bildnings|förvaltningen,
    # sysselsättnings|tjänster) and the cut falls inside one of them, or before the linking s
    assert join_lines(["Bildningsförvaltnin", "gen"], lang="sv", fills_cell=[True, False]) == "Bildningsförvaltningen"
    assert join_lines(["Sysselsättningstjäns", "ter"], lang="sv", fills_cell=[True, False]) == "Sysselsättningstjänster"
    assert join_lines(["Sysselsättning", "stjänster"], lang="sv", fills_cell=[True, False]) == "Sysselsättningstjänster"
    # cut at a seam, or two known words: two words
    assert join_lines(["Kommunstyrelsen", "ansvarar"], lang="sv", fills_cell=[True, False]) == "Kommunstyrelsen ansvarar"
    assert join_lines(["Kommunstyrelsen", "och"], lang="sv", fills_cell=[True, False]) == "Kommunstyrelsen och"
    assert join_lines(["Skolan", "elevhälsoteamet"], lang="sv", fills_cell=[True, False]) == "Skolan elevhälsoteamet"


def test_without_a_spell_checker_the_frequency_list_joins_a_cut_word_it_knows() -> None:
    # Swedish: no Voikko; the joined word is frequent, the left piece unknown
    assert join_lines(["Kollektivtrafike", "n"], lang="sv", fills_cell=[True, False]) == "Kollektivtrafiken"
    assert join_lines(["Välfärdsomr", "ådet"], lang="sv", fills_cell=[True, False]) == "Välfärdsområdet"
    # a known left word stays apart
    assert join_lines(["ensam", "het"], lang="sv", fills_cell=[True, False]) == "ensam het"


def test_a_cut_where_neither_piece_is_a_word_closes_up() -> None:
    # LibreOffice cuts a word wider than a narrow column where the line is full, without a hyphen
    assert join_lines(["LNPs", "os ja", "LNPt", "er"], fills_cell=[True, True, True, False]) == "LNPsos ja LNPter"
    assert join_lines(["Bildningsför", "valtningen,"], lang="sv", fills_cell=[True, False]) == "Bildningsförvaltningen,"
    assert join_lines(["Sysselsättnin", "gstjänster"], lang="sv", fills_cell=[True, False]) == "Sysselsättningstjänster"
    # an abbreviation ("ml.") or a piece that starts a hyphen compound of its own stays apart
    assert join_lines(["Kootaan vapan", "yhta-ryhmä,"], fills_cell=[True, False]) == "Kootaan vapan yhta-ryhmä,"
    # a known word before an unknown one, or no geometry: as printed
    assert join_lines(["LNPs", "os"]) == "LNPs os"
    assert join_lines(["ensam", "het"], lang="sv", fills_cell=[True, False]) == "ensam het"


def test_two_nominative_nouns_cut_at_the_compound_seam_close_up() -> None:
    # reportlab cut "lapsi/nuorisotoimijat" at the line's end where its last part starts
    assert join_lines(["Muut lapsi/nuoriso", "toimijat"], fills_cell=[True, False]) == "Muut lapsi/nuorisotoimijat"
    assert join_lines(["Muut lapsi/nuorisotoimija", "t"], fills_cell=[True, False]) == "Muut lapsi/nuorisotoimijat"
    # an adjective, a participle or a genitive after the noun is a phrase: two words
    assert join_lines(["Valmis", "osin"], fills_cell=[True, False]) == "Valmis osin"
    assert join_lines(["Suunnitelma", "hyväksytty"], fills_cell=[True, False]) == "Suunnitelma hyväksytty"
    assert join_lines(["Reitin käyttäjämäärä", "laskurin mukaan"], fills_cell=[True, False]) == "Reitin käyttäjämäärä laskurin mukaan"
    # the right word goes on past its line ("käytös-" / "sä" is käytössä, no noun "käytös")
    assert join_lines(["Sovittelun malli", "käytös-", "sä"], fills_cell=[True, True, False]) == "Sovittelun malli käytössä"


def test_a_cut_before_a_piece_cut_again_is_judged_with_the_whole_word() -> None:
    # kymenlaakso-lnp in the layout matrix (A5): "Asiak" / "kai-" / "den" is Asiakkaiden
    assert join_lines(["• Asiak", "kai-", "den lähipiiri"], fills_cell=[True, True, False]) == "• Asiakkaiden lähipiiri"
    # a suspended hyphen after the piece is no cut word
    assert join_lines(["sosiaali-", "terveys-", "ja sivistys"]) == join_lines(["sosiaaliterveys-", "ja sivistys"])


def test_a_bulleted_items_one_word_continuation_line_fills_the_cell_from_the_items_text_edge() -> None:
    """Held-out matrix (seed 7) kymenlaakso-lnp, one narrow column: "• Muut lap" / "si/nuoris" is
    the foot of a page (the row's rest "otoimijat" is overleaf).  "si/nuoris" hangs at the
    item's text edge, right of the bullet, and reaches the cell's edge: a word that may have
    been cut without a hyphen, as a one-word line from the cell's left edge would be."""
    from planparse.extractors.pdf.words import TextLine, Word, cell_lines

    def line(top: float, *words: tuple[str, float, float]) -> TextLine:
        ws = [Word(t, x0, x1, top, top + 9, 9.0, False) for t, x0, x1 in words]
        return TextLine(ws, " ".join(t for t, _, _ in words), ws[0].x0, ws[-1].x1, top, top + 9, 9.0, False)

    lines = [line(100, ("•", 100.0, 104.0), ("Muut", 110.0, 130.0), ("lap", 133.0, 149.5)), line(111, ("si/nuoris", 110.0, 149.8))]
    # ("lap" reaches the edge and "lapsi/nuoris" would not fit: cut there too)
    assert [ln.fills_cell for ln in cell_lines(lines, edge=150.0)] == [True, True]
    # a continuation line ending short of the edge does not fill it
    lines[1] = line(111, ("si/nuoris", 110.0, 140.0))
    assert cell_lines(lines, edge=150.0)[1].fills_cell is False


def test_a_token_cut_before_a_period_or_slash_closes_up() -> None:
    # turku-yhta held-out matrix (seed 14), reportlab, narrow A5 columns: no word opens a line
    # with a period or a slash, so at a full line such a line is the cut token's rest
    assert join_lines(["hanke (25.11.2021-23.12", ".2023): tuloksena"], fills_cell=[True, False]) == "hanke (25.11.2021-23.12.2023): tuloksena"
    assert join_lines(["Fysioterapia", "/arkikuntoutus"], fills_cell=[True, False]) == "Fysioterapia/arkikuntoutus"
    assert join_lines(["Fysioterapia", "/arkikuntoutus"]) == "Fysioterapia /arkikuntoutus"  # no geometry: as printed
    # (seed 13) a date cut after its day and month: "(25." / "11.2021-23." / "12.2023):"
    assert join_lines(["hanke (25.", "11.2021-23.", "12.2023): tuloksena"], fills_cell=[True, True, False]) == "hanke (25.11.2021-23.12.2023): tuloksena"
    assert join_lines(["kohta 3.", "12 henkeä"], fills_cell=[True, False]) == "kohta 3. 12 henkeä"
    # (seed 21) cut after its month, the year opening the next full line: "(25.11." / "2021-23.12.20"
    assert join_lines(["-hanke (25.11.", "2021-23.12.20", "23): tuloksena"], fills_cell=[True, True, True]) == "-hanke (25.11.2021-23.12.2023): tuloksena"
    assert join_lines(["hanke (25.11.", "2021 alkaen"]) == "hanke (25.11. 2021 alkaen"  # no geometry: as printed


def test_a_capital_alone_at_a_full_line_before_a_lower_case_rest_closes_up() -> None:
    # the same rendering: "Asiakaspalaute K" / "unta10" (a word and its number cut after the capital)
    assert join_lines(["Asiakaspalaute K", "unta10"], fills_cell=[True, False]) == "Asiakaspalaute Kunta10"
    assert join_lines(["Valmis", "osin"], fills_cell=[True, False]) == "Valmis osin"
