"""`planparse repair-text` and `planparse doctor`, run as a user runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from planparse.normalize import repair_text

from .text_repair_helpers import seed

RUN = [sys.executable, "-c", "import sys; from planparse.cli import main; sys.exit(main(sys.argv[1:]))"]


def planparse(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*RUN, *args], input=stdin, capture_output=True, env={**os.environ, **(env or {})}, timeout=120)


TEXT = "Seurantamittariston tie-\ntopohjan rakentaminen\n\n\nkehittämään tasa-\narvoa ja viestintä-\nja markkinointipalveluja\n"


def test_repair_text_joins_paragraph_lines_and_keeps_separators():
    done = planparse("repair-text", stdin=TEXT.encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == (
        "Seurantamittariston tietopohjan rakentaminen\n\n\nkehittämään tasa-arvoa ja viestintä- ja markkinointipalveluja\n"
    )
    assert done.stdout.decode() == repair_text(TEXT)


def test_byte_order_mark_is_not_text():
    done = planparse("repair-text", stdin="\ufeff".encode() + TEXT.encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == repair_text(TEXT)


def test_paragraph_n_of_output_is_paragraph_n_of_input():
    text = seed("000").read_text(encoding="utf-8")
    out = repair_text(text, "fi")
    paragraphs = lambda t: re.split(r"\n[ \t]*(?:\n[ \t]*)+", t.strip())  # noqa: E731  (blank = whitespace only)
    assert len(paragraphs(out)) == len(paragraphs(text)) > 100
    assert all("\n" not in p for p in paragraphs(out))
    assert "Seurantamittariston tietopohjan rakentaminen" in out
    assert "Yhdenvertaisuus- ja tasa-arvotoiminnan johtaminen tietoon perustuen" in out


def test_ocr_damaged_input_is_repaired_unless_turned_off():
    data = seed("002").read_bytes()
    done = planparse("repair-text", stdin=data)
    assert done.returncode == 0
    assert "Kehitetään palveluviestintää" in done.stdout.decode()
    assert "ocr-repaired" in done.stderr.decode()
    off = planparse("repair-text", "--no-ocr-repair", stdin=data)
    assert "Kehitetdan palveluviestintaa" in off.stdout.decode()
    assert "Kehitetään" not in off.stdout.decode()


def test_verbose_tells_decisions_on_stderr():
    done = planparse("repair-text", "-v", stdin=TEXT.encode())
    err = done.stderr.decode()
    assert "join      tie- | topohjan" in err and "suspended viestintä- | ja" in err
    assert "tie- |" not in done.stdout.decode()


def test_swedish_with_lang_option():
    done = planparse("repair-text", "--lang", "sv", stdin="hälso-\noch sjukvård, arbets-\nmarknaden\n".encode())
    assert done.stdout.decode() == "hälso- och sjukvård, arbetsmarknaden\n"


@pytest.mark.parametrize("args, stdin", [(("--lang", "de"), b"x\n"), ((), b"\xff\xfe\x00bad")])
def test_bad_input_is_one_line_and_exit_2(args, stdin):
    done = planparse("repair-text", *args, stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == b""
    assert len(done.stderr.decode().strip().splitlines()) == 1
    assert "Traceback" not in done.stderr.decode()


def test_empty_input_gives_empty_output():
    done = planparse("repair-text", stdin=b"")
    assert (done.returncode, done.stdout) == (0, b"")


@pytest.mark.parametrize("choice, backend", [("auto", None), ("fallback", "wordfreq")])
def test_doctor_names_the_backend(choice, backend):
    done = planparse("doctor", env={"PLANPARSE_LEXICON": choice})
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    assert f"lexicon requested: {choice}" in out
    if backend:
        assert f"lexicon fi: {backend}" in out
        assert "apt-get install libvoikko1 voikko-fi" in out
    else:
        assert "lexicon fi: " in out
