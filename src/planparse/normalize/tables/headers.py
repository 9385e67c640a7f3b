"""Column header text -> planparse/1 field, from `data/headers.yaml` + rapidfuzz.

Headers vary from plan to plan ("Tavoite", "Välitavoitteet", "Vastuutaho(t)",
"Seurannan mit-" / "tarit", "Åtgärder").  A header is compared as a *key*:
NFC, lower case, line-break hyphens joined, plural marks "(t)" dropped,
numbers and year ranges dropped.  Exact keys first, then "a / b" headers whose
parts all name one field, then rapidfuzz for typos and OCR damage.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from planparse.common.datafile import load_yaml
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from planparse.normalize.tables.cells import is_numbering
from planparse.normalize.text import clean_text

FIELDS = ("goal", "action", "owner", "indicator", "indicator_weak", "schedule", "number")
FUZZY_CUTOFF = 88.0
FUZZY_MIN_LEN = 5
ONE_EDIT_MIN_LEN = 7  # a header this long may be one letter off a synonym

_PLURAL_MARK = re.compile(r"\((?:t|et|at|ät|er|ar|a|n|s)\)")
_NUMBERS = re.compile(r"(?<!\w)[\d.,]+(?:\s*[-–]\s*[\d.,]+)?(?!\w)")
_SLASH = re.compile(r"\s*/\s*")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")  # left when the numbers inside went: "Vastuutaho( 13)" (OCR of "(t)")
_TRIM = " :*.-–\t"


@lru_cache(maxsize=8192)  # every row's cells are keyed (repeated-header check): the same texts recur
def header_key(text: str | None) -> str:
    """Comparable form of a header text (already joined into one line)."""
    if not text:
        return ""
    key = unicodedata.normalize("NFC", text).lower()
    key = _PLURAL_MARK.sub("", key)
    key = _NUMBERS.sub(" ", key)
    key = _EMPTY_BRACKETS.sub(" ", key)
    key = _SLASH.sub(" / ", key)
    key = re.sub(r"\s+", " ", key).strip(_TRIM)
    return key


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, str]:
    """Every synonym's key -> field name."""
    raw = load_yaml(resources.files("planparse.normalize").joinpath("data/headers.yaml").read_text("utf-8"))
    vocab: dict[str, str] = {}
    for field in FIELDS:
        for words in (raw.get(field) or {}).values():
            for word in words:
                vocab.setdefault(header_key(clean_text(str(word))), field)
    return vocab


def match_field(text: str | None, fuzzy: bool = True) -> str | None:
    """The field a printed header names, or None for an unknown column.

    `fuzzy=False` accepts only listed synonyms (for rows below the header,
    where a short data text could be near a header word).
    """
    key = header_key(text)
    if not key:
        return None
    vocab = vocabulary()
    if key in vocab:
        return vocab[key]
    if " / " in key:
        # "toimija / toteuttaja": every part names a field; the first part leads
        # ("Toimenpide/mittari" is the action column of its table)
        parts = [vocab.get(part) for part in key.split(" / ")]
        if None not in parts:
            return parts[0]
    if fuzzy and len(key) >= FUZZY_MIN_LEN:
        best = process.extractOne(key, vocab.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is not None:
            return vocab[best[0]]
    # OCR without the language's letters ("Mal", "Atgarder" for "Mål", "Åtgärder")
    folded = folded_vocabulary()
    plain = fold(key)
    if plain in folded:
        return folded[plain]
    if fuzzy and len(plain) >= FUZZY_MIN_LEN:
        best = process.extractOne(plain, folded.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is not None:
            return folded[best[0]]
    if fuzzy and len(plain) >= ONE_EDIT_MIN_LEN:
        # "Atgirder" for "Åtgärder": the lost ring and one more misread letter are 87.5 %
        # alike, under the cutoff; one letter off a long synonym of one field is that field.
        fields = {folded[word] for word in folded if len(word) >= ONE_EDIT_MIN_LEN and Levenshtein.distance(plain, word, score_cutoff=1) <= 1}
        if len(fields) == 1:
            return fields.pop()
    if fuzzy:
        return _cut_header(text or "", key, vocab) or _lost_opening(text or "", key, vocab)
    return None


CUT_MIN_LEN = 5  # letters of a cut header word that still tell its field


def _cut_header(text: str, key: str, vocab: dict[str, str]) -> str | None:
    """ "Aikatau-": a header word broken at a line end whose rest the scan lost (OCR
    dropped the second line "lu") names the field of the synonyms it begins, when
    they all name one field."""
    stripped = text.rstrip()
    if len(key) < CUT_MIN_LEN or len(stripped) < 2 or stripped[-1] not in "-\u00ad" or not stripped[-2].isalpha():
        return None
    fields = {field for synonym, field in vocab.items() if synonym.startswith(key) and synonym != key}
    return fields.pop() if len(fields) == 1 else None


LOST_OPENING_MIN_LEN = 12  # letters and spaces of a header's rest that still tell its field


def _lost_opening(text: str, key: str, vocab: dict[str, str]) -> str | None:
    """ "no- ja raportointivastuu": a header whose opening line the scan lost (OCR dropped
    "Toimeenpa-" over it; the rest opens in lower case, inside a word) names the field of
    the synonyms it ends, when they all name one field."""
    stripped = text.lstrip()
    if len(key) < LOST_OPENING_MIN_LEN or not stripped[:1].islower():
        return None
    fields = {field for synonym, field in vocab.items() if synonym.endswith(key) and synonym != key}
    return fields.pop() if len(fields) == 1 else None


def fold(key: str) -> str:
    """A key without diacritics: å, ä, é -> a, a, e (what an English OCR model prints).

    Only a non-ASCII character can be a combining mark, so unicodedata is asked about
    those alone (match_field folds every long data cell it is shown)."""
    decomposed = unicodedata.normalize("NFD", key)
    if decomposed.isascii():  # (no combining mark to drop: most keys)
        return decomposed
    return "".join([ch for ch in decomposed if ch < "\x80" or not unicodedata.combining(ch)])


def split_reading(text: str | None) -> str | None:
    """The synonym an OCR header names with one å/ä/ö printed as two glyphs, the way a model
    without those letters reads them ("villitavoite" for "välitavoite": `split_diacritics` in
    data/ocr_confusions.yaml), the rest of it folded; or None.  Two glyphs for one letter are
    two edits, past `match_field`'s one; OCR text only (normalize.tables.header_repair)."""
    plain = fold(header_key(text))
    return _split_vocabulary().get(plain) if len(plain) >= ONE_EDIT_MIN_LEN else None


@lru_cache(maxsize=1)
def _split_vocabulary() -> dict[str, str]:
    """Each split reading of a synonym key -> that key; a reading of synonyms of two fields is left out."""
    readings = load_yaml(
        resources.files("planparse.normalize").joinpath("data/ocr_confusions.yaml").read_text("utf-8")
    ).get("split_diacritics") or {}
    seen: dict[str, dict[str, str]] = {}
    for key, field in vocabulary().items():
        for at, letter in enumerate(key):
            for glyphs in readings.get(letter) or ():
                seen.setdefault(fold(key[:at]) + glyphs + fold(key[at + 1:]), {})[field] = key
    return {reading: next(iter(keys.values())) for reading, keys in seen.items() if len(keys) == 1}


@lru_cache(maxsize=1)
def folded_vocabulary() -> dict[str, str]:
    """Folded synonym keys that name one field only (a fold that two fields share is left out)."""
    seen: dict[str, set[str]] = {}
    for key, field in vocabulary().items():
        seen.setdefault(fold(key), set()).add(field)
    return {key: next(iter(fields)) for key, fields in seen.items() if len(fields) == 1}


def is_question_row(texts: list[str | None], key_cols: list[int] | None = None, ocr: bool = False) -> bool:
    """A row of questions or explanations under the header ("Missä on onnistuttava?").

    Rule: at least half of the row's non-empty cells end with a question
    mark, and so does every non-empty cell under the goal and action
    headers (`key_cols`).  Goals and actions are statements; a plan whose
    indicators are questions ("Onko ... ?") still states its actions, so its
    rows stay data.  `ocr`: OCR text, whose lines may be joined out of order (`_asks`).
    """
    filled = [t for t in texts if t]
    if not filled:
        return False
    asking = sum(1 for t in filled if _asks(t, ocr))
    keys = [texts[c] for c in key_cols or [] if c < len(texts) and texts[c]]
    # a key cell whose text stops at a word's line-break hyphen lost its rest ("ja miten se teh-":
    # OCR missed "dään?" on the line below); a statement ends with a whole word
    return asking * 2 >= len(filled) and all(_asks(t, ocr) or (asking > len(keys) and _CUT_OFF.search(t)) for t in keys)


_CUT_OFF = re.compile(r"[^\W\d_]-$")


_TRAILING_MARKS = re.compile(r"[\s*•·»«'\"‘’`,.]+$")  # a scan's speck after the question ("onnistuttava? *")


_GLUED_QUESTION = re.compile(r"[^\W\d_]\?[^\W\d_]")  # "tehdään?miten": a question's end glued before a word


def _asks(text: str, ocr: bool = False) -> bool:
    """Does the text end with a question mark (marks a scan read from specks after it aside)?
    In OCR text a question mark glued straight on to a word's letters counts too: print never
    sets one so, a scan's lines joined out of order do ("Mitä ja tehdään?miten se": "miten se"
    boxed under its line, so read after the question's last line)."""
    return _TRAILING_MARKS.sub("", text).endswith("?") or ocr and bool(_GLUED_QUESTION.search(text))


def assign_roles(texts: list[str | None], spans: list[int], values: list[list[str | None]]) -> list[str]:
    """Each column's role: a field name, "goal_id"/"action_id", "extra" or "ignore".

    `texts` are the printed headers, `spans` the header cells' grid spans,
    `values` each column's data cell texts.  A column with no header of its
    own (empty, or covered by a spanned header to its left) or a "Nro"
    header, whose cells are only numbers, gives the ids of the goal or action
    column next to it.
    "Seuranta"-like columns are indicators only when no column is one.
    """
    n = len(texts)
    fields: list[str | None] = [match_field(t) for t in texts]
    owner_of = list(range(n))  # the column whose header covers this one
    for i in range(n):
        for j in range(i + 1, min(n, i + spans[i])):
            if not texts[j] or texts[j] == texts[i]:
                owner_of[j] = i
                fields[j] = fields[i]
    numeric = [bool([v for v in col if v]) and all(is_numbering(v) for v in col if v) for col in values]
    roles = ["extra"] * n
    for i in range(n):
        field = fields[i]
        group = [j for j in range(n) if owner_of[j] == owner_of[i]]
        if field in ("goal", "action") and numeric[i]:
            # numbers under a goal header: the ids of a spanned goal, else figures (an "AIM 1992"
            # column of a statistics table), never the goals themselves
            roles[i] = field + "_id" if len(group) > 1 else "extra"
        elif field == "number":
            roles[i] = "id?" if numeric[i] else "extra"
        elif field is not None:
            roles[i] = field
        elif not texts[i] and owner_of[i] == i:
            roles[i] = "id?" if numeric[i] else ("ignore" if not any(values[i]) else "extra")
    for i in range(n):
        if roles[i] == "id?":
            neighbours = [roles[j] for j in (i + 1, i - 1) if 0 <= j < n]
            roles[i] = next((r + "_id" for r in neighbours if r in ("goal", "action")), "extra")
    seen: set[str] = set()
    for i in range(n):
        if roles[i] not in ("extra", "ignore", "indicator_weak"):
            if roles[i] in seen and not (owner_of[i] != i and roles[owner_of[i]] == roles[i]):
                roles[i] = "extra"  # a second column naming the same field keeps its own header
            seen.add(roles[i])
    for i in range(n):
        if roles[i] == "indicator_weak":
            roles[i] = "extra" if "indicator" in seen else "indicator"
            seen.add(roles[i])
    return _headless_goal(_headless_actions(roles, texts, owner_of, numeric, values), texts, owner_of, numeric, values)


def _headless_goal(roles: list[str], texts: list[str | None], owner_of: list[int], numeric: list[bool], values: list[list[str | None]]) -> list[str]:
    """A table with an action column and no goal column whose first column, right before the
    actions, has no header of its own and prints text: that column is the goals' (a short head
    the OCR lost, "Mål" on a skewed 200-dpi scan; plans set the goal first, left of its actions).
    A headless first column anywhere else, or a table naming its goal, keeps it a value."""
    if "goal" in roles or len(roles) < 3 or roles[1] != "action":
        return roles
    if roles[0] != "extra" or texts[0] or owner_of[0] != 0 or numeric[0] or not any(values[0]):
        return roles
    return ["goal", *roles[1:]]


def _headless_actions(roles: list[str], texts: list[str | None], owner_of: list[int], numeric: list[bool], values: list[list[str | None]]) -> list[str]:
    """A table with a goal column and no action column whose one column without a header of
    its own, between the goal's and a column naming a field, prints text: that column is the
    actions' (a head the OCR lost, "Åtgärder" at 150 dpi; plans set the actions between their
    goal and its schedule or owner).  A headless column at the table's edge, or beside other
    unnamed ones, is a value of its own."""
    if "action" in roles or "goal" not in roles:
        return roles
    headless = [i for i, r in enumerate(roles) if r == "extra" and not texts[i] and owner_of[i] == i and not numeric[i] and any(values[i])]
    if len(headless) != 1 or headless[0] == 0 or roles[headless[0] - 1] not in ("goal", "goal_id"):
        return roles
    if headless[0] + 1 >= len(roles) or roles[headless[0] + 1] in ("extra", "ignore", "goal", "goal_id"):
        return roles
    out = list(roles)
    out[headless[0]] = "action"
    return out


@lru_cache(maxsize=1)
def _budget_vocabulary() -> tuple[frozenset[str], tuple[str, ...], str]:
    """Goal-table headers that name no field, unit labels and the status key (`data/headers.yaml`)."""
    raw = load_yaml(resources.files("planparse.normalize").joinpath("data/headers.yaml").read_text("utf-8"))
    values = frozenset(header_key(clean_text(str(w))) for words in (raw.get("value_headers") or {}).values() for w in words)
    units = tuple(sorted({clean_text(str(w)).lower() for words in (raw.get("unit_labels") or {}).values() for w in words}, key=len, reverse=True))
    return values, units, str(raw.get("status_key") or "status")


def is_value_header(text: str | None) -> bool:
    """A goal-table header whose values go to `extra` ("Nykyarvo", "Tila", "Målvärde");
    a compound written with a hyphen ("Tavoite-taso") is the same header."""
    if not text:
        return False
    key = header_key(text)
    return key in _budget_vocabulary()[0] or key.replace("-", "") in _budget_vocabulary()[0]


def is_known_header(text: str | None) -> bool:
    """Any listed header: a field's synonym or a goal table's value header (exact keys only)."""
    return match_field(text, fuzzy=False) is not None or is_value_header(text)


def strip_unit_label(text: str) -> tuple[bool, str]:
    """("Tulosalue 100 Vaalit") -> (True, "100 Vaalit"); a text without a unit label is returned as is."""
    low = text.lower()
    for label in _budget_vocabulary()[1]:
        if low.startswith(label) and (len(text) == len(label) or not text[len(label)].isalnum()):
            rest = text[len(label):].strip(" :\t")
            return True, rest
    return False, text


def status_key() -> str:
    """The `extra` key of a status column printed without a header of its own."""
    return _budget_vocabulary()[2]
