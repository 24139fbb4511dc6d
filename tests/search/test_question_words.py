"""Question words say what is asked for; a question's content words are what must match;
word forms match each other, but "remains" is never "remained"."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from mia_desktop import paths
from mia_desktop.db.store import Database
from mia_desktop.search.engine import Searcher, describe_result
from mia_desktop.search.query import parse
from mia_desktop.search.questions import question


@pytest.fixture(scope="module")
def searcher() -> Iterator[Searcher]:
    with Database(paths.bundled_database()) as db:
        yield Searcher(db)


@pytest.mark.parametrize(
    ("text", "asks", "left"),
    [
        ("who identifies remains", "who", ["identifies", "remains"]),
        ("How many Americans were released", "how many", ["Americans", "were", "released"]),
        ("how much was paid", "how many", ["was", "paid"]),
        ("In what year did it stop", "when", ["did", "it", "stop"]),
        ("and why was it suspended", "why", ["and", "was", "it", "suspended"]),
        ("who", None, ["who"]),  # a question word alone is searched as a word
        ("remains of who", None, ["remains", "of", "who"]),
    ],
)
def test_what_a_question_asks_for(text: str, asks: str | None, left: list[str]) -> None:
    found, terms = question(parse(text))
    assert found == asks
    assert [t.text for t in terms] == left


def _ids(searcher: Searcher, text: str, count: int = 3) -> list[str]:
    return [hit.record.id for hit in searcher.search(text, limit=count).hits]


def test_how_many_puts_figures_and_batches_first(searcher: Searcher) -> None:
    result = searcher.search("how many americans were released in august 1953", limit=3)
    assert result.hits[0].record.kind in {"figure", "batch"}
    assert result.asks == "how many"


def test_when_puts_dated_events_first(searcher: Searcher) -> None:
    hits = searcher.search("when were recovery operations in north korea suspended", limit=3).hits
    assert hits[0].record.kind == "event" and hits[0].record.date is not None
    assert "ev-2005-recovery-missions-suspended" in [h.record.id for h in hits]


def _holds(searcher: Searcher, record_id: str, word: str) -> bool:
    """Whether the record's texts or its index terms hold the word as a whole word."""
    record = searcher.database.record(record_id)
    assert record is not None
    index_words = [
        part
        for heading in searcher.database.index_headings()
        if record_id in heading.records
        for part in (heading.term, *heading.words)
    ]
    searched = " ".join((record.title, record.text, record.quote, *index_words))
    return re.search(rf"\b{word}\b", searched, re.IGNORECASE) is not None


def test_who_identifies_remains_finds_the_agency_not_who_remained(searcher: Searcher) -> None:
    hits = searcher.search("who identifies remains", limit=5).hits
    assert hits[0].record.id in {"ev-2015-dpaa-established", "ef-dpaa-reorganization", "pa-02"}
    for hit in hits:  # "remains", never only "remained"
        assert _holds(searcher, hit.record.id, "remains"), hit.record.id
        assert "\x02remained" not in hit.snippet.lower()  # nor highlighted as if it were


def test_remains_and_remained_are_different_words(searcher: Searcher) -> None:
    for word in ("remains", "remained"):
        hits = searcher.search(word + " ", limit=200).hits
        assert hits
        for hit in hits:
            assert _holds(searcher, hit.record.id, word), f"{word!r} found {hit.record.id}"


def test_a_verb_finds_its_noun(searcher: Searcher) -> None:
    # "identifies" is not in the brief; "identification" and "identified" are.
    hits = searcher.search("identifies ", limit=50).hits
    texts = [" ".join((h.record.text, h.record.quote)).lower() for h in hits]
    assert any("identification" in t for t in texts)
    assert any("identified" in t for t in texts)


def test_few_matches_of_every_word_are_followed_by_those_of_some(searcher: Searcher) -> None:
    result = searcher.search("pow controversial subject", limit=10)
    assert result.all_words_total is not None and 0 < result.all_words_total < 3
    assert len(result.hits) > result.all_words_total
    assert "with all the words, then those with some of them" in describe_result(result)[0]


def test_the_brief_s_subject_need_not_match(searcher: Searcher) -> None:
    assert "fi-unknown-soldier-arlington" in _ids(searcher, "korean war unknown at arlington")
