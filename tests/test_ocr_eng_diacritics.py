"""The eng model's rarer readings of ä/ö (issue 11, "diacritic-word-misread" on the scans).

Tesseract's `eng` model prints an ö as a capital G inside a word (`saannGllisesti`,
`kiytt6Gn`), an ää as `ili` or `iti`, an ä as `éi`, and an ö as `i` in a word Voikko
spells as an odd compound (`saannillisesti` = saan+nillisesti).  The confusions are data
(data/ocr_confusions.yaml, lost_diacritics/lost_diacritics_multi `fi`); a word is changed
only when the lexicon rejects it (or knows it only as a compound the frequency list never
saw) and accepts the restored reading.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planparse.normalize.repair.ocr import repair_ocr_text, repair_word

from .text_repair_helpers import lexicon_for

EXPECTED = Path(__file__).resolve().parent / "expected"


@pytest.fixture(scope="module")
def voikko():
    lexicon = lexicon_for("voikko")
    if not lexicon.has_spellchecker:
        pytest.skip("Voikko not installed")
    return lexicon


@pytest.mark.parametrize(
    "printed, page",
    [
        ("saannGllisesti", "säännöllisesti"),  # ö read as G
        ("kiytt6Gn", "käyttöön"),  # ä as i, öö as 6G
        ("kasvihuonekaasupilist6t", "kasvihuonekaasupäästöt"),  # ää as ili
        ("jéitevedenpumppaamot", "jätevedenpumppaamot"),  # ä as éi
        ("ymmiéirrettavaa", "ymmärrettävää"),  # ä as iéi
        ("saannillisesti", "säännöllisesti"),  # Voikko: saan+nillisesti, a word the list never saw
    ],
)
def test_eng_model_readings_are_restored(voikko, printed, page):
    assert repair_word(printed, voikko) == page


@pytest.mark.parametrize(
    "word",
    [
        "kestivät",  # a Finnish word of its own (kestää, past tense): never turned into kestävät
        "Gallup",  # a G opening a word is a G
        "Gökar",
        "kilin",
        "liitin",
        "tilitoimisto",
        "kiitin",
        "kaupungille",
    ],
)
def test_real_words_stay(voikko, word):
    assert repair_word(word, voikko) == word


def test_in_running_text(voikko):
    text, n = repair_ocr_text("Seurataan saannGllisesti kasvihuonekaasupilist6t ja kestivät ratkaisut.", "fi", voikko)
    assert text == "Seurataan säännöllisesti kasvihuonekaasupäästöt ja kestivät ratkaisut."
    assert n == 2


_NEW_PATHS = re.compile(r"ili|iti|éi|.G")


def _words(node):
    if isinstance(node, str):
        yield from re.findall(r"[^\W_]+", node)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _words(value)
    elif isinstance(node, list):
        for value in node:
            yield from _words(value)


def test_clean_expected_words_stay(voikko):
    """No clean word of tests/expected that the new confusions could reach (ili, iti, éi, a G
    inside, or a word Voikko spells that the frequency list never saw) is changed."""
    words = {w for f in sorted(EXPECTED.glob("*.json")) for w in _words(json.loads(f.read_text(encoding="utf-8"))["records"])}
    reachable = sorted(w for w in words if _NEW_PATHS.search(w) or (voikko.is_word(w) and voikko.zipf(w) == 0.0))
    assert len(reachable) > 100
    assert [w for w in reachable if repair_word(w, voikko) != w] == []
