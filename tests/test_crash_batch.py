"""Crash safety of `planparse batch` (issue 15): tools/crash_batch.py kills it and resumes.

The quick test runs one kill of each kind (SIGKILL, SIGKILL of the process
group, SIGTERM, SIGINT); the slow one the issue's 50 runs
(`PLANPARSE_SLOW=1`).  The script itself: `python tools/crash_batch.py --runs 50`.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def load_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("planparse_crash_batch", REPO / "tools" / "crash_batch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["planparse_crash_batch"] = module
    spec.loader.exec_module(module)
    return module


crash = load_tool()


def check(runs: int, seed: int, tmp_path: Path) -> None:
    lines: list[str] = []
    figures = crash.run(runs=runs, seed=seed, work=tmp_path / "work", jobs=2, on_line=lines.append)
    print("\n".join(lines))
    print(figures.summary())
    assert figures.runs == runs
    assert figures.violations == []
    assert figures.outputs_checked > 0


def test_one_kill_of_each_kind_then_resume(tmp_path: Path) -> None:
    check(4, 7, tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("PLANPARSE_SLOW"), reason="slow (~10 min): set PLANPARSE_SLOW=1")
def test_fifty_random_kills_then_resume(tmp_path: Path) -> None:
    check(50, 2026, tmp_path)
