"""Page furniture, headings, captions and the title: text outside the tables.

Page furniture (page numbers, running headers and footers) is recognised by
position and repetition only: a lone number in the top or bottom margin, or a
text (digits ignored) repeated at the same height on several pages.  Headings
are lines set larger than the body text, or bold where the body is not.
No words of any language are involved.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from planparse.intermediate import TextBlock
from planparse.extractors.pdf.tables.grid import PageTable
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.words import TextLine, starts_with_bullet

_LONE_NUMBER = re.compile(r"^[\W_]*[0-9ivxlcIVXLC]{1,6}(?:[\W_]+\d{1,5})?[\W_]*$")
_DIGITS = re.compile(r"\d+")


@dataclass
class PageContent:
    """What one page holds once its tables are found: table parts and the other lines."""

    number: int
    width: float
    height: float
    tables: list[PageTable]
    lines: list[TextLine]  # text outside tables, top to bottom
    furniture: set[int] = field(default_factory=set)  # indexes into `lines`
    ocr: bool = False  # the page's text was read by OCR

    def content_lines(self) -> list[TextLine]:
        return [ln for i, ln in enumerate(self.lines) if i not in self.furniture]


def in_margin(line: TextLine, height: float, settings: PdfSettings) -> bool:
    band = settings.margin_band * height
    return line.bottom <= band or line.top >= height - band


def is_lone_number(text: str) -> bool:
    """A page number as printed: "7", "- 7 -", "7/12", "vii" (digits or roman numerals only)."""
    return bool(_LONE_NUMBER.match(text.strip()))


def furniture_key(line: TextLine) -> str:
    return furniture_text_key(line.text)


def furniture_text_key(text: str) -> str:
    """A margin text with its numbers folded and its spaces dropped ("Sivu 3 (7)" -> "sivu#(#)"):
    running texts compare by it (OCR reads one footer "Sivu 3" on one page, "Sivu2" on the next)."""
    return _DIGITS.sub("#", "".join(text.split())).casefold()


OCR_RUNNING_LEN = 16  # characters a running text must have to be matched across OCR misreadings
OCR_RUNNING_RATIO = 0.9  # how alike (difflib ratio) two OCR readings of one running text are


def _ocr_reading_of(key: str, known: Sequence[str]) -> str | None:
    """The key of a running text already seen that `key` is another OCR reading of
    ("jamstalldhets-och...forvaltningen" read "jamstdlldhets-och...fér..." overleaf): both
    long, alike but for a few letters."""
    if len(key) < OCR_RUNNING_LEN:
        return None
    for k in known:
        if len(k) >= OCR_RUNNING_LEN and abs(len(k) - len(key)) <= 2 and SequenceMatcher(None, k, key).ratio() >= OCR_RUNNING_RATIO:
            return k
    return None


def mark_furniture(pages: Sequence[PageContent], settings: PdfSettings) -> None:
    """Set `furniture` on every page: lone margin numbers and repeated margin texts.

    On OCR'd pages a running text is one text when two pages' readings differ by a few
    letters (`_ocr_reading_of`); born-digital texts must be equal."""
    seen: dict[str, list[tuple[int, float]]] = defaultdict(list)
    keys: dict[tuple[int, int], str] = {}  # (page, line) -> the key the line is counted under
    ocr_keys: list[str] = []  # keys first seen on OCR'd pages
    paged: set[tuple[int, float]] = set()  # margin texts holding their page's number ("Sivu 3")
    for p, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if not in_margin(line, page.height, settings):
                continue
            if is_lone_number(line.text):
                page.furniture.add(i)
            key = furniture_key(line)
            if page.ocr and key not in seen:
                same = _ocr_reading_of(key, [k for k in ocr_keys if all(q != p for q, _ in seen[k])])
                if same is not None:
                    key = same
                else:
                    ocr_keys.append(key)
            keys[(p, i)] = key
            seen[key].append((p, line.top))
            if str(page.number) in _DIGITS.findall(line.text):
                paged.add((p, round(line.top, 3)))
    need = min(settings.furniture_min_pages, max(2, len(pages)))
    if len(pages) < 2:
        return
    for key, hits in seen.items():
        # group the hits by height on the page; a running text repeats at one height
        by_height: list[list[tuple[int, float]]] = []
        for hit in sorted(hits, key=lambda h: h[1]):
            if by_height and hit[1] - by_height[-1][-1][1] <= settings.furniture_y:
                by_height[-1].append(hit)
            else:
                by_height.append([hit])
        for group in by_height:
            # a text with its page's number on each page it stands on is the page number, on
            # two pages already (a table running into the margin may cover it on the others)
            numbered = len({p for p, _ in group}) >= 2 and all((p, round(t, 3)) in paged for p, t in group)
            if len({p for p, _ in group}) < need and not numbered:
                continue
            tops = {(p, round(t, 3)) for p, t in group}
            for p, _ in group:
                page = pages[p]
                for i, line in enumerate(page.lines):
                    if (p, round(line.top, 3)) in tops and (keys.get((p, i)) if page.ocr else furniture_key(line)) == key:
                        page.furniture.add(i)


def body_size(size_counts: Counter) -> float:
    """The font size most text is set in (counted in characters)."""
    return max(size_counts, key=lambda s: size_counts[s]) if size_counts else 10.0


def body_is_bold(bold_counts: Counter) -> bool:
    return bold_counts[True] > bold_counts[False]


def is_heading(line: TextLine, base_size: float, base_bold: bool, settings: PdfSettings) -> bool:
    """Larger than body text, or bold where body text is not; short, and not a lone number."""
    if len(line.text.split()) > 25 or is_lone_number(line.text):
        return False
    larger = line.size >= base_size + settings.heading_size_delta
    return larger or (line.bold and not base_bold and line.size >= base_size - 0.5)


OCR_HEADING_SIZE_SLACK = 0.15  # OCR sizes each line by its own box: one heading's lines differ by up to this share (as a title's, reader.OCR_SIZE_SLACK)


def join_heading_lines(lines: Sequence[TextLine], size_slack: float = 0.0) -> list[list[TextLine]]:
    """Consecutive heading lines of one style close together form one heading.

    `size_slack`: the share by which the sizes of one heading's lines may differ (OCR lines,
    each sized by its own box: "Otamme eri ryhmät mukaan hyvinvointialueen toiminnan" 11.8 pt
    and "suunnitteluun" 12.7 pt at 150 dpi, vake-osallisuus-frame of scan set E; the section
    was its second line alone)."""
    blocks: list[list[TextLine]] = []
    for ln in lines:
        if blocks:
            prev = blocks[-1][-1]
            tolerance = max(0.5, size_slack * max(prev.size, ln.size))
            same_style = abs(prev.size - ln.size) < tolerance and prev.bold == ln.bold and prev.colored == ln.colored
            if same_style and 0 <= ln.top - prev.bottom < 0.8 * ln.size:
                blocks[-1].append(ln)
                continue
        blocks.append([ln])
    return blocks


TITLE_SIZE_SLACK = 0.1  # a printed title may be this share smaller than a heading below it


def find_title(page: PageContent | None, base_size: float, settings: PdfSettings, size_slack: float = 0.0) -> str | None:
    """The first text of page 1 set about as large as its largest (its lines joined),
    if it is larger than body text.

    `size_slack`: the share by which a title line may be smaller than the
    largest (OCR sizes each line by its own box, so one title varies).
    Printed text: a title may be set a little smaller than a heading below
    it (`TITLE_SIZE_SLACK`; a small Title style on an A5 page), the title
    still comes first.
    """
    if page is None:
        return None
    lines = page.content_lines()
    if not lines:
        return None
    top_size = max(ln.size for ln in lines)
    if top_size < base_size + settings.heading_size_delta:
        return None
    if size_slack:
        floor = top_size * (1 - size_slack)
        candidates = [replace(ln, size=top_size) for ln in lines if ln.size >= floor]
    else:
        floor = max(top_size * (1 - TITLE_SIZE_SLACK), base_size + settings.heading_size_delta)
        candidates = [ln for ln in lines if ln.size >= floor]
    block = next(b for b in join_heading_lines(candidates))
    return " ".join(ln.text.strip() for ln in block) or None


MAX_HEADING_LINES = 2  # a longer run of larger text is a paragraph (prose set larger than tables)
MAX_WRAPPED_HEADING_LINES = 4  # ... unless it is bold and short: a heading wrapped on a narrow page
MAX_HEADING_WORDS = 16


def too_long_for_heading(block: Sequence[TextLine]) -> bool:
    """Is a run of larger text a paragraph, not a heading?  More than two lines, unless
    bold and of few words (a heading wrapped over three or four lines on an A5 page)."""
    if len(block) <= MAX_HEADING_LINES:
        return False
    words = sum(len(ln.text.split()) for ln in block)
    wrapped_heading = all(ln.bold for ln in block) and len(block) <= MAX_WRAPPED_HEADING_LINES and words <= MAX_HEADING_WORDS
    return not wrapped_heading


@dataclass
class Heading:
    """A heading and its rank: larger, then bold, then coloured text is the outer level."""

    text: str
    size: float
    bold: bool
    colored: bool = False

    def outranks_or_equals(self, other: "Heading") -> bool:
        return (self.size, self.bold, self.colored) >= (other.size, other.bold, other.colored)


def iter_document(pages: Sequence[PageContent]) -> Iterable[tuple[int, float, object]]:
    """Free lines and table parts of every page in reading order: (page index, top, item)."""
    for p, page in enumerate(pages):
        items: list[tuple[float, object]] = [(ln.top, ln) for ln in page.content_lines()]
        items += [(t.bbox[1], t) for t in page.tables]
        for top, item in sorted(items, key=lambda it: it[0]):
            yield p, top, item


def heading_context(
    pages: Sequence[PageContent], base_size: float, base_bold: bool, settings: PdfSettings
) -> dict[int, tuple[list[str], list[str]]]:
    """For every table part (by id): the heading chain in force and the caption lines just above it."""
    stack: list[Heading] = []
    pending: list[TextLine] = []
    heading_run: list[TextLine] = []
    out: dict[int, tuple[list[str], list[str]]] = {}
    last_page = -1

    run_ocr = False

    def flush_heading() -> None:
        if not heading_run:
            return
        for block in join_heading_lines(heading_run, OCR_HEADING_SIZE_SLACK if run_ocr else 0.0):
            if too_long_for_heading(block):  # a paragraph set larger than the tables, not a heading
                pending.extend(block)
                continue
            h = Heading(" ".join(ln.text.strip() for ln in block), block[0].size, block[0].bold, block[0].colored)
            while stack and h.outranks_or_equals(stack[-1]):
                stack.pop()
            stack.append(h)
        heading_run.clear()

    for p, _top, item in iter_document(pages):
        if p != last_page:
            pending.clear()
            last_page = p
        if isinstance(item, TextLine):
            if is_heading(item, base_size, base_bold, settings):
                if not heading_run:
                    run_ocr = pages[p].ocr
                heading_run.append(item)
                pending.clear()
            else:
                flush_heading()
                pending.append(item)
            continue
        flush_heading()
        table: PageTable = item  # type: ignore[assignment]
        captions = _captions_above(pending, table.bbox[1])
        out[id(table)] = ([h.text for h in stack], [ln.text for ln in captions])
        pending.clear()
    return out


def _captions_above(pending: Sequence[TextLine], table_top: float) -> list[TextLine]:
    """The lines directly above a table, close together (at most three)."""
    chain: list[TextLine] = []
    edge = table_top
    for ln in reversed(pending):
        if edge - ln.bottom > 2.0 * ln.size or len(chain) == 3:
            break
        chain.append(ln)
        edge = ln.top
    return list(reversed(chain))


def _heading_levels(headings: Iterable[Heading]) -> dict[tuple[float, bool, bool], int]:
    """Level 1 for the outermost heading style of the document, 2 for the next, ..."""
    styles = sorted({(round(h.size, 1), h.bold, h.colored) for h in headings}, reverse=True)
    return {style: level for level, style in enumerate(styles, start=1)}


def new_paragraph(prev: TextLine, line: TextLine, column_x0: float) -> bool:
    """Does `line` open a paragraph after `prev` (same page)?  A vertical gap wider
    than half a line, a bullet glyph at its start, a first-line indent, or a jump
    to another column (the line starts above the previous one)."""
    if line.top < prev.top - 0.5 * line.size:
        return True
    if line.top - prev.bottom > 0.45 * max(line.size, prev.size):
        return True
    if starts_with_bullet(line.text):
        return True  # a list item
    return line.x0 > column_x0 + line.size and abs(prev.x0 - column_x0) <= 1.0


def text_blocks(
    pages: Sequence[PageContent], base_size: float, base_bold: bool, settings: PdfSettings, table_of: dict[int, int]
) -> list[TextBlock]:
    """Headings, paragraphs and table places of the whole document in reading order.

    `table_of` maps the first part of each stitched table (by id) to its index
    in the document's tables; continuation parts give no block.  A paragraph
    cut by a page break (its last line does not end a sentence and the next
    page opens with body text) continues on the next page.
    """
    blocks: list[TextBlock] = []
    run: list[TextLine] = []
    run_page = 0
    open_para: list[TextLine] | None = None
    heads: list[tuple[Heading, TextBlock]] = []

    def flush_run() -> None:
        for block in join_heading_lines(run):
            texts = [ln.text for ln in block]
            if too_long_for_heading(block):
                blocks.append(TextBlock("paragraph", texts, page=run_page))
                continue
            tb = TextBlock("heading", texts, page=run_page)
            heads.append((Heading(" ".join(texts), block[0].size, block[0].bold, block[0].colored), tb))
            blocks.append(tb)
        run.clear()

    for p, _top, item in iter_document(pages):
        number = pages[p].number
        if isinstance(item, TextLine):
            if is_heading(item, base_size, base_bold, settings):
                if run and run_page != number:
                    flush_run()
                run.append(item)
                run_page = number
                open_para = None
                continue
            flush_run()
            prev_block = blocks[-1] if blocks else None
            if open_para and prev_block is not None and prev_block.kind == "paragraph":
                prev = open_para[-1]
                same_page = prev_block.page == number and blocks[-1].lines
                if same_page and not new_paragraph(prev, item, min(ln.x0 for ln in open_para)):
                    open_para.append(item)
                    prev_block.lines.append(item.text)
                    continue
                if not same_page and prev_block.page != number and not _ends_sentence(prev.text) and item.text[:1].islower():
                    open_para = [item]
                    prev_block.lines.append(item.text)
                    continue
            open_para = [item]
            blocks.append(TextBlock("paragraph", [item.text], page=number, list_item=starts_with_bullet(item.text)))
            continue
        flush_run()
        open_para = None
        index = table_of.get(id(item))
        if index is not None:
            blocks.append(TextBlock("table", page=number, table=index))
    flush_run()
    levels = _heading_levels(h for h, _ in heads)
    for h, tb in heads:
        tb.level = levels[(round(h.size, 1), h.bold, h.colored)]
    return blocks


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and text[-1] in ".!?:;"
