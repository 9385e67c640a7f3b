"""Score planparse on the renderings: per file and per dimension value.

Uses planparse.accuracy's scorer (record F1 by goal + action text, field
exact rates, left-over broken words), so the figures mean what they mean for
the committed samples.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from planparse.accuracy import FIELDS, SampleScore, precision_recall_f1, score_document

from .render import Rendering


def score_rendering(r: Rendering) -> SampleScore:
    """Extract one rendering with planparse and compare with its expected output."""
    from planparse import extract
    from planparse.errors import PlanparseError

    expected = json.loads(r.expected.read_text(encoding="utf-8"))
    try:
        found = extract(r.pdf).to_dict()
    except PlanparseError as err:
        return SampleScore(r.name, len(expected["records"]), 0, 0, error=err.one_line())
    return score_document(r.name, expected, found)


def field_exact_all(s: SampleScore) -> float:
    """Share of expected records whose every field (source included) is exact; the mean over fields."""
    return sum(s.field_exact.values()) / len(s.field_exact) if s.field_exact else 0.0


def aggregate(scores: list[SampleScore]) -> dict[str, Any]:
    """Micro-averaged record F1, mean field exact (over fields, weighted by records), broken words."""
    expected = sum(s.expected for s in scores)
    found = sum(s.found for s in scores)
    matched = sum(s.matched for s in scores)
    ok = [s for s in scores if not s.error]
    per_field = {f: (sum(s.field_exact[f] * s.expected for s in ok) / expected if expected else 0.0) for f in FIELDS}
    return {
        "files": len(scores),
        "errors": len(scores) - len(ok),
        "expected": expected,
        "found": found,
        "matched": matched,
        "f1": precision_recall_f1(matched, found, expected)[2],
        "field_exact": sum(per_field.values()) / len(per_field),
        "fields": per_field,
        "broken": sum(len(s.broken) for s in ok),
    }


def by_dimension(renderings: list[Rendering], scores: list[SampleScore]) -> dict[str, dict[str, dict[str, Any]]]:
    """dimension -> value -> aggregate over the renderings with that value."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for dim in renderings[0].combo:
        values: dict[str, list[SampleScore]] = {}
        for r, s in zip(renderings, scores):
            values.setdefault(r.combo[dim], []).append(s)
        out[dim] = {v: aggregate(ss) for v, ss in sorted(values.items())}
    return out


def report(renderings: list[Rendering], scores: list[SampleScore]) -> dict[str, Any]:
    """Everything the text and JSON outputs show."""
    files = []
    for r, s in zip(renderings, scores):
        files.append({"name": r.name, "pdf": str(r.pdf), "expected": str(r.expected), "combination": r.combo,
                      **asdict(s), "f1": s.f1, "exact": field_exact_all(s)})
    return {"total": aggregate(scores), "dimensions": by_dimension(renderings, scores), "files": files}


def format_report(rep: dict[str, Any], worst: int = 15) -> str:
    """Per-dimension table, then the worst files, then the total."""
    lines = [f"{'dimension=value':40} {'files':>5} {'exp':>5} {'found':>5} {'F1':>5} {'exact':>5} {'broken':>6}"]
    for dim, values in rep["dimensions"].items():
        lines.append("-" * len(lines[0]))
        for value, a in values.items():
            lines.append(f"{dim + '=' + value:40} {a['files']:>5} {a['expected']:>5} {a['found']:>5} {a['f1']:5.2f} {a['field_exact']:5.2f} {a['broken']:>6}")
    lines.append("=" * len(lines[0]))
    t = rep["total"]
    lines.append(f"{'ALL':40} {t['files']:>5} {t['expected']:>5} {t['found']:>5} {t['f1']:5.2f} {t['field_exact']:5.2f} {t['broken']:>6}")
    lines.append("fields (exact): " + "  ".join(f"{k} {v:.2f}" for k, v in t["fields"].items()))
    lines.append("")
    ranked = sorted(rep["files"], key=lambda f: (f["f1"], f["exact"], -len(f["broken"])))
    lines.append(f"worst {min(worst, len(ranked))} files (of {len(ranked)}):")
    for f in ranked[:worst]:
        c = f["combination"]
        what = f"{c['producer']},{c['ruling']},repeat={c['header_repeat']},{c['goal']},{c['columns']},{c['page']},{c['bullets']}"
        err = f"  ERROR {f['error']}" if f["error"] else ""
        lines.append(f"  {f['name']:40} F1 {f['f1']:.2f} exact {f['exact']:.2f} broken {len(f['broken']):>3}  {what}{err}")
    return "\n".join(lines)


def write_json(rep: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(rep, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
