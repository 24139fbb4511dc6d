"""Command line: no sub-command starts the GUI; the others print without importing Qt."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mia_desktop import paths
from mia_desktop.records import KIND_LABELS, KIND_PLURALS, KINDS, Record, Source

if TYPE_CHECKING:
    import argparse

    from mia_desktop.db.store import Database

# The commands' own modules (database, search, export) load only when a command runs:
# opening the GUI needs none of them here, and start-up time counts.

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran but could not do what was asked (unknown id, build problems)
EXIT_BAD_INPUT = 2  # unusable database or command line


def main(argv: list[str] | None = None) -> int:
    launch = plain_launch(sys.argv[1:] if argv is None else argv)
    if launch is not None:  # the usual start: no parser to build (argparse and its help)
        from mia_desktop.qt.app import run

        return run(db_path=launch.db, exit_after_startup=launch.exit_after_startup)
    from mia_desktop.cli_parser import build_parser

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return int(stop.code or 0)
    if args.command is None:
        from mia_desktop.qt.app import run

        return run(db_path=args.db, exit_after_startup=args.exit_after_startup)
    if args.command == "build-db":
        return _build_db(args)
    from mia_desktop.db.opening import DatabaseError, StorageError
    from mia_desktop.db.store import Database

    path = args.db or paths.bundled_database()
    try:
        with Database(path) as db:
            db.show_later(not args.brief_only)
            return _COMMANDS[args.command](db, args)
    except DatabaseError as error:
        print(f"mia-desktop: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except StorageError as error:  # passed the checks, but its tables do not fit
        print(f"mia-desktop: {path}: not a usable mia-desktop database ({error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return EXIT_OK


class Launch(NamedTuple):
    db: Path | None
    exit_after_startup: bool


def plain_launch(argv: list[str]) -> Launch | None:
    """The app's start without a command: nothing, `--db PATH` and `--exit-after-startup`
    (each once), as the parser reads them; None for anything else, left to the parser."""
    db: Path | None = None
    exit_after_startup = False
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--exit-after-startup" and not exit_after_startup:
            exit_after_startup = True
        elif word == "--db" and db is None and rest and not rest[0].startswith("-"):
            db = Path(rest.pop(0))
        elif word.startswith("--db=") and db is None and len(word) > len("--db="):
            db = Path(word.removeprefix("--db="))
        else:
            return None
    return Launch(db, exit_after_startup)


def _search(db: Database, args: argparse.Namespace) -> int:
    from mia_desktop.citing.citer import Citer
    from mia_desktop.db.search_index import SearchFilters
    from mia_desktop.export import record_to_dict
    from mia_desktop.search.engine import Searcher, describe_result
    from mia_desktop.search.snippets import snippet_text

    country = _country_id(db, args.country)
    if args.country and country is None:
        known = ", ".join(sorted(db.country_names()))
        print(
            f"mia-desktop: unknown country {args.country!r} (use one of: {known})",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    filters = SearchFilters(kind=args.kind, country=country, decade=args.decade, source=args.source)
    result = Searcher(db).search(args.query, filters=filters, limit=args.limit)
    if args.json:
        citer = Citer(db)
        _print_json(
            {
                "query": args.query,
                "interpreted": result.interpreted,
                "mode": result.mode,
                "also_searched": result.also_searched,
                "suggestions": result.suggestions,
                "corrected_to": result.corrected_to,
                "total": result.total,
                "facets": result.facets,
                "hits": [record_to_dict(h.record, citer) for h in result.hits],
                # The hits as results: the records quoting one sentence are one result.
                "groups": [
                    {"records": g.record_ids, "paragraph": g.paragraph} for g in result.groups
                ],
            }
        )
        return EXIT_OK
    for line in describe_result(result):
        print(line)
    for group in result.groups:
        lead, *others = group.hits
        print(_hit_line(lead.record))
        print(f"    {snippet_text(lead.snippet)}")
        for hit in others:  # the same sentence: said once, under the first
            print(f"    also quoting it: {_hit_line(hit.record)}")
    return EXIT_OK


def _hit_line(record: Record) -> str:
    when = record.date.label if record.date else "undated"
    return f"{record.id}  [{KIND_LABELS[record.kind]}, {when}]  {record.title}"


def _country_id(db: Database, text: str | None) -> str | None:
    """A country by id or name ("co-china", "China", "china")."""
    if not text:
        return None
    for country_id, name in db.country_names().items():
        if text.lower() in {country_id, name.lower(), country_id.removeprefix("co-")}:
            return country_id
    return None


def _find(db: Database, record_id: str) -> int | None:
    if db.record(record_id):
        return None
    ids = db.all_ids()
    import difflib

    close = difflib.get_close_matches(record_id, ids, n=3, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else " List ids with `export`."
    print(f"mia-desktop: no record with id {record_id!r}.{hint}", file=sys.stderr)
    return EXIT_FAILED


def _cite(db: Database, args: argparse.Namespace) -> int:
    from mia_desktop.citing.citer import Citer, parse_citable

    citer = Citer(db)
    kind, subject = parse_citable(args.id)
    if kind == "lead":
        lead = citer.lead_by_key(subject)
        if lead is None:
            print(f"mia-desktop: the brief prints no note {subject[5:]!r}.", file=sys.stderr)
            return EXIT_FAILED
        rendering = citer.lead(lead, args.style, args.form)
        if rendering is None:
            label = citer.note_label(lead)
            print(
                f"mia-desktop: no likely source of note {label} was identified.",
                file=sys.stderr,
            )
            return EXIT_FAILED
    else:
        record = None
        if kind == "record":
            missing = _find(db, subject)
            if missing is not None:
                return missing
            record = db.record(subject)
        rendering = citer.cite(record, args.style, args.form)
    text = citer.markdown(rendering, args.style) if args.markdown else rendering.text
    print(text.rstrip("\n"))
    return EXIT_OK


def _show(db: Database, args: argparse.Namespace) -> int:
    from mia_desktop.citing.citer import Citer
    from mia_desktop.citing.csl import describe_likely_source
    from mia_desktop.export import record_to_dict
    from mia_desktop.present.values import INDEX_TERMS_LABEL
    from mia_desktop.records import heading

    missing = _find(db, args.id)
    if missing is not None:
        return missing
    record = db.record(args.id)
    assert record is not None
    citer = Citer(db)
    likely = db.likely_sources(record.markers)
    if args.json:
        row = record_to_dict(record, citer)
        row["likely_sources"] = [s._asdict() for s in likely]
        row["index_terms"] = db.subjects(record.id)  # the subject index's: not the brief's
        _print_json(row)
        return EXIT_OK
    print(f"{record.title}\n{KIND_LABELS[record.kind]} {record.id}")
    if record.date:
        derived = f" (derived: {record.date.derived_because})" if record.date.derived else ""
        print(f"Date: {record.date.label}{derived}")
    if record.is_later:  # a later source's record: our summary, and its source; no quote
        source = db.source_by_id(record.source)
        assert source is not None
        print(f"\n{record.text}\n\nFrom a later source (not the brief, not quoted):")
        print(f"{source.title}, {source.publisher}, {_source_date(source)}; grade {source.grade}")
        print(
            f"{source.url}"
            + (f" (read in a copy at {source.seen_at})" if source.seen_at != source.url else "")
        )
    else:
        print(f"\n{record.text}\n\nQuote (verbatim): “{record.quote}”")
        print(f"Section: {heading(record)}; paragraph {record.paragraph}")
        print(f"Notes: {', '.join(citer.record_note_labels(record)) or 'none'}")
    print(f"\nCitation: {citer.cite(record).text}")
    for item in likely:
        print(describe_likely_source(item, citer.note_label(item)))
    terms = db.subjects(record.id)
    if terms:
        print(f"\n{INDEX_TERMS_LABEL}: {'; '.join(terms)}")
    return EXIT_OK


STDIN_LIMIT = 64 * 1024  # bytes read from standard input: far more than is ever compared


def _read_stdin() -> str | None:
    """The start of standard input as text, or None (said in one line) if it cannot be read."""
    import codecs

    try:
        if sys.stdin is None:
            raise OSError("it is closed")
        data = sys.stdin.buffer.read(STDIN_LIMIT)
        # A longer input is cut: the last character may be cut in half, which is no error.
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=len(data) < STDIN_LIMIT)
    except UnicodeDecodeError:
        print("mia-desktop: standard input is not valid UTF-8 text", file=sys.stderr)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        print(f"mia-desktop: cannot read standard input ({reason})", file=sys.stderr)
    return None


def _locate(db: Database, args: argparse.Namespace) -> int:
    from mia_desktop.citing.citer import Citer
    from mia_desktop.search.locate import locate
    from mia_desktop.search.locate_report import location_json, terminal_report

    text = _read_stdin() if args.text == "-" else args.text
    if text is None:
        return EXIT_BAD_INPUT
    location = locate(text, db.paragraphs())
    if location.given_words == 0:
        print("mia-desktop: nothing to locate: the text has no words", file=sys.stderr)
        return EXIT_BAD_INPUT
    records = []
    citation = None
    if location.paragraph is not None and location.start is not None and location.end is not None:
        records = db.records_quoting(location.paragraph, location.start, location.end)
        passage = next((r for r in records if r.kind == "passage"), None)
        citation = Citer(db).cite(passage or (records[0] if records else None)).text
    code = EXIT_FAILED if location.verdict == "absent" else EXIT_OK
    if args.json:
        _print_json(location_json(location, [r.id for r in records], citation))
        return code
    quoted = [f"{r.id}  [{KIND_LABELS[r.kind]}]  {r.title}" for r in records]
    for line in terminal_report(location, quoted, citation):
        print(_printable(line))
    return code


def _printable(text: str) -> str:
    """Text pasted by a user, safe to print: control characters (a terminal's escape
    sequences, bidirectional overrides) shown as escapes."""
    import unicodedata

    return "".join(
        char
        if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cf")
        else repr(char)[1:-1]
        for char in text
    )


def _export(db: Database, args: argparse.Namespace) -> int:
    from mia_desktop.citing.citer import Citer
    from mia_desktop.export import ExportError, records_to_export, render, write_atomic

    records = records_to_export(db.records(args.kind), args.kind)
    # The bibliography of some records: the brief and the leads of their notes.
    markers = range(1, 1000) if args.kind is None else {m for r in records for m in r.markers}
    text = render(args.format, records, Citer(db), db.likely_sources(markers))
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_atomic(args.out, text, protected=[db.path])
    except ExportError as error:
        print(f"mia-desktop: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {args.out}")
    return EXIT_OK


def _source_date(source: Source) -> str:
    return source.date.label if source.date else "undated"


def _print_json(payload: object) -> None:
    import json  # not at the top: opening the app needs none of it

    print(json.dumps(payload, ensure_ascii=False, indent=2))


def _build_db(args: argparse.Namespace) -> int:
    if paths.installed() and args.out is None and not args.check:
        # The installed package's data.db is the app's own: a build never rewrites it.
        print(
            f"mia-desktop: this mia-desktop is installed, and its database"
            f" ({paths.bundled_database()}) is part of the package; give --out PATH to build"
            " one elsewhere, then open it with --db PATH",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        import citeproc  # noqa: F401  (renders the citations, late in the build)
        import sqlite_utils  # noqa: F401

        from mia_desktop.build import BuildError, build_database, check_resources
    except ImportError as error:
        print(
            f"mia-desktop: building needs sqlite-utils and citeproc-py ({error}); install"
            " them with `pip install 'mia-desktop[build]'` (or `pip install -e '.[build]'`"
            " in a checkout)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    resources = args.resources or paths.resources_dir()
    out = args.out or paths.bundled_database()
    try:
        checked = check_resources(resources) if args.check else build_database(resources, out)
    except BuildError as error:
        print(f"mia-desktop: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"mia-desktop: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    counts: dict[str, int] = {}
    for record in checked.curation.records:
        counts[record.kind] = counts.get(record.kind, 0) + 1
    summary = ", ".join(f"{counts.get(kind, 0)} {KIND_PLURALS[kind]}" for kind in KINDS)
    action = "checked" if args.check else f"built {out}"
    print(f"{action}: {summary}; inputs {checked.inputs_sha256[:12]}")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "search": _search,
    "cite": _cite,
    "show": _show,
    "locate": _locate,
    "export": _export,
}
