"""The ``verordening`` command: a thin layer over the Python API.

Exit codes: ``parse`` 0 articles found, 3 none; ``check`` 0 every applicable statutory
element present, 1 any partial or missing, 3 not a participation bylaw or no articles;
2 unreadable input or a usage error. With several files every file is processed and
the most severe code wins (2 > 1 > 3 > 0). Every error is one line on standard error;
a traceback is a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import __version__, parse_file
from .findings import FRAMEWORKS
from .load import LoadError
from .output import outline_text, report_summary_line, report_text

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_NOT_CHECKED = 0, 1, 2, 3
_SEVERITY = (EXIT_USAGE, EXIT_FINDINGS, EXIT_NOT_CHECKED, EXIT_OK)  # most severe first


def most_severe(codes: Sequence[int]) -> int:
    return min(codes, key=_SEVERITY.index) if codes else EXIT_OK


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

    check = commands.add_parser(
        "check",
        help="check a bylaw for the statutory elements of client participation",
        description="Check one or more bylaws; a Dutch report, or JSON (JSON Lines for several files).",
    )
    check.add_argument(
        "files", metavar="FILE", nargs="+", help="text or markdown files, or - for standard input"
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.add_argument(
        "--framework",
        action="append",
        choices=FRAMEWORKS,
        metavar="K",
        help=f"judge under this framework instead of the legal basis ({', '.join(FRAMEWORKS)}); repeatable",
    )
    check.add_argument(
        "--as-of", metavar="DATE", help="judge by the law in force on DATE (YYYY-MM-DD; default today)"
    )
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour in text output"
    )

    check.add_argument(
        "--model",
        metavar="NAME|PATH",
        help="spaCy Dutch pipeline to read with (default: $VERORDENING_SPACY_MODEL, an installed "
        "nl_core_news_lg/md/sm, else the built-in pipeline; 'builtin' forces the built-in one)",
    )

    rules = commands.add_parser(
        "rules",
        help="list the rules, or explain one: what it checks, its statute, reasons and example wording",
        description="Without an argument: one line per rule. With a rule id or element: the rule in full.",
    )
    rules.add_argument(
        "rule", metavar="ID|ELEMENT", nargs="?", help="a rule id (PW47-A) or an element (advice)"
    )

    evaluate = commands.add_parser(
        "eval",
        help="measure the checker against gold files (*.gold.json) and a keyword baseline",
        description="Evaluate the checker on folders of bylaws with gold files.",
    )
    evaluate.add_argument("dirs", metavar="DIR", nargs="+", help="folders with NAME.txt and NAME.gold.json")
    evaluate.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    evaluate.add_argument("--model", metavar="NAME|PATH", help="spaCy Dutch pipeline, as for check")
    return parser


def _color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _parse(args: argparse.Namespace) -> int:
    try:
        document = parse_file(args.file)
    except LoadError as error:
        sys.stderr.write(f"verordening: {error}\n")
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(document.to_json() + "\n")
    else:
        sys.stdout.write(outline_text(document))
    return EXIT_OK if document.articles else EXIT_NOT_CHECKED


def _check(args: argparse.Namespace) -> int:
    from . import check
    from .language import ModelError, load_pipeline
    from .rules import RuleError

    if args.as_of is not None:
        try:
            date.fromisoformat(args.as_of)
        except ValueError:
            sys.stderr.write(f"verordening: --as-of must be a date as YYYY-MM-DD, not {args.as_of!r}\n")
            return EXIT_USAGE
    try:
        load_pipeline(args.model)  # a model that is not there is one error, not one per file
    except ModelError as error:
        sys.stderr.write(f"verordening: {error}\n")
        return EXIT_USAGE
    codes: list[int] = []
    color = _color(args.color)
    several = len(args.files) > 1
    for name in args.files:
        try:
            report = check(parse_file(name), frameworks=args.framework, as_of=args.as_of, model=args.model)
        except (LoadError, ValueError, RuleError) as error:
            sys.stderr.write(f"verordening: {error}\n")
            codes.append(EXIT_USAGE)
            continue
        if args.format == "json":
            sys.stdout.write(report.to_json(indent=None if several else 2) + "\n")
        elif several:
            sys.stdout.write(report_text(report, color=color) + "\n")
            sys.stderr.write(report_summary_line(report) + "\n")
        else:
            sys.stdout.write(report_text(report, color=color))
        sys.stdout.flush()
        codes.append(report.exit_code)
    return most_severe(codes)


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import EvalError, evaluate
    from .language import ModelError, load_pipeline

    def progress(message: str) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{message[:100]:100}")
            sys.stderr.flush()

    try:
        load_pipeline(args.model)
        result = evaluate([Path(d) for d in args.dirs], progress=progress, model=args.model)
    except (EvalError, ModelError) as error:
        sys.stderr.write(f"verordening: {error}\n")
        return EXIT_USAGE
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 100 + "\r")
    sys.stdout.write((result.to_json() if args.format == "json" else result.to_text()) + "\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from .output import rule_text, rules_table
    from .rules import RuleError
    from .rules.ruleset import load_rules

    try:
        rules, _ = load_rules()
    except RuleError as error:
        sys.stderr.write(f"verordening: {error}\n")
        return EXIT_USAGE
    if not args.rule:
        sys.stdout.write(rules_table(rules))
        return EXIT_OK
    wanted = args.rule.strip()
    for rule in rules:
        if wanted.lower() == rule.element or any(
            wanted.upper() == f.rule_id for f in rule.frameworks.values()
        ):
            sys.stdout.write(rule_text(rule))
            return EXIT_OK
    sys.stderr.write(f"verordening: no rule '{wanted}' (see 'verordening rules')\n")
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "parse":
        return _parse(args)
    if args.command == "check":
        return _check(args)
    if args.command == "rules":
        return _rules(args)
    return _eval(args)


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
