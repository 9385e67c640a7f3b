"""The accuracy script's own measures: matching, F1 and broken words."""

from __future__ import annotations

from planparse.accuracy import broken_words, match_records, score_document


def rec(goal: str | None, action: str, **fields) -> dict:
    base = {"section": None, "goal_id": None, "goal": goal, "action_id": None, "actions": [action], "owners": [],
            "indicators": [], "schedule": None, "extra": {}, "source": {"page": 1, "table": 1, "row": 1}}
    base.update(fields)
    return base


def test_broken_words_flags_unrepaired_breaks_but_not_printed_ones() -> None:
    assert broken_words({"goal": "tie- topohjan rakentaminen"}, None) == ["tie- topohjan"]
    assert broken_words({"goal": "viestintä- ja markkinointipalvelut"}, None) == []
    typed = {"goal": "WCAG-esteettömyys- standardin mukainen?"}
    assert broken_words(typed, typed) == []
    assert "tasa-rvo" in broken_words({"goal": "tasa-rvo"}, {"goal": "tasa-arvo"})


def test_a_lost_hyphen_is_no_broken_word() -> None:
    # turku-yhta's "tasa-arvo-ryhmä" broken at its second hyphen and joined by the repair
    # (Voikko knows tasa-arvoryhmä): the found word keeps only hyphens the expected one has
    # at the same places, so no line-break hyphen is left in it.  A lost hyphen in a word
    # without another one ("vakalain" for "vaka-lain") was never counted either; field exact
    # counts both.  A hyphen where the expected word has none is still a broken word.
    assert broken_words({"goal": "tasa-arvoryhmä jatkaa"}, {"goal": "tasa-arvo-ryhmä jatkaa"}) == []
    assert broken_words({"goal": "vakalain muutos"}, {"goal": "vaka-lain muutos"}) == []
    assert broken_words({"goal": "vaka-lain muutos"}, {"goal": "vakalain muutos"}) == ["vaka-lain"]
    found = {"goal": "Iltakahvitvanhempainilta-konsepti"}
    assert broken_words(found, {"goal": "Iltakahvit-vanhempainiltakonsepti"}) == ["Iltakahvitvanhempainilta-konsepti"]
    assert broken_words({"goal": "tasaarvo-ryhmä"}, {"goal": "tasa-arvoryhmä"}) == ["tasaarvo-ryhmä"]


def test_matching_is_one_to_one_and_fuzzy() -> None:
    expected = [rec("A", "Kehitetään palveluja"), rec("A", "Kehitetään palveluja"), rec("B", "Laaditaan ohje")]
    found = [rec("B", "Laaditaan ohjeet"), rec("A", "Kehitetään palveluja")]
    # the duplicate row pairs with the one at the same position; the near-identical one still matches
    assert match_records(expected, found) == [(1, 1), (2, 0)]


def test_score_counts_unmatched_expected_as_field_misses() -> None:
    expected = {"title": None, "records": [rec("A", "x1 toimenpide"), rec("B", "x2 toimenpide", owners=["HR"])]}
    found = {"title": None, "records": [rec("A", "x1 toimenpide"), rec("B", "x2 toimenpide", owners=["IT"])]}
    score = score_document("t", expected, found)
    assert score.f1 == 1.0
    assert score.field_exact["owners"] == 0.5 and score.field_exact["goal"] == 1.0
    score = score_document("t", expected, {"title": None, "records": found["records"][:1]})
    assert round(score.f1, 3) == 0.667 and score.field_exact["goal"] == 0.5


def ind(name: str, ref: str, values: list, main: str = "PÄÄTAVOITE I: X", **fields) -> dict:
    base = {"name": name, "ref": ref, "values": values, "national": [], "sources": [], "main_goal": main,
            "goals": [], "source": {"page": 1}}
    base.update(fields)
    return base


def test_indicators_match_on_main_goal_ref_and_name() -> None:
    v = [{"value": 19, "unit": "%", "group": "a"}]
    expected = {"title": None, "records": [], "indicators": [ind("Työttömät", "5", v), ind("Nuorisotyöttömät", "4", v, sources=["TK 2018"])]}
    found = {"title": None, "records": [], "indicators": [ind("Nuorisotyöttömät", "4", v, sources=["TK 2019"]), ind("Työttömät", "5", v, main="PÄÄTAVOITE II: Y")]}
    score = score_document("t", expected, found).indicators
    assert (score.expected, score.found, score.matched) == (2, 2, 1)
    assert score.field_exact["values"] == 0.5 and score.field_exact["sources"] == 0.0


def test_prose_records_are_scored_apart() -> None:
    prose = rec("Tavoite", "Kehitetään palveluja", source={"page": 1, "table": None, "row": None})
    table = rec("B", "Laaditaan ohje")
    score = score_document("t", {"title": None, "records": [table, prose]}, {"title": None, "records": [table]})
    assert score.prose is not None and (score.prose.expected, score.prose.found, score.prose.matched) == (1, 0, 0)
    assert score.indicators is None
