"""A lone letter ending a word an unread narrow column cut, read again (issue 11, pdf.scan.reread).

kymenlaakso-lnp-header-rule@fin-300 (set M) p. 2 prints the schedule "2020 alkaen" in a column
a few letters wide: "202" / "0 al-" / "kae" / "n".  Tesseract left the whole column unread;
pdf.scan.reread found the first three lines as stretches of unread ink, but the lone "n" is too
narrow for a stretch (under MIN_WIDTH_PT and MIN_INK_CELLS), so every such schedule came out
"2020 alkae" (13 rows of 16).  Ink as tall as a letter on the next line right under a stretch,
at its left edge, is read too, and one letter is a reading.  The crop is the scan's own
(tests/scan_crops/kymenlaakso-lnp-header-rule-M-fin300-p2-lone-letter: characters as
unread_stretches gets them, ink at 150 dpi).
"""

from __future__ import annotations

from planparse.extractors.pdf.scan.reread import ReadWord, _chars, unread_stretches

from .scan_crop_helpers import load_crop


def test_a_lone_letter_under_an_unread_column_s_last_line_is_a_stretch() -> None:
    chars, ink, scale = load_crop("kymenlaakso-lnp-header-rule-M-fin300-p2-lone-letter")
    found = unread_stretches(chars, ink, scale)
    column = [s for s in found if 60 < s.x0 < 75]
    assert len(column) == 4  # "202", "0 al-", "kae", "n"
    *lines, letter = column
    assert not any(s.lone for s in lines) and letter.lone
    assert abs(letter.x0 - lines[-1].x0) < 1.0 and 9.5 < letter.bottom - lines[-1].bottom < 11.5
    assert letter.x1 - letter.x0 < 10.0
    assert len(found) == 4  # no speck of the other columns is read


def test_one_letter_read_in_a_lone_letter_stretch_is_kept() -> None:
    chars, ink, scale = load_crop("kymenlaakso-lnp-header-rule-M-fin300-p2-lone-letter")
    letter = [s for s in unread_stretches(chars, ink, scale) if s.lone][0]
    read = [ReadWord("n", 96.8, 12.5, 28.3, 12.5, 32.5)]
    assert "".join(c["text"] for c in _chars(letter, read, 300 / 72)) == "n"
    # a stretch as wide as a word still needs MIN_LETTERS (a lone letter there is a speck)
    assert _chars(letter._replace(lone=False), read, 300 / 72) == []
