"""Check planparse's DOCX grids against docling's ground truth (merged cells, nested tables).

../shared/corpus/docling/*.docx come with expected/<name>.docx.tables.json:
per table a `grid` (rows x cols of texts, a merged cell's text repeated in
every position it spans).  planparse's side is the RawTable that
`planparse tables` prints, expanded the same way: a cell covered from above
(`merged_from_above`) or from the left (`span == 0`) takes the text of the
cell that covers it.

Texts are compared after collapsing whitespace runs to one space (planparse
joins a cell's paragraphs with newlines).  Expected tables are paired with
found tables greedily by the number of equal cells (a table found twice or
not at all shows as a missing or extra table).  Figures:

  shape   the paired grids have the same rows x cols
  cells   share of expected cells whose text is equal at the same position
          (unpaired expected tables count all their cells as wrong)

Usage:  python tools/score_tables/docling_docx.py [--show NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "docling"


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def planparse_grids(path: Path) -> list[list[list[str]]]:
    """planparse's tables of one DOCX as full grids (merged text repeated over its span)."""
    from planparse.extractors import read_document
    from planparse.settings import ExtractOptions
    from planparse.source import Source

    raw = read_document(Source.from_path(path), ExtractOptions())
    grids = []
    for table in raw.tables:
        grid: list[list[str]] = []
        for r, row in enumerate(table.rows):
            out: list[str] = []
            for c, cell in enumerate(row.cells):
                if cell.merged_from_above and r > 0 and c < len(grid[r - 1]):
                    out.append(grid[r - 1][c])
                elif cell.span == 0 and c > 0:
                    out.append(out[c - 1])
                else:
                    out.append(_norm(cell.text))
            grid.append(out)
        grids.append(grid)
    return grids


def equal_cells(expected: list[list[str]], found: list[list[str]]) -> int:
    return sum(
        1
        for r, row in enumerate(expected)
        for c, text in enumerate(row)
        if r < len(found) and c < len(found[r]) and _norm(text) == found[r][c]
    )


def score_document(expected: list[list[list[str]]], found: list[list[list[str]]]) -> dict:
    pairs: list[tuple[int, int | None]] = []
    used: set[int] = set()
    for i, grid in enumerate(expected):
        best, best_j = -1, None
        for j, other in enumerate(found):
            if j in used:
                continue
            n = equal_cells(grid, other)
            if n > best:
                best, best_j = n, j
        if best_j is not None and best > 0:
            used.add(best_j)
            pairs.append((i, best_j))
        else:
            pairs.append((i, None))
    cells = sum(len(row) for grid in expected for row in grid)
    correct = sum(equal_cells(expected[i], found[j]) for i, j in pairs if j is not None)
    shapes = sum(
        1 for i, j in pairs
        if j is not None and len(expected[i]) == len(found[j]) and [len(r) for r in expected[i]] == [len(r) for r in found[j]]
    )
    return {
        "expected_tables": len(expected), "found_tables": len(found),
        "paired": sum(1 for _, j in pairs if j is not None), "shape_ok": shapes,
        "cells": cells, "cells_ok": correct, "pairs": pairs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", default=None, help="print expected and found grids of this document")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"docling corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    total = {"expected_tables": 0, "found_tables": 0, "paired": 0, "shape_ok": 0, "cells": 0, "cells_ok": 0}
    print(f"{'document':<32} {'tables exp/found':>16} {'shape ok':>9} {'cells ok':>14} {'rate':>6}")
    for path in sorted(CORPUS.glob("*.docx")):
        truth = json.loads((CORPUS / "expected" / f"{path.name}.tables.json").read_text())
        expected = [t["grid"] for t in truth["tables"]]
        try:
            found = planparse_grids(path)
        except Exception as exc:  # noqa: BLE001 - report the file, go on with the others
            print(f"{path.name:<32} planparse failed: {exc.__class__.__name__}: {exc}")
            found = []
        s = score_document(expected, found)
        for key in total:
            total[key] += s[key]
        rate = s["cells_ok"] / s["cells"] if s["cells"] else 1.0
        print(f"{path.name:<32} {s['expected_tables']:>7}/{s['found_tables']:<8} {s['shape_ok']:>4}/{s['expected_tables']:<4} "
              f"{s['cells_ok']:>6}/{s['cells']:<7} {rate:>6.3f}")
        if args.show == path.name or args.show == path.stem:
            for i, j in s["pairs"]:
                print(f"  expected table {i}: {json.dumps(expected[i], ensure_ascii=False)}")
                print(f"  found    table {j}: {json.dumps(found[j] if j is not None else None, ensure_ascii=False)}")
    rate = total["cells_ok"] / total["cells"] if total["cells"] else 1.0
    print(f"{'TOTAL':<32} {total['expected_tables']:>7}/{total['found_tables']:<8} {total['shape_ok']:>4}/{total['expected_tables']:<4} "
          f"{total['cells_ok']:>6}/{total['cells']:<7} {rate:>6.3f}")
    print("shape ok: paired tables with equal rows x cols; cells ok: expected cells with equal text at the same position")
    return 0


if __name__ == "__main__":
    sys.exit(main())
