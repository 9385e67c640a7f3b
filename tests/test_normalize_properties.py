"""Property tests: whatever tables an extractor hands over, the normalizer keeps the contract.

Random grids built from header words, bullets, numbering, hyphen-broken
words, merged and spanned cells and page starts must never crash the
normalizer, and every record it makes must obey the text rules.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planparse.intermediate import Cell, Line, RawDocument, RawRow, RawTable
from planparse.normalize import normalize_document
from planparse.normalize.text import split_bullet
from planparse.settings import ExtractOptions

WORDS = [
    "Tavoite", "Toimenpiteet", "Vastuutaho(t)", "Seurannan mit-", "tarit", "Seuranta", "Mittari", "Aikataulu",
    "Mål", "Åtgärder", "1.", "1.1", "II", "- ", "• ", "–", "(cid:127)", "kyllä/", "ei)", "2022–", "2023",
    "viestintä-", "ja", "markkinointipalvelut,", "tasa-", "arvo", "Kehitetään", "palveluja.", "?", "Missä on onnistuttava?",
    "Hyte-tiimi;", "(Kielitiimi,", "Tietohallinto)", "", " ", "Kehitetaan", "é", "e\u0301",
]

line_st = st.builds(
    Line,
    text=st.lists(st.sampled_from(WORDS), min_size=0, max_size=4).map(" ".join),
    indent=st.sampled_from([0.0, 0.0, 7.1, 12.0]),
    paragraph_start=st.booleans(),
    list_item=st.booleans(),
)
cell_st = st.builds(Cell, lines=st.lists(line_st, max_size=4), merged_from_above=st.booleans(), span=st.sampled_from([0, 1, 1, 1, 2]))


@st.composite
def table_st(draw):
    n_cols = draw(st.integers(1, 5))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        cells = draw(st.lists(cell_st, min_size=n_cols, max_size=n_cols))
        rows.append(RawRow(cells=cells, page=draw(st.sampled_from([None, 1, 2])), starts_page=draw(st.booleans()), bold=draw(st.booleans())))
    heading = draw(st.sampled_from([None, "PÄÄTAVOITE I:", "Teema", ""]))
    return RawTable(rows=rows, n_cols=n_cols, heading=heading, caption_lines=draw(st.sampled_from([[], ["Hyvinvointi lisääntyy"]])))


def _clean(text: str) -> bool:
    return text == unicodedata.normalize("NFC", text) and text == text.strip() and "  " not in text and "\n" not in text and text != ""


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=st.lists(table_st(), max_size=3), lang=st.sampled_from(["fi", "sv", None]))
def test_records_always_obey_the_text_rules(tables, lang):
    raw = RawDocument(format="pdf", tables=tables, title="Suunnitelma")
    doc = normalize_document(raw, ExtractOptions(lang=lang))
    for rec in doc.records:
        for value in (rec.section, rec.goal_id, rec.goal, rec.action_id, rec.schedule, *rec.extra.values()):
            assert value is None or _clean(value)
        for item in rec.actions + rec.owners + rec.indicators:
            assert _clean(item) and split_bullet(item)[0] is None
        assert rec.source.table >= 1 and rec.source.row >= 1
    # tables are numbered as printed: each goal block of a raw table is one (so a number may
    # pass len(tables), as hypothesis found: 3 of 2), and numbers only grow in document order
    numbers = [rec.source.table for rec in doc.records]
    assert numbers == sorted(numbers)
    if not doc.records:
        assert any(w.code == "no-plan-table" for w in doc.warnings)
