"""A header repeated overleaf on a skewed scan, its heads kept whole (issue 11, set G).

vake-osallisuus-borderless@eng-200-skew (matrix seed 16) repeats the header "Tavoite |
Toimenpide | Toimeenpano- ja / raportointivas- / tuu | Mittari" at the top of p. 2.  Two things
cut it there:
- OCR read "ja_Mittari" as one word (a speck in the gutter); `split_glued_words` cut it at the
  gap but set "ja" on its ink, 9.4 pt after the box of "Toimeenpano-" (the layer's boxes end
  short of their ink), more than a word space: "ja" was weighed apart, regular, and became a
  column of its own.  Five columns did not continue the table of p. 1, and every goal of p. 2
  shifted a row (F1 0.84, fields 0.72).  The part keeps the box's own start now.
- the head's last line "tuu" weighs regular on this scan (box 1.15, ink 1.21 the body's), so it
  is a row of its own under the repeat: a record with the owner "tuu" (both models, 26 for 25).
  A row under a repeated header whose letters finish the heads the repeat cut short is the
  header's rest (`repeat_rests.ends_cut_heads`).

tests/scan_crops/vake-borderless-eng200-p2-glued-head.* is the head "Toimeenpano- ja_Mittari" of
p. 2 as it reaches `split_glued_words` (characters in the crop's points, ink at 150 dpi);
tests/scan_pages/vake-osallisuus-borderless-seed16@eng-200-skew-p1-2.pdf is pp. 1-2 of the scan.
"""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words
from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.chars.glyphs.weight import _segments
from planparse.normalize.tables.rests.repeat_rests import ends_cut_heads
from tests.scan_crop_helpers import load_crop

SCAN = Path(__file__).parent / "scan_pages" / "vake-osallisuus-borderless-seed16@eng-200-skew-p1-2.pdf"


def _words(chars: list[dict]) -> list[str]:
    return ["".join(chars[i]["text"] for i in run) for run in char_runs(chars)]


def test_a_glued_word_cut_keeps_its_box_start_and_its_line() -> None:
    chars, ink, scale = load_crop("vake-borderless-eng200-p2-glued-head")
    assert "ja_Mittari" in _words(chars)
    cut = split_glued_words(chars, ink, scale)
    words = _words(cut)
    assert "ja" in words and "Mittari" in words
    runs = char_runs(cut)
    index = {w: k for k, w in enumerate(words)}
    groups = _segments(cut, runs)
    # "ja" is weighed with the head it belongs to, not alone
    assert any(index["Toimeenpano-"] in g and index["ja"] in g for g in groups)
    assert not any(index["ja"] in g and index["Mittari"] in g for g in groups)


def test_the_rest_of_a_cut_head_is_no_row() -> None:
    heads = ["Tavoite", "Toimenpide", "Toimeenpano- ja raportointivastuu", "Mittari"]
    repeat = ["Tavoite", "Toimenpide", "Toimeenpano- ja raportointivas-", "Mittari"]
    assert ends_cut_heads([None, None, "tuu", None], repeat, heads)
    # a data row is not: its text does not finish the head, or stands under a head not cut
    assert not ends_cut_heads([None, None, "Viestintä", None], repeat, heads)
    assert not ends_cut_heads([None, None, "tuu", "Mittari"], repeat, heads)
    assert not ends_cut_heads([None, None, "tuu", None], heads, heads)


def test_the_goals_of_p2_go_on_from_p1() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    assert not any(r["owners"] == ["tuu"] for r in records)
    table = [r for r in records if r["source"]["table"] == 2]
    first = "Hyvinvointialueen viestintä on selkeää ja ymmärrettävää eri kanavissa"
    assert [r["goal"] for r in table[:4]] == [first] * 4
    assert [r["source"]["page"] for r in table[:4]] == [1, 2, 2, 2]
    assert table[4]["goal"].startswith("Asiakas saa tarvitsemansa palvelun")
    assert table[4]["actions"][0].startswith("Sujuvoitetaan yhteydenotto")
