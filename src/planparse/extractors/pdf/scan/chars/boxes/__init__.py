"""OCR word boxes set on the ink they were read from: flat boxes regrown, words settled on their printed line, glued words cut, skipped letters' gaps closed, a box's white lead trimmed."""
