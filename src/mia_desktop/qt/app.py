"""The one wiring point: QApplication, database, settings, error reporting, main window."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import traceback
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QSocketNotifier,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
    qVersion,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mia_desktop import __version__, paths
from mia_desktop.db.opening import DatabaseError, IntegrityCheck
from mia_desktop.db.store import Database
from mia_desktop.qt.main_window import APP_NAME, MainWindow, clear_clipboard_on_quit

EXIT_BAD_INPUT = 2
_HEADLESS_PLATFORMS = {"offscreen", "minimal"}

# The version of the settings file's layout. The app writes it to every settings file it
# uses; a file with a higher one comes from a newer mia-desktop and is left alone.
SETTINGS_VERSION = 1
SETTINGS_VERSION_KEY = "meta/settings_version"

LOG_FILE_NAME = "mia-desktop.log"
_LOG_LIMIT = 1_000_000  # bytes; a longer log is moved aside to mia-desktop.log.1


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS_PLATFORMS:
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _can_start_qt() -> bool:
    # Without a display and without an explicit platform, Qt aborts the process.
    return _has_display() or bool(os.environ.get("QT_QPA_PLATFORM"))


def _warn(message: str) -> None:
    print(f"mia-desktop: warning: {message}", file=sys.stderr)


# -- settings ------------------------------------------------------------------------------


def default_settings() -> QSettings:
    """The user's settings file, checked (see checked_settings)."""
    return checked_settings(
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
    )


def checked_settings(settings: QSettings) -> QSettings:
    """These settings if they are usable, else default settings, with a warning on stderr.

    A corrupt file is moved aside to NAME.corrupt and started afresh; a file from a newer
    mia-desktop is left untouched and this session uses scratch settings that are not kept.
    """
    path = Path(settings.fileName())
    unreadable = _unreadable_reason(path)
    if unreadable is not None:
        _warn(
            f"the settings file {path} cannot be read ({unreadable}); starting with default"
            " settings, which are not kept"
        )
        return _scratch_settings()
    problem = _corruption(settings)
    if problem is None:
        version = _settings_version(settings)
        if version is None:
            problem = f"{SETTINGS_VERSION_KEY} is not a whole number"
        elif version > SETTINGS_VERSION:
            _warn(
                f"the settings file {path} was written by a newer mia-desktop (settings"
                f" version {version}, this one reads {SETTINGS_VERSION}); starting with"
                " default settings and leaving the file as it is"
            )
            return _scratch_settings()
        else:
            settings.setValue(SETTINGS_VERSION_KEY, SETTINGS_VERSION)
            return settings
    if settings.status() == QSettings.Status.AccessError:
        _warn(f"the settings file {path} cannot be read; starting with default settings")
        return _scratch_settings()
    backup = path.with_name(path.name + ".corrupt")
    try:
        os.replace(path, backup)
    except OSError as error:
        _warn(
            f"the settings file {path} is corrupt ({problem}) and cannot be moved aside"
            f" ({error.strerror or error}); starting with default settings"
        )
        return _scratch_settings()
    settings.sync()  # forgets what it read: the file is gone
    settings.setValue(SETTINGS_VERSION_KEY, SETTINGS_VERSION)
    settings.sync()
    _warn(
        f"the settings file {path} is corrupt ({problem}); starting with default settings"
        f" (the old file is kept as {backup})"
    )
    return settings if settings.status() == QSettings.Status.NoError else _scratch_settings()


def _unreadable_reason(path: Path) -> str | None:
    """Why the settings file (or its folder) cannot be read, or None when it can or is new."""
    try:
        if path.is_file():
            with path.open("rb"):
                pass
        elif path.parent.exists():
            os.listdir(path.parent)
    except OSError as error:
        return error.strerror or str(error)
    return None


def _settings_version(settings: QSettings) -> int | None:
    value = settings.value(SETTINGS_VERSION_KEY)
    if value is None:
        return 0  # written before settings had a version
    try:
        return int(str(value))
    except ValueError:
        return None


def _corruption(settings: QSettings) -> str | None:
    """What is wrong with the settings file, or None when it reads as a settings file."""
    path = Path(settings.fileName())
    problem = _ini_text_problem(path) if settings.format() == QSettings.Format.IniFormat else None
    if problem is not None:
        return problem
    # Read only now: Qt's own parser complains on stderr about binary garbage.
    status = settings.status()
    if status == QSettings.Status.AccessError:
        return "it cannot be read"
    if status == QSettings.Status.FormatError:
        return "Qt cannot parse it"
    return None


def _ini_text_problem(path: Path) -> str | None:
    """What makes the file no INI text as Qt writes it: binary data, a line of no setting."""
    if not path.is_file():
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"it cannot be read: {error.strerror or error}"
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return "it is not text"
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\r\n" for ch in text):
        return "it holds binary data"
    continued = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        ok = (
            continued
            or not line
            or line.startswith((";", "#"))
            or (line.startswith("[") and line.endswith("]"))
            or ("=" in line and not line.startswith("="))
        )
        if not ok:
            return f"line {number} is not a setting"
        continued = line.endswith("\\")
    return None


def _scratch_settings() -> QSettings:
    """Settings in a temporary file, removed at exit: defaults for this session only."""
    folder = tempfile.mkdtemp(prefix="mia-desktop-settings-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_VERSION_KEY, SETTINGS_VERSION)
    return settings


# -- unexpected errors -----------------------------------------------------------------------


def default_log_dir() -> Path:
    """The user's log folder: ~/.local/state/mia-desktop/logs on Linux (XDG_STATE_HOME)."""
    for location in (
        QStandardPaths.StandardLocation.StateLocation,
        QStandardPaths.StandardLocation.AppLocalDataLocation,
    ):
        folder = QStandardPaths.writableLocation(location)
        if folder:
            return Path(folder) / "logs"
    return Path(tempfile.gettempdir()) / APP_NAME / "logs"


class ErrorReporter:
    """A sys.excepthook for the running app.

    Every unexpected exception (one raised in a slot, say) is logged with its traceback to
    the user's log folder and summed up in one line on stderr; the first of the session is
    also shown in a dialog when there is a display to show it on. The app keeps running.
    """

    def __init__(self, *, interactive: bool, log_dir: Path | None = None) -> None:
        self.interactive = interactive
        self._log_dir = log_dir
        self._reported = False
        self._dialog: QMessageBox | None = None
        # A problem of the database file, not of the app: said as such (see run()).
        self.database_problem: Callable[[BaseException], bool] | None = None

    @property
    def log_file(self) -> Path:
        return (self._log_dir or default_log_dir()) / LOG_FILE_NAME

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if self.database_problem is not None and self.database_problem(exc):
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        summary = " ".join(f"{exc_type.__name__}: {exc}".split())[:300]
        log_file, failure = self._write_log(details)
        where = f"details in {log_file}" if failure is None else f"not logged: {failure}"
        again = " (again)" if self._reported else ""
        print(
            f"mia-desktop: unexpected error{again}: {summary}; {where}; the app keeps running",
            file=sys.stderr,
        )
        if failure is not None:
            print(details, file=sys.stderr, end="")
        if self._reported:
            return
        self._reported = True
        if self.interactive and QApplication.instance() is not None:
            self._show_dialog(summary, details, log_file if failure is None else None)

    def install(self) -> ErrorReporter:
        sys.excepthook = self
        return self

    def _write_log(self, details: str) -> tuple[Path, str | None]:
        log_file = self.log_file
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        header = (
            f"--- {stamp} mia-desktop {__version__}, Python {sys.version.split()[0]},"
            f" Qt {qVersion()}, {sys.platform}\n"
        )
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            if log_file.is_file() and log_file.stat().st_size > _LOG_LIMIT:
                os.replace(log_file, log_file.with_name(LOG_FILE_NAME + ".1"))
            with log_file.open("a", encoding="utf-8") as log:
                log.write(header + details + "\n")
        except OSError as error:
            return log_file, f"cannot write {log_file}: {error.strerror or error}"
        return log_file, None

    def _show_dialog(self, summary: str, details: str, log_file: Path | None) -> None:
        # Not modal and not exec(): the app goes on while the message is up.
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "mia-desktop",
            "Something went wrong in mia-desktop. The app keeps running; the database was"
            " not changed.",
            QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )
        box.setObjectName("unexpectedErrorDialog")
        logged = f"The details were written to {log_file}." if log_file else ""
        box.setInformativeText(
            f"{summary}\n\n{logged} Further errors in this session are only logged."
        )
        box.setDetailedText(details)
        box.setModal(False)
        box.show()
        self._dialog = box


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
    if isinstance(error, sqlite3.OperationalError) and ("locked" in reason or "busy" in reason):
        message = f"{path}: is locked by another program; try again"
        _warn(message)
        window.statusBar().showMessage(f"The database {message}", 15_000)
        return True
    if isinstance(error, DatabaseError):
        _refuse_damaged(window, reason, interactive=interactive)
        return True
    if isinstance(error, sqlite3.DatabaseError):
        problem = f"{path}: not a usable mia-desktop database ({reason})"
        _refuse_damaged(window, problem, interactive=interactive)
        return True
    return False


def _show_plain_error(parent: QWidget | None, message: str) -> None:
    # Plain text: the message quotes values from the database, which may look like HTML.
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
        except sqlite3.Error as error:  # passed the checks, yet its tables do not fit
            database.close()
            bad = DatabaseError(f"{path}: not a usable mia-desktop database ({error})")
            return _report_bad_database(bad, interactive=interactive)
        reporter.database_problem = lambda error: _database_problem(
            window, path, error, interactive=interactive
        )
        window.show()
        QTimer.singleShot(0, window.tidy_export_folder)  # off the path to the first paint
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
            if exit_after_startup:  # a smoke test of a large file sees its check pass
                checker.sound.connect(window.close)
            checker.start()
        if exit_after_startup and checker is None:
            # Quit from the event loop, after the shown window has had its first paint.
            QTimer.singleShot(0, window.close)
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
