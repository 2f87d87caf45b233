"""Stage 4: rules -> element verdicts with their evidence.

For each element: find the provisions about it (anchor patterns, with the right roles),
drop the negated ones, then look for its qualifiers in those provisions (and in the
opening words of the lists they stand in, and in other provisions about the same
element: evidence may be spread over articles). Conditions that leave the matter to
the college, discretionary wording ("het college kan") and denied qualifiers make an
element partial; every partial verdict carries reason codes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from attrs import define, field
from spacy.attrs import LEMMA, LOWER, NORM
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc

from ..language import ROLE_OF_NORM, Reading, Unit
from .ruleset import Cues, Pattern, Qualifier, Rule

__all__ = ["ElementEvidence", "Engine"]


@define
class _Hit:
    unit: int
    start: int
    end: int


@define(frozen=True)
class _Words:
    """A provision's words as plain lists: the engine's loops read these rather than spaCy
    tokens. ``role`` holds the role each word names, or ``""``. The words stand in ``doc``
    from token ``offset`` on; ``doc`` is only read when it has a parse."""

    lower: list[str]
    lemma: list[str]
    role: list[str]
    doc: Doc
    offset: int
    parsed: bool


@define(frozen=True)
class _Text:
    """One text the pipeline read, with its words as plain lists and the units in it
    as (first token, end token, unit), in order."""

    doc: Doc
    lower: list[str]
    lemma: list[str]
    norm: list[str]
    role: list[str]
    parsed: bool
    units: list[tuple[int, int, int]]


@define
class _Bylaw:
    """One bylaw while it is judged: its provisions and their words, every match, and
    indexes the element rules share."""

    units: list[Unit]
    words: list[_Words]
    hits: dict[str, list[_Hit]]
    elements_of: dict[int, set[str]]  # the elements each provision is about
    roles_in: list[frozenset[str]]  # the roles each provision names
    by_headings: dict[tuple[str, ...], list[int]]  # provisions by the words of their headings
    in_article: dict[str, set[int]]  # binding provisions by article
    under: dict[int, set[int]]  # binding provisions by the opening words they stand under
    soft: dict[tuple[int, int, int], str] = field(factory=dict)  # Engine._soft, per match


@define
class ElementEvidence:
    """What the rule found: a status, the reasons and the provisions it rests on."""

    element: str
    status: str
    reasons: list[str] = field(factory=list)
    units: list[int] = field(factory=list)
    primary: list[int] = field(factory=list)  # provisions that grant the element to the body


@lru_cache(maxsize=64)
def _choices(choices: tuple[str, ...] | frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Word choices as exact words and prefixes ("advi*")."""
    return (
        frozenset(c for c in choices if not c.endswith("*")),
        tuple(c[:-1] for c in choices if c.endswith("*")),
    )


def _any_word(words: Iterable[str], choices: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether one of the words is one of the choices; a choice ending in '*' is a prefix."""
    exact, prefixes = _choices(choices)
    return any(word in exact or word.startswith(prefixes) for word in words)


_PHRASE_ATTRS = ("LOWER", "LEMMA")
_MAX_PHRASES = 400


def _phrases(pattern: Pattern) -> tuple[str, list[list[str]]] | None:
    """A pattern of plain words (one attribute, no operators) as the word sequences it
    matches, for spaCy's PhraseMatcher; None when it needs the token Matcher."""
    attrs = {key for token in pattern for key in token}
    if len(attrs) != 1 or (attr := next(iter(attrs))) not in _PHRASE_ATTRS:
        return None
    choices: list[list[str]] = []
    for token in pattern:
        value = token[attr]
        if isinstance(value, str):
            choices.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            choices.append([str(v) for v in value["IN"]])
        else:
            return None
    sequences: list[list[str]] = [[]]
    for options in choices:
        sequences = [[*seq, option] for seq in sequences for option in options]
        if len(sequences) > _MAX_PHRASES:
            return None
    return attr, sequences


_Requirement = tuple[str, frozenset[str]]
_TAGS = frozenset(["POS", "TAG", "MORPH"])


def _longest(pattern: Pattern) -> int | None:
    """The most tokens the pattern can match; None when it has no bound."""
    total = 0
    for token in pattern:
        op = token.get("OP")
        if op in (None, "1", "?", "!"):
            total += 1
            continue
        repeat = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", str(op))
        if repeat is None or (repeat[2] and not repeat[3]):  # "*", "+", "{n,}"
            return None
        total += int(repeat[3] or repeat[1])
    return total


def _required(pattern: Pattern) -> tuple[_Requirement, ...]:
    """The words the pattern's required tokens must have: (attribute, one of these words)
    per token. A provision lacking any of them cannot match; the matcher is not run there."""
    found: set[_Requirement] = set()
    for token in pattern:
        if token.get("OP") not in (None, "+", "1"):
            continue
        for attr in ("LOWER", "LEMMA", "NORM"):
            value = token.get(attr)
            if isinstance(value, str):
                found.add((attr, frozenset([value])))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                found.add((attr, frozenset(str(v) for v in value["IN"])))
    return tuple(sorted(found, key=lambda r: (len(r[1]), r[0], sorted(r[1]))))


class Engine:
    """Compiles the rule files into spaCy matchers and judges units with them.

    Patterns of plain words go to a PhraseMatcher (a hash lookup per token); patterns
    with operators, wildcards or roles go to the token Matcher; dependency patterns go to
    a DependencyMatcher that runs on parsed text only.
    """

    def __init__(self, nlp: Language, rules: tuple[Rule, ...], cues: Cues) -> None:
        self.rules = rules
        self.cues = cues
        self.nlp = nlp
        self.strings = nlp.vocab.strings
        self.phrases = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in _PHRASE_ATTRS}
        # token patterns in groups by the words their required tokens need: a provision
        # runs only the groups whose words it all has
        self.groups: dict[tuple[_Requirement, ...], Matcher] = {}
        self._reach: dict[tuple[_Requirement, ...], int | None] = {}  # longest match of a group
        self._known: dict[int, str] = {}  # string hashes already looked up
        self._cue_words = cues.negation | cues.modals
        # patterns over the dependency parse; they run only on parsed text
        self.dependency = DependencyMatcher(nlp.vocab, validate=True)
        # whether a pattern reads tags or morphology: a statistical pipeline then runs its taggers
        self.reads_tags = False
        for rule in rules:
            el = rule.element
            self._add(f"{el}|anchor", rule.anchor_patterns)
            self._add(f"{el}|exclude", rule.exclude)
            self._add(f"{el}|reference", rule.references)
            self._add(f"{el}|weak", rule.weak)
            self._add(f"{el}|unit_exclude", rule.unit_exclude)
            if rule.dependency_exclude:
                self.dependency.add(f"{el}|exclude", list(rule.dependency_exclude))
                self.reads_tags |= any(
                    not _TAGS.isdisjoint(node.get("RIGHT_ATTRS", {}))
                    for p in rule.dependency_exclude
                    for node in p
                )
            for q in rule.qualifiers:
                self._add(f"{el}|q|{q.key}", q.patterns)
                self._add(f"{el}|deny|{q.key}", q.denied_by)
            for index, note in enumerate(rule.notes):
                self._add(f"{el}|note|{index}", note.patterns)
        self._add("cue|condition", cues.condition)
        self._add("cue|unit_condition", cues.unit_condition)
        # each group is found by the words of its most selective requirement
        self._index: dict[str, dict[str, list[tuple[_Requirement, ...]]]] = {
            attr: defaultdict(list) for attr in ("LOWER", "LEMMA", "NORM")
        }
        self._always = [group for group in self.groups if not group]
        for group in self.groups:
            if group:
                attr, words = group[0]
                for word in words:
                    self._index[attr][word].append(group)

    def _add(self, key: str, patterns: tuple[Pattern, ...]) -> None:
        for pattern in patterns:
            self.reads_tags |= any(not _TAGS.isdisjoint(token) for token in pattern)
            plain = _phrases(pattern)
            if plain is None:
                group = _required(pattern)
                if group not in self.groups:
                    self.groups[group] = Matcher(self.nlp.vocab, validate=True)
                    self._reach[group] = 0
                self.groups[group].add(key, [pattern])
                longest, reach = _longest(pattern), self._reach[group]
                self._reach[group] = None if longest is None or reach is None else max(reach, longest)
                continue
            attr, sequences = plain
            docs = [Doc(self.nlp.vocab, words=seq) for seq in sequences]
            if attr == "LEMMA":
                for doc in docs:
                    for token in doc:
                        token.lemma_ = token.text
            self.phrases[attr].add(key, docs)

    def _columns(self, doc: Doc) -> tuple[list[str], list[str], list[str]]:
        """The lower forms, lemmas and norms of a text's tokens, as plain strings."""
        strings, known = doc.vocab.strings, self._known
        rows = doc.to_array([LOWER, LEMMA, NORM]).T.tolist()
        try:
            lower, lemma, norm = ([known[key] for key in row] for row in rows)
        except KeyError:
            lower, lemma, norm = ([known.setdefault(key, strings[key]) for key in row] for row in rows)
        return lower, lemma, norm

    def _read(self, reading: Reading) -> tuple[list[_Words], list[_Text]]:
        texts = []
        for doc in reading.docs:
            lower, lemma, norm = self._columns(doc)
            role = [ROLE_OF_NORM.get(n, "") for n in norm]
            texts.append(_Text(doc, lower, lemma, norm, role, doc.has_annotation("DEP"), []))
        words = []
        for unit, (which, start, end) in enumerate(reading.places):
            text = texts[which]
            text.units.append((start, end, unit))
            words.append(
                _Words(
                    text.lower[start:end],
                    text.lemma[start:end],
                    text.role[start:end],
                    text.doc,
                    start,
                    text.parsed,
                )
            )
        for text in texts:
            text.units.sort()
        return words, texts

    def _token_matches(self, text: _Text, start: int, end: int) -> list[tuple[int, int, int]]:
        """Token-pattern matches in one unit, relative to its start.

        Only the groups whose words the unit has are run, and only around the places of
        their rarest word: every match holds such a word, so it lies within the group's
        longest match of one of them."""
        columns = {"LOWER": text.lower, "LEMMA": text.lemma, "NORM": text.norm}
        present = {attr: set(column[start:end]) for attr, column in columns.items()}
        groups = set(self._always)
        for attr, index in self._index.items():
            for word in present[attr] & index.keys():
                groups.update(index[word])
        found: list[tuple[int, int, int]] = []
        for group in groups:
            if not all(not words.isdisjoint(present[attr]) for attr, words in group[1:]):
                continue
            matcher, reach = self.groups[group], self._reach[group]
            if not group or reach is None or 2 * reach >= end - start:
                found.extend(matcher(text.doc[start:end]))
                continue
            attr, words = group[0]
            column = columns[attr]
            windows: list[list[int]] = []
            for k in range(start, end):
                if column[k] in words:
                    first, last = max(start, k - reach + 1), min(end, k + reach)
                    if windows and first <= windows[-1][1]:
                        windows[-1][1] = last
                    else:
                        windows.append([first, last])
            for first, last in windows:
                shift = first - start
                for match_id, begin, stop in matcher(text.doc[first:last]):
                    found.append((match_id, begin + shift, stop + shift))
        return found

    # -- per document -----------------------------------------------------------------------
    def _hits(self, texts: list[_Text]) -> dict[str, list[_Hit]]:
        """Every match of every pattern, by key, at its unit and its place in that unit."""
        hits: dict[str, list[_Hit]] = defaultdict(list)
        strings = self.strings
        for text in texts:
            doc = text.doc
            for first, last, unit in text.units:
                for match_id, start, end in self._token_matches(text, first, last):
                    hits[strings[match_id]].append(_Hit(unit, start, end))
            found: list[tuple[int, int, int]] = []
            for phrases in self.phrases.values():
                if len(phrases):
                    found.extend(phrases(doc))
            if len(self.dependency) and text.parsed:
                for match_id, tokens in self.dependency(doc):
                    found.append((match_id, min(tokens), max(tokens) + 1))
            starts = [start for start, _, _ in text.units]
            for match_id, start, end in found:
                # the unit the match starts in; a match that runs on into the next is dropped
                k = bisect_right(starts, start) - 1
                if k < 0:
                    continue
                first, last, unit = text.units[k]
                if end <= last:
                    hits[strings[match_id]].append(_Hit(unit, start - first, end - first))
        for key in hits:  # longest match first at each start: one hit per place
            hits[key] = _dedupe(hits[key])
        return hits

    def candidates(self, units: list[Unit], reading: Reading) -> list[int]:
        """Provisions where a parse can change the verdict: binding, about an element, and
        with a negation, a modal verb or a condition in them (and the opening words above
        them). The toelichting and the definitions grant nothing, parsed or not."""
        words, texts = self._read(reading)
        hits = self._hits(texts)
        about = {
            h.unit
            for key, found in hits.items()
            if not key.startswith("cue|")
            for h in found
            if units[h.unit].binding and not units[h.unit].definition
        }
        cued = {h.unit for h in hits.get("cue|condition", [])}
        # provisions about an element whose rule reads the parse
        cued |= {
            h.unit
            for rule in self.rules
            if rule.dependency_exclude
            for h in hits.get(f"{rule.element}|anchor", [])
        }
        for index in about:
            if not self._cue_words.isdisjoint(words[index].lower) or index in cued:
                cued.add(index)
        chosen = about & cued
        chosen |= {p for u in chosen for p in units[u].parents}
        return sorted(chosen)

    def judge(self, units: list[Unit], reading: Reading) -> dict[str, ElementEvidence]:
        words, texts = self._read(reading)
        hits = self._hits(texts)
        elements_of: dict[int, set[str]] = defaultdict(set)
        for key, found in hits.items():
            if key.endswith("|anchor"):
                for h in found:
                    elements_of[h.unit].add(key.split("|")[0])
        in_article: dict[str, set[int]] = defaultdict(set)
        under: dict[int, set[int]] = defaultdict(set)
        for unit in units:
            if unit.binding:
                in_article[unit.article_id].add(unit.index)
                for parent in unit.parents:
                    under[parent].add(unit.index)
        bylaw = _Bylaw(
            units,
            words,
            hits,
            elements_of,
            [frozenset(w.role) - {""} for w in words],
            _by_headings(units),
            in_article,
            under,
        )
        return {rule.element: self._element(rule, bylaw) for rule in self.rules}

    def _element(self, rule: Rule, bylaw: _Bylaw) -> ElementEvidence:
        units, words, hits, elements_of = bylaw.units, bylaw.words, bylaw.hits, bylaw.elements_of
        el = rule.element
        excluded = hits.get(f"{el}|exclude", [])
        qualifier_hits = [h for q in rule.qualifiers for h in hits.get(f"{el}|q|{q.key}", [])]
        shut = {h.unit for h in hits.get(f"{el}|unit_exclude", [])}
        weak = {(h.unit, h.start) for h in hits.get(f"{el}|weak", [])}
        anchors = [
            h
            for h in sorted(
                hits.get(f"{el}|anchor", []) + hits.get(f"{el}|weak", []), key=lambda h: (h.unit, h.start)
            )
            if h.unit not in shut
            and not self._after(words[h.unit], h.start, rule.anchor_not_after, rule.anchor_window)
            and not self._in_excluded_clause(words[h.unit], h, excluded)
        ]
        binding = [h for h in anchors if units[h.unit].binding and not units[h.unit].definition]
        # "dit overleg", "de agenda van het overleg": a reference to the element, not a grant
        references = hits.get(f"{el}|reference", [])
        primary = [
            h
            for h in binding
            if self._has_roles(rule, bylaw, h.unit, rule.anchor_all_roles) and not _inside(h, references)
        ]
        # qualifiers that are not anchors themselves ("ongevraagd" in "geen ongevraagd advies")
        anchor_places = {(h.unit, h.start) for h in anchors}
        qualifier_hits = [h for h in qualifier_hits if (h.unit, h.start) not in anchor_places]
        denied: dict[tuple[int, int], bool] = {}

        def negated(h: _Hit) -> bool:
            place = (h.unit, h.start)
            if place not in denied:
                item = bool(units[h.unit].parents)
                denied[place] = self._anchor_negated(words[h.unit], h, qualifier_hits, item)
            return denied[place]

        positive = [h for h in primary if not negated(h)]
        evidence = ElementEvidence(el, "missing")
        if not positive:
            if primary:
                evidence.reasons.append(f"{el}_denied")
            elif any(not units[h.unit].binding for h in anchors):
                evidence.reasons.append("only_in_toelichting")
            elif any(units[h.unit].definition for h in anchors):
                evidence.reasons.append("only_in_definitions")
            return evidence

        evidence.primary = sorted({h.unit for h in positive})
        primary_articles = {units[u].article_id for u in evidence.primary} - {""}
        # other provisions about the element count for its qualifiers when they stand in the
        # same article or name one of the roles themselves (evidence spread over articles)
        primary_numbers = {units[u].article_number for u in evidence.primary} - {""}
        secondary = {
            h.unit
            for h in binding
            if not negated(h)
            and not _inside(h, references)
            and (
                units[h.unit].article_id in primary_articles
                or self._has_roles(rule, bylaw, h.unit, rule.anchor_all_roles)
                or bool(set(_REFERRED.findall(units[h.unit].text)) & primary_numbers)
            )
        }
        anchored = set(evidence.primary) | secondary
        # provisions of the same article that name a role and are about no other element
        # ("Het college stelt de adviesraad daartoe in staat, zes weken voordat ...")
        for article in primary_articles:
            for index in bylaw.in_article.get(article, ()):
                if (
                    not units[index].definition
                    and not (elements_of.get(index, set()) - {el})
                    and self._has_roles(rule, bylaw, index, False)
                ):
                    secondary.add(index)
        scope = set(evidence.primary) | secondary
        # a list is read with its opening words, and opening words with their list
        with_parents = scope | {p for u in scope for p in units[u].parents}
        for opening in anchored:
            with_parents |= bylaw.under.get(opening, set())
        articles = {units[u].article_id for u in scope} - {""}
        in_articles = {index for article in articles for index in bylaw.in_article.get(article, ())}
        cited: set[int] = set()
        reasons: list[str] = []
        primary_set = set(evidence.primary)
        topical = self._topical(rule, bylaw)
        established: dict[str, set[int]] = {}
        # a provision that can never carry the element cannot complete it either
        weak_only = {h.unit for h in anchors if (h.unit, h.start) in weak} - {
            h.unit for h in anchors if (h.unit, h.start) not in weak
        }
        for q in rule.qualifiers:
            where = (with_parents if q.scope == "evidence" else in_articles | with_parents) - weak_only
            ok, used, reason = self._qualifier(rule, q, bylaw, where)
            if ok and q.scope == "evidence":
                established[q.key] = used
            elif not ok:
                cited |= used
                reasons.append(reason)
        # cite, per qualifier, the provision that carries most of the element
        weight = {u: sum(u in used for used in established.values()) for u in with_parents}
        for used in established.values():
            if used:
                cited.add(_best(used, units, topical, primary_set, weight))
        # conditions and discretion on the provisions that grant the element
        # a right excluded in part ("advies over de begroting wordt niet uitgebracht")
        restricted = [h for h in primary if h not in positive]
        if restricted and rule.negated_anchor == "restrict":
            reasons.append(f"{el}_restricted")
            cited |= {h.unit for h in restricted}
        # provisions that can never carry the element on their own, unless another provision
        # about the element takes them up ("onderwerpen als bedoeld in artikel 5 worden geagendeerd")
        if all((h.unit, h.start) in weak for h in binding if h.unit in anchored):
            reasons.append(rule.weak_reason)
        # a grant that is only left to the college makes the element partial
        grants = [h for h in positive if (h.unit, h.start) not in weak] or positive
        softness = {(h.unit, h.start): self._soft(bylaw, h) for h in grants}
        soft = any(softness.values()) if rule.soft_any else all(softness.values())
        if soft:
            for h in grants:
                if not softness[(h.unit, h.start)]:
                    continue
                reasons.append(f"{el}_{softness[(h.unit, h.start)]}")
                cited.add(h.unit)
        if reasons:
            for index, note in enumerate(rule.notes):
                if any(h.unit in scope for h in hits.get(f"{el}|note|{index}", [])):
                    reasons.append(note.reason)
        if not cited:
            cited |= _preferred(primary_set, units, topical, primary_set)
        elif not cited & primary_set:
            # the provision that grants the element, beside those that complete it
            cited.add(_best(primary_set, units, topical, primary_set, weight))
        # cite the list item rather than the opening words above it
        cited = {u for u in cited if not any(u in units[c].parents for c in cited)}
        evidence.reasons = list(dict.fromkeys(reasons))
        evidence.status = "partial" if evidence.reasons else "present"
        evidence.units = sorted(u for u in cited if units[u].binding and not units[u].definition)
        return evidence

    def _qualifier(
        self, rule: Rule, q: Qualifier, bylaw: _Bylaw, where: set[int]
    ) -> tuple[bool, set[int], str]:
        units, words, hits = bylaw.units, bylaw.words, bylaw.hits
        el = rule.element
        found = [h for h in hits.get(f"{el}|q|{q.key}", []) if h.unit in where]
        negated = [
            h
            for h in found
            if self._negated(
                words[h.unit], h.start, h.end, window=3, units_parent=bool(units[h.unit].parents)
            )
        ]
        limits = [h for h in hits.get(f"{el}|deny|{q.key}", []) if h.unit in where]
        good = [h for h in found if h not in negated]
        firm = [h for h in good if not self._soft(bylaw, h)]
        # a negated qualifier restricts the element ("geen ongevraagd advies over de begroting");
        # a limiting phrase ("op verzoek") does so unless another provision grants it outright
        if q.negation == "deny" and negated:
            return False, {h.unit for h in negated}, q.denied
        if limits and not (firm and q.overridable):
            return False, {h.unit for h in limits}, q.denied
        if firm:
            return True, {h.unit for h in firm}, ""
        if good:  # only under a condition or at the college's discretion
            return False, {h.unit for h in good}, f"{el}_{self._soft(bylaw, good[0])}"
        return q.default, set(), q.missing

    # -- roles, negation, conditions ------------------------------------------------------------
    def _has_roles(self, rule: Rule, bylaw: _Bylaw, index: int, every: bool) -> bool:
        if not rule.anchor_roles:
            return True
        present: set[str] = set()
        for u in (index, *bylaw.units[index].parents):
            present |= bylaw.roles_in[u]
        if "both" in present:
            present |= {"body", "college"}
        wanted = set(rule.anchor_roles)
        return wanted <= present if every else bool(wanted & present)

    def _topical(self, rule: Rule, bylaw: _Bylaw) -> set[int]:
        """The provisions in an article (or under a short heading) named after the element."""
        if not rule.topics:
            return set()
        return {
            index
            for headings, indices in bylaw.by_headings.items()
            if _any_word(headings, rule.topics)
            for index in indices
        }

    def _in_excluded_clause(self, w: _Words, hit: _Hit, excluded: list[_Hit]) -> bool:
        if not excluded:
            return False
        left, right = _around(w.lower, hit.start, hit.end, _CLAUSE)
        return any(e.unit == hit.unit and left <= e.start < right for e in excluded)

    def _anchor_negated(self, w: _Words, hit: _Hit, qualifiers: list[_Hit], item: bool = False) -> bool:
        """A negation just before an anchor, unless a qualifier stands between them:
        in "geen ongevraagd advies" the negation is about the qualifier."""
        lower, role = w.lower, w.role
        clause_start, _ = _around(lower, hit.start, hit.end, _CLAUSE)
        if any(self._is_negation(lower, i) for i in range(hit.start, hit.end)):
            return self._negated(w, hit.end - 1, hit.end, window=hit.end - hit.start, units_parent=item)
        sentence = hit.start
        while sentence > 0 and lower[sentence - 1] not in _SENTENCE and hit.start - sentence < 8:
            sentence -= 1
        first = max(sentence, hit.start - 7)
        # across a comma only within an enumeration: "geen vacatiegeld, reiskostenvergoeding
        # of andere tegemoetkoming", not "geen vergoeding, maar wel een secretaris"; the last
        # word that a negation before the comma cannot reach across:
        barrier = max(
            (
                k
                for k in range(first + 1, hit.start)
                if lower[k] in _SUBORDINATE or lower[k] in _CONTRAST or role[k]
            ),
            default=-1,
        )
        # a negation inside a relative clause describes the scope, it denies nothing:
        # "over beleidsvoorstellen waarover het college geen advies vraagt"
        subordinate = next((k for k in range(clause_start, hit.start) if lower[k] in _SUBORDINATE), hit.start)
        for i in range(first, hit.start):
            if (i < clause_start and barrier > i) or subordinate < i:
                continue
            if self._is_negation(lower, i):
                qualified = any(q.unit == hit.unit and i < q.start < hit.start for q in qualifiers)
                if not qualified:
                    return not self._harmless(lower, i)
        return self._negated(w, hit.start, hit.end, window=0, units_parent=item)

    @staticmethod
    def _after(w: _Words, start: int, words: frozenset[str], window: int) -> bool:
        return bool(words) and any(word in words for word in w.lower[max(0, start - window) : start])

    def _is_negation(self, lower: list[str], i: int) -> bool:
        word = lower[i]
        if word not in self.cues.negation:
            return False
        for phrase in self.cues.negation_exceptions:
            if word not in phrase:
                continue
            first = i - phrase.index(word)
            if first >= 0 and tuple(lower[first : first + len(phrase)]) == phrase:
                return False
        return True

    def _negated(self, w: _Words, start: int, end: int, window: int, units_parent: bool = False) -> bool:
        lower, size = w.lower, len(w.lower)
        clause_start, clause_end = _around(lower, start, end, _CLAUSE)
        # just after the match, up to a subordinate clause: "adviseert niet", but not
        # "adviezen waarom niet is gevraagd"
        reach = end
        while reach < min(clause_end, end + 2) and lower[reach] not in _SUBORDINATE:
            reach += 1
        # a topicalised phrase ("Ongevraagd advies brengt de raad niet uit") is negated at the end
        # of its sentence part, unless a subordinate clause or a copula intervenes
        # ("waarover ... geen", "Het overleg is niet openbaar")
        if start - clause_start <= 1 and not units_parent:
            reach = end
            while reach < size and lower[reach] not in _SENTENCE and lower[reach] not in _COPULA:
                if lower[reach] in _SUBORDINATE:
                    # skip a relative clause inside the topic ("..., die tot ... behoren, wordt niet")
                    nxt = next((k for k in range(reach, size) if lower[k] in _CLAUSE_END), size)
                    if nxt >= size or lower[nxt] != ",":
                        break
                    reach = nxt
                reach += 1
        places = [*range(max(clause_start, start - window), start), *range(end, reach)]
        if w.parsed and window >= 3:
            # with a parse: a negation attached to a word that governs the match
            doc, at = w.doc, w.offset
            last = doc[at + end - 1]
            ancestors = {last.i, *(t.i for t in last.ancestors)}
            places += [
                i
                for i in range(clause_start, clause_end)
                if doc[at + i].head.i in ancestors and doc[at + i].head.i != at + i and not start <= i < end
            ]
        # "besluit niet ... zonder ... advies": a double negative grants, it does not deny
        negations = [
            i
            for i in places
            if self._is_negation(lower, i) and "zonder" not in lower[min(i, start) : max(i, start)]
        ]
        if not negations:
            return False
        return not self._harmless(lower, min(negations[0], end))

    def _harmless(self, lower: list[str], negation: int) -> bool:
        """'adviseert niet over individuele aanvragen': an exclusion of individual matters."""
        left, right = _around(lower, negation, negation, _SENTENCE)
        return _any_word(lower[left:right], self.cues.harmless_scope)

    def _soft(self, bylaw: _Bylaw, hit: _Hit) -> str:
        """'conditional' or 'discretionary' when the provision leaves it to the college; else ''."""
        place = (hit.unit, hit.start, hit.end)
        if place not in bylaw.soft:
            bylaw.soft[place] = self._softness(bylaw.units, bylaw.words, bylaw.hits, hit)
        return bylaw.soft[place]

    def _softness(
        self, units: list[Unit], words: list[_Words], hits: dict[str, list[_Hit]], hit: _Hit
    ) -> str:
        w = words[hit.unit]
        if self._conditional(w, hits, hit):
            return "conditional"
        # a list item that continues "..., dat de adviesraad:" has the body as its subject
        parents = units[hit.unit].parents
        opener = [r for r in words[parents[-1]].role if r] if parents else []
        if not (opener and opener[-1] == "body") and self._discretionary(w, hit.start):
            return "discretionary"
        for parent in parents:  # the opening words of the list it stands in
            pw = words[parent]
            end = _Hit(parent, len(pw.lower), len(pw.lower))
            if self._conditional(pw, hits, end):
                return "conditional"
            if self._discretionary(pw, len(pw.lower)):
                return "discretionary"
        return ""

    def _conditional(self, w: _Words, hits: dict[str, list[_Hit]], anchor: _Hit) -> bool:
        if any(h.unit == anchor.unit for h in hits.get("cue|unit_condition", [])):
            return True
        lower, size = w.lower, len(w.lower)
        sentence_start = min(anchor.start, size)
        while sentence_start > 0 and lower[sentence_start - 1] != ".":
            sentence_start -= 1
        sentence_end = anchor.end
        while sentence_end < size and lower[sentence_end] != ".":
            sentence_end += 1
        for cond in hits.get("cue|condition", []):
            if cond.unit != anchor.unit or not sentence_start <= cond.start < sentence_end:
                continue
            # the condition runs to the end of its sentence part
            stop = cond.end
            while stop < size and lower[stop] not in _SENTENCE:
                stop += 1
            said = lower[cond.start : stop]
            if _any_word(said, self.cues.harmless_condition):
                continue
            college = "college" in w.role[cond.start : stop]
            marker = _any_word(said, self.cues.discretion_markers)
            if (college and marker) or _any_word(said, self.cues.budget_condition):
                return True
        return False

    @staticmethod
    def _parsed_subject(w: _Words, modal: int) -> str | None:
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

    def _discretionary(self, w: _Words, start: int) -> bool:
        """A modal before the match whose subject is the college: 'het college kan ...'."""
        lower, lemma, role = w.lower, w.lemma, w.role
        size = len(lower)
        here = max(0, min(start, size - 1))
        clause_start, clause_end = _around(lower, here, here, _SENTENCE)
        modals, prepositions = self.cues.modals, self.cues.prepositions
        for i in range(clause_start, min(start, size)):
            if lemma[i] not in modals and lower[i] not in modals:
                continue
            roles = [
                role[j]
                for j in range(clause_start, i)
                if role[j]
                and not (j > clause_start and lower[j - 1] in prepositions)
                and not (j > clause_start + 1 and lower[j - 2] in prepositions)
            ]
            if "body" in roles or "both" in roles:
                return False  # the body is (part of) the subject: a right, whatever the parse says
            parsed = self._parsed_subject(w, i)
            if parsed is not None:
                return parsed == "college"
            after = [role[j] for j in range(i + 1, min(i + 4, start)) if role[j]]
            if "college" in roles or (after and after[0] == "college"):
                return True
            # a passive grant without the body as subject: "uit het budget kunnen worden betaald"
            if not roles and any(lower[j] in ("worden", "wordt") for j in range(i + 1, clause_end)):
                return True
        return False


# the ends of a sentence part and of a clause
_SENTENCE = frozenset([";", "."])
_CLAUSE = frozenset([",", ";", ":", "."])
_CLAUSE_END = frozenset([",", ";", "."])
_COPULA = frozenset(["is", "zijn", "was", "waren", "blijft", "blijven"])
_CONTRAST = frozenset(["maar", "wel", "doch", "echter", "daarentegen", "wordt", "worden", "is", "zijn"])
_SUBORDINATE = frozenset(
    [
        "waarover",
        "waarin",
        "waarop",
        "waarvan",
        "waarbij",
        "waarom",
        "waarvoor",
        "die",
        "dat",
        "wat",
        "welke",
        "indien",
        "tenzij",
        "wanneer",
        "als",
        "omdat",
        "zodat",
    ]
)

# "het overleg, bedoeld in artikel 5": a provision that points at another article
_REFERRED = re.compile(
    r"(?:bedoeld|genoemd|vermeld)\s+in\s+(?:het\s+)?(?:artikel|art\.)\s+(\d+(?:[.:]\d+)*[a-z]?)"
)


def _best(
    found: set[int], units: list[Unit], topical: set[int], primary: set[int], weight: dict[int, int]
) -> int:
    """The one provision to cite for a qualifier: in the main text rather than an annex, the
    provision that establishes most qualifiers, in an article named after the element, a
    grant to the body, the first."""
    return min(
        found,
        key=lambda u: (
            not units[u].node.id.startswith("art"),
            -weight.get(u, 0),
            u not in topical,
            u not in primary,
            u,
        ),
    )


def _preferred(found: set[int], units: list[Unit], topical: set[int], primary: set[int]) -> set[int]:
    """The provisions to cite for one piece of evidence: the main text before an annex, an
    article named after the element before others, a grant to the body before the rest."""
    main = {u for u in found if units[u].node.id.startswith("art")}
    pool = main or found
    for tier in (pool & topical & primary, pool & topical, pool & primary):
        if tier:
            return tier
    return pool


def _by_headings(units: list[Unit]) -> dict[tuple[str, ...], list[int]]:
    """Provisions by the words of the headings they stand under: the article title and
    short opening words ("Ondersteuning:")."""
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    titles: dict[str, tuple[str, ...]] = {}
    for unit in units:
        title = (unit.article.title or "") if unit.article is not None else ""
        if title not in titles:
            titles[title] = tuple(re.findall(r"\w+", title.lower()))
        words = titles[title]
        for parent in unit.parents:
            opening = units[parent].text
            if len(opening.split()) <= 4:
                words += tuple(re.findall(r"\w+", opening.lower()))
        found[words].append(unit.index)
    return found


def _inside(hit: _Hit, spans: list[_Hit]) -> bool:
    return any(s.unit == hit.unit and s.start <= hit.start < s.end for s in spans)


def _around(lower: list[str], start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
    """The stretch around ``start:end`` up to the nearest stop words on either side."""
    left = start
    while left > 0 and lower[left - 1] not in stops:
        left -= 1
    right = end
    while right < len(lower) and lower[right] not in stops:
        right += 1
    return left, right


def _dedupe(found: list[_Hit]) -> list[_Hit]:
    best: dict[tuple[int, int], _Hit] = {}
    for h in found:
        key = (h.unit, h.start)
        if key not in best or h.end > best[key].end:
            best[key] = h
    return sorted(best.values(), key=lambda h: (h.unit, h.start))
