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


def build_pdf(path: Path, n_rows: int, ruled: bool) -> None:
    """A multi-page A4 plan table with the header repeated on each page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("cell", fontSize=10, leading=12)
    head = styles["BodyText"].clone("head", fontName="Helvetica-Bold", fontSize=8, leading=10)
    data = [[Paragraph(h, head) for h in HEADER]]
    data += [[Paragraph(cell, body) for cell in row] for row in plan_rows(n_rows)]
    widths = [4.2 * cm, 6.0 * cm, 3.2 * cm, 3.2 * cm, 1.9 * cm]
    table = Table(data, colWidths=widths, repeatRows=1)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table.setStyle(TableStyle(style))
    doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=1.5 * cm, bottomMargin=1.5 * cm)
    doc.build([Paragraph("Yhdenvertaisuus- ja tasa-arvosuunnitelma (benchmark)", styles["Title"]), Spacer(1, 12), table])


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


def ensure_plans(cache: Path, pages_rows: int = 1000) -> dict[str, Path]:
    """Build (once) and return the benchmark inputs."""
    cache.mkdir(parents=True, exist_ok=True)
    files = {
        "ruled": cache / f"plan-{pages_rows}-ruled.pdf",
        "borderless": cache / f"plan-{pages_rows}-borderless.pdf",
        "docx": cache / f"plan-{pages_rows}.docx",
        "batch": cache / "batch20",
    }
    if not files["ruled"].exists():
        build_pdf(files["ruled"], pages_rows, ruled=True)
    if not files["borderless"].exists():
        build_pdf(files["borderless"], pages_rows, ruled=False)
    if not files["docx"].exists():
        build_docx(files["docx"], pages_rows)
    batch = files["batch"]
    if not batch.exists() or len(list(batch.glob("*.pdf"))) < 20:
        batch.mkdir(exist_ok=True)
        for i in range(20):
            build_pdf(batch / f"plan-{i:02d}.pdf", 50, ruled=i % 2 == 0)
    return files
