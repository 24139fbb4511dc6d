"""The shown main window that the GUI tests drive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, db: Database, settings_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    main = MainWindow(database=db, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    # As a user first meets it: painted, and what start-up builds after the first frame
    # (the tab order, the pages not on screen) built.
    qtbot.waitUntil(lambda: main.first_paint.done)
    yield main
