"""lexicon.FreqList reads wordfreq's data file itself (no wordfreq import, only as far as
needed): it must answer exactly as wordfreq.get_frequency_dict does."""

from __future__ import annotations

import random

import pytest

from planparse.normalize.repair import lexicon

wordfreq = pytest.importorskip("wordfreq")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch) -> None:
    """Each test its own cache folder: no sorted index written by another process."""
    monkeypatch.setenv("PLANPARSE_CACHE_DIR", str(tmp_path / "cache"))


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


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_sorted_index_answers_as_wordfreq(lang: str) -> None:
    """A word the list does not know reads it all once; the sorted index then written to the
    cache folder answers every later process (here: a new FreqList) exactly as the list does."""
    path = lexicon._wordfreq_file(lang)
    ref = wordfreq.get_frequency_dict(lang, wordlist="best")
    words = list(ref)
    rng = random.Random(lang + "index")
    asked = ["ja", "och", words[0], words[-1], min(words), max(words), "xyzzyq", "", "Ja", "\ud800x", "a" * 300]
    asked += rng.sample(words, 300)
    first = lexicon.FreqList(path)
    assert first._sorted is None and first.get("xyzzyq") is None  # reads the whole list, writes the index
    index_file = lexicon._SortedIndex.file_for(path)
    assert index_file is not None and index_file.is_file()
    again = lexicon.FreqList(path)
    assert again._sorted is not None
    assert [again.get(w) for w in asked] == [ref.get(w) for w in asked]
    assert again._next == 0  # no bucket of the list read
    assert again._sorted._n == len(ref)


def test_broken_index_is_ignored() -> None:
    path = lexicon._wordfreq_file("fi")
    lexicon.FreqList(path).get("xyzzyq")
    index_file = lexicon._SortedIndex.file_for(path)
    data = index_file.read_bytes()
    for broken in (data[: len(data) // 2], b"", b"x" * 100, data[:40] + data[41:]):
        index_file.write_bytes(broken)
        freqs = lexicon.FreqList(path)
        assert freqs._sorted is None
        assert freqs.get("ja") == wordfreq.get_frequency_dict("fi", wordlist="best")["ja"]


def test_no_cache_folder(monkeypatch, tmp_path) -> None:
    """PLANPARSE_CACHE_DIR set empty: nothing written, the list read as before."""
    monkeypatch.setenv("PLANPARSE_CACHE_DIR", "")
    path = lexicon._wordfreq_file("fi")
    assert lexicon._SortedIndex.file_for(path) is None
    assert lexicon.FreqList(path).get("xyzzyq") is None
    assert lexicon.FreqList(path)._sorted is None


def test_cache_folder_not_writable(monkeypatch, tmp_path) -> None:
    """A cache "folder" that cannot be made (a file is there): no index, same answers."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PLANPARSE_CACHE_DIR", str(blocker / "cache"))
    path = lexicon._wordfreq_file("fi")
    assert lexicon.FreqList(path).get("xyzzyq") is None
    assert lexicon.FreqList(path)._sorted is None and not (blocker / "cache").exists()
