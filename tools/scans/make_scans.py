"""OCR'd scans of the sample plans, made the way they are made in the world.

    python tools/scans/make_scans.py [--out out/scans] [--dpi 150 200 300]
                                     [--samples jarvela-ilmasto ...] [--models native eng]
    python -m planparse.accuracy out/scans/samples out/scans/expected

1. Each born-digital sample PDF (samples/<name>.pdf, built from
   samples/src/<name>.yaml by samples/build.py) is rendered with pypdfium2 to a
   greyscale page image at 150, 200 and 300 dpi: the paper scan.  At 200 dpi
   the "paper" is also turned by a slight skew (0.4-0.7 degrees) and gets
   sensor noise and a few specks, as a flatbed scanner gives.
2. Tesseract (the system binary, OMP_THREAD_LIMIT=1 and nice: the machine is
   shared) OCRs the JPEG page images into a PDF with the image and an
   invisible text layer, as OCRmyPDF does: with the document's own model
   (`fin` or `swe`) and with `eng`, which has no ä/ö and loses them as the
   real seed 002 did.
3. The expected output is the sample's reviewed expected output
   (tests/expected/<name>.pdf.json, written from the YAML content by
   samples/build.py), with only `source` changed: never planparse's output.
   OCR misreadings that the repair cannot undo therefore count as errors.

`--from-matrix NAME...` scans layout-matrix renderings instead (held-out
plans the OCR repairs were not tuned on): NAME is a rendering in
samples/matrix/.cache (`sjovik-valfard--a09f9b6b-a5dacb0bfc`, or a path to its
PDF); its expected output is the JSON beside the PDF, written from the content
YAML by samples/matrix, never by planparse.  The scan is named
`<content>-<ruling>@<model>-<dpi>.pdf` (ruling `none` is called `borderless`)
and its expected JSON carries a `scan` block (language, layout, rendering) that
tools/scans/report.py groups by.

Everything is cached under --out (gitignored `out/`): a scan that exists is
not made again.  `--image-only` also writes the page images as a PDF without
a text layer (`<name>@image-<dpi>.pdf`), the input of `planparse --ocr`.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
EXPECTED = REPO / "tests" / "expected"
MATRIX_CACHE = SAMPLES / "matrix" / ".cache"
CONTENT_DIRS = (SAMPLES / "src", SAMPLES / "producers" / "src", SAMPLES / "matrix" / "content")
# A ruled Finnish plan, its borderless variant, a long ruled one with merged
# goals, a Swedish one, and one with a skipped table and blank goals.
DEFAULT_SAMPLES = (
    "jarvela-ilmasto",
    "jarvela-ilmasto-borderless",
    "helsinki-kotoutuminen",
    "strandby-jamstalldhet",
    "vake-osallisuus",
)
NATIVE = {"fi": "fin", "sv": "swe"}
SKEWED_DPI = 200
JPEG_QUALITY = 70  # --quality: the scans committed for tests use less


def sample_language(name: str) -> str:
    """The sample's language from its YAML (fi-FI -> fi)."""
    import yaml

    base = name
    while not any((d / f"{base}.yaml").exists() for d in CONTENT_DIRS) and "-" in base:
        base = base.rsplit("-", 1)[0]
    src = next((d / f"{base}.yaml" for d in CONTENT_DIRS if (d / f"{base}.yaml").exists()), None)
    if src is None:
        raise SystemExit(f"make_scans: no content YAML for {name!r} in {', '.join(str(d) for d in CONTENT_DIRS)}")
    spec = yaml.safe_load(src.read_text(encoding="utf-8"))
    return str(spec.get("language", "fi-FI"))[:2]


def scan_page(image: Image.Image, rng: random.Random, rough: bool) -> Image.Image:
    """A scanner's view of one rendered page: greyscale, and when `rough`, skew, noise and specks."""
    image = image.convert("L")
    if not rough:
        return image
    angle = rng.choice((-1, 1)) * rng.uniform(0.4, 0.7)
    image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    # Sensor noise from the page's own generator: Image.effect_noise draws from Pillow's
    # unseeded C generator, so the "deterministic" 200-dpi scans differed from run to run.
    grain = np.random.default_rng(rng.getrandbits(64)).normal(128.0, 18.0, (image.height, image.width))
    noise = Image.fromarray(np.clip(grain, 0, 255).astype(np.uint8), "L")
    image = Image.blend(image, noise, 0.10)
    px = image.load()
    width, height = image.size
    for _ in range(60):  # dust specks, some in the margins
        x, y = rng.randrange(2, width - 2), rng.randrange(2, height - 2)
        for dx in (0, 1):
            for dy in (0, 1):
                px[x + dx, y + dy] = rng.randrange(0, 90)
    return image.filter(ImageFilter.SMOOTH) if rng.random() < 0.5 else image


def page_images(pdf: Path, dpi: int, rough: bool, folder: Path, quality: int = JPEG_QUALITY) -> list[Path]:
    """The sample's pages as JPEG scans in `folder` (deterministic per sample and dpi)."""
    rng = random.Random(f"{pdf.name}-{dpi}")
    doc = pdfium.PdfDocument(str(pdf))
    paths = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            page.close()
            path = folder / f"page-{index + 1:03d}.jpg"
            scan_page(image, rng, rough).save(path, "JPEG", quality=quality, dpi=(dpi, dpi))
            paths.append(path)
    finally:
        doc.close()
    return paths


def tesseract_pdf(images: list[Path], lang: str, dpi: int, out: Path) -> None:
    """OCR `images` into one PDF (image + invisible text) with tesseract's own PDF renderer."""
    listing = images[0].parent / "pages.txt"
    listing.write_text("".join(f"{p}\n" for p in images), encoding="utf-8")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = ["nice", "-n", "10", "tesseract", str(listing), str(out.with_suffix("")), "-l", lang, "--dpi", str(dpi), "pdf"]
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def image_only_pdf(images: list[Path], dpi: int, out: Path) -> None:
    """The page images as a PDF with no text layer at all (a scan never OCR'd)."""
    pages = [Image.open(p) for p in images]
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    out.write_bytes(buffer.getvalue())


def expected_for(source: "Source", scan: Path) -> dict:
    """The sample's reviewed expected output, re-pointed at the scan file."""
    doc = json.loads(source.expected.read_text(encoding="utf-8"))
    doc["source"]["file"] = scan.name
    doc["source"]["sha256"] = hashlib.sha256(scan.read_bytes()).hexdigest()
    if source.scan_info is not None:
        doc["scan"] = source.scan_info
    return doc


class Source:
    """What is scanned: a PDF, its expected output, and the name the scan gets."""

    def __init__(self, name: str, pdf: Path, expected: Path, language: str, scan_info: dict | None = None):
        self.name, self.pdf, self.expected, self.language, self.scan_info = name, pdf, expected, language, scan_info

    @classmethod
    def sample(cls, name: str) -> "Source":
        return cls(name, SAMPLES / f"{name}.pdf", EXPECTED / f"{name}.pdf.json", sample_language(name))

    @classmethod
    def matrix(cls, ref: str) -> "Source":
        """A layout-matrix rendering and the expected JSON written beside it from its content."""
        pdf = Path(ref) if ref.endswith(".pdf") else MATRIX_CACHE / f"{ref}.pdf"
        expected = pdf.with_suffix(".json")
        if not pdf.exists() or not expected.exists():
            raise SystemExit(f"make_scans: {pdf} or its expected {expected.name} is missing (render it: python -m samples.matrix --render-only)")
        combination = json.loads(expected.read_text(encoding="utf-8"))["matrix"]["combination"]
        content, ruling = combination["content"], combination["ruling"]
        # No column rules (none, a rule under the header, a shaded header): the
        # whitespace method reads it; grid, frame and hrules give the image rules.
        layout = "borderless" if ruling in ("none", "header-rule", "shaded-header") else "ruled"
        name = f"{content}-{'borderless' if ruling == 'none' else ruling}"
        language = sample_language(content)
        info = {"language": language, "layout": layout, "rendering": pdf.stem, "combination": combination}
        return cls(name, pdf, expected, language, info)


def make(source: Source, dpi: int, model: str, out: Path, image_only: bool, quality: int = JPEG_QUALITY) -> Path:
    name = source.name
    lang = NATIVE[source.language] if model == "native" else model
    rough = dpi == SKEWED_DPI
    tag = f"{lang}-{dpi}" + ("-skew" if rough else "")
    scan = out / "samples" / f"{name}@{tag}.pdf"
    expected = out / "expected" / f"{scan.name}.json"
    scan.parent.mkdir(parents=True, exist_ok=True)
    expected.parent.mkdir(parents=True, exist_ok=True)
    bare = out / "image-only" / f"{name}@image-{dpi}.pdf"
    if scan.exists() and (bare.exists() or not image_only):
        expected.write_text(json.dumps(expected_for(source, scan), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return scan
    with tempfile.TemporaryDirectory() as tmp:
        images = page_images(source.pdf, dpi, rough, Path(tmp), quality)
        if not scan.exists():
            tesseract_pdf(images, lang, dpi, scan)
        if image_only and not bare.exists():
            bare.parent.mkdir(parents=True, exist_ok=True)
            image_only_pdf(images, dpi, bare)
    expected.write_text(json.dumps(expected_for(source, scan), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return scan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "out" / "scans")
    parser.add_argument("--samples", nargs="+", default=None, help=f"samples/<name>.pdf (default: {' '.join(DEFAULT_SAMPLES)})")
    parser.add_argument("--from-matrix", nargs="+", default=[], metavar="NAME", help="layout-matrix renderings (samples/matrix/.cache/NAME.pdf + NAME.json, or a PDF path) instead of samples")
    parser.add_argument("--dpi", nargs="+", type=int, default=[150, 200, 300])
    parser.add_argument("--models", nargs="+", default=["native", "eng"], help="'native' = fin or swe by the plan's language")
    parser.add_argument("--image-only", action="store_true", help="also write the scans without a text layer")
    parser.add_argument("--quality", type=int, default=JPEG_QUALITY, help="JPEG quality of the page images")
    args = parser.parse_args(argv)
    names = args.samples if args.samples is not None else ([] if args.from_matrix else list(DEFAULT_SAMPLES))
    sources = [Source.sample(n) for n in names] + [Source.matrix(ref) for ref in args.from_matrix]
    for dpi in args.dpi:
        for source in sources:
            for model in args.models:
                scan = make(source, dpi, model, args.out, args.image_only, args.quality)
                print(scan.relative_to(args.out), scan.stat().st_size // 1024, "KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
