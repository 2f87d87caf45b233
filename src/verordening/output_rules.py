"""The rules as text for people: `verordening rules` lists them or explains one.

The frame (headings, marks) comes in the language of the run from messages.yaml; what a
rule says (its description, reasons, example wording) is the rule's own Dutch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .messages import messages
from .output import _wrap

if TYPE_CHECKING:
    from .rules.ruleset import Rule

__all__ = ["rule_text", "rules_table"]


def rules_table(rules: tuple[Rule, ...], *, lang: str = "nl") -> str:
    """One line per framework section of every rule: id, element, statute, severity."""
    mark = f" ({messages(lang)('severity.interpretation')})"
    lines = []
    for rule in rules:
        for fr in rule.frameworks.values():
            shown = mark if fr.interpretation else ""
            lines.append(f"{fr.rule_id:14} {rule.element:22} {fr.severity:8} {fr.statute}{shown}")
    return "\n".join(lines) + "\n"


def rule_text(rule: Rule, *, lang: str = "nl") -> str:
    """A rule in full: what it checks, where the law says so, why it can fall short."""
    m = messages(lang)
    texts = rule.texts(lang)
    name = m.element(rule.element, rule.name)
    out = [f"{name} ({rule.element})", ""]
    out += _wrap(" ".join(texts.description.split()))
    out += ["", m("rules.statute")]
    for fr in rule.frameworks.values():
        marks = ", ".join(
            word
            for word in (
                m("severity.warning") if fr.severity == "warning" else "",
                m("severity.interpretation") if fr.interpretation else "",
            )
            if word
        )
        out.append(
            f"  {fr.rule_id}: {fr.statute}" + (f" ({marks})" if marks else "") + f"  [{fr.juriconnect}]"
        )
    if rule.qualifiers:
        out += ["", m("rules.requirements")]
        for q in rule.qualifiers:
            origin = m("rules.from_statute" if q.basis == "statute" else "rules.our_reading")
            out.append(f"  {q.key} ({origin}); {m('rules.missing')}: {q.missing}")
    out += ["", m("rules.reasons")]
    for code, text in texts.reasons.items():
        out += _wrap(text, f"  {code}: ", 6)
    out += ["", m("rules.suggestion")]
    out += _wrap(" ".join(rule.suggestion.split()), "  ", 2)
    out += ["", m("rules.examples")]
    for example in rule.examples:
        out += _wrap(" ".join(example["text"].split()), f"  [{example['status']}] ", 4)
    return "\n".join(out) + "\n"
