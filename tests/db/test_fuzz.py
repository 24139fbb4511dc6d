"""Fuzzing: one value of a copied database changed (its type, NULL, markup, a huge text,
broken JSON, a reference to nothing), then the command line and the app walked over every
tab. Every run ends in exit 0, or exit 2 with one line: never a signal, a traceback, an
"unexpected error", or markup from the database rendered as markup.

Bounded for CI: a few examples, each a handful of short processes.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mia_desktop import paths
from mia_desktop.db.schema import COLUMN_TYPES

pytestmark = pytest.mark.gui

MARKUP = "<img src='file:///etc/hostname'><a href='file:///etc/passwd'>x</a><b>bold</b>"
VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.sampled_from(
        ["", "lots", MARKUP, "[", '["DPRK"', "{}", "zz-nowhere", "1954/..", "yesterday", "\\1"]
    ),
    st.text(max_size=40),
    st.just("remains " * 40_000),  # 320 kB
    st.binary(max_size=16),
)
COLUMNS = st.sampled_from(
    [(table, column) for table, columns in COLUMN_TYPES.items() for column in columns]
)
# Qt's offscreen platform says this on stderr whatever the app does.
_QT_NOISE = "This plugin does not support propagateSizeHints()"
DRIVER = Path(__file__).parents[1] / "qt" / "gui_walk_driver.py"


def _mutated(folder: Path, table: str, column: str, row: int, value: object) -> Path | None:
    path = folder / "fuzzed.db"
    shutil.copyfile(paths.bundled_database(), path)
    conn = sqlite3.connect(path)
    try:
        count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        conn.execute(
            f'UPDATE {table} SET "{column}" = ? WHERE rowid ='
            f" (SELECT rowid FROM {table} LIMIT 1 OFFSET ?)",
            (value, row % max(count, 1)),
        )
        if table == "records":
            conn.execute("INSERT INTO records_fts(records_fts) VALUES ('rebuild')")
        conn.commit()
    except sqlite3.DatabaseError:  # the schema's own constraints refuse it: nothing to try
        return None
    finally:
        conn.close()
    return path


def _check(done: subprocess.CompletedProcess[str], what: str) -> None:
    lines = [line for line in done.stderr.splitlines() if line.strip() and line != _QT_NOISE]
    assert done.returncode in (0, 2), f"{what}: exit {done.returncode}\n{done.stderr}"
    assert "Traceback" not in done.stderr, f"{what}:\n{done.stderr}"
    assert "unexpected error" not in done.stderr, f"{what}:\n{done.stderr}"
    if done.returncode == 2:
        assert len(lines) == 1, f"{what}: not one line:\n{done.stderr}"


@settings(
    max_examples=int(os.environ.get("MIA_FUZZ_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(where=COLUMNS, row=st.integers(min_value=0, max_value=200), value=VALUES)
def test_one_changed_value_never_crashes_or_renders(
    where: tuple[str, str], row: int, value: object
) -> None:
    table, column = where
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = _mutated(folder, table, column, row, value)
        if path is None:
            event("refused by the schema")
            return
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": scratch,
            "XDG_CONFIG_HOME": str(folder / "config"),
        }
        what = f"{table}.{column} row {row} = {value!r:.60}"

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, *args], capture_output=True, text=True, timeout=90,
                env=env, cwd=scratch, check=False,
            )  # fmt: skip

        for command in (["show", "ba-k208-1990-1994"], ["search", "remains"], ["export"]):
            _check(run("-m", "mia_desktop", "--db", str(path), *command), f"{what}: {command}")
        walked = run(str(DRIVER), str(path))
        _check(walked, f"{what}: the app")
        if walked.returncode == 0:
            report = json.loads(walked.stdout.strip().splitlines()[-1])
            assert report["foreign_markup"] == [], f"{what}: rendered {report}"
