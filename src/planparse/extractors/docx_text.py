"""One Word paragraph read from its XML: printed lines, bold, heading level, list.

Works on the lxml element directly (no python-docx proxies) so a table of a
thousand rows costs one pass over its runs.  Only text that Word prints is
kept: deleted revisions, field codes and text boxes anchored in the
paragraph are skipped; a w:br splits the paragraph into printed lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from .docx_styles import StyleSheet, int_attr, on_off

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

W_P, W_R, W_T = qn("w:p"), qn("w:r"), qn("w:t")
W_PPR, W_RPR = qn("w:pPr"), qn("w:rPr")
# Inline wrappers whose runs are printed as part of the paragraph.
_CONTAINERS = {
    qn("w:hyperlink"), qn("w:ins"), qn("w:moveTo"), qn("w:smartTag"), qn("w:sdt"), qn("w:sdtContent"),
    qn("w:fldSimple"), qn("w:customXml"), qn("w:dir"), qn("w:bdo"), _MC + "AlternateContent", _MC + "Choice",
}
_MATH_BLOCKS = {_MATH + "oMath", _MATH + "oMathPara"}
_SPACE = {qn("w:tab"), qn("w:ptab")}
_BREAK = {qn("w:br"), qn("w:cr")}
W_SOFT_HYPHEN, W_NB_HYPHEN, W_SYM = qn("w:softHyphen"), qn("w:noBreakHyphen"), qn("w:sym")
_INVISIBLE = str.maketrans("", "", "\u00ad")  # soft hyphen: printed only at a line end Word chose

# Symbol-font characters (w:sym) that Word uses as bullets, by (font, code).
_SYMBOLS = {
    ("symbol", 0xB7): "\u2022",
    ("wingdings", 0x9F): "\u2022",
    ("wingdings", 0xA7): "\u25aa",
    ("wingdings", 0x6E): "\u25a0",
    ("wingdings", 0x71): "\u274f",
    ("wingdings", 0x76): "\u2756",
    ("wingdings", 0xD8): "\u27a2",
    ("wingdings", 0xFC): "\u2713",
}


@dataclass
class Paragraph:
    """What the extractor needs to know about one paragraph."""

    lines: list[str] = field(default_factory=list)
    bold: bool = False  # every run with visible text is bold (and there is one)
    size: int = 20  # largest font size of its visible runs, half-points
    heading_level: int | None = None
    is_title: bool = False
    list_item: bool = False
    num_id: str | None = None
    num_level: int = 0

    @property
    def text(self) -> str:
        """The paragraph as one string (its printed lines joined by spaces)."""
        return " ".join(line.strip() for line in self.lines if line.strip())


def read_paragraph(p: Any, styles: StyleSheet) -> Paragraph:
    """Read a w:p element."""
    ppr = p.find(W_PPR)
    style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style = styles.paragraph_style(style_el.get(qn("w:val")) if style_el is not None else None)
    para = Paragraph(heading_level=style.heading_level, is_title=style.is_title)
    num_id, num_level = style.num_id, style.num_level
    if ppr is not None:
        outline = int_attr(ppr.find(qn("w:outlineLvl")))
        if outline is not None:
            para.heading_level = outline + 1 if 0 <= outline <= 8 else None
        num_pr = ppr.find(qn("w:numPr"))
        if num_pr is not None:
            num_el = num_pr.find(qn("w:numId"))
            if num_el is not None:
                value = num_el.get(qn("w:val"))
                num_id = None if value in (None, "0") else value
            num_level = int_attr(num_pr.find(qn("w:ilvl")), num_level) or 0
    para.num_id, para.num_level = num_id, num_level
    para.list_item = num_id is not None or (style.is_list and not _numbering_off(ppr))

    base_bold = style.bold if style.bold is not None else styles.doc_bold
    base_size = style.size if style.size is not None else styles.doc_size
    state = _LineBuilder()
    visible_runs = bold_runs = 0
    max_size = 0
    for run in _runs(p):
        if run.tag != W_R:  # a math block: its text, no formatting
            state.add("".join(run.itertext()))
            continue
        text_before = state.visible_chars
        _read_run(run, state)
        if state.visible_chars > text_before:
            visible_runs += 1
            bold, size = _run_format(run, styles, base_bold, base_size)
            bold_runs += bold
            max_size = max(max_size, size)
    para.lines = state.finish()
    para.bold = visible_runs > 0 and bold_runs == visible_runs
    para.size = max_size or base_size
    return para


def _numbering_off(ppr: Any) -> bool:
    if ppr is None:
        return False
    num_el = ppr.find(f"{qn('w:numPr')}/{qn('w:numId')}")
    return num_el is not None and num_el.get(qn("w:val")) == "0"


class _LineBuilder:
    """Collects run text into printed lines, split at breaks."""

    def __init__(self) -> None:
        self.lines: list[list[str]] = [[]]
        self.visible_chars = 0

    def add(self, text: str) -> None:
        if text:
            self.lines[-1].append(text)
            self.visible_chars += len(text.strip())

    def newline(self) -> None:
        self.lines.append([])

    def finish(self) -> list[str]:
        return ["".join(parts).translate(_INVISIBLE) for parts in self.lines]


def _runs(container: Any):
    """The w:r elements (and math blocks) printed in `container`, in order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == W_R or tag in _MATH_BLOCKS:
            yield child
        elif tag in _CONTAINERS:
            yield from _runs(child)


def _read_run(run: Any, state: _LineBuilder) -> None:
    for child in run.iterchildren():
        tag = child.tag
        if tag == W_T:
            state.add(child.text or "")
        elif tag in _SPACE:
            state.add(" ")
        elif tag in _BREAK:
            state.newline()
        elif tag == W_NB_HYPHEN:
            state.add("-")
        elif tag == W_SYM:
            state.add(_symbol(child))
        # w:softHyphen prints nothing unless Word breaks the line there.


def _symbol(sym: Any) -> str:
    font = (sym.get(qn("w:font")) or "").lower()
    try:
        code = int(sym.get(qn("w:char")) or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    if (font, code) in _SYMBOLS:
        return _SYMBOLS[(font, code)]
    if font in ("symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings"):
        return "\u2022"  # a picture glyph: in a plan it is a bullet
    return chr(code) if code >= 0x20 else ""


def _run_format(run: Any, styles: StyleSheet, base_bold: bool, base_size: int) -> tuple[bool, int]:
    """(bold, size) of a run: its own properties, then its character style, then the paragraph's."""
    rpr = run.find(W_RPR)
    if rpr is None:
        return base_bold, base_size
    bold = on_off(rpr.find(qn("w:b")))
    size = int_attr(rpr.find(qn("w:sz")))
    if bold is None or size is None:
        rstyle = rpr.find(qn("w:rStyle"))
        char_style = styles.get(rstyle.get(qn("w:val"))) if rstyle is not None else None
        if bold is None:
            bold = char_style.bold if char_style is not None and char_style.bold is not None else base_bold
        if size is None:
            size = char_style.size if char_style is not None and char_style.size is not None else base_size
    return bool(bold), size
