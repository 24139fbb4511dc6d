"""Opening a database file: read-only, and checked once against the schema the app reads
(structure always; contents and the SQLite integrity check at open, or in the background
for a large file). A file that fails is refused in one line (DatabaseError)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from mia_desktop.db.contents_checks import contents_problem, structure_problem
from mia_desktop.db.schema import (
    RECORD_COLUMNS,
    REQUIRED_TABLES,
    SCHEMA_VERSION,
)

# What reading a checked file may still raise: SQLite's own errors (a table that passed the
# checks yet does not fit a query, a lock taken by another program). Callers outside db/
# catch these names, and never need sqlite3 themselves.
StorageError = sqlite3.Error
UnreadableStorage = sqlite3.DatabaseError


def is_locked(error: BaseException) -> bool:
    """Whether another program holds the file locked (a passing state, not damage)."""
    reason = str(error)
    return isinstance(error, sqlite3.OperationalError) and ("locked" in reason or "busy" in reason)


class DatabaseError(Exception):
    """The file cannot serve as a mia-desktop database; the message says why, in plain words."""


# A larger file may have its integrity check run in the background (see Database). The
# check costs about 3 ms per MB here: the bundled file (under 1 MB) is always checked at
# open; a 150 MB edition would add about half a second to start-up.
INTEGRITY_CHECK_AT_OPEN = 32 * 1024 * 1024


class IntegrityCheck:
    """PRAGMA quick_check on a connection of its own: it may run on another thread.

    `run` returns the problem in plain words, or None when the file is sound or the check
    was stopped; `stop` (from any thread) makes a running check return early.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._stopped = False

    def run(self) -> str | None:
        try:
            conn = _connect_read_only(self.path)  # made on the thread that runs it
        except DatabaseError as error:
            return str(error)
        self._conn = conn
        try:
            if self._stopped:
                return None
            _check_integrity(conn, self.path)
            if not self._stopped:
                _check_contents(conn, self.path)
        except DatabaseError as error:
            return None if self._stopped else str(error)
        finally:
            self._conn = None
            conn.close()
        return None

    def stop(self) -> None:
        self._stopped = True
        conn = self._conn
        if conn is not None:
            # The running quick_check ends with "interrupted"; a connection closed
            # meanwhile has nothing left to stop.
            with contextlib.suppress(sqlite3.ProgrammingError):
                conn.interrupt()


_SQLITE_HEADER = b"SQLite format 3\x00"


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open the file read-only, or say in plain words why it cannot be a database."""
    if not path.exists():
        raise DatabaseError(f"{path}: no such file")
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database file")
    if not path.is_file():  # a pipe or a device would make SQLite wait or read forever
        raise DatabaseError(f"{path}: is not a regular file, not a database file")
    try:
        with path.open("rb") as file:
            header = file.read(100)
        size = path.stat().st_size
    except OSError as error:
        raise DatabaseError(f"{path}: cannot be read ({error.strerror or error})") from None
    if size == 0:
        raise DatabaseError(f"{path}: is empty (0 bytes), not a mia-desktop database")
    if not header.startswith(_SQLITE_HEADER):
        what = "a text file" if _looks_like_text(header) else "not an SQLite file"
        raise DatabaseError(f"{path}: not a readable SQLite database ({what})")
    expected = _expected_size(header)
    if expected is not None and size < expected:
        raise DatabaseError(
            f"{path}: is truncated ({size:,} of {expected:,} bytes), not a complete database;"
            " copy it again"
        )
    # A file in WAL mode (header bytes 18-19 are 2) would have SQLite create -wal and -shm
    # files beside it even to read it, and fail on a read-only disk: opened immutable, it
    # is read as it is, with nothing created. Changes still in a -wal file would be missed
    # that way, so such a file is refused.
    options = "mode=ro"
    if header[18:20] == b"\x02\x02":
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise DatabaseError(
                f"{path}: has changes not yet written into it (in {wal.name}); copy the"
                " database again once the program writing it has closed it"
            )
        options = "mode=ro&immutable=1"
    try:
        # mode=ro: the bundled data is never written, whatever the code does.
        # A short busy timeout: a file another program is writing is reported at once,
        # instead of freezing the window for Python's default 5 s on every query.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=0.25)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA temp_store = MEMORY")  # search scratch tables never touch disk
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    return conn


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file of another kind or of another schema version."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: made by a newer mia-desktop (schema {version}, this one reads"
            f" {SCHEMA_VERSION}); update the app"
        )
    if not tables:
        raise DatabaseError(f"{path}: an empty SQLite database, not a mia-desktop database")
    missing = REQUIRED_TABLES - tables
    if missing == REQUIRED_TABLES:
        shown = sorted(tables)
        listed = ", ".join(shown[:4]) + (f" and {len(shown) - 4} more" if len(shown) > 4 else "")
        raise DatabaseError(
            f"{path}: an SQLite database of another kind (tables: {listed}),"
            " not a mia-desktop database"
        )
    if missing:
        raise DatabaseError(
            f"{path}: not a mia-desktop database (missing tables: {', '.join(sorted(missing))})"
        )
    if version != SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: made by an older mia-desktop (schema {version}, this one reads"
            f" {SCHEMA_VERSION}); rebuild it with `mia-desktop build-db`"
        )
    columns = {row[1] for row in conn.execute("PRAGMA table_info(records)")}
    if RECORD_COLUMNS - columns:
        lacking = ", ".join(sorted(RECORD_COLUMNS - columns))
        raise DatabaseError(
            f"{path}: not a mia-desktop database (its records table lacks: {lacking})"
        )


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file. PRAGMA quick_check reads every page (see IntegrityCheck)."""
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    if problems != ["ok"]:
        found = [
            line
            for problem in problems
            for line in problem.splitlines()
            if line.strip() and not line.startswith("*** in database")
        ] or ["unknown problem"]
        more = f", and {len(found) - 1} more" if len(found) > 1 else ""
        raise DatabaseError(
            f"{path}: is damaged (integrity check: {found[0][:120]}{more});"
            " copy it again or rebuild it"
        )


def _check_contents(conn: sqlite3.Connection, path: Path, *, every_row: bool = True) -> None:
    """Refuse a file whose values the app could not read: its columns and metadata, and
    (every_row) the types, kind rows, JSON lists, dates, references and stored citations
    of every row. The first part is quick; the second reads the whole file, so for a large
    file it runs with the integrity check, in the background."""
    try:
        problem = structure_problem(conn) or (contents_problem(conn) if every_row else None)
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    if problem is not None:
        raise DatabaseError(f"{path}: not a usable mia-desktop database ({problem})")


def _looks_like_text(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(data) - 3:  # not merely a character cut off at the end
            return False
        text = data[: error.start].decode("utf-8")
    return bool(text) and all(ch.isprintable() or ch in "\t\r\n" for ch in text)


def _expected_size(header: bytes) -> int | None:
    """The file size the SQLite header promises, when the header is trustworthy about it."""
    if len(header) < 100:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only when "version-valid-for" equals the change counter.
    if header[92:96] != header[24:28] or pages == 0 or page_size < 512:
        return None
    return page_size * pages


def _unreadable(path: Path, error: sqlite3.Error) -> DatabaseError:
    """A DatabaseError for an SQLite error, in the words a user can act on."""
    reason = str(error)
    if "malformed" in reason or "corrupt" in reason:
        return DatabaseError(f"{path}: is damaged ({reason}); copy it again or rebuild it")
    if "locked" in reason or "busy" in reason:
        return DatabaseError(f"{path}: is locked by another program ({reason}); try again")
    return DatabaseError(f"{path}: not a readable SQLite database ({reason})")


def open_checked(path: Path, *, every_row: bool = True) -> sqlite3.Connection:
    """Open the file read-only and check it; with every_row=False (a large file opened for
    a window) the integrity check and the per-row checks are left to an IntegrityCheck."""
    conn = _connect_read_only(path)
    try:
        _check_schema(conn, path)
        if every_row:
            _check_integrity(conn, path)
        _check_contents(conn, path, every_row=every_row)
    except DatabaseError:
        conn.close()
        raise
    return conn
