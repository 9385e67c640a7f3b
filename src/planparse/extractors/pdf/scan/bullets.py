"""Bullet columns of an OCR page: list bullets that OCR read as letters, found by where they stand.

`marks.ocr_bullets` judges one misread glyph by its own line (close to a
capitalised word).  A list with a wide hanging indent (LibreOffice's symbol
bullets: the text 17 pt right of the bullet) or items that start in lower
case ("neuvolapalvelut" after "Perhekeskus") fails that test, and every item
then starts with "e".  What gives these bullets away is their column: the
same one-glyph token (`ocr_misreads` in data/bullets.yaml, none of them a
word of the plan languages) at the left of several lines, at one x, with the
line's text starting a short indent to its right.  Tesseract also reads
the white of the indent as a dash, alone ("e — kirjasto") or glued to the
item's first word ("e —Varhaiskasvatuksen"); beside a bullet found so, that
dash is dropped.
"""

from __future__ import annotations

from planparse.extractors.pdf.words import Word
from planparse.common.glyphs import ocr_bullet_misreads

BULLET = "•"
COLUMN_SLACK = 2.5  # points: the centres of one column's bullets stand this near one x (OCR boxes of a dot vary)
MIN_COLUMN = 2  # lines with a bullet at one x before it counts as a bullet column
MAX_INDENT = 3.0  # font sizes between a bullet and its text
INDENT_SLACK = 3.0  # points: the text after each bullet of a column starts at one indent
INDENT_SLACK_SIZE = 0.5  # font sizes: ... or this near it, whichever is more (at 150 dpi Tesseract boxes
# a line's first letter up to 4 pt off where it prints, more so after a bullet's white it read as "—")
LINE_START_GAP = 0.8  # font sizes: a gap this wide before a word is a column gap, not a word space
INDENT_DASHES = frozenset("-–—")
DASH_BULLETS = frozenset("-–—")  # a dash bullet read as it is printed
SIGNS = frozenset("-–—=~_<>")  # what OCR reads a dash bullet as at 150 dpi besides a dash ("~", "—-_", ">")
MAX_SIGNS = 3
NEAR_ITEM = 3.0  # font sizes: a read dash bullet of the same list stands this near a misread one
GLUED_EDGE_SLACK = 0.5  # points: a word glued to its dash bullet starts this far left of the list's text edge


def _signs(line: list[Word], marks: frozenset[str]) -> set[str]:
    """The line's words made of signs alone, short, other than a dash or a known misread bullet:
    a dash bullet misread, or a speck."""
    return {w.text for w in line if len(w.text) <= MAX_SIGNS and set(w.text) <= SIGNS and w.text not in DASH_BULLETS | marks}


def ocr_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into printed lines by box centre (a skewed scan's tops drift), left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.yc):
        if lines and abs(lines[-1][0].yc - w.yc) <= 0.5 * w.size:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _candidates(line: list[Word], marks: frozenset[str]) -> list[tuple[Word, Word, Word | None]]:
    """(glyph, first text word, dash between them) for each lone mark that opens a line or a column."""
    found = []
    for k, w in enumerate(line):
        if w.text not in marks:
            continue
        if k and w.x0 - line[k - 1].x1 < LINE_START_GAP * w.size:
            continue  # inside a run of words
        rest = line[k + 1 :]
        dash = rest[0] if rest and rest[0].text in INDENT_DASHES else None
        if dash is not None:
            rest = rest[1:]
        if rest and rest[0].x0 - w.x1 <= MAX_INDENT * w.size:
            found.append((w, rest[0], dash))
    return found


def _columns(cands: list[tuple[Word, Word, Word | None]]) -> list[list[tuple[Word, Word, Word | None]]]:
    """Candidates grouped by the x where the glyph stands."""
    cands = sorted(cands, key=lambda c: c[0].xc)
    groups: list[list[tuple[Word, Word, Word | None]]] = []
    for c in cands:
        if groups and c[0].xc - groups[-1][0][0].xc <= COLUMN_SLACK:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _strip_indent_dash(word: Word) -> Word:
    """"—Varhaiskasvatuksen" -> "Varhaiskasvatuksen": the indent's white read as a dash glued on."""
    if len(word.text) > 1 and word.text[0] in INDENT_DASHES and word.text[1].isalpha():
        return word._replace(text=word.text[1:])
    return word


def ocr_bullet_columns(words: list[Word]) -> list[Word]:
    """Misread bullets that stand in a column at the left of several lines become "•" again.

    A dash bullet OCR read as another sign ("~", "—-_", ">": at 150 dpi the scan's grain
    bends the stroke) is one too where the column's other bullets are read as dashes at its x,
    their text at its indent: the dashes count for the column, the other signs become "•"
    (a "~" left of a list's text was dropped as a gutter mark, and its item ran into the one
    above: "Johto Muut lapsi/nuorisotoimijat")."""
    marks = ocr_bullet_misreads() | {BULLET}
    words = split_glued_dashes(words)
    lines = ocr_lines(words)
    replace: dict[int, Word] = {}
    drop: set[int] = set()
    for group in _members([c for line in lines for c in _candidates(line, marks)]):
        _as_bullets(group, replace, drop)
    # then the signs other than a dash that stand in a column of dash bullets
    cands = [c for line in lines for c in _candidates(line, DASH_BULLETS | _signs(line, marks)) if id(c[0]) not in replace]
    for group in _members(cands):
        # (not before a line that carries on a word the line above broke at a hyphen: a
        # speck read there, "Lönekart- / = läggningen")
        dashes = [c[0] for c in group if c[0].text in DASH_BULLETS]
        signs = [c for c in group if c[0].text not in DASH_BULLETS and not _after_broken_word(lines, c[1])]
        # (and only in a list whose other items' dashes were read, a line or two away: in a cell
        # whose other bullets OCR lost, one bullet given back would make the rest its text)
        signs = [c for c in signs if any(abs(d.yc - c[0].yc) <= NEAR_ITEM * c[1].size for d in dashes)]
        if signs and len(dashes) >= MIN_COLUMN:
            _as_bullets(signs, replace, drop)
    return [replace.get(id(w), w) for w in words if id(w) not in drop]


def _after_broken_word(lines: list[list[Word]], text: Word) -> bool:
    """Does the line above `text`, at its indent, end its stretch of words with a hyphen?"""
    for line in lines:
        if not 0.5 * text.size <= text.yc - line[0].yc <= 1.7 * text.size:
            continue
        run = [w for w in line if w.x0 >= text.x0 - INDENT_SLACK]
        if not run or abs(run[0].x0 - text.x0) > INDENT_SLACK:
            continue
        end = run[0]
        for w in run[1:]:
            if w.x0 - end.x1 >= LINE_START_GAP * w.size:
                break  # the next column
            end = w
        return end.text.endswith(("-", "\u00ad"))
    return False


def _members(cands: list[tuple[Word, Word, Word | None]]) -> list[list[tuple[Word, Word, Word | None]]]:
    """The candidates of each column of MIN_COLUMN or more whose text stands at the column's usual indent."""
    out = []
    for group in _columns(cands):
        if len(group) < MIN_COLUMN:
            continue
        indents = sorted(text.x0 - glyph.xc for glyph, text, _ in group)
        usual = indents[len(indents) // 2]
        members = [c for c in group if abs(c[1].x0 - c[0].xc - usual) <= max(INDENT_SLACK, INDENT_SLACK_SIZE * c[1].size)]
        if len(members) >= MIN_COLUMN:
            out.append(members)
    return out


def _as_bullets(members: list[tuple[Word, Word, Word | None]], replace: dict[int, Word], drop: set[int]) -> None:
    for glyph, text, dash in members:
        replace[id(glyph)] = glyph._replace(text=BULLET)
        replace[id(text)] = _strip_indent_dash(text)
        if dash is not None:
            drop.add(id(dash))



def split_glued_dashes(words: list[Word]) -> list[Word]:
    """A dash bullet OCR glued to its item's first word ("-LNPsos", "-Muut") set apart again.

    Tesseract now and then reads a list's "- " as part of the word after it, so that item
    alone keeps its dash in the text (kymenlaakso-lnp-grid of scan set N, every owners
    cell's first item).  The glued word opens its line with its dash where the lone dash
    bullets of the same column stand (MIN_COLUMN of them at one x), left of the column's
    text edge: a word's own leading hyphen ("ja -psykologin") never stands there.  The dash
    gets the column's dash box, the word starts at the column's usual text edge.
    """
    lines = ocr_lines(words)
    column = [c for line in lines for c in _candidates(line, DASH_BULLETS) if c[2] is None]
    glued = [line[k] for line in lines for k in range(len(line)) if _glued_dash(line, k)]
    if not glued or len(column) < MIN_COLUMN:
        return words
    cut: dict[int, tuple[Word, Word]] = {}
    for w in glued:
        # the column's dashes at the word's left (its box may start anywhere up to the text edge:
        # Tesseract boxes a glued word from its dash or, set on its ink, a little right of it)
        near = [(d, t) for d, t, _ in column if d.x0 - COLUMN_SLACK <= w.x0 < t.x0 - GLUED_EDGE_SLACK]
        if len(near) < MIN_COLUMN:
            continue
        x0 = _median([d.x0 for d, _ in near])
        edge = x0 + _median([t.x0 - d.x0 for d, t in near])
        if not w.x0 < edge - GLUED_EDGE_SLACK or edge >= w.x1:
            continue
        dash = w._replace(text=w.text[0], x0=x0, x1=x0 + _median([d.x1 - d.x0 for d, _ in near]))
        cut[id(w)] = (dash, w._replace(text=w.text[1:], x0=edge))
    return [part for w in words for part in (cut[id(w)] if id(w) in cut else (w,))]


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _glued_dash(line: list[Word], k: int) -> bool:
    """Does the line's k-th word open a line or a column with a dash glued to a letter ("-Muut")?"""
    w = line[k]
    if len(w.text) < 3 or w.text[0] not in DASH_BULLETS or not w.text[1].isalpha():
        return False
    return not k or w.x0 - line[k - 1].x1 >= LINE_START_GAP * w.size
