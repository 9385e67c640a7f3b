"""An OCR'd scan of a plan: page images with an invisible text layer that lost ä and ö.

    python samples/producers/scan_plan.py

1. The plan (samples/producers/src/scan-helsinki-kotoutuminen.yaml, correct
   Finnish) is drawn as a ruled table with reportlab (same code as
   rl-ruled-hyvinvointi), to a temporary "paper" PDF.
2. pdftoppm turns each paper page into a greyscale JPEG: the scan.
3. The sample PDF gets, per page, only that image plus an invisible text
   layer (text render mode 3, like OCRmyPDF/Tesseract output), one word at a
   time at the word's position, horizontally scaled to the word's width. No
   vector lines: the table rules exist only as pixels.
4. The text layer is damaged the way OCR damaged seed 002: every ä becomes
   a or d, every ö becomes o, 6, é or d (weights below), Ä/Ö become A/O.
   A damaged form that is itself a valid Finnish word (Voikko), such as
   seka for sekä, is drawn again (sekd), so the correct text stays
   recoverable by the repair rules of issue 4.

The expected output is the YAML's correct text plus a warning `ocr-repaired`.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import libvoikko
import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from common import SAMPLES, build, load_spec, pages_text, write_expected
from reportlab_plans import platypus_plan

NAME = "scan-helsinki-kotoutuminen"
DPI = 150
# Seed 002 (../shared/seeds/002_*.txt) lost every ä and ö; these are the
# shapes they came back as there (a/d for ä; o, 6, é, d for ö).
CONFUSIONS = {
    "ä": (("a", 0.75), ("d", 0.25)),
    "ö": (("o", 0.65), ("6", 0.17), ("é", 0.12), ("d", 0.06)),
    "Ä": (("A", 1.0),),
    "Ö": (("O", 1.0),),
}
FONT = "Helvetica"


class OcrDamage:
    """Damages whole words deterministically; never produces a valid word."""

    def __init__(self, seed: int = 2022) -> None:
        self.rng = random.Random(seed)
        self.voikko = libvoikko.Voikko("fi")
        self.changed = 0

    def _draw(self, word: str) -> str:
        out = []
        for ch in word:
            if ch in CONFUSIONS:
                shapes, weights = zip(*CONFUSIONS[ch])
                out.append(self.rng.choices(shapes, weights)[0])
            else:
                out.append(ch)
        return "".join(out)

    def word(self, word: str) -> str:
        if not any(ch in CONFUSIONS for ch in word):
            return word
        core = word.strip(".,;:()/!?–-")
        for _ in range(30):
            damaged = self._draw(word)
            dcore = damaged.strip(".,;:()/!?–-")
            changed = [d for d, o in zip(dcore.split("-"), core.split("-")) if d and d != o]
            if not any(self.voikko.spell(part) for part in changed):
                self.changed += 1
                return damaged
        return word  # every shape is a real word: OCR would have kept it too


def _column_of(x: float, ranges: list[tuple[float, float]]) -> int:
    for i, (lo, hi) in enumerate(ranges):
        if lo <= x < hi:
            return i
    return -1


def page_words(pdf_path: Path) -> list[list[dict]]:
    """Words of each page with their baseline, in reading order (line by line)."""
    out = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for page in pdf.pages:
            words = page.extract_words(return_chars=True, extra_attrs=["size"])
            for w in words:
                w["baseline"] = w["chars"][0]["matrix"][5]
                del w["chars"]
            out.append(words)
    return out


def damage_words(pages: list[list[dict]], ranges: list[tuple[float, float]], ocr: OcrDamage) -> None:
    """Set w['ocr'] on every word; a word broken at a line end is damaged as one word."""
    for words in pages:
        lines: dict[int, list[dict]] = {}
        for w in words:
            lines.setdefault(round(w["top"]), []).append(w)
        tops = sorted(lines)
        for w in words:
            if "ocr" in w:
                continue
            nxt = None
            if w["text"].endswith("-") and len(w["text"]) > 1:
                col = _column_of(w["x0"], ranges)
                later = [t for t in tops if t > w["top"] + 1]
                if later:
                    below = [v for v in lines[later[0]] if _column_of(v["x0"], ranges) == col]
                    nxt = min(below, key=lambda v: v["x0"]) if below else None
            if nxt is not None and "ocr" not in nxt:
                joined = ocr.word(w["text"][:-1] + nxt["text"])
                cut = len(w["text"]) - 1
                w["ocr"], nxt["ocr"] = joined[:cut] + "-", joined[cut:]
            else:
                w["ocr"] = ocr.word(w["text"])


def scan_images(paper: Path, tmp: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-jpeg", "-jpegopt", "quality=70", "-gray", "-r", str(DPI), str(paper), str(tmp / "scan")], check=True)
    return sorted(tmp.glob("scan-*.jpg"))


def write_scan(pdf_path: Path, images: list[Path], pages: list[list[dict]], title: str) -> None:
    width, height = A4
    c = Canvas(str(pdf_path), pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setCreator("scanner + OCR (samples/producers/scan_plan.py)")
    for image, words in zip(images, pages):
        # by content, not by path: the temporary path would make every build differ
        c.drawImage(ImageReader(io.BytesIO(image.read_bytes())), 0, 0, width=width, height=height)
        for w in words:
            text = c.beginText()
            text.setTextRenderMode(3)  # invisible: neither fill nor stroke
            text.setFont(FONT, w["size"])
            natural = stringWidth(w["ocr"], FONT, w["size"])
            text.setHorizScale(100.0 * (w["x1"] - w["x0"]) / natural if natural else 100.0)
            text.setTextOrigin(w["x0"], w["baseline"])
            text.textOut(w["ocr"])
            c.drawText(text)
        c.showPage()
    c.save()


def _fold(text: str) -> str:
    """OCR-blind comparison: the letters OCR confuses fold together."""
    return text.translate(str.maketrans({"ä": "a", "d": "a", "ö": "o", "6": "o", "é": "o"}))


def check_pages(pdf_path: Path, spec: dict, row_pages: dict) -> None:
    """Every row's first words are in the text layer of the page where the paper had them."""
    texts = [_fold(t) for t in pages_text(pdf_path)]
    for (t, r), page in sorted(row_pages.items()):
        row = spec["tables"][t]["rows"][r]
        col = spec["tables"][t]["columns"][1]
        first = build.printed_paragraphs(row, col, spec["tables"][t])[0]
        probe = _fold(build.squash(first))[:12]
        if probe not in texts[page - 1]:
            raise SystemExit(f"{pdf_path.name}: row {t + 1}.{r + 1} ({first[:30]!r}) not in the text layer of page {page}")


def main() -> int:
    spec = load_spec(NAME)
    pdf_path = SAMPLES / f"{NAME}.pdf"
    ocr = OcrDamage()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        paper = tmp / "paper.pdf"

        def page_number(canvas, doc) -> None:
            canvas.setFont("Helvetica", 9)
            canvas.drawCentredString(A4[0] / 2, 1.2 * 28.3465, str(doc.page))

        platypus_plan(spec, paper, page_number, title_size=15)
        row_pages, _, n_pages = build.locate_rows(spec, paper)
        pages = page_words(paper)
        damage_words(pages, build.column_ranges(spec, spec["tables"][0]), ocr)
        write_scan(pdf_path, scan_images(paper, tmp), pages, spec["title"])
    check_pages(pdf_path, spec, row_pages)
    n_words = sum(len(p) for p in pages)
    warning = {"code": "ocr-repaired", "message": f"OCR-damaged text: lost ä/ö restored in about {ocr.changed} words", "page": None}
    doc = write_expected(spec, pdf_path, row_pages, n_pages, [warning])
    letters = sum(ch.isalpha() for p in pages for w in p for ch in w["ocr"])
    umlauts = sum(ch in "äöÄÖ" for p in pages for w in p for ch in w["ocr"])
    print(
        f"built {pdf_path.name}: {n_pages} pages, {len(doc['records'])} records, {n_words} words, "
        f"{ocr.changed} damaged, ä/ö left {umlauts}/{letters} letters",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
