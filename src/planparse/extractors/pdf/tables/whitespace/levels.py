"""Is a height level with one of many: bisection picks the candidates, the plain test decides.

The row rules ask, for every block or line of a long table, whether some other
height (a row start, a carried-on line) stands within the row tolerance of it.
A scan of all the heights per question grows with the square of the page's
lines; bisection into a sorted list finds the few within reach, and the same
`abs(value - t) <= tol` test as the scan decides on them, so the answer is the
scan's to the last bit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Sequence

SLACK = 1e-3  # points: the bisect window is this much wider than the exact test it feeds


def level_with(sorted_values: Sequence[float], t: float, tol: float) -> bool:
    """Is a value of the sorted list within `tol` of t (abs(value - t) <= tol)?"""
    lo, hi = bisect_left(sorted_values, t - tol - SLACK), bisect_right(sorted_values, t + tol + SLACK)
    for v in sorted_values[lo:hi]:
        if abs(v - t) <= tol:
            return True
    return False
