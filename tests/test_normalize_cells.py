"""Cell -> items, text and numbering (normalize/tables/cells.py, normalize/text.py)."""

from __future__ import annotations

from planparse.intermediate import Line
from planparse.normalize.tables.cells import TextJoiner, cell_text, group_paragraphs, paragraph_texts, slash_style, slash_styles_by_case, split_numbering, split_owners
from planparse.normalize.text import clean_text, split_bullet

J = TextJoiner(lang="fi")


def lines(*specs) -> list[Line]:
    """(text, indent, paragraph_start) or text."""
    out = []
    for s in specs:
        if isinstance(s, str):
            out.append(Line(text=s))
        else:
            out.append(Line(text=s[0], indent=s[1], paragraph_start=s[2] if len(s) > 2 else False))
    return out


def test_clean_text_applies_the_contract_rules():
    assert clean_text("  Kehiteta\u0308a\u0308n \t palveluja\n ") == "Kehitetään palveluja"
    assert clean_text(" \n ") is None


def test_bullet_markers_from_the_data_file():
    for marker in ["-", "•", "–", "*", "o", "▪", "◦", "‣", "●", "\uf0b7"]:
        assert split_bullet(f"{marker} Tietoa jaetaan") == (marker, "Tietoa jaetaan")
    assert split_bullet("•Tietoa") == ("•", "Tietoa")
    assert split_bullet("-3 % vuodessa") == (None, "-3 % vuodessa")
    assert split_bullet("osallisuus") == (None, "osallisuus")


def test_one_item_per_bullet_and_wrapped_bullet_lines_stay_in_their_item():
    cell = lines("- Lapsen/nuoren mielipiteen", "kuuleminen ja huomioiminen", "omissa asioissa ja", "päätöksenteossa.", "- Kirjauksissa lapsen tilanne", "keskiössä,")
    assert paragraph_texts(cell, J) == [
        "Lapsen/nuoren mielipiteen kuuleminen ja huomioiminen omissa asioissa ja päätöksenteossa.",
        "Kirjauksissa lapsen tilanne keskiössä,",
    ]


def test_hanging_indent_continues_a_bullet_even_after_a_vertical_gap():
    cell = lines(("• Digitaalinen vanhemmuuden", 0, True), ("tuki perhekeskus", 9.0, True), ("• Integratiiviset palvelupolut", 0, True))
    assert paragraph_texts(cell, J) == ["Digitaalinen vanhemmuuden tuki perhekeskus", "Integratiiviset palvelupolut"]


def test_paragraphs_are_items_and_hyphen_breaks_are_repaired_inside_one():
    cell = lines(("Mittariston kehit-", 0, True), "täminen aloitettu,", ("1. versio valmis", 0, True), "2023 aikana")
    assert paragraph_texts(cell, J) == ["Mittariston kehittäminen aloitettu,", "1. versio valmis 2023 aikana"]


def test_a_blank_line_separates_items():
    assert paragraph_texts(lines("Asiakaspalautteiden määrä", "", "Käsiteltyjen palautteiden määrä"), J) == [
        "Asiakaspalautteiden määrä",
        "Käsiteltyjen palautteiden määrä",
    ]


def test_a_dash_wrapped_to_the_line_start_is_not_a_bullet():
    cell = lines("Osallistu ja vaikuta", "– verkkosivulta löytyy kootusti")
    assert len(group_paragraphs(cell)) == 1
    assert cell_text(cell, J) == "Osallistu ja vaikuta – verkkosivulta löytyy kootusti"


def test_text_field_joins_paragraphs_and_number_ranges():
    cell = lines(("Toteutunut 2022–", 0, True), "2023")
    assert cell_text(cell, J) == "Toteutunut 2022–2023"


def test_numbering_goes_to_the_id():
    assert split_numbering(["1. Kaupungin viestintä on selkeää"]) == ("1", ["Kaupungin viestintä on selkeää"])
    assert split_numbering(["1.1 Kehitetään palveluviestintää"]) == ("1.1", ["Kehitetään palveluviestintää"])
    assert split_numbering(["1.2. Kehitetään"]) == ("1.2", ["Kehitetään"])
    assert split_numbering(["II. Hyvinvointi"]) == ("II", ["Hyvinvointi"])
    assert split_numbering(["3", "Lapsen oikeuksien toteutuminen"]) == ("3", ["Lapsen oikeuksien toteutuminen"])
    assert split_numbering(["2024 alkaen"]) == (None, ["2024 alkaen"])
    assert split_numbering(["I samarbete med skolan"]) == (None, ["I samarbete med skolan"])


def test_owners_split_at_commas_and_semicolons_outside_parentheses():
    items = ["Konsernihallinnon järjestämistoiminnon hyte-tiimi, viestintä- ja markkinointipalvelut; asiakaspalvelut", "Hyte-tehtäväalue (Kielitiimi, Tietohallinto)"]
    assert split_owners(items) == [
        "Konsernihallinnon järjestämistoiminnon hyte-tiimi",
        "viestintä- ja markkinointipalvelut",
        "asiakaspalvelut",
        "Hyte-tehtäväalue (Kielitiimi, Tietohallinto)",
    ]


def test_a_dash_at_the_hanging_indent_of_a_hyphen_list_continues_the_item():
    # kymenlaakso PDF: "- Palvelutakuun toteutuminen" / "– jonot ja käsittelyajat" (indented)
    cell = lines(("- Palvelutakuun toteutuminen", 0, True), ("– jonot ja käsittelyajat", 7.1, True), ("- Lastensuojelun sijoitusten", 0, True), ("väheneminen", 7.1))
    assert paragraph_texts(cell, J) == ["Palvelutakuun toteutuminen – jonot ja käsittelyajat", "Lastensuojelun sijoitusten väheneminen"]
    nested = lines(("• Koulutus", 0, True), ("– esihenkilöt", 7.1, True), ("– työntekijät", 7.1, True))
    assert paragraph_texts(nested, J) == ["Koulutus", "esihenkilöt", "työntekijät"]


def test_a_break_after_a_slash_closes_up():
    assert cell_text(lines(("Ohjeistus on tehty (kyllä/", 0, True), "ei)"), J) == "Ohjeistus on tehty (kyllä/ei)"
    assert cell_text(lines(("palvelualue/ toimitilojen", 0, True), "rakennuttaminen"), J) == "palvelualue/ toimitilojen rakennuttaminen"


def test_a_slash_break_keeps_its_space_where_the_text_spaces_slashes():
    cell = lines(("Konsernihallinto/", 0, True), "Järjestämistoiminnot/ Palveluverkkosuunnittelu")
    assert cell_text(cell, J) == "Konsernihallinto/ Järjestämistoiminnot/ Palveluverkkosuunnittelu"
    spaced_document = TextJoiner(lang="fi", slash_space=True)
    assert cell_text(lines(("palvelualue/", 0, True), "toimitilojen"), spaced_document) == "palvelualue/ toimitilojen"


def test_a_list_whose_glyphs_were_lost_is_split_by_its_hanging_indent():
    cell = lines(("Kuullaan vanhempien tarpeet", 0.0), ("Psykososiaalisen tuen", 0.0), ("menetelmien käyttö", 7.1), ("Integratiiviset palvelupolut", 0.0), ("toimivat", 7.1))
    assert paragraph_texts(cell, J) == ["Kuullaan vanhempien tarpeet", "Psykososiaalisen tuen menetelmien käyttö", "Integratiiviset palvelupolut toimivat"]
    ragged = lines(("Keskitetty teksti", 10.0), ("kolmella", 22.0), ("eri tasolla", 15.0))
    assert paragraph_texts(ragged, J) == ["Keskitetty teksti kolmella eri tasolla"]
    first_line_indent = lines(("Kappale alkaa sisennyksellä", 9.0), ("ja jatkuu", 0.0), ("reunasta.", 0.0))
    assert paragraph_texts(first_line_indent, J) == ["Kappale alkaa sisennyksellä ja jatkuu reunasta."]


def test_a_marker_alone_on_its_line_and_one_on_the_next_both_go():
    # hypothesis (test_records_always_obey_the_text_rules): "- " then "– Tavoite …" gave the item "– Tavoite …"
    lines = [Line("- ", paragraph_start=True), Line("– Tavoite Tavoite Tavoite", indent=12.0)]
    assert paragraph_texts(lines, TextJoiner("fi")) == ["Tavoite Tavoite Tavoite"]


def test_numbered_list_markers_counting_from_one_are_stripped():
    from planparse.normalize.tables.cells import strip_list_numbers

    assert strip_list_numbers(["1) Asiakaspalaute", "2) Omaiskyselyt"]) == ["Asiakaspalaute", "Omaiskyselyt"]
    assert strip_list_numbers(["a) yksi", "b) kaksi", "jatkuu"]) == ["yksi", "kaksi", "jatkuu"]
    assert strip_list_numbers(["1)", "Asiakaspalaute", "2)", "Omaiskyselyt"]) == ["Asiakaspalaute", "Omaiskyselyt"]
    # then the action id printed after the list number is the id
    assert split_numbering(strip_list_numbers(["1) 1.1 Kerrostalojen hissit", "2) Neuvonta"])) == ("1.1", ["Kerrostalojen hissit", "Neuvonta"])
    # ids and lone numbers are not a numbered list
    assert strip_list_numbers(["1.1 Hissit", "1.2 Neuvonta"]) == ["1.1 Hissit", "1.2 Neuvonta"]
    assert strip_list_numbers(["1. Hissit"]) == ["1. Hissit"]
    assert strip_list_numbers(["2) Hissit", "3) Neuvonta"]) == ["2) Hissit", "3) Neuvonta"]
    assert strip_list_numbers(["1) Hissit", "3) Neuvonta"]) == ["1) Hissit", "3) Neuvonta"]


def test_a_dash_at_the_hanging_indent_of_a_bullet_or_numbered_item_is_its_text():
    # kymenlaakso-lnp: "Palvelutakuun toteutuminen – jonot ja käsittelyajat" wrapped before its dash
    cell = [Line("• Palvelutakuun", 0.0, True), Line("toteutuminen", 8.5), Line("– jonot ja kä-", 8.5, True), Line("sittelyajat", 8.5),
            Line("• Lastensuojelun sijoitusten", 0.0, True), Line("väheneminen", 8.5)]
    assert paragraph_texts(cell, J) == ["Palvelutakuun toteutuminen – jonot ja käsittelyajat", "Lastensuojelun sijoitusten väheneminen"]
    cell = [Line("1) Kymsoten ja kumppa-", 0.0, True), Line("nien yhteinen toiminta", 13.0), Line("– toimivat verkostot", 13.0, True),
            Line("2) Lähiyhteisön hyödyntäminen", 0.0, True)]
    assert paragraph_texts(cell, J) == ["1) Kymsoten ja kumppanien yhteinen toiminta – toimivat verkostot", "2) Lähiyhteisön hyödyntäminen"]
    # a dash deeper than the item's wrapped text is a sub-item
    cell = [Line("• Palvelut", 0.0, True), Line("kaikille", 8.5), Line("– alaluettelo", 20.0, True)]
    assert paragraph_texts(cell, J) == ["Palvelut kaikille", "alaluettelo"]


def test_a_range_cut_on_both_sides_of_its_dash_closes_up():
    # koskenniemi-ikaihmiset, LibreOffice A5: "2025" / "–" / "2027" in a one-word-wide schedule column
    assert cell_text([Line("2025", 0.0, True), Line("–", 0.0, True), Line("2027", 0.0)], J) == "2025–2027"
    # a dash before text is a bullet still
    assert paragraph_texts([Line("• Tulos 2025", 0.0, True), Line("– uusi", 0.0, True)], J) == ["Tulos 2025", "uusi"]


def test_a_paragraph_start_at_the_inner_indent_is_no_glyphless_list():
    # helsinki-kotoutuminen (reportlab, A5): a page number beside the cell's last line
    # made two indent levels; every line became an item and its break hyphens stayed
    cell = [Line("Kaupunginkans-", 0.0, True), Line("lian kaupunkitieto", 0.0), Line("Sivu 1", 44.7, True)]
    assert paragraph_texts(cell, J) == ["Kaupunginkanslian kaupunkitieto", "Sivu 1"]


def test_a_slash_break_follows_the_documents_slashes_before_a_letter_of_the_same_case():
    # turku-yhta in the layout matrix: "palvelukokonaisuus/ Terveyspalvelujen" (a space before a
    # new name) but "lapsi/nuorisotoimijat" (none between two words), more closed slashes in all
    texts = ["Kulttuuri/ Liikunta", "Konsernihallinto/ Järjestämistoiminnot", "lapsi/nuoriso", "kyllä/ei", "a/b"]
    joiner = TextJoiner(lang="fi", slash_space=slash_style(texts), slash_cases=slash_styles_by_case(texts))
    assert not joiner.slash_space
    assert cell_text(lines(("Hyvinvoinnin palvelukokonaisuus/", 0, True), "Terveyspalvelujen johtaja"), joiner) == (
        "Hyvinvoinnin palvelukokonaisuus/ Terveyspalvelujen johtaja"
    )
    assert cell_text(lines(("Fysioterapia/", 0, True), "arkikuntoutus"), joiner) == "Fysioterapia/arkikuntoutus"


def test_a_line_after_a_slash_is_never_a_new_paragraph():
    # Seinäjoki financial statement 2024 p. 97, key-figure cell "7 500/" / "11 000": the cell
    # is wide enough for both, so the extractor marks the second line a paragraph start
    cell = lines(("7 500/", 0, True), ("11 000", 0, True))
    assert paragraph_texts(cell, J) == ["7 500/11 000"]
    spaced = lines(("8 507 /", 0, True), ("12 036", 0, True))
    assert paragraph_texts(spaced, J) == ["8 507 / 12 036"]


def test_slashes_before_digits_follow_the_documents_slashes_before_digits():
    texts = ["euroa/ asukas", "1/2024", "3/4", "lapsi/nuoriso"]
    joiner = TextJoiner(lang="fi", slash_space=True, slash_cases=slash_styles_by_case(texts))
    assert joiner.slash_cases["digit"] is False
    assert cell_text(lines(("7 500/", 0, True), "11 000"), joiner) == "7 500/11 000"


def test_the_next_list_number_opens_an_item_where_ocr_lost_the_gap():
    # Tesseract's line boxes of an owner cell (held-out matrix scan, pihlajavesi grid A5,
    # fin 300 dpi): "kus" -> "2) neuvola-" pitch 11.8 pt, no gap left between the items.
    cell = lines(("1) Perhekes-", 0.0, True), ("kus", 0.0), ("2) neuvola-", 0.0), ("palvelut", 0.0))
    assert paragraph_texts(cell, J) == ["1) Perhekeskus", "2) neuvolapalvelut"]
    # a number that does not follow on is text
    assert len(group_paragraphs(lines(("1) Perhekes-", 0.0, True), ("kus", 0.0), ("3) neuvola-", 0.0)))) == 1
