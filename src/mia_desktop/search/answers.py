"""The answer line: for a question whose best result holds a figure or a date, that figure or
date in one line, with its hedge, as-of date and pinpoint, ready to copy.

("3,313 Americans released after the Armistice was signed, as of August 1953: NCNK,
October 2015, under “Korean War Repatriations”.") Every word of it comes from the record
and the source's metadata: nothing is composed that the record does not hold.
"""

from __future__ import annotations

from typing import NamedTuple

from mia_desktop.present.later_html import latest_text, source_date
from mia_desktop.present.values import as_of, count_text, date_text, figure_value_text
from mia_desktop.records import Batch, Figure, Record, Source, SourceInfo, heading

DERIVED_NOTE = " (date derived, not stated in the brief)"


class Answer(NamedTuple):
    text: str  # the whole line, as copied
    fact: str  # the figure or date with what it is ("Over 7,800 U.S. military personnel ...")
    pinpoint: str  # where it is from ("NCNK, October 2015, under “Introduction”")
    record_id: str
    derived_because: str | None  # set when the brief does not state the date itself
    latest: str = ""  # beside a 2015 figure: its latest later value, date and source


def answer_for(
    asks: str | None,
    best: Record | None,
    source: SourceInfo,
    *,
    later_source: Source | None = None,
    latest: tuple[Figure, Source] | None = None,
) -> Answer | None:
    """The answer line for a question (search.questions.ASKS) and its best result, if it holds one:
    a figure or a batch's count for "how many", a date for "when". A later source's record
    is pinned to that source; a 2015 figure given again since carries its latest value."""
    if best is None or asks is None:
        return None
    fact = _fact(asks, best)
    if fact is None:
        return None
    if best.is_later and later_source is not None:
        pinpoint = f"{later_source.publisher}, {source_date(later_source)} (a later source)"
    else:
        pinpoint = f"{source.publisher_short}, {source.date_label}, under “{heading(best)}”"
    derived = best.date is not None and best.date.derived
    stale = latest_text(best, *latest) if isinstance(best, Figure) and latest else ""
    return Answer(
        text=f"{fact}{DERIVED_NOTE if derived else ''}: {pinpoint}."
        + (f" ({_capitalised(stale)}.)" if stale else ""),
        fact=fact,
        pinpoint=pinpoint,
        record_id=best.id,
        derived_because=best.date.derived_because if best.date else None,
        latest=stale,
    )


def _fact(asks: str, record: Record) -> str | None:
    when = date_text(record)
    if asks == "how many" and isinstance(record, Figure):
        return _capitalised(f"{figure_value_text(record)} {record.measure}, {as_of(record)}")
    if asks == "how many" and isinstance(record, Batch) and record.count is not None:
        count = count_text(record.count, record.count_qualifier)
        return _capitalised(f"{count} {record.unit}, {when}: {record.title}")
    if asks == "when" and record.date is not None and record.kind != "country":
        return f"{_capitalised(when)}: {record.title}"
    return None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
