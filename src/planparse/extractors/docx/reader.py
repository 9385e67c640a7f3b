"""Word (.docx) extractor: tables as exact grids, the headings above them, the title.

The body is walked once in document order (paragraphs and tables
interleaved, through content controls).  Each table gets the headings in
force above it:

- a heading is a paragraph with a heading outline level (Heading 1-9 or a
  direct w:outlineLvl), or a short paragraph whose text is all bold (plans
  often type "PÄÄTAVOITE I:" and the goal under it as bold body text);
- consecutive bold paragraphs form one heading, joined by a space, and
  rank below every styled heading;
- `caption_lines` are the short plain paragraphs after the last heading or
  table and directly above the table.

Word's automatic numbering ("1.", "1.1") is printed, so it is rendered in
front of the paragraph's text (docx_numbering.py); bullets are not, the
line is flagged `list_item` instead.  A one-cell table is a frame, not a
grid: its content is read as body content.

No language rules here: header rows are left in the grid for the normalizer.
`options` has nothing to choose for DOCX (pages, password apply to PDF).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from planparse.errors import CorruptInputError
from planparse.intermediate import RawDocument, RawTable, TextBlock
from planparse.settings import ExtractOptions
from planparse.source import Source
from planparse.extractors.docx.numbering import Numbering
from planparse.extractors.docx.package import open_docx
from planparse.extractors.docx.styles import StyleSheet, W
from planparse.extractors.docx.tables import W_TBL, iter_blocks, read_table, single_cell
from planparse.extractors.docx.text import Paragraph, read_paragraph

BOLD_HEADING_MAX_CHARS = 250  # a longer all-bold paragraph is emphasised prose
CAPTION_MAX_CHARS = 300
TITLE_MAX_CHARS = 250
LARGE_FONT = 28  # half-points (14 pt): a first paragraph this large is a title
_BOLD_LEVEL = 100  # bold pseudo-headings rank below every styled heading
# A picture at least this large each way (EMU; 10 cm) is page-sized: a scan pasted into Word.
PAGE_IMAGE_EMU = 3_600_000
_WP_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"


def read_docx(source: Source, options: ExtractOptions) -> RawDocument:
    """Extract the tables, headings, title and running text of a DOCX file."""
    document = open_docx(source)
    try:
        styles = StyleSheet(_styles_element(document))
        numbering = Numbering(_numbering_element(document))
        raw = _walk(_plain_body(document), styles, numbering)
    except RecursionError:
        raise CorruptInputError(source.display, "DOCX nests tables too deeply to read") from None
    raw.running_text = running_text(document)
    raw.properties = core_properties(document)
    if options.pages is not None:
        raw.warnings.append(("pages-ignored", "a DOCX file has no pages: --pages was ignored and the whole document read", None))
    return raw


# python-docx names of the core properties that hold text a person wrote
_CORE_TEXT = ("title", "subject", "author", "keywords", "category", "comments")


def core_properties(document: Any) -> dict[str, str]:
    """The DOCX core properties that hold text (title, subject, ...), as stored; {} when unreadable."""
    try:
        props = document.core_properties
        values = {name: getattr(props, name) for name in _CORE_TEXT}
    except _PART_ERRORS:
        return {}
    return {name: value for name, value in values.items() if isinstance(value, str) and value.strip()}


def running_text(document: Any) -> list[str]:
    """Paragraphs of every header and footer part (first-page, even and default), each once, in order."""
    texts: list[str] = []
    try:
        for section in document.sections:
            for part in (section.first_page_header, section.header, section.even_page_header,
                         section.first_page_footer, section.footer, section.even_page_footer):
                if part.is_linked_to_previous:
                    continue
                for para in part.paragraphs:
                    if para.text.strip() and para.text not in texts:
                        texts.append(para.text)
    except _PART_ERRORS:
        return texts
    return texts


# A header part or the core properties part that python-docx cannot read is left out, not fatal.
_PART_ERRORS = (KeyError, ValueError, AttributeError, TypeError, etree.LxmlError)


def _plain_body(document: Any) -> Any:
    """The w:body as plain lxml elements.

    python-docx parses into its own element classes, and every element touched
    through them builds a Python proxy; walking a plain copy takes about a
    third less time on a 1,000-row table (the copy itself is C-speed).
    """
    plain = etree.fromstring(etree.tostring(document.element), etree.XMLParser(resolve_entities=False, no_network=True))
    return plain.find(f"{W}body")


def _styles_element(document: Any) -> Any | None:
    try:
        return document.styles.element
    except (KeyError, NotImplementedError, AttributeError, ValueError):
        return None


def _numbering_element(document: Any) -> Any | None:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError, ValueError):
        return None


@dataclass
class _Headings:
    """The headings in force while walking the body."""

    chain: list[tuple[int, str]] = field(default_factory=list)  # (level, text), outer first
    captions: list[str] = field(default_factory=list)
    in_bold_block: bool = False

    def heading(self, level: int, text: str) -> None:
        while self.chain and self.chain[-1][0] >= level:
            self.chain.pop()
        self.chain.append((level, text))
        self.captions = []
        self.in_bold_block = False

    def bold_line(self, text: str) -> None:
        if self.in_bold_block and self.chain and self.chain[-1][0] == _BOLD_LEVEL:
            self.chain[-1] = (_BOLD_LEVEL, f"{self.chain[-1][1]} {text}")
        else:
            self.heading(_BOLD_LEVEL, text)
        self.in_bold_block = True

    def plain(self, text: str) -> None:
        if len(text) <= CAPTION_MAX_CHARS:
            self.captions.append(text)
        else:
            self.captions = []
        self.in_bold_block = False

    def place(self, table: RawTable) -> None:
        table.headings = [text for _, text in self.chain]
        table.heading = table.headings[-1] if table.headings else None
        table.caption_lines = list(self.captions)
        self.captions = []
        self.in_bold_block = False


class _Walker:
    """One pass over the body in document order."""

    def __init__(self, styles: StyleSheet, numbering: Numbering) -> None:
        self.styles, self.numbering = styles, numbering
        self.tables: list[RawTable] = []
        self.body_text: list[str] = []
        self.headings = _Headings()
        self.title_style: str | None = None
        self.first_h1: str | None = None
        self.first_para: Paragraph | None = None
        self.page_images = 0
        self.blocks: list[TextBlock] = []

    def visit(self, container: Any) -> None:
        for block in iter_blocks(container):
            if block.tag == W_TBL:
                self.table(block)
            else:
                self.paragraph(block)

    def table(self, tbl: Any) -> None:
        only_cell = single_cell(tbl)
        if only_cell is not None:
            # A one-cell table is a frame (a box around text or a wrapper around
            # the real table): its content counts as body content.
            self.visit(only_cell)
            return
        table = read_table(tbl, self.styles, self.numbering.label)
        self.headings.place(table)
        self.blocks.append(TextBlock("table", table=len(self.tables)))
        self.tables.append(table)

    def paragraph(self, p: Any) -> None:
        self.page_images += sum(1 for e in p.iter(_WP_EXTENT) if _is_page_sized(e))
        para = read_paragraph(p, self.styles)
        label = self.numbering.label(para)
        text = f"{label} {para.text}" if label and para.text else para.text
        if not text:
            return
        self.body_text.append(text)
        self.first_para = self.first_para or para
        lines = [line for line in para.lines if line.strip()]
        if label and lines:
            lines[0] = f"{label} {lines[0]}"
        if para.is_title:
            self.title_style = self.title_style or text
            self._block("heading", lines, 0)
        elif para.heading_level is not None:
            self.headings.heading(para.heading_level, text)
            self._block("heading", lines, para.heading_level)
            if para.heading_level == 1:
                self.first_h1 = self.first_h1 or text
        elif para.bold and len(text) <= BOLD_HEADING_MAX_CHARS:
            joins = self.headings.in_bold_block and self.blocks and self.blocks[-1].level == _BOLD_LEVEL
            self.headings.bold_line(text)
            if joins:
                self.blocks[-1].lines.extend(lines)
            else:
                self._block("heading", lines, _BOLD_LEVEL)
        else:
            self.headings.plain(text)
            self.blocks.append(TextBlock("paragraph", lines, list_item=para.list_item))

    def _block(self, kind: str, lines: list[str], level: int) -> None:
        self.blocks.append(TextBlock(kind, lines, level=level))

    def document(self) -> RawDocument:
        title = self.title_style or self.first_h1 or _title_from_first(self.first_para)
        warnings = []
        if self.page_images:
            warnings.append((
                "image-not-read",
                f"{self.page_images} page-sized picture(s) (a scan pasted into Word?) not read: planparse does not "
                "OCR pictures inside DOCX; save the document as PDF and run planparse extract --ocr on it",
                None,
            ))
        return RawDocument(
            format="docx", tables=self.tables, pages=None, title=title, body_text=self.body_text, warnings=warnings, blocks=self.blocks
        )


def _walk(body: Any, styles: StyleSheet, numbering: Numbering) -> RawDocument:
    walker = _Walker(styles, numbering)
    walker.visit(body)
    return walker.document()


def _is_page_sized(extent: Any) -> bool:
    try:
        return int(extent.get("cx", 0)) >= PAGE_IMAGE_EMU and int(extent.get("cy", 0)) >= PAGE_IMAGE_EMU
    except ValueError:
        return False


def _title_from_first(para: Paragraph | None) -> str | None:
    """The first paragraph, when it is short and set bold or large."""
    if para is None or len(para.text) > TITLE_MAX_CHARS:
        return None
    return para.text if para.bold or para.size >= LARGE_FONT else None
