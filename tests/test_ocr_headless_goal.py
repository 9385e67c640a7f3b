"""A goal column whose head the OCR lost (issue 11, scan set G).

strandby-jamstalldhet-hrules@swe-200-skew and @eng-200-skew p. 1: the page prints
"Mål | Åtgärder | Ansvar | Uppföljning | Tidtabell", but Tesseract wrote nothing for the
short head "Mål" on the skewed, noisy 200-dpi scan (both models; the 150 and 300 dpi
scans read it).  The table was found right, its first column headless, so every goal went
to `extra["column 1"]` and no record matched (F1 0.00).  The header and cell texts below
are the scan's own (`planparse tables`, first rows).
"""

from __future__ import annotations

from planparse.normalize.tables.headers import assign_roles

HEADER = ["", "Åtgärder", "Ansvar", "Uppföljning", "Tidtabell"]
VALUES = [
    ["Jämställdhets- och likabehandlingsar-\nbetet är en naturlig del av ledningen\noch den dagliga verksamheten",
     "Barn och elever bemöts likvärdigt obe-\nroende av kön, språk, ursprung eller\nfunktionsförmåga"],
    ["Jämställdhets- och likabehandlingsplanen behandlas årligen i\npersonal- och ledningsgrupperna.",
     "Lärmiljöerna kartläggs ur ett jämställdhetsperspektiv i förskole-\noch skolverksamheten."],
    ["Förvaltningschef, rektorer, dag-\nhemsföreståndare", "Rektorer, daghemsföreståndare"],
    ["Antal enheter som behandlat planen", "Kartläggningen genomförd (ja/nej)\nElevenkätens resultat om trygghet\noch bemötande"],
    ["årligen i augusti", "hösten 2024"],
]


def test_the_headless_first_column_before_the_actions_takes_the_goals() -> None:
    assert assign_roles(HEADER, [1] * 5, VALUES) == ["goal", "action", "owner", "indicator", "schedule"]


def test_a_named_goal_or_a_headless_column_elsewhere_is_left_alone() -> None:
    # a goal column named elsewhere: the headless first column stays a value of its own
    named = ["", "Åtgärder", "Mål", "Uppföljning", "Tidtabell"]
    assert assign_roles(named, [1] * 5, VALUES)[0] == "extra"
    # the actions not right after it: no guess
    apart = ["", "Ansvar", "Åtgärder", "Uppföljning", "Tidtabell"]
    assert "goal" not in assign_roles(apart, [1] * 5, VALUES)
    # numbers only: the actions' ids, as before
    numbered = [["1", "2"], *VALUES[1:]]
    assert assign_roles(HEADER, [1] * 5, numbered)[0] == "action_id"
