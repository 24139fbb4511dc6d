"""A record's citation in any style: stored CSL renderings, or a data format written now."""

from __future__ import annotations

from html import escape

from mia_desktop.citations import (
    BRIEF_ID,
    brief_item,
    likely_source_item,
    markdown,
    pinpoint,
    quote_with_citation,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from mia_desktop.db import Database
from mia_desktop.formats import CSL_STYLES, DATA_FORMATS, DEFAULT_STYLE
from mia_desktop.records import LikelySource, Record, Rendering


class UnknownStyle(ValueError):
    pass


class Citer:
    """Cites the brief (with a record's pinpoint) and the likely sources of its notes."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self.source = database.source()

    def cite(self, record: Record | None, style: str = DEFAULT_STYLE) -> Rendering:
        """The note or in-text citation of the brief, pinpointed to the record."""
        subject = record.id if record else BRIEF_ID
        if style in CSL_STYLES:
            return self._stored(subject, style, "citation")
        note = f"Pinpoint: {pinpoint(record)}" if record else None
        return self._data_format(brief_item(self.source), style, note, record)

    def bibliography(self, style: str = DEFAULT_STYLE) -> Rendering:
        """The brief's entry for a bibliography or reference list (no pinpoint)."""
        if style in CSL_STYLES:
            return self._stored(BRIEF_ID, style, "bibliography")
        return self._data_format(brief_item(self.source), style, None, None)

    def quote(self, record: Record, style: str = DEFAULT_STYLE) -> Rendering:
        return quote_with_citation(record, self.cite(record, style))

    def lead(
        self, source: LikelySource, style: str = DEFAULT_STYLE, form: str = "bibliography"
    ) -> Rendering | None:
        """A likely source of a note, cited as a work in its own right (None if unidentified)."""
        item = likely_source_item(source)
        if item is None:
            return None
        if style in CSL_STYLES:
            return self._stored(item["id"], style, form)
        return self._data_format(item, style, None, None)

    def _stored(self, subject: str, style: str, form: str) -> Rendering:
        rendering = self._db.rendering(subject, style, form)
        if rendering is None:
            raise UnknownStyle(f"no {style} {form} stored for {subject}")
        return rendering

    def _data_format(
        self, item: dict[str, object], style: str, note: str | None, record: Record | None
    ) -> Rendering:
        if style == "bibtex":
            text = to_bibtex(item, note=note)
        elif style == "ris":
            text = to_ris(item, note=note)
        elif style == "csl-json":
            text = to_csl_json([{**item, **({"note": note} if note else {})}])
        elif style == "markdown":
            chicago = (
                self.cite(record, DEFAULT_STYLE)
                if record or item.get("id") == BRIEF_ID
                else self._stored(str(item["id"]), DEFAULT_STYLE, "bibliography")
            )
            return Rendering(text=markdown(chicago), html=chicago.html)
        else:
            raise UnknownStyle(f"unknown style {style!r}; use one of {', '.join(STYLE_KEYS)}")
        return Rendering(text=text, html=f"<pre>{escape(text)}</pre>")


STYLE_KEYS = (*CSL_STYLES, *DATA_FORMATS)
