"""Bulk scanning: many bylaws checked into one table (see :func:`check_path`)."""

from __future__ import annotations

from .rows import COLUMNS, Row, error_row, rows_of
from .work import ScanOptions, check_path, rules_version

__all__ = ["COLUMNS", "Row", "ScanOptions", "check_path", "error_row", "rows_of", "rules_version"]
