"""Indicator boxes of an infographic -> `indicators` (planparse/1.1).

The extractor hands over free-standing text boxes (geometry only).  Here
they are read: a main-goal heading ("1.1 | PÄÄTAVOITE I: ..."), sub-goal
headings ("1. Lasten ja nuorten arvostaminen" with its "Muutos on ..." note),
and indicator boxes (label lines, figures each with the line under it, a
smaller reference number).  A box belongs to the sub-goal heading above it
in its column (the nearest heading above that starts at or left of the box,
the rightmost such column first), and to the main goal in force.  The same
box (name, ref, values) under several sub-goals of one main goal is one
indicator listing all of them.  National values and sources come from the
numbered source list ("28. Name: ... koko maa: 17,1 %. | Kouluterveyskysely 2019").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from planparse.common.datafile import load_yaml

from ..intermediate import BoxLine, RawDocument, TextBox
from ..model import Indicator, IndicatorGoal, IndicatorValue
from planparse.normalize.tables.cells import TextJoiner
from .sentences import split_sentences
from .text import clean_text

_FIGURE = re.compile(r"^([-−–]?\d{1,3}(?:[ \u00a0]?\d{3})*|[-−–]?\d+)(?:,(\d+))?\s*(%?)$")
_OUTLINE = re.compile(r"^\s*\d+(?:\.\d+)*\s*\|\s*")
_SUBGOAL = re.compile(r"^(\d{1,2})\.\s+\S")
_ENTRY = re.compile(r"^(\d{1,3})\.\s+(.+)$", re.DOTALL)
COLUMN_SLACK = 10.0  # points a box may start left of its heading
MIN_LABEL_SHARE = 0.75  # of a box label's characters that are letters
MIN_REFERENCED = 2  # boxes with a reference number a document needs when none stands under a main goal


@lru_cache(maxsize=1)
def _vocab() -> dict[str, list[str]]:
    path = resources.files("planparse.normalize").joinpath("data/indicators.yaml")
    data = load_yaml(path.read_text(encoding="utf-8"))
    return {k: sorted((w.casefold() for lang in v.values() for w in lang), key=len, reverse=True) for k, v in data.items()}


def _starts(text: str, kind: str) -> bool:
    cf = text.casefold()
    return any(cf.startswith(w) for w in _vocab()[kind])


def parse_figure(text: str) -> IndicatorValue | None:
    """ "7,9 %" -> 7.9 %, "88 %" -> 88 %, "1820" -> 1820 (no unit); else None."""
    match = _FIGURE.match(text.strip().replace("−", "-").replace("–", "-"))
    if not match:
        return None
    whole, dec, unit = match.groups()
    whole = whole.replace(" ", "").replace("\u00a0", "")
    value: int | float = float(f"{whole}.{dec}") if dec is not None else int(whole)
    return IndicatorValue(value, unit or None)


# ---------------------------------------------------------------- boxes


@dataclass
class SubGoal:
    goal: IndicatorGoal
    page: int
    x0: float
    top: float


@dataclass
class BoxReading:
    name: str
    ref: str | None
    values: list[IndicatorValue]
    page: int
    x0: float
    top: float
    heads: list[SubGoal] = field(default_factory=list)  # the sub-goal headings read before it on its main goal


def read_box(box: TextBox, joiner: TextJoiner) -> BoxReading | None:
    """An indicator box: label lines, then figures each with the line under it; a
    lone number smaller than the figures is its reference."""
    lines = list(box.lines)
    figures = [ln for ln in lines if parse_figure(ln.text) is not None]
    if not figures:
        return None
    big = max(ln.size for ln in figures)
    ref_line = next((ln for ln in reversed(lines) if ln.text.isdigit() and len(ln.text) <= 3 and ln.size < big - 0.5), None)
    rest = [ln for ln in lines if ln is not ref_line]
    first = next(i for i, ln in enumerate(rest) if parse_figure(ln.text) is not None and ln.size >= big - 0.5)
    label = [ln.text for ln in rest[:first]]
    name = joiner.join(label) if label else None
    if not name or big < max(ln.size for ln in rest[:first]) + 1.0:
        return None  # an infographic sets its figures larger than the label; a table does not
    values: list[IndicatorValue] = []
    for ln in rest[first:]:
        fig = parse_figure(ln.text) if ln.size >= big - 0.5 else None
        if fig is not None:
            values.append(fig)
        elif values:
            values[-1].group = clean_text(f"{values[-1].group or ''} {ln.text}")
    if not _reads_as_label(name) or (len(values) > 1 and not all(v.group for v in values)):
        return None  # figures under a column head (a table), not a box: several values need their groups
    return BoxReading(name, ref_line.text if ref_line else None, values, box.page, box.bbox[0], box.bbox[1])


def _reads_as_label(name: str) -> bool:
    """Mostly letters, with a word of three letters or more."""
    chars = [c for c in name if not c.isspace()]
    letters = sum(c.isalpha() for c in chars)
    return letters >= MIN_LABEL_SHARE * len(chars) and any(len(w) >= 3 and w.isalpha() for w in re.findall(r"\w+", name))


def read_subgoal(box: TextBox, joiner: TextJoiner) -> SubGoal | None:
    """A numbered heading with no figures; the note is what follows it in another style or after its cue."""
    lines = box.lines
    if not lines or not _SUBGOAL.match(lines[0].text) or any(parse_figure(ln.text) for ln in lines):
        return None
    head: list[BoxLine] = [lines[0]]
    for ln in lines[1:]:
        if _starts(ln.text, "note_openings") or ln.bold != lines[0].bold or abs(ln.size - lines[0].size) > 0.5:
            break
        head.append(ln)
    note_lines = lines[len(head):]
    text = joiner.join([ln.text for ln in head]) or ""
    match = _SUBGOAL.match(text)
    goal_id = match.group(1) if match else None
    goal = clean_text(text[len(goal_id) + 1:]) if goal_id else text
    note = joiner.join([ln.text for ln in note_lines]) if note_lines else None
    return SubGoal(IndicatorGoal(goal_id, goal, note), box.page, box.bbox[0], box.bbox[1])


def read_main_goal(box: TextBox, joiner: TextJoiner) -> str | None:
    if not box.lines:
        return None
    first = _OUTLINE.sub("", box.lines[0].text)
    if not _starts(first, "main_goal_labels"):
        return None
    return joiner.join([first] + [ln.text for ln in box.lines[1:]])


def _owner(box: BoxReading, heads: list[SubGoal], last: SubGoal | None) -> SubGoal | None:
    above = [h for h in heads if h.page == box.page and h.top < box.top and h.x0 <= box.x0 + COLUMN_SLACK]
    if not above:
        return last
    right = max(h.x0 for h in above)
    column = [h for h in above if h.x0 >= right - 5.0]
    return max(column, key=lambda h: h.top)


# ---------------------------------------------------------------- the source list


@dataclass
class SourceEntry:
    national: list[IndicatorValue] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _national_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in _vocab()["national"])
    return re.compile(rf"(?<!\w)(?:{cues})\s*:?\s*([-−–]?\d+(?:,\d+)?)\s*(%)?", re.IGNORECASE)


def _group(segment: str) -> str | None:
    seg = segment.strip(" ,;:\n")
    if not seg or seg.endswith("."):
        return None
    seg = seg.lstrip(". ")
    sentences = split_sentences(seg)
    seg = sentences[-1] if sentences else seg
    for prefix in _vocab()["group_prefixes"]:
        if seg.casefold().startswith(prefix):
            seg = seg[len(prefix):].lstrip(" .,:")
    return clean_text(seg)


def _national(part: str, start: int) -> list[IndicatorValue]:
    out = []
    pos = start
    for match in _national_pattern().finditer(part, start):
        fig = parse_figure(f"{match.group(1)} {match.group(2) or ''}".strip())
        if fig is None:
            continue
        fig.group = _group(part[pos:match.start()])
        out.append(fig)
        pos = match.end()
    return out


def source_entries(raw: RawDocument, joiner: TextJoiner) -> dict[str, SourceEntry]:
    """Numbered paragraphs that name sources ("| Kouluterveyskysely 2019"), by number."""
    labels = _vocab()["source_labels"]
    out: dict[str, SourceEntry] = {}
    for block in raw.blocks:
        if block.kind != "paragraph":
            continue
        text = joiner.join(block.lines) or ""
        match = _ENTRY.match(text)
        if not match:
            continue
        body = text
        for label in labels:
            body = re.sub(re.escape(label), "|", body, flags=re.IGNORECASE)
        if "|" not in body:
            continue
        parts = body.split("|")
        entry = SourceEntry()
        for i, part in enumerate(parts):
            start = 0
            if i == 0:
                colon = part.find(":")
                start = colon + 1 if colon >= 0 else len(match.group(1)) + 1
            values = _national(part, start)
            if values:
                entry.national.extend(values)
            elif i > 0 and clean_text(part):
                entry.sources.append(clean_text(part.strip().rstrip(".")) or "")
        out.setdefault(match.group(1), entry)
    return out


# ---------------------------------------------------------------- the document


Box = tuple[int, tuple[float, float, float, float]]


def build_indicators(raw: RawDocument, joiner: TextJoiner) -> tuple[list[Indicator], list[Box]]:
    """Every distinct box per main goal, with its sub-goals and source-list entry;
    and (page, bbox) of every text box read as an indicator or a goal heading."""
    if not raw.text_boxes:
        return [], []
    main_goal: str | None = None
    heads: list[SubGoal] = []
    readings: list[tuple[str | None, BoxReading]] = []
    used: list[Box] = []
    for box in sorted(raw.text_boxes, key=lambda b: (b.page, round(b.bbox[1]), b.bbox[0])):
        main = read_main_goal(box, joiner)
        if main:
            main_goal, heads = main, []
            continue
        head = read_subgoal(box, joiner)
        if head:
            heads.append(head)
            used.append((box.page, box.bbox))
            continue
        reading = read_box(box, joiner)
        if reading is not None:
            reading.heads = list(heads)
            readings.append((main_goal, reading))
            used.append((box.page, box.bbox))
    found: dict[tuple[Any, ...], Indicator] = {}
    last: SubGoal | None = None
    entries = source_entries(raw, joiner) if readings else {}
    for main, reading in readings:
        owner = _owner(reading, reading.heads, last)
        last = owner or last
        key = (main, reading.name, reading.ref, tuple((v.value, v.unit, v.group) for v in reading.values))
        ind = found.get(key)
        if ind is None:
            entry = entries.get(reading.ref or "", SourceEntry())
            ind = found[key] = Indicator(
                name=reading.name, ref=reading.ref, values=reading.values,
                national=[IndicatorValue(v.value, v.unit, v.group) for v in entry.national],
                sources=list(entry.sources), main_goal=main, page=reading.page)
        if owner is not None and all(g.goal_id != owner.goal.goal_id for g in ind.goals):
            ind.goals.append(owner.goal)
    indicators = list(found.values())
    if not any(i.main_goal for i in indicators) and sum(1 for i in indicators if i.ref) < MIN_REFERENCED:
        return [], []  # loose figures, not an infographic of indicators
    for ind in indicators:
        ind.goals.sort(key=lambda g: (len(g.goal_id or ""), g.goal_id or ""))
    return indicators, used
