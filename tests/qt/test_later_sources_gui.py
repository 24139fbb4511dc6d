"""The later sources as a user meets them: a figure's history drawn and tabled, the latest
value beside a 2015 figure, the choice of view, and later records searched and cited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QTableView, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.drawing.history_chart import HistoryChart
from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui

UNACCOUNTED_2015 = "fi-unaccounted-for-2015"
K55 = "le-2018-07-27-k55-returned"
K55_TITLE = "North Korea hands over 55 boxes of remains"


def _figures_page(window: MainWindow) -> tuple[QComboBox, HistoryChart, QTableWidget]:
    window.tabs.setCurrentIndex(3)
    chooser = window.findChild(QComboBox, "quantityChooser")
    chart = window.findChild(HistoryChart, "historyChart")
    table = window.findChild(QTableWidget, "historyTable")
    assert chooser is not None and chart is not None and table is not None
    return chooser, chart, table


def _column(table: QTableWidget, column: int) -> list[str]:
    return [_item(table, row, column).text() for row in range(table.rowCount())]


def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def _results(window: MainWindow, text: str) -> str:
    """What the results list shows for a search, one row a line."""
    window.search.field.setText(text)
    window.search.run_search()
    model = window.search.model
    return "\n".join(str(model.index(row, 0).data()) for row in range(model.rowCount()))


def test_the_figures_tab_draws_and_tables_a_figure_over_time(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_record(UNACCOUNTED_2015)
    chooser, chart, table = _figures_page(window)
    assert chooser.currentData() == "unaccounted-for"
    values = _column(table, 1)
    assert values[:2] == ["approximately 8,100", "over 7,800"]  # 1954 and 2015: the brief's
    assert values[-1] == "7,465" and _column(table, 0)[-1] == "August 15, 2024"
    assert "(the brief)" in _column(table, 3)[1] and "(the brief)" not in _column(table, 3)[-1]
    assert [f.id for f in chart.values] == [
        _item(table, row, 0).data(0x0100) for row in range(table.rowCount())
    ]  # the chart and its table twin hold the same values, in the same order
    point = chart.point_of("lf-unaccounted-for-2024-08-15")
    assert point is not None
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=point.toPoint())
    text = window.panel.view.toPlainText()
    assert "7,465" in text and "Source (later than the brief)" in text
    assert "Quote, in its paragraph" not in text  # a later record quotes nothing
    assert table.selectedItems() and table.selectedItems()[0].text() == "August 15, 2024"


def test_a_2015_figure_shows_its_latest_later_value_with_a_link(window: MainWindow) -> None:
    window.open_record(UNACCOUNTED_2015)
    text = window.panel.view.toPlainText()
    assert "Later figure: over 7,800 as of October 2015 in the brief" in text
    assert "latest: 7,465 U.S. military personnel, August 15, 2024" in text
    assert 'href="record:lf-unaccounted-for-2024-08-15"' in window.panel.view.toHtml()
    figures = window.findChild(QTableView, "figuresTable")
    window.tabs.setCurrentIndex(3)
    assert figures is not None
    model = figures.model()
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    latest = header.index("Latest (later source)")
    rows = {
        model.index(r, 0).data(): model.index(r, latest).data() for r in range(model.rowCount())
    }
    assert rows["Over 7,800 U.S. military personnel from the Korean War unaccounted for"] == (
        "7,465, August 15, 2024, U.S. Department of Defense"
    )


def test_the_view_choice_hides_the_later_sources_and_is_remembered(
    window: MainWindow, qtbot: QtBot, db: Database, settings_path: Path
) -> None:
    timeline = window.findChild(QTableView, "timelineTable")
    assert timeline is not None
    with_later = timeline.model().rowCount()
    assert window.view_choice.label.text().startswith("View: with later sources")
    window.open_record(K55)
    window.view_choice.brief_only.trigger()
    assert window.view_choice.label.text() == "View: the brief as published, October 2015"
    assert K55_TITLE not in window.panel.view.toPlainText()  # no longer shown, nor copied
    timeline = window.findChild(QTableView, "timelineTable")  # the page was built again
    assert timeline is not None
    qtbot.waitUntil(lambda: timeline.model().rowCount() > 0)
    assert timeline.model().rowCount() == 42 < with_later
    window.open_record(UNACCOUNTED_2015)
    assert "latest: 7,465" not in window.panel.view.toPlainText()
    assert K55_TITLE not in _results(window, "55 boxes Wonsan")
    # A new window with the same settings opens in the view chosen.
    again = MainWindow(
        database=Database(db.path),
        settings=QSettings(str(settings_path), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(again)
    assert again.view_choice.brief_only.isChecked()
    assert again.view_choice.label.text() == "View: the brief as published, October 2015"


def test_a_later_record_is_found_and_cited_as_its_source(window: MainWindow) -> None:
    assert K55_TITLE in _results(window, "55 boxes Wonsan")
    window.open_record(K55)
    window.menu_actions.copy_citation.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Defense POW/MIA Accounting Agency, “Progress on Korean War")
    assert "April 1, 2022" in copied and "National Committee" not in copied
    window.menu_actions.copy_quote.trigger()  # nothing to quote: the clipboard keeps the citation
    assert QGuiApplication.clipboard().text() == copied
    assert window.statusBar().currentMessage().startswith("Nothing to quote")


def test_results_filter_by_source(window: MainWindow) -> None:
    from mia_desktop.qt.search_widgets import FacetFilter

    source = window.findChild(FacetFilter, "sourceFilter")
    assert source is not None and not source.isHidden()
    shown = _results(window, "boxes")
    assert K55_TITLE in shown and "The “K208”" in shown
    labels = [source.itemText(i) for i in range(source.count())]
    assert any(label.startswith("later sources (") for label in labels), labels
    source.setCurrentIndex(source.findData("later"))
    window.search.run_search()
    model = window.search.model
    later_only = "\n".join(str(model.index(r, 0).data()) for r in range(model.rowCount()))
    assert K55_TITLE in later_only and "The “K208”" not in later_only
    window.view_choice.brief_only.trigger()
    assert source.isHidden()  # the brief's own view has one source


def test_since_2015_spreads_the_later_values_and_keeps_the_brief_s_2015_value(
    window: MainWindow,
) -> None:
    from PySide6.QtWidgets import QCheckBox

    window.open_record(UNACCOUNTED_2015)
    _, chart, _ = _figures_page(window)
    since = window.findChild(QCheckBox, "since2015")
    assert since is not None
    before = chart.point_of("lf-unaccounted-for-2024-08-15")
    first = chart.point_of("lf-unaccounted-for-2016-06-24")
    assert before is not None and first is not None
    spread = before.x() - first.x()
    since.setChecked(True)
    after = chart.point_of("lf-unaccounted-for-2024-08-15")
    start = chart.point_of("lf-unaccounted-for-2016-06-24")
    assert after is not None and start is not None and after.x() - start.x() > 3 * spread
    assert chart.point_of(UNACCOUNTED_2015) is not None  # October 2015: still drawn
    assert chart.point_of("fi-unaccounted-for-1954") is None


def test_an_effort_shows_its_later_status_beside_the_2015_one(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(2)
    efforts = window.findChild(QTableView, "effortsTable")
    assert efforts is not None
    model = efforts.model()
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = {
        model.index(r, header.index("Effort")).data(): (
            model.index(r, header.index("Status (Oct. 2015)")).data(),
            model.index(r, header.index("Later status")).data(),
        )
        for r in range(model.rowCount())
    }
    status_2015, later = rows["Remains recovery operations within North Korea, 1996–2005"]
    assert status_2015 == "suspended" and later == "suspended (May 8, 2019)"
    window.open_record("ef-joint-recovery-north-korea")
    text = window.panel.view.toPlainText()
    assert "Status since 2015 (later sources)" in text and "May 8, 2019" in text
