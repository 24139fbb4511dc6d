"""Record rows to typed records: each kind's own row, notes, countries and links joined."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mia_desktop.db.opening import DatabaseError
from mia_desktop.db.schema import KIND_TABLES
from mia_desktop.records import (
    Batch,
    Country,
    Effort,
    Event,
    Figure,
    Passage,
    Record,
    RecordDate,
    RecordId,
)


def placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def typed_records(conn: sqlite3.Connection, rows: list[sqlite3.Row], path: Path) -> list[Record]:
    """Turn record rows into typed records, with their notes, countries and links."""
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    marks = _pairs(
        conn,
        "SELECT record_id, markers.ordinal, markers.number FROM record_markers"
        " JOIN markers ON markers.ordinal = record_markers.marker"
        " WHERE record_id IN ({}) ORDER BY markers.ordinal",
        ids,
    )
    countries = _pairs(
        conn,
        "SELECT record_id, country_id FROM record_countries WHERE record_id IN ({}) ORDER BY rowid",
        ids,
    )
    links = _pairs(
        conn,
        "SELECT record_id, related_id FROM record_links WHERE record_id IN ({})"
        " ORDER BY related_id",
        ids,
    )
    details = _details(conn, rows)
    records = []
    for row in rows:
        try:
            records.append(
                _make_record(
                    row,
                    details[row["id"]],
                    marks.get(row["id"], []),
                    [c[0] for c in countries.get(row["id"], [])],
                    [link[0] for link in links.get(row["id"], [])],
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            # What the check at open did not see (a large file's runs later).
            raise DatabaseError(
                f"{path}: not a usable mia-desktop database (record {row['id']}:"
                f" {type(error).__name__}: {error})"
            ) from None
    return records


def _pairs(
    conn: sqlite3.Connection, sql: str, ids: Sequence[str]
) -> dict[str, list[tuple[Any, ...]]]:
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in conn.execute(sql.format(placeholders(ids)), list(ids)):
        grouped.setdefault(row[0], []).append(tuple(row)[1:])
    return grouped


def _details(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> dict[str, dict[str, Any]]:
    details: dict[str, dict[str, Any]] = {row["id"]: {} for row in rows}
    for kind, table in KIND_TABLES.items():
        ids = [row["id"] for row in rows if row["kind"] == kind]
        if not ids:
            continue
        for detail in conn.execute(f"SELECT * FROM {table} WHERE id IN ({placeholders(ids)})", ids):
            details[detail["id"]] = dict(detail)
    return details


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
        "paragraph": row["paragraph"] or 0,  # a later record stands in no paragraph
        "quote_start": row["quote_start"] or 0,
        "notes": tuple(number for _, number in marks),
        "markers": tuple(ordinal for ordinal, _ in marks),
        "date": date,
        "countries": tuple(RecordId(c) for c in countries),
        "related": tuple(RecordId(r) for r in related),
        "source": RecordId(row["source"]),
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
        periods = tuple(json.loads(detail.pop("periods") or "[]"))
        return Effort(**common, **detail, periods=periods)
    if kind == "figure":
        return Figure(**common, **detail)
    if kind == "passage":
        return Passage(**common)
    raise DatabaseError(f"record {row['id']} has unknown kind {kind!r}")
