"""Start-up to the first painted frame of the window with data, against a bare PySide6 window.

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
BARE = "bare PySide6 window"
BUNDLED = "bundled data.db"
FLOOR = "the same Qt widgets, empty (no app code)"


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


def compare(runs: int, databases: list[Path]) -> dict[str, tuple[float, float]]:
    """Median wall seconds and peak RSS MiB per command, bare window first, alternating."""
    with tempfile.TemporaryDirectory() as config:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": config,
        }
        app = [sys.executable, "-m", "mia_desktop"]
        commands = {
            BARE: [sys.executable, str(HERE / "bare_window.py")],
            FLOOR: [sys.executable, str(HERE / "widget_floor.py")],
            BUNDLED: [*app, "--exit-after-startup"],
        }
        for path in databases:
            commands[path.name] = [*app, "--db", str(path), "--exit-after-startup"]
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for command in commands.values():
            measure(command, env)  # warm the file cache and the settings file once
        for _ in range(runs):
            for name, command in commands.items():
                results[name].append(measure(command, env))
    return {
        name: (statistics.median(w for w, _ in runs_), statistics.median(r for _, r in runs_))
        for name, runs_ in results.items()
    }


def compile_bytecode() -> None:
    """Compile the package's bytecode, as installing the wheel does.

    A source checkout run with PYTHONDONTWRITEBYTECODE (as these machines are) would
    otherwise compile every module on every start, which an installed app never does.
    """
    import compileall

    package = HERE.parent / "src" / "mia_desktop"
    compileall.compile_dir(str(package), quiet=1, force=False)


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
    compile_bytecode()
    medians = compare(args.runs, args.db)
    print(f"Start-up to first shown window ({args.runs} alternating runs each)")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    print()
    print("| what | median wall ms | median peak RSS MiB | wall ratio | RSS ratio |")
    print("|---|---|---|---|---|")
    base_wall, base_rss = medians[BARE]
    for name, (wall, rss) in medians.items():
        print(
            f"| {name} | {wall * 1000:.0f} | {rss:.1f} | {wall / base_wall:.2f} |"
            f" {rss / base_rss:.2f} |"
        )
    bundled_wall = medians[BUNDLED][0]
    for name, (wall, _) in medians.items():
        if name not in {BARE, FLOOR, BUNDLED}:
            print(f"\n{name} against the bundled database: {wall / bundled_wall:.2f}x wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
