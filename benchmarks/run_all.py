"""Every benchmark in one run, with its budget: start-up and search, bundled and at scale.

    QT_QPA_PLATFORM=offscreen python benchmarks/run_all.py [--records 100000] [--runs 15]

Makes the scaled database once (kept in the system's temporary folder, keyed by size and
the bundled data.db's content), then prints the start-up comparison against a bare PySide6
window (bundled and scaled, alternating in the same session) and the per-keystroke search
latency (bundled and scaled), each with its ratio and whether the issue's budget holds.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import search_latency  # noqa: E402
import startup  # noqa: E402

# The budgets of issue 7.
STARTUP_WALL_RATIO = 1.25  # against the bare window
STARTUP_RSS_RATIO = 1.30
SCALED_STARTUP_RATIO = 1.15  # scaled start-up against the bundled one
SEARCH_P95_BUNDLED_MS = 10.0
SEARCH_P95_SCALED_MS = 30.0


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
    parser.add_argument("--records", type=int, default=100_000, metavar="N")
    parser.add_argument("--runs", type=int, default=15, help="start-up runs per command")
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs per keystroke (its time is their median)"
    )
    args = parser.parse_args(argv)

    scaled = scaled_database(args.records)
    startup.compile_bytecode()
    medians = startup.compare(args.runs, [scaled])
    bare_wall, bare_rss = medians[startup.BARE]
    bundled_wall, bundled_rss = medians[startup.BUNDLED]
    scaled_wall, scaled_rss = medians[scaled.name]

    print(
        f"mia-desktop benchmarks, {time.strftime('%Y-%m-%d %H:%M')}; machine:"
        f" {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print(f"## Start-up to the first shown window with data ({args.runs} alternating runs)")
    print()
    print("| what | median wall ms | median peak RSS MiB | wall ratio | RSS ratio | budget |")
    print("|---|---|---|---|---|---|")
    print(f"| {startup.BARE} | {bare_wall * 1000:.0f} | {bare_rss:.1f} | 1.00 | 1.00 | |")
    floor_wall, floor_rss = medians[startup.FLOOR]
    print(
        f"| {startup.FLOOR} | {floor_wall * 1000:.0f} | {floor_rss:.1f} |"
        f" {floor_wall / bare_wall:.2f} | {floor_rss / bare_rss:.2f} | (reference) |"
    )
    wall_ratio, rss_ratio = bundled_wall / bare_wall, bundled_rss / bare_rss
    ok = wall_ratio <= STARTUP_WALL_RATIO and rss_ratio <= STARTUP_RSS_RATIO
    print(
        f"| mia-desktop, bundled data.db | {bundled_wall * 1000:.0f} | {bundled_rss:.1f} |"
        f" {wall_ratio:.2f} | {rss_ratio:.2f} | ≤ {STARTUP_WALL_RATIO} wall,"
        f" ≤ {STARTUP_RSS_RATIO} RSS: {verdict(ok)} |"
    )
    scaled_ratio = scaled_wall / bundled_wall
    print(
        f"| mia-desktop, {args.records:,} synthetic records | {scaled_wall * 1000:.0f} |"
        f" {scaled_rss:.1f} | {scaled_wall / bare_wall:.2f} | {scaled_rss / bare_rss:.2f} |"
        f" ≤ {SCALED_STARTUP_RATIO} x bundled ({scaled_ratio:.2f}):"
        f" {verdict(scaled_ratio <= SCALED_STARTUP_RATIO)} |"
    )
    print()
    print(
        f"## Search per keystroke (query plus results update, no debounce; each keystroke the"
        f" median of {args.repeat} runs)"
    )
    print()
    print(
        "| database | keystrokes | median ms | p95 ms | bare FTS5 median / p95 ms | budget |"
        " count after a pause: keystrokes, median / p95 ms |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, path, budget in (
        ("bundled data.db", HERE.parent / "data.db", SEARCH_P95_BUNDLED_MS),
        (f"{args.records:,} synthetic records", scaled, SEARCH_P95_SCALED_MS),
    ):
        latencies = search_latency.measure(path, args.repeat)
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
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
