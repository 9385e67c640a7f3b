"""Word spaces the scan's OCR layer lost, given back where the ink and a second reading agree.

Tesseract sizes a line's word spaces from the line itself, and a wide gap on it
(the gap after a dash bullet, "-   Alla chefer deltar i en") makes it take the
line's ordinary word spaces for letter gaps: "Allachefer deltarien", "Antalelever",
"Andelchefer" (strandby-jamstalldhet-hrules, set J, at every dpi and both models).
No later stage can tell such a word from a compound.  The page image can:

- the ink under the word's box has white inside it as wide as the page's word
  spaces (`glued_runs`: the gaps between the layer's own words on one line,
  measured in the same ink), where letters of one word stand closer;
- read again alone (its crop on white, single-line mode), Tesseract finds the
  spaces, and the new reading holds exactly the layer's characters, spaces
  aside (`_respaced`): no letter changes, only where the word breaks.

Each part's characters are spread over the box the new reading gives it, a space
character between the parts, as the text layer writes words.
"""

from __future__ import annotations

from typing import Any, Callable

from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.reread import DASHES

MIN_LETTERS = 5  # a run this short holds no two glued words worth a Tesseract run
SPACE_SHARE = 0.7  # of the page's median word space (in ink): white this wide inside a word is a space
MIN_SPACE = 0.15  # box heights: never less white than this (letter gaps of a serif face reach ~0.1)
MAX_SPACE = 1.0  # box heights: wider white is a column gap (pdf.scan.chars.boxes.ink.split_glued_words)
SPACE_CHECK = 0.8  # of that width: the least white Tesseract's own word boxes must leave between two words
PAD_PX = 12  # white around a crop, in the crop's pixels


def _white_gaps(ink: Any, scale: float, x0: float, x1: float, top: float, bottom: float) -> list[tuple[int, int]]:
    """(start, end) pixel columns of the white runs between the first and the last inked column."""
    ya, yb = max(0, int(top * scale)), min(ink.shape[0], int(bottom * scale) + 1)
    xa, xb = max(0, int(x0 * scale)), min(ink.shape[1], int(x1 * scale) + 1)
    if yb <= ya or xb <= xa:
        return []
    cols = ink[ya:yb, xa:xb].any(axis=0).tolist()
    inked = [k for k, v in enumerate(cols) if v]
    if not inked:
        return []
    gaps, start = [], None
    for k in range(inked[0], inked[-1] + 1):
        if not cols[k] and start is None:
            start = k
        elif cols[k] and start is not None:
            gaps.append((xa + start, xa + k))
            start = None
    return gaps


def _word_spaces(chars: list[dict], runs: list[list[int]], ink: Any, scale: float) -> list[float]:
    """Widths (points) of the white in the ink between consecutive words of one OCR line."""
    out = []
    for a, b in zip(runs, runs[1:]):
        ca, cb = chars[a[-1]], chars[b[0]]
        h = ca["bottom"] - ca["top"]
        if abs(ca["top"] - cb["top"]) > 0.3 or not 0 < cb["x0"] - ca["x1"] < h:
            continue
        lo, hi = min(ca["x0"], chars[a[0]]["x0"]), cb["x1"]
        gaps = [g for g in _white_gaps(ink, scale, lo, hi, ca["top"], ca["bottom"]) if g[1] / scale > ca["x1"] - 0.6 * h and g[0] / scale < cb["x0"] + 0.6 * h]
        if gaps:
            g = max(gaps, key=lambda g: g[1] - g[0])
            out.append((g[1] - g[0]) / scale)
    return out


def _ink_extent(ink: Any, scale: float, run: list[int], chars: list[dict], need: float) -> tuple[float, float]:
    """The x range (points) of the run's own ink: its box grown over ink that carries on past
    it with less white than a word space (`need` points) between (a layer box ends a letter
    short now and then)."""
    first = chars[run[0]]
    h = first["bottom"] - first["top"]
    x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
    ya, yb = max(0, int(first["top"] * scale)), min(ink.shape[0], int(first["bottom"] * scale) + 1)
    xa, xb = max(0, int((x0 - h) * scale)), min(ink.shape[1], int((x1 + h) * scale) + 1)
    if yb <= ya or xb <= xa:
        return x0, x1
    cols = ink[ya:yb, xa:xb].any(axis=0).tolist()
    step = max(2, int(need * scale))
    a, b = max(0, int(x0 * scale) - xa), min(len(cols) - 1, int(x1 * scale) - xa)
    while a > 0 and any(cols[max(0, a - step):a]):
        a -= 1
    while b < len(cols) - 1 and any(cols[b + 1:b + 1 + step]):
        b += 1
    return (xa + a) / scale, (xa + b + 1) / scale


def glued_runs(chars: list[dict], ink: Any, scale: float) -> list[tuple[list[int], float]]:
    """The runs (char indices) whose ink holds white as wide as the page's word spaces, each
    with that width (points)."""
    runs = char_runs(chars)
    spaces = sorted(_word_spaces(chars, runs, ink, scale))
    if len(spaces) < 5:
        return []
    usual = spaces[len(spaces) // 2]
    out = []
    for run in runs:
        text = "".join(chars[i]["text"] for i in run)
        if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
            continue
        first = chars[run[0]]
        h = first["bottom"] - first["top"]
        need = max(SPACE_SHARE * usual, MIN_SPACE * h)
        x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
        widths = [(b - a) / scale for a, b in _white_gaps(ink, scale, x0, x1, first["top"], first["bottom"])]
        if any(need <= w < MAX_SPACE * h for w in widths):
            out.append((run, need))
    return out


def respace_glued_words(chars: list[dict], ink: Any, scale: float, image: Callable[[], tuple[Any, int]], languages: str) -> list[dict]:
    """`chars` with the glued words (`glued_runs`) cut where Tesseract, reading each alone,
    puts spaces and reads the layer's own letters.  `image()`: the page image (greyscale, straightened like `chars`)
    and its dpi, asked only when a word looks glued."""
    runs = glued_runs(chars, ink, scale)
    if not runs:
        return chars
    from planparse.extractors.pdf.scan.reread import _engine, read_crops

    engine = _engine(languages)
    if engine is None:
        return chars
    from PIL import ImageOps

    image, dpi = image()
    k = dpi / 72
    crops: list[Any] = []
    plans: list[tuple[list[int], tuple[int, float]]] = []  # run, (crop index, x origin)

    def crop(x0: float, x1: float, top: float, bottom: float) -> tuple[int, float]:
        box = (max(0, int(x0 * k)), max(0, int(top * k)), min(image.width, int(x1 * k) + 1), min(image.height, int(bottom * k) + 1))
        crops.append(ImageOps.expand(image.crop(box), border=PAD_PX, fill=255))
        return len(crops) - 1, (box[0] - PAD_PX) / k

    for run, need in runs:
        first = chars[run[0]]
        top, bottom = first["top"], first["bottom"]
        x0, x1 = _ink_extent(ink, scale, run, chars, need)
        plans.append((run, crop(x0, x1, top, bottom)))
    readings = read_crops(engine, crops, dpi)
    replaced: dict[int, list[dict]] = {}
    for (run, (n, x_off)), (_run, need) in zip(plans, runs):
        new = _respaced(chars, run, [(w, x_off) for w in readings[n]], k, need)
        if new:
            replaced[run[0]] = new
    if not replaced:
        return chars
    inside = {i for run, _need in runs if run[0] in replaced for i in run}
    out: list[dict] = []
    for i, c in enumerate(chars):
        if i in replaced:
            out.extend(replaced[i])
        elif i not in inside:
            out.append(c)
    return out


def _respaced(chars: list[dict], run: list[int], words: list[tuple[Any, float]], k: float, need: float) -> list[dict] | None:
    """The run's characters cut into the words read again (each with the x origin of its crop,
    in points; `k` the crop's pixels per point), or None unless that reading has more than one
    word, exactly the run's characters, and white of a word space (`need` points) between its
    words' boxes."""
    words = [(w, x) for w, x in words if w.text.strip()]
    texts = [w.text for w, _x in words]
    own = "".join(chars[i]["text"] for i in run)
    if len(texts) < 2 or "".join(texts) != own or not all(any(ch.isalnum() for ch in t) for t in texts[texts[0] in DASHES:]):
        return None  # (a part of signs alone is no word: "Kuka/ketkä?" read "Kuka / ketkä?"; but a dash bullet first)
    if any((b.left - a.right) / k < SPACE_CHECK * need for (a, _x), (b, _y) in zip(words, words[1:])):
        return None
    out: list[dict] = []
    pos = 0
    for w, x_off in words:
        x0, x1 = x_off + w.left / k, x_off + w.right / k
        step = (x1 - x0) / len(w.text)
        if out:
            out.append(dict(chars[run[pos - 1]], text=" ", x0=out[-1]["x1"], x1=max(x0, out[-1]["x1"])))
        for j in range(len(w.text)):
            out.append(dict(chars[run[pos + j]], x0=x0 + j * step, x1=x0 + (j + 1) * step))
        pos += len(w.text)
    return out
