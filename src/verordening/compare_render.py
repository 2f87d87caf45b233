"""A :class:`~verordening.compare.Diff` for people: Dutch text and one self-contained HTML page.

The text marks a word-level change the way ``git diff --word-diff`` does, ``[-oud-]{+nieuw+}``;
the page with ``<del>`` and ``<ins>``, no script and no external asset, so it can be mailed.
Everything that comes from a bylaw passes :func:`~verordening.escape.visible` (text) or
:func:`html.escape` (page).
"""

from __future__ import annotations

import html

from .compare import ArticleChange, ArticleRef, Diff, StatusChange, WordChange
from .escape import visible
from .messages import messages

__all__ = ["LABELS", "diff_html", "diff_text"]

# The headings and phrases of a comparison, in Dutch like every report of the tool.
LABELS = {
    "title": "Vergelijking van twee versies",
    "old": "Oud",
    "new": "Nieuw",
    "statuses": "Elementen met een andere status",
    "no_statuses": "Geen element verandert van status.",
    "added": "Toegevoegde artikelen",
    "removed": "Vervallen artikelen",
    "changed": "Gewijzigde artikelen",
    "renumbered": "vernummerd",
    "evidence_old": "bewijs oud",
    "evidence_new": "bewijs nieuw",
    "none": "geen",
    "unchanged": "Geen verschillen: de versies zijn gelijk.",
    "only_number": "alleen het nummer is veranderd",
    "similarity": "overeenkomst",
}


def _status(word: str) -> str:
    return messages("nl")(f"status.{word}")


def _article(ref: ArticleRef) -> str:
    return f"{ref.citation}" + (f" ({ref.title})" if ref.title else "")


def _change_title(change: ArticleChange) -> str:
    if change.renumbered:
        return f"{_article(change.old)} -> {change.new.citation} ({LABELS['renumbered']})"
    return _article(change.new)


def _cited(citations: tuple[object, ...]) -> str:
    return "; ".join(getattr(c, "citation", "") for c in citations) or LABELS["none"]


def _status_line(change: StatusChange) -> list[str]:
    return [
        f"  {change.name}: {_status(change.old)} -> {_status(change.new)}",
        f"    {LABELS['evidence_old']}: {_cited(change.old_citations)}",
        f"    {LABELS['evidence_new']}: {_cited(change.new_citations)}",
    ]


def marked_words(words: tuple[WordChange, ...]) -> str:
    """The words of a changed article with deletions as ``[-...-]`` and insertions as ``{+...+}``."""
    parts: list[str] = []
    for w in words:
        if w.op == "equal":
            parts.append(w.old)
        if w.op in ("delete", "replace"):
            parts.append(f"[-{w.old}-]")
        if w.op in ("insert", "replace"):
            parts.append(f"{{+{w.new}+}}")
    return " ".join(parts)


def diff_text(result: Diff) -> str:
    """The comparison as Dutch text."""
    out = [
        f"{LABELS['title']}",
        f"{LABELS['old']}: {result.old_file}",
        f"{LABELS['new']}: {result.new_file}",
        "",
    ]
    if result.unchanged:
        return visible("\n".join([*out, LABELS["unchanged"]])) + "\n"
    out.append(LABELS["statuses"])
    for status in result.statuses:
        out.extend(_status_line(status))
    if not result.statuses:
        out.append(f"  {LABELS['no_statuses']}")
    for key, refs in (("added", result.added), ("removed", result.removed)):
        if refs:
            out += ["", LABELS[key], *(f"  {_article(r)}" for r in refs)]
    if result.changed:
        out += ["", LABELS["changed"]]
        for change in result.changed:
            out.append(f"  {_change_title(change)}")
            body = marked_words(change.words) if change.text_changed else LABELS["only_number"]
            out.append(f"    {body}")
    return visible("\n".join(out)) + "\n"


_STYLE = """
body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;line-height:1.5;
color:#1a1a1a}
del{background:#fde2e1;color:#8a1a12}ins{background:#dff5e1;color:#0f5a1f;text-decoration:underline}
.status{font-weight:bold}h2{border-bottom:1px solid #999}
@media print{del,ins{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def _html_words(words: tuple[WordChange, ...]) -> str:
    parts: list[str] = []
    for w in words:
        if w.op == "equal":
            parts.append(html.escape(w.old))
        if w.op in ("delete", "replace"):
            parts.append(f"<del>{html.escape(w.old)}</del>")
        if w.op in ("insert", "replace"):
            parts.append(f"<ins>{html.escape(w.new)}</ins>")
    return " ".join(parts)


def _html_statuses(result: Diff) -> list[str]:
    e = html.escape
    out = [f"<h2>{e(LABELS['statuses'])}</h2>"]
    if not result.statuses:
        return [*out, f"<p>{e(LABELS['no_statuses'])}</p>"]
    out.append("<ul>")
    for c in result.statuses:
        out.append(
            f"<li><span class=status>{e(c.name)}: {e(_status(c.old))} &rarr; {e(_status(c.new))}</span>"
            f"<br>{e(LABELS['evidence_old'])}: {e(_cited(c.old_citations))}"
            f"<br>{e(LABELS['evidence_new'])}: {e(_cited(c.new_citations))}</li>"
        )
    return [*out, "</ul>"]


def diff_html(result: Diff) -> str:
    """The comparison as one self-contained, printable HTML page in Dutch."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(LABELS['title'])}</title><style>{_STYLE}</style></head><body><main>",
        f"<h1>{e(LABELS['title'])}</h1>",
        f"<p>{e(LABELS['old'])}: {e(str(result.old_file))}<br>",
        f"{e(LABELS['new'])}: {e(str(result.new_file))}</p>",
    ]
    if result.unchanged:
        out.append(f"<p>{e(LABELS['unchanged'])}</p>")
    else:
        out += _html_statuses(result)
        for key, refs in (("added", result.added), ("removed", result.removed)):
            if refs:
                out += [
                    f"<h2>{e(LABELS[key])}</h2><ul>",
                    *(f"<li>{e(_article(r))}</li>" for r in refs),
                    "</ul>",
                ]
        if result.changed:
            out.append(f"<h2>{e(LABELS['changed'])}</h2>")
            for change in result.changed:
                body = _html_words(change.words) if change.text_changed else e(LABELS["only_number"])
                out.append(f"<section><h3>{e(_change_title(change))}</h3><p>{body}</p></section>")
    out.append("</main></body></html>\n")
    return visible("\n".join(out))
