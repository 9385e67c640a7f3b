"""Plan contents, and one content laid out by one combination of the matrix.

A content is a plan YAML in the shape samples/build.py reads (title, front
matter, tables with headers, columns and rows as records).  `layout_spec`
returns a copy of it with the layout options of a combination filled in;
the rows, i.e. the expected records, are never changed.
"""

from __future__ import annotations

import copy
import hashlib
import random
from pathlib import Path
from typing import Any

import yaml

from .paths import CONTENT_DIRS, build

PAGES_CM = {"a4-portrait": (21.0, 29.7, 2.0), "a4-landscape": (29.7, 21.0, 1.8), "a5": (14.8, 21.0, 1.5)}
RULES = {"grid": "grid", "none": "none", "hrules": "hrules", "frame": "frame", "header-rule": "header-rule", "shaded-header": "shaded-header"}
GOAL = {"merged-top": ("merged", "top"), "merged-centre": ("merged", "center"), "repeated": ("repeat", "top"), "first-row-only": ("blank", "top")}
BULLETS = {"bullet": "• ", "en-dash": "– ", "hyphen": "- ", "symbol": "• ", "numbered": "", "none": ""}
LIST_FIELDS = ("actions", "indicators", "owners")


def load_contents() -> dict[str, dict[str, Any]]:
    """Every table plan's content YAML by name (variants of samples/src are layouts, so they
    are dropped; prose decisions and infographics have no tables to lay out)."""
    out = {}
    for folder in CONTENT_DIRS:
        for path in sorted(folder.glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            spec = yaml.safe_load(text)
            if "tables" not in spec:
                continue  # a plan written as prose or an infographic: no table to lay out
            spec.pop("variants", None)
            spec["name"] = path.stem
            spec["content_sha"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
            out[path.stem] = spec
    return out


def usable_width_cm(spec: dict[str, Any]) -> float:
    return spec["page_cm"][0] - 2 * spec["margin_cm"]


def text_width_cm(text: str, spec: dict[str, Any], bold: bool = False) -> float:
    """Width of `text` in the combination's font (reportlab's metrics; Liberation is metric-compatible)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    serif = spec["font_family"] == "serif"
    font = ("Times-Bold" if bold else "Times-Roman") if serif else ("Helvetica-Bold" if bold else "Helvetica")
    return stringWidth(text, font, spec["font_size"]) / 72 * 2.54


def _longest_word_cm(spec, table, c: int) -> float:
    col = table["columns"][c]
    words = [w for header in table["headers"] for w in (header[c] or "").split()]
    widest = max((text_width_cm(w, spec, bold=True) for w in words), default=0.0)
    for row in table["rows"]:
        for para in cell_paragraphs(row, col, table):
            for w in para.split():
                widest = max(widest, text_width_cm(w, spec))
    return widest


def _set_widths(spec, table, rng: random.Random, columns_mode: str) -> None:
    """Absolute column widths (cm) for the page, permuted or with one very narrow column."""
    columns, n = table["columns"], len(table["columns"])
    if columns_mode == "permuted" and n > 1:
        order = list(range(n))
        while order == list(range(n)):
            rng.shuffle(order)
        table["columns"] = [columns[i] for i in order]
        table["headers"] = [[header[i] for i in order] for header in table["headers"]]
        columns = table["columns"]
    total = usable_width_cm(spec)
    rel = [col.get("width", 1) for col in columns]
    widths = [total * w / sum(rel) for w in rel]
    if columns_mode == "one-narrow" and n > 2:
        # the non-goal, non-action column that shrinks most when made just wide enough for its
        # longest word (at least 1.2 cm); longer words in it are hyphenated or broken, as in Word
        choices = [c for c, col in enumerate(columns) if col["field"] not in ("goal", "actions", "goal_id")]
        narrow = {c: max(_longest_word_cm(spec, table, c) + 0.5, 1.2) for c in choices}
        c = min(choices, key=lambda i: narrow[i] / widths[i])
        if narrow[c] < widths[c]:
            rest = total - narrow[c]
            others = sum(w for i, w in enumerate(widths) if i != c)
            widths = [narrow[c] if i == c else w * rest / others for i, w in enumerate(widths)]
        else:  # every candidate is already about one word wide (A5, many columns): keep it so
            c = min(choices, key=lambda i: widths[i])
        table["narrow_column"] = c
    for col, w in zip(columns, widths):
        col["width"] = round(w, 3)


def layout_spec(content: dict[str, Any], combo: dict[str, str]) -> dict[str, Any]:
    """The content with the layout of `combo` (a dict dimension -> value) applied."""
    from .dimensions import combo_id

    spec = copy.deepcopy(content)
    cid = combo_id(combo)
    spec["combo"] = dict(combo)
    spec["combo_id"] = cid
    spec["name"] = f"{content['name']}--{cid}"
    spec["producer"] = combo["producer"]
    width, height, margin = PAGES_CM[combo["page"]]
    spec["page_cm"] = (width, height)
    spec["landscape"] = width > height
    spec["margin_cm"] = margin
    spec["font_family"] = combo["font"]
    spec["font"] = "Liberation Serif" if combo["font"] == "serif" else "Liberation Sans"
    spec["font_size"] = int(combo["font_size"])
    spec["title_size"] = min(spec.get("title_size", 16), 16 if combo["page"] != "a5" else 13)
    spec.pop("running_header", None)
    spec.pop("page_numbers", None)
    if combo["furniture"] == "header-footer":
        spec["running_header"] = spec.get("furniture_text") or spec["title"][:70]
        spec["page_numbers"] = True
        spec["page_number_words"] = ["Sida", ""] if spec.get("language", "fi-FI").startswith("sv") else ["Sivu", ""]
    goal_print, valign = GOAL[combo["goal"]]
    for t_index, table in enumerate(spec["tables"]):
        # YAML merge keys (<<: *T) share the column dicts between tables: each table gets its own
        table["columns"] = [dict(col) for col in table.get("columns") or []]
        table["headers"] = [list(header) for header in table["headers"]]
        table["page_break_before"] = t_index > 0 and combo["between_tables"] == "new-page"
        table["rules"] = RULES[combo["ruling"]]
        table["repeat_header"] = combo["header_repeat"] == "yes"
        table["cant_split"] = combo["row_split"] == "kept-whole"
        if table.get("skipped"):
            table["columns"] = [{"field": "other", "width": w} for w in table.get("widths", [1] * len(table["headers"][0]))]
            continue
        table["goal_print"] = goal_print
        table["goal_valign"] = valign
        for col in table["columns"]:
            col.pop("bullet", None)
        table["bullet"] = BULLETS[combo["bullets"]]
        table["numbered"] = combo["bullets"] == "numbered"
        table["symbol_bullet"] = combo["bullets"] == "symbol"
        table["bullet_hanging_cm"] = 0.3 if combo["bullets"] not in ("none", "symbol") else 0.0
        if combo["bullets"] == "symbol":
            table["bullet_style"] = "List Bullet"
        else:
            table.pop("bullet_style", None)
        _set_widths(spec, table, random.Random(cid), combo["columns"])  # one column order for every table
    return spec


def cell_paragraphs(row: dict[str, Any], col: dict[str, Any], table: dict[str, Any]) -> list[str]:
    """The paragraphs printed in one cell: build.py's, with "1) " numbering when the list is numbered."""
    paragraphs = build.printed_paragraphs(row, col, table)
    field = col["field"]
    if not table.get("numbered") or field not in LIST_FIELDS or field in (row.get("print") or {}):
        return paragraphs
    if field == "owners" and table.get("owners_join", ", ") != "paragraphs" and col.get("join") != "paragraphs":
        return paragraphs
    if len(paragraphs) > 1 or (paragraphs and col.get("always_bullet")):
        return [f"{i}) {p}" for i, p in enumerate(paragraphs, 1)]
    return paragraphs
