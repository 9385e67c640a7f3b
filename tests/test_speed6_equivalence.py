"""The speed-ups of speed6 (issue 10: the borderless benchmark plan within 10 % of d235029)
give exactly what the code they replaced gave.

Each fast path is compared with the plain definition it stands for (the code as it was at
67514aa, copied here), on generated input (hypothesis), as tests/test_speedups.py does.
"""

from __future__ import annotations

from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.tables.rowsplit import paragraph_rows as pr
from planparse.extractors.pdf.tables.rowsplit.rows import (
    _NO_CARRY,
    _SENTENCE_END,
    _WRAPPED,
    _AT_HYPHEN,
    Block,
    _carried_tops,
    _carry_kind,
    carries_on,
    split_at_rows,
)
from planparse.extractors.pdf.tables.whitespace.levels import level_with
from planparse.extractors.pdf.tables.whitespace.regions import is_list_marker
from planparse.extractors.pdf.words import TextLine, Word, forced_break, starts_with_bullet
from planparse.normalize.tables import rows as table_rows
from planparse.normalize.tables.headers import header_key

TEXTS = [
    "", " ", "x", "Two words", "broken hy-", "carried on", "• an item", "- item", "2) item", "b. kohta",
    "Tavoite päättyy.", "jatkuu tässä", "Uusi kappale", "ends with colon:", "ÄÄNI ja", "ab", "a1 b",
    "  lowered text", "soft\u00ad", "Q?", "tämä jatkuu", "3.", "•glued", "Kaksi sanaa ja", "x y",
]


@st.composite
def text_line(draw, top: float) -> TextLine:
    text = draw(st.sampled_from(TEXTS))
    x0 = draw(st.sampled_from([0.0, 4.0, 10.0]))
    x1 = draw(st.sampled_from([20.0, 60.0, 118.0]))
    size = draw(st.sampled_from([8.0, 10.0]))
    words = []
    x = x0
    for piece in text.split():
        width = draw(st.sampled_from([1.5, 5.0, 20.0]))
        words.append(Word(piece, x, x + width, top, top + size, size, False))
        x += width + 2.5
    return TextLine(words, text, x0, x1, top, top + size, size, draw(st.booleans()))


@st.composite
def column_lines(draw) -> dict[int, list[TextLine]]:
    """Columns of lines one under another (sorted by top), at a pitch of about 12 pt."""
    out: dict[int, list[TextLine]] = {}
    for col in range(draw(st.integers(min_value=1, max_value=4))):
        top = draw(st.sampled_from([0.0, 0.5, 12.0]))
        lines = []
        for _ in range(draw(st.integers(min_value=1, max_value=7))):
            lines.append(draw(text_line(top)))
            top += draw(st.sampled_from([12.0, 12.0, 12.5, 20.0, 30.0]))
        out[col] = lines
    return out


# --- rows._carry_kind --------------------------------------------------------------


def _carry_kind_as_it_was(above: TextLine, line: TextLine) -> int:
    if line.top - above.top > 2.0 * max(above.size, 1.0):
        return _NO_CARRY
    prev, text = above.text.rstrip(), line.text.lstrip()
    if len(prev) >= 2 and prev[-1] in "-\u00ad" and prev[-2].isalpha():
        return _AT_HYPHEN
    if not text or not prev or prev.endswith(_SENTENCE_END):
        return _NO_CARRY
    first = text.split()[0]
    one_word_wrapped = len(prev.rstrip(",")) >= 3 and prev.rstrip(",")[-2:].isalpha()  # seed19: "Välfärdsom-" / "rådets"
    if text[0].islower() and len(first) >= 2 and first[:2].isalpha() and (len(prev.split()) >= 2 or one_word_wrapped):
        return _WRAPPED
    return _NO_CARRY


line_text = st.text(alphabet=st.sampled_from(list("aBä1 -\u00ad.:;\t\u00a0\u2003x?")), max_size=16)


@settings(max_examples=150, deadline=None)
@given(line_text, line_text, st.sampled_from([0.0, 12.0, 25.0]))
def test_carry_kind_asks_the_first_letter_before_splitting(above_text: str, text: str, drop: float) -> None:
    above = TextLine([], above_text, 0.0, 50.0, 0.0, 10.0, 10.0, False)
    line = TextLine([], text, 0.0, 50.0, drop, drop + 10.0, 10.0, False)
    assert _carry_kind(above, line) == _carry_kind_as_it_was(above, line)


# --- paragraph_rows ------------------------------------------------------------------


def _item_as_it_was(line: TextLine) -> bool:
    words = line.text.split()
    return bool(words) and is_list_marker(words[0])


def _list_ends_as_it_was(above: TextLine, line: TextLine) -> bool:
    if starts_with_bullet(line.text) or _item_as_it_was(line) or len(above.words) < 2 or not line.words:
        return False
    if not starts_with_bullet(above.text) and not (_item_as_it_was(above) and line.text[:1].isupper()):
        return False
    if len(above.words[0].text.strip()) > 2:
        return False
    return line.words[0].x0 < above.words[0].x1 + 0.5


@settings(max_examples=150, deadline=None)
@given(column_lines())
def test_item_and_list_ends_answer_as_before(columns: dict[int, list[TextLine]]) -> None:
    for lines in columns.values():
        for above, line in zip(lines, lines[1:]):
            assert pr._item(line) == _item_as_it_was(line)
            assert pr.ends_list(above, line) == _list_ends_as_it_was(above, line)


def _paragraph_row_starts_as_it_was(block_spans, column_lines, carried, pitch, align, known=()):
    """paragraph_row_starts as it was at 67514aa (with the numbering-anew rule `seed17` added
    beside it): every question asked afresh, `_empty_at_a_start` by a scan of every line."""
    if pitch is None:
        return []
    may_merge = pr._empty_at_a_start_plain(column_lines, known, pitch, align)
    all_tops = {col: [top for top, _ in spans] for col, spans in block_spans.items()}
    line_tops = {col: [ln.top for ln in lines] for col, lines in column_lines.items()}
    rights = {col: max((ln.x1 for ln in lines), default=0.0) for col, lines in column_lines.items()}

    def opener(col: int, k: int) -> bool:
        lines = column_lines[col]
        if k == 0 or lines[k].top - lines[k - 1].top > pr.TIGHT * pitch:
            return False
        above, line = lines[k - 1], lines[k]
        if _item_as_it_was(line):  # seed17's rule, merged after: a numbering begun anew under a short line
            return pr._list_begins(above, line) or (forced_break(above, line, rights[col]) and pr._numbering_anew(lines, k))
        return (pr._opens(above, line, rights[col]) or _list_ends_as_it_was(above, line)) or pr._list_begins(above, line)

    def ended(col: int, k: int) -> bool:
        above, line = column_lines[col][k - 1], column_lines[col][k]
        return forced_break(above, line, rights[col]) or _list_ends_as_it_was(above, line)

    starts: list[float] = []
    for col, lines in column_lines.items():
        for k, ln in enumerate(lines):
            if not opener(col, k):
                continue
            t = ln.top
            if any(abs(s - t) <= align for s in starts):
                continue
            opening, strong, ok, merged_on, capital_open = 1, ended(col, k), True, 0, 0
            for other, olines in column_lines.items():
                if other == col:
                    continue
                j = bisect_left(line_tops[other], t - align)
                if j >= len(olines) or abs(olines[j].top - t) > align:
                    continue
                if opener(other, j):
                    opening += 1
                    strong = strong or ended(other, j)
                elif level_with(all_tops[other], t, align):
                    if (starts_with_bullet(olines[j].text) or _item_as_it_was(olines[j])) and not (j and pr._list_begins(olines[j - 1], olines[j])):
                        ok = False  # seed22's c5b00bf: a list begun under a plain line opens a cell
                    opening += 1
                elif level_with(carried.get(other, ()), t, align) and pr._lowered(all_tops, other, pr._block_top(block_spans[other], t), align):
                    continue
                elif other in may_merge and level_with(carried.get(other, ()), t, align) and not merged_on:
                    merged_on += 1
                elif not capital_open and pr._capital_line(olines, j, pitch):
                    capital_open += 1
                    opening += 1
                else:
                    ok = False
            if ok and strong and opening >= pr.MIN_OPENING:
                starts.append(t)
    return sorted(starts)


def _spans(columns: dict[int, list[TextLine]]) -> dict[int, list[tuple[float, float]]]:
    """Each column's blocks as (top, bottom of the last line): a block per run of lines 12.5 pt apart or closer."""
    out: dict[int, list[tuple[float, float]]] = {}
    for col, lines in columns.items():
        spans: list[list[float]] = []
        for a, b in zip([None] + lines, lines):
            if a is not None and b.top - a.top <= 12.5:
                spans[-1][1] = b.bottom
            else:
                spans.append([b.top, b.bottom])
        out[col] = [(top, bottom) for top, bottom in spans]
    return out


@settings(max_examples=200, deadline=None)
@given(column_lines(), st.lists(st.sampled_from([0.0, 0.5, 12.0, 24.0, 36.0, 50.0, 60.5]), max_size=4), st.sampled_from([12.0, 12.5]))
def test_paragraph_row_starts_remembered_and_bisected_give_what_the_plain_scan_gave(columns, known, pitch) -> None:
    carried, _broken = _carried_tops(columns)
    spans = _spans(columns)
    known = sorted(known)
    align = DEFAULT_SETTINGS.row_align
    assert pr._empty_at_a_start(columns, known, pitch, align) == pr._empty_at_a_start_plain(columns, known, pitch, align)
    assert pr.paragraph_row_starts(spans, columns, carried, pitch, align, known) == _paragraph_row_starts_as_it_was(
        spans, columns, carried, pitch, align, known
    )


# --- rows.split_at_rows --------------------------------------------------------------


def _split_at_rows_as_it_was(blocks, starts, settings_, ruled=False):
    from bisect import bisect_right

    from planparse.extractors.pdf.tables.rowsplit.rows import _any_in, near

    out = []
    tops_by_col: dict[int, list[float]] = {}
    for o in blocks:
        tops_by_col.setdefault(o.col, []).extend(ln.top for ln in o.lines)
    for tops in tops_by_col.values():
        tops.sort()
    open_cols = {c for c, tops in tops_by_col.items() if any(not near(tops, y, settings_.row_align) for y in starts[1:])}
    rights: dict[int, float] = {}
    for o in blocks:
        rights[o.col] = max(rights.get(o.col, 0.0), max(ln.x1 for ln in o.lines))
    ordered = sorted(starts)
    for b in blocks:
        k = bisect_right(ordered, b.top + settings_.row_align)
        row_top = ordered[k - 1] if k else None
        first_in_cell = row_top is not None and not _any_in(tops_by_col[b.col], row_top - settings_.row_align, b.top)
        at_start = level_with(ordered, b.top, settings_.row_align)
        if not at_start and first_in_cell and not ruled:
            out.append(b)
            continue
        current = Block(b.col, [b.lines[0]])
        for ln in b.lines[1:]:
            runs_on = not ruled and carries_on(current.lines[-1], ln, hyphen_only=b.col not in open_cols)
            runs_on = runs_on and not forced_break(current.lines[-1], ln, rights.get(b.col))
            if not runs_on and level_with(ordered, ln.top, settings_.row_align):
                out.append(current)
                current = Block(b.col, [ln])
            else:
                current.lines.append(ln)
        out.append(current)
    return out


@settings(max_examples=150, deadline=None)
@given(column_lines(), st.lists(st.sampled_from([0.0, 0.5, 12.0, 24.0, 36.0, 50.0, 60.5]), max_size=5), st.booleans())
def test_split_at_rows_asks_carries_on_only_at_row_starts(columns, starts, ruled) -> None:
    blocks = [Block(col, lines[k : k + 3]) for col, lines in columns.items() for k in range(0, len(lines), 3)]
    starts = sorted(starts)
    got = split_at_rows(blocks, starts, DEFAULT_SETTINGS, ruled=ruled)
    want = _split_at_rows_as_it_was(blocks, starts, DEFAULT_SETTINGS, ruled=ruled)
    assert [(b.col, [id(ln) for ln in b.lines]) for b in got] == [(b.col, [id(ln) for ln in b.lines]) for b in want]


# --- normalize.tables.rows._is_repeat ---------------------------------------------------


def _is_repeat_as_it_was(texts, header_rows_keys) -> bool:
    keys = [header_key(t) for t in texts]
    if not any(keys):
        return False
    for header in header_rows_keys:
        same = sum(1 for k, h in zip(keys, header) if k and table_rows.same_head(k, h))
        differ = sum(1 for k, h in zip(keys, header) if k and not table_rows.same_head(k, h))
        if same and not differ and same >= min(2, sum(1 for h in header if h)):
            return True
    return False


cell = st.one_of(st.none(), st.sampled_from(["Tavoite", "tavoite", "Toimenpide", "Toimenpiteet", "Vastuu", "Aikataulu", "aikatau", "", "x", "Mittari"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(cell, max_size=5), st.lists(st.lists(cell, max_size=5), max_size=3))
def test_is_repeat_asks_same_head_once_per_cell(texts, header_rows) -> None:
    header_rows_keys = [[header_key(t) for t in row] for row in header_rows]
    assert table_rows._is_repeat(texts, header_rows_keys) == _is_repeat_as_it_was(texts, header_rows_keys)


# --- normalize.tables.headers.fold ------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAzäöåÅéü1 -\u0301\u00ad/")), max_size=20))
def test_fold_of_an_ascii_decomposition_is_the_decomposition(key: str) -> None:
    import unicodedata

    from planparse.normalize.tables.headers import fold

    plain = "".join(ch for ch in unicodedata.normalize("NFD", key) if not unicodedata.combining(ch))
    assert fold(key) == plain
