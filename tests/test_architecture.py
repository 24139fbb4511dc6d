"""The core never imports Qt (or the build's sqlite-utils): it runs and tests without them."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "mia_desktop",
    "mia_desktop.cli",
    "mia_desktop.db.schema",
    "mia_desktop.db.opening",
    "mia_desktop.db.search_index",
    "mia_desktop.db.store",
    "mia_desktop.records",
    "mia_desktop.search.query",
    "mia_desktop.search.engine",
    "mia_desktop.present.details_html",
    "mia_desktop.citing.csl",
    "mia_desktop.dates",
    "mia_desktop.export",
    "mia_desktop.paths",
    "mia_desktop.search.grouping",
    "mia_desktop.search.answers",
    "mia_desktop.search.locate",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_neither_qt_nor_sqlite_utils(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'sqlite_utils'))); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_command_line_work_does_not_load_qt() -> None:
    code = (
        "import sys; from mia_desktop import main; "
        "main(['search', 'Glory']); main(['cite', 'co-china']); main(['export']); "
        "main(['locate', 'In 1954, under the terms of the Armistice Agreement']); "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
