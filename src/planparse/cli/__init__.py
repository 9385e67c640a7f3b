"""The `planparse` command: thin typer commands over the library.

Errors reach the terminal in one place, `main()`: a `PlanparseError` becomes
one line on stderr and its exit code; anything else is a bug (exit 70).
"""

from __future__ import annotations

import sys

import typer

from .. import __version__
from ..errors import ExitCode, PlanparseError

EXIT_CODES_HELP = "\b\n" + "\n".join(f"{int(code):>3}  {code.name.lower().replace('_', '-')}" for code in ExitCode)

app = typer.Typer(
    name="planparse",
    help=(
        "Turn municipal plan documents (PDF, DOCX) into one record per table row "
        "(planparse/1.1: JSON, YAML, JSON Lines, CSV).\n\nExit codes:\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=False,
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


def report_error(err: PlanparseError) -> int:
    """Print one line for a user-facing error; return its exit code."""
    print(f"planparse: {err.one_line()}", file=sys.stderr)
    return int(err.exit_code)


def main(argv: list[str] | None = None) -> int:
    """Console entry point."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["batch"] and not {"-h", "--help"} & set(args):
        from ..batch import start_worker_server

        start_worker_server()  # its imports overlap with loading the commands below
    _register_commands()
    from .options import bare_ocr_flag

    try:
        code = app(args=bare_ocr_flag(list(args)), standalone_mode=False)
    except PlanparseError as err:
        return report_error(err)
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except typer.Abort:
        print("planparse: aborted", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("planparse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into a message
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            # click's (or typer's vendored click's) usage errors: they print themselves.
            exc.show()
            return int(exc.exit_code)
        print(f"planparse: internal error: {exc.__class__.__name__}: {exc} (please report this bug)", file=sys.stderr)
        return int(ExitCode.INTERNAL_ERROR)
    return int(code) if isinstance(code, int) else 0
