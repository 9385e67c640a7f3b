"""Words a narrow cell cut at a full line's end without a hyphen (held-out matrix seed 14:
kymenlaakso 20edfde2, reportlab, grid, one very narrow column, A5).

reportlab cuts a word wider than what is left of a full line where it must: before the slash
of "lapsi/nuorisotoimijat" ("- Muut lapsi" / "/nuorisotoi" / "mijat").  It read with a space
between the pieces; the geometry (`Line.fills_cell`) says a cut is possible, the slash closed
up to the word after it says it was one.
"""

from __future__ import annotations

from planparse.normalize.tables.cells import TextJoiner

from .test_matrix_held_out_continued_groups import _assert_records_right


def test_a_word_cut_before_its_slash_at_a_full_line_closes_up() -> None:
    joiner = TextJoiner()
    assert joiner.join(["Muut lapsi", "/nuorisotoi", "mijat"], fills_cell=[True, True, False]) == "Muut lapsi/nuorisotoimijat"
    # a line that was not full: the slash was printed after a space ("Lähtötaso /toteuma")
    assert joiner.join(["Lähtötaso", "/toteuma 2022"], fills_cell=[False, False]) == "Lähtötaso /toteuma 2022"
    # a slash spaced on both sides opens its line with a space: no cut word
    assert joiner.join(["arviointia", "/ asiakkuutta"], fills_cell=[True, False]) == "arviointia / asiakkuutta"


def test_held_out_narrow_column_words_cut_before_their_slash_read_whole() -> None:
    # (the compound cut at its inner seam, "oma/vastuu" / "työntekijä", stays apart: a seam
    # rule would also close up the phrase "kaikki" / "palvelualueet" of seed 11, turku 9daa591b)
    _assert_records_right("kymenlaakso-lnp--20edfde2", ("goal", "owners", "indicators", "schedule"))


def test_a_lone_small_letter_after_an_unknown_piece_filling_its_line_closes_up() -> None:
    from planparse.normalize.repair.hyphens import join_lines
    from planparse.normalize.repair.lexicon import get_lexicon

    if not get_lexicon("fi").has_spellchecker:
        import pytest

        pytest.skip("Voikko (libvoikko + voikko-fi) decides; .ci/run installs it")
    # LibreOffice, a very narrow owner column (seed 14, kymenlaakso f2df2694): "LNPte" / "r hen-"
    assert join_lines(["LNPsos ja", "LNPte", "r hen-", "kilöstö"], fills_cell=[False, True, True, False]) == "LNPsos ja LNPter henkilöstö"
    # a known word filling its line before a letter stays apart; so does an abbreviation
    assert join_lines(["Kunta", "x ja y"], fills_cell=[True, False]) == "Kunta x ja y"
    assert join_lines(["LNPte", "r."], fills_cell=[True, False]) == "LNPte r."
