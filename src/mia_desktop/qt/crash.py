"""Unexpected errors, apart from the app's wiring: logged to a file, said in one dialog (never a
traceback at the user), and a database that turns out unreadable refused in one line."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QStandardPaths,
    qVersion,
)
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

from mia_desktop import __version__
from mia_desktop.qt.settings import APP_NAME

LOG_FILE_NAME = "mia-desktop.log"
_LOG_LIMIT = 1_000_000  # bytes; a longer log is moved aside to mia-desktop.log.1


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
        from PySide6.QtWidgets import QMessageBox  # its enums would cost every start-up

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
