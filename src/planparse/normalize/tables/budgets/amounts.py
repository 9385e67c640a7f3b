"""Numeric tables of budgets and financial statements: labels and amounts, no goals.

A financial statement prints many tables of a label column and amount
columns ("Toimintatuotot | 7 726 | 10,0"), headed by units and years
("1 000 € | %", "TP2023 | TA2024").  A label word may also be a header
synonym ("Toiminta", "Tehtävä" name the action column of a plan), so such a
table can look like a plan table; it holds no goals and gives no records
(output contract 1.1, issue 12).  What tells it: its body cells are mostly
amounts and its header names no goal-ish column (goal, indicator, or a goal
table's value header such as "Tavoitearvo").  A key-figure goal table
("Konsernille asetetut tavoitteet | TA2024 | TP2024") names a goal column
and stays a plan table.  Units and nil marks: `data/amounts.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from planparse.common.datafile import load_yaml
from planparse.normalize.tables.headers import is_value_header, match_field
from planparse.normalize.text import clean_text

# fields whose column makes a table a goal table whatever its body holds
GOALISH_FIELDS = frozenset({"goal", "indicator", "indicator_weak"})

# a number as printed: sign, digits with spaced or dotted thousands, decimal comma or point
_NUMBER = re.compile(r"[+\-−–]?\s?(?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:[,.]\d+)?")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], frozenset[str]]:
    """Units (longest first) and nil marks, lower case (`data/amounts.yaml`)."""
    raw = load_yaml(resources.files("planparse.normalize").joinpath("data/amounts.yaml").read_text("utf-8"))
    units = sorted({str(u).lower() for u in raw.get("units") or []}, key=len, reverse=True)
    nil = frozenset(str(n) for n in raw.get("nil") or [])
    return tuple(units), nil


def _text(text: str) -> str:
    return " ".join((clean_text(text) or "").replace("\u00a0", " ").replace("\u202f", " ").split())


def is_amount(text: str | None) -> bool:
    """A cell that prints one amount ("12 332", "-0,1", "43,6 %", "1,2 milj. €", "2024")."""
    if not text:
        return False
    value = _text(text).lower()
    if _NUMBER.fullmatch(value):
        return True
    for unit in _vocabulary()[0]:
        if value.endswith(unit) and _NUMBER.fullmatch(value[: -len(unit)].rstrip()):
            return True
        if value.startswith(unit) and _NUMBER.fullmatch(value[len(unit):].lstrip()):
            return True
    return False


def is_nil(text: str | None) -> bool:
    """A cell that stands for nil in a numeric table ("-", "–", "…"): neither amount nor label."""
    return bool(text) and _text(text) in _vocabulary()[1]


def mostly_amounts(cells: list[str | None]) -> bool:
    """Are more than half of the filled cells (nil marks left out) amounts?"""
    counted = [c for c in cells if c and c.strip() and not is_nil(c)]
    amounts = sum(1 for c in counted if is_amount(c))
    return amounts * 2 > len(counted)


def names_goalish_column(header_texts: list[str | None]) -> bool:
    """Does the header name a goal, indicator or goal-table value column ("Tavoitearvo")?"""
    return any(t and (match_field(t) in GOALISH_FIELDS or is_value_header(t)) for t in header_texts)


def is_numeric_table(header_texts: list[str | None], columns: list[list[str | None]]) -> bool:
    """A table of labels and amounts: body cells (`columns`, below the header) mostly
    amounts and no goal-ish column in the header."""
    return not names_goalish_column(header_texts) and mostly_amounts([cell for column in columns for cell in column])
