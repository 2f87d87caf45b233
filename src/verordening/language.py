"""Stage 3: the language layer - provisions, roles and the spaCy pipeline.

The parser decides the segmentation: every lid, onderdeel and sub-onderdeel (and every
article without leden) is one *unit*, read with the opening words (aanhef) of the
lists it stands in. The cheap pass reads all units of a bylaw as one text
(:func:`read_units`); a statistical model reads only the candidate units again
(:func:`reparse`). spaCy's sentence splitting is never used for structure.

The built-in pipeline is ``spacy.blank("nl")`` with the lemmas of the lookup table of
spacy-lookups-data. Loading is model-agnostic: :func:`load_pipeline` takes any spaCy
pipeline, so a trained Dutch model can be plugged in.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from attrs import define
from spacy.attrs import IDX, LEMMA, LOWER
from spacy.language import Language
from spacy.lookups import Table, load_lookups
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .findings import Pipeline
from .model import Document, Node

__all__ = [
    "ModelError",
    "Reading",
    "Roles",
    "Unit",
    "builtin_pipeline",
    "find_roles",
    "load_pipeline",
    "read_units",
    "reparse",
    "units_of",
]

# Roles are kept in a token's NORM ("@body"), an attribute the spaCy matchers test
# natively, so patterns over roles cost no more than patterns over words.
ROLE_MARK = "@"
ROLES = ("council", "college", "body", "both")  # in this order the first wins a name in two lists
ROLE_OF_NORM = {ROLE_MARK + role: role for role in ROLES}  # "@body" -> "body"


# -- units ------------------------------------------------------------------------------------
@define(frozen=True)
class Unit:
    """One provision: its own words, where it stands, and whether it binds."""

    index: int
    node: Node
    text: str
    article: Node | None
    parents: tuple[int, ...]  # units whose text opens the list this unit stands in
    binding: bool  # an article of the regulation or its annex; not the toelichting
    definition: bool  # part of a definitions article

    @property
    def article_id(self) -> str:
        return self.article.id if self.article is not None else ""

    @property
    def article_number(self) -> str:
        return (self.article.number or "") if self.article is not None else ""


_LABEL = re.compile(r"^(?:(?:[Ll]id\s)?\d{1,3}[a-z]?[.):°]?|[a-z]{1,2}[.)]|[ivx]{1,5}[.)])\s*")
_DEFINITIONS = re.compile(
    r"wordt\s+(?:in\s+deze\s+\w+\s+)?verstaan\s+onder|verstaat\s+onder|begripsbepaling|"
    r"begrippen|definities?\b",
    re.IGNORECASE,
)


def _own_text(document: Document, node: Node) -> str:
    """The node's own words: up to its first child, without label or heading."""
    # the children's texts end the node's text, each on lines of its own
    text = node.text
    if node.children:
        tail = "\n" + "\n".join(child.text for child in node.children)
        if text.endswith(tail):
            text = text[: -len(tail)]
        elif (cut := text.find(node.children[0].text)) >= 0:
            text = text[:cut]
    if node.kind in ("article", "toelichting") and node.id:
        lines = text.split("\n")[1:]
        if lines and node.title and lines[0] == node.title:
            lines = lines[1:]
        return " ".join(lines)
    return _LABEL.sub("", text, count=1).replace("\n", " ")


# a drafter's note left in a Word draft ("[Opmerking AvD: bedrag nog afstemmen]") is no
# text of the bylaw: it is left out of what the rules read (citations keep the full text)
_EDITORIAL = re.compile(
    r"\[\s*(?:opmerking|noot|nb|n\.b\.|pm|p\.m\.|vraag|commentaar|let op|todo|check)\b[^\]]*\]", re.IGNORECASE
)


def units_of(document: Document) -> list[Unit]:
    """All provisions of the document, parents before children."""
    units: list[Unit] = []

    def visit(
        node: Node, article: Node | None, parents: tuple[int, ...], binding: bool, definition: bool
    ) -> None:
        if node.kind == "article" or (node.kind == "toelichting" and node.number):
            article = node
            heading = f"{node.title or ''} {_own_text(document, node)}"
            definition = bool(_DEFINITIONS.search(heading)) and binding
        if node.kind in ("article", "lid", "onderdeel", "subonderdeel", "toelichting"):
            text = _own_text(document, node)
            if "[" in text:
                text = _EDITORIAL.sub(" ", text)
            if text.strip():
                units.append(Unit(len(units), node, text, article, parents, binding, definition))
                if node.children:
                    parents = (*parents, len(units) - 1)
        for child in node.children:
            visit(child, article, parents, binding, definition)

    for top in document.children:
        if top.kind in ("chapter", "afdeling", "paragraaf", "article", "annex"):
            visit(top, None, (), True, False)
        elif top.kind == "toelichting":
            visit(top, None, (), False, False)
    return units


# -- roles -------------------------------------------------------------------------------------
@define(frozen=True)
class Roles:
    """The names this bylaw uses for the participation body, the college and the council."""

    body: tuple[str, ...]
    college: tuple[str, ...]
    council: tuple[str, ...]
    defined_body: tuple[str, ...]  # body names that come from the definitions


_BODY_WORDS = (
    "cliëntenraad",
    "clientenraad",
    "adviesraad",
    "adviesraad sociaal domein",
    "participatieraad",
    "wmo-raad",
    "wmoraad",
    "wmo-adviesraad",
    "wmo adviesraad",
    "cliëntenpanel",
    "burgerpanel",
    "burgerraad",
    "adviescommissie",
    "participatieplatform",
    "cliëntenplatform",
    "seniorenraad",
    "gehandicaptenraad",
)
_COLLEGE_WORDS = (
    "college",
    "het college",
    "burgemeester en wethouders",
    "wethouder",
    "portefeuillehouder",
    "gemeente",
    "gemeentebestuur",
)
_COUNCIL_WORDS = ("gemeenteraad",)
_BODY_HINT = re.compile(
    r"(?:cli[eë]nten|adviesra|adviesorgaan|participatiera|raad\b|panel|platform|commissie|gremium|"
    r"forum|klankbord|orgaan)",
    re.IGNORECASE,
)
_COUNCIL_HINT = re.compile(r"gemeenteraad|raad van de gemeente|\braad van\b.*\bgemeente", re.IGNORECASE)
_COLLEGE_HINT = re.compile(
    r"college van burgemeester|burgemeester en wethouders|bestuursorgaan", re.IGNORECASE
)
_PERSON = re.compile(
    r"(?:cli[eë]nt(?:en)?|persoon|personen|inwoners?|ingezetenen?|belanghebbenden?|jeugdigen?|"
    r"mantelzorgers?|vertegenwoordigers?|gebruikers?|deelnemers?)"
)
_DEFINITION_OPENING = re.compile(r"^.*?\b(?:verstaan|verstaat)\s+onder\s*", re.IGNORECASE)
_DEFINITION = re.compile(r"^(?P<term>[^:;]{1,60}?)\s*:\s*(?P<value>.+)$")
_HEREAFTER = re.compile(
    r"\(?\s*hierna(?:\s+te\s+noemen)?\s*:?\s*(?:de|het)?\s*(?P<name>[^);,.]{2,40})\)?", re.I
)


def find_roles(document: Document, units: Iterable[Unit]) -> Roles:
    """Roles from the definitions article, 'hierna: ...' phrases, the issuer and defaults."""
    body: list[str] = []
    college: list[str] = list(_COLLEGE_WORDS)
    council: list[str] = list(_COUNCIL_WORDS)
    issuer = ""
    if document.preamble is not None:
        issuer = next((f.value for f in document.preamble.fields if f.key == "orgaan"), "")
    council_issued = bool(re.search(r"raad\b", issuer, re.IGNORECASE))
    for unit in units:
        if not unit.definition:
            continue
        match = _DEFINITION.match(unit.text.strip())
        if not match:
            continue
        term = match["term"].strip().strip("'\"‘’“”").lower()
        term = _DEFINITION_OPENING.sub("", term)  # "In deze verordening wordt verstaan onder platform"
        term = re.sub(r"^(?:de|het)\s+", "", term)
        value = match["value"]
        if _COUNCIL_HINT.search(value) and not _BODY_HINT.search(value.split(",")[0].replace("raad van", "")):
            council.append(term)
        elif _COLLEGE_HINT.search(value) or (
            issuer and not council_issued and issuer.lower().split()[-1] in value.lower()
        ):
            college.append(term)
        elif _BODY_HINT.search(term) or _BODY_HINT.search(value[:80]):
            if _PERSON.fullmatch(term):  # "cliënt: ...", "inwoner: ..." are people, not the body
                continue
            body.append(term)
            full = re.match(
                r"(?:de|het|een)?\s*(?P<name>[A-ZÀ-Ý][\w\- ]{2,60}?)(?:[,;.(]|$| van | bedoeld| als )", value
            )
            if full:
                body.append(full["name"].strip().lower())
    for unit in units:
        if "hierna" not in unit.text.lower():
            continue
        for match in _HEREAFTER.finditer(unit.text):
            alias = match["name"].strip().lower()
            if _BODY_HINT.search(alias) and alias not in council:
                body.append(alias)
    if issuer and not council_issued:
        college.append(re.sub(r"^(?:de|het)\s+", "", issuer.strip(" ,;").lower()))
    defined = tuple(dict.fromkeys(body))
    body.extend(_BODY_WORDS)
    if "raad" not in body:
        council.append("raad")
    body = [b for b in dict.fromkeys(body) if b and b not in council]
    return Roles(tuple(body), tuple(dict.fromkeys(college)), tuple(dict.fromkeys(council)), defined)


def _variants(name: str) -> list[str]:
    forms = [name]
    if not name.endswith(("s", "en")):
        forms += [name + "en", name + "s"]
    return forms


_BOTH_WORDS = ("beide partijen", "partijen")  # the body and the college together
_COMMON_NAMES = frozenset((*_BODY_WORDS, *_COLLEGE_WORDS, *_COUNCIL_WORDS, "raad", *_BOTH_WORDS))
_COMMON_SORTED = tuple(sorted(_COMMON_NAMES))


def mark_roles(nlp: Language, roles: Roles, docs: list[Doc]) -> None:
    """Mark the tokens that name the body, the college or the council (``ROLE_OF_NORM``).

    Names are matched by one matcher for the names every bylaw may use and a small one
    for the names this bylaw defines; which role a name stands for is this bylaw's."""
    label_of: dict[str, str] = {}
    for label, names in zip(ROLES, (roles.council, roles.college, roles.body, _BOTH_WORDS), strict=True):
        for name in names:
            label_of.setdefault(name, label)
    matchers = [_role_matcher(nlp, _COMMON_SORTED)]
    own = tuple(sorted(set(label_of) - _COMMON_NAMES))
    if own:
        matchers.append(_role_matcher(nlp, own))
    strings = nlp.vocab.strings
    for doc in docs:
        found = []
        for matcher in matchers:
            for key, start, end in matcher(doc):
                role = label_of.get(strings[key])
                if role:
                    found.append((start, start - end, ROLES.index(role), end, role))
        taken = -1
        for start, _, _, end, label in sorted(found):  # the longest name first at each place
            if start < taken:
                continue
            for token in doc[start:end]:
                token.norm_ = ROLE_MARK + label
            taken = end


@lru_cache(maxsize=64)
def _role_matcher(nlp: Language, names: tuple[str, ...]) -> PhraseMatcher:
    """A matcher of the names and their plural forms; each match keyed by its name."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for name in names:
        matcher.add(name, [nlp.make_doc(form) for form in _variants(name)])
    return matcher


# -- the pipeline ------------------------------------------------------------------------------
MODEL_VARIABLE = "VERORDENING_SPACY_MODEL"
INSTALLED_MODELS = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
# never used, so disabled when a model is loaded; taggers and lemmatisers are skipped per
# call (see reparse)
_UNUSED = ("ner", "entity_ruler", "textcat", "textcat_multilabel", "senter")


class ModelError(Exception):
    """A spaCy model the user asked for cannot be loaded (one line, with the fix)."""


@lru_cache(maxsize=1)
def _lookup_table() -> Table:
    """The Dutch lemma table of spacy-lookups-data: (the hash of) a lower form -> its lemma."""
    table: Table = load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup")
    return table


# per string store: the hash of a lower form -> the hash of its lemma
_LEMMAS: dict[int, dict[int, int]] = {}


@Language.component("verordening_lookup_lemmas")
def lookup_lemmas(doc: Doc) -> Doc:
    """The lemma of every token as spaCy's Dutch lookup lemmatiser gives it (the table's
    lemma of the lower form, else the lower form), set for the whole text at once."""
    table, strings = _lookup_table(), doc.vocab.strings
    known = _LEMMAS.setdefault(id(strings), {})
    lemmas = []
    for lower in doc.to_array([LOWER]).tolist():
        lemma = known.get(lower)
        if lemma is None:
            value = table.get(lower)
            lemma = known[lower] = strings.add(value) if value else lower
        lemmas.append(lemma)
    doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
    return doc


@lru_cache(maxsize=1)
def builtin_pipeline() -> tuple[Language, Pipeline]:
    """``spacy.blank("nl")`` with lookup lemmas; made once per process."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("verordening_lookup_lemmas")
    return nlp, Pipeline(name="blank:nl+lookup-lemmatizer", kind="builtin", version=spacy.about.__version__)


@lru_cache(maxsize=4)
def _load_model(name: str) -> tuple[Language, Pipeline]:
    try:
        nlp = spacy.load(name)
    except OSError as error:  # spaCy's E050: no such package or folder
        if "E050" in str(error) or "E053" in str(error):
            if Path(name).exists() or "/" in name or "\\" in name:
                raise ModelError(
                    f"no spaCy pipeline at '{name}' (spaCy: {str(error).split(']')[0]}])"
                ) from None
            raise ModelError(
                f"spaCy model '{name}' is not installed; install it with: python -m spacy download {name}"
            ) from None
        raise ModelError(f"cannot load spaCy model '{name}': {error}") from None
    if nlp.lang != "nl":
        raise ModelError(f"spaCy model '{name}' is for language '{nlp.lang}', not Dutch (nl)")
    disabled = [pipe for pipe in nlp.pipe_names if pipe in _UNUSED]
    if disabled:
        nlp.select_pipes(disable=disabled)
    meta = nlp.meta
    label = f"{meta.get('lang', 'nl')}_{meta.get('name', name)}"
    return nlp, Pipeline(name=label, kind="model", version=str(meta.get("version", "")))


def load_pipeline(model: str | Path | None = None) -> tuple[Language, Pipeline]:
    """The language pipeline, in this order: the model asked for (a name or a folder); the
    folder or name in ``$VERORDENING_SPACY_MODEL``; an installed nl_core_news_lg, md or sm;
    else the built-in pipeline. Each is loaded once per process."""
    asked = str(model) if model else os.environ.get(MODEL_VARIABLE, "").strip()
    if asked:
        if asked == "builtin":
            return builtin_pipeline()
        return _load_model(asked)
    for name in INSTALLED_MODELS:
        if spacy.util.is_package(name):
            return _load_model(name)
    return builtin_pipeline()


@define(frozen=True)
class Reading:
    """The provisions as a pipeline read them.

    The cheap pass reads all provisions of a bylaw as one text (so every matcher runs once
    per bylaw, not once per provision); a model reads the candidate provisions again, each
    on its own. ``places[u]`` says where unit ``u``'s words are: (index into ``docs``,
    first token, end token).
    """

    docs: tuple[Doc, ...]
    places: tuple[tuple[int, int, int], ...]

    def words_of(self, unit: int) -> Span:
        which, start, end = self.places[unit]
        return self.docs[which][start:end]


# provisions are joined with a space: spaCy splits on spaces before anything else, so each
# provision gets the tokens it would get on its own, and a match that runs from one provision
# into the next is dropped by the engine. A text longer than this is read in parts (spaCy
# refuses texts over nlp.max_length)
_PART = 200_000


def read_units(nlp: Language, units: list[Unit], roles: Roles) -> Reading:
    """Read all provisions with the pipeline (in as few texts as possible) and mark roles."""
    parts: list[list[Unit]] = [[]]
    size = 0
    for unit in units:
        if size + len(unit.text) > _PART and parts[-1]:
            parts.append([])
            size = 0
        parts[-1].append(unit)
        size += len(unit.text) + 1
    docs: list[Doc] = []
    places: list[tuple[int, int, int]] = []
    for which, part in enumerate(parts):
        doc = nlp(" ".join(unit.text for unit in part))
        docs.append(doc)
        starts = doc.to_array([IDX]).tolist()
        offset = 0
        for unit in part:
            places.append(
                (
                    which,
                    bisect_left(starts, offset),
                    bisect_left(starts, offset + len(unit.text)),
                )
            )
            offset += len(unit.text) + 1
    mark_roles(nlp, roles, docs)
    return Reading(tuple(docs), tuple(places))


# components a statistical pipeline may have whose output the rules need only sometimes
_LEMMATISERS = ("lemmatizer", "trainable_lemmatizer")
_TAGGERS = ("tagger", "morphologizer", "attribute_ruler")


def reparse(
    model: Language, reading: Reading, units: list[Unit], which: list[int], roles: Roles, tags: bool = False
) -> Reading:
    """Parse the units ``which`` again with a statistical model, each on its own; the rest
    stay as the cheap pass read them.

    The model adds the dependency parse, and tags and morphology when ``tags`` (a rule reads
    them); components whose output no rule reads are not run. Lemmas are the lookup lemmas
    of the cheap pass, so that rules that match lemmas behave the same whichever pipeline
    read the text.
    """
    skip = [name for name in model.pipe_names if name in _LEMMATISERS or (not tags and name in _TAGGERS)]
    docs = list(reading.docs)
    places = list(reading.places)
    parsed = list(model.pipe([units[i].text for i in which], batch_size=64, disable=skip))
    for i, doc in zip(which, parsed, strict=True):
        lookup_lemmas(doc)
        places[i] = (len(docs), 0, len(doc))
        docs.append(doc)
    mark_roles(model, roles, parsed)
    return Reading(tuple(docs), tuple(places))
