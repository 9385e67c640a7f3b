"""Page geometry of OCR'd scans (issue 11): rules, headings, gutter marks.

The word boxes below are the ones Tesseract's text layer gave in the held-out
matrix scans (tools/scans/make_scans.py --from-matrix: koskenniemi-ikaihmiset
grid and header-rule renderings, pihlajavesi-lapset-nuoret grid), as
planparse read them; the rule pieces are drawn into a page image the way the
deskewed 200 dpi scan showed them.
"""

from __future__ import annotations

import io

from planparse.extractors.pdf.words import Word


def _w(spec: str, top: float, size: float, bottom: float | None = None) -> Word:
    """ "Kotona@58.1-103.7" -> a Word on the line at `top`."""
    text, span = spec.rsplit("@", 1)
    x0, x1 = map(float, span.split("-"))
    return Word(text, x0, x1, top, top + size if bottom is None else bottom, size, False)


def _line(specs: str, top: float, size: float) -> list[Word]:
    return [_w(s, top, size) for s in specs.split()]


# --- a rule that the scan printed in pieces is one rule ------------------------------


def _image_pdf(draw, width_pt: float = 595.0, height_pt: float = 842.0, dpi: int = 150):
    """A one-page PDF whose page is one greyscale image (a scan), drawn by `draw(image, scale)`."""
    import pypdfium2 as pdfium
    from PIL import Image

    scale = dpi / 72
    image = Image.new("L", (round(width_pt * scale), round(height_pt * scale)), 255)
    draw(image, scale)
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=dpi)
    return pdfium.PdfDocument(buf.getvalue())


def _pieces(image, scale: float, row_pt: float, spans_pt: list[tuple[float, float]], dy: int = 0) -> None:
    from PIL import ImageDraw

    y = round(row_pt * scale) + dy
    draw = ImageDraw.Draw(image)
    for a, b in spans_pt:
        draw.line([(round(a * scale), y), (round(b * scale), y)], fill=0, width=1)


def test_a_rule_printed_in_pieces_on_three_pixel_rows_is_one_rule() -> None:
    """koskenniemi-ikaihmiset header-rule @fin-200-skew p. 1: the rule under the header,
    straightened, lay on three pixel rows in pieces of different lengths; read as three
    rules a point apart, they parted the table's rows at the rule and nowhere else (all
    five rows under the header became one)."""
    from planparse.extractors.pdf.scan.raster import page_rules

    def draw(image, scale):
        _pieces(image, scale, 196.0, [(57.1, 152.6), (153.1, 260.2), (264.0, 296.2), (374.4, 401.3)], dy=-1)
        _pieces(image, scale, 196.0, [(56.6, 539.0)])
        _pieces(image, scale, 196.0, [(57.1, 133.9), (149.3, 539.0)], dy=1)
        # a rule under the last four columns only, and a second full rule 6 pt lower
        _pieces(image, scale, 400.0, [(276.0, 539.0)])
        _pieces(image, scale, 406.0, [(56.6, 539.0)])

    doc = _image_pdf(draw)
    page = doc[0]
    edges, skew = page_rules(page, 595.0, 842.0)
    page.close()
    doc.close()
    rules = sorted((e["top"], e["x0"], e["x1"]) for e in edges if e["orientation"] == "h")
    assert skew == 0.0
    assert len(rules) == 3  # the pieces at 196 pt are one rule; the two below stay apart
    for (top, x0, x1), want in zip(rules, [(196.0, 56.6, 539.0), (400.0, 276.0, 539.0), (406.0, 56.6, 539.0)]):
        assert abs(top - want[0]) <= 1.0 and abs(x0 - want[1]) <= 1.5 and abs(x1 - want[2]) <= 1.5


# --- headings whose box Tesseract sized as body text -----------------------------------

# koskenniemi-ikaihmiset grid @fin-150 p. 1: the title (18 pt) sized 16 and 15, the intro
# (9 pt) 12, the section heading (14 pt bold) 13 -- and the table's 8 pt lines 13 too.
TITLE = _line("Koskenniemen@58.1-164.0 kaupungin@181.0-254.4 suunnitelma@270.2-358.7 ikääntyneen@374.9-463.3", 56.5, 16.0) + _line(
    "väestön@57.1-110.9 tukemiseksi@125.8-212.0 2025-2027@227.5-305.7", 76.2, 15.0
)
INTRO = _line(
    "Suunnitelma@57.1-97.2 on@103.7-108.8 laadittu@114.7-136.9 vanhuspalvelulain@142.6-201.9 5@208.8-210.7 8:n@215.5-223.1 "
    "mukaisesti@229.0-262.1 yhteistyössä@268.3-309.1 vanhusneuvoston@314.9-372.9 ja@379.7-383.8 "
    "hyvinvointialueen@388.8-445.5 kanssa.@452.2-474.8 Kaupunginval-@481.9-529.2",
    102.2,
    12.0,
) + _line("tuusto@56.6-75.2 hyväksyi@81.1-107.6 suunnitelman@113.8-157.2 17.3.2025.@164.2-197.3", 113.3, 12.0)
HEADING = _line("Kotona@58.1-103.7 asumisen@118.1-182.9 tukeminen@197.3-272.4", 152.1, 13.0)
TABLE = (
    _line("Tavoitetila@56.6-93.6 Keinot@139.2-160.2 Vastuu@272.2-294.8 Aikataulu@344.6-375.7 Mittan@393.1-412.5 "
          "ja@418.6-423.4 tavoiteta-@427.7-460.0 Resurssit@480.5-512.4", 166.0, 13.0)
    + _line("1@57.1-59.8 Ikääntyneet@66.2-103.6 asu-@109.9-121.8 11@139.2-146.2 Kerrostalojen@152.6-195.4 hissien@202.1-222.7 "
            "Jäli-@228.0-242.0 Rakennusval—@272.6-317.4 2025-@344.6-362.6 Jälasennettujen@392.6-450.2 120000@480.5-504.3", 187.6, 13.0)
    + _line("vat@56.6-64.6 kotonaan@70.1-98.2 turvat-@104.6-124.0 asennusta@139.2-172.0 tuetaan@178.1-200.8 "
            "kaupungin@207.4-239.8 kor-@246.7-257.1 vonta,@272.2-289.9 asuntotoi-@296.6-328.1 2027@344.6-357.7 hissien@393.1-413.7",
            198.7, 13.0)
    + _line("lisesti@56.6-78.9 ja@84.5-89.0 esteettö-@94.9-123.6 jausavustuksella@139.2-195.0 ja@200.1-205.0 "
            "neuvonnalla.@210.8-254.6 mi@272.2-280.0 te@393.1-400.5 6/v)@405.0-418.7", 209.8, 12.0)
)


def test_a_heading_tesseract_sized_as_body_text_is_sized_by_its_letters() -> None:
    """At 150 dpi Tesseract gave the 8 pt table lines the 13 pt it gave the 14 pt heading
    above them: the heading read as body text and every record's section was the title.
    Its letters are more than twice as wide as the body's: it is a heading again, no
    larger than the title above it."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes

    words = TITLE + INTRO + HEADING + TABLE
    size = {(w.text, w.top): new.size for w, new in zip(words, even_ocr_sizes(words))}  # (in the order given)
    body = size[("Suunnitelma", 102.2)]
    assert {size[(w.text, w.top)] for w in TABLE} == {body}
    heading = {size[(w.text, w.top)] for w in HEADING}
    assert len(heading) == 1 and heading.pop() >= body + 2
    assert size[("Kotona", 152.1)] <= size[("Koskenniemen", 56.5)]  # the title stays the largest


def test_a_heading_alone_on_a_page_of_body_text_is_sized_by_its_letters() -> None:
    """pihlajavesi-lapset-nuoret grid @fin-150 p. 2: "2 Osallisuus, harrastukset ja vapaa-aika"
    (13 pt bold) came out 12 pt among body lines of 11 and 12, no display line on the page
    to scale it by: it is scaled by the body size."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes, is_display_line
    from planparse.extractors.pdf.words import make_line
    from planparse.extractors.pdf.settings import PdfSettings

    heading = _line("2@43.7-49.6 Osallisuus,@60.2-136.3 harrastukset@145.0-236.0 ja@244.9-254.6 vapaa-aika@262.4-338.3", 350.1, 12.0)
    body = (
        _line("Painopiste@42.7-80.4 Toimenpiteet@106.6-153.9 Toteu-@211.7-235.2 Vastuutaho(@249.6-297.3 Seurannan@310.1-348.0", 365.5, 11.0)
        + _line("Koulukuraattorin@107.0-170.2 ja@177.0-182.4 -psy-@187.6-208.4 2025—@212.2-236.4 1)@250.1-256.0 Sivistys-@259.7-293.5",
                45.0, 12.0)
        + _line("kologin@107.0-135.4 tavoitettavuus@141.0-199.6 2028@212.2-228.4 toimi@259.7-278.8 mitoitus@319.7-351.8", 57.0, 11.0)
        + _line("turvataan@107.0-143.0 kaikissa@149.0-180.4 koulu-@186.5-211.0 2)@250.1-256.0 hyvinvoin-@259.7-298.0", 69.0, 11.0)
        + _line("luissa@107.0-130.9 vähintään@136.5-175.0 kahtena@181.0-210.0 tialueen@259.7-291.0 lasta@319.7-340.0", 81.0, 11.0)
    )
    out = even_ocr_sizes(body + heading)
    sizes = {w.text: w.size for w in out}
    assert sizes["Osallisuus,"] >= sizes["Koulukuraattorin"] + 2
    line = make_line([w for w in out if w.top == 350.1], PdfSettings())
    assert is_display_line(line, out)


def test_a_speck_that_stretched_a_table_line_makes_no_heading() -> None:
    """koskenniemi-ikaihmiset header-rule @fin-200-skew p. 2: a speck read as "EEMESSE" gave
    its table line a 12 pt box among 10 pt lines; its other words are body-wide."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes

    rows = (
        _line("olevat@61.1-83.2 ikäänty-@90.7-121.2 käynnistetään@153.3-209.6 yhteistyös-@217.0-260.7", 408.4, 10.0)
        + _line("3.@61.7-65.8 Ikääntyneiden@72.7-125.0 3.1@143.8-151.9 Kyläkohtaisia@159.8-214.0 kohtaa-@221.0-250.0", 114.1, 10.0)
        + _line("yksinäisyys@61.2-107.0 mispaikkoja@143.5-191.3 perustetaan@199.0-246.0 kulttuuripalve-@276.2-336.0", 126.2, 10.0)
        + _line("vähenee@61.0-94.0 ja@100.0-105.0 koulujen,@143.3-180.0 kirjastojen@186.0-230.0 seurakun-@276.2-318.0", 138.0, 10.0)
    )
    stretched = _line("EEMESSE@60.9-101.3 «@143.0-144.7 Kulttuurikaveritoiminta@153.1-246.7 käyntien@406.9-439.0 määrä@447.2-470.1",
                      396.2, 12.0)
    out = even_ocr_sizes(rows + stretched)
    assert len({w.size for w in out}) == 1  # all body text


# --- gutter marks -------------------------------------------------------------------------


def test_a_two_glyph_gutter_mark_is_dropped() -> None:
    """koskenniemi-ikaihmiset header-rule @eng-300 p. 1: a speck left of the "Vastuu" column
    read as "—_" glued "korjausavustuksella" to "toimi" across the column gap, and the
    table broke in two at that line."""
    from planparse.extractors.pdf.scan.marks import ocr_gutter_marks

    rows = (
        _line("1.1@143.8-151.9 Kerrostalojen@159.8-213.5 hissien@221.8-246.8 jal-@254.4-268.0 Rakennusval-@277.0-332.1", 200.0, 10.0)
        + _line("kiasennusta@143.5-191.3 tuetaan@199.0-227.5 kau-@235.7-250.5 vonta,@276.2-298.5 asunto-@306.5-335.0", 212.0, 10.0)
        + _line("pungin@143.3-168.0 korjausavustuksella@176.2-258.2 —_@268.1-271.3 toimi@276.2-293.2", 225.0, 10.0)
        + _line("•@143.0-144.6 1.2@153.8-162.8 Kotiin@169.9-190.3 vietava@197.3-224.4 kodin@232.3-251.3 Hyvinvointi-@276.7-323.5",
                256.9, 10.0)
        + _line("korjausneuvonta@153.6-221.1 ja@228.5-233.6 turval-@239.5-263.5 alue@276.5-290.9 (kotihoi-@298.3-329.4", 267.9, 10.0)
        + _line("lisuuskartoitus@153.6-211.7 tarjotaan@219.1-253.5 to,@276.0-283.6 fysiotera-@290.2-327.0", 281.1, 10.0)
    )
    kept = ocr_gutter_marks(rows)
    assert [w.text for w in rows if w not in kept] == ["—_"]


def test_a_gutter_mark_glued_to_the_first_word_of_a_cell_is_cut_off() -> None:
    """koskenniemi-ikaihmiset header-rule @eng-200-skew: specks left of the "Vastuu" column
    came out glued to the cells' first words ("—_toimi", "—_opisto", "_velut"): the owner
    read "liikuntapal- _velut" and each word started left of its column."""
    from planparse.extractors.pdf.scan.marks import ocr_glued_marks

    words = [
        _w("—_toimi@268.1-293.2", 225.0, 10.0),
        _w("_velut@272.0-298.5", 480.0, 10.0),
        _w("—topalvelut@270.0-330.0", 150.0, 10.0),
        _w("=Kaupungin-@271.0-330.0", 280.0, 10.0),
        _w("-psykologin@187.6-230.0", 57.0, 10.0),  # "ja -psykologin": a hyphen may open a word
        _w("—Kaatumisten@150.0-210.0", 300.0, 10.0),  # a dash bullet before a capital: the bullets' business
        _w("2025—2027@348.2-381.8", 200.0, 10.0),
    ]
    out = ocr_glued_marks(words)
    assert [w.text for w in out] == ["toimi", "velut", "topalvelut", "Kaupungin-", "-psykologin", "—Kaatumisten", "2025—2027"]
    assert round(out[0].x0, 1) == round(268.1 + 2 * (293.2 - 268.1) / 7, 1) and out[0].x1 == 293.2


# --- a section heading on top of the page ends the table of the page before ---------------

PAGE2 = (
    _line("Osallisuus@57.1-115.6 ja@125.8-132.5 yksinäisyyden@140.6-222.2 ehkäisy@233.3-274.4", 58.5, 12.0)
    + _line("Tavoitetila@61.0-105.8 Keinot@144.0-169.1 Vastuu@276.5-304.5 Aikatau-@348.5-382.6 Mittari@397.4-421.8 "
            "ja@429.1-434.6 tavoi-@440.2-463.2 Resurssit@484.3-524.5", 84.1, 9.0)
    + _line("lu@348.5-353.9 tetaso@397.0-421.6", 95.1, 10.0)
    + _line("3.@61.4-65.6 Ikääntyneiden@72.5-129.1 3.1@143.5-151.8 Kyläkohtaisia@159.8-213.8 kohtaa-@221.3-250.3 "
            "Liikunta-@274.6-308.7 ja@316.8-321.9 2025—20@348.5-382.1 Kohtaamispaik-@407.0-470.7 Järjestö-@483.8-518.0", 115.8, 9.0)
    + _line("yksinäisyys@61.0-107.2 mispaikkoja@143.5-190.2 perustetaan@197.8-245.7 kulttuuripalve-@276.5-334.1 "
            "26@348.5-355.5 kojen@407.0-425.8 määrä@433.9-457.1 avustukset@484.3-527.1", 127.8, 9.0)
    + _line("vähenee@61.0-93.7 ja@101.3-106.4 osal-@112.8-130.4 koulujen,@143.5-177.6 kirjastojen@185.8-225.8 ja@232.8-237.9 "
            "seu-@244.3-259.3 lut,@276.5-285.7 seurakun-@292.3-332.1 (tavoite@407.0-435.2 8)@442.6-448.0", 139.8, 9.0)
)


def test_a_section_heading_on_top_of_a_scanned_page_starts_a_table_of_its_own() -> None:
    """koskenniemi-ikaihmiset header-rule @fin-150 p. 2: the page opens with the heading
    "Osallisuus ja yksinäisyyden ehkäisy" and the table's header row repeated.  Display lines
    were kept out of the whitespace table search altogether, so the table of page 1 went on
    under the heading, its repeated header read as a row and two columns run together."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes, ocr_table_lines
    from planparse.extractors.pdf.settings import PdfSettings
    from planparse.extractors.pdf.tables.pages.continued import continued_region
    from planparse.extractors.pdf.words import group_lines

    settings = PdfSettings(ocr_text=1)
    words = even_ocr_sizes(PAGE2)
    lines = group_lines(words, settings)
    kept = ocr_table_lines(lines, words, settings)
    assert kept[0].text == "Osallisuus ja yksinäisyyden ehkäisy"
    carry = [61.0, 143.0, 276.0, 348.0, 397.0, 484.0, 530.0]  # the columns page 1's table ended with
    region, _ = continued_region(kept, carry, 842.0, settings)
    assert region is None  # a section heading opens the page: what follows is a table of its own
    region, _ = continued_region(kept[1:], carry, 842.0, settings)
    assert region is not None  # (without the heading the header row would go on with page 1's table)
