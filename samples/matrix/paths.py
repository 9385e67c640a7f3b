"""Where the matrix finds its contents and keeps its renderings; samples/build.py loaded once."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
REPO = SAMPLES.parent
CONTENT_DIRS = (SAMPLES / "src", SAMPLES / "producers" / "src", HERE / "content")
CACHE = HERE / ".cache"  # gitignored: rendered PDFs and their expected outputs


def _load_build():
    spec = importlib.util.spec_from_file_location("samples_build", SAMPLES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()  # samples/build.py: printed_paragraphs, goal_layout, expected_document, docx helpers
