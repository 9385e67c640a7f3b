"""planparse's own OCR of scanned PDF pages (`--ocr`), through Tesseract.

A page that is a scan (one image over the page, pdf.scan.detect.is_scan_page) and
has no text layer -- or any scan page with `--ocr force` -- is OCR'd here:
its image is taken at its own resolution (rendered at OCR_DPI when the page
is not a single image), Tesseract writes a text-only PDF of it (the text
layer OCRmyPDF would add), and that PDF's characters are read by the same
PDFium reader as any PDF.  So `--ocr` on an image-only plan reads exactly
what the Tesseract-made text-layer PDF of the same image reads.

Tesseract is an optional extra: `pip install 'planparse[ocr]'` (pytesseract)
plus the system engine (`apt-get install tesseract-ocr tesseract-ocr-fin
tesseract-ocr-swe`).  Without either, `ocr_engine` raises NoTextLayerError
(exit 7) saying what to install.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from planparse.errors import NoTextLayerError

OCR_DPI = 300  # resolution for pages that are not one embedded image
THREADS = "1"  # OMP threads per Tesseract run: batch already runs one file per core
INSTALL_HINT = (
    "install OCR: pip install 'planparse[ocr]' and "
    "apt-get install tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe"
)
LANGUAGES = {"fi": "fin", "sv": "swe", None: "fin+swe"}


@dataclass
class OcrRun:
    """What OCR planparse ran on one document (for producer.ocr)."""

    engine: str = "tesseract"
    version: str | None = None
    languages: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def info(self) -> dict[str, Any]:
        return {"engine": self.engine, "version": self.version, "languages": list(self.languages)}


def tesseract_languages(lang: str | None) -> str:
    """`--lang fi` -> "fin", `sv` -> "swe", none -> "fin+swe"."""
    return LANGUAGES.get(lang, "fin+swe")


@lru_cache(maxsize=1)
def _engine() -> tuple[Any, str, frozenset[str]]:
    import pytesseract  # the optional extra

    version = str(pytesseract.get_tesseract_version()).split()[0]
    installed = frozenset(pytesseract.get_languages(config=""))
    return pytesseract, version, installed


def ocr_engine(display: str, languages: str) -> tuple[Any, str]:
    """(pytesseract, Tesseract version); NoTextLayerError naming what to install when absent."""
    try:
        module, version, installed = _engine()
    except ImportError:
        raise NoTextLayerError(display, "OCR needs the pytesseract package", INSTALL_HINT) from None
    except Exception:  # pytesseract.TesseractNotFoundError and kin: no engine on PATH
        _engine.cache_clear()
        raise NoTextLayerError(display, "OCR needs the tesseract program", INSTALL_HINT) from None
    missing = [lang for lang in languages.split("+") if lang not in installed]
    if missing:
        packages = " ".join(f"tesseract-ocr-{m}" for m in missing)
        raise NoTextLayerError(display, f"Tesseract has no {'+'.join(missing)} model", f"apt-get install {packages}")
    return module, version


def page_image(page: Any, width: float) -> tuple[Any, int]:
    """(PIL image, dpi) of a scan page: its one image as stored, else a rendering at OCR_DPI."""
    import pypdfium2.raw as raw

    images = list(page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    if len(images) == 1:
        try:
            image = images[0].get_bitmap(render=False).to_pil()
            dpi = round(image.width / (width / 72))
            if 70 <= dpi <= 1200:
                return image.convert("L") if image.mode not in ("L", "RGB") else image, dpi
        except Exception:  # an image PDFium cannot decode as stored: render the page instead
            pass
    return page.render(scale=OCR_DPI / 72, grayscale=True).to_pil(), OCR_DPI


def ocr_page_chars(page: Any, width: float, height: float, display: str, languages: str, widths: dict) -> tuple[list[dict], str]:
    """The characters Tesseract reads on a scan page, in the page's own points; and its version."""
    import pypdfium2 as pdfium

    from planparse.extractors.pdf.pdfium import PdfiumPage

    module, version = ocr_engine(display, languages)
    image, dpi = page_image(page, width)
    os.environ.setdefault("OMP_THREAD_LIMIT", THREADS)
    try:
        data = module.image_to_pdf_or_hocr(image, lang=languages, extension="pdf", config=f"--dpi {dpi} -c textonly_pdf=1")
    except Exception as exc:  # Tesseract failed on this image
        raise NoTextLayerError(display, f"Tesseract could not read a page ({str(exc).strip()[:80]})") from None
    doc = pdfium.PdfDocument(data)
    try:
        text_page = doc[0]
        reader = PdfiumPage(text_page, widths)
        chars = reader.chars()
        sx, sy = width / reader.width, height / reader.height
        text_page.close()
    finally:
        doc.close()
    if abs(sx - 1) > 1e-3 or abs(sy - 1) > 1e-3:
        chars = [_scaled(c, sx, sy) for c in chars]
    return chars, version


def _scaled(c: dict, sx: float, sy: float) -> dict:
    new = dict(c)
    new["x0"], new["x1"] = c["x0"] * sx, c["x1"] * sx
    new["top"], new["bottom"] = c["top"] * sy, c["bottom"] * sy
    new["doctop"] = new["top"]
    new["size"] = c["size"] * sy
    return new
