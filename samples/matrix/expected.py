"""Expected planparse/1 output of one rendering: the content's records, pages measured in the PDF.

The records are the content YAML's rows (samples/build.py:expected_document),
never planparse's output.  Only `source.page` is measured: the page where a
row's first printed words are, found with pdfplumber inside the row's column
(build.py's search, with the matrix's page sizes and column widths).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Iterator

from .content import cell_paragraphs
from .paths import build


_MARKER = re.compile(r"^(\(cid:\d+\)|\d+\)|[^\w\s])$")


def column_ranges(spec: dict[str, Any], table: dict[str, Any]) -> list[tuple[float, float]]:
    """x-range (points) where each column's text starts."""
    x = spec["margin_cm"] / 2.54 * 72
    ranges = []
    for col in table["columns"]:
        span = col["width"] / 2.54 * 72
        ranges.append((x - 4, x + span - 4))
        x += span
    return ranges


def pdf_words(pdf_path: Path) -> list[list[dict]]:
    """Each page's words as pdfplumber reads them, list markers left out."""
    import pdfplumber

    with pdfplumber.open(str(pdf_path)) as pdf:
        page_words = []
        for page in pdf.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            # list markers are drawn apart from their text, a point off its baseline: leave them out
            page_words.append([w for w in words if not _MARKER.match(w["text"])])
            page.flush_cache()
    return page_words


def locate_rows(spec: dict[str, Any], pdf_path: Path, page_words: list[list[dict]] | None = None) -> tuple[dict, list, int]:
    """Page of each data row and of each skipped table, in document order."""
    if page_words is None:
        page_words = pdf_words(pdf_path)
    n_pages = len(page_words)
    row_pages: dict[tuple[int, int], int] = {}
    table_pages: list[int | None] = []
    cursor = (0, -1.0)
    for t_index, table in enumerate(spec["tables"]):
        ranges = column_ranges(spec, table)
        if table.get("skipped"):
            cursor = build.find_after(page_words, ranges, [(0, table["headers"][0][0])], cursor)
            table_pages.append(cursor[0] + 1)
            for values in table["rows"]:
                cursor = build.find_after(page_words, ranges, [(0, values[0])], cursor)
            continue
        table_pages.append(None)
        layout = build.goal_layout(table)
        for r_index, row in enumerate(table["rows"]):
            probes = []
            for c, col in enumerate(table["columns"]):
                if col["field"] in ("goal", "goal_id") and (layout[r_index] != "print" or table.get("goal_valign") == "center"):
                    continue
                if c == table.get("narrow_column"):
                    continue  # one word a line: a poor probe
                paragraphs = cell_paragraphs(row, col, table)
                if paragraphs:
                    # a list marker is drawn apart from its text (its baseline may differ by a point)
                    probes.append((c, re.sub(r"^(\d+\)|[•–-])\s+", "", paragraphs[0])))
            if not probes:
                raise SystemExit(f"{spec['name']}: table {t_index + 1} row {r_index + 1} prints nothing")
            cursor = build.find_after(page_words, ranges, probes[:2], cursor)
            row_pages[(t_index, r_index)] = cursor[0] + 1
    return row_pages, table_pages, n_pages


class Unprinted(SystemExit):
    """A rendering that does not print all of its content's cell text (a producer clipped a
    row taller than the page): the expected output would ask for words the page lacks."""

    def __init__(self, name: str, cells: list[tuple[int, int, str, str]]) -> None:
        self.cells = cells  # (table index, row index, column head, the cell's text)
        shown = "; ".join(f"table {t + 1} row {r + 1} {head!r}: {text[:40]!r}" for t, r, head, text in cells[:3])
        more = f" (+{len(cells) - 3} more)" if len(cells) > 3 else ""
        super().__init__(f"{name}: cell text not printed in the PDF: {shown}{more}")

    @property
    def rows(self) -> list[tuple[int, int]]:
        return sorted({(t, r) for t, r, _, _ in self.cells})


_CID = re.compile(r"\(cid:\d+\)")
# other lines a cell's text may have between two of its lines on one page (a stray letter
# of the running header in its column); at a page break the page's foot and the next
# page's head (footer, running header, a repeated header row wrapped in a narrow column)
# lie between its parts, as many lines as they take
MAX_LINES_BETWEEN = 8


def _letters(text: str) -> str:
    """Letters only, case-folded: what a cell's text and the PDF's words are compared by
    (hyphenation, line breaks, list markers, numbers and spacing left out)."""
    return "".join(ch for ch in unicodedata.normalize("NFC", _CID.sub("", text)).casefold() if ch.isalpha())


def column_lines(page_words: list[list[dict]], lo: float, hi: float) -> list[tuple[int, str]]:
    """(page index, letters) of each printed line whose words start in one column's x-range, page after page."""
    out = []
    for p, words in enumerate(page_words):
        mine = sorted((w for w in words if lo <= w["x0"] < hi), key=lambda w: w["top"])
        line: list[dict] = []
        for w in mine + [None]:
            if w is None or (line and w["top"] - line[0]["top"] > 2.0):
                letters = _letters("".join(x["text"] for x in sorted(line, key=lambda x: x["x0"])))
                if letters:
                    out.append((p, letters))
                line = []
            if w is not None:
                line.append(w)
    return out


def printed_ends(lines: list[tuple[int, str]], start: int, target: str) -> Iterator[int]:
    """Each index after the last line of `target` printed in `lines` from `start` on, first
    start first: lines that spell it in order, with at most MAX_LINES_BETWEEN other lines
    between two of them on a page, and any number from the page's foot to where it goes on
    at the next page's head (a stray line that happens to fit, the running header's last
    letter, may be passed over)."""
    failed: set[tuple[int, int, int, int]] = set()

    def spell(j: int, pos: int, between: int, page: int) -> Iterator[int]:
        if pos == len(target):
            yield j
            return
        if j >= len(lines) or between > MAX_LINES_BETWEEN or lines[j][0] > page + 1 or (j, pos, between, page) in failed:
            return
        found = False
        line_page, letters = lines[j]
        if target.startswith(letters, pos):
            for end in spell(j + 1, pos + len(letters), 0, line_page):
                found = True
                yield end
        for end in spell(j + 1, pos, between + (line_page == page), page):
            found = True
            yield end
        if not found:
            failed.add((j, pos, between, page))

    for i in range(start, len(lines)):
        if target.startswith(lines[i][1]):
            yield from spell(i + 1, len(lines[i][1]), 0, lines[i][0])


def find_printed(lines: list[tuple[int, str]], start: int, target: str) -> int | None:
    """The first of printed_ends; None when the PDF does not print `target` from `start` on."""
    return next(printed_ends(lines, start, target), None)


def all_printed(lines: list[tuple[int, str]], targets: list[str]) -> bool:
    """Can every target be read from `lines`, one after another?  A cell's letters may also be
    spelled by lines of the cells around it (one owner in several rows, a cell cut overleaf),
    so a match that takes a later cell's lines is undone and the next one tried."""
    tried: set[tuple[int, int]] = set()

    def place(k: int, cursor: int) -> bool:
        if k == len(targets):
            return True
        if (k, cursor) in tried:
            return False
        tried.add((k, cursor))
        return any(place(k + 1, end) for end in dict.fromkeys(printed_ends(lines, cursor, targets[k])))

    return place(0, 0)


def unprinted_cells(spec: dict[str, Any], page_words: list[list[dict]]) -> list[tuple[int, int, str, str]]:
    """Content cells whose text the PDF does not print, read from the PDF's own words (never
    from planparse): each column's printed lines, in page order, must spell every cell of the
    column one after another."""
    missing = []
    for t_index, table in enumerate(spec["tables"]):
        if table.get("skipped"):
            continue
        layout = build.goal_layout(table)
        for c, ((lo, hi), col) in enumerate(zip(column_ranges(spec, table), table["columns"])):
            lines = column_lines(page_words, lo, hi)
            cells = []
            for r_index, row in enumerate(table["rows"]):
                if col["field"] in ("goal", "goal_id") and layout[r_index] != "print":
                    continue
                text = " ".join(cell_paragraphs(row, col, table))
                if _letters(text):
                    cells.append((r_index, text, _letters(text)))
            if all_printed(lines, [target for _, _, target in cells]):
                continue
            cursor = 0  # name the cells a first-match reading cannot find
            for r_index, text, target in cells:
                found = find_printed(lines, cursor, target)
                if found is None:
                    missing.append((t_index, r_index, table["headers"][-1][c] or col["field"], text))
                else:
                    cursor = found
    return missing


def expected_output(spec: dict[str, Any], pdf_path: Path) -> dict[str, Any]:
    """The planparse/1 document planparse should give for this rendering.

    Raises Unprinted when the PDF does not print every cell's text: the expected output
    comes from the content, so it must not ask for words the page lacks."""
    page_words = pdf_words(pdf_path)
    row_pages, table_pages, n_pages = locate_rows(spec, pdf_path, page_words)
    missing = unprinted_cells(spec, page_words)
    if missing:
        raise Unprinted(spec["name"], missing)
    doc = build.expected_document(spec, pdf_path, "pdf", row_pages, table_pages, n_pages)
    doc["matrix"] = {"content": spec["combo"]["content"], "combination": spec["combo"], "id": spec["name"]}
    return doc
