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
from planparse.extractors.pdf_words import Word
from planparse.intermediate import Line
from planparse.normalize.cells import TextJoiner, _paragraph_texts, paragraph_texts
from planparse.normalize.evidence import _LINE_END_HYPHEN, _line_end_hyphen
from planparse.normalize.headers import header_key
from planparse.normalize.text import clean_text

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

    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", raw.replace("\u00ad", ""))).strip() or None
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
