"""Header texts read through the OCR repair before column roles (normalize.tables.header_repair).

Scan set D, strandby-jamstalldhet-shaded-header@eng-150 (issue 11): the English
model reads the header "Åtgärder" as "Atgiirder" ("ä" as "ii"), which no header
match accepts, so the table had no action column and gave no record (F1 0.00).
The cell texts below are the ones planparse read from that scan's text layer.
"""

from __future__ import annotations

from planparse.intermediate import RawDocument
from planparse.normalize import normalize_document
from planparse.settings import ExtractOptions
from tests.normalize_helpers import row, table

HEADER = ("Mal", "Atgiirder", "Ansvar", "Uppfoljning", "Tidtabell")
ROWS = [
    (
        "Jamstilldhets- och\nlikabehandlingsar-\nbetet ar en naturlig\ndel av ledningen\noch den dagliga\nverksamheten",
        "Jamstiilldhets- och likabehand-\nlingsplanen behandlas arligen i\npersonal- och\nledningsgrupperna.",
        "Forvaltningsche\nf, rektorer, dag-\nhemsfGrestan-\ndare",
        "Antal enheter som\nbehandlat planen",
        "arligen i\naugusti",
    ),
    (
        "Barn och elever\nbem6ts likvardigt\noberoende av kén,\nsprak, ursprung\neller funktionsfér-\nmaga",
        "Larmiljéerna kartlaiggs ur ett\njamstilldhetsperspektiv i\nforskole- och skolverksamheten.",
        "Rektorer, dag-\nhemsfGrestan-\ndare",
        "1) Kartliéggningen\ngenomford\n(ja/nej)\n2) Elevenkitens\nresultat om\ntrygghet och\nbemétande",
        "hésten\n2024",
    ),
    (
        "Ingen utsiitts for\ndiskriminering, tra-\nkasserier eller\nmobbning",
        "Varje skola och daghem uppda-\nterar sin plan mot diskriminering\noch krinkande behandling.",
        "Rektorer, daghe\nmsforestandare,\nelevhilsan",
        "1) Uppdaterade\nplaner\n2) Antal anmiilda\nfall och hur de\nhar atgiardats",
        "2025",
    ),
    (
        "Loner och arbets-\nvillkor dr jamstillda\noch personalen trivs",
        "Rekryteringsannonser formule-\nras kénsneutralt och vid lika\nmeriter viljs den sékande vars\nk6n ar underrepresenterat i\narbetsgemenskapen.",
        "Rekryterande\nchefer",
        "K6nsfordelningen\nbland nyanstillda\nper yrkesgrupp",
        "fortlé-\npande",
    ),
]


def _doc():
    raw = RawDocument(
        format="pdf",
        tables=[table(row(*HEADER), *(row(*r) for r in ROWS), heading="Atgiirdsplan", page=1)],
        pages=1,
        title="Jamstalldhets- och likabehandlingsplan for bildningsforvaltningen 2024-2026",
        ocr=True,
    )
    return normalize_document(raw, ExtractOptions())


def test_a_header_the_english_model_misread_names_its_column_after_repair() -> None:
    doc = _doc()
    assert len(doc.records) == 4
    first = doc.records[0]
    assert first.actions and first.actions[0].startswith("Jämställdhets- och likabehandlingsplanen")
    assert first.owners and first.schedule
    assert "Åtgärder" not in first.extra and "Atgiirder" not in first.extra  # the column is the actions, not an extra


def test_headers_that_name_a_field_stay_as_printed() -> None:
    from planparse.normalize.tables.header_repair import role_texts

    seen = []

    def fix(text):
        seen.append(text)
        return text.upper()

    assert role_texts(["Mal", "Ansvar", None, "Atgiirder"], fix) == ["Mal", "Ansvar", None, "Atgiirder"]
    assert seen == ["Atgiirder"]  # only the header that names nothing is read again
    assert role_texts(["Atgiirder"], None) == ["Atgiirder"]
