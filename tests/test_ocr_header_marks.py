"""Header texts with marks OCR read from rules and specks name their fields, and a header
repeated on a later page is known as one however OCR spaced it (issue 11, scan set F).

koskenniemi-ikaihmiset-header-rule (header rule only, seven columns) p. 2: the heads read
"—Tavoitetila_" and "—-‘Keinot", so the action column went unnamed and page 2's actions
were lost; at 300 dpi p. 1's "Aika-" was read "Aika->—", so no schedule was read on the
page.  The header repeated atop p. 2 read "Mittarijata- / voitetaso" for "Mittari ja ta- /
voitetaso" and "‘Vastuu" for "Vastuu": taken for a data row, it made a record of its heads.
"""

from __future__ import annotations


def test_marks_around_header_words_are_left_out_for_the_role() -> None:
    from planparse.normalize.tables.header_repair import role_texts
    from planparse.normalize.tables.headers import match_field

    texts = ["Aika->— taulu", "Mittari ja ta- voitetaso", "—Tavoitetila_", "—-‘Keinot", "‘Vastuu", "Resurs- sit"]
    roles = [match_field(t) for t in role_texts(texts, lambda t: t)]
    assert roles == ["schedule", "indicator", "goal", "action", "owner", None]
    assert role_texts(["Vastuutaho(t)", None, ""], None) == ["Vastuutaho(t)", None, ""]


def test_header_repeated_with_ocr_spacing_is_a_repeat() -> None:
    from planparse.normalize.tables.headers import header_key
    from planparse.normalize.tables.rows import _is_repeat, same_head

    header = [header_key(t) for t in ["Aika- taulu", "Mittari ja ta- voitetaso", "Tavoitetila", "Keinot", "Vastuu", "Resurs- sit"]]
    repeat = ["Aika- taulu", "Mittarijata- voitetaso", "Tavoitetila", "Keinot", "‘Vastuu", "Resurs- sit"]
    assert _is_repeat(repeat, [header])
    assert not same_head("keinot", "vastuu") and not same_head("a", "a)")
    # a data row is no repeat
    assert not _is_repeat(["2026", "Noutopisteen käyttökerrat", "", "2.2 Kirjastoauto", "Kirjastopalvelut", "Kokeilu"], [header])

