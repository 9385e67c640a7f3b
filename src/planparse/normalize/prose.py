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
from .cells import TextJoiner, split_numbering
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


@lru_cache(maxsize=4)
def _cues(lang: str = "fi") -> dict[str, object]:
    vocab = prose_vocabulary()
    acts = vocab["actions"]
    passive = (acts.get("passive_present") or {}).get(lang)
    return {
        "passive": re.compile(rf"^[^\W\d_]{{2,}}(?:{passive})$") if passive else None,
        "not_passive": set(words("actions", "not_passive")),
        "agent": set(words("actions", "agent_verbs")),
        "action_words": set(words("actions", "words")),
        "practice": words("actions", "practice"),
        "measure": words("measures", "words"),
        "aim": words("aim_openings"),
        "own": set(words("own_organization")),
        "joiners": set(words("owner_joiners")),
        "max_owner_words": int(vocab.get("owner_max_words", 6)),
        "schedules": [re.compile(p, re.IGNORECASE) for p in vocab["schedules"]],
    }


def _tokens(sentence: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(sentence)]


def _has_phrase(sentence_cf: str, phrases: list[str]) -> bool:
    return any(re.search(rf"(?<![\w]){re.escape(p)}(?![\w])", sentence_cf) for p in phrases)


def is_aim(sentence: str) -> bool:
    return _starts_with_any(sentence.casefold(), _cues()["aim"])  # type: ignore[arg-type]


def is_measure(sentence: str) -> bool:
    return _has_phrase(sentence.casefold(), _cues()["measure"])  # type: ignore[arg-type]


def _agent_verb_index(tokens: list[str]) -> int | None:
    agent = _cues()["agent"]
    for i, tok in enumerate(tokens):
        if i > 0 and tok in agent:  # type: ignore[operator]
            return i
    return None


def is_action(sentence: str, lang: str = "fi") -> bool:
    """Says what will be done: a passive present, a doer with a present verb, a will-do word, a target practice."""
    cues = _cues(lang)
    cf = sentence.casefold()
    measure_words = set(cues["measure"])  # type: ignore[arg-type]
    tokens = [t for t in _tokens(sentence) if t not in measure_words]
    passive = cues["passive"]
    for tok in tokens:
        if passive is not None and tok not in cues["not_passive"] and passive.match(tok):  # type: ignore[union-attr, operator]
            return True
        if tok in cues["action_words"]:  # type: ignore[operator]
            return True
    if _agent_verb_index(tokens) is not None:
        return True
    return _has_phrase(cf, cues["practice"])  # type: ignore[arg-type]


def owners_of(sentence: str, own_names: set[str]) -> list[str]:
    """The doers a sentence names before its present verb, one per party, as printed;
    the plan's own organization is none."""
    cues = _cues()
    raw = _WORD.findall(sentence)
    tokens = [w.casefold() for w in raw]
    verb = _agent_verb_index(tokens)
    if verb is None or verb > int(cues["max_owner_words"]):  # type: ignore[call-overload]
        return []
    parts: list[list[str]] = [[]]
    for word, tok in zip(raw[:verb], tokens[:verb]):
        if tok in cues["joiners"]:  # type: ignore[operator]
            parts.append([])
        else:
            parts[-1].append(word)
    owners = []
    for part in parts:
        if not part:
            return []  # "ja" at the start: not a list of doers
        name = " ".join(part)
        key = name.casefold()
        if key in cues["own"] or any(len(key) >= 4 and key in o for o in own_names):  # type: ignore[operator]
            continue
        owners.append(name)
    return owners


def schedule_of(sentences: list[str]) -> str | None:
    for sentence in sentences:
        for pattern in _cues()["schedules"]:  # type: ignore[union-attr]
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
