"""The organisational unit a goal table belongs to, as its `section`.

Budgets and financial statements print one unit after another (a result
area "Tulosalue 100 Vaalit", a company "Kauhavan Vesi Oy", or a label row
"Tytäryhteisö | Into Seinäjoki Oy"), and under each unit the same
sub-headings again ("Toiminta-ajatus"; "Taloudelliset tavoitteet",
"Toiminnalliset tavoitteet").  A heading found under two or more different
parents is such a repeated sub-heading: the heading above it is the unit.
The sub-heading is kept after " / " when it divides a unit's tables into
groups (the unit has two or more different ones); one that every unit
prints once ("Toiminta-ajatus") is not part of the section.  Unit labels
("Tulosalue", "Tytäryhteisö") come from `data/headers.yaml`.
"""

from __future__ import annotations

from collections import defaultdict

from planparse.intermediate import RawTable
from planparse.normalize.tables.cells import TextJoiner, cell_text
from planparse.normalize.tables.headers import strip_unit_label
from planparse.normalize.text import clean_text


def _chain(table: RawTable, title: str | None) -> list[str]:
    out: list[str] = []
    for text in [*table.headings, table.heading]:
        text = clean_text(text)
        if text and text != title and (not out or out[-1] != text):
            out.append(text)
    return out


def label_unit(table: RawTable, joiner: TextJoiner) -> str | None:
    """The unit a label | value table names ("Tytäryhteisö | Into Seinäjoki Oy"), or None."""
    for row in table.rows:
        filled = [cell for cell in row.cells if not cell.is_empty]
        if len(filled) != 2:
            continue
        labels = [line.text.strip() for line in filled[0].lines if line.text.strip()]
        values = [line for line in filled[1].lines if line.text.strip()]
        for i, label in enumerate(labels):
            is_unit, rest = strip_unit_label(label)
            if is_unit and not rest:
                # one label line: the whole value; stacked labels: the value line beside it
                lines = values if len(labels) == 1 else values[i : i + 1]
                return cell_text(lines, joiner)
    return None


def unit_sections(
    tables: list[RawTable], wanted: set[int], joiner: TextJoiner, title: str | None, always: set[int] = frozenset()
) -> dict[int, str]:
    """Section per table index (0-based) of the `wanted` tables (goal tables) that show a
    unit (a unit label, a label table above, a repeated sub-heading under it), and of the
    `always` tables (goal cards and blocks) in any case; the others keep the ordinary
    heading rule."""
    chains: dict[int, list[str]] = {}
    evident: set[int] = set()
    unit: tuple[str, list[str]] | None = None
    for i, table in enumerate(tables):
        chain = _chain(table, title)
        found = label_unit(table, joiner)
        if found:
            unit = (found, chain)
            continue
        if unit is not None and chain[:1] != unit[1][:1]:
            unit = None
        if i not in wanted:
            continue
        if unit is not None:
            common = 0
            while common < min(len(chain), len(unit[1])) and chain[common] == unit[1][common]:
                common += 1
            chain = chain[:common] + [unit[0]] + chain[common:]
            evident.add(i)
        if any(strip_unit_label(h)[0] for h in chain):
            evident.add(i)
        chains[i] = [strip_unit_label(h)[1] or h for h in chain]
    parents: dict[str, set[str | None]] = defaultdict(set)
    for chain in chains.values():
        for k, heading in enumerate(chain):
            parents[heading].add(chain[k - 1] if k else None)
    groups: dict[tuple[str, ...], set[str]] = defaultdict(set)
    cut: dict[int, int] = {}
    for i, chain in chains.items():
        k = next((k for k, h in enumerate(chain) if k and len(parents[h]) >= 2), len(chain))
        cut[i] = k
        if k < len(chain):
            groups[tuple(chain[:k])].add(chain[k])
    sections: dict[int, str] = {}
    for i, chain in chains.items():
        k = cut[i]
        if k == 0 or not (i in always or i in evident or k < len(chain)):
            continue
        unit_name = chain[k - 1]
        if k < len(chain) and len(groups[tuple(chain[:k])]) >= 2:
            sections[i] = f"{unit_name} / {chain[k]}"
        else:
            sections[i] = unit_name
    return sections
