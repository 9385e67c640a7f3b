"""Is a page a scan, are its characters OCR text: the tests every page of every PDF meets.

Kept apart from pdf.scan.raster (and the other scan modules), which only a scan page
needs: a born-digital plan then never loads them (each module a fresh process imports
is compiled from source where no bytecode is written, ~10 ms for raster alone).
"""

from __future__ import annotations

from typing import Any

IMAGE_COVER = 0.5  # an image over this share of the page makes it a scan


def is_scan_page(page: Any, width: float, height: float) -> bool:
    """A page covered by one image (a scan), judged from PDFium's page objects."""
    import pypdfium2.raw as raw

    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= IMAGE_COVER * width * height:
            return True
    return False


def mark_ocr(chars: list[dict]) -> list[dict]:
    """Tag a scan page's characters as OCR text (read_page reads its words accordingly)."""
    for c in chars:
        c["ocr"] = True
    return chars


def is_ocr_page(chars: list[dict]) -> bool:
    return bool(chars) and bool(chars[0].get("ocr"))
