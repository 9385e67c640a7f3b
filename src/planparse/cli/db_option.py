"""`--db PLANS.SQLITE` of `extract` and `batch`: open the plans database once, before any work."""

from __future__ import annotations

from pathlib import Path

from ..outputs.database import PlanDatabase


def open_database(path: Path) -> PlanDatabase:
    """The database at `path` (created when absent); an OutputError (exit 9) when it cannot be used."""
    return PlanDatabase(path)
