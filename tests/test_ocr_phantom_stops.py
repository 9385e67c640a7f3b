"""Stops and commas OCR put after a word where the page image shows none, dropped (issue 11, 150 dpi).

The crops in tests/scan_crops are real: the ink (rules taken out, as
pdf.scan.raster.page_geometry leaves it) of a page region of a held-out scan
rendered at 150 dpi, and the characters of Tesseract's text layer there as
pdf.scan.chars.repair_chars hands them to drop_phantom_stops, in the crop's
points (see each JSON's "source").
"""

from __future__ import annotations

from tests.scan_crop_helpers import load_crop


def _words(chars: list[dict]) -> list[str]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return ["".join(chars[i]["text"] for i in run) for run in char_runs(chars)]


def test_a_stop_never_printed_goes() -> None:
    """vake-osallisuus-frame@fin-150 (scan set J) p. 1: the goal "Hyvinvointialueen viestintä
    on selkeää ja ymmärrettävää eri kanavissa" was read "ymmärrettävää. eri kanavissa"; the
    image ends the word in the last "ä"'s stroke, with no dot after it.  The goal (four
    records) is right letter for letter once the stop goes."""
    from planparse.extractors.pdf.scan.chars.unprinted.end_stops import drop_phantom_stops

    chars, ink, scale = load_crop("vake-frame-J-fin150-p1-stop")
    assert "ymmärrettävää." in _words(chars)
    kept = drop_phantom_stops(chars, ink, scale)
    assert _words(kept) == [w if w != "ymmärrettävää." else "ymmärrettävää" for w in _words(chars)]


def test_an_indicator_loses_its_stop_and_printed_stops_stay() -> None:
    """Same scan p. 4: the indicator "Lapsivaikutusten arvioinnin malli" was read "malli." (no dot
    on the page), while "työskentelyyn." and "ohjeistus," of the next column are printed so
    (the comma hangs under the line, a pixel after the "s")."""
    from planparse.extractors.pdf.scan.chars.unprinted.end_stops import drop_phantom_stops

    chars, ink, scale = load_crop("vake-frame-J-fin150-p4-stops")
    words = _words(chars)
    assert {"malli.", "työskentelyyn.", "ohjeistus,"} <= set(words)
    kept = _words(drop_phantom_stops(chars, ink, scale))
    assert kept == [w if w != "malli." else "malli" for w in words]


def test_a_printed_comma_stays_when_the_box_ends_past_it() -> None:
    """vake-osallisuus-frame@fin-150 (scan set E) p. 4: "tilanteisiin, joissa": the comma's box
    ends 6 pt right of its ink, over the "j" of the next word; the word's own ink (the one
    the box covers most) ends in the comma, which stays."""
    from planparse.extractors.pdf.scan.chars.unprinted.end_stops import drop_phantom_stops

    chars, ink, scale = load_crop("vake-frame-E-fin150-p4-stops")
    assert "tilanteisiin," in _words(chars)
    assert drop_phantom_stops(chars, ink, scale) == chars


def test_a_run_of_several_printed_words_keeps_its_sign() -> None:
    """samples/scan-helsinki-kotoutuminen.pdf p. 1 read with pdfminer: its invisible text has no
    space characters, so "onkehitetty(kylla/ei," is one run whose box holds four printed words;
    the word with the most ink under the box ended in a letter and the printed comma was dropped
    (PDFium, whose text has spaces, kept it: tests/test_pdf_parsers.py caught the difference).
    Whose end the sign is cannot be told there, and it stays."""
    from planparse.extractors.pdf.opening import open_pages
    from planparse.settings import ExtractOptions
    from planparse.source import Source
    from tests.conftest import SAMPLES

    with open_pages(Source.from_path(SAMPLES / "scan-helsinki-kotoutuminen.pdf"), ExtractOptions(pdf_parser="pdfminer")) as (_n, read):
        chars = read(1)[0]
    text = "".join(c["text"] for c in chars if c["text"].strip())
    assert "(kylla/ei,Finnishcourses" in text
    assert "(kylla/ei,tekevat" in text
    assert "tarpeisiin.kehitetty" in text
