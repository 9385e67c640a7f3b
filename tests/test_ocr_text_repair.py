"""OCR text repairs found on held-out scans (issue 11): one test per cause.

Each cause is a way Tesseract misprints text, undone by evidence (the
lexicon knows the repaired word and not the printed one, or the glyphs
around say what a mark is); the words here are examples of the cause, not a
list the code knows.
"""

from __future__ import annotations

import pytest

from planparse.normalize.repair.lexicon import get_lexicon
from planparse.normalize.repair.ocr import repair_word
from planparse.normalize.repair.ocr_glyphs import ocr_glyphs, rejoin_split, year_ranges
from planparse.normalize.repair.ocr_words import repair_misread, repair_misreads

FI = get_lexicon("fi")
needs_voikko = pytest.mark.skipif(FI.backend != "voikko", reason="the Finnish repairs are judged by Voikko")


@needs_voikko
def test_lost_a_umlaut_read_as_i_ii_or_dropped_is_found_through_the_word_list() -> None:
    # the eng model prints ä as i, ii, aai or nothing: no letter-for-letter map reaches these
    assert repair_word("hyviksytty", FI) == "hyväksytty"
    assert repair_word("kiiynnistetaan", FI) == "käynnistetään"
    assert repair_word("paivitetaain", FI) == "päivitetään"
    assert repair_word("sihkoinen", FI) == "sähköinen"
    assert repair_word("jarjestmiseen", FI) == "järjestämiseen"  # an ä dropped altogether
    # an edit outside the ä/ö confusions is never made (r for n is another misreading)
    assert repair_word("kotikaynrit", FI) == "kotikaynrit"


@pytest.mark.skipif(get_lexicon("sv").backend == "none", reason="needs wordfreq's Swedish list")
def test_lost_swedish_a_umlaut_read_as_ii_is_found_through_the_word_list() -> None:
    assert repair_word("samhillet", get_lexicon("sv")) == "samhället"


def test_underscores_read_from_rules_are_dropped_with_their_dashes() -> None:
    assert ocr_glyphs("vähenee ja osal-_") == "vähenee ja osal-"  # the hyphen stays for the join
    assert ocr_glyphs("_velut") == "velut"
    assert ocr_glyphs("—_opisto") == "opisto"
    assert ocr_glyphs("koulutusta ja_—_") == "koulutusta ja"
    assert ocr_glyphs("työnohjaus- —_") == "työnohjaus-"
    assert ocr_glyphs("Palautteen _keskiarvo") == "Palautteen keskiarvo"
    assert ocr_glyphs("etu_suku@kunta.fi") == "etu_suku@kunta.fi"  # inside an address it is the writer's


def test_roman_goal_numbers_read_as_look_alike_letters() -> None:
    assert ocr_glyphs("Il. Koulujen oppilashuolto") == "II. Koulujen oppilashuolto"
    assert ocr_glyphs("HI. Nuorten") == "III. Nuorten"
    assert ocr_glyphs("IIL. Nuorten") == "III. Nuorten"
    assert ocr_glyphs("l. Perheet") == "I. Perheet"
    assert ocr_glyphs("11. Perheet") == "11. Perheet"  # eleven
    assert ocr_glyphs("T. Virtanen") == "T. Virtanen"  # an initial


def test_year_range_with_its_second_year_cut_by_a_space() -> None:
    assert year_ranges("vuosille 2026-20 27") == "vuosille 2026–2027"
    assert year_ranges("2025—20 26") == "2025–2026"


@needs_voikko
def test_words_ocr_cut_with_a_space_are_joined_or_the_space_moved() -> None:
    def reading(word: str) -> str:
        return repair_misread(word, FI)

    assert rejoin_split("tukea j a neuvontaa", "fi", FI.is_word, reading) == ("tukea ja neuvontaa", 1)
    assert rejoin_split("Kulttuuri, liikuntaj a nuoriso", "fi", FI.is_word, reading) == ("Kulttuuri, liikunta ja nuoriso", 1)
    assert rejoin_split("toimii il man autoa", "fi", FI.is_word, reading)[0] == "toimii ilman autoa"
    assert rejoin_split("vapaiden jär iestämiseen", "fi", FI.is_word, reading)[0] == "vapaiden järiestämiseen"
    # two known words stay apart (a compound written open is the writer's choice), and so
    # does a stray letter beside a known word
    for text in ("vuosi puolisko", "ase a olevat", "on a b c"):
        assert rejoin_split(text, "fi", FI.is_word, reading) == (text, 0)


@needs_voikko
def test_lower_case_l_read_as_capital_i_or_t() -> None:
    assert repair_misreads("osallisuus Iisääntyy", FI, FI.is_proper_noun)[0] == "osallisuus lisääntyy"
    assert repair_misreads("Iisätään tietoa", FI, FI.is_proper_noun)[0] == "Lisätään tietoa"
    assert repair_misreads("asuvat turvatlisesti", FI, FI.is_proper_noun)[0] == "asuvat turvallisesti"
    assert repair_misreads("Ikääntyneet asuvat", FI, FI.is_proper_noun)[0] == "Ikääntyneet asuvat"


def test_number_ranges_take_the_dash_the_document_shows() -> None:
    from planparse.normalize.repair.ocr_glyphs import dash_ranges, reads_dash_ranges

    # one range read with a dash ("8.—9.") shows the writer's dashes: the hyphen-read ones are dashes too
    assert reads_dash_ranges(["8.—9.-luokkalaisten", "keskiarvo (1-5)"])
    assert not reads_dash_ranges(["S2-opetus 1-2 kertaa", "päivitetty 2024-02-12"])
    assert dash_ranges("keskiarvo (1-5)") == "keskiarvo (1–5)"
    assert dash_ranges("7.-9.-luokkalaisille") == "7.–9.-luokkalaisille"
    for text in ("päivitetty 2024-02-12", "puh. 040-1234567", "S2-opetus", "tulos 5-3"):
        assert dash_ranges(text) == text  # a date, a phone number, a code, a score


@pytest.mark.skipif(get_lexicon("sv").backend == "none", reason="needs wordfreq's Swedish list")
def test_swedish_compound_with_a_linking_s_is_repaired_by_its_halves() -> None:
    sv = get_lexicon("sv")
    assert repair_word("sysselsattningstjansterna", sv) == "sysselsättningstjänsterna"
    assert repair_word("utlaningscentral", sv) == "utlåningscentral"


@pytest.mark.skipif(get_lexicon("sv").backend == "none", reason="needs wordfreq's Swedish list")
def test_small_o_umlaut_read_as_capital_o_mid_sentence() -> None:
    from planparse.normalize.repair.ocr import repair_ocr_text

    assert repair_ocr_text("andelen elever Okar med tiden. Okar det", "sv")[0] == "andelen elever ökar med tiden. Ökar det"


@needs_voikko
def test_o_umlaut_read_as_two_glyphs_prefers_the_word_the_list_knows() -> None:
    # Voikko also spells työ+ällisyys; the frequency list knows only työllisyys
    assert repair_word("TyOdllisyys", FI) == "Työllisyys"
    assert repair_word("yhteisdéllisyys", FI) == "yhteisöllisyys"
    assert repair_word("hydédynnetaan", FI) == "hyödynnetään"
    assert repair_word("kodin", FI) == "kodin"


def test_dash_bullet_read_as_two_dashes_is_a_bullet() -> None:
    from planparse.extractors.pdf.scan.raster import ocr_bullets
    from planparse.extractors.pdf.words import Word

    words = [Word("—-", 100.0, 108.0, 200.0, 209.0, 9.0, False), Word("Antal", 112.0, 135.0, 200.0, 209.0, 9.0, False)]
    assert [w.text for w in ocr_bullets(words)] == ["•", "Antal"]
    words = [Word("=", 100.0, 105.0, 200.0, 209.0, 9.0, False), Word("Vioinnin", 109.0, 135.0, 200.0, 209.0, 9.0, False)]
    assert [w.text for w in ocr_bullets(words)] == ["=", "Vioinnin"]  # "=" is also read from a letter's strokes


@needs_voikko
def test_marks_ocr_put_into_a_word_broken_at_the_line_end() -> None:
    from planparse.normalize.repair.ocr_glyphs import ocr_line_breaks

    assert ocr_line_breaks(["Kansalaisopiston ta-", "* lousarvio"], FI.is_word) == ["Kansalaisopiston ta-", "lousarvio"]
    assert ocr_line_breaks(["kirjas-", "—topalvelut"], FI.is_word) == ["kirjas-", "topalvelut"]
    # a hyphen read as a colon: the parts are no words, the joined word is
    assert ocr_line_breaks(["80 vuotta täyt:", "täneille."], FI.is_word) == ["80 vuotta täyt-", "täneille."]
    for lines in (["Noutopisteen käyttö:", "kerrat"], ["Tavoite on selvä.", "seuraavaksi"], ["toimenpiteet:", "— kaikki"]):
        assert ocr_line_breaks(lines, FI.is_word) == lines  # the writer's colon, stop or dash bullet
