"""The command line refuses what it cannot use in one clear line, and its JSON is always
valid UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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
