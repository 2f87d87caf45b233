"""(being written: the html reader)"""

from __future__ import annotations

from .base import FormatError, Limits, Loaded

__all__ = ["read_html"]


def read_html(data: bytes, limits: Limits) -> Loaded:
    raise FormatError("reading HTML is not supported yet")
