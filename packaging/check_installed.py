"""Start an installed mia-desktop as a user would, far from any checkout, and check it works.

    python3 packaging/check_installed.py /usr/bin/mia-desktop        (the .deb's launcher)
    python3 packaging/check_installed.py /tmp/x/mia-desktop/mia-desktop   (an unpacked archive)

From an empty folder, with an environment that has no Python on the PATH and no
PYTHONPATH or site-packages of ours, it: opens the window offscreen and on a real X server
(Xvfb, the xcb platform) until its first frame is painted; reads a record of the brief with
`mia-desktop show`; and checks that nothing was written into the app's own folder
(settings and logs go to the user's folders). Exit 0 when all holds; otherwise the first
thing that did not, in one line, and exit 1. Uses only the standard library.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RECORD = "ev-1954-operation-glory"
EXPECTED = ("Operation Glory", f"Event {RECORD}", "Quote")


def _app_folder(launcher: Path) -> Path:
    return launcher.resolve().parent


def _environment(home: Path, bin_dir: Path, **extra: str) -> dict[str, str]:
    # No Python anywhere on the PATH: only a folder holding the launcher.
    return {"HOME": str(home), "PATH": str(bin_dir), "LANG": "C.UTF-8", **extra}


def _run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def _fail(message: str) -> int:
    print(f"check_installed: {message}", file=sys.stderr)
    return 1


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    if shutil.which("Xvfb") is None:
        return None
    number = next(n for n in range(120, 220) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            return None
        time.sleep(0.05)
    time.sleep(0.3)  # its socket shows a moment before it takes connections
    return server, f":{number}"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    launcher = Path(argv[0])
    if not launcher.exists():
        return _fail(f"{launcher} does not exist")
    folder = _app_folder(launcher)
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*") if not p.is_symlink()}
    with tempfile.TemporaryDirectory() as scratch:
        home, bin_dir, empty = (Path(scratch) / name for name in ("home", "bin", "empty"))
        for made in (home, bin_dir, empty):
            made.mkdir()
        (bin_dir / "mia-desktop").symlink_to(launcher.resolve())
        app = ["mia-desktop"]
        if shutil.which("python3", path=str(bin_dir)) or shutil.which("python", path=str(bin_dir)):
            return _fail("the check's PATH holds a Python")

        env = _environment(home, bin_dir, QT_QPA_PLATFORM="offscreen")
        done = _run([*app, "--exit-after-startup"], env, empty)
        if done.returncode != 0:
            return _fail(f"offscreen start: exit {done.returncode}: {done.stderr.strip()[-300:]}")
        print("offscreen: the window painted its first frame")

        xvfb = _start_xvfb()
        if xvfb is None:
            if os.environ.get("CI") == "true":
                return _fail("no Xvfb to start the app on a real X server")
            print("xcb: skipped (no Xvfb)")
        else:
            server, display = xvfb
            try:
                env = _environment(home, bin_dir, DISPLAY=display, QT_QPA_PLATFORM="xcb")
                done = _run([*app, "--exit-after-startup"], env, empty)
            finally:
                server.terminate()
                server.wait()
            if done.returncode != 0:
                return _fail(f"xcb start: exit {done.returncode}: {done.stderr.strip()[-300:]}")
            print("xcb (Xvfb): the window painted its first frame")

        env = _environment(home, bin_dir)
        done = _run([*app, "show", RECORD], env, empty)
        missing = [text for text in EXPECTED if text not in done.stdout]
        if done.returncode != 0 or missing:
            return _fail(f"`show {RECORD}`: exit {done.returncode}, missing {missing}")
        print(f"show {RECORD}: {done.stdout.splitlines()[0]}")
        if not any(home.rglob("mia-desktop.ini")):
            return _fail("no settings file in the user's folders")

    after = {p: p.stat().st_mtime_ns for p in folder.rglob("*") if not p.is_symlink()}
    changed = sorted(str(p) for p in after if before.get(p) != after[p])
    if changed:
        return _fail(f"the app wrote into its own folder: {changed[:5]}")
    print(f"nothing written into {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
