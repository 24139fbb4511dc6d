"""The README's system-library lines are enough for Qt's xcb and offscreen platforms.

Every shared library that `ldd` finds for the platform plugins (and libQt6XcbQpa, which the
xcb plugin loads) must come from a Debian package that the README's `apt-get install` lines
name, or that those packages depend on. So a bare Debian or Ubuntu machine given only those
lines can show the window. It needs dpkg (it is skipped elsewhere) and the libraries
installed, which `.ci/run` does when root; in CI (MIA_REQUIRE_XVFB=1) it never skips.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from mia_desktop import paths

README = paths.REPO_ROOT / "README.md"


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("MIA_REQUIRE_XVFB"):
        pytest.fail(reason)
    pytest.skip(reason)


def _qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def _readme_packages() -> list[str]:
    lines = re.findall(r"^sudo apt-get install (.+)$", README.read_text(), flags=re.M)
    assert len(lines) == 2, "the README names the offscreen line and the display line"
    return [name for line in lines for name in line.split()]


def _system_libraries(binary: Path) -> set[str]:
    """The libraries ldd resolves outside PySide6's own Qt; fails on any it cannot find."""
    output = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
    missing = [line.split()[0] for line in output.splitlines() if "not found" in line]
    if missing:
        _skip_or_fail(f"{binary.name}: not installed here: {', '.join(missing)}")
    found = set()
    for line in output.splitlines():
        match = re.search(r"=> (/\S+)", line)
        if match and "PySide6" not in match.group(1):
            found.add(os.path.realpath(match.group(1)))
    return found


def _packages_of(libraries: set[str]) -> set[str]:
    """The Debian packages the libraries belong to (one dpkg call: it is slow to start)."""
    # usr-merged systems record /lib files under either path.
    variants = {lib: {lib, re.sub(r"^/usr", "", lib)} for lib in libraries}
    asked = sorted(set().union(*variants.values()))
    output = subprocess.run(["dpkg", "-S", *asked], capture_output=True, text=True).stdout
    owners = {}
    for line in output.splitlines():
        package, _, path = line.partition(": ")
        owners[path] = package.split(":")[0]
    unowned = [lib for lib, paths_ in variants.items() if not paths_ & owners.keys()]
    assert not unowned, f"these belong to no Debian package: {unowned}"
    return {owners[path] for paths_ in variants.values() for path in paths_ if path in owners}


@cache
def _with_dependencies(packages: tuple[str, ...]) -> set[str]:
    """The packages and everything they depend on, read from dpkg's own records.

    dpkg's status needs no package lists (a fresh image often has none); every package
    that matters is installed, or ldd would not have found its libraries.
    """
    fields = "${Package}\t${Depends}, ${Pre-Depends}\t${Provides}\t${db:Status-Status}\n"
    output = subprocess.run(
        ["dpkg-query", "-W", "-f", fields], capture_output=True, text=True
    ).stdout
    depends: dict[str, set[str]] = {}
    providers: dict[str, set[str]] = {}
    for line in output.splitlines():
        package, needs, provides, status = line.split("\t")
        if status != "installed":
            continue
        depends[package] = {
            re.split(r"[\s:(]", choice.strip())[0]
            for clause in needs.split(",")
            for choice in clause.split("|")
            if choice.strip()
        }
        for name in provides.split(","):
            if name.strip():
                providers.setdefault(re.split(r"[\s:(]", name.strip())[0], set()).add(package)
    missing = [p for p in packages if p not in depends]
    if missing:
        _skip_or_fail(f"not installed here: {', '.join(missing)}")
    closure, todo = set(), list(packages)
    while todo:
        name = todo.pop()
        for package in {name} | providers.get(name, set()):
            if package in depends and package not in closure:
                closure.add(package)
                todo.extend(depends[package])
    return closure


@pytest.mark.parametrize(
    "binary",
    ["plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6", "plugins/platforms/libqoffscreen.so"],
)
def test_the_readme_names_every_library_a_platform_plugin_needs(binary: str) -> None:
    if not (shutil.which("dpkg-query") and shutil.which("ldd")):
        _skip_or_fail("needs dpkg and ldd (Debian or Ubuntu)")
    needed = _packages_of(_system_libraries(_qt_dir() / binary))
    provided = _with_dependencies(tuple(_readme_packages()))
    assert needed - provided == set(), "add these to the README's apt-get lines"


def test_ci_installs_exactly_what_the_readme_names() -> None:
    script = (paths.REPO_ROOT / ".ci" / "run").read_text()
    lists = dict(re.findall(r'^(QT_LIBS|XCB_LIBS)="([^"]+)"$', script, flags=re.M))
    assert lists["QT_LIBS"].split() + lists["XCB_LIBS"].split() == _readme_packages()
