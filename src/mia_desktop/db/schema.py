"""The database's schema: its tables, columns and their types, as the build writes them
and the app reads and checks them. One place: the writer, the store, the checks at open and
the synthetic generator all take their names from here."""

from __future__ import annotations

from mia_desktop.records import KIND_PLURALS

SCHEMA_VERSION = 6
FTS_TABLE = "records_fts"
# The indexed columns, in order: snippet() and bm25() below refer to them by position.
FTS_COLUMNS = ("title", "text", "quote", "keywords", "subjects")
REQUIRED_TABLES = frozenset(
    {
        "metadata",
        "paragraphs",
        "sentences",
        "markers",
        "likely_sources",
        "records",
        "record_markers",
        "record_countries",
        "record_links",
        "events",
        "batches",
        "countries",
        "efforts",
        "figures",
        "aliases",
        "stop_words",
        "distinct_words",
        "context_phrases",
        "words",
        "renderings",
        "index_headings",
        "index_entries",
        "sources",
        "quantities",
        "status_updates",
        FTS_TABLE,
    }
)


# The columns the app reads from the records table (the kind tables follow the build).
RECORD_COLUMNS = frozenset(
    {
        "id", "kind", "title", "text", "quote", "section", "subsection", "paragraph",
        "quote_start", "date", "date_precision", "date_label", "date_derived_because",
        "date_sort", "decade", "source",
    }
)  # fmt: skip

# What each column the app reads must hold: SQLite's typeof(), and "?" where NULL is allowed.
# A database is checked against this at open (see _check_contents), so that a value of the
# wrong type is refused in one line instead of failing wherever it is first read.
COLUMN_TYPES: dict[str, dict[str, str]] = {
    "metadata": {"key": "text", "value": "text"},
    "paragraphs": {"number": "integer", "section": "text", "subsection": "text?", "text": "text"},
    "sentences": {"paragraph": "integer", "number": "integer", "start": "integer",
                  "end": "integer"},
    "markers": {"ordinal": "integer", "number": "integer", "paragraph": "integer",
                "offset": "integer", "sentence": "text"},
    "likely_sources": {"marker": "integer", "number": "integer", "ends": "text",
                       "likely_source": "text?", "source_type": "text?", "confidence": "text",
                       "seen_at": "text?", "remark": "text?", "csl": "text?"},
    "records": {"id": "text", "kind": "text", "title": "text", "text": "text", "quote": "text",
                "section": "text", "subsection": "text?", "paragraph": "integer?",
                "quote_start": "integer?", "date": "text?", "date_precision": "text?",
                "date_label": "text?", "date_derived_because": "text?", "date_sort": "text?",
                "decade": "text?", "keywords": "text", "subjects": "text", "source": "text"},
    "record_markers": {"record_id": "text", "marker": "integer"},
    "record_countries": {"record_id": "text", "country_id": "text"},
    "record_links": {"record_id": "text", "related_id": "text"},
    "events": {"id": "text", "category": "text"},
    "batches": {"id": "text", "origin": "text", "recipient": "text?", "count": "integer?",
                "count_qualifier": "text?", "unit": "text", "individuals_low": "integer?",
                "individuals_high": "integer?", "unknowns": "integer?", "identified": "integer?"},
    "countries": {"id": "text", "names": "text"},
    "efforts": {"id": "text", "effort_type": "text", "status": "text", "status_detail": "text",
                "outcome": "text", "periods": "text?"},
    "figures": {"id": "text", "measure": "text", "value": "integer?", "low": "integer?",
                "high": "integer?", "value_text": "text", "qualifier": "text", "unit": "text",
                "quantity": "text?"},
    "aliases": {"group_id": "integer", "term": "text"},
    "stop_words": {"word": "text"},
    "distinct_words": {"word": "text"},
    "context_phrases": {"phrase": "text"},
    "words": {"word": "text", "display": "text", "records": "integer"},
    "renderings": {"subject": "text", "style": "text", "form": "text", "text": "text",
                   "html": "text"},
    "index_headings": {"term": "text", "words": "text", "asks": "text", "see_also": "text"},
    "index_entries": {"term": "text", "record_id": "text"},
    "sources": {"id": "text", "title": "text", "author": "text", "author_kind": "text",
                "publisher": "text", "date": "text?", "date_precision": "text?",
                "date_label": "text?", "url": "text", "seen_at": "text", "grade": "text",
                "kind": "text", "checked": "text", "register": "text?"},
    "quantities": {"key": "text", "label": "text", "unit": "text", "basis": "text",
                   "estimate": "integer"},
    "status_updates": {"effort_id": "text", "status": "text", "as_of": "text",
                       "as_of_precision": "text", "as_of_label": "text", "source": "text",
                       "summary": "text"},
}  # fmt: skip
# The metadata keys the app reads (see Database.source_from_metadata).
METADATA_KEYS = frozenset(
    {
        "title", "kind", "publisher", "publisher_short", "publisher_place", "author", "date",
        "dateline", "url", "url_note", "inputs_sha256", "schema_version",
    }
)  # fmt: skip
# (table, column, the table's key): each must be a JSON array of strings.
JSON_LIST_COLUMNS = (
    ("countries", "names", "id"),
    ("efforts", "periods", "id"),
    ("index_headings", "words", "term"),
    ("index_headings", "asks", "term"),
    ("index_headings", "see_also", "term"),
)
# Columns holding one JSON object each: a likely source's CSL-JSON item.
JSON_OBJECT_COLUMNS = (("likely_sources", "csl", "marker"),)
BRIEF_SUBJECT = "ncnk2015"  # the brief's own renderings (its bibliography entry)


# Each kind's own columns live in a table named by its plural (passages have none).
KIND_TABLES = {kind: table for kind, table in KIND_PLURALS.items() if kind != "passage"}

# The citation styles whose renderings the build stores for every record and the brief,
# and those that also have a short form (Chicago's short note). citing/styles.py labels them.
RENDERED_STYLES = ("chicago", "chicago-author-date", "apa", "mla")
SHORT_FORM_STYLES = frozenset({"chicago"})
