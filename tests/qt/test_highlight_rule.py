"""One rule everywhere: the highlighted item is the record the panel shows and the record
the copy commands copy. A highlight that no longer means that is cleared."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from mia_desktop.citing.citer import Citer
from mia_desktop.db.store import Database
from mia_desktop.qt.main_window import MainWindow
from mia_desktop.qt.tabs.base import RecordTab

pytestmark = pytest.mark.gui


def _highlighted(window: MainWindow) -> set[str]:
    """Every record highlighted anywhere a user can see a highlight in a list or table."""
    found = {window.search.highlighted_record_id()}
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    for index in range(tabs.count()):
        page = tabs.widget(index)
        tab = page.findChild(RecordTab) if page is not None else None
        if tab is not None:
            found.add(tab.highlighted_record_id())
    return {record_id for record_id in found if record_id}


def _assert_one_record(window: MainWindow, citer: Citer) -> None:
    shown = window.panel.record
    highlighted = _highlighted(window)
    assert highlighted <= ({shown.id} if shown else set()), (highlighted, shown and shown.id)
    window.menu_actions.copy_citation.trigger()
    if shown is not None:
        copied = QGuiApplication.clipboard().mimeData().text()
        assert copied == citer.cite(shown, window.panel.citation_style).text


def test_arrows_in_the_search_results_move_the_panel_and_the_copy(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    window.open_record("ef-dna-identification")
    qtbot.keyClicks(window.search.field, "Pyongyang")
    window.search.run_search()
    assert window.search.highlighted_record_id() is None  # typing highlights nothing
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.results, Qt.Key.Key_Down)
    highlighted = window.search.highlighted_record_id()
    assert highlighted is not None and window.panel.record is not None
    assert window.panel.record.id == highlighted != "ef-dna-identification"
    _assert_one_record(window, Citer(db))


def test_a_new_tab_highlights_nothing_the_panel_does_not_show(
    window: MainWindow, db: Database
) -> None:
    window.open_record("ev-1954-operation-glory")
    window.tabs.setCurrentIndex(2)  # Country efforts: built now, with its first country
    _assert_one_record(window, Citer(db))
    assert window.panel.record is not None and window.panel.record.id == "ev-1954-operation-glory"


def test_a_record_opened_elsewhere_clears_the_timeline_s_highlight(
    window: MainWindow, db: Database
) -> None:
    table = window.findChild(QTableView, "timelineTable")
    assert table is not None
    table.selectRow(3)
    first = window.panel.record
    assert first is not None and _highlighted(window) == {first.id}
    window.open_record("fi-clarified-via-russia-commission")  # the Figures tab
    assert _highlighted(window) == {"fi-clarified-via-russia-commission"}
    _assert_one_record(window, Citer(db))


def test_random_navigation_never_leaves_highlight_panel_and_copy_apart(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    citer = Citer(db)
    rng = random.Random(2015)
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    for _step in range(80):
        action = rng.choice(["tab", "row", "arrow", "search", "results", "escape"])
        if action == "tab":
            tabs.setCurrentIndex(rng.randrange(tabs.count()))
        elif action in {"row", "arrow"}:
            tables = [t for t in tabs.currentWidget().findChildren(QTableView) if t.isVisible()]
            if not tables:
                continue
            table = rng.choice(tables)
            rows = table.model().rowCount()
            if rows == 0:
                continue
            if action == "row":
                table.selectRow(rng.randrange(rows))
            else:
                table.setFocus()
                qtbot.keyClick(table, rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up]))
        elif action == "search":
            window.search.field.setText(rng.choice(["Korea", "remains", "Russia", "1954", "K208"]))
            window.search.run_search()
        elif action == "results":
            window.search.field.setFocus()
            qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
            for _ in range(rng.randrange(3)):
                qtbot.keyClick(window.search.results, Qt.Key.Key_Down)
        else:
            qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
        _assert_one_record(window, citer)
