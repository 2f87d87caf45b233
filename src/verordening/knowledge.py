"""Domain knowledge as data: the laws, the roles, the verdict vocabulary and the cue words.

Each lives in a YAML file beside the rule files (``rules/laws.yaml``, ``roles.yaml``,
``verdict.yaml``, ``cues.yaml``), checked by a JSON schema in ``rules/schema/`` and by
the cross-checks here, with examples that run as tests. A municipality's jurist can
add a council name or a law's variant there without touching Python.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from attrs import define

from .cues import Cues, ValueWords, read_cues
from .datafile import DataFile, RuleError, read_data
from .patterns import ROLE_MARK, ROLES, Compound, Pattern, read_compounds, read_patterns

__all__ = [
    "ROLES",
    "ROLE_MARK",
    "Compound",
    "Cues",
    "Framework",
    "Knowledge",
    "Law",
    "Laws",
    "Pattern",
    "RoleNames",
    "ValueWords",
    "VerdictWords",
    "WordParts",
    "fold",
    "load_knowledge",
    "padded",
    "read_compounds",
    "read_patterns",
]

KNOWLEDGE_FILES = ("laws", "roles", "verdict", "cues")


_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without diacritics: 'Cliënt' -> 'client'."""
    lower = text.lower()
    return lower if lower.isascii() else _COMBINING.sub("", unicodedata.normalize("NFD", lower))


@lru_cache(maxsize=64)
def padded(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases with a space on either side, as they are looked for in words joined by spaces."""
    return tuple(f" {phrase} " for phrase in phrases)


@define(frozen=True)
class WordParts:
    """Word parts found anywhere in a text (folded), and regular expressions (any case)."""

    parts: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, raw: dict[str, Any]) -> WordParts:
        return cls(
            tuple(fold(p) for p in raw.get("parts", [])),
            tuple(re.compile(p, re.IGNORECASE) for p in raw.get("patterns", [])),
        )

    def found_in(self, text: str) -> bool:
        folded = completed(fold(text))
        return any(map(folded.__contains__, self.parts)) or any(p.search(text) for p in self.patterns)

    def blanked(self, text: str) -> str:
        """``text`` with what the patterns find there made spaces."""
        for pattern in self.patterns:
            text = pattern.sub(lambda match: " " * len(match.group()), text)
        return text


# "jongeren- en ouderraad": a first word whose end the second one gives (from the start of a word
# only: from every letter of a long one, the expression would read it again)
_ELIDED = re.compile(r"(?<!\w)(\w{3,})- (?:en|of|en/of) (\w{6,})")
_LONGEST_END = 60  # the endings of a second word tried: no word of a name is longer


def completed(folded: str) -> str:
    """The text with the words that a hyphen leaves unfinished written out after it: "jongeren- en
    ouderraad" gains "jongerenraad" (and the other endings of "ouderraad" that could complete it)."""
    if "- " not in folded:  # (nearly every text: no word left unfinished)
        return folded
    filled = [
        match[1] + match[2][cut:]
        for match in _ELIDED.finditer(folded)
        for cut in range(3, min(len(match[2]), _LONGEST_END) - 2)
    ]
    return " ".join([folded, *filled]) if filled else folded


# -- laws ------------------------------------------------------------------------------------
@define(frozen=True)
class Framework:
    """An element set we judge against: a law, or a version of one."""

    key: str
    name: str
    statute: str
    identifier: str
    in_force: date
    successor: str | None
    diagnostic: str | None
    fields: tuple[str, ...] = ()  # words and phrases that name its field of policy in a grant


@define(frozen=True)
class Law:
    """A statute a bylaw can name: how it is written, and its participation articles."""

    key: str
    statute: str
    pattern: re.Pattern[str]
    hints: tuple[str, ...]  # one lower-case word of each name: a text without any names none
    articles: dict[str, str]  # participation article -> framework, in order of preference


@define(frozen=True)
class Laws:
    frameworks: dict[str, Framework]
    default: str
    laws: tuple[Law, ...]
    hint: re.Pattern[str]  # a quick test on lower-case text: what every name of every law contains
    examples: tuple[dict[str, Any], ...]
    field_openers: tuple[str, ...] = ()  # phrases after which a field of policy confines a grant
    field_closers: tuple[str, ...] = ()  # ... and words before which it does

    def framework_of(self, law: Law, articles: list[str], year: int) -> str | None:
        """The framework a reference to ``law`` gives: by the articles it cites, else by the
        year the bylaw was made; None for a law or an article without one."""
        if not law.articles:
            return None
        if articles:
            return next((fw for article, fw in law.articles.items() if article in articles), None)
        versions = sorted({self.frameworks[fw] for fw in law.articles.values()}, key=lambda f: f.in_force)
        in_force = [f for f in versions if f.in_force.year <= year]
        return (in_force[-1] if in_force else versions[0]).key


def _name_pattern(name: str) -> str:
    """A name as a regular expression: whole words; a space for any white space, * for letters."""
    pieces = []
    for piece in re.split(r"(\s+|\*)", name.strip()):
        if piece == "*":
            pieces.append(r"\w*")
        elif piece.isspace():
            pieces.append(r"\s+")
        elif piece:
            pieces.append(re.escape(piece))
    start = r"\b" if re.match(r"\w", name) else ""
    end = r"\b" if re.search(r"[\w*]$", name) else ""
    return start + "".join(pieces) + end


def _hint(name: str) -> str:
    """The longest word of a name (of letters, if it has one), in lower case: every match
    of the name contains it."""
    words: list[str] = re.findall(r"[^\W_]+", name.replace("*", " "))
    return max(words, key=lambda w: (not w.isdigit(), len(w))).lower()


def _laws(file: DataFile) -> Laws:
    raw = file.data
    frameworks = {
        key: Framework(
            key,
            value["name"],
            value["statute"],
            value["identifier"],
            date.fromisoformat(value["in_force"]),
            value.get("successor"),
            value.get("diagnostic"),
            tuple(f.lower() for f in value.get("fields", ())),
        )
        for key, value in raw["frameworks"].items()
    }
    known = set(frameworks)
    for key, value in raw["frameworks"].items():
        if value.get("successor", key) not in known:
            raise file.error(["frameworks", key, "successor"], f"unknown framework {value['successor']!r}")
    if raw["default_framework"] not in known:
        raise file.error(["default_framework"], f"unknown framework {raw['default_framework']!r}")
    laws = []
    seen: set[str] = set()
    for index, law in enumerate(raw["laws"]):
        if law["key"] in seen:
            raise file.error(["laws", index, "key"], f"the law {law['key']!r} is listed twice")
        seen.add(law["key"])
        for article, framework in law.get("articles", {}).items():
            if framework not in known:
                raise file.error(["laws", index, "articles", article], f"unknown framework {framework!r}")
        names, abbreviations = law["names"], law.get("abbreviations", [])
        alternatives = [f"(?i:{_name_pattern(n)})" for n in names] + [_name_pattern(a) for a in abbreviations]
        laws.append(
            Law(
                law["key"],
                law["statute"],
                re.compile("|".join(alternatives)),
                tuple(dict.fromkeys(_hint(n) for n in [*names, *abbreviations])),
                dict(law.get("articles", {})),
            )
        )
    hints = sorted({h for law in laws for h in law.hints}, key=lambda h: (-len(h), h))
    for index, example in enumerate(raw["examples"]):
        for framework in example["frameworks"]:
            if framework not in known:
                raise file.error(["examples", index, "frameworks"], f"unknown framework {framework!r}")
    quick = re.compile("|".join(re.escape(h) for h in hints))
    return Laws(
        frameworks,
        raw["default_framework"],
        tuple(laws),
        quick,
        tuple(raw["examples"]),
        tuple(raw.get("field_openers", ())),
        tuple(raw.get("field_closers", ())),
    )


# -- roles -----------------------------------------------------------------------------------
@define(frozen=True)
class RoleNames:
    """The names every bylaw may use per role, and how a definition shows a role."""

    names: dict[str, tuple[str, ...]]  # role -> names, for each of ROLES
    otherwise: dict[str, tuple[str, ...]]  # role -> names that take it unless the bylaw names them
    articled: frozenset[str]  # names that take their role only right after "de" or "het"
    council_words: WordParts
    college_words: WordParts
    body_words: WordParts
    people: frozenset[str]  # folded terms that name the persons concerned
    of_body: frozenset[str]  # members or parts of the body a definition names through it
    council_members: tuple[str, ...]  # phrases that make a defined term a group of councillors
    other_forms: dict[str, tuple[str, ...]]  # a defined term ("wij", "leden") -> its other forms ("ons")
    things: frozenset[str]  # last words of a name given in passing that name a thing, not a role
    examples: tuple[dict[str, Any], ...]


def _with_folded(names: list[str]) -> tuple[str, ...]:
    """The names in lower case, each followed by its spelling without diaeresis when that differs
    ("cliëntenplatform", "clientenplatform"), once each."""
    return tuple(dict.fromkeys(form for n in names for form in (n.lower(), fold(n))))


def _roles(file: DataFile) -> RoleNames:
    raw = file.data
    definitions = raw["definitions"]
    for index, example in enumerate(raw["examples"]):
        for name, role in example["roles"].items():
            if role not in (*ROLES, "none"):
                raise file.error(["examples", index, "roles", name], f"unknown role {role!r}")
    return RoleNames(
        {role: _with_folded(raw["names"].get(role, [])) for role in ROLES},
        {role: tuple(n.lower() for n in raw.get("otherwise", {}).get(role, [])) for role in ROLES},
        frozenset(n.lower() for n in raw.get("articled", [])),
        WordParts.of(definitions["council"]),
        WordParts.of(definitions["college"]),
        WordParts.of(definitions["body"]),
        frozenset(fold(p) for p in definitions["people"]),
        frozenset(fold(p) for p in definitions["of_body"]),
        tuple(fold(p) for p in definitions["council_members"]),
        {word: tuple(forms) for word, forms in definitions["other_forms"].items()},
        frozenset(fold(t) for t in definitions["things"]),
        tuple(raw["examples"]),
    )


# -- the verdict -----------------------------------------------------------------------------
@define(frozen=True)
class VerdictWords:
    """Title words that name client participation, and those that name other subjects."""

    participation: WordParts
    other: WordParts
    weak_other: WordParts  # another subject unless the articles grant participation rights
    body: WordParts  # a council that is a participation body only with a stated basis and rights
    other_field: WordParts  # an advisory body of another policy field ("Adviesraad Duurzaamheid")
    lower: WordParts  # a regulation made under another opens the title ("Nadere regels ...")
    preamble: WordParts  # an aanhef that says the text is about client participation
    other_regime: WordParts  # a statute of another participation regime the aanhef rests on (Wmcz)
    rights: tuple[str, ...]  # elements whose grant to a body shows participation rights
    examples: tuple[dict[str, Any], ...]


def _verdict(file: DataFile, elements: tuple[str, ...]) -> VerdictWords:
    raw = file.data
    for index, element in enumerate(raw["rights"]):
        if element not in elements:
            raise file.error(["rights", index], f"unknown element {element!r}")
    return VerdictWords(
        WordParts.of(raw["participation"]),
        WordParts.of(raw["other"]),
        WordParts.of(raw["weak_other"]),
        WordParts.of(raw["body"]),
        WordParts.of(raw["other_field"]),
        WordParts.of(raw["lower"]),
        WordParts.of(raw["preamble"]),
        WordParts.of(raw["other_regime"]),
        tuple(raw["rights"]),
        tuple(raw["examples"]),
    )


# -- all of it -------------------------------------------------------------------------------
@define(frozen=True)
class Knowledge:
    laws: Laws
    roles: RoleNames
    verdict: VerdictWords
    cues: Cues


def load_knowledge(folder: Path, elements: tuple[str, ...]) -> Knowledge:
    """The knowledge files of ``folder``, each checked by its schema in ``folder/schema``."""
    files = {name: _read(folder, name) for name in KNOWLEDGE_FILES}
    return Knowledge(
        _laws(files["laws"]),
        _roles(files["roles"]),
        _verdict(files["verdict"], elements),
        read_cues(files["cues"], elements),
    )


def _read(folder: Path, name: str) -> DataFile:
    path = folder / f"{name}.yaml"
    if not path.is_file():
        raise RuleError(f"{path}:1: no such file; a rule folder holds {', '.join(KNOWLEDGE_FILES)}.yaml too")
    return read_data(path, folder / "schema" / f"{name}.schema.json")
