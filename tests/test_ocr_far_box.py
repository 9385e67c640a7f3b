"""A word Tesseract boxed most of a line off its ink, set back on it (issue 11, pdf.scan.chars.boxes.ink).

kymenlaakso-lnp-header-rule@fin-300 (set M) p. 5 prints goal 7 "Turvallinen / elinympä- /
ristö" in a narrow column.  Tesseract boxed "elinympä-" 7 pt tall and 4.6 pt over its ink,
in the white between "Turvallinen" and "ristö": more than settle_on_ink's usual reach (0.6 of
the box height, 4.2 pt), so the word stayed there and drop_between_lines took it for garbage
read between two lines ("Turvallinen ristö").  No other word stands on that ink line over
its width: the ink is this word's own, and it is moved onto it.  The crop is the scan's own
(tests/scan_crops/kymenlaakso-lnp-header-rule-M-fin300-p5-far-box: characters as
settle_on_ink gets them, ink at 150 dpi).
"""

from __future__ import annotations

from planparse.extractors.pdf.scan.chars.boxes.ink import settle_on_ink
from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.chars.unprinted.between_lines import drop_between_lines

from .scan_crop_helpers import load_crop


def _boxes(chars: list[dict]) -> dict[str, tuple[float, float]]:
    out = {}
    for run in char_runs(chars):
        out["".join(chars[i]["text"] for i in run)] = (chars[run[0]]["top"], chars[run[0]]["bottom"])
    return out


def test_a_word_boxed_between_two_lines_moves_onto_its_unread_ink() -> None:
    chars, ink, scale = load_crop("kymenlaakso-lnp-header-rule-M-fin300-p5-far-box")
    before = _boxes(chars)
    assert before["elinympä-"][0] - before["Turvallinen"][0] < 6.5  # 6 pt under a line 10.6 pt apart
    settled = settle_on_ink(chars, ink, scale)
    after = _boxes(settled)
    shift = after["elinympä-"][0] - before["elinympä-"][0]
    assert 4.0 < shift < 5.0
    # now a line pitch under "Turvallinen" and over "ristö", and kept as a printed word
    assert 9.5 < after["elinympä-"][0] - after["Turvallinen"][0] < 11.5
    assert 9.5 < after["ristö"][0] - after["elinympä-"][0] < 11.5
    assert "elinympä-" in _boxes(drop_between_lines(settled, ink, scale))


def test_a_far_shift_onto_a_line_another_word_holds_is_not_made() -> None:
    chars, ink, scale = load_crop("kymenlaakso-lnp-header-rule-M-fin300-p5-far-box")
    run = next(r for r in char_runs(chars) if "".join(chars[i]["text"] for i in r) == "elinympä-")
    top, bottom = chars[run[0]]["top"] + 4.5, chars[run[0]]["bottom"] + 4.5
    # a word the layer holds already on that ink line ("elinympä-" read twice): the far box stays put
    twin = [dict(chars[i], top=top, bottom=bottom) for i in run]
    settled = settle_on_ink(chars + twin, ink, scale)
    assert [round(settled[i]["top"], 2) for i in run] == [round(chars[i]["top"], 2) for i in run]


def test_only_a_word_with_letters_moves_that_far() -> None:
    # a page foot's "1 (7)" lifted 5.8 pt joined the table over it (kymenlaakso-lnp-grid@fin-300,
    # set K); goal 7's number "7" of this crop is such a run, "elinympä-" a word
    from planparse.extractors.pdf.scan.chars.boxes.ink import _far_movable

    chars, _ink, _scale = load_crop("kymenlaakso-lnp-header-rule-M-fin300-p5-far-box")
    runs = {"".join(chars[i]["text"] for i in r): r for r in char_runs(chars)}
    assert _far_movable(chars, runs["elinympä-"]) and not _far_movable(chars, runs["7"])
    assert not _far_movable([dict(c, reread=True) for c in chars], runs["elinympä-"])  # boxed on its ink already


def _settled(crop: str) -> tuple[list[dict], list[dict], dict[str, list[int]]]:
    """The crop's characters, the same settled on their ink, and its runs by their text."""
    chars, ink, scale = load_crop(crop)
    return chars, settle_on_ink(chars, ink, scale), {"".join(chars[i]["text"] for i in r): r for r in char_runs(chars)}


def test_a_bullet_follows_its_word_moved_that_far() -> None:
    # kymenlaakso-lnp-hrules@fin-300 (set J): "Muutlapsi/nuorisotoimijat" boxed 4.3 pt over its
    # ink (0.62 of its 7 pt box) moved onto it, and its bullet, read "*", too short to measure,
    # stayed: the item lost its marker and was read as the rest of "Johto" above it
    chars, settled, runs = _settled("kymenlaakso-lnp-hrules-J-fin300-bullet-far")
    word, bullet = runs["Muutlapsi/nuorisotoimijat"], runs["*"]
    shift = settled[word[0]]["top"] - chars[word[0]]["top"]
    assert shift > 0.6 * (chars[word[0]]["bottom"] - chars[word[0]]["top"])  # a far move
    assert round(settled[bullet[0]]["top"] - chars[bullet[0]]["top"], 2) == round(shift, 2)


def test_no_far_move_for_a_word_its_line_neighbours_do_not_follow() -> None:
    # kymenlaakso-lnp-hrules@fin-150 (set H) p. 8: "Lapsi-," measured 5.8 pt off its ink (0.64
    # of its 9 pt box: the descender of p and the comma), beside "nuori-" on the same OCR line
    # measured near its ink.  Moved alone it fell under "nuori-": the goal read "nuori- Lapsi-, ja ..."
    chars, settled, runs = _settled("kymenlaakso-lnp-hrules-H-fin150-p8-line-agrees")
    lapsi, nuori = runs["Lapsi-,"], runs["nuori-"]
    h = chars[lapsi[0]]["bottom"] - chars[lapsi[0]]["top"]
    assert abs(settled[lapsi[0]]["top"] - chars[lapsi[0]]["top"]) <= 0.6 * h
    assert settled[lapsi[0]]["top"] < settled[nuori[0]]["bottom"]  # still on nuori-'s line
