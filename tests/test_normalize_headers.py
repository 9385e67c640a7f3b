"""Header text -> field mapping and column roles (normalize/tables/headers.py)."""

from __future__ import annotations

import pytest

from planparse.normalize.tables.headers import assign_roles, header_key, is_question_row, match_field


@pytest.mark.parametrize(
    "printed, field",
    [
        ("Tavoite", "goal"),
        ("Tavoitteet", "goal"),
        ("Välitavoite", "goal"),
        ("välitavoite", "goal"),
        ("Kehittämistavoite", "goal"),
        ("Painopiste", "goal"),
        ("Strateginen tavoite", "goal"),
        ("Toimenpide", "action"),
        ("Toimenpiteet", "action"),
        ("Toimenpide(t)", "action"),
        ("Keinot", "action"),
        ("Vastuutaho(t)", "owner"),
        ("Vastuutahot", "owner"),
        ("Vastuu", "owner"),
        ("Vastuuhenkilö", "owner"),
        ("Toimija(t)", "owner"),
        ("toimija(t) / toteuttaja(t)", "owner"),
        ("Toimeenpano- ja raportointivastuu", "owner"),
        ("Mittari", "indicator"),
        ("Mittarit", "indicator"),
        ("Seurannan mittarit", "indicator"),
        ("mittari / toteutuminen", "indicator"),
        ("Indikaattori", "indicator"),
        ("Seuranta", "indicator_weak"),
        ("Arviointi", "indicator_weak"),
        ("Aikataulu", "schedule"),
        ("Ajankohta", "schedule"),
        ("Vuosi", "schedule"),
        ("Mål", "goal"),
        ("Delmål", "goal"),
        ("Åtgärder", "action"),
        ("Ansvar", "owner"),
        ("Ansvarig", "owner"),
        ("Uppföljning", "indicator_weak"),
        ("Mätare", "indicator"),
        ("Tidplan", "schedule"),
        ("Objective", "goal"),
        ("Responsible", "owner"),
        ("Timeline", "schedule"),
        # OCR damage and typos reach the right field through rapidfuzz
        ("Tavoltteet", "goal"),
        ("Vastuutahat", "owner"),
        ("TOIMENPITEET", "action"),
    ],
)
def test_known_headers_map_to_their_field(printed, field):
    assert match_field(printed) == field


@pytest.mark.parametrize("printed", ["Toteutunut 2022–2023", "Toimintasuunnitelma 2024–2025", "seuranta / arviointi / ohjaus", "Päivä", "Agenda", "Toimielin", "", None])
def test_other_headers_are_unknown(printed):
    assert match_field(printed) is None


def test_header_key_drops_plural_marks_numbers_and_case():
    assert header_key("Vastuutaho(t):") == "vastuutaho"
    assert header_key("Toimija(t)/toteuttaja(t)") == "toimija / toteuttaja"
    assert header_key("Aikataulu 2024–2025") == "aikataulu"


def test_plural_mark_ocr_read_as_digits_still_names_the_column():
    # Tesseract (fin, 300 dpi) on "Vastuutaho(" / "t)" broken in a narrow header
    # cell of a held-out matrix scan (pihlajavesi grid A5): the "t)" came back "13)".
    assert header_key("Vastuutaho( 13)") == "vastuutaho"
    assert match_field("Vastuutaho( 13)") == "owner"


def test_a_long_header_one_letter_off_after_the_lost_ring_still_names_its_field():
    # Tesseract (eng, 300 dpi) on "Åtgärder" in a shaded header (held-out matrix scan,
    # sjovik-valfard shaded-header): the ring lost and ä read as i.
    assert match_field("Atgirder") == "action"
    assert match_field("Huomioita") is None  # a column of its own stays unknown


def test_seuranta_is_the_indicator_column_when_there_is_no_other():
    texts = ["Tavoitteet", "Toimenpiteet", "Seuranta", "Vastuutahot"]
    assert assign_roles(texts, [1] * 4, [["a"], ["b"], ["c"], ["d"]]) == ["goal", "action", "indicator", "owner"]


def test_seuranta_goes_to_extra_next_to_a_mittari_column():
    texts = ["Tavoite", "Toimenpide", "Mittari", "Seuranta"]
    assert assign_roles(texts, [1] * 4, [["a"], ["b"], ["c"], ["d"]]) == ["goal", "action", "indicator", "extra"]


def test_unheaded_number_column_gives_goal_id_or_action_id():
    texts = [None, "välitavoite", None, "toimenpide", "aikataulu"]
    values = [["1", "2", None], ["x", "y", "z"], ["1.1", "1.2", "2.1"], ["a", "b", "c"], ["2024", None, None]]
    assert assign_roles(texts, [1] * 5, values) == ["goal_id", "goal", "action_id", "action", "schedule"]


def test_unheaded_text_column_is_extra_and_empty_one_ignored():
    texts = ["Tavoite", None, None]
    assert assign_roles(texts, [1] * 3, [["a"], ["huom"], [None]]) == ["goal", "extra", "ignore"]


def test_a_second_column_of_the_same_field_keeps_its_own_header():
    texts = ["Painopiste", "Tavoite", "Toimenpide"]
    assert assign_roles(texts, [1] * 3, [["a"], ["b"], ["c"]]) == ["goal", "extra", "action"]


def test_question_row_is_recognised_and_data_is_not():
    assert is_question_row(["Missä on onnistuttava?", "Mitä ja miten se tehdään?", "Miten mitataan onnistuminen?", "Milloin?", "Kuka / ketkä?", "Esim. Resurssin käyttö, muita huomioita?"])
    assert not is_question_row(["Lasten ja nuorten arvostaminen", "Lapsen mielipiteen kuuleminen", "Laatukyselyjen toteutus", "2020 alkaen", "Johto", "Onko tämä kysymys?"])


def test_nro_columns_give_the_ids_of_their_neighbours():
    texts = ["Nro", "Tavoite", "Nro", "Toimenpide", "Tunnus"]
    values = [["1", "2"], ["a", "b"], ["1.1", "2.1"], ["c", "d"], ["HYTE-7", "X"]]
    assert assign_roles(texts, [1] * 5, values) == ["goal_id", "goal", "action_id", "action", "extra"]


def test_figures_under_a_goal_header_are_no_goals():
    # ICDAR eu-005: a statistics table with an "AIM 1992" column of percentages gave
    # records whose goal_id was the figure and whose goal was empty
    texts = [None, "Our estimates 1996", "AIM 1992", "HBS"]
    values = [["Austria", "Bel/Lux"], ["58.6", "61.6"], [None, "53"], [None, "60"]]
    assert assign_roles(texts, [1] * 4, values) == ["extra", "extra", "extra", "extra"]
