"""A section heading whose Roman number OCR misread or lost, put right from the same heading
read elsewhere in the document (normalize/repair/ocr/numbering.section_numbers, issue 11).

Scan set N (seed 23) kymenlaakso-lnp-grid prints "PÄÄTAVOITE I: ..." over the table of each of
its first three pages; the records' sections as the reader had them (one entry per record, the
scans' own readings): @fin-200-skew read page 1's "I:" as "1:" (five records), @eng-150 (main
at 94aaf97) read page 3's "I:" as "|:" and the section came without it (two records).
"""

from __future__ import annotations

I = "PÄÄTAVOITE I: Lasten, nuorten ja perheiden arjen hyvinvointi lisääntyy"
II = "PÄÄTAVOITE II: Lasten, nuorten ja perheiden osallisuus ja yhteisöllisyys vahvistuvat"
III = "PÄÄTAVOITE III: Lasten, nuorten ja perheiden parissa toimivien monialainen verkostotyö kehittyy ja jalkautuu"


def test_strokes_read_as_a_digit_take_the_roman_reading() -> None:
    from planparse.normalize.repair.ocr.numbering import section_numbers

    read = ["PÄÄTAVOITE 1: Lasten, nuorten ja perheiden arjen hyvinvointi lisääntyy"] * 5 + [I] * 2 + [II] * 6 + [III] * 3
    assert section_numbers(read) == [I] * 7 + [II] * 6 + [III] * 3


def test_a_lost_number_is_given_back() -> None:
    from planparse.normalize.repair.ocr.numbering import section_numbers

    third = "monialainen verkostotyö kehittyy ja jalkautuu"  # (another error: the heading's second line alone)
    read = [I] * 5 + ["PÄÄTAVOITE Lasten, nuorten ja perheiden arjen hyvinvointi lisääntyy"] * 2 + [II] * 6 + [third] * 3
    assert section_numbers(read) == [I] * 7 + [II] * 6 + [third] * 3


def test_no_roman_numbering_or_another_heading_changes_nothing() -> None:
    from planparse.normalize.repair.ocr.numbering import section_numbers

    arabic = ["PÄÄTAVOITE 1: Lasten, nuorten ja perheiden arjen hyvinvointi lisääntyy"] * 2 + [I] * 2 + [None]
    assert section_numbers(arabic) == arabic  # one Roman number alone is no Roman numbering
    other = ["PÄÄTAVOITE 1: Lasten ja nuoret"] + [I, II, III]  # not the same heading
    assert section_numbers(other) == other
    two = ["PÄÄTAVOITE 11: Lasten, nuorten ja perheiden arjen hyvinvointi lisääntyy", I, II]  # strokes count II
    assert section_numbers(two) == two
