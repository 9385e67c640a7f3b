"""Small DOCX files built at test time: python-docx's template + raw body XML.

Writing the body as WordprocessingML lets a test state exactly the markup it
is about (w:vMerge, w:gridSpan, w:numPr, w:br, ...), the way Word writes it.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def p(text: str = "", style: str | None = None, bold: bool = False, num: tuple[int, int] | None = None) -> str:
    """A w:p with one run; `num` = (numId, ilvl) adds w:numPr."""
    ppr = ""
    if style or num:
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        num_xml = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
        ppr = f"<w:pPr>{style_xml}{num_xml}</w:pPr>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def tc(*paragraphs: str, span: int = 1, vmerge: str | None = None) -> str:
    """A w:tc; `vmerge` is "restart", "continue" or None."""
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    body = "".join(x if x.startswith("<") else p(x) for x in paragraphs) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def tr(*cells: str, before: int = 0, after: int = 0, header: bool = False) -> str:
    props = ""
    if before:
        props += f'<w:gridBefore w:val="{before}"/>'
    if after:
        props += f'<w:gridAfter w:val="{after}"/>'
    if header:
        props += "<w:tblHeader/>"
    trpr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return f"<w:tr>{trpr}{''.join(c if c.startswith('<') else tc(c) for c in cells)}</w:tr>"


def tbl(n_cols: int, *rows: str, style: str = "TableGrid", look: str = "") -> str:
    """A w:tbl; `look` is the raw attribute text of a w:tblLook (e.g. 'w:firstRow="1"')."""
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(n_cols))
    look_xml = f"<w:tblLook {look}/>" if look else ""
    props = f'<w:tblPr><w:tblStyle w:val="{style}"/>{look_xml}</w:tblPr>'
    return f'<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'


def make_docx(path: Path, *blocks: str, numbering_xml: str = "", styles_xml: str = "") -> Path:
    """Write a DOCX whose body is `blocks` (w:p / w:tbl XML strings)."""
    document = docx.Document()
    body = document.element.body
    sect = body.find(f"{{{W_NS}}}sectPr")
    for child in list(body):
        if child is not sect:
            body.remove(child)
    for block in blocks:
        element = parse_xml(f'<w:root xmlns:w="{W_NS}">{block}</w:root>')
        for child in list(element):
            sect.addprevious(child)
    if numbering_xml:
        numbering = document.part.numbering_part.element
        for child in list(parse_xml(f'<w:root xmlns:w="{W_NS}">{numbering_xml}</w:root>')):
            if child.tag.endswith("}abstractNum"):
                numbering.insert(0, child)
            else:
                numbering.append(child)
    for child in list(parse_xml(f'<w:root xmlns:w="{W_NS}">{styles_xml}</w:root>')):
        document.styles.element.append(child)
    document.save(path)
    return path


def rewrite_member(src: Path, dst: Path, name: str, data: bytes | None) -> Path:
    """Copy a zip, replacing member `name` with `data` (None: leave it out)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == name:
                continue
            zout.writestr(info, zin.read(info))
        if data is not None:
            zout.writestr(name, data)
    return dst


def declare_size(path: Path, member: str, size: int) -> None:
    """Patch the declared uncompressed size of `member` (local and central headers)."""
    raw = bytearray(path.read_bytes())
    encoded = member.encode()
    # (signature, offset of uncompressed size, of name length, of name)
    for signature, size_offset, len_offset, name_offset in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        start = 0
        while (at := raw.find(signature, start)) >= 0:
            name_len = struct.unpack_from("<H", raw, at + len_offset)[0]
            if raw[at + name_offset: at + name_offset + name_len] == encoded:
                struct.pack_into("<I", raw, at + size_offset, size)
            start = at + 4
    path.write_bytes(bytes(raw))


def mark_encrypted(path: Path) -> None:
    """Set the zip "encrypted" flag on every member, as zip-level password protection does."""
    raw = bytearray(path.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (at := raw.find(signature, start)) >= 0:
            raw[at + flag_offset] |= 0x01
            start = at + 4
    path.write_bytes(bytes(raw))
