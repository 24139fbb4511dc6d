"""The app under what users' machines do to it: signals, unreadable settings, two windows,
a database another program locks, a value no part of the app expected."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.main_window import MainWindow
from mia_desktop.qt.models import Column, RecordTableModel

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_window_as_a_user_does(tmp_path: Path, number: int) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    settings = tmp_path / "config" / "mia-desktop" / "mia-desktop.ini"
    app = subprocess.Popen(
        [sys.executable, "-m", "mia_desktop"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The settings file is written from the event loop, after the handlers are set.
        deadline = time.monotonic() + 30
        while not settings.exists():
            assert app.poll() is None and time.monotonic() < deadline, "the app did not start"
            time.sleep(0.1)
        time.sleep(0.5)
        app.send_signal(number)
        code = app.wait(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert code == 0
    assert "geometry=" in settings.read_text()  # the state a close saves ([window])


def test_unreadable_settings_give_defaults_with_one_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mia_desktop.qt.settings import checked_settings

    path = tmp_path / "settings" / "mia-desktop.ini"
    path.parent.mkdir()
    path.write_text("[window]\ntab=2\n")
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:  # as a folder without read permission does (root reads anything)
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    settings = checked_settings(QSettings(str(path), QSettings.Format.IniFormat))
    warnings = capsys.readouterr().err.strip().splitlines()
    assert len(warnings) == 1 and "cannot be read (Permission denied)" in warnings[0]
    assert Path(settings.fileName()) != path
    monkeypatch.undo()
    assert path.read_text() == "[window]\ntab=2\n"  # left as it was


def test_two_windows_keep_each_other_s_search_history(
    qtbot: QtBot, db: Database, settings_path: Path
) -> None:
    windows = []
    for _ in range(2):  # two instances of the app, one settings file
        window = MainWindow(
            database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        windows.append(window)
    windows[0].search.remember("K208")
    windows[1].search.remember("Operation Glory")
    windows[0].search.remember("Richardson")
    for window in windows:
        window.close()
    later = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(later)
    assert later.search.history() == ["Richardson", "Operation Glory", "K208"]


def test_a_cell_that_cannot_be_read_is_empty_and_reported(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _type, error, _tb: reported.append(error))

    def unreadable(_record: object) -> str:
        raise ValueError("a value no part of the app expected")

    model = RecordTableModel(
        columns=[Column("Broken", unreadable)], records=db.records("event")[:3]
    )
    assert model.index(0, 0).data() is None  # Qt gets nothing, not an exception
    assert model.index(1, 0).data() is None
    qtbot.waitUntil(lambda: len(reported) == 1)
    qtbot.wait(50)
    assert len(reported) == 1  # once per model, not once per cell
    assert "no part of the app expected" in str(reported[0])
