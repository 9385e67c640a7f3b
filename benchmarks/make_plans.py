"""Generate large synthetic plans for the benchmark (built once, cached).

A ~200-page plan with ~1,000 table rows as a ruled and a borderless PDF
(reportlab), a 1,000-row DOCX (python-docx), and a folder of 20 smaller plans
for the batch figures.  The text is Finnish-like plan prose with long
compounds so the hyphen repair has real work to do.
"""

from __future__ import annotations

import random
from pathlib import Path

GOALS = [
    "Yhdenvertaisuus- ja tasa-arvotoiminnan johtaminen tietoon perustuen",
    "Kuntalaisten opastaminen ja tietoisuuden lisääminen yhdenvertaisuuden edistämiseksi",
    "Heikommassa asemassa olevien väestöryhmien näkökulmien huomioiminen päätöksenteossa",
    "Lasten, nuorten ja perheiden arjen hyvinvointi lisääntyy",
    "Digitaalisten palvelujen saatavuus ja peittävyys paranevat",
]
ACTIONS = [
    "Seurantamittariston tietopohjan rakentaminen yhteistyössä toimialojen kanssa",
    "Palveluohjausta ja opastusta digitaalisten palveluiden käyttöön matalan kynnyksen palvelupisteissä",
    "Kehitetään yhteistyötä yhdenvertaisuustoimijoiden kanssa ja viedään tarvittavia näkökulmia eteenpäin",
    "Sukupuolineutraalit puku-, pesu- ja wc-tilat huomioidaan tilasuunnitteluohjeistuksissa",
    "Asukas- ja asiakasraateja hyödynnetään palvelujen kehittämisessä säännöllisesti",
]
OWNERS = ["Konsernihallinnon hyte-tiimi", "Viestintä- ja markkinointipalvelut", "Kaikki toimialat", "Kaupunginkanslia", "HR"]
INDICATORS = ["Tilaisuuksien määrä eri kaupunginosissa", "Asiakastyytyväisyys (NPS)", "Toteutunut kyllä / ei", "Digitaalisten kontaktien määrä"]
HEADER = ["Tavoite", "Toimenpide", "Vastuutaho", "Mittari", "Aikataulu"]


def plan_rows(n_rows: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n_rows):
        rows.append([
            f"{i // 5 + 1}. {rng.choice(GOALS)}",
            f"{i // 5 + 1}.{i % 5 + 1} {rng.choice(ACTIONS)}. {rng.choice(ACTIONS)}. {rng.choice(ACTIONS)}.",
            ", ".join(rng.sample(OWNERS, 2)),
            f"{rng.choice(INDICATORS)}; {rng.choice(INDICATORS)}",
            f"{2024 + i % 3}–{2025 + i % 3}",
        ])
    return rows


# Cell text and layout.  Column widths leave room for each column's longest word
# (checked in `_check_widths`): reportlab splits a word that does not fit without
# a hyphen ("Konsernihallinno n"), which no real plan does.
FONT, FONT_SIZE, LEADING = "Helvetica", 9.5, 11.5
COL_WIDTHS_CM = [3.5, 5.3, 3.5, 3.5, 2.2]
CELL_PADDING = 12.0  # points, left + right (reportlab's default 6 + 6)
MARGIN_CM = 1.5
ROWS_PER_PAGE = 5.1  # measured: 1,000 rows fill about 196 A4 pages


def _check_widths(rows: list[list[str]]) -> None:
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for col, width_cm in enumerate(COL_WIDTHS_CM):
        words = {w for row in rows for w in row[col].split()}
        widest = max(words, key=lambda w: stringWidth(w, FONT, FONT_SIZE))
        need = stringWidth(widest, FONT, FONT_SIZE) + CELL_PADDING
        if need > width_cm * cm:
            raise ValueError(f"column {col} is too narrow for {widest!r} ({need / cm:.2f} cm needed)")


def _page_number(canvas, doc) -> None:
    """Page furniture as plans print it: a footer with the page number."""
    from reportlab.lib.units import cm

    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.drawRightString(doc.pagesize[0] - MARGIN_CM * cm, 0.8 * cm, f"Sivu {doc.page}")
    canvas.restoreState()


def build_pdf(path: Path, n_rows: int, ruled: bool) -> None:
    """A multi-page A4 plan table with the header repeated on each page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rows = plan_rows(n_rows)
    _check_widths(rows)
    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("cell", fontName=FONT, fontSize=FONT_SIZE, leading=LEADING)
    head = styles["BodyText"].clone("head", fontName="Helvetica-Bold", fontSize=8, leading=10)
    data = [[Paragraph(h, head) for h in HEADER]]
    data += [[Paragraph(cell, body) for cell in row] for row in rows]
    table = Table(data, colWidths=[w * cm for w in COL_WIDTHS_CM], repeatRows=1)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table.setStyle(TableStyle(style))
    margin = MARGIN_CM * cm
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, topMargin=margin, bottomMargin=margin, leftMargin=margin, rightMargin=margin
    )
    story = [Paragraph("Yhdenvertaisuus- ja tasa-arvosuunnitelma (benchmark)", styles["Title"]), Spacer(1, 12), table]
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)


def rows_for_pages(pages: int) -> int:
    """About how many table rows fill `pages` pages."""
    return max(5, round(pages * ROWS_PER_PAGE))


def pdf_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def build_docx(path: Path, n_rows: int) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Hyvinvointisuunnitelma (benchmark)", 0)
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for row in plan_rows(n_rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    document.save(str(path))


VERSION = 2  # bump when the layout changes: cached files of another version are not reused


def ensure_plans(cache: Path, rows: int = 1000) -> dict[str, Path]:
    """Build (once) and return the benchmark inputs.

    ruled / borderless: the big plan (`rows` rows, ~200 pages at 1,000 rows);
    small-ruled: the same plan at a quarter of the rows (~50 pages), for the
    memory-growth check; docx: `rows` rows; batch: a folder of 20 ~10-page plans.
    """
    cache.mkdir(parents=True, exist_ok=True)
    small = max(5, rows // 4)
    files = {
        "ruled": cache / f"plan-v{VERSION}-{rows}-ruled.pdf",
        "borderless": cache / f"plan-v{VERSION}-{rows}-borderless.pdf",
        "small-ruled": cache / f"plan-v{VERSION}-{small}-ruled.pdf",
        "docx": cache / f"plan-v{VERSION}-{rows}.docx",
        "batch": cache / f"batch20-v{VERSION}",
    }
    builders = {
        "ruled": lambda p: build_pdf(p, rows, ruled=True),
        "borderless": lambda p: build_pdf(p, rows, ruled=False),
        "small-ruled": lambda p: build_pdf(p, small, ruled=True),
        "docx": lambda p: build_docx(p, rows),
    }
    for key, build in builders.items():
        if not files[key].exists():
            tmp = files[key].with_name(files[key].name + ".part")
            build(tmp)
            tmp.replace(files[key])  # an interrupted build leaves no half file in the cache
    batch = files["batch"]
    if not batch.exists() or len(list(batch.glob("*.pdf"))) < 20:
        batch.mkdir(exist_ok=True)
        for i in range(20):
            target = batch / f"plan-{i:02d}.pdf"
            if not target.exists():
                tmp = batch / f".plan-{i:02d}.part"
                build_pdf(tmp, 50, ruled=i % 2 == 0)
                tmp.replace(target)
    return files
