"""Line-break hyphens: join a paragraph's printed lines into running text.

Interface (stable; the implementation is refined by the text-repair work):
    join_lines(lines, lang="fi", evidence=None) -> str
"""

from __future__ import annotations

import re

_HYPHENS = "-\u00ad\u2010\u2011\u2012"
_SUSPENDED_NEXT = {"fi": {"ja", "tai", "sekä", "eli", "tahi"}, "sv": {"och", "eller"}}


def join_lines(lines: list[str], lang: str = "fi", evidence: object | None = None) -> str:
    """Join printed lines into one string, repairing line-break hyphens."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        if out[-1] in _HYPHENS and len(out) > 1 and out[-2].isalpha():
            next_word = re.split(r"\s", line, 1)[0]
            left_word = re.split(r"\s", out)[-1][:-1]
            if next_word.lower() in _SUSPENDED_NEXT.get(lang, set()):
                out = out[:-1] + "- " + line
            elif left_word and (left_word[-1] == next_word[:1] or left_word.isupper() or next_word[:1].isupper() or next_word[:1].isdigit()):
                out = out[:-1] + "-" + line
            else:
                out = out[:-1] + line
        else:
            out = out + " " + line
    return out
