"""The planparse/1 JSON Schema, shipped as package data."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a planparse/1 document object."""
    text = resources.files(__package__).joinpath("planparse-1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def record_schema() -> dict[str, Any]:
    """Schema of one JSON Lines row: a record object plus `document`."""
    schema = load_schema()
    record = dict(schema["$defs"]["record"])
    record["properties"] = {"document": {"type": "string"}, **record["properties"]}
    record["required"] = ["document", *record["required"]]
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], **record}
