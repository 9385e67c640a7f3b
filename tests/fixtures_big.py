"""Large DOCX files built at test time (issue 15.10): streamed into the zip, never held whole.

- `make_repetitive_docx`: thousands of identical small plan tables, a legitimate
  document that compresses ~200:1 (a compression-ratio rule alone refuses it);
- `make_heavy_docx`: one long table of varied text, compressing only ~8:1, whose
  inflated XML is what makes reading it expensive (the review's 6.7 MB DOCX
  that took 5.3 GB).
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from typing import Iterable

from .fixtures_docx import make_docx, p, tbl, tr

WORDS = ["kunta", "toimenpide", "osallisuus", "asukkaat", "kehittää", "palvelu", "vastuu", "mittari", "tavoite"]


def _write_body(path: Path, chunks: Iterable[str]) -> Path:
    """A DOCX from python-docx's template whose body is `chunks` (XML strings), streamed."""
    base = make_docx(path.with_suffix(".base.docx"), p("x"))
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info, zin.read(info))
                continue
            xml = zin.read(info).decode("utf-8")
            head, tail = xml.split("<w:body>", 1)
            with zout.open("word/document.xml", "w", force_zip64=True) as member:
                member.write((head + "<w:body>").encode("utf-8"))
                for chunk in chunks:
                    member.write(chunk.encode("utf-8"))
                member.write(tail[tail.index("<w:sectPr"):].encode("utf-8"))
    base.unlink()
    return path


def make_repetitive_docx(folder: Path, tables: int = 50_000) -> Path:
    table = tbl(2, tr("Tavoite", "Toimenpide", header=True), tr("Lisätään osallisuutta", "Järjestetään kyselyt")) + p("")
    return _write_body(folder / f"repetitive-{tables}.docx", (table for _ in range(tables)))


def make_heavy_docx(folder: Path, rows: int = 400_000, seed: int = 1) -> Path:
    rng = random.Random(seed)

    def chunks() -> Iterable[str]:
        yield ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid>'
               '<w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>')
        yield tr("Tavoite", "Toimenpide", header=True)
        for _ in range(rows):
            goal = " ".join(f"{rng.choice(WORDS)}{rng.randrange(10**6)}" for _ in range(6))
            yield tr(goal, " ".join(rng.choice(WORDS) for _ in range(6)))
        yield "</w:tbl>"

    return _write_body(folder / f"heavy-{rows}.docx", chunks())
