"""Word styles resolved once: what a paragraph's style says about it.

Bold, font size, outline level and numbering can come from the paragraph
itself, its style, the style that style is based on, or the document
defaults.  `StyleSheet` flattens those chains once per document so each
paragraph costs a few dictionary look-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # the w: namespace, as an lxml tag prefix
_OFF = {"0", "false", "off", "none"}
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
# Built-in list styles whose paragraphs are list items even without w:numPr.
_LIST_STYLE_NAME = re.compile(r"^list(\s+(bullet|number))?(\s+\d)?$", re.IGNORECASE)


@dataclass(frozen=True)
class StyleInfo:
    """A style with its basedOn chain flattened (None: not said anywhere)."""

    name: str = ""
    bold: bool | None = None
    size: int | None = None  # half-points
    outline: int | None = None  # 0-based outline level; 9 = body text
    num_id: str | None = None
    num_level: int = 0

    @property
    def heading_level(self) -> int | None:
        """1-based heading level, from the outline level or a "heading N" name."""
        if self.outline is not None and 0 <= self.outline <= 8:
            return self.outline + 1
        match = _HEADING_NAME.match(self.name)
        return int(match.group(1)) if match else None

    @property
    def is_title(self) -> bool:
        return self.name.lower() == "title"

    @property
    def is_list(self) -> bool:
        return bool(_LIST_STYLE_NAME.match(self.name))


def pick(parent: Any, *tags: str) -> dict[str, Any]:
    """The children of `parent` with these tags, by tag, in one pass (lxml's find is slow)."""
    if parent is None:
        return {}
    return {child.tag: child for child in parent.iterchildren(*tags)}


def first_child(parent: Any, tag: str) -> Any | None:
    """`parent`'s first child if it has `tag` (where properties elements always stand)."""
    return parent[0] if len(parent) and parent[0].tag == tag else None


def on_off(element: Any) -> bool | None:
    """Value of an on/off property element such as w:b (absent -> None)."""
    if element is None:
        return None
    return element.get(W + "val", "1").lower() not in _OFF


def int_attr(element: Any, default: int | None = None) -> int | None:
    if element is None:
        return default
    try:
        return int(element.get(W + "val", ""))
    except ValueError:
        return default


class StyleSheet:
    """All paragraph and character styles of a document, flattened."""

    def __init__(self, styles_element: Any | None) -> None:
        self._raw: dict[str, Any] = {}
        self._resolved: dict[str, StyleInfo] = {}
        self.default_paragraph: str | None = None
        self.doc_bold: bool = False
        self.doc_size: int = 20
        if styles_element is None:
            return
        for style in styles_element.iterchildren(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            self._raw[style_id] = style
            is_default = style.get(W + "default") in ("1", "true", "on")
            if is_default and style.get(W + "type") == "paragraph":
                self.default_paragraph = style_id
        rpr = styles_element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if rpr is not None:
            self.doc_bold = bool(on_off(rpr.find(W + "b")))
            self.doc_size = int_attr(rpr.find(W + "sz"), 20) or 20

    def get(self, style_id: str | None) -> StyleInfo:
        """The flattened style `style_id` (an empty StyleInfo if unknown)."""
        if style_id is None:
            return StyleInfo()
        if style_id not in self._resolved:
            self._resolved[style_id] = self._resolve(style_id, depth=0)
        return self._resolved[style_id]

    def paragraph_style(self, style_id: str | None) -> StyleInfo:
        return self.get(style_id if style_id is not None else self.default_paragraph)

    def first_row_bold(self, style_id: str | None, depth: int = 0) -> bool:
        """Whether table style `style_id` sets its header row (tblStylePr firstRow) in bold."""
        style = self._raw.get(style_id or "")
        if style is None or depth > 20:
            return False
        for conditional in style.iterchildren(W + "tblStylePr"):
            if conditional.get(W + "type") == "firstRow":
                bold = on_off(conditional.find(f"{W}rPr/{W}b"))
                if bold is not None:
                    return bold
        based = style.find(W + "basedOn")
        return based is not None and self.first_row_bold(based.get(W + "val"), depth + 1)

    def _resolve(self, style_id: str, depth: int) -> StyleInfo:
        style = self._raw.get(style_id)
        if style is None or depth > 20:  # unknown id, or a basedOn cycle
            return StyleInfo()
        based = style.find(W + "basedOn")
        parent = self._resolve(based.get(W + "val", ""), depth + 1) if based is not None else StyleInfo()
        name_el = style.find(W + "name")
        ppr = style.find(W + "pPr")
        rpr = style.find(W + "rPr")
        bold = on_off(rpr.find(W + "b")) if rpr is not None else None
        size = int_attr(rpr.find(W + "sz")) if rpr is not None else None
        outline = int_attr(ppr.find(W + "outlineLvl")) if ppr is not None else None
        num_id, num_level = parent.num_id, parent.num_level
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is not None:
            num_id = _num_id(num_pr) or None
            num_level = int_attr(num_pr.find(W + "ilvl"), 0) or 0
        return StyleInfo(
            name=name_el.get(W + "val", "") if name_el is not None else "",
            bold=bold if bold is not None else parent.bold,
            size=size if size is not None else parent.size,
            outline=outline if outline is not None else parent.outline,
            num_id=num_id,
            num_level=num_level,
        )


def _num_id(num_pr: Any) -> str | None:
    """The numId of a w:numPr; "0" means numbering switched off."""
    el = num_pr.find(W + "numId")
    if el is None:
        return None
    value = el.get(W + "val")
    return None if value in (None, "0") else value
