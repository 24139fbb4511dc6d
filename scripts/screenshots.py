"""Render every tab in light and dark offscreen into docs/screenshots/ (for the README).

QT_QPA_PLATFORM=offscreen python scripts/screenshots.py
python scripts/screenshots.py --review DIR   # every tab at the sizes reviews use, and scale 2

A review run renders each tab at 1024x700, 1366x768 and 1920x1080, and at 1280x800 with
QT_SCALE_FACTOR=2 (one process per scale, since Qt reads the factor at start-up).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mia_desktop import paths
from mia_desktop.db.store import Database
from mia_desktop.qt.main_window import MainWindow

OUT = paths.REPO_ROOT / "docs" / "screenshots"
SIZE = (1440, 900)
REVIEW_SIZES = [(1024, 700), (1366, 768), (1920, 1080)]
SCALED_SIZE = (1280, 800)  # in device-independent pixels, at scale 2

# (file name, tab index, record to select, search text)
SHOTS = [
    ("timeline.png", 0, "ev-1954-operation-glory", ""),
    ("remains-batches.png", 1, "ba-k208-1990-1994", ""),
    ("country-efforts.png", 2, "ef-china-archives-agreement", ""),
    ("figures.png", 3, "fi-unaccounted-for-2015", ""),
    ("source.png", 4, "ba-k208-1990-1994", ""),
    ("search.png", 0, "", "Richardsen"),
    ("question.png", 0, "", "how many americans were released in august 1953?"),
    ("index.png", 5, "ev-2005-recovery-missions-suspended", ""),
    ("later-event.png", 0, "le-2018-07-27-k55-returned", ""),
]
INDEX_TAB = 5


def shoot(
    db: Database,
    settings: QSettings,
    theme: str,
    folder: Path,
    size: tuple[int, int] = SIZE,
) -> None:
    app = QApplication.instance()
    assert app is not None
    folder.mkdir(parents=True, exist_ok=True)
    for name, tab, record_id, text in SHOTS:
        window = MainWindow(database=db, settings=settings)
        window.set_theme(theme, save=False)
        window.resize(*size)
        window.show()
        window.tabs.setCurrentIndex(tab)
        if record_id and tab == INDEX_TAB:
            window.index_tab.select_record(record_id)  # its first heading, in the index
        elif record_id:
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


def review(out: Path) -> int:
    """Every tab at each review size in both themes, then again at scale 2 in a child."""
    if os.environ.get("QT_SCALE_FACTOR") != "2":
        child = subprocess.run(
            [sys.executable, __file__, "--review", str(out)],
            env={**os.environ, "QT_SCALE_FACTOR": "2"},
            check=False,
        )
        if child.returncode:
            return child.returncode
        sizes = REVIEW_SIZES
    else:
        sizes = [SCALED_SIZE]
    scale = "@2x" if sizes == [SCALED_SIZE] else ""
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as scratch, Database(paths.bundled_database()) as db:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        for width, height in sizes:
            for theme in ("light", "dark"):
                shoot(
                    db, settings, theme, out / f"{width}x{height}{scale}" / theme, (width, height)
                )
    QGuiApplication.clipboard().clear()
    del app
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--review"]:
        return review(Path(sys.argv[2]))
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
