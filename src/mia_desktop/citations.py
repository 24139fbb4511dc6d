"""Citations of the brief, with a record's pinpoint (section and endnote numbers)."""

from __future__ import annotations

from html import escape

from mia_desktop.records import LikelySource, Record, SourceInfo

LIKELY_SOURCE_LABEL = "Likely source (identified independently; not the brief's own endnote)"
CONFIDENCE_LABELS = {
    "strong": "strong: the brief's words match this source",
    "probable": "probable: this source documents the same event or figure",
    "unidentified": "not identified",
}


def pinpoint(record: Record) -> str:
    """Where in the brief: the section heading, then the note number(s) ("n. 15", "nn. 30, 31")."""
    pieces = [f"sec. “{record.subsection or record.section}”"]
    if record.notes:
        numbers = ", ".join(str(n) for n in record.notes)
        pieces.append(f"{'n.' if len(record.notes) == 1 else 'nn.'} {numbers}")
    return _join(pieces)


def cite_brief(source: SourceInfo, record: Record | None = None) -> str:
    """A Chicago-style note citing the brief, with the record's pinpoint when given.

    The author is the publisher (no author is named), so the NCNK leads as corporate author.
    """
    head = (
        f"{source.author}, “{source.title},” {source.kind} ({source.publisher_place}:"
        f" {source.publisher}, {source.date_label})"
    )
    return _join([head, *([pinpoint(record)] if record else []), source.url]) + "."


def _join(pieces: list[str]) -> str:
    # American style: a comma that follows a closing quotation mark goes inside it.
    return ", ".join(pieces).replace("”, ", ",” ")


def cite_brief_html(source: SourceInfo, record: Record | None = None) -> str:
    """The same citation as rich text, the URL as a link."""
    plain = cite_brief(source, record)
    head, _, _ = plain.rpartition(f", {source.url}.")
    return f'{escape(head)}, <a href="{escape(source.url)}">{escape(source.url)}</a>.'


def cite_quote(source: SourceInfo, record: Record) -> str:
    """The verbatim quote (unchanged, in outer quotation marks), then its citation."""
    return f"“{record.quote}”\n{cite_brief(source, record)}"


def cite_quote_html(source: SourceInfo, record: Record) -> str:
    return (
        f"<blockquote>“{escape(record.quote)}”</blockquote><p>{cite_brief_html(source, record)}</p>"
    )


def describe_likely_source(source: LikelySource) -> str:
    """One line per endnote for a reader: always labelled as an independent identification."""
    head = f"Note {source.number}: "
    if source.confidence == "unidentified" or not source.likely_source:
        remark = f" ({source.remark})" if source.remark else ""
        return f"{head}{LIKELY_SOURCE_LABEL}: not identified{remark}"
    return f"{head}{LIKELY_SOURCE_LABEL}, confidence {source.confidence}: {source.likely_source}"
