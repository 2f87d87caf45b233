"""(being written: the cvdr reader)"""

from __future__ import annotations

from .base import FormatError, Limits, Loaded

__all__ = ["read_cvdr"]


def read_cvdr(data: bytes, limits: Limits) -> Loaded:
    raise FormatError("reading CVDR XML is not supported yet")
