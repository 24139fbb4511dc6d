"""The drawn timeline, the remains chart, the efforts overview, help, themes, accessibility."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.drawing.efforts_overview import EffortsOverview
from mia_desktop.qt.drawing.remains_chart import RemainsChart
from mia_desktop.qt.drawing.timeline_view import TimelineView
from mia_desktop.qt.main_window import MainWindow
from mia_desktop.records import Batch

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, db: Database, settings_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(main)
    main.resize(1300, 850)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.set_theme("light", save=False)


def _drawing(window: MainWindow) -> TimelineView:
    drawing = window.findChild(TimelineView, "timelineDrawing")
    assert drawing is not None
    return drawing


def _table(window: MainWindow, name: str) -> QTableView:
    table = window.findChild(QTableView, name)
    assert table is not None
    return table


def test_clicking_an_event_in_the_drawing_selects_it_in_the_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    drawing = _drawing(window)
    point = drawing.item_centre("ev-2007-richardson-repatriation")
    assert point is not None
    qtbot.mouseClick(drawing.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    table = _table(window, "timelineTable")
    assert table.currentIndex().siblingAtColumn(1).data() == (
        "North Korea repatriates the remains of six U.S. personnel"
    )
    assert "Bill Richardson" in window.panel.view.toPlainText()


def test_a_double_click_on_an_event_selects_it_too(window: MainWindow, qtbot: QtBot) -> None:
    drawing = _drawing(window)
    point = drawing.item_centre("ev-1993-remains-agreement")
    assert point is not None
    qtbot.mouseDClick(drawing.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert drawing.selected_event_id() == "ev-1993-remains-agreement"
    assert "1993" in _table(window, "timelineTable").currentIndex().siblingAtColumn(0).data()


def test_selecting_in_the_list_highlights_the_drawing(window: MainWindow) -> None:
    window.open_record("ev-1993-remains-agreement")
    assert _drawing(window).selected_event_id() == "ev-1993-remains-agreement"


def test_the_drawing_opens_on_the_whole_period_and_keeps_it_as_the_window_resizes(
    window: MainWindow, qtbot: QtBot
) -> None:
    drawing = _drawing(window)
    start, end = drawing.visible_years()
    assert start <= 1951 and end >= 2015  # as shown, with no "Fit all" pressed
    wide = drawing.width()
    window.resize(900, 700)
    qtbot.waitUntil(lambda: drawing.width() < wide)
    start, end = drawing.visible_years()
    assert start <= 1951 and end >= 2015
    # A zoom the user chose stays as it is when the window changes size.
    drawing.zoom(2.0)
    zoomed = drawing.pixels_per_year
    window.resize(1100, 760)
    qtbot.wait(50)
    assert drawing.pixels_per_year == zoomed


def test_zoom_changes_the_visible_span(window: MainWindow, qtbot: QtBot) -> None:
    drawing = _drawing(window)
    drawing.fit_all()
    start, end = drawing.visible_years()
    assert start <= 1951 and end >= 2015
    drawing.setFocus()
    qtbot.keyClick(drawing, Qt.Key.Key_Plus)
    qtbot.keyClick(drawing, Qt.Key.Key_Plus)
    zoomed = drawing.visible_years()
    assert zoomed[1] - zoomed[0] < (end - start) * 0.8
    qtbot.keyClick(drawing, Qt.Key.Key_0)
    assert drawing.visible_years()[1] - drawing.visible_years()[0] >= (end - start) * 0.95


def _run_across(image: QImage, x: int, y: int, dx: int, dy: int) -> int:
    """How many pixels from (x, y) in one direction share the colour found there."""
    colour, steps = image.pixelColor(x, y), 0
    while 0 <= x + dx * (steps + 1) < image.width() and 0 <= y + dy * (steps + 1) < image.height():
        there = image.pixelColor(x + dx * (steps + 1), y + dy * (steps + 1))
        if max(abs(there.red() - colour.red()), abs(there.green() - colour.green())) > 30:
            break
        steps += 1
    return steps


def test_zoomed_in_the_dots_stay_round_and_a_click_still_finds_its_event(
    window: MainWindow, qtbot: QtBot
) -> None:
    drawing = _drawing(window)
    drawing.setFocus()
    fitted = drawing.pixels_per_year
    for _ in range(5):
        qtbot.keyClick(drawing, Qt.Key.Key_Plus)
    assert drawing.pixels_per_year > 3 * fitted
    window.open_record("ev-2007-richardson-repatriation")  # brings it into view, selected
    point = drawing.item_centre("ev-2007-richardson-repatriation")
    assert point is not None
    image = drawing.viewport().grab().toImage()
    x, y = point.toPoint().x(), point.toPoint().y()
    across = _run_across(image, x, y, 1, 0) + _run_across(image, x, y, -1, 0)
    down = _run_across(image, x, y, 0, 1) + _run_across(image, x, y, 0, -1)
    assert down >= 6 and abs(across - down) <= 2  # a dot, not a zoomed-out smear
    # A click on the dot, where it is drawn at this zoom, finds its event again.
    drawing.highlight(None)
    assert drawing.selected_event_id() is None
    qtbot.mouseClick(drawing.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert drawing.selected_event_id() == "ev-2007-richardson-repatriation", (
        point,
        drawing.itemAt(point.toPoint()),
        QApplication.activePopupWidget(),
        QWidget.mouseGrabber(),
    )
    assert "2007" in _table(window, "timelineTable").currentIndex().siblingAtColumn(0).data()


def test_a_narrower_window_moves_the_efforts_clicks_with_their_bars(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tabs.setCurrentIndex(2)
    overview = window.findChild(EffortsOverview, "effortsOverview")
    assert overview is not None
    wide = overview.width()
    window.resize(1000, 800)
    qtbot.waitUntil(lambda: overview.width() < wide)
    point = overview.bar_centre("ef-us-russia-joint-commission")
    assert point is not None
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=point.toPoint())
    efforts = _table(window, "effortsTable")
    assert efforts.currentIndex().siblingAtColumn(1).data() == (
        "U.S.-Russia Joint Commission on POW/MIAs"
    )


def test_filters_hide_events_in_the_drawing_too(window: MainWindow) -> None:
    tab = window.timeline
    tab.category_filter.setCurrentText("hearing")
    drawing = _drawing(window)
    assert drawing.item_centre("ev-1992-senate-hearing") is not None
    # The brief's one hearing, and the later sources' (shown in this view).
    assert drawing.visible_event_ids() == {"ev-1992-senate-hearing", "le-2019-11-19-house-hearing"}


def test_chart_bars_match_the_batch_numbers(window: MainWindow, db: Database) -> None:
    window.tabs.setCurrentIndex(1)
    chart = window.findChild(RemainsChart, "remainsChart")
    assert chart is not None
    bars = {bar.batch_id: bar for bar in chart.bars}
    for batch in db.records("batch"):
        assert isinstance(batch, Batch)
        bar = bars[batch.id]
        if batch.individuals_low is not None:
            assert (bar.low, bar.high) == (batch.individuals_low, batch.individuals_high)
            assert bar.value_text() == "375–400"
        else:
            assert bar.low == bar.high == batch.count
    assert bars["ba-operation-glory-1954"].value_text() == "over 4,000"
    assert bars["ba-operation-glory-1954"].inner == 867
    assert bars["ba-joint-recovery-1996-2005"].value_text() == "not stated in source"
    assert bars["ba-south-korea-since-1982"].inner == 11


def test_clicking_a_bar_selects_the_batch_and_copy_data(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(1)
    chart = window.findChild(RemainsChart, "remainsChart")
    assert chart is not None
    index = [b.batch_id for b in chart.bars].index("ba-richardson-2007")
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(index).center().toPoint())
    assert (
        "Remains of six U.S. personnel"
        in _table(window, "batchesTable").currentIndex().siblingAtColumn(1).data()
    )
    copy = window.findChild(QAbstractButton, "copyChartDataButton")
    assert copy is not None
    copy.click()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].startswith("Period\tBatch\tValue")
    assert any(line.startswith("1990–1994\t") and "375–400" in line for line in lines)


def test_clicking_an_effort_in_the_overview_selects_it(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(2)
    overview = window.findChild(EffortsOverview, "effortsOverview")
    assert overview is not None
    point = overview.bar_centre("ef-us-russia-joint-commission")
    assert point is not None
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=point.toPoint())
    efforts = _table(window, "effortsTable")
    assert efforts.currentIndex().siblingAtColumn(1).data() == (
        "U.S.-Russia Joint Commission on POW/MIAs"
    )


def test_f1_opens_help_with_the_glossary(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(QWidget, "helpDialog")
    assert dialog is not None and dialog.isVisible()
    view = dialog.findChild(QTextEdit)
    assert view is not None
    text = view.toPlainText()
    for term in (
        "DPAA",
        "NDAA",
        "GAO",
        "KCNA",
        "PLA",
        "DPRK",
        "POW",
        "MIA",
        "K208",
        "Joint recovery operations",
        "Unaccounted for",
    ):
        assert term in text
    dialog.close()


def test_keyboard_shortcuts_are_listed(window: MainWindow) -> None:
    window.menu_actions.shortcuts.trigger()
    dialog = window.findChild(QWidget, "shortcutsDialog")
    assert dialog is not None
    view = dialog.findChild(QTextEdit)
    assert view is not None
    text = view.toPlainText()
    assert "Copy citation" in text and "Ctrl+Shift+C" in text and "F1" in text
    dialog.close()


def test_dark_and_light_themes_and_the_choice_is_kept(
    qtbot: QtBot, db: Database, settings_path: Path
) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    first = MainWindow(database=db, settings=settings)
    qtbot.addWidget(first)
    first.menu_actions.themes["dark"].trigger()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 100
    first.close()
    second = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(second)
    assert second.menu_actions.themes["dark"].isChecked()
    second.menu_actions.themes["light"].trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 150


INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractItemView,
    QTextEdit,
    QTabBar,
    TimelineView,
    RemainsChart,
    EffortsOverview,
)


def test_every_interactive_widget_has_an_accessible_name(window: MainWindow) -> None:
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(window):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox) or (
            parent and parent.inherits("QComboBoxPrivateContainer")
        ):
            continue  # a combo box's own popup parts
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert missing == [], "\n".join(missing)


def test_the_remains_chart_tells_identified_from_declared_unknown(
    window: MainWindow, qtbot: QtBot
) -> None:
    from mia_desktop.qt.drawing.remains_chart import RemainsChart

    window.tabs.setCurrentIndex(1)
    chart = window.findChild(RemainsChart, "remainsChart")
    assert chart is not None
    chart.resize(560, chart.height())
    image = chart.grab().toImage()

    def inner_colour(batch_id: str) -> str:
        index = next(i for i, bar in enumerate(chart.bars) if bar.batch_id == batch_id)
        rect = chart.bar_rect(index)
        point = rect.center().toPoint()
        point.setY(int(rect.bottom()) - 3)  # low in the bar: inside the inner part
        return image.pixelColor(point).name()

    identified = inner_colour("ba-south-korea-since-1982")
    unknown = inner_colour("ba-operation-glory-1954")
    assert identified != unknown
    assert "identified, declared unknown" in chart.accessibleDescription()


def test_an_effort_with_no_stated_start_is_not_drawn_from_1950(window: MainWindow) -> None:
    from mia_desktop.qt.drawing.efforts_overview import EffortsOverview

    window.tabs.setCurrentIndex(2)
    overview = window.findChild(EffortsOverview)
    assert overview is not None
    overview.resize(700, overview.height())
    overview.grab()  # lay the bars out
    # "by October 2015": the brief gives no start. Its bar begins late, not at the axis.
    unstated = overview.bar_centre("ef-identification-technological-limits")
    glory = overview.bar_centre("ef-operation-glory")  # 1954
    assert unstated is not None and glory is not None
    assert unstated.x() > glory.x() + 300
