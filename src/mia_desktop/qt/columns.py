"""The columns each tab's table shows, built from the Qt-free presentation helpers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from mia_desktop import dates
from mia_desktop.present.values import count_text, date_text, figure_value_text, range_text
from mia_desktop.qt.models import Column
from mia_desktop.records import Batch, Effort, Event, Figure, Record


def _date_sort(record: Record) -> str:
    return dates.sort_key(record.date.value) if record.date else ""


def _listed_date(record: Record) -> str:
    """The date as the lists show it: a date the brief does not state says so."""
    derived = record.date is not None and record.date.derived
    return f"{date_text(record)} (derived)" if derived else date_text(record)


def _date_column(header: str = "Date") -> Column:
    return Column(
        header,
        _listed_date,
        _date_sort,
        lambda r: (
            f"{date_text(r)} (derived: {r.date.derived_because})"
            if r.date and r.date.derived
            else date_text(r)
        ),
    )


# Where a record comes from, in every list that can hold a later source's.
FROM_COLUMN = Column(
    "From",
    lambda r: "later source" if r.is_later else "the brief",
    tooltip=lambda r: (
        "A later source's record: a summary in this app's words, with its source"
        if r.is_later
        else "The brief (October 2015), quoted"
    ),
)


def _countries(names: Mapping[str, str]) -> Column:
    return Column("Countries", lambda r: ", ".join(names.get(c, c) for c in r.countries))


KindT = TypeVar("KindT", bound=Record)


def _as(kind: type[KindT]) -> Callable[[Record], KindT]:
    """A checked downcast for the columns of one kind's table."""

    def cast(record: Record) -> KindT:
        assert isinstance(record, kind)
        return record

    return cast


_batch, _figure, _effort, _event = _as(Batch), _as(Figure), _as(Effort), _as(Event)


def event_columns(country_names: Mapping[str, str]) -> list[Column]:
    return [
        _date_column(),
        Column("Event", lambda r: r.title, tooltip=lambda r: r.text),
        Column("Category", lambda r: _event(r).category),
        _countries(country_names),
        FROM_COLUMN,
    ]


def batch_columns(country_names: Mapping[str, str]) -> list[Column]:
    return [
        _date_column("Period"),
        Column("Batch", lambda r: r.title, tooltip=lambda r: r.text),
        Column("Origin", lambda r: country_names.get(_batch(r).origin, _batch(r).origin)),
        Column(
            "Count",
            lambda r: count_text(_batch(r).count, _batch(r).count_qualifier),
            lambda r: _batch(r).count if _batch(r).count is not None else -1,
        ),
        # The unit is known even where the count is not ("sets of remains"), as the chart says.
        Column("Unit", lambda r: _batch(r).unit),
        Column(
            "Est. remains",
            lambda r: range_text(_batch(r).individuals_low, _batch(r).individuals_high),
        ),
        Column("Unknowns", lambda r: count_text(_batch(r).unknowns)),
        Column("Identified", lambda r: count_text(_batch(r).identified)),
        Column("Description", lambda r: r.text, tooltip=lambda r: r.text),
    ]


def effort_columns(later_status: Mapping[str, tuple[str, str]] | None = None) -> list[Column]:
    """The efforts' columns; `later_status` gives, by effort, the latest status a later
    source states and what it says (the brief's own status is kept beside it)."""
    later = later_status or {}
    return [
        _date_column("Dates"),
        Column("Effort", lambda r: r.title, tooltip=lambda r: r.text),
        Column("Type", lambda r: _effort(r).effort_type),
        Column(
            "Status (Oct. 2015)",
            lambda r: _effort(r).status,
            tooltip=lambda r: _effort(r).status_detail,
        ),
        Column(
            "Later status",
            lambda r: later.get(r.id, ("", ""))[0],
            tooltip=lambda r: later.get(r.id, ("", ""))[1],
        ),
        Column("Outcome", lambda r: _effort(r).outcome, tooltip=lambda r: _effort(r).outcome),
    ]


def figure_columns(
    country_names: Mapping[str, str], latest: Mapping[str, str] | None = None
) -> list[Column]:
    """The figures' columns; `latest` gives, by quantity, its latest later value (the line
    beside a 2015 figure that a later source has given again since)."""
    later = latest or {}

    def latest_of(record: Record) -> str:
        figure = _figure(record)
        return "" if figure.is_later or not figure.quantity else later.get(figure.quantity, "")

    return [
        Column("Figure", lambda r: r.title, tooltip=lambda r: _figure(r).measure),
        Column(
            "Value",
            lambda r: figure_value_text(_figure(r)),
            lambda r: _figure(r).value if _figure(r).value is not None else _figure(r).low,
        ),
        # The as-of date beside the value: a number is read with its date, even when the
        # window is narrow.
        _date_column("As of"),
        Column("Unit", lambda r: _figure(r).unit),
        Column("Latest (later source)", latest_of, tooltip=latest_of),
        FROM_COLUMN,
        _countries(country_names),
    ]


def country_columns() -> list[Column]:
    return [Column("Country", lambda r: r.title, tooltip=lambda r: r.text)]
