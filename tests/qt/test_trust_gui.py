"""Trust, in the running GUI: the data is never written, user settings survive, unexpected
errors are logged and reported once while the app goes on, and the app has its icon."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mia_desktop import main, paths
from mia_desktop.db.store import Database
from mia_desktop.qt.crash import ErrorReporter
from mia_desktop.qt.main_window import MainWindow
from mia_desktop.qt.settings import checked_settings

pytestmark = pytest.mark.gui


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _window(qtbot: QtBot, db: Database, settings: QSettings) -> MainWindow:
    window = MainWindow(database=db, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_whole_session_leaves_the_bundled_database_unchanged(
    qtbot: QtBot, tmp_path: Path
) -> None:
    database = paths.bundled_database()
    before = (_sha256(database), database.stat().st_mtime_ns)
    siblings = sorted(p.name for p in database.parent.iterdir())
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with Database(database) as db:
        window = _window(qtbot, db, settings)
        for index in range(window.tabs.count()):  # browse every tab
            window.tabs.setCurrentIndex(index)
            qtbot.wait(10)
        for query in ("Operation Glory", "3313", "Richardsen", "K-208", "Punchbowl"):
            window.search.field.setText(query)
            window.search.run_search()
            assert window.search.last_result is not None and window.search.last_result.hits
        result = window.search.last_result
        assert result is not None
        window.open_record(result.hits[0].record.id)
        window.menu_actions.copy_citation.trigger()
        assert "Korean War POW/MIAs" in QGuiApplication.clipboard().text()
        window.menu_actions.copy_quote.trigger()
        window.menu_actions.copy_markdown.trigger()
        out = tmp_path / "x.json"
        assert window.exporting.export_to(out, what="all", fmt="json")
        assert json.loads(out.read_text(encoding="utf-8"))["records"]
        assert window.exporting.export_to(tmp_path / "x.csv", what="all", fmt="csv")
        assert window.exporting.export_to(tmp_path / "x.md", what="all", fmt="markdown")
        assert window.exporting.export_to(tmp_path / "x.bib", what="bibliography", fmt="bibtex")
        window.close()
    assert (_sha256(database), database.stat().st_mtime_ns) == before
    assert sorted(p.name for p in database.parent.iterdir()) == siblings  # no -journal, -wal


def test_settings_the_app_wrote_are_accepted_and_kept(
    qtbot: QtBot, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Searches with characters that an INI file must escape, written by the app itself.
    odd = ["P'yŏngyang", "a = b; [c] #d", 'say "K208" \\ 1954', "  375–400 %20 ,x,  "]
    path = tmp_path / "settings.ini"
    window = _window(qtbot, db, checked_settings(QSettings(str(path), QSettings.Format.IniFormat)))
    for text in odd:
        window.search.remember(text)
    window.tabs.setCurrentIndex(2)
    window.close()
    del window
    capsys.readouterr()
    again = _window(qtbot, db, checked_settings(QSettings(str(path), QSettings.Format.IniFormat)))
    assert capsys.readouterr().err == ""  # no warning: nothing was thrown away
    # Down in the search field recalls them, the last one first.
    assert again.search.history()[: len(odd)] == [text.strip() for text in reversed(odd)]
    assert again.tabs.currentIndex() == 2


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_told_once_on_stderr(
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    logs = tmp_path / "logs"
    ErrorReporter(interactive=False, log_dir=logs).install()
    window = _window(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    calls: list[int] = []

    def broken_slot() -> None:
        calls.append(1)
        raise ValueError(f"broken slot, call {len(calls)}")

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(broken_slot)
    timer.start()
    qtbot.waitUntil(lambda: len(calls) >= 3)
    timer.stop()
    # The app goes on: the window still searches.
    window.search.field.setText("Operation Glory")
    window.search.run_search()
    assert window.search.last_result is not None and window.search.last_result.hits

    log = (logs / "mia-desktop.log").read_text(encoding="utf-8")
    assert log.count("Traceback (most recent call last)") == len(calls)
    assert "ValueError: broken slot, call 1" in log and "in broken_slot" in log
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        "mia-desktop: unexpected error: ValueError: broken slot, call 1;"
        f" details in {logs / 'mia-desktop.log'}; the app keeps running"
    )
    assert all(line.startswith("mia-desktop: unexpected error (again): ") for line in err[1:])
    assert len(err) == len(calls)
    assert not _error_dialogs()  # offscreen: stderr, never a dialog


@pytest.mark.qt_no_exception_capture
def test_with_a_display_the_first_error_gets_one_dialog_that_does_not_block(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    logs = tmp_path / "logs"
    ErrorReporter(interactive=True, log_dir=logs).install()
    calls: list[int] = []

    def broken_slot() -> None:
        calls.append(1)
        raise KeyError("no such thing")

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(broken_slot)
    timer.start()
    qtbot.waitUntil(lambda: len(calls) >= 3)  # the event loop kept running past the dialog
    timer.stop()
    dialogs = _error_dialogs()
    assert len(dialogs) == 1
    box = dialogs[0]
    assert not box.isModal()
    assert "keeps running" in box.text()
    assert "KeyError: 'no such thing'" in box.informativeText()
    assert str(logs / "mia-desktop.log") in box.informativeText()
    assert "Traceback (most recent call last)" in box.detailedText()
    box.close()
    box.deleteLater()


def _error_dialogs() -> list[QMessageBox]:
    return [
        widget
        for widget in QApplication.allWidgets()
        if isinstance(widget, QMessageBox)
        and widget.objectName() == "unexpectedErrorDialog"
        and widget.isVisible()
    ]


def test_the_app_icon_is_set_and_legible_at_16_px(qapp: QApplication) -> None:
    assert main(["--exit-after-startup"]) == 0
    icon = qapp.windowIcon()
    assert not icon.isNull()
    for source in (icon, QIcon(str(paths.app_icon()))):
        image = source.pixmap(16, 16).toImage()
        assert image.width() == 16 and image.height() == 16
        colours = {
            QColor(image.pixel(x, y)).name()
            for x in range(16)
            for y in range(16)
            if QColor(image.pixel(x, y)).alpha() == 255
        }
        # Navy tile and a light tag, both plain to see at 16 px.
        dark = [c for c in colours if QColor(c).lightness() < 80]
        light = [c for c in colours if QColor(c).lightness() > 200]
        assert dark and light


def test_a_large_damaged_file_is_refused_once_its_background_check_ends(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from mia_desktop.db import store as db_module
    from mia_desktop.qt.app import run

    # Any file counts as large here, so the check runs after the window shows.
    monkeypatch.setattr(db_module, "INTEGRITY_CHECK_AT_OPEN", 0)
    data = bytearray(paths.bundled_database().read_bytes())
    page = len(data) // 4096 - 2  # a late page: the window's first queries do not read it
    data[page * 4096 : (page + 1) * 4096] = bytes((i * 31) % 256 for i in range(4096))
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    QTimer.singleShot(20_000, QApplication.closeAllWindows)  # never hang the suite
    assert run(db_path=damaged, settings=settings) == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if "propagate" not in line]
    assert len(lines) == 1 and lines[0].startswith(f"mia-desktop: {damaged}: is damaged")
