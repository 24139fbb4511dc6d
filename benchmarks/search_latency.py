"""Per-keystroke search latency: query plus results update, as the search field does it.

Types each query of a fixed list one character at a time and times, for every keystroke,
what the app does once the debounce delay has passed (SearchPanel.run_search: the search,
its facet counts, the results model and the filter counts). As a baseline, the same
keystrokes run as a bare FTS5 MATCH with no ranking, facets or model, in the same run.
A search of more matches than are ranked counts them all only once the typing pauses
(SearchPanel.count_all); that count is timed too, apart, for the keystrokes that need it.

    QT_QPA_PLATFORM=offscreen python benchmarks/search_latency.py [--db PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = [
    "Operation Glory",
    "K208",
    "3,313",
    "8100",
    "375-400",
    "Richardsen",
    "who headed the delegation to Pyongyang in 2007?",
    "prisoners of war",
    "USSR commission",
    "Punchbowl",
    "hydropower",
    "NDAA 200",
    'U.S." OR (',
    "joint recovery missions suspended",
    "fewer than 20 China",
]


def keystrokes() -> list[str]:
    return [query[:n] for query in QUERIES for n in range(1, len(query) + 1)]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def row(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"| {name} | {len(ms)} | {statistics.median(ms):.2f} | {percentile(ms, 0.95):.2f}"
        f" | {max(ms):.2f} |"
    )


class Latencies(NamedTuple):
    app: list[float]  # seconds per keystroke, in the order of keystrokes()
    bare: list[float]  # the same keystrokes as a bare FTS5 MATCH
    counts: list[float]  # the count after a pause, for the keystrokes that put it off
    records: int
    shortened: int  # keystrokes whose search ran out of its time and searched fewer words


def measure(db_path: Path, repeat: int) -> Latencies:
    """Seconds per keystroke for the app and for a bare FTS5 MATCH, and the record count.

    Each keystroke is typed `repeat` times (in separate passes over all the keystrokes) and
    its time is the median of those: on a shared machine a single run can be caught by
    another process, and the median leaves out such a spike without picking the best run.
    """
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from mia_desktop.db.store import Database
    from mia_desktop.qt.search_panel import SearchPanel
    from mia_desktop.search.query import to_fts_query

    app = QApplication.instance() or QApplication(sys.argv)  # widgets need one alive
    strokes = keystrokes()
    app_runs: list[list[float]] = [[] for _ in strokes]
    bare_runs: list[list[float]] = [[] for _ in strokes]
    count_runs: list[list[float]] = [[] for _ in strokes]
    records = 0
    shortened: set[int] = set()
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "bench.ini"), QSettings.Format.IniFormat)
        for _ in range(repeat):
            # Each pass is a fresh session (database, caches, panel): a pass must not find
            # the records an earlier pass over the same keystrokes has read.
            with Database(db_path) as db:
                host = QWidget()
                panel = SearchPanel(database=db, settings=settings, parent=host)
                bare = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
                for n, text in enumerate(strokes):
                    panel.field.blockSignals(True)  # no debounce timer: time the work itself
                    panel.field.setText(text)
                    panel.field.blockSignals(False)
                    start = time.perf_counter()
                    panel.run_search()
                    app_runs[n].append(time.perf_counter() - start)
                    if panel.last_result is not None and panel.last_result.shortened_to:
                        shortened.add(n)
                    if panel.last_result is not None and panel.last_result.uncounted:
                        start = time.perf_counter()
                        panel.count_all()
                        count_runs[n].append(time.perf_counter() - start)
                    query = to_fts_query(text)
                    start = time.perf_counter()
                    if query:
                        bare.execute(
                            "SELECT rowid FROM records_fts WHERE records_fts MATCH ? LIMIT 50",
                            (query,),
                        ).fetchall()
                    bare_runs[n].append(time.perf_counter() - start)
                records = db.count_records()
                bare.close()
                panel.cancel_pending()
                host.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now
    del app
    return Latencies(
        app=[statistics.median(runs) for runs in app_runs],
        bare=[statistics.median(runs) for runs in bare_runs],
        counts=[statistics.median(runs) for runs in count_runs if runs],
        records=records,
        shortened=len(shortened),
    )


def main(argv: list[str] | None = None) -> int:
    from mia_desktop import paths

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=paths.bundled_database())
    parser.add_argument("--repeat", type=int, default=3, help="passes over all keystrokes")
    parser.add_argument("--slowest", type=int, default=0, help="list the N slowest keystrokes")
    args = parser.parse_args(argv)
    app_times, bare_times, count_times, records, shortened = measure(args.db, args.repeat)
    print(
        f"Search latency per keystroke ({len(keystrokes())} keystrokes, each the median of"
        f" {args.repeat} runs)"
    )
    print(f"database: {args.db} ({records} records)")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}, {platform.platform()}"
    )
    print()
    print("| what | keystrokes | median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    print(row("app: search + facets + results model", app_times))
    print(row("baseline: bare FTS5 MATCH", bare_times))
    if count_times:
        print(row("the count after a pause (very many matches)", count_times))
    print(f"\nkeystrokes whose search was shortened to fit its time: {shortened}")
    ratio = statistics.median(app_times) / max(statistics.median(bare_times), 1e-9)
    print(f"\nmedian ratio app/baseline: {ratio:.1f}x")
    if args.slowest:
        print("\nslowest keystrokes (app ms, bare ms, text):")
        ranked = sorted(zip(app_times, bare_times, keystrokes(), strict=True), reverse=True)
        for app_time, bare_time, text in ranked[: args.slowest]:
            print(f"{app_time * 1000:8.1f} {bare_time * 1000:7.2f}  {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
