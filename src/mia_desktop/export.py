"""Records as plain data (dicts, JSON, CSV) for the command line and file exports."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable
from typing import Any

from mia_desktop.citations import cite_brief
from mia_desktop.records import Record, SourceInfo

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
    "date",
    "date_label",
    "date_precision",
    "date_derived_because",
    "countries",
    "related",
    "citation",
)
_INTERNAL = {"markers", "quote_start"}


def record_to_dict(record: Record, source: SourceInfo) -> dict[str, Any]:
    fields = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    date = fields.pop("date")
    row: dict[str, Any] = {
        **{name: fields.get(name) for name in COMMON_FIELDS},
        "notes": list(record.notes),
        "date": date.value if date else None,
        "date_label": date.label if date else None,
        "date_precision": date.precision if date else None,
        "date_derived_because": date.derived_because if date else None,
        "countries": list(record.countries),
        "related": list(record.related),
        "citation": cite_brief(source, record),
    }
    for name, value in fields.items():
        if name not in row and name not in _INTERNAL:
            row[name] = list(value) if isinstance(value, tuple) else value
    return row


def to_json(records: Iterable[Record], source: SourceInfo) -> str:
    payload = {"records": [record_to_dict(r, source) for r in records]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_csv(records: Iterable[Record], source: SourceInfo) -> str:
    rows = [record_to_dict(r, source) for r in records]
    columns = list(COMMON_FIELDS)
    for row in rows:
        columns += [name for name in row if name not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    # Lists become "a; b" so each record stays on one CSV row.
    return "; ".join(str(v) for v in value) if isinstance(value, list) else value
