"""The launch contract: main(argv) with the GUI, --exit-after-startup, bad databases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def _run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mia_desktop", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
    )


def test_exit_after_startup_returns_0(tmp_path: Path) -> None:
    done = _run("--exit-after-startup", env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_bad_database_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"\x00garbage" * 100)
    done = _run("--db", str(bad), "--exit-after-startup")
    assert done.returncode == 2
    assert str(bad) in done.stderr and "not a readable SQLite database" in done.stderr
    assert "Traceback" not in done.stderr


def test_no_display_is_explained(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    done = subprocess.run(
        [sys.executable, "-m", "mia_desktop"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert "no display" in done.stderr


def test_main_reuses_the_running_qapplication(qapp) -> None:  # type: ignore[no-untyped-def]
    from mia_desktop import main

    assert main(["--exit-after-startup"]) == 0
    assert qapp.instance() is qapp
