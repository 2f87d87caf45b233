"""``verordening report TABLE --out report.html``: the scan table as statistics, charts and a
self-contained HTML page, with the aggregates as CSV.

Exit codes: 0 written; 2 a table that is missing, unreadable, no scan table or empty, a
rule folder with a mistake, or an output that cannot be written - each as one line on
standard error.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import LocalisedError
from ..escape import visible
from ..messages_cli import say

__all__ = ["add_parser", "run"]

EXIT_OK, EXIT_USAGE = 0, 2


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """The ``report`` subcommand, added to the command line's subcommands."""
    report = commands.add_parser(
        "report",
        help="turn a scan table into statistics, charts and an HTML report",
        description=(
            "Per statutory element the share of participation bylaws where it is present, partial "
            "or missing, overall, by year and by framework (and by organisation when asked); the "
            "most common gaps and reasons; charts as SVG and PNG; a self-contained HTML page and "
            "a CSV of the aggregates."
        ),
    )
    report.add_argument("table", metavar="TABLE", help="a scan table: .parquet, .csv or .jsonl")
    report.add_argument("--out", required=True, metavar="FILE.html", help="the HTML report to write")
    report.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="year|framework|organisation",
        help="a breakdown besides year and framework (repeatable; organisation is off by default)",
    )
    report.add_argument(
        "--charts", metavar="DIR", help="folder for the SVG and PNG charts (default: <out>.charts/)"
    )
    report.add_argument(
        "--csv", metavar="FILE.csv", help="the CSV of the aggregates (default: <out> as .csv)"
    )
    report.add_argument(
        "--top", type=int, default=10, metavar="N", help="how many gaps, reasons, documents (10)"
    )
    report.add_argument("--rules", metavar="DIR", help="the rule folder whose words explain the reason codes")


def run(args: argparse.Namespace) -> int:
    """Write the report; one line on standard error and exit code 2 when it cannot be."""
    from ..datafile import RuleError
    from .report import DEFAULT_BY, ReportError, write_report  # pandas only when a report is made

    by = list(dict.fromkeys([*DEFAULT_BY, *args.by]))
    if args.top < 1:
        say(LocalisedError(key="cli.top"), args.lang)
        return EXIT_USAGE
    try:
        files = write_report(
            args.table,
            args.out,
            by=by,
            charts=args.charts,
            csv=args.csv,
            rules=args.rules,
            n=args.top,
            lang=args.lang,
        )
    except (ReportError, RuleError) as error:
        say(error, args.lang)
        return EXIT_USAGE
    except OSError as error:
        reason = error.strerror or type(error).__name__
        say(
            LocalisedError(key="cli.cannot_write_file", name=error.filename or args.out, reason=reason),
            args.lang,
        )
        return EXIT_USAGE
    sys.stdout.write(f"{visible(str(files.html), one_line=True)}\n")
    sys.stdout.write(f"{visible(str(files.csv), one_line=True)}\n")
    for path in files.charts:
        sys.stdout.write(f"{visible(str(path), one_line=True)}\n")
    return EXIT_OK
