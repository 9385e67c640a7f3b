"""Score PDF table extraction on the ICDAR 2013 table competition suite.

Tools compared in one run: planparse (its raw tables, as `planparse tables`
prints them), pdfplumber's default `page.extract_tables()`, and camelot's
default (lattice) and stream flavours when camelot is installed.  Two modes:

  regions  the ground-truth table regions are given: each tool sees only the
           page cropped to a region (plus a 5 pt margin, so the outer ruling
           of a table is kept);
  pages    no regions: each tool reads every page of the document whole.

The measure is the competition's structure measure (Göbel, Hassan, Oro,
Orsi: "ICDAR 2013 Table Competition"; "A methodology for evaluating
algorithms for table understanding in PDF documents", DocEng 2012): a table
is turned into the set of *adjacency relations* between neighbouring
non-empty cells, and the relation sets of result and ground truth are
compared.  The exact rule implemented here:

  * A table is a grid of cells; a cell covers rows r0..r1 and columns c0..c1
    (ground truth: start/end-row/col; detected grids: 1x1 cells, where a
    cell covered by a merge — pdfplumber's None, planparse's
    merged_from_above, camelot's blank — counts as empty).
  * Cell text is normalized: Unicode NFKC, then every whitespace character
    removed (tools differ in how they join a cell's lines and space words;
    the ground truth breaks lines with newlines).  A cell whose normalized
    text is empty is blank.
  * For every non-blank cell and every row it covers, walk right from its
    last column, skipping blank cells, to the first non-blank cell: that is
    a horizontal relation (text, neighbour text, "h").  Likewise for every
    column it covers, walk down from its last row: a vertical relation
    (text, neighbour text, "v").  A cell's relation to one neighbour is
    counted once, however many rows/columns they share.  Blank cells make
    no relations.
  * The relations of all tables of one document form a multiset (the
    competition first pairs result and ground-truth tables by region; pooling
    per document skips that pairing, which changes nothing when relation
    texts are distinct, as they nearly always are).  A ground-truth table
    over two pages is scored as one grid per page region, and so are the
    detected tables (planparse's multi-page tables are split by row page).
  * correct = size of the multiset intersection; precision = correct /
    detected relations, recall = correct / ground-truth relations,
    F1 = 2PR/(P+R).  A document where a tool detects nothing has P = 0 when
    there are ground-truth relations.  Per document and micro-averaged over
    the suite (summed counts), plus the mean of per-document F1.

Results are cached per document, tool and mode under /tmp (planparse's cache
key includes a hash of its extractor source, so an edited extractor is rescored).

Usage:  python tools/score_tables/icdar2013.py [--limit N] [--tools planparse,pdfplumber,camelot]
        [--modes regions,pages] [--docs eu-001,us-012] [--per-doc] [--no-cache] [--stale-ok]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pdfplumber

from planparse.accuracy import precision_recall_f1

REPO = Path(__file__).resolve().parents[2]
SUITE = REPO.parent / "shared" / "corpus" / "icdar2013"
CACHE = Path("/tmp/planparse-score-icdar2013")
MARGIN = 5.0  # points around a ground-truth region when cropping

Grid = list[list[str]]  # one detected table: rows of cell texts ("" = empty)
Relation = tuple[str, str, str]


# ---------------------------------------------------------------- ground truth


@dataclass
class GtCell:
    r0: int
    c0: int
    r1: int
    c1: int
    text: str


@dataclass
class GtRegion:
    page: int
    bbox: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom-left
    cells: list[GtCell] = field(default_factory=list)


@dataclass
class Document:
    name: str
    pdf: Path
    regions: list[GtRegion]


def _cells_by_table_page(path: Path) -> dict[tuple[int, int], list[GtCell]]:
    """Ground-truth cells of each (table, page), region row/col increments applied.

    A table may be split into several regions on one page (us-035a prints one
    table in three side-by-side parts, numbered on with `col-increment`); they
    are one grid here, as they are one region in -reg.xml.
    """
    out: dict[tuple[int, int], list[GtCell]] = {}
    for t, table in enumerate(ET.parse(path).getroot().iter("table")):
        for region in table.iter("region"):
            dr, dc = int(region.get("row-increment", 0)), int(region.get("col-increment", 0))
            cells = out.setdefault((t, int(region.get("page"))), [])
            for cell in region.iter("cell"):
                r0, c0 = int(cell.get("start-row")), int(cell.get("start-col"))
                r1, c1 = int(cell.get("end-row", r0)), int(cell.get("end-col", c0))
                content = cell.find("content")
                text = (content.text or "") if content is not None else ""
                cells.append(GtCell(r0 + dr, c0 + dc, r1 + dr, c1 + dc, text))
    return out


def _boxes_by_table_page(path: Path) -> dict[tuple[int, int], tuple[float, float, float, float]]:
    out = {}
    for t, table in enumerate(ET.parse(path).getroot().iter("table")):
        for region in table.iter("region"):
            bb = region.find("bounding-box")
            box = tuple(float(bb.get(k)) for k in ("x1", "y1", "x2", "y2"))
            key = (t, int(region.get("page")))
            if key in out:  # two boxes for one table on one page: take their union
                old = out[key]
                box = (min(old[0], box[0]), min(old[1], box[1]), max(old[2], box[2]), max(old[3], box[3]))
            out[key] = box
    return out


def load_documents() -> list[Document]:
    """Every PDF of the suite with its ground truth (an `a` PDF also takes the `b` files)."""
    docs = []
    for pdf in sorted(SUITE.glob("competition-dataset-*/*.pdf")):
        stems = [pdf.stem]
        if pdf.stem.endswith("a"):
            stems.append(pdf.stem[:-1] + "b")
        regions: list[GtRegion] = []
        for stem in stems:
            str_xml, reg_xml = pdf.with_name(stem + "-str.xml"), pdf.with_name(stem + "-reg.xml")
            if not str_xml.exists():
                continue
            cells = _cells_by_table_page(str_xml)
            boxes = _boxes_by_table_page(reg_xml)
            if set(cells) != set(boxes):
                raise SystemExit(f"{stem}: tables/pages differ between -reg.xml and -str.xml")
            regions.extend(GtRegion(page, boxes[(t, page)], cells[(t, page)]) for t, page in sorted(cells, key=lambda k: (k[1], k[0])))
        docs.append(Document(pdf.stem, pdf, regions))
    return docs


# ---------------------------------------------------------------- relations


def norm(text: str | None) -> str:
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).split())


def relations_of_cells(cells: list[GtCell]) -> Counter[Relation]:
    """Adjacency relations of one table given as spanning cells (the rule in the docstring)."""
    occupant: dict[tuple[int, int], int] = {}
    for i, cell in enumerate(cells):
        for r in range(cell.r0, cell.r1 + 1):
            for c in range(cell.c0, cell.c1 + 1):
                occupant.setdefault((r, c), i)
    if not occupant:
        return Counter()
    n_rows = max(r for r, _ in occupant) + 1
    n_cols = max(c for _, c in occupant) + 1
    texts = [norm(cell.text) for cell in cells]
    def first_filled(i: int, path: Iterator[tuple[int, int]]) -> int | None:
        """The first other non-blank cell met along `path` (blank cells are skipped)."""
        for pos in path:
            j = occupant.get(pos)
            if j is not None and j != i and texts[j]:
                return j
        return None

    relations: Counter[Relation] = Counter()
    for i, cell in enumerate(cells):
        if not texts[i]:
            continue
        right = {first_filled(i, ((r, c) for c in range(cell.c1 + 1, n_cols))) for r in range(cell.r0, cell.r1 + 1)}
        below = {first_filled(i, ((r, c) for r in range(cell.r1 + 1, n_rows))) for c in range(cell.c0, cell.c1 + 1)}
        for direction, neighbours in (("h", right), ("v", below)):
            for j in neighbours - {None}:
                relations[(texts[i], texts[j], direction)] += 1
    return relations


def relations_of_grid(grid: Grid) -> Counter[Relation]:
    cells = [GtCell(r, c, r, c, text or "") for r, row in enumerate(grid) for c, text in enumerate(row)]
    return relations_of_cells(cells)


@dataclass
class Score:
    correct: int = 0
    detected: int = 0
    truth: int = 0

    def add(self, other: "Score") -> None:
        self.correct += other.correct
        self.detected += other.detected
        self.truth += other.truth

    @property
    def precision(self) -> float:
        return precision_recall_f1(self.correct, self.detected, self.truth)[0]

    @property
    def recall(self) -> float:
        return precision_recall_f1(self.correct, self.detected, self.truth)[1]

    @property
    def f1(self) -> float:
        return precision_recall_f1(self.correct, self.detected, self.truth)[2]


def score(truth: Counter[Relation], detected: Counter[Relation]) -> Score:
    return Score(sum((truth & detected).values()), sum(detected.values()), sum(truth.values()))


# ---------------------------------------------------------------- tools


def crop_box(page, bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The crop every tool gets for a ground-truth region, as a pdfplumber box (origin top-left).

    Ground-truth regions hug the table's text, but a ruled table's cells are
    bounded by rules up to ~20 pt outside it; cropping them away would turn
    its outer columns into unbounded text.  So the region (origin bottom-left,
    converted) plus MARGIN is widened once to take in every ruling edge that
    crosses or touches it.  The same box is given to every tool.
    """
    x1, y1, x2, y2 = bbox
    h = float(page.height)
    box = [x1 - MARGIN, h - y2 - MARGIN, x2 + MARGIN, h - y1 + MARGIN]
    grown = list(box)
    for edge in page.edges:
        if edge["x1"] >= box[0] and edge["x0"] <= box[2] and edge["bottom"] >= box[1] and edge["top"] <= box[3]:
            grown = [min(grown[0], edge["x0"]), min(grown[1], edge["top"]),
                     max(grown[2], edge["x1"]), max(grown[3], edge["bottom"])]
    px0, ptop, px1, pbottom = (float(v) for v in page.bbox)
    return (max(grown[0] - 1, px0), max(grown[1] - 1, ptop), min(grown[2] + 1, px1), min(grown[3] + 1, pbottom))


def _clean(grid: list[list[str | None]]) -> Grid:
    return [[" ".join((text or "").split()) for text in row] for row in grid]


Box = tuple[float, float, float, float]


def pdfplumber_tables(pdf: Path, page_no: int, crops: list[Box] | None) -> list[Grid]:
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[page_no - 1]
        views = [page] if crops is None else [page.crop(c) for c in crops]
        return [_clean(t) for view in views for t in view.extract_tables()]


@contextlib.contextmanager
def _pages_cropped_to(page_no: int, crop: Box) -> Iterator[None]:
    """Page `page_no` cropped to `crop` for planparse, with either PDF parser."""
    with _pdfplumber_pages_cropped_to(page_no, crop), _pdfium_pages_cropped_to(page_no, crop):
        yield


@contextlib.contextmanager
def _pdfium_pages_cropped_to(page_no: int, crop: Box) -> Iterator[None]:
    """The PDFium reader's page `page_no` as pdfplumber's `page.crop(crop)` shows it:
    objects touching the box, clipped to it, in coordinates from its top-left corner."""
    from planparse.extractors.pdf import opening as pdf_open
    from planparse.extractors.pdf.pdfium import PdfiumPage
    from planparse.extractors.pdf.tables.ruling.ruled import page_edges

    original = pdf_open._pdfium_page
    x0, top, x1, bottom = crop

    def clipped(objs: list[dict]) -> list[dict]:
        out = []
        for o in objs:
            if o["x1"] < x0 or o["x0"] > x1 or o["bottom"] < top or o["top"] > bottom:
                continue
            o = dict(o)
            o["x0"], o["x1"] = max(o["x0"], x0) - x0, min(o["x1"], x1) - x0
            o["top"], o["bottom"] = max(o["top"], top) - top, min(o["bottom"], bottom) - top
            if "pts" in o:
                o["pts"] = [(min(max(px, x0), x1) - x0, min(max(py, top), bottom) - top) for px, py in o["pts"]]
            out.append(o)
        return out

    def read(doc, source, number, widths, *rest):  # type: ignore[no-untyped-def]
        if number != page_no:
            return original(doc, source, number, widths, *rest)
        page = doc[number - 1]
        try:
            reader = PdfiumPage(page, widths)
            chars = clipped(reader.chars())
            lines, rects, curves = (clipped(objs) for objs in reader.paths())
        finally:
            page.close()
        width, height = x1 - x0, bottom - top
        return pdf_open._upright(chars, page_edges(lines, rects, curves, width * height), width, height)

    pdf_open._pdfium_page = read
    try:
        yield
    finally:
        pdf_open._pdfium_page = original


@contextlib.contextmanager
def _pdfplumber_pages_cropped_to(page_no: int, crop: Box) -> Iterator[None]:
    """Make every pdfplumber PDF opened meanwhile show page `page_no` cropped to `bbox`.

    planparse reads a whole file; this is how it is given only a region, the
    same crop pdfplumber gets (`page.crop`), without a planparse API for it.
    """
    original = pdfplumber.pdf.PDF.pages

    def pages(self):  # type: ignore[no-untyped-def]
        plain = original.fget(self)
        return [p.crop(crop) if p.page_number == page_no else p for p in plain]

    pdfplumber.pdf.PDF.pages = property(pages)  # type: ignore[method-assign]
    try:
        yield
    finally:
        pdfplumber.pdf.PDF.pages = original  # type: ignore[method-assign]


PDF_PARSER = "pdfium"  # --pdf-parser


def planparse_tables(pdf: Path, page_no: int, crops: list[Box] | None) -> list[Grid]:
    if crops is not None:
        return [g for crop in crops for g in _planparse_tables(pdf, page_no, crop)]
    return _planparse_tables(pdf, page_no, None)


def planparse_document(pdf: Path) -> list[Grid]:
    """Pages mode in one read (a multi-page table is split back into its page parts)."""
    return _planparse_tables(pdf, None, None)


def pdfplumber_document(pdf: Path) -> list[Grid]:
    with pdfplumber.open(pdf) as doc:
        return [_clean(t) for page in doc.pages for t in page.extract_tables()]


def _planparse_tables(pdf: Path, page_no: int | None, crop: Box | None) -> list[Grid]:
    """planparse's grids on one page (or, page_no None, the whole document), one grid per page part."""
    from planparse.extractors import read_document
    from planparse.settings import ExtractOptions
    from planparse.source import Source

    options = ExtractOptions(pages=(page_no,) if page_no is not None else None, pdf_parser=PDF_PARSER)
    with _pages_cropped_to(page_no, crop) if crop is not None else contextlib.nullcontext():
        raw = read_document(Source.from_path(pdf), options)
    grids: list[Grid] = []
    for table in raw.tables:
        parts: dict[int | None, Grid] = {}
        for row in table.rows:
            page = row.page if row.page is not None else table.page
            parts.setdefault(page, []).append(
                ["" if cell.merged_from_above else " ".join(line.text for line in cell.lines) for cell in row.cells]
            )
        grids.extend(_clean(g) for g in parts.values())
    return grids


def _camelot(flavor: str) -> Callable[[Path, int, list[Box] | None], list[Grid]]:
    def run(pdf: Path, page_no: int, crops: list[Box] | None) -> list[Grid]:
        import camelot

        kwargs: dict = {"pages": str(page_no), "flavor": flavor}
        if crops is not None:  # camelot's own way to be given regions: table_areas, origin bottom-left
            with pdfplumber.open(pdf) as doc:
                h = float(doc.pages[page_no - 1].height)
            kwargs["table_areas"] = [f"{x0},{h - top},{x1},{h - bottom}" for x0, top, x1, bottom in crops]
        try:
            tables = camelot.read_pdf(str(pdf), **kwargs)
        except Exception as exc:  # noqa: BLE001 - a tool failing on a page scores as "found nothing"
            print(f"  camelot-{flavor} {pdf.stem} p{page_no}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            return []
        return [_clean(t.df.values.tolist()) for t in tables]

    return run


def _camelot_document(flavor: str) -> Callable[[Path], list[Grid]]:
    def run(pdf: Path) -> list[Grid]:
        import camelot

        try:
            tables = camelot.read_pdf(str(pdf), pages="all", flavor=flavor)
        except Exception as exc:  # noqa: BLE001
            print(f"  camelot-{flavor} {pdf.stem}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            return []
        return [_clean(t.df.values.tolist()) for t in tables]

    return run


WHOLE_DOCUMENT: dict[str, Callable[[Path], list[Grid]]] = {
    "planparse": planparse_document,
    "pdfplumber": pdfplumber_document,
    "camelot-lattice": _camelot_document("lattice"),
    "camelot-stream": _camelot_document("stream"),
}

TOOLS: dict[str, Callable[[Path, int, list[Box] | None], list[Grid]]] = {
    "planparse": planparse_tables,
    "pdfplumber": pdfplumber_tables,
    "camelot-lattice": _camelot("lattice"),
    "camelot-stream": _camelot("stream"),
}


def camelot_available() -> bool:
    try:
        import camelot  # noqa: F401
    except Exception as exc:  # noqa: BLE001
        print(f"camelot not available ({exc.__class__.__name__}: {exc}); skipping it", file=sys.stderr)
        return False
    return True


# ---------------------------------------------------------------- running


def _planparse_source_hash() -> str:
    digest = hashlib.sha256()
    root = REPO / "src" / "planparse"  # what `planparse tables` runs: the extractors, not the normalizer
    for path in sorted([*root.glob("extractors/**/*.py"), root / "intermediate.py", root / "settings.py"]):
        digest.update(str(path.relative_to(root)).encode())  # a module moved is a new source too
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _tool_key(tool: str) -> str:
    if tool == "planparse":
        return f"planparse-{_planparse_source_hash()}-{PDF_PARSER}"
    if tool == "pdfplumber":
        return f"pdfplumber-{pdfplumber.__version__}"
    import camelot

    return f"{tool}-{camelot.__version__}"


def region_crops(doc: Document) -> list[tuple[int, Box]]:
    with pdfplumber.open(doc.pdf) as pdf:
        return [(r.page, crop_box(pdf.pages[r.page - 1], r.bbox)) for r in doc.regions]


def _stale(tool: str, mode: str, doc: Document) -> Path | None:
    """The newest cached result of `tool` for this document, whatever source version made it."""
    found = sorted(CACHE.glob(f"{tool}-*/{mode}/{doc.name}.json"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def detect(doc: Document, tool: str, mode: str, key: str, use_cache: bool, stale_ok: bool = False) -> tuple[list[Grid], float]:
    """All grids a tool finds in one document in one mode (cached), and the seconds it took."""
    cache_file = CACHE / key / mode / f"{doc.name}.json"
    if use_cache and not cache_file.exists() and stale_ok:
        cache_file = _stale(tool, mode, doc) or cache_file
    if use_cache and cache_file.exists():
        cached = json.loads(cache_file.read_text())
        return cached["grids"], cached["seconds"]
    run = TOOLS[tool]
    started = time.perf_counter()
    grids: list[Grid] = []
    try:
        if mode == "regions":
            by_page: dict[int, list[Box]] = {}
            for page_no, crop in region_crops(doc):
                by_page.setdefault(page_no, []).append(crop)
            for page_no, crops in sorted(by_page.items()):
                grids.extend(run(doc.pdf, page_no, crops))
        else:
            grids = WHOLE_DOCUMENT[tool](doc.pdf)
    except Exception as exc:  # noqa: BLE001 - report and score as nothing found
        print(f"  {tool} {mode} {doc.name}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        grids = []
    seconds = time.perf_counter() - started
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps({"grids": grids, "seconds": seconds}, ensure_ascii=False))
    return grids, seconds


def _show(doc: str, what: str, missed: Counter[Relation], spurious: Counter[Relation], n: int) -> None:
    """The relations a tool got wrong, for finding out why it loses on a document."""
    print(f"{doc} {what}: {sum(missed.values())} missed, {sum(spurious.values())} spurious")
    for label, rels in (("missed", missed), ("spurious", spurious)):
        for (a, b, d), _count in list(rels.items())[:n]:
            print(f"  {label:<8} {d} {a[:30]!r} -> {b[:30]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--docs", default=None, help="comma-separated document names (eu-001,us-012)")
    parser.add_argument("--tools", default="planparse,pdfplumber,camelot")
    parser.add_argument("--modes", default="regions,pages")
    parser.add_argument("--per-doc", action="store_true", help="print every document's F1 per tool and mode")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--pdf-parser", default="pdfium", choices=("pdfium", "pdfminer"), help="planparse's PDF parser")
    parser.add_argument("--stale-ok", action="store_true",
                        help="use cached planparse results made by an older extractor source when there are none for this one")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="print up to N missed and N spurious relations per document, tool and mode")
    parser.add_argument("--json", type=Path, default=None, help="also write all scores to this JSON file")
    args = parser.parse_args(argv)
    global PDF_PARSER
    PDF_PARSER = args.pdf_parser

    if not SUITE.exists():
        print(f"ICDAR 2013 suite not found at {SUITE}", file=sys.stderr)
        return 2
    tools: list[str] = []
    for name in args.tools.split(","):
        if name == "camelot":
            if camelot_available():
                tools += ["camelot-lattice", "camelot-stream"]
        elif name in TOOLS:
            tools.append(name)
        else:
            parser.error(f"unknown tool {name!r}")
    modes = args.modes.split(",")
    docs = load_documents()
    if args.docs:
        wanted = set(args.docs.split(","))
        docs = [d for d in docs if d.name in wanted]
    if args.limit:
        docs = docs[: args.limit]

    keys = {tool: _tool_key(tool) for tool in tools}
    totals = {(t, m): Score() for t in tools for m in modes}
    f1s: dict[tuple[str, str], list[float]] = {(t, m): [] for t in tools for m in modes}
    seconds = {(t, m): 0.0 for t in tools for m in modes}
    per_doc: dict[str, dict[str, dict]] = {}
    for doc in docs:
        truth: Counter[Relation] = Counter()
        for region in doc.regions:
            truth += relations_of_cells(region.cells)
        per_doc[doc.name] = {}
        for mode in modes:
            for tool in tools:
                grids, secs = detect(doc, tool, mode, keys[tool], not args.no_cache, args.stale_ok)
                detected: Counter[Relation] = Counter()
                for grid in grids:
                    detected += relations_of_grid(grid)
                s = score(truth, detected)
                if args.show:
                    _show(doc.name, f"{tool}/{mode}", truth - detected, detected - truth, args.show)
                totals[(tool, mode)].add(s)
                f1s[(tool, mode)].append(s.f1)
                seconds[(tool, mode)] += secs
                per_doc[doc.name][f"{tool}/{mode}"] = {
                    "P": round(s.precision, 3), "R": round(s.recall, 3), "F1": round(s.f1, 3),
                    "correct": s.correct, "detected": s.detected, "truth": s.truth, "tables": len(grids),
                }
        print(f"scored {doc.name}", file=sys.stderr)

    if args.per_doc:
        cols = [f"{t}/{m}" for m in modes for t in tools]
        print("document  " + "  ".join(f"{c:>26}" for c in cols))
        for name, row in per_doc.items():
            print(f"{name:<9} " + "  ".join(
                f"{row[c]['F1']:>8.3f} ({row[c]['correct']:>4}/{row[c]['detected']:>4}/{row[c]['truth']:>4})" for c in cols))
        print()

    print(f"ICDAR 2013 table structure, adjacency relations, {len(docs)} documents "
          f"({sum(len(d.regions) for d in docs)} ground-truth regions)")
    print(f"{'mode':<8} {'tool':<16} {'P':>6} {'R':>6} {'F1':>6}  {'docF1':>6}  {'correct':>7} {'detected':>8} {'truth':>6}  {'sec':>6}")
    for mode in modes:
        for tool in tools:
            s = totals[(tool, mode)]
            mean_f1 = sum(f1s[(tool, mode)]) / len(docs) if docs else 0.0
            print(f"{mode:<8} {tool:<16} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}  {mean_f1:>6.3f}  "
                  f"{s.correct:>7} {s.detected:>8} {s.truth:>6}  {seconds[(tool, mode)]:>6.1f}")
    print("P/R/F1: micro-averaged over the suite; docF1: mean of per-document F1; sec: detection time (cached runs: as first measured)")
    if args.json:
        args.json.write_text(json.dumps({"per_doc": per_doc, "totals": {
            f"{t}/{m}": vars(s) | {"P": s.precision, "R": s.recall, "F1": s.f1} for (t, m), s in totals.items()}},
            indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
