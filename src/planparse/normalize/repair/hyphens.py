"""Line-break hyphens: join a paragraph's printed lines into running text.

Each break ("<left>-" at a line end, "<right>" starting the next line) gets a
decision with a reason (for debugging, `repair-text -v` and
tools/breaks/measure.py):

  attach     a lone "-" at the line end attaches to the next word (sekä -kulttuuria)
  dash       ... unless that word is capitalised or a number; also a hyphen before a
             bullet or sign: the text stays as printed, with a space
  suspended  "X-" before ja/tai/sekä/... (och/eller/samt; data/function_words.yaml) keeps its space
             (viestintä- ja markkinointi); but `toimi-`+`ja` is the word toimija
  keep       a real hyphen
  join       a hyphen that only split a word (tie- topohjan -> tietopohjan)

A hyphen the rules would keep as a compound hyphen, at the end of a line the
writer ended short (the extractor's `Line.ends_short`: the next word would
have fitted on it), is printed text: it stays as printed, with a space
(`printed_dash`).  A one-word line as wide as its cell (`Line.fills_cell`)
may end in a word cut without any hyphen ("Ositt" / "ain"): joined when the
spell checker knows the joined word and not the left piece (`cut_without_hyphen`).

Decision order (measured on the seeds' 1142 real breaks, tools/breaks/):
  1. suspended hyphens (unless Voikko reads the joined form as a word of its own);
  2. number ranges (an en dash if the document writes ranges with one), month
     ranges (tammi-huhtikuussa);
  3. the document's own unbroken spelling (DocumentEvidence); then a break inside a
     name written with an inner capital (data/camel_case_names.txt: Info- / Finlandin);
  4. Voikko on the joined and the hyphenated spelling (in an OCR-damaged document
     as OCR repair restores them); a name Voikko does not know inside a hyphen
     chain (Kieli-Peda-työväline) and a case form that starts no compound
     (ostopalveluna-toteutettava) keep the hyphen;
  5. spelling rules: same vowel across the hyphen (tasa-arvo, Finnish only), an
     acronym or number side, a one-letter or vowel-less left side, an abbreviation
     stem (data/abbreviations.txt), a capitalised right side, a camel-case or
     unknown capitalised name mid-sentence; otherwise join.
A frequency list never votes: it holds web misspellings (tasaarvo) and breaks
compounds apart.  Swedish has no spell checker here: evidence and rules decide.

Interface (stable):
    join_lines(lines, lang="fi", evidence=None) -> str
    decide_break(left, right, lang="fi", evidence=None, ...) -> BreakDecision
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence
from importlib import resources

from planparse.normalize.repair.evidence import DocumentEvidence
from planparse.normalize.repair.language import function_words
from planparse.normalize.repair.lexicon import Lexicon, get_lexicon
from planparse.normalize.repair.ocr.text import repair_word
from planparse.normalize.text import LINE_END_HYPHENS

EN_DASH = "\u2013"
_VOWELS = set("aeiouyäöå")
_LEADING = re.compile(r"^[^\w]*")
_CORE_RIGHT = re.compile(r"^[^\W_]+")
_CORE_LEFT = re.compile(r"[^\W_]+$")
_CAMEL = re.compile(r"[a-zäöå][A-ZÄÖÅ]")
_SENTENCE_END = re.compile(r"(^|[.!?:;•]\s*|\(\s*|^\s*[-–*•o]\s+|^\s*\d+(\.\d+)*\.?\s+)$")


@dataclass(frozen=True)
class BreakDecision:
    """What to do with one line-break hyphen, and why."""

    kind: str  # "join" | "keep" | "suspended" | "attach" | "dash"
    reason: str
    dash: str = "-"  # the hyphen kept for "keep" (an en dash for ranges when the document uses them)

    def seam(self, left_line: str, right_line: str) -> str:
        """`left_line` (ending in the hyphen) and `right_line` joined per this decision."""
        base = left_line.rstrip()[:-1]
        right_line = right_line.lstrip()
        if self.kind == "join":
            return base + right_line
        if self.kind == "keep":
            return base + self.dash + right_line
        if self.kind in ("suspended", "dash"):
            return base + "- " + right_line
        return base + "-" + right_line  # attach: "sekä -" + "kulttuuria"


def _data_words(name: str) -> frozenset[str]:
    text = resources.files("planparse.normalize").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def abbreviation_stems() -> frozenset[str]:
    """Lower-case stems from data/abbreviations.txt (sote, hyte, yhta, ...)."""
    return _data_words("abbreviations.txt")


@lru_cache(maxsize=1)
def month_stems() -> frozenset[str]:
    """First parts of month names from data/month_stems.txt (tammi, helmi, ...)."""
    return _data_words("month_stems.txt")


@lru_cache(maxsize=1)
def camel_case_names() -> tuple[str, ...]:
    """Names with an inner capital (InfoFinland, YouTube) from data/camel_case_names.txt, as spelled."""
    text = resources.files("planparse.normalize").joinpath("data/camel_case_names.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _inside_camel_name(l_core: str, r_core: str) -> str | None:
    """The listed camel-case name that a break falls inside ("Info-" / "Finlandin": InfoFinland), if any."""
    joined = l_core + r_core
    return next((name for name in camel_case_names() if len(l_core) < len(name) <= len(joined) and joined.startswith(name)), None)


def _is_month_range(l_core: str, r_core: str) -> bool:
    """tammi- + huhtikuussa: a range of months, not a compound."""
    stems = month_stems()
    right = r_core.lower()
    return l_core.lower() in stems and any(right.startswith(s + "kuu") for s in stems)


def _is_acronym(word: str) -> bool:
    """EU, HUS, S2, H1N1: upper-case letters (two or more, or one with digits)."""
    letters = [c for c in word if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return False
    return len(letters) >= 2 or any(c.isdigit() for c in word)


def _lemma_is(lexicon: Lexicon, word: str) -> bool:
    """Is `word` a base form of itself (toimija), not an inflection (palvelu+ja)?"""
    return word.lower() in lexicon.lemmas(word)


MIN_PART = 3  # letters of each part of a compound after a suspended hyphen


def _word_after(right: str, lang: str = "fi") -> str:
    """The word after the conjunction that opens the right line, letters only ("" if none).

    In a chain of suspended parts ("ja kuulemis- ja palautekäytäntöjä") the word
    that completes them is the chain's last one."""
    tokens = right.strip().split()
    i = 1
    conjunctions = function_words("suspended_before", lang)
    while i + 2 < len(tokens) and tokens[i][-1:] in LINE_END_HYPHENS and tokens[i + 1].lower() in conjunctions:
        i += 2
    if len(tokens) <= i:
        return ""
    word = tokens[i].strip(",.;:()\"'")
    return word if word.isalpha() else ""


def _completes(lexicon: Lexicon, part: str, compound: str) -> bool:
    """Could `compound` complete the suspended `part` ("tukimuodot" -> palvelumuodot): its
    head, after a first part that is a word, makes a word with `part`?  A word whose
    parts the lexicon cannot tell counts as completing it (no evidence)."""
    if len(compound) < 2 * MIN_PART or not lexicon.is_word(compound):
        return True
    if any(
        lexicon.is_word(compound[:k]) and lexicon.is_word(part + compound[k:])
        for k in range(MIN_PART, len(compound) - MIN_PART + 1)
    ):
        return True
    # a first part that is no word of its own ("kotouttamis|politiikan"): where the
    # lexicon says the compound's last part starts (maahanmuutto- ja kotouttamispolitiikan)
    last = lexicon.last_part_start(compound)
    return last >= MIN_PART and lexicon.is_word(part + compound[last:])


def decide_break(
    left: str,
    right: str,
    lang: str = "fi",
    evidence: DocumentEvidence | None = None,
    lexicon: Lexicon | None = None,
    *,
    sentence_start: bool = False,
) -> BreakDecision:
    """Decide one break: `left` is the left line (or its last token) ending in the
    hyphen, `right` the next line (or its first token).  `sentence_start` tells
    that the left word begins a sentence (its capital letter says nothing then)."""
    left_tok = left.rstrip().split()[-1] if left.strip() else ""
    right_tok = right.strip().split()[0] if right.strip() else ""
    if not left_tok or not right_tok:
        return BreakDecision("join", "empty side")
    if lexicon is None:
        lexicon = get_lexicon(lang if lang in ("fi", "sv") else "fi")
    hyphen = left_tok[-1]
    if len(left_tok) == 1:
        if not right_tok[0].islower():
            # "- Kertynyt", "- 2": a dash or a list bullet before a new item, not a word part
            return BreakDecision("dash", "lone hyphen before a capital, digit or sign is a dash")
        return BreakDecision("attach", "lone hyphen at line end attaches to the next word")
    m_left = _CORE_LEFT.search(left_tok[:-1])
    m_right = _CORE_RIGHT.search(right_tok)
    l_core = m_left.group(0) if m_left else ""
    r_core = m_right.group(0) if m_right else ""
    if not r_core:
        # "toteutunut-" / "• seuraava": no word continues, keep the text as printed with a space
        return BreakDecision("dash", "the next line does not start with a word")
    if not l_core:
        # "poliisilaitos/-" / "organisaatio": the hyphen belongs to the word that follows
        return BreakDecision("keep", "no word before the hyphen")
    joined, hyphenated = l_core + r_core, l_core + "-" + r_core

    # 1. suspended hyphen before a conjunction
    # (a conjunction that ends the sentence, "toimintatapo-" + "ja.", is a word's end)
    if r_core.lower() in function_words("suspended_before", lang) and r_core == right_tok:
        if lexicon.has_spellchecker and lexicon.is_word(joined):
            if _lemma_is(lexicon, joined):
                return BreakDecision("join", f"lexicon: {joined} is a word, not a suspended hyphen")
            if not lexicon.is_word(l_core):
                # toimintatapo- + ja: the left side is no word, only a stem of the joined one
                # (a suspended hyphen follows a word or a compound start: palvelu-, kehittämis-)
                return BreakDecision("join", f"lexicon: {joined} is a word and {l_core} starts no compound")
            after = _word_after(right, lang)
            conjunction = after.lower() in function_words("suspended_before", lang)  # palvelu- + ja ja
            if after and (conjunction or not _completes(lexicon, l_core, after)):
                # palvelu- + ja tietoisuutta: a suspended part is completed by the compound
                # after the conjunction (palvelu- ja tukimuodot: palvelumuodot)
                return BreakDecision("join", f"lexicon: {joined} is a word and '{after}' completes no {l_core}-")
        if evidence is not None and evidence.count(joined) and not lexicon.has_spellchecker and joined.lower().endswith(("ja", "jä")) and _agent_noun(l_core):
            return BreakDecision("join", f"document prints {joined} unbroken")
        return BreakDecision("suspended", f"hyphen before '{r_core}' is suspended")

    # 2. number ranges
    if l_core[-1].isdigit() and r_core[0].isdigit():
        dash = EN_DASH if hyphen == EN_DASH or (evidence is not None and evidence.prefers_en_dash_ranges) else "-"
        return BreakDecision("keep", "number range", dash)

    if lang == "fi" and _is_month_range(l_core, r_core):
        return BreakDecision("keep", "range of months")

    # 3. the document's own unbroken spelling
    if evidence is not None:
        nj, nh = evidence.count(joined), evidence.count(hyphenated)
        if nj > nh:
            return BreakDecision("join", f"document prints {joined} unbroken ({nj}x)")
        if nh > nj:
            return BreakDecision("keep", f"document prints {hyphenated} unbroken ({nh}x)")
        if not nj and evidence.prints_seam(l_core + "-", r_core) and not evidence.prints_seam(l_core, r_core):
            # the same word broken elsewhere after the seam ("Majakka-kou-" / "lutusta"):
            # the hyphen at the seam is printed mid-line there
            return BreakDecision("keep", f"document prints {l_core}-{r_core[:3]}... hyphenated before another break")

    # a name with an inner capital (data/camel_case_names.txt) broken inside: a
    # hyphenator's break at the capital looks like Etelä-Pohjanmaa's real hyphen
    name = _inside_camel_name(l_core, r_core)
    if name is not None:
        return BreakDecision("join", f"{name} is a name written as one word (data/camel_case_names.txt)")

    # 4. the spell checker (a frequency list does not vote here); in a document
    #    that lost its ä/ö the spellings are checked as OCR repair would restore them
    damaged = evidence is not None and evidence.ocr_damaged and lang == "fi"
    if lexicon.has_spellchecker and (damaged or (l_core.isalpha() and r_core.isalpha())):
        if damaged:
            joined, hyphenated = repair_word(joined, lexicon), repair_word(hyphenated, lexicon)
        jw, hw = lexicon.is_word(joined), lexicon.is_word(hyphenated)
        in_chain = "-" in left_tok[:-1]
        name_like = len(l_core) >= 3 and l_core[0].isupper() and not l_core.isupper() and not (damaged and l_core[0] == "I")
        if in_chain and name_like and _name_and_word(l_core, r_core, lexicon):
            return BreakDecision("keep", "a name the lexicon does not know, joined to a word (Kieli-Peda-työväline)")
        if hw and not jw:
            return BreakDecision("keep", f"lexicon: {hyphenated} is a word, {joined} is not")
        if jw:
            return BreakDecision("join", f"lexicon: {joined} is a word")
        if not damaged and lexicon.is_word(r_core) and lexicon.starts_no_compound(l_core):
            # an essive, partitive, ... does not begin a compound, so the hyphen was
            # printed between two words (ostopalveluna-toteutettava)
            return BreakDecision("keep", f"lexicon: {l_core} is a form that starts no compound")

    # the document prints the seam closed up where the same word breaks elsewhere
    if evidence is not None and evidence.prints_seam(l_core, r_core) and not evidence.prints_seam(l_core + "-", r_core):
        return BreakDecision("join", f"document prints {l_core}{r_core[:3]}... closed up before another break")

    # 5. spelling rules
    return _rule_decision(l_core, r_core, lang, lexicon, evidence, sentence_start)


def _agent_noun(l_core: str) -> bool:
    # "toimi-ja", "osallistu-ja": a verb stem before -ja/-jä makes an agent noun.
    return len(l_core) >= 4 and l_core[-1].lower() in "aeiouyäö"


_ONSET = re.compile(r"^[^aeiouyäöå]{4}", re.IGNORECASE)


def _initialism(l_core: str) -> bool:
    """Is the left side lower-case and does it open with four consonants (hbtqi)?  No
    Finnish or Swedish word does (their onsets have three at most: strategia, sprida), so
    it is an initialism written in lower case, which joins the next word with a real
    hyphen.  (Names and mixed case, Schweinfurtin, NPSpositiivisesti, are no initialisms.)"""
    return l_core.isalpha() and l_core.islower() and bool(_ONSET.match(l_core))


def _cut_letter_string(l_core: str, r_core: str, lexicon: Lexicon) -> bool:
    """Is a vowel-less left side the start of one lower-case letter string the lexicon
    knows whole, cut by a hyphenator ("hb-" / "tqi-frågor": hbtqi; LibreOffice's
    hyphen-sv patterns cut letter strings that are no syllables), rather than an
    abbreviation joined to a word (sql-tiedosto, where tiedosto is a word)?  A right piece
    shorter than a compound's part ("hbt-" / "qi-frågor") is no word joined there either,
    even where a frequency list knows it as a string of its own."""
    if not (l_core.islower() and r_core.islower()):
        return False
    return lexicon.is_word(l_core + r_core) and (len(r_core) < MIN_PART or not lexicon.is_word(r_core))


def _name_and_word(l_core: str, r_core: str, lexicon: Lexicon) -> bool:
    """Is the left side a name the lexicon does not know, and the right side a word of its own?"""
    if lexicon.has_spellchecker:
        return not lexicon.is_word(l_core) and bool(lexicon.is_word(r_core))
    return False  # without a spell checker a name cannot be told from a capitalised word


def _rule_decision(
    l_core: str, r_core: str, lang: str, lexicon: Lexicon, evidence: DocumentEvidence | None, sentence_start: bool
) -> BreakDecision:
    l_chk, r_chk = l_core, r_core
    if evidence is not None and evidence.ocr_damaged and lang == "fi":
        # compare the vowels as OCR repair restores them (tyo-otetta is työ+ote)
        l_chk, r_chk = repair_word(l_core, lexicon), repair_word(r_core, lexicon)
        if r_chk[0] == "I" and len(r_chk) > 1 and not r_chk.isupper():
            r_chk = "l" + r_chk[1:]  # OCR reads l as I
    if lang == "fi" and l_chk[-1].lower() == r_chk[0].lower() and l_chk[-1].lower() in _VOWELS:
        return BreakDecision("keep", "rule: same vowel meets across the hyphen")
    if _is_acronym(l_chk) or _is_acronym(r_chk) or l_chk.isdigit() or r_chk.isdigit():
        return BreakDecision("keep", "rule: a side is an acronym or a number")
    if len(l_core) == 1:
        return BreakDecision("keep", "rule: a one-letter left side is a prefix, not a syllable (e-tjänster, e-kirja)")
    if l_core.lower() in abbreviation_stems():
        return BreakDecision("keep", f"rule: '{l_core.lower()}' is an abbreviation stem")
    if l_chk.isalpha() and not any(c in _VOWELS for c in l_chk.lower()):
        if _cut_letter_string(l_core, r_core, lexicon):
            return BreakDecision("join", f"rule: {l_core}{r_core} is a word and {r_core} no part of a compound: a hyphenator cut it (hb-tqi)")
        return BreakDecision("keep", "rule: the left side has no vowel, so it is no syllable (sql-tiedosto)")
    if _initialism(l_chk):
        return BreakDecision("keep", "rule: the left side opens with four consonants, so it is letters, not a syllable (hbtqi-frågor)")
    if _CAMEL.search(l_core) and (lexicon.is_word(r_core) if lexicon.has_spellchecker else len(r_core) >= 5):
        return BreakDecision("keep", "rule: a camel-case name joined to a word (pgAdmin-työkalu)")
    if r_chk[0].isupper():
        return BreakDecision("keep", "rule: right side is capitalised")
    if not sentence_start and l_core[0].isupper() and not l_core.isupper() and _name_and_word(l_core, r_core, lexicon):
        return BreakDecision("keep", "rule: a name mid-sentence joined to a word (Alvari-perhetyö)")
    return BreakDecision("join", "rule: a plain word split across lines")


def printed_dash(left_tok: str, right: str, decision: BreakDecision, lexicon: Lexicon | None = None) -> BreakDecision:
    """The decision for a hyphen at the end of a line that ended short (the next word would have fitted).

    The writer ended that line, so a hyphen the rules would keep as a compound
    hyphen is printed text ("Toteutuu-" / "Quick ratio 2,6"), kept with a
    space.  A join stays a join: a word cut by hand where the typesetter's frame
    is narrower than the ruled cell ("henkilösivu-" / "kulujen") looks short
    too.  A lone dash, a number, an acronym side and a hyphenated spelling the
    lexicon knows keep their decision.
    """
    if decision.kind != "keep" or len(left_tok) == 1:
        return decision
    m_left, m_right = _CORE_LEFT.search(left_tok[:-1]), _CORE_RIGHT.search(right.strip())
    if not m_left or not m_right:
        return decision
    l_core, r_core = m_left.group(0), m_right.group(0)
    if not (l_core.isalpha() and r_core.isalpha()) or _is_acronym(l_core) or _is_acronym(r_core):
        return decision
    if lexicon is not None and lexicon.has_spellchecker and lexicon.is_word(l_core + "-" + r_core):
        return decision
    return BreakDecision("dash", "the line ended short of the cell's edge although the next word would have fitted")


_DIGITS_END = re.compile(r"\d+$")
_LETTERS_THEN_DIGITS = re.compile(r"^[^\W\d_]+(?=\d+\W*$)")  # "unta" of "unta10", "unta10)."
_DAY_END = re.compile(r"(?:^|[^\w.])\d{1,2}\.$")  # "25." or "(25." ending a line: a day (or month)
_DATE_REST = re.compile(r"^\d{1,2}\.\d{2,4}\b")  # "11.2021", "12.2023):" -- month and year
_DAY_MONTH_END = re.compile(r"(?:^|[^\w.])\d{1,2}\.\d{1,2}\.$")  # "(25.11." ending a line: a day and month
_YEAR_REST = re.compile(r"^\d{4}\b")  # "2021-23.12.20" -- a year
_PUNCT_OPENS = re.compile(r"^[./]-?[^\W_]")  # a period or slash right before a letter or digit (or a hyphen: ".-luokkalaiset")
_DIGITS_START = re.compile(r"^\d+")


def _seam_tokens(left: str, right: str) -> tuple[str, str]:
    """The last token before a line break and the first after it ("" for an empty side)."""
    left_words, right_words = left.split(), right.split()
    return (left_words[-1] if left_words else "", right_words[0] if right_words else "")


def _seam_cores(left_tok: str, right_tok: str, *, letters_then_digits: bool = False) -> tuple[str, str] | None:
    """The letters either side of a break that could be one word cut in two: the left
    token's last run of letters, which must end it, and the right token's first, which must
    open in lower case ("lapsi/nuoris" / "otoimijat" gives "nuoris", "otoimijat").
    `letters_then_digits` lets the right run stop at a number the word carries ("K" /
    "unta10"), which only the full-line cut (`cut_without_hyphen`) may take; None when
    either side is no such run."""
    m_left, m_right = _CORE_LEFT.search(left_tok), _CORE_RIGHT.search(right_tok)
    if letters_then_digits and m_right and not m_right.group(0).isalpha():
        m_right = _LETTERS_THEN_DIGITS.match(right_tok)
    if not m_left or not m_right or m_left.end() != len(left_tok):
        return None
    l_core, r_core = m_left.group(0), m_right.group(0)
    if not (l_core.isalpha() and r_core.isalpha() and r_core[0].islower()):
        return None
    return l_core, r_core


def cut_without_hyphen(left: str, right: str, lexicon: Lexicon, evidence: DocumentEvidence | None = None) -> bool:
    """Was a word wider than its cell cut at a full line's end without a hyphen ("Ositt" / "ain")?

    The geometry (`Line.fills_cell`) says a cut is possible; what was cut says
    whether it was one.  A number cut inside its digits ("2025–2" / "026",
    "202" / "0 alkaen", "Kunta1" / "0") closes up when its two digit runs make
    at most four digits or the right one starts with 0 (two numbers in a row,
    "2024" / "2025", stay apart, and so do two lines of a lone number each,
    "922" / "176", unless the second starts with 0).  A word: joined when the document prints the
    joined word unbroken somewhere; else the spell checker decides: the joined
    word must be a word and one piece not ("1.si" / "ja" is 1.sija,
    "nuorisotoimi" / "jat" is nuorisotoimijat; "Toteutunut" / "osittain" and
    "Valmis" / "osin" stay two words).  Without a spell checker (Swedish) a
    frequency list stands in for the geometry's cut only: it must know the
    joined word and not the left piece ("Kollektivtrafike" / "n").  Neither
    piece a word and the joined form unknown too ("LNPs" / "os",
    "Sysselsättnin" / "gstjänster"): the pieces of one word the lexicon does
    not know (`_neither_piece_a_word`).  Both pieces words: joined only when
    they are two nominative nouns cut exactly at the joined compound's seam
    ("nuoriso" / "toimijat"; "Valmis" / "osin" stays a phrase).
    """
    left_tok, right_tok = _seam_tokens(left, right)
    if _PUNCT_OPENS.match(right_tok) and left_tok[-1:].isalnum():
        return True  # ".2023):", "/arkikuntoutus", ".-luokkalaist": no word opens with a period or slash -- a cut token
    if _DAY_END.search(left_tok) and _DATE_REST.match(right_tok):
        return True  # "(25." / "11.2021-23.": a date cut after its day
    if _DAY_MONTH_END.search(left_tok) and _YEAR_REST.match(right_tok):
        return True  # "(25.11." / "2021-23.12.20": a date cut after its month (seed 21 turku-yhta 3292639a)
    d_left, d_right = _DIGITS_END.search(left_tok), _DIGITS_START.match(right_tok)
    if d_left and d_right:
        if left_tok.isdigit() and right.strip().isdigit() and not right.startswith("0"):
            return False  # two lines of a lone number each ("922" / "176", status "1" / "1"): a column of numbers
        return len(d_left.group(0)) + len(d_right.group(0)) <= 4 or d_right.group(0).startswith("0")
    cores = _seam_cores(left_tok, right_tok, letters_then_digits=True)  # "K" / "unta10": the word before its number
    if cores is None:
        return False
    l_core, r_core = cores
    if evidence is not None and l_core + r_core in evidence:
        return True
    if len(l_core) == 1 and l_core.islower() and left_tok[-2:-1] in ("-", "\u2010", "\u2011"):
        # "(sivi-s" / "ote-3.sektori)": a one-letter part after a hyphen is no part of a
        # compound but the first letter of the next one, cut where the line was full
        joined = l_core + r_core
        return lexicon.is_word(joined) if lexicon.has_spellchecker else lexicon.zipf(joined.lower()) >= 1.0
    if not lexicon.has_spellchecker:
        # no spell checker (Swedish): the frequency list knows the joined word and not the left piece
        # (the left piece asked first: a known one, the common case, is found early in the list,
        # while an unknown joined word reads all of it, see lexicon.FreqList)
        if lexicon.zipf(l_core.lower()) == 0.0 and lexicon.zipf((l_core + r_core).lower()) >= 1.0:
            return True
        if _long_known_whole(l_core, r_core, right_tok, lexicon):
            return True
        if _cut_inside_a_part(l_core, r_core, lexicon) and not (evidence is not None and evidence.ocr_damaged):
            return True
        return _neither_piece_a_word(l_core, r_core, right_tok, lexicon, evidence)
    if not lexicon.is_word(l_core + r_core):
        if _known_by_frequency_only(l_core, r_core, lexicon) and not (evidence is not None and evidence.ocr_damaged):
            return True
        return _neither_piece_a_word(l_core, r_core, right_tok, lexicon, evidence)
    if len(r_core) == 1 or not lexicon.is_word(l_core) or not lexicon.is_word(r_core):
        return True  # a one-letter tail ("nuorisotoimija" / "t") is no word of its own
    if len(l_core) == 1 and l_core.isupper():
        return True  # nor a capital letter alone before a lower-case rest ("K" / "unta10")
    # both pieces words: two nominative nouns cut exactly where the joined compound's last
    # part starts ("nuoriso" / "toimijat" is nuorisotoimijat; "Valmis" / "osin" is a phrase)
    # (the whole right word must be on its line: "malli" / "käytös-" / "sä" is no "käytös")
    return (
        not _continues_past(right_tok, r_core)
        and lexicon.is_nominative_noun(l_core, "singular")
        and lexicon.is_nominative_noun(r_core)
        and lexicon.last_part_start(l_core + r_core) == len(l_core)
    )


def _known_by_frequency_only(l_core: str, r_core: str, lexicon: Lexicon) -> bool:
    """With a spell checker that knows neither the left piece nor the whole: the frequency
    list knows the whole and not the left piece -- a compound's last part the spell checker
    takes only after its first ("8.–9.-luokkalaist" / "en osuus", seed 24 pihlajavesi
    d4407793: "luokkalaisten" is no word to Voikko, a common one to the frequency list)."""
    return lexicon.has_freq and lexicon.zipf(l_core.lower()) == 0.0 and lexicon.zipf((l_core + r_core).lower()) >= 1.0


LONG_CUT_WORD = 12  # letters: a word this long is wider than a narrow cell's line, and is cut in it


def _long_known_whole(l_core: str, r_core: str, right_tok: str, lexicon: Lexicon) -> bool:
    """Without a spell checker: both pieces words, but the frequency list knows the whole too
    and it is a long word ("Skolbibliotek" / "arie", "Förvaltnings" / "chef", "Kollektivtrafik"
    / "en", reportlab cutting each where a narrow owners' cell was full).  Swedish closes its
    compounds up, and a word that long is the kind a narrow cell cuts; two short words whose
    whole is a word too ("ensam" / "het") need the document's own spelling (`evidence`)."""
    whole = l_core + r_core
    return len(whole) >= LONG_CUT_WORD and not _continues_past(right_tok, r_core) and lexicon.zipf(whole.lower()) >= 1.0


_PART_MIN_ZIPF = 2.0  # a compound part the frequency list knows well enough
_PART_MIN_LEN = 4


def _cut_inside_a_part(l_core: str, r_core: str, lexicon: Lexicon) -> bool:
    """Without a spell checker: is the joined word a compound of known parts (a linking "s"
    allowed after a part) with no seam where the line was cut?

    "Bildningsförvaltnin" / "gen" is bildnings|förvaltningen cut inside its last part and
    "Sysselsättning" / "stjänster" is sysselsättnings|tjänster cut before the linking s:
    one word.  "Kommunstyrelsen" / "ansvarar" splits where it was cut: two words.
    """
    word = (l_core + r_core).lower()
    n, cut = len(word), len(l_core)
    if n > 60 or (lexicon.zipf(l_core.lower()) > 0 and lexicon.zipf(r_core.lower()) > 0):
        return False  # two known words ("Kommunstyrelsen" / "och", "ensam" / "het") stay two

    def known(part: str) -> bool:
        return len(part) >= _PART_MIN_LEN and lexicon.zipf(part) >= _PART_MIN_ZIPF

    def steps(i: int) -> list[int]:
        out = []
        for j in range(i + _PART_MIN_LEN, n + 1):
            if known(word[i:j]):
                out.append(j)
                if j < n and word[j] == "s":
                    out.append(j + 1)  # the linking s belongs to the part before it
        return out

    from_start = {0}
    for i in range(n):
        if i in from_start:
            from_start.update(steps(i))
    if n not in from_start:
        return False
    to_end = {n}
    for i in range(n - 1, -1, -1):
        if any(j in to_end for j in steps(i)):
            to_end.add(i)
    return not (cut in from_start and cut in to_end)


def _continues_past(token: str, core: str) -> bool:
    """Does the word whose first letters are `core` go on past them (a hyphen: "yhta-ryhmä", "käytös-")?"""
    return token[len(core) :][:1] in ("-", "\u2010", "\u2011", "\u00ad")


def _neither_piece_a_word(l_core: str, r_core: str, right_tok: str, lexicon: Lexicon, evidence: DocumentEvidence | None) -> bool:
    """Neither piece of a cut at a full line's end is a word: the pieces of one word
    ("LNPs" / "os", "Sysselsättnin" / "gstjänster") that the lexicon does not know whole.

    Not in OCR-damaged text (its words are often unknown), not for a one-letter
    or abbreviated right piece ("ml."), and only where the lexicon can tell at all.
    """
    if evidence is not None and evidence.ocr_damaged:
        return False
    # a lone small letter, the last of a word the cell cut ("LNPte" / "r henkilöstö"): the
    # lexicon knows every letter as a word, so the left piece and the whole decide alone
    letter = len(r_core) == 1 and right_tok == r_core and r_core.islower() and len(l_core) >= 3
    after = right_tok[len(r_core) :]
    abbreviated = after[:1] == "." and not after[1:2].isalpha()  # ("hcourses.fi": a name's inner period)
    if len(l_core) < 2 or (len(r_core) < 2 and not letter) or abbreviated or _continues_past(right_tok, r_core):
        return False  # "ml." is an abbreviation; "vapan" / "yhta-ryhmä" starts a compound of its own
    if l_core.lower() in abbreviation_stems() or r_core.lower() in abbreviation_stems():
        return False
    if lexicon.has_spellchecker:
        return not lexicon.is_word(l_core) and (letter or not lexicon.is_word(r_core))
    if not lexicon.has_freq:
        return False
    return lexicon.zipf(l_core.lower()) == 0.0 and (letter or lexicon.zipf(r_core.lower()) == 0.0)


def _ends_with_break(text: str) -> bool:
    if not text:
        return False
    if text[-1] in LINE_END_HYPHENS:
        return len(text) == 1 or text[-2] != "-"
    # an en dash after a digit can be a range broken at the line end (2022– / 2023)
    return text[-1] == EN_DASH and len(text) > 1 and text[-2].isdigit()


def _starts_sentence(before: str) -> bool:
    return bool(_SENTENCE_END.search(before))


SOFT_HYPHEN = "\u00ad"


def join_lines(
    lines: list[str],
    lang: str = "fi",
    evidence: DocumentEvidence | None = None,
    lexicon: Lexicon | None = None,
    decisions: list[tuple[str, str, BreakDecision]] | None = None,
    ends_short: Sequence[bool] | None = None,
    fills_cell: Sequence[bool] | None = None,
    maybe_cut: Sequence[bool] | None = None,
) -> str:
    """Join printed lines into one string, repairing line-break hyphens.

    `evidence` is a `DocumentEvidence` for the whole document (built from these
    lines when None).  Pass a list as `decisions` to collect (left, right,
    decision) per break, for debugging.  `ends_short` (one flag per line, from
    the extractor's geometry; None when unknown) marks a line the writer ended
    although the next line's first word would have fitted on it: a hyphen at
    its end is printed text (`printed_dash`).  `fills_cell` marks a one-word
    line as wide as its cell, where a word may be cut without a hyphen
    (`cut_without_hyphen`); `maybe_cut` a line nearly so, closed up only on the
    spell checker's word (`spelled_cut`).
    """
    shorts = list(ends_short) if ends_short is not None else [False] * len(lines)
    fulls = list(fills_cell) if fills_cell is not None else [False] * len(lines)
    maybes = list(maybe_cut) if maybe_cut is not None else [False] * len(lines)
    triples = [(unicodedata.normalize("NFC", line).strip(), flags, maybe) for line, flags, maybe in zip(lines, zip(shorts, fulls), maybes)]
    # a line of nothing but soft hyphens prints nothing: it is no line (joining
    # it would leave a trailing space once the soft hyphen is dropped)
    triples = [t for t in triples if t[0].replace(SOFT_HYPHEN, "").strip()]
    maybe_at = {k for k, (_, _, maybe) in enumerate(triples) if maybe}
    pairs = [(line, flags) for line, flags, _ in triples]
    if not pairs:
        return ""
    clean = [line for line, _ in pairs]
    if not isinstance(evidence, DocumentEvidence):
        evidence = DocumentEvidence.from_texts(clean)
    out = clean[0]
    rights: list[str] = []  # _completed_lines(clean, lang), made when a break first needs a right side

    def right_side(i: int) -> str:
        if not rights:
            rights.extend(_completed_lines(clean, lang))
        return _with_context(rights, clean, i)

    for k, ((_, (left_short, left_full)), (line, _)) in enumerate(zip(pairs, pairs[1:])):
        if out[-1] == EN_DASH and not (_number_before_dash(out) and line[0].isdigit()):
            out = out + " " + line
            continue
        if out[-1] == EN_DASH and out[-2:-1] == "." and line[0].isdigit():
            out = out + line  # an ordinal range cut after its dash ("8.–" / "9.-luokkalaiset") closes up
            continue
        if _ends_with_break(out):
            right = right_side(k + 1)
            left_tok = out.split()[-1]
            before = out[: len(out) - len(left_tok)]
            decision = decide_break(left_tok, right, lang, evidence, lexicon, sentence_start=_starts_sentence(before))
            if left_short:
                decision = printed_dash(left_tok, right, decision, lexicon or get_lexicon(lang if lang in ("fi", "sv") else "fi"))
            if decisions is not None:
                decisions.append((left_tok, line.split()[0], decision))
            if out[-1] == EN_DASH and decision.kind == "keep":
                out = out + line
            elif len(left_tok) == 1 and out[-1] == "-" and decision.kind == "attach":
                out = out + line
            else:
                out = decision.seam(out, line)
        elif left_full and _cut_here(out, k + 1, pairs, right_side, lexicon or get_lexicon(lang if lang in ("fi", "sv") else "fi"), evidence):
            out = out + line
        elif k in maybe_at and lang in ("fi", "sv") and spelled_cut(out, right_side(k + 1), lexicon or get_lexicon(lang)):
            out = out + line
        else:
            out = out + " " + line
    return _drop_inner_soft_hyphens(out).strip()  # "0\r\u00ad": the dropped soft hyphen bared the \r


def spelled_cut(left: str, right: str, lexicon: Lexicon) -> bool:
    """Was a word cut without a hyphen where the geometry only may say so (`Line.maybe_cut`:
    a natural wrap can end as near the column's reach)?  Only the spell checker's word closes
    it up: the joined word is one and a piece is not ("lapsi/nuoris" / "otoimijat"); never
    without a spell checker (Swedish: "Välfärdsområdets" / "familjetjänster" stay apart)."""
    if not lexicon.has_spellchecker:
        return False
    cores = _seam_cores(*_seam_tokens(left, right))
    if cores is None:
        return False
    l_core, r_core = cores
    return lexicon.is_word(l_core + r_core) and not (lexicon.is_word(l_core) and lexicon.is_word(r_core))


CONTEXT_TOKENS = 8  # words of the lines after a break that a decision may look at


def _cut_here(out: str, i: int, pairs: list, right_side: Callable[[int], str], lexicon: Lexicon, evidence: DocumentEvidence | None) -> bool:
    """`cut_without_hyphen` at the break before line i; when line i is one word filling its
    cell again, the word cut twice is judged whole ("dag" / "hemsförestån" / "dare": the
    middle piece alone is no word, nor any compound's start)."""
    right = right_side(i)
    if cut_without_hyphen(out, right, lexicon, evidence):
        return True
    line, (_short, full) = pairs[i]
    if not full or len(line.split()) != 1 or i + 1 >= len(pairs) or line[-1:] in LINE_END_HYPHENS:
        return False
    middle = "".join(ch for ch in line if ch.isalpha()).lower()
    if lexicon.is_word(middle) if lexicon.has_spellchecker else lexicon.zipf(middle) > 0:
        return False  # the middle line a word of its own ("monitoimijaiset" / "joustavasti" / "tuotetut")
    nxt = pairs[i + 1][0]
    return bool(nxt[:1].islower()) and cut_without_hyphen(out, line + right_side(i + 1), lexicon, evidence)


def _with_context(rights: list[str], lines: list[str], i: int) -> str:
    """Line `i` as a break's right side, followed by the first words of the lines after it.

    A chain of suspended parts can run over several short lines of a narrow column
    ("suunniteltu-" / "ja kuulemis-" / "ja palaute-" / "käytäntöjä"): the word that
    completes the chain (`_word_after`) is on a later line than the conjunction.
    Only the first word of the result is the right side proper; the rest is context.
    A completed line (`_completed_lines`) already ends in the words after it."""
    words: list[str] = []
    for j in range(i, len(lines)):
        words.extend(rights[j].split())
        if rights[j] != lines[j] or len(words) >= CONTEXT_TOKENS + 1:
            break
    return " ".join(words[: CONTEXT_TOKENS + 1])


def _completed_lines(lines: list[str], lang: str) -> list[str]:
    """Each line as a break's right side (`_completed_word`), with the lines after it
    completed first, so that a word cut into several one-piece lines ("k-" / "kei-" /
    "den", a very narrow column) is read whole from its first piece."""
    out = [""] * len(lines)
    following = ""
    for j in range(len(lines) - 1, -1, -1):
        out[j] = _completed_word(lines[j], following, lang)
        following = " ".join(out[j].split()[:CONTEXT_TOKENS])
    return out


def _completed_word(line: str, following: str, lang: str) -> str:
    """The line as the next break's right side: a line of one word piece cut again at its own
    end ("Peke-" / "aluei-" / "den", "Asiak" / "kai-" / "den") is judged with the word it
    starts, closed up with the following line ("alueiden", "kaiden"); a longer line keeps its
    first word and gets its last one closed up the same way ("ja kuulemis- ja palautekäy-" /
    "täntöjä": the word that completes a suspended part is read whole); otherwise the line."""
    if " " in line.strip():
        head, _, last = line.rstrip().rpartition(" ")
        return head + " " + _completed_word(last, following, lang)
    if len(line) < 2 or line[-1] not in LINE_END_HYPHENS or line[-2] in LINE_END_HYPHENS:
        return line
    if not line[:-1].isalpha() or not following[:1].islower():
        return line
    if following.split()[0].strip(",.;:") in function_words("suspended_before", lang):
        return line  # "terveys-" / "ja": a suspended hyphen, no word cut
    return line[:-1] + following


def _number_before_dash(text: str) -> bool:
    """Does `text` end in a number, or an ordinal ("8.", Finnish), and then an en dash (a range cut after its dash)?"""
    body = text[:-1]
    return body[-1:].isdigit() or (body[-1:] == "." and body[-2:-1].isdigit())


def _drop_inner_soft_hyphens(text: str) -> str:
    return text.replace("\u00ad", "")
