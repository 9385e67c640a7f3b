"""A word's x-height is not one dense baseline row (issue 11, scan set M).

sjovik-valfard-frame@eng-150 and @swe-150 of scan set M (matrix seed 22) p. 2: at 150 dpi
the feet of a line's letters meet in the JPEG's blur, and the baseline row of "fallrisken"
and "alla" held far more ink than their x-height rows.  `weight.ink_weight` took rows 60 %
as dense as the densest for the x-height: two rows, and the words' strokes over them
weighed five times the page's usual.  Two regular lines of an action ("Förebyggande
hembesök görs hos alla" / "som fyller 75 år, och fallrisken bedöms") were told bold, the
third ("vid besöket.") not, and the table cut a row at the change: goal 5's first row
became two records (12 for 11 at swe-150; 10 for 11 at eng-150).

tests/scan_crops/sjovik-frame-eng150-p2-weight.* is the table on p. 2 of the eng-150 scan:
the characters mark_bold gets and the page's ink (rules out).
"""

from __future__ import annotations

from tests.scan_crop_helpers import load_crop


def _bold_lines(chars: list[dict]) -> set[str]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    out = set()
    for run in char_runs(chars):
        if all(chars[i]["fontname"].endswith("-Bold") for i in run):
            out.add("".join(chars[i]["text"] for i in run))
    return out


def test_regular_lines_over_a_dense_baseline_stay_regular() -> None:
    from planparse.extractors.pdf.scan.chars.glyphs.weight import mark_bold

    chars, ink, scale = load_crop("sjovik-frame-eng150-p2-weight")
    assert _bold_lines(mark_bold(chars, ink, scale)) == set()


def test_the_x_height_is_not_the_baseline_row() -> None:
    """"fallrisken" weighs like the words beside it, not five times the usual."""
    from planparse.extractors.pdf.scan.chars.runs import char_runs
    from planparse.extractors.pdf.scan.chars.glyphs.weight import ink_weight

    chars, ink, scale = load_crop("sjovik-frame-eng150-p2-weight")
    weights = {}
    for run in char_runs(chars):
        text = "".join(chars[i]["text"] for i in run)
        if text in ("fallrisken", "bedéms", "och"):
            c = chars[run[0]]
            x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
            weights.setdefault(text, ink_weight(ink, scale, x0, x1, c["top"], c["bottom"]))
    assert weights["fallrisken"] < 1.5 * weights["bedéms"]
