"""Scanned pages: rules from the page image, OCR run by planparse."""
