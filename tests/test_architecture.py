"""The architecture holds: the import contracts in pyproject.toml (lint-imports: the core
never imports Qt, only the build uses sqlite-utils and citeproc-py, only db/ speaks SQL, the
layers import downwards), and the command line's work loads no Qt at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from mia_desktop import paths


def test_the_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint is not None, "import-linter is installed with the test extra"
    done = subprocess.run([lint], capture_output=True, text=True, cwd=paths.REPO_ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_command_line_work_does_not_load_qt() -> None:
    code = (
        "import sys; from mia_desktop import main; "
        "main(['search', 'Glory']); main(['cite', 'co-china']); main(['export']); "
        "main(['locate', 'In 1954, under the terms of the Armistice Agreement']); "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
