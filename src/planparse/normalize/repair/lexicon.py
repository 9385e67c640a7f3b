"""Word lists the text repair asks: Voikko when the system has it, else a frequency list.

Two questions are asked, many thousand times per document, so answers are
cached:
  * `is_word(w)`: is this a correctly spelled word form? (Voikko spell; the
    fallback says "yes" for forms frequent enough in wordfreq's list, which is
    weaker: it holds web misspellings and misses rare compounds.)
  * `zipf(w)`: how common is the form (wordfreq, 0.0 when unknown/absent).
    Used only to break ties between OCR candidates, never to decide a hyphen.

`PLANPARSE_LEXICON=fallback` (or `backend="fallback"`) forces the pip-only
path so both paths can be tested on one machine; `voikko` requires Voikko.

Swedish: Voikko has no Swedish dictionary, and hunspell-sv (Debian) has no
binding among our dependencies; since a frequency list must not vote on
breaks, Swedish breaks are decided by the document's own spellings and the
spelling rules.  Swedish OCR repair (a Swedish scan read by a model without
å/ä/ö) is judged by wordfreq's Swedish list alone (normalize/repair/ocr/text.py).
"""

from __future__ import annotations

import importlib.util
import math
import os
import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

INSTALL_HINT = (
    "install Voikko for the best results: Debian/Ubuntu `apt-get install libvoikko1 voikko-fi` "
    "and `pip install libvoikko`; macOS `brew install libvoikko`; Windows: the Voikko "
    "installer from voikko.puimula.org plus `pip install libvoikko`"
)
# Voikko's names of the cases that do not begin compounds (see Lexicon.starts_no_compound).
_NO_COMPOUND_CASES = frozenset({"olento", "tulento", "osanto", "vajanto", "seuranto", "keinonto"})
# Voikko's word classes of names.
_NAME_CLASSES = frozenset({"paikannimi", "sukunimi", "etunimi", "nimi"})
# Forms at least this common in wordfreq count as words on the fallback path.
FALLBACK_MIN_ZIPF = 1.5


def _load_voikko(lang: str) -> Any | None:
    if lang != "fi":
        return None
    try:
        import libvoikko  # type: ignore[import-not-found]

        return libvoikko.Voikko("fi")
    except Exception:  # noqa: BLE001 - missing module, library or dictionary all mean "no Voikko"
        return None


def _has_wordfreq() -> bool:
    return importlib.util.find_spec("wordfreq") is not None


@lru_cache(maxsize=4)
def _load_freq(lang: str) -> dict[str, float]:
    """wordfreq's list for `lang` as a dict (word -> frequency); loaded on first use only."""
    freqs = _freq_list(lang)
    if isinstance(freqs, FreqList):
        return freqs.as_dict()
    return freqs


# After this many look-ups a FreqList reads the whole file and indexes every word's bucket in one
# dict of UTF-8 bytes (~0.15 s: dict.fromkeys per bucket, no str made per word; the str dict of
# as_dict costs ~0.5-0.7 s, which a small born-digital plan paid when its cut-word checks asked
# about the parts of a few long compounds, e.g. samples/helsinki-kotoutuminen.pdf: ~2,900 words).
_FREQ_DICT_AFTER = 1000
_SMALL_BUCKET = 1000  # a bucket of fewer words goes into FreqList's dict of small buckets


class FreqList:
    """wordfreq's frequency list of one language, read straight from its data file, and
    only as far as the words asked for.

    `wordfreq.get_frequency_dict` costs a planparse process about 0.6 s CPU (importing
    wordfreq pulls in ftfy, langcodes and regex; then 734,000 Finnish words go into a
    dict), while a born-digital plan asks about a handful of words, most of them common.
    The file (gzipped msgpack, "cBpack") is a header and then one alphabetically sorted
    bucket of words per centibel of frequency, the most frequent first.  The buckets
    are unpacked (as UTF-8 bytes: no str made for each word) only until the word asked
    for turns up, so a common word costs a few per cent of the file and only a word
    the list does not know reads it all (~0.1 s); a word is found in a dict of the
    small buckets' words or by bisecting the large buckets (~0.1 ms).  After `_FREQ_DICT_AFTER` look-ups (OCR repair asks thousands) the dict is
    built after all.  Same answers as wordfreq's dict (frequency 10 ** (-index / 100)):
    wordfreq writes each word into one bucket only (its lists are built from a dict;
    tests/test_lexicon_freq.py checks the installed Finnish and Swedish lists).
    """

    def __init__(self, path: Path) -> None:
        import gzip
        import io

        import msgpack  # wordfreq's own dependency: installed with it

        self._path = path
        # the sorted index of the whole list another process wrote (`_index_file`): when there,
        # every look-up bisects it and the data file is read only for as_dict
        self._sorted: _SortedIndex | None = _SortedIndex.open(path)
        self._unpacker = msgpack.Unpacker(gzip.GzipFile(fileobj=io.BytesIO(path.read_bytes())), raw=True)
        self._left = self._unpacker.read_array_header() - 1  # buckets not read yet
        header = self._unpacker.unpack()
        if not isinstance(header, dict) or header.get(b"format") != b"cB" or header.get(b"version") != 1:
            raise ValueError(f"{path}: not wordfreq's cBpack format, version 1")
        self._read: list[tuple[int, list[bytes]]] = []  # (index, sorted words) of the non-empty buckets read so far
        # the buckets read so far again: the words of the small ones (frequent words, 70,000 in
        # 370 buckets) in one dict, the ~180 large ones to bisect (a word the list does not know
        # is looked for in every bucket)
        self._small: dict[bytes, int] = {}
        self._large: list[tuple[int, list[bytes]]] = []
        self._next = 0  # index of the next bucket to read
        self._dict: dict[str, float] | None = None
        self._index: dict[bytes, int] | None = None  # every word's bucket, after _FREQ_DICT_AFTER look-ups
        self._lookups = 0
        self._written = False  # the sorted index was written (or tried) by this instance
        self._lock = threading.Lock()

    def _read_bucket(self) -> tuple[int, list[bytes]] | None:
        """The next bucket of the file, None past the last one."""
        if self._left <= 0:
            return None
        bucket = self._unpacker.unpack()
        if not isinstance(bucket, list):
            raise ValueError(f"{self._path}: not wordfreq's cBpack format")
        bucket.sort()  # sorted already (wordfreq's format; UTF-8 keeps the order): timsort only checks it
        index, self._next, self._left = self._next, self._next + 1, self._left - 1
        if bucket:
            self._read.append((index, bucket))
            if len(bucket) < _SMALL_BUCKET:
                for word in bucket:
                    self._small.setdefault(word, index)
            else:
                self._large.append((index, bucket))
        return index, bucket

    def as_dict(self) -> dict[str, float]:
        """What wordfreq.get_frequency_dict gives."""
        with self._lock:
            if self._dict is None:
                while self._read_bucket() is not None:
                    pass
                freqs: dict[str, float] = {}
                for index, bucket in self._read:
                    freq = 10 ** (-index / 100)  # wordfreq.cB_to_freq(-index)
                    for word in bucket:
                        freqs[word.decode("utf-8")] = freq
                self._dict, self._read, self._small, self._large, self._unpacker = freqs, [], {}, [], None
                self._index = None
            return self._dict

    def get(self, word: str) -> float | None:
        if self._dict is not None:
            return self._dict.get(word)
        self._lookups += 1
        key = word.encode("utf-8", "surrogatepass")
        if self._sorted is not None:
            found = self._sorted.get(key)
            return None if found is None else 10 ** (-found / 100)
        with self._lock:
            if self._dict is not None:
                return self._dict.get(word)
            if self._lookups > _FREQ_DICT_AFTER:
                if self._index is None:
                    while self._read_bucket() is not None:
                        pass
                    index_of: dict[bytes, int] = {}
                    for index, bucket in self._read:  # a later bucket's word over an earlier one's, as in as_dict
                        index_of.update(dict.fromkeys(bucket, index))
                    self._index, self._small, self._large = index_of, {}, []
                    if not self._written:
                        self._written = True
                        _SortedIndex.write(self._path, lambda: index_of)
                found = self._index.get(key)
                return None if found is None else 10 ** (-found / 100)
            index = self._small.get(key)
            if index is not None:
                return 10 ** (-index / 100)
            for index, bucket in self._large:
                k = bisect_left(bucket, key)
                if k < len(bucket) and bucket[k] == key:
                    return 10 ** (-index / 100)
            while (read := self._read_bucket()) is not None:
                index, bucket = read
                k = bisect_left(bucket, key)
                if k < len(bucket) and bucket[k] == key:
                    return 10 ** (-index / 100)
            if not self._written:  # the whole list is read: keep its index for the next processes
                self._written = True
                _SortedIndex.write(self._path, self._index_of_read)
        return None

    def _index_of_read(self) -> dict[bytes, int]:
        """Every word's bucket, once all buckets are read (a later bucket's word over an
        earlier one's, as in as_dict)."""
        index_of: dict[bytes, int] = {}
        for index, bucket in self._read:
            index_of.update(dict.fromkeys(bucket, index))
        return index_of

    def items(self):  # noqa: ANN201 - the dict's items view
        return self.as_dict().items()


def cache_dir() -> Path | None:
    """planparse's cache folder: $PLANPARSE_CACHE_DIR (empty: no cache), else the user's cache
    folder ($XDG_CACHE_HOME or ~/.cache; %LOCALAPPDATA% on Windows) / planparse."""
    given = os.environ.get("PLANPARSE_CACHE_DIR")
    if given is not None:
        return Path(given) if given.strip() else None
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "planparse" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or ""
    try:
        root = Path(base) if base.strip() else Path.home() / ".cache"
    except RuntimeError:  # no home directory
        return None
    return root / "planparse"


class _SortedIndex:
    """A wordfreq list's words sorted (as UTF-8 bytes) with their buckets, in a file of the
    cache folder, mapped into memory: a look-up bisects it (~20 slices), so a word the list
    does not know costs microseconds instead of unpacking the whole gzipped list (~0.1-0.15 s
    of every process that asks one: borderless plans cut words such as "tasa-arvotoiminnan").

    Written once per machine and list (by the first process that read the whole list, into
    a temporary file renamed into place: processes running side by side never see half a
    file); named after the list's path, size and modification time, so a new wordfreq
    writes a new one.  A file that is missing, unreadable or inconsistent is ignored: the
    look-ups read the list as before.  Layout: magic, word count n and words' length
    (uint32), n + 1 offsets (uint32), n bucket numbers (uint16), the words; native byte order
    (in the name)."""

    MAGIC = b"planparse wordfreq index 1\n\0\0\0\0\0"  # 32 bytes: the arrays after it stay aligned

    def __init__(self, mapped: Any, n: int, offsets: memoryview, buckets: memoryview, words_at: int) -> None:
        self._mapped, self._n, self._offsets, self._buckets, self._at = mapped, n, offsets, buckets, words_at

    @staticmethod
    def file_for(source: Path) -> Path | None:
        folder = cache_dir()
        if folder is None:
            return None
        import hashlib
        import sys

        try:
            st = source.stat()
        except OSError:
            return None
        key = f"{source.resolve()}|{st.st_size}|{st.st_mtime_ns}|{sys.byteorder}".encode("utf-8", "surrogatepass")
        stem = source.name.split(".")[0]
        return folder / f"wordfreq-{stem}-{hashlib.sha256(key).hexdigest()[:16]}.idx"

    @classmethod
    def open(cls, source: Path) -> _SortedIndex | None:
        """The index of `source` when its file is there and whole, else None."""
        import mmap

        path = cls.file_for(source)
        if path is None:
            return None
        try:
            with path.open("rb") as f:
                mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, unreadable, empty
            return None
        try:
            head = len(cls.MAGIC)
            if mapped[:head] != cls.MAGIC or len(mapped) < head + 8:
                raise ValueError
            n, size = memoryview(mapped)[head : head + 8].cast("I")
            offsets_at = head + 8
            buckets_at = offsets_at + 4 * (n + 1)
            words_at = buckets_at + 2 * n + (2 * n) % 4
            if len(mapped) != words_at + size:
                raise ValueError
            offsets = memoryview(mapped)[offsets_at:buckets_at].cast("I")
            buckets = memoryview(mapped)[buckets_at : buckets_at + 2 * n].cast("H")
            if offsets[0] != 0 or offsets[n] != size:
                raise ValueError
        except (ValueError, TypeError):
            return None  # (the views into the map keep it open: it closes when they go)
        return cls(mapped, n, offsets, buckets, words_at)

    def get(self, key: bytes) -> int | None:
        """The bucket of the word (UTF-8 bytes), None when the list does not have it."""
        offsets, mapped, at = self._offsets, self._mapped, self._at
        lo, hi = 0, self._n
        while lo < hi:
            mid = (lo + hi) // 2
            word = mapped[at + offsets[mid] : at + offsets[mid + 1]]
            if word < key:
                lo = mid + 1
            elif word == key:
                return self._buckets[mid]
            else:
                hi = mid
        return None

    @classmethod
    def write(cls, source: Path, index_of: Any) -> None:
        """Write the index of `source` from `index_of()` (word bytes -> bucket), when the cache
        folder can be written; any failure leaves things as they were (no index)."""
        import tempfile
        from array import array

        path = cls.file_for(source)
        if path is None:
            return
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as out:
                words_of = index_of()
                words = sorted(words_of)
                offsets = array("I", [0])
                total = 0
                for w in words:
                    total += len(w)
                    offsets.append(total)
                buckets = array("H", [words_of[w] for w in words])
                out.write(cls.MAGIC)
                out.write(array("I", [len(words), total]).tobytes())
                out.write(offsets.tobytes())
                out.write(buckets.tobytes())
                out.write(b"\0" * ((2 * len(words)) % 4))
                out.write(b"".join(words))
            os.replace(tmp, path)
            tmp = None
        except (OSError, OverflowError, ValueError):
            pass  # a read-only or full disk, a bucket number past 65535: no index, the list is read as before
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass


def _wordfreq_file(lang: str) -> Path | None:
    """The file wordfreq's "best" list reads for `lang` (large, else small), found without
    importing wordfreq; None when wordfreq is absent or has no list of exactly that code."""
    spec = importlib.util.find_spec("wordfreq")
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        for size in ("large", "small"):
            path = Path(location) / "data" / f"{size}_{lang}.msgpack.gz"
            if path.is_file():
                return path
    return None


@lru_cache(maxsize=4)
def _freq_list(lang: str) -> FreqList | dict[str, float]:
    """wordfreq's list for `lang`: a FreqList read from its file when it is where wordfreq
    keeps it, else (another layout, a language code wordfreq matches loosely) wordfreq's dict."""
    path = _wordfreq_file(lang) if lang.isalpha() and lang.islower() else None
    if path is not None:
        try:
            return FreqList(path)
        except Exception:  # noqa: BLE001 - anything unexpected: ask wordfreq itself below
            pass
    try:
        import wordfreq  # type: ignore[import-not-found]

        return wordfreq.get_frequency_dict(lang, wordlist="best")
    except (ImportError, LookupError):
        return {}


@dataclass(eq=False)  # hashable by identity: one instance per language and backend
class Lexicon:
    """One language's word knowledge; `backend` is "voikko", "wordfreq" or "none"."""

    lang: str
    backend: str
    _voikko: Any = field(default=None, repr=False)
    has_freq: bool = False  # wordfreq is installed (its list is loaded on first use)

    def __post_init__(self) -> None:
        # Per-instance caches (lru_cache on methods would pin the instance).
        self.is_word = lru_cache(maxsize=200_000)(self._is_word)  # type: ignore[method-assign]
        self.zipf = lru_cache(maxsize=200_000)(self._zipf)  # type: ignore[method-assign]
        self.lemmas = lru_cache(maxsize=20_000)(self._lemmas)  # type: ignore[method-assign]

    @property
    def has_spellchecker(self) -> bool:
        return self._voikko is not None

    def _is_word(self, word: str) -> bool | None:
        """True/False when the lexicon knows; None when there is no lexicon at all."""
        if not word:
            return False
        if self._voikko is not None:
            return bool(self._voikko.spell(word))
        if self.has_freq:
            return self._zipf(word) >= FALLBACK_MIN_ZIPF
        return None

    def _zipf(self, word: str) -> float:
        if not self.has_freq:
            return 0.0
        f = _freq_list(self.lang).get(word.lower())
        return round(math.log10(f) + 9, 2) if f else 0.0

    def starts_no_compound(self, word: str) -> bool:
        """True when every Voikko reading of `word` is a case form that does not begin
        a compound: essive, translative, partitive, abessive, comitative, instructive
        (ostopalveluna-toteutettava).  Locative forms and adverbs do begin lexicalised
        compounds (kunnossapito, vireilletulo, kiinniotto), so they do not count.
        A nominative plural begins none either (Iltakahvit-vanhempainiltakonsepti:
        a compound's first part is a singular stem or a genitive).
        False when unknown or without Voikko."""
        readings = self._readings(word)
        return bool(readings) and all(
            a.get("SIJAMUOTO") in _NO_COMPOUND_CASES or (a.get("SIJAMUOTO") == "nimento" and a.get("NUMBER") == "plural")
            for a in readings
        )

    def last_part_start(self, word: str) -> int:
        """Where the last part of a compound begins (Voikko's STRUCTURE); 0 for a simple word."""
        starts = set()
        for a in self._readings(word):
            pos, structure = 0, a.get("STRUCTURE", "")
            last = 0
            for ch in structure:
                if ch == "=":
                    last = pos
                else:
                    pos += 1
            starts.add(last)
        return min(starts) if len(starts) == 1 else 0

    def compound_parts(self, word: str) -> int:
        """How many parts Voikko reads `word` as, fewest over its readings (käytössä 1,
        käytös+sää 2); 0 when unknown or without Voikko."""
        counts = [a.get("STRUCTURE", "").count("=") for a in self._readings(word)]
        return min(counts) if counts else 0

    def is_nominative_noun(self, word: str, number: str | None = None) -> bool:
        """True when every Voikko reading of `word` is a common noun in the nominative
        (of `number`, "singular" or "plural", when given).  Two such nouns in a row
        are no Finnish phrase but the parts of a compound (nuoriso|toimijat; an
        adjective, a participle or a genitive is: valmis osin, suunnitelma
        hyväksytty, käyttäjämäärä laskurin).  False when unknown or without Voikko."""
        readings = self._readings(word)
        return bool(readings) and all(
            a.get("CLASS") == "nimisana" and a.get("SIJAMUOTO") == "nimento" and (number is None or a.get("NUMBER") == number)
            for a in readings
        )

    def is_proper_noun(self, word: str) -> bool | None:
        """True when Voikko reads `word` as a name (place, surname, first name) in some reading,
        False when it knows the word only as something else, None without Voikko or when unknown."""
        readings = self._readings(word)
        if not readings:
            return None
        return any(a.get("CLASS") in _NAME_CLASSES for a in readings)

    def _readings(self, word: str) -> list[dict]:
        """Voikko's analyses of `word` (empty when unknown or without Voikko)."""
        return self._voikko.analyze(word) if self._voikko is not None else []

    def _lemmas(self, word: str) -> tuple[str, ...]:
        """Base forms Voikko gives for `word` (empty without Voikko)."""
        return tuple(sorted({a.get("BASEFORM", "").lower() for a in self._readings(word)} - {""}))


def requested_backend(backend: str | None = None) -> str:
    """The backend asked for: argument, else $PLANPARSE_LEXICON, else "auto"."""
    choice = (backend or os.environ.get("PLANPARSE_LEXICON") or "auto").strip().lower()
    if choice not in {"auto", "voikko", "fallback"}:
        raise ValueError(f"PLANPARSE_LEXICON must be auto, voikko or fallback, not {choice!r}")
    return choice


@lru_cache(maxsize=8)
def _get_lexicon(lang: str, choice: str) -> Lexicon:
    voikko = _load_voikko(lang) if choice in {"auto", "voikko"} else None
    has_freq = _has_wordfreq()
    if voikko is not None:
        return Lexicon(lang, "voikko", voikko, has_freq)
    if has_freq:
        return Lexicon(lang, "wordfreq", None, has_freq)
    return Lexicon(lang, "none", None, False)


def get_lexicon(lang: str = "fi", backend: str | None = None) -> Lexicon:
    """The lexicon for `lang` ("fi"/"sv"), loaded once per process and backend."""
    return _get_lexicon(lang, requested_backend(backend))


def describe_backends() -> list[tuple[str, str, str]]:
    """(language, active backend, note) rows for `planparse doctor`."""
    rows = []
    for lang in ("fi", "sv"):
        lex = get_lexicon(lang)
        if lex.backend == "voikko":
            note = "Voikko spell checker (best)"
        elif lang == "sv":
            note = "Swedish breaks are decided by the document's own spellings and spelling rules (no OCR map for Swedish)"
        elif lex.backend == "wordfreq":
            note = "wordfreq frequency list (fallback: OCR repair only; breaks by document evidence and rules)"
        else:
            note = "no word list: spelling rules only; pip install wordfreq"
        rows.append((lang, lex.backend, note))
    return rows
