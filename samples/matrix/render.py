"""Render a list of combinations, cached: each PDF and its expected output keyed by content + layout + code.

The cache (samples/matrix/.cache, gitignored) holds `<content>--<combo>-<key>.pdf`
and `.json`; a rendering is redone only when its content YAML, its
combination or the generator's code changes.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .content import layout_spec
from .paths import CACHE, HERE, SAMPLES

# The PDF depends on these; the expected output also on expected.py (redone alone when only it changes).
CODE_FILES = [HERE / n for n in ("content.py", "render_docx.py", "render_rl.py")] + [SAMPLES / "build.py", SAMPLES / "producers" / "common.py"]
EXPECTED_CODE = HERE / "expected.py"


@dataclass
class Rendering:
    """One rendered plan: its combination, PDF and expected output."""

    name: str
    combo: dict[str, str]
    pdf: Path
    expected: Path


def _code_hash(files: list[Path] = CODE_FILES) -> str:
    h = hashlib.sha256()
    for path in files:
        h.update(path.read_bytes())
    return h.hexdigest()


def _key(spec: dict[str, Any], code: str) -> str:
    text = json.dumps([spec["content_sha"], spec["combo"], code], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def render_all(
    combos: list[dict[str, str]], contents: dict[str, dict], cache: Path = CACHE, log=sys.stderr, skipped: list[str] | None = None
) -> list[Rendering]:
    """Render what the cache lacks (LibreOffice in one batch), then write the expected outputs.

    A rendering left out (its rows not found, or text of its cells not printed) is named with
    the reason in `skipped`, and on `log`."""
    from .expected import Unprinted, expected_output

    cache.mkdir(parents=True, exist_ok=True)
    code = _code_hash()
    expected_code = _code_hash([EXPECTED_CODE])[:10]
    out, todo = [], []
    for combo in combos:
        spec = layout_spec(contents[combo["content"]], combo)
        stem = f"{spec['name']}-{_key(spec, code)}"
        r = Rendering(spec["name"], combo, cache / f"{stem}.pdf", cache / f"{stem}.json")
        out.append(r)
        for stale in cache.glob(f"{spec['name']}-*"):  # older code or content: never scored again
            if stale.stem != stem:
                stale.unlink()
        if not r.pdf.exists():
            todo.append((r, spec))
        elif not r.expected.exists() or json.loads(r.expected.read_text(encoding="utf-8"))["matrix"].get("expected_code") != expected_code:
            todo.append((r, spec))
    lo = [(r, spec) for r, spec in todo if spec["producer"] == "libreoffice" and not r.pdf.exists()]
    if lo:
        from .render_docx import render_docx
        from .soffice import convert_batch

        docx_dir = cache / "docx"
        docx_dir.mkdir(exist_ok=True)
        paths = []
        for r, spec in lo:
            path = docx_dir / f"{r.pdf.stem}.docx"
            render_docx(spec, path)
            paths.append(path)
        print(f"matrix: LibreOffice converts {len(paths)} documents", file=log)
        convert_batch(paths, cache)
        for path in paths:
            path.unlink()
    for r, spec in todo:
        notes_file = r.pdf.with_suffix(".notes")
        if spec["producer"] == "reportlab" and not r.pdf.exists():
            from .render_rl import render_pdf

            notes_file.write_text("\n".join(render_pdf(spec, r.pdf)), encoding="utf-8")
        notes = notes_file.read_text(encoding="utf-8").splitlines() if notes_file.exists() else []
        try:
            doc = expected_output(spec, r.pdf)
        except Unprinted as err:  # a row clipped: its text is not on the page
            doc = _with_rows_free(r, spec, cache, log, err.rows) if spec["producer"] == "libreoffice" else None
            if doc is None:
                _skip(r, out, skipped, log, err)
                continue
            notes.append(CLIPPED_ROWS_FREE)
            notes_file.write_text("\n".join(notes), encoding="utf-8")  # kept when the expected output is redone
        except SystemExit as err:  # a row the generator could not find in its own PDF
            doc, note = (_with_first_rows_free(r, spec, cache, log), FIRST_ROW_FREE) if spec["producer"] == "libreoffice" else (None, "")
            if doc is None and spec["producer"] == "libreoffice":
                doc, note = _with_data_rows_free(r, spec, cache, log), DATA_ROWS_FREE
            if doc is None:  # say so, go on
                _skip(r, out, skipped, log, err)
                continue
            notes.append(note)
        doc["matrix"]["notes"] = notes
        doc["matrix"]["expected_code"] = expected_code
        r.expected.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"matrix: rendered {r.pdf.name} ({doc['source']['pages']} p., {len(doc['records'])} records)", file=log)
    return out


FIRST_ROW_FREE = "first data row free to break: LibreOffice dropped the rows kept whole under the repeated header"
CLIPPED_ROWS_FREE = "rows taller than a page free to break: LibreOffice clipped them kept whole (text not printed)"
DATA_ROWS_FREE = "every data row free to break: LibreOffice dropped rows kept whole under the repeated header, the first data row free or not"


def _skip(r: Rendering, out: list[Rendering], skipped: list[str] | None, log, err: SystemExit) -> None:
    """Leave a rendering out of the matrix, saying why."""
    print(f"matrix: SKIPPED {r.pdf.name}: {err}", file=log)
    out.remove(r)
    if skipped is not None:
        skipped.append(f"{r.pdf.name}: {err}")


def _with_rows_free(r: Rendering, spec: dict[str, Any], cache: Path, log, rows: list[tuple[int, int]]) -> dict[str, Any] | None:
    """A LibreOffice rendering that clipped kept-whole rows taller than a page (their text
    is not printed), made again with those rows free to break, and its expected output;
    None when the rows were not kept whole or their text is still not printed."""
    from .lo_rows import free_rows

    cells = [(t, len(spec["tables"][t]["headers"]) + i) for t, i in rows]
    return _made_again(r, spec, cache, log, lambda path: free_rows(path, cells), CLIPPED_ROWS_FREE)


def _with_first_rows_free(r: Rendering, spec: dict[str, Any], cache: Path, log) -> dict[str, Any] | None:
    """A LibreOffice rendering whose rows the locator could not find, made again with the
    first data row under a repeated header free to break (lo_rows), and its expected
    output; None when that is not the cause or does not help."""
    from .lo_rows import free_first_data_rows

    return _made_again(r, spec, cache, log, free_first_data_rows, FIRST_ROW_FREE)


def _with_data_rows_free(r: Rendering, spec: dict[str, Any], cache: Path, log) -> dict[str, Any] | None:
    """The rendering made again with every data row under a repeated header free to break
    (lo_rows.free_data_rows), when freeing the first data row did not help; None when even
    that does not."""
    from .lo_rows import free_data_rows

    return _made_again(r, spec, cache, log, free_data_rows, DATA_ROWS_FREE)


def _made_again(r: Rendering, spec: dict[str, Any], cache: Path, log, free: Callable[[Path], bool], note: str) -> dict[str, Any] | None:
    """The rendering's DOCX written again and changed by `free` (False: nothing to change),
    converted, and its expected output; None when that fails or the PDF still lacks text."""
    from .expected import expected_output
    from .render_docx import render_docx
    from .soffice import convert_batch

    docx_dir = cache / "docx"
    docx_dir.mkdir(exist_ok=True)
    path = docx_dir / f"{r.pdf.stem}.docx"
    render_docx(spec, path)
    try:
        if not free(path):
            return None
        r.pdf.unlink(missing_ok=True)
        convert_batch([path], cache)
    except SystemExit:
        return None
    finally:
        path.unlink(missing_ok=True)
    print(f"matrix: {r.pdf.name}: made again, {note}", file=log)
    try:
        return expected_output(spec, r.pdf)
    except SystemExit:
        return None
