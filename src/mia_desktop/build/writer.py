"""Write the checked records into a fresh SQLite file with sqlite-utils."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import fields
from pathlib import Path
from typing import Any

import sqlite_utils

from mia_desktop import dates
from mia_desktop.build.brief import Brief
from mia_desktop.build.curation import Curation
from mia_desktop.build.indexing import distinct_marks, index_terms
from mia_desktop.build.registry_writer import write_later_sources
from mia_desktop.build.subject_index import index_words, subjects_of
from mia_desktop.db.schema import COLUMN_TYPES, FTS_COLUMNS, FTS_TABLE, KIND_TABLES, SCHEMA_VERSION
from mia_desktop.records import (
    Country,
    IndexHeading,
    Paragraph,
    Record,
)
from mia_desktop.search.words import fold, tokenize

FTS_PREFIX_LENGTHS = range(2, 13)  # a one-letter word waits for a second (see search/query.py)

_RECORD_COLUMNS: dict[str, Any] = {
    "id": str,
    "kind": str,
    "title": str,
    "text": str,
    "quote": str,
    "section": str,
    "subsection": str,
    "paragraph": int,
    "quote_start": int,
    "date": str,
    "date_precision": str,
    "date_label": str,
    "date_derived_because": str,
    "date_start": str,
    "date_end": str,
    "date_sort": str,
    "decade": str,
    "keywords": str,
    "subjects": str,
    "source": str,
}


def write_database(
    out: Path, brief: Brief, curation: Curation, inputs_sha256: str, csl_dir: Path
) -> None:
    """Build into a temporary file beside `out`, then rename: a failed build leaves no half file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".data-", suffix=".db", dir=out.parent)
    os.close(handle)
    try:
        db = sqlite_utils.Database(temporary, recreate=True)
        _write(db, brief, curation, inputs_sha256)
        _write_renderings(db, curation, csl_dir)
        db.conn.close()
        os.replace(temporary, out)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _write(db: sqlite_utils.Database, brief: Brief, curation: Curation, inputs_sha256: str) -> None:
    provenance = curation.provenance
    metadata = {
        **{key: str(value) for key, value in sorted(provenance.items())},
        "inputs_sha256": inputs_sha256,
        "schema_version": str(SCHEMA_VERSION),
    }
    db.table("metadata").insert_all(
        [{"key": k, "value": v} for k, v in sorted(metadata.items())], pk="key"
    )
    db.table("paragraphs").insert_all(
        (
            {
                "number": p.number,
                "section": p.section,
                "subsection": p.subsection,
                "text": p.text,
                "raw": p.raw,
            }
            for p in brief.paragraphs
        ),
        pk="number",
        columns={"subsection": str},
        not_null={"section", "text", "raw"},
    )
    # The brief's sentences (offsets in their paragraph's text): results that quote the
    # same sentence are shown as one.
    db.table("sentences").insert_all(
        (
            {"paragraph": s.paragraph, "number": s.index, "start": s.start, "end": s.end}
            for s in brief.sentences
        ),
        pk=("paragraph", "number"),
        foreign_keys=[("paragraph", "paragraphs", "number")],
    )
    db.table("markers").insert_all(
        (
            {
                "ordinal": m.ordinal,
                "number": m.number,
                "paragraph": m.paragraph,
                "offset": m.offset,
                "sentence": brief.paragraph(m.paragraph).sentences[m.sentence].text,
            }
            for m in brief.markers
        ),
        pk="ordinal",
        foreign_keys=[("paragraph", "paragraphs", "number")],
    )
    db.table("likely_sources").insert_all(
        (s._asdict() for s in curation.likely_sources),
        pk="marker",
        columns={
            "likely_source": str,
            "source_type": str,
            "seen_at": str,
            "remark": str,
            "csl": str,
        },
        foreign_keys=[("marker", "markers", "ordinal")],
    )
    write_later_sources(db, curation)
    records = _sorted(curation.records)
    # Only the country's name: its other names are search aliases (resources/search.toml),
    # and indexing them on every record would flood results for words like "POW".
    country_names = {r.id: [r.title] for r in records if isinstance(r, Country)}
    subjects = subjects_of(curation.index_headings)
    db.table("records").insert_all(
        (
            _record_row(r, country_names, subjects.get(r.id, []), curation.distinct_words)
            for r in records
        ),
        pk="id",
        columns=_RECORD_COLUMNS,
        not_null={"kind", "title", "text", "quote", "section", "source"},
        foreign_keys=[("paragraph", "paragraphs", "number"), ("source", "sources", "id")],
    )
    _insert_pairs(
        db,
        "record_markers",
        "marker",
        ((r.id, m) for r in records for m in r.markers),
        ("markers", "ordinal"),
    )
    _insert_pairs(
        db,
        "record_countries",
        "country_id",
        ((r.id, c) for r in records for c in r.countries),
        ("records", "id"),
    )
    _insert_pairs(
        db,
        "record_links",
        "related_id",
        ((r.id, t) for r in records for t in r.related),
        ("records", "id"),
    )
    _write_kind_tables(db, records)
    # The full-text index over the records table (external content, like sqlite-utils'
    # enable_fts, which has no prefix option). porter: "repatriated" finds "repatriation";
    # unicode61 folds diacritics; prefix indexes make a prefix of two to twelve letters,
    # typed as the search grows, as quick to match as a whole word. (A longer prefix has no
    # index: FTS5 then merges the doclists of every word it begins, at each query, which
    # costs milliseconds per query for a common word in a large file.)
    columns = ", ".join(FTS_COLUMNS)
    prefixes = " ".join(str(n) for n in FTS_PREFIX_LENGTHS)
    db.execute(
        f"CREATE VIRTUAL TABLE [{FTS_TABLE}] USING FTS5 ({columns},"
        f" tokenize='porter unicode61 remove_diacritics 2', prefix='{prefixes}',"
        " content=[records])"
    )
    db.execute(f"INSERT INTO [{FTS_TABLE}] (rowid, {columns}) SELECT rowid, {columns} FROM records")
    _write_search_vocabulary(db, curation, records, subjects)
    _write_subject_index(db, curation.index_headings)
    # (kind, date_sort) holds the rowid too: the chronological lists page through it.
    db.table("records").create_index(["kind", "date_sort"])
    db.table("records").create_index(["source"])
    db.table("events").create_index(["category"])  # the Timeline's category list and filter
    db.table("record_countries").create_index(["country_id"])
    db.table("record_links").create_index(["related_id"])
    db.table("record_markers").create_index(["marker"])
    db.table("markers").create_index(["number"])
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.conn.commit()
    db.vacuum()


_KIND_ORDER = {"country": 0, "event": 1, "batch": 2, "effort": 3, "figure": 4, "passage": 5}


def _sorted(records: list[Record]) -> list[Record]:
    """Countries in their file's order (as curated); every other kind chronologically."""
    position = {r.id: i for i, r in enumerate(records)}

    def key(record: Record) -> tuple[int, str, int]:
        when = dates.sort_key(record.date.value) if record.date and record.kind != "country" else ""
        return _KIND_ORDER[record.kind], when, position[record.id]

    return sorted(records, key=key)


def _record_row(
    record: Record,
    country_names: dict[Any, list[str]],
    headings: list[IndexHeading],
    distinct_words: list[str],
) -> dict[str, Any]:
    names = [n for c in record.countries for n in country_names[c]]
    searched = [record.title, record.text, record.quote, *index_words(headings)]
    start, end = dates.bounds(record.date.value) if record.date else (None, None)
    return {
        "id": record.id,
        "kind": record.kind,
        "title": record.title,
        "text": record.text,
        "quote": record.quote,
        "section": record.section,
        "subsection": record.subsection,
        # A later record stands in no paragraph of the brief.
        "paragraph": None if record.is_later else record.paragraph,
        "quote_start": None if record.is_later else record.quote_start,
        "date": record.date.value if record.date else None,
        "date_precision": record.date.precision if record.date else None,
        "date_label": record.date.label if record.date else None,
        "date_derived_because": record.date.derived_because if record.date else None,
        "date_start": start,
        "date_end": end,
        "date_sort": dates.sort_key(record.date.value) if record.date else None,
        "decade": _decade(start or end),
        "keywords": " ".join(
            [index_terms(record, names), *distinct_marks(searched, distinct_words)]
        ).strip(),
        # The subject index's headings and words for the record: searched, never quoted.
        "subjects": " · ".join(index_words(headings)),
        "source": record.source,
    }


def _insert_pairs(
    db: sqlite_utils.Database,
    table: str,
    column: str,
    pairs: Any,
    target: tuple[str, str],
) -> None:
    db.table(table).insert_all(
        ({"record_id": a, column: b} for a, b in pairs),
        pk=("record_id", column),
        columns={"record_id": str, column: int if target[0] == "markers" else str},
        foreign_keys=[("record_id", "records", "id"), (column, *target)],
    )


# A kind's own columns are its dataclass's fields beyond Record's (records.py), typed as
# db/schema.py says: one schema, not a list of columns written again here.
_RECORD_FIELDS = {f.name for f in fields(Record)}
_SQL_TYPES = {"text": str, "integer": int}
# Columns that point at another record, beside the kind row's own id.
_POINTERS = {"batches": [("origin", "records", "id")]}


def _kind_row(record: Record) -> dict[str, Any]:
    row: dict[str, Any] = {"id": record.id}
    for f in fields(record):
        if f.name not in _RECORD_FIELDS:
            value = getattr(record, f.name)
            row[f.name] = list(value) if isinstance(value, tuple) else value  # JSON lists
    return row


def _write_kind_tables(db: sqlite_utils.Database, records: list[Record]) -> None:
    for kind, table in KIND_TABLES.items():
        db.table(table).insert_all(
            (_kind_row(r) for r in records if r.kind == kind),
            pk="id",
            columns={
                column: _SQL_TYPES[sql_type.rstrip("?")]
                for column, sql_type in COLUMN_TYPES[table].items()
            },
            foreign_keys=[("id", "records", "id"), *_POINTERS.get(table, [])],
        )


def _write_subject_index(db: sqlite_utils.Database, headings: list[IndexHeading]) -> None:
    db.table("index_headings").insert_all(
        (
            {
                "term": h.term,
                "words": list(h.words),
                "asks": list(h.asks),
                "see_also": list(h.see_also),
            }
            for h in headings
        ),
        pk="term",
        columns={"term": str, "words": str, "asks": str, "see_also": str},
    )
    db.table("index_entries").insert_all(
        ({"term": h.term, "record_id": r} for h in headings for r in h.records),
        pk=("term", "record_id"),
        columns={"term": str, "record_id": str},
        foreign_keys=[("term", "index_headings", "term"), ("record_id", "records", "id")],
    )
    db.table("index_entries").create_index(["record_id"])


def _decade(iso_date: str | None) -> str | None:
    return f"{iso_date[:3]}0s" if iso_date else None


def _write_search_vocabulary(
    db: sqlite_utils.Database,
    curation: Curation,
    records: list[Record],
    subjects: dict[str, list[IndexHeading]],
) -> None:
    """Aliases and stop words from resources/search.toml, and every indexed word."""
    db.table("aliases").insert_all(
        (
            {"group_id": number, "term": term}
            for number, group in enumerate(curation.alias_groups, start=1)
            for term in group
        ),
        columns={"group_id": int, "term": str},
    )
    db.table("stop_words").insert_all(
        ({"word": word} for word in curation.stop_words), pk="word", columns={"word": str}
    )
    db.table("distinct_words").insert_all(
        ({"word": word} for word in curation.distinct_words), pk="word", columns={"word": str}
    )
    db.table("context_phrases").insert_all(
        ({"phrase": phrase} for phrase in curation.context_phrases),
        pk="phrase",
        columns={"phrase": str},
    )
    # Each folded word, how it is most often written, and in how many records it occurs:
    # the source of "Did you mean ...?" suggestions.
    forms: dict[str, Counter[str]] = {}
    records_with: Counter[str] = Counter()
    for record in records:
        seen = set()
        for text in (
            record.title,
            record.text,
            record.quote,
            *index_words(subjects.get(record.id, [])),
        ):
            for token in tokenize(text):
                word = fold(token)
                forms.setdefault(word, Counter())[token] += 1
                seen.add(word)
        records_with.update(seen)
    db.table("words").insert_all(
        (
            {
                "word": word,
                "display": min(forms[word].items(), key=lambda item: (-item[1], item[0]))[0],
                "records": records_with[word],
            }
            for word in sorted(forms)
        ),
        pk="word",
        columns={"word": str, "display": str, "records": int},
    )


def _write_renderings(db: sqlite_utils.Database, curation: Curation, csl_dir: Path) -> None:
    """Every citation in every CSL style, rendered now so the app never loads citeproc."""
    from mia_desktop.build.rendering import render_all  # citeproc-py: only when building
    from mia_desktop.db.store import Database

    # The brief's metadata as the app will read it back, so both describe it the same way.
    db.conn.commit()
    source = Database.source_from_metadata(
        {row["key"]: row["value"] for row in db.query("SELECT key, value FROM metadata")}
    )
    db.table("renderings").insert_all(
        (
            vars(row)
            for row in render_all(
                csl_dir=csl_dir,
                source=source,
                records=_sorted(curation.records),
                likely_sources=curation.likely_sources,
                later_sources=[s for s in curation.sources if not s.is_brief],
                paragraphs=[
                    Paragraph(**row)
                    for row in db.query(
                        "SELECT number, section, subsection, text, raw FROM paragraphs"
                        " ORDER BY number"
                    )
                ],
            )
        ),
        pk=("subject", "style", "form"),
        columns={"subject": str, "style": str, "form": str, "text": str, "html": str},
    )
    db.conn.commit()
