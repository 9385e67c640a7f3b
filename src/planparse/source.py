"""Where a document comes from: a path on disk, or bytes read from stdin."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
import io

from .errors import InputMissingError
from .names import portable

_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class Source:
    """A document to read: `path` on disk, or `data` in memory (stdin).

    `name` is what messages and `source.file` call it (the file name, or "-").
    """

    name: str
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def from_path(cls, path: str | Path) -> "Source":
        p = Path(path)
        if not p.exists():
            raise InputMissingError(p, "no such file")
        if p.is_dir():
            raise InputMissingError(p, "is a directory, not a file", "use `planparse batch DIR -o OUT` for folders")
        return cls(name=portable(p.name), path=p)  # a name that is not UTF-8 stays writable

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "-") -> "Source":
        return cls(name=name, data=data)

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
