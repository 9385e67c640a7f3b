"""The PDF extractor's intermediate tables: grids, cells, pages, headings, errors.

Real files: the samples in samples/, the real plan values-fi.pdf of the shared
corpus (skipped when absent) and small PDFs drawn with reportlab for one
layout problem each (tests/pdf_fixtures.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse.extractors.pdf.opening as pdf_open
from planparse.errors import CorruptInputError, EncryptedError, NoTextLayerError, PlanparseError
from planparse.extractors.pdf.reader import find_tables, read_pdf
from planparse.extractors.pdf.settings import PdfSettings
from planparse.intermediate import RawDocument
from planparse.settings import ExtractOptions
from planparse.source import Source

from .conftest import CORPUS, SAMPLES
from . import pdf_fixtures as fx

VALUES_FI = CORPUS / "teekkarikomissio" / "values-fi.pdf"


def read(path: Path, **options) -> RawDocument:
    return read_pdf(Source.from_path(path), ExtractOptions(**options))


def texts(row) -> list[str]:
    """A row's cells with whitespace runs (line breaks) as single spaces."""
    return [" ".join(cell.text.split()) for cell in row.cells]


@pytest.fixture(scope="module")
def values_fi() -> RawDocument:
    if not VALUES_FI.exists():
        pytest.skip(f"shared corpus not present: {VALUES_FI}")
    return read(VALUES_FI)


# --- values-fi.pdf: a Google Docs plan nobody here wrote ---------------------------


def test_values_fi_tables_under_their_theme_headings(values_fi: RawDocument) -> None:
    assert values_fi.title == "Teekkarikomission yhdenvertaisuussuunnitelma"
    assert [t.heading for t in values_fi.tables] == [
        "Esteettömyyden huomioon ottaminen",
        "Saavutettavuuden jatkuva huomioonottaminen",
        "Sukupuolivähemmistöjen huomioonottaminen",
        "Kansalaisuuden ja etnisen taustan huomioon ottaen",
        "Ikä, varallisuus ja elämäntilanne",
        "Vakaumus ja mielipiteet",
        "Palautelomake – [nykyinen ongelmatilannelomake]",
        "Läpinäkyvyys",
        "Neuroepätyypillisyyden huomioonottaminen",
        "Turvallisemman tilan periaatteet",
    ]
    assert all(t.n_cols == 2 for t in values_fi.tables)
    assert values_fi.tables[0].headings[-2:] == ["Toimenpiteistä ja mittareista", "Esteettömyyden huomioon ottaminen"]


def test_values_fi_rows_read_column_by_column(values_fi: RawDocument) -> None:
    """The two columns have different line spacing; each cell keeps its own lines."""
    first = values_fi.tables[0]
    assert texts(first.rows[0]) == ["Toimenpide", "Mittari"]
    assert first.rows[0].bold and not first.rows[1].bold
    assert texts(first.rows[4]) == [
        "Mahdollisuus lisätietojen antamisesta ilmoittautumisen yhteydessä.",
        "Erillisjärjestelyjen kvantitatiivinen seuranta tapahtumissa: esim- "
        "alkoholittomien ja kasvisruokavalioiden seurantaa ja reagointi tarpeeseen.",
    ]
    # line-end hyphens stay exactly as printed
    assert [ln.text for ln in first.rows[1].cells[1].lines] == [
        "Onko tapahtumailmottautumis-",
        "lomakkeessa mahdollisuus lisätä",
        "lisätarpeita?",
    ]


def test_values_fi_row_cut_by_page_break_is_marked(values_fi: RawDocument) -> None:
    table = values_fi.tables[2]  # Sukupuolivähemmistöjen ...: pages 5-6
    pages = [row.page for row in table.rows]
    assert pages == [5, 6, 6, 6]
    cont = table.rows[1]
    assert cont.starts_page and texts(cont) == ["", "erillisen tilan tarve?"]
    assert not any(row.starts_page for row in values_fi.tables[0].rows)
    assert [len(t.rows) for t in values_fi.tables] == [5, 2, 4, 3, 4, 1, 5, 4, 2, 2]


def test_values_fi_paragraphs_inside_a_cell(values_fi: RawDocument) -> None:
    cell = values_fi.tables[3].rows[0].cells[1]
    starts = [ln.text for ln in cell.lines if ln.paragraph_start]
    assert starts == ["Kuinka monessa tapahtumassa on", "Kuinka usein tapahtumissa on"]


def test_values_fi_without_ruling_gives_the_same_grids(monkeypatch, values_fi: RawDocument) -> None:
    """The whitespace finder, run on the same real layout with its lines removed."""
    monkeypatch.setattr(pdf_open, "page_edges", lambda *args, **kwargs: [])
    bare = read(VALUES_FI)
    assert [t.grid() for t in bare.tables] == [t.grid() for t in values_fi.tables]
    assert not any(t.ruled for t in bare.tables)


def test_values_fi_body_text_and_no_page_numbers_in_tables(values_fi: RawDocument) -> None:
    assert "Alkusanat" in values_fi.body_text
    cells = [cell.text for t in values_fi.tables for row in t.rows for cell in row.cells]
    assert not any(text.strip().isdigit() for text in cells)


# --- samples -------------------------------------------------------------------------


def _sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample not built yet: {path}")
    return path


def test_turku_one_table_over_pages_with_repeated_header() -> None:
    doc = read(_sample("turku-yhta.pdf"))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    header = texts(table.rows[0])
    assert table.n_cols == 6 and header[0] == "Tavoitteet"
    part_starts = [row for row in table.rows if row.starts_page]
    assert len(part_starts) == doc.pages - 1
    assert all(texts(row) == header for row in part_starts)  # repeated, left for the normalizer
    assert all(row.bbox is not None and all(c.bbox is not None for c in row.cells) for row in table.rows)


@pytest.mark.parametrize(
    "name", ["jarvela-ilmasto.pdf", "jarvela-ilmasto-borderless.pdf", "jarvela-ilmasto-hrules.pdf", "jarvela-ilmasto-frame.pdf"]
)
def test_layout_variants_give_the_ruled_grid(name: str) -> None:
    """Borderless, rules-only and frame-only renderings of one plan: the same cells.

    The renderings break pages at different rows, so each table is compared
    up to the last row that no page break touches in either rendering.
    """
    ruled = read(_sample("jarvela-ilmasto.pdf"))
    variant = read(_sample(name))
    assert len(variant.tables) == len(ruled.tables)
    for a, b in zip(ruled.tables, variant.tables):
        cut = min(_first_page_break(a), _first_page_break(b)) - 1
        assert cut >= 4
        assert b.grid()[:cut] == a.grid()[:cut]
        assert [r.cells[0].merged_from_above for r in b.rows[:cut]] == [r.cells[0].merged_from_above for r in a.rows[:cut]]


def _first_page_break(table) -> int:
    return next((i for i, row in enumerate(table.rows) if row.starts_page), len(table.rows) + 1)


def test_rotate_attribute_sample_equals_unrotated() -> None:
    """Regression: on /Rotate 90 pages float noise made level rules "vertical" (rows split)."""
    plain = read(_sample("kymenlaakso-lnp.pdf"))
    rotated = read(_sample("kymenlaakso-lnp-rotated.pdf"))
    assert [t.grid() for t in rotated.tables] == [t.grid() for t in plain.tables]
    assert [t.heading for t in rotated.tables] == [t.heading for t in plain.tables]


def test_nearly_level_line_is_horizontal() -> None:
    from planparse.extractors.pdf.tables.ruling.ruled import path_edges

    edge = path_edges({"pts": [(36.75, 114.2000001), (794.2, 114.2)]})
    assert [e["orientation"] for e in edge] == ["h"]
    assert path_edges({"pts": [(10, 10), (200, 120)]}) == []  # a diagonal is no rule


def test_merged_goal_centred_without_ruling() -> None:
    doc = read(_sample("rl-borderless-osallisuus.pdf"))
    table = doc.tables[0]
    goal_rows = [row.cells[0] for row in table.rows[1:4]]
    assert goal_rows[0].text.startswith("1. Kuntalaiset pääsevät")
    assert goal_rows[0].text.endswith("suunnitteluun")
    assert [c.merged_from_above for c in goal_rows] == [False, True, True]
    assert len(doc.tables) == 1  # the landscape page 3 part continues it


def test_ocr_text_layer_table_found_from_the_image_rules() -> None:
    """The scan's rules exist only as pixels: they are read from the page image (issue 11)."""
    doc = read(_sample("scan-helsinki-kotoutuminen.pdf"))
    assert [len(t.rows) for t in doc.tables] == [8, 4]
    assert [t.n_cols for t in doc.tables] == [4, 4]
    assert all(t.ruled for t in doc.tables)
    assert doc.ocr


# --- drawn fixtures: one layout problem each ---------------------------------------------


@pytest.mark.parametrize("how", ["rotate-attribute", "up", "down"])
def test_landscape_pages_read_in_order(tmp_path: Path, how: str) -> None:
    doc = read(fx.rotated_pdf(tmp_path / f"{how}.pdf", how))
    assert doc.title == "Landscape heading"
    assert [t.grid() for t in doc.tables] == [
        [["Goal", "Action", "Owner"], ["First goal\ntext", "Do the first\nthing well", "Office A"],
         ["Second goal", "Do the second", "Office B\nand C"]]
    ]


def test_ruled_cell_spanning_rows_is_merged(tmp_path: Path) -> None:
    table = read(fx.merged_goal_pdf(tmp_path / "merged.pdf")).tables[0]
    assert [texts(r) for r in table.rows] == [
        ["Goal", "Action", "Owner"],
        ["Shared goal", "Action 1", "Owner 1"],
        ["", "Action 2", "Owner 2"],
        ["", "Action 3", "Owner 3"],
    ]
    assert [r.cells[0].merged_from_above for r in table.rows] == [False, False, True, True]


def test_page_furniture_never_in_cells(tmp_path: Path) -> None:
    doc = read(fx.furniture_pdf(tmp_path / "furniture.pdf", pages=3))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert texts(table.rows[0]) == ["Goal", "Action", "Owner"]
    goals = [row.cells[0].text for row in table.rows[1:]]
    assert goals == [f"Goal {i}" for i in range(1, len(goals) + 1)]
    assert [row.page for row in table.rows if row.starts_page] == [2, 3]
    assert doc.body_text == ["Section heading"]
    assert table.heading == "Section heading"


def test_find_tables_is_read_pdf_tables(tmp_path: Path) -> None:
    path = fx.merged_goal_pdf(tmp_path / "m.pdf")
    assert [t.grid() for t in find_tables(Source.from_path(path), ExtractOptions())] == [
        t.grid() for t in read(path).tables
    ]


def test_pages_option_limits_the_pages_read(tmp_path: Path) -> None:
    doc = read(fx.furniture_pdf(tmp_path / "f.pdf", pages=3), pages=(2,))
    assert doc.pages == 3
    assert {row.page for t in doc.tables for row in t.rows} == {2}


# --- errors ----------------------------------------------------------------------------


def test_encrypted_needs_password(tmp_path: Path) -> None:
    path = fx.encrypted_pdf(tmp_path / "enc.pdf", user="salasana")
    with pytest.raises(EncryptedError, match="use --password"):
        read(path)
    with pytest.raises(EncryptedError, match="wrong password"):
        read(path, password="väärä")
    assert read(path, password="salasana").tables[0].grid()[0] == ["Goal", "Action", "Owner"]


def test_scan_without_text_layer(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayerError, match="ocrmypdf"):
        read(fx.textless_pdf(tmp_path / "scan.pdf"))


def test_page_without_text_is_named_in_warnings(tmp_path: Path) -> None:
    doc = read(fx.half_scanned_pdf(tmp_path / "half.pdf"))
    assert doc.tables[0].grid()[0] == ["Goal", "Action", "Owner"]
    assert [(code, page) for code, _message, page in doc.warnings] == [("no-text-layer", 2)]


def test_garbage_and_truncated_files_are_corrupt_input(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\nthis is not a pdf at all\n")
    with pytest.raises(CorruptInputError):
        read(garbage)
    whole = fx.merged_goal_pdf(tmp_path / "whole.pdf").read_bytes()
    for cut in (200, len(whole) // 3):
        truncated = tmp_path / f"cut{cut}.pdf"
        truncated.write_bytes(whole[:cut])
        with pytest.raises(CorruptInputError):
            read(truncated)


def test_pdf_from_stdin_bytes(tmp_path: Path) -> None:
    path = fx.merged_goal_pdf(tmp_path / "m.pdf")
    doc = read_pdf(Source.from_bytes(path.read_bytes()), ExtractOptions())
    assert doc.tables[0].grid() == read(path).tables[0].grid()


def test_settings_validate_themselves() -> None:
    with pytest.raises(ValueError):
        PdfSettings(snap_tolerance=-1)
    with pytest.raises(ValueError):
        PdfSettings(margin_band=1.5)


def _icdar(name: str) -> Path:
    path = CORPUS / "icdar2013" / f"competition-dataset-{name[:2]}" / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"shared corpus not present: {path}")
    return path


def test_chart_beside_table_does_not_fuse_rows() -> None:
    """Regression (ICDAR eu-015 p. 2): a chart's tiny segments chained the edge snapping."""
    doc = read(_icdar("eu-015"), pages=(2,))
    grid = doc.tables[0].grid()
    assert grid[1:4] == [["Spain", "268"], ["Germany", "233"], ["United Kingdom", "139"]]


def test_table_of_one_line_rows_without_ruling() -> None:
    """Regression (ICDAR eu-011 p. 3): evenly spaced one-line rows were one row."""
    doc = read(_icdar("eu-011"), pages=(3,))
    table = next(t for t in doc.tables if t.n_cols == 6)
    assert [row[1] for row in table.grid()] == ["Portugal", "0.33", "-0.01", "0.17", "0.64"]


@pytest.mark.parametrize("path", sorted((CORPUS / "icdar2013").glob("*/*.pdf"))[:12] if CORPUS.exists() else [])
def test_never_crashes_on_real_pdfs(path: Path) -> None:
    try:
        doc = read(path)
    except PlanparseError:
        return
    for table in doc.tables:
        assert all(len(row.cells) == table.n_cols for row in table.rows)


@pytest.mark.parametrize("head_size", [8, 9.5])
def test_small_bold_header_row_over_larger_body(tmp_path: Path, head_size: float) -> None:
    """An 8 pt bold header row above 9.5 pt body text is the table's header, not a heading."""
    path = fx.small_bold_header_pdf(tmp_path / "head.pdf", rows=60, head_size=head_size)
    doc = read(path)
    assert doc.pages == 2
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Goal", "Action", "Owner"]
    goals = [row.cells[0].text for row in table.rows if row.cells[0].text.startswith("Goal ")]
    assert goals == [f"Goal {r}" for r in range(1, 61)]
    assert "Goal Action Owner" not in doc.body_text


US_024 = CORPUS / "icdar2013" / "competition-dataset-us" / "us-024.pdf"


@pytest.mark.skipif(not US_024.exists(), reason="shared corpus not present")
def test_stacked_bold_header_heads_do_not_merge_one_line_body_rows() -> None:
    """Regression (ICDAR us-024 p.6): taking the bold 'Unadjusted' line as the first header
    row put two stacked heads in one column ('Unadjusted' over 'odds ratio'); that tight
    pitch read as cells of several lines, so the one-line body rows were merged in
    blocks ('Male / Female'). The pitch test now looks at body lines."""
    tables = find_tables(Source.from_path(US_024), ExtractOptions(pages=(6,)))
    rows = [[c.text for c in row.cells] for t in tables for row in t.rows]
    labels = [r[0] for r in rows]
    assert "Male" in labels and "Female" in labels
    assert len(rows) >= 35


def test_body_rows_ruled_only_horizontally_split_per_column(tmp_path: Path) -> None:
    """Regression (ICDAR eu-016..eu-019): a body row ruled as one box over all header
    columns is read column by column when its words stand in the columns; a title,
    a sentence over the column lines and a phrase whose word space falls on a
    column line stay one merged cell."""
    table = read(fx.header_ruled_only_pdf(tmp_path / "header-ruled.pdf")).tables[0]
    assert [texts(r) for r in table.rows] == [
        ["Goal", "Action", "Owner", "Year"],
        *fx.RULED_HEADER_ONLY_BODY,
        ["Section two", "", "", ""],
        ["All figures are estimates made by the planning office in the spring", "", "", ""],
        ["Whole team meeting", "", "", ""],
    ]
    assert [[c.span for c in r.cells] for r in table.rows[1:3]] == [[1, 1, 1, 1]] * 2
    assert [r.cells[0].span for r in table.rows[3:]] == [4, 4, 4]


EU_018 = CORPUS / "icdar2013" / "competition-dataset-eu" / "eu-018.pdf"


@pytest.mark.skipif(not EU_018.exists(), reason="shared corpus not present")
def test_eu018_body_rows_under_boxed_header_read_per_column() -> None:
    """ICDAR eu-018: 13 boxed header columns, body rows parted by white rules only."""
    tables = read(EU_018).tables
    assert len(tables) == 2
    rows = {texts(r)[0]: texts(r) for t in tables for r in t.rows}
    assert rows["Austria"] == ["Austria", "Single", "25g", "109", "0.9", "93", "1.1", "89", "1.1", "-", "-", "-", "-"]
    assert rows["Luxembourg"] == ["Luxembourg", "Single", "10g", "62", "0", "37", "0", "-", "-", "-", "-", "-", "-"]
    assert rows["Total (7 MSs)"][3:] == ["695", "1.2", "1,538", "0.7", "904", "0.9", "1,043", "0.6", "839", "0.3"]


def test_numeric_table_under_a_two_run_caption_keeps_its_columns(tmp_path: Path) -> None:
    """Regression (ICDAR us-017): the caption 'Table 1.   Title' anchored a two-column
    region, and wide numbers right-aligned under narrower heads ('152,526' starts left
    of 'Total') read as text running across a column line, ending the table."""
    path = fx.captioned_numeric_pdf(tmp_path / "numeric.pdf")
    tables = find_tables(Source.from_path(path), ExtractOptions())
    assert len(tables) == 1
    rows = [[c.text for c in row.cells] for row in tables[0].rows]
    assert rows == [fx.NUMERIC_HEADS] + fx.NUMERIC_ROWS
