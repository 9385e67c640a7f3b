"""How much memory this process may still use: the address-space cap, or 2 GB.

The DOCX reader asks before it inflates a package (`available_bytes`); the
`--max-memory` options set the cap (`set_memory_limit`).  The `resource`
module is POSIX only: without it (Windows) there is no cap to set, and the
default budget applies.
"""

from __future__ import annotations

import os

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

DEFAULT_BUDGET_MB = 2048  # what reading one document may take when no cap is set


def set_memory_limit(megabytes: int | None) -> None:
    """Cap the address space of this process (no-op where the OS has no such cap)."""
    if resource is None or megabytes is None:
        return
    limit = megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def no_core_dumps() -> None:
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def memory_limit_bytes() -> int:
    """The address-space cap in force, or the default budget."""
    if resource is not None:
        soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
        if soft != resource.RLIM_INFINITY:
            return int(soft)
    return DEFAULT_BUDGET_MB * 1024 * 1024


def _in_use(capped: bool) -> int:
    """Address space (under a cap) or resident memory (without one) this process uses now; 0 if unknown."""
    try:
        with open("/proc/self/statm") as fh:
            size, resident = (int(v) for v in fh.read().split()[:2])
        return (size if capped else resident) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return 0


def available_bytes() -> int:
    """Memory still allowed: the cap (or budget) less what is in use."""
    capped = resource is not None and resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY
    return max(memory_limit_bytes() - _in_use(capped), 0)
