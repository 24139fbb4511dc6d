"""A database a user is given is checked once, at open: one that the app could not read is
refused in one line with exit 2, by the command line and the app alike, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mia_desktop.db.opening import DatabaseError
from mia_desktop.db.store import Database

BROKEN = {
    "a date of no known form": (
        "UPDATE records SET date = 'yesterday', date_precision = 'sometime'"
        " WHERE id = 'ev-1954-operation-glory'",
        "date 'yesterday'",
    ),
    "a batch count in words": (
        "UPDATE batches SET count = 'many' WHERE id = 'ba-k208-1990-1994'",
        "batches.count",
    ),
    "a figure value in words": (
        "UPDATE figures SET value = 'lots' WHERE id = 'fi-unaccounted-for-2015'",
        "figures.value",
    ),
    "a record without its kind's row": (
        "DELETE FROM batches WHERE id = 'ba-k208-1990-1994'",
        "batch ba-k208-1990-1994 has no row in the batches table",
    ),
    "a metadata key missing": (
        "DELETE FROM metadata WHERE key = 'title'",
        "its metadata lacks title",
    ),
    "no stored citations": ("DELETE FROM renderings", "no chicago citation is stored"),
    "broken JSON in a list": (
        "UPDATE countries SET names = '[\"DPRK\"' WHERE id = 'co-north-korea'",
        "countries.names of co-north-korea is not a JSON list of texts",
    ),
    "a list of numbers": (
        "UPDATE countries SET names = '[1, 2]' WHERE id = 'co-north-korea'",
        "countries.names of co-north-korea is not a JSON list of texts",
    ),
    "a likely source's citation in words": (
        "UPDATE likely_sources SET csl = 'lots'"
        " WHERE rowid = (SELECT min(rowid) FROM likely_sources"
        " WHERE csl IS NOT NULL)",
        "likely_sources.csl of",
    ),
    "a likely source's citation a number": (
        "UPDATE likely_sources SET csl = '0'"
        " WHERE rowid = (SELECT min(rowid) FROM likely_sources"
        " WHERE csl IS NOT NULL)",
        "is not a JSON object",
    ),
    "a link to no record": (
        "UPDATE record_links SET related_id = 'ev-nowhere'"
        " WHERE rowid = (SELECT min(rowid) FROM record_links)",
        "points to nothing",
    ),
    "a batch from no country": (
        "UPDATE batches SET origin = 'co-atlantis' WHERE id = 'ba-k208-1990-1994'",
        "the origin of batch ba-k208-1990-1994 points to nothing",
    ),
    "a column missing": (
        "ALTER TABLE figures DROP COLUMN unit",
        "its figures table lacks unit",
    ),
    "a NULL where a value must be": (
        "UPDATE events SET category = NULL WHERE id = 'ev-1954-operation-glory'",
        "events.category",
    ),
    "a period that is no date": (
        'UPDATE efforts SET periods = \'["1951/1956", "soon"]\''
        " WHERE id = 'ef-south-korea-recovery'",
        "an effort's period",
    ),
}


RunMia = Callable[..., subprocess.CompletedProcess[str]]


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_database_the_app_cannot_read_is_refused_at_open(
    crafted_database: Callable[..., Path], case: str
) -> None:
    statement, said = BROKEN[case]
    path = crafted_database(statement)
    with pytest.raises(DatabaseError) as refused:
        Database(path)
    assert said in str(refused.value)
    assert str(refused.value).startswith(f"{path}: not a usable mia-desktop database (")


@pytest.mark.parametrize(
    "case", ["a batch count in words", "a record without its kind's row", "no stored citations"]
)
@pytest.mark.parametrize(
    "command",
    [["show", "ba-k208-1990-1994"], ["search", "K208"], ["cite", "ncnk2015"], ["export"], []],
)
def test_the_command_line_and_the_app_say_so_in_one_line(
    crafted_database: Callable[..., Path],
    case: str,
    command: list[str],
    run_mia: RunMia,
) -> None:
    path = crafted_database(BROKEN[case][0])
    extra = ["--exit-after-startup"] if not command else []
    done = run_mia("--db", str(path), *extra, *command)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a usable mia-desktop database" in lines[0]


def test_a_stored_word_is_text_not_a_pattern(
    crafted_database: Callable[..., Path], run_mia: RunMia
) -> None:
    # The suggestion for a misspelling is put into the query: a backslash in it is a
    # character, not an escape of a replacement pattern.
    path = crafted_database("UPDATE words SET display = 'Richard\\1son' WHERE word = 'richardson'")
    done = run_mia("--db", str(path), "search", "Richardsen")
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1), done.stderr


@pytest.mark.parametrize(
    "case", ["a batch count in words", "a record without its kind's row", "a metadata key missing"]
)
def test_a_large_file_checked_after_the_window_shows_is_refused_in_one_line(
    crafted_database: Callable[..., Path], case: str
) -> None:
    # A file above the size checked at open is checked in the background while the window
    # already reads from it: what the window reads first must not crash it either. The app
    # runs until the check refuses the file (--exit-after-startup would end it at the first
    # frame, stopping the check).
    path = crafted_database(BROKEN[case][0])
    code = (
        "import sys, mia_desktop.db.store as store; store.INTEGRITY_CHECK_AT_OPEN = 0;"
        "from mia_desktop.cli import main;"
        f"sys.exit(main(['--db', {str(path)!r}]))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "unexpected error" not in done.stderr
    assert "not a usable mia-desktop database" in done.stderr


def _huge_record(crafted_database: Callable[..., Path], repeats: int) -> Path:
    return crafted_database(
        f"UPDATE records SET text = 'Remains ' || replace(hex(zeroblob({repeats})), '00',"
        " 'remains recovery ') WHERE id = 'ev-1954-operation-glory'",
        "INSERT INTO records_fts(records_fts) VALUES ('rebuild')",
    )


def test_a_huge_record_is_searched_in_bounded_time(
    crafted_database: Callable[..., Path],
    run_mia: RunMia,
) -> None:
    # FTS5's snippet() takes time quadratic in the hits inside one text: a 5.6 MB record
    # once froze the window for minutes (here 2.5 MB: far beyond the timeout before).
    path = _huge_record(crafted_database, 150_000)
    done = run_mia("--db", str(path), "search", "recovery", "--json", "--limit", "200")
    assert done.returncode == 0, done.stderr
    import json

    assert "ev-1954-operation-glory" in {hit["id"] for hit in json.loads(done.stdout)["hits"]}


def test_a_huge_record_shows_a_short_snippet(crafted_database: Callable[..., Path]) -> None:
    from mia_desktop.search.engine import Searcher

    with Database(_huge_record(crafted_database, 2_000)) as db:  # 34 kB
        hits = Searcher(db).search("recovery", limit=200).hits
    snippet = next(hit.snippet for hit in hits if hit.record.id == "ev-1954-operation-glory")
    assert 0 < len(snippet) < 400 and snippet.endswith("…")


def test_a_search_out_of_time_says_it_searched_its_first_word(db: Database) -> None:
    from mia_desktop.search.engine import Searcher, describe_result

    result = Searcher(db).search("remains korea china", budget_s=0)
    assert result.shortened_to == 1 and result.hits
    assert "Searched the first word only: all of them would take too long." in (
        describe_result(result)
    )


def test_a_pasted_page_is_searched_by_its_first_words(run_mia: RunMia) -> None:
    page = "remains recovery korea " * 5000  # 115 kB
    done = run_mia("search", page, "--json")
    assert done.returncode == 0, done.stderr
    import json

    assert json.loads(done.stdout)["hits"]


def test_a_wal_database_is_read_without_creating_files_beside_it(
    crafted_database: Callable[..., Path],
) -> None:
    path = crafted_database("PRAGMA journal_mode = WAL")
    before = sorted(p.name for p in path.parent.iterdir())
    with Database(path) as db:
        assert db.record("ba-k208-1990-1994") is not None
        assert sorted(p.name for p in path.parent.iterdir()) == before  # no -wal, no -shm


def test_a_wal_database_with_changes_still_beside_it_is_refused(
    crafted_database: Callable[..., Path],
) -> None:
    import sqlite3

    path = crafted_database("PRAGMA journal_mode = WAL")
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE records SET title = title || '.' WHERE kind = 'event'")
    writer.commit()  # in the -wal file, not yet in the database
    try:
        with pytest.raises(DatabaseError, match="changes not yet written into it"):
            Database(path)
    finally:
        writer.close()


def test_a_database_locked_by_another_program_says_so_at_once(
    crafted_database: Callable[..., Path],
) -> None:
    import sqlite3
    import time

    path = crafted_database()
    with Database(path) as db:
        writer = sqlite3.connect(path)
        writer.execute("BEGIN EXCLUSIVE")  # another program writing it
        try:
            started = time.monotonic()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                db.records_by_id(["ba-k208-1990-1994"])
            assert time.monotonic() - started < 2  # not Python's default 5 s per query
        finally:
            writer.rollback()
            writer.close()
