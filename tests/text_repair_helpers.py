"""Shared by the text-repair tests: both lexicon backends, the seeds, the measurement tool."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from planparse.normalize.repair.lexicon import Lexicon, get_lexicon

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
BREAKS_DIR = REPO / "tools" / "breaks"


def lexicon_for(backend: str) -> Lexicon:
    lex = get_lexicon("fi", backend)
    if backend == "voikko" and lex.backend != "voikko":
        pytest.skip("Voikko is not installed (apt-get install libvoikko1 voikko-fi; pip install libvoikko)")
    if backend == "fallback" and lex.backend != "wordfreq":
        pytest.skip("wordfreq is not installed")
    return lex


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found under {SEEDS}")
    return found[0]


def measure_module():
    """tools/breaks/measure.py, loaded as a module (it is a script, not part of the package)."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not found")
    spec = importlib.util.spec_from_file_location("breaks_measure", BREAKS_DIR / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module
