"""Benchmark: the PDF extractor against bare pdfplumber word extraction.

    python tools/bench_pdf.py FILE.pdf [FIRST LAST]

Prints the time of `page.extract_words()` over the pages (each page closed
after reading, as the extractor does), the time of
`planparse.extractors.pdf.reader.read_pdf` on the same pages, their ratio (target:
<= 1.5), and the peak memory of each run in a child process, so memory can be
compared across page counts (it should not grow with them).
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time


def _words(path: str, pages: tuple[int, ...] | None) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            if pages is None or number in pages:
                page.extract_words()
            page.close()


def _planparse(path: str, pages: tuple[int, ...] | None) -> None:
    from planparse.extractors.pdf.reader import read_pdf
    from planparse.settings import ExtractOptions
    from planparse.source import Source

    read_pdf(Source.from_path(path), ExtractOptions(pages=pages))


def _run(target, path: str, pages: tuple[int, ...] | None, out) -> None:
    start = time.perf_counter()
    target(path, pages)
    out.put((time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def measure(target, path: str, pages: tuple[int, ...] | None) -> tuple[float, float]:
    """(seconds, peak MB) of one run in a fresh process."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_run, args=(target, path, pages, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[0]
    pages = tuple(range(int(argv[1]), int(argv[2]) + 1)) if len(argv) >= 3 else None
    words_s, words_mb = measure(_words, path, pages)
    ours_s, ours_mb = measure(_planparse, path, pages)
    span = f"pages {pages[0]}-{pages[-1]}" if pages else "all pages"
    print(f"{path} ({span})")
    print(f"  pdfplumber extract_words  {words_s:7.2f} s  peak {words_mb:6.0f} MB")
    print(f"  planparse read_pdf        {ours_s:7.2f} s  peak {ours_mb:6.0f} MB")
    print(f"  ratio                     {ours_s / words_s:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
