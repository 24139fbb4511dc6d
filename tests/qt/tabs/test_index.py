"""The Index tab: A–Z headings (ours, labelled so), their records, "see also"; the panel
lists a record's index terms and each leads to its heading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QTabWidget, QTextBrowser, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


def _tabs(window: MainWindow) -> QTabWidget:
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    return tabs


def _open_index(window: MainWindow) -> None:
    tabs = _tabs(window)
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("Index"))


def _tree(window: MainWindow) -> QTreeWidget:
    tree = window.findChild(QTreeWidget, "indexTree")
    assert tree is not None
    return tree


def _current(window: MainWindow) -> QTreeWidgetItem:
    item = _tree(window).currentItem()
    assert item is not None
    return item


def _panel_text(window: MainWindow) -> str:
    view = window.findChild(QTextBrowser, "citationView")
    assert view is not None
    return view.toPlainText()


def test_headings_are_a_to_z_under_letters_and_say_they_are_ours(window: MainWindow) -> None:
    _open_index(window)
    headings = window.index_tab.headings()
    assert len(headings) >= 40
    assert headings == sorted(headings, key=str.casefold)
    tree = _tree(window)
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    letters = [item.text(0) for item in tops if item is not None]
    assert letters == sorted(set(letters)) and all(len(letter) == 1 for letter in letters)
    notes = " ".join(label.text() for label in window.index_tab.findChildren(QLabel))
    assert "are this app's, not the brief's" in notes


def test_choosing_a_record_shows_it_in_the_panel(window: MainWindow) -> None:
    _open_index(window)
    tab = window.index_tab
    record_id = tab.records_under("Operation Glory (1954)")[0]
    assert tab.select_record(record_id)
    record = window.panel.record
    assert record is not None and record.id == record_id
    assert record.title in _panel_text(window)
    assert _current(window).text(0) == record.title


def test_enter_on_a_record_opens_it_in_its_tab(window: MainWindow) -> None:
    _open_index(window)
    tab = window.index_tab
    assert tab.select_record("ev-2005-recovery-missions-suspended")
    tree = _tree(window)
    tree.itemActivated.emit(_current(window), 0)
    assert _tabs(window).tabText(_tabs(window).currentIndex()) == "Timeline"
    assert window.timeline.highlighted_record_id() == "ev-2005-recovery-missions-suspended"


def test_see_also_leads_to_the_other_heading(window: MainWindow) -> None:
    _open_index(window)
    tab = window.index_tab
    tree = _tree(window)
    assert tab.show_heading("Operation Glory (1954)")
    heading = _current(window)
    rows = [heading.child(n) for n in range(heading.childCount())]
    see_also = next(row for row in rows if row is not None and row.text(0).startswith("See also: "))
    target = see_also.text(0).removeprefix("See also: ")
    tree.itemActivated.emit(see_also, 0)
    assert _current(window).text(0) == target


def test_the_filter_keeps_headings_whose_words_match(window: MainWindow) -> None:
    _open_index(window)
    tab = window.index_tab
    everything = tab.headings()
    tab.filter.setText("halted")  # a word given under a heading, not in its term
    shown = tab.headings()
    assert 0 < len(shown) < len(everything)
    assert not any("halted" in h.casefold() for h in shown)
    tab.filter.setText("zzz no such heading")
    assert tab.headings() == []
    tab.filter.clear()
    assert tab.headings() == everything


def test_the_panel_lists_index_terms_that_open_their_heading(
    window: MainWindow, db: Database
) -> None:
    record_id = "ev-2005-recovery-missions-suspended"
    window.open_record(record_id)
    text = _panel_text(window)
    assert "Index terms (this app’s, not the brief’s)" in text
    terms = db.subjects(record_id)
    assert terms and all(term in text for term in terms)
    link = QUrl("index:" + QUrl.toPercentEncoding(terms[-1]).toStdString())
    window.panel.view.anchorClicked.emit(link)
    assert _tabs(window).tabText(_tabs(window).currentIndex()) == "Index"
    assert _current(window).text(0) == terms[-1]


def test_down_in_the_filter_moves_into_the_headings(window: MainWindow, qtbot: QtBot) -> None:
    _open_index(window)
    tab = window.index_tab
    tab.filter.setFocus()
    qtbot.keyClicks(tab.filter, "halted")
    qtbot.keyClick(tab.filter, Qt.Key.Key_Down)
    assert _current(window).text(0) == tab.headings()[0]
