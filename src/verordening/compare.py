"""Two versions of a bylaw compared: what a new draft changes against the bylaw in force.

Someone revising a bylaw wants to know two things: which statutory elements change status
(an advice right that was present and is now partial), and which articles were added,
removed or changed, with the words that changed. Articles are paired by number first, when
the texts are alike; the rest by content (difflib's ratio on the words), so an article that
moved from 5 to 6 because a new article came before it is one renumbered article, not one
removed and one added. The words of the "Artikel 5" heading are left out of the comparison
for that reason; its title counts.

``verordening diff OLD NEW`` exits 0 when no element changes status (articles may still
have changed: the output says which), 1 when at least one element changes status, and 2 on
unreadable input or wrong usage: a new draft that keeps every element's status passes.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attrs import define

from .findings import Citation, Report
from .model import Document, Node
from .serialise import AsData

__all__ = ["ArticleChange", "ArticleRef", "Diff", "StatusChange", "WordChange", "compare", "diff"]

SAME_NUMBER = 0.5  # articles with one number are one article when at least this alike
MOVED = 0.6  # articles with different numbers are one (renumbered) article when this alike
MOST_PAIRS = 40_000  # content pairing is quadratic: past this many candidate pairs, by number only
_HEADING = re.compile(r"^\s*(?:artikel|art\.)\s*\S+", re.IGNORECASE)
_WORD = re.compile(r"\S+")


@define(frozen=True)
class StatusChange:
    """An element whose status differs between the versions, with the evidence of each."""

    element: str
    name: str  # the element's name in the rule file ("Periodiek overleg")
    old: str
    new: str
    old_citations: tuple[Citation, ...]
    new_citations: tuple[Citation, ...]


@define(frozen=True)
class ArticleRef:
    """An article of one version: its number, title, citation and id."""

    number: str | None
    title: str | None
    citation: str
    id: str
    line: int


@define(frozen=True)
class WordChange:
    """One stretch of a word-level diff: ``equal``, ``delete``, ``insert`` or ``replace``."""

    op: str
    old: str
    new: str


@define(frozen=True)
class ArticleChange:
    """An article of both versions whose words or number changed."""

    old: ArticleRef
    new: ArticleRef
    renumbered: bool
    similarity: float
    words: tuple[WordChange, ...]

    @property
    def text_changed(self) -> bool:
        return any(w.op != "equal" for w in self.words)


@define(frozen=True, kw_only=True)
class Diff(AsData):
    """What changed from ``old_file`` to ``new_file``; empty tuples when nothing did."""

    old_file: str | None
    new_file: str | None
    statuses: tuple[StatusChange, ...]
    added: tuple[ArticleRef, ...]
    removed: tuple[ArticleRef, ...]
    changed: tuple[ArticleChange, ...]

    @property
    def unchanged(self) -> bool:
        return not (self.statuses or self.added or self.removed or self.changed)

    @property
    def exit_code(self) -> int:
        """0 no element changes status, 1 one or more do (see the module's docstring)."""
        return 1 if self.statuses else 0


def words_of(article: Node) -> list[str]:
    """The words of an article, the "Artikel N" of its heading left out."""
    return _WORD.findall(_HEADING.sub("", article.text, count=1))


def _ref(article: Node) -> ArticleRef:
    return ArticleRef(article.number, article.title, article.citation, article.id, article.line)


def _ratio(old: list[str], new: list[str]) -> float:
    if not old and not new:
        return 1.0
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()


def pair_articles(old: list[Node], new: list[Node]) -> list[tuple[int, int, float]]:
    """Pairs (old index, new index, similarity): by number when alike, then by content,
    the most alike first, each article in one pair at most."""
    old_words, new_words = [words_of(a) for a in old], [words_of(a) for a in new]
    pairs: list[tuple[int, int, float]] = []
    by_number = {a.number: j for j, a in enumerate(new) if a.number}
    for i, article in enumerate(old):
        j = by_number.get(article.number) if article.number else None
        if j is not None:
            ratio = _ratio(old_words[i], new_words[j])
            if ratio >= SAME_NUMBER:
                pairs.append((i, j, ratio))
    left_old = [i for i in range(len(old)) if i not in {p[0] for p in pairs}]
    left_new = [j for j in range(len(new)) if j not in {p[1] for p in pairs}]
    if len(left_old) * len(left_new) > MOST_PAIRS:
        return sorted(pairs)
    candidates: list[tuple[float, int, int]] = []
    for i in left_old:
        for j in left_new:
            matcher = difflib.SequenceMatcher(None, old_words[i], new_words[j], autojunk=False)
            if matcher.real_quick_ratio() >= MOVED and matcher.quick_ratio() >= MOVED:
                ratio = matcher.ratio()
                if ratio >= MOVED:
                    candidates.append((-ratio, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for negative, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, -negative))
    return sorted(pairs)


def word_diff(old: list[str], new: list[str]) -> tuple[WordChange, ...]:
    """The words of two texts as stretches that are equal, deleted, inserted or replaced."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return tuple(
        WordChange(op, " ".join(old[i1:i2]), " ".join(new[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def compare_documents(
    old: Document, new: Document
) -> tuple[list[ArticleRef], list[ArticleRef], list[ArticleChange]]:
    """Articles added, removed and changed from ``old`` to ``new``."""
    old_articles, new_articles = old.articles, new.articles
    pairs = pair_articles(old_articles, new_articles)
    changed: list[ArticleChange] = []
    for i, j, ratio in pairs:
        a, b = old_articles[i], new_articles[j]
        words = word_diff(words_of(a), words_of(b))
        renumbered = a.number != b.number
        if renumbered or any(w.op != "equal" for w in words):
            changed.append(ArticleChange(_ref(a), _ref(b), renumbered, round(ratio, 3), words))
    paired_old, paired_new = {p[0] for p in pairs}, {p[1] for p in pairs}
    removed = [_ref(a) for i, a in enumerate(old_articles) if i not in paired_old]
    added = [_ref(b) for j, b in enumerate(new_articles) if j not in paired_new]
    return added, removed, changed


def _name(report: Report, element: str) -> str:
    rule = report.ruleset.find(element) if report.ruleset is not None else None
    return rule.name if rule is not None else element


def compare(old: Report, new: Report) -> Diff:
    """The difference between the reports of two versions (each with its parsed document)."""
    statuses = tuple(
        StatusChange(key, _name(old, key), str(a.status), str(b.status), a.citations, b.citations)
        for key, a in old.elements.items()
        if (b := new.elements.get(key)) is not None and a.status != b.status
    )
    added, removed, changed = compare_documents(old.document, new.document)
    return Diff(
        old_file=old.file,
        new_file=new.file,
        statuses=statuses,
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(changed),
    )


def diff(old: Any, new: Any, **options: Any) -> Diff:
    """Compare two versions of a bylaw: each a :class:`Report`, a parsed :class:`Document`, a
    ``pathlib.Path`` or the text itself. The others are checked with :func:`verordening.check`
    and ``options`` (``frameworks``, ``as_of``, ``model``, ``rules``, ``limits``), both the same
    way, so that a status changes only because the text did."""
    from . import check

    reports = [v if isinstance(v, Report) else check(v, **options) for v in (old, new)]
    return compare(reports[0], reports[1])


# -- the command ------------------------------------------------------------------------------
def add_diff_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """``verordening diff OLD NEW``: the options of ``check`` that decide a status, and a format."""
    command = commands.add_parser(
        "diff",
        help="compare two versions of a bylaw: element statuses, articles added, removed, changed",
        description="Compare two versions of a bylaw. Exit 0 when no element changes status, 1 when "
        "one does, 2 on unreadable input.",
    )
    command.add_argument("old", metavar="OLD", help="the bylaw in force (any format check reads)")
    command.add_argument("new", metavar="NEW", help="the new version")
    command.add_argument("--format", choices=("text", "json", "html"), default="text", help="output format")
    command.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE")
    command.add_argument("--framework", action="append", metavar="K", help="judge both under this framework")
    command.add_argument("--as-of", metavar="DATE", help="judge both by the law in force on DATE")
    command.add_argument("--model", metavar="NAME|PATH", help="spaCy Dutch pipeline, as for check")
    command.add_argument("--rules", metavar="DIR", help="a rule folder, as for check")


def run_diff(args: argparse.Namespace) -> int:
    """Check both versions, compare, write; one line on standard error for what goes wrong."""
    from . import parse_file
    from .checker import Checker
    from .compare_render import diff_html, diff_text
    from .datafile import RuleError
    from .errors import LocalisedError
    from .language import ModelError
    from .load import LoadError
    from .messages_cli import say

    def fail(message: object) -> int:
        say(message, args.lang)
        return 2

    try:
        checker = Checker(model=args.model, rules=args.rules)
        reports = [
            checker.check(parse_file(name), frameworks=args.framework, as_of=args.as_of)
            for name in (args.old, args.new)
        ]
    except (LoadError, ValueError, ModelError, RuleError) as error:
        return fail(error)
    result = compare(reports[0], reports[1])
    if args.format == "json":
        output = result.to_json() + "\n"
    else:
        output = (diff_html if args.format == "html" else diff_text)(result, args.lang)
    try:
        _write(output, args.output)
    except OSError as error:
        return fail(LocalisedError(key="cli.cannot_write_file", name=args.output, reason=error.strerror))
    return result.exit_code


def _write(output: str, name: str | None) -> None:
    if name:
        Path(name).write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)


def changed_numbers(result: Diff) -> Sequence[str]:
    """The numbers (new, else old) of every article the diff names, in order: for tests and summaries."""
    names = [c.new.number or c.new.citation for c in result.changed]
    names += [a.number or a.citation for a in result.added]
    names += [r.number or r.citation for r in result.removed]
    return names
