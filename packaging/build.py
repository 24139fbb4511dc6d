"""Build mia-desktop for people who don't use Python: a self-contained folder, an archive of
it and (on Debian and Ubuntu) a package.

    python packaging/build.py          (in a checkout, with `pip install -e '.[package]'`)

makes, in dist/:

- mia-desktop/: the app frozen by PyInstaller (packaging/mia-desktop.spec), with its own
  Python, data.db, the icon and only the Qt libraries and plugins the app uses. It runs
  from wherever it is unpacked, with no Python on the machine: `dist/mia-desktop/mia-desktop`.
- mia-desktop-VERSION-linux-x86_64.tar.gz: that folder, for any Linux system (Linux only).
- mia-desktop_VERSION_amd64.deb: the folder under /opt/mia-desktop/, `mia-desktop` on the
  PATH, the menu entry and its icon, and the system libraries Qt needs as dependencies
  (where dpkg-deb is found). `sudo apt install ./dist/mia-desktop_VERSION_amd64.deb`.

On Windows and macOS the same command makes the folder (PyInstaller builds for the system it
runs on); the archive and the package are Linux's.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "mia-desktop"
SIZE_BUDGET_MB = 150  # the unpacked folder (issue 21)
sys.path.insert(0, str(ROOT / "src"))  # the version and the manual page, from the checkout

# What Qt's xcb platform and its fonts need on a Debian 12 / Ubuntu desktop (the same list
# the README's set-up line and .ci/run install for a checkout): PySide's wheels bring Qt
# itself, not these.
DEPENDS = (
    "libc6 (>= 2.28), libstdc++6, zlib1g, libegl1, libgl1, libx11-6, libdbus-1-3,"
    " libfontconfig1, libfreetype6, libglib2.0-0, libxkbcommon0, fonts-dejavu-core,"
    " libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1,"
    " libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0,"
    " libxcb-sync1, libxcb-util1, libxcb-xfixes0, libxcb-xkb1, libxkbcommon-x11-0"
)
DESCRIPTION = """\
Offline reference on Korean War POW/MIA accounting
 mia-desktop is an offline desktop reference on the accounting for Korean
 War prisoners of war and missing in action, built from the National
 Committee on North Korea's issue brief of October 2015, with later
 figures from DPAA, DoD and NCNK as dated, cited records.
 .
 Every record shows the brief's verbatim quote and where it stands, and
 copies its citation in Chicago, APA, MLA and other styles. The app and
 its data are self-contained and make no network access."""
# Why each lintian tag below does not apply to a self-contained app in /opt (lintian
# reads this file from the package).
LINTIAN_OVERRIDES = """\
# A self-contained application (its own Python and Qt, frozen by PyInstaller) installs
# under /opt, as add-on software may (FHS 3.13); the launcher on the PATH is a link.
mia-desktop: dir-or-file-in-opt *
# The bundle carries its own copies of the libraries it was built and tested with.
mia-desktop: embedded-library *
mia-desktop: shared-library-lacks-prerequisites *
mia-desktop: library-not-linked-against-libc *
# Python's extension modules keep the run path of the Python they were built for; the
# bundle's own loader finds its libraries first, and that folder does not exist here.
mia-desktop: custom-library-search-path *
"""


def version() -> str:
    from mia_desktop import __version__

    return __version__


def freeze() -> Path:
    """Run PyInstaller on packaging/mia-desktop.spec; the folder it makes."""
    if not (ROOT / "data.db").is_file():
        raise SystemExit("data.db is missing: build it first (`mia-desktop build-db`)")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(HERE / f"{NAME}.spec"),
        ],
        check=True,
    )
    return DIST / NAME


def folder_mb(folder: Path) -> float:
    """Megabytes on disk (a symbolic link counts once, as the file it points to)."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1_000_000


def _needed(library: Path) -> list[str]:
    """The shared libraries an ELF file asks the loader for (readelf, from binutils, which
    PyInstaller needs on Linux too)."""
    shown = subprocess.run(
        ["readelf", "--dynamic", str(library)], capture_output=True, text=True, check=False
    ).stdout
    return [
        line.split("[", 1)[1].split("]", 1)[0] for line in shown.splitlines() if "(NEEDED)" in line
    ]


def prune_unused_libraries(folder: Path) -> list[str]:
    """Remove the bundled libraries nothing in the bundle loads.

    PyInstaller collects the dependencies of every Qt plugin before the spec drops the
    plugins the app does not use (GTK's theme, Wayland, Qt Network's), so their libraries
    stay behind. What is kept: every library reachable from the executable, Python's
    extension modules and the plugins kept, through their NEEDED entries.
    """
    internal = folder / "_internal"
    libraries = {p.name: p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()}
    roots = [folder / NAME, *internal.rglob("*.so"), *internal.rglob("*.abi3.so*")]
    # Loaded with dlopen, not asked for: Python itself (by PyInstaller's bootloader).
    roots += [p for p in internal.glob("libpython*.so*")]
    wanted: set[str] = set()
    todo = [p for p in roots if p.is_file()]
    seen: set[Path] = set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name in _needed(current.resolve()):
            if name in libraries and name not in wanted:
                wanted.add(name)
                todo.append(libraries[name])
    links = [p for p in internal.iterdir() if p.is_symlink()]  # top-level links to libraries
    removed = []
    for name, path in sorted(libraries.items()):
        if name in wanted or path in seen or not name.startswith("lib") or ".so." not in name:
            continue
        for link in links:
            if link.resolve() == path.resolve():
                link.unlink()
        path.unlink()
        removed.append(name)
    return removed


def archive(folder: Path, release: str) -> Path:
    """The folder as a .tar.gz that unpacks to mia-desktop/."""
    target = DIST / f"{NAME}-{release}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(folder, arcname=NAME)
    return target


def _gzipped(text: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(target, "wb", mtime=0) as out:
        out.write(text.encode())


def debian_package(folder: Path, release: str) -> Path:
    """The folder as a Debian package: /opt/mia-desktop, a launcher, the menu entry."""
    target = DIST / f"{NAME}_{release}_amd64.deb"
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        opt = tree / "opt" / NAME
        shutil.copytree(folder, opt, symlinks=True)
        bin_dir = tree / "usr" / "bin"
        bin_dir.mkdir(parents=True)
        (bin_dir / NAME).symlink_to(f"/opt/{NAME}/{NAME}")
        share = tree / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        shutil.copy2(ROOT / "packaging" / f"{NAME}.desktop", share / "applications")
        icons = share / "icons" / "hicolor" / "scalable" / "apps"
        icons.mkdir(parents=True)
        shutil.copy2(ROOT / "src" / "mia_desktop" / "icons" / f"{NAME}.svg", icons)
        _gzipped(_manual_page(release), share / "man" / "man1" / f"{NAME}.1.gz")
        doc = share / "doc" / NAME
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(_copyright())
        _gzipped(_changelog(release), doc / "changelog.gz")
        overrides = share / "lintian" / "overrides"
        overrides.mkdir(parents=True)
        (overrides / NAME).write_text(LINTIAN_OVERRIDES)
        control = tree / "DEBIAN"
        control.mkdir()
        installed_kb = int(sum(p.lstat().st_size for p in tree.rglob("*")) / 1024)
        (control / "control").write_text(
            f"Package: {NAME}\n"
            f"Version: {release}\n"
            "Section: education\n"
            "Priority: optional\n"
            "Architecture: amd64\n"
            "Maintainer: mia-desktop developers <mia-desktop@users.noreply.github.com>\n"
            f"Installed-Size: {installed_kb}\n"
            f"Depends: {DEPENDS}\n"
            "Homepage: https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/"
            "korean-war-powmias\n"
            f"Description: {DESCRIPTION}\n"
        )
        # Only the app's executable is run; its libraries are loaded (Policy 8.1: 0644).
        for path in tree.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
            elif path.is_file() and not path.is_symlink():
                path.chmod(0o755 if path == opt / NAME else 0o644)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(tree), str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def _copyright() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {NAME}\n\n"
        "Files: *\n"
        "Copyright: 2026 mia-desktop developers\n"
        "License: MIT\n"
        " Permission is hereby granted, free of charge, to any person obtaining a copy of\n"
        ' this software and associated documentation files (the "Software"), to deal in\n'
        " the Software without restriction, including without limitation the rights to\n"
        " use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of\n"
        " the Software, and to permit persons to whom the Software is furnished to do so,\n"
        " subject to the following conditions:\n .\n"
        " The above copyright notice and this permission notice shall be included in all\n"
        " copies or substantial portions of the Software.\n .\n"
        ' THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n'
        " IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS\n"
        " FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR\n"
        " COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER\n"
        " IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN\n"
        " CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n\n"
        "Files: opt/mia-desktop/_internal/*\n"
        "Copyright: The Python Software Foundation; The Qt Company Ltd. and others\n"
        "License: PSF-2.0 and LGPL-3.0\n"
        " The bundled Python runtime (PSF License 2.0) and Qt and PySide6 (LGPL 3.0), as\n"
        " shipped in the PySide6-Essentials wheel; on Debian systems the LGPL 3.0 is in\n"
        " /usr/share/common-licenses/LGPL-3.\n"
    )


def _manual_page(release: str) -> str:
    """`man mia-desktop`: the command line's own help (argparse's), as a manual page."""
    from mia_desktop.cli_parser import build_parser

    lines = build_parser().format_help().replace("\\", "\\e").splitlines()
    # A line starting with "." or "'" would be read as a request: \& keeps it text.
    help_text = "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in lines)
    body = f".nf\n{help_text}\n.fi"
    return (
        f'.TH MIA-DESKTOP 1 "" "mia-desktop {release}" "User Commands"\n'
        ".SH NAME\n"
        "mia-desktop \\- offline reference on the accounting for Korean War POW/MIAs\n"
        ".SH DESCRIPTION\n"
        "Without a command, opens the app; the commands print without opening a window."
        " Each command's own options: \\fBmia-desktop\\fR \\fICOMMAND\\fR \\fB--help\\fR.\n"
        f".PP\n{body}\n"
    )


def _changelog(release: str) -> str:
    # A fixed date (SOURCE_DATE_EPOCH, else the epoch): the same tree builds the same file.
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    when = format_datetime(datetime.fromtimestamp(epoch, UTC))
    return (
        f"{NAME} ({release}) unstable; urgency=medium\n\n"
        "  * A self-contained build of the app (see the project's README).\n\n"
        f" -- mia-desktop developers <mia-desktop@users.noreply.github.com>  {when}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-deb", action="store_true", help="make no Debian package")
    args = parser.parse_args(argv)
    release = version()
    folder = freeze()
    if sys.platform.startswith("linux"):
        removed = prune_unused_libraries(folder)
        print(f"left out {len(removed)} libraries nothing loads: {', '.join(removed)}")
    size = folder_mb(folder)
    print(f"{folder}: {size:.0f} MB unpacked (budget {SIZE_BUDGET_MB} MB)")
    if sys.platform.startswith("linux"):
        tar = archive(folder, release)
        print(f"{tar}: {tar.stat().st_size / 1_000_000:.0f} MB")
        if not args.no_deb and shutil.which("dpkg-deb"):
            deb = debian_package(folder, release)
            print(f"{deb}: {deb.stat().st_size / 1_000_000:.0f} MB")
    return 0 if size <= SIZE_BUDGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
