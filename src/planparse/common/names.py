"""File names as text that is safe to write: in JSON (UTF-8) and on a terminal.

A POSIX file name is bytes; Python hands bytes that are not UTF-8 to us as
lone surrogates ("x\\udcff.pdf"), which no UTF-8 writer accepts.  And a name
may hold escape sequences that a terminal would obey.  `portable` is for
outputs and report.json (undecodable bytes as the visible text `\\xff`),
`printable` for stderr (control and format characters escaped as well).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path


def portable(text: str | Path) -> str:
    """`text` with undecodable bytes (lone surrogates) shown as `\\xNN`: always encodable as UTF-8."""
    text = str(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def printable(text: str | Path) -> str:
    """`portable(text)` with control and invisible format characters (ESC, BEL, bidi overrides) escaped."""
    text = portable(text)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " " or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)
