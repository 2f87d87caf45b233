"""Every message the tool gives about its input, with a stable code.

As in spaCy's ``errors.py``: codes are searchable and tests assert on them, never on
wording. ``L`` codes come from loading, ``S`` codes from the structure parser.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from attrs import define

__all__ = ["Code", "Diagnostic", "Severity"]


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Code(Enum):
    """Diagnostic codes with their message template."""

    L001 = "decoded as Windows-1252: the file is not valid UTF-8"
    L002 = "the file contains NUL bytes; it may not be a text file"
    L003 = "{count} characters could not be decoded and were replaced"
    L004 = "decoded as UTF-16 (byte order mark)"
    L005 = "read from a Word document: offsets point into its text, with Word's numbering written out"
    S001 = "no articles found"
    S002 = "text before the first article could not be placed: {snippet}"
    S003 = "{kind} {number} is out of sequence (expected {expected})"
    S004 = "{kind} {number} occurs more than once at this level"
    S005 = "the structure could not be parsed; the text is kept as unstructured ({reason})"

    def message(self, **values: object) -> str:
        return str(self.value).format(**values)


@define(frozen=True)
class Diagnostic:
    """A remark about the input, located in the original text (line from 1)."""

    code: str
    severity: str
    message: str
    start: int
    end: int
    line: int

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
        }
