"""Word's automatic numbering, rendered as printed ("1.", "2.3", "b)").

A numbered paragraph's number is not in its text: Word computes it from
numbering.xml while laying out the document.  Plans number goals and actions
this way, and the number is printed, so the extractor renders it and puts it
in front of the paragraph's first line.  Bullets are not rendered (the
paragraph is flagged `list_item` instead).  Paragraphs must be numbered in
document order, which is the order the extractor reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


from planparse.extractors.docx.styles import W, int_attr
from planparse.extractors.docx.text import Paragraph

_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = max(value, 1)
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        out, n = "", max(value, 1)
        for amount, digits in _ROMAN:
            while n >= amount:
                out, n = out + digits, n - amount
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class Numbering:
    """Counters for the numbered lists of one document."""

    def __init__(self, numbering_element: Any | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractId, start overrides)
        self._counters: dict[str, dict[int, int]] = {}
        if numbering_element is None:
            return
        for abstract in numbering_element.iterchildren(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(W + "lvl"):
                levels[int_attr_named(lvl, "ilvl")] = _read_level(lvl)
            self._abstract[abstract.get(W + "abstractNumId", "")] = levels
        for num in numbering_element.iterchildren(W + "num"):
            abstract_el = num.find(W + "abstractNumId")
            overrides = {}
            for override in num.iterchildren(W + "lvlOverride"):
                start = int_attr(override.find(W + "startOverride"))
                if start is not None:
                    overrides[int_attr_named(override, "ilvl")] = start
            abstract_id = abstract_el.get(W + "val", "") if abstract_el is not None else ""
            self._nums[num.get(W + "numId", "")] = (abstract_id, overrides)

    def label(self, para: Paragraph) -> str | None:
        """The printed number of `para` (None for bullets and unnumbered paragraphs)."""
        if para.num_id is None or para.num_id not in self._nums:
            return None
        abstract_id, overrides = self._nums[para.num_id]
        levels = self._abstract.get(abstract_id, {})
        ilvl = max(0, min(8, para.num_level))
        # Lists that share an abstract numbering continue each other unless restarted.
        key = f"n{para.num_id}" if overrides else f"a{abstract_id}"
        counters = self._counters.setdefault(key, {})
        level = levels.get(ilvl, _Level())
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none") or not level.text:
            return None

        def render(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            lvl = levels.get(n, _Level())
            value = counters.get(n, overrides.get(n, lvl.start))
            return _format(value, level.fmt if n == ilvl else lvl.fmt)

        return _PLACEHOLDER.sub(render, level.text).strip() or None


def int_attr_named(element: Any, name: str) -> int:
    try:
        return int(element.get(W + name, "0"))
    except ValueError:
        return 0


def _read_level(lvl: Any) -> _Level:
    fmt_el = lvl.find(W + "numFmt")
    text_el = lvl.find(W + "lvlText")
    return _Level(
        fmt=fmt_el.get(W + "val", "decimal") if fmt_el is not None else "decimal",
        text=text_el.get(W + "val", "") if text_el is not None else "",
        start=int_attr(lvl.find(W + "start"), 1) or 0,
    )
