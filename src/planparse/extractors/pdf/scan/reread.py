"""Printed text the scan's OCR layer lacks, read again from the page image (Tesseract).

Tesseract's page segmentation skips now and then a stretch of a scanned page: a
head of a shaded header row ("Mittarit"), a whole cell of indicators, a goal's
three lines at 150 dpi; or it writes garbage over one ("KA nj" for "massa
asemassa").  The page image still holds the ink, and no later stage can invent
the words.  So a stretch of ink that looks like a printed line and has no OCR
word on it is cropped from the page image at the scan's own resolution (drawn
at READ_DPI when coarser) and read again, one crop per line (single-line mode,
`--psm 7`: given the crop alone, Tesseract's segmentation cannot skip it again).

The evidence must be strong, for the page's own text layer is otherwise trusted:
- ink, rules taken out, outside every OCR character's box (a little grown, and
  after pdf.scan.chars.boxes.ink.settle_on_ink has set the words on their own ink), whose
  pixels join into a stretch as tall as letters and as wide as a word
  (`unread_stretches`): specks, dust and rule ends are smaller;
- no OCR word on the same printed line within half a line's height of it
  (`_near`): ink beside a word the layer read is that word's own overhang or a
  misread half of it, not a stretch the engine skipped.  Garbage words
  (pdf.scan.garbled: a few letters stretched over a word's ink) and the words of
  their OCR line that the stretch they leave touches do not count: the stretch
  is read again and replaces them when the new reading is longer.  Capitals
  written over lower-case ink (pdf.scan.shapes: "HTOTTSN" over "nuorten") are
  taken out so too, and replaced by a reading with fewer words of capitals
  (`_fits_better`); the words a reading replaces never count as the layer
  holding it already;
- Tesseract's own confidence in what it now reads (MIN_LINE_CONF for the line,
  MIN_WORD_CONF per word), and the layer not holding the same words a line or
  two off (`_already_read`).

Tesseract is optional: when pytesseract or the engine is missing the page is
left as it is, silently (its text layer is all there is, as before).  The
languages are --lang's (fin+swe by default), those installed.  One Tesseract
process reads every crop of a page (a list of images, so its models load once
per page); a page without such a stretch costs the ink search alone.  The words
come back as characters of the page's own OCR kind, spread over each word's box
as Tesseract's text layer spreads them, so every later stage treats them as it
treats the layer's words.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import tempfile
from typing import Any, NamedTuple

from planparse.extractors.pdf.scan.chars.pieces import ink_pieces
from planparse.extractors.pdf.scan.chars.runs import char_runs

GROW_ROUNDS = 3  # a garbled word's stretch takes in the words of its line it touches, this many times over
CELL = 2  # ink pixels per side of one cell of the coarse grid the stretches are found on
JOIN_CELLS = 2  # cells: ink this near along a line is one stretch (a letter gap; a word space is wider)
COVER = 0.25  # of a character's box height: its box grown by this much covers its own ink
MIN_HEIGHT_PT = 4.0  # a stretch lower than this is dots, dashes or rule ends (x-height alone is ~4.5)
MAX_HEIGHT_PT = 20.0  # taller: a picture, a logo or lines run together
MIN_WIDTH_PT = 10.0
MIN_INK_CELLS = 40  # a word's letters, not a speck
MIN_LETTER_CELLS = 8  # a lone letter's ink ("n" at 150 dpi fills 16-20 cells), not a speck
ALIGNED = 0.5  # of a stretch's height: a lone letter whose left edge is this near the stretch's starts its column's next line
NEXT_LINE = (0.8, 2.0)  # of a stretch's height: a lone letter's foot this far under the stretch's is on its next line
ALONE = 0.5  # of the stretch's height: no OCR word this near on its line (a column gap is wider)
MAX_UNREAD_SHARE = 0.25  # a page whose ink is this much outside the layer's boxes is not read that way
PAD_PT = 3.0  # white around a crop
MIN_WORD_CONF = 50.0
MIN_LINE_CONF = 60.0
MIN_LETTERS = 3  # alphanumerics a line read again must have
TIMEOUT_S = 60
DUPLICATE_REACH = 3.0  # of the stretch's height: the layer's words this far above or below may be its own
BESIDE_LINES = 3.0  # usual box heights: the layer's lines this near a new word lend it their box height
GLUED_PART = 6  # letters: a re-read word this long found inside a nearby layer word was read already
DASHES = frozenset(("-", "–", "—", "•"))
READ_DPI = 300  # crops of a coarser scan are drawn this fine before they are read


class Stretch(NamedTuple):
    """A stretch of unread ink in page points (straightened frame)."""

    x0: float
    top: float
    x1: float
    bottom: float
    cells: int
    replaces: tuple[int, ...] = ()  # characters of garbled words the reading replaces
    lone: bool = False  # a lone letter ending an unread column's cut word (`_continuing`): one letter reads well


def unread_stretches(chars: list[dict], ink: Any, scale: float, garbled: list[list[int]] | None = None) -> list[Stretch]:
    """Stretches of ink that no OCR character's box covers, shaped like a printed line of
    words (see the module docstring); `ink`: dark pixels other than rules at `scale` pixels per point.

    The characters of `garbled` words (pdf.scan.garbled) do not cover their ink, nor those of
    the words on the same OCR line whose boxes the stretch they leave touches: Tesseract failed
    on that stretch of its line ("KA nj" for "massa asemassa").  Each stretch names the words
    it would replace (`Stretch.replaces`, indices into `chars`)."""
    import numpy as np

    runs = char_runs(chars)
    out_runs = {tuple(run) for run in (garbled or [])}
    lines = [_line_of(chars, list(run)) for run in out_runs]
    for _round in range(GROW_ROUNDS):
        hidden = {i for run in out_runs for i in run}
        visible = [c for i, c in enumerate(chars) if i not in hidden]
        cover = np.zeros_like(ink)
        for c in visible:
            if not c.get("text", "").strip():
                continue
            m = COVER * (c["bottom"] - c["top"])
            r0, r1 = max(0, int((c["top"] - m) * scale)), int((c["bottom"] + m) * scale) + 1
            c0, c1 = max(0, int((c["x0"] - m) * scale)), int((c["x1"] + m) * scale) + 1
            cover[r0:r1, c0:c1] = True
        left = ink & ~cover
        if left.sum() > MAX_UNREAD_SHARE * max(int(ink.sum()), 1):
            return []
        shaped, lone = _shaped(left, scale)
        grown = False
        stretches = []
        for s in shaped:
            near = [run for run in runs if tuple(run) not in out_runs and _near(s, chars, run)]
            if not near:
                stretches.append(s)
            elif lines and all(any(_same_line(_line_of(chars, run), line) for line in lines) for run in near):
                out_runs.update(tuple(run) for run in near)  # the rest of a line Tesseract failed on
                grown = True
        if not grown:
            break
    free = [run for run in runs if tuple(run) not in out_runs]
    stretches += [p for p in _continuing(lone, stretches) if not any(_near(p, chars, run) for run in free)]
    out = []
    for s in stretches:
        replaces = tuple(i for run in out_runs if _within(s, chars, list(run)) for i in run)
        out.append(s._replace(replaces=replaces))
    return sorted(out, key=lambda s: (s.top, s.x0))


def _shaped(left: Any, scale: float) -> tuple[list[Stretch], list[Stretch]]:
    """The stretches of `left` (ink no box covers) as tall as letters and as wide as a word; and
    those as tall as letters but narrower, the ink of a letter or two (`_continuing`)."""
    gh, gw = left.shape[0] // CELL, left.shape[1] // CELL
    coarse = left[: gh * CELL, : gw * CELL].reshape(gh, CELL, gw, CELL).any(axis=(1, 3))
    joined = coarse.copy()
    for k in range(1, JOIN_CELLS + 1):
        joined[:, k:] |= coarse[:, :-k]
        joined[:, :-k] |= coarse[:, k:]
    pt = CELL / scale
    out, lone = [], []
    for y0, x0, y1, x1 in ink_pieces(joined):
        stretch = Stretch(x0 * pt, y0 * pt, x1 * pt, y1 * pt, int(coarse[y0:y1, x0:x1].sum()))
        height, width = stretch.bottom - stretch.top, stretch.x1 - stretch.x0
        if not MIN_HEIGHT_PT <= height <= MAX_HEIGHT_PT:
            continue
        if width >= MIN_WIDTH_PT and stretch.cells >= MIN_INK_CELLS:
            out.append(stretch)
        elif width < MIN_WIDTH_PT and stretch.cells >= MIN_LETTER_CELLS:
            lone.append(stretch._replace(lone=True))
    return out, lone


def _continuing(lone: list[Stretch], stretches: list[Stretch]) -> list[Stretch]:
    """The lone letters that stand on the next line right under an unread stretch, at its left edge:
    the end of a word a narrow column cut letter by letter ("202" / "0 al-" / "kae" / "n", a schedule
    cell Tesseract skipped whole, kymenlaakso-lnp-header-rule@fin-300 p. 2, set M).  Too narrow
    for a stretch of its own, the letter would be lost; ink this shape at a column's next line
    is its text, not a speck."""
    out = []
    for p in lone:
        for s in stretches:
            h = s.bottom - s.top
            if abs(p.x0 - s.x0) <= ALIGNED * h and NEXT_LINE[0] * h <= p.bottom - s.bottom <= NEXT_LINE[1] * h:
                out.append(p)
                break
    return out


def _line_of(chars: list[dict], run: list[int]) -> tuple[float, float]:
    """(middle, height) of a word's box: Tesseract gives the words of one of its lines one height."""
    top, bottom = min(chars[i]["top"] for i in run), max(chars[i]["bottom"] for i in run)
    return (top + bottom) / 2, bottom - top


def _same_line(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[1] - b[1]) <= 0.3 and abs(a[0] - b[0]) <= 0.3 * a[1]


def _near(s: Stretch, chars: list[dict], run: list[int]) -> bool:
    """Is the word on the stretch's printed line within ALONE of the stretch's heights?"""
    yc, reach = (s.top + s.bottom) / 2, ALONE * (s.bottom - s.top)
    return any(
        chars[i]["top"] <= yc <= chars[i]["bottom"] and chars[i]["x1"] >= s.x0 - reach and chars[i]["x0"] <= s.x1 + reach
        for i in run
        if chars[i].get("text", "").strip()
    )


def _within(s: Stretch, chars: list[dict], run: list[int]) -> bool:
    """Does the word's box stand on the stretch: its middle inside the stretch's box, or the
    stretch's middle inside its box?  A garbled box may span two printed lines or a column
    gap ("jam" 22 pt tall over "raanhoidon" and the line above it, "ia." over "sotoimi-",
    the gap and "tenneurolo-"): its middle then lies on no stretch, yet it was written over
    each stretch it covers."""
    x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
    top, bottom = min(chars[i]["top"] for i in run), max(chars[i]["bottom"] for i in run)
    if s.x0 <= (x0 + x1) / 2 <= s.x1 and s.top - 2 <= (top + bottom) / 2 <= s.bottom + 2:
        return True
    return x0 <= (s.x0 + s.x1) / 2 <= x1 and top <= (s.top + s.bottom) / 2 <= bottom


def _engine(languages: str) -> tuple[str, str, str] | None:
    """(tesseract command, version, the languages of `languages` it has), or None when
    Tesseract (the optional extra) or all of those languages are missing."""
    try:
        from planparse.extractors.pdf.scan.ocr import _engine as ocr_engine

        module, version, installed = ocr_engine()
    except Exception:  # ImportError, TesseractNotFoundError and kin: OCR is not installed
        return None
    have = "+".join(lang for lang in languages.split("+") if lang in installed)
    return (module.pytesseract.tesseract_cmd, version, have) if have else None


def reread_unread_ink(
    page: Any, chars: list[dict], ink: Any, scale: float, skew: float, width: float, languages: str
) -> tuple[list[dict], dict | None]:
    """`chars` with the words Tesseract reads from the page's unread stretches added; and
    {"engine", "version", "languages"} when it read any (else None)."""
    from planparse.extractors.pdf.scan.garbled import garbled_runs
    from planparse.extractors.pdf.scan.shapes import capitals_over_small_ink

    garbled = garbled_runs(chars)
    misfits = [run for run in capitals_over_small_ink(chars, ink, scale) if run not in garbled]
    misfit = {i for run in misfits for i in run}
    stretches = unread_stretches(chars, ink, scale, garbled + misfits)
    if not stretches:
        return chars, None
    engine = _engine(languages)
    if engine is None:
        return chars, None
    image, dpi = straight_page_image(page, width, skew)
    lines = _read(engine, image, dpi, stretches)
    new: list[dict] = []
    gone: set[int] = set()
    layer = _layer_words(chars)
    for s, words in zip(stretches, lines):
        read = _chars(s, words, dpi / 72)
        replaced = [chars[i] for i in s.replaces]
        if misfit.intersection(s.replaces):
            if not _fits_better(read, replaced):
                continue
        elif s.replaces and _letters(read) <= _letters(replaced):
            continue  # garbage is replaced only by a longer reading
        if _already_read(s, words, _layer_words(chars, set(s.replaces)) if s.replaces else layer):
            continue
        new.extend(read)
        if read:
            gone.update(s.replaces)
    if not new:
        return chars, None
    kept = [c for i, c in enumerate(chars) if i not in gone]
    return kept + _as_the_layer(kept, new, ink, scale), {"engine": "tesseract", "version": engine[1], "languages": engine[2].split("+")}


def straight_page_image(page: Any, width: float, skew: float) -> tuple[Any, int]:
    """(greyscale page image, its dpi), turned into the frame the ink and the characters were
    straightened into (raster.page_geometry)."""
    from planparse.extractors.pdf.scan.ocr import page_image

    image, dpi = page_image(page, width)
    image = image.convert("L")
    if skew:
        from PIL import Image

        image = image.rotate(-skew, resample=Image.BILINEAR, fillcolor=255)
    return image, dpi


def _as_the_layer(layer: list[dict], new: list[dict], ink: Any, scale: float) -> list[dict]:
    """The new characters in boxes like the layer's: as tall as its usual box, standing on
    their ink as its words stand (pdf.scan.chars.boxes.ink.settle_on_ink), so that line pitches and row
    starts measure the same on both (a glyph-tight box stood 2-3 pt off its line's boxes and
    started a row of its own)."""
    from planparse.extractors.pdf.scan.chars.boxes.ink import settle_on_ink

    heights = sorted(c["bottom"] - c["top"] for c in layer if c.get("text", "").strip())
    if heights:
        usual = heights[len(heights) // 2]
        new = [dict(c, top=c["bottom"] - h, doctop=c["bottom"] - h, size=h) for c, h in zip(new, _beside_heights(layer, new, usual))]
    return settle_on_ink(layer + new, ink, scale)[len(layer):]


def _beside_heights(layer: list[dict], new: list[dict], usual: float) -> list[float]:
    """For each new character, the median box height of the layer's characters in its column
    within a few lines of it (Tesseract boxes one page's lines 8 to 13 pt tall), else `usual`."""
    out = []
    for c in new:
        yc = (c["top"] + c["bottom"]) / 2
        near = sorted(
            o["bottom"] - o["top"] for o in layer
            if o.get("text", "").strip() and abs((o["top"] + o["bottom"]) / 2 - yc) <= BESIDE_LINES * usual
            and o["x1"] >= c["x0"] - usual and o["x0"] <= c["x1"] + usual
        )
        out.append(near[len(near) // 2] if near else usual)
    return out


def _layer_words(chars: list[dict], but: set[int] | frozenset[int] = frozenset()) -> list[tuple[str, float, float, float]]:
    """(text, x0, x1, middle) of each OCR word of the layer (but the words with characters in `but`:
    the words a reading replaces do not hold it already)."""
    out = []
    for run in char_runs(chars):
        if but.intersection(run):
            continue
        text = _bare("".join(chars[i]["text"] for i in run))
        if text:
            mid = _line_of(chars, run)[0]
            out.append((text, min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run), mid))
    return out


def _bare(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _already_read(s: Stretch, words: list[ReadWord], layer: list[tuple[str, float, float, float]]) -> bool:
    """Does the layer hold most of these words already, beside the stretch (a word written
    more than a line off its ink, which settle_on_ink could not set back, or glued to a word of
    the next column and set on that word's line)?"""
    mine = [_bare(w.text) for w in words if len(_bare(w.text)) >= MIN_LETTERS]
    if not mine:
        return False
    yc, reach = (s.top + s.bottom) / 2, DUPLICATE_REACH * (s.bottom - s.top)
    near = {text for text, x0, x1, mid in layer if x1 >= s.x0 and x0 <= s.x1 and abs(mid - yc) <= reach}
    # a longer word may stand inside a layer word glued to the next column's ("jäteveden-muotoisuus",
    # split later by pdf.scan.chars.boxes.ink.split_glued_words)
    held = sum(w in near or (len(w) >= GLUED_PART and any(w in other for other in near)) for w in mine)
    return 2 * held >= len(mine)


def _fits_better(read: list[dict], replaced: list[dict]) -> bool:
    """Does a reading of ink whose layer words were capitals over lower-case ink (pdf.scan.shapes)
    fit it better: as many letters as the garbage nearly (not a fragment of the stretch), and fewer
    words of capitals only?"""
    return 2 * _letters(read) >= _letters(replaced) and _capital_words(read) < _capital_words(replaced)


def _capital_words(chars: list[dict]) -> int:
    words = ["".join(chars[i]["text"] for i in run) for run in char_runs(chars)]
    return sum(sum(ch.isalpha() for ch in w) >= 2 and not any(ch.islower() for ch in w) for w in words)


def _letters(chars: list[dict]) -> int:
    return sum(c["text"].isalnum() for c in chars)


class ReadWord(NamedTuple):
    """A word Tesseract read in a crop: its box in the crop's pixels, its line's top and bottom."""

    text: str
    conf: float
    left: float
    right: float
    line_top: float
    line_bottom: float


def _crop_box(s: Stretch, k: float, image: Any) -> tuple[int, int, int, int]:
    return (
        max(0, int((s.x0 - PAD_PT) * k)), max(0, int((s.top - PAD_PT) * k)),
        min(image.width, int((s.x1 + PAD_PT) * k) + 1), min(image.height, int((s.bottom + PAD_PT) * k) + 1),
    )


def _read(engine: tuple[str, str, str], image: Any, dpi: int, stretches: list[Stretch]) -> list[list[ReadWord]]:
    """The words Tesseract reads in each stretch's crop (single-line mode), all crops in one run."""
    k = dpi / 72
    return read_crops(engine, [image.crop(_crop_box(s, k, image)) for s in stretches], dpi)


def read_crops(engine: tuple[str, str, str], crops: list[Any], dpi: int) -> list[list[ReadWord]]:
    """The words Tesseract reads in each crop of a `dpi` page image (single-line mode), all
    crops in one run; boxes in the crop's own pixels."""
    from PIL import Image

    command, _version, languages = engine
    zoom = max(1.0, READ_DPI / dpi)
    out: list[list[ReadWord]] = [[] for _ in crops]
    with tempfile.TemporaryDirectory(prefix="planparse-reread-") as tmp:
        names = []
        for i, crop in enumerate(crops):
            name = os.path.join(tmp, f"{i}.png")
            if zoom > 1:  # Tesseract reads small letters better drawn larger
                crop = crop.resize((round(crop.width * zoom), round(crop.height * zoom)), Image.LANCZOS)
            crop.save(name)
            names.append(name)
        listing = os.path.join(tmp, "crops.txt")
        with open(listing, "w", encoding="utf-8") as fh:
            fh.write("\n".join(names) + "\n")
        env = dict(os.environ, OMP_THREAD_LIMIT=os.environ.get("OMP_THREAD_LIMIT", "1"))
        try:
            done = subprocess.run(
                [command, listing, "stdout", "-l", languages, "--psm", "7", "--dpi", str(round(dpi * zoom)), "tsv"],
                capture_output=True, text=True, env=env, timeout=TIMEOUT_S, check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return out
    if done.returncode != 0:
        return out
    lines: dict[tuple[int, int, int, int], tuple[int, int]] = {}
    rows = list(csv.DictReader(io.StringIO(done.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        if row.get("level") == "4":
            key = (int(row["page_num"]), int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
            lines[key] = (int(row["top"]), int(row["top"]) + int(row["height"]))
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        page_num = int(row["page_num"])
        if not 1 <= page_num <= len(crops):
            continue
        key = (page_num, int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        top, bottom = lines.get(key, (int(row["top"]), int(row["top"]) + int(row["height"])))
        left = int(row["left"])
        out[page_num - 1].append(
            ReadWord(text, float(row["conf"]), left / zoom, (left + int(row["width"])) / zoom, top / zoom, bottom / zoom)
        )
    return out


def _chars(s: Stretch, words: list[ReadWord], k: float) -> list[dict]:
    """Characters in page points of the words read in a stretch's crop, when the line reads
    well (MIN_LINE_CONF over its letters, MIN_LETTERS of them); each word's letters spread
    evenly over its box, a space before each word, as Tesseract's text layer writes them."""
    # a word without a letter or digit is a speck or a neighbour's stroke, unless a dash (a bullet)
    kept = [w for w in words if w.conf >= MIN_WORD_CONF and (any(ch.isalnum() for ch in w.text) or w.text in DASHES)]
    letters = [(w, sum(ch.isalnum() for ch in w.text)) for w in kept]
    total = sum(n for _w, n in letters)
    if total < (1 if s.lone else MIN_LETTERS) or sum(w.conf * n for w, n in letters) / total < MIN_LINE_CONF:
        return []
    x_off, y_off = max(0.0, s.x0 - PAD_PT), max(0.0, s.top - PAD_PT)
    out: list[dict] = []
    for w in kept:
        top, bottom = y_off + w.line_top / k, y_off + w.line_bottom / k
        x0, x1 = x_off + w.left / k, x_off + w.right / k
        step = (x1 - x0) / len(w.text)
        if out:
            out.append(_char(" ", out[-1]["x1"], x0, top, bottom))
        out.extend(_char(ch, x0 + i * step, x0 + (i + 1) * step, top, bottom) for i, ch in enumerate(w.text))
    return out


def _char(text: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {
        "object_type": "char", "text": text, "x0": x0, "x1": max(x1, x0), "top": top, "bottom": bottom,
        "doctop": top, "fontname": "GlyphLessFont", "size": bottom - top, "matrix": (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
        "upright": True, "non_stroking_color": (0.0, 0.0, 0.0), "reread": True,
    }
