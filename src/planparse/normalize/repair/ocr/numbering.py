"""OCR's misread goal and action numbers, put right from the document's own numbering.

At 150 dpi Tesseract reads a Roman goal number's strokes as digits or look-alike letters
("1", "111", "Il", "IIL"), a goal's "1" or "2" as "4" or "Z", an action's "1.2" as "12".
None of it can be undone from a single cell; the records of the whole document can: the
numbering counts (I, II, III; 1, 2, 3 within a section; 1.1, 1.2, 1.3 under a goal) and a
goal printed in every row is read alike most of the time.  Each repair below looks at the
records' ids and goal texts together and changes only what the count or the majority
settles; `repair_numbering` runs them in order.  OCR text only (RawDocument.ocr).
"""

from __future__ import annotations

import re
from typing import Sequence

from planparse.model import Record


def repair_numbering(records: Sequence[Record]) -> None:
    """Every numbering repair of this module, in order, on `records` (changed in place)."""
    for rec, ident in zip(records, roman_goal_ids([r.goal_id for r in records])):
        rec.goal_id = ident  # "1" and "111" among goals numbered I, II, III
    ids, goals = roman_goal_prefixes([r.goal_id for r in records], [r.goal for r in records])
    for rec, ident, goal in zip(records, ids, goals):
        rec.goal_id, rec.goal = ident, goal
    ids, goals = counted_roman_goals([r.goal_id for r in records], [r.goal for r in records])
    for rec, ident, goal in zip(records, ids, goals):  # "IIL Jokaisella ..." among goals I, II, IV, V
        rec.goal_id, rec.goal = ident, goal
    for rec, ident in zip(records, dotted_action_ids([r.goal_id for r in records], [r.action_id for r in records])):
        rec.action_id = ident
    for rec, goal in zip(records, majority_goals([r.goal_id for r in records], [r.goal for r in records])):
        rec.goal = goal
    for rec, ident in zip(records, counted_goal_ids([r.goal_id for r in records], [r.goal for r in records], [r.section for r in records])):
        rec.goal_id = ident  # "4", "Z" for 1 and 2 in a section counting its goals 1, 2, 3, ...
    for rec, section in zip(records, section_numbers([r.section for r in records])):
        rec.section = section  # "PÄÄTAVOITE 1: Lasten ..." beside "PÄÄTAVOITE I: Lasten ..."


_ROMAN_ID = re.compile(r"^(?:I{1,3}|I?V|VI{1,3}|I?X|XI{1,3})$")
_STROKES = re.compile(r"^[1lI|]{1,3}$")
ROMAN_IDS = 2  # distinct Roman goal ids that make the document's numbering Roman


def roman_goal_ids(ids: list[str | None]) -> list[str | None]:
    """Goal ids with a Roman number read as digits or look-alike strokes ("1", "111", "Il")
    put right, where the document numbers its goals in Roman (ROMAN_IDS distinct ones) and a
    neighbouring record, a row of the same goal, carries the number the strokes make.

    At 150 dpi Tesseract reads a goal's "I." as "1." and "III." as "111." (`roman_numeral`
    leaves digits as printed: "11." alone is eleven); beside "I" and "III" rows they are no
    Arabic numbers."""
    if len({i for i in ids if i and _ROMAN_ID.match(i)}) < ROMAN_IDS:
        return ids
    out = list(ids)
    for k, ident in enumerate(ids):
        if not ident or not _STROKES.match(ident) or set(ident) == {"I"}:
            continue
        strokes = "I" * len(ident)
        if any(0 <= j < len(ids) and ids[j] == strokes for j in (k - 1, k + 1)):
            out[k] = strokes
    return _counted_strokes(out)


_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _counted_strokes(ids: list[str | None]) -> list[str | None]:
    """Stroke ids ("1", "11") whose Roman reading the numbering's count puts between its
    neighbouring goals: the goal after "11" is "III", so "11" is II; then "1" before II is I.
    (@fin-150 read every row of goals I and II as "1" and "11", none left to stand beside.)"""
    out = list(ids)
    changed = True
    while changed:
        changed = False
        runs = [(k, ident) for k, ident in enumerate(out) if ident and (k == 0 or out[k - 1] != ident)]
        for r, (k, ident) in enumerate(runs):
            if not _STROKES.match(ident) or set(ident) == {"I"}:
                continue
            n = len(ident)
            before = runs[r - 1][1] if r > 0 else None
            after = runs[r + 1][1] if r + 1 < len(runs) else None
            if after == _ROMANS[n] or (n >= 2 and before == _ROMANS[n - 2]):
                for j in range(k, len(out)):
                    if out[j] != ident:
                        break
                    out[j] = "I" * n
                changed = True
    return out


_STROKE_PREFIX = re.compile(r"^([IlL1|]{1,3})\s+(?=[A-ZÅÄÖ][a-zåäö])")


def roman_goal_prefixes(ids: list[str | None], goals: list[str | None]) -> tuple[list[str | None], list[str | None]]:
    """A goal whose Roman number OCR read without its stop ("I Perheet saavat...", "IIL
    Jokaisella...") left as the goal's first word: its number, where a neighbouring record, a
    row of the same goal, carries the number the strokes make, and the document numbers its
    goals in Roman.  (A bare capital I before text is a word to `split_numbering`.)"""
    if len({i for i in ids if i and _ROMAN_ID.match(i)}) < ROMAN_IDS:
        return ids, goals
    out_ids, out_goals = list(ids), list(goals)
    for k, (ident, goal) in enumerate(zip(ids, goals)):
        match = _STROKE_PREFIX.match(goal or "") if not ident else None
        if not match:
            continue
        strokes = "I" * len(match.group(1))
        if any(0 <= j < len(ids) and ids[j] == strokes for j in (k - 1, k + 1)):
            out_ids[k], out_goals[k] = strokes, goal[match.end():]
    return out_ids, out_goals


# a goal's Roman number left as its first word with its stop misread (a comma, or an "L" the
# last stroke and the stop make): "I, Perheet", "IIL Jokaisella", "VL Nuorten", "VIL. Nuorten"
_ROMAN_PREFIX = re.compile(r"^([IVXLl|1]{1,4})[.,]?\s+(?=[A-ZÅÄÖ][a-zåäö])")


def _one_edit(a: str, b: str) -> bool:
    """Are `a` and `b` one inserted, dropped or changed letter apart (or alike)?"""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


ROMAN_COUNTED = 2  # goals in their place in the Roman count, besides the others all one stroke off


def _same_goal(a: str | None, b: str | None) -> bool:
    """Two OCR readings of one printed goal (a grid prints it in every row, each read on its
    own: "... saatavilla." beside "... saatavilla"), within SAME_GOAL."""
    from rapidfuzz import fuzz

    return a == b or bool(a and b) and fuzz.ratio(a, b) >= 100 * SAME_GOAL


def counted_roman_goals(ids: list[str | None], goals: list[str | None]) -> tuple[list[str | None], list[str | None]]:
    """Goals numbered I, II, III, ... through the document whose number OCR misread: "I" for
    II, or the number left in the goal's text with its stop misread ("IIL Jokaisella ...",
    "VL Nuorten ...").  Consecutive records of one goal (one id, texts read alike) are one goal.  Where at least
    ROMAN_COUNTED goals carry their place in the count as a Roman id and every other goal's
    id, or its text's opening strokes (l, |, 1 and L as I), reads one stroke from its place's
    number, those take their numbers and the strokes leave their text; one goal that reads
    otherwise (no number, another number) and nothing changes."""
    places: list[list[int]] = []
    for i, goal in enumerate(goals):
        if not goal:
            continue
        if places and ids[places[-1][-1]] == ids[i] and _same_goal(goals[places[-1][-1]], goal):
            places[-1].append(i)
        else:
            places.append([i])
    if len(places) > len(_ROMANS):
        return ids, goals
    read = [ids[p[0]] for p in places]
    fits = [r == _ROMANS[n] for n, r in enumerate(read)]
    if sum(fits) < ROMAN_COUNTED:
        return ids, goals
    fixes: list[tuple[int, re.Match[str] | None]] = []
    for n, p in enumerate(places):
        if fits[n]:
            continue
        want, ident, goal = _ROMANS[n], read[n], goals[p[0]] or ""
        match = _ROMAN_PREFIX.match(goal) if ident is None else None
        strokes = match.group(1) if match else ident
        if strokes is None or ident is not None and not _ROMAN_ID.match(ident):
            return ids, goals  # a goal that does not read as its place's number: no count
        if not _one_edit(re.sub(r"[lL|1]", "I", strokes), want):
            return ids, goals
        fixes.append((n, match))
    out_ids, out_goals = list(ids), list(goals)
    for n, match in fixes:
        for i in places[n]:
            out_ids[i] = _ROMANS[n]
            if match:
                out_goals[i] = (goals[i] or "")[match.end() :]
    return out_ids, out_goals


_TWO_DIGITS = re.compile(r"^(\d)(\d)$")


def dotted_action_ids(goal_ids: list[str | None], ids: list[str | None]) -> list[str | None]:
    """Action ids whose stop OCR lost ("12" printed "1.2", small type at 150 dpi) put right
    where the numbering says so: the record's goal is the first digit, and the action before
    it in the goal is the one before ("1.1") or the one after it the next ("1.3")."""
    out = list(ids)
    for k, ident in enumerate(ids):
        match = _TWO_DIGITS.match(ident or "")
        if not match or goal_ids[k] != match.group(1):
            continue
        head, n = match.group(1), int(match.group(2))
        before = ids[k - 1] if k > 0 and goal_ids[k - 1] == head else None
        after = ids[k + 1] if k + 1 < len(ids) and goal_ids[k + 1] == head else None
        if before == f"{head}.{n - 1}" or after == f"{head}.{n + 1}":
            out[k] = f"{head}.{n}"
    return out


COUNTED = 3  # goals of a section whose ids count 1, 2, 3, ... from its first goal that make a count


def counted_goal_ids(ids: list[str | None], goals: list[str | None], sections: list[str | None]) -> list[str | None]:
    """Goal ids of a section whose goals count up from 1 put right where OCR misread the
    number or lost it ("1" read as "4", "2" as "Z" or as "5" beside a "5" read as "2").

    Consecutive records of one goal text are one goal.  Where at least COUNTED of a
    section's goals, and half of them at least, carry their place in the count, the others
    take theirs -- unless a wrong id goes on counting from its neighbour (1, 2, 3, 5, 6:
    goal 4 is missing, the numbers are as printed)."""
    out = list(ids)
    k = 0
    while k < len(ids):
        j = k
        while j < len(ids) and sections[j] == sections[k]:
            j += 1
        places: list[list[int]] = []  # record indices of each goal of the section, in order
        for i in range(k, j):
            if not goals[i]:
                continue
            if places and goals[places[-1][-1]] == goals[i] and ids[places[-1][-1]] == ids[i]:
                places[-1].append(i)
            else:
                places.append([i])
        _count_places(places, ids, out)
        k = j
    return out


def _count_places(places: list[list[int]], ids: list[str | None], out: list[str | None]) -> None:
    """Put the counted ids of one section's goals (record indices per goal) into `out`."""
    read = [ids[p[0]] for p in places]
    fits = [r == str(n) for n, r in enumerate(read, start=1)]
    if sum(fits) < COUNTED or 2 * sum(fits) < len(read):
        return
    for n, r in enumerate(read):
        if fits[n] or (r is not None and len(r) > 2):
            continue
        if r is not None and r.isdigit():
            for m in (n - 1, n + 1):  # a number counting on from its (wrong) neighbour: a gap in the count
                if 0 <= m < len(read) and not fits[m] and read[m] is not None and read[m].isdigit() and int(read[m]) - int(r) == m - n:
                    return
    for n, p in enumerate(places):
        if not fits[n] and (read[n] is None or len(read[n]) <= 2):
            for i in p:
                out[i] = str(n + 1)


SAME_GOAL = 0.9  # character ratio: two OCR readings of one printed goal


def majority_goals(ids: list[str | None], goals: list[str | None]) -> list[str | None]:
    """Goal texts of consecutive records with one goal id, each an OCR reading of the same goal
    printed again in every row (a grid that repeats the goal), put to the reading most of them
    give ("ennaltaehkäiseväsä" beside two "ennaltaehkäisevästi"): a misreading is seldom read
    twice alike.  Readings that differ more than a letter or two (SAME_GOAL) are goals of their
    own; without a strict majority nothing changes."""
    from collections import Counter

    from rapidfuzz import fuzz

    out = list(goals)
    k = 0
    while k < len(ids):
        j = k + 1
        while j < len(ids) and ids[j] and ids[j] == ids[k] and goals[j] and goals[k] and fuzz.ratio(goals[j], goals[k]) >= 100 * SAME_GOAL:
            j += 1
        if ids[k] and j - k >= 3:
            text, n = Counter(goals[k:j]).most_common(1)[0]
            if 2 * n > j - k:
                out[k:j] = [text] * (j - k)
        k = j
    return out


_ROMAN_TOKEN = re.compile(r"^(I{1,3}|I?V|VI{1,3}|I?X)([:.])$")  # a section's number: "II:", "IV."
_STROKE_TOKEN = re.compile(r"^([1lI|]{1,3})([:.])$")


def section_numbers(sections: list[str | None]) -> list[str | None]:
    """Section headings whose Roman number OCR misread or lost, put right from the same heading
    read elsewhere in the document (printed again over the table overleaf): "PÄÄTAVOITE 1: Lasten
    ..." and "PÄÄTAVOITE Lasten ..." beside "PÄÄTAVOITE I: Lasten ...", where the document numbers
    its sections in Roman (ROMAN_IDS distinct numbers).  The readings must be alike word for word
    but for the number: its strokes read as digits or look-alikes ("1:" for "I:", "11." for
    "II."), or the number left out."""
    texts = [s for s in dict.fromkeys(sections) if s]
    numbered: dict[tuple[int, tuple[str, ...]], str] = {}
    romans = set()
    for text in texts:
        words = text.split()
        for k, word in enumerate(words):
            match = _ROMAN_TOKEN.match(word)
            if match:
                romans.add(match.group(1))
                numbered.setdefault((k, tuple(words[:k] + words[k + 1 :])), text)
                break
    if len(romans) < ROMAN_IDS:
        return sections
    fixed: dict[str, str] = {}
    for text in texts:
        words = text.split()
        if any(_ROMAN_TOKEN.match(w) for w in words):
            continue
        for k in range(len(words) + 1):  # the number lost at k, or its strokes misread there
            lost = numbered.get((k, tuple(words)))
            stroke = _STROKE_TOKEN.match(words[k]) if k < len(words) else None
            misread = numbered.get((k, tuple(words[:k] + words[k + 1 :]))) if stroke else None
            if misread and _ROMAN_TOKEN.match(misread.split()[k]).group(1) != "I" * len(stroke.group(1)):
                misread = None  # (the strokes must count the same number)
            if lost or misread:
                fixed[text] = lost or misread
                break
    return [fixed.get(s, s) if s else s for s in sections]
