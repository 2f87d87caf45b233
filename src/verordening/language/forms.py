"""Dutch word forms of the names of roles: the plurals a name is also found in, and the singular
of a plural name (read by :mod:`.roles` and :mod:`.bodies`)."""

from __future__ import annotations

import re

__all__ = ["plurals", "singulars"]


def plurals(name: str) -> list[str]:
    """A name and its plurals: +en, +s, and a long vowel shortened before +en ("cliëntenraad" ->
    "cliëntenraden"; not a bare "raad", which is the municipal council's)."""
    if name.endswith(("s", "en")):
        return [name]
    shortened = re.sub(r"([aeou])\1([^aeiouwyj])$", r"\1\2en", name) if len(name) > 5 else name
    return list(dict.fromkeys([name, name + "en", name + "s", shortened]))


def singulars(name: str) -> list[str]:
    """The singular of a plural body name, for the one of them a provision speaks of: "de
    raden" -> "de betrokken raad", "de adviesraden" -> "adviesraad"."""
    if not name.endswith("en") or len(name.split()[-1]) < 5:
        return []
    stem = name[:-2]
    # an open syllable doubles its vowel in the singular: raden -> raad, panelen -> panel
    doubled = re.sub(r"(?<=[^aeiou])([aeou])([^aeiouwyj])$", r"\1\1\2", stem)
    return list(dict.fromkeys([doubled, stem]))
