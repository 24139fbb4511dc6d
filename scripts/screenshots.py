"""Render every tab of the main window offscreen into docs/screenshots/ (for the README).

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

# (file name, tab index, record to select, search text)
SHOTS = [
    ("timeline.png", 0, "ev-1954-operation-glory", ""),
    ("remains-batches.png", 1, "ba-k208-1990-1994", ""),
    ("country-efforts.png", 2, "ef-china-archives-agreement", ""),
    ("figures.png", 3, "fi-unaccounted-for-2015", ""),
    ("search.png", 0, "", "K208"),
]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch, Database(paths.bundled_database()) as db:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        for name, tab, record_id, text in SHOTS:
            window = MainWindow(database=db, settings=settings)
            window.resize(1400, 860)
            window.show()
            window.tabs.setCurrentIndex(tab)
            if record_id:
                window.open_record(record_id)
            if text:
                window.search.field.setText(text)
                window.search.run_search()
            app.processEvents()
            window.grab().save(str(OUT / name))
            print(OUT / name)
            window.close()
        source_window = MainWindow(database=db, settings=settings)
        source_window.resize(1400, 860)
        source_window.show()
        source_window.open_record("ba-k208-1990-1994")
        source_window.show_in_source()
        app.processEvents()
        source_window.grab().save(str(OUT / "source.png"))
        print(OUT / "source.png")
        source_window.close()
    QGuiApplication.clipboard().clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
