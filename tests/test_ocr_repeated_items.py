"""A list item OCR garbled takes the reading its column repeats in other rows (issue 11, set L).

kymenlaakso-lnp-hrules@fin-300 (set L, matrix seed 21; A5, six narrow columns): every row's
owners' cell prints "LNPsos ja LNPter henkilös-" / "tö", "Johto", "Muut lap" / "si/nuoris" /
"otoimijat".  Tesseract reads the short "tö" as "16", "(a", or not at all in most rows (owners
exact 0 of 16 before `ocr_repeats`), while three rows read "henkilöstö".
tests/scan_crops/kymenlaakso-hrules-seed21-fin300-repeats.json holds each record's owners and
schedule as they reach `repeated_items` on that scan.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from planparse.model import Record
from planparse.normalize.repair.lexicon import get_lexicon
from planparse.normalize.repair.ocr.repeats import repeated_items, repeated_reading

CROP = Path(__file__).parent / "scan_crops" / "kymenlaakso-hrules-seed21-fin300-repeats.json"
OWNERS = ["LNPsos ja LNPter henkilöstö", "Johto", "Muut lapsi/nuorisotoimijat"]


def _records() -> list[Record]:
    data = json.loads(CROP.read_text(encoding="utf-8"))["records"]
    return [Record(owners=r["owners"], schedule=r["schedule"]) for r in data]


def test_misread_rests_take_the_repeated_reading() -> None:
    records = _records()
    before = sum(r.owners[:2] == OWNERS[:2] for r in records)
    changed = repeated_items(records, get_lexicon("fi").is_word)
    after = [r.owners for r in records]
    assert changed >= 8
    assert sum(o[:2] == OWNERS[:2] for o in after) >= before + 6
    kept = "LNPsos ja LNPter henkilös-Johto"  # the next item run in: a word the reading lacks
    for owners in after:
        for item in owners:
            assert item == kept or "henkilös-" not in item and item != "LNPsos ja LNPter henkilös"
    assert [r.schedule for r in records].count("2020 alkaen") == len(records)  # "2020 alka" too


def test_variants_by_words_or_numbers_stay() -> None:
    is_word = get_lexicon("fi").is_word
    readings = Counter({"Muut lapsi/nuorisotoimijat": 9, "Kunta 1": 3, "LNPsos ja LNPter henkilöstö": 5})
    # a row that adds words, or runs the next item in, is no misread copy
    for item in ("Muut lapsi/nuorisotoimijat esim. harrastusseurat", "Muut lapsi/nuoris otoimijat harrastusseurat",
                 "Kunta 2", "LNPsos ja LNPter henkilös-Johto"):
        assert repeated_reading(item, readings, is_word) == item
    assert repeated_reading("LNPsos ja LNPter henkilös-16", readings, is_word) == "LNPsos ja LNPter henkilöstö"
