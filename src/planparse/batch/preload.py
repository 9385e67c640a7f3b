"""Imported once by the batch's fork server, so every worker process starts warm.

A batch starts one process per file (so a hang or crash can be killed
alone).  Forked from a server that has already imported the extractors and
loaded the word lists, a worker skips seconds of start-up per file; the
loaded data is shared copy-on-write.
"""

from __future__ import annotations

import signal
import sys

import pdfplumber  # noqa: F401
import docx  # noqa: F401

from planparse import pipeline  # noqa: F401
from planparse.extractors.docx import reader as _docx_extractor# noqa: F401
from planparse.extractors.pdf import reader as _pdf_extractor# noqa: F401


def warm_up() -> None:
    """Load the caches every extraction needs (word lists, header vocabulary).

    Only a speed-up: if a cache moves or fails to load, the worker loads what
    it needs itself, and any error shows up there, on the file that needs it.
    """
    try:
        from planparse.normalize.tables import headers
        from planparse.normalize.repair import lexicon

        headers.vocabulary()
        for lang in ("fi", "sv"):
            lexicon.get_lexicon(lang)
    except Exception:  # noqa: BLE001 - a warm-up must never stop the batch
        pass


def _in_fork_server() -> bool:
    return any("multiprocessing.forkserver" in arg for arg in getattr(sys, "orig_argv", []))


warm_up()
if _in_fork_server():
    # Workers inherit the server's handlers: with Ctrl-C ignored from their first
    # instruction, a Ctrl-C in the terminal reaches only the batch, which kills
    # the workers and removes their partial outputs (no stray tracebacks).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
