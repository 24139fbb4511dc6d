"""Time to the first pixels a window draws, on a real X server, against the apps a user
would pick instead.

    python benchmarks/first_pixels.py [--runs 9]

Starts its own Xvfb (1366x768, no window manager, so none adds its own timing), then
starts each program in turn, alternating, and times from the spawn to the X server's first
Damage event on a window the program has mapped: the first pixels of it that reach the
screen. The server reports every drawing into the window (the Damage extension), so this
is the same for every toolkit and needs nothing from the program. The peak resident memory
of the program and its child processes is read at that moment.

The others are Debian's packages: `apt-get install zeal goldendict kiwix` (Kiwix desktop).
A program that is not installed is reported as such and left out. Each runs with a HOME of
its own kept for all its runs, started once before the timed runs (a first run may set up
its files), so that the timed runs are the usual start of an installed app.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from Xlib import X, display, error
from Xlib.ext import damage

HERE = Path(__file__).resolve().parent
SCREEN = "1366x768x24"
TIMEOUT_S = 20.0


@dataclass(frozen=True)
class Program:
    name: str
    command: list[str]


def programs(python: str) -> list[Program]:
    return [
        Program("bare PySide6 window", [python, str(HERE / "bare_window.py"), "--stay"]),
        Program("mia-desktop", [python, "-m", "mia_desktop"]),
        Program("Zeal", ["zeal"]),
        Program("GoldenDict", ["goldendict"]),
        Program("Kiwix desktop", ["kiwix-desktop"]),
    ]


def installed(program: Program) -> bool:
    return shutil.which(program.command[0]) is not None


class Xvfb:
    """An X server of our own on a free display number, for the length of the run."""

    def __init__(self) -> None:
        number = next(n for n in range(91, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        self.name = f":{number}"
        self._process = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:  # its socket shows before it takes connections
            if time.monotonic() > deadline or self._process.poll() is not None:
                raise SystemExit("Xvfb did not start")
            try:
                display.Display(self.name).close()
                break
            except (error.DisplayError, error.ConnectionClosedError, OSError):
                time.sleep(0.05)

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait()


def _tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (MiB)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    total_kib, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kib += int(line.split()[1])
        except OSError:
            pass
    return total_kib / 1024


def _wait_for_first_damage(
    screen: display.Display,
    process: subprocess.Popen[bytes],
    start: float,
    name: str,
    said: IO[bytes],
) -> float:
    damage_notify = screen.query_extension("DAMAGE").first_event + damage.DamageNotifyCode
    mapped: set[int] = set()
    while True:
        if time.perf_counter() - start > TIMEOUT_S:
            raise SystemExit(f"{name}: no window drew within {TIMEOUT_S:g} s")
        if process.poll() is not None:
            said.seek(0)
            last = said.read().decode(errors="replace").strip().splitlines()[-3:]
            raise SystemExit(f"{name} ended (code {process.returncode}): {last}")
        if not screen.pending_events():
            time.sleep(0.0005)
            continue
        event = screen.next_event()
        if event.type == X.CreateNotify:
            # Watched from its creation: a paint just after the map is not missed.
            event.window.damage_create(damage.DamageReportNonEmpty)
            screen.flush()
        elif event.type == X.MapNotify:
            mapped.add(event.window.id)
        elif event.type == damage_notify and event.drawable.id in mapped:
            return time.perf_counter() - start


def first_pixels(program: Program, server: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the first damage of a mapped window, and the tree's RSS then."""
    screen = display.Display(server)
    screen.set_error_handler(lambda *_: None)  # an input-only or vanished window: ignore
    if not screen.has_extension("DAMAGE"):
        raise SystemExit("the X server has no Damage extension")
    screen.damage_query_version()
    root = screen.screen().root
    root.change_attributes(event_mask=X.SubstructureNotifyMask)
    screen.sync()
    # stderr to a file, not a pipe: a chatty program never blocks on it.
    with tempfile.TemporaryFile() as said:
        start = time.perf_counter()
        process = subprocess.Popen(
            program.command,
            env={**env, "DISPLAY": server},
            stdout=subprocess.DEVNULL,
            stderr=said,
            start_new_session=True,
        )
        try:
            seen = _wait_for_first_damage(screen, process, start, program.name, said)
            rss = _tree_rss_mib(process.pid)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            screen.close()
    return seen, rss


def measure(runs: int, python: str) -> dict[str, tuple[float, float] | None]:
    """Median first-pixels seconds and RSS MiB per program (None: not installed)."""
    chosen = programs(python)
    results: dict[str, list[tuple[float, float]]] = {p.name: [] for p in chosen if installed(p)}
    server = Xvfb()
    homes = tempfile.TemporaryDirectory()
    try:
        envs = {}
        for program in chosen:
            home = Path(homes.name) / program.name.replace(" ", "-")
            home.mkdir()
            envs[program.name] = {
                **{k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))},
                "HOME": str(home),
                "XDG_RUNTIME_DIR": homes.name,
                # Zeal and Kiwix show pages with QtWebEngine, whose sandbox refuses root.
                "QTWEBENGINE_DISABLE_SANDBOX": "1",
            }
        for program in chosen:  # first runs: set-up files, file cache
            if program.name in results:
                first_pixels(program, server.name, envs[program.name])
        for _ in range(runs):
            for program in chosen:
                if program.name in results:
                    results[program.name].append(
                        first_pixels(program, server.name, envs[program.name])
                    )
    finally:
        server.stop()
        homes.cleanup()
    return {
        p.name: (
            (
                statistics.median(t for t, _ in results[p.name]),
                statistics.median(r for _, r in results[p.name]),
            )
            if p.name in results
            else None
        )
        for p in chosen
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    medians = measure(args.runs, sys.executable)
    print(f"First pixels under Xvfb ({args.runs} alternating runs, medians)")
    print()
    print("| program | first pixels ms | RSS then MiB |")
    print("|---|---|---|")
    for name, value in medians.items():
        if value is None:
            print(f"| {name} | not installed | |")
        else:
            print(f"| {name} | {value[0] * 1000:.0f} | {value[1]:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
