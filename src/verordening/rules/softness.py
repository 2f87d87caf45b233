"""Softness: whether a grant is left to the college, judged once per match of one bylaw.

A condition in the grant's sentence (:meth:`.clauses.Clauses.conditional`), a modal with the
college as its subject (:meth:`.clauses.Clauses.discretionary`), or the opening words of the
list the grant stands in.
"""

from __future__ import annotations

from attrs import evolve

from .clauses import Clauses, Conditions
from .match import Hit, Words

__all__ = ["Softness"]


class Softness:
    """Whether a grant is left to the college: 'conditional', 'discretionary' or ''.

    Judged once per match of one bylaw (a cache over its provisions, not a value)."""

    def __init__(
        self,
        clauses: Clauses,
        words: tuple[Words, ...],
        parents: list[tuple[int, ...]],
        conditions: Conditions,
    ) -> None:
        self.clauses, self.words, self.parents, self.conditions = clauses, words, parents, conditions
        # without hedges and joint decisions, which beside a grant concern something else
        self.unhedged = evolve(conditions, hedges=())
        self.known: dict[tuple[int, int, int], str] = {}
        self.opening: dict[int, str] = {}  # per provision, what its opening words leave to the college
        self.last_role: dict[int, str] = {}  # per provision, the role it names last ("" for none)

    def __call__(self, hit: Hit) -> str:
        place = (hit.unit, hit.start, hit.end)
        if place not in self.known:
            self.known[place] = self._judge(hit)
        return self.known[place]

    def _judge(self, hit: Hit) -> str:
        clauses, w = self.clauses, self.words[hit.unit]
        if clauses.conditional(w, self.conditions, hit):
            return "conditional"
        # a list item that continues "..., dat de adviesraad:" has the body as its subject
        parents = self.parents[hit.unit]
        if parents and parents[-1] not in self.last_role:
            self.last_role[parents[-1]] = next((r for r in reversed(self.words[parents[-1]].role) if r), "")
        opener = self.last_role[parents[-1]] if parents else ""
        if opener != "body" and clauses.discretionary(w, hit.start):
            return "discretionary"
        for parent in parents:  # the opening words of the list it stands in
            if parent not in self.opening:
                self.opening[parent] = self._opening(parent)
            if self.opening[parent]:
                return self.opening[parent]
        return ""

    def _opening(self, parent: int) -> str:
        """What the opening words of a list leave to the college, for every item under them."""
        pw = self.words[parent]
        end = Hit(parent, len(pw.lower), len(pw.lower))
        if self.clauses.conditional(pw, self.conditions, end):
            return "conditional"
        return "discretionary" if self.clauses.discretionary(pw, len(pw.lower)) else ""
