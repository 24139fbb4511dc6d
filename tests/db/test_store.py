"""Reading data.db: read-only, typed records, clear errors for files that are not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mia_desktop.db.opening import DatabaseError
from mia_desktop.db.store import Database
from mia_desktop.records import Batch, Country, Effort, Event, Figure


def test_records_of_every_kind(db: Database) -> None:
    kinds = {r.kind for r in db.records()}
    assert kinds == {"event", "batch", "country", "effort", "figure", "passage"}
    assert all(isinstance(r, Event) for r in db.records("event"))
    assert {r.title for r in db.records("country")} == {
        "North Korea",
        "South Korea",
        "China",
        "Russia",
        "United States",
    }


def test_events_come_in_chronological_order(db: Database) -> None:
    events = db.records("event")
    assert len(events) >= 30
    assert events[0].date is not None and events[0].date.value.startswith("1951")
    starts = [e.date.value.split("/")[0] for e in events if e.date]
    assert starts.index("1953-08") < starts.index("1954") < starts.index("2007")


def test_k208_batch_as_the_brief_states_it(db: Database) -> None:
    batch = db.record("ba-k208-1990-1994")
    assert isinstance(batch, Batch)
    assert (batch.count, batch.unit) == (208, "boxes")
    assert (batch.individuals_low, batch.individuals_high) == (375, 400)
    assert batch.identified is None and batch.unknowns is None  # the brief does not say
    assert batch.notes == (15,)
    assert batch.date is not None and batch.date.label == "1990–1994"
    assert batch.quote in (db.paragraph(batch.paragraph) or pytest.fail()).text


def test_operation_glory_batch(db: Database) -> None:
    glory = db.record("ba-operation-glory-1954")
    assert isinstance(glory, Batch)
    assert (glory.count, glory.count_qualifier, glory.unknowns) == (4000, "over", 867)
    assert glory.notes == (5,)
    assert glory.origin == "co-north-korea"


def test_the_two_note_threes_are_told_apart(db: Database) -> None:
    dna = db.record("ef-dna-identification")
    captives = db.record("ev-1951-captives-reported")
    assert dna is not None and captives is not None
    assert dna.notes == captives.notes == (3,)
    assert dna.markers == (3,) and captives.markers == (4,)
    first, second = db.likely_sources([3, 4])
    assert first.confidence == "unidentified"
    assert "RAND" in (second.likely_source or "")


def test_figures_carry_value_unit_and_as_of_date(db: Database) -> None:
    figure = db.record("fi-unaccounted-for-2015")
    assert isinstance(figure, Figure)
    assert (figure.value, figure.qualifier, figure.value_text) == (7800, "over", "7,800")
    assert figure.date is not None and figure.date.label == "October 2015"
    assert figure.date.derived


def test_links_go_both_ways(db: Database) -> None:
    event = db.record("ev-2007-richardson-repatriation")
    batch = db.record("ba-richardson-2007")
    assert event is not None and batch is not None
    assert batch.id in event.related and event.id in batch.related


def test_country_span_is_derived(db: Database) -> None:
    russia = db.record("co-russia")
    assert isinstance(russia, Country)
    assert russia.date is not None and russia.date.derived
    assert "Soviet Union" in russia.names


def test_efforts_have_status(db: Database) -> None:
    efforts = db.records("effort")
    assert all(isinstance(e, Effort) and e.status for e in efforts)
    suspended = db.record("ef-joint-recovery-north-korea")
    assert isinstance(suspended, Effort) and suspended.status == "suspended"


def test_unknown_id_is_none(db: Database) -> None:
    assert db.record("ev-no-such-thing") is None


def test_source_metadata(db: Database) -> None:
    source = db.source()
    assert source.title == "Korean War POW/MIAs"
    assert source.publisher == "National Committee on North Korea"
    assert source.date_label == "October 2015"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "not a mia-desktop database"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "not a readable SQLite database"),
        (b"just some text\n" * 100, "not a readable SQLite database"),
    ],
)
def test_bad_files_raise_a_clear_error(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "bad.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DatabaseError, match=message) as caught:
        Database(path)
    assert str(path) in str(caught.value)


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        Database(tmp_path)


def test_another_schema_and_a_newer_version_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a mia-desktop database"):
        Database(other)
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer mia-desktop"):
        Database(other)
