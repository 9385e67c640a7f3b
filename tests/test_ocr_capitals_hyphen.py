"""A run of capitals ending in a hyphen stays on its line (issue 11, scan set J).

sjovik-valfard-borderless@swe-150 (and @eng-150) p. 2: pdf.scan.chars.boxes.ink.settle_on_ink lifted "HR-"
of the Ansvarig cell "Sysselsättningstjänster, HR- / enheten" 2.9 pt, toward the header row
above it: beside two capitals (crossbar, bowl) the hyphen's bar made the middle of the line
its densest rows, taken for the foot of an x-height.  While the header row reads regular this
is harmless; told bold across (a level-head rule tried for pdf.scan.chars.glyphs.weight), "HR-" joined the
header ("Ansvarig Sysselsättningstjänster, HR-enheten").  Such a run is no longer measured: it
moves with the word beside it.  The crop in tests/scan_crops is the page's real characters
(as settle_on_ink gets them: straightened) and ink (see tests/scan_crop_helpers.py).
"""

from __future__ import annotations

from tests.scan_crop_helpers import load_crop


def test_capitals_hyphen_moves_with_its_line() -> None:
    from planparse.extractors.pdf.scan.chars.runs import char_runs
    from planparse.extractors.pdf.scan.chars.boxes.ink import settle_on_ink

    chars, ink, scale = load_crop("sjovik-valfard-borderless-swe150-p2-raised-hyphen")
    out = settle_on_ink(chars, ink, scale)
    words = {"".join(out[i]["text"] for i in run): out[run[0]] for run in char_runs(out)}
    assert abs(words["HR-"]["top"] - words["Sysselsättningstjänster,"]["top"]) < 0.6
