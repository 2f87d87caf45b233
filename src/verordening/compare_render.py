"""A :class:`~verordening.compare.Diff` for people: text and a self-contained HTML page, Dutch or English.

The text marks a word-level change the way ``git diff --word-diff`` does, ``[-oud-]{+nieuw+}``;
the page with ``<del>`` and ``<ins>``, no script and no external asset, so it can be mailed.
Everything that comes from a bylaw passes :func:`~verordening.escape.visible` (text) or
:func:`html.escape` (page).
"""

from __future__ import annotations

import html

from .compare import ArticleChange, ArticleRef, Diff, StatusChange, WordChange
from .escape import visible
from .messages import Messages, messages

__all__ = ["diff_html", "diff_text"]


def _status(word: str, m: Messages) -> str:
    return m(f"status.{word}")


def _name(change: StatusChange, m: Messages) -> str:
    return m.element(change.element, change.name)


def _article(ref: ArticleRef) -> str:
    return f"{ref.citation}" + (f" ({ref.title})" if ref.title else "")


def _change_title(change: ArticleChange, labels: dict[str, str]) -> str:
    if change.renumbered:
        return f"{_article(change.old)} -> {change.new.citation} ({labels['renumbered']})"
    return _article(change.new)


def _cited(citations: tuple[object, ...], labels: dict[str, str]) -> str:
    return "; ".join(getattr(c, "citation", "") for c in citations) or labels["none"]


def _status_line(change: StatusChange, m: Messages) -> list[str]:
    labels = m.table("diff")
    return [
        f"  {_name(change, m)}: {_status(change.old, m)} -> {_status(change.new, m)}",
        f"    {labels['evidence_old']}: {_cited(change.old_citations, labels)}",
        f"    {labels['evidence_new']}: {_cited(change.new_citations, labels)}",
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


def diff_text(result: Diff, lang: str = "nl") -> str:
    """The comparison as text in ``lang`` (Dutch by default)."""
    m = messages(lang)
    label = m.table("diff")
    out = [
        f"{label['title']}",
        f"{label['old']}: {result.old_file}",
        f"{label['new']}: {result.new_file}",
        "",
    ]
    if result.unchanged:
        return visible("\n".join([*out, label["unchanged"]])) + "\n"
    out.append(label["statuses"])
    for status in result.statuses:
        out.extend(_status_line(status, m))
    if not result.statuses:
        out.append(f"  {label['no_statuses']}")
    for key, refs in (("added", result.added), ("removed", result.removed)):
        if refs:
            out += ["", label[key], *(f"  {_article(r)}" for r in refs)]
    if result.changed:
        out += ["", label["changed"]]
        for change in result.changed:
            out.append(f"  {_change_title(change, label)}")
            body = marked_words(change.words) if change.text_changed else label["only_number"]
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


def _html_statuses(result: Diff, m: Messages) -> list[str]:
    e = html.escape
    label = m.table("diff")
    out = [f"<h2>{e(label['statuses'])}</h2>"]
    if not result.statuses:
        return [*out, f"<p>{e(label['no_statuses'])}</p>"]
    out.append("<ul>")
    for c in result.statuses:
        out.append(
            f"<li><span class=status>{e(_name(c, m))}: {e(_status(c.old, m))} &rarr; "
            f"{e(_status(c.new, m))}</span>"
            f"<br>{e(label['evidence_old'])}: {e(_cited(c.old_citations, label))}"
            f"<br>{e(label['evidence_new'])}: {e(_cited(c.new_citations, label))}</li>"
        )
    return [*out, "</ul>"]


def diff_html(result: Diff, lang: str = "nl") -> str:
    """The comparison as one self-contained, printable HTML page in ``lang`` (Dutch by default)."""
    e = html.escape
    m = messages(lang)
    label = m.table("diff")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(label['title'])}</title><style>{_STYLE}</style></head><body><main>",
        f"<h1>{e(label['title'])}</h1>",
        f"<p>{e(label['old'])}: {e(str(result.old_file))}<br>",
        f"{e(label['new'])}: {e(str(result.new_file))}</p>",
    ]
    if result.unchanged:
        out.append(f"<p>{e(label['unchanged'])}</p>")
    else:
        out += _html_statuses(result, m)
        for key, refs in (("added", result.added), ("removed", result.removed)):
            if refs:
                out += [
                    f"<h2>{e(label[key])}</h2><ul>",
                    *(f"<li>{e(_article(r))}</li>" for r in refs),
                    "</ul>",
                ]
        if result.changed:
            out.append(f"<h2>{e(label['changed'])}</h2>")
            for change in result.changed:
                body = _html_words(change.words) if change.text_changed else e(label["only_number"])
                title = _change_title(change, label)
                out.append(f"<section><h3>{e(title)}</h3><p>{body}</p></section>")
    out.append("</main></body></html>\n")
    return visible("\n".join(out))
