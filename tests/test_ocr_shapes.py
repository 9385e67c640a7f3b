"""OCR words of capitals written over lower-case ink, read again (issue 11, pdf.scan.shapes).

Tesseract wrote plausible capitals over plain text it failed on; the box spans the right ink,
so only the ink's shape tells: capitals rise above the x-height, "nuorten arvos-" barely does.
The crops are real held-out scans (tests/scan_crops, ink at 150 dpi and the layer's characters),
set G's kymenlaakso-lnp-hrules@fin-300 (a clean 300-dpi page):

* kymenlaakso-hrules-G-fin300-p1-capitals (p. 1): goal 1 "Lasten ja / nuorten arvos- /
  taminen" has "HTOTTSN 1105:" for its second line; the owner cell beside it holds real
  capitals ("LNPsos ja LNPter"), the schedule "2020";
* kymenlaakso-hrules-G-fin300-p2-capitals (p. 2): the indicator "3-tason vaikutus-
  arviointi: maa-/kunta" has "SINIOIRUI 1947" for "arviointi: maa-";
* kymenlaakso-hrules-G-fin300-p5-capitals (p. 5): the action "Lähiyhteisön hyödyntä- /
  minen palvelupoluissa" has "minen PA veupo SSA" for its second line.
"""

from __future__ import annotations

from planparse.extractors.pdf.scan.garbled import garbled_runs
from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.reread import (
    ReadWord, Stretch, _already_read, _chars, _fits_better, _layer_words, unread_stretches,
)
from planparse.extractors.pdf.scan.shapes import capitals_over_small_ink, word_shapes

from .scan_crop_helpers import load_crop


def _texts(chars: list[dict], runs: list[list[int]]) -> list[str]:
    return ["".join(chars[i]["text"] for i in run) for run in runs]


def test_capitals_over_lower_case_ink_are_told_from_real_capitals() -> None:
    chars, ink, scale = load_crop("kymenlaakso-hrules-G-fin300-p1-capitals")
    assert _texts(chars, capitals_over_small_ink(chars, ink, scale)) == ["HTOTTSN"]
    shapes = {shape.text: shape for _run, shape in word_shapes(chars, ink, scale)}
    assert shapes["HTOTTSN"].tall == 7 and shapes["HTOTTSN"].rising == 0  # "nuorten" rises at its t alone
    for word in ("LNPsos", "LNPter", "2020"):  # printed capitals and figures rise as their letters need
        assert shapes[word].rising >= shapes[word].tall


def test_the_capitals_stretch_takes_its_line_mates_and_is_read_again() -> None:
    chars, ink, scale = load_crop("kymenlaakso-hrules-G-fin300-p1-capitals")
    found = [s for s in unread_stretches(chars, ink, scale, garbled_runs(chars) + capitals_over_small_ink(chars, ink, scale)) if s.replaces]
    assert len(found) == 1
    assert sorted("".join(chars[i]["text"] for i in found[0].replaces)) == sorted("HTOTTSN1105:")
    assert found[0].x0 < 21 and found[0].x1 > 78  # the whole printed "nuorten arvos-"


def test_a_line_of_capitals_and_figures_over_an_indicator_is_read_again() -> None:
    chars, ink, scale = load_crop("kymenlaakso-hrules-G-fin300-p2-capitals")
    misfits = capitals_over_small_ink(chars, ink, scale)
    assert _texts(chars, misfits) == ["SINIOIRUI"]
    found = [s for s in unread_stretches(chars, ink, scale, garbled_runs(chars) + misfits) if "S" in {chars[i]["text"] for i in s.replaces}]
    assert len(found) == 1
    assert sorted("".join(chars[i]["text"] for i in found[0].replaces)) == sorted("SINIOIRUI1947")


def test_a_reading_replaces_capitals_only_when_it_fits_the_ink_better() -> None:
    chars, ink, scale = load_crop("kymenlaakso-hrules-G-fin300-p2-capitals")
    misfit = capitals_over_small_ink(chars, ink, scale)[0]
    replaced = [c for c in chars if c["top"] == chars[misfit[0]]["top"] and c["x0"] >= chars[misfit[0]]["x0"] and c["text"].strip()]
    assert "".join(c["text"] for c in replaced) == "SINIOIRUI1947"
    s = Stretch(222.0, 59.0, 281.0, 64.0, 200)
    k = 300 / 72
    # what Tesseract read there (single line, 300 dpi): fewer letters than the garbage, but no capitals
    read = _chars(s, [ReadWord("arviointi:", 93.0, 10, 140, 5, 30), ReadWord("maa-", 92.0, 155, 230, 5, 30)], k)
    assert _fits_better(read, replaced)
    assert not _fits_better(_chars(s, [ReadWord("SINIOIRUI", 90.0, 10, 140, 5, 30), ReadWord("1947", 90.0, 155, 230, 5, 30)], k), replaced)
    assert not _fits_better(_chars(s, [ReadWord("maa", 93.0, 155, 230, 5, 30)], k), replaced)  # a fragment of the stretch


def test_the_words_a_reading_replaces_do_not_hold_it_already() -> None:
    chars, ink, scale = load_crop("kymenlaakso-hrules-G-fin300-p5-capitals")
    assert _texts(chars, capitals_over_small_ink(chars, ink, scale)) == ["PA", "SSA"]
    line = [run for run in char_runs(chars) if abs(chars[run[0]]["top"] - 24.3) < 0.1 and chars[run[0]]["x0"] < 130]
    assert _texts(chars, line) == ["minen", "PA", "veupo", "SSA"]
    replaced = {i for run in line for i in run}
    s = Stretch(43.0, 25.0, 136.0, 34.0, 300)
    read = [ReadWord("minen", 97.0, 0, 80, 0, 40), ReadWord("palvelupoluissa", 92.0, 95, 380, 0, 40)]
    # the layer's own "minen" on that line made the reading look read already, and it was dropped
    assert _already_read(s, read, _layer_words(chars))
    assert not _already_read(s, read, _layer_words(chars, replaced))
