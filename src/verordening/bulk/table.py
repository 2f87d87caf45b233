"""A scan's table as a file: Parquet, CSV or JSON Lines, chosen by the suffix, with the same
columns (:data:`~verordening.bulk.rows.COLUMNS`) and types whichever is chosen."""

from __future__ import annotations

from pathlib import Path

import pandas

from ..errors import LocalisedError
from .rows import COLUMNS

__all__ = ["SUFFIXES", "TableError", "read_table", "write_table"]

SUFFIXES = (".parquet", ".csv", ".jsonl")


class TableError(LocalisedError, ValueError):
    """A table that cannot be written or read: a one-line message naming the file, in the
    language of the run."""


def _suffix(path: Path) -> str:
    if path.suffix not in SUFFIXES:
        raise TableError(key="scan.table_suffix", path=path, suffixes=", ".join(SUFFIXES))
    return path.suffix


def typed(frame: pandas.DataFrame) -> pandas.DataFrame:
    """The columns in their order and types: text as strings ("" for none), ``year`` as a
    nullable integer."""
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise TableError(key="scan.table_columns", columns=", ".join(missing))
    frame = frame.loc[:, list(COLUMNS)].copy()
    for column in COLUMNS:
        if column == "year":
            frame[column] = pandas.to_numeric(frame[column], errors="coerce").astype("Int64")
        else:
            frame[column] = frame[column].fillna("").astype(str)
    return frame.reset_index(drop=True)


def write_table(frame: pandas.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` to ``path`` (through a temporary file beside it, so that a reader never
    sees half a table and a table written before is replaced only by a whole one)."""
    path = Path(path)
    suffix = _suffix(path)
    frame = typed(frame)
    partial = path.with_name(f".{path.name}.partial")
    if suffix == ".parquet":
        frame.to_parquet(partial, index=False)
    elif suffix == ".csv":
        frame.to_csv(partial, index=False)
    else:
        frame.to_json(partial, orient="records", lines=True, force_ascii=False)
    partial.replace(path)
    return path


def read_table(path: str | Path) -> pandas.DataFrame:
    """A scan table written by :func:`write_table` (or by ``verordening scan``)."""
    path = Path(path)
    suffix = _suffix(path)
    try:
        if suffix == ".parquet":
            frame = pandas.read_parquet(path)
        elif suffix == ".csv":
            frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
        else:
            frame = pandas.read_json(path, orient="records", lines=True, dtype=False)
    except FileNotFoundError:
        raise TableError(key="scan.table_missing", path=path) from None
    except (OSError, ValueError) as error:
        raise TableError(
            key="scan.table_unreadable", path=path, kind=suffix[1:], error=type(error).__name__
        ) from None
    return typed(frame)
