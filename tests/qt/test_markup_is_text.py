"""Text from a database is text: markup in any value is shown as the characters it is, no
image or local file is ever loaded, and only web links are offered and opened."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QTableView, QTextBrowser
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui

IMAGE = '<img src="file:///etc/hostname">'
LINK = '<a href="file:///etc/passwd">passwd</a>'
PAYLOAD = f"{IMAGE}{LINK}<b>bold</b>"


@pytest.fixture
def crafted_window(
    qtbot: QtBot, crafted_database: Callable[..., Path], settings_path: Path
) -> Iterator[MainWindow]:
    path = crafted_database(
        f"UPDATE records SET title = '{PAYLOAD}', date_label = '{PAYLOAD}'"
        " WHERE id = 'ev-1954-operation-glory'",
        f"UPDATE events SET category = 'repatriation {PAYLOAD}'"
        " WHERE id = 'ev-1954-operation-glory'",
        f"UPDATE renderings SET html = html || '{PAYLOAD}'"
        " WHERE subject = 'ev-1954-operation-glory'",
        f"UPDATE metadata SET value = '{PAYLOAD}' WHERE key IN ('publisher', 'url', 'url_note')",
        "UPDATE likely_sources SET seen_at = 'file:///etc/passwd'",
        f"UPDATE paragraphs SET text = text || ' {PAYLOAD}' WHERE number = 4",
    )
    with Database(path) as db:
        window = MainWindow(
            database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        yield window
        window.close()


def _views_html(window: MainWindow) -> str:
    return "".join(view.document().toHtml() for view in window.findChildren(QTextBrowser))


def test_markup_in_a_record_is_shown_as_text(crafted_window: MainWindow) -> None:
    crafted_window.open_record("ev-1954-operation-glory")
    panel = crafted_window.findChild(QTextBrowser, "citationView")
    assert panel is not None
    assert IMAGE in panel.toPlainText() and LINK in panel.toPlainText()
    html = _views_html(crafted_window)
    assert "<img" not in html and 'href="file:' not in html


def test_markup_in_a_paragraph_and_the_metadata_is_shown_as_text(
    crafted_window: MainWindow,
) -> None:
    crafted_window.open_record("ev-1954-operation-glory")
    crafted_window.show_in_source()
    source = crafted_window.findChild(QTextBrowser, "sourceView")
    assert source is not None
    assert IMAGE in source.toPlainText()
    assert "<img" not in source.document().toHtml()


def test_a_stored_citation_keeps_only_emphasis_and_web_links(
    crafted_window: MainWindow,
) -> None:
    crafted_window.open_record("ev-1954-operation-glory")
    html = crafted_window.findChild(QTextBrowser, "citationView").document().toHtml()  # type: ignore[union-attr]
    assert "<img" not in html and 'href="file:' not in html
    assert 'href="https://www.ncnk.org/' in html  # the real link stays
    assert "font-style:italic" in html  # and the title's italics


def test_table_tooltips_show_markup_as_text(crafted_window: MainWindow) -> None:
    table = crafted_window.findChild(QTableView, "timelineTable")
    assert table is not None
    model = table.model()
    tips = [
        model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    marked = [tip for tip in tips if tip and "file:///etc/hostname" in tip]
    assert marked
    assert all("&lt;img" in tip and "<img" not in tip for tip in marked)


def test_only_web_links_are_opened(
    crafted_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    panel = crafted_window.findChild(QTextBrowser, "citationView")
    assert panel is not None
    for url in (
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,x",
        "https://www.ncnk.org/",
    ):
        panel.anchorClicked.emit(QUrl(url))
    assert opened == ["https://www.ncnk.org/"]


def test_no_view_loads_an_image_or_a_file(crafted_window: MainWindow) -> None:
    for view in crafted_window.findChildren(QTextBrowser):
        for url in ("file:///etc/hostname", "qrc:/x.png", "https://example.org/x.png"):
            assert view.loadResource(2, QUrl(url)) is None  # 2: an image


def test_the_about_box_shows_the_metadata_as_text(
    crafted_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    crafted_window.show_about()
    assert shown and "&lt;img" in shown[0]
    assert "<img" not in shown[0] and 'href="file:' not in shown[0]
