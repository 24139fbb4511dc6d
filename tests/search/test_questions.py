"""Questions asked as users ask them, mostly in words the brief does not use: the record that
answers each is among the first three results (tests/search/questions.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from mia_desktop.db.store import Database
from mia_desktop.search.engine import Searcher

QUESTIONS = tomllib.loads((Path(__file__).parent / "questions.toml").read_text("utf-8"))["question"]


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    from mia_desktop import paths

    # The brief's questions, in the view of the brief as published: the later sources'
    # records would answer some of them too (test_later_sources.py asks those).
    database = Database(paths.bundled_database())
    database.show_later(False)
    return Searcher(database)


def test_the_set_is_large_and_its_answers_exist(searcher: Searcher) -> None:
    assert len(QUESTIONS) >= 60
    ids = {r.id for r in searcher.database.records()}
    for question in QUESTIONS:
        assert set(question["answers"]) <= ids, question["ask"]


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["ask"] for q in QUESTIONS])
def test_the_answer_is_in_the_top_three(searcher: Searcher, question: dict[str, Any]) -> None:
    ask = str(question["ask"])
    for typed in (ask, ask + "?"):  # as typed (the last word may be growing), and asked
        top = [hit.record.id for hit in searcher.search(typed, limit=3).hits]
        assert set(top) & set(question["answers"]), f"{typed!r} gave {top}"
