"""(being written: the pdf reader)"""

from __future__ import annotations

from .base import FormatError, Limits, Loaded

__all__ = ["read_pdf"]


def read_pdf(data: bytes, limits: Limits) -> Loaded:
    raise FormatError("reading PDF is not supported yet")
