"""Grants confined to some matters, a part of the clause heuristics: to what a programme of the
counterpart holds, to the matters of single persons, to the matters the municipalities of a shared
body have in common, or by "voor zover ... betreft" to some other matters. The rest of the clause
heuristics: :mod:`.clauses`; what leaves a grant whole: :mod:`.harmless`."""

from __future__ import annotations

from attrs import define
from spacy.lang.nl.stop_words import STOP_WORDS

from .harmless import Harmless
from .match import Hit, Words
from .wording import CLAUSE_STOPS, any_word, says

__all__ = ["Confinement"]


@define(frozen=True)
class Confinement(Harmless):
    """The tests of confined grants, with the cue words they read."""

    def not_extension(self, w: Words, hit: Hit, settling: bool = False) -> bool:
        """Not an addition ("ook", "tevens": ``extension``); with ``settling``, also an addition in
        which the counterpart settles something of the grant itself ("kan het aantal overleggen,
        bedoeld in het eerste lid, ook zelf bepalen": ``settling``)."""
        left, right = self.sentence(w, hit)
        said = w.lower[left:right]
        return self.cues.extension.isdisjoint(said) or (settling and not self.cues.settling.isdisjoint(said))

    def confined(self, w: Words, hit: Hit, single_persons: bool = False) -> bool:
        """A sentence that confines the grant to what a programme of the counterpart holds ("voor zover
        die voorstellen betrekking hebben op onderwerpen uit het beleidsprogramma"), or with
        ``single_persons``, denying and excepting nothing, to the matters of single persons ("De PRV
        kan voorstellen doen, voor zover die betrekking hebben op de dienstverlening aan individuele
        inwoners": no right about policy); either way to the matters the municipalities share ("voor
        zover dit beleid de drie gemeenten gezamenlijk betreft")."""
        left, right = self.sentence(w, hit)
        said, cues = w.lower[left:right], self.cues
        at = next((i for i, word in enumerate(said) if word in cues.confining), None)
        if at is None:
            return False
        if any_word(said[at:], cues.joint_matters):  # (a grant or a sentence beside it)
            return single_persons or self.not_extension(w, hit)
        if single_persons:
            return (
                any_word(said[at:], cues.single_persons)
                and cues.negation.isdisjoint(said)
                and cues.unless.isdisjoint(said)
                and not says(said, cues.exception)
            )
        narrowed = any_word(said[at:], cues.programmes) or self._narrowed_to_topic(said, at)
        return narrowed and self.not_extension(w, hit)

    def _narrowed_to_topic(self, said: list[str], at: int) -> bool:
        """A clause "voor zover ... betreft" that confines the grant to some matters: "voor zover
        deze rechtstreeks gevolgen hebben voor de hoogte van de uitkering"; not to the clients, the
        municipality, the law or the fields of policy ("voor zover het de collectieve belangen van
        cliënten betreft", "voor zover die voorstellen gevolgen hebben voor inwoners van
        Heuvelmonde"), nor in a sentence that denies or excepts."""
        cues = self.cues
        end = next((i for i in range(at, len(said)) if said[i] in CLAUSE_STOPS), len(said))
        clause = said[at + 1 : end]
        if said[at] not in cues.as_far_as or cues.bearing.isdisjoint(clause):
            return False
        denies = not (cues.negation.isdisjoint(said) and cues.unless.isdisjoint(said))
        if denies or says(said, cues.exception) or any_word(clause, cues.single_persons):
            return False
        if any_word(clause, cues.harmless_condition):
            return False
        broad, of = False, False  # (what follows "van" after a broad matter is its own: "inwoners
        for word in clause:  # van Heuvelmonde", "de belangen van de cliënten van de gemeente")
            if not word.isalpha() or word in STOP_WORDS or word in cues.bearing:
                of = of or (broad and word == "van")
                continue
            if not (of or any_word([word], cues.broad_matters)):
                return True
            broad, of = True, False
        return False
