"""The planparse/1.1 JSON Schema, shipped as package data."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "planparse-1.1.schema.json"


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a planparse/1.1 document object."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def _line_schema(definition: str) -> dict[str, Any]:
    """Schema of one JSON Lines row: an object of `$defs[definition]` plus `document` first."""
    schema = load_schema()
    item = dict(schema["$defs"][definition])
    item["properties"] = {"document": {"type": "string", "minLength": 1}, **item["properties"]}
    item["required"] = ["document", *item["required"]]
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], **item}


def record_schema() -> dict[str, Any]:
    """Schema of one JSON Lines row of records: a record object plus `document` (source.path)."""
    return _line_schema("record")


def indicator_schema() -> dict[str, Any]:
    """Schema of one JSON Lines row of `--items indicators`: an indicator plus `document`."""
    return _line_schema("indicator")
