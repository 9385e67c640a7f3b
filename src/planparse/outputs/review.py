"""`planparse review FILE -o review.html`: check an extraction page by page in a browser.

One self-contained HTML file (page images as data URIs, CSS and script
inline; no server, no network): each page image with the detected cells laid
over it, tinted by column role as `planparse inspect` draws them, beside the
records that start on that page.  Clicking a record outlines the cells it was
read from; hovering a cell shows its record; warnings link to their page.

The geometry is inspect's (`inspect.page_cells`, `page_frame`, `table_plans`);
which cells made which record comes from the normalizer itself
(`build_records(trace=...)`), so the page shows what `extract` outputs.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import OutputError
from planparse.outputs.inspect import ROLE_COLOURS, FILL_ALPHA, page_cells, page_frame, table_plans
from ..intermediate import Cell, RawDocument
from ..model import Plan
from ..settings import ExtractOptions
from ..source import Source
from planparse.outputs.writers import atomic_output

DEFAULT_RESOLUTION = 80  # dpi of the page images: readable, ~100 KB a page

BoxKey = tuple[int, tuple[float, float, float, float]]  # (page, the cell's box as the extractor gives it)


def _key(page: int | None, bbox: tuple[float, float, float, float]) -> BoxKey:
    return (page or 0, tuple(round(v, 1) for v in bbox))  # type: ignore[return-value]


@dataclass
class Review:
    """What the page shows: the document (as `extract` gives it), the extractor's tables,
    and the cells each record was read from."""

    raw: RawDocument
    document: Plan
    cells_of_record: dict[int, set[BoxKey]] = field(default_factory=dict)  # record index -> its cells
    plan: dict[str, Any] = field(init=False)  # the document object

    def __post_init__(self) -> None:
        self.plan = self.document.to_dict()

    @property
    def records(self) -> list[dict[str, Any]]:
        return self.plan["records"]

    @property
    def warnings(self) -> list[dict[str, Any]]:
        return self.plan["warnings"]


def analyse(source: Source, options: ExtractOptions) -> Review:
    """Extract the document as `extract` does, noting which cells every table record came from."""
    from ..pipeline import extract_with_tables

    cells_of: dict[int, set[BoxKey]] = {}  # id(record) -> its cells
    page_of: dict[int, int | None] = {}  # id(cell) -> its page, filled once the tables are known

    def trace(record: Any, row: Any, roles: list[str]) -> None:
        keys = cells_of.setdefault(id(record), set())
        for part in [row, *row.parts]:
            for cell in part.cells:
                if isinstance(cell, Cell) and cell.bbox is not None:
                    keys.add((id(cell), part.page, cell.bbox))  # type: ignore[arg-type]

    raw, plan = extract_with_tables(source, options, trace=trace)
    for table in raw.tables:
        for row in table.rows:
            for cell in row.cells:
                page_of[id(cell)] = row.page if row.page is not None else table.page
    by_index: dict[int, set[BoxKey]] = {}
    for index, record in enumerate(plan.records):
        # A cell filled down from the row above is that row's cell object: its own page counts.
        found = cells_of.get(id(record), set())
        by_index[index] = {_key(page_of.get(cell_id, page), bbox) for cell_id, page, bbox in found}  # type: ignore[misc]
    return Review(raw, plan, by_index)


def _image_uri(image) -> str:  # type: ignore[no-untyped-def]
    """The smaller of a 32-colour PNG and a JPEG of the page, as a data URI."""
    rgb = image.convert("RGB")
    png, jpeg = io.BytesIO(), io.BytesIO()
    rgb.quantize(colors=32).save(png, format="PNG", optimize=True)
    rgb.save(jpeg, format="JPEG", quality=60, optimize=True)
    kind, data = ("png", png) if png.tell() <= jpeg.tell() else ("jpeg", jpeg)
    return f"data:image/{kind};base64," + base64.b64encode(data.getvalue()).decode("ascii")


def _colour(role: str | None) -> str:
    if role is None:
        return "transparent"
    r, g, b = ROLE_COLOURS.get(role, (0, 0, 0))
    return f"rgba({r},{g},{b},{FILL_ALPHA / 255:.2f})"


def _record_html(index: int, rec: dict[str, Any]) -> str:
    e = html.escape
    head = ""
    if rec.get("goal_id"):
        head += f'<span class="id">{e(rec["goal_id"])}</span>'
    head += f'<span class="goal">{e(rec.get("goal") or "(no goal)")}</span>'
    rows = []
    if rec.get("section"):
        rows.append(("section", e(rec["section"])))
    if rec.get("action_id"):
        rows.append(("action id", e(rec["action_id"])))
    for key, label in (("actions", "actions"), ("owners", "owners"), ("indicators", "indicators")):
        items = rec.get(key) or []
        if items:
            rows.append((label, "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>"))
    if rec.get("schedule"):
        rows.append(("schedule", e(rec["schedule"])))
    for key, value in (rec.get("extra") or {}).items():
        rows.append((e(key), e(value or "")))
    src = rec.get("source") or {}
    where = f'page {src.get("page")}, table {src.get("table")}, row {src.get("row")}' if src.get("page") else \
        f'table {src.get("table")}, row {src.get("row")}'
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return (f'<div class="rec" id="rec-{index}" data-rec="{index}" tabindex="0" role="button">{head}<dl>{body}</dl>'
            f'<div class="where">record {index + 1}: {e(where)}</div></div>')


def _indicator_html(ind: dict[str, Any]) -> str:
    """An indicator box (contract 1.1): its name, values, national values and sources."""
    from .cells import value_text

    e = html.escape
    rows = [("values", "<br>".join(e(value_text(v)) for v in ind.get("values") or []))]
    if ind.get("national"):
        rows.append(("national", "<br>".join(e(value_text(v)) for v in ind["national"])))
    if ind.get("sources"):
        rows.append(("sources", e(", ".join(ind["sources"]))))
    if ind.get("main_goal"):
        rows.append(("main goal", e(ind["main_goal"])))
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    ref = f'<span class="id">[{e(ind["ref"])}]</span>' if ind.get("ref") else ""
    return f'<div class="ind">{ref}<span class="goal">{e(ind.get("name") or "")}</span><dl>{body}</dl></div>'


def _legend() -> str:
    items = "".join(f'<span><i style="background:{_colour(role)}"></i>{html.escape(role)}</span>'
                    for role in ROLE_COLOURS)
    return f'<div class="legend">{items}<span><i style="border:2px solid rgb(200,0,0)"></i>header row</span></div>'


def render_review(source: Source, options: ExtractOptions | None = None, resolution: int = DEFAULT_RESOLUTION,
                  review: Review | None = None) -> str:
    """The review page of one document, as one HTML string (`review`: its `analyse`, when done already)."""
    options = options or ExtractOptions()
    review = review or analyse(source, options)
    raw = review.raw
    e = html.escape
    records_on: dict[int | None, list[int]] = {}
    for index, rec in enumerate(review.records):
        records_on.setdefault((rec.get("source") or {}).get("page"), []).append(index)
    recs_of_cell: dict[BoxKey, list[int]] = {}
    for index, keys in review.cells_of_record.items():
        for key in keys:
            recs_of_cell.setdefault(key, []).append(index)

    source_info = review.plan["source"]
    fmt, pages = source_info["format"], source_info["pages"]
    parts: list[str] = []
    if fmt == "pdf":
        parts.extend(_pdf_pages(source, options, raw, review, records_on, recs_of_cell, resolution))
    leftover = [i for page, indices in records_on.items() if page is None or fmt != "pdf" for i in indices]
    boxes = [ind for ind in review.plan.get("indicators") or [] if fmt != "pdf" or not (ind.get("source") or {}).get("page")]
    if boxes:
        parts.append('<section class="nopage" id="indicators"><div class="records"><h3>Indicator boxes</h3>'
                     + "".join(map(_indicator_html, boxes)) + "</div></section>")
    if leftover:
        note = "" if fmt == "pdf" else f"<p>A {fmt.upper()} file has no page images: its records are listed here.</p>"
        parts.append(f'<section class="nopage" id="records">{note}<div class="records">'
                     + "".join(_record_html(i, review.records[i]) for i in leftover) + "</div></section>")

    warnings = ""
    if review.warnings:
        items = []
        for w in review.warnings:
            where = f'<a href="#page-{w["page"]}">page {w["page"]}</a>: ' if w.get("page") else ""
            items.append(f'<li>{where}<code>{e(w.get("code") or "")}</code> {e(w.get("message") or "")}</li>')
        warnings = f'<section id="warnings"><h2>{len(review.warnings)} warnings</h2><ul>{"".join(items)}</ul></section>'
    title = review.plan.get("title") or source_info["file"]
    meta = review.plan.get("metadata") or {}
    known = [str(meta[k]) for k in ("organization", "period", "reference") if meta.get(k)]
    facts = (f'{e(source_info.get("path") or source_info["file"])} · {fmt.upper()}'
             + (f" · {pages} pages" if pages else "")
             + f" · {len(review.records)} records · {len(review.warnings)} warnings"
             + (f" · {len(review.plan.get('indicators') or [])} indicator boxes" if review.plan.get("indicators") else "")
             + "".join(f" · {e(k)}" for k in known))
    css = resources.files("planparse.outputs").joinpath("data/review.css").read_text(encoding="utf-8")
    js = resources.files("planparse.outputs").joinpath("data/review.js").read_text(encoding="utf-8")
    return (
        '<!DOCTYPE html>\n<html lang="fi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Review: {e(title)}</title><style>{css}</style></head><body>"
        f'<header><h1>{e(title)}</h1><div class="facts">{facts}</div>{_legend()}'
        '<div class="facts">Click a record to outline its cells on the page; hover a cell to see its record.</div></header>'
        f'{warnings}{"".join(parts)}<div id="tip"></div><script>{js}</script></body></html>\n'
    )


def _pdf_pages(source: Source, options: ExtractOptions, raw: RawDocument, review: Review,
               records_on: dict[int | None, list[int]], recs_of_cell: dict[BoxKey, list[int]],
               resolution: int) -> list[str]:
    """One section per page: the image with its cells, and the records that start on it."""
    from planparse.extractors.pdf.opening import open_pdf

    plans = table_plans(raw, options)
    pages_with_rows = {row.page if row.page is not None else t.page for t in raw.tables for row in t.rows}
    e = html.escape
    out = []
    with open_pdf(source, options) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            if options.pages and number not in options.pages:
                continue
            x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
            width, height = float(page.width), float(page.height)
            image = _image_uri(page.to_image(resolution=resolution).original)
            overlays = []
            if number in pages_with_rows:
                seen: set[BoxKey] = set()
                for _, rows in page_cells(raw, plans, number, page_frame(page)):
                    for _, _, cells in rows:
                        for view in cells:
                            key = _key(number, view.cell.bbox)  # type: ignore[arg-type]
                            if key in seen:  # a merged cell: every row it spans reports its one box
                                continue
                            seen.add(key)
                            x0, top, x1, bottom = view.box
                            style = (f"left:{(x0 - x_off) / width * 100:.3f}%;top:{(top - y_off) / height * 100:.3f}%;"
                                     f"width:{(x1 - x0) / width * 100:.3f}%;height:{(bottom - top) / height * 100:.3f}%;"
                                     f"background:{_colour(view.role)}")
                            recs = recs_of_cell.get(key)
                            attrs = f' data-recs="{" ".join(map(str, sorted(recs)))}"' if recs else ""
                            cls = "cell header" if view.header else "cell"
                            overlays.append(
                                f'<div class="{cls}" style="{style}" data-role="{e(view.role or "")}" '
                                f'data-table="{view.table}" data-box="{x0:.1f} {top:.1f} {x1:.1f} {bottom:.1f}"{attrs}></div>')
            indices = records_on.get(number, [])
            listing = "".join(_record_html(i, review.records[i]) for i in indices) or "<p>No records start on this page.</p>"
            boxes = [ind for ind in review.plan.get("indicators") or [] if (ind.get("source") or {}).get("page") == number]
            if boxes:
                listing += f"<h3>Page {number}: {len(boxes)} indicator boxes</h3>" + "".join(map(_indicator_html, boxes))
            out.append(
                f'<section class="page" id="page-{number}"><h2>Page {number}</h2>'
                f'<div class="sheet"><img alt="page {number}" src="{image}">{"".join(overlays)}'
                f'<span class="label">page {number}</span></div>'
                f'<div class="records"><h3>Page {number}: {len(indices)} records</h3>{listing}</div></section>')
            page.close()
    return out


def write_review(source: Source, output: str | Path, options: ExtractOptions | None = None,
                 resolution: int = DEFAULT_RESOLUTION, review: Review | None = None) -> None:
    """Render the review page of `source` and write it at `output` atomically."""
    text = render_review(source, options, resolution, review)
    try:
        with atomic_output(output) as stream:
            stream.write(text)
    except OSError as err:
        raise OutputError(Path(output), f"cannot write ({err.strerror or err})") from None
