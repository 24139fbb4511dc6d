"""The build is deterministic and the committed data.db is exactly a fresh build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mia_desktop import paths
from mia_desktop.build import build_database
from mia_desktop.db.schema import SCHEMA_VERSION


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "data.db"
    build_database(paths.resources_dir(), out)
    return out


def test_building_twice_gives_the_same_dump(fresh_build: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    build_database(paths.resources_dir(), again)
    assert _dump(again) == _dump(fresh_build)


def test_committed_data_db_equals_a_fresh_build(fresh_build: Path) -> None:
    committed = _dump(paths.bundled_database())
    fresh = _dump(fresh_build)
    assert committed == fresh, (
        "data.db is stale: run `python -m mia_desktop build-db` and commit data.db"
    )


def test_schema_version_keys_and_metadata(fresh_build: Path) -> None:
    conn = sqlite3.connect(fresh_build)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    meta = dict(conn.execute("SELECT key, value FROM metadata"))
    assert meta["title"] == "Korean War POW/MIAs"
    assert meta["date"] == "2015-10"
    assert meta["url"].startswith("https://www.ncnk.org/")
    assert len(meta["inputs_sha256"]) == 64
    foreign = {(row[2], row[3]) for row in conn.execute("PRAGMA foreign_key_list(batches)")}
    assert ("records", "id") in foreign
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failed_build_leaves_the_old_file_alone(resources_copy: Path, tmp_path: Path) -> None:
    from mia_desktop.build import BuildError

    out = tmp_path / "data.db"
    out.write_bytes(b"previous build")
    (resources_copy / "endnotes.toml").write_text("", encoding="utf-8")
    with pytest.raises(BuildError):
        build_database(resources_copy, out)
    assert out.read_bytes() == b"previous build"
    # Nothing else beside it: no half-written temporary file is left (resources_copy is a
    # folder of tmp_path too).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.db", "resources"]
