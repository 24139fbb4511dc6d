"""The record store: a built data.db opened read-only, its records, pages and sources."""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypedDict, Unpack

from mia_desktop.db.opening import INTEGRITY_CHECK_AT_OPEN, open_checked
from mia_desktop.db.rows import placeholders, typed_records
from mia_desktop.db.search_index import SearchIndex
from mia_desktop.records import (
    BRIEF_SOURCE_ID,
    Figure,
    IndexHeading,
    LikelySource,
    Paragraph,
    Quantity,
    Record,
    RecordDate,
    RecordId,
    Rendering,
    Source,
    SourceInfo,
    StatusUpdate,
)


class RowKey(NamedTuple):
    """Where a record stands in its kind's chronological list (for keyset paging)."""

    id: str
    date_sort: Any
    rowid: int


RECORD_CACHE = 2_000  # records kept after reading (see Database.records_by_id)


def _id_filters(
    kind: str, category: str | None, country: str | None, *, brief_only: bool = False
) -> tuple[str, list[Any]]:
    """The JOIN and WHERE of a kind's filtered list (the Timeline's and the tabs' filters)."""
    sql, where, params = "", ["records.kind = ?"], [kind]
    if brief_only:
        where.append("records.source = ?")
        params.append(BRIEF_SOURCE_ID)
    if category:
        sql += " JOIN events ON events.id = records.id"
        where.append("events.category = ?")
        params.append(category)
    if country:
        where.append(
            "EXISTS (SELECT 1 FROM record_countries f"
            " WHERE f.record_id = records.id AND f.country_id = ?)"
        )
        params.append(country)
    return f"{sql} WHERE {' AND '.join(where)}", params


def _source(row: sqlite3.Row) -> Source:
    date = None
    if row["date"] is not None:
        date = RecordDate(
            value=row["date"], precision=row["date_precision"], label=row["date_label"]
        )
    return Source(
        id=RecordId(row["id"]),
        title=row["title"],
        author=row["author"],
        author_kind=row["author_kind"],
        publisher=row["publisher"],
        date=date,
        url=row["url"],
        seen_at=row["seen_at"],
        grade=row["grade"],
        kind=row["kind"],
        checked=row["checked"],
        register=row["register"],
    )


class ListFilters(TypedDict, total=False):
    """What narrows one kind's chronological list (record_keys and record_ids)."""

    category: str | None
    country: str | None
    after: RowKey | None
    limit: int | None


class Database:
    """Read-only access to a built data.db."""

    def __init__(self, path: Path, *, defer_large_integrity_check: bool = False) -> None:
        """Open and check the file; DatabaseError says in plain words what is wrong with it.

        The integrity check reads every page. A window that must show quickly may defer it
        for a file above INTEGRITY_CHECK_AT_OPEN bytes, and run an IntegrityCheck in the
        background instead (integrity_check_deferred tells whether it did).
        """
        self.path = Path(path)
        self.integrity_check_deferred = (
            defer_large_integrity_check
            and self.path.is_file()
            and self.path.stat().st_size > INTEGRITY_CHECK_AT_OPEN
        )
        self._conn = open_checked(self.path, every_row=not self.integrity_check_deferred)
        self._recent: OrderedDict[str, Record] = OrderedDict()  # see records_by_id
        self.search_index = SearchIndex(self._conn, self.records_by_id)

    @property
    def later_shown(self) -> bool:
        """The view: with the later sources' records (True), or the brief as published."""
        return self.search_index.later_shown

    def show_later(self, shown: bool) -> None:
        self.search_index.later_shown = shown

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the source ---------------------------------------------------------------------

    def source(self) -> SourceInfo:
        return self.source_from_metadata(
            dict(self._conn.execute("SELECT key, value FROM metadata").fetchall())
        )

    @staticmethod
    def source_from_metadata(meta: dict[str, str]) -> SourceInfo:
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

    # -- the source registry and the figures over time ------------------------------------

    def sources(self) -> list[Source]:
        """Every source, the brief first, then the later ones by date (undated last)."""
        rows = self._conn.execute(
            "SELECT * FROM sources ORDER BY id != ?, date IS NULL, date, id", (BRIEF_SOURCE_ID,)
        )
        return [_source(row) for row in rows]

    def source_by_id(self, source_id: str) -> Source | None:
        row = self._conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
        return _source(row) if row else None

    def quantities(self) -> list[Quantity]:
        rows = self._conn.execute("SELECT * FROM quantities ORDER BY label")
        return [
            Quantity(r["key"], r["label"], r["unit"], r["basis"], bool(r["estimate"])) for r in rows
        ]

    def quantity_values(self, key: str) -> list[Figure]:
        """A quantity's values over time, the brief's and the later sources', by as-of date
        (a value the brief gives first where two share a date)."""
        rows = self._conn.execute(
            "SELECT records.* FROM records JOIN figures ON figures.id = records.id"
            " WHERE figures.quantity = ? ORDER BY records.date_sort, records.source != ?,"
            " records.id",
            (key, BRIEF_SOURCE_ID),
        ).fetchall()
        return [r for r in self._complete(rows) if isinstance(r, Figure)]

    def latest_later_value(self, key: str) -> Figure | None:
        """The latest value a later source gives of a quantity (None: none does)."""
        later = [f for f in self.quantity_values(key) if f.is_later]
        return later[-1] if later else None

    def status_updates(self, effort_id: str) -> list[StatusUpdate]:
        """An effort's statuses as later sources state them, oldest first."""
        rows = self._conn.execute(
            "SELECT * FROM status_updates WHERE effort_id = ? ORDER BY as_of, rowid", (effort_id,)
        )
        return self._status_updates(rows)

    def latest_statuses(self) -> dict[str, StatusUpdate]:
        """Each effort's latest status as a later source states it (one query for all)."""
        rows = self._conn.execute("SELECT * FROM status_updates ORDER BY as_of, rowid")
        return {update.effort: update for update in self._status_updates(rows)}

    @staticmethod
    def _status_updates(rows: Iterable[sqlite3.Row]) -> list[StatusUpdate]:
        return [
            StatusUpdate(
                effort=RecordId(r["effort_id"]),
                status=r["status"],
                as_of=RecordDate(
                    value=r["as_of"], precision=r["as_of_precision"], label=r["as_of_label"]
                ),
                source=RecordId(r["source"]),
                summary=r["summary"],
            )
            for r in rows
        ]

    def country_names(self) -> dict[str, str]:
        """Country id -> its name, for labelling countries in tables and details."""
        rows = self._conn.execute("SELECT id, title FROM records WHERE kind = 'country'")
        return {row[0]: row[1] for row in rows}

    def rendering(self, subject: str, style: str, form: str) -> Rendering | None:
        """A citation rendered at build time (see citations.CSL_STYLES), both flavours."""
        row = self._conn.execute(
            "SELECT text, html FROM renderings WHERE subject = ? AND style = ? AND form = ?",
            (subject, style, form),
        ).fetchone()
        if row is None:
            return None
        return Rendering(text=row["text"], html=row["html"])  # as stored: see Citer

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

    def sentence_spans(self) -> dict[int, list[tuple[int, int]]]:
        """Each paragraph's sentences as (start, end) offsets in its text, in order."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for paragraph, start, end in self._conn.execute(
            'SELECT paragraph, start, "end" FROM sentences ORDER BY paragraph, number'
        ):
            spans.setdefault(paragraph, []).append((start, end))
        return spans

    def markers(self) -> list[tuple[int, int, int]]:
        """Every endnote marker as (paragraph, offset in the clean text, printed number)."""
        rows = self._conn.execute(
            'SELECT paragraph, "offset", number FROM markers ORDER BY ordinal'
        )
        return [(row[0], row[1], row[2]) for row in rows]

    def index_headings(self) -> list[IndexHeading]:
        """The subject index, A–Z (case aside), each heading with its records."""
        listed: dict[str, list[RecordId]] = {}
        for term, record_id in self._conn.execute(
            "SELECT e.term, e.record_id FROM index_entries e JOIN records r ON r.id = e.record_id"
            " ORDER BY e.term, r.kind = 'passage', r.date_sort, r.id"
        ):
            listed.setdefault(term, []).append(RecordId(record_id))
        headings = [
            IndexHeading(
                term=row["term"],
                words=tuple(json.loads(row["words"])),
                asks=tuple(json.loads(row["asks"])),
                records=tuple(listed.get(row["term"], ())),
                see_also=tuple(json.loads(row["see_also"])),
            )
            for row in self._conn.execute("SELECT * FROM index_headings")
        ]
        return sorted(headings, key=lambda h: h.term.casefold())

    def subjects(self, record_id: str) -> list[str]:
        """The subject-index headings that list a record, A–Z."""
        rows = self._conn.execute(
            "SELECT term FROM index_entries WHERE record_id = ?", (record_id,)
        ).fetchall()
        return sorted((row[0] for row in rows), key=str.casefold)

    def likely_sources(self, markers: Iterable[int]) -> list[LikelySource]:
        ordinals = list(markers)
        rows = self._conn.execute(
            f"SELECT * FROM likely_sources WHERE marker IN ({placeholders(ordinals)})"
            " ORDER BY marker",
            ordinals,
        )
        return [
            LikelySource(**{**dict(row), "csl": json.loads(row["csl"]) if row["csl"] else None})
            for row in rows
        ]

    # -- records ------------------------------------------------------------------------

    def records(self, kind: str | None = None) -> list[Record]:
        """All records (of one kind), in the build's order: chronological within a kind."""
        clauses, params = (["kind = ?"], [kind]) if kind else ([], [])
        if not self.later_shown:
            clauses.append("source = ?")
            params.append(BRIEF_SOURCE_ID)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._conn.execute(f"SELECT * FROM records {where} ORDER BY rowid", params)
        return self._complete(rows.fetchall())

    def records_quoting(self, paragraph: int, start: int, end: int) -> list[Record]:
        """The records whose quote overlaps characters start..end of a paragraph's text:
        the most closely fitting quote first (the passage, quoting it whole, last)."""
        rows = self._conn.execute(
            "SELECT * FROM records WHERE paragraph = ? AND quote_start < ?"
            " AND quote_start + length(quote) > ?"
            " ORDER BY kind = 'passage', abs(quote_start - ?) + abs(quote_start + length(quote)"
            " - ?), rowid",
            (paragraph, end, start, start, end),
        )
        return self._complete(rows.fetchall())

    def record_ids(self, kind: str, **filters: Unpack[ListFilters]) -> list[str]:
        """Ids of one kind's records, chronological, optionally filtered."""
        return [key.id for key in self.record_keys(kind, **filters)]

    def record_keys(
        self,
        kind: str,
        *,
        category: str | None = None,
        country: str | None = None,
        after: RowKey | None = None,
        limit: int | None = None,
    ) -> list[RowKey]:
        """A page of the chronological list: the rows after `after` (keyset paging).

        Each page costs the same at any depth and any size: the (kind, date_sort) index
        walks straight to `after`, with no OFFSET to count through.
        """
        where, params = _id_filters(kind, category, country, brief_only=not self.later_shown)
        if after is not None:
            where += " AND (records.date_sort, records.rowid) > (?, ?)"
            params += [after.date_sort, after.rowid]
        sql = (
            f"SELECT records.id, records.date_sort, records.rowid FROM records {where}"
            " ORDER BY records.date_sort, records.rowid"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [RowKey(*row) for row in self._conn.execute(sql, params)]

    def count_ids(
        self, kind: str, *, category: str | None = None, country: str | None = None
    ) -> int:
        """How many records of one kind the filters accept (counted in the index)."""
        where, params = _id_filters(kind, category, country, brief_only=not self.later_shown)
        return int(
            self._conn.execute(f"SELECT count(*) FROM records {where}", params).fetchone()[0]
        )

    def position_of(
        self,
        record_id: str,
        kind: str,
        *,
        category: str | None = None,
        country: str | None = None,
    ) -> int | None:
        """The record's row in the filtered chronological list, or None if not in it."""
        where, params = _id_filters(kind, category, country, brief_only=not self.later_shown)
        key = self._conn.execute(
            f"SELECT records.date_sort, records.rowid FROM records {where} AND records.id = ?",
            [*params, record_id],
        ).fetchone()
        if key is None:
            return None
        before = self._conn.execute(
            f"SELECT count(*) FROM records {where} AND (records.date_sort, records.rowid) < (?, ?)",
            [*params, key[0], key[1]],
        ).fetchone()
        return int(before[0])

    def count_records(self, *, exclude_kind: str | None = None) -> int:
        # All rows less one kind's (an index seek), rather than a scan testing every row.
        total = int(self._conn.execute("SELECT count(*) FROM records").fetchone()[0])
        if exclude_kind is None:
            return total
        return total - self.count_ids(exclude_kind)

    def all_ids(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT id FROM records ORDER BY rowid")]

    def event_categories(self) -> list[str]:
        # One index seek per category (a "loose index scan"), not a pass over every event.
        rows = self._conn.execute(
            """
            WITH RECURSIVE next(category) AS (
                SELECT min(category) FROM events
                UNION ALL
                SELECT (SELECT min(category) FROM events WHERE category > next.category)
                FROM next WHERE next.category IS NOT NULL
            )
            SELECT category FROM next WHERE category IS NOT NULL
            """
        )
        return [row[0] for row in rows]

    def record(self, record_id: str) -> Record | None:
        found = self.records_by_id([record_id])
        return found[0] if found else None

    def records_by_id(self, ids: Sequence[str]) -> list[Record]:
        """Records in the order of `ids`; unknown ids are skipped.

        The file never changes while open, so records read lately are kept (the last
        RECORD_CACHE of them): each keystroke's results, or a table's rows, mostly repeat.
        """
        cache = self._recent
        missing = [i for i in dict.fromkeys(ids) if i not in cache]
        if missing:
            rows = self._conn.execute(
                f"SELECT * FROM records WHERE id IN ({placeholders(missing)})", missing
            ).fetchall()
            for record in self._complete(rows):
                cache[record.id] = record
        found = []
        for record_id in ids:
            known = cache.get(record_id)
            if known is not None:
                cache.move_to_end(record_id)
                found.append(known)
        while len(cache) > RECORD_CACHE:
            cache.popitem(last=False)
        return found

    def _complete(self, rows: list[sqlite3.Row]) -> list[Record]:
        return typed_records(self._conn, rows, self.path)
