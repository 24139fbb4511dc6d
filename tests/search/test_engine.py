"""User text becomes safe FTS5 queries: phrases, prefixes, aliases, fallbacks, suggestions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mia_desktop.records import HIGHLIGHT_END, HIGHLIGHT_START
from mia_desktop.search.engine import Searcher
from mia_desktop.search.query import (
    Term,
    Vocabulary,
    all_words,
    also_searched,
    any_word,
    exact_numbers,
    exact_phrase,
    expand_aliases,
    nearest_words,
    parse,
    to_fts_query,
    unknown_words,
    words_to_search,
)
from mia_desktop.search.snippets import snippet_html, snippet_text
from mia_desktop.search.words import fold

VOCABULARY = Vocabulary(
    alias_groups=(("POW", "POWs", "prisoners of war"), ("K208", "K-208", "208 boxes")),
    stop_words=frozenset({"the", "of", "who", "in", "what"}),
)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Operation Glory", '"Operation" AND "Glory"*'),
        ("K20", '"K20"*'),
        ("U.S.", '"U S"'),  # a finished word: no prefix after "."
        ("K208 ", '"K208"'),
        ("POW/MIA", '"POW MIA"*'),
        ("North-Korea 1996-2005", '"North Korea" AND "1996 2005"*'),
        ("3,313", '"3313"*'),
        ("O'Brien", '"O Brien"*'),
        ('"Operation Glory"', '"Operation Glory"'),
        ('say "hello', '"say" AND "hello"*'),
        ("a OR b", '"a" AND "OR" AND "b"'),  # one letter: no prefix yet
        ("NEAR(x y)", '"NEAR x" AND "y"'),
        ("title:K208", '"title K208"*'),
        ("K208^2 *", '"K208 2"'),
        ("K", '"K"'),
        ("Ko", '"Ko"*'),
        ("", None),
        ("  ...  ", None),
        ('"', None),
    ],
)
def test_to_fts_query(text: str, query: str | None) -> None:
    assert to_fts_query(text) == query


def test_without_prefix_the_last_word_is_whole() -> None:
    assert to_fts_query("K208", prefix=False) == '"K208"'


def test_quoted_phrases_are_kept_and_not_prefixed() -> None:
    terms = parse('"prisoners of war" Clark')
    assert terms == [Term(("prisoners", "of", "war"), quoted=True), Term(("Clark",))]
    assert all_words(parse('Clark "Mark Clark"')) == '"Clark" AND "Mark Clark"'


def test_aliases_widen_a_term_and_merge_multi_word_names() -> None:
    terms = expand_aliases(parse("K-208 prisoners of war"), VOCABULARY)
    assert [t.tokens for t in terms] == [("K", "208"), ("prisoners", "of", "war")]
    assert all_words(terms) == (
        '("K 208" OR "K208" OR "208 boxes") AND ("prisoners of war"* OR "POW" OR "POWs")'
    )


def test_an_alias_holding_another_is_left_out_of_the_query_but_still_disclosed() -> None:
    # Every text with "joint recovery operations" has "joint recovery": matching the longer
    # phrase too costs much on a large index and finds nothing more.
    vocabulary = Vocabulary(
        alias_groups=(("JRO", "joint recovery operations", "joint recovery"),),
        stop_words=frozenset(),
    )
    terms = expand_aliases(parse("joint recovery mi"), vocabulary)
    assert all_words(terms) == '("joint recovery" OR "JRO") AND "mi"*'
    assert "joint recovery operations" in also_searched(terms)
    jro = expand_aliases(parse("JRO"), vocabulary)
    assert all_words(jro, prefix=False) == '("JRO" OR "joint recovery")'
    longer = expand_aliases(parse("joint recovery operations"), vocabulary)
    assert all_words(longer) == '("JRO" OR "joint recovery")'  # as growing, the same


def test_quoted_text_is_not_widened() -> None:
    terms = expand_aliases(parse('"POW"'), VOCABULARY)
    assert terms[0].alternatives == ()


def test_any_word_drops_stop_words() -> None:
    terms = parse("who headed the delegation in 2007")
    assert any_word(terms, VOCABULARY.stop_words) == '"headed" OR "delegation" OR "2007"'
    assert any_word(parse("what the"), VOCABULARY.stop_words) is None


def test_phrase_and_number_boosts() -> None:
    assert exact_phrase(parse("Operation Glory")) == '"Operation Glory"'
    assert exact_phrase(parse("Glory")) is None
    assert exact_numbers(parse("200 a year")) == '"200"'
    # While its last word grows, the phrase does too (and not from a single letter).
    assert exact_phrase(parse("Operation Gl"), prefix=True) == '"Operation Gl"*'
    assert exact_phrase(parse("Operation G"), prefix=True) == '"Operation G"'


def test_a_one_letter_word_just_begun_waits_for_its_second_letter() -> None:
    terms, prefix = words_to_search("joint recovery s")
    assert [t.tokens for t in terms] == [("joint",), ("recovery",)] and prefix is False
    terms, prefix = words_to_search("joint recovery su")
    assert [t.tokens for t in terms][-1] == ("su",) and prefix is True
    # Alone, finished, quoted or part of a chunk such as "U.S", it is searched.
    assert [t.tokens for t in words_to_search("K")[0]] == [("K",)]
    assert [t.tokens for t in words_to_search("joint s ")[0]][-1] == ("s",)
    assert words_to_search('joint "s"')[0][-1].quoted
    assert [t.tokens for t in words_to_search("joint U.S")[0]][-1] == ("U", "S")


def test_unknown_words_allow_a_growing_last_word() -> None:
    known = frozenset({"richardson", "glory", "operation"})
    assert unknown_words(parse("Richardsen"), known, frozenset()) == ["Richardsen"]
    assert unknown_words(parse("Richar"), known, frozenset()) == []
    assert unknown_words(parse("Richar glory"), known, frozenset()) == ["Richar"]


def test_nearest_words() -> None:
    assert nearest_words("Richardsen", ["richardson", "richard", "rich"])[0] == "richardson"
    assert fold("P'yŏngyang") == "p'yongyang"


def test_snippets_render_for_terminal_and_html() -> None:
    raw = f"the {HIGHLIGHT_START}K208{HIGHLIGHT_END} <boxes> & more"
    assert snippet_text(raw) == "the [K208] <boxes> & more"
    assert snippet_html(raw) == "the <b>K208</b> &lt;boxes&gt; &amp; more"


# -- against the bundled database ------------------------------------------------------


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    from mia_desktop import paths
    from mia_desktop.db.store import Database

    return Searcher(Database(paths.bundled_database()))


@settings(
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.text(max_size=80),
        st.text(alphabet=st.sampled_from("\"*^:()-+,./'ANDORNOTNEAR K2 0 ŏé🙂\\\x00"), max_size=40),
        st.text(min_size=500, max_size=3000),
    )
)
def test_any_text_searches_without_error(searcher: Searcher, text: str) -> None:
    result = searcher.search(text, limit=3)
    assert result.total >= len(result.hits)


# A realistic query, and the record a researcher means by it: it must be in the top 3.
TOP_THREE = [
    ("Operation Glory", "ba-operation-glory-1954"),
    ("operation glory", "ef-operation-glory"),
    ("K208", "ba-k208-1990-1994"),
    ("K-208", "ba-k208-1990-1994"),
    ("208 boxes", "ba-k208-1990-1994"),
    ("k20", "ba-k208-1990-1994"),
    ("3,313", "fi-released-august-1953"),
    ("3313", "fi-released-august-1953"),
    ("8100", "fi-unaccounted-for-1954"),
    ("8,100", "fi-unaccounted-for-1954"),
    ("375", "fi-k208-estimated-remains"),
    ("400 remains", "fi-k208-estimated-remains"),
    ("375-400", "fi-k208-estimated-remains"),
    ("7,800 unaccounted", "fi-unaccounted-for-2015"),
    ("5300", "fi-buried-in-north-korea"),
    ("Punchbowl", "ev-unknowns-buried-punch-bowl"),
    ("Punch Bowl", "ev-unknowns-buried-punch-bowl"),
    ("867 unknowns", "fi-operation-glory-unknowns"),
    ("Tomb of the Unknown Soldier", "ev-unknown-transferred-to-arlington"),
    ("Arlington", "ev-unknown-transferred-to-arlington"),
    ("Richardson", "ev-2007-richardson-repatriation"),
    ("Richardsen", "ev-2007-richardson-repatriation"),
    ("Bill Richardsn 2007", "ba-richardson-2007"),
    ("who headed the delegation to Pyongyang in 2007?", "ev-2007-richardson-repatriation"),
    ("Newberry Bangkok", "ev-2011-10-bangkok-meeting"),
    ("Leap Day Agreement", "ev-2012-recovery-mission-cancelled"),
    ("KCNA", "ev-2014-kcna-statement"),
    ("hydropower", "ev-2014-kcna-statement"),
    ("GAO report", "ev-2013-gao-report"),
    ("NDAA 200", "ev-ndaa-fy2010-accounting-mandate"),
    ("how many were buried in North Korea?", "fi-buried-in-north-korea"),
    ("DPRK proposed resuming", "ev-2010-01-dprk-proposes-resumption"),
    ("JRO", "ef-joint-recovery-north-korea"),  # the effort the abbreviation names
    ("recovery missions suspended", "ev-2005-recovery-missions-suspended"),
    ("USSR commission", "ef-us-russia-joint-commission"),
    ("Soviet veterans", "ef-russian-archival-access"),
    ("336", "fi-clarified-via-russia-commission"),
    ("PLA archives", "ev-2008-02-china-archives-agreement"),
    ("PRC crash sites", "ef-china-crash-site-recovery"),
    ("fewer than 20 China", "fi-unrecovered-in-china"),
    ("ROK 950", "fi-unrecovered-in-south-korea"),
    ("since 1982 identified", "ba-south-korea-since-1982"),
    ("Mark Clark", "ev-1953-clark-believes-more-held"),
    ("Eisenhower", "ev-eisenhower-advice-not-to-publicize"),
    ("388", "fi-possibly-held-not-repatriated"),
    ("3198 captive", "fi-pows-reported-held-1951"),
    ("sick and wounded", "ev-1953-sick-wounded-exchange"),
    ("DNA", "ef-dna-identification"),
    ("repatriated six", "ba-richardson-2007"),
    ("POW/MIA accounting agency established", "ev-2015-dpaa-established"),
]


@pytest.mark.parametrize(("query", "expected"), TOP_THREE)
def test_realistic_queries_find_the_record_in_the_top_three(
    searcher: Searcher, query: str, expected: str
) -> None:
    result = searcher.search(query, limit=3)
    assert expected in [hit.record.id for hit in result.hits], (
        query,
        result.interpreted,
        [h.record.id for h in result.hits],
    )


def test_the_results_stay_put_while_a_new_word_has_one_letter(searcher: Searcher) -> None:
    before = searcher.search("Operation ")
    typing = searcher.search("Operation G")
    assert [h.record.id for h in typing.hits] == [h.record.id for h in before.hits]
    assert typing.interpreted == before.interpreted
    grown = searcher.search("Operation Gl")
    assert grown.interpreted is not None and '"Gl"*' in grown.interpreted
    assert "Operation Glory" in grown.hits[0].record.title


def test_misspelling_is_corrected_and_said(searcher: Searcher) -> None:
    result = searcher.search("Richardsen")
    assert result.suggestions == ["Richardson"]
    assert result.corrected_to == "Richardson"


def test_a_question_requires_its_content_words(searcher: Searcher) -> None:
    result = searcher.search("who headed the delegation to Pyongyang in 2007?")
    assert result.mode == "all words"
    assert result.interpreted == '"headed" AND "delegation" AND "Pyongyang" AND "2007"'


def test_words_that_never_meet_fall_back_to_any_word(searcher: Searcher) -> None:
    result = searcher.search("did Richardson ever visit Bangkok")
    assert result.mode == "any word"
    assert result.interpreted is not None and " OR " in result.interpreted
    ids = [hit.record.id for hit in result.hits]
    assert "ev-2011-10-bangkok-meeting" in ids and "ev-2007-richardson-repatriation" in ids


def test_aliases_are_disclosed(searcher: Searcher) -> None:
    result = searcher.search("USSR")
    assert "Soviet Union" in result.also_searched
    assert result.total > 0


def test_filters_and_counts(searcher: Searcher) -> None:
    from mia_desktop.db.search_index import SearchFilters

    everything = searcher.search("remains")
    kinds = dict(everything.facets["kind"])
    assert kinds.pop("any") == everything.total
    assert sum(kinds.values()) == everything.total
    assert everything.facets["country"]["any"] == everything.total
    batches = searcher.search("remains", filters=SearchFilters(kind="batch"))
    assert batches.total == kinds["batch"]
    assert all(hit.record.kind == "batch" for hit in batches.hits)
    in_china = searcher.search("remains", filters=SearchFilters(country="co-china"))
    assert all("co-china" in hit.record.countries for hit in in_china.hits)
    nineties = searcher.search("remains", filters=SearchFilters(decade="1990s"))
    assert nineties.total == everything.facets["decade"]["1990s"]


@pytest.fixture(scope="module")
def many_records(
    tmp_path_factory: pytest.TempPathFactory, synthetic_database: Callable[[Path, int], Path]
) -> Path:
    """data.db plus 8,000 synthetic records: searches of more matches than are ranked."""
    return synthetic_database(tmp_path_factory.mktemp("many") / "many.db", 8000)


def test_very_many_matches_give_totals_without_per_value_counts(many_records: Path) -> None:
    from mia_desktop.db.search_index import SearchFilters
    from mia_desktop.db.store import Database
    from mia_desktop.search.engine import FACET_LIMIT, RANKED_AT_MOST, describe_result

    with Database(many_records) as db:
        searcher = Searcher(db)
        result = searcher.search("remains")
        assert result.total > max(FACET_LIMIT, RANKED_AT_MOST)
        assert result.facets["kind"] == {"any": result.total}
        assert len(result.hits) == 50
        # "remains" is a distinct word (resources/search.toml): every hit holds it.
        assert all(
            "remain" in (h.record.title + h.record.text + h.record.quote).lower()
            for h in result.hits
        )
        # Only a bounded set was ranked, and the user is told so.
        assert result.ranked == RANKED_AT_MOST
        assert any("type more to narrow" in line for line in describe_result(result))
        # A narrower search is counted per value again, from the same one pass.
        narrow = searcher.search("remains Punchbowl")
        assert 0 < narrow.total <= FACET_LIMIT and narrow.ranked is None
        assert sum(narrow.facets["kind"][k] for k in narrow.facets["kind"] if k != "any") == (
            narrow.total
        )
        kinds = {k: n for k, n in narrow.facets["kind"].items() if k != "any"}
        for kind, count in kinds.items():
            assert searcher.search("remains Punchbowl", filters=SearchFilters(kind=kind)).total == (
                count
            )


def test_a_search_as_you_type_can_leave_very_many_matches_to_be_counted_later(
    many_records: Path,
) -> None:
    from mia_desktop.db.search_index import SearchFilters
    from mia_desktop.db.store import Database
    from mia_desktop.search.engine import RANKED_AT_MOST, describe_result

    with Database(many_records) as db:
        searcher = Searcher(db)
        exact = searcher.search("remains")
        quick = searcher.search("remains", count_all=False)
        assert quick.uncounted and quick.total == RANKED_AT_MOST < exact.total
        assert [h.record.id for h in quick.hits] == [h.record.id for h in exact.hits]
        assert f"50 of at least {RANKED_AT_MOST:,} records" in describe_result(quick)[0]
        counted = searcher.counted(quick)
        assert not counted.uncounted and counted.total == exact.total
        assert counted.facets == exact.facets
        assert f"50 of {exact.total:,} records" in describe_result(counted)[0]
        # The count keeps the filters the search ran with.
        filtered = searcher.search("remains", filters=SearchFilters(kind="event"))
        quick_filtered = searcher.search(
            "remains", filters=SearchFilters(kind="event"), count_all=False
        )
        assert searcher.counted(quick_filtered).total == filtered.total
        # A search of fewer matches than are ranked is counted at once.
        narrow = searcher.search("remains Punchbowl", count_all=False)
        assert not narrow.uncounted and searcher.counted(narrow) is narrow
