"""A page's characters and drawn paths read with PDFium (pypdfium2), fast.

pdfminer, under pdfplumber, interprets every content stream in Python; it is
most of planparse's time on a long plan.  PDFium (Chrome's PDF engine, which
pypdfium2 ships and pdfplumber itself already depends on) parses in C, about
five times faster.  This module reads a page with it and hands back the same
plain dicts pdfplumber would give (`text`, `x0`, `x1`, `top`, `bottom`,
`fontname`, `size`, `matrix`, `upright`, `non_stroking_color` for a character;
lines, rects and curves with `pts` for paths), in the same frame: points
from the top-left corner of the displayed MediaBox, /Rotate applied.  Words,
tables and everything after stay the same code for both parsers.

Character boxes follow pdfminer's rule, not PDFium's glyph box: from the
baseline plus the font's descent, one font size high, one advance wide, so
geometric tolerances mean the same thing whichever parser ran.

Known differences from pdfminer (tests/test_pdf_parsers.py pins the rest):
- where a font descriptor says Descent 0 (LibreOffice writes that), PDFium
  asks the font, so such boxes sit up to 0.3 em lower;
- PDFium drops text printed twice on itself (fake bold) and decodes some
  glyphs pdfminer leaves as "(cid:N)";
- an advance is looked up per character and font, so two glyph codes that
  print the same character in one font share the first one's width.
"""

from __future__ import annotations

import ctypes
from typing import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pypdfium2_raw.bindings import _libs

Point = tuple[float, float]

_WHITESPACE = frozenset(" \r\n\t")
# PDFium's codes for a hyphen printed at a line end (FPDFText_GetUnicode, FPDFText_GetText).
_LINE_END_HYPHEN = frozenset("\x02\ufffe")
_NAME_SIZE = 256
_WORD_SPACE = 0.2  # share of the font size: a narrower gap is kerning or letter spacing
_PATH = raw.FPDF_PAGEOBJ_PATH
_FORM = raw.FPDF_PAGEOBJ_FORM
_MAX_FORM_DEPTH = 12  # nested form XObjects deeper than this are not drawn by real producers


class PdfiumPage:
    """One page's objects as pdfplumber-style dicts (see the module docstring)."""

    def __init__(self, page: pdfium.PdfPage, widths: dict | None = None) -> None:
        """`widths`: advance widths by font and character, shared by a document's pages."""
        handle = page.raw
        x0, y0, x1, y1 = _mediabox(page)
        self.rotation = raw.FPDFPage_GetRotation(handle) % 4  # quarter turns clockwise
        self._mb = (x0, y0, x1 - x0, y1 - y0)
        w, h = x1 - x0, y1 - y0
        self.width, self.height = (h, w) if self.rotation % 2 else (w, h)
        self._page = page
        self._widths = widths if widths is not None else {}
        # point() as an affine map: (x, y) -> (xx*x + xy*y + x_c, yx*x + yy*y + y_c).
        (c_x, c_y), (u_x, u_y), (v_x, v_y) = self.point(0.0, 0.0), self.point(1.0, 0.0), self.point(0.0, 1.0)
        self._affine = (u_x - c_x, v_x - c_x, c_x, u_y - c_y, v_y - c_y, c_y)

    # --- frame -----------------------------------------------------------------

    def point(self, x: float, y: float) -> Point:
        """A user-space point in the displayed frame (top-left origin, y down)."""
        mx, my, w, h = self._mb
        u, v = x - mx, y - my
        r = self.rotation
        if r == 0:
            return u, h - v
        if r == 1:
            return v, u
        if r == 2:
            return w - u, v
        return h - v, w - u

    def display_vector(self, dx: float, dy: float) -> Point:
        """A user-space direction on the displayed page (y down)."""
        (x0, y0), (x1, y1) = self.point(0.0, 0.0), self.point(dx, dy)
        return x1 - x0, y1 - y0

    def vector(self, dx: float, dy: float) -> Point:
        """A direction in user space turned by the page rotation (y up, as pdfminer's matrices)."""
        x, y = self.display_vector(dx, dy)
        return x, -y

    # --- characters ------------------------------------------------------------

    def chars(self) -> list[dict]:
        """The page's characters (PDFium's made-up line ends left out; see `_read_chars`)."""
        textpage = raw.FPDFText_LoadPage(self._page.raw)
        if not textpage:
            return []
        try:
            return self._read_chars(textpage)
        finally:
            raw.FPDFText_ClosePage(textpage)

    def _read_chars(self, textpage) -> list[dict]:
        """Every printed character, in PDFium's order, with three repairs of how PDFium
        reports them so the page reads as pdfminer reads it:

        - a ligature ("fi") comes as its letters, all at the glyph's origin: they are
          joined into one character as wide as their advances together;
        - a character beyond U+FFFF comes as two UTF-16 halves: they are joined;
        - a printed space is often replaced by one PDFium generates: it is kept as a
          word break when the gap it stands for is a word space (a fifth of the font
          size or more), not a kerning or letter-spacing gap.
        """
        n = raw.FPDFText_CountChars(textpage)
        if n <= 0:
            return []
        text = _page_text(textpage, n)
        fonts: dict[int, tuple] = {}
        faces: dict[int, tuple[str, float]] = {}
        styles: dict[tuple, tuple] = {}
        out: list[dict] = []
        append = out.append
        ox, oy = ctypes.c_double(), ctypes.c_double()
        ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
        get_object = _GET_TEXT_OBJECT
        get_origin = _GET_CHAR_ORIGIN
        get_unicode = raw.FPDFText_GetUnicode
        is_generated = raw.FPDFText_IsGenerated
        xx, xy, x_c, yx, yy, y_c = self._affine
        last_key, last_u, last_v, last_adv = -1, 0.0, 0.0, 0.0  # the previous character's object, origin, advance
        space_pending = False
        skip = False
        for i in range(n):
            if skip:
                skip = False
                continue
            ch = text[i] if text is not None else chr(get_unicode(textpage, i))
            if ch in _WHITESPACE:
                if ch == " " and is_generated(textpage, i) != 0 and out and out[-1]["text"] != " ":
                    space_pending = True  # decided when the next character shows the gap
                elif ch != " ":
                    space_pending = False  # a line end PDFium made up: no space at it
                if ch != " " or is_generated(textpage, i) != 0:
                    continue
            elif ch in _LINE_END_HYPHEN:
                ch = "-"
            elif "\ud800" <= ch <= "\udfff":
                nxt = "" if i + 1 >= n else text[i + 1] if text is not None else chr(get_unicode(textpage, i + 1))
                ch, skip = _join_surrogates(ch, nxt)
            key = get_object(textpage, i) or 0
            font = fonts.get(key)
            if font is None:
                font = fonts[key] = self._font(textpage, i, key, faces, styles)
            name, size, matrix, upright, color, advances, kx0, kx1, ax0, ax1, ky0, ky1, ay0, ay1, metrics = font
            adv = advances.get(ch)
            if adv is None:
                adv = advances[ch] = _advance(textpage, i, ch, metrics)
            get_origin(textpage, i, ox_ref, oy_ref)
            u, v = ox.value, oy.value
            px, py = xx * u + xy * v + x_c, yx * u + yy * v + y_c
            if key == last_key and abs(u - last_u) < 0.01 and abs(v - last_v) < 0.01 and out and ch != " ":
                # Another letter of a ligature: one character, as wide as its letters.
                prev = out[-1]
                if prev["text"] != " ":
                    last_adv += adv
                    prev["text"] += ch
                    prev["x0"], prev["x1"] = px + kx0 + last_adv * ax0, px + kx1 + last_adv * ax1
                    prev["top"] = prev["doctop"] = py + ky0 + last_adv * ay0
                    prev["bottom"] = py + ky1 + last_adv * ay1
                    continue
            x0, top = px + kx0 + adv * ax0, py + ky0 + adv * ay0
            if space_pending:
                space_pending = False
                prev = out[-1]
                gap = x0 - prev["x1"] if upright else top - prev["bottom"]
                if gap >= _WORD_SPACE * size:
                    append(_space_after(prev))
            last_key, last_u, last_v, last_adv = key, u, v, adv
            append(
                {
                    "object_type": "char",
                    "text": ch,
                    "x0": x0,
                    "x1": px + kx1 + adv * ax1,
                    "top": top,
                    "bottom": py + ky1 + adv * ay1,
                    "doctop": top,
                    "fontname": name,
                    "size": size,
                    "matrix": matrix,
                    "upright": upright,
                    "non_stroking_color": color,
                }
            )
        return out

    def _font(self, textpage, i: int, key: int, faces: dict, styles: dict) -> tuple:
        """What a text object's characters share: name, size, matrix, colour, and
        the box of a character as offsets from its origin (so each character
        costs a few multiplications, whatever the rotation).

        `faces` (font handle -> name, descent per unit size) and `styles` (font,
        size, matrix, colour -> this tuple) are the page's caches: a page has
        a hundred text objects but a handful of styles.
        """
        m = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(textpage, i, m)
        size_em = raw.FPDFText_GetFontSize(textpage, i)  # the Tf size, before the matrix
        r, g, bl, al = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        raw.FPDFText_GetFillColor(textpage, i, r, g, bl, al)
        # Handles as plain addresses (ctypes.cast would leave reference cycles behind per call).
        face_key = (_GET_FONT(ctypes.c_void_p(key)) or 0) if key else 0
        style_key = (face_key, size_em, m.a, m.b, m.c, m.d, r.value, g.value, bl.value)
        style = styles.get(style_key)
        if style is not None:
            return style
        face = faces.get(face_key)
        if face is None:
            face = faces[face_key] = _face(textpage, i, face_key)
        name, descent_em = face
        a, b = self.vector(m.a, m.b)
        c, d = self.vector(m.c, m.d)
        # The em square's sides: one unit of advance and of height, in user space.
        scale_x = (m.a * m.a + m.b * m.b) ** 0.5 or 1.0
        scale_y = (m.c * m.c + m.d * m.d) ** 0.5 or 1.0
        size = size_em * scale_y
        descent = descent_em * size
        color = (r.value / 255, g.value / 255, bl.value / 255)
        # Directions on the displayed page (y down) of one unit of advance and of height.
        adv_x, adv_y = self.display_vector(m.a / scale_x, m.b / scale_x)
        up_x, up_y = self.display_vector(m.c / scale_y, m.d / scale_y)
        # Box = origin + descent*up + [0, size]*up + [0, advance]*adv: its extent on each axis.
        kx0 = descent * up_x + min(0.0, size * up_x)
        kx1 = descent * up_x + max(0.0, size * up_x)
        ky0 = descent * up_y + min(0.0, size * up_y)
        ky1 = descent * up_y + max(0.0, size * up_y)
        upright = a * d > 0 and b * c <= 0
        # Advances by character, shared by every text object of this font, size and direction.
        # (A font without a name, such as some Type 3 fonts, keeps its advances to this page.)
        width_key = (name, round(size_em * scale_x, 4), round(m.a, 4), round(m.b, 4))
        advances = self._widths.setdefault(width_key, {}) if name else {}
        style = styles[style_key] = (
            name, size, (a, b, c, d, 0.0, 0.0), upright, color, advances,
            kx0, kx1, min(0.0, adv_x), max(0.0, adv_x), ky0, ky1, min(0.0, adv_y), max(0.0, adv_y),
            (face_key, size_em, scale_x, abs(m.a) >= abs(m.b)),
        )
        return style

    # --- paths -----------------------------------------------------------------

    def paths(self) -> tuple[list[dict], list[dict], list[dict]]:
        """Painted paths as pdfminer classifies them: lines, rects and curves."""
        lines: list[dict] = []
        rects: list[dict] = []
        curves: list[dict] = []
        for obj, matrix in _path_objects(self._page.raw):
            fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
            if not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
                continue
            filled, stroked = fill_mode.value != 0, bool(stroke.value)
            if not (filled or stroked):
                continue
            color = _object_color(obj, raw.FPDFPageObj_GetFillColor)
            stroke_color = _object_color(obj, raw.FPDFPageObj_GetStrokeColor)
            for pts, closed in _subpaths(obj, matrix):
                shown = [self.point(x, y) for x, y in pts]
                item = _shape(shown, closed)
                item.update(stroke=stroked, fill=filled, non_stroking_color=color, stroking_color=stroke_color)
                item["y0"], item["y1"] = self.height - item["bottom"], self.height - item["top"]
                kind = item["object_type"]
                (lines if kind == "line" else rects if kind == "rect" else curves).append(item)
        return lines, rects, curves


def _mediabox(page: pdfium.PdfPage) -> tuple[float, float, float, float]:
    left, bottom, right, top = page.get_mediabox()
    return min(left, right), min(bottom, top), max(left, right), max(bottom, top)


def _join_surrogates(high: str, low: str) -> tuple[str, bool]:
    """A character beyond U+FFFF from PDFium's two UTF-16 halves (and whether the
    second was used); a half without its partner becomes U+FFFD."""
    if "\ud800" <= high <= "\udbff" and "\udc00" <= low <= "\udfff":
        return (high + low).encode("utf-16-le", "surrogatepass").decode("utf-16-le"), True
    return "\ufffd", False


def _space_after(char: dict) -> dict:
    """A zero-width space where `char` ends (a word break for pdfplumber's word grouping)."""
    space = dict(char)
    space["text"] = " "
    if char["upright"]:
        space["x0"] = char["x1"]
    else:
        space["top"] = space["doctop"] = char["bottom"]
    return space


def _face(textpage, i: int, font_address: int) -> tuple[str, float]:
    """A font's name (as pdfminer gives it, subset tag aside) and its descent per unit of size."""
    buf = ctypes.create_string_buffer(_NAME_SIZE)
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(textpage, i, buf, _NAME_SIZE, flags)
    name = buf.value.decode("utf-8", "replace")
    descent = 0.0
    if font_address:
        got = ctypes.c_float()
        if _GET_DESCENT(ctypes.c_void_p(font_address), ctypes.c_float(1000.0), ctypes.byref(got)):
            descent = got.value / 1000.0
    return name, descent


def _page_text(textpage, n: int) -> str | None:
    """All characters in one call; None when the text is not one UTF-16 unit per character.

    (A plain byte buffer: an array type made per page would be cyclic garbage.)"""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = _GET_TEXT(textpage, 0, n, buf)
    if got != n + 1:
        return None
    text = buf.raw[: 2 * n].decode("utf-16-le", "surrogatepass")  # halves kept: one unit per character
    return text if len(text) == n else None


def _advance(textpage, i: int, ch: str, metrics: tuple) -> float:
    """A character's advance along the baseline, in user space: what pdfminer takes
    from the PDF's /Widths.

    The font's width for the character (FPDFFont_GetGlyphWidth) is that
    width, as long as it is no wider than PDFium's loose box, which covers the
    advance and the glyph's ink both: the call maps the character back to a
    code, and where several codes print one character it may answer for
    another glyph (an 'i' 3.88 pt wide for a 1.72 pt advance).  Otherwise the
    loose box is the best measure there is; it is too wide only where the ink
    overhangs the advance (DejaVu's T, stand-ins for fonts a PDF does not
    embed: a 10 pt "0" 6.29 pt wide for a 5.22 pt advance).
    """
    font_address, size_em, scale, horizontal = metrics
    loose = raw.FS_RECTF()
    if not raw.FPDFText_GetLooseCharBox(textpage, i, loose):
        return 0.0
    width = abs(loose.right - loose.left) if horizontal else abs(loose.top - loose.bottom)
    code = ord(ch[0])
    if font_address and code <= 0xFFFF:
        font_width = ctypes.c_float()
        if _GET_GLYPH_WIDTH(ctypes.c_void_p(font_address), code, ctypes.c_float(size_em), ctypes.byref(font_width)):
            if 0 < font_width.value * scale <= width + 0.01:
                return font_width.value * scale
    return width


def _object_color(obj, getter) -> tuple[float, ...] | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _path_objects(page_handle) -> Iterator[tuple[object, tuple[float, ...]]]:
    """Every path object on the page with its full matrix, form XObjects entered."""
    stack: list[tuple[object, tuple[float, ...], int]] = []
    count = raw.FPDFPage_CountObjects(page_handle)
    for i in range(count - 1, -1, -1):
        stack.append((raw.FPDFPage_GetObject(page_handle, i), _IDENTITY, 0))
    while stack:
        obj, outer, depth = stack.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (_PATH, _FORM):
            continue
        m = raw.FS_MATRIX()
        own = (m.a, m.b, m.c, m.d, m.e, m.f) if raw.FPDFPageObj_GetMatrix(obj, m) else _IDENTITY
        full = _multiply(own, outer)
        if kind == _PATH:
            yield obj, full
        elif depth < _MAX_FORM_DEPTH:
            n = raw.FPDFFormObj_CountObjects(obj)
            for j in range(n - 1, -1, -1):
                stack.append((raw.FPDFFormObj_GetObject(obj, j), full, depth + 1))


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _subpaths(obj, matrix: tuple[float, ...]) -> Iterator[tuple[list[Point], bool]]:
    """Each subpath's points and whether it closes: the ends of its segments, as
    pdfminer keeps them (a Bézier curve's two control points are left out)."""
    a, b, c, d, e, f = matrix
    n = raw.FPDFPath_CountSegments(obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    pts: list[Point] = []
    closed = False
    bezier = 0  # PDFium gives a curve as three BEZIERTO points: control, control, end
    for i in range(n):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO and pts:
            yield pts, closed
            pts, closed = [], False
        bezier = bezier + 1 if kind == raw.FPDF_SEGMENT_BEZIERTO else 0
        if bezier in (0, 3):
            bezier = 0
            pts.append((a * x.value + c * y.value + e, b * x.value + d * y.value + f))
        if raw.FPDFPathSegment_GetClose(seg):
            closed = True
    if pts:
        yield pts, closed


def _shape(pts: list[Point], closed: bool) -> dict:
    """pdfminer's classification: two points a line, an axis-aligned box a rect, else a curve."""
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    box = {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top}
    if closed and len(pts) > 2 and pts[-1] != pts[0]:  # a closed two-point path is still a line
        pts = pts + [pts[0]]
    if len(pts) == 2:
        return {"object_type": "line", "pts": pts, **box}
    if len(pts) in (4, 5) and _is_box(pts):
        return {"object_type": "rect", **box}
    return {"object_type": "curve", "pts": pts, **box}


def _is_box(pts: list[Point]) -> bool:
    corners = pts[:4]
    if len(pts) == 5 and pts[4] != pts[0]:
        return False
    (xa, ya), (xb, yb), (xc, yc), (xd, yd) = corners
    return (xa == xb and yb == yc and xc == xd and yd == ya) or (ya == yb and xb == xc and yc == yd and xd == xa)


def _unchecked(name: str, restype):
    """A PDFium function called without ctypes' per-argument checks: half the cost
    of pypdfium2's checked binding, which matters for the calls made per character.

    Item access on the library gives a new function object, so pypdfium2's own
    binding (and everyone else using it) keeps its argument types.  Callers pass
    exactly the C types: the handles pypdfium2 gave (or c_void_p addresses), a
    Python int index, byref() outputs.  (pypdfium2 >= 5 loads the library as
    `pypdfium2_raw.bindings._libs["pdfium"]`.)
    """
    fn = _libs["pdfium"][name]
    fn.argtypes = None
    fn.restype = restype
    return fn


_GET_TEXT_OBJECT = _unchecked("FPDFText_GetTextObject", ctypes.c_void_p)  # an int address: a dict key
_GET_CHAR_ORIGIN = _unchecked("FPDFText_GetCharOrigin", ctypes.c_int)
_GET_TEXT = _unchecked("FPDFText_GetText", ctypes.c_int)
_GET_FONT = _unchecked("FPDFTextObj_GetFont", ctypes.c_void_p)
_GET_DESCENT = _unchecked("FPDFFont_GetDescent", ctypes.c_int)
_GET_GLYPH_WIDTH = _unchecked("FPDFFont_GetGlyphWidth", ctypes.c_int)  # (font, UTF-16 unit, size, float*)
