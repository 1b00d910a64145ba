"""The mock's SQLite store: collections of JSON documents (SIP credentials, subscribers,
resources, subscribers' credentials, addresses), each row scoped by project and, where the
API nests one resource under another, by its PARENT (a subscriber's credential under the
subscriber). A row's KEY is the second unique field of its collection (a username).

Every method runs on the server's event-loop thread, so calls are serialised: no lost
updates, and the UNIQUE constraints pick exactly one winner when creates race. A write returns
only after its transaction committed; with a file (WAL) that means it survives the process
being killed right after the response.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CREDENTIALS = "sip_credentials"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    collection INTEGER NOT NULL,
    project_id TEXT NOT NULL,
    parent TEXT NOT NULL DEFAULT '',
    id TEXT NOT NULL,
    key TEXT NOT NULL,
    document TEXT NOT NULL,
    secret TEXT,
    UNIQUE (collection, project_id, parent, id),
    UNIQUE (collection, project_id, parent, key)
);
-- Pages walk one collection of one project (and parent) in seq order; without this index
-- SQLite would sort the rows for every page.
CREATE INDEX IF NOT EXISTS documents_pages ON documents (collection, project_id, parent, seq);
-- Each collection's name, kept once: the rows and their three indexes hold its small code (a
-- create measured 0.4 us faster than with the name in every key).
CREATE TABLE IF NOT EXISTS collections (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
"""
# A file written by a 1.3 mock holds one table of credentials: moved into the collections once.
_MIGRATE = """
INSERT OR IGNORE INTO collections (name) VALUES ('sip_credentials');
INSERT INTO documents (collection, project_id, parent, id, key, document)
    SELECT (SELECT code FROM collections WHERE name = 'sip_credentials'), project_id, '', id,
        username, document FROM sip_credentials ORDER BY seq;
DROP TABLE sip_credentials;
"""


class StoreUnavailable(sqlite3.OperationalError):
    """The store's file cannot serve the mock: it cannot be opened or written, or another
    process holds it. The message names the file and why."""


class Conflict(Exception):
    """A create or update collided with an existing document on FIELD (`id`, or `username`:
    the collection's key)."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


@dataclass(frozen=True, slots=True)
class Page:
    """Stored documents of one page, with the cursors that bound it."""

    documents: list[str]
    first_seq: int | None
    last_seq: int | None
    has_prev: bool
    has_next: bool


def _conflict(error: sqlite3.IntegrityError) -> Conflict:
    return Conflict("username" if str(error).endswith(".key") else "id")


class _Database:
    """The SQLite connection: in memory unless PATH names a file; opened, proven writable and
    migrated at start-up."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path) if path else ":memory:"
        self._codes: dict[str, int] = {}
        try:
            # Used only from the event-loop thread; created before that thread may start.
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreUnavailable(f"cannot open the store {self.path}: {error}") from None
        try:
            self._open()
        except sqlite3.Error as error:
            self._db.close()
            reason = str(error)
            if "locked" in reason:
                reason = "another process (a second mock?) is using it"
            raise StoreUnavailable(f"cannot use the store {self.path}: {reason}") from None

    def _open(self) -> None:
        """Settings, schema, and a write that proves the file can be written, at start-up (a
        store that cannot write would otherwise answer every create with a 500)."""
        if self.path != ":memory:":
            # One process per file: the first write takes an exclusive lock that is held until
            # the mock stops, so a second mock on the same file fails here, at start-up, rather
            # than stalling both event loops with "database is locked" mid-request.
            self._db.execute("PRAGMA locking_mode=EXCLUSIVE")
            self._db.execute("PRAGMA busy_timeout=0")
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL under WAL: a commit survives the process dying (SIGKILL); only a power
            # loss may take the last transactions back.
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        old = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sip_credentials'"
        if self._db.execute(old).fetchone():
            self._db.executescript(f"BEGIN; {_MIGRATE} COMMIT;")
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute("CREATE TABLE IF NOT EXISTS mock_meta (key TEXT PRIMARY KEY, value TEXT)")
        self._db.execute("INSERT OR REPLACE INTO mock_meta VALUES ('opened', datetime('now'))")
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def _code(self, collection: str) -> int:
        """The small number the rows of COLLECTION carry (made on its first use)."""
        code = self._codes.get(collection)
        if code is None:
            self._db.execute("INSERT OR IGNORE INTO collections (name) VALUES (?)", (collection,))
            found = self._db.execute("SELECT code FROM collections WHERE name = ?", (collection,))
            code = self._codes[collection] = int(found.fetchone()[0])
        return code


class _Pages(_Database):
    """Keyset pages of one collection."""

    def page(
        self,
        project: str,
        size: int,
        after: int | None = None,
        before: int | None = None,
        *,
        collection: str | tuple[str, ...] = CREDENTIALS,
        parent: str = "",
    ) -> Page:
        """Keyset page: SIZE documents after the seq AFTER, or before the seq BEFORE. Several
        COLLECTIONs page as one list (seq is global: their rows interleave in insertion order)."""
        names = (collection,) if isinstance(collection, str) else collection
        codes = tuple(self._code(name) for name in names)
        scope = (*codes, project, parent)
        where = f"collection IN ({', '.join('?' * len(codes))}) AND project_id = ? AND parent = ?"
        if before is not None:
            rows = self._db.execute(
                f"SELECT seq, document FROM documents WHERE {where} AND seq < ?"
                " ORDER BY seq DESC LIMIT ?",
                (*scope, before, size + 1),
            ).fetchall()
            has_prev = len(rows) > size
            rows = rows[:size][::-1]
            has_next = self._exists(where, scope, ">=", before)
        else:
            start = after if after is not None else 0
            rows = self._db.execute(
                f"SELECT seq, document FROM documents WHERE {where} AND seq > ?"
                " ORDER BY seq LIMIT ?",
                (*scope, start, size + 1),
            ).fetchall()
            has_next = len(rows) > size
            rows = rows[:size]
            has_prev = after is not None and self._exists(where, scope, "<=", after)
        return Page(
            [str(document) for _, document in rows],
            rows[0][0] if rows else None,
            rows[-1][0] if rows else None,
            has_prev,
            has_next,
        )

    def _exists(self, where: str, scope: tuple[Any, ...], op: str, seq: int) -> bool:
        query = f"SELECT 1 FROM documents WHERE {where} AND seq {op} ? LIMIT 1"
        return self._db.execute(query, (*scope, seq)).fetchone() is not None


class Store(_Pages):
    """The collections, in memory unless PATH names a file."""

    def insert(
        self,
        project: str,
        id: str,
        username: str,
        document: str,
        *,
        collection: str = CREDENTIALS,
        parent: str = "",
        secret: str | None = None,
    ) -> None:
        """Store DOCUMENT under ID and the key USERNAME; Conflict when either is taken."""
        try:
            self._db.execute(
                "INSERT INTO documents (collection, project_id, parent, id, key, document, secret)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (self._code(collection), project, parent, id, username, document, secret),
            )
        except sqlite3.IntegrityError as error:
            raise _conflict(error) from None

    def get(
        self, project: str, id: str, *, collection: str = CREDENTIALS, parent: str = ""
    ) -> str | None:
        return self._column("document", (self._code(collection), project, parent, id))

    def secret(
        self, project: str, id: str, *, collection: str = CREDENTIALS, parent: str = ""
    ) -> str | None:
        """What is kept beside a document and never answered (a password)."""
        return self._column("secret", (self._code(collection), project, parent, id))

    def _column(self, column: str, where: tuple[int, str, str, str]) -> str | None:
        row = self._db.execute(
            f"SELECT {column} FROM documents"
            " WHERE collection = ? AND project_id = ? AND parent = ? AND id = ?",
            where,
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def replace(
        self,
        project: str,
        id: str,
        username: str,
        document: str,
        *,
        collection: str = CREDENTIALS,
        parent: str = "",
        secret: str | None = None,
    ) -> bool:
        """Store DOCUMENT (and SECRET, unless None) for an existing row; False when there is none."""
        try:
            cursor = self._db.execute(
                "UPDATE documents SET key = ?, document = ?, secret = coalesce(?, secret)"
                " WHERE collection = ? AND project_id = ? AND parent = ? AND id = ?",
                (username, document, secret, self._code(collection), project, parent, id),
            )
        except sqlite3.IntegrityError as error:
            raise _conflict(error) from None
        return cursor.rowcount == 1

    def delete(
        self, project: str, id: str, *, collection: str = CREDENTIALS, parent: str = ""
    ) -> bool:
        cursor = self._db.execute(
            "DELETE FROM documents"
            " WHERE collection = ? AND project_id = ? AND parent = ? AND id = ?",
            (self._code(collection), project, parent, id),
        )
        return cursor.rowcount == 1

    def delete_under(self, project: str, collection: str, parent: str) -> int:
        """Delete every document of COLLECTION under PARENT (a cascade); how many."""
        cursor = self._db.execute(
            "DELETE FROM documents WHERE collection = ? AND project_id = ? AND parent = ?",
            (self._code(collection), project, parent),
        )
        return cursor.rowcount

    def rows_under(self, project: str, collection: str, parent: str) -> list[tuple[str, str, str]]:
        """(id, key, document) of every document of COLLECTION under PARENT, oldest first."""
        rows = self._db.execute(
            "SELECT id, key, document FROM documents"
            " WHERE collection = ? AND project_id = ? AND parent = ? ORDER BY seq",
            (self._code(collection), project, parent),
        ).fetchall()
        return [(str(i), str(k), str(d)) for i, k, d in rows]

    def ids_where_key(self, project: str, collection: str, key: str) -> list[tuple[str, str]]:
        """(parent, id) of every document of COLLECTION whose key is KEY."""
        rows = self._db.execute(
            "SELECT parent, id FROM documents WHERE collection = ? AND project_id = ? AND key = ?",
            (self._code(collection), project, key),
        ).fetchall()
        return [(str(parent), str(id)) for parent, id in rows]

    def count(self, project: str | None = None, *, collection: str = CREDENTIALS) -> int:
        if project is None:
            row = self._db.execute(
                "SELECT COUNT(*) FROM documents WHERE collection = ?", (self._code(collection),)
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT COUNT(*) FROM documents WHERE collection = ? AND project_id = ?",
                (self._code(collection), project),
            ).fetchone()
        return int(row[0])

    def reset(self) -> None:
        self._db.execute("DELETE FROM documents")

    def bulk_insert(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Seed many (project, id, username, document) credentials in one transaction."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT INTO documents (collection, project_id, id, key, document)"
                " VALUES (?, ?, ?, ?, ?)",
                [(self._code(CREDENTIALS), *row) for row in rows],
            )
