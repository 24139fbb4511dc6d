"""Citations of the brief, with a record's pinpoint (section and endnote numbers)."""

from __future__ import annotations

from mia_desktop.records import LikelySource, Record, SourceInfo

LIKELY_SOURCE_LABEL = "Likely source (identified independently; not the brief's own endnote)"
CONFIDENCE_LABELS = {
    "strong": "strong: the brief's words match this source",
    "probable": "probable: this source documents the same event or figure",
    "unidentified": "not identified",
}


def pinpoint(record: Record) -> str:
    """Where in the brief: the section heading, then the note number(s) ("n. 15", "nn. 30, 31")."""
    section = f"sec. “{record.subsection or record.section}”"
    if not record.notes:
        return section
    numbers = ", ".join(str(n) for n in record.notes)
    return f"{section}, {'n.' if len(record.notes) == 1 else 'nn.'} {numbers}"


def cite_brief(source: SourceInfo, record: Record | None = None) -> str:
    """A Chicago-style note citing the brief, with the record's pinpoint when given.

    The author is the publisher (no author is named), so the NCNK leads as corporate author.
    """
    where = f", {pinpoint(record)}" if record else ""
    return (
        f"{source.author}, “{source.title},” {source.kind} ({source.publisher_place}:"
        f" {source.publisher}, {source.date_label}){where}, {source.url}."
    )


def describe_likely_source(source: LikelySource) -> str:
    """One line per endnote for a reader: always labelled as an independent identification."""
    head = f"Note {source.number}: "
    if source.confidence == "unidentified" or not source.likely_source:
        remark = f" ({source.remark})" if source.remark else ""
        return f"{head}{LIKELY_SOURCE_LABEL}: not identified{remark}"
    return f"{head}{LIKELY_SOURCE_LABEL}, confidence {source.confidence}: {source.likely_source}"
