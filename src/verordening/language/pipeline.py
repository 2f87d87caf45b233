"""The spaCy pipelines: the built-in one, or a statistical Dutch model when there is one.

The parser decides the segmentation, never spaCy's sentence splitter. The cheap pass
(:func:`read_units`) reads all provisions of a bylaw as one text with the built-in
pipeline: ``spacy.blank("nl")`` with the lemmas of the lookup table of
spacy-lookups-data. A statistical model reads only the candidate provisions again
(:func:`reparse`). Loading is model-agnostic: any Dutch spaCy pipeline can be plugged in.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from attrs import define, field
from spacy.attrs import IDX, LEMMA, LOWER
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc, Span

from ..errors import LocalisedError
from ..load.base import Limits
from ..vocabulary import PipelineKind
from .roles import RoleMarker, Roles
from .tokens import LONGEST_WORD, guard_tokenizer, read_text
from .units import Unit

__all__ = [
    "INSTALLED_MODELS",
    "MODEL_VARIABLE",
    "LookupLemmas",
    "ModelError",
    "Pipeline",
    "Reading",
    "builtin_pipeline",
    "chosen_model",
    "load_pipeline",
    "parts_of",
    "read_units",
    "reparse",
]

MODEL_VARIABLE = "VERORDENING_SPACY_MODEL"
INSTALLED_MODELS = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
# never used, so disabled when a model is loaded; taggers and lemmatisers are skipped per
# call (see reparse)
_UNUSED = ("ner", "entity_ruler", "textcat", "textcat_multilabel", "senter")
LOOKUP_LEMMAS = "verordening_lookup_lemmas"


@define(frozen=True)
class Pipeline:
    """The language pipeline that read the text: built-in or a statistical model."""

    name: str
    kind: PipelineKind = field(converter=PipelineKind)
    version: str


class ModelError(LocalisedError):
    """A spaCy model the user asked for cannot be loaded (one line, with the fix, in either language)."""


class LookupLemmas:
    """A pipeline component: the lemma of every token as spaCy's Dutch lookup lemmatiser
    gives it (the table's lemma of the lower form, else the lower form), set for the whole
    text at once. It keeps, per string store, the lemma of every form it has seen."""

    def __init__(self) -> None:
        self.table = load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup")
        self.known: dict[int, dict[int, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        known = self.known.setdefault(id(strings), {})
        lowers: list[int] = doc.to_array([LOWER]).ravel().tolist()  # type: ignore[assignment]
        try:  # nearly always: every word seen before
            lemmas = list(map(known.__getitem__, lowers))
        except KeyError:  # each new word looked up once
            for lower in set(lowers) - known.keys():
                value = self.table.get(lower)
                known[lower] = strings.add(value) if value else lower
            lemmas = list(map(known.__getitem__, lowers))
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
        return doc


@Language.factory(LOOKUP_LEMMAS)
def _lookup_lemmas(nlp: Language, name: str) -> LookupLemmas:
    return LookupLemmas()


def builtin_pipeline() -> tuple[Language, Pipeline]:
    """``spacy.blank("nl")`` with lookup lemmas."""
    nlp = spacy.blank("nl")
    nlp.add_pipe(LOOKUP_LEMMAS)
    guard_tokenizer(nlp)
    return nlp, Pipeline(name="blank:nl+lookup-lemmatizer", kind="builtin", version=spacy.about.__version__)


def _load_model(name: str) -> tuple[Language, Pipeline]:
    try:
        nlp = spacy.load(name)
    except OSError as error:  # spaCy's E050: no such package or folder
        if "E050" in str(error) or "E053" in str(error):
            if Path(name).exists() or "/" in name or "\\" in name:
                detail = str(error).split("]")[0] + "]"
                raise ModelError(key="model.no_pipeline", name=name, detail=detail) from None
            raise ModelError(key="model.not_installed", name=name) from None
        raise ModelError(key="model.cannot_load", name=name, error=error) from None
    if nlp.lang != "nl":
        raise ModelError(key="model.not_dutch", name=name, lang=nlp.lang)
    guard_tokenizer(nlp)
    disabled = [pipe for pipe in nlp.pipe_names if pipe in _UNUSED]
    if disabled:
        nlp.select_pipes(disable=disabled)
    meta = nlp.meta
    label = f"{meta.get('lang', 'nl')}_{meta.get('name', name)}"
    return nlp, Pipeline(name=label, kind="model", version=str(meta.get("version", "")))


def chosen_model(model: str | Path | None = None) -> str | None:
    """The statistical model to read with, in this order: the one asked for (a name or a
    folder); the folder or name in ``$VERORDENING_SPACY_MODEL``; an installed
    nl_core_news_lg, md or sm; else None (the built-in pipeline)."""
    asked = str(model) if model else os.environ.get(MODEL_VARIABLE, "").strip()
    if asked:
        return None if asked == "builtin" else asked
    return _installed_model()


@lru_cache(maxsize=1)
def _installed_model() -> str | None:
    """The largest Dutch model installed as a package (looked up once per process)."""
    return next((name for name in INSTALLED_MODELS if spacy.util.is_package(name)), None)


def load_pipeline(model: str | Path | None = None) -> tuple[Language, Pipeline]:
    """The pipeline :func:`chosen_model` chooses, loaded (see :class:`verordening.Checker`,
    which loads it once for all the bylaws it checks)."""
    name = chosen_model(model)
    return builtin_pipeline() if name is None else _load_model(name)


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
# into the next is dropped by the matcher. A text longer than this is read in parts; a provision
# longer than the limit ``provision_chars`` in pieces (see .tokens)
_PART = 200_000
PROVISION_CHARS = Limits().provision_chars  # what is read at once at most, unless the limit is set


def parts_of(units: list[Unit]) -> list[list[Unit]]:
    """The provisions in the groups read as one text (of about ``_PART`` characters at most)."""
    parts: list[list[Unit]] = [[]]
    size = 0
    for unit in units:
        if size + len(unit.text) > _PART and parts[-1]:
            parts.append([])
            size = 0
        parts[-1].append(unit)
        size += len(unit.text) + 1
    return parts


def read_units(
    nlp: Language, marker: RoleMarker, units: list[Unit], roles: Roles, piece: int = PROVISION_CHARS
) -> Reading:
    """Read all provisions with the pipeline (in as few texts as possible) and mark roles; a
    text longer than ``piece`` characters (``Limits.provision_chars``) is read in pieces."""
    piece = max(piece, LONGEST_WORD)  # (a piece holds a word or more)
    nlp.max_length = max(nlp.max_length, piece + 1)  # (what is read at once is never longer)
    docs: list[Doc] = []
    places: list[tuple[int, int, int]] = []
    for which, part in enumerate(parts_of(units)):
        doc = read_text(nlp, " ".join(unit.text for unit in part), piece)
        docs.append(doc)
        starts = doc.to_array([IDX]).tolist()
        offset = 0
        for unit in part:
            places.append((which, bisect_left(starts, offset), bisect_left(starts, offset + len(unit.text))))
            offset += len(unit.text) + 1
    marker.mark(roles, docs)
    return Reading(tuple(docs), tuple(places))


# components a statistical pipeline may have whose output the rules need only sometimes
_LEMMATISERS = ("lemmatizer", "trainable_lemmatizer")
_TAGGERS = ("tagger", "morphologizer", "attribute_ruler")


def reparse(
    model: Language,
    lemmas: LookupLemmas,
    marker: RoleMarker,
    reading: Reading,
    units: list[Unit],
    which: list[int],
    roles: Roles,
    tags: bool = False,
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
        lemmas(doc)
        places[i] = (len(docs), 0, len(doc))
        docs.append(doc)
    marker.mark(roles, parsed)
    return Reading(tuple(docs), tuple(places))
