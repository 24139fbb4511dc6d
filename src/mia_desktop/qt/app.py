"""The one wiring point: QApplication, database, settings, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mia_desktop import paths
from mia_desktop.db import Database, DatabaseError
from mia_desktop.qt.main_window import APP_NAME, MainWindow, clear_clipboard_on_quit

EXIT_BAD_INPUT = 2
_HEADLESS_PLATFORMS = {"offscreen", "minimal"}


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS_PLATFORMS:
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _can_start_qt() -> bool:
    # Without a display and without an explicit platform, Qt aborts the process.
    return _has_display() or bool(os.environ.get("QT_QPA_PLATFORM"))


def default_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def run(
    *,
    db_path: Path | None = None,
    exit_after_startup: bool = False,
    settings: QSettings | None = None,
) -> int:
    """Start the GUI and return its exit code (reusing a QApplication if one exists)."""
    path = db_path or paths.bundled_database()
    if not _can_start_qt():
        print(
            "mia-desktop: no display to show the window on (set DISPLAY, or"
            " QT_QPA_PLATFORM=offscreen for a headless run)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        database = Database(path)
    except DatabaseError as error:
        return _report_bad_database(error, interactive=_has_display() and not exit_after_startup)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("mia-desktop")
    clear_clipboard_on_quit(app)
    window = MainWindow(database=database, settings=settings or default_settings())
    window.show()
    if exit_after_startup:
        # Quit from the event loop, after the shown window has had its first paint.
        QTimer.singleShot(0, window.close)
    code = app.exec()
    database.close()
    return int(code)


def _report_bad_database(error: DatabaseError, *, interactive: bool) -> int:
    message = f"mia-desktop cannot open its database.\n\n{error}"
    print(f"mia-desktop: {error}", file=sys.stderr)
    if interactive:
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
        QMessageBox.critical(None, "mia-desktop", message)
        del app
    return EXIT_BAD_INPUT
