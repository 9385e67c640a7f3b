"""Word spaces an OCR layer lost, given back (issue 11, pdf.scan.spaces).

Tesseract sizes a line's word spaces from the line, and the wide gap after a dash bullet
makes it take the ordinary spaces for letter gaps: "Allachefer deltarien" for "Alla chefer
deltar i en", "Andelchefer" for "Andel chefer", at every dpi and with both models
(strandby-jamstalldhet-hrules, set J).  The crop is the real scan
(tests/scan_crops/strandby-hrules-swe300-p1-glued-spaces: swe-300 p. 1, the layer's
characters as they stand before the step, the ink at 150 dpi, the page image at 300 dpi).
"""

from __future__ import annotations

from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.reread import ReadWord
from planparse.extractors.pdf.scan.spaces import _respaced, glued_runs, respace_glued_words

from .scan_crop_helpers import CROPS, load_crop
from .test_scans import tesseract  # noqa: F401 - the fixture

CROP = "strandby-hrules-swe300-p1-glued-spaces"


def _words(chars: list[dict]) -> list[str]:
    return ["".join(chars[i]["text"] for i in run) for run in char_runs(chars)]


def test_words_whose_ink_holds_a_word_space_are_found() -> None:
    chars, ink, scale = load_crop(CROP)
    found = ["".join(chars[i]["text"] for i in run) for run, _need in glued_runs(chars, ink, scale)]
    assert found == ["Allachefer", "deltarien", "Andelchefer"]
    # the goal's and the other columns' words (hyphenated "diskrimi-", "neringslagstiftningen") are not
    assert len(_words(chars)) > 20


def test_a_new_reading_counts_only_with_the_layer_s_own_letters() -> None:
    chars, _ink, _scale = load_crop(CROP)
    run = next(run for run, _n in glued_runs(*load_crop(CROP)))
    k = 300 / 72
    cut = [(ReadWord("Alla", 90.0, 10, 60, 0, 30), 80.0), (ReadWord("chefer", 90.0, 70, 150, 0, 30), 80.0)]
    assert "".join(c["text"] for c in _respaced(chars, run, cut, k, 2.0)) == "Alla chefer"
    misread = [(ReadWord("Alla", 90.0, 10, 60, 0, 30), 80.0), (ReadWord("chefe", 90.0, 70, 150, 0, 30), 80.0)]
    assert _respaced(chars, run, misread, k, 2.0) is None  # a letter lost: no new text from a reading
    assert _respaced(chars, run, [(ReadWord("Allachefer", 90.0, 10, 150, 0, 30), 80.0)], k, 2.0) is None


def test_glued_words_are_cut_where_the_crop_read_alone_has_spaces(tesseract: None) -> None:
    from PIL import Image

    chars, ink, scale = load_crop(CROP)
    image = Image.open(CROPS / f"{CROP}-page.png").convert("L")
    words = _words(respace_glued_words(chars, ink, scale, lambda: (image, 300), "fin+swe"))
    for glued in ("Allachefer", "Andelchefer"):
        assert glued not in words
    start = words.index("Alla")
    # "deltar i en" read alone is still one word to Tesseract: left as the layer has it
    assert words[start:start + 3] == ["Alla", "chefer", "deltarien"]
    assert words[words.index("Andel") + 1] == "chefer"


# kymenlaakso-lnp-header-rule@fin-300 (set M) p. 1: Tesseract wrote the owner cell's first line
# "- LNPsos ja" as one word "-LNPsosja" (three rows of that scan); read again alone it is
# "-" / "LNPsos" / "ja" (Tesseract's own boxes, recorded), and the dash bullet is a part of its
# own: only a sign between two words ("Kuka / ketkä?") is no word (tests/scan_crops/
# kymenlaakso-lnp-header-rule-M-fin300-p1-glued-bullet: characters as the step gets them).
def test_a_dash_bullet_glued_before_a_cell_s_words_is_parted() -> None:
    chars, ink, scale = load_crop("kymenlaakso-lnp-header-rule-M-fin300-p1-glued-bullet")
    runs = glued_runs(chars, ink, scale)
    assert ["".join(chars[i]["text"] for i in run) for run, _need in runs] == ["-LNPsosja"]
    run, need = runs[0]
    x_off = min(chars[i]["x0"] for i in run) - 12 / (300 / 72)
    read = [(ReadWord("-", 93.0, 13, 22, 0, 30), x_off), (ReadWord("LNPsos", 93.0, 36, 148, 0, 30), x_off),
            (ReadWord("ja", 93.0, 161, 185, 0, 30), x_off)]
    assert "".join(c["text"] for c in _respaced(chars, run, read, 300 / 72, need)) == "- LNPsos ja"
