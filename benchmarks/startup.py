"""Start-up to the first shown window with data, against a bare PySide6 window.

Runs `python -m mia_desktop --exit-after-startup` and benchmarks/bare_window.py in
alternation, in the same session, and prints median wall time, peak RSS and the ratios.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs N] [--db PATH ...]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of one run (RSS of the child, from wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        errors = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed: {errors}")
    rss_kib = usage.ru_maxrss  # kilobytes on Linux
    return wall, rss_kib / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--db",
        type=Path,
        action="append",
        default=[],
        help="also start the app on this database (repeatable)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as config:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": config,
        }
        bare = [sys.executable, str(HERE / "bare_window.py")]
        apps = {"bundled data.db": [sys.executable, "-m", "mia_desktop", "--exit-after-startup"]}
        for path in args.db:
            apps[f"{path.name}"] = [
                sys.executable,
                "-m",
                "mia_desktop",
                "--db",
                str(path),
                "--exit-after-startup",
            ]
        results: dict[str, list[tuple[float, float]]] = {"bare PySide6 window": []}
        results.update({name: [] for name in apps})
        measure(bare, env)  # warm the file cache once
        for _ in range(args.runs):
            results["bare PySide6 window"].append(measure(bare, env))
            for name, command in apps.items():
                results[name].append(measure(command, env))
    print(f"Start-up to first shown window ({args.runs} alternating runs each)")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    print()
    print("| what | median wall ms | median peak RSS MiB | wall ratio | RSS ratio |")
    print("|---|---|---|---|---|")
    base_wall = statistics.median(w for w, _ in results["bare PySide6 window"])
    base_rss = statistics.median(r for _, r in results["bare PySide6 window"])
    first_app = statistics.median(w for w, _ in results["bundled data.db"])
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        rss = statistics.median(r for _, r in runs)
        print(
            f"| {name} | {wall * 1000:.0f} | {rss:.1f} | {wall / base_wall:.2f} |"
            f" {rss / base_rss:.2f} |"
        )
    for name, runs in results.items():
        if name not in {"bare PySide6 window", "bundled data.db"}:
            wall = statistics.median(w for w, _ in runs)
            print(f"\n{name} against the bundled database: {wall / first_app:.2f}x wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
