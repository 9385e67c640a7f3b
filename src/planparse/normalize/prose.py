"""Plans written as prose: goal sub-headings and paragraphs -> records.

A plan part opens at a heading that names a plan ("Osallisuussuunnitelma",
"Handlingsplan"); each sub-heading under it (same or deeper level) is a goal,
and the paragraphs after it are that goal's block.  The part closes at a
decision-template section ("Päätösehdotus", "Esittelijä", "Beslut"), a
background heading ("Taustaa"), a heading that outranks the part's own, or
a table.  The part gives records only when it reads as a plan: at least two
goal blocks, most of which say what will be done, none of them long prose.

Each goal block's sentences are sorted by cues (data/prose.yaml): aims and
background go to extra.Kuvaus; sentences saying what is done go to actions;
sentences naming a measure to indicators (and to actions too when they also
say what is done).  No sentence is rewritten or dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..intermediate import TextBlock
from ..model import Record, RecordSource
from planparse.normalize.tables.cells import TextJoiner, split_numbering
from .sentences import split_sentences
from .text import clean_text, split_bullet
from .vocabulary import prose_vocabulary, words

MIN_GOALS = 2
MIN_ACTION_SHARE = 0.6  # of the goal blocks that must say what is done
MAX_BLOCK_SENTENCES = 14  # a longer block is a chapter of prose, not a goal
MAX_GOAL_WORDS = 16  # a goal heading is short

_WORD = re.compile(r"[\wåäöÅÄÖ]+(?:-[\wåäöÅÄÖ]+)*")


@dataclass
class GoalBlock:
    """A goal sub-heading and the paragraphs under it."""

    heading: str
    page: int | None
    position: int  # index of the heading among the document's blocks
    section: str
    paragraphs: list[tuple[str, bool]] = field(default_factory=list)  # (text, list item)


@dataclass
class ProseRecord:
    """A record and where it stands among the document's blocks (for page order)."""

    position: int
    record: Record


# ---------------------------------------------------------------- vocabulary


def _starts_with_any(text: str, entries: list[str]) -> bool:
    for entry in entries:
        if text == entry or (text.startswith(entry) and not text[len(entry)].isalpha()):
            return True
    return False


def _heading_key(text: str) -> str:
    _, items = split_numbering([text])
    key = (items[0] if items else "").casefold().strip(" :.")
    return key


def is_closing_heading(text: str) -> bool:
    """A decision-template section or a background heading: no records under it."""
    key = _heading_key(text)
    return _starts_with_any(key, words("decision_sections")) or _starts_with_any(key, words("background_sections"))


def is_plan_heading(text: str) -> bool:
    """A heading that names a plan part ("Osallisuussuunnitelma", "Mål och åtgärder")."""
    key = _heading_key(text)
    if not key or any(w in key for w in words("not_plan_headings")):
        return False
    return any(w in key for w in words("plan_headings"))


@dataclass(frozen=True)
class Cues:
    """The sentence cues of data/prose.yaml for one language, compiled once."""

    passive: re.Pattern[str] | None
    not_passive: frozenset[str]
    agent: frozenset[str]
    action_words: frozenset[str]
    practice: tuple[str, ...]
    measure: tuple[str, ...]
    aim: tuple[str, ...]
    own: frozenset[str]
    joiners: frozenset[str]
    lead_words: frozenset[str]
    max_owner_words: int
    schedules: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=4)
def cues(lang: str = "fi") -> Cues:
    vocab = prose_vocabulary()
    passive = (vocab["actions"].get("passive_present") or {}).get(lang)
    return Cues(
        passive=re.compile(rf"^[^\W\d_]{{2,}}(?:{passive})$") if passive else None,
        not_passive=frozenset(words("actions", "not_passive")),
        agent=frozenset(words("actions", "agent_verbs")),
        action_words=frozenset(words("actions", "words")),
        practice=tuple(words("actions", "practice")),
        measure=tuple(words("measures", "words")),
        aim=tuple(words("aim_openings")),
        own=frozenset(words("own_organization")),
        joiners=frozenset(words("owner_joiners")),
        lead_words=frozenset(words("owner_lead_words")),
        max_owner_words=int(vocab.get("owner_max_words", 6)),
        schedules=tuple(re.compile(p, re.IGNORECASE) for p in vocab["schedules"]),
    )


def _tokens(sentence: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(sentence)]


def _has_phrase(sentence_cf: str, phrases: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![\w]){re.escape(p)}(?![\w])", sentence_cf) for p in phrases)


def is_aim(sentence: str) -> bool:
    return _starts_with_any(sentence.casefold(), list(cues().aim))


def is_measure(sentence: str) -> bool:
    return _has_phrase(sentence.casefold(), cues().measure)


def _agent_verb_index(tokens: list[str]) -> int | None:
    agent = cues().agent
    return next((i for i, tok in enumerate(tokens) if i > 0 and tok in agent), None)


def is_action(sentence: str, lang: str = "fi") -> bool:
    """Says what will be done: a passive present, a doer with a present verb, a will-do word, a target practice."""
    c = cues(lang)
    measure_words = set(c.measure)
    tokens = [t for t in _tokens(sentence) if t not in measure_words]
    for tok in tokens:
        if c.passive is not None and tok not in c.not_passive and c.passive.match(tok):
            return True
        if tok in c.action_words:
            return True
    return _agent_verb_index(tokens) is not None or _has_phrase(sentence.casefold(), c.practice)


def owners_of(sentence: str, own_names: set[str]) -> list[str]:
    """The doers a sentence names before its present verb, one per party, as printed
    (split at commas and "ja"/"och"); the plan's own organization is none, and a
    leading adverb ("Lisäksi", "Vuonna 2025") is no part of a name."""
    c = cues()
    matches = list(_WORD.finditer(sentence))
    verb = _agent_verb_index([m.group(0).casefold() for m in matches])
    if verb is None or verb > c.max_owner_words:
        return []
    head = matches[:verb]
    while head and (head[0].group(0).casefold() in c.lead_words or any(ch.isdigit() for ch in head[0].group(0))):
        head = head[1:]
    if not head:
        return []
    text = sentence[head[0].start():head[-1].end()]
    joiners = "|".join(re.escape(j) for j in sorted(c.joiners, key=len, reverse=True))
    parts = [p.strip() for p in re.split(rf",\s*|\s+(?:{joiners})\s+", text, flags=re.IGNORECASE)]
    if any(not p for p in parts):
        return []
    owners = []
    for name in parts:
        key = name.casefold()
        if key in c.own or any(len(key) >= 4 and key in o for o in own_names):
            continue
        owners.append(name)
    return owners


def schedule_of(sentences: list[str]) -> str | None:
    for sentence in sentences:
        for pattern in cues().schedules:
            match = pattern.search(sentence)
            if match:
                return clean_text(match.group(0))
    return None


# ---------------------------------------------------------------- blocks -> goal blocks


def _heading_text(block: TextBlock, joiner: TextJoiner) -> str | None:
    return joiner.join(block.lines)


def goal_blocks(blocks: list[TextBlock], joiner: TextJoiner) -> list[list[GoalBlock]]:
    """The goal blocks of every plan part, part by part."""
    parts: list[list[GoalBlock]] = []
    section: str | None = None
    section_level = goal_level = 0
    goals: list[GoalBlock] = []
    current: GoalBlock | None = None

    def close() -> None:
        nonlocal section, goals, current
        goals = [g for g in goals if g.paragraphs]  # a heading right above a table or heading is no goal block
        if goals:
            parts.append(goals)
        section, goals, current = None, [], None

    for position, block in enumerate(blocks):
        if block.kind == "table":
            close()
            continue
        if block.kind == "paragraph":
            if current is not None:
                text = joiner.join(block.lines)
                if text:
                    current.paragraphs.append((text, block.list_item))
            continue
        text = _heading_text(block, joiner)
        if not text:
            continue
        if is_closing_heading(text):
            close()
            continue
        if section is not None and block.level >= max(section_level, goal_level) and not is_plan_heading(text):
            if not goals:
                goal_level = block.level  # the first goal sets the level of the others
            current = GoalBlock(text, block.page, position, section)
            goals.append(current)
            continue
        close()
        if is_plan_heading(text):
            section, section_level, goal_level = text, block.level, block.level
    close()
    return parts


# ---------------------------------------------------------------- goal blocks -> records


def _sentences(block: GoalBlock) -> list[tuple[str, bool]]:
    out = []
    for text, listed in block.paragraphs:
        marker, rest = split_bullet(text)
        if marker is not None or listed:
            out.append((rest, True))
            continue
        out.extend((s, False) for s in split_sentences(text))
    return out


def _has_action(block: GoalBlock, lang: str) -> bool:
    return any(listed or is_action(s, lang) or is_measure(s) for s, listed in _sentences(block))


def reads_as_plan(goals: list[GoalBlock], lang: str = "fi") -> bool:
    """Enough short goal blocks, most of them saying what will be done."""
    if len(goals) < MIN_GOALS:
        return False
    if any(len(_sentences(g)) > MAX_BLOCK_SENTENCES or len(g.heading.split()) > MAX_GOAL_WORDS for g in goals):
        return False
    if any(g.heading.rstrip().endswith((".", "!", "?")) for g in goals):
        return False  # a sentence set as a heading: not a goal list
    with_action = sum(1 for g in goals if _has_action(g, lang))
    return with_action >= MIN_ACTION_SHARE * len(goals)


def goal_record(block: GoalBlock, own_names: set[str], lang: str = "fi") -> Record:
    """One goal block as a record."""
    goal_id, items = split_numbering([block.heading])
    rec = Record(section=block.section, goal_id=goal_id, goal=clean_text(" ".join(items)),
                 source=RecordSource(block.page, None, None))  # type: ignore[arg-type]
    other: list[str] = []
    texts = []
    for sentence, listed in _sentences(block):
        ident, rest = split_numbering([sentence])
        text = rest[0] if ident and rest else sentence
        texts.append(text)
        if is_measure(text):
            rec.indicators.append(text)
        if not is_aim(text) and (listed or is_action(text, lang)):
            rec.actions.append(text)
            if ident and rest and rec.action_id is None:
                rec.action_id = ident
            for owner in owners_of(text, own_names):
                if owner not in rec.owners:
                    rec.owners.append(owner)
        else:
            other.append(sentence)
    rec.schedule = schedule_of(texts)
    if other:
        rec.extra = {"Kuvaus": clean_text(" ".join(other))}
    return rec


def prose_records(blocks: list[TextBlock], joiner: TextJoiner, title: str | None) -> list[ProseRecord]:
    """Records of every plan part written as prose, with their block positions."""
    own_names = {title.casefold()} if title else set()
    out: list[ProseRecord] = []
    for goals in goal_blocks(blocks, joiner):
        if not reads_as_plan(goals, joiner.lang):
            continue
        for block in goals:
            out.append(ProseRecord(block.position, goal_record(block, own_names, joiner.lang)))
    return out
