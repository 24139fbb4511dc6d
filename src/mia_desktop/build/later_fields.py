"""The fields each table of resources/later/ holds, and how an entry's fields and dates are
checked (build/later.py reads the tables)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mia_desktop import dates
from mia_desktop.build.vocabulary_files import check_fields
from mia_desktop.records import (
    RecordDate,
)

SOURCE_FIELDS = {
    "id": str,
    "title": str,
    "author": str,
    "author_kind": str,
    "publisher": str,
    "url": str,
    "seen_at": str,
    "grade": str,
    "kind": str,
    "checked": str,
    "date_precision": str,
}


SOURCE_OPTIONAL = {"date": str, "register": str}


QUANTITY_FIELDS = {"key": str, "label": str, "unit": str, "basis": str, "estimate": bool}


QUANTITY_OPTIONAL = {"brief_figures": list}


FIGURE_FIELDS = {
    "id": str,
    "quantity": str,
    "value_text": str,
    "qualifier": str,
    "unit": str,
    "as_of": str,
    "as_of_precision": str,
    "source": str,
    "summary": str,
}


FIGURE_OPTIONAL = {
    "value": int,
    "low": int,
    "high": int,
    "as_of_derived_because": str,
    "countries": list,
}


EVENT_FIELDS = {
    "id": str,
    "title": str,
    "summary": str,
    "date": str,
    "date_precision": str,
    "category": str,
    "source": str,
}


EVENT_OPTIONAL = {
    "date_label": str,
    "date_derived_because": str,
    "countries": list,
    "related": list,
}


STATUS_FIELDS = {
    "effort": str,
    "status": str,
    "as_of": str,
    "as_of_precision": str,
    "source": str,
    "summary": str,
}


LEFT_OUT_FIELDS = {"register": str, "value": str, "why": str}


def fields_ok(
    entry: Mapping[str, Any],
    required: Mapping[str, type],
    optional: Mapping[str, type],
    label: str,
    problems: list[str],
) -> bool:
    """The fields of a later entry, checked as the curated records' are; and no quote."""
    quoted = "quote" in entry
    if quoted:
        problems.append(f"{label}: a later record holds no quote (only the brief is quoted)")
    rest = {name: value for name, value in entry.items() if name != "quote"}
    return check_fields(rest, required, {**required, **optional}, label, problems) and not quoted


def checked_date(
    value: str, precision: str, label: str, problems: list[str], *, date_label: str | None = None
) -> RecordDate | None:
    trouble = dates.problem(value, precision)
    if trouble:
        problems.append(f"{label}: {trouble}")
        return None
    if precision == "approximate" and not date_label:
        problems.append(f"{label}: an approximate date needs a date_label")
    return RecordDate(
        value=value,
        precision=precision,
        label=date_label or dates.default_label(value, precision),
    )
