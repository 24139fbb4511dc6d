"""The answer line: a question's figure or date above the results, with where it is from,
copied with one button; no line for a search that is not such a question."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


def _search(window: MainWindow, text: str) -> None:
    window.search.field.setText(text)
    window.search.run_search()


def _answer(window: MainWindow) -> QLabel:
    label = window.findChild(QLabel, "searchAnswer")
    assert label is not None
    return label


def _copy_button(window: MainWindow) -> QPushButton:
    button = window.findChild(QPushButton, "copyAnswerButton")
    assert button is not None
    return button


def _row_visible(window: MainWindow) -> bool:
    row = window.findChild(QWidget, "answerRow")
    assert row is not None
    return row.isVisibleTo(window)


def test_a_how_many_question_gets_the_figure_and_copies_it(window: MainWindow) -> None:
    _search(window, "how many americans were released in august 1953?")
    assert _row_visible(window)
    shown = _answer(window).text()
    assert "3,313 Americans released after the Armistice was signed, as of August 1953" in shown
    assert "NCNK, October 2015, under “Korean War Repatriations”" in shown
    button = window.findChild(QPushButton, "copyAnswerButton")
    assert button is not None
    button.click()
    copied = QGuiApplication.clipboard().mimeData()
    assert copied.text() == (
        "3,313 Americans released after the Armistice was signed, as of August 1953:"
        " NCNK, October 2015, under “Korean War Repatriations”."
    )
    assert "Copied: 3,313 Americans" in window.statusBar().currentMessage()


def test_a_derived_date_is_said_to_be_derived(window: MainWindow) -> None:
    _search(window, "how many are unaccounted for")
    shown = _answer(window).text()
    assert "Over 7,800 U.S. military personnel" in shown and "as of October 2015" in shown
    assert "Date derived, not stated in the brief" in shown
    _copy_button(window).click()
    text = QGuiApplication.clipboard().mimeData().text()
    assert "(date derived, not stated in the brief)" in text


def test_a_when_question_gets_a_date_and_its_link_opens_the_record(window: MainWindow) -> None:
    _search(window, "when did north korea return 208 boxes")
    shown = _answer(window).text()
    assert shown.startswith("Answer: ") and "1990–1994" in shown
    _answer(window).linkActivated.emit("record:ev-1990-1994-k208-turnovers")
    record = window.panel.record
    assert record is not None and record.id == "ev-1990-1994-k208-turnovers"


@pytest.mark.parametrize("text", ["K208", "who identifies remains", "why was it suspended"])
def test_no_answer_line_where_no_figure_or_date_is_asked_for(window: MainWindow, text: str) -> None:
    _search(window, text)
    assert not _row_visible(window)
