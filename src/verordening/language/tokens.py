"""Tokenising in time linear in the text, whatever the text: spaCy's tokenizer, guarded.

spaCy's tokenizer peels affixes off each run of characters between spaces one at a time,
and looks for a suffix with a regular expression searched over the whole rest of the run:
a run of thousands of brackets costs the square of its length. Two guards keep it linear
without changing a token of any text a bylaw holds (``tests/test_linear_time.py`` compares
them with the plain tokenizer):

- the suffix is looked for in the last few characters of the run only (see
  :func:`windowed_suffixes`), which finds the same suffix wherever one can be found there;
- a run longer than :data:`LONGEST_WORD` characters - no word, number or web address of a
  bylaw comes near - is one token, as spaCy keeps a web address whole.

A provision longer than the pipeline may read at once is read in pieces cut at spaces and
joined again (:func:`read_text`): spaCy splits on spaces before anything else, so the pieces
give the tokens the whole would.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["LONGEST_WORD", "guard_tokenizer", "pieces", "read_text", "windowed_suffixes"]

# a run of characters without a space longer than this is one token (the longest in the
# corpus and the real texts is under 100: a table rule of dashes)
LONGEST_WORD = 1000
# the suffix is looked for in this many last characters, and trusted when it starts at least
# _MARGIN characters into them: spaCy's suffixes are at most 5 characters long, with look-behinds
# of at most 2, but for runs of one character ("...."), which are read whole when they fill the
# margin (tests/test_linear_time.py checks these bounds against spaCy's expression)
_WINDOW = 24
_MARGIN = 12

Search = Callable[[str], "re.Match[str] | None"]


def windowed_suffixes(search: Search) -> Search:
    """``search`` (spaCy's suffix expression, every branch anchored at the end) run over the last
    :data:`_WINDOW` characters of a string. A match found there at least :data:`_MARGIN`
    characters in is the one the whole string gives: a longer or earlier one would be a run of
    one character reaching back past the margin. Only the length of the match counts to spaCy."""

    def suffix(text: str) -> re.Match[str] | None:
        if len(text) <= _WINDOW:
            return search(text)
        found = search(text[-_WINDOW:])
        if found is None or found.start() >= _MARGIN:
            return found
        return search(text)  # (a run of dots: read whole, once)

    return suffix


def guard_tokenizer(nlp: Language) -> None:
    """Guard the pipeline's tokenizer (spaCy's own kind, with affixes; another is left as it is)."""
    tokenizer = nlp.tokenizer
    if not (hasattr(tokenizer, "suffix_search") and hasattr(tokenizer, "token_match")):
        return
    if tokenizer.suffix_search is not None:
        tokenizer.suffix_search = windowed_suffixes(tokenizer.suffix_search)
    whole = tokenizer.token_match

    def one_token(text: str) -> object:
        return len(text) > LONGEST_WORD or (whole is not None and whole(text))

    tokenizer.token_match = one_token


def pieces(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, each but the last ending with a
    space where there is one to cut at (in a run without spaces: anywhere, inside what is one
    token either way)."""
    found = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start, start + size)
        end = cut + 1 if cut > start else start + size
        found.append(text[start:end])
        start = end
    found.append(text[start:])
    return found


def read_text(nlp: Language, text: str, size: int) -> Doc:
    """The pipeline's reading of ``text``: at once when it is at most ``size`` characters long,
    else tokenised in pieces, joined, and then run through the pipeline's components."""
    if len(text) <= size:
        return nlp(text)
    # the pieces' words, norms (a tokenizer's exception may set one) and spaces, joined
    columns = numpy.concatenate(
        [nlp.make_doc(piece).to_array([ORTH, NORM, SPACY]) for piece in pieces(text, size)]
    )
    strings = nlp.vocab.strings
    words = [strings[key] for key in columns[:, 0].tolist()]
    doc = Doc(nlp.vocab, words=words, spaces=columns[:, 2].astype(bool).tolist())
    doc.from_array([NORM], columns[:, 1:2])  # type: ignore[arg-type]
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
