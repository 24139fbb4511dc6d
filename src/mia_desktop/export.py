"""Records and the bibliography as files: JSON, CSV, Markdown; BibTeX, RIS, CSL-JSON."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import os
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mia_desktop.citing.citer import Citer
from mia_desktop.citing.csl import brief_item, source_item, to_csl_json
from mia_desktop.citing.plain_formats import to_bibtex, to_ris
from mia_desktop.citing.styles import BIBLIOGRAPHY_FORMATS, DEFAULT_STYLE
from mia_desktop.present.values import LIKELY_SOURCE_LABEL
from mia_desktop.records import (
    CURATED_KINDS,
    KIND_LABELS,
    Figure,
    LikelySource,
    Record,
    Source,
    heading,
)

# The fields every exported record has, in this order; kind-specific ones follow.
COMMON_FIELDS = (
    "kind",
    "id",
    "title",
    "text",
    "quote",
    "section",
    "subsection",
    "paragraph",
    "notes",
    "note_labels",
    "date",
    "date_label",
    "date_precision",
    "date_derived_because",
    "countries",
    "related",
    "source",
    "citation",
)
_INTERNAL = {"markers", "quote_start"}
# What only the brief's records have: a later record is a summary of its source, unquoted.
_BRIEF_ONLY = ("quote", "section", "subsection", "paragraph", "notes", "note_labels")


def records_to_export(records: Iterable[Record], kind: str | None = None) -> list[Record]:
    """All curated records, or one kind's (the brief's paragraphs only when asked for)."""
    return [r for r in records if (r.kind == kind if kind else r.kind in CURATED_KINDS)]


class ExportError(Exception):
    """A file could not be written; the message says which and why, in plain words."""


def record_to_dict(record: Record, citer: Citer, style: str = DEFAULT_STYLE) -> dict[str, Any]:
    fields = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    date = fields.pop("date")
    row: dict[str, Any] = {
        **{name: fields.get(name) for name in COMMON_FIELDS},
        "notes": list(record.notes),
        "note_labels": citer.record_note_labels(record),  # "3 (second)" for the second 3
        "date": date.value if date else None,
        "date_label": date.label if date else None,
        "date_precision": date.precision if date else None,
        "date_derived_because": date.derived_because if date else None,
        "countries": list(record.countries),
        "related": list(record.related),
        "citation": citer.cite(record, style).text,
    }
    if isinstance(record, Figure):
        row["as_of"] = row["date"]  # a figure's date is the time its number describes
    for name, value in fields.items():
        if name not in row and name not in _INTERNAL:
            row[name] = list(value) if isinstance(value, tuple) else value
    if record.is_later:
        for name in _BRIEF_ONLY:
            del row[name]
    return row


def source_to_dict(source: Source) -> dict[str, Any]:
    """A source of the registry as exported: the brief's is the primary source."""
    return {
        "id": source.id,
        "title": source.title,
        "author": source.author,
        "publisher": source.publisher,
        "date": source.date.value if source.date else None,
        "date_label": source.date.label if source.date else "undated",
        "date_precision": source.date.precision if source.date else "undated",
        "kind": source.kind,
        "grade": source.grade,
        "url": source.url,
        "seen_at": source.seen_at,
        "register": source.register,
        "primary": source.is_brief,
    }


def to_json(records: Sequence[Record], citer: Citer) -> str:
    payload = {
        "records": [record_to_dict(r, citer) for r in records],
        "sources": [source_to_dict(s) for s in citer.sources_of(records)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_csv(records: Iterable[Record], citer: Citer) -> str:
    rows = [record_to_dict(r, citer) for r in records]
    columns = list(COMMON_FIELDS)
    for row in rows:
        columns += [name for name in row if name not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's CSV
# injection advice): such a cell is written with a leading apostrophe, which shows as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    # Lists become "a; b" so each record stays on one CSV row.
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else value
    if isinstance(text, str) and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def to_markdown(records: Iterable[Record], citer: Citer, leads: dict[int, LikelySource]) -> str:
    """A readable document: each record with its quote, date, notes and citation."""
    source = citer.source
    lines = [
        f"# {source.title}: records from the {source.publisher_short} brief",
        "",
        f"From {citer.markdown(citer.bibliography(DEFAULT_STYLE), DEFAULT_STYLE)}",
        "",
        f"Figures are as of {source.date_label} unless another date is given.",
    ]
    for record in records:
        date = record.date
        lines += ["", f"## {record.title}", "", f"*{KIND_LABELS[record.kind]}*"]
        if date:
            derived = f" (derived: {date.derived_because})" if date.derived else ""
            lines[-1] += f" · {date.label}{derived}"
        cite = citer.markdown(citer.cite(record, DEFAULT_STYLE), DEFAULT_STYLE)
        if record.is_later:  # a summary in our words of a later source: nothing quoted
            lines += ["", record.text, "", "From a later source, not the brief.", ""]
            lines += [f"Source: {cite}"]
            continue
        lines += ["", record.text, "", f"> {record.quote}", ""]
        notes = ", ".join(citer.record_note_labels(record)) or "none"
        lines.append(f"Section: {heading(record)} · endnotes: {notes}")
        lines += ["", f"Cite: {cite}"]
        for marker in record.markers:
            lead = leads.get(marker)
            rendered = citer.lead(lead, DEFAULT_STYLE, "bibliography") if lead else None
            if lead and rendered:
                lines.append(
                    f"- Note {citer.note_label(lead)}, {LIKELY_SOURCE_LABEL.lower()},"
                    f" confidence {lead.confidence}: {citer.markdown(rendered, DEFAULT_STYLE)}"
                )
    return "\n".join(lines) + "\n"


def bibliography(
    citer: Citer, leads: Sequence[LikelySource], fmt: str, records: Sequence[Record] = ()
) -> str:
    """The brief, every identified likely source (each once) and the later sources of the
    records, for a reference manager."""
    items = [brief_item(citer.source)]
    seen: set[str] = set()
    for lead in sorted(leads, key=lambda lead: lead.marker):
        work = citer.work(lead)
        if work is not None and work.key not in seen:  # notes that share a work: one entry
            seen.add(work.key)
            items.append(work.item)
    items += [source_item(s) for s in citer.sources_of(records) if not s.is_brief]
    if fmt == "csl-json":
        return to_csl_json(items)
    if fmt == "bibtex":
        return "\n".join(to_bibtex(item) for item in items)
    if fmt == "ris":
        return "\n".join(to_ris(item) for item in items)
    raise ValueError(f"unknown bibliography format {fmt!r}")


def render(fmt: str, records: Sequence[Record], citer: Citer, leads: Sequence[LikelySource]) -> str:
    """Records (json, csv, markdown) or the bibliography (bibtex, ris, csl-json) as text."""
    if fmt in BIBLIOGRAPHY_FORMATS:
        return bibliography(citer, leads, fmt, records)
    if fmt == "markdown":
        return to_markdown(records, citer, {lead.marker: lead for lead in leads})
    return (to_json if fmt == "json" else to_csv)(records, citer)


TEMPORARY_MARK = ".mia-export-"  # in the name of a file being written
STALE_AFTER_S = 3600  # a temporary file this old was left by an export that was killed


def write_atomic(path: Path, text: str, *, protected: Iterable[Path] = ()) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename.

    A symlink is written through (its target is replaced); an existing file keeps its
    permissions, a new one gets those the umask allows. Temporary files that an export
    killed mid-write left in the folder are removed. Refuses to overwrite the protected
    files (the database). Raises ExportError, naming the real cause.
    """
    given = Path(path).expanduser()
    try:
        target = given.resolve()
        if any(target == Path(p).resolve() for p in protected):
            raise ExportError(f"{given}: that is the app's database; choose another file")
        if target.is_dir():
            raise ExportError(f"{given}: is a folder; choose a file name")
        folder = target.parent
        if folder.exists() and not folder.is_dir():
            raise ExportError(f"{given}: {folder} is a file, not a folder")
        if not folder.is_dir():
            raise ExportError(f"{folder}: no such folder")
        mode = target.stat().st_mode & 0o7777 if target.is_file() else _new_file_mode()
        remove_stale_temporaries(folder)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}{TEMPORARY_MARK}", suffix=".tmp", dir=folder
        )
    except PermissionError:
        raise ExportError(f"{given.parent}: not allowed to write in this folder") from None
    except OSError as error:
        raise ExportError(f"{given}: cannot write ({error.strerror or error})") from None
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError as error:
        raise ExportError(f"{given}: cannot write ({error.strerror or error})") from None
    finally:  # also on KeyboardInterrupt: no temporary file is left behind
        if os.path.exists(temporary):
            os.unlink(temporary)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files that exports killed mid-write left in a folder."""
    now = time.time()
    for leftover in folder.glob(f".*{TEMPORARY_MARK}*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_AFTER_S:
                leftover.unlink()
