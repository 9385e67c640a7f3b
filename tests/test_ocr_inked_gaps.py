"""Letters OCR skipped inside a word leave a gap the page image fills with ink (pdf.scan.chars.boxes.ink_gaps).

kymenlaakso-lnp-shaded-header@fin-150 p. 1 (scan set E, issue 11): Tesseract
read the head "seuranta / arviointi / ohjaus" as "seuranta / arvi: nti / ohjaus",
10 pt of white between "arvi:" and "nti" in its text layer where the image prints
"oi".  The header took a seventh column there, the body's lines ran across it and
the table broke under the header: 0.17 record F1.  The crop in tests/scan_crops is
the real ink and text layer of that header (see tests/test_ocr_phantom_marks.py).
"""

from __future__ import annotations

from tests.test_ocr_phantom_marks import _crop


def _gaps(chars: list[dict]) -> dict[tuple[str, str], float]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    runs = char_runs(chars)
    text = lambda run: "".join(chars[i]["text"] for i in run)  # noqa: E731
    return {(text(a), text(b)): chars[b[0]]["x0"] - chars[a[-1]]["x1"] for a, b in zip(runs, runs[1:])}


def test_skipped_letters_close_their_gap_and_column_gaps_stay() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink_gaps import close_inked_gaps

    chars, ink, scale = _crop("kymenlaakso-shaded-header-p1-head")
    before = _gaps(chars)
    assert before[("arvi:", "nti")] > 6.4  # wider than a column gap may be narrow (0.8 of 8 pt)
    after = _gaps(close_inked_gaps(chars, ink, scale))
    assert after[("arvi:", "nti")] < 4.0  # a word space
    # the white between two columns' heads is no skipped letter
    column_gaps = [pair for pair, gap in before.items() if gap > 20]
    assert column_gaps and all(after[pair] == before[pair] for pair in column_gaps)


def test_the_header_keeps_its_six_columns() -> None:
    """Read through the table code, the header line gives six runs (six columns), not seven."""
    from planparse.extractors.pdf.scan.chars.boxes.ink_gaps import close_inked_gaps
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.regions import split_segments
    from planparse.extractors.pdf.words import chars_to_words, group_lines

    from dataclasses import replace

    settings = replace(DEFAULT_SETTINGS, ocr_text=1)
    chars, ink, scale = _crop("kymenlaakso-shaded-header-p1-head")

    def runs_of_first_line(cs: list[dict]) -> list[str]:
        full = [{**c, "upright": True, "doctop": c["top"], "object_type": "char", "matrix": (1, 0, 0, 1, 0, 0),
                 "non_stroking_color": (0.0,), "size": 8.0} for c in cs]
        lines = group_lines(chars_to_words(full, flow=True), settings)
        return [" ".join(w.text for w in sg.words) for sg in split_segments(lines[0], settings)]

    assert len(runs_of_first_line(chars)) == 7
    assert runs_of_first_line(close_inked_gaps(chars, ink, scale))[-1] == "seuranta / arvi: nti / ohjaus"
    assert len(runs_of_first_line(close_inked_gaps(chars, ink, scale))) == 6
