"""Who decides: modal verbs and their subjects.

"Het college kan een budget beschikbaar stellen" leaves the matter to the college; "De
adviesraad kan ... adviseren" gives the body a right; "het college kan het overleg niet
eenzijdig afzeggen" is a duty. Where a statistical model parsed the provision, its dependency
parse decides who the subject of a modal verb is.
"""

from __future__ import annotations

from itertools import takewhile

from attrs import define

from ..knowledge import Cues
from .match import Hit, Words

__all__ = ["SENTENCE", "Discretion"]

# the end of a sentence part
SENTENCE = frozenset([";", "."])


@define(frozen=True)
class Discretion:
    """The modal-verb heuristics, with the cue words they read."""

    cues: Cues

    def _negated_modal(self, after: list[str]) -> bool:
        """A negation in the first words after a modal that a verb of deciding does not come
        before: "kan het overleg niet afzeggen" (cannot), not "kan besluiten ... niet te"."""
        for word in after:
            if word in self.cues.modal_negation:
                return True
            if word in self.cues.modals or word in self.cues.deciding:
                return False
        return False

    def _subordinate(self, lower: list[str], clause_start: int, modal: int) -> bool:
        """Whether a modal stands in a subordinate clause: a subordinating word between it and
        the comma (or the sentence start) before it."""
        start = modal
        while start > clause_start and lower[start - 1] != ",":
            start -= 1
        return not self.cues.subordinate.isdisjoint(lower[start:modal])

    @staticmethod
    def _parsed_subject(w: Words, modal: int) -> str | None:
        """The role of the modal's subject in the dependency parse, when there is one."""
        if not w.parsed:
            return None
        at = w.offset
        unit = w.doc[at : at + len(w.lower)]
        verb = unit[modal]
        heads = {verb.i, verb.head.i}
        subjects = [t for t in unit if t.dep_.startswith("nsubj") and t.head.i in heads and t.i < verb.i]
        if len(subjects) != 1:
            return None
        roles = {w.role[t.i - at] for t in subjects[0].subtree if at <= t.i < at + len(w.lower)}
        if "body" in roles or "both" in roles:
            return "body"
        return "college" if "college" in roles else None

    def subject_roles(self, w: Words, clause_start: int, modal: int) -> list[str]:
        """The roles named before a modal verb in its clause, except after a preposition
        ("aan de adviesraad kan ... worden toegekend") or inside a relative clause closed
        before it ("Onderwerpen die de adviesraad aandraagt, kunnen ... worden geplaatst")."""
        lower, role = w.lower, w.role
        comma = max((j for j in range(clause_start, modal) if lower[j] == ","), default=-1)
        subordinate = self.cues.subordinate
        opened = [j for j in range(clause_start, max(comma, clause_start)) if lower[j] in subordinate]
        inner = range(opened[0], comma) if opened else range(0)
        return [
            role[j]
            for j in range(clause_start, modal)
            if role[j] and j not in inner and not self._after_preposition(lower, clause_start, j)
        ]

    def _after_preposition(self, lower: list[str], clause_start: int, j: int) -> bool:
        """A preposition one or two words before ``j``; after a member ("lid van de"), one before
        the member ("in overleg met de voorzitter van de adviesraad")."""
        prepositions = self.cues.prepositions
        for k in (j - 1, j - 2):
            if k >= clause_start and lower[k] in prepositions:
                member = k - 1
                if member >= clause_start and lower[member] in self.cues.members:
                    return self._after_preposition(lower, clause_start, member)
                return True
        return False

    def restricting(self, said: list[str]) -> bool:
        """A restricting word in ``said`` that no negation turns round ("kan niet weigeren", "kan
        het overleg niet eenzijdig afzeggen")."""
        return self.first_restricting(said) >= 0

    def first_restricting(self, said: list[str]) -> int:
        """Where the first such restricting word stands in ``said``, or -1: also a cap on how many
        of the body's acts there may be ("ten hoogste vier ongevraagde adviezen")."""
        cues = self.cues
        return next(
            (
                i
                for i, word in enumerate(said)
                if (word in cues.restriction or self._capped(said, i))
                and cues.negation.isdisjoint(said[max(0, i - 2) : i])
            ),
            -1,
        )

    def capped(self, said: list[str], by_body: bool = False) -> bool:
        """A cap on how many of the body's acts there may be anywhere in ``said``; with the body as
        the sentence's subject (``by_body``) also a ration of them: "De ASD kan eenmaal per jaar,
        bij de bespreking van zijn werkplan, voorstellen indienen"."""
        return any(
            self._capped(said, i) or (by_body and (self._rationed(said, i) or self._on_occasion(said, i)))
            for i in range(len(said))
        )

    def _on_occasion(self, said: list[str], i: int) -> bool:
        """One yearly occasion before what the body does: "bij de aanbieding van zijn werkplan ...
        voorstellen" (``occasions``, ``occasion_plans``, then one of ``capped``)."""
        cues = self.cues
        return (
            said[i] == "bij"
            and said[i + 1 : i + 2] in (["de"], ["het"])
            and said[i + 2 : i + 3] != []
            and said[i + 2] in cues.occasions
            and said[i + 3 : i + 4] == ["van"]
            and said[i + 5 : i + 6] != []
            and said[i + 5] in cues.occasion_plans
            and not cues.capped.isdisjoint(said[i + 6 :])
        )

    def _rationed(self, said: list[str], i: int) -> bool:
        """A number of times per period ("eenmaal per jaar", "twee keer per jaar") before what the
        body does (one of ``capped``: "voorstellen", "adviezen"), in the same sentence part (not
        "overlegt vier keer per jaar met de directie; de directeuren nemen deel voor zover
        onderwerpen van hun divisie aan de orde zijn")."""
        cues, word = self.cues, said[i]
        number = i > 0 and (said[i - 1] in cues.values.numbers or said[i - 1].isdigit())
        times = word in cues.capped_times or (word in ("keer", "maal") and number)
        rest = list(takewhile(lambda w: w != ";", said[i + 3 :]))
        return (
            times
            and said[i + 1 : i + 2] == ["per"]
            and said[i + 2 : i + 3] != []
            and said[i + 2] in cues.capped_per
            and not cues.capped.isdisjoint(rest)
        )

    def _capped(self, said: list[str], i: int) -> bool:
        """A cap on how many of the body's acts there may be: "ten hoogste vier ongevraagde
        adviezen", "per overleg één onderwerp"."""
        cues, word = self.cues, said[i]
        if word in cues.caps:
            return not cues.capped.isdisjoint(said[i + 1 : i + 5])
        if word != "per" or len(said) < i + 4:
            return False
        count = said[i + 2]
        return (
            said[i + 1] in cues.capped_per
            and (count in cues.values.numbers or count.isdigit())
            and said[i + 3] in cues.capped
        )

    @staticmethod
    def _body_as_agent(w: Words, start: int, end: int) -> bool:
        """The body named after "door" in the clause: the agent of a passive verb."""
        lower, role = w.lower, w.role
        return any(
            lower[j] == "door" and "body" in role[j + 1 : j + 4] for j in range(start, min(end, len(lower)))
        )

    def later_clause_restricts(self, w: Words, hit: Hit, right: int) -> bool:
        """A clause after a ";" in a grant's sentence (ending at ``right``) in which the college
        may restrict what was granted: "overleggen zes keer per jaar; de portefeuillehouder kan dit
        aantal in enig jaar verminderen"."""
        _, end = w.around(hit.start, hit.end, SENTENCE)
        while end < right and w.lower[end] == ";":
            left, end = w.around(end + 1, end + 1, SENTENCE)
            if self.restricting(w.lower[left:end]) and self.discretionary(w, end):
                return True
        return False

    def discretionary(self, w: Words, start: int) -> bool:
        """A modal before the match whose subject is the college: 'het college kan ...'."""
        lower, lemma, role = w.lower, w.lemma, w.role
        size = len(lower)
        here = max(0, min(start, size - 1))
        clause_start, clause_end = w.around(here, here, SENTENCE)
        modals = self.cues.modals
        if modals.isdisjoint(lemma[clause_start:start]) and modals.isdisjoint(lower[clause_start:start]):
            return False  # no modal verb before the match
        for i in range(clause_start, min(start, size)):
            if lemma[i] not in modals and lower[i] not in modals:
                continue
            if self._subordinate(lower, clause_start, i):
                continue  # "op een moment dat het advies nog van invloed kan zijn"
            if (
                lower[i + 1 : i + 2]
                and lower[i + 1] in self.cues.negation
                and self.restricting(lower[i + 2 : i + 3])
            ):
                continue  # "het college kan niet weigeren ...": a duty
            if self._negated_modal(lower[i + 1 : min(i + 4, clause_end)]):
                continue  # "het college kan het overleg niet eenzijdig afzeggen": a duty
            roles = self.subject_roles(w, clause_start, i)
            if "body" in roles or "both" in roles:
                return False  # the body is (part of) the subject: a right, whatever the parse says
            parsed = self._parsed_subject(w, i)
            if parsed is not None:
                return parsed == "college"
            after = [role[j] for j in range(i + 1, min(i + 4, start)) if role[j]]
            if "college" in roles or (after and after[0] == "college"):
                return True
            # a passive grant without the body as subject: "uit het budget kunnen worden betaald";
            # not with the body as its agent: "Door de ASD kunnen onderwerpen worden aangemeld"
            # (nor a topic put forward: "Agendapunten kunnen tot een week voor het overleg worden ingediend")
            if (
                not roles
                and any(lower[j] in self.cues.passive for j in range(i + 1, clause_end))
                and not self._body_as_agent(w, clause_start, clause_end)
                and self.cues.submitted.isdisjoint(lower[i + 1 : clause_end])
            ):
                return True
        return False

    def _condition_roles(self, w: Words, cond: Hit, stop: int) -> list[str]:
        """The roles a condition names: up to its comma when it names one there or its subject is a
        pronoun ("Het college overlegt, tenzij het anders beslist, ..."), else to its sentence part's end."""
        comma = next((i for i in range(cond.end, stop) if w.lower[i] == ","), stop)
        head = w.role[cond.start : comma]
        pronoun = not self.cues.pronouns.isdisjoint(w.lower[cond.start : comma])
        if any(head) or pronoun or self._subject_pronoun(w.lower, cond):
            return head
        return w.role[cond.start : stop]

    def _subject_pronoun(self, lower: list[str], cond: Hit) -> bool:
        """'als het dat wenselijk acht', 'die het daarvoor geschikt acht', 'voor zover het daartoe
        aanleiding ziet', 'informatie die het ... nodig acht': the pronoun among the two words after
        the condition's first word, right after the opening, or among its last two: its subject."""
        after = (*lower[cond.start + 1 : cond.start + 3], *lower[cond.end : cond.end + 1])
        return any(w in self.cues.subject_pronouns for w in after) or any(
            w in self.cues.subject_pronouns for w in lower[max(cond.start, cond.end - 2) : cond.end]
        )
