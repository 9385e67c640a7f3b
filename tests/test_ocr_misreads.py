"""OCR word and sign misreadings repaired by the lexicon (issue 11).

Every string here is what Tesseract printed on the scans tools/scans/make_scans.py
makes (out/scans; the scan named beside each), and the expected text is what
the page said (the sample's YAML content).
"""

from __future__ import annotations

import pytest

from planparse.normalize.repair.lexicon import get_lexicon
from planparse.normalize.repair.ocr.words import misread_candidates, repair_misreads, repair_signs

FI = get_lexicon("fi")
needs_voikko = pytest.mark.skipif(FI.backend != "voikko", reason="the Finnish repairs are judged by Voikko")


def _fi(text: str) -> str:
    return repair_misreads(text, FI, FI.is_proper_noun)[0]


@needs_voikko
@pytest.mark.parametrize(
    ("printed", "said"),
    [
        # helsinki-kotoutuminen@fin-300: g read as o
        ("Kaupunoin työllisyyspalvelut ohjaavat asiakkaita", "Kaupungin työllisyyspalvelut ohjaavat asiakkaita"),
        ("esimerkiksi dialooikeskusteluilla, järjestöfoorumilla", "esimerkiksi dialogikeskusteluilla, järjestöfoorumilla"),
        # jarvela-ilmasto@fin-150 / fin-200-skew: a letter OCR added
        ("Newuvontatilaisuuksien ja osallistujien määrä", "Neuvontatilaisuuksien ja osallistujien määrä"),
        ("Neuwvontatilaisuuksien ja osallistujien määrä", "Neuvontatilaisuuksien ja osallistujien määrä"),
        # jarvela-ilmasto@fin-150: j read as i
        ("Vieraslaiitalkoiden määrä", "Vieraslajitalkoiden määrä"),
        # helsinki-kotoutuminen@fin-150: r read as t; helsinki@fin-200-skew: l read as i, U as J
        ("Kulttuurin ja vapaa-ajan toimialan nuotisopalvelut", "Kulttuurin ja vapaa-ajan toimialan nuorisopalvelut"),
        ("Työväenopisto Kaupunginkansiian elinkeino-osasto", "Työväenopisto Kaupunginkanslian elinkeino-osasto"),
        ("Judet yhteistyökumppanuudet ja yhteistyömuotojen määrä", "Uudet yhteistyökumppanuudet ja yhteistyömuotojen määrä"),
        # helsinki-kotoutuminen@fin-300, jarvela-ilmasto@fin-300: case misread inside running text
        ("väestöä paremmin vastaava OSuus", "väestöä paremmin vastaava osuus"),
        ("toimeentulotuen saajien OSUUS on suurin.", "toimeentulotuen saajien osuus on suurin."),
    ],
)
def test_misread_words_are_read_again(printed: str, said: str) -> None:
    assert _fi(printed) == said


@needs_voikko
@pytest.mark.parametrize(
    "text",
    [
        "Rakennetaan kevyen liikenteen väylä Keskustien ja Asemanseudun välille.",  # names Voikko reads as compounds
        "InfoFinlandin kanavia on uudistettu ja Finnishcourses.fi-sivustoa on kehitetty",  # camel case: a name
        "Vastuu määritelty HR-tehtävien osaksi (kyllä/ei)",  # an acronym
        "Asiakkaan halukkuus suositella palvelua NPS-suosittelemisindeksillä",
        "Helsingin kaupungin työntekijöistä ulkomaalaistaustaisia on kaupungin väestöä paremmin vastaava osuus",
        "Julkaistaan tärkeimmät päätökset myös selkosuomeksi, ruotsiksi ja englanniksi.",
    ],
)
def test_words_the_lexicon_accepts_and_names_stay(text: str) -> None:
    assert repair_misreads(text, FI, FI.is_proper_noun) == (text, 0)


@needs_voikko
def test_a_capital_repaired_mid_sentence_keeps_its_capital() -> None:
    # only a case misread ("OSuus") is written in lower case; a repaired letter leaves the case as printed
    assert _fi("Tampereen Kaupunoin hallitus") == "Tampereen Kaupungin hallitus"
    assert _fi("palvelut Kaupunoin alueella") == "palvelut Kaupungin alueella"


def test_signs_read_as_digits() -> None:
    # jarvela-ilmasto@fin-150 and fin-300: "m²" read as "m?"; strandby-jamstalldhet@swe-150: "(%)" as "(96)"
    assert repair_signs("kaikille yli 1 000 m? rakennuksille.") == ("kaikille yli 1 000 m² rakennuksille.", 1)
    assert repair_signs("Oförklarade löneskillnader (96)") == ("Oförklarade löneskillnader (%)", 1)
    # a real number in brackets, and a question after a unit-like word, stay
    assert repair_signs("vuonna 2019 (96 kpl)") == ("vuonna 2019 (96 kpl)", 0)


def test_per_cent_sign_read_as_other_digits_or_spaced() -> None:
    # held-out matrix scans (make_scans.py --from-matrix): sjovik-valfard grid @swe-300 and
    # shaded-header @eng-300, pihlajavesi grid @eng-150
    assert repair_signs("Andel elever som deltar i hobbyverksamhet (90)") == ("Andel elever som deltar i hobbyverksamhet (%)", 1)
    assert repair_signs("Andel elever som deltar i hobbyverksamhet (% )") == ("Andel elever som deltar i hobbyverksamhet (%)", 1)
    assert repair_signs("Andel elever som blivit mobbade (960)")[0] == "Andel elever som blivit mobbade (%)"  # shaded-header @swe-300
    # a page count and a real number after a number stay; "(20)" is a number as likely as a sign
    assert repair_signs("Sivu 12 (90)") == ("Sivu 12 (90)", 0)
    assert repair_signs("Andel elever som blivit mobbade (20)") == ("Andel elever som blivit mobbade (20)", 0)


def test_two_equally_likely_readings_are_left_as_printed() -> None:
    class Lexicon:  # a lexicon that accepts both readings of "kuoli" and knows neither's frequency
        backend = "test"

        def is_word(self, word: str) -> bool:
            return word in {"kuolj", "kuoll"}

        def zipf(self, word: str) -> float:
            return 0.0

    from planparse.normalize.repair.ocr.words import repair_misread

    assert repair_misread("kuoli", Lexicon()) == "kuoli"  # kuoli is not known here; i -> j and i -> l both fit


def test_candidates_undo_one_and_two_confusions() -> None:
    readings = dict((cand, n) for n, cand in misread_candidates("Kaupunoin"))
    assert readings["Kaupungin"] == 1
    assert all(n <= 2 for n in readings.values())
    assert "kaupunoin" not in readings  # the case of the first letter is OCR's, kept


# strandby-jamstalldhet@eng-150/-300: Tesseract's English model on a Swedish plan (å/ä/ö lost)
SWEDISH_ENG = [
    ("Atgardsplan", "Åtgärdsplan"),
    (
        "Jamstalldhets- och likabehandlingsarbetet ar en naturlig del av ledningen och den dagliga verksamheten",
        "Jämställdhets- och likabehandlingsarbetet är en naturlig del av ledningen och den dagliga verksamheten",
    ),
    (
        "Barn och elever beméts likvardigt oberoende av k6n, sprak, ursprung eller funktionsformaga",
        "Barn och elever bemöts likvärdigt oberoende av kön, språk, ursprung eller funktionsförmåga",
    ),
    ("Fdérvaltningschef", "Förvaltningschef"),
    ("daghemsforestandare", "daghemsföreståndare"),  # a compound the list lacks: daghem+s+föreståndare
    ("hésten 2024", "hösten 2024"),
    ("till foraldra- och vardledighet informeras om på intranätet.", "till föräldra- och vårdledighet informeras om på intranätet."),
]


@pytest.mark.skipif(get_lexicon("sv").backend == "none", reason="needs wordfreq's Swedish list")
@pytest.mark.parametrize(("printed", "said"), SWEDISH_ENG)
def test_swedish_lost_letters_are_restored(printed: str, said: str) -> None:
    from planparse.normalize.repair.ocr.text import repair_ocr_text

    assert repair_ocr_text(printed, "sv")[0] == said


def test_swedish_damage_is_detected_by_its_own_function_words() -> None:
    from planparse.normalize.repair.ocr.text import is_ocr_damaged

    damaged = " ".join(p for p, _ in SWEDISH_ENG) * 3
    clean = " ".join(s for _, s in SWEDISH_ENG) * 3
    assert is_ocr_damaged([damaged], "sv")
    assert not is_ocr_damaged([clean], "sv")
    assert not is_ocr_damaged([damaged], "fi")  # not Finnish: the Finnish map never sees it
    english = "The plan is a natural part of the management and of the daily work of the schools. " * 6
    assert not is_ocr_damaged([english], "sv")


def test_swedish_model_scan_is_not_repaired() -> None:
    import planparse

    from .conftest import SAMPLES

    doc = planparse.extract(SAMPLES / "scans" / "strandby-jamstalldhet@swe-150.pdf").to_dict()
    assert not any("å/ä/ö restored" in w["message"] for w in doc["warnings"])  # the Swedish model kept them


@pytest.mark.skipif(get_lexicon("sv").backend == "none", reason="needs wordfreq's Swedish list")
def test_swedish_plan_read_by_the_english_model_is_repaired_and_marked() -> None:
    import planparse

    from .conftest import SAMPLES

    doc = planparse.extract(SAMPLES / "scans" / "strandby-jamstalldhet@eng-150.pdf").to_dict()
    assert any(w["code"] == "ocr-repaired" and "å/ä/ö restored" in w["message"] for w in doc["warnings"])
    assert doc["records"][0]["section"] == "Åtgärdsplan"
    assert doc["records"][2]["goal"] == "Barn och elever bemöts likvärdigt oberoende av kön, språk, ursprung eller funktionsförmåga"
