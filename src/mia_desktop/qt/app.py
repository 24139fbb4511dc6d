"""The one wiring point: QApplication, database, settings, error reporting, main window."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QSocketNotifier,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from mia_desktop import paths
from mia_desktop.db.opening import (
    DatabaseError,
    IntegrityCheck,
    StorageError,
    UnreadableStorage,
    is_locked,
)
from mia_desktop.db.store import Database
from mia_desktop.qt.crash import ErrorReporter
from mia_desktop.qt.main_window import MainWindow, clear_clipboard_on_quit
from mia_desktop.qt.settings import APP_NAME, checked_settings, default_settings, warn

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


# -- a large file's integrity check, after the window shows ----------------------------------


class BackgroundIntegrityCheck(QObject):
    """Runs a deferred IntegrityCheck on a thread; `damaged` carries the problem, if any,
    and `sound` says the file passed."""

    damaged = Signal(str)
    sound = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._check = IntegrityCheck(path)
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        problem = self._check.run()
        if problem is not None:
            self.damaged.emit(problem)  # queued to the GUI thread
        else:
            self.sound.emit()

    def stop(self) -> None:
        """Stop a check still running (at quit) and wait for its thread to end."""
        self._check.stop()
        self._thread.join(timeout=5)


def _database_problem(
    window: MainWindow, path: Path, error: BaseException, *, interactive: bool
) -> bool:
    """Say what is wrong with the database file in one line; False if it is no such error.

    A file another program holds locked is a passing state: the window says so and goes
    on. A file found unreadable while reading (what the check at open cannot see, or a
    large file's check still running) is refused as at open: one line, exit 2.
    """
    reason = str(error)
    if is_locked(error):
        message = f"{path}: is locked by another program; try again"
        warn(message)
        window.statusBar().showMessage(f"The database {message}", 15_000)
        return True
    if isinstance(error, DatabaseError):
        _refuse_damaged(window, reason, interactive=interactive)
        return True
    if isinstance(error, UnreadableStorage):
        problem = f"{path}: not a usable mia-desktop database ({reason})"
        _refuse_damaged(window, problem, interactive=interactive)
        return True
    return False


def _show_plain_error(parent: QWidget | None, message: str) -> None:
    # Plain text: the message quotes values from the database, which may look like HTML.
    from PySide6.QtWidgets import QMessageBox  # only for an error: its enums cost start-up

    box = QMessageBox(QMessageBox.Icon.Critical, "mia-desktop", message, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _refuse_damaged(window: MainWindow, problem: str, *, interactive: bool) -> None:
    # As at open: a damaged file is not shown, since what it shows may be wrong.
    print(f"mia-desktop: {problem}", file=sys.stderr)
    if interactive:
        _show_plain_error(window, f"mia-desktop cannot use its database.\n\n{problem}")
    QCoreApplication.exit(EXIT_BAD_INPUT)


# -- signals ---------------------------------------------------------------------------------


def close_on_signals(window: MainWindow) -> Callable[[], None]:
    """SIGTERM (a logout, a shutdown) and SIGINT (Ctrl+C) close the window as a user's close
    does, saving its state. Returns what puts the previous handlers back.

    Python runs a signal handler only between bytecodes, and Qt's event loop may sleep in C
    for long: the signal's number is written to a pipe (signal.set_wakeup_fd) that Qt
    watches, so the window hears of it at once. (A pipe, not a socket: the app opens no
    socket at all. Windows has neither the signals nor pipes for this.)
    """
    if os.name != "posix":
        return lambda: None
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    os.set_blocking(write_fd, False)
    previous_fd = signal.set_wakeup_fd(write_fd)
    caught = (signal.SIGTERM, signal.SIGINT)
    previous = {number: signal.signal(number, lambda *_: None) for number in caught}
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, window)

    def on_signal() -> None:
        with contextlib.suppress(OSError):
            os.read(read_fd, 64)
        window.close()

    notifier.activated.connect(on_signal)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        os.close(read_fd)
        os.close(write_fd)

    return restore


# -- the app ---------------------------------------------------------------------------------


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
    interactive = _has_display() and not exit_after_startup
    try:
        database = Database(path, defer_large_integrity_check=True)
    except DatabaseError as error:
        return _report_bad_database(error, interactive=interactive)
    user_settings = checked_settings(settings) if settings is not None else default_settings()
    existing = QApplication.instance()
    # Fusion from the start (see theme.apply_theme): it draws the same everywhere.
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0], "-style", "Fusion"])
    )
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("mia-desktop")
    app.setDesktopFileName(APP_NAME)  # packaging/mia-desktop.desktop
    app.setWindowIcon(QIcon(str(paths.app_icon())))
    clear_clipboard_on_quit(app)
    previous_hook = sys.excepthook
    reporter = ErrorReporter(interactive=interactive).install()
    try:
        try:
            window = MainWindow(database=database, settings=user_settings)
        except DatabaseError as error:  # what the window reads first, of a large file
            database.close()
            return _report_bad_database(error, interactive=interactive)
        except StorageError as error:  # passed the checks, yet its tables do not fit
            database.close()
            bad = DatabaseError(f"{path}: not a usable mia-desktop database ({error})")
            return _report_bad_database(bad, interactive=interactive)
        reporter.database_problem = lambda error: _database_problem(
            window, path, error, interactive=interactive
        )
        window.show()
        window.first_paint.then(window.exporting.tidy_folder)
        restore_signals = (
            close_on_signals(window)
            if threading.current_thread() is threading.main_thread()
            else lambda: None
        )
        checker = None
        if database.integrity_check_deferred:
            checker = BackgroundIntegrityCheck(path, parent=window)
            checker.damaged.connect(
                lambda problem: _refuse_damaged(window, problem, interactive=interactive)
            )
            checker.start()
        if exit_after_startup:
            # The benchmarks' end point: the first frame of the window, with its data, and
            # nothing of what start-up leaves for after it (a large file's check, still
            # running then, is stopped; a damaged file it finds is refused at the next open).
            window.first_paint.then(window.quit_unsaved, first=True)
        code = app.exec()
        restore_signals()
        if checker is not None:
            checker.stop()
        # The window goes before its database does (when the app is reused in-process, a
        # window left behind could otherwise still reach for the closed database).
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        sys.excepthook = previous_hook
    database.close()
    return int(code)


def _report_bad_database(error: DatabaseError, *, interactive: bool) -> int:
    message = f"mia-desktop cannot open its database.\n\n{error}"
    print(f"mia-desktop: {error}", file=sys.stderr)
    if interactive:
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
        _show_plain_error(None, message)
        del app
    return EXIT_BAD_INPUT
