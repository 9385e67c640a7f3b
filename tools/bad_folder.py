"""Build a folder like the ones users download: every sample plus every bad case.

    python tools/bad_folder.py /tmp/plans [--big-pages 500]
    planparse batch /tmp/plans -o /tmp/out --recursive      # exit 1, report.json
    planparse batch /tmp/plans -o /tmp/out --recursive      # again: everything skipped

Layout: samples/ (copies of samples/*.pdf|docx), bad/ (each case of
tests/fixtures_bad.BAD_CASES), edge/ (a prose PDF with no table, a PDF
encrypted with an empty user password, and a long PDF).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fixtures_bad import (  # noqa: E402
    BAD_CASES,
    make_big_pdf,
    make_encrypted_empty_password,
    make_no_tables_pdf,
)


def build(root: Path, big_pages: int) -> None:
    for sub in ("samples", "bad", "edge"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for sample in sorted((REPO / "samples").iterdir()):
        if sample.suffix in (".pdf", ".docx"):
            shutil.copy2(sample, root / "samples" / sample.name)
    for case in BAD_CASES:
        case.make(root / "bad")
    for leftover in (root / "bad").glob(".source-*"):
        leftover.unlink()
    make_no_tables_pdf(root / "edge")
    make_encrypted_empty_password(root / "edge")
    if big_pages:
        make_big_pdf(root / "edge", big_pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--big-pages", type=int, default=500, help="pages of the long PDF (0: none)")
    args = parser.parse_args()
    build(args.folder, args.big_pages)
    print(f"{sum(1 for p in args.folder.rglob('*') if p.is_file())} files in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
