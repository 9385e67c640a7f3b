"""Accuracy of planparse on samples with reviewed expected outputs.

    python -m planparse.accuracy samples/ tests/expected/ [--corpus ../shared/corpus]
    python -m planparse.accuracy --matrix [--slice] [--json F]   (the layout matrix, samples/matrix)

For every expected file `<name>.json` (a planparse document) it extracts
`samples/<name>` (or, for `corpus/<name>.json`, the file of that name found
under the corpus folder) and prints, per sample: records expected/found,
record F1 (records matched one-to-one by goal + action text), the
exact-match rate of every field over the expected records (an unmatched
expected record counts as a miss), and left-over broken words (tokens with a
line-break hyphen that the expected text does not have).

Two more tables follow for the samples that have them: records of plans
written as prose (source.table null) scored alone the same way, and
indicator boxes, matched on (main_goal, ref, name), with the exact-match
rate of their values, national values, sources and sub-goals.

A last line of the first table gives the `metadata` fields (period,
organization, reference, decision, contacts) that came out exactly as
expected, over every document whose expected output has metadata.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from rapidfuzz import fuzz

from planparse.normalize.repair.language import function_words

METADATA_FIELDS = ("period", "organization", "reference", "decision", "contacts")
FIELDS = ("section", "goal_id", "goal", "action_id", "actions", "owners", "indicators", "schedule", "extra", "source")
INDICATOR_FIELDS = ("values", "national", "sources", "goals", "source")
MATCH_THRESHOLD = 90.0  # rapidfuzz ratio (0-100) of goal+action text for two records to be "the same row"
_HYPHEN_TOKEN = re.compile(r"[\w\u00c0-\u024f]+[-\u00ad\u2010\u2011][\w\u00c0-\u024f]*")
# a whole word with its hyphens, and the hyphens a word is split at (for `_fewer_hyphens`)
_HYPHENATED_WORD = re.compile(r"[\w\u00c0-\u024f]+(?:[-\u00ad\u2010\u2011][\w\u00c0-\u024f]*)+")
_HYPHEN_SPLIT = re.compile(r"[-\u00ad\u2010\u2011]")
_SUSPENDED_NEXT = "|".join(sorted(function_words("suspended_before", "fi") | function_words("suspended_before", "sv")))
# "tie- topohjan": a hyphen, a space and a lower-case word that is not a conjunction
# after a suspended hyphen (the same conjunctions the repair uses, from data/function_words.yaml).
_DANGLING = re.compile(rf"[\w\u00c0-\u024f]+[-\u00ad\u2010\u2011]\s+(?!(?:{_SUSPENDED_NEXT})\b)[a-zåäö]\w*")


def precision_recall_f1(correct: int, found: int, expected: int) -> tuple[float, float, float]:
    """P, R and F1 of `correct` hits among `found` items against `expected` ones.

    Nothing expected and nothing found is a perfect score; the ICDAR table
    scorer (tools/score_tables/icdar2013.py) uses the same rule.
    """
    precision = correct / found if found else (1.0 if not expected else 0.0)
    recall = correct / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def record_key(record: dict[str, Any]) -> str:
    """The text that identifies a row: its goal and its actions."""
    return f"{record.get('goal') or ''} || {' '.join(record.get('actions') or [])}".strip()


def match_records(expected: list[dict], found: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (expected index, found index), best similarity first."""
    exp_keys = [record_key(r) for r in expected]
    found_keys = [record_key(r) for r in found]
    candidates: list[tuple[float, int, int, int]] = []
    for i, ek in enumerate(exp_keys):
        for j, fk in enumerate(found_keys):
            score = 100.0 if ek == fk else fuzz.ratio(ek, fk)
            if score >= MATCH_THRESHOLD:
                # Prefer the same position in the table when texts tie (repeated rows).
                candidates.append((score, -abs(i - j), i, j))
    candidates.sort(reverse=True)
    used_e: set[int] = set()
    used_f: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, i, j in candidates:
        if i not in used_e and j not in used_f:
            used_e.add(i)
            used_f.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _texts(item)


def _fewer_hyphens(word: str) -> set[str]:
    """`word` with one or more of its hyphens taken out ("tasa-arvo-ryhmä" -> "tasa-arvoryhmä",
    "tasaarvo-ryhmä", "tasaarvoryhmä")."""
    parts = _HYPHEN_SPLIT.split(word)
    seams = len(parts) - 1
    if not 0 < seams <= 6:
        return set()
    out = set()
    for mask in range(1, 2**seams):  # bit i set: seam i closed up
        text = parts[0]
        for i, part in enumerate(parts[1:]):
            text += ("" if mask >> i & 1 else "-") + part
        out.add(text)
    return out


def broken_words(found: dict, expected: dict | None) -> list[str]:
    """Tokens in a found record that look like an unrepaired line-break hyphen.

    A word whose every hyphen the expected word has at the same place, the expected word
    having one more ("tasa-arvoryhmä" for "tasa-arvo-ryhmä"), lost a printed hyphen: no
    line-break hyphen is left in it, so it is no broken word (the field is not exact,
    which field exact counts), as a lost hyphen in a word without another one never was.
    """
    text_fields = ("section", "goal", "actions", "owners", "indicators", "schedule", "extra")
    expected_tokens: set[str] = set()
    lost_hyphen: set[str] = set()
    expected_text = ""
    if expected is not None:
        expected_text = "\n".join(t for name in text_fields for t in _texts(expected.get(name)))
        expected_tokens.update(_HYPHEN_TOKEN.findall(expected_text))
        for word in set(_HYPHENATED_WORD.findall(expected_text)):
            lost_hyphen.update(_fewer_hyphens(word))
    bad: list[str] = []
    for name in text_fields:
        for text in _texts(found.get(name)):
            # "tie- topohjan" left as two words; unless the document printed it so
            # (a typed "esteettömyys- standardin" that the expected text keeps too).
            bad.extend(m.group(0) for m in _DANGLING.finditer(text) if m.group(0) not in expected_text)
            if expected is not None:
                for word in _HYPHENATED_WORD.finditer(text):
                    if word.group(0) in lost_hyphen:
                        continue
                    bad.extend(tok for tok in _HYPHEN_TOKEN.findall(word.group(0)) if tok not in expected_tokens)
    return bad


@dataclass
class SampleScore:
    """One sample's figures: record counts and matches, field exact-match rates, broken words."""

    name: str
    expected: int
    found: int
    matched: int
    field_exact: dict[str, float] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)
    title_ok: bool = True
    error: str | None = None
    prose: "SampleScore | None" = None  # the same measures over prose records only
    indicators: "IndicatorScore | None" = None
    metadata_exact: dict[str, bool] = field(default_factory=dict)  # {} when nothing is expected

    @property
    def f1(self) -> float:
        return precision_recall_f1(self.matched, self.found, self.expected)[2]


@dataclass
class IndicatorScore:
    """Indicator boxes: matched on (main_goal, ref, name); exact-match rate of each field over the expected ones."""

    expected: int
    found: int
    matched: int
    field_exact: dict[str, float] = field(default_factory=dict)

    @property
    def f1(self) -> float:
        return precision_recall_f1(self.matched, self.found, self.expected)[2]


def indicator_key(indicator: dict[str, Any]) -> tuple:
    return (indicator.get("main_goal"), indicator.get("ref"), indicator.get("name"))


def score_indicators(expected: list[dict], found: list[dict]) -> IndicatorScore:
    by_key: dict[tuple, dict] = {}
    for ind in found:
        by_key.setdefault(indicator_key(ind), ind)
    pairs = [(e, by_key[indicator_key(e)]) for e in expected if indicator_key(e) in by_key]
    exact = {f: (sum(1 for e, g in pairs if e.get(f) == g.get(f)) / len(expected) if expected else 1.0) for f in INDICATOR_FIELDS}
    return IndicatorScore(len(expected), len(found), len(pairs), exact)


def _is_prose(record: dict[str, Any]) -> bool:
    return (record.get("source") or {}).get("table") is None


def score_document(name: str, expected_doc: dict, found_doc: dict) -> SampleScore:
    """Compare one extracted document with its expected output (records, prose records, indicators)."""
    score = _score_records(name, expected_doc, found_doc, expected_doc["records"], found_doc["records"])
    exp_prose = [r for r in expected_doc["records"] if _is_prose(r)]
    got_prose = [r for r in found_doc["records"] if _is_prose(r)]
    if exp_prose or got_prose:
        score.prose = _score_records(name, expected_doc, found_doc, exp_prose, got_prose)
        score.prose.metadata_exact = {}  # the document's metadata is scored once, with all its records
    exp_ind, got_ind = expected_doc.get("indicators") or [], found_doc.get("indicators") or []
    if exp_ind or got_ind:
        score.indicators = score_indicators(exp_ind, got_ind)
    return score


def _score_records(name: str, expected_doc: dict, found_doc: dict, exp: list[dict], got: list[dict]) -> SampleScore:
    pairs = match_records(exp, got)
    by_expected = dict(pairs)
    field_exact: dict[str, float] = {}
    for name_ in FIELDS:
        hits = sum(1 for i, j in pairs if exp[i].get(name_) == got[j].get(name_))
        field_exact[name_] = hits / len(exp) if exp else 1.0
    broken: list[str] = []
    for j, record in enumerate(got):
        partner = next((exp[i] for i, jj in by_expected.items() if jj == j), None)
        broken.extend(broken_words(record, partner))
    return SampleScore(
        name=name,
        expected=len(exp),
        found=len(got),
        matched=len(pairs),
        field_exact=field_exact,
        broken=broken,
        title_ok=expected_doc.get("title") == found_doc.get("title"),
        metadata_exact=metadata_exact(expected_doc.get("metadata"), found_doc.get("metadata")),
    )


_PAGE_RANGE = re.compile(r"\.p\d+(?:-\d+)?$")


def metadata_exact(expected: dict | None, found: dict | None) -> dict[str, bool]:
    """Which metadata fields came out exactly as expected ({} when nothing is expected)."""
    if expected is None:
        return {}
    found = found or {}
    return {name: expected.get(name) == found.get(name) for name in METADATA_FIELDS}


def metadata_line(scores: list[SampleScore]) -> str | None:
    """"metadata fields exact: 118/120 = 0.98 (period 24/24, ...)" over the scored documents."""
    scored = [s for s in scores if s.metadata_exact]
    if not scored:
        return None
    per_field = {f: sum(s.metadata_exact[f] for s in scored) for f in METADATA_FIELDS}
    hits, total = sum(per_field.values()), len(scored) * len(METADATA_FIELDS)
    detail = ", ".join(f"{f} {n}/{len(scored)}" for f, n in per_field.items())
    return f"metadata fields exact: {hits}/{total} = {hits / total:.2f} ({detail})"


def find_input(expected_file: Path, expected_dir: Path, samples_dir: Path, corpus_dir: Path | None) -> Path | None:
    """The document an expected file describes (`NAME.json`, or `NAME.pA-B.json` for a page range)."""
    name = _PAGE_RANGE.sub("", expected_file.name[: -len(".json")])
    if expected_file.parent != expected_dir:
        if corpus_dir is None:
            return None
        hits = sorted(corpus_dir.rglob(name))
        return hits[0] if hits else None
    candidate = samples_dir / name
    return candidate if candidate.exists() else None


def expected_options(expected_doc: dict) -> "ExtractOptions":
    """The options an expected file was written for: its `pages` key ("58-72") limits the pages read."""
    from .cli.options import parse_pages
    from .settings import ExtractOptions

    return ExtractOptions(pages=parse_pages(expected_doc.get("pages")))


def run(samples_dir: Path, expected_dir: Path, corpus_dir: Path | None = None, only: str | None = None) -> list[SampleScore]:
    """Extract every document that has an expected output (names containing `only`) and score it."""
    from . import extract
    from .errors import PlanparseError

    scores: list[SampleScore] = []
    files = sorted(expected_dir.glob("*.json")) + sorted(p for p in expected_dir.glob("*/*.json") if p.parent.name != "metadata")
    for expected_file in files:
        if only and only not in expected_file.name:
            continue
        doc_path = find_input(expected_file, expected_dir, samples_dir, corpus_dir)
        if doc_path is None:
            continue
        expected_doc = json.loads(expected_file.read_text(encoding="utf-8"))
        try:
            found_doc = extract(doc_path, expected_options(expected_doc)).to_dict()
        except PlanparseError as err:
            scores.append(SampleScore(expected_file.name[: -len(".json")], len(expected_doc["records"]), 0, 0, error=err.one_line()))
            continue
        scores.append(score_document(expected_file.name[: -len(".json")], expected_doc, found_doc))
    return scores


CORPUS_METADATA = Path("metadata") / "corpus.json"


def corpus_metadata_scores(expected_dir: Path, corpus_dir: Path) -> list[SampleScore]:
    """Metadata of the corpus documents in `<expected>/metadata/corpus.json` (hand-written
    ground truth for real decisions and plans), scored field by field."""
    from . import extract
    from .errors import PlanparseError

    truth_file = expected_dir / CORPUS_METADATA
    if not truth_file.exists():
        return []
    scores = []
    for rel, expected in json.loads(truth_file.read_text(encoding="utf-8"))["documents"].items():
        path = corpus_dir / rel
        if not path.exists():
            continue
        try:
            found = extract(path).to_dict()["metadata"]
        except PlanparseError as err:
            scores.append(SampleScore(rel, 0, 0, 0, error=err.one_line(), metadata_exact=metadata_exact(expected, {})))
            continue
        scores.append(SampleScore(rel, 0, 0, 0, metadata_exact=metadata_exact(expected, found)))
    return scores


def format_table(scores: list[SampleScore]) -> str:
    """The scores as a text table, one line per sample and a micro-averaged total."""
    short = {"section": "sect", "goal_id": "gid", "goal": "goal", "action_id": "aid", "actions": "act",
             "owners": "own", "indicators": "ind", "schedule": "sch", "extra": "extra", "source": "src"}
    head = f"{'sample':42} {'exp':>4} {'found':>5} {'F1':>5} " + " ".join(f"{short[f]:>5}" for f in FIELDS) + f" {'broken':>6} title"
    lines = [head, "-" * len(head)]
    for s in scores:
        if s.error:
            lines.append(f"{s.name:42} {s.expected:>4} {'ERR':>5}  {s.error}")
            continue
        cells = " ".join(f"{s.field_exact[f]:5.2f}" for f in FIELDS)
        lines.append(f"{s.name:42} {s.expected:>4} {s.found:>5} {s.f1:5.2f} {cells} {len(s.broken):>6} {'ok' if s.title_ok else 'DIFF'}")
    ok = [s for s in scores if not s.error]
    if ok:
        total_e = sum(s.expected for s in ok)
        total_f = sum(s.found for s in ok)
        total_m = sum(s.matched for s in ok)
        f1 = precision_recall_f1(total_m, total_f, total_e)[2]
        weighted = {f: sum(s.field_exact[f] * s.expected for s in ok) / total_e if total_e else 0.0 for f in FIELDS}
        cells = " ".join(f"{weighted[f]:5.2f}" for f in FIELDS)
        lines.append("-" * len(head))
        lines.append(f"{'ALL (micro)':42} {total_e:>4} {total_f:>5} {f1:5.2f} {cells} {sum(len(s.broken) for s in ok):>6}")
    if meta := metadata_line(ok):
        lines.append(meta)
    prose = [s.prose for s in ok if s.prose is not None]
    if prose:
        lines += ["", "prose records only (source.table null):", format_table(prose)]
    indicators = [(s.name, s.indicators) for s in ok if s.indicators is not None]
    if indicators:
        lines += ["", format_indicators(indicators)]
    return "\n".join(lines)


def format_indicators(scores: list[tuple[str, IndicatorScore]]) -> str:
    """Indicator figures, one line per sample and a micro-averaged total."""
    short = {"values": "vals", "national": "natl", "sources": "srcs", "goals": "goals", "source": "page"}
    head = f"{'indicators':34} {'exp':>4} {'found':>5} {'F1':>5} " + " ".join(f"{short[f]:>5}" for f in INDICATOR_FIELDS)
    lines = [head, "-" * len(head)]
    for name, s in scores:
        lines.append(f"{name:34} {s.expected:>4} {s.found:>5} {s.f1:5.2f} " + " ".join(f"{s.field_exact[f]:5.2f}" for f in INDICATOR_FIELDS))
    total_e = sum(s.expected for _, s in scores)
    f1 = precision_recall_f1(sum(s.matched for _, s in scores), sum(s.found for _, s in scores), total_e)[2]
    weighted = {f: sum(s.field_exact[f] * s.expected for _, s in scores) / total_e if total_e else 1.0 for f in INDICATOR_FIELDS}
    lines.append("-" * len(head))
    lines.append(f"{'ALL (micro)':34} {total_e:>4} {sum(s.found for _, s in scores):>5} {f1:5.2f} " + " ".join(f"{weighted[f]:5.2f}" for f in INDICATOR_FIELDS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--matrix" in argv:
        # The layout matrix lives in the source tree (samples/matrix), not in the installed
        # package nor in any distribution: it is found by path from the repo root, so it is
        # imported by name at run time rather than declared as a dependency.
        try:
            matrix_main = importlib.import_module("samples.matrix.__main__").main
        except ImportError:
            print("planparse.accuracy: --matrix needs the source checkout; run it from the repo root", file=sys.stderr)
            return 2
        return matrix_main([a for a in argv if a != "--matrix"])
    parser = argparse.ArgumentParser(prog="python -m planparse.accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument("samples", type=Path, help="folder of sample documents (samples/)")
    parser.add_argument("expected", type=Path, help="folder of expected outputs (tests/expected/)")
    parser.add_argument("--corpus", type=Path, default=None, help="folder holding corpus documents for expected/corpus/*.json")
    parser.add_argument("--only", default=None, help="only samples whose name contains this")
    parser.add_argument("--show-broken", action="store_true", help="list the left-over broken words")
    args = parser.parse_args(argv)
    scores = run(args.samples, args.expected, args.corpus, args.only)
    if not scores:
        print("no sample with an expected output found", file=sys.stderr)
        return 2
    print(format_table(scores))
    if args.corpus is not None and (meta := metadata_line(corpus_metadata_scores(args.expected, args.corpus))):
        print("corpus " + meta)
    if args.show_broken:
        for s in scores:
            if s.broken:
                print(f"{s.name}: {', '.join(s.broken)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
