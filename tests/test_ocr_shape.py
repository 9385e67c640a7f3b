"""Page shape of OCR'd scans the OCR code was not tuned on (issue 11, held-out scan sets).

Word boxes are the ones Tesseract's text layer gave in the held-out matrix
scans (tools/scans/make_scans.py --from-matrix), as planparse read them.
"""

from __future__ import annotations

from planparse.extractors.pdf.words import Word


def _w(spec: str, top: float, size: float = 8.9) -> Word:
    """ "Johto@394.6-412.6" -> a Word on the line at `top`."""
    text, span = spec.rsplit("@", 1)
    x0, x1 = map(float, span.split("-"))
    return Word(text, x0, x1, top, top + size, size, False)


def _line(specs: str, top: float, size: float = 8.9) -> list[Word]:
    return [_w(s, top, size) for s in specs.split()]


# --- dash bullets whose items hang indented --------------------------------------------


def test_dash_bullets_of_a_hanging_list_are_no_gutter_marks() -> None:
    """kymenlaakso-lnp-hrules@fin-300 p. 1, the "toimija(t)" column: each item's dash at
    the column's edge (where its head starts), its text and wrapped lines indented.  As
    gutter marks the dashes went, and "Johto" ran into "Muut lapsi/nu" as one owner.
    Tesseract's dashes in the white before the "aika" column ("— 2020", "= alkaen") line
    up too, but no text of the page starts where they stand: they still go."""
    from planparse.extractors.pdf.scan.marks import ocr_gutter_marks

    rows = (
        _line("mittari@253.9-277.2 aika-@344.6-363.0 toimija(t)@382.6-416.8", 164.1)
        + _line("nen@253.9-265.3 taulu@344.6-363.0 toteuttaja(t)@382.6-428.2", 174.9)
        + _line("Miten@253.9-272.7 Milloin@344.6-372.0 Kuka/ketkä?@383.3-435.4", 194.3)
        + _line("—@253.4-256.2 Systemaattinen@265.4-320.0 —@337.9-339.7 2020@344.6-360.2 —@382.6-385.3 LNPsos@395.0-421.0 ja@428.2-432.8", 234.1)
        + _line("palautejärjestel-@264.0-322.0 =@338.0-339.6 alkaen@344.6-366.7 LNPter@393.4-416.6 henki-@423.6-444.0", 244.9)
        + _line("mä@264.0-273.0 luotu@278.0-297.0 löstö@393.1-408.3", 256.2)
        + _line("—@253.4-256.2 Lapselta/nuorelta@265.4-330.0 —@382.6-385.3 Johto@394.6-412.6", 269.6)
        + _line("saadut@264.0-290.0 palautteet@295.0-333.0 —@382.6-385.3 Muut@395.0-413.0 lapsi/nu@416.0-443.1", 281.4)
        + _line("määrä@264.0-285.0 orisotoimijat@392.9-437.2", 292.2)
        + _line("—@253.4-256.2 Laatukyselyjen@265.4-322.0 —@337.9-339.7 2021@344.6-360.2", 312.0)
    )
    kept = ocr_gutter_marks(rows)
    gone = [(w.text, w.x0) for w in rows if w not in kept]
    assert sorted(gone) == [("=", 338.0), ("—", 337.9), ("—", 337.9)]


# --- a table ruled only across, going on at the top of a page ----------------------------


def _rule(y: float, x0: float = 61.0, x1: float = 531.0) -> dict:
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def test_two_rows_at_a_page_top_are_parted_by_their_one_rule() -> None:
    """kymenlaakso-lnp-hrules@fin-300 p. 3: the table of p. 2 goes on with rows 6 and 7,
    one rule over them, one between, one under.  With one inner rule the rules were not
    read and, OCR's item gaps lining up across columns, row 7 came out as three rows,
    the last item of row 6 among them."""
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.ruling.hrules import hrule_table
    from planparse.extractors.pdf.tables.whitespace.regions import column_of

    cols = [61.0, 133.0, 254.0, 337.0, 382.0, 459.0, 531.0]
    row6 = [61.1, 71.9, 84.3, 97.6, 111.2, 122.8, 133.9, 149.5, 160.4]
    row7 = [184.0, 195.2, 207.9, 219.3, 231.4, 243.8, 256.0, 267.1]
    words = [Word(f"w{c}{y}", x + 4, x + 40, y, y + 8.9, 8.9, False) for c, x in enumerate(cols[:-1]) for y in row6 + row7]
    rules = [_rule(56.2), _rule(177.6), _rule(290.9)]
    top, bottom = 61.1, 276.5
    assert hrule_table(words, cols, column_of, rules, top, bottom, [], 3, DEFAULT_SETTINGS) is None  # fresh: one rule is no row rule
    table = hrule_table(words, cols, column_of, rules, top, bottom, [], 3, DEFAULT_SETTINGS, framed_part=True)
    assert table is not None and len(table.rows) == 2
    assert [len(cell.lines) for cell in table.rows[0].cells] == [len(row6)] * 6
    # a part with no rule under it (its text runs on to the foot of the page) is not framed
    open_rules = [_rule(56.2), _rule(177.6)]
    assert hrule_table(words, cols, column_of, open_rules, top, bottom, [], 3, DEFAULT_SETTINGS, framed_part=True) is None


# --- words set back on the printed line they were read from -----------------------------


def _printed(lines: list[tuple[float, float, str]], scale: float):
    """A page image (boolean ink array) with each (x, top, text) printed at 9 pt, and each
    word's true box in points."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (round(300 * scale), round(200 * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=round(9 * scale))
    boxes = []
    for x, top, text in lines:
        for word in text.split():
            left, _t, right, _b = draw.textbbox((0, 0), word, font=font)
            draw.text((round(x * scale), round(top * scale)), word, font=font, fill=0)
            ascent = font.getmetrics()[0]
            boxes.append((word, x, x + (right - left) / scale, top, top + ascent / scale))
            x += (right - left) / scale + 3.0
    return np.asarray(image) < 150, boxes


def _chars(word: str, x0: float, x1: float, top: float, bottom: float) -> list[dict]:
    step = (x1 - x0) / len(word)
    return [
        {"text": ch, "x0": x0 + k * step, "x1": x0 + (k + 1) * step, "top": top, "bottom": bottom, "y0": 842 - bottom, "y1": 842 - top}
        for k, ch in enumerate(word)
    ]


def test_words_on_a_neighbouring_columns_baseline_go_back_to_their_ink() -> None:
    """kymenlaakso-lnp-shaded-header@fin-300 p. 1: Tesseract's line ran across the columns
    and wrote "ten arvostami-" (goal column, a paragraph lower than its number) on the
    baseline of "mioiminen omissa asiois-" beside it, 4 pt above its ink; the goal's
    lines came out 15 pt apart where they are 12 apart, the cell broke in two and the
    goal's last line "nen" became a row of its own.  The page image puts it back."""
    from planparse.extractors.pdf.scan.chars.boxes.ink import settle_on_ink

    scale = 150 / 72
    ink, boxes = _printed(
        [(10, 20, "Lasten ja nuor-"), (10, 32, "ten arvostami-"), (10, 44, "nen"),
         (90, 16, "teen kuuleminen ja huo-"), (90, 28, "mioiminen omissa asiois-"), (90, 40, "sa ja päätöksenteossa.")],
        scale,
    )
    misplaced = {"ten": -4.0, "arvostami-": -4.0}  # on the other column's baseline
    chars = []
    for word, x0, x1, top, bottom in boxes:
        dy = misplaced.get(word, 0.0)
        chars += _chars(word, x0, x1, top + dy, bottom + dy)
        chars.append({"text": " ", "x0": x1, "x1": x1 + 3, "top": top + dy, "bottom": bottom + dy})
    settled = settle_on_ink(chars, ink, scale)
    starts = {(c["x0"], c["text"]): c for c in settled}
    for word, x0, _x1, top, _bottom in boxes:
        first = starts[(x0, word[0])]
        assert abs(first["top"] - top) <= 1.0, word  # every word on its own ink, the others left be
        assert abs(first["y1"] - (842 - first["top"])) < 1e-6  # the PDF-space box moved with it


# --- a word glued over a column gap by a speck ------------------------------------------


def _words(chars: list[dict]) -> list[list[dict]]:
    """The characters in runs that stand closer than a third of their height apart."""
    out: list[list[dict]] = []
    for c in chars:
        if not c["text"].strip():
            continue
        if out and 0 <= c["x0"] - out[-1][-1]["x1"] < 3.0:
            out[-1].append(c)
        else:
            out.append([c])
    return out


def test_a_word_glued_over_the_column_gap_by_a_speck_is_cut_at_the_gap() -> None:
    """koskenniemi-ikaihmiset-header-rule@eng-200-skew p. 1: a speck between the goal and
    action columns let Tesseract read "kotonaan", the speck and "kiasennusta" as one word,
    "kotonaan_§kiasennusta", its letters spread evenly over both columns: the goal lost a
    word, the action ran into the goal's column and its row fell apart (F1 0.62).  The ink
    shows two words with a column gap between them; the speck's glyphs go."""
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    scale = 150 / 72
    ink, boxes = _printed([(93.5, 112.0, "kotonaan"), (143.5, 112.0, "kiasennusta"), (10.0, 112.0, "asuvat")], scale)
    image = ink.copy()
    y = round(119.0 * scale)
    image[y : y + 2, round(138.0 * scale) : round(138.0 * scale) + 2] = True
    (_w, _a, left_end, top, bottom), (_w2, right_start, right_end, _t, _b) = boxes[0], boxes[1]
    chars = _chars("asuvat", boxes[2][1], boxes[2][2], top, bottom)
    chars.append({"text": " ", "x0": boxes[2][2], "x1": boxes[2][2] + 3, "top": top, "bottom": bottom})
    chars += _chars("kotonaan_§kiasennusta", 93.5, right_end, top, bottom)  # one box over both
    out = split_glued_words(chars, image, scale)
    words = [(w[0]["text"] and "".join(c["text"] for c in w), w[0]["x0"], w[-1]["x1"]) for w in _words(out)]
    assert [text for text, _x0, _x1 in words] == ["asuvat", "kotonaan", "kiasennusta"]
    (_k, _x0, koto_end), (_t, kias_start, _x1) = words[1], words[2]
    assert abs(koto_end - left_end) <= 1.5 and abs(kias_start - right_start) <= 1.5
    # a word whose letters stand a word space apart is left whole
    ink2, boxes2 = _printed([(60.0, 150.0, "tuetaan kau-")], scale)
    whole = _chars("tuetaankau-", boxes2[0][1], boxes2[1][2], boxes2[0][3], boxes2[0][4])
    assert split_glued_words(whole, ink2, scale) == whole


# --- a column of marks read in a column gap -------------------------------------------


def test_a_column_of_marks_in_a_gap_joins_the_column_right_of_it() -> None:
    """kymenlaakso-lnp-hrules@fin-200-skew p. 1: Tesseract read a dash in the gap before
    the "toimija(t)" head and before each owner's first line, all at one x; they made a
    column of their own, and a column of nothing but marks reads as a list's bullets, so
    the page gave no table at all (goals 1-3 lost).  On an OCR page the marks join the
    column right of them."""
    from dataclasses import replace

    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.borderless import find_borderless_tables
    from planparse.extractors.pdf.words import group_lines

    settings = replace(DEFAULT_SETTINGS, ocr_text=1)
    rows = _line("välitavoite@61.0-105.0 toimenpide@133.0-180.0 aika-@345.0-363.0 —@371.0-374.0 toimija(t)@383.0-420.0", 163.0)
    for k, (goal, action, owner) in enumerate([("1", "Lapsen", "LNPsos"), ("Lasten", "kuuleminen", "LNPter"),
                                                ("2", "Kuullaan", "Johto"), ("Vanhemmuu-", "tarpeet", "Muut"),
                                                ("3", "Nopea", "Perhe"), ("Lapsen", "perheelle", "löstö")]):
        y = 190.0 + 12.0 * k + (10.0 if k % 2 == 0 and k else 0.0)
        rows += _line(f"{goal}@61.0-90.0 {action}@133.0-180.0 2020@345.0-362.0 —@371.0-374.0 {owner}@383.0-415.0", y)
    tables = find_borderless_tables(group_lines(rows, settings), [], 1, 842.0, settings)
    assert len(tables) == 1 and tables[0].n_cols == 4
    assert [c.text for c in tables[0].rows[0].cells] == ["välitavoite", "toimenpide", "aika-", "— toimija(t)"]


def test_a_gutter_mark_with_dust_beside_it_goes() -> None:
    """vake-osallisuus-shaded-header@eng-300 (scan set H) p. 2: "_—‘" read in the white
    left of the "raportointivastuu" column, a dash and an underscore with a quote of dust.
    Three characters, one of them no gutter mark: it stayed, stood across the column gap,
    and the whitespace table ended there; its last two rows and its part overleaf were
    lost (21 of 25 records, fields 0.74).  Its "—" a line above goes as before."""
    from planparse.extractors.pdf.scan.marks import ocr_gutter_marks

    rows = (
        _line("Keskeisin@400.8-441.6 tieto@450.0-467.0 tuotetaan@474.0-514.6 selkokielelle.@523.2-580.1 Viestinta@653.8-691.6", 394.2)
        + _line("Sovitut@51.6-80.2 tavoitteet@87.8-128.0 vasteajoissa@135.4-191.4 Sujuvoitetaan@400.3-461.2 yhteydenotto-@469.4-530.7 ja@538.8-544.7 takaisinsoittokay-@551.0-630.4 —@645.1-648.2 Kaikki@654.5-677.9 toimialat@685.9-722.9", 412.9)
        + _line("saavutetaan.@51.6-108.5 tantdja@400.1-428.9 seka@436.3-454.8 parannetaan@463.0-518.4 ensiaikojen@527.5-577.0 saatavuutta@585.6-637.3", 427.3)
        + _line("Hyte-palveluihin@52.1-124.1 siirtyneiden@132.5-183.2 maa-@191.8-210.8 Asiakas@230.9-263.9 saa@272.6-285.8 tarvitsemansa@293.3-356.8 pal-@365.5-379.0 Asukkaat@399.8-439.7 ohjautuvat@448.6-493.9 hyvinvointitarjottimen@502.6-599.7 kautta@608.4-633.5 Viestinta@653.8-691.6", 446.5)
        + _line("ra@51.8-57.9 velun@230.9-252.3 oikea-aikaisesti@260.6-330.2 ja@338.2-344.1 yhden-@349.9-378.3 nykyista@400.6-435.3 paremmin@443.3-485.5 jarjestdjen@494.2-539.9 ja@547.4-553.4 kuntien@559.9-590.0 tarjoa-@598.1-624.8", 461.1)
        + _line("vertaisesti.@230.9-278.5 miin@400.6-415.5 hyte-palveluihin@423.6-494.3", 475.5)
        + _line("Hyvinvointialueella@400.8-486.3 kaytetaan@494.6-536.3 esteett6mia@545.3-596.8 ja@604.1-610.0 saa-@616.6-633.1 _—‘@644.6-650.9 Tilapalvelut@653.8-704.7", 495.2)
        + _line("vutettavia@399.8-442.4 tiloja@450.0-469.3 toiminnan@475.7-518.0 jarjestamista@526.1-583.6 varten@590.9-616.8", 509.8)
        + _line("Digitaalisten@52.1-106.0 kontaktien@114.5-159.2 maara@168.0-193.4 Digitaalisten@231.8-285.8 palvelujen@294.2-338.3 saata-@346.8-372.1 Hyvinvointialueella@400.8-486.3 jarjestetaan@493.7-545.7 tukea@553.9-576.1 digitaalisten@584.2-637.2 Terveystieteiden@653.8-729.0 palvelut@738.0-775.0", 529.0)
    )
    kept = ocr_gutter_marks(rows)
    gone = [(w.text, w.x0) for w in rows if w not in kept]
    assert sorted(gone) == [("_—‘", 644.6), ("—", 645.1)]
