"""The full-text index: ranking, snippets, counts and facets, and the search vocabulary.

The FTS5 expressions come from search/query.py (pure, built from user text); this runs them.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

from mia_desktop.db.schema import FTS_TABLE
from mia_desktop.records import BRIEF_SOURCE_ID, HIGHLIGHT_END, HIGHLIGHT_START, Record, SearchHit

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
# What answers each kind of question (search.questions.ASKS): records of these kinds, or
# listed under a subject-index heading that says it answers it (a "who" heading names an
# actor).
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
# The brief's record first where a later source's says much the same: it is the one quoted,
# and the later values are a click away beside it (the quantity's history).
_LATER_PRIOR = f"(CASE WHEN records.source = '{BRIEF_SOURCE_ID}' THEN 1.0 ELSE 0.6 END)"


class SearchQuery(NamedTuple):
    """FTS5 expressions built by search/query.py: what must match, and what earns a boost."""

    match: str
    title: str | None = None
    phrase: str | None = None
    numbers: str | None = None
    asks: str | None = (
        None  # what a question asks for (search.questions.ASKS): its answers rank first
    )
    highlight: str | None = None  # what snippets highlight, when not the match itself


class SearchFilters(NamedTuple):
    kind: str | None = None
    country: str | None = None
    decade: str | None = None  # "1950s"; "" means undated
    source: str | None = None  # "brief", "later" (any later source), or one source's id


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
    if filters.source is not None and without != "source":
        params["brief_source"] = BRIEF_SOURCE_ID
        if filters.source == "brief":
            clauses.append("records.source = :brief_source")
        elif filters.source == "later":
            clauses.append("records.source != :brief_source")
        else:
            clauses.append("records.source = :source")
            params["source"] = filters.source
    return " AND ".join(clauses), params


class RankedHits(NamedTuple):
    """The best matches, and how many matches were ranked to find them."""

    hits: list[SearchHit]
    ranked: int


class SearchTooSlow(Exception):
    """A query ran past the time Database.deadline gave it, and was stopped."""


# snippet() is used on texts up to this length (the brief's longest text is under 1,000
# characters); a longer one shows its first SNIPPET_OPENING characters.
SNIPPET_TEXT_LIMIT = 20_000
SNIPPET_OPENING = 160
# A search reads the same index pages several times per keystroke (rank, snippets, counts):
# from the first search on, the page cache grows to this (pages are cached only as read).
SEARCH_PAGE_CACHE_KIB = 32_768


def _best_snippet(row: sqlite3.Row) -> str:
    # The quote's snippet when the match is in the quote, else the plain-language text's.
    quote, text = str(row["quote_snippet"]), str(row["text_snippet"])
    return quote if HIGHLIGHT_START in quote or HIGHLIGHT_START not in text else text


class SearchIndex:
    """The records' full-text index, on the store's connection."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        records_by_id: Callable[[Sequence[str]], list[Record]],
    ) -> None:
        self._conn = conn
        self._records_by_id = records_by_id
        self._collected: str | None = None  # the match whose rows temp.matched_rows holds
        self._search_cache = False  # see _searching
        # The reader's view: with the later sources, or the brief as published only.
        self.later_shown = True

    def _scoped(self, filters: SearchFilters) -> SearchFilters:
        """The filters within the view: the brief's records only, unless later are shown."""
        if self.later_shown or filters.source is not None:
            return filters
        return filters._replace(source="brief")

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

    # -- search ----------------------------------------------------------------------------

    def search(
        self,
        query: SearchQuery,
        *,
        filters: SearchFilters | None = None,
        limit: int = 50,
        candidates: int | None = None,
    ) -> RankedHits:
        """Run a built query (see searcher.py); best matches first (see rank_sql). With
        `candidates`, the cost of a keystroke stays bounded however many records match.

        The result also counts the matches ranked (with the filters): all of them, unless
        there are `candidates` or more. Counting them in the same pass spares a search the
        separate count of its matches, in the common case of a few hundred or fewer.
        """
        self._searching()
        rows = self._rank(query, self._scoped(filters or SearchFilters()), limit, candidates)
        snippets = self._snippets(query.highlight or query.match, [row["rowid"] for row in rows])
        by_id = {r.id: r for r in self._records_by_id([row["id"] for row in rows])}
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
        return self._run_search(*rank_sql(query, filters, limit=limit, candidates=candidates))

    def _snippets(self, match: str, rowids: Sequence[int]) -> dict[int, str]:
        """The highlighted snippets of these matches only (see snippet_sql)."""
        if not rowids:
            return {}
        rows = self._run_search(*snippet_sql(match, rowids))
        return {row["rowid"]: _best_snippet(row) for row in rows}

    def _searching(self) -> None:
        # Browsing needs SQLite's default 2 MB page cache, and start-up keeps it: a large
        # file would fill a larger one with the index pages its counts read.
        if not self._search_cache:
            self._conn.execute(f"PRAGMA cache_size = -{SEARCH_PAGE_CACHE_KIB}")
            self._search_cache = True

    def count_matches(self, match: str, filters: SearchFilters) -> int:
        self._searching()
        where, params = _filter_sql(self._scoped(filters))
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
            return {facet: {"any": 0} for facet in FACET_NAMES}
        facets: dict[str, dict[str, int]] = {}
        for facet, _select, _join in FACETS:
            counts, total, params = facet_sql(facet, self._scoped(filters))
            rows = self._conn.execute(counts, params).fetchall()
            facets[facet] = {row["value"]: row["n"] for row in rows}
            facets[facet]["any"] = int(self._conn.execute(total, params).fetchone()[0])
        return facets

    def _collect_matches(self, match: str) -> bool:
        """Put the matches (rowid, id, kind, decade) into temp.matched_rows, kept while
        the match stays the same. The temporary table lives in memory, apart from the
        read-only file, and holds only what the facets count by."""
        if self._collected == match:
            return True
        self._conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS matched_rows"
            " (rowid INTEGER PRIMARY KEY, id TEXT, kind TEXT, decade TEXT, source TEXT)"
        )
        self._conn.execute("DELETE FROM temp.matched_rows")
        self._collected = None
        try:
            self._conn.execute(
                "INSERT INTO temp.matched_rows"
                " SELECT records.rowid, records.id, records.kind, records.decade, records.source"
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


# -- the SQL, built apart from running it (as sqlite-utils' search_sql() and search()) ---


def rank_sql(
    query: SearchQuery, filters: SearchFilters, *, limit: int, candidates: int | None
) -> tuple[str, dict[str, Any]]:
    """The query ranking the best `limit` matches: ids, rowids, ranks and how many ranked.

    BM25 with titles weighted most, multiplied up when the title holds every word, when
    the words stand together, when a typed number matches whole, and for the records a
    question asks for; then date and id, so equal scores always come out in one order.
    With `candidates`, only the first that many matches (in the index's order) are ranked.
    """
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
    sql = f"""
        WITH matched AS MATERIALIZED (
            SELECT {FTS_TABLE}.rowid AS rowid, bm25({FTS_TABLE}, {_BM25_WEIGHTS}) AS score
            FROM {FTS_TABLE}{join}
            WHERE {FTS_TABLE} MATCH :query AND {where}{cap}
        )
        SELECT records.id AS id, matched.rowid AS rowid, count(*) OVER () AS ranked,
               score * ({prior}) * {_LATER_PRIOR} * (1.0 {"".join(" + " + b for b in boosts)})
               AS rank
        FROM matched CROSS JOIN records ON records.rowid = matched.rowid
        ORDER BY rank, records.date_sort, records.id
        LIMIT :limit
        """
    return sql, {**params, **filter_params, "limit": limit, "candidates": candidates}


def snippet_sql(match: str, rowids: Sequence[int]) -> tuple[str, dict[str, Any]]:
    """The query for these matches' snippets: the quote's and the plain-language text's.

    One pass for both columns: each pass re-runs the match over the rowids' range (a
    snippet itself is cheap), and the hits are spread over the whole index.
    """
    names = {f"r{n}": rowid for n, rowid in enumerate(rowids)}
    # snippet() takes time quadratic in the hits inside one text (a 5 MB record froze
    # the window for minutes): a text longer than any the brief has gets its opening
    # words instead, unhighlighted.
    sql = (
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
        f" AND +rowid IN ({', '.join(':' + name for name in names)})"
    )
    params = {
        **names,
        "query": match,
        "low": min(rowids),
        "high": max(rowids),
        "start": HIGHLIGHT_START,
        "end": HIGHLIGHT_END,
        "longest": SNIPPET_TEXT_LIMIT,
        "opening": SNIPPET_OPENING,
    }
    return sql, params


# Each facet: what a match is counted by, and what it joins to find it.
FACETS = (
    ("kind", "records.kind", ""),
    ("country", "rc.country_id", "CROSS JOIN record_countries rc ON rc.record_id = records.id"),
    ("decade", "coalesce(records.decade, '')", ""),
    # The brief's records, or a later source's (whichever source it is).
    ("source", f"CASE WHEN records.source = '{BRIEF_SOURCE_ID}' THEN 'brief' ELSE 'later' END", ""),
)
FACET_NAMES = tuple(facet for facet, _select, _join in FACETS)


def facet_sql(facet: str, filters: SearchFilters) -> tuple[str, str, dict[str, Any]]:
    """The counts per value of one facet over temp.matched_rows, its filter lifted, and the
    total with that filter lifted (the "any" entry), with their parameters."""
    select, join = next((s, j) for f, s, j in FACETS if f == facet)
    # The table is named "records" here: the filters' SQL reads its columns as in records.
    matched = "temp.matched_rows AS records"
    where, params = _filter_sql(filters, without=facet)
    counts = (
        # count(*): a record has one kind and decade, and each country once.
        f"SELECT {select} AS value, count(*) AS n"
        f" FROM {matched} {join} WHERE {where} GROUP BY value ORDER BY value"
    )
    return counts, f"SELECT count(*) FROM {matched} WHERE {where}", params
