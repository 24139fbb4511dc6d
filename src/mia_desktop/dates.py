"""Dates as the brief states them: ISO-style values with a precision, and their labels."""

from __future__ import annotations

import re

PRECISIONS = ("day", "month", "year", "range", "approximate")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
OPEN = ".."


def split_range(value: str) -> tuple[str | None, str | None]:
    """Return (start, end) of a date value; None for an open end ("1954/..")."""
    start, _, end = value.partition("/")
    if not end:
        return start, start
    return (None if start == OPEN else start), (None if end == OPEN else end)


def problem(value: str, precision: str) -> str | None:
    """Say what is wrong with a date value for its precision, or None when it is valid."""
    if precision not in PRECISIONS:
        return f"unknown date_precision {precision!r} (use one of {', '.join(PRECISIONS)})"
    parts = value.split("/")
    if len(parts) > 2:
        return f"date {value!r} has more than one '/'"
    points = [p for p in parts if p != OPEN]
    if not points:
        return f"date {value!r} has no start and no end"
    for point in points:
        match = _POINT.match(point)
        if not match:
            return f"date {value!r}: {point!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
        month, day = match.group(2), match.group(3)
        if month and not 1 <= int(month) <= 12:
            return f"date {value!r}: month {month} does not exist"
        if day and not 1 <= int(day) <= 31:
            return f"date {value!r}: day {day} does not exist"
    if len(parts) == 2 and len(points) == 2 and _padded(parts[0]) > _padded(parts[1], end=True):
        return f"date {value!r} ends before it starts"
    expected = {"day": 3, "month": 2, "year": 1}
    if precision in expected:
        if len(parts) != 1 or len(parts[0].split("-")) != expected[precision]:
            return f"date {value!r} does not match precision {precision!r}"
    elif precision == "range" and (len(parts) != 2 or len(points) != 2):
        return f"date {value!r}: a range needs a start and an end (use 'approximate' for '..')"
    return None


def _padded(point: str, *, end: bool = False) -> str:
    """A sortable full date for a partial one ("1953-08" -> "1953-08-01" or "1953-08-31")."""
    pieces = point.split("-")
    filler = ["12", "31"] if end else ["01", "01"]
    return "-".join(pieces + filler[len(pieces) - 1 :])


def sort_key(value: str) -> str:
    """A string that sorts dates chronologically; an open start sorts by its end."""
    start, end = split_range(value)
    return _padded(start) if start else _padded(end or "9999", end=True)


def bounds(value: str) -> tuple[str | None, str | None]:
    """First and last day covered, as full ISO dates; None for an open end."""
    start, end = split_range(value)
    return (_padded(start) if start else None, _padded(end, end=True) if end else None)


def _point_label(point: str) -> str:
    pieces = point.split("-")
    if len(pieces) == 1:
        return pieces[0]
    month = MONTHS[int(pieces[1]) - 1]
    if len(pieces) == 2:
        return f"{month} {pieces[0]}"
    return f"{month} {int(pieces[2])}, {pieces[0]}"


def default_label(value: str, precision: str) -> str:
    """How a date reads in the app: "1954", "August 1953", "1996–2005", "April–May 1953"."""
    start, end = split_range(value)
    if start == end and start is not None:
        return _point_label(start)
    if start is None or end is None:
        known = start or end or ""
        return f"after {_point_label(known)}" if start else f"until {_point_label(known)}"
    s_pieces, e_pieces = start.split("-"), end.split("-")
    if len(s_pieces) == len(e_pieces) == 2 and s_pieces[0] == e_pieces[0]:
        return f"{MONTHS[int(s_pieces[1]) - 1]}–{MONTHS[int(e_pieces[1]) - 1]} {s_pieces[0]}"
    return f"{_point_label(start)}–{_point_label(end)}"


def years(value: str) -> list[str]:
    """The four-digit years written in a date value."""
    return re.findall(r"\d{4}", value)


def month_names(value: str) -> list[str]:
    return [MONTHS[int(m) - 1] for m in re.findall(r"\d{4}-(\d{2})", value)]


def _fraction(iso_day: str) -> float:
    """A full ISO date as a fractional year: 1953-07-02 -> about 1953.5."""
    year, month, day = (int(p) for p in iso_day.split("-"))
    return year + ((month - 1) * 30.44 + (day - 1)) / 365.25


def span_years(value: str) -> tuple[float | None, float | None]:
    """First and last moment a date covers, as fractional years; None for an open end.

    "1954" -> (1954.0, 1955.0); "1953-08" -> (1953.58, 1953.66); "1954/.." -> (1954.0, None).
    """
    first, last = bounds(value)
    end = _fraction(last) + 1 / 365.25 if last else None
    return (_fraction(first) if first else None), end
