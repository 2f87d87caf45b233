"""The scan's store: every checked document's rows in SQLite beside the output, as they arrive.

A scan runs for hours; whatever stops it (Ctrl-C, ``kill -9``, a full disk, a power cut of the
process) must not lose what was checked. Each document's rows go into the store in one
transaction together with the document's record (path, hash, the versions and options it was
checked with), so the store never holds half a document: after a crash a document is either
wholly there or not at all. SQLite in WAL mode with ``synchronous=NORMAL`` keeps every
committed transaction when the process is killed (only a power cut of the machine may take the
last ones back); the final table is written from the store. ``--resume`` reads the records to
skip what is stored already with the same hash, rules, tool version and options.

One scan at a time may use a store: it holds a POSIX lock on one byte far beyond SQLite's own
lock bytes for as long as the store is open. Such a lock belongs to the process - worker
processes forked from it do not inherit it - and goes with it, so a killed scan leaves none.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import LocalisedError
from .rows import COLUMNS, Row

__all__ = ["SCHEMA_VERSION", "Record", "Store", "StoreError", "store_path"]

SCHEMA_VERSION = "1"
Record = tuple[str, str, str, str]  # sha256, tool_version, rules_version, options

_ROW_COLUMNS = ", ".join(f'"{c}" {"INTEGER" if c == "year" else "TEXT NOT NULL"}' for c in COLUMNS)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, tool_version TEXT NOT NULL,
    rules_version TEXT NOT NULL, options TEXT NOT NULL, rows INTEGER NOT NULL, error INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rows (seq INTEGER NOT NULL, {_ROW_COLUMNS}, PRIMARY KEY (file, seq));
"""
_QUOTED = ", ".join(f'"{c}"' for c in COLUMNS)  # (a column is called "values", an SQL word)
_INSERT = f"INSERT INTO rows (seq, {_QUOTED}) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})"


_LOCK_BYTE = 1 << 40  # SQLite locks bytes from 1 GiB on: this one is never its


class StoreError(LocalisedError):
    """A store that cannot be used: one line naming it, in the language of the run."""


def store_path(out: str | Path) -> Path:
    """Where the store of the table ``out`` lives: beside it, ``results.parquet.scan.sqlite``."""
    out = Path(out)
    return out.with_name(out.name + ".scan.sqlite")


class Store:
    """An open store; :meth:`put` one document at a time, :meth:`rows` for the table."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._lock = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(key="scan.store_open", path=self.path, reason=error.strerror) from None
        try:
            fcntl.lockf(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _LOCK_BYTE)
        except OSError:
            os.close(self._lock)
            raise StoreError(key="scan.store_busy", path=self.path) from None
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as error:
            self.close()
            raise StoreError(key="scan.store_unusable", path=self.path, error=error) from None

    def _check_version(self) -> None:
        found = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if found is None:
            self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif found[0] != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"schema {found[0]}, this version reads {SCHEMA_VERSION}")

    def close(self) -> None:
        """Close the database, then give up the lock (in this order: closing the lock's file
        descriptor first would drop SQLite's own locks on the file)."""
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()
            self._db = None  # type: ignore[assignment]
        if self._lock >= 0:
            os.close(self._lock)
            self._lock = -1

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def records(self) -> dict[str, Record]:
        """Every stored document: path -> (sha256, tool_version, rules_version, options)."""
        query = "SELECT file, sha256, tool_version, rules_version, options FROM documents"
        return {file: (s, t, r, o) for file, s, t, r, o in self._db.execute(query)}

    def put(self, file: str, sha256: str, options: str, rows: list[Row]) -> None:
        """Store one document's rows, replacing what was stored for it: all or nothing."""
        tool = rows[0].tool_version if rows else ""
        rules = rows[0].rules_version if rows else ""
        error = int(any(r.verdict == "error" for r in rows))
        values = [(seq, *(getattr(row, c) for c in COLUMNS)) for seq, row in enumerate(rows)]
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("DELETE FROM rows WHERE file = ?", (file,))
                db.executemany(_INSERT, values)
                db.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (file, sha256, tool, rules, options, len(rows), error),
                )
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except sqlite3.Error as failure:  # a full disk, a store taken away: the scan stops here
            raise StoreError(key="scan.store_write", path=self.path, error=failure) from None

    def rows(self, files: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        """The stored rows of ``files`` as tuples in the order of ``COLUMNS``, sorted by file,
        then in the order the check gave them (the report's element order)."""
        db = self._db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (file TEXT PRIMARY KEY)")
        db.execute("DELETE FROM wanted")
        db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((f,) for f in files))
        names = ", ".join(f'r."{c}"' for c in COLUMNS)
        query = f"SELECT {names} FROM rows r JOIN wanted w ON r.file = w.file ORDER BY r.file, r.seq"
        yield from db.execute(query)

    def count(self) -> int:
        """How many documents are stored."""
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])
