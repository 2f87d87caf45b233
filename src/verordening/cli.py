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
from pathlib import Path

from . import __version__, parse_file
from .bulk import command as scan_command
from .bulk import report_command
from .checker import Checker, as_date, settle
from .compare import add_diff_parser, run_diff
from .datafile import RuleError
from .errors import LocalisedError
from .escape import visible
from .findings import Report
from .language import ModelError
from .load import Limits, LoadError, budget
from .load.base import TimeLimit
from .messages import messages
from .messages_cli import add_language, add_limits, argparse_error, language_of, limits_of, localise, say
from .output import outline_text, report_summary_line, report_text
from .output_html import write_report_html
from .output_sarif import sarif_json
from .rules import load_rules

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_NOT_CHECKED = 0, 1, 2, 3
_SEVERITY = (EXIT_USAGE, EXIT_FINDINGS, EXIT_NOT_CHECKED, EXIT_OK)  # most severe first


def most_severe(codes: Sequence[int]) -> int:
    return min(codes, key=_SEVERITY.index) if codes else EXIT_OK


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        m = getattr(self, "messages", messages("nl"))
        say(argparse_error(message, m), m.lang)
        raise SystemExit(EXIT_USAGE)


_RULES_HELP = "a rule folder to check with instead of the installed rules (a copy of rules/, edited)"
_MODEL_HELP = (
    "spaCy Dutch pipeline to read with (default: $VERORDENING_SPACY_MODEL, an installed "
    "nl_core_news_lg/md/sm, else the built-in pipeline; 'builtin' forces the built-in one)"
)


_INPUT_HELP = "a bylaw: text, Markdown, Word (.docx), official HTML, CVDR XML or PDF; - for standard input"


def _add_parse(commands: argparse._SubParsersAction[_Parser]) -> None:
    parse = commands.add_parser(
        "parse",
        help="show the structure of a bylaw: chapters, articles, leden, with citations",
        description="Parse a bylaw and print its outline or its JSON tree.",
    )
    parse.add_argument("file", metavar="FILE", help=_INPUT_HELP)
    parse.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_limits(parse)


def _add_check(commands: argparse._SubParsersAction[_Parser]) -> None:
    check = commands.add_parser(
        "check",
        help="check a bylaw for the statutory elements of client participation",
        description="Check one or more bylaws; a Dutch report, or JSON (JSON Lines for several files).",
    )
    check.add_argument("files", metavar="FILE", nargs="+", help=_INPUT_HELP)
    check.add_argument(
        "--format", choices=("text", "json", "html", "sarif"), default="text", help="output format"
    )
    check.add_argument(
        "-o", "--output", metavar="FILE", help="write the HTML report to FILE (default: standard output)"
    )
    check.add_argument(
        "--framework",
        action="append",
        metavar="K",
        help="judge under this framework instead of the legal basis (a framework of the rules' laws.yaml, "
        "such as participatiewet or wmo2015); repeatable",
    )
    check.add_argument(
        "--as-of", metavar="DATE", help="judge by the law in force on DATE (YYYY-MM-DD; default today)"
    )
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour in text output"
    )
    check.add_argument("--model", metavar="NAME|PATH", help=_MODEL_HELP)
    check.add_argument("--rules", metavar="DIR", help=_RULES_HELP)
    add_limits(check)


def _add_rules_and_eval(commands: argparse._SubParsersAction[_Parser]) -> None:
    rules = commands.add_parser(
        "rules",
        help="list the rules, or explain one: what it checks, its statute, reasons and example wording",
        description="Without an argument: one line per rule. With a rule id or element: the rule in full.",
    )
    rules.add_argument(
        "rule", metavar="ID|ELEMENT", nargs="?", help="a rule id (PW47-A) or an element (advice)"
    )
    rules.add_argument("--rules", metavar="DIR", help=_RULES_HELP)
    evaluate = commands.add_parser(
        "eval",
        help="measure the checker against gold files (*.gold.json) and a keyword baseline",
        description="Evaluate the checker on folders of bylaws with gold files.",
    )
    evaluate.add_argument("dirs", metavar="DIR", nargs="+", help="folders with NAME.txt and NAME.gold.json")
    evaluate.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    evaluate.add_argument("--model", metavar="NAME|PATH", help="spaCy Dutch pipeline, as for check")
    evaluate.add_argument("--rules", metavar="DIR", help=_RULES_HELP)


def _build(lang: str = "nl") -> argparse.ArgumentParser:
    """The parser, its help in ``lang`` (the texts are in messages.yaml; messages_cli.py)."""
    parser = _Parser(
        prog="verordening",
        description="Read a Dutch municipal bylaw and check its client-participation rules.",
    )
    parser.add_argument("--version", action="version", version=f"verordening {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_parse(commands)
    _add_check(commands)
    _add_rules_and_eval(commands)
    report_command.add_parser(commands)
    scan_command.add_parser(commands)
    add_diff_parser(commands)
    add_language(parser, top=True)
    for command in commands.choices.values():
        add_language(command)
    localise(parser, lang, names=", ".join(Limits.names()))
    return parser


def _color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _parse(args: argparse.Namespace) -> int:
    try:
        limits = limits_of(args)
        with budget(limits.seconds):
            document = parse_file(args.file, limits)
    except (LoadError, ValueError) as error:
        say(error, args.lang)
        return EXIT_USAGE
    except TimeLimit:
        m = messages(args.lang)
        say(m("cli.too_slow", name=args.file, what=m("cli.parsing"), seconds=f"{limits.seconds:g}"), m.lang)
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(document.to_json() + "\n")
    else:
        sys.stdout.write(outline_text(document, lang=args.lang))
    return EXIT_OK if document.articles else EXIT_NOT_CHECKED


def _checker(args: argparse.Namespace) -> Checker | None:
    """The checker the arguments ask for, or None after a one-line error."""
    if args.as_of is not None:
        try:
            as_date(args.as_of, "--as-of")
        except ValueError as error:
            say(error, args.lang)
            return None
    try:
        checker = Checker(model=args.model, rules=args.rules)
    except (ModelError, RuleError) as error:
        say(error, args.lang)
        return None
    known = checker.ruleset.knowledge.laws.frameworks
    unknown = [k for k in args.framework or () if k not in known]
    if unknown:
        m = messages(args.lang)
        say(m("cli.unknown_framework", unknown=", ".join(unknown), known=", ".join(known)), m.lang)
        return None
    settle()
    return checker


def _check(args: argparse.Namespace) -> int:
    checker = _checker(args)
    if checker is None:
        return EXIT_USAGE
    try:
        limits = limits_of(args)
    except ValueError as error:
        say(error, args.lang)
        return EXIT_USAGE
    codes: list[int] = []
    reports: list[Report] = []
    color = _color(args.color)
    several = len(args.files) > 1
    if args.format == "html" and several:
        say(LocalisedError(key="cli.html_one"), args.lang)
        return EXIT_USAGE
    for name in args.files:
        try:
            with budget(limits.seconds):
                report = checker.check(
                    parse_file(name, limits), frameworks=args.framework, as_of=args.as_of, limits=limits
                )
        except TimeLimit:
            m = messages(args.lang)
            say(m("cli.too_slow", name=name, what=m("cli.checking"), seconds=f"{limits.seconds:g}"), m.lang)
            codes.append(EXIT_USAGE)
            continue
        except (LoadError, ValueError) as error:
            say(error, args.lang)
            codes.append(EXIT_USAGE)
            continue
        if args.format == "sarif":
            reports.append(report)
        elif args.format == "html":
            try:
                sys.stdout.write(write_report_html(report, args.output, args.lang) or "")
            except OSError as error:
                problem = LocalisedError(key="cli.cannot_write", name=args.output, reason=error.strerror)
                say(problem, args.lang)
                codes.append(EXIT_USAGE)
                continue
        elif args.format == "json":
            sys.stdout.write(report.to_json(indent=None if several else 2) + "\n")
        elif several:
            sys.stdout.write(report_text(report, color=color, lang=args.lang) + "\n")
            sys.stderr.write(report_summary_line(report, lang=args.lang) + "\n")
        else:
            sys.stdout.write(report_text(report, color=color, lang=args.lang))
        sys.stdout.flush()
        codes.append(report.exit_code)
    if args.format == "sarif":  # one log for all files; the unread ones as notifications
        unread = [name for name, code in zip(args.files, codes, strict=True) if code == EXIT_USAGE]
        sys.stdout.write(sarif_json(reports, unread, args.lang) + "\n")
    return most_severe(codes)


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import EvalError, evaluate

    def progress(message: str) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{visible(message[:100], one_line=True):100}")
            sys.stderr.flush()

    try:
        result = evaluate([Path(d) for d in args.dirs], progress=progress, model=args.model, rules=args.rules)
    except (EvalError, ModelError, RuleError) as error:
        say(error, args.lang)
        return EXIT_USAGE
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 100 + "\r")
    sys.stdout.write((result.to_json() if args.format == "json" else result.to_text(args.lang)) + "\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from .output_rules import rule_text, rules_table

    try:  # an edited folder is checked in full, its patterns compiled too
        ruleset = Checker(model="builtin", rules=args.rules).ruleset if args.rules else load_rules()
    except RuleError as error:
        say(error, args.lang)
        return EXIT_USAGE
    if not args.rule:
        sys.stdout.write(rules_table(ruleset.rules, lang=args.lang))
        return EXIT_OK
    rule = ruleset.find(args.rule)
    if rule is None:
        say(messages(args.lang)("cli.no_rule", rule=args.rule.strip()), args.lang)
        return EXIT_USAGE
    sys.stdout.write(rule_text(rule, lang=args.lang))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    lang = language_of(sys.argv[1:] if argv is None else argv)
    parser = _build(lang)
    args = parser.parse_args(argv)
    args.lang = getattr(args, "lang", None) or lang
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "parse":
        return _parse(args)
    if args.command == "check":
        return _check(args)
    if args.command == "rules":
        return _rules(args)
    if args.command == "report":
        return report_command.run(args)
    if args.command == "scan":
        return scan_command.run(args)
    if args.command == "diff":
        return run_diff(args)
    return _eval(args)


def run() -> None:
    """Entry point that also turns a closed pipe or Ctrl-C into a quiet exit."""
    try:
        code = main()
    except KeyboardInterrupt:
        sys.stderr.write(f"verordening: {messages(language_of(sys.argv[1:]))('cli.interrupted')}\n")
        code = 130
    except BrokenPipeError:
        code = 0
    raise SystemExit(code)
