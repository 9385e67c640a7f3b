"""OCR words and marks the page never printed, dropped where the image shows no ink of their own: between lines, over letters' tops, from white paper, stops after a stroke, glyphs of a rule."""
