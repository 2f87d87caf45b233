"""``verordening scan PATH... --out TABLE``: many bylaws checked into one table.

Exit codes: 0 the table was written (files that could not be read or checked are error rows
in it, counted in the summary); 2 a usage error - no such path, an output that is not
``.parquet``/``.csv``/``.jsonl``, a bad date or limit, a store of an earlier scan without
``--resume`` or ``--restart``, a wrong model or rule folder - as one line on standard error;
130 interrupted (Ctrl-C or SIGTERM: the table of what was checked is written first).
"""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType
from typing import Any

from ..messages_cli import add_limits, limits_of, say

__all__ = ["add_parser", "run"]

EXIT_OK, EXIT_USAGE, EXIT_INTERRUPTED = 0, 2, 130

_DESCRIPTION = """\
Check every bylaw under the paths into one table: one row per document and statutory
element, or one error row for a file that cannot be read or checked (the scan goes on).

Folders are walked recursively in sorted order; globs are expanded (quote them for ** ).
Checked: files ending in .txt .md .markdown .docx .html .htm .xhtml .xml .pdf. Skipped and
counted: other suffixes, gold files (*.gold.json), README*, *MANIFEST*, LICENSE*,
CHANGELOG*, and hidden files and folders (names starting with a dot).

Every document's rows are stored as they arrive in TABLE.scan.sqlite beside the table;
the table is written from it at the end (also after Ctrl-C). --resume reuses that store
and checks only new and changed files; without --resume an existing store is refused
(--restart deletes it). Exit codes: 0 done (error rows included), 2 usage error,
130 interrupted. Details: docs/scanning.md."""


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """The ``scan`` subcommand, added to the command line's subcommands."""
    scan = commands.add_parser(
        "scan",
        help="check many bylaws (folders, globs) into one table, resumable, in parallel",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    scan.add_argument("paths", metavar="PATH", nargs="+", help="a file, a folder or a glob")
    scan.add_argument("--out", required=True, metavar="TABLE", help="the table: .parquet, .csv or .jsonl")
    scan.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    scan.add_argument(
        "--resume", action="store_true", help="reuse the store; check new and changed files only"
    )
    scan.add_argument(
        "--restart", action="store_true", help="delete an earlier scan's store and start afresh"
    )
    scan.add_argument("--engine", choices=("local", "dask"), default="local", help="where to check (local)")
    scan.add_argument(
        "--scheduler", metavar="ADDRESS", help="a Dask scheduler (--engine dask; default: local)"
    )
    scan.add_argument(
        "--model", default="builtin", metavar="NAME|PATH", help="spaCy Dutch pipeline (builtin)"
    )
    scan.add_argument("--rules", metavar="DIR", help="a rule folder instead of the installed rules")
    scan.add_argument(
        "--as-of", metavar="DATE", help="judge by the law in force on DATE (default: the bylaw's)"
    )
    scan.add_argument(
        "--in-force-on",
        metavar="DATE",
        help="keep only the versions in force on DATE (CVDR and official pages)",
    )
    add_limits(scan)


def _terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (a batch system's time limit, ``kill``) ends the scan as Ctrl-C does."""
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Scan; the summary as one line on standard error."""
    from ..datafile import RuleError
    from ..language import ModelError
    from .api import scan_summary  # pandas only when a scan runs
    from .store import StoreError
    from .table import TableError

    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        limits = limits_of(args)
        _, summary = scan_summary(
            args.paths,
            out=args.out,
            jobs=args.jobs,
            resume=args.resume,
            engine=args.engine,
            scheduler=args.scheduler,
            model=args.model,
            rules=args.rules,
            as_of=args.as_of,
            in_force_on=args.in_force_on,
            limits=limits,
            progress=sys.stderr.isatty(),
            restart=args.restart,
            lang=args.lang,
        )
    except (ValueError, StoreError, TableError, ModelError, RuleError) as error:
        say(error, args.lang)
        return EXIT_USAGE
    except OSError as error:
        say(f"{error.filename or args.out}: {error.strerror or error}", args.lang)
        return EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
    say(f"scan: {summary.line(args.lang)}", args.lang)
    return EXIT_INTERRUPTED if summary.interrupted else EXIT_OK
