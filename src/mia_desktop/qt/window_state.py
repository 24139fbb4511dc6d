"""The window's state between runs: its size and place, its splitters, the tab shown."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QMainWindow, QSplitter, QTabWidget, QWidget

from mia_desktop.qt.settings import GEOMETRY_KEY, TAB_KEY, splitter_key


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """The first-run size, no larger than nine tenths of the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * 0.9))
        height = min(height, int(available.height() * 0.9))
    window.resize(width, height)


def named_splitters(widget: QWidget) -> list[QSplitter]:
    return [s for s in widget.findChildren(QSplitter) if s.objectName()]


def restore_splitters(settings: QSettings, splitters: list[QSplitter]) -> None:
    for splitter in splitters:
        state = settings.value(splitter_key(splitter.objectName()))
        if isinstance(state, QByteArray):
            splitter.restoreState(state)


def restore_window(
    settings: QSettings, window: QMainWindow, splitters: list[QSplitter], tabs: QTabWidget
) -> None:
    geometry = settings.value(GEOMETRY_KEY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    restore_splitters(settings, splitters)
    try:
        index = int(settings.value(TAB_KEY, 0))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        index = 0
    tabs.setCurrentIndex(index if 0 <= index < tabs.count() else 0)


def save_window(
    settings: QSettings, window: QMainWindow, splitters: list[QSplitter], tabs: QTabWidget
) -> None:
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    for splitter in splitters:
        settings.setValue(splitter_key(splitter.objectName()), splitter.saveState())
    settings.setValue(TAB_KEY, tabs.currentIndex())
    settings.sync()


def focusable(widget: QWidget) -> list[QWidget]:
    """The controls inside a widget that Tab should reach, in the order they were made."""
    return [
        child
        for child in widget.findChildren(QWidget)
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus
        and child.window() is widget.window()
        and not isinstance(child.parentWidget(), QComboBox)  # a combo's own parts
        and not child.isHidden()
    ]


def walk_in_order(
    first: list[QWidget], pages: list[QWidget], *, panel: QWidget, panel_view: QWidget
) -> None:
    """Set the Tab order: the given controls, each page's, then the panel's controls and
    last what the panel shows."""
    chain = list(first)
    for page in pages:
        chain += focusable(page)
    chain += [w for w in focusable(panel) if w is not panel_view]
    chain.append(panel_view)
    for before, after in pairwise(chain):
        QWidget.setTabOrder(before, after)
