"""The only module with SQL: opens data.db read-only and maps its rows to records."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from mia_desktop import dates
from mia_desktop.dates import PRECISIONS
from mia_desktop.formats import CSL_STYLES, SHORT_FORM_STYLES
from mia_desktop.records import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    KIND_PLURALS,
    KINDS,
    Batch,
    Country,
    Effort,
    Event,
    Figure,
    IndexHeading,
    LikelySource,
    Paragraph,
    Passage,
    Record,
    RecordDate,
    RecordId,
    Rendering,
    SearchHit,
    SourceInfo,
)
from mia_desktop.safe_html import sanitised_citation_html

SCHEMA_VERSION = 5
FTS_TABLE = "records_fts"
# The indexed columns, in order: snippet() and bm25() below refer to them by position.
FTS_COLUMNS = ("title", "text", "quote", "keywords", "subjects")
REQUIRED_TABLES = frozenset(
    {
        "metadata",
        "paragraphs",
        "sentences",
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
        "aliases",
        "stop_words",
        "distinct_words",
        "context_phrases",
        "words",
        "renderings",
        "index_headings",
        "index_entries",
        FTS_TABLE,
    }
)
# Column weights for bm25(): title, text, quote, keywords, subjects. Titles count most, so
# a record named after the query outranks one that merely mentions it; keywords least. The
# subject index's words say what a record is about (a mention in its text may not): they
# weigh as much as the text.
_BM25_WEIGHTS = "10.0, 3.0, 1.0, 0.5, 3.0"


_TITLE_BOOST = 1.0  # the title holds every word: rank as if twice as relevant
_PHRASE_BOOST = 0.5  # the words stand together as typed
_NUMBER_BOOST = 0.5  # a typed number matches whole ("200", not "2005")
# A batch, effort or country gathers what the brief says on a topic; an event or figure
# holds one detail of it, a passage is the raw text. Among near-equal matches, prefer the
# record that answers the topic.
_ANSWER_BOOST = 1.0  # the record is of what a question asks for: a figure for "how many"
# What answers each kind of question (search.ASKS): records of these kinds, or listed under
# a subject-index heading that says it answers it (a "who" heading names an actor).
_ANSWERS = {
    "how many": "records.kind IN ('figure', 'batch')",
    "when": "records.kind = 'event' AND records.date IS NOT NULL",
    "who": "records.kind = 'country' OR records.id IN (SELECT record_id FROM index_entries"
    " WHERE term IN (SELECT term FROM index_headings, json_each(index_headings.asks)"
    " WHERE json_each.value = 'who'))",
    "why": "records.id IN (SELECT record_id FROM index_entries WHERE term IN (SELECT term"
    " FROM index_headings, json_each(index_headings.asks) WHERE json_each.value = 'why'))",
}
_KIND_PRIOR = (
    "CASE records.kind WHEN 'batch' THEN 1.1 WHEN 'effort' THEN 1.1 WHEN 'country' THEN 1.1"
    " WHEN 'event' THEN 1.05 WHEN 'passage' THEN 0.9 ELSE 1.0 END"
)


class SearchQuery(NamedTuple):
    """FTS5 expressions built by search.py: what must match, and what earns a boost."""

    match: str
    title: str | None = None
    phrase: str | None = None
    numbers: str | None = None
    asks: str | None = None  # what a question asks for (search.ASKS): its answers rank first
    highlight: str | None = None  # what snippets highlight, when not the match itself


class SearchFilters(NamedTuple):
    kind: str | None = None
    country: str | None = None
    decade: str | None = None  # "1950s"; "" means undated


class SearchVocabulary(NamedTuple):
    alias_groups: tuple[tuple[str, ...], ...]
    stop_words: frozenset[str]
    words: frozenset[str]  # every word in the index, folded to lower case
    distinct_words: frozenset[str]  # words the stemmer must not join to others
    context_phrases: tuple[str, ...]  # the brief's subject: a query need not match them



def _filter_sql(filters: SearchFilters, *, without: str = "") -> tuple[str, dict[str, Any]]:
    """A WHERE clause (and its parameters) for the filters, leaving out one facet."""
    clauses, params = ["1"], {}
    if filters.kind and without != "kind":
        clauses.append("records.kind = :kind")
        params["kind"] = filters.kind
    if filters.country and without != "country":
        clauses.append(
            "EXISTS (SELECT 1 FROM record_countries f"
            " WHERE f.record_id = records.id AND f.country_id = :country)"
        )
        params["country"] = filters.country
    if filters.decade is not None and without != "decade":
        clauses.append("coalesce(records.decade, '') = :decade")
        params["decade"] = filters.decade
    return " AND ".join(clauses), params


# The columns the app reads from the records table (the kind tables follow the build).
RECORD_COLUMNS = frozenset(
    {
        "id", "kind", "title", "text", "quote", "section", "subsection", "paragraph",
        "quote_start", "date", "date_precision", "date_label", "date_derived_because",
        "date_sort", "decade",
    }
)  # fmt: skip

# What each column the app reads must hold: SQLite's typeof(), and "?" where NULL is allowed.
# A database is checked against this at open (see _check_contents), so that a value of the
# wrong type is refused in one line instead of failing wherever it is first read.
COLUMN_TYPES: dict[str, dict[str, str]] = {
    "metadata": {"key": "text", "value": "text"},
    "paragraphs": {"number": "integer", "section": "text", "subsection": "text?", "text": "text"},
    "sentences": {"paragraph": "integer", "number": "integer", "start": "integer",
                  "end": "integer"},
    "markers": {"ordinal": "integer", "number": "integer", "paragraph": "integer",
                "offset": "integer", "sentence": "text"},
    "likely_sources": {"marker": "integer", "number": "integer", "ends": "text",
                       "likely_source": "text?", "source_type": "text?", "confidence": "text",
                       "seen_at": "text?", "remark": "text?", "csl": "text?"},
    "records": {"id": "text", "kind": "text", "title": "text", "text": "text", "quote": "text",
                "section": "text", "subsection": "text?", "paragraph": "integer",
                "quote_start": "integer", "date": "text?", "date_precision": "text?",
                "date_label": "text?", "date_derived_because": "text?", "date_sort": "text?",
                "decade": "text?", "keywords": "text", "subjects": "text"},
    "record_markers": {"record_id": "text", "marker": "integer"},
    "record_countries": {"record_id": "text", "country_id": "text"},
    "record_links": {"record_id": "text", "related_id": "text"},
    "events": {"id": "text", "category": "text"},
    "batches": {"id": "text", "origin": "text", "recipient": "text?", "count": "integer?",
                "count_qualifier": "text?", "unit": "text", "individuals_low": "integer?",
                "individuals_high": "integer?", "unknowns": "integer?", "identified": "integer?"},
    "countries": {"id": "text", "names": "text"},
    "efforts": {"id": "text", "effort_type": "text", "status": "text", "status_detail": "text",
                "outcome": "text", "periods": "text?"},
    "figures": {"id": "text", "measure": "text", "value": "integer?", "low": "integer?",
                "high": "integer?", "value_text": "text", "qualifier": "text", "unit": "text"},
    "aliases": {"group_id": "integer", "term": "text"},
    "stop_words": {"word": "text"},
    "distinct_words": {"word": "text"},
    "context_phrases": {"phrase": "text"},
    "words": {"word": "text", "display": "text", "records": "integer"},
    "renderings": {"subject": "text", "style": "text", "form": "text", "text": "text",
                   "html": "text"},
    "index_headings": {"term": "text", "words": "text", "asks": "text", "see_also": "text"},
    "index_entries": {"term": "text", "record_id": "text"},
}  # fmt: skip
# The metadata keys the app reads (see Database.source_from_metadata).
METADATA_KEYS = frozenset(
    {
        "title", "kind", "publisher", "publisher_short", "publisher_place", "author", "date",
        "dateline", "url", "url_note", "inputs_sha256", "schema_version",
    }
)  # fmt: skip
# (table, column, the table's key): each must be a JSON array of strings.
JSON_LIST_COLUMNS = (
    ("countries", "names", "id"),
    ("efforts", "periods", "id"),
    ("index_headings", "words", "term"),
    ("index_headings", "asks", "term"),
    ("index_headings", "see_also", "term"),
)
BRIEF_SUBJECT = "ncnk2015"  # the brief's own renderings (its bibliography entry)


class RankedHits(NamedTuple):
    """The best matches, and how many matches were ranked to find them."""

    hits: list[SearchHit]
    ranked: int


class RowKey(NamedTuple):
    """Where a record stands in its kind's chronological list (for keyset paging)."""

    id: str
    date_sort: Any
    rowid: int


class DatabaseError(Exception):
    """The file cannot serve as a mia-desktop database; the message says why, in plain words."""


class SearchTooSlow(Exception):
    """A query ran past the time Database.deadline gave it, and was stopped."""


# snippet() is used on texts up to this length (the brief's longest text is under 1,000
# characters); a longer one shows its first SNIPPET_OPENING characters.
SNIPPET_TEXT_LIMIT = 20_000
SNIPPET_OPENING = 160
RECORD_CACHE = 2_000  # records kept after reading (see Database.records_by_id)
# A search reads the same index pages several times per keystroke (rank, snippets, counts):
# from the first search on, the page cache grows to this (pages are cached only as read).
SEARCH_PAGE_CACHE_KIB = 32_768

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


class Database:
    """Read-only access to a built data.db."""

    def __init__(self, path: Path, *, defer_large_integrity_check: bool = False) -> None:
        """Open and check the file; DatabaseError says in plain words what is wrong with it.

        The integrity check reads every page. A window that must show quickly may defer it
        for a file above INTEGRITY_CHECK_AT_OPEN bytes, and run an IntegrityCheck in the
        background instead (integrity_check_deferred tells whether it did).
        """
        self.path = Path(path)
        self._conn = _connect_read_only(self.path)
        self._collected: str | None = None  # the match whose rows temp.matched_rows holds
        self._recent: OrderedDict[str, Record] = OrderedDict()  # see records_by_id
        self._search_cache = False  # see _searching
        self.integrity_check_deferred = (
            defer_large_integrity_check and self.path.stat().st_size > INTEGRITY_CHECK_AT_OPEN
        )
        self._check_schema()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def deadline(self, seconds: float | None) -> Iterator[None]:
        """Stop the queries run inside with SearchTooSlow once `seconds` have passed."""
        if seconds is None:
            yield
            return
        end = time.monotonic() + seconds
        # Called every 1,000 SQLite instructions: a few microseconds apart.
        self._conn.set_progress_handler(lambda: time.monotonic() > end, 1_000)
        try:
            yield
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                self._conn.rollback()
                raise SearchTooSlow(str(error)) from None
            raise
        finally:
            self._conn.set_progress_handler(None, 0)

    # -- opening ----------------------------------------------------------------------

    def _check_schema(self) -> None:
        try:
            _check_schema(self._conn, self.path)
            if not self.integrity_check_deferred:
                _check_integrity(self._conn, self.path)
            _check_contents(self._conn, self.path, every_row=not self.integrity_check_deferred)
        except DatabaseError:
            self._conn.close()
            raise

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
        # Stored HTML is shown and copied as HTML: only what citeproc writes is kept.
        return Rendering(text=row["text"], html=sanitised_citation_html(row["html"]))

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
            f"SELECT * FROM likely_sources WHERE marker IN ({_placeholders(ordinals)})"
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
        where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
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

    def record_ids(
        self,
        kind: str,
        *,
        category: str | None = None,
        country: str | None = None,
        after: RowKey | None = None,
        limit: int | None = None,
    ) -> list[str]:
        """Ids of one kind's records, chronological, optionally filtered."""
        return [
            key.id
            for key in self.record_keys(
                kind, category=category, country=country, after=after, limit=limit
            )
        ]

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
        where, params = _id_filters(kind, category, country)
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
        where, params = _id_filters(kind, category, country)
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
        where, params = _id_filters(kind, category, country)
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
                f"SELECT * FROM records WHERE id IN ({_placeholders(missing)})", missing
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

    # -- search ----------------------------------------------------------------------------

    def search(
        self,
        query: SearchQuery,
        *,
        filters: SearchFilters | None = None,
        limit: int = 50,
        candidates: int | None = None,
    ) -> RankedHits:
        """Run a built query (see searcher.py); best matches first.

        BM25 with titles weighted most, multiplied up when the title holds every word, when
        the words stand together as a phrase, and when a typed number matches whole; then
        date and id, so equal scores always come out in the same order. With `candidates`,
        only the first that many matches (in the index's order) are ranked: the cost of a
        keystroke stays bounded however many records match.

        The result also counts the matches ranked (with the filters): all of them, unless
        there are `candidates` or more. Counting them in the same pass spares a search the
        separate count of its matches, in the common case of a few hundred or fewer.
        """
        self._searching()
        rows = self._rank(query, filters or SearchFilters(), limit, candidates)
        snippets = self._snippets(query.highlight or query.match, [row["rowid"] for row in rows])
        by_id = {r.id: r for r in self.records_by_id([row["id"] for row in rows])}
        hits = [
            SearchHit(
                record=by_id[row["id"]],
                snippet=snippets.get(row["rowid"], ""),
                score=row["rank"],
            )
            for row in rows
        ]
        return RankedHits(hits=hits, ranked=int(rows[0]["ranked"]) if rows else 0)

    def _rank(
        self, query: SearchQuery, filters: SearchFilters, limit: int, candidates: int | None
    ) -> list[sqlite3.Row]:
        """The best `limit` matches' ids, rowids and ranks (see search)."""
        boosts, params = [], {"query": query.match}
        for name, weight, expression in (
            ("title", _TITLE_BOOST, query.title),
            ("phrase", _PHRASE_BOOST, query.phrase),
            ("numbers", _NUMBER_BOOST, query.numbers),
        ):
            if expression and expression != query.match:  # a boost all matches get is none
                params[name] = expression
                # Looked for only among the matches' rowids: a bounded set is cheap to boost.
                boosts.append(
                    f"{weight} * (matched.rowid IN (SELECT rowid FROM {FTS_TABLE}"
                    f" WHERE {FTS_TABLE} MATCH :{name} AND rowid BETWEEN"
                    " (SELECT min(rowid) FROM matched) AND (SELECT max(rowid) FROM matched)))"
                )
        prior = _KIND_PRIOR
        if query.asks in _ANSWERS:  # a fixed expression, chosen by name: no user text
            boosts.append(f"{_ANSWER_BOOST} * ({_ANSWERS[query.asks]})")
            prior = "1.0"  # what the question asks for decides, not what answers a topic
        where, filter_params = _filter_sql(filters)
        cap = " LIMIT :candidates" if candidates else ""
        # The records table joins in only when filters need its columns (its rows are large).
        join = f" CROSS JOIN records ON records.rowid = {FTS_TABLE}.rowid" if filter_params else ""
        return self._run_search(
            f"""
            WITH matched AS MATERIALIZED (
                SELECT {FTS_TABLE}.rowid AS rowid, bm25({FTS_TABLE}, {_BM25_WEIGHTS}) AS score
                FROM {FTS_TABLE}{join}
                WHERE {FTS_TABLE} MATCH :query AND {where}{cap}
            )
            SELECT records.id AS id, matched.rowid AS rowid, count(*) OVER () AS ranked,
                   score * ({prior}) * (1.0 {"".join(" + " + b for b in boosts)}) AS rank
            FROM matched CROSS JOIN records ON records.rowid = matched.rowid
            ORDER BY rank, records.date_sort, records.id
            LIMIT :limit
            """,
            {**params, **filter_params, "limit": limit, "candidates": candidates},
        )

    def _snippets(self, match: str, rowids: Sequence[int]) -> dict[int, str]:
        """The highlighted snippets of these matches only: the quote's when the match is in
        the quote, else the plain-language text's.

        One pass for both columns: each pass re-runs the match over the rowids' range (a
        snippet itself is cheap), and the hits are spread over the whole index.
        """
        if not rowids:
            return {}
        names = {f"r{n}": rowid for n, rowid in enumerate(rowids)}
        # snippet() takes time quadratic in the hits inside one text (a 5 MB record froze
        # the window for minutes): a text longer than any the brief has gets its opening
        # words instead, unhighlighted.
        rows = self._run_search(
            f"SELECT rowid,"
            f" CASE WHEN length(quote) <= :longest"
            f" THEN snippet({FTS_TABLE}, 2, :start, :end, '…', 16)"
            f" ELSE substr(quote, 1, :opening) || '…' END AS quote_snippet,"
            f" CASE WHEN length(text) <= :longest"
            f" THEN snippet({FTS_TABLE}, 1, :start, :end, '…', 16)"
            f" ELSE substr(text, 1, :opening) || '…' END AS text_snippet"
            f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :query AND rowid BETWEEN :low AND :high"
            # "+": a filter on the rows the match yields. As a constraint, FTS5 would seek
            # each rowid anew, re-running the whole match for each.
            f" AND +rowid IN ({', '.join(':' + name for name in names)})",
            {
                **names,
                "query": match,
                "low": min(rowids),
                "high": max(rowids),
                "start": HIGHLIGHT_START,
                "end": HIGHLIGHT_END,
                "longest": SNIPPET_TEXT_LIMIT,
                "opening": SNIPPET_OPENING,
            },
        )
        return {row["rowid"]: _best_snippet(row) for row in rows}

    def _searching(self) -> None:
        # Browsing needs SQLite's default 2 MB page cache, and start-up keeps it: a large
        # file would fill a larger one with the index pages its counts read.
        if not self._search_cache:
            self._conn.execute(f"PRAGMA cache_size = -{SEARCH_PAGE_CACHE_KIB}")
            self._search_cache = True

    def count_matches(self, match: str, filters: SearchFilters) -> int:
        self._searching()
        where, params = _filter_sql(filters)
        # CROSS JOIN keeps the index's match as the outer loop (SQLite never reorders it).
        join = "" if not params else f" CROSS JOIN records ON records.rowid = {FTS_TABLE}.rowid"
        rows = self._run_search(
            f"SELECT count(*) FROM {FTS_TABLE}{join} WHERE {FTS_TABLE} MATCH :query AND {where}",
            {**params, "query": match},
        )
        return int(rows[0][0]) if rows else 0

    def facet_counts(self, match: str, filters: SearchFilters) -> dict[str, dict[str, int]]:
        """Matches per kind, country and decade; each facet ignores its own filter.

        Each facet also has "any": the matches with that facet's filter lifted (a record
        about two countries counts once there, and once under each country). The matches
        are found once, into a temporary table, and counted six ways from there.
        """
        if not self._collect_matches(match):
            return {facet: {"any": 0} for facet in ("kind", "country", "decade")}
        # The table is named "records" here: the filters' SQL reads its columns as in records.
        matched = "temp.matched_rows AS records"
        facets: dict[str, dict[str, int]] = {}
        for facet, select, join in (
            ("kind", "records.kind", ""),
            (
                "country",
                "rc.country_id",
                "CROSS JOIN record_countries rc ON rc.record_id = records.id",
            ),
            ("decade", "coalesce(records.decade, '')", ""),
        ):
            where, params = _filter_sql(filters, without=facet)
            rows = self._conn.execute(
                # count(*): a record has one kind and decade, and each country once.
                f"SELECT {select} AS value, count(*) AS n"
                f" FROM {matched} {join} WHERE {where} GROUP BY value ORDER BY value",
                params,
            ).fetchall()
            facets[facet] = {row["value"]: row["n"] for row in rows}
            total = self._conn.execute(f"SELECT count(*) FROM {matched} WHERE {where}", params)
            facets[facet]["any"] = int(total.fetchone()[0])
        return facets

    def _collect_matches(self, match: str) -> bool:
        """Put the matches (rowid, id, kind, decade) into temp.matched_rows, kept while
        the match stays the same. The temporary table lives in memory, apart from the
        read-only file, and holds only what the facets count by."""
        if self._collected == match:
            return True
        self._conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS matched_rows"
            " (rowid INTEGER PRIMARY KEY, id TEXT, kind TEXT, decade TEXT)"
        )
        self._conn.execute("DELETE FROM temp.matched_rows")
        self._collected = None
        try:
            self._conn.execute(
                "INSERT INTO temp.matched_rows"
                " SELECT records.rowid, records.id, records.kind, records.decade"
                f" FROM {FTS_TABLE} CROSS JOIN records ON records.rowid = {FTS_TABLE}.rowid"
                f" WHERE {FTS_TABLE} MATCH ?",
                (match,),
            )
        except sqlite3.OperationalError as error:
            self._conn.rollback()
            if "fts5" in str(error).lower() or "syntax" in str(error).lower():
                return False  # as in _run_search: never an error for the user's text
            raise
        self._conn.commit()
        self._collected = match
        return True

    def _run_search(self, sql: str, params: dict[str, Any]) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:
            # The query builders only emit valid FTS5; this is a last line of defence.
            if "fts5" in str(error).lower() or "syntax" in str(error).lower():
                return []
            raise

    def search_vocabulary(self) -> SearchVocabulary:
        groups: dict[int, list[str]] = {}
        for row in self._conn.execute("SELECT group_id, term FROM aliases ORDER BY rowid"):
            groups.setdefault(row[0], []).append(row[1])
        return SearchVocabulary(
            alias_groups=tuple(tuple(g) for g in groups.values()),
            stop_words=frozenset(r[0] for r in self._conn.execute("SELECT word FROM stop_words")),
            words=frozenset(r[0] for r in self._conn.execute("SELECT word FROM words")),
            distinct_words=frozenset(
                r[0] for r in self._conn.execute("SELECT word FROM distinct_words")
            ),
            context_phrases=tuple(
                r[0] for r in self._conn.execute("SELECT phrase FROM context_phrases")
            ),
        )

    def display_form(self, word: str) -> str:
        """How an indexed word is usually written ("richardson" -> "Richardson")."""
        row = self._conn.execute("SELECT display FROM words WHERE word = ?", (word,)).fetchone()
        return str(row[0]) if row else word

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
                    f"{self.path}: not a usable mia-desktop database (record {row['id']}:"
                    f" {type(error).__name__}: {error})"
                ) from None
        return records

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


# Each kind's own columns live in a table named by its plural (passages have none).
_KIND_TABLES = {kind: table for kind, table in KIND_PLURALS.items() if kind != "passage"}


def _best_snippet(row: sqlite3.Row) -> str:
    # The quote's snippet when the match is in the quote, else the plain-language text's.
    quote, text = str(row["quote_snippet"]), str(row["text_snippet"])
    return quote if HIGHLIGHT_START in quote or HIGHLIGHT_START not in text else text


def _placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


_SQLITE_HEADER = b"SQLite format 3\x00"


def _id_filters(kind: str, category: str | None, country: str | None) -> tuple[str, list[Any]]:
    """The JOIN and WHERE of a kind's filtered list (the Timeline's and the tabs' filters)."""
    sql, where, params = "", ["records.kind = ?"], [kind]
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
        problem = _structure_problem(conn) or (_contents_problem(conn) if every_row else None)
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    if problem is not None:
        raise DatabaseError(f"{path}: not a usable mia-desktop database ({problem})")


def _first(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> Any:
    row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def _structure_problem(conn: sqlite3.Connection) -> str | None:
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
    for style in CSL_STYLES:
        for form in ("citation", "bibliography"):
            stored = _first(
                conn,
                "SELECT 1 FROM renderings WHERE subject = ? AND style = ? AND form = ?",
                (BRIEF_SUBJECT, style, form),
            )
            if stored is None:
                return f"no {style} {form} is stored for the brief"
    return None


def _contents_problem(conn: sqlite3.Connection) -> str | None:
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
                    return f"{table}.{column}: row {found}, not {wanted}"
    unknown = _first(
        conn,
        f"SELECT id || ' (' || kind || ')' FROM records WHERE kind NOT IN ({_quoted(KINDS)})",
    )
    if unknown is not None:
        return f"record {unknown} is of no kind the app knows"
    for kind, table in _KIND_TABLES.items():
        orphan = _first(
            conn,
            f"SELECT r.id FROM records r LEFT JOIN {table} d ON d.id = r.id"
            " WHERE r.kind = ? AND d.id IS NULL LIMIT 1",
            (kind,),
        )
        if orphan is not None:
            return f"{kind} {orphan} has no row in the {table} table"
    for table, column, key in JSON_LIST_COLUMNS:
        bad = _first(
            conn,
            f"SELECT {key} FROM {table} WHERE {column} IS NOT NULL AND (NOT json_valid({column})"
            f" OR json_type({column}) != 'array' OR EXISTS (SELECT 1 FROM json_each({column})"
            " WHERE type != 'text')) LIMIT 1",
        )
        if bad is not None:
            return f"{table}.{column} of {bad} is not a JSON list of texts"
    for record_id, value, precision, label in conn.execute(
        "SELECT id, date, date_precision, date_label FROM records WHERE date IS NOT NULL"
        " AND (date_precision IS NULL OR date_label IS NULL OR date_precision NOT IN"
        f" ({_quoted(PRECISIONS)}) OR date NOT GLOB '[0-9.]*')"
        " LIMIT 1"
    ):
        return f"record {record_id}: date {value!r} ({precision}, {label!r}) cannot be read"
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
            return f"{what} {dangling} points to nothing"
    return _renderings_problem(conn)


def _renderings_problem(conn: sqlite3.Connection) -> str | None:
    """Every record has its citations stored in every style."""
    needed = [(style, "citation") for style in CSL_STYLES] + [
        (style, "short") for style in SHORT_FORM_STYLES
    ]
    for style, form in needed:
        lacking = _first(
            conn,
            "SELECT r.id FROM records r LEFT JOIN renderings g ON g.subject = r.id"
            " AND g.style = ? AND g.form = ? WHERE g.subject IS NULL LIMIT 1",
            (style, form),
        )
        if lacking is not None:
            return f"no {style} {form} is stored for record {lacking}"
    for style in CSL_STYLES:
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


_KIND_TABLES = {
    "event": "events",
    "batch": "batches",
    "country": "countries",
    "effort": "efforts",
    "figure": "figures",
}
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
        "SELECT marker FROM likely_sources WHERE marker NOT IN (SELECT ordinal FROM markers)"
        " LIMIT 1",
        "the likely source of marker",
    ),
)


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
        periods = tuple(json.loads(detail.pop("periods") or "[]"))
        return Effort(**common, **detail, periods=periods)
    if kind == "figure":
        return Figure(**common, **detail)
    if kind == "passage":
        return Passage(**common)
    raise DatabaseError(f"record {row['id']} has unknown kind {kind!r}")
