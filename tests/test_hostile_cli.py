"""The command line refuses what it cannot use in one clear line, and its JSON is always
valid UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(*args: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"mia_desktop", *args],
        capture_output=True,
        timeout=60,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("limit", [b"99999999999999999999", b"0", b"-3", b"ten", b"10001"])
def test_a_limit_out_of_range_is_refused_in_one_line(limit: bytes) -> None:
    done = _run(b"search", b"K208", b"--limit", limit)
    assert done.returncode == 2
    error = done.stderr.decode().strip().splitlines()[-1]
    assert "expected a whole number from 1 to 10,000" in error
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        [b"show", b"\xff"],
        [b"cite", b"ev-\xfe"],
        [b"search", b"\xffremains", b"--json"],
        [b"search", b"remains", b"--decade", b"19\xff0s"],
        [b"search", b"remains", b"--country", b"Kor\xe9a"],
    ],
)
def test_text_that_is_not_utf8_is_refused_in_one_line(args: list[bytes]) -> None:
    done = _run(*args)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    error = done.stderr.decode("utf-8").strip().splitlines()[-1]
    assert "is not valid UTF-8 text" in error
    assert done.stdout == b""  # no half-written JSON


def test_search_json_is_valid_utf8_json() -> None:
    done = _run(b"search", "Pyongyang “Operation Glory” – ü".encode(), b"--json")
    assert done.returncode in (0, 1)
    report = json.loads(done.stdout.decode("utf-8"))  # strict: fails on invalid UTF-8
    assert report["query"] == "Pyongyang “Operation Glory” – ü"


def _main_with(tmp_path: Path, setup: str, *args: str) -> subprocess.CompletedProcess[str]:
    code = f"import sys; {setup}; from mia_desktop.cli import main; sys.exit(main({list(args)!r}))"
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )


def test_build_db_never_rewrites_an_installed_package_s_database(tmp_path: Path) -> None:
    import shutil

    from mia_desktop import paths

    packaged = tmp_path / "_data"  # what a wheel carries inside the package
    packaged.mkdir()
    shutil.copyfile(paths.bundled_database(), packaged / "data.db")
    before = (packaged / "data.db").read_bytes()
    setup = f"import mia_desktop.paths as p; p.PACKAGED_DATA = p.Path({str(packaged)!r})"
    done = _main_with(tmp_path, setup, "build-db")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "is part of the package; give --out PATH" in lines[0]
    assert (packaged / "data.db").read_bytes() == before


def test_build_db_without_its_libraries_says_what_to_install(tmp_path: Path) -> None:
    setup = "sys.modules['sqlite_utils'] = None; sys.modules['citeproc'] = None"
    done = _main_with(tmp_path, setup, "build-db", "--out", str(tmp_path / "new.db"))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'mia-desktop[build]'" in lines[0]
    assert not (tmp_path / "new.db").exists()
