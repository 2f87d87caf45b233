"""The ``verordening`` command: a thin layer over the Python API.

Exit codes: 0 done (articles found), 3 no articles found, 2 unreadable input or a usage
error. Every error is one line on standard error; a traceback is a bug.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__, parse_file
from .load import LoadError
from .output import outline_text

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_NO_ARTICLES = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"verordening: {message} (see 'verordening --help')\n")
        raise SystemExit(EXIT_USAGE)


def _build() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="verordening",
        description="Read a Dutch municipal bylaw and check its client-participation rules.",
    )
    parser.add_argument("--version", action="version", version=f"verordening {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parse = commands.add_parser(
        "parse",
        help="show the structure of a bylaw: chapters, articles, leden, with citations",
        description="Parse a bylaw and print its outline or its JSON tree.",
    )
    parse.add_argument("file", metavar="FILE", help="a text or markdown file, or - for standard input")
    parse.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _build().parse_args(argv)
    if args.command is None:
        _build().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        document = parse_file(args.file)
    except LoadError as error:
        sys.stderr.write(f"verordening: {error}\n")
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(document.to_json() + "\n")
    else:
        sys.stdout.write(outline_text(document))
    return EXIT_OK if document.articles else EXIT_NO_ARTICLES


def run() -> None:
    """Entry point that also turns a closed pipe or Ctrl-C into a quiet exit."""
    try:
        code = main()
    except KeyboardInterrupt:
        sys.stderr.write("verordening: interrupted\n")
        code = 130
    except BrokenPipeError:
        code = 0
    raise SystemExit(code)
