"""The mock's SQLite store: one row per SIP credential, scoped by project.

Every method runs on the server's event-loop thread, so calls are serialised: no lost
updates, and the UNIQUE constraints pick exactly one winner when creates race. A write returns
only after its transaction committed; with a file (WAL) that means it survives the process
being killed right after the response.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sip_credentials (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT NOT NULL,
    id TEXT NOT NULL,
    username TEXT NOT NULL,
    document TEXT NOT NULL,
    UNIQUE (project_id, id),
    UNIQUE (project_id, username)
);
-- Pages walk one project in seq order; without this index SQLite would sort the project's
-- rows for every page.
CREATE INDEX IF NOT EXISTS sip_credentials_pages ON sip_credentials (project_id, seq);
"""


class StoreUnavailable(sqlite3.OperationalError):
    """The store's file cannot serve the mock: it cannot be opened or written, or another
    process holds it. The message names the file and why."""


class Conflict(Exception):
    """A create or update collided with an existing credential on FIELD (`id` or `username`)."""

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
    return Conflict("username" if "username" in str(error) else "id")


class Store:
    """SQLite-backed credentials; in memory unless PATH names a file."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path) if path else ":memory:"
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
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute("CREATE TABLE IF NOT EXISTS mock_meta (key TEXT PRIMARY KEY, value TEXT)")
        self._db.execute("INSERT OR REPLACE INTO mock_meta VALUES ('opened', datetime('now'))")
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def insert(self, project: str, id: str, username: str, document: str) -> None:
        try:
            self._db.execute(
                "INSERT INTO sip_credentials (project_id, id, username, document) VALUES (?, ?, ?, ?)",
                (project, id, username, document),
            )
        except sqlite3.IntegrityError as error:
            raise _conflict(error) from None

    def get(self, project: str, id: str) -> str | None:
        row = self._db.execute(
            "SELECT document FROM sip_credentials WHERE project_id = ? AND id = ?", (project, id)
        ).fetchone()
        return None if row is None else str(row[0])

    def replace(self, project: str, id: str, username: str, document: str) -> bool:
        """Store DOCUMENT for an existing credential; False when it does not exist."""
        try:
            cursor = self._db.execute(
                "UPDATE sip_credentials SET username = ?, document = ? WHERE project_id = ? AND id = ?",
                (username, document, project, id),
            )
        except sqlite3.IntegrityError as error:
            raise _conflict(error) from None
        return cursor.rowcount == 1

    def delete(self, project: str, id: str) -> bool:
        cursor = self._db.execute(
            "DELETE FROM sip_credentials WHERE project_id = ? AND id = ?", (project, id)
        )
        return cursor.rowcount == 1

    def page(
        self, project: str, size: int, after: int | None = None, before: int | None = None
    ) -> Page:
        """Keyset page: SIZE credentials after the seq AFTER, or before the seq BEFORE."""
        if before is not None:
            rows = self._db.execute(
                "SELECT seq, document FROM sip_credentials WHERE project_id = ? AND seq < ?"
                " ORDER BY seq DESC LIMIT ?",
                (project, before, size + 1),
            ).fetchall()
            has_prev = len(rows) > size
            rows = rows[:size][::-1]
            has_next = self._exists(project, ">=", before)
        else:
            start = after if after is not None else 0
            rows = self._db.execute(
                "SELECT seq, document FROM sip_credentials WHERE project_id = ? AND seq > ?"
                " ORDER BY seq LIMIT ?",
                (project, start, size + 1),
            ).fetchall()
            has_next = len(rows) > size
            rows = rows[:size]
            has_prev = after is not None and self._exists(project, "<=", after)
        return Page(
            [str(document) for _, document in rows],
            rows[0][0] if rows else None,
            rows[-1][0] if rows else None,
            has_prev,
            has_next,
        )

    def _exists(self, project: str, op: str, seq: int) -> bool:
        query = f"SELECT 1 FROM sip_credentials WHERE project_id = ? AND seq {op} ? LIMIT 1"
        return self._db.execute(query, (project, seq)).fetchone() is not None

    def count(self, project: str | None = None) -> int:
        if project is None:
            row = self._db.execute("SELECT COUNT(*) FROM sip_credentials").fetchone()
        else:
            row = self._db.execute(
                "SELECT COUNT(*) FROM sip_credentials WHERE project_id = ?", (project,)
            ).fetchone()
        return int(row[0])

    def reset(self) -> None:
        self._db.execute("DELETE FROM sip_credentials")

    def bulk_insert(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Seed many (project, id, username, document) rows in one transaction (for benchmarks)."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT INTO sip_credentials (project_id, id, username, document) VALUES (?, ?, ?, ?)",
                rows,
            )
