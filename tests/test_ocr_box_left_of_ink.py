"""An OCR word boxed left of its ink set on its ink (issue 11, set G).

kymenlaakso-lnp-hrules@fin-200-skew (matrix seed 16), p. 6: Tesseract boxed "telyt", the last
line of the cell "Viranomaistoimi- / joiden yhteiset / palvelujen määrit- / telyt", at
453.9-472.9 pt (straightened) while its ink stands at 459.8-476.6: 6 pt of white at the box's
start, on a line box stretched to 11 pt.  The column starts at 459, so the line read as running
text across the columns and ended the table in the middle of goal 2: goal 2 lost two of its
actions and goal 3 ("Perheiden kokonaisvaltaisen ...") was no record (15 records for 16).

tests/scan_crops/kymenlaakso-hrules-fin200-p6-lead-white.* is that cell as it reaches
`onto_ink_start` (characters in the crop's points, ink at 150 dpi); tests/scan_pages/
kymenlaakso-lnp-hrules-seed16@fin-200-skew-p6.pdf is p. 6 of the scan.
"""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.extractors.pdf.scan.chars.boxes.lead_white import onto_ink_start
from planparse.extractors.pdf.scan.chars.runs import char_runs
from tests.scan_crop_helpers import load_crop

SCAN = Path(__file__).parent / "scan_pages" / "kymenlaakso-lnp-hrules-seed16@fin-200-skew-p6.pdf"
COLUMN = 459.0 - 440.16  # the column's start in the crop's points


def _boxes(chars: list[dict]) -> dict[str, tuple[float, float]]:
    return {"".join(chars[i]["text"] for i in run): (chars[run[0]]["x0"], chars[run[-1]]["x1"]) for run in char_runs(chars)}


def test_a_word_boxed_left_of_its_ink_moves_onto_it() -> None:
    chars, ink, scale = load_crop("kymenlaakso-hrules-fin200-p6-lead-white")
    before = _boxes(chars)
    assert before["telyt"][0] < COLUMN - 4
    after = _boxes(onto_ink_start(chars, ink, scale))
    assert COLUMN - 1 < after["telyt"][0] < COLUMN + 2
    assert after["telyt"][1] > before["telyt"][1]
    # the words whose boxes start at their ink stay as they are
    for word in ("Viranomaistoimi-", "joiden", "yhteiset", "palvelujen", "määrit-"):
        assert after[word] == before[word]


def test_the_table_goes_on_past_that_line() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    assert [r["goal_id"] for r in records] == ["1", "2", "3"]
    second = records[1]
    assert second["goal"] == "Monialaiset ja monitoimijaiset joustavasti tuotetut palvelut"
    assert len(second["actions"]) == 3
    assert records[2]["indicators"][0] == "Systeeminen malli laajasti käytössä"
