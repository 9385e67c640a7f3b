"""A numbered list's later number misread by OCR (issue 11, scan set G).

koskenniemi-ikaihmiset-hrules prints each cell's items as "1) ...", "2) ...".  On page 2
Tesseract read row 4.1's "2) Kulttuurikaveritoiminta" as "7)" (@fin-200-skew, @fin-300),
"9)" (@eng-200-skew, @eng-300) and ">)" (@fin-150): the list no longer counted 1, 2, so its
markers stayed text, "1)" was taken for the action id and "4.1" stayed in the action.
In OCR text a later item opening with one digit or sign, its parenthesis and a capital,
in a list whose first item opens "1)", carries the next number.
"""

from __future__ import annotations

CELL = ["1) 4.1 Senioriliikunnan ryhmiä järjestetään palvelutaloissa ja ikäihmisten vuokrataloissa."]
ITEMS = ["Senioriliikunnan ryhmiä järjestetään palvelutaloissa ja ikäihmisten vuokrataloissa.",
         "Kulttuurikaveritoiminta käynnistetään yhteistyössä kansalaisopiston kanssa."]


def test_a_later_list_number_read_as_another_glyph_is_its_marker() -> None:
    from planparse.normalize.tables.cells import split_numbering, strip_list_numbers

    for misread in ("7)", "9)", ">)"):
        items = strip_list_numbers(CELL + [f"{misread} Kulttuurikaveritoiminta käynnistetään yhteistyössä kansalaisopiston kanssa."], ocr=True)
        assert split_numbering(items) == ("4.1", ITEMS)


def test_born_digital_and_unlisted_text_keep_their_numbers() -> None:
    from planparse.normalize.tables.cells import strip_list_numbers

    printed = CELL + ["7) Kulttuurikaveritoiminta käynnistetään."]
    assert strip_list_numbers(printed) == printed  # not OCR: the printed numbers are what they say
    # OCR: no "1)" first, or a lower-case word after the sign: no list to count
    assert strip_list_numbers(["Senioriliikunta.", "7) Kulttuuri."], ocr=True) == ["Senioriliikunta.", "7) Kulttuuri."]
    assert strip_list_numbers(CELL + ["7) kulttuuri jatkuu"], ocr=True) == CELL + ["7) kulttuuri jatkuu"]
    # a list that counts stays as it was read
    assert strip_list_numbers(["1) Yksi.", "2) Kaksi.", "3) Kolme."], ocr=True) == ["Yksi.", "Kaksi.", "Kolme."]


def test_an_empty_cell_has_no_list() -> None:
    """A cell with no items (an owner column left empty) is no list, in OCR text too."""
    from planparse.normalize.tables.cells import strip_list_numbers

    assert strip_list_numbers([], ocr=True) == []
