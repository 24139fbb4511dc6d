"""Exports are whole files with the permissions a user expects, written through links,
safe to open in a spreadsheet, and leave nothing behind when they fail."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mia_desktop import export
from mia_desktop.export import ExportError, write_atomic


def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o644


def test_an_overwritten_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomic(tmp_path / "out.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_what_a_killed_export_left_is_removed_by_the_next(tmp_path: Path) -> None:
    leftover = tmp_path / f".out.json{export.TEMPORARY_MARK}abc123.tmp"
    leftover.write_text("half")
    hours_ago = time.time() - 2 * 3600
    os.utime(leftover, (hours_ago, hours_ago))
    fresh = tmp_path / f".other.json{export.TEMPORARY_MARK}def456.tmp"  # still being written
    fresh.write_text("half")
    write_atomic(tmp_path / "out.json", "{}")
    assert not leftover.exists() and fresh.exists()


def test_a_path_through_a_file_names_the_file(
    tmp_path: Path, run_mia: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    (tmp_path / "afile").write_text("x")
    done = run_mia("export", "--out", str(tmp_path / "afile" / "x.json"))
    assert done.returncode == 1
    assert done.stderr.strip().endswith(f"{tmp_path / 'afile'} is a file, not a folder")


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(
    crafted_database: Callable[..., Path],
    run_mia: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    path = crafted_database(
        "UPDATE records SET title = '=HYPERLINK(\"http://x\")', text = '+1', quote = quote"
        " WHERE id = 'ev-1954-operation-glory'",
        "UPDATE events SET category = '@SUM(A1)' WHERE id = 'ev-1954-operation-glory'",
    )
    done = run_mia("--db", str(path), "export", "--format", "csv", "--kind", "event")
    assert done.returncode == 0, done.stderr
    row = next(
        r for r in csv.DictReader(io.StringIO(done.stdout)) if r["id"] == "ev-1954-operation-glory"
    )
    assert row["title"] == '\'=HYPERLINK("http://x")'
    assert row["text"] == "'+1"
    assert row["category"] == "'@SUM(A1)"
