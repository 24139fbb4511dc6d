"""The settings file: where it lives, checked at start (a newer, damaged or unreadable file is left
alone and the app runs on defaults, saying so once), and every key the app keeps."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

from PySide6.QtCore import (
    QSettings,
)

APP_NAME = "mia-desktop"  # the settings' folder and file, the desktop entry's name

# Every key the app keeps, in one place (read with settings.value(key, default, type=...)).
THEME_KEY = "view/theme"
STYLE_KEY = "citation/style"
FORM_KEY = "citation/form"
HISTORY_KEY = "search/history"
EXPORT_FOLDER_KEY = "export/folder"
GEOMETRY_KEY = "window/geometry"
TAB_KEY = "window/tab"
LATER_SOURCES_KEY = "view/later_sources"  # the view: with later sources, or the brief as published


def splitter_key(name: str) -> str:
    """Where a splitter's sizes are kept, by its object name."""
    return f"splitters/{name}"


# The version of the settings file's layout. The app writes it to every settings file it
# uses; a file with a higher one comes from a newer mia-desktop and is left alone.
SETTINGS_VERSION = 1
SETTINGS_VERSION_KEY = "meta/settings_version"


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
        warn(
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
            warn(
                f"the settings file {path} was written by a newer mia-desktop (settings"
                f" version {version}, this one reads {SETTINGS_VERSION}); starting with"
                " default settings and leaving the file as it is"
            )
            return _scratch_settings()
        else:
            settings.setValue(SETTINGS_VERSION_KEY, SETTINGS_VERSION)
            return settings
    if settings.status() == QSettings.Status.AccessError:
        warn(f"the settings file {path} cannot be read; starting with default settings")
        return _scratch_settings()
    backup = path.with_name(path.name + ".corrupt")
    try:
        os.replace(path, backup)
    except OSError as error:
        warn(
            f"the settings file {path} is corrupt ({problem}) and cannot be moved aside"
            f" ({error.strerror or error}); starting with default settings"
        )
        return _scratch_settings()
    settings.sync()  # forgets what it read: the file is gone
    settings.setValue(SETTINGS_VERSION_KEY, SETTINGS_VERSION)
    settings.sync()
    warn(
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


def warn(message: str) -> None:
    print(f"mia-desktop: warning: {message}", file=sys.stderr)
