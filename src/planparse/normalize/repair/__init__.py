"""Text repair: line-break hyphens, OCR-lost letters and glyphs, lexicon, language."""
