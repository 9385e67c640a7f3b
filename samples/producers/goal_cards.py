"""Goal-card samples of budgets and financial statements, not tuned to Kauhava or Seinäjoki.

    python samples/producers/goal_cards.py

rl-goalcards-mantyla.pdf (reportlab canvas, Finnish): companies with group
    sub-headings, each goal a ruled card "Sitova tavoite | Mittari ja
    tavoitetaso" over its row, then "Toteutuminen | Arvio" over its row; one
    card is cut by the page break after its first header row and goes on
    overleaf with no top rule and no repeated header.
lo-bindande-mal-strandby.docx / .pdf (python-docx, PDF by LibreOffice,
    Swedish): result areas "Resultatenhet 410 ...", cards "Bindande mål |
    Mätare" over "Målvärde | Utfall" and a status digit in a column with no
    header of its own.

The expected outputs (tests/expected/<file>.json) are written from CARDS
below, the content as printed, never from planparse; only the page a card
starts on is looked up in the finished PDF (pdfplumber).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
EXPECTED = SAMPLES.parent / "tests" / "expected"
sys.path.insert(0, str(SAMPLES))
import build  # noqa: E402  (samples/build.py: PLANPARSE_VERSION, read from the source, not imported from planparse)

MANTYLA_TITLE = "Mäntylän kaupunki – Tilinpäätös 2024"
# (company, group, goal, measure paragraphs, evaluation, grade)
MANTYLA = [
    ("Mäntylän Energia Oy", "Taloudelliset tavoitteet", "Yhtiön tulos on positiivinen",
     ["Tilikauden tulos vähintään 50 000 euroa."], "Toteutui, tulos 182 400 euroa.", "Hyvä"),
    ("Mäntylän Energia Oy", "Taloudelliset tavoitteet", "Omavaraisuus säilyy vahvana",
     ["Omavaraisuusaste vähintään 40 %.", "Ei uutta pitkäaikaista lainaa."], "Omavaraisuusaste 46,2 %. Uutta lainaa ei otettu.", "Hyvä"),
    ("Mäntylän Energia Oy", "Toiminnalliset tavoitteet", "Kaukolämmön toimitusvarmuus on korkea",
     ["Keskeytysten kesto alle 2 tuntia asiakasta kohden vuodessa."], "Keskeytyksiä 0,8 tuntia asiakasta kohden.", "Hyvä"),
    ("Mäntylän Energia Oy", "Toiminnalliset tavoitteet", "Uusiutuvan energian osuus kasvaa",
     ["Uusiutuvien polttoaineiden osuus yli 70 %.", "Aurinkovoimalan rakentaminen alkaa."],
     "Osuus 64 %. Aurinkovoimalan rakentaminen siirtyi vuodelle 2025 luvan viivästyttyä.", "Tyydyttävä"),
    ("Mäntylän Energia Oy", "Toiminnalliset tavoitteet", "Asiakkaat ovat tyytyväisiä palveluun",
     ["Asiakastyytyväisyys vähintään 4,0 asteikolla 1–5."], "Kyselyn keskiarvo 4,2.", "Hyvä"),
    ("Mäntylän Asunnot Oy", "Taloudelliset tavoitteet", "Vuokratulot kattavat kulut",
     ["Rahoitustulos vähintään nolla."], "Toteutui, rahoitustulos 41 000 euroa.", "Hyvä"),
    ("Mäntylän Asunnot Oy", "Toiminnalliset tavoitteet", "Asuntojen käyttöaste pysyy korkeana",
     ["Käyttöaste vähintään 95 %."], "Käyttöaste 91,5 %. Vanhimmissa kohteissa tyhjiä asuntoja.", "Heikko"),
]
SPLIT_AFTER_HEADER = 3  # 0-based card cut by the page break after its first header row

STRANDBY_TITLE = "Strandby kommun – Bokslut 2024"
# (result area heading, goal, measure, target, outcome, status digit)
STRANDBY = [
    ("Resultatenhet 410 Bildningstjänster", "Alla elever når kunskapskraven i årskurs 9",
     "Andel elever med godkända betyg i alla ämnen", "minst 85 %", "82 %", "2"),
    ("Resultatenhet 410 Bildningstjänster", "Barnomsorg erbjuds inom lagstadgad tid",
     "Andel placeringar inom fyra månader", "100 %", "100 %", "1"),
    ("Resultatenhet 520 Kultur och fritid", "Biblioteket når fler invånare",
     "Antal besök per invånare och år", "6,0", "6,4", "1"),
    ("Resultatenhet 520 Kultur och fritid", "Idrottsanläggningarna används effektivt",
     "Bokningsgrad för idrottshallen vardagar kl. 16–21", "minst 90 %", "74 %", "3"),
]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record(section, goal, indicators, extra, page, table) -> dict:
    return {"section": section, "goal_id": None, "goal": goal, "action_id": None, "actions": [], "owners": [],
            "indicators": indicators, "schedule": None, "extra": extra, "source": {"page": page, "table": table, "row": 1}}


def _write(path: Path, title: str, records: list[dict], n_pages: int | None, fmt: str, lexicon: str) -> None:
    # the municipality the title names owns the statement; a one-year statement prints no plan period
    metadata = {"period": None, "organization": title.split(" – ")[0], "reference": None, "decision": None, "contacts": []}
    producer = {"planparse": build.PLANPARSE_VERSION, "lexicon": lexicon, "pdf_parser": "pdfium" if fmt == "pdf" else None, "ocr": None}
    doc = {"schema": "planparse/1.1",
           "source": {"file": path.name, "path": f"samples/{path.name}", "format": fmt, "pages": n_pages, "sha256": _sha256(path)},
           "producer": producer, "title": title, "metadata": metadata, "records": records, "indicators": [], "warnings": []}
    (EXPECTED / f"{path.name}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- reportlab cards


def build_mantyla() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = SAMPLES / "rl-goalcards-mantyla.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    c.setTitle(MANTYLA_TITLE)
    width, height = A4
    left, right, split = 56.0, width - 56.0, 262.0
    grade_x = right - 90.0
    size, lead = 9.5, 12.0
    page = 1
    y = height - 60

    def new_page() -> float:
        nonlocal page
        c.showPage()
        page += 1
        return height - 60

    def text_lines(x: float, top: float, paragraphs: list[str], bold: bool = False) -> float:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        yy = top - size - 2
        for i, para in enumerate(paragraphs):
            if i:
                yy -= lead * 0.6  # a paragraph gap
            c.drawString(x + 3, yy, para)
            yy -= lead
        return top - yy - lead + size + 6  # height used

    def band(top: float, cells: list[tuple[float, float, list[str]]], bold: bool, fill: bool, top_rule: bool = True) -> float:
        h = max(text_lines(x0, top, paras, bold) for x0, _, paras in cells) if not fill else size + 8
        if fill:
            c.setFillGray(0.82)
            c.rect(left, top - h, right - left, h, stroke=0, fill=1)
            c.setFillGray(0)
            for x0, _, paras in cells:
                text_lines(x0, top, paras, bold)
        c.setLineWidth(0.6)
        if top_rule:
            c.line(left, top, right, top)
        c.line(left, top - h, right, top - h)
        for x in [left] + [x0 for x0, _, _ in cells[1:]] + [right]:
            c.line(x, top, x, top - h)
        return top - h

    c.setFont("Helvetica-Bold", 18)
    c.drawString(left, y, MANTYLA_TITLE)
    y -= 30
    c.setFont("Helvetica-Bold", 13)
    c.drawString(left, y, "Tytäryhtiöiden tavoitteiden toteutuminen")
    y -= 22
    c.setFont("Helvetica", 10)
    c.drawString(left, y, "Kaupunginvaltuusto asetti tytäryhtiöille sitovat tavoitteet talousarviossa 2024.")
    y -= 24
    records = []
    company = group = None
    for n, (comp, grp, goal, measures, evaluation, grade) in enumerate(MANTYLA):
        need = 120 if n != SPLIT_AFTER_HEADER else 0
        if comp != company:
            if y < 200:
                y = new_page()
            c.setFont("Helvetica-Bold", 13)
            c.drawString(left, y, comp)
            y -= 22
            company, group = comp, None
        if grp != group:
            c.setFont("Helvetica-Bold", 10.5)
            c.drawString(left, y, grp)
            y -= 18
            group = grp
        if n == SPLIT_AFTER_HEADER:
            y = 100.0  # the card starts low on the page so that it is cut after its header row
        elif y < need:
            y = new_page()
        start = page
        y = band(y, [(left, split, ["Sitova tavoite"]), (split, right, ["Mittari ja tavoitetaso"])], True, True)
        top_rule = True
        if n == SPLIT_AFTER_HEADER:
            y = new_page()
            top_rule = False  # the rest of the card overleaf: no top rule, no header repeated
        y = band(y, [(left, split, [goal]), (split, right, measures)], False, False, top_rule)
        y = band(y, [(left, grade_x, ["Toteutuminen"]), (grade_x, right, ["Arvio"])], True, True)
        y = band(y, [(left, grade_x, [evaluation]), (grade_x, right, [grade])], False, False)
        y -= 16
        records.append(_record(f"{comp} / {grp}", goal, measures, {"Toteutuminen": evaluation, "Arvio": grade}, start, n + 1))
    c.showPage()
    c.save()
    _write(path, MANTYLA_TITLE, records, page, "pdf", "voikko")


# ---------------------------------------------------------------- LibreOffice cards (Swedish)


def _shade(cell, fill: str = "D9D9D9") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _set_text(cell, text: str, bold: bool = False) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold


def build_strandby() -> None:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE  # noqa: F401  (python-docx present)
    from docx.shared import Cm

    path = SAMPLES / "lo-bindande-mal-strandby.docx"
    doc = Document()
    doc.add_heading(STRANDBY_TITLE, level=0)
    doc.add_paragraph("Fullmäktige fastställde de bindande målen i budgeten för 2024. Nedan redovisas hur de har uppnåtts.")
    heading = None
    for goal_area, goal, measure, target, outcome, digit in STRANDBY:
        if goal_area != heading:
            doc.add_heading(goal_area, level=1)
            heading = goal_area
        table = doc.add_table(rows=4, cols=3)
        table.style = "Table Grid"
        widths = [Cm(7.5), Cm(7.5), Cm(1.2)]
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = w
        top = table.rows[0].cells
        merged = top[1].merge(top[2])
        _set_text(top[0], "Bindande mål", True)
        _set_text(merged, "Mätare", True)
        for cell in (top[0], merged):
            _shade(cell)
        second = table.rows[1].cells
        merged2 = second[1].merge(second[2])
        _set_text(second[0], goal)
        _set_text(merged2, measure)
        third = table.rows[2].cells
        _set_text(third[0], "Målvärde", True)
        _set_text(third[1], "Utfall", True)
        for cell in third:
            _shade(cell)
        fourth = table.rows[3].cells
        _set_text(fourth[0], target)
        _set_text(fourth[1], outcome)
        _set_text(fourth[2], digit)
        doc.add_paragraph("")
    doc.core_properties.title = STRANDBY_TITLE
    doc.save(str(path))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(SAMPLES), str(path),
                        f"-env:UserInstallation=file://{tmp}"], check=True, capture_output=True)
    pdf = path.with_suffix(".pdf")
    pages, n_pages = _goal_pages(pdf, [g for _, g, *_ in STRANDBY])
    for fmt, target_path, page_list in (("docx", path, [None] * len(STRANDBY)), ("pdf", pdf, pages)):
        records = [
            _record(area.split(" ", 1)[1], goal, [measure], {"Målvärde": target, "Utfall": outcome, "Arvio": digit}, page, n)
            for n, ((area, goal, measure, target, outcome, digit), page) in enumerate(zip(STRANDBY, page_list), start=1)
        ]
        _write(target_path, STRANDBY_TITLE, records, n_pages if fmt == "pdf" else None, fmt, "wordfreq")


def _goal_pages(pdf: Path, goals: list[str]) -> tuple[list[int], int]:
    """The page each goal is printed on (the card starts there)."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        texts = [unicodedata.normalize("NFC", " ".join((page.extract_text() or "").split())) for page in doc.pages]
        return [next(i for i, t in enumerate(texts, start=1) if goal.split()[0] in t) for goal in goals], len(doc.pages)


if __name__ == "__main__":
    build_mantyla()
    build_strandby()
