"""The layout dimensions of the matrix and a seeded covering design over them.

Rendering the full cartesian product (millions of layouts) is neither
possible nor useful.  A covering design is: every pair of values of any two
dimensions appears in at least one rendering, and, for the dimensions whose
interplay breaks table readers (producer x ruling x header repeat x goal
printing), every combination appears.  The design is built greedily from a
seeded random generator, so the same seed always gives the same renderings.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
from typing import Iterable

# Dimension name -> its values.  "content" is filled in from the content YAMLs.
LAYOUT_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "producer": ("libreoffice", "reportlab"),
    "ruling": ("grid", "none", "hrules", "frame", "header-rule", "shaded-header"),
    "header_repeat": ("yes", "no"),
    "goal": ("merged-top", "merged-centre", "repeated", "first-row-only"),
    "columns": ("as-designed", "permuted", "one-narrow"),
    "page": ("a4-portrait", "a4-landscape", "a5"),
    "font": ("sans", "serif"),
    "font_size": ("8", "9", "10", "11"),
    "bullets": ("bullet", "en-dash", "hyphen", "symbol", "numbered", "none"),
    "row_split": ("allowed", "kept-whole"),
    "between_tables": ("same-page", "new-page"),
    "furniture": ("none", "header-footer"),
}

# Every combination of these dimensions' values is rendered at least once.
STRONG_GROUPS: tuple[tuple[str, ...], ...] = (("producer", "ruling", "header_repeat", "goal"),)

# Pairs of values never rendered together: an A5 page of five or six columns in
# 10-11 pt leaves columns narrower than one word, which no author prints.
FORBIDDEN: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("page", "a5"), ("font_size", "10")),
    (("page", "a5"), ("font_size", "11")),
)

Combination = dict[str, str]


def allowed(combo: Combination) -> bool:
    return not any(all(combo.get(d) == v for d, v in pair) for pair in FORBIDDEN)


def dimensions(contents: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """All dimensions, the plan content first."""
    return {"content": tuple(sorted(contents)), **LAYOUT_DIMENSIONS}


def combo_id(combo: Combination) -> str:
    """A short stable name for one combination (its values hashed)."""
    text = json.dumps(combo, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _required(dims: dict[str, tuple[str, ...]]) -> set[tuple[tuple[str, str], ...]]:
    """The value tuples the design must cover: all pairs, and every strong group in full."""
    names = list(dims)
    need: set[tuple[tuple[str, str], ...]] = set()
    for a, b in itertools.combinations(names, 2):
        for va in dims[a]:
            for vb in dims[b]:
                need.add(((a, va), (b, vb)))
    for group in STRONG_GROUPS:
        group = tuple(g for g in names if g in group)  # dimension order
        for values in itertools.product(*(dims[g] for g in group)):
            need.add(tuple(zip(group, values)))
    return {key for key in need if allowed(dict(key))}


def _covered(combo: Combination, need: set, groups: list[tuple[str, ...]]) -> set:
    out = set()
    for group in groups:
        key = tuple((g, combo[g]) for g in group)
        if key in need:
            out.add(key)
    return out


def covering_design(dims: dict[str, tuple[str, ...]], seed: int = 10, candidates: int = 12) -> list[Combination]:
    """Greedy seeded covering design: each round keeps the candidate covering most uncovered tuples."""
    rng = random.Random(seed)
    names = list(dims)
    need = _required(dims)
    groups = sorted({tuple(name for name, _ in key) for key in need})
    groups_of = {name: [g for g in groups if name in g] for name in names}
    design: list[Combination] = []
    while need:
        best, best_gain = None, -1
        ordered = sorted(need)
        for _ in range(candidates):
            seed_tuple = rng.choice(ordered)
            while True:
                combo = {name: rng.choice(dims[name]) for name in names}
                combo.update(dict(seed_tuple))
                if allowed(combo):
                    break
            fixed = {name for name, _ in seed_tuple}
            # improve each free dimension in turn
            for name in rng.sample(names, len(names)):
                if name in fixed:
                    continue
                scores = []
                for value in dims[name]:
                    trial = {**combo, name: value}
                    if not allowed(trial):
                        continue
                    scores.append((len(_covered(trial, need, groups_of[name])), rng.random(), value))
                combo[name] = max(scores)[2]
            gain = len(_covered(combo, need, groups))
            if gain > best_gain:
                best, best_gain = combo, gain
        need -= _covered(best, need, groups)
        design.append(best)
    return design


def value_slice(design: list[Combination], dims: dict[str, tuple[str, ...]], skip: Iterable[str] = ()) -> list[Combination]:
    """A few rows of `design` that together show every value of every dimension (but `skip`)."""
    missing = {(name, value) for name, values in dims.items() if name not in skip for value in values}
    chosen: list[Combination] = []
    while missing:
        best = max(design, key=lambda c: (len(missing & set(c.items())), -design.index(c)))
        gain = missing & set(best.items())
        if not gain:
            break
        chosen.append(best)
        missing -= gain
    return chosen
