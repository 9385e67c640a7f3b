"""Generators of broken, hostile and not-a-plan files, written into a tmp folder.

Every maker takes a folder and returns the path it wrote.  Nothing here is
committed as a binary: the files are built from scratch (reportlab, zipfile,
PIL) or derived from the committed samples, so each case documents exactly
what is wrong with it.  `BAD_CASES` lists, for each case, what `planparse
extract` must say about it (exit code, error code, words in the message).
"""

from __future__ import annotations

import io
import os
import random
import signal
import struct
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from planparse.errors import ExitCode

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PLAN_HEADER = ["Tavoite", "Toimenpide", "Vastuutaho", "Mittari"]


# ---------------------------------------------------------------- PDFs built with reportlab


def _plan_pdf(path: Path, pages: int = 1, rows_per_page: int = 6, encrypt: Any = None) -> Path:
    """A ruled 4-column plan table on every page (reportlab), optionally encrypted."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    doc = SimpleDocTemplate(str(path), pagesize=A4, encrypt=encrypt, title="Testisuunnitelma")
    story: list[Any] = []
    for page in range(1, pages + 1):
        data = [PLAN_HEADER] + [
            [f"{page}.{i} Tavoite numero {i}", f"Toimenpide {page}-{i}", "Hyvinvointiryhmä", f"Mittari {i}"]
            for i in range(1, rows_per_page + 1)
        ]
        table = Table(data, colWidths=[130, 130, 110, 100])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story.append(table)
        if page < pages:
            story.append(PageBreak())
    doc.build(story)
    return path


def make_plan_pdf(folder: Path, name: str = "plan.pdf", pages: int = 1) -> Path:
    return _plan_pdf(folder / name, pages=pages)


def make_big_pdf(folder: Path, pages: int = 500) -> Path:
    """A plan whose table runs over `pages` pages (the memory-bound case)."""
    return _plan_pdf(folder / f"big-{pages}.pdf", pages=pages, rows_per_page=8)


def make_encrypted_empty_password(folder: Path) -> Path:
    """Encrypted with an owner password only: opens without asking (user password is empty)."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    return _plan_pdf(folder / "encrypted-open.pdf", encrypt=StandardEncryption("", ownerPassword="owner-secret", strength=128))


ENCRYPTED_PASSWORD = "salasana"


def make_encrypted_with_password(folder: Path) -> Path:
    """Encrypted with a user password: needs `--password salasana`."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    return _plan_pdf(
        folder / "encrypted.pdf", encrypt=StandardEncryption(ENCRYPTED_PASSWORD, ownerPassword="owner-secret", strength=128)
    )


def make_no_tables_pdf(folder: Path) -> Path:
    """A prose decision: running text, headings, no table at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    path = folder / "prose.pdf"
    text = (
        "Kaupunginhallitus päätti hyväksyä kotoutumisohjelman painopisteet vuosille 2022–2025. "
        "Ohjelman toteutumista seurataan vuosittain, ja seurannasta raportoidaan lautakunnille. "
    )
    story = [Paragraph("Päätös", styles["Heading1"])] + [Paragraph(text * 3, styles["BodyText"]) for _ in range(6)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def make_scanned_pdf(folder: Path) -> Path:
    """An image-only PDF (a scan without OCR): the page shows a table but holds no text."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    for row in range(8):
        top = 150 + row * 80
        draw.rectangle([100, top, 1140, top + 80], outline=0, width=3)
        for col in range(1, 4):
            draw.line([100 + col * 260, top, 100 + col * 260, top + 80], fill=0, width=3)
        draw.text((120, top + 30), f"Tavoite {row}", fill=0)
    path = folder / "scanned.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return path


def _a_sample_pdf(folder: Path) -> bytes:
    """Bytes of a real PDF: a committed sample if there is one, else a reportlab plan."""
    samples = sorted(SAMPLES.glob("*.pdf"))
    if samples:
        return samples[0].read_bytes()
    return _plan_pdf(folder / ".source-plan.pdf").read_bytes()


def make_truncated_pdf(folder: Path) -> Path:
    """A real PDF cut in half (an interrupted download): no xref, no trailer, half the objects."""
    data = _a_sample_pdf(folder)
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def make_header_only_pdf(folder: Path) -> Path:
    """Just the PDF header and a few bytes: the smallest truncation."""
    path = folder / "header-only.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<")
    return path


# ---------------------------------------------------------------- not PDFs, whatever their names say


def make_empty(folder: Path) -> Path:
    path = folder / "empty.pdf"
    path.write_bytes(b"")
    return path


def make_random_bytes_pdf(folder: Path, seed: int = 5) -> Path:
    path = folder / "random.pdf"
    path.write_bytes(random.Random(seed).randbytes(4096))
    return path


def make_html_as_pdf(folder: Path) -> Path:
    """What a browser saves when a link leads to a page, not to the file."""
    path = folder / "suunnitelma.pdf"
    path.write_text(
        "<!DOCTYPE html>\n<html lang=\"fi\"><head><title>Hyvinvointisuunnitelma</title></head>"
        "<body><p>Lataa suunnitelma (PDF)</p></body></html>\n",
        encoding="utf-8",
    )
    return path


def _ole_file(streams: list[str], size: int = 8192, seed: int = 7) -> bytes:
    """OLE magic + a directory naming `streams` (UTF-16-LE, as in a real compound file) + junk."""
    rng = random.Random(seed)
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + rng.randbytes(64) for name in streams)
    body = OLE_MAGIC + b"\0" * 16 + struct.pack("<HH", 0x3E, 3) + b"\0" * 486 + directory
    return body + rng.randbytes(max(size - len(body), 0))


def make_password_docx(folder: Path) -> Path:
    """A password-protected DOCX: Word stores it as an OLE file with EncryptionInfo + EncryptedPackage."""
    path = folder / "protected.docx"
    path.write_bytes(_ole_file(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    return path


def make_doc(folder: Path) -> Path:
    """An old binary Word file (.doc): OLE with a WordDocument stream."""
    path = folder / "vanha.doc"
    path.write_bytes(_ole_file(["Root Entry", "WordDocument", "1Table", "\x05SummaryInformation"]))
    return path


def make_not_zip_docx(folder: Path) -> Path:
    path = folder / "not-zip.docx"
    path.write_bytes(b"This is not a Word file at all.\n" * 20)
    return path


def make_truncated_docx(folder: Path) -> Path:
    """A real DOCX cut short: starts like a zip, has no central directory."""
    data = (SAMPLES / "turku-yhta.docx").read_bytes() if (SAMPLES / "turku-yhta.docx").exists() else _minimal_docx()
    path = folder / "truncated.docx"
    path.write_bytes(data[: len(data) // 3])
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    "</Types>"
)


def _minimal_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def make_docx_missing_document(folder: Path) -> Path:
    """A zip that looks like Office Open XML but lacks word/document.xml."""
    path = folder / "missing-part.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("docProps/core.xml", "<coreProperties/>")
    return path


def make_zip_bomb_docx(folder: Path, megabytes: int = 64) -> Path:
    """A DOCX whose document.xml inflates ~1000x: `megabytes` MB of zeros from a few tens of kB."""
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return path


def make_declared_bomb_docx(folder: Path, declared: int = 3 * 1024**3) -> Path:
    """A tiny DOCX whose central directory *declares* a 3 GB document.xml (patched sizes).

    Refusing it proves the check reads declared sizes: inflating would fail
    on a CRC/size mismatch long before anything looked big.
    """
    data = bytearray(_minimal_docx_with_body())
    name = b"word/document.xml"
    # Patch every central-directory entry for word/document.xml: uncompressed size at offset 24.
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", data, pos + 24, min(declared, 0xFFFFFFFE))
        pos += 4
    path = folder / "declared-bomb.docx"
    path.write_bytes(bytes(data))
    return path


def _minimal_docx_with_body() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", "<w:document/>" * 100)
    return buffer.getvalue()


def make_odt(folder: Path) -> Path:
    """An OpenDocument text: a zip whose first member `mimetype` names ODF."""
    path = folder / "suunnitelma.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return path


def make_xlsx(folder: Path) -> Path:
    """An Excel workbook (Office Open XML spreadsheet)."""
    path = folder / "seuranta.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    return path


# ---------------------------------------------------------------- the table of expectations


@dataclass(frozen=True)
class BadCase:
    """A broken input and what `planparse extract` must say about it."""

    name: str
    make: Callable[[Path], Path]
    exit_code: ExitCode
    error_code: str
    words: tuple[str, ...]  # each must appear in the message (case-insensitive)


BAD_CASES: tuple[BadCase, ...] = (
    BadCase("empty", make_empty, ExitCode.CORRUPT_INPUT, "corrupt-input", ("empty",)),
    BadCase("truncated-pdf", make_truncated_pdf, ExitCode.CORRUPT_INPUT, "corrupt-input", ("pdf",)),
    BadCase("header-only-pdf", make_header_only_pdf, ExitCode.CORRUPT_INPUT, "corrupt-input", ("pdf",)),
    BadCase("random-bytes", make_random_bytes_pdf, ExitCode.UNSUPPORTED_FORMAT, "unsupported-format", ("not a pdf",)),
    BadCase("html-as-pdf", make_html_as_pdf, ExitCode.UNSUPPORTED_FORMAT, "unsupported-format", ("html",)),
    BadCase("encrypted-pdf", make_encrypted_with_password, ExitCode.ENCRYPTED, "encrypted", ("password",)),
    BadCase("password-docx", make_password_docx, ExitCode.ENCRYPTED, "encrypted", ("password",)),
    BadCase("not-zip-docx", make_not_zip_docx, ExitCode.UNSUPPORTED_FORMAT, "unsupported-format", ("not a pdf or docx",)),
    BadCase("truncated-docx", make_truncated_docx, ExitCode.CORRUPT_INPUT, "corrupt-input", ("zip",)),
    BadCase("docx-missing-part", make_docx_missing_document, ExitCode.CORRUPT_INPUT, "corrupt-input", ("word/document.xml",)),
    BadCase("zip-bomb", make_zip_bomb_docx, ExitCode.CORRUPT_INPUT, "corrupt-input", ("zip bomb",)),
    BadCase("declared-zip-bomb", make_declared_bomb_docx, ExitCode.CORRUPT_INPUT, "corrupt-input", ("zip bomb",)),
    BadCase("doc", make_doc, ExitCode.UNSUPPORTED_FORMAT, "unsupported-format", (".doc", ".docx")),
    BadCase("odt", make_odt, ExitCode.UNSUPPORTED_FORMAT, "unsupported-format", ("opendocument", ".docx")),
    BadCase("xlsx", make_xlsx, ExitCode.UNSUPPORTED_FORMAT, "unsupported-format", ("excel", ".docx")),
    BadCase("scanned-pdf", make_scanned_pdf, ExitCode.NO_TEXT_LAYER, "no-text-layer", ("text layer", "ocrmypdf")),
)


# ---------------------------------------------------------------- misbehaving workers (batch tests)
# Module-level so a fresh worker process can import them by name.


def hang_worker(task: Any) -> dict[str, Any]:
    """Sleeps far past any test timeout, as a parser stuck in a loop would."""
    time.sleep(3600)
    return {"status": "ok"}  # pragma: no cover


def crash_worker(task: Any) -> dict[str, Any]:
    """Dies the way a segfaulting C extension does."""
    os.kill(os.getpid(), signal.SIGSEGV)
    return {"status": "ok"}  # pragma: no cover


def memory_hog_worker(task: Any) -> dict[str, Any]:
    """Allocates without bound: the worker's memory cap must stop it."""
    from planparse.batch.runner import convert_file

    if "hog" in task.input.name:
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))
    return convert_file(task)


def partial_then_hang_worker(task: Any) -> dict[str, Any]:
    """Starts writing its output atomically, then hangs: the batch must leave no .part file."""
    from planparse.outputs.writers import atomic_output

    with atomic_output(task.output) as stream:
        stream.write('{"schema": "planparse/1", "records": [')
        stream.flush()
        time.sleep(3600)
    return {"status": "ok"}  # pragma: no cover


def misbehaving_worker(task: Any) -> dict[str, Any]:
    """Dispatch on the file name: hang.*, crash.*, hog.*, partial.*; anything else converts normally."""
    from planparse.batch.runner import convert_file

    stem = task.input.name.split(".")[0]
    if stem == "hang":
        return hang_worker(task)
    if stem == "crash":
        return crash_worker(task)
    if stem == "hog":
        return memory_hog_worker(task)
    if stem == "partial":
        return partial_then_hang_worker(task)
    return convert_file(task)


def big_result_worker(task: Any) -> dict[str, Any]:
    """Converts normally, then sends back a collected document of over a megabyte."""
    from planparse.batch.runner import convert_file

    result = convert_file(task)
    result["plan"] = {"source": {}, "padding": "x" * 1_000_000}
    return result


def child_process_worker(task: Any) -> dict[str, Any]:
    """child.*: runs a program (as OCR runs Tesseract) and fails when it is killed; others as
    `misbehaving_worker`."""
    import subprocess

    if task.input.name.startswith("child."):
        done = subprocess.run(["sleep", "60"])
        return {"status": "failed", "error": {"code": "internal-error", "exit_code": 70,
                                              "message": f"child program exited {done.returncode}"}}
    return misbehaving_worker(task)
