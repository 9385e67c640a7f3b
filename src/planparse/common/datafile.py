"""planparse's own YAML data files (data/*.yaml), parsed by libyaml when PyYAML has it.

Every extraction loads seven of them; PyYAML's pure-Python parser took ~45 ms of
a process's CPU for that, its libyaml parser (`CSafeLoader`, in PyYAML's wheels)
about a tenth.  The objects are the same (both use PyYAML's safe constructor;
tests/test_datafile.py compares every data file, types and key order included).
User files (batch reports) keep `yaml.safe_load`.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """A data file's text as PyYAML's `safe_load` reads it."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (C or Python)
