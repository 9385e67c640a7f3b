"""Goals numbered I-VI through the document whose Roman numbers OCR misread at 150 dpi.

Scan set I (/work/scans-held18) pihlajavesi-lapset-nuoret-header-rule@eng-150: the records'
goal ids and goal texts as the reader had them (one entry per record, the scan's own
readings): goal I's "I." read "I," and left in the text, goal II's id read "I", goal III's
"III." read "IIL", goal VI's "VI." read "VL" (fin-150: "VIL.").  Only IV and V read right.
"""

from __future__ import annotations

IDS = [None, None, None, "I", "I", "I", None, None, "IV", "IV", "IV", "V", "V", None]
GOALS = [
    *["I, Perheet saavat tukea oikea-aikaisesti ja ilman viivettä"] * 3,
    *["Koulujen oppilashuolto toimii yhtenäisesti ja ennaltaehkai-v sevest"] * 3,
    *["IIL Jokaisella lapsella januorellaonmahdollisuus mieluisaan harrastukseen"] * 2,
    *["Lasten ja nuorten ani kuuluu päätöksenteossa"] * 3,
    *["Nuorten mielenterveyden tuki on helposti saatavilla"] * 2,
    "VL Nuorten päihteiden käyttö ja rahapelaaminen vähenevät",
]


def test_goals_take_their_place_in_the_roman_count() -> None:
    from planparse.normalize.repair.ocr.numbering import counted_roman_goals

    ids, goals = counted_roman_goals(IDS, GOALS)
    assert ids == ["I"] * 3 + ["II"] * 3 + ["III"] * 2 + ["IV"] * 3 + ["V"] * 2 + ["VI"]
    assert goals[0] == "Perheet saavat tukea oikea-aikaisesti ja ilman viivettä"
    assert goals[6].startswith("Jokaisella lapsella")
    assert goals[13] == "Nuorten päihteiden käyttö ja rahapelaaminen vähenevät"
    assert goals[3] == GOALS[3]
    fin = GOALS[:13] + ["VIL. Nuorten päihteiden käyttö ja rahapelaaminen vähenevät"]
    assert counted_roman_goals(IDS, fin)[0][13] == "VI"


def test_a_goal_that_reads_otherwise_leaves_the_count_alone() -> None:
    from planparse.normalize.repair.ocr.numbering import counted_roman_goals

    unnumbered = GOALS[:13] + ["Nuorten päihteiden käyttö ja rahapelaaminen vähenevät"]
    assert counted_roman_goals(IDS, unnumbered) == (IDS, unnumbered)
    ids = ["1"] * 3 + IDS[3:]  # numbered otherwise
    assert counted_roman_goals(ids, GOALS) == (ids, GOALS)
    one = [None] * 3 + ["II"] * 3 + [None] * 8  # one goal alone in its place: no count
    assert counted_roman_goals(one, GOALS) == (one, GOALS)


def test_one_goal_read_twice_alike_is_one_place() -> None:
    """Scan set H pihlajavesi-lapset-nuoret-grid@fin-150: the grid prints goal V in both its
    rows and OCR read one with a stop, one without ("... saatavilla." / "... saatavilla"); taken
    as two goals, the count made the second "VI" and goal VI "VII" (fields 0.91 -> 0.89)."""
    from planparse.normalize.repair.ocr.numbering import counted_roman_goals

    ids = ["I"] * 3 + ["II"] * 3 + ["III"] * 2 + ["IV"] * 3 + ["V"] * 2 + ["VI"]
    goals = [
        *["Perheet saavat tukea oikea-aikaisesti ja ilman viivettä"] * 3,
        *["Koulujen oppilashuolto toimii yhtenäisesti ja ennaltaehkäisevästi"] * 3,
        *["Jokaisella lapsella ja nuorella on mahdollisuus mieluisaan harrastukseen"] * 2,
        *["Lasten ja nuorten ääni kuuluu päätöksenteossa"] * 3,
        "Nuorten mielenterveyden tuki on helposti saatavilla.",
        "Nuorten mielenterveyden tuki on helposti saatavilla",
        "Nuorten päihteiden käyttö ja rahapelaaminen vähenevät",
    ]
    assert counted_roman_goals(ids, goals) == (ids, goals)
