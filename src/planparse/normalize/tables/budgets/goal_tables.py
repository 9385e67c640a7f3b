"""Goal tables of budgets and financial statements: goal cards and goal blocks.

A goal card stacks header rows inside one block ("Tavoite |
Toimenpide/mittari" over its data row, then "Arviointi | Tila" over its
data row).  A goal block prints label | value rows ("Strateginen valinta |
... | Strateginen tavoite | ...") above a goal row ("Talousarviotavoite |
Tilannekuvaus ja riskiarvio") and measure rows ("Mittari/mittarit |
Nykyarvo | Tavoitearvo | Toteuma-arvo").  Both are read row by row over
consecutive tables under the same headings (a block cut by a page break
goes on in the next table, with or without its header), each data cell
under the header cell it stands below: by position on the page when the
format has geometry, by grid column otherwise.  A header printed on two
lines is one header.  One record per card; one per measure row of a block,
with the goal and the labels repeated.  A data cell beyond the header's
last text, or a lone digit 1-4 after the value under one header, is the
status printed without a header of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planparse.intermediate import Cell, Line, RawRow, RawTable
from planparse.model import Record, RecordSource
from planparse.normalize.tables.cells import TextJoiner, cell_text
from planparse.normalize.tables.headers import header_key, is_known_header, is_value_header, match_field, status_key
from planparse.normalize.tables.rows import DataRow, fragment_continues, is_year_label, open_header, same_head, text_continues
from planparse.normalize.text import clean_text

_STATUS_DIGIT = re.compile(r"^[1-4](?:\s+[1-4])*$")  # "1", or "1 2" for two measures printed in one row
MAX_HEADER_WORDS = 5


@dataclass
class Piece:
    """A filled cell of a row: its horizontal extent and text."""

    x0: float
    x1: float
    cell: Cell
    text: str


@dataclass
class Row:
    """A table row read for goal tables: H (headers), L (labels and values) or D (data)."""

    kind: str
    pieces: list[Piece]
    page: int | None
    starts_page: bool
    table: int  # 0-based index of the raw table
    merged: bool = False  # a header printed on several lines, merged into this row


@dataclass
class Segment:
    """A header row and the data rows under it."""

    slots: list[Piece]
    rows: list[list[tuple[Piece | None, Piece]]] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)
    labels: list[tuple[str, Piece | None]] = field(default_factory=list)  # for L rows


@dataclass
class Block:
    """One card or goal block: its segments, the table and page it starts on."""

    table: int
    page: int | None
    segments: list[Segment] = field(default_factory=list)
    per_row: bool = False  # a budget goal table: one record per data row


def _pieces(row: RawRow, joiner: TextJoiner) -> list[Piece]:
    out: list[Piece] = []
    for c, cell in enumerate(row.cells):
        if cell.is_empty:
            continue
        text = cell_text(cell.lines, joiner)
        if not text:
            continue
        x0, x1 = (cell.bbox[0], cell.bbox[2]) if cell.bbox else (float(c), float(c + max(cell.span, 1)))
        out.append(Piece(x0, x1, cell, text))
    return out


def _short(text: str) -> bool:
    return len(text.split()) <= MAX_HEADER_WORDS and not text.rstrip().endswith((".", "?"))


def _kind(pieces: list[Piece], bold: bool) -> str:
    texts = [p.text for p in pieces]
    if not texts:
        return "E"
    known = [is_known_header(t) for t in texts]
    if all(_short(t) for t in texts) and (all(known) or (bold and any(known))):
        return "H"
    if len(texts) >= 2 and known[0] and not all(known) and all(known[i] or known[i - 1] for i in range(1, len(texts))):
        return "L"
    return "D"


def _overlap(a: Piece, b: Piece) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _merge_header_lines(top: list[Piece], below: list[Piece], joiner: TextJoiner) -> list[Piece] | None:
    """`top` with the pieces of `below` merged in, when `below` is the next line of its headers."""
    merged = [Piece(p.x0, p.x1, Cell(lines=list(p.cell.lines), span=p.cell.span, bbox=p.cell.bbox), p.text) for p in top]
    for piece in below:
        owner = max(merged, key=lambda p: _overlap(p, piece), default=None)
        if owner is None or _overlap(owner, piece) <= 0 or len(piece.cell.lines) > 1:
            return None
        if not fragment_continues(owner.text, piece.text) or (is_known_header(piece.text) and not open_header(owner.text)):
            return None
        if is_year_label(piece.text) and owner.text.split()[-1] == piece.text:
            continue  # the year printed again under the same wide header
        owner.cell.lines.append(Line(piece.text))
        owner.text = cell_text([Line(owner.text), Line(piece.text)], joiner) or owner.text
    return merged


def read_rows(table: RawTable, t_index: int, joiner: TextJoiner) -> list[Row]:
    """The table's rows classified, a header printed on two or three lines merged into one row."""
    rows: list[Row] = []
    for raw in table.rows:
        pieces = _pieces(raw, joiner)
        kind = _kind(pieces, raw.bold)
        if rows and kind in ("D", "E", "H") and pieces and rows[-1].kind != "E":
            prev = rows[-1]
            merged = _merge_header_lines(prev.pieces, pieces, joiner)
            if merged is not None:
                new_kind = _kind(merged, False)
                if prev.kind in ("H", "L") or new_kind in ("H", "L"):
                    prev.pieces, prev.kind = merged, (prev.kind if prev.kind == "H" or new_kind == "D" else new_kind)
                    # a header row cut by the page break is one row printed on one line,
                    # not a header printed on several lines (`is_budget_goal_table`)
                    prev.merged = prev.merged or not _cut_by_page(prev, raw)
                    continue
        rows.append(Row(kind, pieces, raw.page, raw.starts_page, t_index))
    return [r for r in rows if r.kind != "E" or r.starts_page]


def _cut_by_page(prev: Row, raw: RawRow) -> bool:
    """Is `raw` the rest of the row `prev` overleaf (its lines cut off by the page break)?"""
    return prev.page is not None and raw.page is not None and raw.page > prev.page


def _keys(row: Row) -> frozenset[str]:
    return frozenset(p.text for p in row.pieces if is_known_header(p.text))


def _within(a: frozenset[str], b: frozenset[str]) -> bool:
    """Is every head of `a` also in `b` (printed the same, or one cut short of the other)?"""
    keys_b = [header_key(y) for y in b]
    return all(any(same_head(header_key(x), y) for y in keys_b) for x in a)


def is_goal_table(rows: list[Row]) -> bool:
    """Header rows stacked inside the table, one of them naming the goal.

    Each stacked header row starts at the table's left edge: a second header
    row under part of the first ("Seuranta" over "Mittari | Toteutunut") is
    one two-row header, not a stack."""
    filled = [r for r in rows if r.pieces]
    left = min((r.pieces[0].x0 for r in filled), default=0.0)
    width = max((r.pieces[-1].x1 for r in filled), default=1.0) - left
    kinds = [r.kind if r.kind == "D" or r.pieces[0].x0 - left <= 0.05 * width else "D" for r in filled]
    # two different header rows (a header repeated on a new page is the same row again,
    # also when a scan lost or garbled one of its heads: its known heads are a subset)
    distinct = {_keys(r) for r, k in zip(filled, kinds) if k in ("H", "L")}
    stacked = any(a != b and not (a and b and (_within(a, b) or _within(b, a))) for a in distinct for b in distinct)
    goal_header = any(r.kind == "H" and any(match_field(p.text, fuzzy=False) == "goal" for p in r.pieces) for r in rows)
    return stacked and goal_header


def is_budget_goal_table(rows: list[Row]) -> bool:
    """A goal table of a budget with one header printed on several lines
    ("Tavoite | Mittari | Lähtötaso /toteuma 2022 | Tavoite-taso 2024 | Toteuma 2024")
    over one row per goal: its cells are placed under the header by position, as the
    body's ruling often does not line up with the header's."""
    filled = [r for r in rows if r.pieces]
    if len(filled) < 2 or filled[0].kind != "H" or not filled[0].merged:
        return False
    fields = {_field(p.text) for p in filled[0].pieces}
    return "goal" in fields and all(r.kind == "D" for r in filled[1:])


def _label_pairs(row: Row) -> list[tuple[str, Piece | None]]:
    pairs: list[tuple[str, Piece | None]] = []
    for piece in row.pieces:
        if is_known_header(piece.text):
            pairs.append((piece.text, None))
        elif pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], piece)
    return pairs


def _assign(slots: list[Piece], row: Row) -> list[tuple[Piece | None, Piece]]:
    """Each data piece with the header piece it stands under (None: beyond every header)."""
    out: list[tuple[Piece | None, Piece]] = []
    for piece in row.pieces:
        best = max(slots, key=lambda s: _overlap(s, piece), default=None)
        out.append((best if best is not None and _overlap(best, piece) > 0 else None, piece))
    return out


def _field(text: str) -> str | None:
    exact = match_field(text, fuzzy=False)
    if exact is not None:
        return exact
    return None if is_value_header(text) else match_field(text)


def _is_measure(segment: Segment) -> bool:
    fields = [_field(s.text) for s in segment.slots]
    return "indicator" in fields and "goal" not in fields


@dataclass
class GoalStream:
    """Consecutive tables read as one run of goal cards or goal blocks."""

    tables: list[int]
    headings: tuple
    last_page: int | None
    keys: set[frozenset[str]]
    start: frozenset[str] | None = None
    blocks: list[Block] = field(default_factory=list)
    per_row: bool = False

    def add(self, rows: list[Row]) -> None:
        for row in rows:
            if row.kind in ("H", "L"):
                keys = _keys(row)
                block = self.blocks[-1] if self.blocks else None
                if self.start is None:
                    self.start = keys
                if self.per_row and block is not None and keys == self.start:
                    continue  # the header repeated on a new page
                used = {frozenset(_keys_of(s)) for s in block.segments} if block else set()
                if block is None or keys == self.start or keys in used:
                    block = Block(row.table, row.page, per_row=self.per_row)
                    self.blocks.append(block)
                segment = Segment(slots=list(row.pieces))
                if row.kind == "L":
                    segment.labels = _label_pairs(row)
                block.segments.append(segment)
                self.keys.add(keys)
            elif row.kind == "D":
                if not self.blocks:
                    continue
                segment = self.blocks[-1].segments[-1]
                cells = _assign(segment.slots, row)
                if segment.rows and (_is_measure(segment) or self.per_row) and not (row.starts_page and _continues_measure(segment, cells)):
                    segment.rows.append(cells)
                    segment.pages.append(row.page)
                elif segment.rows:
                    segment.rows[-1] = segment.rows[-1] + cells
                else:
                    segment.rows.append(cells)
                    segment.pages.append(row.page)
            if row.page is not None:
                self.last_page = max(self.last_page or row.page, row.page)


def _keys_of(segment: Segment) -> set[str]:
    return {p.text for p in segment.slots if is_known_header(p.text)}


def _continues_measure(segment: Segment, cells: list[tuple[Piece | None, Piece]]) -> bool:
    """A data row at the top of a page that carries on the measure row above (cut by the page break)."""
    prev = segment.rows[-1]
    key = "goal" if any(_field(s.text) == "goal" for s in segment.slots) else "indicator"
    for slot in segment.slots:
        if _field(slot.text) != key:
            continue
        mine = [p for s, p in cells if s is slot]
        if not mine:
            return True
        theirs = [p for s, p in prev if s is slot]
        return bool(theirs) and text_continues(theirs[-1].cell, mine[0].cell)
    return False


def find_goal_streams(tables: list[RawTable], joiner: TextJoiner) -> list[GoalStream]:
    """Every run of goal cards or goal blocks in the document."""
    streams: list[GoalStream] = []
    stream: GoalStream | None = None
    for i, table in enumerate(tables):
        rows = read_rows(table, i, joiner)
        headings = (tuple(table.headings), table.heading)
        if stream is not None and _continues(stream, table, rows, headings):
            if rows and table.page is not None and stream.last_page is not None and table.page > stream.last_page:
                rows[0].starts_page = True  # a table of its own overleaf: its first row may go on from the last
            stream.tables.append(i)
            stream.add(rows)
            continue
        stream = None
        budget = not is_goal_table(rows) and is_budget_goal_table(rows)
        if budget or is_goal_table(rows):
            stream = GoalStream([i], headings, table.page, set(), per_row=budget)
            stream.add(rows)
            streams.append(stream)
    return streams


def _continues(stream: GoalStream, table: RawTable, rows: list[Row], headings: tuple) -> bool:
    """The next table goes on with the run: same headings, on the same page with only headers
    the run has, or the first table of the next page (a block cut by the page break)."""
    if headings != stream.headings or not rows:
        return False
    if table.page is not None and stream.last_page is not None and not stream.last_page <= table.page <= stream.last_page + 1:
        return False
    overleaf = table.page is not None and stream.last_page is not None and table.page > stream.last_page
    if overleaf:
        return True  # the first table of the next page, right after the run: the block goes on
    for row in rows:
        if row.kind in ("H", "L") and _keys(row) not in stream.keys and not is_goal_table(rows):
            return False
    return True


def block_records(block: Block, joiner: TextJoiner, section: str | None, table_no: int) -> list[Record]:
    """The records of one card or goal block."""
    labels: list[tuple[str, Piece | None]] = []
    single: list[tuple[Piece, list[Piece]]] = []  # header slot -> its data pieces
    measures: list[tuple[Segment, list[tuple[Piece | None, Piece]], int | None]] = []
    status: list[str] = []
    for segment in block.segments:
        if segment.labels:
            labels.extend(segment.labels)
            continue
        if not segment.rows:
            labels.extend((s.text, None) for s in segment.slots)
            continue
        if _is_measure(segment) or block.per_row:
            measures.extend((segment, cells, page) for cells, page in zip(segment.rows, segment.pages))
            continue
        values = _slot_values(segment.slots, [c for cells in segment.rows for c in cells], status)
        single.extend(values)
    has_indicator = any(_field(s.text) == "indicator" for seg in block.segments for s in seg.slots if not seg.labels)
    records: list[Record] = []
    for number, (segment, cells, page) in enumerate(measures or [(None, [], block.page)], start=1):
        row_status = list(status)
        columns = single + (_slot_values(segment.slots, cells, row_status) if segment else [])
        rec = _record(columns, has_indicator, joiner, section, RecordSource(page if measures else block.page, table_no, number))
        for label, value in labels:
            rec.extra[label] = cell_text(value.cell.lines, joiner) if value else None
        if row_status:
            rec.extra[status_key()] = row_status[-1]  # the row's own digit when a card prints one too
        if rec.goal or rec.indicators or rec.actions:
            records.append(rec)
    return records


def _slot_values(slots: list[Piece], cells: list[tuple[Piece | None, Piece]], status: list[str]) -> list[tuple[Piece, list[Piece]]]:
    """Each header slot with its data pieces; a lone status digit after a value, or a piece
    beyond every header, is the unlabeled status."""
    by_slot: dict[int, list[Piece]] = {id(s): [] for s in slots}
    for slot, piece in cells:
        if slot is None:
            if _STATUS_DIGIT.match(piece.text):
                status.append(piece.text)
            elif slots:
                left = max((s for s in slots if s.x0 <= piece.x0), key=lambda s: s.x0, default=slots[-1])
                by_slot[id(left)].append(piece)
            continue
        mine = by_slot[id(slot)]
        if mine and _STATUS_DIGIT.match(piece.text) and piece.x0 >= mine[-1].x1:
            status.append(piece.text)
            continue
        mine.append(piece)
    return [(s, by_slot[id(s)]) for s in slots]


def _record(columns: list[tuple[Piece, list[Piece]]], has_indicator: bool, joiner: TextJoiner, section: str | None, source: RecordSource) -> Record:
    from planparse.normalize.records import TablePlan, make_record

    roles: list[str] = []
    keys: list[str] = []
    cells: list[Cell] = []
    seen: set[str] = set()
    for slot, pieces in columns:
        role = _field(slot.text) or "extra"
        if role == "indicator_weak":
            role = "extra" if has_indicator else "indicator"
        if role == "number":
            role = "extra"
        if role != "extra" and role in seen:
            role = "extra"  # a second goal or measure column keeps its own header
        seen.add(role)
        roles.append(role)
        keys.append(clean_text(slot.text) or slot.text)
        lines: list[Line] = []
        for piece in pieces:
            if lines and piece.cell.lines:
                lines.append(Line(piece.cell.lines[0].text, piece.cell.lines[0].indent, True, piece.cell.lines[0].list_item))
                lines.extend(piece.cell.lines[1:])
            else:
                lines.extend(piece.cell.lines)
        cells.append(Cell(lines=lines))
    plan = TablePlan(roles, None, section, keys)
    rec = make_record(DataRow(cells, source.page, False), plan, source.table, source.row, joiner)
    return rec


def header_roles(table: RawTable, joiner: TextJoiner) -> tuple[list[str], list[int]]:
    """For drawing (`inspect`): each grid column's role from the first header text in it,
    and the indices of the table's header and label rows."""
    roles: list[str | None] = [None] * table.n_cols
    header_rows: list[int] = []
    for r, raw in enumerate(table.rows):
        if _kind(_pieces(raw, joiner), raw.bold) not in ("H", "L"):
            continue
        header_rows.append(r)
        for c, cell in enumerate(raw.cells):
            text = cell_text(cell.lines, joiner) if not cell.is_empty else None
            if text and roles[c] is None and is_known_header(text):
                field = _field(text) or "extra"
                roles[c] = field if field in ("goal", "indicator", "action", "owner", "schedule") else "extra"
    return [r or "extra" for r in roles], header_rows
