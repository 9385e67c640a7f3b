"""Held-out matrix seed 22: a cut row whose rest overleaf carries on lists beside one cut
sentence.

Each test renders one combination of seed 22's design (samples/matrix, rendered here when the
cache lacks it; the LibreOffice ones skip without soffice) whose records went wrong for one
general reason, and checks the records against the content YAML's expected output.
"""

from __future__ import annotations

import pytest

from tests.matrix_cases import assert_all_records_right

SEEDS = (22,)


@pytest.mark.parametrize("name", ["kymenlaakso-lnp--420094bb", "kymenlaakso-lnp--50af4cf4"])
def test_cut_row_rest_carries_on_lists_beside_one_cut_sentence(name: str) -> None:
    # seed 22, reportlab, grid (420094bb) or no rules (50af4cf4), header repeated: page 1 ends
    # with goal 3's row cut after the goal's number ("3") and each cell's first item; overleaf
    # the goal's text stands beside more items of the actions, indicators and owners and the
    # follow-up column's sentence going on in lower case ("Erityisesti perheoikeudelliset
    # palvelut" | "perhetyö ja eroverkostot").  A rest beside items counted as the cut row's only
    # when every other cell went on a sentence: the rest made a record of its own
    assert_all_records_right(name, SEEDS)
