"""OCR characters checked against the shapes the page image prints: en dashes by stroke width, quarters' Q, bold by stroke weight, bullets read as nothing."""
