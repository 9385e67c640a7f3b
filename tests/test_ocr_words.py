"""Words of an OCR text layer read in the order the engine wrote them (issue 11).

The character boxes are the real ones of Tesseract's text layer in
out/scans (jarvela-ilmasto@fin-150.pdf, page 2): the box of "voituksessa"
runs 6 pt into the "ja" after it, so sorting characters by position gave
"voituksessjaa".
"""

from __future__ import annotations

from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.words import chars_to_words, make_line


def _chars(word: str, x0: float, width: float, top: float = 126.33) -> list[dict]:
    return [
        {"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top, "bottom": top + 9.0,
         "doctop": top, "upright": True, "size": 9.0, "fontname": "GlyphLessFont", "non_stroking_color": (0,)}
        for i, ch in enumerate(word)
    ]


# "voituksessa" 5.2 pt a letter from 220.32 (ends 277.52), "ja" 2.56 pt a letter from 271.2,
# "tonttien" from 285.12: no space character between the first two (PDFium made none up).
TESSERACT_LINE = _chars("voituksessa", 220.32, 5.2) + _chars("ja", 271.2, 2.56) + _chars("tonttien", 285.12, 3.57)


def test_sorted_by_position_the_overlapping_words_shuffle() -> None:
    assert [w.text for w in chars_to_words(TESSERACT_LINE)][0] == "voituksessjaa"


def test_ocr_words_in_text_flow_stay_whole_and_apart() -> None:
    words = chars_to_words(TESSERACT_LINE, flow=True)
    assert [w.text for w in words] == ["voituksessa", "ja", "tonttien"]
    assert words[0].x1 < words[1].x0  # the overshooting box is cut back before "ja"
    assert make_line(words, PdfSettings()).text == "voituksessa ja tonttien"


def test_text_flow_keeps_words_that_do_not_overlap() -> None:
    line = _chars("Otetaan", 100.0, 4.0) + _chars("käyttöön", 131.0, 4.0)
    words = chars_to_words(line, flow=True)
    assert [(w.text, w.x0, w.x1) for w in words] == [("Otetaan", 100.0, 128.0), ("käyttöön", 131.0, 163.0)]


def test_misread_bullet_on_a_skewed_line_is_a_bullet_again() -> None:
    """strandby-jamstalldhet@swe-200-skew.pdf p. 1: the "«" of a bullet sits 1.1 pt lower than
    the word after it, so sorting by rounded top put it after that word and it stayed "«"."""
    from planparse.extractors.pdf.scan.marks import ocr_bullets
    from planparse.extractors.pdf.words import Word

    words = [
        Word("Introduktionsmaterialet", 160.1, 256.0, 283.6, 293.6, 10.0, False),
        Word("«", 153.7, 155.1, 284.7, 291.7, 10.0, False),
        Word("dag-", 100.2, 115.9, 284.0, 293.0, 9.0, False),  # the column to the left, a column gap away
        Word("för", 160.2, 172.0, 296.0, 306.0, 10.0, False),
    ]
    assert [w.text for w in ocr_bullets(words)] == ["Introduktionsmaterialet", "•", "dag-", "för"]
    glued = [Word("löne-", 140.0, 152.5, 284.0, 293.0, 9.0, False)] + words[:2]  # "«" inside a run of words
    assert [w.text for w in ocr_bullets(glued)][2] == "«"


def _w(spec: str, top: float, size: float = 9.0) -> "Word":
    """ "Kunnan@58-86" -> a Word on the line at `top`."""
    from planparse.extractors.pdf.words import Word

    text, span = spec.rsplit("@", 1)
    x0, x1 = map(float, span.split("-"))
    return Word(text, x0, x1, top, top + size, size, False)


def _line(specs: str, top: float, size: float = 9.0) -> list:
    return [_w(s, top, size) for s in specs.split()]


# jarvela-ilmasto-borderless@fin-150.pdf p. 1 as Tesseract placed it (x0-x1 per word)
BODY = (
    _line("Kunnan@58-86 oman@94-113 Tekninen@143-178 toi-@186-197 •@221-222 Laaditaan@227-265 kiinteistökoh-@273-327", 196.4)
    + _line("toiminnan@57-95 kasvi-@103-125 mi,@143-152 kiinteistö-@159-197 taiset@228-249 energiatehokkuus-@255-332", 209.8)
    + _line("huonekaasu-@57-109 palvelut@141-173 suunnitelmat@229-281 kaikille@288-314 yli@321-327", 222.8)
    + _line("päästöt@57-85 vähene-@92-124 000@229-240 rakennuksille.@263-319 Öljylämmitteis-@408-470", 236.2)
)


def test_a_table_row_tesseract_sized_as_a_heading_gets_the_body_size() -> None:
    """ "vät 40 % vuoden" read as "VI 10 Vuoden" stretched its line's box to 16 pt: the row
    looked like a heading and cut the table in two.  Its letters are body-sized."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes

    inflated = _line("VI@57-65 10@72-80 Vuoden@98-126 •@221-222 Siirrytään@227-264 öljylämmityk-@272-325 ten@411-420", 247.5, 16.0)
    heading = _line("1@58-61 Ilmasto@72-117 ja@129-137 ympäristö@147-213", 142.5, 13.0)  # a real heading, 13 pt
    out = even_ocr_sizes(BODY + inflated + heading)
    sizes = {w.text: w.size for w in out}
    (body,) = {sizes[w.text] for w in BODY}  # one body size (from the letters' width, not Tesseract's 9.0)
    assert {sizes[w.text] for w in inflated} == {body}
    (size,) = {sizes[w.text] for w in heading}
    assert size >= body + PdfSettings().heading_size_delta  # still a heading


def test_dashes_read_in_the_white_left_of_a_column_are_dropped() -> None:
    from planparse.extractors.pdf.scan.marks import ocr_gutter_marks

    rows = (
        BODY
        + _line("Hankintapalve-@144-204 =@215-216 Otetaan@221-251 ilmastokriteerit@258-319 2024@352-369", 311.6)
        + _line("lut,@143-152 tekninen@158-191 käyttöön@221-253 ajoneuvo-,@261-302 kone-@311-331 2025@352-369", 325.0)
        + _line("toimi@143-159 ja@220-225 laitehankinnoissa@231-303 sekä@311-327", 338.5)
        + _line("kuljetuspalveluiden@221-299 kilpai-@308-330", 351.9)
        + _line("Henkilöstöpal-@144-201 —@213-215 Tarjotaan@220-257 henkilöstölle@265-316 syksy@352-372", 384.1)
        + _line("velut@143-160 suhdepolkupyörä-@221-294 ja@301-307 jouk-@312-330 —@344-346 2024@352-369", 397.5)
        # a dash bullet stands at the column's edge, its text indented after it: kept
        + _line("Kaavoitus@144-184 –@221-225 Otetaan@230-260 käyttöön@267-300", 420.0)
    )
    kept = ocr_gutter_marks(rows)
    marks = [(w.text, w.top) for w in kept if w.text in "=—–"]
    assert marks == [("–", 420.0)]
    assert len(kept) == len(rows) - 3


def test_ocr_line_spacing_that_wanders_keeps_a_cell_one_block() -> None:
    """Column 1 of jarvela-ilmasto-borderless@fin-200-skew.pdf p. 1: Tesseract's lines are
    13.1-13.7 pt apart, one pair 11.4; with the tightest pair as the pitch every line
    was a block (and a row) of its own."""
    from planparse.extractors.pdf.tables.rowsplit.rows import column_blocks
    from planparse.extractors.pdf.words import TextLine

    tops = [162.6, 176.2, 194.4, 208.1, 221.7, 234.8, 248.0, 261.5, 427.9, 441.3, 454.6, 466.1, 481.0]
    lines = [TextLine([], f"line {k}", 57.0, 110.0, t, t + 10.0, 10.0, False) for k, t in enumerate(tops)]
    blocks = column_blocks(lines, 0, pitch=10.8, ocr=True)
    assert [len(b.lines) for b in blocks] == [2, 6, 5]
    assert len(column_blocks(lines, 0, pitch=10.8)) > 3  # born-digital rules: the tightest pair sets the pitch


def test_a_header_row_with_middle_heads_boxed_taller_stays_one_line() -> None:
    """jarvela-ilmasto-borderless@fin-200-skew.pdf p. 3: "Toimenpiteet • Aikatau-" came out as a
    12 pt OCR line, its box 3 pt taller than the heads beside it: the header split into two rows."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.words import Word

    row = [
        Word("Kehittämista-", 58, 116, 60.0, 69.2, 9.0, False),
        Word("Vastuu", 143, 171, 60.6, 69.8, 9.0, False),
        Word("Toimenpiteet", 220, 278, 57.2, 69.3, 12.0, False),
        Word("Aikatau-", 352, 386, 57.1, 69.2, 12.0, False),
        Word("Mittarit", 403, 432, 60.1, 69.3, 9.0, False),
        Word("Tila", 490, 504, 59.8, 69.0, 9.0, False),
    ]
    out = even_ocr_sizes(BODY + row)
    heads = [w for w in out if w.text in {"Toimenpiteet", "Aikatau-", "Kehittämista-"}]
    (body,) = {w.size for w in out if w.text in {"Kunnan", "toiminnan", "päästöt"}}
    assert {w.size for w in heads} == {body}
    assert max(w.top for w in heads) - min(w.top for w in heads) < 2.5  # within a row's alignment


def test_a_head_cut_short_by_the_scan_still_names_its_field() -> None:
    """fin-200-skew lost the second line "lu" of "Aikatau-/lu" on p. 1 only."""
    from planparse.normalize.tables.headers import match_field

    assert match_field("Aikatau-") == "schedule"
    assert match_field("Aikatau") is None  # no hyphen: no cut word, no guess
    assert match_field("Aika-") is None  # too short to tell


def test_a_repeated_header_with_a_head_cut_short_is_a_repeat() -> None:
    from planparse.normalize.tables.rows import _is_repeat, same_head

    assert same_head("aikatau", "aikataulu") and same_head("toimenpiteet •", "toimenpiteet")
    assert not same_head("aika", "aikataulu") and not same_head("vastuu", "tila")
    header = ["kehittämistavoite", "vastuu", "toimenpiteet", "aikatau", "mittarit", "tila"]
    again = ["Kehittämistavoite", "Vastuu", "Toimenpiteet", "Aikataulu", "Mittarit", "Tila"]
    assert _is_repeat(again, [header])
    data = ["Kuntalaisten hyvinvointi", "Hyte-tiimi", "Tehdään arviointi", "2024", "Arvioitujen osuus", "Käynnissä"]
    assert not _is_repeat(data, [header])


def test_one_header_repeated_with_a_speck_is_no_stack_of_goal_card_headers() -> None:
    from planparse.intermediate import Cell
    from planparse.normalize.tables.budgets.goal_tables import Piece, Row, is_goal_table

    def row(kind: str, *texts: str) -> Row:
        return Row(kind, [Piece(50.0 + 80 * k, 120.0 + 80 * k, Cell(lines=[]), t) for k, t in enumerate(texts)], 1, False, 0)

    heads = ("Kehittämistavoite", "Vastuu", "Toimenpiteet", "Aikataulu", "Mittarit", "Tila")
    repeated = [row("H", *heads), row("D", "a", "b", "c", "d", "e", "f"), row("H", *heads[:2], "Toimenpiteet -", *heads[3:])]
    assert not is_goal_table(repeated)
    cards = [row("H", "Tavoite", "Mittari"), row("D", "a", "b"), row("H", "Toimenpide", "Vastuu"), row("D", "c", "d")]
    assert is_goal_table(cards)


def test_ocr_line_dash_misreadings() -> None:
    from planparse.normalize.repair.ocr.glyphs import ocr_glyphs

    assert ocr_glyphs("• Lönekartlägg- -") == "• Lönekartlägg-"  # strandby@swe-200-skew
    # a dash opening a line may be printed ("Vanhemmat mu-" / "kaan -mallia", helsinki@fin-300): kept
    assert ocr_glyphs("-mallia kolmessa peruskou-") == "-mallia kolmessa peruskou-"
    assert ocr_glyphs("- kiinteistöt ja tilat") == "- kiinteistöt ja tilat"


def test_misread_bullet_before_an_action_number_is_a_bullet_again() -> None:
    """koskenniemi-ikaihmiset header-rule @eng-300 (held-out matrix scan) p. 2: "• 3.2 Ystäväpalvelun"
    read as "¢ 3.2 Ystavapalvelun"; the number is the action's id, so the word after the glyph
    is no capital."""
    from planparse.extractors.pdf.scan.marks import ocr_bullets

    line = _line("¢@143.0-144.6 3.2@153.4-162.7 Ystavapalvelun@169.4-232.2", 183.9)
    assert [w.text for w in ocr_bullets(line)] == ["•", "3.2", "Ystavapalvelun"]
    # a number not followed by a capitalised word, or a plain number, leaves the glyph alone
    assert ocr_bullets(_line("¢@143.0-144.6 3.2@153.4-162.7 ja@169.4-175.0", 183.9))[0].text == "¢"
    assert ocr_bullets(_line("¢@143.0-144.6 12@153.4-162.7 Kotia@169.4-190.0", 183.9))[0].text == "¢"
