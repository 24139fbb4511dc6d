"""Run by tests/qt/test_real_window.py under Xvfb on the xcb platform: drive the drawings as a
user does (keys, wheel, scroll bars) and compare what the X server shows with a fresh paint.

Offscreen rendering repaints everything each time, so it cannot see a drawing that scrolls
its old pixels and leaves stale parts behind (the timeline once read "2005 2000" after a zoom).
Prints one JSON object: for each check, the share of pixels that differ.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

from mia_desktop import paths
from mia_desktop.db.store import Database
from mia_desktop.qt.drawing.timeline_view import TimelineView
from mia_desktop.qt.main_window import MainWindow


def _settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()
        QTest.qWait(30)


def _difference(shown: QImage, painted: QImage) -> float:
    """The share of pixels that differ by more than a little (antialiasing aside)."""
    shown = shown.convertToFormat(QImage.Format.Format_RGB32)
    painted = painted.convertToFormat(QImage.Format.Format_RGB32)
    width, height = min(shown.width(), painted.width()), min(shown.height(), painted.height())
    differ = 0
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            a, b = shown.pixelColor(x, y), painted.pixelColor(x, y)
            if abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 60:
                differ += 1
    return differ / max(1, (width // 2) * (height // 2))


def _on_screen(widget: QWidget) -> QImage:
    """The pixels the X server holds for the widget, not a new paint of it."""
    screen = QGuiApplication.primaryScreen()
    origin = widget.mapToGlobal(QPoint(0, 0))
    return screen.grabWindow(0, origin.x(), origin.y(), widget.width(), widget.height()).toImage()


def _wheel(widget: QWidget, delta: int, modifiers: Qt.KeyboardModifier) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def main() -> int:
    app = QApplication(sys.argv)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch, Database(paths.bundled_database()) as db:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(database=db, settings=settings)
        window.resize(1280, 760)
        window.show()
        window.activateWindow()
        _settle(app)
        timeline = window.findChild(TimelineView, "timelineDrawing")
        assert timeline is not None
        timeline.setFocus()
        for _ in range(2):
            QTest.keyClick(timeline, Qt.Key.Key_Plus)
            _settle(app)
        _wheel(timeline.viewport(), 120, Qt.KeyboardModifier.ControlModifier)
        _settle(app)
        bar = timeline.horizontalScrollBar()
        for value in (bar.maximum() // 3, bar.maximum() // 2, bar.maximum()):
            bar.setValue(value)
            _settle(app)
        vertical = timeline.verticalScrollBar()
        vertical.setValue(vertical.maximum())
        _settle(app)
        results["timeline zoomed and scrolled"] = _difference(
            _on_screen(timeline.viewport()), timeline.viewport().grab().toImage()
        )
        window.tabs.setCurrentIndex(2)
        _settle(app)
        scroller = window.findChild(QScrollArea, "effortsOverviewScroller")
        assert isinstance(scroller, QAbstractScrollArea)
        for _ in range(3):
            _wheel(scroller.viewport(), -120, Qt.KeyboardModifier.NoModifier)
            _settle(app)
        results["efforts drawing scrolled"] = _difference(
            _on_screen(scroller.viewport()), scroller.viewport().grab().toImage()
        )
        window.close()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
