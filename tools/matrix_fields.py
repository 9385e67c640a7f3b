"""Why fields of found records are wrong: a tally over the layout matrix by short cause.

    python tools/matrix_fields.py [--where dim=value] [--only NAME] [--examples N] [--json F]

Extracts every rendering of the matrix (samples.matrix's design and cache),
matches found records to expected ones exactly as the scorer does
(planparse.accuracy.match_records), and for every matched record whose field
differs from the expected value names a cause ("items split", "marker left",
"numbering in text", ...).  Unmatched records are F1's business and are only
counted.  The table is sorted by count so the biggest causes come first;
`--examples` prints that many (expected, found) pairs per cause.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planparse.accuracy import FIELDS, match_records  # noqa: E402
from planparse.common.glyphs import bullet_markers  # noqa: E402

LIST_FIELDS = ("actions", "owners", "indicators")
_NUMBER_MARK = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVXivx]{1,5}[.)]|[a-z]\))\s")
_PRIVATE = re.compile("[\ue000-\uf8ff]|\\(cid:\\d+\\)")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _starts_marker(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0] in bullet_markers() or bool(_PRIVATE.match(stripped)))


def list_cause(exp: list[str], got: list[str]) -> str:
    """A short name for how a list field went wrong."""
    if not got:
        return "empty (expected items)"
    if not exp:
        return "items where none expected"
    if any(_PRIVATE.search(g) for g in got):
        return "private-use glyph in text"
    if any(_starts_marker(g) for g in got) and not any(_starts_marker(e) for e in exp):
        return "marker left"
    if any(_NUMBER_MARK.match(g) for g in got) and not any(_NUMBER_MARK.match(e) for e in exp):
        return "numbering in text"
    joined_e, joined_g = _norm(" ".join(exp)), _norm(" ".join(got))
    if joined_e == joined_g:
        return "items split" if len(got) > len(exp) else "items joined" if len(got) < len(exp) else "items cut elsewhere"
    if len(got) == len(exp):
        bad = [(e, g) for e, g in zip(exp, got) if e != g]
        if all(g.replace(" ", "") == e.replace(" ", "") for e, g in bad):
            return "spacing differs"
        if all(e in g for e, g in bad):
            return "item has extra text"
        if all(g in e for e, g in bad):
            return "item lost text"
        return "item text differs"
    if joined_g.startswith(joined_e) or joined_e in joined_g:
        return "extra text/items (from another row?)"
    if joined_e.startswith(joined_g) or joined_g in joined_e:
        return "lost text/items (to another row?)"
    return "different items"


def id_cause(exp: str | None, got: str | None) -> str:
    if got is None:
        return "id missing"
    if exp is None:
        return "id where none expected"
    return "id differs"


def text_cause(exp: str | None, got: str | None) -> str:
    if got is None:
        return "missing"
    if exp is None:
        return "where none expected"
    if _NUMBER_MARK.match(got) and not _NUMBER_MARK.match(exp):
        return "numbering in text"
    if _PRIVATE.search(got):
        return "private-use glyph in text"
    if exp in got:
        return "has extra text"
    if got in exp:
        return "lost text"
    if got.replace(" ", "") == exp.replace(" ", ""):
        return "spacing differs"
    return "text differs"


def source_cause(exp: dict, got: dict) -> str:
    parts = [k for k in ("page", "table", "row") if (exp or {}).get(k) != (got or {}).get(k)]
    return "source." + "+".join(parts)


def extra_cause(exp: dict, got: dict) -> str:
    exp, got = exp or {}, got or {}
    if set(exp) != set(got):
        return "keys differ"
    return "value " + text_cause(*next((exp[k], got[k]) for k in exp if exp[k] != got[k]))


def cause(field: str, exp: Any, got: Any) -> str:
    if field in LIST_FIELDS:
        return list_cause(exp or [], got or [])
    if field in ("goal_id", "action_id"):
        return id_cause(exp, got)
    if field == "source":
        return source_cause(exp, got)
    if field == "extra":
        return extra_cause(exp, got)
    return text_cause(exp, got)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--where", action="append", default=[], metavar="DIM=VALUE")
    parser.add_argument("--only", default=None)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--field", default=None, help="examples only for this field")
    parser.add_argument("--json", type=Path, default=None, help="write every wrong field (file, field, cause, expected, found)")
    args = parser.parse_args(argv)

    from planparse import extract
    from planparse.errors import PlanparseError
    from samples.matrix.__main__ import design
    from samples.matrix.content import load_contents
    from samples.matrix.dimensions import combo_id
    from samples.matrix.render import render_all

    combos = design()
    for cond in args.where:
        dim, _, value = cond.partition("=")
        combos = [c for c in combos if c.get(dim) == value]
    if args.only:
        combos = [c for c in combos if args.only in f"{c['content']}--{combo_id(c)}"]
    renderings = render_all(combos, load_contents())
    tally: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list] = defaultdict(list)
    wrong: list[dict] = []
    expected_n = matched_n = 0
    for r in renderings:
        expected = json.loads(r.expected.read_text(encoding="utf-8"))["records"]
        try:
            found = extract(r.pdf).to_dict()["records"]
        except PlanparseError:
            found = []
        pairs = match_records(expected, found)
        expected_n += len(expected)
        matched_n += len(pairs)
        for i, j in pairs:
            for f in FIELDS:
                e, g = expected[i].get(f), found[j].get(f)
                if e != g:
                    c = cause(f, e, g)
                    tally[(f, c)] += 1
                    examples[(f, c)].append((r.name, e, g))
                    wrong.append({"file": r.name, "field": f, "cause": c, "expected": e, "found": g})
    print(f"{len(renderings)} renderings, {expected_n} expected records, {matched_n} matched, "
          f"{expected_n - matched_n} unmatched (F1's share)")
    print(f"{'field':12} {'cause':40} {'count':>6}")
    for (f, c), n in tally.most_common():
        print(f"{f:12} {c:40} {n:>6}")
    per_field = Counter()
    for (f, _), n in tally.items():
        per_field[f] += n
    print("wrong fields of matched records: " + "  ".join(f"{f} {per_field[f]}" for f in FIELDS))
    if args.examples:
        for key, n in tally.most_common():
            if args.field and key[0] != args.field:
                continue
            print(f"\n== {key[0]}: {key[1]} ({n})")
            for name, e, g in examples[key][: args.examples]:
                print(f"  {name}\n    exp: {json.dumps(e, ensure_ascii=False)[:300]}\n    got: {json.dumps(g, ensure_ascii=False)[:300]}")
    if args.json:
        args.json.write_text(json.dumps(wrong, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
