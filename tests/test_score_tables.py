"""The ICDAR 2013 scorer's relation rule (tools/score_tables/icdar2013.py), on hand-made tables.

The scorer decides whether planparse "loses to pdfplumber"; its rule is
checked here so a change to it shows.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter

import pytest

from .conftest import CORPUS, REPO


def _scorer():
    spec = importlib.util.spec_from_file_location("icdar2013", REPO / "tools" / "score_tables" / "icdar2013.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["icdar2013"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


s = _scorer()


def test_relations_skip_blanks_and_follow_spans() -> None:
    # A | B (spans 2 columns)
    # C | ""  | D
    # E | F   | G
    cells = [
        s.GtCell(0, 0, 0, 0, "A"), s.GtCell(0, 1, 0, 2, "B"),
        s.GtCell(1, 0, 1, 0, "C"), s.GtCell(1, 1, 1, 1, " "), s.GtCell(1, 2, 1, 2, "D"),
        s.GtCell(2, 0, 2, 0, "E"), s.GtCell(2, 1, 2, 1, "F"), s.GtCell(2, 2, 2, 2, "G"),
    ]
    assert s.relations_of_cells(cells) == Counter({
        ("A", "B", "h"): 1, ("A", "C", "v"): 1,
        ("B", "F", "v"): 1, ("B", "D", "v"): 1,  # below each column B spans; the blank cell is skipped
        ("C", "D", "h"): 1, ("C", "E", "v"): 1, ("D", "G", "v"): 1,
        ("E", "F", "h"): 1, ("F", "G", "h"): 1,
    })
    # The same table as a detected grid that keeps B in its first column only: B -> D is missed.
    detected = s.relations_of_grid([["A", "B", ""], ["C", "", "D"], ["E", "F", "G"]])
    score = s.score(s.relations_of_cells(cells), detected)
    assert (score.correct, score.detected, score.truth) == (8, 8, 9)
    assert score.precision == 1.0 and score.recall == pytest.approx(8 / 9)


def test_texts_compare_without_whitespace() -> None:
    truth = s.relations_of_cells([s.GtCell(0, 0, 0, 0, "to air\nkg/year"), s.GtCell(0, 1, 0, 1, "100 million")])
    assert s.score(truth, s.relations_of_grid([["to air kg/ year", "100  million"]])).f1 == 1.0
    assert s.score(truth, s.relations_of_grid([["to air", "100 million"]])).f1 == 0.0


def test_nothing_detected_scores_zero_and_empty_truth_scores_one() -> None:
    truth = s.relations_of_grid([["a", "b"]])
    assert s.score(truth, Counter()).f1 == 0.0
    assert s.score(Counter(), Counter()).f1 == 1.0


@pytest.mark.skipif(not (CORPUS / "icdar2013").exists(), reason="ICDAR 2013 corpus not present")
def test_ground_truth_loads_with_regions_and_split_tables() -> None:
    docs = {d.name: d for d in s.load_documents()}
    assert len(docs) == 67
    assert sum(len(d.regions) for d in docs.values()) == 163
    # us-035a prints one table in three side-by-side parts (col-increment): one grid of 6+ columns.
    part = [r for r in docs["us-035a"].regions if r.page == 3][0]
    assert max(c.c1 for c in part.cells) >= 5
    # eu-009a also takes the eu-009b tables.
    assert len(docs["eu-009a"].regions) == 2
