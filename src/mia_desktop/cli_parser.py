"""The command line's grammar: its commands, options and how each argument is checked
(cli.py runs them)."""

from __future__ import annotations

import argparse
from pathlib import Path

from mia_desktop import __version__
from mia_desktop.citing.styles import (
    BIBLIOGRAPHY_FORMATS,
    DEFAULT_FORM,
    DEFAULT_STYLE,
    FORMS,
    RECORD_FORMATS,
    STYLES,
)
from mia_desktop.records import ALL_RECORDS_NOTE, KINDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mia-desktop",
        description="Offline reference on the accounting for Korean War POW/MIAs,"
        " from the NCNK issue brief of October 2015. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"mia-desktop {__version__}")
    parser.add_argument("--db", type=Path, metavar="PATH", help="open this database file")
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="quit once the window's first frame, with its data, is painted (for smoke tests"
        " and benchmarks)",
    )
    parser.add_argument(
        "--brief-only",
        action="store_true",
        help="the brief as published (October 2015), without the later sources' records",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = commands.add_parser("search", help="full-text search over all records")
    search.add_argument("query", type=utf8_text)
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=whole_number, default=10, metavar="N")
    search.add_argument("--kind", choices=KINDS, help="only records of this kind")
    search.add_argument(
        "--country", type=utf8_text, metavar="NAME", help="only records about this country"
    )
    search.add_argument(
        "--decade", type=utf8_text, metavar="1950s", help="only records of this decade"
    )
    search.add_argument(
        "--source",
        type=utf8_text,
        metavar="SOURCE",
        help="only records from this source: brief, later, or a source's id",
    )

    cite = commands.add_parser(
        "cite",
        help="print the citation of a record, of the brief (ncnk2015) or of a note's lead",
        description="ID is a record id, ncnk2015 for the brief itself, or note-N for the"
        " likely source of the note the brief prints as N (note-3b: its second note 3).",
    )
    cite.add_argument("id", type=utf8_text)
    cite.add_argument(
        "--style", choices=list(STYLES), default=DEFAULT_STYLE, help="default: %(default)s"
    )
    cite.add_argument(
        "--form",
        choices=FORMS,
        default=DEFAULT_FORM,
        help="the note or in-text citation, the Chicago short note (the citation in other"
        " styles), or the bibliography entry; default: %(default)s",
    )
    cite.add_argument("--markdown", action="store_true", help="print it as Markdown")

    show = commands.add_parser("show", help="print a record with its quote and likely sources")
    show.add_argument("id", type=utf8_text)
    show.add_argument("--json", action="store_true", help="print JSON")

    locate = commands.add_parser(
        "locate",
        help="say which paragraph of the brief a sentence comes from, word for word",
        description="TEXT is a sentence or most of one (- reads it from standard input). Says"
        " whether it stands word for word in one paragraph of the brief, is a near match (what"
        " differs is marked [-the brief's-]{+yours+}), or is not in the brief. Exit 0 word for"
        " word or near, 1 not in the brief, 2 no text.",
    )
    locate.add_argument("text", type=utf8_text, metavar="TEXT")
    locate.add_argument("--json", action="store_true", help="print JSON")

    export = commands.add_parser(
        "export",
        help=f"write all records ({ALL_RECORDS_NOTE}; --kind passage for the brief's"
        " paragraphs), or the bibliography (brief and likely sources)",
    )
    export.add_argument(
        "--format", choices=(*RECORD_FORMATS, *BIBLIOGRAPHY_FORMATS), default="json"
    )
    export.add_argument("--kind", choices=KINDS, help="only records of this kind")
    export.add_argument("--out", type=Path, metavar="FILE", help="default: standard output")

    build = commands.add_parser("build-db", help="build data.db from resources/")
    build.add_argument("--out", type=Path, metavar="PATH", help="default: the bundled data.db")
    build.add_argument("--resources", type=Path, metavar="DIR", help="default: resources/")
    build.add_argument("--check", action="store_true", help="validate only; write nothing")
    return parser


MAX_LIMIT = 10_000  # more results than the app could ever hold in a list


def whole_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 1 to {MAX_LIMIT:,}, got {printable_argument(text)}"
        )
    return value


def utf8_text(text: str) -> str:
    """An argument as text. Bytes that are not UTF-8 reach Python as lone surrogates, which
    no output can print and no JSON may hold: refused here, in plain words."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            f"{printable_argument(text)} is not valid UTF-8 text (check the terminal's encoding)"
        ) from None
    return text


def printable_argument(text: str) -> str:
    """The argument as it can be printed, whatever its bytes."""
    return repr(text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))[:80]
