"""A stub of a rule left a pixel off level by the deskew is rule, not ink (issue 11, scan set L).

The crop in tests/scan_crops is real: the dark pixels (rules in) of kymenlaakso-lnp-hrules@fin-200-skew
(matrix seed 21) p. 6 around the table's top rule above "2020", rendered at 150 dpi and turned
straight as pdf.scan.raster.page_geometry turns it, and Tesseract's characters there in the
crop's points.
"""

from __future__ import annotations

from pathlib import Path

import json
CROPS = Path(__file__).parent / "scan_crops"
NAME = "kymenlaakso-hrules-L-fin200-p6-rule-stub"


def _dark():
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(CROPS / f"{NAME}-dark.png").convert("L")) < 128


def _chars() -> list[dict]:
    data = json.loads((CROPS / f"{NAME}.json").read_text(encoding="utf-8"))
    return [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": bottom - top}
            for t, x0, x1, top, bottom in data["chars"]]


def _words(chars: list[dict]) -> list[str]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return ["".join(chars[i]["text"] for i in run) for run in char_runs(chars)]


def test_a_rule_stub_is_no_mark_s_ink() -> None:
    """The deskewed top rule leaves a 7 pt stretch on the pixel row under it; a "—" Tesseract
    read before "2020" had that stub in its window and was kept as printed: the schedule
    column began at 235 pt, not 244, page 6 did not join the header band on page 5 and
    goals II.1-3 were lost.  With the stub taken as rule the dash goes; the printed dash
    bullet before "LNPsos" (cut to "LNPs" by the crop) has ink of its own and stays."""
    from planparse.extractors.pdf.scan.chars.unprinted.phantom import drop_phantom_marks
    from planparse.extractors.pdf.scan.raster import rules_and_ink

    chars, scale = _chars(), 150 / 72
    edges, ink = rules_and_ink(_dark(), scale)
    assert any(e["orientation"] == "h" and e["width"] > 80 for e in edges)
    words = _words(chars)
    assert words[:5] == ["hekes-", "—", "2020", "—", "LNPs"]
    kept = _words(drop_phantom_marks(chars, ink, scale))
    assert kept == [w for k, w in enumerate(words) if k != 1]


def test_only_pixels_along_the_rule_leave_the_ink() -> None:
    """What the stub test takes out of the ink lies on the two pixel rows beside the rule;
    the letters of "2020", "alka", "LNPsos" keep every pixel."""
    import numpy as np

    from planparse.extractors.pdf.scan.raster import MIN_RULE_PT, _runs_mask, rules_and_ink

    dark = _dark()
    scale = 150 / 72
    _edges, ink = rules_and_ink(dark, scale)
    rule = _runs_mask(dark, max(8, round(MIN_RULE_PT * scale)), 1) | _runs_mask(dark, max(8, round(MIN_RULE_PT * scale)), 0)
    gone = dark & ~rule & ~ink
    assert gone.any()
    rule_rows = np.nonzero(rule.any(axis=1))[0]
    for r in np.nonzero(gone.any(axis=1))[0]:
        assert np.abs(rule_rows - r).min() <= 2
