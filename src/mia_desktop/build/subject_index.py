"""The subject index (resources/index.toml): read it, and check it against the records.

Its headings and words are ours, like a reference book's index: they are searched with the
records they list and shown as index terms, never as the brief's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mia_desktop.records import INDEX_ASKS, IndexHeading, Record, RecordId

INDEX_FILE = "index.toml"


def subject_index_from(data: dict[str, Any], problems: list[str]) -> list[IndexHeading]:
    """The headings of index.toml's parsed contents (problems appended to `problems`)."""
    headings = []
    for number, entry in enumerate(data.get("heading", []), start=1):
        heading = _heading(entry, f"{INDEX_FILE}: heading {number}", problems)
        if heading is not None:
            headings.append(heading)
    return headings


def _strings(entry: dict[str, Any], key: str, label: str, problems: list[str]) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{label}: {key} must be a list of non-empty strings")
        return ()
    return tuple(value)


def _heading(entry: Any, label: str, problems: list[str]) -> IndexHeading | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("term"), str):
        problems.append(f"{label}: needs a term")
        return None
    label = f"{INDEX_FILE}: {entry['term']!r}"
    unknown = set(entry) - {"term", "words", "asks", "records", "see_also"}
    if unknown:
        problems.append(f"{label}: unknown field(s) {', '.join(sorted(unknown))}")
    asks = _strings(entry, "asks", label, problems)
    if not set(asks) <= set(INDEX_ASKS):
        problems.append(f"{label}: asks may only hold {', '.join(INDEX_ASKS)}")
    return IndexHeading(
        term=entry["term"].strip(),
        words=_strings(entry, "words", label, problems),
        asks=asks,
        records=tuple(RecordId(r) for r in _strings(entry, "records", label, problems)),
        see_also=_strings(entry, "see_also", label, problems),
    )


def check_subject_index(headings: Sequence[IndexHeading], records: Sequence[Record]) -> list[str]:
    """Every record indexed, every listed id a record, every "see also" a heading."""
    problems = []
    ids = {r.id for r in records}
    terms = [h.term for h in headings]
    for term in sorted({t for t in terms if terms.count(t) > 1}):
        problems.append(f"{INDEX_FILE}: heading {term!r} appears more than once")
    indexed: set[str] = set()
    for heading in headings:
        label = f"{INDEX_FILE}: {heading.term!r}"
        if not heading.records:
            problems.append(f"{label}: lists no records")
        for record_id in heading.records:
            if record_id not in ids:
                problems.append(f"{label}: no record {record_id!r}")
        indexed.update(heading.records)
        for other in heading.see_also:
            if other not in terms or other == heading.term:
                problems.append(f"{label}: see also {other!r} is not another heading")
    for record in records:
        if record.id not in indexed:
            problems.append(f"{INDEX_FILE}: record {record.id!r} is under no heading")
    return problems


def subjects_of(headings: Sequence[IndexHeading]) -> dict[str, list[IndexHeading]]:
    """Each record id's headings, in index order."""
    by_record: dict[str, list[IndexHeading]] = {}
    for heading in sorted(headings, key=lambda h: h.term.casefold()):
        for record_id in heading.records:
            by_record.setdefault(record_id, []).append(heading)
    return by_record


def index_words(headings: Sequence[IndexHeading]) -> list[str]:
    """A record's index terms as searched: each heading and the words given for it."""
    # Each once: a word under several headings says no more than under one, and bm25 would
    # count it as often as it is written.
    return list(dict.fromkeys(part for h in headings for part in (h.term, *h.words)))
