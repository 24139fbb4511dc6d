"""One result per sentence: hits that quote the same sentence of the brief are one result.

An event, the figure it gives, the effort it belongs to and the paragraph itself often quote
the same sentence: listed apart, they would fill the screen with it four times. A hit's
sentence is the one its quote holds (a one-sentence quote), or the one where its match
stands in a longer quote; a hit whose match is elsewhere (its summary, its index terms)
stands alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from mia_desktop.records import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit

Span = tuple[int, int]


class ResultGroup(NamedTuple):
    hits: tuple[SearchHit, ...]  # the best first: it leads the result
    paragraph: int | None  # the sentence's paragraph (None: a hit standing alone)
    sentence: Span | None  # its offsets in the paragraph's text

    @property
    def record_ids(self) -> list[str]:
        return [hit.record.id for hit in self.hits]


def group_by_sentence(
    hits: Sequence[SearchHit], sentences: Mapping[int, Sequence[Span]]
) -> list[ResultGroup]:
    """The hits as results, in the order of each result's best hit."""
    groups: dict[tuple[int, Span] | str, list[SearchHit]] = {}  # by sentence, or record id
    listed: dict[int, list[Span]] = {}  # each paragraph's sentences that have a result
    for hit in hits:
        # A hit whose match is not in its quote joins a result whose sentence it quotes.
        found = _sentence_of(hit, sentences) or _quoted_result(hit, listed)
        if found is not None and found[1] not in listed.setdefault(found[0], []):
            listed[found[0]].append(found[1])
        groups.setdefault(found if found is not None else hit.record.id, []).append(hit)
    return [
        ResultGroup(tuple(group), *(key if isinstance(key, tuple) else (None, None)))
        for key, group in groups.items()
    ]


def _quoted_result(hit: SearchHit, listed: Mapping[int, Sequence[Span]]) -> tuple[int, Span] | None:
    """The first result so far whose sentence the hit's quote holds."""
    record = hit.record
    start, end = record.quote_start, record.quote_start + len(record.quote)
    for sentence in listed.get(record.paragraph, ()):
        if start <= sentence[0] < end:
            return record.paragraph, sentence
    return None


def _sentence_of(
    hit: SearchHit, sentences: Mapping[int, Sequence[Span]]
) -> tuple[int, Span] | None:
    record = hit.record
    spans = sentences.get(record.paragraph, ())
    start, end = record.quote_start, record.quote_start + len(record.quote)
    quoted = [s for s in spans if s[0] < end and s[1] > start]
    if len(quoted) == 1:
        return record.paragraph, quoted[0]
    offset = _match_offset(hit)
    if offset is None:
        return None
    at = start + offset
    return next(((record.paragraph, s) for s in quoted if s[0] <= at < s[1]), None)


def _match_offset(hit: SearchHit) -> int | None:
    """Where the snippet's first highlighted word stands in the record's quote, if the
    snippet is of the quote."""
    snippet = hit.snippet.removeprefix("…").removesuffix("…")
    first = snippet.find(HIGHLIGHT_START)
    if first < 0:
        return None
    plain = snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
    position = hit.record.quote.find(plain)
    return None if position < 0 else position + first
