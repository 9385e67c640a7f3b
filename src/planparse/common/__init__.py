"""Small helpers both layers share: planparse's data files, bullet glyphs, OCR misreadings,
safe file names and the memory cap.  No file-format code and no language rules of their own."""
