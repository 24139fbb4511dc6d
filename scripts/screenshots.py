"""Render every tab in light and dark offscreen into docs/screenshots/ (for the README).

QT_QPA_PLATFORM=offscreen python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mia_desktop import paths
from mia_desktop.db import Database
from mia_desktop.qt.main_window import MainWindow

OUT = paths.REPO_ROOT / "docs" / "screenshots"
SIZE = (1440, 900)

# (file name, tab index, record to select, search text)
SHOTS = [
    ("timeline.png", 0, "ev-1954-operation-glory", ""),
    ("remains-batches.png", 1, "ba-k208-1990-1994", ""),
    ("country-efforts.png", 2, "ef-china-archives-agreement", ""),
    ("figures.png", 3, "fi-unaccounted-for-2015", ""),
    ("source.png", 4, "ba-k208-1990-1994", ""),
    ("search.png", 0, "", "Richardsen"),
]


def shoot(db: Database, settings: QSettings, theme: str, folder: Path) -> None:
    app = QApplication.instance()
    assert app is not None
    folder.mkdir(parents=True, exist_ok=True)
    for name, tab, record_id, text in SHOTS:
        window = MainWindow(database=db, settings=settings)
        window.set_theme(theme, save=False)
        window.resize(*SIZE)
        window.show()
        window.tabs.setCurrentIndex(tab)
        if record_id:
            window.open_record(record_id)
            if tab == 4:
                window.show_in_source()
        if text:
            window.search.field.setText(text)
            window.search.run_search()
        app.processEvents()
        window.grab().save(str(folder / name))
        print(folder / name)
        window.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as scratch, Database(paths.bundled_database()) as db:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        for theme in ("light", "dark"):
            shoot(db, settings, theme, OUT / theme)
    QGuiApplication.clipboard().clear()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
