"""Bullet glyphs: typography shared by the extractors and the normalizer.

The list lives in `data/bullets.yaml`; the normalizer strips these markers
from item text, the PDF extractor takes a lone non-letter glyph at a line
start as a sign that a new paragraph (list item) begins.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from planparse.common.datafile import load_yaml


@lru_cache(maxsize=1)
def _bullet_data() -> tuple[frozenset[str], frozenset[str]]:
    raw = load_yaml(resources.files("planparse").joinpath("data/bullets.yaml").read_text("utf-8"))
    return frozenset(raw["markers"]), frozenset(raw.get("glued") or [])


def bullet_markers() -> frozenset[str]:
    """Every marker that may open a list item (letters such as "o" included)."""
    return _bullet_data()[0]


@lru_cache(maxsize=1)
def long_markers() -> tuple[str, ...]:
    """Markers of more than one character (an unmapped glyph, "(cid:127)"), in
    `bullet_markers`' order: split_bullet tries them on every line of every cell."""
    return tuple(m for m in bullet_markers() if len(m) > 1)


def glued_markers() -> frozenset[str]:
    """Markers that count even without a space before the text ("•Tietoa")."""
    return _bullet_data()[1]


@lru_cache(maxsize=1)
def ocr_bullet_misreads() -> frozenset[str]:
    """What OCR engines read a bullet as ("e", "»", "©", ...): bullets only on a scanned page."""
    raw = load_yaml(resources.files("planparse").joinpath("data/bullets.yaml").read_text("utf-8"))
    return frozenset(raw.get("ocr_misreads") or [])


def bullet_glyphs() -> frozenset[str]:
    """Single-character markers that are not letters or digits: pure typography."""
    return frozenset(m for m in bullet_markers() if len(m) == 1 and not m.isalnum())


@lru_cache(maxsize=1)
def list_number_formats() -> tuple[str, ...]:
    """How a numbered list marks its items ("{n})", "{a})"): {n} counts 1, 2, ...; {a} counts a, b, ..."""
    raw = load_yaml(resources.files("planparse").joinpath("data/bullets.yaml").read_text("utf-8"))
    return tuple(raw.get("numbered") or [])
