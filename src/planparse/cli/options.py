"""Parsing of option values shared by several commands."""

from __future__ import annotations

from ..settings import OPEN_END


def parse_pages(spec: str | None) -> tuple[int, ...] | None:
    """`"3-5,8"` -> (3, 4, 5, 8); None or "all" -> None.  Raises ValueError on bad input.

    An open range ("5-", "5-end") is returned with `OPEN_END` as its last
    number; `pages_from` splits it off (the document's length is not known yet).
    """
    if spec is None or not spec.strip() or spec.strip().lower() == "all":
        return None
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            lo, _, hi = (x.strip() for x in part.partition("-"))
            if hi.lower() in ("", "end") and lo.isdigit():
                pages.append(int(lo))
                pages.append(OPEN_END)
                continue
            if not (lo.isdigit() and hi.isdigit()) or int(lo) > int(hi):
                raise ValueError(f"bad page range {part!r} (use e.g. 3-5, 5- or 5-end)")
            pages.extend(range(int(lo), int(hi) + 1))
        elif part.isdigit():
            pages.append(int(part))
        else:
            raise ValueError(f"bad page number {part!r} (use e.g. 3-5,8, 5-, 5-end or all)")
    if any(p < 1 for p in pages):
        raise ValueError("pages are numbered from 1")
    return tuple(sorted(set(pages)))


PAGES_HELP = "Pages to read: e.g. 3-5,8, 5- or 5-end (to the last page), all. A DOCX has no pages (ignored, with a warning)."


PDF_PARSER_HELP = (
    "PDF parser: pdfium (fast, default) or pdfminer (pure Python, slower; "
    "try it if a PDF reads wrongly or crashes the parser)."
)
