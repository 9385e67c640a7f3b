"""`planparse inspect`: a page image with cells, header rows and column roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from planparse.cli import _register_commands, app, main
from planparse.errors import ExitCode
from planparse.extractors import read_document
from planparse.outputs.inspect import ROLE_COLOURS, page_box, table_plans
from planparse.settings import ExtractOptions
from planparse.source import Source

from .conftest import SAMPLES

_register_commands()
runner = CliRunner()

RULED_PDF = SAMPLES / "rl-ruled-hyvinvointi.pdf"
LANDSCAPE_PDF = SAMPLES / "turku-yhta.pdf"
RESOLUTION = 72  # one pixel per point: page coordinates are pixel coordinates below the legend band


def _need(*paths: Path) -> None:
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"samples not built: {', '.join(missing)}")


def inspect_png(pdf: Path, page: int, out: Path) -> Image.Image:
    result = runner.invoke(app, ["inspect", str(pdf), "--page", str(page), "-o", str(out), "--resolution", str(RESOLUTION)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # stdout is for output; the PNG goes to the file
    image = Image.open(out)
    image.load()
    return image.convert("RGB")


def _close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def _tinted_like(pixel: tuple[int, int, int], role: str) -> bool:
    """A white page pixel under the role's translucent fill (alpha 70/255) — or the fill over text."""
    colour = ROLE_COLOURS[role]
    blended = tuple(round(255 + (c - 255) * 70 / 255) for c in colour)
    return _close(pixel, blended, 25)


def test_ruled_page_image_has_page_size_legend_and_role_colours(tmp_path: Path) -> None:
    _need(RULED_PDF)
    out = tmp_path / "page1.png"
    image = inspect_png(RULED_PDF, 1, out)
    # A4 portrait (595.3 x 841.9 pt) at 72 dpi, plus the legend band on top.
    assert image.width == 596
    band = image.height - 842
    assert 10 <= band <= 80

    raw = read_document(Source.from_path(RULED_PDF), ExtractOptions())
    plans = table_plans(raw, ExtractOptions())
    table, plan = raw.tables[0], plans[0]
    assert plan.roles == ["goal", "action", "owner", "indicator", "schedule"]
    assert plan.header_rows == [0]

    # Inside every data cell of page 1, the cell's column colour shows at a blank spot near its right edge.
    data_row = table.rows[1]
    for cell, role in zip(data_row.cells, plan.roles):
        x0, top, x1, bottom = cell.bbox
        x, y = int(x1) - 3, int(bottom) - 3 + band
        pixel = image.getpixel((x, y))
        assert _tinted_like(pixel, role), (role, pixel)

    # The table area is not one colour: several role tints, black rules, the red header frame.
    x0, top, x1, bottom = (int(v) for v in table.bbox)
    area = image.crop((x0, top + band, x1, bottom + band))
    colours = area.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50
    assert any(_close(c, (200, 0, 0), 30) for _, c in colours), "header row frame"
    # Outside the tables the page stays as printed (white margin).
    assert image.getpixel((5, band + 5)) == (255, 255, 255)


def test_continued_table_page_frames_the_repeated_header(tmp_path: Path) -> None:
    _need(LANDSCAPE_PDF)
    image = inspect_png(LANDSCAPE_PDF, 2, tmp_path / "p2.png")
    # Landscape A4 (the page is wider than tall).
    assert image.width == 842
    raw = read_document(Source.from_path(LANDSCAPE_PDF), ExtractOptions())
    plan = table_plans(raw, ExtractOptions())[0]
    table = raw.tables[0]
    on_page_2 = [i for i, row in enumerate(table.rows) if row.page == 2]
    # The header repeated at the top of page 2 is found and framed.
    assert on_page_2[0] in plan.header_rows
    band = image.height - 595
    x0, top, x1, _ = table.rows[on_page_2[0]].bbox
    frame = [image.getpixel((int((x0 + x1) / 2), int(top) - 2 + band + dy)) for dy in (-1, 0, 1)]
    assert any(_close(p, (200, 0, 0), 40) for p in frame), frame


def test_page_box_undoes_the_upright_frame() -> None:
    # A page whose text runs up (landscape table on a portrait page): the extractor turns it clockwise.
    width, height = 595.0, 842.0
    upright = (100.0, 50.0, 300.0, 80.0)  # x0, top, x1, bottom in the turned frame (842 wide)
    x0, top, x1, bottom = page_box(upright, "up", width, height, (0.0, 0.0))
    assert (x0, x1) == (50.0, 80.0)  # the upright top/bottom become page x
    assert (top, bottom) == (height - 300.0, height - 100.0)
    assert page_box(upright, "ltr", width, height, (10.0, 20.0)) == (110.0, 70.0, 310.0, 100.0)


def test_docx_is_refused_with_one_line(tmp_path: Path, capsys) -> None:
    docx = SAMPLES / "turku-yhta.docx"
    _need(docx)
    out = tmp_path / "x.png"
    code = main(["inspect", str(docx), "--page", "1", "-o", str(out)])
    _, err = capsys.readouterr()
    assert code == ExitCode.USAGE
    assert "PDF" in err and "planparse tables" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_page_out_of_range_writes_nothing(tmp_path: Path, capsys) -> None:
    _need(RULED_PDF)
    out = tmp_path / "x.png"
    code = main(["inspect", str(RULED_PDF), "--page", "9", "-o", str(out)])
    _, err = capsys.readouterr()
    assert code == ExitCode.USAGE
    assert "no page 9" in err
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_is_an_output_error(tmp_path: Path, capsys) -> None:
    _need(RULED_PDF)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = main(["inspect", str(RULED_PDF), "--page", "1", "-o", str(blocker / "page.png")])
    _, err = capsys.readouterr()
    assert code == ExitCode.OUTPUT_ERROR
    assert "cannot write" in err


def test_table_plans_agree_with_records_after_a_skipped_table() -> None:
    """Regression: inspect kept the plan of the table before a skipped one, so a
    headerless table after it was drawn as a continuation that records never made."""
    from planparse.intermediate import Cell, Line, RawDocument, RawRow, RawTable
    from planparse.normalize import normalize_document

    def row(*texts: str) -> RawRow:
        return RawRow(cells=[Cell(lines=[Line(t, paragraph_start=True)]) for t in texts], page=1)

    plan = RawTable(rows=[row("Tavoite", "Toimenpide"), row("Osallisuus kasvaa", "Kyselyt kouluille")], n_cols=2, page=1)
    other = RawTable(rows=[row("Vuosi", "Euroa", "Muutos"), row("2024", "100", "+2")], n_cols=3, page=1)
    tail = RawTable(rows=[row("Nuorisovaltuusto", "Kuulemiset")], n_cols=2, page=1)
    raw = RawDocument(format="pdf", tables=[plan, other, tail], pages=1)
    options = ExtractOptions()
    records = normalize_document(raw, options).records
    assert [r.actions for r in records] == [["Kyselyt kouluille"]]  # the third table is not a continuation
    views = table_plans(raw, options)
    assert views[0].roles == ["goal", "action"]
    assert views[1].roles is None and views[2].roles is None
