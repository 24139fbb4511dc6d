"""Shared fixtures. Qt runs headless: the platform is set before anything imports Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings written by the app under test go to a scratch folder, never the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mia-desktop-tests-")

import pytest

from mia_desktop import paths
from mia_desktop.db.store import Database

REPO = paths.REPO_ROOT


@pytest.fixture(scope="session")
def bundled_db_path() -> Path:
    return paths.bundled_database()


@pytest.fixture
def db(bundled_db_path: Path) -> Iterator[Database]:
    with Database(bundled_db_path) as database:
        yield database


@pytest.fixture
def resources_copy(tmp_path: Path) -> Path:
    """A scratch copy of resources/ that a test may break on purpose."""
    target = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), target)
    return target


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture(autouse=True)
def _clear_clipboard(request: pytest.FixtureRequest) -> Iterator[None]:
    """Offscreen Qt segfaults at exit if a QMimeData is left on the clipboard."""
    yield
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.instance() is not None:
            QGuiApplication.clipboard().clear()


def _synthetic_database(path: Path, records: int) -> Path:
    import subprocess
    import sys

    script = paths.REPO_ROOT / "benchmarks" / "synthetic_db.py"
    subprocess.run(
        [sys.executable, str(script), "--records", str(records), "--out", str(path)],
        check=True,
        capture_output=True,
    )
    return path


@pytest.fixture(scope="session")
def synthetic_database() -> Callable[[Path, int], Path]:
    """Makes a copy of data.db plus N synthetic records (benchmarks/synthetic_db.py)."""
    return _synthetic_database


def _crafted_database(folder: Path, *statements: str) -> Path:
    """A copy of data.db with the SQL statements applied: a database a user might be given."""
    import shutil
    import sqlite3

    path = folder / "crafted.db"
    shutil.copyfile(paths.bundled_database(), path)
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
    return path


@pytest.fixture
def crafted_database(tmp_path: Path) -> Callable[..., Path]:
    """crafted_database("UPDATE ...", ...) -> the path of a changed copy of data.db."""
    return lambda *statements: _crafted_database(tmp_path, *statements)


def _run_mia(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "mia_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


@pytest.fixture
def run_mia() -> Callable[..., subprocess.CompletedProcess[str]]:
    """run_mia(*args) -> `python -m mia_desktop ARGS` run headless, its output captured."""
    return _run_mia
