"""The vocabulary of plans written as prose, read once from data/prose.yaml."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from planparse.common.datafile import load_yaml


@lru_cache(maxsize=1)
def prose_vocabulary() -> dict[str, Any]:
    """data/prose.yaml as loaded (decision-template and background headings, sentence cues)."""
    path = resources.files("planparse.normalize").joinpath("data/prose.yaml")
    return load_yaml(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def words(kind: str, sub: str | None = None) -> list[str]:
    """One list of the file, Finnish and Swedish together, lower case."""
    node = prose_vocabulary()[kind]
    if sub is not None:
        node = node[sub]
    return [str(w).casefold() for lang in ("fi", "sv") for w in (node.get(lang) or [])]
