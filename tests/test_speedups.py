"""The speed-ups of issue 6 give exactly what the code they replaced gave.

Each fast path is compared with the plain definition it stands for, on
generated input (hypothesis), so a later edit to one side that makes them
differ fails here rather than in a sample's output.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from planparse.extractors.pdf.tables.grid import WordIndex, words_inside
from planparse.extractors.pdf.tables.whitespace.regions import fits_columns, grow_region, runs_start_in_columns
from planparse.extractors.pdf.tables.rowsplit.rows import Block, carries_on, line_pitch, row_starts
from planparse.extractors.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from planparse.extractors.pdf.words import BULLET_GLYPHS, TextLine, Word, forced_break, make_line, starts_with_bullet
from planparse.intermediate import Line
from planparse.normalize.tables.cells import TextJoiner, _paragraph_texts, paragraph_texts
from planparse.normalize.repair.evidence import _LINE_END_HYPHEN, _line_end_hyphen
from planparse.normalize.tables.headers import header_key
from planparse.normalize.text import clean_text, remove_invisible

coords = st.one_of(
    st.floats(min_value=-5, max_value=60, allow_nan=False),
    st.sampled_from([0.0, -0.0, 10.0, 10.5, float("inf"), float("-inf"), float("nan")]),
)


@st.composite
def words(draw) -> Word:
    x0, x1 = sorted([draw(coords), draw(coords)], key=lambda v: (v != v, v))
    top, bottom = sorted([draw(coords), draw(coords)], key=lambda v: (v != v, v))
    return Word("w", x0, x1, top, bottom, 10.0, False)


@settings(max_examples=300, deadline=None)
@given(st.lists(words(), max_size=25), st.lists(st.tuples(coords, coords, coords, coords), min_size=1, max_size=5), st.sampled_from([0.0, 1.0]))
def test_word_index_finds_what_words_inside_finds(page_words, boxes, slack) -> None:
    index = WordIndex(page_words)
    for box in boxes:
        assert [id(w) for w in index.inside(box, slack)] == [id(w) for w in words_inside(page_words, box, slack)]


def test_word_index_keeps_page_order_for_words_on_one_line() -> None:
    row = [Word(t, x, x + 5, 10 - 0.1 * i, 20 - 0.1 * i, 10.0, False) for i, (t, x) in enumerate([("b", 50), ("a", 0), ("c", 90)])]
    assert [w.text for w in WordIndex(row).inside((0, 0, 100, 30), slack=0)] == ["b", "a", "c"]


text = st.text(alphabet=st.sampled_from(list("ab ä-\u00ad\u2010\t\n\u00a0\u2003\x1c.,1")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(text)
def test_clean_text_collapses_whitespace_like_the_regex(raw: str) -> None:
    import unicodedata

    # contract 1.1: invisible characters (soft hyphen, C0/C1 controls such as \x1c) go first
    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", remove_invisible(raw))).strip() or None
    assert clean_text(raw) == expected


@settings(max_examples=300, deadline=None)
@given(text)
def test_line_end_hyphen_precheck_matches_the_search(line: str) -> None:
    fast, slow = _line_end_hyphen(line), _LINE_END_HYPHEN.search(line)
    assert (fast and fast.span()) == (slow and slow.span())


lines = st.lists(
    st.builds(Line, text=st.sampled_from(["• Tietoa", "- kohta", "tie-", "topohjan", "", "Kehitetään.", "2024–"]),
              indent=st.sampled_from([0.0, 4.0, 12.0]), paragraph_start=st.booleans(), list_item=st.booleans()),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_paragraph_texts_remembered_equal_computed(cell: list[Line]) -> None:
    joiner = TextJoiner(lang="fi")
    first = paragraph_texts(cell, joiner)
    first.append("caller's own change")  # a caller may change its list; the memo must not see it
    assert paragraph_texts(cell, joiner) == _paragraph_texts(cell, TextJoiner(lang="fi"))


def test_header_key_cached_is_pure() -> None:
    assert header_key("Vastuutaho(t)") == header_key("Vastuutaho(t)") == "vastuutaho"
    assert header_key(None) == header_key("") == ""


def _make_line_as_it_was(words_: list[Word], settings_: PdfSettings) -> TextLine:
    """make_line before the one-pass rewrite: the definition it stands for."""
    ws = sorted(words_, key=lambda w: w.x0)
    parts: list[str] = []
    prev = None
    for w in ws:
        if prev is not None:
            gap = w.x0 - prev.x1
            parts.append(" " if gap > settings_.word_space * max(w.size, prev.size) else "")
        parts.append(w.text)
        prev = w
    sizes = [w.size for w in ws]
    n_chars = sum(len(w.text) for w in ws)
    top = min(w.top for w in ws)
    # later rule (held-out matrix): an opening bullet glyph whose box is shifted up from
    # the rest of the line (its top and bottom above theirs) does not raise the line
    rest = ws[1:]
    if rest and ws[0].text in BULLET_GLYPHS and len(ws[0].text) == 1:
        if ws[0].top < min(w.top for w in rest) and ws[0].bottom < max(w.bottom for w in rest):
            top = min(w.top for w in rest)
    return TextLine(
        words=ws,
        text="".join(parts),
        x0=min(w.x0 for w in ws),
        x1=max(w.x1 for w in ws),
        top=top,
        bottom=max(w.bottom for w in ws),
        size=max(set(sizes), key=sizes.count),
        bold=sum(len(w.text) for w in ws if w.bold) * 2 > n_chars,
        colored=sum(len(w.text) for w in ws if w.colored) * 2 > n_chars,
    )


@st.composite
def line_words(draw) -> Word:
    x0 = draw(st.floats(min_value=0, max_value=300, allow_nan=False))
    top = draw(st.floats(min_value=0, max_value=3, allow_nan=False))
    return Word(
        draw(st.sampled_from(["a", "ab", "Tavoite", "-", "x" * 9])),
        x0,
        x0 + draw(st.floats(min_value=0, max_value=40, allow_nan=False)),
        top,
        top + draw(st.floats(min_value=5, max_value=12, allow_nan=False)),
        draw(st.sampled_from([8.0, 9.5, 10.0, 12.0])),
        draw(st.booleans()),
        draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(line_words(), min_size=1, max_size=12))
def test_make_line_gives_what_it_gave_before_the_one_pass_rewrite(ws: list[Word]) -> None:
    assert make_line(ws, DEFAULT_SETTINGS) == _make_line_as_it_was(ws, DEFAULT_SETTINGS)


def _row_starts_as_it_was(blocks, rules, settings_):
    """row_starts as a plain scan: every block and line looked at for every block.

    The rules are row_starts' own (block starts shared by enough columns, paragraph
    openers beside a block start, a fresh cell after an empty line (after a cell of its
    column in the row above, or beside two columns opening level), the end of a
    bold header, a first-column start beside silent columns (not where its first line
    stands in the white space over other columns opening a little lower); no start where as many
    columns run text across as start there); only the lookups
    differ (no bisection, no sorted lists)."""
    align = settings_.row_align
    columns = {}
    for o in blocks:
        columns.setdefault(o.col, []).extend(o.lines)
    columns = {col: sorted(lines, key=lambda ln: ln.top) for col, lines in columns.items()}
    pitch = line_pitch(list(columns.values()))
    openers = {
        col: [b.top for a, b in zip(lines, lines[1:]) if starts_with_bullet(b.text) or forced_break(a, b, max(ln.x1 for ln in lines))]
        for col, lines in columns.items()
    }
    carried = {col: [b.top for a, b in zip(lines, lines[1:]) if carries_on(a, b)] for col, lines in columns.items()}
    broken_words = {col: [b.top for a, b in zip(lines, lines[1:]) if carries_on(a, b, hyphen_only=True)] for col, lines in columns.items()}

    def line_above(block):
        above = [ln for ln in columns[block.col] if ln.bottom <= block.top]
        return max(above, key=lambda ln: ln.top) if above else None

    def enough(peers, going_on):
        return len(peers) >= 2 and 2 * len(peers) >= n_active and len(peers) >= len(going_on)

    by_top = sorted(blocks, key=lambda b: b.top)
    n_active = len({b.col for b in blocks})
    starts = []
    all_lines = sorted((ln.top, ln.bottom, b.col) for b in blocks for ln in b.lines)
    for b in by_top:
        t = b.top
        level = [o for o in by_top if abs(o.top - t) <= align]
        peers = {o.col for o in level}
        beside = {col for top, _bot, col in all_lines if abs(top - t) <= align and col not in peers}
        opening = {col for col in beside if any(abs(y - t) <= align for y in openers[col])}
        runs_on = any(abs(y - t) <= align for col in beside | peers for y in carried[col])
        size = b.lines[0].size
        silent = not any(col != b.col and top < t + 0.5 * size and bot > t - 1 for top, bot, col in all_lines)
        lower = [o.top for o in by_top if o.col != b.col and t < o.top < t + size]
        text_above = [bot for _top, bot, col in all_lines if col != b.col and bot <= t + 1]
        if silent and lower and text_above:  # a block's first line in the white space between two rows
            silent = not (t - max(text_above) < 0.5 * (min(lower) - max(text_above)))
        above = line_above(b)
        style_change = b.lines[0].bold != above.bold if above else False
        items = all(starts_with_bullet(o.lines[0].text) for o in level)
        broken = items and any(abs(y - t) <= align for col in beside for y in broken_words[col])
        across = {col for top, bot, col in all_lines if col not in peers | beside and top < t - align and bot > t + align}
        broken = broken or (bool(across) and len(across) >= len(peers))
        enough_here = not broken and (enough(peers, beside) or enough(peers | opening, beside - opening))
        empty_line = pitch is not None and (above is None or t - above.top >= 1.8 * pitch)
        # (a block opening in a column silent since the last row start: a row only after a
        # cell of its column in the row above, or beside two other columns opening level)
        others = (peers | beside) - {b.col}
        cell_above = not starts or (above.top >= starts[-1] - align if above is not None else not across)
        fresh = empty_line and (cell_above or len(others) >= 2) and bool(others) and not runs_on
        header_ends = (
            above is not None
            and above.bold
            and not b.lines[0].bold
            and pitch is not None
            and t - above.top <= 1.5 * pitch
            and not any(ln.bold and abs(ln.top - t) <= align for col in beside for ln in columns[col])
        )
        if enough_here or fresh or header_ends or (silent and (b.col == 0 or style_change)):
            starts.append(t)
    starts += list(rules)
    merged = []
    for y in sorted(starts):
        if not merged or y - merged[-1] > settings_.row_align:
            merged.append(y)
    return merged


@st.composite
def column_block(draw) -> Block:
    col = draw(st.integers(min_value=0, max_value=3))
    top = draw(st.one_of(st.sampled_from([10.0, 12.5, 13.0, 40.0]), st.floats(min_value=0, max_value=120, allow_nan=False)))
    lines = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        height = draw(st.sampled_from([8.0, 10.0, 11.5, 30.0]))
        text = draw(st.sampled_from(["x", "Two words", "broken hy-", "carried on", "• an item"]))
        x1 = draw(st.sampled_from([10.0, 60.0]))
        lines.append(TextLine([], text, 0.0, x1, top, top + height, draw(st.sampled_from([8.0, 10.0])), draw(st.booleans())))
        top += height + draw(st.sampled_from([0.0, 1.0, 2.5, 6.0]))
    return Block(col, lines)


@settings(max_examples=400, deadline=None)
@given(st.lists(column_block(), min_size=1, max_size=14), st.lists(st.floats(min_value=0, max_value=150, allow_nan=False), max_size=3))
def test_row_starts_by_bisection_gives_what_the_full_scan_gave(blocks, rules) -> None:
    assert row_starts(blocks, rules, DEFAULT_SETTINGS) == _row_starts_as_it_was(blocks, rules, DEFAULT_SETTINGS)


@settings(max_examples=200, deadline=None)
@given(st.lists(words(), max_size=25), st.lists(st.tuples(coords, coords, coords, coords), min_size=1, max_size=5))
def test_word_index_asked_again_answers_the_same_and_apart(page_words, boxes) -> None:
    """WordIndex.inside remembers its answers: a second question gets the same words, in a list
    of its own (a caller changing the first answer changes nothing)."""
    index = WordIndex(page_words)
    for box in boxes:
        first = index.inside(box, 0)
        first.append(Word("x", 0, 1, 0, 1, 10.0, False))
        assert [id(w) for w in index.inside(box, 0)] == [id(w) for w in words_inside(page_words, box, 0)]


@st.composite
def page_lines(draw) -> list[TextLine]:
    """Lines one under another, their words anywhere across a page."""
    out, y = [], 0.0
    for ws in draw(st.lists(st.lists(line_words(), min_size=1, max_size=6), min_size=1, max_size=8)):
        y += draw(st.floats(min_value=8, max_value=40, allow_nan=False))
        out.append(make_line([w._replace(top=w.top + y, bottom=w.bottom + y) for w in ws], DEFAULT_SETTINGS))
    return out


@settings(max_examples=300, deadline=None)
@given(page_lines(), st.lists(st.floats(min_value=0, max_value=300, allow_nan=False), min_size=1, max_size=5))
def test_lines_grow_region_keeps_fit_the_columns_when_their_runs_start_in_them(lines, starts) -> None:
    """continued_region tests only the run starts of the lines grow_region kept: for those
    lines that is all of fits_columns."""
    starts = sorted(starts)
    j = grow_region(lines, 0, starts, DEFAULT_SETTINGS)
    for line in lines[1:j]:
        assert fits_columns(line, starts, DEFAULT_SETTINGS) == runs_start_in_columns(line, starts, DEFAULT_SETTINGS)


def _same_head_plain(key: str, head: str | None) -> bool:
    """same_head as written before it stopped reading a data cell's letters past the head's length."""
    from planparse.normalize.tables.rows import _same_or_cut

    if not head:
        return False
    if _same_or_cut(key, head):
        return True
    bare_key, bare_head = ("".join(ch for ch in t if ch.isalnum()) for t in (key, head))
    return len(bare_key) >= 3 and (bare_key, bare_head) != (key, head) and _same_or_cut(bare_key, bare_head)


_HEAD_TEXT = st.text(alphabet="aäbeijklmnoötuv -‘—.:|1", max_size=30)


@given(key=_HEAD_TEXT, head=_HEAD_TEXT)
@example(key="mittarijatavoitetaso ja muuta tekstiä", head="mittari ja tavoitetaso")
@example(key="toimintatuotot", head="Toiminta")
@example(key="uppfoéljning", head="uppföljning")
def test_same_head_reads_as_few_letters_as_it_needs(key: str, head: str) -> None:
    from planparse.normalize.tables.rows import same_head

    assert same_head(key, head) == _same_head_plain(key, head)
