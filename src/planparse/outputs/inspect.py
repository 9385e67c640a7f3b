"""Draw what planparse found on a PDF page: cells, header rows, column roles.

For a user whose plan does not map as expected (`planparse inspect`): the page
image (pdfplumber's `page.to_image`) with every detected cell outlined and
tinted by the role its column's header maps to, the header rows framed, and
a legend.  A person sees at a glance whether a column was missed, two
columns were merged, or a header went unrecognised.

Roles come from the normalizer's header mapping (`normalize.records.plan_table`,
over `normalize.headers.assign_roles`), wrapped in `table_plans` so this module
depends on one function of the normalizer.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from PIL import Image, ImageDraw, ImageFont

from planparse.errors import OutputError, UsageError
from planparse.outputs.writers import _current_umask
from planparse.extractors import read_document, sniff_format
from planparse.intermediate import Cell, RawDocument, RawRow, RawTable
from planparse.settings import ExtractOptions
from planparse.source import Source

Box = tuple[float, float, float, float]
RGB = tuple[int, int, int]

# One colour per role (colour-blind-safe Tableau/Okabe-Ito tones); ids share their field's hue, lighter.
ROLE_COLOURS: dict[str, RGB] = {
    "goal": (0, 114, 178),
    "goal_id": (120, 180, 220),
    "action": (0, 158, 115),
    "action_id": (120, 210, 180),
    "owner": (230, 159, 0),
    "indicator": (204, 121, 167),
    "schedule": (86, 180, 233),
    "extra": (140, 140, 140),
    "ignore": (220, 220, 220),
}
NO_PLAN = (213, 94, 0)  # outline of a table the normalizer does not take as a plan table
HEADER = (200, 0, 0)
FILL_ALPHA = 70


@dataclass
class TablePlanView:
    """What inspect needs of the normalizer's view of one table."""

    roles: list[str] | None  # None: not a plan table (no goal/action column found)
    header_rows: list[int]  # indices into table.rows


def table_plans(raw: RawDocument, options: ExtractOptions) -> list[TablePlanView]:
    """The normalizer's column roles and header rows of every table, as records would use them."""
    from planparse.normalize.tables.budgets.goal_tables import find_goal_streams
    from planparse.normalize.records import TextRepair, plan_table
    from planparse.normalize.tables.rows import data_rows

    joiner = TextRepair(raw, options).joiner
    title = joiner.join([raw.title]) if raw.title else None  # as build_records has it
    views: list[TablePlanView] = []
    previous = None
    in_stream = {i for stream in find_goal_streams(raw.tables, joiner) for i in stream.tables}
    for i, table in enumerate(raw.tables):
        if i in in_stream:
            views.append(goal_table_view(table, joiner))
            previous = None
            continue
        plan = plan_table(table, joiner, previous, title)
        if plan is None:
            views.append(TablePlanView(None, []))
            previous = None  # as in build_records: a table between ends any continuation
            continue
        header_rows = list(plan.header.rows) if plan.header else []
        if plan.header:
            # Rows the normalizer drops after the header that print text are repeated header rows.
            kept = {id(cell) for row in data_rows(table, plan.header, joiner) for cell in row.cells}
            header_rows += [i for i, row in enumerate(table.rows) if i > header_rows[-1]
                            and not all(c.is_empty for c in row.cells) and not any(id(c) in kept for c in row.cells)]
        views.append(TablePlanView(list(plan.roles), header_rows))
        previous = plan
    return views


def goal_table_view(table, joiner) -> TablePlanView:  # type: ignore[no-untyped-def]
    """A goal card or block table: its stacked header rows, each column's role from the
    first header text above it (goal, indicator, extra)."""
    from planparse.normalize.tables.budgets.goal_tables import header_roles

    roles, header_rows = header_roles(table, joiner)
    return TablePlanView(roles, header_rows)


# --- coordinates -----------------------------------------------------------------


def page_box(box: Box, direction: str, width: float, height: float, offset: tuple[float, float]) -> Box:
    """An extractor box (upright frame, page's own top-left origin) back on the page as pdfplumber draws it.

    The PDF extractor reads pages whose text runs up or down in a turned frame
    (`pdf.words.rotate_box`) and cropped pages from their own corner; this
    undoes both.  `width`, `height` are the page's as pdfplumber gives them.
    """
    x0, top, x1, bottom = box
    if direction == "up":
        x0, x1, top, bottom = top, bottom, height - x1, height - x0
    elif direction == "down":
        x0, x1, top, bottom = width - bottom, width - top, x0, x1
    elif direction == "upside":
        x0, x1, top, bottom = width - x1, width - x0, height - bottom, height - top
    return (x0 + offset[0], top + offset[1], x1 + offset[0], bottom + offset[1])


def _union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _row_page(row: RawRow, table: RawTable) -> int | None:
    return row.page if row.page is not None else table.page


@dataclass
class PageCell:
    """One detected cell on a page, as inspect draws it and the review page outlines it."""

    table: int  # 1-based, as `planparse tables` numbers tables
    row: int  # index into the table's rows
    col: int
    box: Box  # on the page as pdfplumber draws it (`page_box`)
    role: str | None  # the column's role; None when the table is not a plan table
    header: bool  # the row is a header row
    cell: Cell


def page_frame(page) -> tuple[str, float, float, tuple[float, float]]:  # type: ignore[no-untyped-def]
    """What `page_box` needs of a pdfplumber page: text direction, width, height, origin offset."""
    from planparse.extractors.pdf.words import text_direction

    return text_direction(page.chars), float(page.width), float(page.height), (float(page.bbox[0]), float(page.bbox[1]))


def page_cells(raw: RawDocument, plans: list[TablePlanView], page_number: int, frame) -> Iterator[tuple[int, list[tuple[int, RawRow, list[PageCell]]]]]:  # type: ignore[no-untyped-def]
    """Per table with rows on `page_number`: its 1-based index and, per row there, the row's cells with a box.

    `frame` is `page_frame(page)`.  A merged cell is reported by every row it
    spans (with its one box).
    """
    direction, width, height, offset = frame
    for index, (table, plan) in enumerate(zip(raw.tables, plans), start=1):
        rows = []
        for i, row in enumerate(table.rows):
            if _row_page(row, table) != page_number:
                continue
            cells = [
                PageCell(index, i, c, page_box(cell.bbox, direction, width, height, offset),
                         plan.roles[c] if plan.roles is not None and c < len(plan.roles) else None,
                         i in plan.header_rows, cell)
                for c, cell in enumerate(row.cells) if cell.bbox is not None
            ]
            rows.append((i, row, cells))
        if rows:
            yield index, rows


# --- drawing ---------------------------------------------------------------------


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1: fixed-size bitmap font
        return ImageFont.load_default()


def _with_legend(page_image, roles: list[str], notes: list[str], scale: float):  # type: ignore[no-untyped-def]
    """The page image under a white band holding the legend (swatches wrap to new lines)."""
    size = max(10, int(12 * scale))
    font = _font(size)
    pad = size // 2
    probe = ImageDraw.Draw(page_image)
    entries: list[tuple[str, str]] = [("role", r) for r in roles] + [("header", "header row")] + [("note", n) for n in notes]
    widths = [pad * 2 + size + int(probe.textlength(text, font=font)) + pad * 2 for _, text in entries]
    lines: list[list[int]] = [[]]
    used = pad
    for i, w in enumerate(widths):
        if lines[-1] and used + w > page_image.width:
            lines.append([])
            used = pad
        lines[-1].append(i)
        used += w
    band = pad + len(lines) * (size + pad)
    out = Image.new("RGB", (page_image.width, page_image.height + band), (255, 255, 255))
    out.paste(page_image, (0, band))
    draw = ImageDraw.Draw(out)
    for n, line in enumerate(lines):
        x, y = pad, pad + n * (size + pad)
        for i in line:
            kind, text = entries[i]
            swatch = (x, y, x + size, y + size)
            if kind == "role":
                draw.rectangle(swatch, fill=ROLE_COLOURS.get(text, (0, 0, 0)), outline=(0, 0, 0))
            elif kind == "header":
                draw.rectangle(swatch, outline=HEADER, width=max(2, size // 5))
            else:
                draw.rectangle(swatch, outline=NO_PLAN, width=2)
            draw.text((x + size + pad, y - 1), text, fill=(0, 0, 0), font=font)
            x += widths[i]
    draw.line((0, band - 1, out.width, band - 1), fill=(0, 0, 0))
    return out


def _label_tables(image, corners: list[tuple[int, tuple[float, float]]], scale: float) -> None:  # type: ignore[no-untyped-def]
    """Write "table N" in the margin left of each table's top (above it when the margin is too narrow)."""
    draw = ImageDraw.Draw(image)
    font = _font(max(9, int(10 * scale * 72 / 100)))
    for index, (x, y) in corners:
        text = f"table {index}"
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        w, h = right - left + 4, bottom - top + 4
        if x - w - 2 >= 0:
            x, y0 = x - w - 2, y
        else:
            y0 = y - h - 1 if y - h - 1 >= 0 else y + 1
        draw.rectangle((x, y0, x + w, y0 + h), fill=(255, 255, 255), outline=(0, 0, 0))
        draw.text((x + 2 - left, y0 + 2 - top), text, fill=(0, 0, 0), font=font)


MAX_PIXELS = 40_000_000  # ~120 MB as RGB; a page with a huge MediaBox is drawn smaller, not at 6 GB


def capped_resolution(width: float, height: float, resolution: float) -> float:
    """`resolution`, lowered so the page image (`width` x `height` points) stays within MAX_PIXELS."""
    pixels = (width * resolution / 72) * (height * resolution / 72)
    if pixels <= MAX_PIXELS:
        return resolution
    return resolution * (MAX_PIXELS / pixels) ** 0.5


def count_pages(source: Source, password: str | None = None) -> int:
    """How many pages the PDF has (for `inspect --pages`); a DOCX is a usage error."""
    from planparse.extractors.pdf.opening import open_pdf

    kind = sniff_format(source)
    if kind != "pdf":
        raise UsageError(source.display, f"inspect draws PDF pages; this is a {kind.upper()} file",
                         "use `planparse tables FILE` to see its tables")
    with open_pdf(source, ExtractOptions(password=password)) as pdf:
        return len(pdf.pages)


def render_inspection(source: Source, page_number: int, resolution: int = 100, password: str | None = None,
                      ocr: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """The annotated page image (a PIL image) of one PDF page.

    The whole document is read, not only the page: a table continued from an
    earlier page takes its header and roles from where it starts.  `ocr` and
    `lang` are extract's: a scan without a text layer is OCR'd first.
    """
    from planparse.extractors.pdf.opening import open_pdf

    kind = sniff_format(source)
    if kind != "pdf":
        raise UsageError(source.display, f"inspect draws PDF pages; this is a {kind.upper()} file",
                         "use `planparse tables FILE` to see its tables")
    options = ExtractOptions(password=password, ocr=ocr, lang=lang)
    raw = read_document(source, options)
    if raw.pages is not None and not 1 <= page_number <= raw.pages:
        raise UsageError(source.display, f"no page {page_number} (the document has {raw.pages} pages)")
    plans = table_plans(raw, options)

    with open_pdf(source, options) as pdf:
        page = pdf.pages[page_number - 1]
        frame = page_frame(page)
        direction, width, height, offset = frame
        resolution = capped_resolution(width, height, resolution)
        picture = page.to_image(resolution=resolution)

        def place(box: Box) -> Box:
            return page_box(box, direction, width, height, offset)

        roles_shown: list[str] = []
        notes: list[str] = []
        labels: list[tuple[int, Box]] = []  # "table N" (N as `planparse tables` numbers it) at each table
        for index, rows in page_cells(raw, plans, page_number, frame):
            table, plan = raw.tables[index - 1], plans[index - 1]
            cell_boxes: list[Box] = []
            drawn: set[tuple[float, ...]] = set()
            for i, row, cells in rows:
                boxes_in_row: list[Box] = []
                for view in cells:
                    box = view.box
                    boxes_in_row.append(box)
                    key = tuple(round(v, 1) for v in box)
                    if key in drawn:  # a merged cell: every row it spans reports its one box
                        continue
                    drawn.add(key)
                    role = view.role
                    if role is not None:
                        if role not in roles_shown:
                            roles_shown.append(role)
                        picture.draw_rect(box, fill=ROLE_COLOURS.get(role, (0, 0, 0)) + (FILL_ALPHA,),
                                          stroke=(60, 60, 60, 150), stroke_width=1)
                    else:
                        picture.draw_rect(box, fill=(0, 0, 0, 0), stroke=NO_PLAN + (255,), stroke_width=1)
                row_box = _union(boxes_in_row) or (place(row.bbox) if row.bbox else None)
                if row_box is not None:
                    cell_boxes.append(row_box)
                    if i in plan.header_rows:
                        x0, top, x1, bottom = row_box  # framed just outside, so the header text stays readable
                        picture.draw_rect((x0 - 2, top - 2, x1 + 2, bottom + 2), fill=(0, 0, 0, 0),
                                          stroke=HEADER + (255,), stroke_width=3)
            table_box = _union(cell_boxes)
            if table_box is None and table.bbox is not None and table.page == page_number:
                table_box = place(table.bbox)
            if table_box is not None:
                picture.draw_rect(table_box, fill=(0, 0, 0, 0), stroke=(0, 0, 0, 255), stroke_width=2)
                labels.append((index, table_box))
            if plan.roles is None:
                notes.append(f"table {index}: not a plan table")
        if not any(_row_page(r, t) == page_number for t in raw.tables for r in t.rows):
            notes.append("no table found on this page")
        image = picture.annotated.convert("RGB")
        scale = resolution / 72
        _label_tables(image, [(i, ((b[0] - offset[0]) * scale, (b[1] - offset[1]) * scale)) for i, b in labels], scale)
    return _with_legend(image, roles_shown, notes, resolution / 100)


def write_png(image, output: str | Path) -> None:  # type: ignore[no-untyped-def]
    """Save `image` as PNG at `output` atomically: a complete file or none."""
    target = Path(output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as err:
        raise OutputError(target, f"cannot write ({err.strerror or err})") from None
    try:
        os.chmod(tmp, 0o666 & ~_current_umask())  # mkstemp's 0600 -> the usual mode of a new file
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, format="PNG")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(err, OSError):
            raise OutputError(target, f"cannot write ({err.strerror or err})") from None
        raise


def write_inspection(source: Source, page_number: int, output: str | Path, resolution: int = 100,
                     password: str | None = None, ocr: str | None = None, lang: str | None = None) -> None:
    """Render one page with its detected tables and write it as PNG (atomically)."""
    write_png(render_inspection(source, page_number, resolution=resolution, password=password, ocr=ocr, lang=lang), output)
