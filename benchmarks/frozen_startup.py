"""The frozen build against the pip install: first painted frame, peak memory, size on disk.

    python benchmarks/frozen_startup.py [--runs 15]   (after `python packaging/build.py`)

Alternates, in one session, the bare PySide6 window, `python -m mia_desktop` (the pip
install: this checkout's environment) and dist/mia-desktop/mia-desktop, each ended after
its first frame (`--exit-after-startup`), and prints the medians with the folder's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "packaging")]

import startup  # noqa: E402

from build import SIZE_BUDGET_MB, folder_mb  # noqa: E402  (packaging/build.py)

FROZEN = HERE.parent / "dist" / "mia-desktop" / "mia-desktop"
FIRST_FRAME_RATIO = 1.0  # the frozen app no slower than the pip install (issue 21)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    if not FROZEN.is_file():
        raise SystemExit(f"{FROZEN} is missing: run `python packaging/build.py` first")
    startup.compile_bytecode()
    commands = {
        startup.BARE: [sys.executable, str(HERE / "bare_window.py")],
        "pip install (python -m mia_desktop)": [
            sys.executable,
            "-m",
            "mia_desktop",
            "--exit-after-startup",
        ],
        "frozen (dist/mia-desktop)": [str(FROZEN), "--exit-after-startup"],
    }
    with tempfile.TemporaryDirectory() as config:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": config}
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for command in commands.values():
            startup.measure(command, env)  # warm the file cache once
        for _ in range(args.runs):
            for name, command in commands.items():
                results[name].append(startup.measure(command, env))
    medians = {
        name: (statistics.median(w for w, _ in runs), statistics.median(r for _, r in runs))
        for name, runs in results.items()
    }
    bare = medians[startup.BARE][0]
    pip_wall = medians["pip install (python -m mia_desktop)"][0]
    frozen_wall = medians["frozen (dist/mia-desktop)"][0]
    print(f"First painted frame, offscreen ({args.runs} alternating runs, medians)")
    print()
    print("| what | median ms | peak RSS MiB | against the bare window |")
    print("|---|---|---|---|")
    for name, (wall, rss) in medians.items():
        print(f"| {name} | {wall * 1000:.0f} | {rss:.1f} | {wall / bare:.2f} |")
    ratio = frozen_wall / pip_wall
    verdict = "met" if ratio <= FIRST_FRAME_RATIO else "**not met**"
    print(
        f"\nfrozen against pip install: {ratio:.2f} (budget ≤ {FIRST_FRAME_RATIO:.2f}): {verdict}"
    )
    size = folder_mb(FROZEN.parent)
    verdict = "met" if size <= SIZE_BUDGET_MB else "**not met**"
    print(f"dist/mia-desktop: {size:.0f} MB unpacked (budget ≤ {SIZE_BUDGET_MB} MB): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
