"""OCR text repair: glyph misreadings and lost letters (ä/ö/å) undone by the lexicon and what the document itself prints, item numbering, items a column repeats."""
