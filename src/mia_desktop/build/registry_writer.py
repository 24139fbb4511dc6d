"""The source registry, the quantities and efforts' later statuses, written into data.db
beside the records (build/writer.py writes the rest)."""

from __future__ import annotations

import sqlite_utils

from mia_desktop import dates
from mia_desktop.build.curation import Curation
from mia_desktop.db.schema import COLUMN_TYPES


def write_later_sources(db: sqlite_utils.Database, curation: Curation) -> None:
    """The source registry (the brief first), the quantities, efforts' later statuses."""
    db.table("sources").insert_all(
        (
            {
                "id": s.id,
                "title": s.title,
                "author": s.author,
                "author_kind": s.author_kind,
                "publisher": s.publisher,
                "date": s.date.value if s.date else None,
                "date_precision": s.date.precision if s.date else None,
                "date_label": s.date.label if s.date else None,
                "url": s.url,
                "seen_at": s.seen_at,
                "grade": s.grade,
                "kind": s.kind,
                "checked": s.checked,
                "register": s.register,
            }
            for s in curation.sources
        ),
        pk="id",
        columns={column: str for column in COLUMN_TYPES["sources"]},
    )
    # Created first: a build with no later sources still has the (empty) tables.
    db.table("quantities").create(
        {"key": str, "label": str, "unit": str, "basis": str, "estimate": int}, pk="key"
    )
    db.table("status_updates").create(
        {column: str for column in COLUMN_TYPES["status_updates"]},
        foreign_keys=[("source", "sources", "id")],
    )
    db.table("quantities").insert_all(
        (q._asdict() for q in curation.quantities),
        pk="key",
        columns={"key": str, "label": str, "unit": str, "basis": str, "estimate": int},
    )
    db.table("status_updates").insert_all(
        (
            {
                "effort_id": u.effort,
                "status": u.status,
                "as_of": u.as_of.value,
                "as_of_precision": u.as_of.precision,
                "as_of_label": u.as_of.label,
                "source": u.source,
                "summary": u.summary,
            }
            for u in sorted(curation.status_updates, key=lambda u: dates.sort_key(u.as_of.value))
        ),
        columns={column: str for column in COLUMN_TYPES["status_updates"]},
        foreign_keys=[("source", "sources", "id")],
    )
