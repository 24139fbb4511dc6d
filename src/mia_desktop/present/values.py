"""How values read wherever they are shown: counts with their hedges, dates, as-of dates, notes."""

from __future__ import annotations

from mia_desktop.records import (
    Figure,
    LikelySource,
    Record,
    SourceInfo,
)

NOT_STATED = "not stated in source"


def count_text(count: int | None, qualifier: str | None = None) -> str:
    """ "over 4,000", "208", or NOT_STATED; "exact" is never spelled out."""
    if count is None:
        return NOT_STATED
    prefix = f"{qualifier} " if qualifier and qualifier != "exact" else ""
    return f"{prefix}{count:,}"


def range_text(low: int | None, high: int | None) -> str:
    if low is None or high is None:
        return NOT_STATED
    return f"{low:,}–{high:,}"


def figure_value_text(figure: Figure) -> str:
    """The value with its hedge: "over 7,800", "estimated 5,300", "estimated 375–400"."""
    if figure.qualifier == "range":
        return range_text(figure.low, figure.high)
    if figure.qualifier == "estimated range":
        return f"estimated {range_text(figure.low, figure.high)}"
    return count_text(figure.value, figure.qualifier)


def date_text(record: Record) -> str:
    return record.date.label if record.date else "undated"


def as_of(record: Record) -> str:
    """ "as of August 1953"; a date that is already a bound reads as itself ("by 2015")."""
    label = date_text(record)
    return label if label.startswith(("by ", "before ", "until ")) else f"as of {label}"


def as_of_text(figure: Figure, source: SourceInfo) -> str:
    return f"{date_text(figure)} (the brief is dated {source.date_label})"


def notes_text(record: Record, labels: tuple[str, ...] = ()) -> str:
    """ "endnotes 3, 3 (second)": the printed numbers, the brief's second 3 told apart."""
    if not record.notes:
        return "no endnote on the quoted sentence(s)"
    word = "endnote" if len(record.notes) == 1 else "endnotes"
    return f"{word} {', '.join(labels or [str(n) for n in record.notes])}"


def likely_source_text(source: LikelySource) -> str:
    if source.confidence == "unidentified" or not source.likely_source:
        return "not identified" + (f" ({source.remark})" if source.remark else "")
    return source.likely_source


INDEX_TERMS_LABEL = "Index terms (this app’s, not the brief’s)"


LIKELY_SOURCE_LABEL = "Likely source (identified independently; not the brief's own endnote)"
CONFIDENCE_LABELS = {
    "strong": "strong: the brief's words match this source",
    "probable": "probable: this source documents the same event or figure",
    "unidentified": "not identified",
}
