"""The only module with SQL: opens data.db read-only and maps its rows to records."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mia_desktop.records import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    KIND_PLURALS,
    Batch,
    Country,
    Effort,
    Event,
    Figure,
    LikelySource,
    Paragraph,
    Record,
    RecordDate,
    RecordId,
    SearchHit,
    SourceInfo,
)
from mia_desktop.search import in_titles

SCHEMA_VERSION = 1
FTS_TABLE = "records_fts"
REQUIRED_TABLES = frozenset(
    {
        "metadata",
        "paragraphs",
        "markers",
        "likely_sources",
        "records",
        "record_markers",
        "record_countries",
        "record_links",
        "events",
        "batches",
        "countries",
        "efforts",
        "figures",
        FTS_TABLE,
    }
)
# Column weights for bm25(): title, text, quote, keywords. Titles count most, so a record
# named after the query outranks one that merely mentions it; keywords least.
_BM25_WEIGHTS = "10.0, 3.0, 1.0, 0.5"


class DatabaseError(Exception):
    """The file cannot serve as a mia-desktop database; the message says why, in plain words."""


class Database:
    """Read-only access to a built data.db."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn = _connect_read_only(self.path)
        self._check_schema()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- opening ----------------------------------------------------------------------

    def _check_schema(self) -> None:
        try:
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.DatabaseError as error:
            raise DatabaseError(f"{self.path}: not a readable SQLite database ({error})") from None
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"{self.path}: made by a newer mia-desktop (schema {version}, this one reads"
                f" {SCHEMA_VERSION}); update the app"
            )
        missing = REQUIRED_TABLES - tables
        if version != SCHEMA_VERSION or missing:
            raise DatabaseError(
                f"{self.path}: not a mia-desktop database"
                + (f" (missing tables: {', '.join(sorted(missing))})" if missing else "")
            )

    # -- the source ---------------------------------------------------------------------

    def source(self) -> SourceInfo:
        meta = dict(self._conn.execute("SELECT key, value FROM metadata").fetchall())
        return SourceInfo(
            title=meta["title"],
            kind=meta["kind"],
            publisher=meta["publisher"],
            publisher_short=meta["publisher_short"],
            publisher_place=meta["publisher_place"],
            author=meta["author"],
            date=meta["date"],
            date_label=meta["dateline"].removeprefix("Last Updated "),
            url=meta["url"],
            url_note=meta["url_note"],
            inputs_sha256=meta["inputs_sha256"],
            schema_version=int(meta["schema_version"]),
        )

    def country_names(self) -> dict[str, str]:
        """Country id -> its name, for labelling countries in tables and details."""
        rows = self._conn.execute("SELECT id, title FROM records WHERE kind = 'country'")
        return {row[0]: row[1] for row in rows}

    def paragraphs(self) -> list[Paragraph]:
        rows = self._conn.execute(
            "SELECT number, section, subsection, text, raw FROM paragraphs ORDER BY number"
        )
        return [Paragraph(**row) for row in map(dict, rows)]

    def paragraph(self, number: int) -> Paragraph | None:
        row = self._conn.execute(
            "SELECT number, section, subsection, text, raw FROM paragraphs WHERE number = ?",
            (number,),
        ).fetchone()
        return Paragraph(**dict(row)) if row else None

    def markers(self) -> list[tuple[int, int, int]]:
        """Every endnote marker as (paragraph, offset in the clean text, printed number)."""
        rows = self._conn.execute(
            'SELECT paragraph, "offset", number FROM markers ORDER BY ordinal'
        )
        return [(row[0], row[1], row[2]) for row in rows]

    def likely_sources(self, markers: Iterable[int]) -> list[LikelySource]:
        ordinals = list(markers)
        rows = self._conn.execute(
            f"SELECT * FROM likely_sources WHERE marker IN ({_placeholders(ordinals)})"
            " ORDER BY marker",
            ordinals,
        )
        return [LikelySource(**dict(row)) for row in rows]

    # -- records ------------------------------------------------------------------------

    def records(self, kind: str | None = None) -> list[Record]:
        """All records (of one kind), in the build's order: chronological within a kind."""
        where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
        rows = self._conn.execute(f"SELECT * FROM records {where} ORDER BY rowid", params)
        return self._complete(rows.fetchall())

    def record(self, record_id: str) -> Record | None:
        rows = self._conn.execute("SELECT * FROM records WHERE id = ?", (record_id,)).fetchall()
        found = self._complete(rows)
        return found[0] if found else None

    def records_by_id(self, ids: Sequence[str]) -> list[Record]:
        """Records in the order of `ids`; unknown ids are skipped."""
        rows = self._conn.execute(
            f"SELECT * FROM records WHERE id IN ({_placeholders(ids)})", list(ids)
        ).fetchall()
        by_id: dict[str, Record] = {r.id: r for r in self._complete(rows)}
        return [by_id[i] for i in ids if i in by_id]

    def search(self, fts_query: str, *, limit: int = 50) -> list[SearchHit]:
        """Run an FTS5 query (build it with search.to_fts_query); best matches first.

        Records whose title holds every word come first, then BM25 with titles weighted
        most, then date and id so equal scores always come out in the same order.
        """
        rows = self._conn.execute(
            f"""
            WITH title_hits AS (
                SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :title_query
            )
            SELECT records.id AS id,
                   snippet({FTS_TABLE}, 2, :start, :end, '…', 16) AS quote_snippet,
                   snippet({FTS_TABLE}, 1, :start, :end, '…', 16) AS text_snippet,
                   bm25({FTS_TABLE}, {_BM25_WEIGHTS}) AS score
            FROM {FTS_TABLE} JOIN records ON records.rowid = {FTS_TABLE}.rowid
            WHERE {FTS_TABLE} MATCH :query
            ORDER BY {FTS_TABLE}.rowid IN title_hits DESC, score, records.date_sort, records.id
            LIMIT :limit
            """,
            {
                "query": fts_query,
                "title_query": in_titles(fts_query),
                "start": HIGHLIGHT_START,
                "end": HIGHLIGHT_END,
                "limit": limit,
            },
        ).fetchall()
        by_id = {r.id: r for r in self.records_by_id([row["id"] for row in rows])}
        return [
            SearchHit(record=by_id[row["id"]], snippet=_best_snippet(row), score=row["score"])
            for row in rows
        ]

    def _complete(self, rows: list[sqlite3.Row]) -> list[Record]:
        """Turn record rows into typed records, with their notes, countries and links."""
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        marks = self._pairs(
            "SELECT record_id, markers.ordinal, markers.number FROM record_markers"
            " JOIN markers ON markers.ordinal = record_markers.marker"
            " WHERE record_id IN ({}) ORDER BY markers.ordinal",
            ids,
        )
        countries = self._pairs(
            "SELECT record_id, country_id FROM record_countries WHERE record_id IN ({})"
            " ORDER BY rowid",
            ids,
        )
        links = self._pairs(
            "SELECT record_id, related_id FROM record_links WHERE record_id IN ({})"
            " ORDER BY related_id",
            ids,
        )
        details = self._details(rows)
        return [
            _make_record(
                row,
                details[row["id"]],
                marks.get(row["id"], []),
                [c[0] for c in countries.get(row["id"], [])],
                [link[0] for link in links.get(row["id"], [])],
            )
            for row in rows
        ]

    def _pairs(self, sql: str, ids: Sequence[str]) -> dict[str, list[tuple[Any, ...]]]:
        grouped: dict[str, list[tuple[Any, ...]]] = {}
        for row in self._conn.execute(sql.format(_placeholders(ids)), list(ids)):
            grouped.setdefault(row[0], []).append(tuple(row)[1:])
        return grouped

    def _details(self, rows: list[sqlite3.Row]) -> dict[str, dict[str, Any]]:
        details: dict[str, dict[str, Any]] = {row["id"]: {} for row in rows}
        for kind, table in _KIND_TABLES.items():
            ids = [row["id"] for row in rows if row["kind"] == kind]
            if not ids:
                continue
            for detail in self._conn.execute(
                f"SELECT * FROM {table} WHERE id IN ({_placeholders(ids)})", ids
            ):
                details[detail["id"]] = dict(detail)
        return details


# Each kind's own columns live in a table named by its plural.
_KIND_TABLES = KIND_PLURALS


def _best_snippet(row: sqlite3.Row) -> str:
    # The quote's snippet when the match is in the quote, else the plain-language text's.
    quote, text = str(row["quote_snippet"]), str(row["text_snippet"])
    return quote if HIGHLIGHT_START in quote or HIGHLIGHT_START not in text else text


def _placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise DatabaseError(f"{path}: no such file")
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database file")
    try:
        # mode=ro: the bundled data is never written, whatever the code does.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path}: not a readable SQLite database ({error})") from None
    return conn


def _make_record(
    row: sqlite3.Row,
    detail: dict[str, Any],
    marks: list[tuple[Any, ...]],
    countries: list[str],
    related: list[str],
) -> Record:
    date = None
    if row["date"] is not None:
        date = RecordDate(
            value=row["date"],
            precision=row["date_precision"],
            label=row["date_label"],
            derived_because=row["date_derived_because"],
        )
    common: dict[str, Any] = {
        "kind": row["kind"],
        "id": RecordId(row["id"]),
        "title": row["title"],
        "text": row["text"],
        "quote": row["quote"],
        "section": row["section"],
        "subsection": row["subsection"],
        "paragraph": row["paragraph"],
        "quote_start": row["quote_start"],
        "notes": tuple(number for _, number in marks),
        "markers": tuple(ordinal for ordinal, _ in marks),
        "date": date,
        "countries": tuple(RecordId(c) for c in countries),
        "related": tuple(RecordId(r) for r in related),
    }
    detail = {k: v for k, v in detail.items() if k != "id"}
    kind = row["kind"]
    if kind == "event":
        return Event(**common, **detail)
    if kind == "batch":
        return Batch(**{**common, **detail, "origin": RecordId(detail["origin"])})
    if kind == "country":
        return Country(**common, names=tuple(json.loads(detail["names"])))
    if kind == "effort":
        return Effort(**common, **detail)
    if kind == "figure":
        return Figure(**common, **detail)
    raise DatabaseError(f"record {row['id']} has unknown kind {kind!r}")
