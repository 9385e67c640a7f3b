"""planparse/1.1 (../shared/output-contract-1.1.md): the shape every writer emits.

Every format is validated against the shipped JSON Schema: JSON and YAML as
document objects, JSON Lines rows as records (or indicators) with `document`,
CSV rows against the records they stand for.  A plan that holds every 1.1
object (a prose record, metadata with a decision, an indicator box, OCR in
`producer`) must validate too, so the branches that fill them have a target.
"""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache

import jsonschema
import pytest
import yaml

import planparse
from planparse.model import (
    Decision,
    Indicator,
    IndicatorGoal,
    IndicatorValue,
    Metadata,
    OcrInfo,
    Person,
    Plan,
    PlanWarning,
    Producer,
    Record,
    RecordSource,
    SourceInfo,
)
from planparse.schema import indicator_schema, load_schema
from planparse.outputs.writers import make_writer

from .conftest import SAMPLES

KEY_ORDER = ["schema", "source", "producer", "title", "metadata", "records", "indicators", "warnings"]
SAMPLE_FILES = [SAMPLES / "turku-yhta.docx", SAMPLES / "turku-yhta.pdf", SAMPLES / "strandby-jamstalldhet.pdf"]


@lru_cache(maxsize=None)
def _plan(name: str) -> Plan:
    return planparse.extract(SAMPLES / name)


def _written(plan: Plan, fmt: str, **kwargs) -> str:
    stream = io.StringIO()
    writer = make_writer(fmt, stream, **kwargs)
    writer.write(plan)
    writer.close()
    return stream.getvalue()


def full_plan() -> Plan:
    """A plan with every planparse/1.1 object filled, as the prose, indicator and OCR code will fill them."""
    presenter = Person("Juha Jolkkonen", "sosiaali- ja terveystoimialan toimialajohtaja", None, None)
    return Plan(
        source=SourceInfo(file="plan.pdf", path="helsinki/plan.pdf", format="pdf", pages=6, sha256="0" * 64),
        producer=Producer(lexicon="voikko", pdf_parser="pdfium", ocr=OcrInfo("tesseract", "5.3.0", ["fin", "swe"])),
        title="Osallisuussuunnitelma vuosille 2018−2021",
        metadata=Metadata(
            period="2018–2021",
            organization="Helsingin kaupunki, sosiaali- ja terveystoimiala",
            reference="HEL 2018-011596",
            decision=Decision("Sosiaali- ja terveyslautakunta", "2018-11-27", "Lautakunta päättää merkitä tiedoksi.", presenter),
            contacts=[Person("Pirkko Excell", "erityissuunnittelija", "310 73867", "pirkko.excell(a)hel.fi")],
        ),
        records=[
            Record(goal="Asiakkaat ovat mukana", actions=["Tarjotaan tukea."], extra={"Kuvaus": "Tavoitteena on."},
                   source=RecordSource(3, None, None)),
            Record(goal="Taulukon tavoite", actions=["Toimenpide"], source=RecordSource(4, 1, 1)),
        ],
        indicators=[
            Indicator(
                name="Kokenut henkistä väkivaltaa",
                ref="28",
                values=[IndicatorValue(19, "%", "4.–5. luokkalaisista"), IndicatorValue(1820, None, None)],
                national=[IndicatorValue(17.1, "%", "4. ja 5. luokkalaisista")],
                sources=["Kouluterveyskysely 2019"],
                main_goal="PÄÄTAVOITE I: Lasten hyvinvointi lisääntyy",
                goals=[IndicatorGoal("1", "Lasten ja nuorten arvostaminen", "Muutos on keskivaikea toteuttaa.")],
                page=12,
            )
        ],
        warnings=[PlanWarning("table-skipped", "table 2 has no goal or action column", 5)],
    )


def test_schema_is_planparse_1_1_and_a_valid_schema() -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema"]["const"] == "planparse/1.1"
    assert schema["required"] == KEY_ORDER
    assert list(schema["properties"]) == KEY_ORDER


def test_a_plan_with_every_1_1_object_validates(plan_validator, record_validator) -> None:
    doc = full_plan().to_dict()
    plan_validator.validate(doc)
    assert list(doc) == KEY_ORDER
    assert list(doc["source"]) == ["file", "path", "format", "pages", "sha256"]
    assert doc["records"][0]["source"] == {"page": 3, "table": None, "row": None}
    assert doc["indicators"][0]["source"] == {"page": 12}
    rows = [json.loads(line) for line in _written(full_plan(), "jsonl").splitlines()]
    assert [r["document"] for r in rows] == ["helsinki/plan.pdf"] * 2
    for row in rows:
        record_validator.validate(row)
    indicator_rows = [json.loads(line) for line in _written(full_plan(), "jsonl", items="indicators").splitlines()]
    assert len(indicator_rows) == 1 and indicator_rows[0]["document"] == "helsinki/plan.pdf"
    jsonschema.Draft202012Validator(indicator_schema()).validate(indicator_rows[0])


@pytest.mark.parametrize(
    "path, bad",
    [
        (("metadata", "period"), "2018-2021"),  # hyphen, not the en dash
        (("metadata", "decision", "date"), "27.11.2018"),  # not ISO
        (("producer", "planparse"), None),
        (("indicators", 0, "values", 0, "value"), "19"),  # a number, not a string
        (("records", 0, "goal"), "zero\u200bwidth"),  # text rules of 1.1
        (("title", ), "bidi \u202eoverride"),
    ],
)
def test_schema_refuses_what_the_contract_forbids(plan_validator, path, bad) -> None:
    doc = full_plan().to_dict()
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    assert list(plan_validator.iter_errors(doc)), f"{path} = {bad!r} was accepted"


def test_missing_1_1_keys_are_refused(plan_validator) -> None:
    for key in ("producer", "metadata", "indicators"):
        doc = full_plan().to_dict()
        del doc[key]
        assert list(plan_validator.iter_errors(doc)), key
    doc = full_plan().to_dict()
    del doc["source"]["path"]
    assert list(plan_validator.iter_errors(doc))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_writer_emits_planparse_1_1(path, plan_validator, record_validator) -> None:
    if not path.exists():
        pytest.skip(f"{path} not built")
    plan = _plan(path.name)
    doc = plan.to_dict()
    assert doc["source"]["path"] == str(path) and doc["source"]["file"] == path.name
    assert doc["producer"]["planparse"] == planparse.__version__
    assert doc["producer"]["pdf_parser"] == ("pdfium" if path.suffix == ".pdf" else None)
    assert doc["producer"]["lexicon"] in ("voikko", "wordfreq", "none")

    from_json = json.loads(_written(plan, "json"))
    plan_validator.validate(from_json)
    assert list(from_json) == KEY_ORDER and from_json == doc

    from_yaml = list(yaml.safe_load_all(_written(plan, "yaml")))
    assert len(from_yaml) == 1 and list(from_yaml[0]) == KEY_ORDER
    plan_validator.validate(from_yaml[0])
    assert from_yaml[0] == doc

    rows = [json.loads(line) for line in _written(plan, "jsonl").splitlines()]
    assert len(rows) == len(doc["records"])
    for row, record in zip(rows, doc["records"]):
        record_validator.validate(row)
        assert row == {"document": str(path), **record}

    table = list(csv.DictReader(io.StringIO(_written(plan, "csv"))))
    assert len(table) == len(doc["records"])
    for row, record in zip(table, doc["records"]):
        assert row["document"] == str(path)
        assert row["goal"] == (record["goal"] or "")
        assert row["actions"].split("\n") == record["actions"] or (row["actions"] == "" and record["actions"] == [])
        assert row["table"] == str(record["source"]["table"]) and row["row"] == str(record["source"]["row"])
