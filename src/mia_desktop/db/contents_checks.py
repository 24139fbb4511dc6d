"""What a database file must hold, row by row, for the app to read it: the checks that
db/opening.py runs at open (or, for a large file, in the background). Each returns the first
problem in plain words, or None."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from mia_desktop import dates
from mia_desktop.dates import PRECISIONS
from mia_desktop.db.schema import (
    BRIEF_SUBJECT,
    COLUMN_TYPES,
    JSON_LIST_COLUMNS,
    JSON_OBJECT_COLUMNS,
    KIND_TABLES,
    METADATA_KEYS,
    RENDERED_STYLES,
    SHORT_FORM_STYLES,
)
from mia_desktop.records import (
    BRIEF_SOURCE_ID,
    CONFIDENCES,
    KINDS,
    SOURCE_GRADES,
)


def _first(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> Any:
    row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def structure_problem(conn: sqlite3.Connection) -> str | None:
    """A column or a metadata entry the app reads that the file lacks; None if none."""
    for table, columns in COLUMN_TYPES.items():
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        missing = sorted(set(columns) - present)
        if missing:
            return f"its {table} table lacks {', '.join(missing)}"
    missing_keys = METADATA_KEYS - {row[0] for row in conn.execute("SELECT key FROM metadata")}
    if missing_keys:
        return f"its metadata lacks {', '.join(sorted(missing_keys))}"
    version = _first(conn, "SELECT value FROM metadata WHERE key = 'schema_version'")
    if not str(version).isdigit():
        return f"metadata schema_version {version!r} is not a whole number"
    for style in RENDERED_STYLES:
        for form in ("citation", "bibliography"):
            stored = _first(
                conn,
                "SELECT 1 FROM renderings WHERE subject = ? AND style = ? AND form = ?",
                (BRIEF_SUBJECT, style, form),
            )
            if stored is None:
                return f"no {style} {form} is stored for the brief"
    return None


def contents_problem(conn: sqlite3.Connection) -> str | None:
    """The first value in the file the app could not read, in plain words; None if none."""
    for table, columns in COLUMN_TYPES.items():
        wrong = {
            column: f'typeof("{column}") NOT IN ('
            + ("'null', " if kind.endswith("?") else "")
            + f"'{kind.rstrip('?')}')"
            for column, kind in columns.items()
        }
        # One pass over the table; only a table found wrong is read again per column.
        if _first(conn, f"SELECT 1 FROM {table} WHERE {' OR '.join(wrong.values())} LIMIT 1"):
            for column, condition in wrong.items():
                found = _first(
                    conn,
                    f"SELECT quote(rowid) || ' holds ' || typeof(\"{column}\") FROM {table}"
                    f" WHERE {condition} LIMIT 1",
                )
                if found is not None:
                    kind = columns[column]
                    wanted = kind.rstrip("?") + (" or nothing" if kind.endswith("?") else "")
                    return f"{table}.{column}: row {_one_line(found)}, not {wanted}"
    for table, column, allowed in _VOCABULARIES:
        stray = _first(
            conn,
            f'SELECT quote("{column}") FROM {table} WHERE "{column}" IS NOT NULL'
            f' AND "{column}" NOT IN ({_quoted(sorted(allowed))}) LIMIT 1',
        )
        if stray is not None:
            return f"{table}.{column} holds {_one_line(stray)}, which is none of its words"
    unknown = _first(
        conn,
        f"SELECT id || ' (' || kind || ')' FROM records WHERE kind NOT IN ({_quoted(KINDS)})",
    )
    if unknown is not None:
        return f"record {_one_line(unknown)} is of no kind the app knows"
    for kind, table in KIND_TABLES.items():
        orphan = _first(
            conn,
            f"SELECT r.id FROM records r LEFT JOIN {table} d ON d.id = r.id"
            " WHERE r.kind = ? AND d.id IS NULL LIMIT 1",
            (kind,),
        )
        if orphan is not None:
            return f"{kind} {_one_line(orphan)} has no row in the {table} table"
    shapes = [(*c, "array", "a JSON list of texts") for c in JSON_LIST_COLUMNS]
    shapes += [(*c, "object", "a JSON object") for c in JSON_OBJECT_COLUMNS]
    for table, column, key, json_type, what in shapes:
        # A list's items must be texts too.
        items = (
            f" OR EXISTS (SELECT 1 FROM json_each({column}) WHERE type != 'text')"
            if json_type == "array"
            else ""
        )
        bad = _first(
            conn,
            f"SELECT {key} FROM {table} WHERE {column} IS NOT NULL AND (NOT json_valid({column})"
            f" OR json_type({column}) != '{json_type}'{items}) LIMIT 1",
        )
        if bad is not None:
            return f"{table}.{column} of {_one_line(bad)} is not {what}"
    for record_id, value, precision, label in conn.execute(
        "SELECT id, date, date_precision, date_label FROM records WHERE date IS NOT NULL"
        " AND (date_precision IS NULL OR date_label IS NULL OR date_precision NOT IN"
        f" ({_quoted(PRECISIONS)}) OR date NOT GLOB '[0-9.]*')"
        " LIMIT 1"
    ):
        return (
            f"record {_one_line(record_id)}: date {value!r} ({_one_line(precision)}, {label!r})"
            " cannot be read"
        )
    for value, precision in conn.execute(
        "SELECT DISTINCT date, date_precision FROM records WHERE date IS NOT NULL"
    ):
        trouble = dates.problem(value, precision)
        if trouble:
            return trouble
    for periods in conn.execute("SELECT DISTINCT periods FROM efforts WHERE periods IS NOT NULL"):
        for period in json.loads(periods[0]):
            trouble = dates.problem(period, "approximate" if ".." in period else "range")
            if trouble:
                return f"an effort's period: {trouble}"
    for sql, what in _REFERENCES:
        dangling = _first(conn, sql)
        if dangling is not None:
            return f"{what} {_one_line(dangling)} points to nothing"
    return _renderings_problem(conn)


def _renderings_problem(conn: sqlite3.Connection) -> str | None:
    """Every record has its citations stored in every style (a later record its source's,
    with its bibliography entry)."""
    needed = [(style, "citation") for style in RENDERED_STYLES] + [
        (style, "short") for style in SHORT_FORM_STYLES
    ]
    needed += [(style, "bibliography") for style in RENDERED_STYLES]
    for style, form in needed:
        lacking = _first(
            conn,
            "SELECT r.id FROM records r LEFT JOIN renderings g ON g.subject ="
            " (CASE WHEN r.source = ? THEN r.id ELSE 'source:' || r.source END)"
            " AND g.style = ? AND g.form = ? WHERE g.subject IS NULL"
            " AND (r.source != ? OR ? != 'bibliography') LIMIT 1",
            (BRIEF_SOURCE_ID, style, form, BRIEF_SOURCE_ID, form),
        )
        if lacking is not None:
            return f"no {style} {form} is stored for record {_one_line(lacking)}"
    for style in RENDERED_STYLES:
        for form in ("citation", "bibliography"):
            if (
                _first(
                    conn,
                    "SELECT 1 FROM renderings WHERE subject = ? AND style = ? AND form = ?",
                    (BRIEF_SUBJECT, style, form),
                )
                is None
            ):
                return f"no {style} {form} is stored for the brief"
    return None


def _quoted(values: Iterable[str]) -> str:
    return ", ".join("'" + value.replace("'", "''") + "'" for value in values)


# (a query for the first reference that leads nowhere, what the reference is)
_REFERENCES = (
    (
        "SELECT record_id FROM index_entries WHERE record_id NOT IN (SELECT id FROM records)"
        " OR term NOT IN (SELECT term FROM index_headings) LIMIT 1",
        "the subject index's entry for",
    ),
    (
        "SELECT record_id FROM record_countries WHERE country_id NOT IN"
        " (SELECT id FROM records WHERE kind = 'country') OR record_id NOT IN"
        " (SELECT id FROM records) LIMIT 1",
        "the country list of record",
    ),
    (
        "SELECT record_id FROM record_links WHERE related_id NOT IN (SELECT id FROM records)"
        " OR record_id NOT IN (SELECT id FROM records) LIMIT 1",
        "a related-record link of",
    ),
    (
        "SELECT record_id FROM record_markers WHERE marker NOT IN (SELECT ordinal FROM markers)"
        " OR record_id NOT IN (SELECT id FROM records) LIMIT 1",
        "an endnote marker of record",
    ),
    (
        "SELECT id FROM batches WHERE origin NOT IN (SELECT id FROM records) LIMIT 1",
        "the origin of batch",
    ),
    (
        "SELECT id FROM records WHERE paragraph NOT IN (SELECT number FROM paragraphs) LIMIT 1",
        "the paragraph of record",
    ),
    (
        "SELECT ordinal FROM markers WHERE paragraph NOT IN (SELECT number FROM paragraphs)"
        " LIMIT 1",
        "the paragraph of endnote marker",
    ),
    (
        "SELECT id FROM records WHERE source NOT IN (SELECT id FROM sources) LIMIT 1",
        "the source of record",
    ),
    (
        "SELECT effort_id FROM status_updates WHERE source NOT IN (SELECT id FROM sources)"
        " OR effort_id NOT IN (SELECT id FROM records) LIMIT 1",
        "a later status of effort",
    ),
    (
        "SELECT marker FROM likely_sources WHERE marker NOT IN (SELECT ordinal FROM markers)"
        " LIMIT 1",
        "the likely source of marker",
    ),
)


# Columns the app looks up in a table of labels: a value outside the vocabulary is refused
# at open rather than failing where it is shown.
# (Words only shown as text, such as a category, are shown whatever they hold, escaped.)
_VOCABULARIES = (
    ("likely_sources", "confidence", CONFIDENCES),
    ("sources", "grade", SOURCE_GRADES),
)


def _one_line(value: object) -> str:
    """A value as it can stand in a one-line message: control characters escaped."""
    text = str(value)
    return text if text.isprintable() else json.dumps(text)
