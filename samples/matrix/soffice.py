"""Run LibreOffice headless on a batch of documents.

Kept apart from render_docx.py on purpose: the render cache is keyed by the drawing code
(render.CODE_FILES), and how soffice is started changes no page.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import tempfile
from pathlib import Path


def soffice_env() -> dict[str, str]:
    """The environment without pyenv's or an activated virtualenv's Python: LibreOffice aborts with
    std::bad_alloc when their directories lead PATH (seen with `source .venv/bin/activate`)."""
    venv = os.environ.get("VIRTUAL_ENV", "")
    env = {k: v for k, v in os.environ.items() if "PYENV" not in k and k not in ("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH")}
    keep = [p for p in env.get("PATH", "").split(os.pathsep) if ".pyenv" not in p and not (venv and p.startswith(venv))]
    env["PATH"] = os.pathsep.join(keep)
    return env


def convert_batch(docx_paths: list[Path], out_dir: Path) -> None:
    """One soffice run converts every document (private profile, system PATH only, as build.py)."""
    if not docx_paths:
        return
    profile = Path(tempfile.gettempdir()) / "planparse-matrix-lo-profile"
    env = soffice_env()
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out_dir)]
    # Two soffice runs on one profile do not both convert: the second hands its documents to the
    # first instance or fails on the profile's lock, and makes no PDF.  Matrix runs in parallel
    # (several seeds, several worktrees) therefore take turns on the profile.
    with open(f"{profile}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        said = ["never run"]
        for attempt in range(3):  # the first run on a fresh profile may exit 1
            missing = [p for p in docx_paths if not (out_dir / f"{p.stem}.pdf").exists()]
            if not missing:
                return
            try:
                run = subprocess.run(cmd + [str(p) for p in missing], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60 + 20 * len(missing), env=env)
            except subprocess.TimeoutExpired as err:  # (a loaded machine: tried again, then said as made no PDF)
                said = [f"timed out after {err.timeout:.0f} s"]
                continue
            said = [f"exit {run.returncode}", *run.stderr.decode(errors="replace").strip().splitlines()[-3:]]
    missing = [p.name for p in docx_paths if not (out_dir / f"{p.stem}.pdf").exists()]
    if missing:
        raise SystemExit(f"matrix: LibreOffice ({' / '.join(said)}) made no PDF for {', '.join(missing)}")
