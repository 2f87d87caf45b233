"""Stage 4: the rules - rule files and domain knowledge, compiled and applied.

The flow of a check is in :mod:`verordening.checker`; this package holds its steps,
each in a module named after the step that ``docs/rules.md`` describes:

- :mod:`.ruleset`: the rule files and the knowledge files of a rule folder, checked;
- :mod:`.basis`: the legal basis and the frameworks;
- :mod:`.compile`: the patterns compiled to spaCy matchers;
- :mod:`.match`: the matchers run over a bylaw;
- :mod:`.clauses`: negation, conditions and discretion;
- :mod:`.judge`: one element judged in named steps;
- :mod:`.cite`: the provisions a finding cites;
- :mod:`.verdict`: whether the text is a participation bylaw at all.
"""

from __future__ import annotations

from functools import cache

from ..datafile import RuleError
from .ruleset import RuleSet, load_rules

__all__ = ["RuleError", "RuleSet", "default_rules", "load_rules"]


@cache
def default_rules() -> RuleSet:
    """The installed rule set, read once (for output that was given no rule set of its own)."""
    return load_rules()
