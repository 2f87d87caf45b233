"""What leaves a grant whole: a condition about the law, privacy or urgency, cases about others
or about individual matters, an exception of a time of the year. Who decides (modal verbs):
:mod:`.discretion`; the rest of the clause heuristics: :mod:`.clauses`."""

from __future__ import annotations

from itertools import pairwise, takewhile
from typing import TYPE_CHECKING

from attrs import define

from ..knowledge import padded
from .discretion import Discretion
from .match import Hit, Words, between
from .wording import CLAUSE_END, FULL_STOP, any_word, says

if TYPE_CHECKING:
    from .clauses import Conditions

__all__ = ["Harmless"]


@define(frozen=True)
class Harmless(Discretion):
    """The tests of harmless cases and conditions, with the cue words they read."""

    @staticmethod
    def sentence(w: Words, hit: Hit) -> tuple[int, int]:
        """The sentence a match stands in (up to full stops)."""
        return w.around(min(hit.start, len(w.lower)), hit.end, FULL_STOP)

    def for_others(self, w: Words, hit: Hit, conditions: Conditions) -> bool:
        """'Het college vraagt zo nodig advies aan deskundigen': about others than the body;
        'niet gehouden ... voor zover de persoonlijke levenssfeer ...': about individual or
        urgent matters; '... tenzij een wettelijk voorschrift zich daartegen verzet': under a
        condition about the law. None of these takes anything back."""
        left, right = self.sentence(w, hit)
        key = ("for_others", id(conditions), left, right)  # (the same for every match in the sentence)
        if key not in w.memo:
            said = w.lower[left:right]
            w.memo[key] = not self._judged(said, w.lower) and (
                any_word(said, self.cues.others)
                or self.every_case(said, self.cues.harmless_scope)
                or any(
                    self._harmless_condition(w.lower, cond, right)
                    for cond in between(conditions.clauses, hit.unit, left, right)
                )
            )
        return bool(w.memo[key])

    def every_case(self, said: list[str], words: tuple[str, ...] | frozenset[str]) -> bool:
        """Whether each of the cases a sentence lists, each its head word and a relative clause,
        names one of ``words``: not "Onderwerpen die een individuele cliënt betreffen en
        onderwerpen die in behandeling zijn bij de gemeenteraad worden niet geagendeerd"."""
        cues = self.cues
        head = next((i for i, word in enumerate(said) if word not in cues.determiners), 0)
        starts = [0]
        if said[head + 1 : head + 2] and said[head + 1] in cues.subordinate:
            for i in range(head + 1, len(said) - 2):
                j = i + 2 if said[i + 1] in cues.determiners else i + 1
                if said[i] in cues.listing and said[j : j + 2] == said[head : head + 2]:
                    starts.append(i + 1)
        return all(any_word(said[a:b], words) for a, b in pairwise([*starts, len(said)]))

    def _harmless_condition(self, lower: list[str], cond: Hit, stop: int) -> bool:
        """A condition about the law, privacy or urgency ("tenzij een wettelijk voorschrift zich
        daartegen verzet"), read up to its comma ("als het college dat wenselijk acht, om advies
        vragen op grond van de wet" is not about the law)."""
        end = cond.end
        while end < stop and lower[end] not in CLAUSE_END:
            end += 1
        return any_word(self._without_purpose(lower[cond.start : end]), self.cues.harmless_condition)

    def _without_purpose(self, said: list[str]) -> list[str]:
        """The words without a purpose the counterpart judges for ("in het belang van een goede
        uitvoering van de wet"), from its phrase up to the judgement ("wenselijk") or the end."""
        found = _around_phrase(said, self.cues.purpose)
        if found is None:
            return said
        before, after = found
        purpose = list(takewhile(lambda word: word not in self.cues.judgement, after))
        return [*before, *after[len(purpose) :]]

    def about_others(self, said: list[str], provision: list[str] | None = None) -> bool:
        """Words about others, individual matters, the law or privacy; with the words of the
        ``provision`` they stand in, not an urgent case the counterpart judges alone without
        telling the body why ("waarvan de voorbereiding naar zijn oordeel geen uitstel toelaat")."""
        cues = self.cues
        if provision is not None and self._judged(said, provision):
            return False
        return (
            any_word(said, cues.others)
            or any_word(said, cues.harmless_scope)
            or any_word(self._without_basis(said), cues.harmless_condition)
        )

    def _judged(self, said: list[str], provision: list[str]) -> bool:
        """A harmless case the counterpart judges itself: urgency (see below), or what it marks as
        confidential ("met uitzondering van stukken die het college als vertrouwelijk aanmerkt"), unless
        it gives that under a duty of secrecy."""
        cues = self.cues
        secret = says(said, cues.judged_secret) and not any_word(said, cues.secrecy)
        return secret or self._judged_urgency(said, provision)

    def _judged_urgency(self, said: list[str], provision: list[str]) -> bool:
        """An urgent case in which the advice is not asked at all ("kan het college besluiten zonder
        de adviesraad om advies te vragen"), or that the counterpart judges alone, unless it tells the
        body why while the duty stays ("kan het college de termijn bekorten; het deelt de reden mee"),
        not when the duty lapses ("is niet verplicht advies te vragen over een voorstel dat het
        spoedeisend acht")."""
        cues = self.cues
        if self.unasked_when_urgent(said):  # whoever judges the urgency
            return True
        if not (any_word(said, cues.urgency) and says(said, cues.judged)):
            return False  # (the provision read only then: it may be long)
        return cues.notice.isdisjoint(provision) or says(provision, cues.lapsing)

    def unasked_when_urgent(self, said: list[str]) -> bool:
        """An urgent case in which the advice is not asked at all (``unasked``): "kan het college
        besluiten zonder de adviesraad om advies te vragen", "de adviesaanvraag achterwege laten"."""
        return any_word(said, self.cues.urgency) and says(said, self.cues.unasked)

    def _without_basis(self, said: list[str]) -> list[str]:
        """The words without the law named as a basis ("op grond van de wet")."""
        text = f" {' '.join(said)} "
        for phrase in self.cues.law_as_basis:
            for article in ("de ", "het ", ""):
                text = text.replace(f" {phrase} {article}wet ", " ")
        return text.split()

    def excepted(self, w: Words, hit: Hit, items: list[list[str]], before: bool = False) -> bool:
        """'Artikel 4 is niet van toepassing op: a. beleidsvoorstellen uit regionale afspraken;
        b. besluiten over individuele cliënten': cases excepted from a grant in the sentence
        of ``hit`` (the items of the list it opens, else the sentence itself), not all of them
        harmless."""
        left, right = self.sentence(w, hit)
        said = w.lower[left:right]
        told = said[: hit.start - left] if before else said  # with ``before``: only what precedes the hit
        if not says(told, self.cues.exception) or self._excepts_a_period(told):
            return False
        opens = right >= len(w.lower) - 1  # the last sentence opens the list under it
        # (what follows the exception's words, where it names its cases there: "... tijdig van alle
        # informatie, met uitzondering van gegevens over individuele inwoners")
        found = _around_phrase(told, self.cues.exception)
        cases = items if items and opens else self.cases((found[1] if found else []) or said)
        return any(not self.about_others(case, w.lower) for case in cases)

    def _excepts_a_period(self, said: list[str]) -> bool:
        """Whether what ``said`` excepts, up to its comma, is a time of the year ("met uitzondering
        van de maanden juli en augustus"), not a kind of case."""
        found = _around_phrase(said, self.cues.exception)
        if found is None:
            return False
        excepted = list(takewhile(lambda word: word not in CLAUSE_END, found[1]))
        months = self.cues.values.months
        return not self.cues.periods.isdisjoint(excepted) or not set(months).isdisjoint(excepted)

    def cases(self, said: list[str]) -> list[list[str]]:
        """The cases one sentence excepts, split where "of" or "en" opens a clause or a phrase of its own: "op
        besluiten die een vertrouwelijk karakter hebben of waarbij het financiële belang ... zich
        verzet", "die voortvloeien uit wettelijke verplichtingen of uit regionale afspraken"."""
        opening = self.cues.subordinate | self.cues.prepositions
        cuts = [i for i in range(1, len(said) - 1) if said[i] in ("of", "en") and said[i + 1] in opening]
        bounds = [0, *cuts, len(said)]
        return [said[a:b] for a, b in pairwise(bounds)]


def _around_phrase(said: list[str], phrases: tuple[str, ...]) -> tuple[list[str], list[str]] | None:
    """The words before and after the first of ``phrases`` (in their order) that stands in ``said``."""
    text = f" {' '.join(said)} "
    for phrase in padded(phrases):
        at = text.find(phrase)
        if at >= 0:
            return text[:at].split(), text[at + len(phrase) :].split()
    return None
