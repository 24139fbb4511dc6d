"""Search as users type it: every word, then any word, then the nearest spelling."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace

from mia_desktop.db.search_index import FACET_NAMES, SearchFilters, SearchQuery, SearchTooSlow
from mia_desktop.db.store import Database
from mia_desktop.records import SearchHit
from mia_desktop.search import query as fts  # the pure query builders
from mia_desktop.search.grouping import ResultGroup, group_by_sentence
from mia_desktop.search.questions import question

MAX_SUGGESTED_WORDS = 3  # spelling help for the first few unknown words is enough
# This many matches or more (a short prefix, a common word): the filters show totals, not
# counts per value, and only the first this many matches (in index order) are ranked.
# Either would cost each keystroke time in proportion to the matches.
FACET_LIMIT = 300
RANKED_AT_MOST = 300
# A search as you type runs on the window's thread: it may take this long. A search that
# runs out of it is stopped and run again on the first half of its words in the time that
# is left, and so on; at the end, the first word alone always runs. So no search blocks the
# window for much more than this, whatever is pasted or however large the database.
SEARCH_BUDGET_S = 0.05
TOP_UP_BELOW = 3  # fewer records than this holding every word: show those holding some too


@dataclass(frozen=True, kw_only=True)
class SearchResult:
    text: str
    hits: list[SearchHit]
    total: int  # all matches with the filters, not only the hits returned
    interpreted: str | None  # the FTS5 query actually run
    mode: str  # "all words", "any word", or "" when nothing was searched
    also_searched: list[str] = field(default_factory=list)  # alias expansions
    suggestions: list[str] = field(default_factory=list)  # "Did you mean ...?"
    corrected_to: str | None = None  # set when the results are for the suggestion
    suggested_text: str | None = None  # the user's text with the suggestions put in
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # kind/country/decade
    ranked: int | None = None  # set when only this many of the matches were ranked
    # Set when the matches were not all counted (see Searcher.search): `total` is then a
    # lower bound, and Searcher.counted gives the result with the exact total.
    filters: SearchFilters = field(default_factory=SearchFilters)
    uncounted: bool = False
    shortened_to: int | None = None  # set when only the first this many words were searched
    asks: str | None = (
        None  # what a question asks for (search.questions.ASKS): its answers rank first
    )
    # Set when so few records held every word that those holding some follow them: the
    # first this many hits hold them all.
    all_words_total: int | None = None
    # The hits as results: those quoting the same sentence of the brief are one.
    groups: list[ResultGroup] = field(default_factory=list)


class Searcher:
    """Turns user text into ranked hits, facet counts and an honest account of what ran."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._index = database.search_index
        vocabulary = self._index.search_vocabulary()
        self.vocabulary = fts.Vocabulary(
            alias_groups=vocabulary.alias_groups,
            stop_words=vocabulary.stop_words,
            distinct_words=vocabulary.distinct_words,
            context_phrases=vocabulary.context_phrases,
            words=vocabulary.words,
        )
        self._sentences = database.sentence_spans()
        self._known = vocabulary.words
        self._known_sorted = sorted(vocabulary.words)

    @property
    def database(self) -> Database:
        return self._db

    def search(
        self,
        text: str,
        *,
        filters: SearchFilters | None = None,
        limit: int = 50,
        count_all: bool = True,
        budget_s: float | None = SEARCH_BUDGET_S,
    ) -> SearchResult:
        """The best `limit` matches of the text, with counts.

        With count_all=False, a search of more matches than are ranked leaves them uncounted
        (`uncounted`, and `total` a lower bound): counting them is a further pass over the
        index, which a search as you type can put off until the typing pauses (`counted`).
        A search that takes longer than budget_s is shortened (see SEARCH_BUDGET_S).
        """
        words = text.split()
        tried = text
        end = None if budget_s is None else time.monotonic() + budget_s
        while True:
            left = None if end is None or len(words) <= 1 else end - time.monotonic()
            if left is not None and left <= 0:  # out of time: the first word, whatever it takes
                words, left = words[:1], None
                tried = " ".join(words)
            try:
                with self._index.deadline(left):
                    result = self._search(tried, filters, limit, count_all)
                break
            except SearchTooSlow:
                words = words[: len(words) // 2]
                tried = " ".join(words)
        result = replace(result, groups=group_by_sentence(result.hits, self._sentences))
        if tried == text:
            return result
        return replace(result, text=text, shortened_to=len(words))

    def _search(
        self, text: str, filters: SearchFilters | None, limit: int, count_all: bool
    ) -> SearchResult:
        filters = filters or SearchFilters()
        typed, prefix = fts.words_to_search(text)
        asks, typed = question(typed)
        typed = fts.without_context(typed, self.vocabulary)
        terms = fts.with_word_forms(fts.expand_aliases(typed, self.vocabulary), self.vocabulary)
        if not terms:
            return SearchResult(text=text, hits=[], total=0, interpreted=None, mode="")
        unknown = [
            word
            for word in fts.unknown_words(terms, self._known, self.vocabulary.stop_words)[
                :MAX_SUGGESTED_WORDS
            ]
            if not self._matches_a_word_form(word)
        ]
        replacements = {
            word: self._index.display_form(near[0])
            for word in unknown
            if (near := fts.nearest_words(word, self._known_sorted))
        }
        suggestions = list(replacements.values())
        suggested_text = _replace_words(text, replacements) if replacements else None
        # The content words must all match; stop words ("the", "at", "were") need not.
        content = fts.content_terms(terms, self.vocabulary.stop_words) or terms
        attempts = [(content, "all words", False)]
        if replacements:
            corrected_content = fts.content_terms(
                fts.corrected(terms, replacements), self.vocabulary.stop_words
            )
            attempts.append((corrected_content or content, "all words", True))
        attempts.append((terms, "any word", False))
        if replacements:
            attempts.append((fts.corrected(terms, replacements), "any word", True))
        first_query: str | None = None
        for attempt_terms, mode, is_correction in attempts:
            query = self._query(attempt_terms, mode, prefix=prefix, asks=asks)
            if query is None:
                continue
            first_query = first_query or query.match
            # Rank first: with few matches, ranking counts them too (see Database.search).
            candidates = max(RANKED_AT_MOST, limit)
            hits, ranked = self._hits(query, attempt_terms, filters, limit, candidates)
            total = ranked
            uncounted = ranked >= candidates and not count_all
            if ranked >= candidates and count_all:
                total = self._index.count_matches(query.match, filters)
            if total == 0 and not self._facets_elsewhere(query.match, filters):
                continue
            all_words_total = None
            if mode == "all words" and len(attempt_terms) > 1 and self._few(query, total, filters):
                # So few records hold every word that the answer may be in one that holds
                # most of them: they follow, after those that hold them all.
                wider = self._query(attempt_terms, "any word", prefix=False, asks=asks)
                if wider is not None:
                    more, wider_total = self._hits(wider, attempt_terms, filters, limit, candidates)
                    shown = {hit.record.id for hit in hits}
                    hits = hits + [h for h in more if h.record.id not in shown][: limit - total]
                    all_words_total, total, query = total, max(wider_total, total), wider
            return SearchResult(
                text=text,
                hits=hits,
                total=total,
                interpreted=query.match,
                mode=mode,
                also_searched=fts.also_searched(attempt_terms),
                suggestions=suggestions,
                corrected_to=suggested_text if is_correction else None,
                suggested_text=suggested_text,
                facets=self._facets(query.match, filters, total),
                ranked=candidates if total > candidates or uncounted else None,
                filters=filters,
                uncounted=uncounted,
                asks=asks,
                all_words_total=all_words_total,
            )
        return SearchResult(
            text=text,
            hits=[],
            total=0,
            interpreted=first_query,
            mode="all words",
            also_searched=fts.also_searched(terms),
            suggestions=suggestions,
            suggested_text=suggested_text,
        )

    def _hits(
        self,
        query: SearchQuery,
        terms: list[fts.Term],
        filters: SearchFilters,
        limit: int,
        candidates: int,
    ) -> tuple[list[SearchHit], int]:
        """The best matches (and how many were ranked), highlighting what was typed."""
        hits, ranked = self._index.search(
            query, filters=filters, limit=limit, candidates=candidates
        )
        if query.highlight:
            hits = [
                hit._replace(snippet=fts.unmark_other_forms(hit.snippet, terms, self.vocabulary))
                for hit in hits
            ]
        return hits, ranked

    def _few(self, query: SearchQuery, total: int, filters: SearchFilters) -> bool:
        """Whether so few records hold every word that those holding some should follow.
        Decided without the filters, so that a filter's count is what choosing it shows."""
        if filters == SearchFilters():
            return 0 < total < TOP_UP_BELOW
        return self._index.count_matches(query.match, SearchFilters()) < TOP_UP_BELOW

    def counted(self, result: SearchResult) -> SearchResult:
        """The result with its matches all counted (the same one if they already are)."""
        if not result.uncounted or result.interpreted is None:
            return result
        total = self._index.count_matches(result.interpreted, result.filters)
        return replace(
            result,
            total=total,
            uncounted=False,
            facets=self._facets(result.interpreted, result.filters, total),
        )

    def _facets(self, match: str, filters: SearchFilters, total: int) -> dict[str, dict[str, int]]:
        """Counts per kind, country and decade, unless the matches are too many to count
        per keystroke: then only the totals (the filters still work, without counts)."""
        if total >= FACET_LIMIT:
            return {facet: {"any": total} for facet in FACET_NAMES}
        return self._index.facet_counts(match, filters)

    def _matches_a_word_form(self, word: str) -> bool:
        # The index stems words, so "clarify" finds "clarified" though it never occurs.
        expression = fts.all_words([fts.Term((word,))], prefix=False)
        return bool(expression) and self._index.count_matches(expression or "", SearchFilters()) > 0

    def _facets_elsewhere(self, match: str, filters: SearchFilters) -> bool:
        """Whether the text matches once the filters are lifted (keep the filter counts)."""
        return filters != SearchFilters() and self._index.count_matches(match, SearchFilters()) > 0

    def _query(
        self, terms: list[fts.Term], mode: str, *, prefix: bool, asks: str | None = None
    ) -> SearchQuery | None:
        if mode == "all words":
            match = fts.all_words(terms, prefix=prefix)
        else:
            match = fts.any_word(terms, self.vocabulary.stop_words)
        if match is None:
            return None
        return SearchQuery(
            match=match,
            title=fts.in_titles(match),
            phrase=fts.exact_phrase(
                terms, prefix=prefix and mode == "all words" and not terms[-1].quoted
            ),
            numbers=fts.exact_numbers(terms),
            asks=asks,
            highlight=fts.highlighting(terms, prefix=prefix and mode == "all words"),
        )


def _replace_words(text: str, replacements: dict[str, str]) -> str:
    for typo, word in replacements.items():
        # Spliced in, not given to re.sub as a replacement: a stored word is text, and a
        # backslash in it would be read as an escape.
        found = re.search(rf"(?<!\w){re.escape(typo)}(?!\w)", text)
        if found:
            text = text[: found.start()] + word + text[found.end() :]
    return text


def describe_result(result: SearchResult) -> list[str]:
    """What a search did, in plain words: counts, corrections, expansions, suggestions."""
    text = result.text.strip()
    if not result.interpreted:
        return [f"No words to search for in {text!r}." if text else "Nothing to search for."]
    lines = []
    if result.corrected_to:
        lines.append(f"No results for {text!r}; showing results for {result.corrected_to!r}.")
    elif result.suggested_text:
        lines.append(f"Did you mean {result.suggested_text!r}?")
    if result.total == 0 and any(result.facets.values()):
        lines.append(f"No results for {text!r} with these filters; it occurs elsewhere.")
    elif result.total == 0:
        lines.append(f"No results for {text!r}.")
    else:
        words = "any of the words" if result.mode == "any word" else "all the words"
        count = len(result.hits)
        if result.uncounted:
            shown = f"{count} of at least {result.total:,}"
        elif result.total > count:
            shown = f"{count} of {result.total:,}"
        else:
            shown = str(result.total)
        # Grouped, the count is of records: the results are fewer (see below).
        noun = "record" if len(result.groups) < len(result.hits) else "result"
        if result.all_words_total is not None:
            holding = result.all_words_total
            lines.append(
                f"{shown} {noun}s: {holding} with all the words, then those with some of them."
            )
        else:
            lines.append(f"{shown} {noun}{'s' if result.total != 1 else ''} with {words}.")
        if result.ranked:
            lines.append(
                f"So many matches that the best of the first {result.ranked:,} are shown;"
                " type more to narrow them."
            )
    if result.groups and len(result.groups) < len(result.hits):
        lines.append(
            f"Shown as {len(result.groups)} result{'s' if len(result.groups) != 1 else ''}:"
            " the records that quote the same sentence are listed together."
        )
    if result.shortened_to:
        first = (
            "the first word"
            if result.shortened_to == 1
            else (f"the first {result.shortened_to} words")
        )
        lines.append(f"Searched {first} only: all of them would take too long.")
    if result.also_searched:
        lines.append(f"Also searched: {', '.join(result.also_searched)}.")
    return lines
