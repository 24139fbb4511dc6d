"""Installable: the wheel carries data.db, resources/ and the icon, and the installed app starts
from any working folder. Also the Linux desktop entry.

Building the wheel takes a few seconds (pip fetches setuptools into an isolated build
environment, from the configured index), so it is built once for the module.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mia_desktop import __version__, paths

pytestmark = pytest.mark.gui  # the installed app is started with the GUI
REPO = paths.REPO_ROOT
# What a clean clone does not have: local environments, caches, build output.
_NOT_IN_A_CLONE = {
    ".git",
    ".venv",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    "__pycache__",
}
_TOP_LEVEL_OUTPUT = {"build", "dist", "tmp"}


def _clean_copy(target: Path) -> Path:
    """The source tree as a fresh clone has it (the build never touches the checkout)."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = {n for n in names if n in _NOT_IN_A_CLONE or n.endswith(".egg-info")}
        if Path(folder).resolve() == REPO.resolve():
            skipped |= _TOP_LEVEL_OUTPUT & set(names)
        return skipped

    shutil.copytree(REPO, target, ignore=ignore)
    return target


def _pip(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=cwd,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    scratch = tmp_path_factory.mktemp("wheel")
    source = _clean_copy(scratch / "clone")
    _pip("wheel", "--no-deps", "--quiet", "-w", str(scratch / "dist"), str(source), cwd=scratch)
    (built,) = (scratch / "dist").glob("mia_desktop-*.whl")
    yield built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("installed")
    _pip("install", "--no-deps", "--quiet", "--target", str(target), str(wheel), cwd=target)
    return target


def test_the_wheel_carries_the_data_the_sources_and_the_icon(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packed_db = archive.read("mia_desktop/_data/data.db")
    assert "mia_desktop/_data/resources/source/korean-war-pow-mias-2015.txt" in names
    assert "mia_desktop/icons/mia-desktop.svg" in names
    assert packed_db == paths.bundled_database().read_bytes()
    resources = paths.resources_dir()
    expected = {
        f"mia_desktop/_data/resources/{p.relative_to(resources).as_posix()}"
        for p in resources.rglob("*")
        if p.is_file()
    }
    assert expected <= names  # the whole folder, not a selection
    assert "mia_desktop/build/__init__.py" in names  # every subpackage
    # For Linux desktops, installed under share/ (e.g. ~/.local/share with --user).
    data = f"mia_desktop-{__version__}.data/data/share"
    assert f"{data}/applications/mia-desktop.desktop" in names
    assert f"{data}/icons/hicolor/scalable/apps/mia-desktop.svg" in names


def _run_installed(
    installed: Path, code: str, *, cwd: Path, env_dir: Path
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP"}
    }
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(env_dir / "config"),
        "XDG_STATE_HOME": str(env_dir / "state"),
    }
    prelude = f"import sys; sys.path.insert(0, {str(installed)!r}); "
    return subprocess.run(
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_the_installed_app_starts_from_any_working_folder(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    done = _run_installed(
        installed,
        "import mia_desktop, mia_desktop.paths as p;"
        " print(mia_desktop.__file__); print(p.bundled_database());"
        " sys.exit(mia_desktop.main(['--exit-after-startup']))",
        cwd=elsewhere,
        env_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    module, database = done.stdout.splitlines()[:2]
    # The installed copy ran, with its own data, not the checkout's.
    assert Path(module).is_relative_to(installed)
    assert Path(database) == installed / "mia_desktop" / "_data" / "data.db"


def test_the_installed_command_line_reads_its_bundled_data(installed: Path, tmp_path: Path) -> None:
    done = _run_installed(
        installed,
        "import mia_desktop; sys.exit(mia_desktop.main(['search', 'Operation Glory',"
        " '--limit', '1']))",
        cwd=tmp_path,
        env_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Operation Glory" in done.stdout


class _DesktopEntry(configparser.ConfigParser):
    def optionxform(self, optionstr: str) -> str:
        return optionstr  # keys of a desktop entry are case-sensitive


def test_the_desktop_entry_launches_mia_desktop_with_its_icon() -> None:
    entry = _DesktopEntry(interpolation=None)
    entry.read(REPO / "packaging" / "mia-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "mia-desktop"
    assert desktop["Icon"] == paths.app_icon().stem == "mia-desktop"
    assert desktop["Terminal"] == "false"
    assert desktop["Name"] and desktop["Comment"]
    assert desktop["Categories"].endswith(";")
    assert paths.app_icon().is_file()
