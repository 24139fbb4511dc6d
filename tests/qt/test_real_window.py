"""The app in a real X window (the xcb platform, as on every Linux desktop), under Xvfb.

Offscreen tests never load Qt's xcb plugin, so they cannot see a missing system library
(the app then aborts with "could not load the Qt platform plugin xcb"). This test starts
the app on xcb under Xvfb and waits until its window is shown with the brief's data.
`.ci/run` installs Xvfb and, in CI, sets MIA_REQUIRE_XVFB=1, so that a missing Xvfb fails
there instead of skipping.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        if os.environ.get("MIA_REQUIRE_XVFB"):
            pytest.fail("Xvfb is required here (MIA_REQUIRE_XVFB) but not installed")
        pytest.skip("Xvfb is not installed")
    for number in range(90, 110):  # a free display number
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            break
    display = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def _run_on_xcb(display: str, home: Path, arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """Run Python with the arguments on the xcb platform of the display, in a clean home."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": display,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    return subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
        cwd=home,
    )


def test_the_app_starts_in_a_real_x_window(x_display: str, tmp_path: Path) -> None:
    done = _run_on_xcb(x_display, tmp_path, ["-m", "mia_desktop", "--exit-after-startup"])
    assert done.returncode == 0, done.stderr
    assert "could not load the Qt platform plugin" not in done.stderr
    assert "Traceback" not in done.stderr


def test_the_drawings_show_what_they_paint_after_zoom_and_scroll(
    x_display: str, tmp_path: Path
) -> None:
    # On xcb, Qt scrolls the pixels already on screen and repaints only what it thinks
    # changed: a drawing with a pinned axis must repaint it all, or stale years stay.
    done = _run_on_xcb(
        x_display, tmp_path, [str(Path(__file__).with_name("real_window_driver.py"))]
    )
    assert done.returncode == 0, done.stderr
    differences = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(differences) == {"timeline zoomed and scrolled", "efforts drawing scrolled"}
    for check, share in differences.items():
        assert share < 0.001, f"{check}: {share:.1%} of the pixels on screen are stale"
