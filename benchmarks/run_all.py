"""Every benchmark in one run, each figure beside its budget (issue 20).

    python benchmarks/run_all.py [--runs 15] [--repeat 5] [--pixel-runs 9]

Makes the scaled databases once (kept in the system's temporary folder, keyed by size and
the bundled data.db's content), then prints, in this one run:

- the first painted frame of the window with its data against a bare PySide6 window of
  the same size (alternating runs, medians, ratios; peak RSS), bundled and at the largest
  scale; offscreen;
- the first pixels on a real X server (Xvfb) against Zeal, GoldenDict and Kiwix desktop
  (Debian's packages; one not installed is said so);
- the search per keystroke at each size (bundled, 100,000 and 400,000 records).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import first_pixels  # noqa: E402
import search_latency  # noqa: E402
import startup  # noqa: E402

# The budgets of issue 20.
FIRST_FRAME_RATIO = 1.30  # against the bare window of the same size
RSS_RATIO = 1.30
SCALED_STARTUP_RATIO = 1.15  # the largest database's first frame against the bundled one
SEARCH_P95_MS = {0: 10.0, 100_000: 20.0, 400_000: 30.0}  # by synthetic records added
RIVALS = ("Zeal", "GoldenDict", "Kiwix desktop")


def scaled_database(records: int) -> Path:
    """The synthetic database of this size, made once per content of the bundled data.db."""
    bundled = HERE.parent / "data.db"
    digest = hashlib.sha256(bundled.read_bytes()).hexdigest()[:12]
    generator = hashlib.sha256((HERE / "synthetic_db.py").read_bytes()).hexdigest()[:8]
    path = Path(tempfile.gettempdir()) / f"mia-scaled-{records}-{digest}-{generator}.db"
    if not path.exists():
        print(f"making {path.name} ({records:,} synthetic records) ...", file=sys.stderr)
        partial = path.with_suffix(".partial")
        subprocess.run(
            [
                sys.executable,
                str(HERE / "synthetic_db.py"),
                "--records",
                str(records),
                "--out",
                str(partial),
            ],
            check=True,
        )
        partial.replace(path)
    return path


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="first-frame runs per command")
    parser.add_argument("--pixel-runs", type=int, default=9, help="first-pixels runs per app")
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs per keystroke (its time is their median)"
    )
    parser.add_argument(
        "--scales",
        type=int,
        nargs="+",
        default=sorted(n for n in SEARCH_P95_MS if n),
        metavar="N",
        help="synthetic records added for the scaled databases",
    )
    args = parser.parse_args(argv)

    scaled = {n: scaled_database(n) for n in args.scales}
    largest = max(args.scales)
    startup.compile_bytecode()
    print(
        f"mia-desktop benchmarks, {time.strftime('%Y-%m-%d %H:%M')}; machine:"
        f" {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" PySide6 {version('PySide6-Essentials')}, SQLite {sqlite3.sqlite_version}"
    )
    print()
    _first_frame(args.runs, scaled[largest], largest)
    _first_pixels(args.pixel_runs)
    _search(args.repeat, scaled)
    return 0


def _first_frame(runs: int, scaled: Path, records: int) -> None:
    medians = startup.compare(runs, [scaled])
    bare_wall, bare_rss = medians[startup.BARE]
    print(
        f"## First painted frame of the window with its data, offscreen ({runs} alternating"
        " runs; wall time to the process's end, which follows the frame at once)"
    )
    print()
    print("| what | median ms | median peak RSS MiB | ratio | RSS ratio | budget |")
    print("|---|---|---|---|---|---|")
    print(f"| {startup.BARE} | {bare_wall * 1000:.0f} | {bare_rss:.1f} | 1.00 | 1.00 | |")
    floor_wall, floor_rss = medians[startup.FLOOR]
    print(
        f"| {startup.FLOOR} | {floor_wall * 1000:.0f} | {floor_rss:.1f} |"
        f" {floor_wall / bare_wall:.2f} | {floor_rss / bare_rss:.2f} | (reference) |"
    )
    wall, rss = medians[startup.BUNDLED]
    ok = wall / bare_wall <= FIRST_FRAME_RATIO and rss / bare_rss <= RSS_RATIO
    print(
        f"| mia-desktop, bundled data.db | {wall * 1000:.0f} | {rss:.1f} |"
        f" {wall / bare_wall:.2f} | {rss / bare_rss:.2f} | ≤ {FIRST_FRAME_RATIO:.2f},"
        f" RSS ≤ {RSS_RATIO:.2f}: {verdict(ok)} |"
    )
    scaled_wall, scaled_rss = medians[scaled.name]
    ratio = scaled_wall / wall
    print(
        f"| mia-desktop, {records:,} synthetic records | {scaled_wall * 1000:.0f} |"
        f" {scaled_rss:.1f} | {scaled_wall / bare_wall:.2f} | {scaled_rss / bare_rss:.2f} |"
        f" ≤ {SCALED_STARTUP_RATIO:.2f} x bundled ({ratio:.2f}):"
        f" {verdict(ratio <= SCALED_STARTUP_RATIO)} |"
    )
    print()


def _first_pixels(runs: int) -> None:
    medians = first_pixels.measure(runs, sys.executable)
    print(
        f"## First pixels on a real X server (Xvfb, {first_pixels.SCREEN}, no window manager;"
        f" {runs} alternating runs; from the spawn to the first damage of a mapped window)"
    )
    print()
    print("| program | median ms | RSS then MiB | |")
    print("|---|---|---|---|")
    ours = medians["mia-desktop"]
    for name, value in medians.items():
        if value is None:
            print(f"| {name} | not installed | | |")
            continue
        note = ""
        if name in RIVALS and ours is not None:
            note = f"takes {value[0] / ours[0]:.2f}x as long as mia-desktop"
        print(f"| {name} | {value[0] * 1000:.0f} | {value[1]:.0f} | {note} |")
    rivals = [medians[name] for name in RIVALS]
    if ours is not None and all(r is not None for r in rivals):
        ahead = all(ours[0] < r[0] for r in rivals if r is not None)
        print(f"\nBudget: ahead of {', '.join(RIVALS)}: {verdict(ahead)}")
    else:
        print(f"\nBudget: ahead of {', '.join(RIVALS)}: not measured (not all installed)")
    print()


def _search(repeat: int, scaled: dict[int, Path]) -> None:
    print(
        "## Search per keystroke (query plus results update, no debounce; each keystroke the"
        f" median of {repeat} runs)"
    )
    print()
    print(
        "| database | keystrokes | median ms | p95 ms | bare FTS5 median / p95 ms | budget |"
        " count after a pause: keystrokes, median / p95 ms | shortened to fit 50 ms |"
    )
    print("|---|---|---|---|---|---|---|---|")
    databases = [("bundled data.db", HERE.parent / "data.db", SEARCH_P95_MS[0])]
    databases += [
        (f"{n:,} synthetic records", path, SEARCH_P95_MS.get(n, max(SEARCH_P95_MS.values())))
        for n, path in sorted(scaled.items())
    ]
    for name, path, budget in databases:
        latencies = search_latency.measure(path, repeat)
        app_ms = [t * 1000 for t in latencies.app]
        bare_ms = [t * 1000 for t in latencies.bare]
        count_ms = [t * 1000 for t in latencies.counts]
        p95 = search_latency.percentile(app_ms, 0.95)
        counted = (
            f"{len(count_ms)}, {statistics.median(count_ms):.1f} /"
            f" {search_latency.percentile(count_ms, 0.95):.1f}"
            if count_ms
            else "none"
        )
        print(
            f"| {name} | {len(app_ms)} | {statistics.median(app_ms):.1f} | {p95:.1f} |"
            f" {statistics.median(bare_ms):.2f} / {search_latency.percentile(bare_ms, 0.95):.2f}"
            f" | p95 ≤ {budget:g} ms: {verdict(p95 <= budget)} | {counted} |"
            f" {latencies.shortened} |"
        )
    print()


if __name__ == "__main__":
    sys.exit(main())
