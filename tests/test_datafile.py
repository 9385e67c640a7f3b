"""planparse.common.datafile parses the data files with libyaml: the same objects as yaml.safe_load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planparse.common.datafile import load_yaml

DATA_FILES = sorted((Path(__file__).resolve().parent.parent / "src" / "planparse").rglob("*.yaml"))


def _same(a: object, b: object) -> bool:
    """Equal with the same types all the way down and dict keys in the same order (1 == True is not enough)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(type(x) is type(y) for x, y in zip(a, b)) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def test_there_are_data_files() -> None:
    assert len(DATA_FILES) >= 7


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_file_loads_as_safe_load(path: Path) -> None:
    text = path.read_text("utf-8")
    assert _same(load_yaml(text), yaml.safe_load(text))
