"""Shared fixtures: paths to the repo's samples, expected outputs and the shared corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from planparse.schema import load_schema, record_schema

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
EXPECTED = REPO / "tests" / "expected"
CORPUS = REPO.parent / "shared" / "corpus"


def expected_files() -> list[Path]:
    """Expected outputs whose sample document is in samples/."""
    return sorted(p for p in EXPECTED.glob("*.json") if (SAMPLES / p.name[: -len(".json")]).exists())


@pytest.fixture(autouse=True, scope="session")
def _planparse_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """planparse's cache folder (lexicon's sorted word-list index) in the session's tmp, not
    the user's ~/.cache, unless the run names one."""
    os.environ.setdefault("PLANPARSE_CACHE_DIR", str(tmp_path_factory.mktemp("planparse-cache")))


@pytest.fixture(scope="session")
def plan_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema())


@pytest.fixture(scope="session")
def record_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(record_schema())


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
