"""Every remark the tool makes about its input: one registry of codes.

As in spaCy's ``errors.py``: each code is defined once, with its severity and its
message in Dutch and in English; tests assert on codes, never on wording.
``docs/diagnostics.md`` lists them all (a test holds it to this registry).

- ``L``: loading (encodings, file formats)
- ``S``: the structure parser
- ``C``: the check (legal basis, frameworks, verdict)
- ``P``: the language pipeline
"""

from __future__ import annotations

from datetime import date
from typing import Any

from attrs import define, field

from .serialise import SKIP
from .vocabulary import Severity

__all__ = ["CODES", "MONTHS", "Code", "Diagnostic", "Severity", "diagnostic", "format_date"]

MONTHS = {
    "nl": tuple(
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ]
    ),
    "en": tuple(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    ),
}


@define(frozen=True)
class Code:
    """One diagnostic code: its severity, and its message with ``{placeholders}``."""

    code: str
    severity: Severity
    en: str
    nl: str

    def message(self, lang: str = "en", **values: object) -> str:
        template = self.nl if lang == "nl" else self.en
        return template.format(**{key: _shown(value, lang) for key, value in values.items()})


def format_date(value: date, lang: str = "nl") -> str:
    """'1 januari 2015' (nl) or '1 January 2015' (en)."""
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


def _shown(value: object, lang: str) -> object:
    return format_date(value, lang) if isinstance(value, date) else value


_TABLE = (
    Code(
        "L001",
        Severity.WARNING,
        "decoded as Windows-1252: the file is not valid UTF-8",
        "gelezen als Windows-1252: het bestand is geen geldige UTF-8",
    ),
    Code(
        "L002",
        Severity.WARNING,
        "the file contains NUL bytes; it may not be a text file",
        "het bestand bevat NUL-tekens; het is misschien geen tekstbestand",
    ),
    Code(
        "L003",
        Severity.WARNING,
        "{count} characters could not be decoded and were replaced",
        "{count} tekens konden niet worden gelezen en zijn vervangen",
    ),
    Code(
        "L004",
        Severity.INFO,
        "decoded as UTF-16 (byte order mark)",
        "gelezen als UTF-16 (met een bytevolgordeteken, BOM)",
    ),
    Code(
        "L006",
        Severity.INFO,
        "decoded as UTF-16 without a byte order mark (found from the zero bytes)",
        "gelezen als UTF-16 zonder bytevolgordeteken (BOM; herkend aan de nulbytes)",
    ),
    Code(
        "L005",
        Severity.INFO,
        "read from a Word document: offsets point into its text, with Word's numbering written out",
        "gelezen uit een Word-document: posities wijzen in de tekst ervan, met de nummering van Word "
        "uitgeschreven",
    ),
    Code("S001", Severity.WARNING, "no articles found", "geen artikelen gevonden"),
    Code(
        "S002",
        Severity.WARNING,
        "text before the first article could not be placed: {snippet}",
        "tekst vóór het eerste artikel kon niet worden geplaatst: „{snippet}”",
    ),
    Code(
        "S003",
        Severity.INFO,
        "{kind} {number} is out of sequence (expected {expected})",
        "{kind} {number} volgt niet in de nummering (verwacht: {expected})",
    ),
    Code(
        "S004",
        Severity.WARNING,
        "{kind} {number} occurs more than once at this level",
        "{kind} {number} komt op dit niveau meer dan eens voor",
    ),
    Code(
        "S005",
        Severity.WARNING,
        "the structure could not be parsed; the text is kept as unstructured ({reason})",
        "de opbouw kon niet worden gelezen; de tekst is ongestructureerd bewaard ({reason})",
    ),
    Code(
        "C001",
        Severity.INFO,
        "based on the {law}; judged under its successor, the {successor}, in force since {since}",
        "gebaseerd op de {law}; getoetst aan haar opvolger, de {successor}, van kracht sinds {since}",
    ),
    Code(
        "C002",
        Severity.INFO,
        "based on the {law}; judged under its successor, the {successor}, in force since {since}",
        "gebaseerd op de {law}; getoetst aan haar opvolger, de {successor}, van kracht sinds {since}",
    ),
    Code(
        "C003",
        Severity.INFO,
        "no legal basis is stated; the frameworks were inferred from the text",
        "er is geen wettelijke grondslag vermeld; de wetten zijn afgeleid uit de tekst",
    ),
    Code(
        "C004",
        Severity.WARNING,
        "no framework could be determined; judged under the {framework} (choose another with --framework)",
        "geen wettelijk kader gevonden; getoetst aan de {framework} (kies een ander met --framework)",
    ),
    Code(
        "C005",
        Severity.WARNING,
        "judged as of {as_of}, before the {framework} came into force ({since}); "
        "its elements are judged all the same",
        "getoetst per {as_of}, vóór de {framework} van kracht werd ({since}); "
        "de elementen zijn toch getoetst",
    ),
    Code(
        "C010",
        Severity.WARNING,
        "the title names client participation but the text has no articles to check",
        "de titel noemt cliëntenparticipatie, maar de tekst heeft geen artikelen om te toetsen",
    ),
    Code(
        "P001",
        Severity.INFO,
        "read with the built-in rule-based Dutch pipeline; install a Dutch spaCy model "
        "(python -m spacy download nl_core_news_sm) for parses of who does what",
        "gelezen met de ingebouwde Nederlandse taalregels; installeer een Nederlands spaCy-taalmodel "
        "(python -m spacy download nl_core_news_sm) voor een ontleding van wie wat doet",
    ),
    Code(
        "P002",
        Severity.INFO,
        "read with the spaCy model {name} {version}",
        "gelezen met het spaCy-taalmodel {name} {version}",
    ),
)
CODES: dict[str, Code] = {code.code: code for code in _TABLE}


@define(frozen=True)
class Diagnostic:
    """A remark about the input, located in the original text (line from 1).

    ``message`` is the English message; ``values`` fill the message's placeholders, so
    that :meth:`message_in` can give it in Dutch too."""

    code: str
    severity: Severity = field(converter=Severity)
    message: str
    start: int
    end: int
    line: int
    values: tuple[tuple[str, Any], ...] = field(default=(), metadata=SKIP)

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``nl`` or ``en``); as stored when the registry cannot give
        it (an unknown code, or a diagnostic made without the values of its message)."""
        known = CODES.get(self.code)
        if lang == "en" or known is None:
            return self.message
        try:
            return known.message(lang, **dict(self.values))
        except (KeyError, IndexError):
            return self.message


def diagnostic(code: str, start: int = 0, end: int = 0, line: int = 1, **values: object) -> Diagnostic:
    """The diagnostic ``code`` of the registry at a place, its message filled with ``values``."""
    known = CODES[code]
    return Diagnostic(
        code, known.severity, known.message("en", **values), start, end, line, tuple(values.items())
    )
