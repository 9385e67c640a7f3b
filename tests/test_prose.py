"""Plans written as prose: sentence splitting, sentence cues, plan parts, records."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.intermediate import RawDocument, TextBlock
from planparse.normalize import prose
from planparse.normalize.tables.cells import TextJoiner
from planparse.normalize.records import build_records
from planparse.normalize.sentences import split_sentences
from planparse.settings import ExtractOptions


def test_abbreviations_dates_and_ordinals_do_not_end_sentences() -> None:
    text = ("Palvelut uudistetaan esim. digitaalisiksi. Mm. Helsinki on mukana. Päätös tehtiin 11.12.2023 "
            "valtuustossa. Julkaistiin 1. versio ja n. 20 sivua. Niistä ts. kaikki. Kokous 11.12. 2023 pidettiin.")
    assert split_sentences(text) == [
        "Palvelut uudistetaan esim. digitaalisiksi.",
        "Mm. Helsinki on mukana.",
        "Päätös tehtiin 11.12.2023 valtuustossa.",
        "Julkaistiin 1. versio ja n. 20 sivua.",
        "Niistä ts. kaikki.",
        "Kokous 11.12. 2023 pidettiin.",
    ]


def test_swedish_abbreviations_and_a_year_at_the_end() -> None:
    text = "Vi erbjuder t.ex. kurser. Arbetet inleds år 2025. Bl.a. skolorna deltar! Klart?"
    assert split_sentences(text) == ["Vi erbjuder t.ex. kurser.", "Arbetet inleds år 2025.", "Bl.a. skolorna deltar!", "Klart?"]


def test_sentence_cues() -> None:
    assert prose.is_action("Kuntalaisille tarjotaan osallistumismahdollisuuksia.")
    assert prose.is_action("Yhdyskuntatyöntekijät ja asukastalot vahvistavat alueellista toimintaa.")
    assert prose.is_action("Asiakkaat ovat mukana oman palvelunsa suunnittelussa.")
    assert prose.is_action("Skolorna ska erbjuda läxhjälp.")
    assert not prose.is_action("Osallisuus on keskeinen hyvinvointia tuottava tekijä.")
    assert not prose.is_action("Hanke on ollut käynnissä vuodesta 2019 ainoastaan osaltaan.")
    assert prose.is_aim("Tavoitteena on, että esteitä poistetaan.")
    assert prose.is_measure("Asiakaskokemusta mitataan vuosittain.")
    assert not prose.is_action("Asiakastyytyväisyyttä seurataan kyselyllä.")  # a measure word alone says no action


def test_owners_are_the_named_doers_but_not_the_plans_own_organization() -> None:
    assert prose.owners_of("Yhdyskuntatyöntekijät ja asukastalot vahvistavat alueellista toimintaa.", set()) == ["Yhdyskuntatyöntekijät", "asukastalot"]
    assert prose.owners_of("Toimiala tukee aktiivisesti budjetointia.", set()) == []
    assert prose.owners_of("Lakisääteisiä vaikuttajatoimielimiä hyödynnetään.", set()) == []
    assert prose.owners_of("Fritidsgården och biblioteket erbjuder kvällsaktiviteter.", set()) == ["Fritidsgården", "biblioteket"]


def test_headings_that_close_a_plan_part() -> None:
    for text in ("Päätösehdotus", "Esittelijän perustelut", "Terveys- ja hyvinvointivaikutusten arviointi",
                 "Lisätiedot", "Liitteet", "Taustaa", "Nykytilan kartoitus", "Beslutsförslag", "Föredragande", "Bilagor"):
        assert prose.is_closing_heading(text), text
    assert not prose.is_closing_heading("Päätöksenteon tuki")
    assert prose.is_plan_heading("Osallisuussuunnitelma") and prose.is_plan_heading("Handlingsplan för delaktighet")
    assert not prose.is_plan_heading("Suunnitelman laatiminen") and not prose.is_plan_heading("Suunnitelmapoistojen oikaisu")


def _doc(blocks: list[TextBlock]) -> RawDocument:
    return RawDocument(format="docx", tables=[], blocks=blocks)


def _h(text: str, level: int = 100) -> TextBlock:
    return TextBlock("heading", [text], level=level)


def _p(text: str) -> TextBlock:
    return TextBlock("paragraph", [text])


PLAN = [
    _h("Päätösehdotus", 2), _p("Lautakunta päättää hyväksyä suunnitelman."),
    _h("Taustaa"), _p("Suunnitelma valmisteltiin keväällä. Toimialat toteuttavat osallisuutta."),
    _h("Osallisuussuunnitelma"), _p("Toimialaa ohjaa viitekehys:"),
    _h("1. Tiedon hyödyntäminen"), _p("Tavoitteena on, että palautetta hyödynnetään. Kuntalaisille tarjotaan osallistumis-"),
    _h("2. Alueellinen vaikuttaminen"), _p("Asukastalot vahvistavat toimintaa vuonna 2020. Toimintaa mitataan kyselyllä."),
    _h("Esittelijä", 2), _p("Juha Jolkkonen"),
]
PLAN[7].lines.append("mahdollisuuksia.")


def test_goal_blocks_give_records_and_decision_sections_none() -> None:
    doc = build_records(_doc(PLAN), ExtractOptions())
    records = [r.to_dict() for r in doc.records]
    assert [(r["section"], r["goal_id"], r["goal"]) for r in records] == [
        ("Osallisuussuunnitelma", "1", "Tiedon hyödyntäminen"), ("Osallisuussuunnitelma", "2", "Alueellinen vaikuttaminen")]
    assert records[0]["actions"] == ["Kuntalaisille tarjotaan osallistumismahdollisuuksia."]
    assert records[0]["extra"] == {"Kuvaus": "Tavoitteena on, että palautetta hyödynnetään."}
    assert records[1]["owners"] == ["Asukastalot"] and records[1]["schedule"] == "vuonna 2020"
    # a measure sentence that says nothing else is done: indicators and Kuvaus
    assert records[1]["indicators"] == ["Toimintaa mitataan kyselyllä."]
    assert records[1]["extra"] == {"Kuvaus": "Toimintaa mitataan kyselyllä."}
    assert records[1]["source"] == {"page": None, "table": None, "row": None}
    assert not [w for w in doc.warnings if w.code == "no-plan-table"]


def test_a_report_with_a_plan_word_in_a_heading_gives_no_records() -> None:
    report = [_h("Toimintasuunnitelma", 1), _h("Johdanto", 2), _p("Vuosi oli vilkas."),
              _h("Talous", 2), _p("Tulot kasvoivat. Menot pienenivät. Tilikausi oli ylijäämäinen."),
              _h("Henkilöstö", 2), _p("Henkilöstöä oli 40. Sairauspoissaolot vähenivät.")]
    assert build_records(_doc(report), ExtractOptions()).records == []


def test_one_goal_is_not_a_plan() -> None:
    blocks = [_h("Osallisuussuunnitelma"), _h("Tiedon hyödyntäminen"), _p("Kuntalaisille tarjotaan tietoa.")]
    assert prose.prose_records(blocks, TextJoiner(), None) == []


SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _seed_blocks(text: str) -> list[TextBlock]:
    """The seed's text as the extractor would hand it over: blank-line paragraphs; a lone short
    line without closing punctuation is a heading (one level: Helsinki sets them all alike)."""
    blocks = []
    for para in text.split("\n\n"):
        lines = [line for line in para.split("\n") if line.strip()]
        if len(lines) == 1 and not lines[0].rstrip().endswith((".", ":")) and len(lines[0].split()) <= 8:
            blocks.append(TextBlock("heading", lines, level=1))
        elif lines:
            blocks.append(TextBlock("paragraph", lines))
    return blocks


@pytest.mark.skipif(not list(SEEDS.glob("004_*.txt")), reason="shared seeds not available")
def test_seed_004_as_printed_gives_its_six_goals() -> None:
    """Seed 004's own line breaks and hyphens (not a sample we rendered)."""
    blocks = _seed_blocks(next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8"))
    raw = RawDocument("pdf", [], blocks=blocks, body_text=[line for b in blocks for line in b.lines])
    records = [r.to_dict() for r in build_records(raw, ExtractOptions()).records]
    assert [r["goal"] for r in records] == [
        "Kaupunkilaisten tiedon ja osaamisen hyödyntäminen", "Yhdenvertainen kaupunkilaisten osallisuus", "Alueellinen vaikuttaminen",
        "Kaupunkilaisten omaehtoinen toiminta", "Asioinnin asiakaskeskeisyys", "Osallisuutta tukevat rakenteet"]
    assert {r["section"] for r in records} == {"Osallisuussuunnitelma"}
    assert records[2]["owners"] == ["Yhdyskuntatyöntekijät", "asukastalot"]
    assert records[2]["actions"][2] == ("Vapaaehtoistoimintaa vahvistetaan ja alueelliset erityispiirteet huomioidaan "
                                        "järjestöavustusten myöntämisperiaatteissa.")
    assert records[4]["indicators"] == ["Asiakaskokemusta mitataan ja saatua tietoa hyödynnetään palvelujen kehittämisessä."]
    assert records[1]["extra"] == {"Kuvaus": "Tavoitteena on, että osallistumisen esteitä tunnistetaan ja niitä poistetaan aktiivisesti."}
    assert sum(len(r["actions"]) for r in records) == 16 and all(r["source"]["table"] is None for r in records)


def test_table_records_stand_where_their_raw_table_stands_among_prose() -> None:
    """Regression: records were placed among the prose blocks by `source.table - 1`, but
    source.table counts goal cards as printed (two cards in one raw table are tables 1
    and 2), so the plan table after them (raw table 1, printed table 3) fell behind the
    prose that follows it."""
    from tests.normalize_helpers import row, table

    def bold(r):  # type: ignore[no-untyped-def]
        r.bold = True
        return r

    def card(goal: str, measure: str) -> list:
        return [bold(row("Tavoite", "Toimenpide/mittari", page=1)), row(goal, measure, page=1),
                bold(row("Arviointi", "Tila", page=1)), row("Toteutui", "Valmis", page=1)]

    cards = table(*card("Taloudellinen tulos", "Vähintään nollatulos"), *card("Veden laatu", "Talousvesi on hyvää."),
                  page=1, heading="Talous")
    plan = table(row("Tavoite", "Toimenpide", "Vastuu", page=2), row("Tavoite A", "Toimi A", "Kanslia", page=2),
                 page=2, heading="Toimenpiteet")
    blocks = [TextBlock("table", [], table=0), TextBlock("table", [], table=1), *PLAN]
    raw = RawDocument(format="pdf", tables=[cards, plan], blocks=blocks)
    records = build_records(raw, ExtractOptions(lang="fi")).records
    assert [(r.goal, r.source.table) for r in records] == [
        ("Taloudellinen tulos", 1), ("Veden laatu", 2), ("Tavoite A", 3),
        ("Tiedon hyödyntäminen", None), ("Alueellinen vaikuttaminen", None)]
