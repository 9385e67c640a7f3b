"""lexicon.FreqList reads wordfreq's data file itself (no wordfreq import, only as far as
needed): it must answer exactly as wordfreq.get_frequency_dict does."""

from __future__ import annotations

import random

import pytest

from planparse.normalize.repair import lexicon

wordfreq = pytest.importorskip("wordfreq")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_freq_list_answers_as_wordfreq(lang: str) -> None:
    path = lexicon._wordfreq_file(lang)
    assert path is not None
    ref = wordfreq.get_frequency_dict(lang, wordlist="best")
    words = list(ref)
    rng = random.Random(lang)
    asked = ["ja", "och", words[0], words[-1], "xyzzyq", "", "Ja", "jatasa", "\ud800x"] + rng.sample(words, 300)
    freqs = lexicon.FreqList(path)
    assert [freqs.get(w) for w in asked] == [ref.get(w) for w in asked]
    # each word in one bucket only (what lets a look-up stop at the first bucket holding it)
    assert sum(len(bucket) for _, bucket in freqs._read) == len(ref)
    assert freqs.as_dict() == ref and list(freqs.as_dict()) == list(ref)
    assert [freqs.get(w) for w in asked] == [ref.get(w) for w in asked]


def test_common_word_reads_little() -> None:
    freqs = lexicon.FreqList(lexicon._wordfreq_file("fi"))
    assert freqs.get("ja") == wordfreq.get_frequency_dict("fi", wordlist="best")["ja"]
    assert freqs._next < 200 and freqs._dict is None


def test_zipf_on_the_fallback_path() -> None:
    lex = lexicon.Lexicon("fi", "wordfreq", None, True)
    assert lex.zipf("ja") == round(wordfreq.zipf_frequency("ja", "fi", wordlist="best"), 2)
    assert lex.zipf("xyzzyq") == 0.0
