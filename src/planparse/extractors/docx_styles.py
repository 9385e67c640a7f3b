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

from docx.oxml.ns import qn

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


def on_off(element: Any) -> bool | None:
    """Value of an on/off property element such as w:b (absent -> None)."""
    if element is None:
        return None
    return element.get(qn("w:val"), "1").lower() not in _OFF


def int_attr(element: Any, default: int | None = None) -> int | None:
    if element is None:
        return default
    try:
        return int(element.get(qn("w:val"), ""))
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
        for style in styles_element.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if style_id is None:
                continue
            self._raw[style_id] = style
            is_default = style.get(qn("w:default")) in ("1", "true", "on")
            if is_default and style.get(qn("w:type")) == "paragraph":
                self.default_paragraph = style_id
        rpr = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            self.doc_bold = bool(on_off(rpr.find(qn("w:b"))))
            self.doc_size = int_attr(rpr.find(qn("w:sz")), 20) or 20

    def get(self, style_id: str | None) -> StyleInfo:
        """The flattened style `style_id` (an empty StyleInfo if unknown)."""
        if style_id is None:
            return StyleInfo()
        if style_id not in self._resolved:
            self._resolved[style_id] = self._resolve(style_id, depth=0)
        return self._resolved[style_id]

    def paragraph_style(self, style_id: str | None) -> StyleInfo:
        return self.get(style_id if style_id is not None else self.default_paragraph)

    def _resolve(self, style_id: str, depth: int) -> StyleInfo:
        style = self._raw.get(style_id)
        if style is None or depth > 20:  # unknown id, or a basedOn cycle
            return StyleInfo()
        based = style.find(qn("w:basedOn"))
        parent = self._resolve(based.get(qn("w:val"), ""), depth + 1) if based is not None else StyleInfo()
        name_el = style.find(qn("w:name"))
        ppr = style.find(qn("w:pPr"))
        rpr = style.find(qn("w:rPr"))
        bold = on_off(rpr.find(qn("w:b"))) if rpr is not None else None
        size = int_attr(rpr.find(qn("w:sz"))) if rpr is not None else None
        outline = int_attr(ppr.find(qn("w:outlineLvl"))) if ppr is not None else None
        num_id, num_level = parent.num_id, parent.num_level
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = _num_id(num_pr) or None
            num_level = int_attr(num_pr.find(qn("w:ilvl")), 0) or 0
        return StyleInfo(
            name=name_el.get(qn("w:val"), "") if name_el is not None else "",
            bold=bold if bold is not None else parent.bold,
            size=size if size is not None else parent.size,
            outline=outline if outline is not None else parent.outline,
            num_id=num_id,
            num_level=num_level,
        )


def _num_id(num_pr: Any) -> str | None:
    """The numId of a w:numPr; "0" means numbering switched off."""
    el = num_pr.find(qn("w:numId"))
    if el is None:
        return None
    value = el.get(qn("w:val"))
    return None if value in (None, "0") else value
