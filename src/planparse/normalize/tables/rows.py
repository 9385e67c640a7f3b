"""Table rows -> data rows: header rows, repeated headers, split rows, fill-down.

Works on cells (lists of printed lines), before any value is made, so a
joined split row is repaired by the same hyphen rules as any other cell.
Also the table shapes around plain rows: title rows and full-width bands
(sections), bold sub-header rows inside stacked blocks ("Arviointi | Tila"),
and cards with their labels down the first column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from planparse.intermediate import Cell, Line, RawRow, RawTable
from planparse.common.misreads import one_letter_apart as _one_letter_apart
from planparse.normalize.tables.cells import TextJoiner, cell_text, is_list_numbered, next_list_number, split_numbering
from planparse.normalize.tables.goals.goal_overleaf import goal_handed_up
from planparse.normalize.tables.rests.repeat_rests import ends_cut_heads, rests_under_heads, with_rests
from planparse.normalize.tables.goals.repeated_goal_rest import goal_rest_completes
from planparse.normalize.tables.rests.numbered_rests import numbered_items_beside_cut_text, numbered_lists_go_on, numbers_every_action, sentence_goes_on, unnumbered_rest
from planparse.normalize.tables.headers import header_key, is_question_row, is_value_header, match_field
from planparse.normalize.text import ends_sentence, ends_with_break_hyphen, split_bullet

HEADER_SCAN_ROWS = 4


@dataclass
class DataRow:
    """A table row that carries plan data (header rows removed)."""

    cells: list[Cell]
    page: int | None
    starts_page: bool
    band: str | None = None  # the in-table section band this row sits under
    # cells printed under a sub-header below this row ("Arviointi | Tila"): (printed key, cell)
    appendix: list[tuple[str, Cell]] = field(default_factory=list)
    # the rows of later pages joined into this one (`join_split_rows`), kept for their cell boxes
    parts: list["DataRow"] = field(default_factory=list)
    # the first row under a header repeated mid-page (a new part of the table: a goal cell left
    # empty there takes nothing from the group above; its goal is printed lower)
    under_mid_header: bool = False


@dataclass
class HeaderInfo:
    """Where a table's header is and what it says."""

    texts: list[str | None]  # printed header per column (hyphen breaks repaired)
    spans: list[int]
    rows: list[int]  # indices of every header row (the main one and a question/sub-header row)
    titles: list[str]  # one-text rows above the header (a title row spanning the table)
    mapped: int = 0  # how many of the main header row's cells name a field


def row_texts(row: RawRow, joiner: TextJoiner) -> list[str | None]:
    """Each cell of `row` as one clean text (None for an empty cell)."""
    return [cell_text(cell.lines, joiner) for cell in row.cells]


def _mapped(texts: list[str | None]) -> tuple[int, int]:
    filled = [t for t in texts if t]
    return sum(1 for t in filled if match_field(t)), len(filled)


def _distinct(texts: list[str | None]) -> list[str]:
    return list(dict.fromkeys(t for t in texts if t))


def find_header(table: RawTable, joiner: TextJoiner) -> HeaderInfo | None:
    """The header row among the first rows: two or more cells (or most cells) name a field.

    Rows above it that print one text (a title spanning the table) are kept
    as titles.  The row right under it is a second header row when it asks
    questions ("Missä on onnistuttava?") or names fields itself.
    """
    for i, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        texts = row_texts(row, joiner)
        mapped, filled = _mapped(_distinct(texts))
        years = sum(1 for t in _distinct(texts) if is_year_label(t))
        # a key-figure goal table: "Konsernille asetetut tavoitteet | TA2024 | TP2024 | ..."
        if mapped >= 2 or (mapped >= 1 and (mapped + years) * 2 >= filled):
            break
    else:
        return None
    header_rows = [i]
    if i + 1 < len(table.rows) and any(t and open_header(t) for t in texts):
        # heads cut at a line end ("Kehittämis-" | | "Aikatau-") name fields by themselves, but
        # when the row below holds their rest ("tavoite" | "Toimenpiteet" | "lu"), both rows are the header
        below = row_texts(table.rows[i + 1], joiner)
        joined = header_split_above(texts, below, joiner)
        if joined and _mapped(_distinct(joined))[0] >= mapped:
            texts, header_rows = joined, [i, i + 1]
    if len(header_rows) == 1 and i > 0 and (joined := header_split_above(row_texts(table.rows[i - 1], joiner), texts, joiner)):
        # the header's first lines stand in a table row of their own ("Kehittämis-" | | "Aikatau-"
        # over "tavoite" | "Toimenpiteet" | "lu"), as a scan's rules or a page's rows may cut it
        texts, header_rows, i = joined, [i - 1, i], i - 1
    above = [_distinct(row_texts(r, joiner)) for r in table.rows[:i]]
    titles = [texts_above[0] for texts_above in above if len(texts_above) == 1]
    spans = [cell.span for cell in table.rows[i].cells]
    key_cols = [c for c, t in enumerate(texts) if match_field(t) in ("goal", "action")]
    j = i + 1
    while j < len(table.rows) and (merged := header_continuation(table.rows[header_rows[-1]], table.rows[j], texts, joiner)):
        # a header printed on two or three lines ("Tavoite-" / "taso", "Lähtötaso" / "/toteuma" / "2022")
        texts = merged
        header_rows.append(j)
        j += 1
    for j in range(j, min(j + 2, len(table.rows))):
        below = row_texts(table.rows[j], joiner)
        sub = [match_field(b, fuzzy=False) for b in below if b]
        if is_question_row(below, key_cols, joiner.ocr) and j + 1 < len(table.rows):
            # (a table's last row is data: a row of questions stands over the rows it asks about)
            header_rows.append(j)
        elif question_row_cut_by_page(table, j, below, key_cols, joiner):
            header_rows += [j, j + 1]  # its rest overleaf ("Missä on onnistutta-" / "va?")
            break
        elif sub and (all(sub) or _under_spans(table.rows[i], below)):
            # sub-headers that name fields themselves, or split a spanned header
            # ("Seuranta" over "Mittari" | "Toteutunut"): the lower, more specific text wins
            header_rows.append(j)
            texts = [b if b else t for t, b in zip(texts, below)]
        else:
            break
    return HeaderInfo(texts=texts, spans=spans, rows=header_rows, titles=titles, mapped=mapped)


def question_row_cut_by_page(table: RawTable, j: int, texts: list[str | None], key_cols: list[int], joiner: TextJoiner) -> bool:
    """Is row `j` a row of questions under the header whose rest the page break set overleaf
    (row j + 1, first on its page, the questions' last lines: "Missä on onnistutta-" / "va?")?"""
    if j + 1 >= len(table.rows) or not table.rows[j + 1].starts_page:
        return False
    rest = row_texts(table.rows[j + 1], joiner)
    if len(rest) != len(texts) or not any(rest) or any(r and not t for t, r in zip(texts, rest)):
        return False  # the rest prints only under the questions' own cells
    merged = [cell_text([Line(t), Line(r)], joiner) if t and r else t for t, r in zip(texts, rest)]
    return is_question_row(merged, key_cols, joiner.ocr)


_YEAR_LABEL = re.compile(r"^(?:[^\W\d]{1,4}\s?)?(?:19|20)\d\d(?:\s*[/–-]\s*(?:[^\W\d]{1,4}\s?)?\d{2,4})?$")


def is_year_label(text: str | None) -> bool:
    """A column label that is a year or a budget year ("2024", "TA2024", "TP 2023", "TP2023/2024")."""
    return bool(text) and bool(_YEAR_LABEL.match(text.strip()))


_STATUS = re.compile(r"^[1-4](?:\s+[1-4])*$")


def is_status_column(values: list[str | None]) -> bool:
    """A column without a header holding only status digits 1-4 (beside a coloured ball)."""
    filled = [v for v in values if v]
    return bool(filled) and all(_STATUS.match(v) for v in filled)


def header_split_above(upper: list[str | None], texts: list[str | None], joiner: TextJoiner) -> list[str | None] | None:
    """The header texts joined with the row above when that row holds their first lines.

    Every text of the upper row must end open ("Kehittämis-", "Lähtötaso/")
    over a text that goes on from it; a column empty above or below keeps
    the other's text.  None when the upper row is anything else (a title,
    a caption, data).
    """
    if len(upper) != len(texts) or not any(upper):
        return None
    merged: list[str | None] = []
    for top, low in zip(upper, texts):
        if top and low:
            if not (open_header(top) and fragment_continues(top, low)):
                return None
            merged.append(cell_text([Line(top), Line(low)], joiner))
        elif top:
            if not open_header(top):
                return None
            merged.append(top)
        else:
            merged.append(low)
    return merged


def open_header(text: str) -> bool:
    """A header line that cannot end there: it ends in a hyphen or a slash ("Lähtötaso/", "Tavoite-")."""
    return text.rstrip().endswith(("-", "/", "\u2010", "\u00ad"))


_SEPARATORS = ("/", "-", "\u2013", "|")  # standing alone between a head's words


def fragment_continues(above: str, fragment: str) -> bool:
    """`fragment`, printed under the header text `above`, is the rest of it."""
    if len([w for w in fragment.split() if w not in _SEPARATORS]) > 2:  # ("ti / ohjaus": two words)
        return False
    if is_year_label(fragment) or open_header(above) or fragment[0] in "/(":
        return True
    if fragment[0] == ")" and above.count("(") > above.count(")"):
        return True  # "toimija(t) / toteuttaja(t" / ")": closes the bracket left open
    # "Strateginen" / "valinta"; a header that is complete on its own ("Toimenpiteet") takes no more words
    return fragment[0].islower() and match_field(above, fuzzy=False) is None and not is_value_header(above)


def header_continuation(top: RawRow, below: RawRow, texts: list[str | None], joiner: TextJoiner) -> list[str | None] | None:
    """The header texts with `below` merged in when `below` is the header's next printed line.

    Every text of `below` is one short line (any lines, when a page break
    cut the header row) under a header text of `top`
    (a spanned header counts for the columns it covers) and goes on from
    it: the header ended in a line-break hyphen, the fragment starts in
    lower case or with "/" , or it is a year ("Toteuma" / "2024").  None
    when `below` is anything else (a data row).
    """
    keys = covered_keys(top, texts)
    merged = list(texts)
    seen = False
    for c, cell in enumerate(below.cells):
        if cell.is_empty:
            continue
        fragment = cell_text(cell.lines, joiner)
        owner = next((k for k in range(c, -1, -1) if texts[k]), None) if keys[c] else None
        # a header row cut by a page break has the rest of its cells overleaf, one line or more
        if not fragment or owner is None or (len([l for l in cell.lines if l.text.strip()]) > 1 and not below.starts_page):
            return None
        if not fragment_continues(merged[owner] or "", fragment) or (match_field(fragment, fuzzy=False) and not open_header(merged[owner] or "")):
            return None
        if fragment[0] == ")":
            merged[owner] = (merged[owner] or "") + fragment  # the bracket closes without a space
        else:
            merged[owner] = cell_text([Line(merged[owner] or ""), Line(fragment)], joiner)
        seen = True
    return merged if seen else None


def _under_spans(top: RawRow, below: list[str | None]) -> bool:
    """Every text of `below` is short and stands under a header cell of `top` that spans columns."""
    covered: set[int] = set()
    for c, cell in enumerate(top.cells):
        if cell.span > 1:
            covered.update(range(c, c + cell.span))
    filled = [c for c, text in enumerate(below) if text]
    return bool(covered) and all(c in covered and len(below[c].split()) <= 4 for c in filled)


CUT_HEAD = 5  # letters a head cut short (a scan lost its second line) must keep


def same_head(key: str, head: str | None) -> bool:
    """One column head printed twice: equal, or one cut short of the other ("aikatau"
    where a scan lost the line "lu"; "toimenpiteet •" with a speck read as a bullet)."""
    if not head:
        return False
    if _same_or_cut(key, head):
        return True
    # a scan's reading: spaces lost or added, marks read from rules and specks
    # ("mittarijata- voitetaso" for "mittari ja ta- voitetaso", "‘vastuu" for "vastuu")
    # (a data cell's letters past the head's length + 2 cannot change the answer: equal and one
    # letter apart need lengths within one, "cut short" needs only the head's length of them)
    bare_head = _letters(head)
    bare_key = _letters(key, len(bare_head) + 2)
    return len(bare_key) >= 3 and (bare_key, bare_head) != (key, head) and _same_or_cut(bare_key, bare_head)


def _same_or_cut(key: str, head: str) -> bool:
    if key == head:
        return True
    short, long_ = sorted((key, head), key=len)
    return (len(short) >= CUT_HEAD and long_.startswith(short)) or _one_letter_apart(key, head)


def _letters(key: str, limit: int | None = None) -> str:
    """The key's letters and digits only (the first `limit` of them)."""
    if limit is None:
        return "".join(ch for ch in key if ch.isalnum())
    out: list[str] = []
    for ch in key:
        if ch.isalnum():
            out.append(ch)
            if len(out) >= limit:
                break
    return "".join(out)


def _is_repeat(texts: list[str | None], header_rows_keys: list[list[str]]) -> bool:
    """A row equal (as keys) to one of the header rows: a header repeated on a new page.
    Beside at least `LOST_BESIDE` heads read alike, one head may have lost letters in a scan's
    reading (`letters_lost`)."""
    keys = [header_key(t) for t in texts]
    if not any(keys):
        return False
    for header in header_rows_keys:
        pairs = [(k, h) for k, h in zip(keys, header) if k]
        answers = [same_head(k, h) for k, h in pairs]  # (asked once per cell)
        same = sum(answers)
        differ = [pair for pair, ok in zip(pairs, answers) if not ok]
        if differ and len(differ) == 1 and same >= LOST_BESIDE and letters_lost(*differ[0]):
            differ = []
        if same and not differ and same >= min(2, sum(1 for h in header if h)):
            return True
    return False


LOST_BESIDE = 3  # heads read alike beside the one whose letters a scan lost
LOST_KEPT = 0.7  # share of a head's letters its damaged reading keeps at least


def letters_lost(key: str, head: str | None) -> bool:
    """Is `key` the head read with letters lost inside it ("keh mis- tavoite" for
    "kehittämis- tavoite": a shaded header at 150 dpi): its letters, in order, are the head's
    less a few, and it keeps the head's first two and last three letters?"""
    bare_key, bare_head = _letters(key), _letters(head or "")
    if len(bare_key) < LOST_KEPT * len(bare_head) or len(bare_key) >= len(bare_head) or len(bare_key) < 5:
        return False
    if bare_key[:2] != bare_head[:2] or bare_key[-3:] != bare_head[-3:]:
        return False
    rest = iter(bare_head)
    return all(ch in rest for ch in bare_key)


def fills_blank_head(texts: list[str | None], header_rows_texts: list[list[str | None]]) -> bool:
    """The row prints something (a figure, a word) in a column every header row leaves blank.

    A header repeated on a new page prints the header's cells and nothing
    else; a data row whose words merely begin like the header's ("Toimintatuotot"
    under "Toiminta") is told apart by its values in the header's blank columns.
    """
    return any(
        text and text.strip() and all(c >= len(head) or not head[c] for head in header_rows_texts)
        for c, text in enumerate(texts)
    )


def _item_numbers_read(row: RawRow) -> RawRow:
    """OCR text: `row` with each cell's first line's item number read as printed ("5, Äldre kan"
    -> "5. Äldre kan", ocr_glyphs.item_number), before rows are judged by their text.  The
    TextJoiner undoes the misread stop only when it writes a cell; the rows before it took
    "5, Äldre kan bo hemma" at a page's top for no number, so for the rest of goal 4's text
    cut by the page break (sjovik-valfard-frame@eng-150 of scan set M: goal 5 joined to goal 4)."""
    from planparse.normalize.repair.ocr.glyphs import item_number  # OCR text only

    cells = []
    for cell in row.cells:
        if cell.lines and (text := item_number(cell.lines[0].text)) != cell.lines[0].text:
            cell = replace(cell, lines=[replace(cell.lines[0], text=text), *cell.lines[1:]])
        cells.append(cell)
    return replace(row, cells=cells) if cells != list(row.cells) else row


def data_rows(table: RawTable, header: HeaderInfo | None, joiner: TextJoiner) -> list[DataRow]:
    """Rows after the header, repeated header rows dropped (their page start passed on).

    A sub-header inside the table (a bold row of short header words such as
    "Arviointi | Tila" under each goal of a stacked layout) makes the rows
    under it extra values of the row above it, keyed by its words.
    """
    first = header.rows[-1] + 1 if header else 0
    header_texts = [row_texts(table.rows[i], joiner) for i in header.rows] + [header.texts] if header else []
    header_keys = [[header_key(t) for t in texts] for texts in header_texts[:-1]]
    out: list[DataRow] = []
    pending_page_start = False
    mid_header = False  # a header repeated inside a page stands right above
    band = None
    sub_keys: list[str | None] | None = None
    rests: dict[int, list[Line]] = {}  # text of the row below run up into a repeated header
    repeat: list[str | None] | None = None  # the texts of a repeated header right above
    for row in table.rows[first:]:
        if joiner.ocr:
            row = _item_numbers_read(row)
        texts = row_texts(row, joiner)
        if header and _is_repeat(texts, header_keys) and not fills_blank_head(texts, header_texts):
            pending_page_start = pending_page_start or row.starts_page
            mid_header = not (row.starts_page or pending_page_start)
            sub_keys = None
            rests = rests_under_heads(row, header.texts, joiner)
            repeat = texts
            continue
        if header and repeat is not None and ends_cut_heads(texts, repeat, header.texts):
            repeat = None
            continue  # the repeat's heads' last lines, a row of their own
        repeat = None
        title = band_text(row, joiner)
        if title:
            band, sub_keys = title, None
            continue
        if all(cell.is_empty and not cell.merged_from_above for cell in row.cells):
            pending_page_start = pending_page_start or row.starts_page
            continue
        if out and is_sub_header(row, texts):
            sub_keys = covered_keys(row, texts)
            continue
        if out and sub_keys is not None:
            out[-1].appendix.extend((sub_keys[c], cell) for c, cell in enumerate(row.cells) if sub_keys[c] and not cell.is_empty)
            continue
        out.append(
            DataRow(with_rests(list(row.cells), rests), row.page, row.starts_page or pending_page_start, band, under_mid_header=mid_header and not row.starts_page)
        )
        pending_page_start = mid_header = False
        rests = {}
    return out


def is_form(table: RawTable, header: HeaderInfo | None, joiner: TextJoiner) -> bool:
    """A form, not a plan table: one header word on top, then rows of bold labels
    with their values in the row below ("Talousarviotavoite | Tilannekuvaus ja
    riskiarvio", "Mittari/mittarit | Nykyarvo | ..."), a layout read as rows it is not."""
    if header is None or header.mapped != 1:
        return False
    rows = [row for row in table.rows[header.rows[-1] + 1 :] if not all(c.is_empty for c in row.cells)]
    for row, below in zip(rows, rows[1:]):
        texts = [t for t in _distinct(row_texts(row, joiner))]
        labels = len(texts) >= 2 and all(len(t.split()) <= 4 and not t.endswith(".") for t in texts)
        if row.bold and labels and not below.bold and not is_sub_header(row, row_texts(row, joiner)):
            return True
    return False


def is_sub_header(row: RawRow, texts: list[str | None]) -> bool:
    """A bold row of a few short header words, one of them a known header ("Arviointi | Tila")."""
    filled = [t for t in texts if t]
    if not row.bold or not filled:
        return False
    short = all(len(t.split()) <= 4 and not t.rstrip().endswith(".") for t in filled)
    return short and any(match_field(t, fuzzy=False) for t in filled)


def covered_keys(row: RawRow, texts: list[str | None]) -> list[str | None]:
    """Each column's sub-header text, a spanned cell's text for the columns it covers."""
    keys: list[str | None] = []
    owner, left = None, 0
    for cell, text in zip(row.cells, texts):
        if text:
            owner, left = text, max(cell.span, 1) - 1
            keys.append(text)
        elif left > 0:
            keys.append(owner)
            left -= 1
        else:
            keys.append(None)
    return keys


def band_text(row: RawRow, joiner: TextJoiner) -> str | None:
    """The text of a section band: one cell spanning the whole table width (a theme row)."""
    filled = [cell for cell in row.cells if not cell.is_empty]
    if len(filled) != 1 or len(row.cells) < 2 or filled[0].span < len(row.cells):
        return None
    return cell_text(filled[0].lines, joiner)


def _numbered_head(head: str) -> str:
    """The cell's first text with its bullet taken off: an item printed "- 3.2 Ystäväpalvelun ..."
    opens with its number as "3.2 Ystäväpalvelun ..." does."""
    marker, rest = split_bullet(head)
    return rest if marker is not None else head


def _first_text(cell: Cell) -> str:
    return next((line.text.strip() for line in cell.lines if line.text.strip()), "")


def _last_text(cell: Cell) -> str:
    return next((line.text.strip() for line in reversed(cell.lines) if line.text.strip()), "")


# a number of any length closed by "." or ")" opening a cell ("100. Lasten ..."), as numbered goals print
_NUMBER_OPENING = re.compile(r"^\d+(?:\.\d+)*[.)]\s")
# a Roman goal number whose strokes OCR read as digits or look-alikes ("1I. Koulujen" for
# "II."), before a capital: a new item, as "II." is
_ROMAN_STROKES_OPENING = re.compile(r"^[IVX1l|]{2,4}\.\s+[A-ZÅÄÖ]")
# an abbreviation in capitals alone in brackets opening a cell ("(LAVA) otetaan", "(THL)"); not a
# Roman item number ("(IV) Lasten ...")
_BRACKETED_ABBREVIATION = re.compile(r"^\((?![IVXLCDM]+\))(?:[A-ZÅÄÖ]{2,}[a-zåäö]?)(?:[-/ ][A-ZÅÄÖ]{2,}[a-zåäö]?)*\)(?:\s|$)")


_DIGITS_END = re.compile(r"(?<![\w.])\d+$")  # a number closing a line ("202")
_DIGITS_OPEN = re.compile(r"^\d+(?=\s|$)")  # a number opening a line ("0 alkaen")


def _number_cut(prev: Cell, head: str, tail: str) -> bool:
    """Is a number cut at a full line's end by the page break ("202" | "0 alkaen", seed 23
    kymenlaakso ccb08ad9)?  The line above is as wide as its cell (`Line.fills_cell`), and the
    part overleaf starts with 0 (no item is numbered 0) or is the last digit of a four-digit number
    (a year).  A column of item numbers fills its cells too ("2" | "3 Lasten ..."): new items.
    So this is stricter than the line-break rule of `repair.hyphens.cut_without_hyphen` (two runs
    of at most four digits), which sees one cell's lines, not a page break between two rows."""
    last = next((line for line in reversed(prev.lines) if line.text.strip()), None)
    left, right = _DIGITS_END.search(tail), _DIGITS_OPEN.match(head)
    if last is None or not last.fills_cell or not left or not right:
        return False
    return right.group(0).startswith("0") or (len(left.group(0)), len(right.group(0))) == (3, 1)


def _continues(prev: Cell, cell: Cell) -> bool:
    """Text evidence that `cell` carries on the text of `prev` (a sentence cut by the page end)."""
    head, tail = _first_text(cell), _last_text(prev)
    if not head or not tail or split_bullet(head)[0] is not None:
        return False
    if _number_cut(prev, head, tail):
        return True
    # "(tavoite 70 %)": a parenthesis opening in lower case goes on as well
    opening = head[1:] if head[0] == "(" and len(head) > 1 else head
    numbered = split_numbering([head])[0] or _NUMBER_OPENING.match(head) or _ROMAN_STROKES_OPENING.match(head)  # "100. Lasten ...": a new item
    numbered = numbered and not count_in_sentence(head, tail)
    # "(%)": a bracket opening on a sign (a unit), no word of its own, goes on too
    unit = head[0] == "(" and len(head) > 1 and not opening[0].isalnum() and not opening[0].isspace()
    # "Lapsivaikutusten arvioinnin malli" | "(LAVA) otetaan käyttöön": an abbreviation in
    # brackets names what the line above left open, it opens no text of its own
    abbreviation = bool(_BRACKETED_ABBREVIATION.match(head))
    # "... tiedotteiden määrä" | "/ riittävyyden arviointi": a slash opens no sentence or item, it
    # joins two words the page break parted (seed 23 turku 32648cda)
    slash = head[0] == "/"
    starts_low = opening[0].islower() or head[0].isdigit() and not numbered or unit or abbreviation or slash
    return starts_low and (ends_with_break_hyphen(tail) or not ends_sentence(tail))


# a bare number (no "." or ")" closing it) and a word in lower case ("30 frånvarotimmar.") or
# a unit sign ("15 % (strategia)")
_BARE_NUMBER_WORD = re.compile(r"^\d+\s+(?:(?=[^\W\d_])(?P<word>\w+)|(?P<unit>[%‰€$£]))")


def count_in_sentence(head: str, tail: str) -> bool:
    """Does `head` open with a count that goes on the sentence `tail` left open ("... senast
    efter" | "30 frånvarotimmar.", "... vähintään" | "15 % (strategia)"), not with an item
    number?  An id is closed by "." or ")" or followed by a word in capitals, never by a unit
    sign; a number and a word in lower case or a unit under a line that closed no sentence is
    running text cut by the page break."""
    match = _BARE_NUMBER_WORD.match(head)
    counted = bool(match) and (match.group("unit") is not None or match.group("word")[0].islower())
    return counted and bool(tail) and not ends_sentence(tail)


def text_continues(prev: Cell, cell: Cell) -> bool:
    """Text evidence that `cell` carries on the text of `prev` (a sentence cut by the page end)."""
    return _continues(prev, cell)


def is_continuation(
    prev: DataRow, row: DataRow, goal_cols: list[int], action_cols: list[int], spanning: frozenset[int] = frozenset()
) -> bool:
    """Is `row`, the first row on a new page, the rest of `prev` cut by the page break?

    The goal must not change (its cell is empty, merged, or repeats the
    previous goal, as seed 000 prints it).  Then either the key column
    (action, or goal when there is none) has nothing new -- empty, so the
    row only carries the rest of other cells -- or the key cell continues a
    sentence: the previous part ends mid-word or without closing punctuation
    and this part starts in lower case.  A row opening with a new number
    ("1.2 ...", after a bullet too: "- 3.2 ...") or a bullet is new.  Without this evidence a row at the top
    of a page is a real new row, whatever its goal.  A word cut in a column
    of `spanning` (a goal merged over this row and the next ones) is no
    evidence: a merged goal runs on over the page break while its rows change.
    """
    if not row.starts_page:
        return False
    for c in goal_cols:
        mine, theirs = cell_text_raw(row.cells[c]), cell_text_raw(prev.cells[c])
        if mine and mine != theirs and not _continues(prev.cells[c], row.cells[c]) and not number_then_text(theirs, mine):
            if c not in spanning and goal_rest_beside_cut_word(prev, row, c, set(goal_cols) | spanning):
                continue  # (a goal merged over the rows below is a new group's, centred beside the rest)
            if not ((c in spanning or prev.under_mid_header) and not theirs and not prev.cells[c].merged_from_above):
                return False
            # (a goal merged over this row and the next, beside a cut row whose goal cell above the
            # break is empty and no part of the goal before it: the goal is centred in the part overleaf;
            # so too beside a cut row right under a header repeated mid-page, whose empty goal cell can
            # take no goal from above -- seed 21 rl-borderless e31f9aee, goal 3 over its cut first row)
    key_cols = action_cols or goal_cols
    if not key_cols:
        return False
    if numbered_list_goes_on(prev, row, key_cols) or numbered_items_beside_cut_text(prev, row, key_cols, set(goal_cols) | spanning):
        return True
    if numbered_lists_go_on(prev, row, key_cols, set(goal_cols) | spanning):
        return True
    for c in key_cols:
        head = _numbered_head(_first_text(row.cells[c]))
        if head and split_numbering([head])[0] and not count_in_sentence(head, _last_text(prev.cells[c])):
            return False
    if all(row.cells[c].is_empty for c in key_cols):
        return any(not cell.is_empty for cell in row.cells) and not _beside_ended_cells(prev, row)
    afresh = False
    if goal_goes_on(prev, row, [c for c in goal_cols if c not in key_cols and c not in spanning]):
        afresh = _cells_open_afresh(prev, row, goal_cols) or _cells_open_beside_ended(prev, row, goal_cols)
        if not afresh:
            return True
        # (every other cell opens anew: the goal's rest is a merged goal's, going on over a new row)
    if list_goes_on(prev, row, key_cols) or paragraph_beside_lists_going_on(prev, row, key_cols, set(goal_cols) | spanning):
        return True
    if items_go_on_beside_cut_text(prev, row, key_cols, set(goal_cols) | spanning):
        return True
    if any(_continues(prev.cells[c], row.cells[c]) for c in key_cols):
        return True
    # a word cut at the end of the page in any column is also evidence
    return any(
        ends_with_break_hyphen(_last_text(p)) and _continues(p, r)
        for c, (p, r) in enumerate(zip(prev.cells, row.cells))
        if c not in spanning and not (afresh and c in goal_cols)
    )


def goal_rest_beside_cut_word(prev: DataRow, row: DataRow, c: int, skip: set[int]) -> bool:
    """Does the goal cell `c` overleaf go on a goal left open above the break, though it opens
    with a capital (a name: "... maahanmuuton ja" | "Suomeen muuttaneiden ..."), because another
    cell of the row carries on a word the page break cut ("välittä-" | "miskanavia ...")?  A cell
    ends on a cut word only when its row goes on overleaf; a new goal would open with its number."""
    head, tail = _first_text(row.cells[c]), _last_text(prev.cells[c])
    if not head or not tail or ends_sentence(tail) or split_bullet(head)[0] is not None:
        return False
    if split_numbering([head])[0] or _NUMBER_OPENING.match(head) or _ROMAN_STROKES_OPENING.match(head):
        return False
    return any(
        ends_with_break_hyphen(_last_text(p)) and _continues(p, r)
        for k, (p, r) in enumerate(zip(prev.cells, row.cells))
        if k not in skip
    )


def _cells_open_afresh(prev: DataRow, row: DataRow, goal_cols: list[int]) -> bool:
    """Does every printed cell of the row beside the goal open anew, two of them or more:
    with a capital under a cell above that closed its sentence, or under an empty cell?
    The rest of a cut row carries on at least one of its cells."""
    return _cells_open_capitalised(prev, row, goal_cols, under_closed=True)


def _cells_open_beside_ended(prev: DataRow, row: DataRow, goal_cols: list[int]) -> bool:
    """Does every printed cell of the row beside the goal open with a capital, two of them or
    more, one of them under a cell of `prev` that ended well above the page's foot
    (`_beside_ended_cells`)?  Cells of a row are top-aligned: the page break cuts only the
    tallest, so text under a short one is a new row's, whatever the cell above ended with
    (a list of owners closes no sentence).  The goal's rest beside it is a merged goal's."""
    return _cells_open_capitalised(prev, row, goal_cols, under_closed=False) and _beside_ended_cells(prev, row)


def _cells_open_capitalised(prev: DataRow, row: DataRow, goal_cols: list[int], under_closed: bool) -> bool:
    """Does every printed cell of the row beside the goal open with a capital (and, with
    `under_closed`, under a cell above that closed its sentence or is empty), two or more?"""
    opened = 0
    for c, cell in enumerate(row.cells):
        if c in goal_cols or cell.is_empty or c >= len(prev.cells):
            continue
        head = _first_text(cell)
        if not head or not head[0].isupper():
            return False
        tail = _last_text(prev.cells[c]) if under_closed else ""
        if tail and not ends_sentence(tail):
            return False
        opened += 1
    return opened >= 2


def number_then_text(above: str, below: str) -> bool:
    """Is the goal cell above the page break only a number ("2") and the one overleaf
    text with none: the goal's number and its text, two paragraphs of one cell cut by
    the page break (not a new goal, which would print its own number)?"""
    ident, rest = split_numbering([above])
    return ident is not None and not rest and split_numbering([below])[0] is None


def goal_goes_on(prev: DataRow, row: DataRow, goal_cols: list[int]) -> bool:
    """Does a goal cell of the row carry on the sentence of the goal above (cut mid-way by
    the page break, the part overleaf opening in lower case)?  A goal printed in one row
    (not merged over the next ones) that goes on overleaf is that row going on."""
    return any(not row.cells[c].is_empty and _continues(prev.cells[c], row.cells[c]) for c in goal_cols)


def _is_item(line: Line) -> bool:
    return line.list_item or split_bullet(line.text)[0] is not None


def list_goes_on(prev: DataRow, row: DataRow, key_cols: list[int]) -> bool:
    """Is the row at the top of a page only more items of the list the previous
    row's key cell ended with (a bulleted cell cut by the page break)?

    Nothing but the key column is printed (no goal, owner, schedule: a new row
    of a plan names at least one of them beside its action), each key cell
    opens with a list item and the cell above holds items too.
    """
    others = [c for c, cell in enumerate(row.cells) if c not in key_cols and not cell.is_empty and not cell.merged_from_above]
    if others and not _lists_go_on(prev, row, others, paragraphs=True):
        return False
    filled = [c for c in key_cols if not row.cells[c].is_empty]
    return bool(filled) and all(
        _is_item(row.cells[c].lines[0]) and any(_is_item(line) for line in prev.cells[c].lines) for c in filled
    )


def paragraph_beside_lists_going_on(prev: DataRow, row: DataRow, key_cols: list[int], skip: set[int]) -> bool:
    """Is the row at the top of a page a later paragraph (or the next sentence) of the key
    cell above, beside more items of the lists the row above ended with in other columns?

    The key cell opens no item and no number (those are `list_goes_on`'s and a new row's);
    every other cell printed (columns in `skip`, goals, aside) only carries on a list of
    the cell above, while a column the row above filled with plain text (an owner, a
    schedule) is silent: a new row of a plan names it again (`_lists_go_on`).
    """
    filled = [c for c in key_cols if not row.cells[c].is_empty]
    if not filled or any(_is_item(row.cells[c].lines[0]) for c in filled):
        return False
    others = [
        c
        for c, cell in enumerate(row.cells)
        if c not in key_cols and c not in skip and not cell.is_empty and not cell.merged_from_above
    ]
    return bool(others) and _lists_go_on(prev, row, others)


def items_go_on_beside_cut_text(prev: DataRow, row: DataRow, key_cols: list[int], skip: set[int]) -> bool:
    """Is the row at the top of a page more items of the list the previous row's key cell
    ended with, beside the rest of sentences the page break cut in other columns?

    Each filled key cell opens with a list item under a cell of items; every other cell
    printed (goal columns aside) carries on its cell's sentence above (`_continues`) or its
    list of items (the sentences then going on with a word in lower case), and one cell at
    least carries on a sentence: a new row would open its cells afresh (kymenlaakso-lnp
    420094bb of seed 22: items of actions, indicators and owners overleaf beside "perhetyö ja
    eroverkostot" under "Erityisesti perheoikeudelliset palvelut").
    """
    filled = [c for c in key_cols if not row.cells[c].is_empty]
    if not filled or not all(_item_goes_on(prev.cells[c], row.cells[c]) for c in filled):
        return False
    others = [
        c
        for c, cell in enumerate(row.cells)
        if c not in key_cols and c not in skip and not cell.is_empty and not cell.merged_from_above
    ]
    cut = [c for c in others if _continues(prev.cells[c], row.cells[c])]
    if not cut or len(cut) == len(others):
        return bool(cut)
    # beside lists going on, a sentence going on must go on with a word ("perhetyö ..."): a
    # number under a schedule ("2021" under "2020 alkaen") is a new row naming it again
    return all(
        _first_text(row.cells[c])[:1].islower() if c in cut else _item_goes_on(prev.cells[c], row.cells[c]) for c in others
    )


def _item_goes_on(above: Cell, cell: Cell) -> bool:
    """Does `cell` open with a list item under a cell holding items?"""
    return _is_item(cell.lines[0]) and any(_is_item(line) for line in above.lines)


MIN_FILLED_ROWS = 3  # rows (off a page's top) that must all fill a column before it counts as always filled
MIN_SILENT_FILLED = 2  # always-filled columns silent beside a lone paragraph that make it a cut row's rest


def always_filled(rows: list[DataRow], key_cols: list[int], skip: set[int]) -> set[int]:
    """Columns beside the key column (`skip`, goals, aside) that every row printing a key
    cell fills, the rows at a page's top aside (they may be the rests of cut rows), when
    there are enough such rows to tell the table's habit."""
    full = [r for r in rows if not r.starts_page and any(c < len(r.cells) and not r.cells[c].is_empty for c in key_cols)]
    if len(full) < MIN_FILLED_ROWS:
        return set()
    n = min(len(r.cells) for r in full)
    return {
        c for c in range(n) if c not in key_cols and c not in skip and all(not r.cells[c].is_empty for r in full)
    }


def paragraph_alone_goes_on(prev: DataRow, row: DataRow, key_cols: list[int], skip: set[int], filled_always: set[int]) -> bool:
    """Is the row at the top of a page only a later paragraph of the key cell above (a row
    cut by the page break between two paragraphs of its action, items set as paragraphs
    without bullets)?  The page break parts the two rows; nothing but the key column and
    the rests of other cells is printed (`skip`, goals, aside): each printed cell opens with
    no item and no number under a filled cell; and two or more columns that every other row
    of the table fills (`always_filled`: an owner, a schedule) are silent here.  A new row
    names them; one silent column may be a cell shared with the row above.

    kymenlaakso-lnp 60b6f0c7 (seed 20, horizontal rules, goal printed in a group's first row
    only): overleaf the action, indicator and owner cells go on ("ydinryhmät" under
    "Perhekeskusalueiden"), the schedule and follow-up columns every row fills are silent."""
    if row.page is None or prev.page is None or row.page == prev.page:
        return False  # (a table's first rows may count as a page's top: the break must part them)
    filled = [c for c in key_cols if not row.cells[c].is_empty]
    if not filled or any(_is_item(row.cells[c].lines[0]) or prev.cells[c].is_empty for c in filled):
        return False
    if any(split_numbering([_first_text(row.cells[c])])[0] for c in filled):
        return False
    if any(
        not cell.is_empty and not cell.merged_from_above and (c >= len(prev.cells) or not _goes_on_cell(prev.cells[c], cell))
        for c, cell in enumerate(row.cells)
        if c not in key_cols and c not in skip
    ):
        return False
    silent = [
        c for c in filled_always
        if c < min(len(row.cells), len(prev.cells)) and row.cells[c].is_empty and not row.cells[c].merged_from_above
        and not prev.cells[c].is_empty
    ]
    return len(silent) >= MIN_SILENT_FILLED


def _goes_on_cell(above: Cell, cell: Cell) -> bool:
    """May a printed cell at a page's top be the rest of the filled cell above it (it opens
    with no item and no number)?"""
    return not above.is_empty and not _is_item(cell.lines[0]) and not split_numbering([_first_text(cell)])[0]


def numbered_list_goes_on(prev: DataRow, row: DataRow, key_cols: list[int]) -> bool:
    """Is the row at the top of a page only the next numbered items of the list the previous
    row's key cell ended with ("1) ..." there, "2) ..." here)?  Such a number is the list's
    own, no id of a new row: nothing but the key column is printed (`list_goes_on`) and
    each key cell opens with the number after the last item number above it."""
    if any(not cell.is_empty and not cell.merged_from_above for c, cell in enumerate(row.cells) if c not in key_cols):
        return False
    return bool(numbering_goes_on(prev, row, key_cols))


def numbering_goes_on(prev: DataRow, row: DataRow, key_cols: list[int]) -> list[int] | None:
    """The row's printed key columns when each opens with the number after the last
    numbered item of its cell above ("1) ..." there, "2) ..." here); None when one does not."""
    filled = [c for c in key_cols if not row.cells[c].is_empty]
    for c in filled:
        items = [ln.text for ln in prev.cells[c].lines if is_list_numbered(ln.text)]
        if not items or not next_list_number(items[-1], row.cells[c].lines[0].text):
            return None
    return filled


def _lists_go_on(prev: DataRow, row: DataRow, cols: list[int], paragraphs: bool = False) -> bool:
    """Do the row's cells in `cols` beside the key column each only carry on a list of the
    cell above (owners listed item by item, cut by the page break with the actions), while
    a column the row above fills with plain text (no items: a schedule, a goal) is silent
    here?  A new row of a group names its schedule or a plain cell again.
    `paragraphs`: a cell of paragraphs going on counts as a list going on (`_paragraphs_go_on`)."""
    if not all(
        _is_item(row.cells[c].lines[0]) and any(_is_item(line) for line in prev.cells[c].lines)
        or paragraphs and _paragraphs_go_on(prev.cells[c], row.cells[c])
        for c in cols
    ):
        return False
    return any(
        row.cells[c].is_empty
        and not row.cells[c].merged_from_above
        and not prev.cells[c].is_empty
        and not any(_is_item(line) for line in prev.cells[c].lines)
        for c in range(min(len(row.cells), len(prev.cells)))
    )


def _paragraphs_go_on(prev: Cell, cell: Cell) -> bool:
    """Does `cell` open a new paragraph (a capital) under a cell of several paragraphs whose
    last closed its sentence: more paragraphs of that cell, cut between two of them by the
    page break ("Vammaispalvelut / Palvelutarpeen ... kehittämiskohteita." | "Vanhusten
    asumispalvelut / ...")?"""
    starts = [line for line in prev.lines[1:] if line.paragraph_start and line.text.strip()]
    head = cell.lines[0].text.strip() if cell.lines else ""
    return bool(starts) and bool(head) and head[0].isupper() and not _is_item(cell.lines[0]) and ends_sentence(_last_text(prev))


def cell_text_raw(cell: Cell) -> str:
    """Whitespace-insensitive raw text (to see a goal repeated at the top of a page)."""
    return re.sub(r"\s+", " ", " ".join(line.text for line in cell.lines)).strip()


REPEAT_MIN_CHARS = 20  # a goal this long printed again overleaf is known under a few misread characters
REPEAT_MISREADS = 0.05  # of its characters: OCR reads a repeated goal this differently ("3," for "3.", "é" for "ä")


def printed_again(above: Cell, cell: Cell) -> bool:
    """Is `cell` the text of `above` printed again (a goal repeated overleaf), up to a few
    characters OCR read differently ("3, Ikéantyneiden ..." under "3. Ikaantyneiden ...")?
    Such a cell is no rest of a cut goal, whatever its first character."""
    a, b = cell_text_raw(above), cell_text_raw(cell)
    if a == b:
        return True
    if len(a) != len(b) or len(a) < REPEAT_MIN_CHARS:
        return False
    return sum(x != y for x, y in zip(a, b)) <= REPEAT_MISREADS * len(a)


def _last_indent(cell: Cell) -> float:
    return next((line.indent for line in reversed(cell.lines) if line.text.strip()), 0.0)


def _word_cut_overleaf(prev: Cell, cell: Cell) -> bool:
    """Does the rest of a row cut by a page break finish a word cut at the page's foot
    ("osana ALUS-" / "TA-hanketta.", "Kaakkois-" / "Suomen")?  A cell part that ends in a
    hyphen right after a letter ends mid-word whatever the case of the next letter; the
    break is then decided with the rest of the paragraph like any other line break."""
    head = _first_text(cell)
    return ends_with_break_hyphen(_last_text(prev)) and head[:1].isalpha() and split_bullet(head)[0] is None


def _join_cells(prev: Cell, cell: Cell, skip: bool) -> Cell:
    if skip or cell.is_empty:
        return prev
    lines = list(cell.lines)
    if _continues(prev, cell) or _word_cut_overleaf(prev, cell):
        # the same paragraph goes on: no paragraph break at the page break; its lines stand
        # where the paragraph's lines above stood (indents are measured from each page part's
        # own left text edge: the rest of a hanging item, alone overleaf, is at 0 there)
        shift = _last_indent(prev) - lines[0].indent
        lines = [replace(ln, indent=round(ln.indent + shift, 1)) for ln in lines]
        lines[0] = replace(lines[0], paragraph_start=False, list_item=False)
    else:
        lines[0] = replace(lines[0], paragraph_start=True)
    return Cell(lines=list(prev.lines) + lines, merged_from_above=prev.merged_from_above, span=prev.span)


def join_split_rows(rows: list[DataRow], goal_cols: list[int], action_cols: list[int]) -> list[DataRow]:
    """Rows cut by a page break become one row (the first part's page)."""
    out: list[DataRow] = []
    rows = list(rows)
    fresh: set[int] = set()  # goal columns with no text yet since the page part began
    joined_part = False  # the row before was the rest of a cut row, joined to the one above
    numbered = numbers_every_action(rows, action_cols)
    key_cols = action_cols or goal_cols
    filled_always = always_filled(rows, key_cols, set(goal_cols))
    for i, row in enumerate(rows):
        if row.starts_page:
            fresh = set(goal_cols)
        below = rows[i + 1].cells if i + 1 < len(rows) else []
        spanning = frozenset(c for c in goal_cols if c < len(below) and below[c].merged_from_above)
        if out and row.starts_page and not is_continuation(out[-1], row, goal_cols, action_cols, spanning):
            out, row = _with_cut_goal_joined(out, row, [c for c in goal_cols if c in fresh], goal_cols, action_cols, spanning)
        handed = goal_handed_up(out, row, spanning, goal_cols, action_cols) if out and spanning else None
        if handed is not None:
            out[-1], row = handed
        if out and row.starts_page and spanning and not is_continuation(out[-1], row, goal_cols, action_cols, spanning):
            row, rows[i + 1] = _with_goal_moved_down(out[-1], row, rows[i + 1], spanning, goal_cols, action_cols)
            spanning = frozenset(c for c in goal_cols if rows[i + 1].cells[c].merged_from_above)
        rest_beside = out and joined_part and _rest_beside_part(rows[i - 1], row, goal_cols, action_cols)
        joined_part = False
        unnumbered = bool(out) and not rest_beside and unnumbered_rest(out[-1], row, goal_cols, action_cols, numbered)
        unnumbered = unnumbered and not is_continuation(out[-1], row, goal_cols, action_cols, spanning)
        # a lone paragraph of the key cell overleaf, beside columns every row fills left silent
        alone = (
            bool(out) and row.starts_page and not rest_beside and not unnumbered
            and all(
                row.cells[c].is_empty or row.cells[c].merged_from_above or cell_text_raw(row.cells[c]) == cell_text_raw(out[-1].cells[c])
                for c in goal_cols if c not in key_cols
            )
            and paragraph_alone_goes_on(out[-1], row, key_cols, set(goal_cols) | spanning, filled_always)
        )
        completes = bool(out) and goal_rest_completes(out[-1], row, rows[i + 1] if i + 1 < len(rows) else None, goal_cols)
        if out and (rest_beside or unnumbered or alone or completes or is_continuation(out[-1], row, goal_cols, action_cols, spanning)):
            joined_part = row.starts_page
            prev = out[-1]
            cells = []
            for c, (p, r) in enumerate(zip(prev.cells, row.cells)):
                repeated = c in goal_cols and cell_text_raw(r) == cell_text_raw(p)
                cells.append(_join_cells(p, r, repeated or r.merged_from_above))
                if unnumbered and c in action_cols:
                    cells[-1] = sentence_goes_on(p, cells[-1])
            out[-1] = replace(prev, cells=cells, parts=[*prev.parts, row])
        else:
            out.append(join_cut_goal(out, row, [c for c in goal_cols if c in fresh]))
        fresh -= {c for c in goal_cols if not row.cells[c].is_empty or row.cells[c].merged_from_above}
    return out


def _printed_lines(cell: Cell) -> int:
    return sum(1 for line in cell.lines if line.text.strip())


def _beside_ended_cells(prev: DataRow, row: DataRow) -> bool:
    """Does `row` print text under a cell of `prev` that ended well above the page's foot?

    Cells of a row are top-aligned, so the page break can only cut the tallest ones; a
    cell of fewer than half their lines ended long before it and has no rest overleaf.
    Text under such a cell begins a new row (one without an action of its own)."""
    counts = [_printed_lines(cell) for cell in prev.cells]
    tallest = max(counts, default=0)
    return any(
        not cell.is_empty and 0 < counts[c] and 2 * counts[c] < tallest
        for c, cell in enumerate(row.cells)
        if c < len(counts)
    )


def _with_goal_moved_down(
    prev: DataRow, row: DataRow, below: DataRow, spanning: frozenset[int], goal_cols: list[int], action_cols: list[int]
) -> tuple[DataRow, DataRow]:
    """`row` and the row under it, with the goal of `row` handed down to the rows it is
    merged over when, without it, `row` is the rest of the row cut above: a new group's
    goal, centred over its rows, that begins beside the rest of the last group's cut row
    at the top of a page (its text stands higher than the first row it belongs to).
    Unchanged otherwise."""
    moved = [c for c in spanning if not row.cells[c].is_empty and not row.cells[c].merged_from_above]
    if not moved:
        return row, below
    rest = replace(row, cells=[Cell() if c in moved else cell for c, cell in enumerate(row.cells)])
    if not any(not cell.is_empty for c, cell in enumerate(rest.cells) if c not in goal_cols):
        return row, below
    if not is_continuation(prev, rest, goal_cols, action_cols, frozenset()):
        return row, below
    return rest, replace(below, cells=[row.cells[c] if c in moved else cell for c, cell in enumerate(below.cells)])


def _rest_beside_part(part: DataRow, row: DataRow, goal_cols: list[int], action_cols: list[int]) -> bool:
    """Is `row`, right under the rest of a cut row at the top of a page, more of that rest:
    no goal and no action of its own, its text only in columns the rest left empty (a
    cell's rest set lower on the page than the others', read as a row of its own)?"""
    if not action_cols or any(not row.cells[c].is_empty for c in [*goal_cols, *action_cols]):
        return False
    filled = [c for c, cell in enumerate(row.cells) if not cell.is_empty]
    return bool(filled) and all(c < len(part.cells) and part.cells[c].is_empty for c in filled)


def _with_cut_goal_joined(
    out: list[DataRow], row: DataRow, fresh: list[int], goal_cols: list[int], action_cols: list[int], spanning: frozenset[int]
) -> tuple[list[DataRow], DataRow]:
    """The rows so far and the row, with the row's goal text joined to the goal above it
    when that makes the row the rest of the row above: the page broke inside a goal merged
    over its rows and inside the last row's cells at once (the goal's rest opening the
    part overleaf beside the rest of the actions).  Unchanged otherwise."""
    trial = list(out)
    joined = join_cut_goal(trial, row, fresh)
    if joined is not row and is_continuation(trial[-1], joined, goal_cols, action_cols, spanning):
        out[:] = trial
        return out, joined
    return out, row


def join_cut_goal(out: list[DataRow], row: DataRow, goal_cols: list[int]) -> DataRow:
    """A new row of a page part whose goal cell, the first goal text of the part in
    `goal_cols`, carries on the text of the goal above it (the page broke inside a goal
    merged over its rows, printed once for them, or centred beside them): that text is
    the rest of the goal above, which goes on over this row.

    Returns the row with the goal cell marked as covered from above; the goal above
    is joined with the rest in place.
    """
    if not out:
        return row
    cells = list(row.cells)
    for c in goal_cols:
        anchor = len(out) - 1
        while anchor > 0 and (out[anchor].cells[c].merged_from_above or out[anchor].cells[c].is_empty):
            anchor -= 1
        above = out[anchor].cells[c]
        if above.is_empty or cells[c].is_empty or not _continues(above, cells[c]) or printed_again(above, cells[c]):
            continue
        anchor_cells = list(out[anchor].cells)
        anchor_cells[c] = _join_cells(above, cells[c], False)
        out[anchor] = replace(out[anchor], cells=anchor_cells)
        cells[c] = Cell(merged_from_above=True)
    return replace(row, cells=cells)


def fill_down(rows: list[DataRow], goal_cols: list[int], action_cols: list[int], carry: DataRow | None = None) -> list[DataRow]:
    """Repeat what is printed once for several rows.

    A merged cell (`merged_from_above`) is the cell above, in every column.
    A blank goal (or goal id) cell under a goal is the goal above when the
    row has an action of its own: the plan printed the goal once.  `carry`
    is the last row of the table this one continues, if any.
    """
    out: list[DataRow] = []
    for row in rows:
        cells = list(row.cells)
        last = out[-1] if out else carry
        if last is not None:
            above = last.cells
            # a row of the group prints an action, or (no action: still a row of the plan)
            # other values of its own beside the blank goal
            has_action = any(not cells[c].is_empty for c in action_cols) or (
                bool(action_cols) and any(not cell.is_empty for c, cell in enumerate(cells) if c not in goal_cols)
            )
            goal_blank = all(cells[c].is_empty for c in goal_cols)
            for c, cell in enumerate(cells):
                if cell.merged_from_above:
                    cells[c] = replace(above[c], merged_from_above=True)
                elif c in goal_cols and goal_blank and has_action and cell.is_empty and not (out and last.band != row.band):
                    cells[c] = above[c]
        out.append(replace(row, cells=cells))
    return out


def card_entries(table: RawTable, joiner: TextJoiner) -> list[list[tuple[str, str, Cell]]] | None:
    """A table of cards: labels down the first column ("Tavoite | ...", "Vastuu | ...").

    Returns each card's (label, field, value cell) entries, a new card
    starting where a field comes again; None when the table is not one.
    It is one when most rows open with a known label, two or more do,
    goal or action among them, and no row reads as a header across.
    """
    if table.n_cols < 2:
        return None
    rows = [(row, filled) for row in table.rows if (filled := [cell for cell in row.cells if not cell.is_empty])]
    entries: list[tuple[str, str, Cell]] = []
    for _, filled in rows:
        label = cell_text(filled[0].lines, joiner) or ""
        field = match_field(label, fuzzy=False) if len(label.split()) <= 5 else None
        lines = [line for cell in filled[1:] for line in cell.lines]
        entries.append((label, field or "extra", Cell(lines=lines)))
    fields = [f for _, f, _ in entries if f != "extra"]
    if len(fields) < 2 or not {"goal", "action"} & set(fields) or len(fields) * 2 < len(entries):
        return None
    # Checked last: it reads (and fuzzy-matches) every cell, and most tables fail the label test above.
    if any(_mapped(_distinct(row_texts(row, joiner)))[0] >= 2 for row, _ in rows):
        return None  # a header row across the top: a table, not cards
    cards: list[list[tuple[str, str, Cell]]] = []
    for entry in entries:
        if not cards or (entry[1] != "extra" and entry[1] in {f for _, f, _ in cards[-1]}):
            cards.append([])
        cards[-1].append(entry)
    return cards
