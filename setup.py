"""Packaging hook: a wheel carries the bundled data inside the package.

data.db and resources/ live at the top of the repository, where `mia-desktop build-db`
writes them and the tests compare them with a fresh build. An installed mia-desktop must
find them from any working folder, so the build copies them into the package as
mia_desktop/_data/data.db and mia_desktop/_data/resources/ (mia_desktop.paths looks there
first). An editable install reads them from the repository and copies nothing.

All metadata is in pyproject.toml. The .desktop entry and the icon are installed for Linux
desktops under share/ (a `pip install --user .` puts them in ~/.local/share/).
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PACKAGE_DATA_DIR = Path("mia_desktop", "_data")
DATABASE = "data.db"
RESOURCES = "resources"


def bundled_files() -> list[Path]:
    """data.db and every file under resources/, relative to the repository root."""
    database = ROOT / DATABASE
    if not database.is_file():
        raise SystemExit(
            f"error: {database} is missing; build it with `mia-desktop build-db` before packaging"
        )
    resources = sorted(
        path
        for path in (ROOT / RESOURCES).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    if not resources:
        raise SystemExit(f"error: {ROOT / RESOURCES} is missing or empty")
    return [Path(DATABASE), *(path.relative_to(ROOT) for path in resources)]


class BuildPyWithData(build_py):
    """build_py that also copies data.db and resources/ into mia_desktop/_data/."""

    def _copies_data(self) -> bool:
        return not getattr(self, "editable_mode", False)

    def run(self) -> None:
        super().run()
        if not self._copies_data():
            return
        for relative in bundled_files():
            target = Path(self.build_lib) / PACKAGE_DATA_DIR / relative
            self.mkpath(str(target.parent))
            self.copy_file(str(ROOT / relative), str(target), preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if self._copies_data():
            outputs += [
                str(Path(self.build_lib) / PACKAGE_DATA_DIR / relative)
                for relative in bundled_files()
            ]
        return outputs

    def get_source_files(self) -> list[str]:
        # Listed as sources so that an sdist carries them, and a wheel built from it too.
        return [*super().get_source_files(), *(p.as_posix() for p in bundled_files())]


setup(
    cmdclass={"build_py": BuildPyWithData},
    data_files=[
        ("share/applications", ["packaging/mia-desktop.desktop"]),
        ("share/icons/hicolor/scalable/apps", ["src/mia_desktop/icons/mia-desktop.svg"]),
    ],
)
