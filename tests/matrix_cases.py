"""Layout-matrix renderings as test cases: one combination of a seed's design, by name.

A test names the rendering whose records once went wrong ("vake-osallisuus--0d57600f") and
the seeds whose designs hold it; the rendering comes from samples/matrix (its cache, or
rendered here), the expected records from the content YAML, never from planparse.
"""

from __future__ import annotations

import json
import shutil
from functools import lru_cache

import pytest

from planparse import extract
from planparse.accuracy import match_records
from samples.matrix.content import load_contents
from samples.matrix.dimensions import combo_id, covering_design, dimensions

CONTENTS = load_contents()
FIELDS = ("goal_id", "goal", "action_id", "actions", "owners", "indicators", "schedule", "extra")


@lru_cache(maxsize=None)
def design(seed: int) -> list[dict]:
    """The combinations of one seed's covering design."""
    return covering_design(dimensions(CONTENTS), seed=seed)


def records(name: str, seeds: tuple[int, ...]) -> tuple[list[dict], list[dict]]:
    """(expected, found) records of the rendering `name` from one of these seeds' designs."""
    from samples.matrix.render import render_all

    combo = next(c for seed in seeds for c in design(seed) if f"{c['content']}--{combo_id(c)}" == name)
    if combo["producer"] == "libreoffice" and shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) renders this combination; .ci/run installs it")
    (r,) = render_all([combo], CONTENTS)
    expected = json.loads(r.expected.read_text(encoding="utf-8"))["records"]
    return expected, extract(r.pdf).to_dict()["records"]


def wrong_fields(expected: list[dict], found: list[dict], fields: tuple[str, ...] = FIELDS) -> list[tuple]:
    """(field, expected value, found value) of every matched record's field that differs."""
    pairs = match_records(expected, found)
    return [(f, expected[i][f], found[j][f]) for i, j in pairs for f in fields if expected[i][f] != found[j][f]]


def assert_all_records_right(name: str, seeds: tuple[int, ...], fields: tuple[str, ...] = FIELDS) -> None:
    """Every expected record found, none extra, and these fields of each right."""
    expected, found = records(name, seeds)
    assert len(found) == len(expected) == len(match_records(expected, found))
    assert wrong_fields(expected, found, fields) == []
