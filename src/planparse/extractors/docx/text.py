"""One Word paragraph read from its XML: printed lines, bold, heading level, list.

Works on the lxml element directly (no python-docx proxies) so a table of a
thousand rows costs one pass over its runs.  Only text that Word prints is
kept: deleted revisions, field codes and text boxes anchored in the
paragraph are skipped; a w:br splits the paragraph into printed lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


from planparse.extractors.docx.styles import StyleSheet, W, first_child, int_attr, on_off, pick

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

W_P, W_R, W_T = W + "p", W + "r", W + "t"
W_PPR, W_RPR = W + "pPr", W + "rPr"
# Inline wrappers whose runs are printed as part of the paragraph.
_CONTAINERS = {
    W + "hyperlink", W + "ins", W + "moveTo", W + "smartTag", W + "sdt", W + "sdtContent",
    W + "fldSimple", W + "customXml", W + "dir", W + "bdo", _MC + "AlternateContent", _MC + "Choice",
}
_MATH_BLOCKS = {_MATH + "oMath", _MATH + "oMathPara"}
_SPACE = {W + "tab", W + "ptab"}
_BREAK = {W + "br", W + "cr"}
W_PSTYLE, W_OUTLINE, W_NUMPR, W_NUMID, W_ILVL = W + "pStyle", W + "outlineLvl", W + "numPr", W + "numId", W + "ilvl"
W_B, W_SZ, W_RSTYLE, W_VANISH, W_VAL = W + "b", W + "sz", W + "rStyle", W + "vanish", W + "val"
W_SOFT_HYPHEN, W_NB_HYPHEN, W_SYM = W + "softHyphen", W + "noBreakHyphen", W + "sym"
# Soft hyphens print only where Word breaks a line (never in extracted text);
# a literal tab prints as a gap, like w:tab.
_INVISIBLE = str.maketrans({"\u00ad": None, "\t": " "})

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
    ppr = pick(first_child(p, W_PPR), W_PSTYLE, W_OUTLINE, W_NUMPR)
    style_el = ppr.get(W_PSTYLE)
    style = styles.paragraph_style(style_el.get(W_VAL) if style_el is not None else None)
    para = Paragraph(heading_level=style.heading_level, is_title=style.is_title)
    num_id, num_level = style.num_id, style.num_level
    numbering_off = False
    outline = int_attr(ppr.get(W_OUTLINE))
    if outline is not None:
        para.heading_level = outline + 1 if 0 <= outline <= 8 else None
    num_pr = pick(ppr.get(W_NUMPR), W_NUMID, W_ILVL)
    if W_NUMID in num_pr:
        value = num_pr[W_NUMID].get(W_VAL)
        num_id = None if value in (None, "0") else value
        numbering_off = value == "0"
    num_level = int_attr(num_pr.get(W_ILVL), num_level) or 0
    para.num_id, para.num_level = num_id, num_level
    para.list_item = num_id is not None or (style.is_list and not numbering_off)

    base_bold = style.bold if style.bold is not None else styles.doc_bold
    base_size = style.size if style.size is not None else styles.doc_size
    state = _LineBuilder()
    visible_runs = bold_runs = 0
    max_size = 0
    for run in _runs(p):
        if run.tag != W_R:  # a math block: its text, no formatting
            state.add("".join(run.itertext()))
            continue
        bold, size, hidden = _run_format(run, styles, base_bold, base_size)
        if hidden:  # w:vanish: hidden text is not printed
            continue
        text_before = state.visible_chars
        _read_run(run, state)
        if state.visible_chars > text_before:
            visible_runs += 1
            bold_runs += bold
            max_size = max(max_size, size)
    para.lines = state.finish()
    para.bold = visible_runs > 0 and bold_runs == visible_runs
    para.size = max_size or base_size
    return para


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
    """The character a w:sym prints: a Symbol/Wingdings glyph as its bullet, else its code point."""
    font = (sym.get(W + "font") or "").lower()
    try:
        code = int(sym.get(W + "char") or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    if (font, code) in _SYMBOLS:
        return _SYMBOLS[(font, code)]
    if font in ("symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings"):
        return "\u2022"  # a picture glyph: in a plan it is a bullet
    if code < 0x20 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""  # a control character, or no character at all (a surrogate could not even be written as UTF-8)
    return chr(code)


def _run_format(run: Any, styles: StyleSheet, base_bold: bool, base_size: int) -> tuple[bool, int, bool]:
    """(bold, size, hidden) of a run: its own properties, then its character style, then the paragraph's."""
    rpr_el = first_child(run, W_RPR)
    if rpr_el is None:
        return base_bold, base_size, False
    rpr = pick(rpr_el, W_B, W_SZ, W_RSTYLE, W_VANISH)
    bold = on_off(rpr.get(W_B))
    size = int_attr(rpr.get(W_SZ))
    if bold is None or size is None:
        rstyle = rpr.get(W_RSTYLE)
        char_style = styles.get(rstyle.get(W_VAL)) if rstyle is not None else None
        if bold is None:
            bold = char_style.bold if char_style is not None and char_style.bold is not None else base_bold
        if size is None:
            size = char_style.size if char_style is not None and char_style.size is not None else base_size
    return bool(bold), size, bool(on_off(rpr.get(W_VANISH)))
