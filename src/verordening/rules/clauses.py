"""Clause analysis: whether a match is negated, made conditional, or left to the college.

Dutch clause heuristics over a provision's plain word lists (:class:`~.match.Words`),
with the cue words of ``rules/cues.yaml``; where a statistical model parsed the
provision, its dependency parse decides which negations govern a match. Who the subject of
a modal verb is: :mod:`.discretion`; what leaves a grant whole: :mod:`.harmless`; grants
confined to some matters: :mod:`.confinement`; the word tests they share: :mod:`.wording`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import pairwise

from attrs import define, field

from .confinement import Confinement
from .discretion import SENTENCE
from .match import Hit, Words, between, in_span, in_unit
from .wording import CLAUSE, CLAUSE_END, any_word, says, split_choices

__all__ = ["CLAUSE", "Clauses", "Conditions", "any_word", "says", "split_choices"]


@define(frozen=True)
class Conditions:
    """The matches of the condition cues in one bylaw."""

    clauses: tuple[Hit, ...]  # openings of a condition: "indien", "voor zover"
    unit: tuple[Hit, ...]  # sentences that leave the whole provision to the college
    hedges: tuple[Hit, ...]  # "zo mogelijk", "in beginsel", "in overleg met de wethouder"
    # per provision, where a match about an element starts and the element, in order
    topics: dict[int, tuple[tuple[int, str], ...]] = field(factory=dict)


@define(frozen=True)
class Clauses(Confinement):
    """The clause heuristics, with the cue words they read (those about modal verbs and who
    decides in :class:`.discretion.Discretion`, those about harmless cases in
    :class:`.harmless.Harmless`, those about confined grants in :class:`.confinement.Confinement`)."""

    def is_negation(self, lower: list[str], i: int) -> bool:
        """Whether the word at ``i`` negates: not in a phrase that only looks like a negation,
        nor where it turns a restriction round ("het recht kan niet worden beperkt", "niet
        minder dan viermaal", "niet alleen"): that takes nothing from a grant."""
        word = lower[i]
        if word not in self.cues.negation:
            return False
        if word == "niet" and self._turns_restriction(lower, i):
            return False
        for phrase in self.cues.negation_exceptions:
            if word not in phrase:
                continue
            first = i - phrase.index(word)
            if first >= 0 and tuple(lower[first : first + len(phrase)]) == phrase:
                return False
        return True

    def _turns_restriction(self, lower: list[str], i: int) -> bool:
        """A restricting word within the three words after "niet" at ``i``, with no punctuation
        between ("niet worden beperkt"; not "niet, alleen op verzoek")."""
        for word in lower[i + 1 : i + 4]:
            if word in self.cues.restriction:
                return True
            if not word.isalnum():
                return False
        return False

    def harmless(self, w: Words, negation: int) -> bool:
        """'adviseert niet over individuele aanvragen': an exclusion of individual matters."""
        left, right = w.around(negation, negation, SENTENCE)
        return self.every_case(w.lower[left:right], self.cues.harmless_scope)

    def anchor_negation(self, w: Words, hit: Hit, qualifiers: Sequence[Hit], item: bool = False) -> str:
        """'negated' for a negation just before an anchor, unless a qualifier stands between
        them (in "geen ongevraagd advies" the negation is about the qualifier); 'harmless' for
        one negated only for individual matters ("wordt niet geïnformeerd over individuele
        zaken": neither a grant nor a denial); else ''."""
        lower, negation = w.lower, self.cues.negation
        # most matches have no negation word in them or in the seven words before them (the
        # farthest _reach_before looks): those steps are skipped
        if not negation.isdisjoint(lower[hit.start : hit.end]) and any(
            self.is_negation(lower, i) for i in range(hit.start, hit.end)
        ):
            inside = self.negated(w, hit.end - 1, hit.end, window=hit.end - hit.start, units_parent=item)
            return "negated" if inside else ""
        if not negation.isdisjoint(lower[max(0, hit.start - 7) : hit.start]):
            clause_start, _ = w.around(hit.start, hit.end, CLAUSE)
            first, barrier, subordinate = self._reach_before(w, hit, clause_start)
            for i in range(first, hit.start):
                if (i < clause_start and barrier > i) or subordinate < i:
                    continue
                if self.is_negation(lower, i):
                    qualified = bool(between(qualifiers, hit.unit, i + 1, hit.start))
                    double = not self.cues.double_negation.isdisjoint(lower[i : hit.start])
                    if not qualified and not double:
                        return "harmless" if self.harmless(w, i) else "negated"
        passive = self._passive_negation(w, hit)
        if passive >= 0:
            return "harmless" if self.harmless(w, passive) else "negated"
        return "negated" if self.negated(w, hit.start, hit.end, window=0, units_parent=item) else ""

    def own_choice(self, w: Words, hit: Hit) -> bool:
        """The body as the subject that decides or owes nothing: "De adviesraad kan besluiten geen
        advies uit te brengen", "De adviesraad is niet verplicht over elk voorstel te adviseren" is
        the body's freedom, not a denial of its right; so is a part of it as the subject of a denial."""
        left, _ = self.sentence(w, hit)
        subject = next((r for r in w.role[left : hit.start] if r), "")
        before = w.lower[left : hit.start]
        if not subject:  # "Een werkgroep brengt zelf geen advies uit"
            return not self.cues.body_parts.isdisjoint(before)
        return subject == "body" and (
            not self.cues.deciding.isdisjoint(before) or says(before, self.cues.no_duty)
        )

    def passive_denial(self, w: Words, hit: Hit) -> bool:
        """A passive sentence about the anchor that denies it, not only for individual matters."""
        place = self._passive_negation(w, hit)
        return place >= 0 and not self.harmless(w, place)

    def _passive_negation(self, w: Words, hit: Hit) -> int:
        """'Adviezen over de begroting worden niet gevraagd': the anchor opens its sentence and
        its passive verb is negated; the place of the negation, or -1."""
        lower = w.lower
        # ... or the anchor right after them: "Onderwerpen die ... worden niet geagendeerd"
        if (
            hit.start >= 2
            and lower[hit.start - 2] in self.cues.passive
            and self.is_negation(lower, hit.start - 1)
        ):
            return hit.start - 1
        start, _ = self.sentence(w, hit)
        if hit.start - start > 1:
            return -1
        _, end = w.around(hit.start, hit.end, CLAUSE)
        for i in range(hit.end, min(end, len(lower)) - 1):
            if lower[i] in self.cues.passive and self.is_negation(lower, i + 1):
                return i + 1
        return -1

    def _reach_before(self, w: Words, hit: Hit, clause_start: int) -> tuple[int, int, int]:
        """Where a negation before an anchor may stand: from ``first``; across a comma only
        after the ``barrier``; not after the start of a ``subordinate`` clause."""
        lower, role = w.lower, w.role
        sentence = hit.start
        while sentence > 0 and lower[sentence - 1] not in SENTENCE and hit.start - sentence < 8:
            sentence -= 1
        first = max(sentence, hit.start - 7)
        # across a comma only within an enumeration: "geen vacatiegeld, reiskostenvergoeding
        # of andere tegemoetkoming", not "geen vergoeding, maar wel een secretaris"; the last
        # word that a negation before the comma cannot reach across:
        contrast, subordinates = self.cues.contrast, self.cues.subordinate
        barrier = max(
            (
                k
                for k in range(first + 1, hit.start)
                if lower[k] in subordinates or lower[k] in contrast or role[k]
            ),
            default=-1,
        )
        # a negation inside a relative clause describes the scope, it denies nothing:
        # "over beleidsvoorstellen waarover het college geen advies vraagt"
        subordinate = next((k for k in range(clause_start, hit.start) if lower[k] in subordinates), hit.start)
        return first, barrier, subordinate

    def negated(self, w: Words, start: int, end: int, window: int, units_parent: bool = False) -> bool:
        lower = w.lower
        parse = w.parsed and window >= 3
        # every place looked at lies from ``window`` words before the match on (or, with a
        # parse, anywhere in the clause): without a negation word there, nothing is negated
        if not parse and not w.holds(self.cues.negation, start - window):
            return False
        clause_start, clause_end = w.around(start, end, CLAUSE)
        reach = self._reach_after(lower, start, end, clause_start, clause_end, units_parent)
        places = [
            *range(max(clause_start, start - window), start),
            *self._outside_relatives(lower, end, reach),
        ]
        if parse:
            # not inside a subordinate clause the match opens ("in de fase waarin ... nog niet")
            subordinate = self.cues.subordinate
            places += [
                i
                for i in self._governing(w, start, end, clause_start, clause_end)
                if i < start or subordinate.isdisjoint(lower[end - 1 : i])
            ]
        # "besluit niet ... zonder ... advies": a double negative grants, it does not deny
        double = self.cues.double_negation
        negations = [
            i
            for i in places
            if self.is_negation(lower, i) and double.isdisjoint(lower[min(i, start) : max(i, start)])
        ]
        if not negations:
            return False
        return not self.harmless(w, min(negations[0], end))

    def _reach_after(
        self, lower: list[str], start: int, end: int, clause_start: int, clause_end: int, units_parent: bool
    ) -> int:
        """How far after a match a negation still negates it."""
        size, subordinates = len(lower), self.cues.subordinate
        # just after the match, up to a subordinate clause: "adviseert niet", but not
        # "adviezen waarom niet is gevraagd"
        reach = end
        while reach < min(clause_end, end + 2) and lower[reach] not in subordinates:
            reach += 1
        # (a phrase after a comma inside its sentence is no topic: "verstrekt tijdig, gevraagd en
        # ongevraagd, de informatie die ..., voor zover ... geen ...")
        opens = clause_start == 0 or lower[clause_start - 1] != ","
        if start - clause_start > 1 or units_parent or not opens:
            return reach
        # a topicalised phrase ("Ongevraagd advies brengt de raad niet uit") is negated at the end
        # of its sentence part, unless a subordinate clause or a copula intervenes
        # ("waarover ... geen", "Het overleg is niet openbaar")
        reach = end
        while reach < size and lower[reach] not in SENTENCE and lower[reach] not in self.cues.copula:
            if lower[reach] in subordinates:
                # skip a relative clause inside the topic ("..., die tot ... behoren, wordt niet")
                nxt = next((k for k in range(reach, size) if lower[k] in CLAUSE_END), size)
                if nxt >= size or lower[nxt] != ",":
                    break
                reach = nxt
            reach += 1
        return reach

    def _outside_relatives(self, lower: list[str], end: int, reach: int) -> Iterator[int]:
        """The places from ``end`` to ``reach`` outside the relative clauses the topic holds, which
        describe it and deny nothing: "Een overleg dat niet doorgaat, wordt ingehaald"."""
        k = end
        while k < reach:
            if lower[k] in self.cues.subordinate:
                k = next((j for j in range(k, reach) if lower[j] in CLAUSE_END), reach)
                continue
            yield k
            k += 1

    @staticmethod
    def _governing(w: Words, start: int, end: int, clause_start: int, clause_end: int) -> list[int]:
        """With a parse: the words of the clause attached to a word that governs the match."""
        doc, at = w.doc, w.offset
        last = doc[at + end - 1]
        ancestors = {last.i, *(t.i for t in last.ancestors)}
        return [
            i
            for i in range(clause_start, clause_end)
            if doc[at + i].head.i in ancestors and doc[at + i].head.i != at + i and not start <= i < end
        ]

    def takes_back(self, w: Words, hit: Hit, soft: str) -> bool:
        """Whether a grant left to the college or the budget limits the element rather than
        adding a case or conditioning something else: "alleen ...", "als het college dat
        wenselijk acht", "voor zover de begroting dat toelaat" (``soft`` is "conditional"), but
        not "ook ... indien het college dat wenselijk acht"."""
        left, right = self.sentence(w, hit)
        said = w.lower[left:right]
        # (the grant as the condition of another act: "Het reglement kan slechts door de raad worden
        # gewijzigd, na advies van de adviesraad" limits the change, not the advice)
        if hit.start > left and w.lower[hit.start - 1] in self.cues.preconditions:
            return False
        if self.restricting(said):
            return True
        # a discretion to act without the grant: "kan het besluit nemen zonder de adviesraad in
        # de gelegenheid te stellen advies uit te brengen"
        if soft and not self.cues.double_negation.isdisjoint(w.lower[left : hit.start]):
            return True
        # ... or to leave it unasked in urgent cases: "kan in spoedeisende gevallen besluiten de
        # adviesaanvraag achterwege te laten" (see ``unasked``; not a case the law bars)
        if soft and self.unasked_when_urgent(said):
            return True
        # a discretion not to: "De wethouder kan besluiten een aangemeld onderwerp niet te behandelen"
        college = "college" in w.role[left:right]
        if soft == "discretionary" and college and any(self.is_negation(said, i) for i in range(len(said))):
            return self.cues.extension.isdisjoint(said)
        judged = college and not self.cues.judgement.isdisjoint(said)
        budget = (
            soft == "conditional"
            and any_word(said, self.cues.budget_condition)
            # (not the ordinary budget rule on a grant that is firm but for it)
            and not (says(said, self.cues.ordinary_budget) and self.cues.modals.isdisjoint(said))
        )
        return (judged or budget) and self.cues.extension.isdisjoint(said)

    def names_college(self, w: Words, hit: Hit) -> bool:
        """Whether the sentence of ``hit`` names the college (or another counterpart)."""
        left, right = self.sentence(w, hit)
        return "college" in w.role[left:right]

    def adds_alongside(self, w: Words, hit: Hit) -> bool:
        """A sentence in which the counterpart adds a case of its own beside the body's grant: "De
        wethouder kan eveneens onderwerpen agenderen" (an ``extension`` word, nothing restricting,
        nothing denied, no decision: not "kan ook zelf bepalen welke onderwerpen op de agenda komen")."""
        left, right = self.sentence(w, hit)
        said = w.lower[left:right]
        if self.cues.extension.isdisjoint(said) or self.restricting(said):
            return False
        if not (self.cues.deciding.isdisjoint(said) and self.cues.selection.isdisjoint(said)):
            return False
        return not any(self.is_negation(said, i) for i in range(len(said)))

    def no_duty(self, w: Words, hit: Hit, before: bool = False) -> bool:
        """'Het college is niet verplicht advies te vragen': the college's duty taken away (with
        ``before``, only a duty named before the match: the match is what is not owed)."""
        left, right = self.sentence(w, hit)
        if "college" not in w.role[left:right]:
            return False
        said = " ".join(w.lower[left : hit.start if before else right])
        return any(self._owed_no_more(said, phrase) for phrase in self.cues.no_duty)

    def _owed_no_more(self, said: str, phrase: str) -> bool:
        """Whether ``phrase`` (of ``no_duty``) stands in ``said`` other than in a clause about
        following the advice ("niet verplicht het advies over te nemen")."""
        at = said.find(phrase)
        while at >= 0:
            end = said.find(",", at)
            clause = f" {said[at : end if end >= 0 else len(said)]} "
            if not any(f" {words} " in clause for words in self.cues.following):
                return True
            at = said.find(phrase, at + 1)
        return False

    def frees_from_consulting(self, w: Words, left: int, right: int) -> bool:
        """'Het college is niet verplicht de cliëntenraad te horen over ...': the counterpart freed
        from consulting the body in the words ``left:right`` (a verb of ``consulting`` after a
        ``no_duty`` phrase); not from following its advice ("... niet verplicht het advies te volgen")."""
        roles = w.role[left:right]
        if "college" not in roles or "body" not in roles:
            return False
        said = w.lower[left:right]
        joined = " ".join(said)
        for phrase in self.cues.no_duty:
            at = joined.find(phrase)
            if at >= 0 and any_word(joined[at:].split(), self.cues.consulting):
                return True
        return False

    def limits(self, w: Words, hit: Hit) -> bool:
        """A restricting word in the sentence of ``hit`` ("alleen", "uitsluitend")."""
        left, right = self.sentence(w, hit)
        return self.restricting(w.lower[left:right])

    def limits_before(self, w: Words, hit: Hit) -> bool:
        """A restricting word just before the match, the college naming the sentence: "het
        college vraagt slechts advies over ..."."""
        left, _ = self.sentence(w, hit)
        return self.names_college(w, hit) and self.restricting(w.lower[max(left, hit.start - 3) : hit.start])

    @staticmethod
    def belongs_elsewhere(w: Words, hit: Hit, words: tuple[str, ...]) -> bool:
        """'De adviesraad stelt jaarlijks een werkplan op': a match whose clause names something
        else it belongs to (one of ``words``)."""
        if not words:
            return False
        left, right = w.around(hit.start, hit.end, CLAUSE)
        return any_word(w.lower[left:right], words)

    def conditional(self, w: Words, cues: Conditions, anchor: Hit) -> bool:
        """A condition in the anchor's sentence that leaves the matter to the college or the
        budget, or a hedge ("zo mogelijk") there."""
        if self._left_as_whole(w, cues, anchor):
            return True
        if not in_unit(cues.hedges, anchor.unit) and not in_unit(cues.clauses, anchor.unit):
            return False  # no hedge and no condition in the provision
        sentence = self.sentence(w, anchor)
        # (a sentence that gives examples goes on the one before: "Als het past binnen de begroting,
        # krijgt u geld voor uw werk. Bijvoorbeeld voor een cursus of voor reiskosten.")
        if 0 < sentence[0] < len(w.lower) and w.lower[sentence[0]] in self.cues.elaborating:
            sentence = (self.sentence(w, Hit(anchor.unit, sentence[0] - 1, sentence[0]))[0], sentence[1])
        # (a condition that opens a later conjunct qualifies only that: "stelt vergaderruimte,
        # digitale voorzieningen en zo nodig tolken beschikbaar" leaves the room firm)
        later = tuple(
            c.start
            for c in between(cues.clauses, anchor.unit, *sentence)
            if c.start >= anchor.end
            and c.start > sentence[0] + 1
            and self.cues.listing.intersection(w.lower[c.start - 2 : c.start])
            and w.lower[c.start - 1] in {*self.cues.listing, ","}
        )
        key = ("conditional", id(cues), *sentence, later)  # (the same for every match before them)
        if key not in w.memo:
            w.memo[key] = self._conditional_sentence(w, cues, anchor.unit, *sentence, later)
        return bool(w.memo[key])

    def _left_as_whole(self, w: Words, cues: Conditions, anchor: Hit) -> bool:
        """A sentence of the provision that leaves all of it to the college ("; de wethouder beslist of
        een aangemeld onderwerp wordt geagendeerd"), unless it is about other elements only ("Het
        college stelt bij nadere regeling vast hoe de raad wordt ondersteund" beside advice)."""
        own = frozenset(self._topics(w, cues, anchor))
        key = ("left_as_whole", id(cues), anchor.unit, own)  # (the same for every match with these topics)
        if key not in w.memo:
            found = in_unit(cues.unit, anchor.unit)
            w.memo[key] = any(not (about := self._topics(w, cues, c)) or about & own for c in found)
        return bool(w.memo[key])

    def _topics(self, w: Words, cues: Conditions, hit: Hit) -> set[str]:
        """The elements of the matches in the sentence of ``hit`` (by bisection: there may be many)."""
        (left, right), found = self.sentence(w, hit), cues.topics.get(hit.unit, ())
        return {e for _, e in found[bisect_left(found, (left, "")) : bisect_left(found, (right, ""))]}

    def _conditional_sentence(
        self,
        w: Words,
        cues: Conditions,
        unit: int,
        sentence_start: int,
        sentence_end: int,
        later: tuple[int, ...],
    ) -> bool:
        """A condition or a hedge in a sentence of provision ``unit``, but the conditions that
        open a ``later`` conjunct (see :meth:`conditional`)."""
        lower = w.lower
        if in_span(cues.hedges, unit, sentence_start, sentence_end):
            return True
        for cond in between(cues.clauses, unit, sentence_start, sentence_end):
            if cond.start in later:
                continue
            # an additional case: "vindt elk kwartaal plaats en voorts wanneer de raad erom verzoekt"
            if not self.cues.extension.isdisjoint(lower[max(sentence_start, cond.start - 2) : cond.start]):
                continue
            # an indirect question: "geeft het college aan wanneer het besluit zal worden genomen"
            if says(lower[max(sentence_start, cond.start - 1) : cond.start + 1], self.cues.told):
                continue
            # the condition runs to the end of its sentence part; what it is about, to its comma
            opens, stop = w.around(cond.start, cond.end, SENTENCE)
            said = lower[cond.start : stop]
            if self._harmless_condition(lower, cond, stop):
                continue
            roles = self._condition_roles(w, cond, stop)
            # "..., tenzij hij van oordeel is dat ...": a pronoun for the subject, the college
            # (of its own sentence part: "...; de wethouder willigt het in, tenzij naar zijn oordeel ...")
            subject = next((r for r in w.role[opens : cond.start] if r), "")
            pronoun = not self.cues.pronouns.isdisjoint(said) or self._subject_pronoun(lower, cond)
            # (the body named after a preposition is not the one who judges: "voor zover hij dat
            # voor het werk van de adviesraad van belang acht"; the subject weighs "zwaarwegende redenen")
            body = "body" in roles and "body" in self.subject_roles(w, cond.start, stop)
            weighty = any_word(said, self.cues.weighty)
            college = "college" in roles or (subject == "college" and not body and (pronoun or weighty))
            marker = weighty or any_word(said, self.cues.discretion_markers)
            if (college and marker) or self._unless_by(said, roles):
                return True
            if any_word(said, self.cues.budget_condition):
                return True
        return False

    def _unless_by(self, said: list[str], roles: list[str]) -> bool:
        """An exception the college's own acts make, in one of its cases ("tenzij het een individuele
        cliënt betreft of de wethouder het onderwerp dat jaar al heeft behandeld"); not the body's,
        a joint one or one of individual matters; but any that rations the right by what was done
        before ("tenzij de WJR in de voorafgaande twaalf maanden al over hetzelfde onderwerp heeft
        geadviseerd")."""
        if said[0] != "tenzij":
            return False
        if says(said, self.cues.repeated):
            return True
        if "body" in roles or any_word(said, self.cues.mutual):
            return False
        cuts = [0, *(i for i, word in enumerate(said) if word == "of"), len(said)]
        return any(
            "college" in roles[a:b] and not any_word(said[a:b], self.cues.harmless_scope)
            for a, b in pairwise(cuts)
        )
