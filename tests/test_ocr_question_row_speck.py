"""A row of questions under a scanned header, a speck read after its question mark
(issue 11, scan set G).

kymenlaakso-lnp-hrules@fin-200-skew p. 3: the header repeated atop the page has its row of
questions, and Tesseract read a speck after the goal column's "Missä on onnistuttava?" as
" *".  The goal cell no longer ended with "?", so the row was no question row: it became a
record of its own (17 found for 16, F1 0.97) and shifted nothing else only by luck.
"""

from __future__ import annotations

from planparse.normalize.tables.headers import is_question_row

# the row's cell texts as the table reads them on p. 3 (the second header row)
ROW = [
    "Missä on onnistuttava? *",
    "Mitä ja miten se tehdään?",
    "Miten mitataan onnistuminen?",
    "Milloin?",
    "Kuka/ketkä?",
    "Esim. Resurssin käyttö, muita huomioita?",
]


def test_a_speck_after_the_question_mark_keeps_the_question_row() -> None:
    assert is_question_row(ROW, key_cols=[0, 1])


def test_statements_stay_data() -> None:
    data = ["Lasten ja nuorten arvostaminen *", "Kuullaan vanhempien tarpeet", "Kyselyt?", "2020 alkaen", "Johto", "—"]
    assert not is_question_row(data, key_cols=[0, 1])
    assert not is_question_row(["Onko tavoite saavutettu? Kyllä", "Toteutetaan.", "?", None, None, None], key_cols=[0, 1])
