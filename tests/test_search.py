"""User text becomes a safe FTS5 query; no input can break a search."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mia_desktop.db import Database
from mia_desktop.records import HIGHLIGHT_END, HIGHLIGHT_START
from mia_desktop.search import snippet_html, snippet_text, to_fts_query


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Operation Glory", '"Operation" "Glory"*'),
        ("K20", '"K20"*'),
        ("U.S.", '"U S"*'),
        ("POW/MIA", '"POW MIA"*'),
        ("North-Korea 1996-2005", '"North Korea" "1996 2005"*'),
        ("3,313", '"3313"*'),
        ("O'Brien", '"O Brien"*'),
        ('say "hello', '"say" "hello"*'),
        ("a OR b", '"a" "OR" "b"*'),
        ("NEAR(x y)", '"NEAR x" "y"*'),
        ("", None),
        ("  ...  ", None),
    ],
)
def test_to_fts_query(text: str, query: str | None) -> None:
    assert to_fts_query(text) == query


def test_without_prefix_the_last_word_is_whole() -> None:
    assert to_fts_query("K208", prefix=False) == '"K208"'


@settings(max_examples=500, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_runs_without_error(db: Database, text: str) -> None:
    query = to_fts_query(text)
    if query is not None:
        db.search(query, limit=5)


def test_snippets_render_for_terminal_and_html() -> None:
    raw = f"the {HIGHLIGHT_START}K208{HIGHLIGHT_END} <boxes> & more"
    assert snippet_text(raw) == "the [K208] <boxes> & more"
    assert snippet_html(raw) == "the <b>K208</b> &lt;boxes&gt; &amp; more"
