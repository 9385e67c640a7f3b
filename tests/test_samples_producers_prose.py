"""The prose and infographic samples agree with their YAML content.

The expected outputs of samples/producers/prose_plans.py and infographic.py
are made from the YAML; this checks that the committed expected files still
say what the YAML says (records and indicators, pages aside, which are
measured in the rendered PDF) and that the committed sample files are the
ones the expected outputs describe.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PRODUCERS = REPO / "samples" / "producers"
EXPECTED = REPO / "tests" / "expected"


def _load(name: str):
    sys.path.insert(0, str(PRODUCERS))
    try:
        spec = importlib.util.spec_from_file_location(f"samples_{name}", PRODUCERS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(PRODUCERS))


prose = _load("prose_plans")
infographic = _load("infographic")
PROSE = [(spec, fmt) for spec in prose.load(None) for fmt in spec.get("formats", ["docx", "pdf"])]
INFOGRAPHICS = infographic.load(None)


def _expected(name: str) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


def _without_pages(items: list[dict]) -> list[dict]:
    return [{k: v for k, v in item.items() if k != "source"} for item in items]


@pytest.mark.parametrize("spec,fmt", PROSE, ids=[f"{s['name']}.{f}" for s, f in PROSE])
def test_prose_expected_records_come_from_the_yaml(spec, fmt) -> None:
    doc = _expected(f"{spec['name']}.{fmt}")
    goals = [(b, g) for b in spec["blocks"] if "plan" in b for g in b["goals"]]
    want = [prose.expected_record(plan, goal, None) for plan, goal in goals]
    got = [r for r in doc["records"] if r["source"]["table"] is None]
    assert _without_pages(got) == _without_pages(want)
    assert all(r["source"]["page"] is not None for r in got) == (fmt == "pdf")
    sample = REPO / "samples" / doc["source"]["file"]
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == doc["source"]["sha256"]


@pytest.mark.parametrize("spec", INFOGRAPHICS, ids=[s["name"] for s in INFOGRAPHICS])
def test_infographic_expected_indicators_come_from_the_yaml(spec) -> None:
    doc = _expected(f"{spec['name']}.pdf")
    pages = {(m, g, b): 1 for m, main in enumerate(spec["main_goals"]) for g, goal in enumerate(main["goals"]) for b in range(len(goal["boxes"]))}
    assert _without_pages(doc["indicators"]) == _without_pages(infographic.expected_indicators(spec, pages))
    sample = REPO / "samples" / doc["source"]["file"]
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == doc["source"]["sha256"]


def test_box_names_close_up_line_break_hyphens_only_before_lower_case() -> None:
    assert infographic.box_name({"label": ["Nuoriso-", "työttömät"]}) == "Nuorisotyöttömät"
    assert infographic.box_name({"label": ["Ei tukea tai apua", "koulun aikuisilta /", "palveluista"]}) == "Ei tukea tai apua koulun aikuisilta / palveluista"
    assert infographic.figure("7,9 %") == {"value": 7.9, "unit": "%"} and infographic.figure("1820") == {"value": 1820, "unit": None}
