"""Property tests (hypothesis) for the normalizer's public text functions and records.

For any Unicode text: nothing raises, repairing twice changes nothing more
than repairing once, and no character is lost (only whitespace, line-break
hyphens, bullet markers and the dot after a number label may go).
"""

from __future__ import annotations

import re

import unicodedata
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planparse.intermediate import Cell, Line, RawDocument, RawRow, RawTable
from planparse.normalize import normalize_document
from planparse.normalize.repair.hyphens import LINE_END_HYPHENS, join_lines
from planparse.normalize.repair.document import repair_text
from planparse.normalize.text import bullet_markers, clean_text, split_bullet, strip_bullet
from planparse.settings import ExtractOptions

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SOFT_HYPHEN = "\u00ad"
NUMBER_LABEL_PAREN = re.compile(r"\s*[0-9IVXivx]+(?:\.[0-9]+)*\)")
HYPHENS = set(LINE_END_HYPHENS) | {"\u2013", "\u2014", SOFT_HYPHEN}
# Contract 1.1 removes from every text value: C0/C1 controls (those that are whitespace
# only separate words), DEL, bidi embeddings/overrides/isolates and zero-width characters.
INVISIBLE_1_1 = frozenset(
    [chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]]
    + [chr(c) for c in [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
)
# Text that looks like plan cells: Finnish letters, numbering, hyphens at line
# ends, bullets, slashes, odd spaces; plus any Unicode character now and then.
PLAN_ALPHABET = "aäöeiklmnoprstuvyhjdgAÄÖKLTSVH0123456789 .,;:()/-–•*o\u00ad\u00a0\t"
plan_text = st.text(
    alphabet=st.one_of(st.sampled_from(PLAN_ALPHABET), st.characters(blacklist_categories=("Cs",))), max_size=60
)
any_text = st.text(max_size=80)


def letters(text: str, drop: set[str] | frozenset[str] = frozenset()) -> Counter[str]:
    """The non-space characters of `text` without those in `drop`, composed (NFC) as the output is."""
    kept = "".join(ch for ch in text if ch not in drop and not ch.isspace())
    return Counter(unicodedata.normalize("NFC", kept))


# ---------------------------------------------------------------- text.clean_text


@SETTINGS
@given(any_text)
@example("a\u00ad\u0301")  # a soft hyphen between a letter and its accent
def test_clean_text_never_raises_and_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@SETTINGS
@given(any_text)
@example("a\u00ad\u0301")
def test_clean_text_keeps_every_character(text: str) -> None:
    once = clean_text(text) or ""
    assert letters(once) == letters(text, {SOFT_HYPHEN} | INVISIBLE_1_1)
    assert once == once.strip() and "  " not in once
    assert unicodedata.is_normalized("NFC", once)


@SETTINGS
@given(any_text)
def test_strip_bullet_only_removes_a_leading_marker(text: str) -> None:
    marker, rest = split_bullet(text)
    assert strip_bullet(text) == rest
    if marker is None:
        assert rest == text
    else:
        assert marker in bullet_markers() | {text.lstrip()[0]}
        assert text.rstrip().endswith(rest.rstrip()) and letters(text) - letters(rest) == Counter(marker)


# ---------------------------------------------------------------- hyphens.join_lines


@SETTINGS
@given(st.lists(plan_text, max_size=5), st.sampled_from(["fi", "sv"]))
def test_join_lines_keeps_every_character_but_break_hyphens(lines: list[str], lang: str) -> None:
    joined = join_lines(lines, lang)
    assert letters(joined, HYPHENS) == letters("".join(lines), HYPHENS)
    # hyphens may be removed (a word split across lines), never invented
    assert sum(letters(joined, set()).get(h, 0) for h in HYPHENS) <= sum(letters("".join(lines)).get(h, 0) for h in HYPHENS)


@SETTINGS
@given(st.lists(any_text, max_size=5), st.sampled_from(["fi", "sv"]))
@example(["0", "\u00ad"], "fi")  # a line of only a soft hyphen left a trailing space: '0 ', then '0'
@example(["0\r\u00ad"], "fi")  # the dropped soft hyphen left the line's '\r' at the end: '0\r', then '0'
def test_join_lines_never_raises_and_is_idempotent(lines: list[str], lang: str) -> None:
    joined = join_lines(lines, lang)
    assert join_lines([joined], lang) == joined


# ---------------------------------------------------------------- repair.repair_text


@SETTINGS
@given(st.text(alphabet=st.one_of(st.sampled_from(PLAN_ALPHABET + "\n\n\n"), st.characters(blacklist_categories=("Cs",))), max_size=200))
@example("\u00ad")  # a paragraph of nothing but a soft hyphen repaired to "\n", then to ""
@example("\u3000\n\nabc\n\n\u00ad \n\ndef")  # paragraphs that repair to nothing, first and inner
def test_repair_text_idempotent_and_lossless(text: str) -> None:
    once = repair_text(text, lang="fi", ocr_repair=False)
    assert repair_text(once, lang="fi", ocr_repair=False) == once
    # a line of only invisible characters is blank by the text rules (1.1), so they may go
    assert letters(once, HYPHENS | INVISIBLE_1_1) == letters(text, HYPHENS | INVISIBLE_1_1)


@SETTINGS
@given(any_text)
def test_repair_text_with_ocr_repair_never_raises(text: str) -> None:
    repair_text(text)


# ---------------------------------------------------------------- records from hand-built tables

HEADER = ["Tavoite", "Toimenpide", "Vastuutaho", "Mittari", "Aikataulu"]

cell_lines = st.lists(
    st.builds(Line, text=plan_text, indent=st.sampled_from([0.0, 0.0, 12.0]), paragraph_start=st.booleans(), list_item=st.booleans()),
    max_size=3,
)


@st.composite
def plan_documents(draw: st.DrawFn, text: st.SearchStrategy[str] = plan_text) -> RawDocument:
    """A one-table plan: a header row, then 1-4 data rows of random cells (the goal sometimes merged down)."""
    lines = st.lists(
        st.builds(Line, text=text, indent=st.sampled_from([0.0, 12.0]), paragraph_start=st.booleans(), list_item=st.booleans()),
        max_size=3,
    )
    rows = [RawRow([Cell([Line(h)]) for h in HEADER], page=1, bold=True)]
    for _ in range(draw(st.integers(1, 4))):
        cells = [Cell(draw(lines)) for _ in HEADER]
        if len(rows) > 1 and draw(st.booleans()):
            cells[0] = Cell([], merged_from_above=True)
        rows.append(RawRow(cells, page=draw(st.sampled_from([1, 2])), starts_page=draw(st.booleans())))
    # A plan table holds at least one action: a table with none is skipped with a warning (contract).
    rows[1].cells[1].lines.insert(0, Line("Kehitetään palvelua"))
    return RawDocument(format="pdf", tables=[RawTable(rows=rows, n_cols=len(HEADER), page=1)], pages=2)


def record_letters(document) -> Counter[str]:  # type: ignore[no-untyped-def]
    found: Counter[str] = Counter()
    for record in document.records:
        values = [record.section, record.goal_id, record.goal, record.action_id, record.schedule]
        values += record.actions + record.owners + record.indicators
        values += [k for k in record.extra] + [v for v in record.extra.values()]
        for value in values:
            found += letters(value or "")
    return found


@SETTINGS
@given(plan_documents(text=st.text(max_size=40)))
def test_records_never_raise_on_any_text(raw: RawDocument) -> None:
    document = normalize_document(raw, ExtractOptions())
    for record in document.records:
        assert record.to_dict()["source"]["table"] == 1


def _raw_text(cell: Cell) -> str:
    return " ".join(" ".join(line.text for line in cell.lines).split())


def _goal_reprinted_atop_a_page() -> RawDocument:
    """Goal "0" on the last row of page 1 and again alone atop page 2 (found by hypothesis)."""
    def row(goal: str = "", action: str = "", starts_page: bool = False) -> RawRow:
        texts = [goal, action, "", "", ""]
        return RawRow([Cell([Line(t)] if t else []) for t in texts], page=2 if starts_page else 1, starts_page=starts_page)

    rows = [RawRow([Cell([Line(h)]) for h in HEADER], page=1, bold=True), row(action="Kehitetään palvelua"), row(":"), row("0"), row("0", starts_page=True)]
    return RawDocument(format="pdf", tables=[RawTable(rows=rows, n_cols=len(HEADER), page=1)], pages=2)


def _one_row_ending_in_a_question_mark() -> RawDocument:
    """The table's only data row ends with "?" (found by hypothesis): it was taken for a row of
    questions under the header, which left no data row and no plan table."""
    rows = [
        RawRow([Cell([Line(h)]) for h in HEADER], page=1, bold=True),
        RawRow([Cell([]), Cell([Line("Kehitetään palvelua"), Line("?")]), Cell([]), Cell([]), Cell([])], page=1),
    ]
    return RawDocument(format="pdf", tables=[RawTable(rows=rows, n_cols=len(HEADER), page=1)], pages=2)


@SETTINGS
@given(plan_documents())
@example(_goal_reprinted_atop_a_page())  # found by hypothesis: the second "0" is goal "0" repeated
@example(_one_row_ending_in_a_question_mark())
def test_records_keep_every_character_of_the_cells(raw: RawDocument) -> None:
    """Every non-space character of a data cell ends up in some field of some record,
    except line-break hyphens, bullet markers, the dot closing a number label, and the
    commas and semicolons that separate owners (the owner column is a list of parties)."""
    owner_col, goal_col = HEADER.index("Vastuutaho"), HEADER.index("Tavoite")
    rows = raw.tables[0].rows[1:]
    # a goal printed again atop a page, as the row above printed it, is that goal repeated
    # on the new page (plans repeat it there), not text of its own
    reprinted = {
        r for r, (above, row) in enumerate(zip(rows, rows[1:]), start=1)
        if row.starts_page and _raw_text(row.cells[goal_col]) and _raw_text(row.cells[goal_col]) == _raw_text(above.cells[goal_col])
    }
    cell_text = "".join(
        line.text if col != owner_col else line.text.replace(",", " ").replace(";", " ")
        for r, row in enumerate(rows)
        for col, cell in enumerate(row.cells)
        if not (col == goal_col and r in reprinted)
        for line in cell.lines
    )
    document = normalize_document(raw, ExtractOptions(lang="fi", ocr_repair=False))
    missing = letters(cell_text) - record_letters(document)
    allowed = HYPHENS | set(bullet_markers()) | {"."} | INVISIBLE_1_1
    # "1)" is a number label like "1.": its ")" may go, once per cell line that starts so
    label_parens = sum(
        1 for row in raw.tables[0].rows[1:] for cell in row.cells for line in cell.lines
        if NUMBER_LABEL_PAREN.match(line.text)
    )
    if missing[")"] <= label_parens:
        missing.pop(")", None)
    assert set(missing) <= allowed, (missing, [r.to_dict() for r in document.records], document.warnings)
