"""Where a document comes from: a path on disk, or bytes read from stdin."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
import io

from .errors import InputMissingError

_HASH_CHUNK = 1 << 20


def utf8_text(text: str) -> str:
    """`text` as valid UTF-8: the undecodable bytes of a file name (surrogate escapes) as U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


@dataclass(frozen=True)
class Source:
    """A document to read: `path` on disk, or `data` in memory (stdin).

    `name` is what messages and `source.file` call it (the file name, or "-");
    `given` is the path as the caller gave it (`source.path`; batch gives the
    path relative to its folder), None for stdin.
    """

    name: str
    path: Path | None = None
    data: bytes | None = None
    given: str | None = None

    @classmethod
    def from_path(cls, path: str | Path, given: str | None = None) -> "Source":
        """A file on disk; `given` overrides the path shown in `source.path`."""
        p = Path(path)
        if not p.exists():
            raise InputMissingError(p, "no such file")
        if p.is_dir():
            raise InputMissingError(p, "is a directory, not a file", "use `planparse batch DIR -o OUT` for folders")
        return cls(name=p.name, path=p, given=os.fspath(path) if given is None else given)

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "-") -> "Source":
        return cls(name=name, data=data)

    @property
    def shown_path(self) -> str:
        """`source.path`: the path as given, or the name ("-" for stdin)."""
        return self.given if self.given is not None else self.name

    @property
    def display(self) -> str:
        """The name used in messages: the path as given, or "-" for stdin."""
        return str(self.path) if self.path is not None else self.name

    def open(self) -> BinaryIO:
        """A binary stream over the document (the caller closes it)."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return open(self.path, "rb")

    def head(self, n: int = 8192) -> bytes:
        with self.open() as fh:
            return fh.read(n)

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size

    def sha256(self) -> str:
        digest = hashlib.sha256()
        with self.open() as fh:
            for chunk in iter(lambda: fh.read(_HASH_CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest()
