"""Render the layout matrix (cached) and score planparse on it.

    python -m samples.matrix                  # the whole matrix (covering design, ~100 renderings)
    python -m samples.matrix --slice          # the CI slice (every value of every dimension once)
    python -m samples.matrix --json out.json  # also write the figures as JSON
    python -m samples.matrix --render-only    # render and write expected outputs, no scoring
    python -m samples.matrix --list           # print the combinations, render nothing
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .content import load_contents
from .dimensions import combo_id, covering_design, dimensions, value_slice
from .paths import CACHE

SEED = 10


def design(slice_only: bool = False, seed: int = SEED) -> list[dict[str, str]]:
    """The matrix's combinations (deterministic for a seed); the slice is a subset of the full design."""
    contents = load_contents()
    dims = dimensions(contents)
    full = covering_design(dims, seed=seed)
    return value_slice(full, dims) if slice_only else full


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.matrix", description=__doc__.splitlines()[0])
    parser.add_argument("--slice", action="store_true", help="only the small CI slice")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--only", default=None, help="only renderings whose name contains this (e.g. a content name)")
    parser.add_argument("--where", action="append", default=[], metavar="DIM=VALUE", help="only combinations with this value (repeatable)")
    parser.add_argument("--producer", choices=["libreoffice", "reportlab"], default=None)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--json", type=Path, default=None, help="write the per-file and per-dimension figures here")
    parser.add_argument("--render-only", action="store_true")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--worst", type=int, default=15)
    args = parser.parse_args(argv)

    combos = design(args.slice, args.seed)
    if args.producer:
        combos = [c for c in combos if c["producer"] == args.producer]
    for cond in args.where:
        dim, _, value = cond.partition("=")
        combos = [c for c in combos if c.get(dim) == value]
    if args.only:
        combos = [c for c in combos if args.only in f"{c['content']}--{combo_id(c)}"]
    if args.list:
        for c in combos:
            print(f"{c['content']}--{combo_id(c)}\t{json.dumps(c, ensure_ascii=False)}")
        return 0
    if not combos:
        print("matrix: no combination selected", file=sys.stderr)
        return 2
    from .render import render_all

    skipped: list[str] = []
    renderings = render_all(combos, load_contents(), args.cache, skipped=skipped)
    if args.render_only:
        return 0
    from .score import format_report, report, score_rendering, write_json

    scores = []
    for r in renderings:
        scores.append(score_rendering(r))
        print(f"matrix: scored {r.name}: F1 {scores[-1].f1:.2f}", file=sys.stderr)
    rep = report(renderings, scores)
    print(format_report(rep, args.worst))
    for line in skipped:  # renderings the matrix could not use, and why
        print(f"skipped (not scored): {line}")
    if args.json:
        write_json(rep, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
