"""The `planparse` command: thin typer commands over the library.

Errors reach the terminal in one place, `main()`: a `PlanparseError` becomes
one line on stderr and its exit code; anything else is a bug (exit 70).
"""

from __future__ import annotations

import errno
import os
import sys

import typer

from .. import __version__
from ..errors import ExitCode, OutputClosed, OutputError, PlanparseError
from planparse.common.names import printable

EXIT_CODES_HELP = "\b\n" + "\n".join(f"{int(code):>3}  {code.name.lower().replace('_', '-')}" for code in ExitCode)

app = typer.Typer(
    name="planparse",
    help=(
        "Turn municipal plan documents (PDF, DOCX) into one record per table row "
        "(planparse/1.1: JSON, YAML, JSON Lines, CSV).\n\nExit codes:\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"planparse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True, help="Print the version and exit."),
) -> None:
    """planparse command line."""


def _register_commands() -> None:
    from . import commands  # noqa: F401  (importing registers the commands on `app`)


_as_command = False
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}


def runs_as_command() -> bool:
    """True when `main()` runs as the `planparse` process itself (not called from other Python code)."""
    return _as_command


def report_error(err: PlanparseError) -> int:
    """Print one line for a user-facing error (file names made safe for a terminal); return its exit code."""
    print(f"planparse: {printable(err.one_line())}", file=sys.stderr)
    return int(err.exit_code)


def _stdout_to_devnull() -> None:
    """After a failed or closed stdout, let the interpreter's last flush go nowhere (no second error)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced (a test's capture): nothing to do
        pass


def main(argv: list[str] | None = None) -> int:
    """Console entry point."""
    global _as_command
    _as_command = argv is None
    args = sys.argv[1:] if argv is None else argv
    saved: dict[int, object] = {}
    try:
        return _main(args, saved)
    finally:
        if saved and not _as_command:
            # Called from other Python code (e.g. a test): the caller's SIGTERM/SIGHUP handlers come
            # back, or a later signal would raise BatchStopped in whatever the caller runs next.
            from planparse.batch.runner import restore_handlers

            restore_handlers(saved)


def _main(args: list[str], saved: dict[int, object]) -> int:
    """`main` proper; `saved` receives the signal handlers the batch command replaced."""
    try:
        if args[:1] == ["batch"] and not {"-h", "--help"} & set(args):
            from planparse.batch.runner import start_worker_server, stop_signals_raise

            saved.update(stop_signals_raise())  # SIGTERM from here on stops the batch cleanly, also before it has begun
            start_worker_server()  # its imports overlap with loading the commands below
        _register_commands()
        from .options import bare_ocr_flag

        code = app(args=bare_ocr_flag(list(args)), standalone_mode=False)
        sys.stdout.flush()
    except OutputClosed:
        # The reader went away (e.g. `| head -1`): normal use, end quietly as other tools do.
        _stdout_to_devnull()
        return 0
    except OutputError as err:
        _stdout_to_devnull()
        return report_error(err)
    except PlanparseError as err:
        return report_error(err)
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except typer.Abort as abort:
        # click turns an interrupt during option parsing into Abort; SIGTERM's keeps its number.
        signum = getattr(abort.__cause__ or abort.__context__, "signum", None)
        print("planparse: " + (f"stopped by signal {signum}" if signum else "aborted"), file=sys.stderr)
        return 128 + signum if signum else 130
    except KeyboardInterrupt as stop:
        signum = getattr(stop, "signum", None)  # batch.BatchStopped: SIGTERM or SIGHUP
        print("planparse: " + (f"stopped by signal {signum}" if signum else "interrupted"), file=sys.stderr)
        return 128 + signum if signum else 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.
        _stdout_to_devnull()
        return 0
    except MemoryError:
        print("planparse: ran out of memory (the input is too large; raise --max-memory if the machine has more)", file=sys.stderr)
        return int(ExitCode.OUT_OF_MEMORY)
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into a message
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
            # Writing stdout outside a guarded stream (e.g. `planparse schema > /dev/full`).
            _stdout_to_devnull()
            print(f"planparse: stdout: cannot write ({exc.strerror})", file=sys.stderr)
            return int(ExitCode.OUTPUT_ERROR)
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            # click's (or typer's vendored click's) usage errors: they print themselves.
            exc.show()
            return int(exc.exit_code)
        print(f"planparse: internal error: {exc.__class__.__name__}: {printable(exc)} (please report this bug)", file=sys.stderr)
        return int(ExitCode.INTERNAL_ERROR)
    code = int(code) if isinstance(code, int) else 0
    if code == 130 and args[:1] == ["batch"]:
        from planparse.batch.runner import stopped_by

        signum = stopped_by()
        if signum:  # typer turned the BatchStopped of a SIGTERM during option parsing into 130
            print(f"planparse: stopped by signal {signum}", file=sys.stderr)
            return 128 + signum
    return code
