"""PDFium (the default parser) against pdfminer (the reference), on real samples.

Both parsers must hand the shared extractor the same page: the same
characters in the same places, the same ruling edges, the same frame on a
/Rotate page, and so the same records.  pdfminer is the older, slower
reference; every sample's expected output was first reached with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse import extract
from planparse.errors import CorruptInputError, EncryptedError
from planparse.extractors.pdf.opening import open_pages
from planparse.settings import ExtractOptions
from planparse.source import Source

from .conftest import CORPUS, SAMPLES

PDFIUM = ExtractOptions()
PDFMINER = ExtractOptions(pdf_parser="pdfminer")


def _page(path: Path, number: int, options: ExtractOptions):
    with open_pages(Source.from_path(path), options) as (_n, read):
        return read(number)


@pytest.mark.parametrize(
    "name, number",
    [
        ("turku-yhta.pdf", 2),  # LibreOffice, landscape, ruled, line-end hyphens
        ("rl-ruled-hyvinvointi.pdf", 1),  # reportlab: boxes drawn as rectangles
        ("kymenlaakso-lnp-rotated.pdf", 1),  # /Rotate 90
        ("scan-helsinki-kotoutuminen.pdf", 1),  # invisible OCR text over a page image
    ],
)
def test_same_characters_and_edges(name: str, number: int) -> None:
    chars_a, edges_a, w_a, h_a = _page(SAMPLES / name, number, PDFIUM)
    chars_b, edges_b, w_b, h_b = _page(SAMPLES / name, number, PDFMINER)
    assert (round(w_a, 2), round(h_a, 2)) == (round(w_b, 2), round(h_b, 2))
    visible_a = [c for c in chars_a if c["text"].strip()]
    visible_b = [c for c in chars_b if c["text"].strip()]
    # pdfminer leaves a glyph without a Unicode mapping as "(cid:N)"; PDFium decodes it.
    text_b = ["?" if c["text"].startswith("(cid:") else c["text"] for c in visible_b]
    text_a = ["?" if c_b["text"].startswith("(cid:") else c["text"] for c, c_b in zip(visible_a, visible_b)]
    assert len(visible_a) == len(visible_b) and text_a == text_b
    for a, b in zip(visible_a, visible_b):
        assert abs(a["x0"] - b["x0"]) < 0.05, (a["text"], a["x0"], b["x0"])
        if not b["text"].startswith("(cid:"):  # pdfminer has no width for a glyph it cannot name
            assert abs(a["x1"] - b["x1"]) < 0.05  # the advance: the font's width, as pdfminer reads /Widths
        assert abs(a["size"] - b["size"]) < 0.05
        assert a["upright"] == b["upright"]
    # Vertically: the same baseline; the box may differ by the font's descent where the
    # PDF's font descriptor says Descent 0 (LibreOffice writes that) and PDFium asks the font.
    for a, b in zip(visible_a, visible_b):
        assert abs(a["bottom"] - b["bottom"]) < 0.25 * b["size"]
    key = lambda e: (e["orientation"], round(e["x0"], 1), round(e["top"], 1), round(e["x1"], 1), round(e["bottom"], 1))  # noqa: E731
    assert sorted(map(key, edges_a)) == sorted(map(key, edges_b))


@pytest.mark.parametrize(
    "name",
    [
        "turku-yhta.pdf",
        "kymenlaakso-lnp-rotated.pdf",
        "rl-ruled-hyvinvointi.pdf",
        "rl-borderless-osallisuus.pdf",
        "jarvela-ilmasto-borderless.pdf",
        "helsinki-kotoutuminen-furniture.pdf",
        "scan-helsinki-kotoutuminen.pdf",
    ],
)
def test_same_records(name: str) -> None:
    """The end result does not depend on the parser: every record, field by field."""
    a = extract(SAMPLES / name, PDFIUM).to_dict()
    b = extract(SAMPLES / name, PDFMINER).to_dict()
    assert a["records"] == b["records"]
    assert (a["title"], a["source"], a["warnings"]) == (b["title"], b["source"], b["warnings"])


def test_line_end_hyphen_is_read_as_a_hyphen() -> None:
    """PDFium reports a hyphen that ends a printed line as U+0002/U+FFFE; the text must say '-'."""
    chars, _edges, _w, _h = _page(SAMPLES / "turku-yhta.pdf", 1, PDFIUM)
    text = "".join(c["text"] for c in chars)
    assert "\x02" not in text and "\ufffe" not in text
    assert text.count("-") >= 40  # the page prints over forty line-end and word hyphens


def test_encrypted_and_broken_files_are_refused_cleanly(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" + b"x" * 50)
    with pytest.raises(CorruptInputError) as err:
        extract(broken, PDFIUM)
    assert str(broken) in str(err.value) and "not a readable PDF" in str(err.value)
    assert str(err.value).count("(") == str(err.value).count(")") and ".)" not in str(err.value)


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(72, 720, "Tavoite")
    c.save()
    with pytest.raises(EncryptedError) as err:
        extract(path, PDFIUM)
    assert "--password" in (err.value.hint or "")
    with pytest.raises(EncryptedError) as err:
        extract(path, ExtractOptions(password="wrong"))
    assert "wrong password" in str(err.value)
    assert extract(path, ExtractOptions(password="secret")).to_dict()["source"]["pages"] == 1


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _pdf(content: bytes, mediabox: str = "0 0 612 792", rotate: int = 0, font: bytes = HELVETICA, extra: tuple = ()) -> bytes:
    """A one-page PDF written by hand: `content` drawn with font /F1 (objects after 5: `extra`)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [{mediabox}] /Rotate {rotate} "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".encode(),
        font,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _tiny_pdf(mediabox: str, rotate: int) -> bytes:
    """A line of Helvetica text and two drawn rules."""
    content = b"BT /F1 12 Tf 150 700 Td (Tavoite ja toimenpide) Tj ET 140 690 m 400 690 l S 140 600 m 140 690 l S"
    return _pdf(content, mediabox, rotate)


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
@pytest.mark.parametrize("mediabox", ["0 0 612 792", "100 50 712 842", "-30 -20 582 772"])
def test_same_frame_for_offset_and_rotated_pages(tmp_path: Path, mediabox: str, rotate: int) -> None:
    """MediaBox not at the origin and every /Rotate: both parsers put text and rules in the same place."""
    path = tmp_path / "tiny.pdf"
    path.write_bytes(_tiny_pdf(mediabox, rotate))
    pages = [_page(path, 1, options) for options in (PDFIUM, PDFMINER)]
    (chars_a, edges_a, w_a, h_a), (chars_b, edges_b, w_b, h_b) = pages
    assert (round(w_a, 2), round(h_a, 2)) == (round(w_b, 2), round(h_b, 2))
    assert "".join(c["text"] for c in chars_a) == "".join(c["text"] for c in chars_b) == "Tavoite ja toimenpide"
    for a, b in zip(chars_a, chars_b):
        # (Both pages come out upright.)  Along the line exact; across it the descent may
        # differ a little: Helvetica is not embedded, and PDFium measures its stand-in
        # font where pdfminer reads the AFM metrics.
        assert abs(a["x0"] - b["x0"]) < 0.05, (a["x0"], b["x0"])
        assert abs(a["x1"] - b["x1"]) < 0.05, (a["x1"], b["x1"])
        for key in ("top", "bottom"):
            assert abs(a[key] - b[key]) < 0.3, (key, a[key], b[key])
    key = lambda e: (e["orientation"], round(e["x0"], 1), round(e["top"], 1), round(e["x1"], 1), round(e["bottom"], 1))  # noqa: E731
    assert sorted(map(key, edges_a)) == sorted(map(key, edges_b)) and len(edges_a) == 2


SEINAJOKI = CORPUS / "kuntaparse" / "Seinäjoki-Tilinpaatos-2024.pdf"


@pytest.mark.skipif(not SEINAJOKI.exists(), reason="shared corpus not present")
def test_advance_is_the_fonts_width_not_the_glyphs_ink() -> None:
    """Regression: Seinäjoki's financial statement uses TrebuchetMS without embedding it.
    PDFium's loose character box is widened to its stand-in glyph's ink (a 10 pt "0":
    6.29 pt for a 5.22 pt advance), which closed the gap in "+60 000" to under 2 pt, so
    the two groups became one word "+60000". x1 now comes from the font's width."""
    for options in (PDFIUM, PDFMINER):
        plan = extract(SEINAJOKI, ExtractOptions(pages=(130,), pdf_parser=options.pdf_parser))
        values = [v for r in plan.records for v in r.extra.values() if v and v.startswith("+60")]
        assert values == ["+60 000"], (options.pdf_parser, values)


def test_characters_beyond_the_basic_plane_come_out_whole(tmp_path: Path) -> None:
    """Regression (review): PDFium reports U+1D400 as two UTF-16 halves; lone halves
    reached the JSON writer and the run ended with exit 70."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
        b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange "
        b"2 beginbfchar <5B> <D835DC00> <5D> <D83DDE00> endbfchar endcmap "
        b"CMapName currentdict /CMap defineresource pop end end"
    )
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    content = b"BT /F1 11 Tf 60 700 Td (Parempi [ palvelu ja ] malli) Tj ET"
    path = tmp_path / "astral.pdf"
    path.write_bytes(_pdf(content, font=font, extra=(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",)))
    chars_a, *_ = _page(path, 1, PDFIUM)
    chars_b, *_ = _page(path, 1, PDFMINER)
    text_a = "".join(c["text"] for c in chars_a)
    assert text_a == "".join(c["text"] for c in chars_b) == "Parempi \U0001d400 palvelu ja \U0001f600 malli"


def test_kerning_is_no_word_space(tmp_path: Path) -> None:
    """Regression (review): PDFium generates a space at a kerning gap; kept as a word
    break it split 'Toi' 'menpide' (a TJ adjustment of -140 at 8 pt is 1.1 pt)."""
    from planparse.extractors.pdf.words import chars_to_words

    path = tmp_path / "kern.pdf"
    path.write_bytes(_pdf(b"BT /F1 8 Tf 100 700 Td [(Toi) -140 (menpide) 300 (ja) -60 (seuranta)] TJ ET"))
    words = {parser.pdf_parser: [w.text for w in chars_to_words(_page(path, 1, parser)[0])] for parser in (PDFIUM, PDFMINER)}
    assert words["pdfium"] == words["pdfminer"]


def test_a_curve_keeps_its_end_points_only(tmp_path: Path) -> None:
    """Regression (review): a Bézier segment's control points became path points, and
    a curve drawn over a table made edges pdfminer does not see."""
    path = tmp_path / "curve.pdf"
    path.write_bytes(_pdf(b"100 100 m 150 300 250 300 300 100 c S 100 400 m 300 400 l h S"))
    edges = [_page(path, 1, options)[1] for options in (PDFIUM, PDFMINER)]
    key = lambda e: (e["orientation"], round(e["x0"], 1), round(e["top"], 1), round(e["x1"], 1), round(e["bottom"], 1))  # noqa: E731
    assert sorted(set(map(key, edges[0]))) == sorted(set(map(key, edges[1])))


LIGATURES = CORPUS / "camelot" / "table_region.pdf"


@pytest.mark.skipif(not LIGATURES.exists(), reason="shared corpus not present")
def test_a_ligature_is_one_character_as_wide_as_its_letters() -> None:
    """Regression (review): PDFium gives the 'fi' ligature as 'f' and 'i' at one origin,
    each its own width; the gap after them split 'Beneficiari' into 'Benefi' 'ciari'."""
    from planparse.extractors.pdf.words import chars_to_words

    words = [w.text for w in chars_to_words(_page(LIGATURES, 1, PDFIUM)[0])]
    assert "Beneficiari" in words and "Benefi" not in words
