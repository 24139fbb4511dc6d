"""Where is this from? A pasted sentence is placed in its paragraph with the differences
marked, a near match is called near, and text not in the brief is said not to be."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMenu

from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui

SENTENCE = "A further 3,313 Americans were released in August 1953 after the Armistice was signed."


def test_an_exact_sentence_is_placed_in_its_paragraph(window: MainWindow) -> None:
    dialog = window.show_locate_dialog(SENTENCE)
    text = dialog.view.toPlainText()
    assert text.startswith("Word for word in paragraph 3 (Korean War Repatriations).")
    assert SENTENCE in text
    assert "Quoted by:" in text and "3,313 Americans released in August 1953" in text


def test_a_near_match_shows_what_differs(window: MainWindow) -> None:
    dialog = window.show_locate_dialog(SENTENCE.replace("3,313", "3,331"))
    text = dialog.view.toPlainText()
    assert text.startswith("Near match in paragraph 3 (Korean War Repatriations): 1 word differs.")
    html = dialog.view.toHtml()
    assert "line-through" in html and "3,313" in html and "3,331" in html


def test_text_not_in_the_brief_is_said_to_be_not_in_it(window: MainWindow) -> None:
    dialog = window.show_locate_dialog(
        "North Korea returned 500 sets of remains to the United States in 2018."
    )
    assert dialog.view.toPlainText().startswith("Not in the brief")
    assert "Quoted by" not in dialog.view.toPlainText()


def test_a_record_link_opens_the_record(window: MainWindow) -> None:
    from PySide6.QtCore import QUrl

    dialog = window.show_locate_dialog(SENTENCE)
    dialog.view.anchorClicked.emit(QUrl("record:fi-released-august-1953"))
    record = window.panel.record
    assert record is not None and record.id == "fi-released-august-1953"


def test_a_sentence_pasted_into_search_says_where_it_is_from(window: MainWindow) -> None:
    window.search.field.setText(SENTENCE)
    window.search.run_search()
    line = window.findChild(QLabel, "searchAnswer")
    assert line is not None and line.isVisibleTo(window)
    assert "Where this is from: Word for word in paragraph 3" in line.text()
    line.linkActivated.emit("locate")
    dialog = window.show_locate_dialog()
    assert dialog.isVisible() and dialog.input.toPlainText() == SENTENCE


def test_the_edit_menu_offers_it(window: MainWindow) -> None:
    edit = window.menuBar().actions()[1].menu()
    assert isinstance(edit, QMenu)
    names = [a.text() for a in edit.actions()]
    assert "&Where Is This From?…" in names
