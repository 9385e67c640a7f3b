"""Indicator boxes: the free-standing blocks of a page, box reading, the source list."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.extractors.pdf.boxes import find_text_boxes
from planparse.extractors.pdf.words import Word
from planparse.intermediate import BoxLine, RawDocument, TextBlock, TextBox
from planparse.normalize.tables.cells import TextJoiner
from planparse.normalize.indicators import build_indicators, parse_figure, read_box, source_entries
from planparse.normalize.records import TextRepair
from planparse.settings import ExtractOptions


def _word(text: str, x0: float, top: float, size: float, bold: bool = False) -> Word:
    return Word(text, x0, x0 + 0.5 * size * len(text), top, top + size, size, bold)


def _box(x: float, top: float, label: list[str], values: list[tuple[str, str]], ref: str) -> list[Word]:
    words, y = [], top
    for line in label:
        words.append(_word(line, x, y, 8, True))
        y += 9.6
    y += 5
    for value, group in values:
        words.append(_word(value, x, y, 13, True))
        y += 13.6
        words.append(_word(group, x, y, 6.5))
        y += 11
    words.append(_word(ref, x + 62, y, 7.5))
    return words


def test_boxes_side_by_side_are_apart_and_keep_their_reference_number() -> None:
    words = _box(40, 100, ["Työttömät"], [("13%", "koko")], "5") + _box(150, 100, ["Tyytyväisiä", "elämäänsä"], [("88%", "lukio"), ("76%", "amis")], "7")
    words += _box(260, 100, ["Harrastaa"], [("95%", "8.–9.")], "24")
    boxes = find_text_boxes(words, 3)
    assert [[ln.text for ln in b.lines] for b in boxes] == [
        ["Työttömät", "13%", "koko", "5"], ["Tyytyväisiä", "elämäänsä", "88%", "lukio", "76%", "amis", "7"], ["Harrastaa", "95%", "8.–9.", "24"]]
    assert all(b.page == 3 for b in boxes)


def test_running_text_gives_no_boxes() -> None:
    words = [_word(f"sana{i}", 40 + 40 * (i % 10), 100 + 12 * (i // 10), 10) for i in range(200)]
    assert find_text_boxes(words, 1) == []


def test_figures() -> None:
    assert (parse_figure("7,9 %").value, parse_figure("7,9 %").unit) == (7.9, "%")
    assert (parse_figure("88 %").value, parse_figure("1820").unit) == (88, None)
    assert parse_figure("4 210").value == 4210 and parse_figure("-6 %").value == -6
    assert parse_figure("8.–9. luokkalaisista") is None


def _line(text: str, size: float, top: float, bold: bool = False) -> BoxLine:
    return BoxLine(text, 0, 50, top, top + size, size, bold)


def test_a_box_reads_label_values_groups_and_a_smaller_reference() -> None:
    box = TextBox(1, (0, 0, 60, 90), [_line("Nuoriso-", 8, 0, True), _line("työttömät", 8, 10, True), _line("19 %", 13, 24, True),
                                       _line("4", 7.5, 40)])
    reading = read_box(box, TextJoiner())
    assert (reading.name, reading.ref, [(v.value, v.unit, v.group) for v in reading.values]) == ("Nuorisotyöttömät", "4", [(19, "%", None)])
    table_column = TextBox(1, (0, 0, 60, 90), [_line("TA 2024", 9, 0), _line("1 234", 9, 12), _line("5 678", 9, 24)])
    assert read_box(table_column, TextJoiner()) is None  # figures no larger than the label: a table, not a box


def test_source_list_entries_give_national_values_and_sources() -> None:
    text = ("7. Tyytyväinen elämäänsä: perusopetus. 4. ja 5. luokkalaisista, koko maa: 89,5 %. Lukiolaisista, koko maa76,1 %. "
            "| Kouluterveyskysely 2019 | 4-vuotiaiden huoltajista, koko maa: 90,1 %. | Lasten terveys, hyvinvointi ja palvelut (LTH) 2018")
    raw = RawDocument("pdf", [], blocks=[TextBlock("paragraph", [text]),
                                         TextBlock("paragraph", ["4. Nuorisotyöttömät: 15–24-vuotiaat. Koko maa: 12,3 %. | Tilastokeskus ja TEM 2018"]),
                                         TextBlock("paragraph", ["Kymenlaakso: 1,9 %. Koko maan tilanne: 1,5 %. | Sosiaali LC 2019"])])
    entries = source_entries(raw, TextJoiner())
    assert set(entries) == {"7", "4"}
    assert [(v.value, v.group) for v in entries["7"].national] == [(89.5, "4. ja 5. luokkalaisista"), (76.1, "Lukiolaisista"), (90.1, "4-vuotiaiden huoltajista")]
    assert entries["7"].sources == ["Kouluterveyskysely 2019", "Lasten terveys, hyvinvointi ja palvelut (LTH) 2018"]
    assert [(v.value, v.group) for v in entries["4"].national] == [(12.3, None)]


def test_a_box_under_two_sub_goals_of_a_main_goal_is_one_indicator() -> None:
    def box(x: float, top: float) -> TextBox:
        return TextBox(1, (x, top, x + 60, top + 40), [_line("Työttömät", 8, top, True), _line("13 %", 13, top + 12, True), _line("5", 7.5, top + 30)])

    heads = [TextBox(1, (0, 40, 200, 60), [_line("1. Työllisyys", 10, 40, True), _line("Muutos on helppo toteuttaa.", 8, 52)]),
             TextBox(1, (0, 140, 200, 160), [_line("2. Toimeentulo", 10, 140, True)])]
    main = TextBox(1, (0, 0, 300, 30), [_line("1.1 | PÄÄTAVOITE I:", 14, 0, True), _line("Arki sujuu", 14, 16, True)])
    raw = RawDocument("pdf", [], text_boxes=[main, *heads, box(0, 80), box(80, 80), box(0, 180)])
    raw.text_boxes[-2] = TextBox(1, (80, 80, 140, 120), [_line("Nuoriso-", 8, 80, True), _line("työttömät", 8, 90, True), _line("19 %", 13, 104, True), _line("4", 7.5, 120)])
    indicators, _ = build_indicators(raw, TextJoiner())
    assert [(i.name, i.main_goal, [(g.goal_id, g.note) for g in i.goals]) for i in indicators] == [
        ("Työttömät", "PÄÄTAVOITE I: Arki sujuu", [("1", "Muutos on helppo toteuttaa."), ("2", None)]),
        ("Nuorisotyöttömät", "PÄÄTAVOITE I: Arki sujuu", [("1", "Muutos on helppo toteuttaa.")])]


SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.mark.skipif(not list(SEEDS.glob("003_*.txt")), reason="shared seeds not available")
def test_seed_003_source_list_as_printed() -> None:
    """Seed 003's own numbered source list (its line breaks, hyphens and typos): 32 entries."""
    text = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    blocks = [TextBlock("paragraph", [ln for ln in p.split("\n") if ln.strip()]) for p in text.split("\n\n") if p.strip()]
    raw = RawDocument("pdf", [], blocks=blocks, body_text=[ln for b in blocks for ln in b.lines])
    entries = source_entries(raw, TextRepair(raw, ExtractOptions()).joiner)
    assert sorted(entries, key=int) == [str(n) for n in range(1, 33)]
    assert [(v.value, v.unit, v.group) for v in entries["28"].national] == [(17.1, "%", "4. ja 5. luokkalaisista"), (27.9, "%", "8. ja 9. luokkalaisista")]
    assert entries["28"].sources == ["Kouluterveyskysely 2019"]
    assert [v.value for v in entries["7"].national] == [89.5, 75.2, 74.5, 76.1, 90.1]  # "koko maa76,1 %" as printed
    assert entries["16"].national == [] and entries["4"].national[0].group is None
