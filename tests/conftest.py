"""Shared fixtures. Qt runs headless: the platform is set before anything imports Qt."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from mia_desktop import paths
from mia_desktop.db import Database

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
