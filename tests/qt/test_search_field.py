"""The search field as a user types in it: history only on request, Escape in order,
shortcuts that reach the window, every result within reach, names as written."""

from __future__ import annotations

from functools import partial
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListView
from pytestqt.qtbot import QtBot

from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


def _type(window: MainWindow, qtbot: QtBot, text: str) -> None:
    window.search.field.setFocus()
    qtbot.keyClicks(window.search.field, text)
    window.search.run_search()


def test_history_opens_only_on_down_in_an_empty_field(window: MainWindow, qtbot: QtBot) -> None:
    search = window.search
    search.remember("K208")
    search.remember("Operation Glory")
    _type(window, qtbot, "Ko")  # a prefix of nothing in the history, then more letters
    qtbot.keyClicks(search.field, "r")
    popup = search.completer.popup()
    assert popup is not None and not popup.isVisible()  # typing never opens it
    search.field.clear()
    qtbot.keyClick(search.field, Qt.Key.Key_Down)
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    # Escape closes the popup first, and leaves the field as it was.
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)


def test_escape_clears_the_search_and_its_filters(window: MainWindow, qtbot: QtBot) -> None:
    _type(window, qtbot, "remains")
    kinds = window.search.kind_filter
    kinds.setCurrentIndex(kinds.findData("batch"))
    assert kinds.currentIndex() != 0
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert kinds.currentIndex() == 0 and kinds.currentText().startswith("Any kind")


def test_ctrl_e_opens_export_from_the_search_field(window: MainWindow, qtbot: QtBot) -> None:
    _type(window, qtbot, "K208")
    opened: list[str] = []

    def close_the_dialog() -> None:
        dialog = window.findChild(QDialog, "exportDialog")
        if dialog is not None and dialog.isVisible():
            opened.append(dialog.windowTitle())
            dialog.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, close_the_dialog)
    qtbot.keyClick(window.search.field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["Export"]
    assert window.search.field.text() == "K208"  # not a line editor's "end of line"


def test_every_result_can_be_shown(window: MainWindow, qtbot: QtBot) -> None:
    _type(window, qtbot, "remains")
    search = window.search
    assert search.last_result is not None
    total = search.last_result.total
    assert search.model.rowCount() == 50 < total
    assert "Show all" in search.status.text() or "Show 500" in search.status.text()
    search.status.linkActivated.emit("all")
    assert search.model.rowCount() == min(total, 500)
    qtbot.keyClicks(search.field, " K208")  # a new search starts from its first results
    search.run_search()
    assert search.model.rowCount() <= 50


def test_also_searched_names_keep_their_apostrophes(window: MainWindow, qtbot: QtBot) -> None:
    _type(window, qtbot, "PRC")
    assert "People's Republic of China" in window.search.status.text().replace("&#x27;", "'")


def test_the_shortcuts_list_names_each_key_once_and_all_of_them(window: MainWindow) -> None:
    from PySide6.QtWidgets import QTextEdit, QWidget

    window.tabs.setCurrentIndex(1)  # more tables built: each has its own Ctrl+C action
    window.tabs.setCurrentIndex(2)
    window.menu_actions.shortcuts.trigger()
    dialog = window.findChild(QWidget, "shortcutsDialog")
    assert dialog is not None
    view = dialog.findChild(QTextEdit)
    assert view is not None
    text = view.toPlainText()
    assert text.count("Ctrl+C") == 1
    assert "Ctrl+F or Ctrl+K" in text
    dialog.close()


def test_a_copy_key_with_nothing_shown_says_what_to_do(window: MainWindow, qtbot: QtBot) -> None:
    assert window.panel.record is None
    window.search.field.setFocus()
    qtbot.keyClick(
        window.search.field,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.statusBar().currentMessage().startswith("Nothing to copy or show yet")


@pytest.mark.parametrize("width", [1024, 1366, 1920])
def test_a_highlighted_result_covers_only_itself(
    window: MainWindow, qtbot: QtBot, width: int
) -> None:
    window.resize(width, 760)
    _type(window, qtbot, "Pyongyang")
    results = window.search.results
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(results, Qt.Key.Key_Down)  # the second result is highlighted
    for size in (width, width - 300):  # and after the window narrows
        window.resize(size, 760)
        qtbot.waitUntil(partial(_narrower_than, results, size))
        rects = [results.visualRect(results.model().index(r, 0)) for r in range(4)]
        for above, below in pairwise(rects):
            assert above.bottom() < below.top(), (above, below)
        # Each result is tall enough for its own text at the width it is painted.
        for row, rect in enumerate(rects):
            hint = results.sizeHintForIndex(results.model().index(row, 0))
            assert rect.height() >= hint.height()


def test_records_quoting_one_sentence_are_one_result_in_the_list(window: MainWindow) -> None:
    from mia_desktop.qt.models import RECORD_ID_ROLE

    window.search.field.setText("3,313")
    window.search.run_search()
    model = window.search.results.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    shown = [row.data() for row in rows]
    assert shown[0].startswith("Event · 3,313 Americans released after the Armistice")
    assert all(text.startswith("    ↳ ") for text in shown[1:])  # under the first, indented
    assert "Shown as 1 result" in window.search.status.text()
    # Each record of the result can be chosen: it shows in the panel.
    window.search.results.setCurrentIndex(rows[1])
    record = window.panel.record
    assert record is not None and record.id == rows[1].data(RECORD_ID_ROLE)


def _narrower_than(results: QListView, width: int) -> bool:
    viewport = results.viewport()
    return viewport is not None and viewport.width() < width
