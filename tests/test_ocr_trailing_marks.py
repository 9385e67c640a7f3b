"""A cell's last word glued to the next column's bullet over the white between them is cut
there (issue 11, scan set E).

sjovik-valfard-header-rule@eng-200-skew p. 1: the owner cell's "fa-" (of "Välfärdsområdet,
fa- / miljecentret") and the bullet of the action cell beside it, 15 pt apart, were read as one
word "fa-___*" (the gap read as underscores, the bullet as "*") whose box ran to 234.6 pt, where
the action column's text starts.  No white parted the owner and action columns any more: the
whitespace table of section 1 took them for one column ("Ansvarig Atgarder Tidsplan" one head)
and its seven records lost their actions and owners (F1 0.43, fields 0.41 -> 1.00 / 0.92).

kymenlaakso-lnp-header-rule@eng-200-skew p. 3 (set M, six narrow columns): "mielentervey-" and
the bullet of "- 3-tason" beside it were read as "mielentervey-__~", its box running to the
bullet; "3-tason" is a word of its own, written a point higher as a line of its own (skew), so
the next character the layer writes on the run's line was none, the ink looked at ran on into
"3" and the bullet with it was too wide for a mark.  The line crossed the column gap and ended
the table mid-row (goal 5 overleaf lost: 14 -> 15 records of 16, F1 0.73 -> 0.84).
"""

from __future__ import annotations

from tests.scan_crop_helpers import load_crop

_crop = load_crop


def _words(chars: list[dict]) -> list[list[dict]]:
    """The characters in words, as the text layer writes them: parted by spaces, gaps and lines."""
    out: list[list[dict]] = []
    prev: dict | None = None
    for c in chars:
        if not c["text"].strip():
            prev = None
            continue
        if prev is not None and abs(c["top"] - prev["top"]) <= 0.3 and -0.5 <= c["x0"] - prev["x1"] < 3.0:
            out[-1].append(c)
        else:
            out.append([c])
        prev = c
    return out


def _texts(chars: list[dict]) -> dict[str, list[dict]]:
    return {"".join(c["text"] for c in w): w for w in _words(chars)}


def test_a_word_run_on_over_a_column_gap_to_a_bullet_is_cut_at_its_ink() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = _crop("sjovik-header-rule-eng200-p1-trailing")
    before = _texts(chars)
    assert "fa-___*" in before
    split = split_glued_words(chars, ink, scale)
    after = _texts(split)
    line = before["fa-___*"][0]["top"]
    on_line = {"".join(c["text"] for c in w): w for w in _words(split) if abs(w[0]["top"] - line) <= 0.3}
    assert "fa-___*" not in after and "fa-" in on_line
    action_column = before["Familjecentrets"][0]["x0"] - 8.0  # the bullet stands before its item's text
    assert on_line["fa-"][-1]["x1"] < action_column - 5.0  # white again between the owner and action columns
    bullet = on_line["*"]  # the bullet, set on its own ink right before the item's text
    assert action_column <= bullet[0]["x0"] < bullet[-1]["x1"] <= before["Familjecentrets"][0]["x0"]
    # no other word of the crop changes
    texts = lambda cs: ["".join(c["text"] for c in w) for w in _words(cs)]  # noqa: E731
    glued = texts(chars).index("fa-___*")
    assert texts(split) == texts(chars)[:glued] + ["fa-", "*"] + texts(chars)[glued + 1 :]


def test_a_word_ending_in_its_own_marks_is_left_whole() -> None:
    """"fa-" (its hyphen), "2025," or "(%)" end in their own marks: no word of the crop but the
    glued one is touched, though many end in a hyphen or a comma beside a column gap."""
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = _crop("sjovik-header-rule-eng200-p1-trailing")
    glued = next(w for w in _words(chars) if "".join(c["text"] for c in w) == "fa-___*")
    rest = [c for c in chars if not any(c is g for g in glued)]
    assert split_glued_words(rest, ink, scale) == rest


def test_the_next_column_s_word_on_a_line_of_its_own_bounds_the_mark() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = _crop("kymenlaakso-header-rule-eng200-p3-bullet")
    before = _texts(chars)
    assert "mielentervey-__~" in before and "3-tason" in before
    split = split_glued_words(chars, ink, scale)
    texts = lambda cs: ["".join(c["text"] for c in w) for w in _words(cs)]  # noqa: E731
    glued = texts(chars).index("mielentervey-__~")
    # the gutter marks read from the bullet go; no other word of the crop changes
    assert texts(split) == texts(chars)[:glued] + ["mielentervey-"] + texts(chars)[glued + 1 :]
    word = _texts(split)["mielentervey-"]
    assert word[-1]["x1"] < before["3-tason"][0]["x0"] - 10.0  # white again before the next column
