"""LibreOffice quirks the matrix works around: kept-whole rows under a repeated header,
and kept-whole rows taller than a page (free_rows, at the end).

LibreOffice 7.4 prints a table's header and drops every row after it when the table's
header row is repeated on each page, its data rows are kept whole (`cantSplit`), and the
first data row does not fit under the header at the foot of a page (seed 12,
rl-borderless-osallisuus c648ff19: one page of three).  The rendering then lacks rows its
expected output holds, and the locator cannot find them.  Such a rendering is made again
with the first data row of each such table free to break (Word would move it overleaf
whole; LibreOffice cuts it), every later row still kept whole; when that is not enough,
with every data row of those tables free to break (`free_data_rows`).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document


def _has(row, tag: str) -> bool:
    return any(el.tag.endswith("}" + tag) for el in row._tr.iter())


def _break_free(row) -> bool:
    """Remove the row's `cantSplit` (kept whole); True when it had one."""
    kept = [el for el in row._tr.iter() if el.tag.endswith("}cantSplit")]
    for el in kept:
        el.getparent().remove(el)
    return bool(kept)


def _free_in_headed_tables(docx_path: Path, every: bool) -> bool:
    """Free the first data row (or, with `every`, each data row) of every table with a
    repeated header; True when the document changed (and was saved)."""
    doc = Document(str(docx_path))
    changed = False
    for table in doc.tables:
        rows = list(table.rows)
        if not rows or not _has(rows[0], "tblHeader"):
            continue
        data = [r for r in rows if not _has(r, "tblHeader")]
        for row in data if every else data[:1]:
            changed = _break_free(row) or changed
    if changed:
        doc.save(str(docx_path))
    return changed


def free_first_data_rows(docx_path: Path) -> bool:
    """Let the first data row of every table with a repeated header and kept-whole rows
    break over pages (its `cantSplit` removed); True when the document changed."""
    return _free_in_headed_tables(docx_path, every=False)


def free_data_rows(docx_path: Path) -> bool:
    """Let every data row of every table with a repeated header and kept-whole rows break
    over pages; True when the document changed.  The last resort when freeing the first
    data row is not enough: LibreOffice also drops the start of a later kept-whole row taller
    than what is left of a page (seed 21 turku-yhta 2748733e, A5: "Palveluohjauksen ..."
    printed only from its second page on; seed 16 turku-yhta 220fce95)."""
    return _free_in_headed_tables(docx_path, every=True)


def free_rows(docx_path: Path, rows: list[tuple[int, int]]) -> bool:
    """Let the given rows ((table index, row index in the table, header rows counted)) break
    over pages: a row kept whole that is taller than a page is clipped by LibreOffice, and
    the words past the page's foot are never printed.  True when the document changed."""
    doc = Document(str(docx_path))
    changed = False
    for t, i in rows:
        changed = _break_free(doc.tables[t].rows[i]) or changed
    if changed:
        doc.save(str(docx_path))
    return changed
