"""Copying citations as a user does: choose a style and a form, press the button or the
key, paste. Both clipboard flavours are read back, and the status bar says what was copied."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QTextBrowser, QToolButton
from pytestqt.qtbot import QtBot

from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui

URL = "https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias"


def _chooser(window: MainWindow, name: str) -> QComboBox:
    chooser = window.findChild(QComboBox, name)
    assert chooser is not None
    return chooser


def _choose(window: MainWindow, style: str, form: str) -> None:
    for name, key in (("citationStyle", style), ("citationForm", form)):
        chooser = _chooser(window, name)
        chooser.setCurrentIndex(chooser.findData(key))


def _button_texts(window: MainWindow) -> list[str]:
    return [b.text() for b in window.panel.findChildren(QToolButton)]


def _clipboard() -> tuple[str, str]:
    mime = QGuiApplication.clipboard().mimeData()
    return mime.text(), mime.html()


def test_copy_a_citation_a_bibliography_entry_and_a_lead_in_two_styles(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_record("ef-china-archives-agreement")

    _choose(window, "chicago", "citation")
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    text, html = _clipboard()
    assert text == (
        "National Committee on North Korea, Korean War POW/MIAs, issue brief (National"
        f" Committee on North Korea, October 2015), under “China,” {URL}."
    )
    assert "<i>Korean War POW/MIAs</i>" in html and f'<a href="{URL}">' in html
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Copied the Chicago 18 (notes and bibliography) note: ")
    )

    _choose(window, "apa", "bibliography")
    assert "Copy reference list entry" in _button_texts(window)
    window.menu_actions.copy_citation.trigger()
    text, html = _clipboard()
    assert (
        text
        == f"National Committee on North Korea. (2015). Korean War POW/MIAs [Issue brief]. {URL}"
    )
    assert "<i>Korean War POW/MIAs</i> [Issue brief]" in html
    assert window.statusBar().currentMessage().startswith("Copied the APA 7 reference list entry: ")

    # The lead of note 27 (the 2008 archives agreement), in APA, then as a Chicago short note.
    window.panel.view.anchorClicked.emit(QUrl("copy-lead:28"))
    text, html = _clipboard()
    assert text == (
        "U.S. Department of Defense. (2008, February 29). [Archives agreement signed in"
        " Shanghai] [News release]."
    )
    assert html.startswith("U.S. Department of Defense. (2008, February 29).")
    assert window.statusBar().currentMessage() == (
        "Copied the likely source of note 27 (APA 7 reference list entry); it is a lead, not"
        " the brief's own endnote"
    )
    _choose(window, "chicago", "short")
    window.panel.view.anchorClicked.emit(QUrl("copy-lead:28"))
    text, html = _clipboard()
    assert text == "U.S. Department of Defense, [Archives agreement signed in Shanghai]."
    assert "(Chicago 18 (notes and bibliography) short note)" in window.statusBar().currentMessage()


def test_the_form_chooser_speaks_each_style_s_language(window: MainWindow) -> None:
    forms = _chooser(window, "citationForm")

    def names() -> list[str]:
        return [forms.itemText(i) for i in range(forms.count())]

    _choose(window, "chicago", "citation")
    assert names() == ["Note", "Short note", "Bibliography entry"]
    _choose(window, "mla", "citation")
    assert names() == [
        "In-text citation",
        "Short note: the in-text citation",
        "Works-cited entry",
    ]
    _choose(window, "bibtex", "citation")
    assert names()[0] == "Citation command" and names()[2] == "Entry"


def test_markdown_copies_the_chosen_style_and_form(window: MainWindow, qtbot: QtBot) -> None:
    window.open_record("ba-k208-1990-1994")
    _choose(window, "chicago", "short")
    qtbot.keyClick(
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    text, html = _clipboard()
    assert text == (
        "National Committee on North Korea, *Korean War POW/MIAs*, under “Remains Recovery"
        " Operations in North Korea.”"
    )
    assert "<i>Korean War POW/MIAs</i>" in html
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Copied the Chicago 18 (notes and bibliography) short note as Markdown: ")
    )
    _choose(window, "bibtex", "citation")
    window.menu_actions.copy_markdown.trigger()
    assert _clipboard()[0] == (
        "```bibtex\n\\cite[under “Remains Recovery Operations in North Korea”]{ncnk2015}\n```\n"
    )


def test_quote_with_citation_names_its_fallback_for_a_data_format(window: MainWindow) -> None:
    window.open_record("ba-k208-1990-1994")
    assert "Quote + citation" in _button_texts(window)
    _choose(window, "ris", "citation")
    assert "Quote + Chicago note" in _button_texts(window)
    window.menu_actions.copy_quote.trigger()
    quote, citation = _clipboard()[0].split("\n")
    assert "‘K208,’ these boxed [sic] contained" in quote
    assert citation.startswith("National Committee on North Korea, Korean War POW/MIAs, issue")
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Copied the quote with its note (Chicago 18 (notes and bibliography)): ")
    )


def test_the_panel_shows_every_form_and_the_one_copy_gives(window: MainWindow) -> None:
    window.open_record("co-russia")
    _choose(window, "chicago", "short")
    view = window.findChild(QTextBrowser, "citationView")
    assert view is not None
    text = view.toPlainText()
    assert "Note\n" in text and "Short note (Copy gives this)" in text
    assert "Bibliography entry\n" in text
    assert "National Committee on North Korea, Korean War POW/MIAs, under “Russia.”" in text
    assert "Note 30" in text  # the passage's endnote, as a fact about it, with its lead
