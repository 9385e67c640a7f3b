"""A short run of tools/fuzz.py: damaged samples never escape as a traceback, crash or hang.

The long run is `python tools/fuzz.py --cases 3000 --seed 2026` (see its docstring).
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def load_fuzz():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("planparse_fuzz", REPO / "tools" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["planparse_fuzz"] = module
    spec.loader.exec_module(module)
    return module


fuzz = load_fuzz()


def test_cases_are_reproducible_from_the_seed(tmp_path: Path) -> None:
    seeds = fuzz.load_seeds(fuzz.seed_files())
    if not seeds:
        pytest.skip("no samples")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for number in range(12):
        first, mutation = fuzz.make_case(seeds, 9, number, tmp_path / "a")
        second, _ = fuzz.make_case(seeds, 9, number, tmp_path / "b")
        assert first.name == second.name and first.read_bytes() == second.read_bytes()
        original = dict(seeds)[first.name.removeprefix(f"case-{number:05d}-{mutation}-")]
        assert first.read_bytes() != original


@pytest.mark.parametrize("name", sorted(fuzz.BYTE_MUTATIONS))
def test_byte_mutations_change_the_bytes(name: str) -> None:
    data = bytes(range(256)) * 40
    rng = random.Random(3)
    changed = sum(fuzz.BYTE_MUTATIONS[name](data, rng) != data for _ in range(20))
    assert changed >= 18


def test_short_fuzz_run_finds_no_uncaught_exception_crash_or_hang() -> None:
    """Up to 60 seeded cases: rounds of 20 while the 90 s budget lasts (at least one round)."""
    if not fuzz.seed_files():
        pytest.skip("no samples")
    findings: list[dict] = []
    figures = fuzz.run(cases=60, seed=11, timeout=90, jobs=2, budget=90, round_size=20, on_finding=findings.append)
    print(figures.summary())
    assert figures.cases >= 20
    assert figures.statuses["ok"] + sum(figures.refusals.values()) + len(findings) == figures.cases
    assert findings == []
    assert (figures.uncaught, figures.crashes, figures.hangs, figures.out_of_memory) == (0, 0, 0, 0)


def test_short_in_process_run_over_both_parsers() -> None:
    """The --in-process mode: PDF cases alternate PDFium and pdfminer; nothing escapes as a bug, crash or hang."""
    if not fuzz.seed_files(["rl-*.pdf", "strandby-jamstalldhet.docx"]):
        pytest.skip("no samples")
    findings: list[dict] = []
    figures = fuzz.run_in_process(cases=24, seed=5, timeout=90, jobs=2, patterns=["rl-*.pdf", "strandby-jamstalldhet.docx"],
                                  on_finding=findings.append)
    print(figures.summary())
    assert figures.cases == 24
    assert figures.by_mutation["parser pdfium"] > 0 and figures.by_mutation["parser pdfminer"] > 0
    assert findings == []
    assert figures.statuses["ok"] + sum(figures.refusals.values()) == figures.cases
