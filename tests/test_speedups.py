"""The speed-ups of issue 6 give exactly what the code they replaced gave.

Each fast path is compared with the plain definition it stands for, on
generated input (hypothesis), so a later edit to one side that makes them
differ fails here rather than in a sample's output.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.extractors.pdf_grid import WordIndex, words_inside
from planparse.extractors.pdf_rows import Block, row_starts
from planparse.extractors.pdf_settings import DEFAULT_SETTINGS, PdfSettings
from planparse.extractors.pdf_words import TextLine, Word, make_line
from planparse.intermediate import Line
from planparse.normalize.cells import TextJoiner, _paragraph_texts, paragraph_texts
from planparse.normalize.evidence import _LINE_END_HYPHEN, _line_end_hyphen
from planparse.normalize.headers import header_key
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
    return TextLine(
        words=ws,
        text="".join(parts),
        x0=min(w.x0 for w in ws),
        x1=max(w.x1 for w in ws),
        top=min(w.top for w in ws),
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
    """row_starts before bisection: every block and line scanned for every block."""

    def line_above(block, all_blocks):
        above = [ln for o in all_blocks if o.col == block.col for ln in o.lines if ln.bottom <= block.top]
        return max(above, key=lambda ln: ln.top) if above else None

    by_top = sorted(blocks, key=lambda b: b.top)
    all_blocks = list(blocks)
    n_active = len({b.col for b in blocks})
    starts = []
    all_lines = sorted((ln.top, ln.bottom, b.col) for b in blocks for ln in b.lines)
    for b in by_top:
        peers = {o.col for o in by_top if abs(o.top - b.top) <= settings_.row_align}
        going_on = {col for top, _bot, col in all_lines if abs(top - b.top) <= settings_.row_align and col not in peers}
        size = b.lines[0].size
        silent = not any(col != b.col and top < b.top + 0.5 * size and bot > b.top - 1 for top, bot, col in all_lines)
        style_change = b.lines[0].bold != line_above(b, all_blocks).bold if line_above(b, all_blocks) else False
        enough = len(peers) >= 2 and 2 * len(peers) >= n_active and len(peers) >= len(going_on)
        if enough or (silent and (b.col == 0 or style_change)):
            starts.append(b.top)
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
        lines.append(TextLine([], "x", 0.0, 10.0, top, top + height, draw(st.sampled_from([8.0, 10.0])), draw(st.booleans())))
        top += height + draw(st.sampled_from([0.0, 1.0, 2.5, 6.0]))
    return Block(col, lines)


@settings(max_examples=400, deadline=None)
@given(st.lists(column_block(), min_size=1, max_size=14), st.lists(st.floats(min_value=0, max_value=150, allow_nan=False), max_size=3))
def test_row_starts_by_bisection_gives_what_the_full_scan_gave(blocks, rules) -> None:
    assert row_starts(blocks, rules, DEFAULT_SETTINGS) == _row_starts_as_it_was(blocks, rules, DEFAULT_SETTINGS)
