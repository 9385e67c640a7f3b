"""Rows -> records on hand-built tables shaped like the seed plans (normalize/records.py, rows.py)."""

from __future__ import annotations

from planparse.settings import ExtractOptions

from .normalize_helpers import cell, normalize, row, table

TURKU_HEADER = ("Tavoitteet", "Toimenpiteet", "Vastuutahot", "Seurannan mit-\ntarit", "Toteutunut 2022–\n2023", "Toimintasuunni-\ntelma 2024–2025")
GOAL_H = "Heikommassa\nasemassa ole-\nvien väestöryh-\nmien huomioimi-\nnen"


def test_turku_six_columns_hyphen_broken_headers_and_extra_keys():
    doc = normalize(
        table(
            row(*TURKU_HEADER, page=1),
            row("Yhdenvertaisuus- ja\ntasa-arvotoi-\nminnan johtami-\nnen", "Seurantamittariston tie-\ntopohjan rakentaminen", "Konsernihallinnon\nhyte-tiimi,\nviestintä- ja markkinoin-\ntipalvelut, asiakaspal-\nvelut", "Mittariston kehit-\ntäminen aloitettu", "Kestävän kehityksen\nmittareita.", "Lisätään mää-\nreet.", page=1),
            page=1,
        )
    )
    (rec,) = doc.records
    assert rec.goal == "Yhdenvertaisuus- ja tasa-arvotoiminnan johtaminen"
    assert rec.actions == ["Seurantamittariston tietopohjan rakentaminen"]
    assert rec.owners == ["Konsernihallinnon hyte-tiimi", "viestintä- ja markkinointipalvelut", "asiakaspalvelut"]
    assert rec.indicators == ["Mittariston kehittäminen aloitettu"]
    assert rec.extra == {"Toteutunut 2022–2023": "Kestävän kehityksen mittareita.", "Toimintasuunnitelma 2024–2025": "Lisätään määreet."}
    assert rec.source.to_dict() == {"page": 1, "table": 1, "row": 1}


def test_repeated_header_dropped_and_row_split_by_page_break_joined():
    # seed 000: the header is printed again on page 2 and the goal is repeated
    # above the rest of a row that the page break cut
    doc = normalize(
        table(
            row(*TURKU_HEADER, page=1),
            row(GOAL_H, "Kehitetään yhteistyötä\nja viedään näkö-", "Konsernihallinnon\nhyte-tiimi, vaikuttaja-", "Yhteistyön suun-\nnitelma tehty", "Yhta-toimikunta on\nlakkautettu.", "Huomioidaan", page=1),
            row(*TURKU_HEADER, page=2, starts_page=True),
            row(GOAL_H, "kulmia eteenpäin", "ryhmien sihteerit", "kevät 2022", "", "vaikuttajaryhmissä.", page=2),
            row(GOAL_H, "Sukupuolineutraalit tilat\nhuomioidaan.", "Tilapalvelut", "Ohjeistus tehty", "", "", page=2),
            page=1,
        )
    )
    assert [r.actions for r in doc.records] == [
        ["Kehitetään yhteistyötä ja viedään näkökulmia eteenpäin"],
        ["Sukupuolineutraalit tilat huomioidaan."],
    ]
    first = doc.records[0]
    assert first.goal == "Heikommassa asemassa olevien väestöryhmien huomioiminen"
    assert first.owners == ["Konsernihallinnon hyte-tiimi", "vaikuttajaryhmien sihteerit"]
    assert first.indicators == ["Yhteistyön suunnitelma tehty kevät 2022"]
    assert first.extra["Toimintasuunnitelma 2024–2025"] == "Huomioidaan vaikuttajaryhmissä."
    assert [r.source.to_dict() for r in doc.records] == [{"page": 1, "table": 1, "row": 1}, {"page": 2, "table": 1, "row": 2}]


def test_a_real_new_row_at_the_top_of_a_page_is_not_joined():
    doc = normalize(
        table(
            row("Tavoite", "Toimenpide", "Vastuu", page=1),
            row("Viestintä on selkeää", "Keskeisin tieto tuotetaan selkokielelle.", "Viestintä", page=1),
            row("", "Verkkosivuja kehitetään yhdessä asiakkaiden kanssa.", "Viestintä", page=2, starts_page=True),
        )
    )
    assert len(doc.records) == 2
    assert doc.records[1].goal == "Viestintä on selkeää"  # blank under the first: filled down
    assert doc.records[1].source.page == 2


def test_a_page_top_row_without_an_action_is_the_rest_of_the_row_above():
    doc = normalize(
        table(
            row("Tavoite", "Toimenpide", "Vastuu", "Mittari", page=1),
            row("Viestintä on selkeää", "Tieto tuotetaan selkokielelle.", "Viestintä", "Asukaskyselyn kysymys", page=1),
            row("", "", "", "Verkkosivujen kävijämäärä", page=2, starts_page=True),
        )
    )
    (rec,) = doc.records
    assert rec.indicators == ["Asukaskyselyn kysymys", "Verkkosivujen kävijämäärä"]


def test_vake_goals_printed_once_are_filled_down_blank_or_merged():
    doc = normalize(
        table(
            row("Tavoite", "Toimenpide", "Toimeenpano- ja raportointivastuu", "Mittari"),
            row("Asiakas saa palvelun oikea-aikaisesti.", "Sujuvoitetaan yhteydenottoja", "Kaikki toimialat", "Vasteajat saavutetaan."),
            row("", "Asukkaat ohjautuvat hyte-palveluihin", "Viestintä", "Hyte-palveluihin siirtyneiden määrä"),
            row(None, "Käytetään esteettömiä tiloja", "Tilapalvelut", ""),
            row("Digitaalisten palvelujen saatavuus paranee", "Järjestetään tukea", "Terveystieteiden palvelut", ""),
            heading="Parannamme palvelujen saavutettavuutta",
        ),
        fmt="docx",
    )
    assert [r.goal for r in doc.records] == ["Asiakas saa palvelun oikea-aikaisesti."] * 3 + ["Digitaalisten palvelujen saatavuus paranee"]
    assert {r.section for r in doc.records} == {"Parannamme palvelujen saavutettavuutta"}
    assert doc.records[2].indicators == []
    assert [r.source.row for r in doc.records] == [1, 2, 3, 4]
    assert all(r.source.page is None for r in doc.records)


def test_helsinki_numbered_goals_and_actions():
    doc = normalize(
        table(
            row("Tavoitteet", "Toimenpiteet", "Seuranta", "Vastuutahot", page=3),
            row("1. Ulkomaalais-\ntaustaiset helsinki-\nläiset työllistyvät", "1.1 Kaupungin työllisyyspalvelut\nohjaavat asiakkaita.", "Vieraskielisten työllisyys-\naste (%)", "Kaupunginkanslian\nelinkeino-osasto", page=3),
            row("", "1.2 Työllisyyspalvelut vahvistavat\nruotsinkielistä polkua.", "Henkilöresurssi (kyllä/ei)", "Kaupunginkanslian\nelinkeino-osasto", page=3),
            heading="Työllisyys ja työvoima",
            page=3,
        )
    )
    first, second = doc.records
    assert (first.goal_id, first.goal, first.action_id) == ("1", "Ulkomaalaistaustaiset helsinkiläiset työllistyvät", "1.1")
    assert first.actions == ["Kaupungin työllisyyspalvelut ohjaavat asiakkaita."]
    assert first.indicators == ["Vieraskielisten työllisyysaste (%)"]  # "Seuranta" is the indicator column here
    assert first.owners == ["Kaupunginkanslian elinkeino-osasto"]
    assert (second.goal_id, second.goal, second.action_id) == ("1", first.goal, "1.2")
    assert first.section == "Työllisyys ja työvoima"


def test_kymenlaakso_two_header_rows_number_column_bullets_and_paatavoite_section():
    doc = normalize(
        table(
            row("", "välitavoite", "toimenpide", "mittari / toteutuminen", "aikataulu", "toimija(t) / toteuttaja(t)", "seuranta / arviointi / ohjaus"),
            row("", "Missä on onnistuttava?", "Mitä ja miten\nse tehdään?", "Miten mitataan\nonnistuminen?", "Milloin?", "Kuka / ketkä?", "Esim. Resurssin käyttö,\nmuita huomioita?"),
            row("1", "Lasten ja nuorten\narvostaminen", "- Lapsen/nuoren mielipiteen\nkuuleminen\n- Lapsi kohdataan hänen\nomassa ympäristössään", "- Systemaattinen\npalautejärjestelmä luotu", "2020\nalkaen", "- LNPsos ja LNPter\nhenkilöstö\n- Johto", "- Pysyvä satsaus"),
            row("2", "Vanhemmuuden\ntukeminen", "- Kuullaan vanhempien tarpeet", "", "2020 alkaen", "- Perhekeskusalueiden\nydinryhmät", ""),
            heading="PÄÄTAVOITE I:",
            caption_lines=["Lasten, nuorten ja perheiden arjen hyvinvointi lisääntyy"],
        ),
        fmt="docx",
    )
    first, second = doc.records
    assert first.section == "PÄÄTAVOITE I: Lasten, nuorten ja perheiden arjen hyvinvointi lisääntyy"
    assert (first.goal_id, first.goal) == ("1", "Lasten ja nuorten arvostaminen")
    assert first.actions == ["Lapsen/nuoren mielipiteen kuuleminen", "Lapsi kohdataan hänen omassa ympäristössään"]
    assert first.indicators == ["Systemaattinen palautejärjestelmä luotu"]
    assert first.schedule == "2020 alkaen"
    assert first.owners == ["LNPsos ja LNPter henkilöstö", "Johto"]
    assert first.extra == {"seuranta / arviointi / ohjaus": "Pysyvä satsaus"}  # markers are not text
    assert (second.goal_id, second.source.row) == ("2", 2)
    assert second.indicators == [] and second.extra == {"seuranta / arviointi / ohjaus": None}


def test_swedish_headers():
    doc = normalize(
        table(
            row("Mål", "Åtgärder", "Ansvar", "Uppföljning", "Tidplan"),
            row("Alla invånare får information", "• Webbsidorna förbättras\n• Broschyrer på svenska", "Kommunikation, Kundtjänst", "Antal besök", "2025"),
        ),
        options=ExtractOptions(lang="sv"),
    )
    (rec,) = doc.records
    assert rec.goal == "Alla invånare får information"
    assert rec.actions == ["Webbsidorna förbättras", "Broschyrer på svenska"]
    assert rec.owners == ["Kommunikation", "Kundtjänst"]
    assert rec.indicators == ["Antal besök"]
    assert rec.schedule == "2025"


def test_seuranta_goes_to_extra_when_a_mittari_column_exists():
    doc = normalize(table(row("Tavoite", "Toimenpide", "Mittari", "Seuranta"), row("T", "A", "M", "Puolivuosittain")))
    (rec,) = doc.records
    assert rec.indicators == ["M"] and rec.extra == {"Seuranta": "Puolivuosittain"}


def test_actions_without_a_goal_column_are_records_with_null_goal():
    doc = normalize(table(row("Toimenpide", "Mittari"), row("Laaditaan ohjeistus", "Ohjeistus on tehty")))
    (rec,) = doc.records
    assert rec.goal is None and rec.actions == ["Laaditaan ohjeistus"] and doc.warnings == []


def test_table_without_goal_and_action_is_skipped_with_a_warning_and_counts_in_source():
    calendar = table(row("Päivä", "Toimielin", "Agenda"), row("28.1.2026", "Valtuustovaliokunta", "Evästys"), page=2)
    plan = table(row("Tavoite", "Toimenpide"), row("Tavoite A", "Toimi A"), page=3)
    doc = normalize(calendar, plan)
    assert [w.to_dict() for w in doc.warnings] == [
        {"code": "table-skipped", "message": "table 1 has no goal or action column: Päivä | Toimielin | Agenda", "page": 2}
    ]
    assert doc.records[0].source.to_dict() == {"page": None, "table": 2, "row": 1}


def test_no_plan_table_warning_and_extractor_warnings_pass_through():
    doc = normalize(
        table(row("Vuosi", "Määrä"), row("2023", "12")),
        title="Hyvinvointisuunnitelma\n2024–2025",
        warnings=[("image-only-page", "page 4 has no text layer", 4)],
    )
    assert doc.records == []
    assert doc.title == "Hyvinvointisuunnitelma 2024–2025"
    codes = [(w.code, w.page) for w in doc.warnings]
    assert codes[0] == ("image-only-page", 4)
    assert ("no-plan-table", None) in codes and codes[1][0] == "table-skipped"


def test_headerless_table_of_the_same_width_continues_the_previous_one():
    first = table(row("Tavoite", "Toimenpide", "Vastuu", "Huomiot"), row("Tavoite A", "Toimi A", "Kanslia", "Jatkuu"), heading="Teema")
    rest = table(row("", "Toimi B", "Kanslia", "Uusi"))
    doc = normalize(first, rest, fmt="docx")
    assert doc.records[1].extra == {"Huomiot": "Uusi"}
    assert [(r.goal, r.actions, r.section, r.source.table) for r in doc.records] == [
        ("Tavoite A", ["Toimi A"], "Teema", 1),
        ("Tavoite A", ["Toimi B"], "Teema", 2),
    ]
    assert doc.warnings == []


def test_ocr_damaged_document_is_repaired_with_a_warning():
    texts = ("Kehitetaan palveluviestintaa suurimmille kieliryhmille kartoittamalla tarpeita ja huomioimalla kieliryhmien eroja seka laatimalla viestinnalle yhteisia malleja. " * 3)
    doc = normalize(
        table(
            row("Tavoitteet", "Toimenpiteet", "Seuranta", "Vastuutahot"),
            row("1. Kaupungin viestinta on selkeaa", "1.1 " + texts, "Toimenpiteita on tehty (kylla/ei, mita).", "Kaupunginkanslian viestinta"),
        ),
        options=ExtractOptions(lang="fi", ocr_repair=True),
    )
    (rec,) = doc.records
    assert rec.goal == "Kaupungin viestintä on selkeää"
    assert rec.actions[0].startswith("Kehitetään palveluviestintää")
    (warning,) = [w for w in doc.warnings if w.code == "ocr-repaired"]
    assert int(warning.message.split("about ")[1].split()[0]) >= 5
    plain = normalize(
        table(row("Tavoitteet", "Toimenpiteet"), row("1. Kaupungin viestinta on selkeaa", "1.1 " + texts)),
        options=ExtractOptions(lang="fi", ocr_repair=False),
    )
    assert plain.records[0].goal == "Kaupungin viestinta on selkeaa" and plain.warnings == []


def test_header_printed_once_serves_the_theme_tables_after_it_but_not_a_bullet_list():
    # values-fi: "Toimenpide | Mittari" printed above the first theme table only;
    # a bulleted text found as a two-column box later is not a plan table
    first = table(row("Toimenpide", "Mittari"), row("Suositaan esteettömiä tiloja.", "Onko lomakkeessa mahdollisuus lisätä lisätarpeita?"), heading="Esteettömyys", page=5)
    second = table(row("Yhdistyksen verkkosivut ovat esteettömät.", "Onko lähdekoodi WCAG-standardin mukainen?"), heading="Saavutettavuus", page=5)
    bullets = table(row("●", "Häirintäyhdyshenkilö vastaanottaa ilmoituksia"), row("●", "Hän ohjaa eteenpäin"), heading="Roolikuvaus", page=10)
    doc = normalize(first, second, bullets)
    assert [(r.section, r.actions, r.indicators) for r in doc.records] == [
        ("Esteettömyys", ["Suositaan esteettömiä tiloja."], ["Onko lomakkeessa mahdollisuus lisätä lisätarpeita?"]),
        ("Saavutettavuus", ["Yhdistyksen verkkosivut ovat esteettömät."], ["Onko lähdekoodi WCAG-standardin mukainen?"]),
    ]
    assert [(w.code, w.page) for w in doc.warnings] == [("table-skipped", 10)]


def test_a_full_width_band_inside_a_table_is_a_section_not_a_record():
    band = row("", "", "")
    band.cells[0] = cell("2. Panostamme asiakkaan kohtaamiseen")
    band.cells[0].span = 3
    doc = normalize(
        table(
            row("Tavoite", "Toimenpide", "Vastuu"),
            row("Viestintä on selkeää", "Tieto tuotetaan selkokielelle.", "Viestintä"),
            band,
            row("", "Vahvistetaan kohtaamisosaamista.", "HR"),
            heading="Ohjelman tavoitteet",
        ),
        fmt="docx",
    )
    assert [(r.section, r.goal, r.source.row) for r in doc.records] == [
        ("Ohjelman tavoitteet", "Viestintä on selkeää", 1),
        ("2. Panostamme asiakkaan kohtaamiseen", None, 2),  # a blank goal is not filled across a band
    ]


def test_split_row_joined_on_a_word_cut_in_another_column():
    doc = normalize(
        table(
            row("Tavoite", "Toimenpide", "Vastuu", page=1),
            row("Tavoite A", "Seuraava kuulemistilaisuus on helmikuussa.", "Konsernihallinnon hyte-tiimi, vaikuttaja-", page=1),
            row("", "Kokemusasiantuntijoiden osaaminen hyödynnetään.", "ryhmien sihteerit", page=2, starts_page=True),
        )
    )
    (rec,) = doc.records
    assert rec.actions == ["Seuraava kuulemistilaisuus on helmikuussa.", "Kokemusasiantuntijoiden osaaminen hyödynnetään."]
    assert rec.owners == ["Konsernihallinnon hyte-tiimi", "vaikuttajaryhmien sihteerit"]


def test_stacked_blocks_sub_header_rows_give_extra_values_of_the_goal_above():
    # Kauhava financial statement: Tavoite | Toimenpide/mittari, then a bold
    # "Arviointi | Tila" row and the evaluation under it, for every goal
    sub = row("Arviointi", "", "Tila")
    sub.bold = True
    sub.cells[0].span = 2
    value = row("Ei toteutunut, tappio 8.941 €", "", "Valmis")
    value.cells[0].span = 2
    head = row("Tavoite", "Toimenpide/mittari", "")
    head.bold = True
    head.cells[1].span = 2
    doc = normalize(table(head, row("Taloudellinen tulos", "Vähintään nollatulos", ""), sub, value, row("", "", "")))
    (rec,) = doc.records
    # contract 1.1: a combined "Toimenpide/mittari" column of a goal card is a measure column
    assert (rec.goal, rec.actions, rec.indicators) == ("Taloudellinen tulos", [], ["Vähintään nollatulos"])
    assert rec.extra == {"Arviointi": "Ei toteutunut, tappio 8.941 €", "Tila": "Valmis"}


def test_a_bold_data_row_is_not_a_sub_header():
    bold = row("Asiakastyytyväisyys paranee", "Vahvistetaan kohtaamisosaamista.", "HR")
    bold.bold = True
    doc = normalize(table(row("Tavoite", "Toimenpide", "Vastuu"), row("Viestintä on selkeää", "Tieto tuotetaan.", "Viestintä"), bold))
    assert [r.goal for r in doc.records] == ["Viestintä on selkeää", "Asiakastyytyväisyys paranee"]


def test_a_sub_header_block_cut_off_by_a_page_break_joins_the_goal_above():
    head = row("Tavoite", "Toimenpide/mittari", page=60)
    head.bold = True
    sub = row("Arviointi", "Tila", page=61)
    sub.bold = True
    doc = normalize(
        table(head, row("Veden laatu", "Talousvesi täyttää laatuvaatimukset.", page=60), page=60),
        table(sub, row("Pääsääntöisesti toteutuu.", "Valmis", page=61), page=61),
    )
    (rec,) = doc.records
    assert rec.extra == {"Arviointi": "Pääsääntöisesti toteutuu.", "Tila": "Valmis"}
    assert doc.warnings == []


def test_a_title_row_above_the_header_is_the_section_when_no_heading_stands_above():
    title = row("PÄÄTAVOITE II: Työikäisten hyvinvointi", "", "")
    title.cells[0].span = 3
    doc = normalize(table(title, row("Tavoite", "Toimenpide", "Vastuu"), row("Työkyky paranee", "Työkykykoordinaattori", "HR")), fmt="docx")
    (rec,) = doc.records
    assert rec.section == "PÄÄTAVOITE II: Työikäisten hyvinvointi" and rec.goal == "Työkyky paranee"


def test_a_spanned_header_split_by_a_second_header_row():
    top = row("Tavoite", "Toimenpide", "Seuranta", "")
    top.cells[2].span = 2
    doc = normalize(table(top, row("", "", "Mittari", "Toteutunut"), row("Tavoite A", "Toimi A", "Kävijämäärä", "Kyllä")), fmt="docx")
    (rec,) = doc.records
    assert rec.indicators == ["Kävijämäärä"] and rec.extra == {"Toteutunut": "Kyllä"}


def test_a_sub_header_block_after_a_header_only_table_is_not_given_to_an_older_goal():
    head = row("Tavoite", "Toimenpide/mittari")
    head.bold = True
    sub = row("Arviointi", "Tila")
    sub.bold = True
    doc = normalize(
        table(head, row("Taloudellinen tulos", "Lievästi voitollinen."), page=64),
        table(head, page=64),
        table(sub, row("Toteutui, nyt 6,9 %", "Valmis"), page=65),
    )
    (rec,) = doc.records
    assert rec.extra == {}
    assert [(w.code, w.page) for w in doc.warnings] == [("table-skipped", 65)]


def test_cards_with_labels_down_the_first_column_give_one_record_each():
    doc = normalize(
        table(
            row("Tavoite", "Liikunta lisääntyy"),
            row("Toimenpiteet", "- Avataan lähiliikuntapaikkoja\n- Liikuntaneuvonta"),
            row("Vastuutaho", "Liikuntapalvelut, koulut"),
            row("Mittari", "Liikkuvien osuus (%)"),
            row("Tavoite", "Yksinäisyys vähenee"),
            row("Toimenpiteet", "Kohtaamispaikat"),
            row("Huomiot", "Uusi"),
            heading="Toimenpidekortit",
        ),
        fmt="docx",
    )
    first, second = doc.records
    assert (first.goal, first.actions, first.owners, first.indicators) == (
        "Liikunta lisääntyy", ["Avataan lähiliikuntapaikkoja", "Liikuntaneuvonta"], ["Liikuntapalvelut", "koulut"], ["Liikkuvien osuus (%)"]
    )
    assert (second.goal, second.actions, second.extra, second.source.row, second.section) == (
        "Yksinäisyys vähenee", ["Kohtaamispaikat"], {"Huomiot": "Uusi"}, 2, "Toimenpidekortit"
    )


def test_a_two_column_plan_table_with_a_header_is_not_read_as_cards():
    # the first column of data rows starts with label-like words, but the header row reads across
    doc = normalize(table(row("Toimenpide", "Mittari"), row("Seuranta", "Kävijämäärä"), row("Arviointi", "Palaute")))
    assert [(r.actions, r.indicators) for r in doc.records] == [(["Seuranta"], ["Kävijämäärä"]), (["Arviointi"], ["Palaute"])]


def test_a_goal_block_of_label_rows_gives_a_record_per_goal():
    # Seinäjoki financial statement: "Strateginen valinta | Strateginen tavoite" on top,
    # then bold label rows with their values under them.  Contract 1.1 reads this goal
    # block (planparse/1 skipped it as a form): the goal row's value is the goal, the
    # other labels go to extra (null when empty).
    top = row("Strateginen valinta", "Strateginen tavoite", page=79)
    top.bold = True
    labels = row("Talousarviotavoite", "Tilannekuvaus ja riskiarvio", page=79)
    labels.bold = True
    values = row("Vaalit toteutetaan lain mukaan.", "Molemmat vaalit toteutettu.", page=79)
    doc = normalize(table(top, labels, values, page=79))
    (rec,) = doc.records
    assert rec.goal == "Vaalit toteutetaan lain mukaan." and rec.indicators == []
    assert rec.extra == {"Tilannekuvaus ja riskiarvio": "Molemmat vaalit toteutettu.", "Strateginen valinta": None, "Strateginen tavoite": None}


def test_a_decision_sheet_of_labels_and_values_gives_no_records():
    # a label | value form with no goal header (a meeting decision) is not a plan
    doc = normalize(
        table(
            row("Kokous", "Kaupunginhallitus 12.3.2024"),
            row("Esittelijä", "Kaupunginjohtaja"),
            row("Päätösehdotus", "Kaupunginhallitus hyväksyy sopimuksen."),
            page=3,
        )
    )
    assert doc.records == []
    assert doc.warnings[0].code == "table-skipped"

def test_a_skipped_table_names_a_spanned_header_cell_once():
    head = row("100 VAALIT", "", "", "")
    head.cells[0].span = 4
    doc = normalize(table(head, row("Talous", "Talousarvio €", "Toteutuma €", "Poikkeama €"), page=79))
    # One text in the first row: the second row is shown too, so a person can tell the table.
    assert doc.warnings[0].message == (
        "table 1 has no goal or action column: 100 VAALIT | Talous | Talousarvio € | Toteutuma € | Poikkeama €"
    )


def test_a_skipped_table_names_texts_not_empty_cells():
    """Regression (camelot's population_growth.pdf): an unruled table whose first row is one
    caption cell among empty ones gave "table 1 has no goal or action column:  |  |  | (Per cent)"."""
    doc = normalize(table(row("", "", "(Per cent)"), row("State", "1951-1961", "1961-1971"), page=1))
    assert doc.warnings[0].message == "table 1 has no goal or action column: (Per cent) | State | 1951-1961 | 1961-1971"


def test_a_headerless_table_far_from_the_plan_table_is_not_its_continuation():
    plan = table(row("Tavoite", "Toimenpide", page=72), row("Veden laatu", "Näytteet otetaan.", page=72), page=72)
    far = table(row("Kunnallisvero €/asukas", "696", page=81), page=81)
    between = table(row("Vuosi", "Määrä"), row("2024", "12"), page=5)  # a skipped table between
    doc = normalize(plan, far)
    assert len(doc.records) == 1 and doc.warnings[0].code == "table-skipped"
    plan.page = 5
    for r in plan.rows:
        r.page = 5
    doc = normalize(plan, between, table(row("Verotulot", "187"), page=5))
    assert len(doc.records) == 1 and [w.code for w in doc.warnings] == ["table-skipped", "table-skipped"]


def test_a_plain_heading_does_not_swallow_the_text_under_it():
    doc = normalize(
        table(row("Tavoite", "Toimenpide"), row("A", "B"), heading="Liikunta", caption_lines=["Tässä osiossa kuvataan liikunnan tavoitteet."]),
        table(row("Tavoite", "Toimenpide"), row("C", "D"), heading="Teema 2", caption_lines=["Yksinäisyys vähenee"]),
    )
    assert [r.section for r in doc.records] == ["Liikunta", "Teema 2 Yksinäisyys vähenee"]


def test_a_header_row_left_alone_at_a_page_foot_is_no_section_of_the_table_overleaf():
    # sjovik-valfard in the layout matrix: "2 Vuxna och äldre" and the header row at page 1's foot,
    # the rows on page 2 without a header; the lone header row reads as a heading under the section's
    first = table(row("Fokusområde", "Åtgärder", "Ansvarig"), row("1. Barn", "Stöd", "Skolan"), heading="1 Barn", page=1)
    rest = table(
        row("2. Vuxna", "Jobb", "Kommunen"),
        heading="Fokusområde Åtgärder Ansvarig",
        headings=["1 Barn", "2 Vuxna och äldre", "Fokusområde Åtgärder Ansvarig"],
        page=2,
    )
    doc = normalize(first, rest, options=ExtractOptions(lang="sv"))
    assert [(r.goal, r.section) for r in doc.records] == [("Barn", "1 Barn"), ("Vuxna", "2 Vuxna och äldre")]


def test_a_parenthesis_cut_off_by_the_page_break_goes_on_in_the_same_item():
    # koskenniemi in the layout matrix: "... omaishoitajien osuus" / page break / "(tavoite 70 %)"
    doc = normalize(
        table(
            row("Tavoite", "Toimenpide", "Mittari", page=1),
            row("Omaishoitajat jaksavat", "Vapaita lisätään ja", "Vapaapäiviä pitäneiden osuus", page=1),
            row("", "kehitetään", "(tavoite 70 %)", page=2, starts_page=True),
        )
    )
    (rec,) = doc.records
    assert rec.indicators == ["Vapaapäiviä pitäneiden osuus (tavoite 70 %)"]
    # a parenthesis opening in capitals, after a finished sentence, is a new item
    doc = normalize(
        table(
            row("Tavoite", "Toimenpide", "Mittari", page=1),
            row("Omaishoitajat jaksavat", "Vapaita lisätään ja", "Osuus kasvaa.", page=1),
            row("", "kehitetään", "(Tavoite 70 %)", page=2, starts_page=True),
        )
    )
    assert doc.records[0].indicators == ["Osuus kasvaa.", "(Tavoite 70 %)"]
