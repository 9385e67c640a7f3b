"""The layout matrix harness (samples/matrix): design, expected outputs, scorer, on the CI slice.

The slice is rendered here (reportlab always; LibreOffice when soffice is
installed, as .ci/run does), its expected outputs are checked against the
content YAMLs they come from, and planparse is scored on it.  The accuracy
figures are printed; the assertion on them is only a floor for renderings
that already score 1.00 today (the table layer's work raises the rest).
"""

from __future__ import annotations

import itertools
import json
import shutil

import pytest

from samples.matrix.content import cell_paragraphs, layout_spec, load_contents
from samples.matrix.dimensions import STRONG_GROUPS, allowed, combo_id, covering_design, dimensions, value_slice

CONTENTS = load_contents()
DIMS = dimensions(CONTENTS)
FULL = covering_design(DIMS)
SLICE = value_slice(FULL, DIMS)
HAS_SOFFICE = shutil.which("soffice") is not None

# Slice renderings that already meet issue 10's bar with planparse today
# (python -m samples.matrix --slice, 2026-12-06): record F1 >= 0.99 with no broken word,
# and of those, the ones with field exact >= 0.97 too.  They must not get worse; the
# other slice renderings are reported as figures (the table layer's work raises them).
F1_PASSES_TODAY = {
    "rl-borderless-osallisuus--ef542e9f",
    "pihlajavesi-lapset-nuoret--32b624ea",
    "helsinki-kotoutuminen--fbc1d078",
    "sjovik-valfard--0282689b",
    "jarvela-ilmasto--c06d1b56",
    "rl-ruled-hyvinvointi--03145aa2",
    # branch fields (numbered lists, cut words, ruled merged cells over a page break), same day
    "scan-helsinki-kotoutuminen--0dd9e2ed",
    "strandby-jamstalldhet--2ac922ad",
    "turku-yhta--3eb0a27f",
    "kymenlaakso-lnp--7911c1d7",
    "koskenniemi-ikaihmiset--85c494cb",
    "vake-osallisuus--77fd13a7",
}
EXACT_PASSES_TODAY = {
    "rl-borderless-osallisuus--ef542e9f",
    "pihlajavesi-lapset-nuoret--32b624ea",
    "helsinki-kotoutuminen--fbc1d078",
    # branch fields, same day
    "rl-ruled-hyvinvointi--03145aa2",
    "strandby-jamstalldhet--2ac922ad",
    "turku-yhta--3eb0a27f",
    "kymenlaakso-lnp--7911c1d7",
    "jarvela-ilmasto--c06d1b56",
    "koskenniemi-ikaihmiset--85c494cb",
    "vake-osallisuus--77fd13a7",
    # branch cont (the title set smaller than a heading: the section) with fields, same day
    "scan-helsinki-kotoutuminen--0dd9e2ed",
    "sjovik-valfard--0282689b",
}


def test_design_is_seeded_and_covers_every_pair() -> None:
    assert covering_design(DIMS) == FULL  # deterministic
    assert len(FULL) <= 300
    names = list(DIMS)
    for a, b in itertools.combinations(names, 2):
        seen = {(c[a], c[b]) for c in FULL}
        for va, vb in itertools.product(DIMS[a], DIMS[b]):
            if allowed({a: va, b: vb}):
                assert (va, vb) in seen, f"{a}={va} with {b}={vb} never rendered"
    for group in STRONG_GROUPS:
        seen = {tuple(c[g] for g in group) for c in FULL}
        assert len(seen) == len(list(itertools.product(*(DIMS[g] for g in group))))
    assert all(allowed(c) for c in FULL)


def test_slice_shows_every_value_and_is_small() -> None:
    assert len(SLICE) <= 20
    for name, values in DIMS.items():
        assert {c[name] for c in SLICE} == set(values), name
    assert all(c in FULL for c in SLICE)


def test_layout_never_changes_the_records() -> None:
    for combo in FULL[:40]:
        content = CONTENTS[combo["content"]]
        spec = layout_spec(content, combo)
        for before, after in zip(content["tables"], spec["tables"]):
            assert before["rows"] == after["rows"]
            if not after.get("skipped"):
                assert sorted(c["field"] for c in before["columns"]) == sorted(c["field"] for c in after["columns"])


def test_numbered_and_bulleted_cells() -> None:
    combo = next(c for c in FULL if c["bullets"] == "numbered")
    spec = layout_spec(CONTENTS["jarvela-ilmasto"], {**combo, "content": "jarvela-ilmasto"})
    table = spec["tables"][0]
    col = next(c for c in table["columns"] if c["field"] == "actions")
    assert cell_paragraphs(table["rows"][0], col, table)[:2] == [f"{i}) {a}" for i, a in enumerate(table["rows"][0]["actions"], 1)]


@pytest.fixture(scope="module")
def rendered():
    from samples.matrix.render import render_all

    combos = [c for c in SLICE if HAS_SOFFICE or c["producer"] == "reportlab"]
    return render_all(combos, CONTENTS)


def test_expected_outputs_come_from_the_content(rendered, plan_validator) -> None:
    assert len(rendered) >= len([c for c in SLICE if c["producer"] == "reportlab"])
    for r in rendered:
        doc = json.loads(r.expected.read_text(encoding="utf-8"))
        meta = doc.pop("matrix")
        assert meta["combination"] == r.combo and r.name.endswith(combo_id(r.combo))
        plan_validator.validate(doc)
        content = CONTENTS[r.combo["content"]]
        rows = [row for t in content["tables"] if not t.get("skipped") for row in t["rows"]]
        assert len(doc["records"]) == len(rows)
        for record, row in zip(doc["records"], rows):
            assert record["actions"] == [" ".join(a.split()) for a in row.get("actions") or []]
        pages = [rec["source"]["page"] for rec in doc["records"]]
        assert all(1 <= p <= doc["source"]["pages"] for p in pages)
        for t in {rec["source"]["table"] for rec in doc["records"]}:
            in_table = [rec["source"]["page"] for rec in doc["records"] if rec["source"]["table"] == t]
            assert in_table == sorted(in_table)


def test_scorer_reports_every_dimension(rendered) -> None:
    from samples.matrix.score import field_exact_all, format_report, report, score_rendering

    scores = [score_rendering(r) for r in rendered]
    rep = report(rendered, scores)
    print("\n" + format_report(rep))
    assert set(rep["dimensions"]) == set(DIMS)
    names = {r.name for r in rendered}
    assert F1_PASSES_TODAY <= names | {f"{c['content']}--{combo_id(c)}" for c in SLICE if c["producer"] == "libreoffice"}
    for r, s in zip(rendered, scores):
        assert s.expected > 0 and 0.0 <= s.f1 <= 1.0 and not s.error
        if r.name in F1_PASSES_TODAY:
            assert s.f1 >= 0.99 and not s.broken, f"{r.name}: F1 {s.f1:.2f}, broken {s.broken} (passed before)"
        if r.name in EXACT_PASSES_TODAY:
            assert field_exact_all(s) >= 0.97, f"{r.name}: field exact {field_exact_all(s):.2f} (passed before)"
    json.dumps(rep)  # the --json output is serialisable
