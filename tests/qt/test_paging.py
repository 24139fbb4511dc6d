"""Lazy lists: at scale every table counts in SQL and reads its rows a page at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mia_desktop import paths
from mia_desktop.db.search_index import SearchFilters
from mia_desktop.db.store import Database
from mia_desktop.qt import columns
from mia_desktop.qt.main_window import MainWindow
from mia_desktop.qt.models import RECORD_ID_ROLE, LazyRecordModel, SearchResultsModel
from mia_desktop.qt.search_panel import SearchPanel

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def scaled_db(
    tmp_path_factory: pytest.TempPathFactory, synthetic_database: Callable[[Path, int], Path]
) -> Iterator[Database]:
    out = synthetic_database(tmp_path_factory.mktemp("scaled") / "scaled.db", 3000)
    with Database(out) as database:
        yield database


def _model(db: Database) -> LazyRecordModel:
    model = LazyRecordModel(
        database=db, columns=columns.event_columns(db.country_names()), kind="event"
    )
    model.set_filters()
    return model


def test_rows_arrive_a_page_at_a_time(scaled_db: Database) -> None:
    model = _model(scaled_db)
    total = model.total()
    assert total > 3 * LazyRecordModel.PAGE
    assert model.rowCount() == LazyRecordModel.PAGE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * LazyRecordModel.PAGE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert model.index(total - 1, 1).data()  # the last row reads from the database


def test_rows_stay_in_date_order_across_pages(scaled_db: Database) -> None:
    model = _model(scaled_db)
    model.fetchMore(QModelIndex())
    keys = [model.index(r, 0).data(RECORD_ID_ROLE) for r in range(model.rowCount())]
    records = scaled_db.records_by_id(keys)
    sort_keys = [r.date.value for r in records if r.date]
    from mia_desktop.dates import sort_key

    assert [sort_key(v) for v in sort_keys] == sorted(sort_key(v) for v in sort_keys)


def test_finding_a_late_row_fetches_up_to_it(scaled_db: Database) -> None:
    model = _model(scaled_db)
    last_id = scaled_db.record_ids("event")[-1]
    assert model.rowCount() == LazyRecordModel.PAGE
    row = model.row_of(last_id)
    assert row == model.total() - 1
    assert model.rowCount() == model.total()
    assert model.index(row, 0).data(RECORD_ID_ROLE) == last_id


def test_filters_run_in_sql(scaled_db: Database) -> None:
    model = _model(scaled_db)
    everything = model.total()
    model.set_filters(category="hearing", country="co-china")
    assert 0 < model.total() < everything
    model.fetchMore(QModelIndex())
    shown = [model.index(r, 0).data(RECORD_ID_ROLE) for r in range(model.rowCount())]
    assert len(shown) == model.total() or len(shown) % LazyRecordModel.PAGE == 0
    for record in scaled_db.records_by_id(shown):
        assert "co-china" in record.countries
        assert record.kind == "event" and getattr(record, "category", None) == "hearing"


def test_a_record_outside_the_filters_has_no_row(scaled_db: Database) -> None:
    model = _model(scaled_db)
    model.set_filters(country="co-china")
    elsewhere = next(
        r
        for r in scaled_db.records_by_id(scaled_db.record_ids("event", limit=500))
        if "co-china" not in r.countries
    )
    assert model.row_of(elsewhere.id) is None
    assert model.row_of("no-such-record") is None
    assert model.rowCount() == min(LazyRecordModel.PAGE, model.total())  # nothing fetched


def test_keyset_pages_join_up_to_the_whole_list(scaled_db: Database) -> None:
    whole = scaled_db.record_ids("event")
    pages: list[str] = []
    after = None
    while True:
        keys = scaled_db.record_keys("event", after=after, limit=LazyRecordModel.PAGE)
        if not keys:
            break
        pages.extend(key.id for key in keys)
        after = keys[-1]
    assert pages == whole
    assert scaled_db.count_ids("event") == len(whole)
    assert scaled_db.position_of(whole[1234], "event") == 1234
    model = _model(scaled_db)
    assert [r.id for r in model.first_records(500)] == whole[:500]
    assert model.rowCount() >= 500  # the rows are there for the records read


def test_the_lazy_model_passes_the_model_tester(scaled_db: Database, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(_model(scaled_db))


def test_the_window_opens_on_a_scaled_database(
    qtbot: QtBot, scaled_db: Database, tmp_path: Path
) -> None:
    window = MainWindow(
        database=scaled_db, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    table = window.timeline.table
    assert table.model().rowCount() == LazyRecordModel.PAGE
    assert "events" in window.timeline.count_label.text()
    window.open_record(scaled_db.record_ids("event")[-1])
    assert table.currentIndex().row() == window.timeline.model.total() - 1


def test_every_table_pages_at_scale_and_sorts_only_when_complete(
    qtbot: QtBot, scaled_db: Database, tmp_path: Path
) -> None:
    window = MainWindow(
        database=scaled_db, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    for table in (window.batches.table, window.figures.table):
        assert table.model().rowCount() <= LazyRecordModel.PAGE
        assert not table.isSortingEnabled()  # it would sort only the rows fetched so far
    window.open_record(scaled_db.record_ids("effort", country="co-china", limit=1)[0])
    assert window.countries.efforts.currentIndex().isValid()


def test_small_tables_still_sort_by_their_headers(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    with Database(paths.bundled_database()) as db:
        window = MainWindow(
            database=db, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        table = window.figures.table
        assert table.isSortingEnabled()
        table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # Value, largest first
        assert table.model().index(0, 1).data() == "approximately 8,100"
        window.close()


def _search_panel(qtbot: QtBot, db: Database, tmp_path: Path) -> tuple[SearchPanel, QWidget]:
    """A search panel on a host widget (keep the host: the panel's widgets live in it)."""

    host = QWidget()
    qtbot.addWidget(host)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return SearchPanel(database=db, settings=settings, parent=host), host


def test_very_many_search_matches_are_counted_once_the_typing_pauses(
    qtbot: QtBot, scaled_db: Database, tmp_path: Path
) -> None:
    from mia_desktop.search.words import distinct_mark

    panel, _host = _search_panel(qtbot, scaled_db, tmp_path)
    panel.field.setText("remains")
    panel.run_search()
    assert "50 of at least 300 records" in panel.status.text()  # shown as fewer results
    assert panel.kind_filter.itemText(0) == "Any kind (300+)"
    # "remains" is a distinct word: it matches through its mark, not as the stem "remain".
    expected = scaled_db.search_index.count_matches(
        f'"{distinct_mark("remains")}"', SearchFilters()
    )
    assert expected > 300
    # Typing again before the pause puts the count off again; the pause then counts.
    panel.field.setText("remains ")
    panel.run_search()
    qtbot.waitUntil(lambda: f"of {expected:,} records" in panel.status.text(), timeout=3000)
    assert panel.kind_filter.itemText(0) == f"Any kind ({expected:,})"
    assert panel.model.rowCount() == 50


def test_search_results_page_on_beyond_the_first_fifty_and_past_the_ranked_few(
    qtbot: QtBot, scaled_db: Database, tmp_path: Path
) -> None:
    from mia_desktop.search.engine import RANKED_AT_MOST

    panel, _host = _search_panel(qtbot, scaled_db, tmp_path)
    panel.field.setText("remains ")
    panel.run_search()
    panel.count_all()
    assert panel.last_result is not None
    total = panel.last_result.total
    assert total > RANKED_AT_MOST + 50
    model = panel.model
    assert model.rowCount() == 50
    first_rows = [model.index(r, 0).data(RECORD_ID_ROLE) for r in range(50)]
    while model.canFetchMore(QModelIndex()) and model.rowCount() < RANKED_AT_MOST + 60:
        model.fetchMore(QModelIndex())  # what scrolling to the end does
    ids = [model.index(r, 0).data(RECORD_ID_ROLE) for r in range(model.rowCount())]
    assert ids[:50] == first_rows  # the rows shown stay where they were
    assert len(ids) == len(set(ids)) >= RANKED_AT_MOST + 60  # new ones follow, none twice


def test_a_page_never_puts_a_record_under_a_result_whose_sentence_it_does_not_quote(
    db: Database,
) -> None:
    from mia_desktop.search.engine import Searcher
    from mia_desktop.search.grouping import ResultGroup

    searcher = Searcher(db)
    quoted = searcher.search("3,313 ").groups[0]  # one sentence, quoted by several records
    other = searcher.search("Punchbowl ").groups[0]
    assert len(quoted.hits) > 2 and not set(quoted.record_ids) & set(other.record_ids)
    model = SearchResultsModel()
    # The first page held the sentence's first record and another result; the next page
    # brings the sentence's other records.
    model.set_groups([ResultGroup(quoted.hits[:1], quoted.paragraph, quoted.sentence), other])
    model.more = lambda: [quoted, other]
    model.has_more = lambda: True
    model.fetchMore(QModelIndex())
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    ids = [row.data(RECORD_ID_ROLE) for row in rows]
    # The rows shown stay put; the sentence's other records follow, as a result of their own
    # (they quote the first row's sentence, not that of the row above them).
    assert ids == [quoted.record_ids[0], *other.record_ids, *quoted.record_ids[1:]]
    texts = [row.data() for row in rows]
    first_new = 1 + len(other.hits)
    assert not texts[first_new].startswith("    ↳ ")
    assert all(text.startswith("    ↳ ") for text in texts[first_new + 1 :])
