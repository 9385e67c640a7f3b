"""What a document says about itself (contract 1.1 `metadata`): period, organization,
reference, decision, contacts.

The extractors hand over plain text only: the title, the running text outside
tables (DOCX paragraphs, PDF lines) in reading order, the running headers and
footers, and the file's own properties (DOCX core properties).  Every cue
(decision-template headings, approval verbs, organization nouns, reference
formats) comes from `data/metadata.yaml`.

Where a field is looked for, in order: the title and what is printed on every
page (running header, file properties) first, since those name the document
itself; then the running text, where a period only counts right after a plan
word ("osallisuussuunnitelman vuosille 2018−2021") and an organization only
as "<Name>n kaupunki"-like phrases.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

from planparse.common.datafile import load_yaml

from ..model import Decision, Metadata, Person
from planparse.normalize.repair.lexicon import get_lexicon
from .text import clean_text

Joiner = Callable[[list[str]], "str | None"]

_YEAR_RANGE = r"((?:19|20)\d{2})\s*[-‐‑‒–—−]\s*((?:19|20)\d{2})"
_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)")
_UPPER = "A-ZÅÄÖÜ"
_WORD_CHARS = r"[\w\-]"
# properties that describe the document itself (not its author or the tool that wrote it)
_DESCRIPTIVE_PROPERTIES = ("title", "subject", "keywords", "category", "comments")
# inline label | value layouts: a label shorter than this must be followed by a colon ("Päätös:"),
# so that an ordinary sentence opening with the same word ("Esitys on ...") opens no section
_INLINE_LABEL_MIN = 8
# a line shorter than this, without final punctuation, before a capitalized line ends its
# paragraph ("Hyväksytty 16.12.2024" over "Alkusanat"): a PDF line carries no paragraph mark
_SHORT_LINE = 40
# A plan's approval note and its period are printed near the start (cover, first page);
# further on, "hyväksyi" or "strategia vuosille …" speak of other things (a budget's 200 pages).
FRONT_LINES = 60


@dataclass
class DocumentText:
    """The plain text metadata is read from."""

    title: str | None
    lines: list[str] = field(default_factory=list)  # running text outside tables, reading order
    ends: set[int] = field(default_factory=set)  # indexes of lines that end a paragraph (DOCX)
    running: list[str] = field(default_factory=list)  # running headers and footers
    properties: dict[str, str] = field(default_factory=dict)  # file properties (DOCX core)

    def front(self) -> list[str]:
        """The texts that name the document itself: title, running header, descriptive properties."""
        texts = [self.title or ""] + list(self.running)
        texts += [self.properties[k] for k in _DESCRIPTIVE_PROPERTIES if self.properties.get(k)]
        return [t for t in texts if t]


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    path = resources.files("planparse.normalize").joinpath("data/metadata.yaml")
    return load_yaml(path.read_text(encoding="utf-8"))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def extract_metadata(doc: DocumentText, join: Joiner) -> Metadata:
    """Metadata of one document; every field None (contacts []) that it does not print."""
    sections = find_sections(doc.lines)
    return Metadata(
        period=find_period(doc),
        organization=find_organization(doc),
        reference=find_reference(doc),
        decision=find_decision(doc, sections, join),
        contacts=find_contacts(sections, join),
    )


# ---------------------------------------------------------------- period


def _range(match: re.Match[str]) -> str | None:
    start, end = int(match.group(match.re.groups - 1)), int(match.group(match.re.groups))
    return f"{start}–{end}" if start < end <= start + 20 else None


def find_period(doc: DocumentText) -> str | None:
    """"YYYY–YYYY" from the title/running header/properties; else from running text near the
    start where the plan the title names is given a period ("Osallisuussuunnitelman
    hyväksyminen" … "osallisuussuunnitelman vuosille 2018−2021"): a plan word of the title,
    a period cue, a year range.  Another plan's period ("sopeutusohjelma vuosille 2025–2028"
    in a financial statement) is not the document's."""
    for text in doc.front():
        for match in re.finditer(_YEAR_RANGE, text):
            if (period := _range(match)) is not None:
                return period
    vocab = vocabulary()["period"]
    plan_words = _alternation(vocab["plan_words"])
    title = (doc.title or "").casefold()
    cue = re.compile(rf"(?P<plan>\w*(?:{plan_words}))\w*\s+(?:{_alternation(vocab['cues'])})\s+{_YEAR_RANGE}", re.IGNORECASE)
    for text in _paragraph_texts(doc.lines[:FRONT_LINES]):
        for match in cue.finditer(text):
            if match.group("plan").casefold() in title and (period := _range(match)) is not None:
                return period
    return None


def _paragraph_texts(lines: list[str], size: int = 4) -> Iterable[str]:
    """Overlapping windows of lines joined by a space, so a phrase a line break cut is seen whole."""
    for i in range(len(lines)):
        yield " ".join(lines[i : i + size])


# ---------------------------------------------------------------- organization


@lru_cache(maxsize=1)
def _organization_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    vocab = vocabulary()["organization"]
    conj = _alternation(vocab["conjunctions"])
    name_fi = rf"[{_UPPER}]{_WORD_CHARS}*n"
    fi = re.compile(
        rf"(?<!\w)(?P<name>{name_fi}(?: (?:{conj}) {name_fi})?)\s+(?P<noun>{_alternation(vocab['municipality_fi'])})(?!\w)(?!\s+-\w)"
    )
    sv = re.compile(rf"(?<!\w)(?P<name>[{_UPPER}]{_WORD_CHARS}+)\s+(?P<noun>{_alternation(vocab['municipality_sv'])})(?!\w)")
    division = re.compile(
        rf"(?<!\w)(?:(?P<pre>\w+-)\s+(?P<conj>{conj})\s+)?(?P<word>\w*?(?:{_alternation(vocab['division_words'])}))(?!\w)",
        re.IGNORECASE,
    )
    acronym = re.compile(
        rf"(?<!\w)(?P<name>[{_UPPER}]{{2,}})(?::)?n\s+(?:\w+\s+){{0,2}}\w*(?:{_alternation(vocab['plan_words'])})",
    )
    return fi, sv, division, acronym


def _municipality(texts: Iterable[str], names_only: bool = False) -> str | None:
    """The first "<Name>n kaupunki"-like phrase; `names_only`: only when Voikko does not know
    the name as a common word ("Tulevaisuuden kunta" is a reform, not a municipality)."""
    fi, sv, _, _ = _organization_patterns()
    vocab = vocabulary()["organization"]
    not_names = {w.casefold() for w in vocab["not_names"]}
    lexicon = get_lexicon("fi")
    for text in texts:
        found = []
        for match in fi.finditer(text):
            first = match.group("name").split()[0]
            if names_only and lexicon.is_proper_noun(first) is False:
                continue
            if match.group("name").casefold() not in not_names:
                found.append((match.start(), f"{match.group('name')} {vocab['municipality_fi'][match.group('noun')]}"))
        for match in sv.finditer(text):
            if match.group("name").casefold() not in not_names:
                found.append((match.start(), f"{match.group('name')} {vocab['municipality_sv'][match.group('noun')]}"))
        if found:
            return min(found)[1]
    return None


def _division(texts: Iterable[str]) -> str | None:
    _, _, division, _ = _organization_patterns()
    forms: dict[str, str] = vocabulary()["organization"]["division_words"]
    for text in texts:
        for match in division.finditer(text):
            word = match.group("word")
            suffix = next(s for s in sorted(forms, key=len, reverse=True) if word.lower().endswith(s))
            if len(word) == len(suffix):
                continue  # "toimialan" alone: whose division is not in the word
            base = word[: len(word) - len(suffix)] + forms[suffix]
            text_out = f"{match.group('pre')} {match.group('conj')} {base}" if match.group("pre") else base
            return text_out[0].lower() + text_out[1:]
    return None


def _trailing_name(title: str | None) -> str | None:
    """"…suunnitelma, Kymenlaakso": a title ending in a comma and a proper name names its owner."""
    if not title:
        return None
    match = re.search(rf",\s+(?P<name>[{_UPPER}][\w-]+(?: [{_UPPER}][\w-]+)?)\s*$", title)
    return match.group("name") if match else None


def _acronym(texts: Iterable[str]) -> str | None:
    """"VAKEn osallisuusohjelma": an owner's acronym in the genitive before a plan word."""
    _, _, _, acronym = _organization_patterns()
    for text in texts:
        if match := acronym.search(text):
            return match.group("name")
    return None


def _title_owner(title: str | None, lines: list[str]) -> str | None:
    """"Teekkarikomission yhdenvertaisuussuunnitelma": a capitalized genitive right before the
    plan word of the title, when the text prints the same name in the nominative."""
    if not title:
        return None
    plan_words = _alternation(vocabulary()["organization"]["plan_words"])
    match = re.search(rf"(?<!\w)(?P<name>[{_UPPER}]\w+)n\s+\w*(?:{plan_words})", title)
    if not match:
        return None
    name = match.group("name")
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return name if any(pattern.search(line) for line in lines) else None


def find_organization(doc: DocumentText) -> str | None:
    """"municipality, division" when both are known, else the one that is."""
    front = doc.front()
    body = list(_paragraph_texts(doc.lines, size=2))
    owner = (
        _municipality(front)
        or _trailing_name(doc.title)
        or _acronym(front)
        or _title_owner(doc.title, doc.lines)
        or _municipality(body, names_only=True)
        or _acronym(body)
    )
    division = _division(front)
    if owner and division:
        return clean_text(f"{owner}, {division}")
    return clean_text(owner or division)


# ---------------------------------------------------------------- reference


def find_reference(doc: DocumentText) -> str | None:
    """The diary/case number without its archive class: labelled first, then by its shape."""
    vocab = vocabulary()["reference"]
    label = re.compile(rf"^\s*(?:{_alternation(vocab['labels'])})\b[.:]?\s*(?P<rest>.*)$", re.IGNORECASE)
    texts = doc.front() + doc.lines
    for i, text in enumerate(texts):
        if not (match := label.match(text)):
            continue
        value = match.group("rest") or (texts[i + 1] if i + 1 < len(texts) else "")  # a label | value row
        if number := _reference_in(value, vocab, labelled=True):
            return number
    for text in texts:
        if number := _reference_in(text, vocab, labelled=False):
            return number
    return None


def _reference_in(text: str, vocab: dict[str, Any], labelled: bool) -> str | None:
    for spec in vocab["patterns"]:
        if spec.get("labelled_only") and not labelled:
            continue
        match = re.search(spec["pattern"], text)
        if match:
            return clean_text(spec.get("join", "").join(match.group(k) for k in spec["keep"]))
    return None


# ---------------------------------------------------------------- decision-template sections


@lru_cache(maxsize=1)
def _heading_index() -> dict[str, str]:
    """Heading text (casefolded) -> section kind."""
    index: dict[str, str] = {}
    for kind, words in vocabulary()["sections"].items():
        for word in words:
            index.setdefault(word.casefold(), kind)
    return index


def heading_of(line: str) -> tuple[str, str] | None:
    """(kind, text after the label) when `line` opens a decision-template section."""
    index = _heading_index()
    stripped = " ".join(line.split())
    bare = stripped.rstrip(":").strip()
    if bare.casefold() in index:
        return index[bare.casefold()], ""
    # "Kaupunginjohtajan esitys:", "Puheenjohtajan ehdotus:": a proposal label with its proposer
    if stripped.endswith(":") and len(bare.split()) == 2 and bare.split()[1].casefold() in index:
        return index[bare.split()[1].casefold()], ""
    for label in sorted(index, key=len, reverse=True):
        if not stripped.casefold().startswith(label):
            continue
        rest = stripped[len(label):]
        if rest.startswith(":"):
            return index[label], rest[1:].strip()
        if rest.startswith(" ") and len(label) >= _INLINE_LABEL_MIN:
            return index[label], rest.strip()
    return None


# sections whose text is running text: an unknown heading ("Bakgrund") closes them
_TEXT_SECTIONS = ("proposal", "decision")


def _looks_like_heading(lines: list[str], i: int) -> bool:
    """A short line without final punctuation between a finished sentence and a capitalized
    line: a heading the vocabulary does not know ("Bakgrund", "Handlingsplan 2025–2027")."""
    line = lines[i].strip()
    if not line or len(line) >= _SHORT_LINE or line.endswith((".", "!", "?", ":", ",", ";", "-")):
        return False
    before = lines[i - 1].rstrip() if i else ""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return before.endswith((".", "!", "?")) and after[:1].isupper()


def find_sections(lines: list[str]) -> dict[str, list[str]]:
    """The lines of the first section of each kind (proposal, decision, presenter, contacts)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    kind = ""
    for i, line in enumerate(lines):
        head = heading_of(line)
        if head is not None:
            kind, rest = head
            current = None
            if kind != "other" and kind not in sections:
                current = sections.setdefault(kind, [])
                if rest:
                    current.append(rest)
            continue
        if current is not None and kind in _TEXT_SECTIONS and current and _looks_like_heading(lines, i):
            current = None
        if current is not None and line.strip():
            current.append(line)
    return sections


# ---------------------------------------------------------------- decision


def iso_date(text: str) -> str | None:
    """The first date in `text` as YYYY-MM-DD ("11.12.2023", "den 19 mars 2024", "19. maaliskuuta 2024")."""
    vocab = vocabulary()
    candidates = []
    for match in _DATE.finditer(text):
        candidates.append((match.start(), int(match.group(3)), int(match.group(2)), int(match.group(1))))
    for key in ("months_sv", "months_fi"):
        months = vocab[key]
        pattern = rf"(?<!\d)(\d{{1,2}})\.?\s+({_alternation(months)})\s+((?:19|20)\d{{2}})"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            month = [m.casefold() for m in months].index(match.group(2).casefold()) + 1
            candidates.append((match.start(), int(match.group(3)), month, int(match.group(1))))
    for _, year, month, day in sorted(candidates):
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:  # 31.2.2024 is no date
            continue
    return None


def _sentences(text: str) -> list[str]:
    """Sentences of a paragraph: a split after . ! ? before a capital letter (dates and "§ 34)." stay whole)."""
    return [s for s in re.split(rf"(?<=[.!?])\s+(?=[{_UPPER}])", text) if s.strip()]


def _body_before_verb(text: str) -> str | None:
    """"Sosiaali- ja terveyslautakunta päättää …" -> "Sosiaali- ja terveyslautakunta"."""
    verbs = _alternation(vocabulary()["decision"]["verbs"])
    conj = _alternation(vocabulary()["organization"]["conjunctions"])
    match = re.match(rf"^(?P<body>[{_UPPER}][\w-]*(?:\s+(?:{conj})\s+[\w-]+)?)\s+(?:{verbs})(?!\w)", text)
    return match.group("body") if match else None


def _approval(doc: DocumentText, join: Joiner) -> tuple[str, str | None, str | None] | None:
    """(sentence, body, ISO date) of a dated approval near the start ("Hyväksytty
    kunnanhallituksessa 12.2.2024 (§ 34).", "Planen godkändes av bildningsnämnden den 19 mars
    2024 …"); the body may come from another approval sentence ("Tämä suunnitelma on hyväksytty
    Teekkarikomission yhdistyksen kokouksessa").  Without a date an approval cue is no decision:
    "vahvistettu", "hyväksyi muutokset" speak of other things as often."""
    vocab = vocabulary()["decision"]
    cue = re.compile(rf"(?<!\w)(?:{_alternation(vocab['approved'])})(?!\w)", re.IGNORECASE)
    skip = {w.casefold() for w in vocab["body_skip"]}
    found: list[tuple[str, str | None, str | None]] = []
    for paragraph in [doc.title or ""] + _paragraphs(doc.lines[:FRONT_LINES], doc.ends, join):
        for sentence in _sentences(paragraph):
            if match := cue.search(sentence):
                found.append((sentence, _body_after(sentence[match.end():].split(), skip), iso_date(sentence)))
    dated = [f for f in found if f[2]]
    if not dated:
        return None
    sentence, body, date = dated[0]
    return sentence, body or next((b for _, b, _ in found if b), None), date


def _body_after(words: list[str], skip: set[str]) -> str | None:
    """The body named after an approval cue: words up to a date, "§", a bracket, a comma or a cue
    word of `skip` ("kunnanhallituksessa 12.2.2024", "av bildningsnämnden den …", "yhdistyksen kokouksessa, jossa")."""
    taken: list[str] = []
    for word in words:
        if word.casefold() in skip:
            if taken:
                break
            continue
        if not word[:1].isalpha():
            break
        taken.append(word.rstrip(",.;:"))
        if word[-1] in ",.;:" or len(taken) == 4:
            break
    return " ".join(taken) or None


def _paragraphs(lines: list[str], ends: set[int], join: Joiner) -> list[str]:
    """Running text as paragraphs: lines joined until one ends a paragraph or a sentence,
    or opens a decision-template section."""
    out: list[str] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        if heading_of(line) is not None:
            if current and (text := join(current)):
                out.append(text)
            current = []
            continue
        current.append(line)
        short_label = len(line.strip()) < _SHORT_LINE and i + 1 < len(lines) and lines[i + 1][:1].isupper()
        if i in ends or short_label or line.rstrip().endswith((".", "!", "?", ":")):
            text = join(current)
            if text:
                out.append(text)
            current = []
    if current and (text := join(current)):
        out.append(text)
    return out


_BODY_DATE_SECTION = re.compile(rf"^(?P<body>[{_UPPER}][\w-]+(?: [\w-]+)?) (?P<date>\d{{1,2}}\.\d{{1,2}}\.\d{{4}}) §\s*\d+")


def find_decision(doc: DocumentText, sections: dict[str, list[str]], join: Joiner) -> Decision | None:
    """The decision the document is or prints, or None."""
    proposal = join(sections["proposal"]) if sections.get("proposal") else None
    decided = join(sections["decision"]) if sections.get("decision") else None
    approval = _approval(doc, join)
    if not (proposal or decided or approval):
        return None
    text = proposal or decided
    body = _body_before_verb(text) if text else None
    # "Kaupunginhallitus 20.3.2017 § 10": the body's own line, else the last (a decision
    # history lists earlier handlings first)
    meetings = [m for m in (_BODY_DATE_SECTION.match(line.strip()) for line in doc.lines) if m]
    own = [m for m in meetings if body and m.group("body").casefold() == body.casefold()]
    meeting = (own or meetings or [None])[-1]
    date = None
    if meeting is not None:
        body = body or meeting.group("body")
        date = iso_date(meeting.group("date"))
    if approval is not None:
        sentence, approved_by, approved_on = approval
        text = text or sentence
        body = body or approved_by
        date = date or approved_on
    presenter = None
    if sections.get("presenter"):
        people = parse_people(sections["presenter"], join)
        presenter = people[0] if people else None
    return Decision(body=clean_text(body), date=date, text=clean_text(text), presenter=presenter)


# ---------------------------------------------------------------- people


def find_contacts(sections: dict[str, list[str]], join: Joiner | None = None) -> list[Person]:
    return parse_people(sections.get("contacts", []), join)


_EMAIL = re.compile(r"[\w.+-]+(?:@|\(a\)|\(at\)|\[at\]|\[a\])[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def _phone_label() -> re.Pattern[str]:
    labels = _alternation(vocabulary()["person"]["phone_labels"])
    return re.compile(rf"(?<!\w)(?:{labels})\.?\s*:?\s*(?P<number>\+?[\d][\d \-()]{{4,}}\d)", re.IGNORECASE)


def _name_words(words: list[str]) -> bool:
    vocab = vocabulary()["person"]
    prefixes = {p.casefold() for p in vocab["title_prefixes"]}
    endings = tuple(vocab["title_endings"])
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper()
        and re.fullmatch(r"[\w'-]+", w)
        and w.rstrip(".").casefold() not in prefixes
        and not w.casefold().endswith(endings)
        for w in words
    )


def _split_name(part: str) -> tuple[str | None, str | None]:
    """(name, title) of one comma-separated part: a name alone, "title Name Surname", or "Name Surname title"."""
    words = part.split()
    if _name_words(words):
        return part, None
    for n in (3, 2):  # "Vs. kaupunginjohtaja Päivi Laajala"
        if len(words) > n and _name_words(words[-n:]):
            return " ".join(words[-n:]), " ".join(words[:-n])
    for n in (3, 2):  # "Jaana Niemelä konsernicontroller"
        if len(words) > n and _name_words(words[:n]) and words[n][:1].islower():
            return " ".join(words[:n]), " ".join(words[n:])
    return None, part


def parse_people(lines: list[str], join: Joiner | None = None) -> list[Person]:
    """People of a presenter or contacts block, from the block's text joined (a phone
    number or a title may wrap).  The text is cut at commas and at " ja "/" och "
    (not after a suspended hyphen) into segments; in a segment, in print order: an
    email (obfuscated "(a)" kept), a phone (after a label such as "puh."), a name
    ("Pirkko Excell", "kaupunginjohtaja Kari Nenonen") with the words around it as
    the title.  A name starts a new person when the current one has a name; a title,
    phone or email without a name belongs to the current person.  A capitalized
    segment without a name before any person ("Konsernihallinto") is a unit, not a title."""
    text = (join or _space_join)(lines) or ""
    phone_label = _phone_label()
    people: list[Person] = []
    pending: list[str] = []  # titles printed before the name they belong to
    for segment in _segments(text):
        pieces: list[tuple[int, str, str]] = []  # (position, kind, text)
        rest = segment
        for kind, pattern in (("email", _EMAIL), ("phone", phone_label)):
            for match in pattern.finditer(segment):
                pieces.append((match.start(), kind, match.group("number") if kind == "phone" else match.group(0)))
                rest = rest.replace(match.group(0), " " * len(match.group(0)), 1)
        for match in re.finditer(r"\S(?:.*\S)?", rest):
            words = match.group(0).strip(" ,;:")
            if words:
                pieces.append((match.start(), "words", words))
        for _, kind, value in sorted(pieces):
            current = people[-1] if people else None
            if kind == "words":
                if re.fullmatch(r"\+?\d[\d \-()]{4,}\d", value) and current is not None and current.phone is None:
                    current.phone = clean_text(value)
                    continue
                name, title = _split_name(value)
                if name is None:
                    if current is None or current.name is None:
                        if not value[:1].isupper() or len(value.split()) > 1:
                            pending.append(value)
                    elif current.title is None:
                        current.title = clean_text(value)
                    continue
                if current is None or current.name is not None:
                    current = Person()
                    people.append(current)
                current.name = clean_text(name)
                titles = ([title] if title else []) or pending
                current.title = clean_text(", ".join(titles)) if titles else current.title
                pending = []
            elif current is not None:
                if kind == "email" and current.email is None:
                    current.email = value
                elif kind == "phone" and current.phone is None:
                    current.phone = clean_text(value)
    return [p for p in people if p.name]


def _space_join(lines: list[str]) -> str | None:
    return clean_text(" ".join(lines))


def _segments(text: str) -> list[str]:
    """`text` cut at commas, semicolons and at " ja "/" och " that join two items (not "sosiaali- ja")."""
    conj = _alternation(vocabulary()["organization"]["conjunctions"])
    parts = re.split(rf"[,;]\s+|(?<![-‐])\s+(?:{conj})\s+(?=\S)", text)
    return [p.strip() for p in parts if p and p.strip()]
