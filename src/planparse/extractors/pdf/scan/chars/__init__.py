"""An OCR text layer's characters checked against the page image, in one chain of small steps.

Tesseract's layer is noisy in ways the text alone cannot undo: marks read from
white paper, words read from another line's dots, boxes set on the wrong line,
words glued across a column gap, letters skipped, en dashes read as hyphens, no
bold anywhere.  Each module here fixes one of these by what the image shows
under a word's box; `repair_chars` runs them in the order they need each other
(boxes regrown before words are settled on their ink, settled before glued words
are cut).  Every step takes characters and returns characters, so each can be
tested alone on a real page crop.
"""

from __future__ import annotations

from typing import Any, Callable

from planparse.extractors.pdf.scan.chars.unprinted.between_lines import drop_between_lines
from planparse.extractors.pdf.scan.chars.glyphs.dashes import en_dashes
from planparse.extractors.pdf.scan.chars.unprinted.end_stops import drop_phantom_stops
from planparse.extractors.pdf.scan.chars.boxes.flat_boxes import regrow_flat_boxes
from planparse.extractors.pdf.scan.chars.glyphs.quarters import quarter_letters
from planparse.extractors.pdf.scan.chars.boxes.ink import settle_on_ink, split_glued_words
from planparse.extractors.pdf.scan.chars.boxes.ink_gaps import close_inked_gaps
from planparse.extractors.pdf.scan.chars.boxes.lead_white import onto_ink_start
from planparse.extractors.pdf.scan.chars.glyphs.lost_bullets import give_back_bullets
from planparse.extractors.pdf.scan.chars.unprinted.over_letters import drop_over_letters
from planparse.extractors.pdf.scan.chars.unprinted.phantom import drop_phantom_marks
from planparse.extractors.pdf.scan.chars.unprinted.rule_glyphs import drop_rule_glyphs
from planparse.extractors.pdf.scan.chars.glyphs.weight import mark_bold


def repair_chars(
    chars: list[dict], ink: Any, dark: Any, scale: float, ruled: bool,
    reread: Callable[[list[dict]], list[dict]] | None = None, resampled: bool = False,
) -> list[dict]:
    """`chars` (straightened to the page) checked against `ink` (dark pixels but rules) and
    `dark` (every dark pixel), both at `scale` pixels per point; `ruled`: the page has rules;
    `reread`: the words Tesseract reads again where printed ink has none (pdf.scan.reread),
    asked once the words stand on their own ink; `resampled`: the image was rotated straight,
    which greys a stop's few pixels under the ink threshold (no ink there proves nothing)."""
    chars = drop_phantom_marks(drop_rule_glyphs(chars, ink, dark, scale), ink, scale)  # "1" read from a rule, "—" from white
    chars = drop_over_letters(regrow_flat_boxes(chars))  # "ahi" read from the dots and ascenders of "Lähiyhteisön"
    chars = settle_on_ink(chars, ink, scale)
    if reread is not None:  # (a box Tesseract wrote a line off leaves its ink looking unread until settled)
        chars = reread(chars)
    chars = drop_between_lines(chars, ink, scale)  # garbage read between two printed lines
    chars = close_inked_gaps(split_glued_words(chars, ink, scale), ink, scale)  # "arvi: nti"
    chars = onto_ink_start(chars, ink, scale)  # "telyt" boxed 6 pt left of its ink
    if not resampled:
        chars = drop_phantom_stops(chars, ink, scale)  # "ymmärrettävää." printed without a stop
    chars = quarter_letters(dark, chars)  # "03/2025" printed "Q3/2025"
    chars = en_dashes(ink, chars)  # "(1-5)" printed "(1–5)"
    chars = mark_bold(chars, ink, scale)  # a bold header row, told by its strokes
    chars = give_back_bullets(chars, ink, scale)  # dash bullets the text layer lacks
    return chars
