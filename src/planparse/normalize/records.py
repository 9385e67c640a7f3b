"""Raw tables -> planparse/1 records: the normalizer's entry point.

For each table: find the header and give each column a role, drop header
rows, join rows cut by page breaks, fill down goals printed once, then turn
each row's cells into record values.  Tables without a goal or an action
column are skipped with a `table-skipped` warning, never silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..intermediate import Cell, Line, RawDocument, RawTable
from ..model import PlanWarning, Record, RecordSource
from ..settings import ExtractOptions
from . import NormalizedDocument
from planparse.normalize.tables.cells import TextJoiner, cell_text, paragraph_texts, slash_styles, split_numbering, split_owners, strip_list_numbers
from planparse.normalize.repair.evidence import DocumentEvidence
from planparse.normalize.tables.budgets.amounts import is_numeric_table
from planparse.normalize.tables.budgets.goal_tables import block_records, find_goal_streams
from planparse.normalize.tables.headers import assign_roles, match_field, status_key
from planparse.normalize.repair.language import detect_language
from planparse.normalize.repair.lexicon import get_lexicon
from .metadata import DocumentText, extract_metadata
from planparse.normalize.repair.ocr.text import is_ocr_damaged, repair_ocr_text, repair_word
from planparse.normalize.repair.ocr.words import repair_misread, repair_misreads
from .indicators import build_indicators
from .prose import prose_records
from planparse.normalize.tables.sections import unit_sections
from planparse.normalize.tables.goals.centred_goals import centre_goals, goals_after_closed_cells, goals_by_numbering
from planparse.normalize.tables.header_repair import role_texts
from planparse.normalize.tables.rests.header_rest import is_header_rest, is_question_rest, with_header_rest_joined, without_header_rest
from planparse.normalize.tables.rows import DataRow, HeaderInfo, card_entries, covered_keys, data_rows, fill_down, find_header, is_form, is_status_column, is_sub_header, join_split_rows, row_texts
from .text import clean_text

# a heading that only labels what follows ("PÄÄTAVOITE I:", "Teema 2") takes the caption as its text
_LABEL = re.compile(r"^\S+\s+[IVX\d]+(?:\.\d+)*\s*[:.]?$")


def _summed(text: str, steps) -> tuple[str, int]:
    """`text` through each (text -> (text, count)) step in turn, with the counts summed."""
    total = 0
    for step in steps:
        text, n = step(text)
        total += n
    return text, total


class TextRepair:
    """Document-wide text context: language, evidence for hyphen breaks, OCR repair.

    Language detection, document evidence and the OCR repair belong to the
    text-repair modules; this holds what they decided for one document.
    """

    def __init__(self, raw: RawDocument, options: ExtractOptions) -> None:
        texts = [line.text for table in raw.tables for row in table.rows for cell in row.cells for line in cell.lines]
        texts += list(raw.body_text) + [raw.title or ""] + [h for t in raw.tables for h in [t.heading or "", *t.caption_lines]]
        lang = options.lang or detect_language(texts)
        evidence = DocumentEvidence.from_texts(texts)
        # slash_style and slash_styles_by_case in one pass; a line printed again (a header repeated
        # on every page: "Kuka/ ketkä?" as OCR spaced it) is one choice of the writer's, counted once
        slash_space, slash_cases = slash_styles(list(dict.fromkeys(texts)))
        self.joiner = TextJoiner(lang=lang, evidence=evidence, slash_space=slash_space, slash_cases=slash_cases, ocr=raw.ocr)
        self.lexicon = get_lexicon(lang if lang in ("fi", "sv") else "fi").backend
        self._changed = 0
        self._split = 0
        self._misread = 0
        self._memo: dict[str, str | None] = {}
        self._repair = None
        self._unglue = None
        self._reread = None
        self._rejoin = None
        self._unrun = None  # OCR text: words run together where a space was lost ("Muutlapsi")
        self._seen_join = None  # OCR text: words cut by a space that the document prints unbroken
        self._thousands = False  # OCR text: "30000 €" in a document that prints "45 000 €"
        self._ocr = bool(raw.ocr) and options.ocr_repair
        self._percent = False  # OCR text: "ensamhet (26)" in a document that prints "(%)"
        if raw.ocr:  # the OCR text repairs: their modules load only for OCR text
            from planparse.normalize.repair.ocr.evidence import RUN_PRINTED, DocumentReadings, LostLetters, groups_thousands, printed_forms, printed_pairs, prints_percent, rejoin_halves, rejoin_printed, rejoin_term_heads, run_piece, split_run_together
            from planparse.normalize.repair.language import function_words
            from planparse.normalize.repair.ocr.glyphs import drop_ghost_letters, reads_dash_ranges, rejoin_split, split_glued
        # OCR reads a range's dash as a hyphen now and then: a document that shows one dash range sets them all so
        self._dashes = bool(raw.ocr) and reads_dash_ranges(texts)
        # the evidence has judged the whole text as Finnish (OCR damage is a Finnish-only notion)
        if options.ocr_repair and (lang == "fi" and evidence.ocr_damaged or lang == "sv" and is_ocr_damaged(texts, "sv")):
            remember = None
            if raw.ocr:  # a word with two readings takes the one the document's other words read as
                memory = DocumentReadings(printed_forms(texts), get_lexicon(lang))
                remember = memory.remember
            self._repair = lambda text: repair_ocr_text(text, lang, remember=remember)
        if options.ocr_repair and raw.ocr and lang in ("fi", "sv"):  # OCR text: "palvelunja" -> "palvelun ja"
            is_word = get_lexicon(lang).is_word
            self._unglue = lambda text: split_glued(text, lang, is_word)
            lexicon = get_lexicon(lang)  # OCR text: "Kaupunoin" -> "Kaupungin", "(96)" -> "(%)"
            forms = printed_forms(texts)
            lost = LostLetters(forms, is_word)
            self._reread = lambda text: repair_misreads(text, lexicon, lexicon.is_proper_noun, lambda w: forms.get(w, 0), lost.restore)
            self._thousands = groups_thousands(texts)
            self._percent = prints_percent(texts)
            damaged = self._repair is not None

            def reading(word: str) -> str:  # a joined word as the repairs below would read it
                return repair_misread(repair_word(word, lexicon) if damaged else word, lexicon)

            glued = function_words("glued", lang)
            pairs = printed_pairs(texts)  # "Muut lapsi" beside "Muutlapsi", "LNPsos ja" beside "LNPsosja"

            def run_known(word: str) -> bool:
                return bool(is_word(word)) or damaged and bool(is_word(reading(word)))

            def printed(word: str) -> int:
                return forms.get(word, 0)

            def apart(a: str, b: str) -> int:
                return pairs.get((a.lower(), b.lower()), 0)

            def kept_apart(a: str, b: str) -> bool:  # a pair the run splitting below would split again
                return apart(a, b) >= RUN_PRINTED and all(run_piece(w, run_known, printed, glued) for w in (a, b))

            self._seen_join = lambda text: rejoin_printed(text, evidence.count, is_word, kept_apart)
            self._unrun = lambda text: _summed(text, (  # "[NPsosja" -> "[NPsos ja" -> "LNPsos ja"
                lambda t: split_run_together(t, run_known, printed, glued, lexicon.zipf if lang == "sv" and not lexicon.has_spellchecker else None, apart),
                lambda t: rejoin_term_heads(t, printed)))
            if lang == "sv" and lexicon.has_freq:  # "Välfärdsområde t": pieces judged by the frequency list
                self._rejoin = lambda text: rejoin_halves(text, lexicon.zipf)
            if lexicon.has_spellchecker:  # a frequency list knows too many fragments ("di", "si") to judge cuts
                self._rejoin = lambda text: _summed(text, (  # "il man" -> "ilman", "harrastukset j ja" -> "... ja"
                    lambda t: rejoin_split(t, lang, is_word, reading), lambda t: drop_ghost_letters(t, is_word)))

    def fix(self, text: str | None) -> str | None:
        """`text` with OCR-lost ä/ö restored, when the document shows that damage,
        and words OCR glued to a conjunction split, when the text came from OCR."""
        if text is None or (self._repair is None and self._unglue is None and self._reread is None and not self._dashes and not self._ocr):
            return text
        if text not in self._memo:  # a goal or section repeated on many rows counts once
            fixed = text
            if self._ocr:  # "‘Asiakas", "eri} kanavissa": specks read as unpaired quotes or brackets
                from planparse.normalize.repair.ocr.glyphs import label_slashes, roman_label, stray_closers, stray_lead_stop, stray_marks

                marked = fixed
                fixed = label_slashes(roman_label(stray_closers(stray_lead_stop(stray_marks(fixed)))))  # "PÄÄTAVOITE Ill:" -> "... III:"
                self._misread += fixed != marked
            if self._seen_join is not None:
                fixed, split = self._seen_join(fixed)
                self._split += split
            if self._thousands:
                from planparse.normalize.repair.ocr.evidence import group_thousands

                grouped = group_thousands(fixed)
                self._misread += grouped != fixed
                fixed = grouped
            if self._percent:
                from planparse.normalize.repair.ocr.evidence import percent_signs

                fixed, signs = percent_signs(fixed)
                self._misread += signs
            if self._rejoin is not None:
                fixed, split = self._rejoin(fixed)
                self._split += split
            if self._unrun is not None:
                fixed, split = self._unrun(fixed)
                self._split += split
            if self._repair is not None:
                fixed, changed = self._repair(fixed)
                self._changed += changed
            if self._unglue is not None:
                fixed, split = self._unglue(fixed)
                self._split += split
            if self._reread is not None:
                fixed, misread = self._reread(fixed)
                self._misread += misread
            if self._dashes:
                from planparse.normalize.repair.ocr.glyphs import dash_ranges

                fixed = dash_ranges(fixed)
            self._memo[text] = clean_text(fixed)
        return self._memo[text]

    def fix_record(self, rec: Record) -> Record:
        if self._repair is None and self._unglue is None and self._reread is None and not self._dashes and not self._ocr:
            return rec
        for name in ("section", "goal", "schedule"):
            setattr(rec, name, self.fix(getattr(rec, name)))
        for name in ("actions", "owners", "indicators"):
            setattr(rec, name, [self.fix(x) for x in getattr(rec, name)])
        rec.extra = {self._head(self.fix(k) or k): self.fix(v) for k, v in rec.extra.items()}
        return rec

    def repeated(self, count: int) -> None:
        """Items set to the reading their column repeats (ocr_repeats) count as misreads corrected."""
        self._misread += count

    def _head(self, key: str) -> str:
        """An extra field's key (a column head) with OCR's one-sided slash spaces put right."""
        if not self._ocr:
            return key
        from planparse.normalize.repair.ocr.glyphs import head_slashes

        return head_slashes(key)

    @property
    def is_word(self) -> Callable[[str], bool | None] | None:
        """The spell checker's word test for OCR text being repaired (items a column repeats
        are judged by it, `repeated_items`); None without OCR repair or a spell checker."""
        lang = self.joiner.lang
        if not (self._ocr and lang in ("fi", "sv")) or not get_lexicon(lang).has_spellchecker:
            return None
        return get_lexicon(lang).is_word

    def warnings(self) -> list[PlanWarning]:
        parts = []
        if self._repair is not None and self._changed:
            parts.append(f"lost {'å/ä/ö' if self.joiner.lang == 'sv' else 'ä/ö'} restored in about {self._changed} words")
        if self._split:
            parts.append(f"{self._split} words glued to a conjunction split or cut words joined")
        if self._misread:
            parts.append(f"{self._misread} misread words or signs corrected")
        if not parts:
            return []
        return [PlanWarning("ocr-repaired", "OCR-damaged text: " + "; ".join(parts), None)]


@dataclass
class TablePlan:
    """How one table maps to records: its column roles, header and section."""

    roles: list[str]
    header: HeaderInfo | None
    section: str | None
    extra_keys: list[str] = field(default_factory=list)  # printed header per column, for `extra`
    continues: bool = False  # the table goes on from the previous plan table
    last_page: int | None = None  # page of the table's last row (PDF)
    last_row: DataRow | None = None


def _header_line(plan: TablePlan) -> str:
    """A plan table's header row as one line of words, casefolded (how it reads when printed alone)."""
    texts = plan.header.texts if plan.header is not None else plan.extra_keys
    return " ".join(" ".join(t for t in texts if t).split()).casefold()


def section_of(
    table: RawTable, header: HeaderInfo | None, joiner: TextJoiner, title: str | None = None, header_line: str | None = None
) -> str | None:
    """The heading the table sits under; a label heading ("PÄÄTAVOITE I:") joined with its caption.

    The document's title is not a section: a table right under the title
    sits under no heading of its own.  Nor is `header_line`, the previous
    table's header row left alone at a page's foot and read as a heading
    above the table's header-less continuation overleaf.
    """
    headings = [h for h in (clean_text(x) for x in [*table.headings, table.heading]) if h and h != title]
    if header_line:
        headings = [h for h in headings if " ".join(h.split()).casefold() != header_line]
    heading = headings[-1] if headings else None
    captions = [c for c in (clean_text(x) for x in table.caption_lines) if c]
    if heading and captions and (heading.endswith(":") or _LABEL.match(heading)):
        return clean_text(f"{heading} {joiner.join(captions)}")
    if heading:
        return heading
    if header and header.titles:
        return clean_text(" ".join(header.titles))
    return None


def _column_values(table: RawTable, header: HeaderInfo | None, joiner: TextJoiner) -> list[list[str | None]]:
    first = header.rows[-1] + 1 if header else 0
    rows = [row_texts(row, joiner) for row in table.rows[first:]]
    return [[r[c] for r in rows] for c in range(table.n_cols)]


def _has_text(table: RawTable, cols: list[int], joiner: TextJoiner) -> bool:
    """Does any row print text (not only bullet glyphs) in one of `cols`?"""
    return any(paragraph_texts(row.cells[c].lines, joiner) for row in table.rows for c in cols)


def plan_table(
    table: RawTable, joiner: TextJoiner, previous: TablePlan | None, title: str | None = None, fix: Callable[[str | None], str | None] | None = None,
    ocr: bool = False,
) -> TablePlan | None:
    """Column roles of a table, or None when it is not a plan table.

    A table with no header whose width equals the previous plan table's,
    right after it (no other table between, on the same or the next page),
    takes that table's roles: plans print the header once (values-fi: one
    header, ten theme tables) or split one table in two.  Under a heading
    of its own it is a new section; without one it continues the table
    (goals fill down into it).  `fix`, the document's OCR text repair, reads a
    header that names no field again (normalize.tables.header_repair); with `ocr`
    (OCR text) the previous plan table's header tells a head OCR cut short.
    """
    header = find_header(table, joiner)
    last_page = max((row.page for row in table.rows if row.page is not None), default=table.page)
    if header is None:
        key_cols = [c for c, r in enumerate(previous.roles if previous else []) if r in ("goal", "action")]
        near = previous is not None and (table.page is None or previous.last_page is None or table.page <= previous.last_page + 1)
        if near and len(previous.roles) == table.n_cols and _has_text(table, key_cols, joiner):
            section = section_of(table, None, joiner, title, _header_line(previous))
            if section is None:
                return TablePlan(previous.roles, None, previous.section, previous.extra_keys, True, last_page)
            return TablePlan(previous.roles, None, section, previous.extra_keys, False, last_page)
        return None
    values = _column_values(table, header, joiner)
    earlier = previous.header.texts if ocr and previous is not None and previous.header is not None else None
    texts = role_texts(header.texts, fix, earlier, ocr)
    roles = assign_roles(texts, header.spans, values)
    # a column with no header and no text (the coloured status balls) is no value
    roles = ["ignore" if r == "extra" and not header.texts[c] and not any(values[c]) else r for c, r in enumerate(roles)]
    if not {"goal", "action"} & set(roles) or is_form(table, header, joiner) or is_numeric_table(texts, values):
        return None  # (a label word such as "Toiminta" over a budget's amounts names no plan column)
    section = section_of(table, header, joiner, title)
    continues = section is None and previous is not None and previous.roles == roles
    if continues:
        section = previous.section  # the same table continued without a new heading
    keys = [text or (status_key() if is_status_column(values[c]) else f"column {c + 1}") for c, text in enumerate(header.texts)]
    return TablePlan(roles, header, section, keys, continues, last_page)


def _cells_of(row: DataRow, roles: list[str], role: str) -> list[Cell]:
    return [row.cells[c] for c, r in enumerate(roles) if r == role]


def _lines(cells: list[Cell]) -> list[Line]:
    """The printed lines of the cells of one role, a spanned cell's lines once."""
    lines: list[Line] = []
    for cell in cells:
        if lines and cell.lines and [l.text for l in cell.lines] == [l.text for l in lines]:
            continue  # a spanned cell repeated in the columns it covers
        lines.extend(cell.lines)
    return lines


def make_record(row: DataRow, plan: TablePlan, table_no: int, row_no: int, joiner: TextJoiner) -> Record:
    """One data row as a record: each column's cells read as its role's value (items, ids, text)."""
    roles = plan.roles
    rec = Record(section=row.band or plan.section, source=RecordSource(row.page, table_no, row_no))
    goal_items = paragraph_texts(_lines(_cells_of(row, roles, "goal")), joiner)
    rec.goal_id, goal_items = split_numbering(goal_items)
    rec.goal = clean_text(" ".join(goal_items))
    action_items = strip_list_numbers(paragraph_texts(_lines(_cells_of(row, roles, "action")), joiner), joiner.ocr)
    rec.action_id, rec.actions = split_numbering(action_items)
    for role, attr in (("goal_id", "goal_id"), ("action_id", "action_id")):
        ident = cell_text(_lines(_cells_of(row, roles, role)), joiner)
        if ident:
            setattr(rec, attr, ident.rstrip(".)"))
    rec.owners = split_owners(strip_list_numbers(paragraph_texts(_lines(_cells_of(row, roles, "owner")), joiner), joiner.ocr))
    rec.indicators = strip_list_numbers(paragraph_texts(_lines(_cells_of(row, roles, "indicator")), joiner), joiner.ocr)
    rec.schedule = cell_text(_lines(_cells_of(row, roles, "schedule")), joiner)
    for c, role in enumerate(roles):
        if role == "extra":
            rec.extra[plan.extra_keys[c]] = cell_text(row.cells[c].lines, joiner)
    for key, cell in row.appendix:
        text = cell_text(cell.lines, joiner)
        rec.extra[key] = clean_text(f"{rec.extra.get(key) or ''} {text or ''}")
    return rec


def card_records(table: RawTable, t_index: int, joiner: TextJoiner, title: str | None) -> list[Record] | None:
    """One record per card of a card table (labels down the first column), or None."""
    cards = card_entries(table, joiner)
    if cards is None:
        return None
    section = section_of(table, None, joiner, title)
    records = []
    for number, card in enumerate(cards, start=1):
        fields = [field for _, field, _ in card]
        roles = [("extra" if "indicator" in fields else "indicator") if f == "indicator_weak" else f for f in fields]
        plan = TablePlan(roles, None, section, [label for label, _, _ in card])
        row = DataRow([cell for _, _, cell in card], table.page, False)
        records.append(make_record(row, plan, t_index, number, joiner))
    return records


def attach_sub_table(table: RawTable, record: Record, joiner: TextJoiner) -> bool:
    """A table that is only a sub-header block ("Arviointi | Tila" and its values),
    cut from the goal it belongs to by a page break: its values go to that record."""
    rows = [row for row in table.rows if not all(c.is_empty for c in row.cells)]
    if not rows or not is_sub_header(rows[0], row_texts(rows[0], joiner)):
        return False
    keys = covered_keys(rows[0], row_texts(rows[0], joiner))
    for row in rows[1:]:
        for key, cell in zip(keys, row.cells):
            if key and not cell.is_empty:
                record.extra[key] = clean_text(f"{record.extra.get(key) or ''} {cell_text(cell.lines, joiner) or ''}")
    return True


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _skip_warning(table: RawTable, index: int, joiner: TextJoiner) -> PlanWarning:
    header = _first_texts(table)
    found = find_header(table, joiner)
    if is_form(table, found, joiner):
        return PlanWarning("table-skipped", f"table {index} is a form of labels and values, not read as plan rows: {header}", table.page)
    if found is not None and is_numeric_table(found.texts, _column_values(table, found, joiner)):
        return PlanWarning("table-skipped", f"table {index} is a numeric table of labels and amounts, not read as plan rows: {header}", table.page)
    return PlanWarning("table-skipped", f"table {index} has no goal or action column: {header}", table.page)


def _first_texts(table: RawTable) -> str:
    """What the table starts with, for a person to recognise it: the first row's
    cell texts, and the next row's too when the first has fewer than two
    (a table whose first row is one caption cell among empty ones)."""
    texts: list[str] = []
    for row in table.rows:
        covered = 0
        row_texts = []
        for cell in row.cells:
            if cell.is_empty and (covered > 0 or cell.span == 0):
                covered -= 1
                continue  # the rest of a spanned cell
            covered = cell.span - 1
            text = clean_text(cell.text)
            if text:
                row_texts.append(_shorten(text))
        texts += row_texts
        if len(texts) >= 2:
            break
    return " | ".join(texts)


def _with_prose(
    records: list[Record], raw_tables: list[int], raw: RawDocument, joiner: TextJoiner, title: str | None
) -> list[Record]:
    """Table records and records of plans written as prose, in reading order.

    A table record stands where its table stands among the document's text
    blocks; the records of one table keep their order.  `raw_tables[n]` is the
    raw table (index into `raw.tables`, as text blocks name it) record n came
    from: `source.table` counts tables as printed (each goal card one), so it
    is no index into the raw tables.
    """
    prose = prose_records(raw.blocks, joiner, title)
    if not prose:
        return records
    table_at = {block.table: i for i, block in enumerate(raw.blocks) if block.kind == "table"}
    keyed = [(table_at.get(raw_tables[n], len(raw.blocks)), 0, n, rec) for n, rec in enumerate(records)]
    keyed += [(p.position, 1, n, p.record) for n, p in enumerate(prose)]
    return [rec for *_, rec in sorted(keyed, key=lambda k: k[:3])]


def _over_boxes(table: RawTable, boxes: list[tuple[int, tuple[float, float, float, float]]]) -> bool:
    """A "table" found over the boxes of an infographic that were read as indicators: the
    tinted boxes' edges may look like rules, their aligned texts like columns."""
    if table.bbox is None:
        return False
    x0, top, x1, bottom = table.bbox
    return any(page == table.page and b[0] < x1 and x0 < b[2] and b[1] < bottom and top < b[3] for page, b in boxes)


def _goal_header_tables(tables: list[RawTable], joiner: TextJoiner) -> set[int]:
    """Indices of the tables whose header names a goal or an action column (the plan tables)."""
    out: set[int] = set()
    for i, table in enumerate(tables):
        header = find_header(table, joiner)
        if header is not None and {"goal", "action"} & {match_field(t) for t in header.texts if t}:
            out.add(i)
    return out


def document_text(raw: RawDocument, title: str | None, skipped: list[RawTable], joiner: TextJoiner) -> DocumentText:
    """The plain text metadata is read from: running text outside the tables but the
    title's own lines, line by line (a DOCX paragraph's last line ends a paragraph),
    then the tables that gave no records (a decision's label | value layout), cell by cell."""
    in_tables = {line.text for table in raw.tables for row in table.rows for cell in row.cells for line in cell.lines}
    title_words = " ".join((raw.title or "").split())
    lines: list[str] = []
    ends: set[int] = set()
    for text in raw.body_text:
        kept = [line for line in text.split("\n") if line.strip() and line not in in_tables]
        kept = [line for line in kept if not (len(lines) < 3 and " ".join(line.split()) in title_words)]
        lines.extend(kept)
        if kept and raw.format == "docx":
            ends.add(len(lines) - 1)
    for table in skipped:
        for row in table.rows:
            for c, cell in enumerate(row.cells):
                cell_lines = [line.text for line in cell.lines if line.text.strip()]
                stacked = all(text.rstrip().endswith(":") for text in cell_lines)  # several labels, one per line
                if c == 0 and len(cell_lines) > 1 and not stacked:  # one label over lines: "Valmistelijat/" "Lisätietojen antaja"
                    cell_lines = [text for text in [joiner.join(cell_lines)] if text]
                lines.extend(cell_lines)
                if cell_lines:
                    ends.add(len(lines) - 1)
    return DocumentText(title=title, lines=lines, ends=ends, running=list(raw.running_text), properties=dict(raw.properties))


# `trace(record, row, roles)`: called for each record made from a table row, with
# the row (its cells, and the parts joined into it) and its columns' roles.
RowTrace = Callable[[Record, DataRow, list[str]], None]


def build_records(raw: RawDocument, options: ExtractOptions, trace: RowTrace | None = None) -> NormalizedDocument:
    """Every plan table's rows as records, in document order, with warnings.

    `trace` lets the review page tie each record to the cells it came from."""
    repair = TextRepair(raw, options)
    joiner = repair.joiner
    title = joiner.join([raw.title]) if raw.title else None  # as printed: a heading equal to it is no section
    doc = NormalizedDocument(title=repair.fix(title), lexicon=repair.lexicon)
    doc.warnings.extend(PlanWarning(code, message, page) for code, message, page in raw.warnings)
    doc.indicators, read_boxes = build_indicators(raw, joiner)
    previous: TablePlan | None = None
    target: Record | None = None
    skipped: list[RawTable] = []  # tables that gave no records: their text may say what the document is
    streams = find_goal_streams(raw.tables, joiner)
    in_stream = {i for stream in streams for i in stream.tables}
    blocks: dict[int, list] = {}
    for stream in streams:
        for block in stream.blocks:
            blocks.setdefault(block.table, []).append(block)
    units = unit_sections(raw.tables, in_stream | _goal_header_tables(raw.tables, joiner), joiner, title, in_stream)
    number = 0  # tables as printed: each goal card or block one, the rest of a cut block none
    raw_tables: list[int] = []  # the raw table index of each record, for placing them among prose
    for i, table in enumerate(raw.tables):
        raw_tables.extend([i - 1] * (len(doc.records) - len(raw_tables)))  # the records table i - 1 gave
        if i in in_stream:
            for block in blocks.get(i, []):
                number += 1
                section = units.get(i) or section_of(table, None, joiner, title)
                found = block_records(block, joiner, section, number)
                doc.records.extend(found)
                if not found:
                    doc.warnings.append(PlanWarning("table-skipped", f"table {number} is a goal card or block with no goal or measure text: {_first_texts(table)}", block.page))
            previous = target = None
            continue
        number += 1
        t_index = number
        cards = card_records(table, t_index, joiner, title)
        if cards is not None:
            doc.records.extend(cards)
            target = cards[-1] if cards else None
            continue
        if is_header_rest(table, previous) or raw.ocr and is_question_rest(table, previous, joiner):
            table = without_header_rest(table)
            number -= 1  # the table printed on: the number of the header-only part before
            t_index = number
        table = with_header_rest_joined(table)
        plan = plan_table(table, joiner, previous, title, repair.fix, ocr=bool(raw.ocr))
        if plan is None:
            if not (target and attach_sub_table(table, target, joiner)) and not _over_boxes(table, read_boxes):
                doc.warnings.append(_skip_warning(table, t_index, joiner))
                skipped.append(table)
            target = previous = None  # a table between ends any continuation
            continue
        if i in units and not plan.continues:
            plan.section = units[i]
        carry = previous.last_row if plan.continues and previous else None
        previous = plan
        goal_cols = [c for c, r in enumerate(plan.roles) if r in ("goal", "goal_id")]
        action_cols = [c for c, r in enumerate(plan.roles) if r in ("action", "action_id")]
        rows = join_split_rows(data_rows(table, plan.header, joiner), goal_cols, action_cols)
        if carry is None:
            rows = centre_goals(rows, goal_cols, action_cols)
        rows = goals_by_numbering(rows, goal_cols, action_cols)
        rows = goals_after_closed_cells(rows, goal_cols)
        rows = fill_down(rows, goal_cols, action_cols, carry)
        plan.last_row = rows[-1] if rows else carry
        for r_index, row in enumerate(rows, start=1):
            doc.records.append(make_record(row, plan, t_index, r_index, joiner))
            if trace is not None:
                trace(doc.records[-1], row, plan.roles)
        target = doc.records[-1] if rows else None  # a cut-off sub-header block belongs to this row
    raw_tables.extend([len(raw.tables) - 1] * (len(doc.records) - len(raw_tables)))
    doc.records = _with_prose(doc.records, raw_tables, raw, joiner, title)
    doc.records = [repair.fix_record(rec) for rec in doc.records]
    if raw.ocr and options.ocr_repair:  # goal and action numbers OCR misread, from the document's numbering
        from planparse.normalize.repair.ocr.numbering import repair_numbering

        repair_numbering(doc.records)
        if repair.is_word is not None:  # "henkilös-16" where the owners' column prints "henkilöstö" row after row
            from planparse.normalize.repair.ocr.repeats import repeated_items

            repair.repeated(repeated_items(doc.records, repair.is_word))
    doc.metadata = extract_metadata(document_text(raw, title, skipped, joiner), joiner.join)
    if not doc.records and not doc.indicators:
        doc.warnings.append(PlanWarning("no-plan-table", "no table with a goal or action column was found", None))
    doc.warnings.extend(repair.warnings())
    return doc
