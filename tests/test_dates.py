from __future__ import annotations

import pytest

from mia_desktop import dates


@pytest.mark.parametrize(
    ("value", "precision", "label"),
    [
        ("1954", "year", "1954"),
        ("1953-08", "month", "August 1953"),
        ("2009-10-28", "day", "October 28, 2009"),
        ("1996/2005", "range", "1996–2005"),
        ("1953-04/1953-05", "range", "April–May 1953"),
        ("1954/..", "approximate", "after 1954"),
        ("../2015", "approximate", "until 2015"),
    ],
)
def test_default_label(value: str, precision: str, label: str) -> None:
    assert dates.problem(value, precision) is None
    assert dates.default_label(value, precision) == label


@pytest.mark.parametrize(
    ("value", "precision", "fragment"),
    [
        ("1954", "month", "does not match precision"),
        ("1953-13", "month", "month 13"),
        ("2005/1996", "range", "ends before it starts"),
        ("1954/..", "range", "a range needs a start and an end"),
        ("1954", "decade", "unknown date_precision"),
        ("spring 2012", "approximate", "is not YYYY"),
        ("../..", "approximate", "no start and no end"),
    ],
)
def test_problems(value: str, precision: str, fragment: str) -> None:
    problem = dates.problem(value, precision)
    assert problem is not None and fragment in problem


def test_sort_key_orders_chronologically() -> None:
    values = ["2015", "1953-08", "1953-04/1953-05", "1954/..", "../2015", "1953"]
    assert sorted(values, key=dates.sort_key) == [
        "1953",
        "1953-04/1953-05",
        "1953-08",
        "1954/..",
        "2015",
        "../2015",
    ]


def test_bounds() -> None:
    assert dates.bounds("1953-08") == ("1953-08-01", "1953-08-31")
    assert dates.bounds("1996/2005") == ("1996-01-01", "2005-12-31")
    assert dates.bounds("1954/..") == ("1954-01-01", None)
