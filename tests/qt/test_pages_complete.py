"""Start-up paints the skeleton first and builds the rest after the first frame: once a page
is shown, it is whole. Every table holds its rows, every drawing draws, every text reads, and
no part of the page is an empty box waiting for what was left for later."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsView,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.drawing.efforts_overview import EffortsOverview
from mia_desktop.qt.drawing.history_chart import HistoryChart
from mia_desktop.qt.drawing.remains_chart import RemainsChart
from mia_desktop.qt.main_window import MainWindow
from mia_desktop.qt.pages import PAGES

pytestmark = pytest.mark.gui

DRAWINGS = (EffortsOverview, HistoryChart, RemainsChart)
WidgetT = TypeVar("WidgetT", bound=QWidget)


def _colours(image: QImage) -> int:
    """How many different colours a picture holds (a blank box holds one or two)."""
    step = max(1, image.width() // 120)
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def _shown(page: QWidget, kind: type[WidgetT]) -> list[WidgetT]:
    return [w for w in page.findChildren(kind) if w.isVisibleTo(page) and w.width() > 0]


def _show_page(window: MainWindow, qtbot: QtBot, number: int) -> QWidget:
    window.tabs.setCurrentIndex(number)
    qtbot.waitUntil(lambda: window.first_paint.done)
    QApplication.processEvents()
    page = window.tabs.currentWidget()
    assert page is not None and page.isVisible()
    return page


@pytest.mark.parametrize("number", range(len(PAGES)), ids=[page.title for page in PAGES])
def test_a_page_is_whole_once_shown(
    window: MainWindow, qtbot: QtBot, db: Database, number: int
) -> None:
    page = _show_page(window, qtbot, number)
    views = _shown(page, QAbstractItemView)
    graphics = _shown(page, QGraphicsView)
    drawings: list[QWidget] = [*graphics, *(w for kind in DRAWINGS for w in _shown(page, kind))]
    texts = _shown(page, QTextBrowser)
    assert views or drawings or texts, f"{PAGES[number].title} shows nothing"
    for view in views:
        model = view.model()
        assert model is not None and model.rowCount() > 0, f"{view.objectName()} is empty"
        assert model.index(0, 0).data(), f"{view.objectName()}'s first row reads nothing"
    for graphic in graphics:
        scene = graphic.scene()
        assert scene is not None and scene.items(), f"{graphic.objectName()} holds nothing"
    for drawing in drawings:
        assert _colours(drawing.grab().toImage()) > 3, f"{drawing.objectName()} draws nothing"
    for text in texts:
        assert text.toPlainText().strip(), f"{text.objectName()} reads nothing"
    # The records a page lists are all there to scroll to (a page of rows is read at a time,
    # the count is of them all).
    rows = [v.model().rowCount() for v in views if hasattr(v.model(), "sourceModel")]
    for kind in PAGES[number].kinds:
        total = db.count_ids(kind)
        if total and kind in ("event", "batch"):
            assert min(total, 100) in rows, f"{kind}: {rows} rows, {total} records"


def test_the_first_frame_is_what_stays_on_screen(
    qtbot: QtBot, db: Database, settings_path: Path
) -> None:
    """What start-up leaves for after the first frame changes nothing a user sees: the
    window as first painted is the window once all of start-up is done, pixel for pixel."""
    window = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    frames: list[QImage] = []
    window.first_paint.then(lambda: frames.append(window.grab().toImage()), first=True)
    window.show()
    qtbot.waitUntil(lambda: window.first_paint.done)
    QApplication.processEvents()
    settled = window.grab().toImage()
    assert len(frames) == 1
    assert frames[0] == settled
    drawing = window.findChild(QGraphicsView, "timelineDrawing")
    assert drawing is not None and drawing.isVisible() and drawing.scene().items()
