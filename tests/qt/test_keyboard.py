"""The keyboard alone: Tab walks every control once and leaves tables; focus chooses
nothing; the derived dates say so in the lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


def _walk(window: MainWindow, qtbot: QtBot, start: QWidget, steps: int) -> list[str]:
    start.setFocus()
    names = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        assert widget is not None
        names.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return names


def test_tab_reaches_filters_buttons_and_leaves_tables(window: MainWindow, qtbot: QtBot) -> None:
    window.search.field.setText("Korea")
    window.search.run_search()
    names = _walk(window, qtbot, window.search.field, 30)
    for name in (
        "kindFilter",
        "searchCountryFilter",
        "decadeFilter",
        "searchResults",
        "timelineTable",
        "zoomInButton",
        "fitAllButton",
        "citationStyle",
        "citationForm",
        "citationView",
    ):
        assert name in names, name
    assert names.count("timelineTable") == 1  # one Tab in, one Tab out
    assert names.index("kindFilter") < names.index("timelineTable") < names.index("citationStyle")


def test_tabbing_into_a_table_chooses_nothing(window: MainWindow, qtbot: QtBot) -> None:
    table = window.findChild(QTableView, "timelineTable")
    assert table is not None
    window.open_record("fi-clarified-via-russia-commission")
    window.tabs.setCurrentIndex(0)
    table.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.panel.record is not None
    assert window.panel.record.id == "fi-clarified-via-russia-commission"
    qtbot.keyClick(table, Qt.Key.Key_Down)  # an arrow does choose
    assert window.panel.record.kind == "event"


def test_derived_dates_are_marked_in_the_lists(window: MainWindow) -> None:
    table = window.findChild(QTableView, "timelineTable")
    assert table is not None
    model = table.model()
    dates = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "1954 or later (derived)" in dates
    assert "1954" in dates  # stated in the brief: no mark


def test_a_1024_pixel_window_keeps_the_lists_readable(qtbot: QtBot, db, settings_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    main = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(main)
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    # With search results open, the timeline's list keeps several rows.
    main.search.field.setText("remains")
    main.search.run_search()
    table = main.findChild(QTableView, "timelineTable")
    assert table is not None
    qtbot.waitUntil(lambda: table.height() > 0)
    assert table.viewport().height() >= table.rowHeight(0) * 4
    # The figures' values and as-of dates are in view without scrolling sideways.
    main.tabs.setCurrentIndex(3)
    figures = main.findChild(QTableView, "figuresTable")
    assert figures is not None
    as_of = figures.horizontalHeader().logicalIndex(2)
    assert figures.model().headerData(as_of, Qt.Orientation.Horizontal) == "As of"
    right = figures.columnViewportPosition(as_of) + figures.columnWidth(as_of)
    assert right <= figures.viewport().width()


def test_tabbing_into_the_results_chooses_nothing(window: MainWindow, qtbot: QtBot) -> None:
    window.open_record("ef-dna-identification")
    window.search.field.setText("Richardson")
    window.search.run_search()
    window.search.results.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.panel.record is not None and window.panel.record.id == "ef-dna-identification"
    qtbot.keyClick(window.search.results, Qt.Key.Key_Down)  # an arrow does choose
    assert window.panel.record.id != "ef-dna-identification"


def test_the_search_field_has_the_focus_when_the_window_first_shows(window: MainWindow) -> None:
    """Typing at once searches, as in a browser's address bar."""
    assert window.focusWidget() is window.search.field
