"""The DOCX extractor: exact grids, lines, headings, title, and bad input.

Small documents are built at test time (tests/fixtures_docx.py) so each test
states the WordprocessingML it is about; real files come from
../shared/corpus (docling's DOCX ground truth, a Finnish form) and samples/.
"""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest

from planparse.errors import CorruptInputError, EncryptedError, PlanparseError, UnsupportedFormatError
from planparse.extractors.docx.reader import read_docx
from planparse.intermediate import Cell, Line, RawTable
from planparse.settings import ExtractOptions
from planparse.source import Source

from .fixtures_docx import declare_size, make_docx, mark_encrypted, p, rewrite_member, tbl, tc, tr

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
DOCLING = CORPUS / "docling"
OPTIONS = ExtractOptions()


def extract(path: Path):
    return read_docx(Source.from_path(path), OPTIONS)


def only_table(path: Path) -> RawTable:
    doc = extract(path)
    assert len(doc.tables) == 1
    return doc.tables[0]


def texts(table: RawTable) -> list[list[str]]:
    return table.grid()


# --- grids -------------------------------------------------------------------


def test_vmerge_gives_merged_from_above_cells(tmp_path):
    path = make_docx(
        tmp_path / "v.docx",
        tbl(3,
            tr("Tavoite", "Toimenpide", "Vastuu"),
            tr(tc("Goal A", vmerge="restart"), "Act 1", "Owner 1"),
            tr(tc(vmerge="continue"), "Act 2", "Owner 2"),
            tr(tc(vmerge="continue"), "Act 3", "Owner 3"),
            tr("Goal B", "Act 4", "Owner 4")),
    )
    table = only_table(path)
    assert table.n_cols == 3
    assert texts(table) == [
        ["Tavoite", "Toimenpide", "Vastuu"],
        ["Goal A", "Act 1", "Owner 1"],
        ["", "Act 2", "Owner 2"],
        ["", "Act 3", "Owner 3"],
        ["Goal B", "Act 4", "Owner 4"],
    ]
    assert [row.cells[0].merged_from_above for row in table.rows] == [False, False, True, True, False]
    assert table.rows[2].cells[0] == Cell(lines=[], merged_from_above=True, span=1)
    assert not any(c.merged_from_above for row in table.rows for c in row.cells[1:])


def test_gridspan_puts_cell_in_first_column_and_covers_the_rest(tmp_path):
    path = make_docx(
        tmp_path / "h.docx",
        tbl(4,
            tr("A", "B", "C", "D"),
            tr("a1", tc("wide", span=2), "d1"),
            tr(tc("all four", span=4))),
    )
    table = only_table(path)
    assert table.n_cols == 4
    assert texts(table) == [["A", "B", "C", "D"], ["a1", "wide", "", "d1"], ["all four", "", "", ""]]
    assert [c.span for c in table.rows[1].cells] == [1, 2, 0, 1]
    assert [c.span for c in table.rows[2].cells] == [4, 0, 0, 0]


def test_vmerge_over_spanned_cell_covers_all_its_columns(tmp_path):
    path = make_docx(
        tmp_path / "vh.docx",
        tbl(3,
            tr(tc("both", span=2, vmerge="restart"), "x"),
            tr(tc(span=2, vmerge="continue"), "y")),
    )
    row = only_table(path).rows[1]
    assert [(c.merged_from_above, c.span) for c in row.cells] == [(True, 2), (True, 0), (False, 1)]
    assert row.cells[2].text == "y"


def test_grid_before_after_and_short_rows_are_padded(tmp_path):
    path = make_docx(
        tmp_path / "ba.docx",
        tbl(3,
            tr("a", "b", "c"),
            tr("late", before=1, after=1),
            tr("short")),
    )
    table = only_table(path)
    assert texts(table) == [["a", "b", "c"], ["", "late", ""], ["short", "", ""]]
    assert all(len(row.cells) == 3 for row in table.rows)


def test_nested_table_text_becomes_lines_of_outer_cell(tmp_path):
    inner = tbl(2, tr("k1", "v1"), tr("k2", "v2"), tr("only"))
    path = make_docx(
        tmp_path / "n.docx",
        tbl(2, tr("Goal", "Indicators"), tr("G", tc(p("before"), inner, p("after")))),
    )
    cell = only_table(path).rows[1].cells[1]
    assert [line.text for line in cell.lines] == ["before", "k1 v1", "k2 v2", "only", "after"]


def test_one_cell_wrapper_table_gives_its_inner_table(tmp_path):
    inner = tbl(2, tr("h1", "h2"), tr("x", "y"))
    path = make_docx(tmp_path / "w.docx", tbl(1, tr(tc(p("Heading in box", bold=True), inner))))
    table = only_table(path)
    assert texts(table) == [["h1", "h2"], ["x", "y"]]
    assert table.heading == "Heading in box"


# --- lines -------------------------------------------------------------------


NUMBERING = (
    '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="91"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
    '<w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>'
)


def test_paragraphs_lists_and_breaks_become_flagged_lines(tmp_path):
    cell = tc(
        p("Intro paragraph"),
        p("bullet one", num=(91, 0)),
        p("bullet two", num=(91, 0)),
        '<w:p><w:r><w:t>first line</w:t><w:br/><w:t>second\tline</w:t><w:tab/><w:t>tab</w:t></w:r></w:p>',
        p("- typed bullet stays"),
        p("styled bullet", style="ListBullet"),
        p(),
    )
    path = make_docx(tmp_path / "l.docx", tbl(1, tr("Toimenpiteet"), tr(cell)), numbering_xml=NUMBERING)
    lines = only_table(path).rows[1].cells[0].lines
    assert lines == [
        Line("Intro paragraph", paragraph_start=True),
        Line("bullet one", paragraph_start=True, list_item=True),
        Line("bullet two", paragraph_start=True, list_item=True),
        Line("first line", paragraph_start=True),
        Line("second line tab", paragraph_start=False),
        Line("- typed bullet stays", paragraph_start=True),
        Line("styled bullet", paragraph_start=True, list_item=True),
    ]


def test_numbered_paragraphs_carry_their_printed_numbers(tmp_path):
    path = make_docx(
        tmp_path / "num.docx",
        tbl(2,
            tr("Tavoite", "Toimenpide"),
            tr(tc(p("Goal one", num=(90, 0))), tc(p("act a", num=(90, 1)), p("act b", num=(90, 1)))),
            tr(tc(p("Goal two", num=(90, 0))), tc(p("act c", num=(90, 1)), p("", num=(90, 1))))),
        numbering_xml=NUMBERING,
    )
    assert texts(only_table(path))[1:] == [["1. Goal one", "1.1 act a\n1.2 act b"], ["2. Goal two", "2.1 act c"]]


@pytest.mark.parametrize(
    "fmt, text, values, label",
    [("upperRoman", "%1", [1, 2, 3, 4], ["I", "II", "III", "IV"]),
     ("lowerLetter", "%1)", [1, 2, 3], ["a)", "b)", "c)"])],
)
def test_numbering_formats(tmp_path, fmt, text, values, label):
    numbering = (f'<w:abstractNum w:abstractNumId="80"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                 f'<w:lvlText w:val="{text}"/></w:lvl></w:abstractNum><w:num w:numId="80"><w:abstractNumId w:val="80"/></w:num>')
    path = make_docx(tmp_path / "f.docx", tbl(1, *[tr(tc(p("x", num=(80, 0)))) for _ in values]), numbering_xml=numbering)
    assert [row[0] for row in texts(only_table(path))] == [f"{x} x" for x in label]


def test_soft_and_nonbreaking_hyphens(tmp_path):
    run = ('<w:p><w:r><w:t>tie</w:t><w:softHyphen/><w:t>to\u00adpohja</w:t><w:t xml:space="preserve"> hyte</w:t>'
           "<w:noBreakHyphen/><w:t>tiimi</w:t></w:r></w:p>")
    path = make_docx(tmp_path / "hy.docx", tbl(1, tr("x"), tr(tc(run))))
    assert only_table(path).rows[1].cells[0].text == "tietopohja hyte-tiimi"


def sym(font: str, char: str) -> str:
    return f'<w:sym w:font="{font}" w:char="{char}"/>'


def test_symbol_characters(tmp_path):
    """w:sym: Symbol/Wingdings bullets become bullets; a code point that is no character
    (a surrogate, beyond U+10FFFF: a hand-edited or damaged file) prints nothing, not a crash."""
    run = (f'<w:p><w:r>{sym("Symbol", "F0B7")}<w:t xml:space="preserve"> a</w:t>{sym("Arial", "0041")}'
           f'{sym("Arial", "D800")}{sym("Arial", "110000")}{sym("Arial", "zz")}{sym("Arial", "0007")}</w:r></w:p>')
    path = make_docx(tmp_path / "sym.docx", tbl(1, tr("x"), tr(tc(run))))
    assert only_table(path).rows[1].cells[0].text == "\u2022 aA"


def test_deleted_revisions_field_codes_and_hidden_text_are_not_text(tmp_path):
    para = ('<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>gone </w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve">kept </w:t></w:r></w:ins>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> hidden</w:t></w:r></w:p>')
    path = make_docx(tmp_path / "rev.docx", tbl(1, tr("x"), tr(tc(para))))
    assert only_table(path).rows[1].cells[0].text == "kept 7"


def test_row_deleted_with_tracked_changes_is_left_out(tmp_path):
    deleted = '<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>' + tc("old") + tc("row") + "</w:tr>"
    path = make_docx(tmp_path / "del.docx", tbl(2, tr("a", "b"), deleted, tr("c", "d")))
    assert texts(only_table(path)) == [["a", "b"], ["c", "d"]]


def test_row_bold_when_every_filled_cell_is_bold(tmp_path):
    path = make_docx(
        tmp_path / "b.docx",
        tbl(3,
            tr(tc(p("Tavoite", bold=True)), tc(p("Toimenpide", bold=True)), tc()),
            tr(tc(p("bold", bold=True)), "plain", "x"),
            tr("repeat", "header", "row", header=True)),
    )
    assert [row.bold for row in only_table(path).rows] == [True, False, True]


HEADER_STYLE = (
    '<w:style w:type="table" w:styleId="PlanBase"><w:name w:val="Plan Base"/>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>'
    '<w:style w:type="table" w:styleId="PlanGrid"><w:name w:val="Plan Grid"/><w:basedOn w:val="PlanBase"/></w:style>'
)


@pytest.mark.parametrize("look, bold", [('w:firstRow="1"', True), ('w:val="04A0"', True), ('w:firstRow="0"', False)])
def test_table_style_header_row_counts_as_bold(tmp_path, look, bold):
    path = make_docx(tmp_path / "ts.docx", tbl(2, tr("Tavoite", "Mittari"), tr("g", "m"), style="PlanGrid", look=look),
                     styles_xml=HEADER_STYLE)
    assert [row.bold for row in only_table(path).rows] == [bold, False]


# --- headings, captions, title ------------------------------------------------


def test_headings_chain_bold_lines_and_captions(tmp_path):
    table = tbl(2, tr("Tavoite", "Toimenpide"), tr("g", "a"))
    path = make_docx(
        tmp_path / "head.docx",
        p("Plan title", style="Title"),
        p("1 Main", style="Heading1"),
        p("1.1 Sub", style="Heading2"),
        p("PÄÄTAVOITE I:", bold=True),
        p("Lasten arjen hyvinvointi lisääntyy", bold=True),
        p("Välitavoitteet ja indikaattorit:"),
        table,
        table,
        p("2 Next", style="Heading1"),
        p("A long introduction. " * 20),
        p("Short caption"),
        table,
    )
    doc = extract(path)
    assert doc.title == "Plan title"
    first, second, third = doc.tables
    assert first.headings == ["1 Main", "1.1 Sub", "PÄÄTAVOITE I: Lasten arjen hyvinvointi lisääntyy"]
    assert first.heading == "PÄÄTAVOITE I: Lasten arjen hyvinvointi lisääntyy"
    assert first.caption_lines == ["Välitavoitteet ja indikaattorit:"]
    assert second.headings == first.headings and second.caption_lines == []
    assert third.headings == ["2 Next"] and third.heading == "2 Next"
    assert third.caption_lines == ["Short caption"]
    assert "Plan title" in doc.body_text and "Short caption" in doc.body_text
    assert "g" not in doc.body_text  # table text is not running text
    assert doc.format == "docx" and doc.pages is None


@pytest.mark.parametrize(
    "blocks, title",
    [
        ((p("Intro text"), p("Heading", style="Heading1")), "Heading"),
        ((p("Bold first line", bold=True), p("body")), "Bold first line"),
        ((p("Just prose at the start"), p("more")), None),
        (('<w:p><w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t>Large first line</w:t></w:r></w:p>', p("x")), "Large first line"),
    ],
)
def test_title_fallbacks(tmp_path, blocks, title):
    assert extract(make_docx(tmp_path / "t.docx", *blocks)).title == title


# --- real files ------------------------------------------------------------------


def _docling_view(table: RawTable) -> list[list[str]]:
    """Our grid in docling's convention: a merged cell's text in every position it covers."""
    grid: list[list[str]] = []
    for r, row in enumerate(table.rows):
        out: list[str] = []
        for c, cell in enumerate(row.cells):
            if cell.merged_from_above and r > 0:
                out.append(grid[r - 1][c])
            elif cell.span == 0 and c > 0:
                out.append(out[c - 1])
            else:
                out.append(" ".join(cell.text.split()))
        grid.append(out)
    return grid


@pytest.mark.skipif(not DOCLING.is_dir(), reason="shared corpus absent")
@pytest.mark.parametrize("name", ["word_tables.docx", "word_sample.docx", "tablecell.docx"])
def test_docling_ground_truth_grids_match_exactly(name):
    expected = json.loads((DOCLING / "expected" / f"{name}.tables.json").read_text())["tables"]
    tables = extract(DOCLING / name).tables
    assert [_docling_view(t) for t in tables] == [
        [[" ".join(text.split()) for text in row] for row in t["grid"]] for t in expected
    ]


@pytest.mark.skipif(not DOCLING.is_dir(), reason="shared corpus absent")
def test_docling_rich_cells_lists_and_nested_tables():
    tables = extract(DOCLING / "docx_rich_cells.docx").tables
    # docling lists the two nested tables separately; we keep them in their cells.
    assert len(tables) == 7
    lists = tables[0].rows[1].cells[0].lines
    assert [(l.text.strip(), l.list_item) for l in lists] == [
        ("This is a list:", False), ("A First", True), ("A Second", True), ("A Third", True)]
    assert tables[1].rows[2].cells[1].text == "Rich cell\nA nested table\nA B C\nCell 1 Cell 2 Cell 3"
    assert [t.heading for t in tables[:2]] == ["Table with rich cells", "Table with nested table"]
    assert tables[1].caption_lines == ["Before table"]


@pytest.mark.skipif(not (CORPUS / "nousuforms").is_dir(), reason="shared corpus absent")
def test_finnish_form_is_read_without_error():
    doc = extract(CORPUS / "nousuforms" / "Toimintakertomus.docx")
    assert [t.n_cols for t in doc.tables] == [11, 15]
    assert all(len(row.cells) == t.n_cols for t in doc.tables for row in t.rows)
    assert doc.tables[0].rows[1].cells[0].text == "YLEISTÄ" and doc.tables[0].rows[1].bold


def test_thousand_row_table_is_read_completely(tmp_path):
    rows = [tr("Tavoite", "Toimenpide", "Vastuu")]
    rows += [tr(tc(f"goal {i}", vmerge="restart") if i % 4 == 0 else tc(vmerge="continue"), f"act {i}", f"o {i}")
             for i in range(1000)]
    table = only_table(make_docx(tmp_path / "big.docx", tbl(3, *rows)))
    assert len(table.rows) == 1001
    assert table.rows[1000].cells[1].text == "act 999"
    assert sum(row.cells[0].merged_from_above for row in table.rows) == 750


# --- bad input ----------------------------------------------------------------------


@pytest.fixture
def good_docx(tmp_path) -> Path:
    return make_docx(tmp_path / "good.docx", p("T", style="Title"), tbl(2, tr("a", "b"), tr("c", "d")))


def test_zip_bomb_refused_by_declared_size(tmp_path, good_docx):
    bomb = rewrite_member(good_docx, tmp_path / "bomb.docx", "word/media/filler.bin", b"\0" * (11 * 1024 * 1024))
    with pytest.raises(CorruptInputError, match=r"refused: declared uncompressed size .*zip bomb"):
        extract(bomb)
    declare_size(good_docx, "word/document.xml", 300 * 1024 * 1024)
    with pytest.raises(CorruptInputError, match=r"refused: declared uncompressed size 300 MB"):
        extract(good_docx)


def test_malformed_xml_names_the_part(tmp_path, good_docx):
    broken = rewrite_member(good_docx, tmp_path / "x.docx", "word/document.xml", b"<w:document><w:body>")
    with pytest.raises(CorruptInputError, match="malformed XML in word/document.xml"):
        extract(broken)


def test_missing_parts_and_truncated_zip(tmp_path, good_docx):
    no_types = rewrite_member(good_docx, tmp_path / "nt.docx", "[Content_Types].xml", None)
    with pytest.raises(CorruptInputError, match="missing a part"):
        extract(no_types)
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(good_docx.read_bytes()[: good_docx.stat().st_size // 2])
    with pytest.raises(CorruptInputError, match="broken zip container"):
        extract(truncated)


def test_ole_files_encrypted_or_old_word(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
    encrypted = tmp_path / "locked.docx"
    encrypted.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100)
    with pytest.raises(EncryptedError, match="password-protected DOCX"):
        extract(encrypted)
    old = tmp_path / "old.docx"
    old.write_bytes(ole + "WordDocument".encode("utf-16-le"))
    with pytest.raises(UnsupportedFormatError, match=r"\.doc"):
        extract(old)


def test_zip_level_password_is_reported_as_encrypted(good_docx):
    mark_encrypted(good_docx)
    with pytest.raises(EncryptedError, match="password-encrypted"):
        extract(good_docx)


def test_macro_enabled_content_type_is_refused_cleanly(tmp_path, good_docx):
    with zipfile.ZipFile(good_docx) as z:
        types = z.read("[Content_Types].xml").replace(
            b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    docm = rewrite_member(good_docx, tmp_path / "m.docx", "[Content_Types].xml", types)
    with pytest.raises(UnsupportedFormatError, match="docm"):
        extract(docm)


def test_mutated_bytes_raise_only_planparse_errors(good_docx):
    data = good_docx.read_bytes()
    rng = random.Random(20240605)
    outcomes = {"ok": 0, "error": 0}
    for _ in range(150):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        try:
            read_docx(Source.from_bytes(bytes(mutated), "fuzz.docx"), OPTIONS)
            outcomes["ok"] += 1
        except PlanparseError:
            outcomes["error"] += 1
    assert outcomes["ok"] + outcomes["error"] == 150 and outcomes["error"] > 0
