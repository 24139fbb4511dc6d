"""One result per sentence: the records that quote one sentence are one result, in the
search, the command line and the app's list; and every result is reachable."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator

import pytest

from mia_desktop import paths
from mia_desktop.db.store import Database
from mia_desktop.search.engine import Searcher, describe_result

RunMia = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def searcher() -> Iterator[Searcher]:
    with Database(paths.bundled_database()) as db:
        yield Searcher(db)


def test_the_records_quoting_one_sentence_are_one_result(searcher: Searcher) -> None:
    result = searcher.search("3,313 ", limit=50)
    assert len(result.groups) == 1
    ids = result.groups[0].record_ids
    assert {"ev-1953-08-release-of-3313", "fi-released-august-1953", "pa-03"} <= set(ids)
    assert sorted(ids) == sorted(h.record.id for h in result.hits)  # none lost
    lines = describe_result(result)
    assert lines[0] == f"{len(ids)} records with all the words."
    assert lines[1].startswith("Shown as 1 result: the records that quote the same sentence")


def test_different_sentences_stay_apart(searcher: Searcher) -> None:
    result = searcher.search("sick and wounded ", limit=50)
    sentences = {(g.paragraph, g.sentence) for g in result.groups if g.sentence}
    assert len(sentences) == len([g for g in result.groups if g.sentence])
    for group in result.groups:
        paragraphs = {h.record.paragraph for h in group.hits}
        assert len(paragraphs) == 1  # one sentence is in one paragraph


def test_search_json_keeps_its_keys_and_lists_each_result_s_records(run_mia: RunMia) -> None:
    done = run_mia("search", "3,313", "--json")
    payload = json.loads(done.stdout)
    assert {"query", "interpreted", "mode", "total", "facets", "hits"} <= set(payload)
    hits = [hit["id"] for hit in payload["hits"]]
    grouped = [record for group in payload["groups"] for record in group["records"]]
    assert sorted(grouped) == sorted(hits)
    assert payload["groups"][0]["paragraph"] == 3


def test_the_plain_command_line_lists_them_under_the_first(run_mia: RunMia) -> None:
    out = run_mia("search", "3,313").stdout.splitlines()
    assert out[1].startswith("Shown as 1 result")
    assert out[2].startswith("ev-1953-08-release-of-3313")
    assert any(line.startswith("    also quoting it: fi-released-august-1953") for line in out)
