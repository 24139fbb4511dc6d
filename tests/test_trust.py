"""Trust: unusable database files, read-only data, no network, user settings that go bad.

The GUI runs in child processes here (offscreen), as a user would start it; the command
line runs through main() in this process, which never imports Qt for it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from mia_desktop import __version__, main, paths
from mia_desktop.db.schema import SCHEMA_VERSION

SETTINGS_VERSION_KEY = "meta/settings_version"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A child's environment: offscreen Qt, and settings and logs in a scratch folder."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        **extra,
    }


def _app(tmp_path: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mia_desktop", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path, **env),
        check=False,
    )


def _stderr_lines(text: str) -> list[str]:
    # Qt's offscreen plugin may add its own notices; they are not ours to judge.
    return [line for line in text.splitlines() if "propagateSizeHints" not in line]


# -- unusable database files -------------------------------------------------------------------


def _copy_of_data(tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copyfile(paths.bundled_database(), copy)
    return copy


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.db"


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    return path


def _random_bytes(tmp_path: Path) -> Path:
    path = tmp_path / "random.db"
    path.write_bytes(bytes((i * 7919 + 13) % 251 for i in range(8192)))
    return path


def _text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("Korean War POW/MIAs: my notes\n" * 40, encoding="utf-8")
    return path


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.db"
    path.mkdir()
    return path


def _truncated(tmp_path: Path) -> Path:
    data = paths.bundled_database().read_bytes()
    path = tmp_path / "truncated.db"
    path.write_bytes(data[: len(data) // 3])
    return path


def _damaged(tmp_path: Path) -> Path:
    """A full-length copy of data.db with one page in the middle overwritten."""
    data = bytearray(paths.bundled_database().read_bytes())
    page = len(data) // 4096 // 2
    data[page * 4096 : (page + 1) * 4096] = bytes((i * 31) % 256 for i in range(4096))
    path = tmp_path / "damaged.db"
    path.write_bytes(bytes(data))
    return path


def _other_schema(tmp_path: Path) -> Path:
    path = tmp_path / "address-book.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('A. Person', '555-0100')")
    conn.commit()
    conn.close()
    return path


def _newer_schema(tmp_path: Path) -> Path:
    path = _copy_of_data(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return path


def _older_schema(tmp_path: Path) -> Path:
    path = _copy_of_data(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    return path


def _pipe(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path = tmp_path / "pipe.db"
    os.mkfifo(path)
    return path


BAD_DATABASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (_missing, "no such file"),
    "empty": (_empty, "is empty (0 bytes), not a mia-desktop database"),
    "random bytes": (_random_bytes, "not a readable SQLite database (not an SQLite file)"),
    "text file": (_text_file, "not a readable SQLite database (a text file)"),
    "folder": (_folder, "is a folder, not a database file"),
    "truncated copy": (_truncated, "is truncated"),
    "damaged copy": (_damaged, "is damaged"),
    "another schema": (_other_schema, "an SQLite database of another kind (tables: contacts)"),
    "newer schema": (_newer_schema, f"made by a newer mia-desktop (schema {SCHEMA_VERSION + 1}"),
    "older schema": (_older_schema, f"made by an older mia-desktop (schema {SCHEMA_VERSION - 1}"),
    "named pipe": (_pipe, "is not a regular file"),
}
CASES = pytest.mark.parametrize("case", list(BAD_DATABASES))


def _assert_one_clear_line(stderr: str, path: Path, message: str) -> None:
    assert "Traceback" not in stderr
    lines = _stderr_lines(stderr)
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"mia-desktop: {path}: ")
    assert message in lines[0]


@pytest.mark.gui
@CASES
def test_gui_refuses_a_bad_database_in_one_line_with_exit_2(tmp_path: Path, case: str) -> None:
    make, message = BAD_DATABASES[case]
    path = make(tmp_path)
    done = _app(tmp_path, "--db", str(path), "--exit-after-startup")
    assert done.returncode == 2
    _assert_one_clear_line(done.stderr, path, message)


@pytest.mark.gui
@CASES
def test_gui_without_exit_after_startup_refuses_it_too(tmp_path: Path, case: str) -> None:
    # Offscreen there is no one to click a dialog away: the message goes to stderr, and the
    # process ends instead of waiting (the timeout would catch a hang).
    make, message = BAD_DATABASES[case]
    path = make(tmp_path)
    done = _app(tmp_path, "--db", str(path))
    assert done.returncode == 2
    _assert_one_clear_line(done.stderr, path, message)


@CASES
@pytest.mark.parametrize(
    "command",
    [
        ["search", "foo"],
        ["cite", "ba-k208-1990-1994"],
        ["show", "ef-operation-glory"],
        ["export", "--format", "csv"],
    ],
    ids=["search", "cite", "show", "export"],
)
def test_cli_refuses_a_bad_database_in_one_line_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, command: list[str]
) -> None:
    make, message = BAD_DATABASES[case]
    path = make(tmp_path)
    assert main(["--db", str(path), *command]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    _assert_one_clear_line(captured.err, path, message)


@pytest.mark.gui
def test_gui_refuses_tables_that_do_not_fit_in_one_line_with_exit_2(tmp_path: Path) -> None:
    # Every table is there and the file is sound, but a column has another name.
    path = _copy_of_data(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE metadata RENAME COLUMN value TO val")
    conn.commit()
    conn.close()
    done = _app(tmp_path, "--db", str(path), "--exit-after-startup")
    assert done.returncode == 2
    _assert_one_clear_line(done.stderr, path, "not a usable mia-desktop database")


def test_a_sound_copy_passes_the_startup_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _copy_of_data(tmp_path)
    assert main(["--db", str(copy), "search", "Operation Glory", "--limit", "1"]) == 0
    assert "Operation Glory" in capsys.readouterr().out


# -- the bundled data is never written ---------------------------------------------------------


def test_cli_session_leaves_the_bundled_database_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = paths.bundled_database()
    before = _sha256(database)
    siblings = sorted(p.name for p in database.parent.iterdir())
    assert main(["search", "K208"]) == 0
    assert main(["show", "ba-k208-1990-1994"]) == 0
    assert main(["export", "--format", "json", "--out", str(tmp_path / "all.json")]) == 0
    # Asked to export over the database itself, it refuses and writes nothing.
    assert main(["export", "--format", "csv", "--out", str(database)]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert _sha256(database) == before
    assert sorted(p.name for p in database.parent.iterdir()) == siblings  # no -journal, -wal


def test_export_refuses_to_overwrite_the_database_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _copy_of_data(tmp_path)
    before = _sha256(copy)
    assert main(["--db", str(copy), "export", "--format", "json", "--out", str(copy)]) == 1
    err = capsys.readouterr().err
    assert str(copy) in err and "Traceback" not in err
    assert _sha256(copy) == before


# -- the offline guarantee -----------------------------------------------------------------------

_OFFLINE_SESSION = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    WATCHED = ("socket.", "urllib.Request", "http.client.", "ftplib.", "smtplib.",
               "imaplib.", "poplib.", "nntplib.", "telnetlib.", "webbrowser.")
    recorded = []

    def audit(event, args):
        if event.startswith(WATCHED):
            recorded.append(f"{event} {args!r}"[:300])

    sys.addaudithook(audit)  # before anything of the app or Qt is imported

    out = Path(sys.argv[1])
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from mia_desktop import __version__, main, paths
    from mia_desktop.db.store import Database
    from mia_desktop.qt.main_window import MainWindow

    steps = []
    # Start-up as the launcher does it, then the command line.
    steps.append(main(["--exit-after-startup"]))
    steps.append(main(["search", "Operation Glory"]))
    steps.append(main(["cite", "ba-k208-1990-1994", "--style", "apa"]))
    steps.append(main(["export", "--format", "bibtex", "--out", str(out / "refs.bib")]))
    # A GUI session: search, open a result, copy in every way, export.
    with Database(paths.bundled_database()) as db:
        settings = QSettings(str(out / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(database=db, settings=settings)
        window.show()
        app.processEvents()
        window.search.field.setText("Punchbowl")
        window.search.run_search()
        window.open_record(window.search.last_result.hits[0].record.id)
        for action in (window.menu_actions.copy_citation, window.menu_actions.copy_quote,
                       window.menu_actions.copy_bibliography, window.menu_actions.copy_markdown):
            action.trigger()
        steps.append(QGuiApplication.clipboard().text() != "")
        steps.append(window.exporting.export_to(out / "all.json", what="all", fmt="json"))
        steps.append(window.exporting.export_to(out / "refs.ris", what="bibliography", fmt="ris"))
        window.close()
        app.processEvents()
        QGuiApplication.clipboard().clear()
    session = list(recorded)
    qt_network = "PySide6.QtNetwork" in sys.modules

    import socket  # the canary: shows that the hook does see socket use
    socket.socket().close()
    canary = [event for event in recorded if event not in session]
    print(json.dumps({"steps": steps, "session": session, "canary": canary,
                      "qt_network": qt_network}))
    """
)


@pytest.mark.gui
def test_startup_search_copy_and_export_make_no_network_access(tmp_path: Path) -> None:
    script = tmp_path / "offline_session.py"
    script.write_text(_OFFLINE_SESSION, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, str(script), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["steps"] == [0, 0, 0, 0, True, True, True]
    assert report["session"] == []
    assert not report["qt_network"]  # nor any Qt networking below Python's view
    assert any(event.startswith("socket.__new__") for event in report["canary"])
    assert (out / "all.json").is_file() and (out / "refs.bib").is_file()


# -- user settings -------------------------------------------------------------------------------


def _settings_file(tmp_path: Path) -> Path:
    # Where Qt keeps the user's settings (IniFormat, user scope) under XDG_CONFIG_HOME.
    return tmp_path / "config" / "mia-desktop" / "mia-desktop.ini"


def _warnings(stderr: str) -> list[str]:
    return [line for line in _stderr_lines(stderr) if line.startswith("mia-desktop: warning:")]


@pytest.mark.gui
def test_settings_written_by_the_app_are_taken_silently(tmp_path: Path) -> None:
    first = _app(tmp_path, "--exit-after-startup")
    assert first.returncode == 0 and _warnings(first.stderr) == []
    text = _settings_file(tmp_path).read_text(encoding="utf-8")
    assert "[meta]" in text and "settings_version=" in text
    second = _app(tmp_path, "--exit-after-startup")
    assert second.returncode == 0 and _warnings(second.stderr) == []


@pytest.mark.gui
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (bytes((i * 7919 + 13) % 251 for i in range(2048)), "it is not text"),
        (b"\x00" * 512, "it holds binary data"),
        (b"[window]\ntab=@Variant(\x00\x00\x00\x7f\x00garbage)\n", "it holds binary data"),
        (b"Dear diary,\ntoday the settings broke.\n", "line 1 is not a setting"),
        (b"[window\ntab=2\n", "line 1 is not a setting"),
        (b"[meta]\nsettings_version=soon\n", "is not a whole number"),
    ],
    ids=["random bytes", "zero bytes", "binary value", "prose", "broken section", "bad version"],
)
def test_corrupt_settings_are_set_aside_with_a_warning(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    settings = _settings_file(tmp_path)
    settings.parent.mkdir(parents=True)
    settings.write_bytes(content)
    done = _app(tmp_path, "--exit-after-startup")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    warnings = _warnings(done.stderr)
    assert len(warnings) == 1
    assert str(settings) in warnings[0] and "corrupt" in warnings[0] and reason in warnings[0]
    assert "starting with default settings" in warnings[0]
    backup = settings.with_name("mia-desktop.ini.corrupt")
    assert backup.read_bytes() == content  # nothing of the user's is lost
    assert f"{SETTINGS_VERSION_KEY.split('/')[1]}=1" in settings.read_text(encoding="utf-8")
    again = _app(tmp_path, "--exit-after-startup")  # the fresh file is good from now on
    assert again.returncode == 0 and _warnings(again.stderr) == []


@pytest.mark.gui
def test_settings_from_a_newer_version_are_left_alone(tmp_path: Path) -> None:
    settings = _settings_file(tmp_path)
    settings.parent.mkdir(parents=True)
    content = b"[meta]\nsettings_version=99\n\n[window]\ntab=4\nlayout=something-new\n"
    settings.write_bytes(content)
    done = _app(tmp_path, "--exit-after-startup")
    assert done.returncode == 0, done.stderr
    warnings = _warnings(done.stderr)
    assert len(warnings) == 1
    assert str(settings) in warnings[0] and "newer mia-desktop" in warnings[0]
    assert "settings version 99" in warnings[0] and "leaving the file as it is" in warnings[0]
    assert settings.read_bytes() == content
    assert not settings.with_name("mia-desktop.ini.corrupt").exists()


# -- unexpected errors, end to end -------------------------------------------------------------

_FAILING_SLOT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])

    def broken_slot():
        raise RuntimeError("a slot failed on purpose")

    # Both fire inside the app's event loop, before --exit-after-startup closes the window.
    QTimer.singleShot(0, broken_slot)
    QTimer.singleShot(0, broken_slot)
    from mia_desktop import main
    sys.exit(main(["--exit-after-startup"]))
    """
)


@pytest.mark.gui
def test_an_exception_in_a_slot_is_logged_and_the_app_goes_on(tmp_path: Path) -> None:
    script = tmp_path / "failing_slot.py"
    script.write_text(_FAILING_SLOT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path),
        check=False,
    )
    assert done.returncode == 0, done.stderr  # the window still opened and closed normally
    log = tmp_path / "state" / "mia-desktop" / "logs" / "mia-desktop.log"
    lines = _stderr_lines(done.stderr)
    assert lines == [
        "mia-desktop: unexpected error: RuntimeError: a slot failed on purpose;"
        f" details in {log}; the app keeps running",
        "mia-desktop: unexpected error (again): RuntimeError: a slot failed on purpose;"
        f" details in {log}; the app keeps running",
    ]
    text = log.read_text(encoding="utf-8")
    assert text.count("Traceback (most recent call last)") == 2
    assert "in broken_slot" in text and f"mia-desktop {__version__}" in text


def test_the_integrity_check_can_run_apart_and_be_stopped(tmp_path: Path) -> None:
    from mia_desktop.db.opening import IntegrityCheck

    assert IntegrityCheck(paths.bundled_database()).run() is None
    problem = IntegrityCheck(_damaged(tmp_path)).run()
    assert problem is not None and "is damaged" in problem
    stopped = IntegrityCheck(_damaged(tmp_path))
    stopped.stop()
    assert stopped.run() is None  # stopped before it began: nothing to report
    assert "no such file" in (IntegrityCheck(tmp_path / "gone.db").run() or "")


def test_only_a_large_file_may_defer_its_integrity_check(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mia_desktop.db import store as db_module
    from mia_desktop.db.opening import DatabaseError

    with db_module.Database(paths.bundled_database(), defer_large_integrity_check=True) as db:
        assert not db.integrity_check_deferred  # under a megabyte: checked at open
    monkeypatch.setattr(db_module, "INTEGRITY_CHECK_AT_OPEN", 0)
    damaged = _damaged(tmp_path)
    with pytest.raises(DatabaseError, match="is damaged"):
        db_module.Database(damaged)  # the command line always checks at open
    with db_module.Database(damaged, defer_large_integrity_check=True) as db:
        assert db.integrity_check_deferred
