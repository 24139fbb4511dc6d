"""A record's or a lead's citation in any style and form: stored CSL renderings, or a data
format written now; and the same as Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from html import escape

from mia_desktop.citing.csl import (
    BRIEF_ID,
    Lead,
    brief_item,
    chicago_pinpoint,
    csl_citation_items,
    lead_works,
    note_labels,
    quote_with_citation,
    source_item,
    source_subject,
    to_csl_json,
)
from mia_desktop.citing.plain_formats import bibtex_cite, markdown, markdown_code, to_bibtex, to_ris
from mia_desktop.citing.styles import (
    CSL_STYLES,
    DATA_FORMATS,
    DEFAULT_FORM,
    DEFAULT_STYLE,
    FORMS,
    quote_style,
)
from mia_desktop.db.opening import DatabaseError
from mia_desktop.db.schema import SHORT_FORM_STYLES
from mia_desktop.db.store import Database
from mia_desktop.present.safe_html import sanitised_citation_html
from mia_desktop.records import BRIEF_SOURCE_ID, LikelySource, Record, Rendering, Source, heading

STYLE_KEYS = (*CSL_STYLES, *DATA_FORMATS)
_MARKDOWN_LANGUAGES = {"bibtex": "bibtex", "ris": "ris", "csl-json": "json"}


class UnknownStyle(ValueError):
    pass


class NoQuote(ValueError):
    """Asked to quote a record that holds no quote (a later source's)."""


class Citer:
    """Cites the brief (with a record's pinpoint) and the likely sources of its notes."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self.source = database.source()

    # -- the leads: one work per key, whichever of its notes asks --------------------------

    @cached_property
    def _all_leads(self) -> list[LikelySource]:
        return self._db.likely_sources(range(1, 1000))

    @cached_property
    def _works(self) -> dict[int, Lead]:
        return lead_works(self._all_leads)

    @cached_property
    def _labels(self) -> dict[int, tuple[str, str]]:
        return note_labels(self._all_leads)

    def note_label(self, source: LikelySource) -> str:
        """The note's number as the brief prints it: "3", or "3 (second)" for its second 3."""
        return self._labels.get(source.marker, (str(source.number), ""))[0]

    def record_note_labels(self, record: Record) -> list[str]:
        """The record's endnotes as printed, the brief's second 3 told apart."""
        return [
            self._labels.get(marker, (str(number), ""))[0]
            for marker, number in zip(record.markers, record.notes, strict=False)
        ]

    def work(self, source: LikelySource) -> Lead | None:
        """The work a note's lead points to (None if unidentified)."""
        return self._works.get(source.marker)

    def lead_by_key(self, key: str) -> LikelySource | None:
        """The note printed as "note-N" ("note-3b" for the brief's second 3)."""
        for source in self._all_leads:
            if f"note-{self._labels[source.marker][1]}" == key:
                return source
        return None

    # -- citing ----------------------------------------------------------------------------

    def cite(
        self, record: Record | None, style: str = DEFAULT_STYLE, form: str = DEFAULT_FORM
    ) -> Rendering:
        """The brief, pinpointed to the record where there is one, in the style and form."""
        _check(style, form)
        if record is not None and record.is_later:
            return self.cite_source(record.source, style, form)
        if form == "bibliography":
            record = None  # the entry describes the brief, the same for every record
        if style in CSL_STYLES:
            return self._stored(record.id if record else BRIEF_ID, style, _stored_form(style, form))
        return self._data_format(brief_item(self.source), style, form, record)

    def cite_source(
        self, source_id: str, style: str = DEFAULT_STYLE, form: str = DEFAULT_FORM
    ) -> Rendering:
        """A later source, as a work of its own: no pinpoint (its pages are not the brief's)."""
        _check(style, form)
        if source_id == BRIEF_SOURCE_ID:
            return self.cite(None, style, form)
        if style in CSL_STYLES:
            return self._stored(source_subject(source_id), style, _stored_form(style, form))
        source = self._db.source_by_id(source_id)
        if source is None:
            raise DatabaseError(f"{self._db.path}: no source {source_id!r} in the registry")
        return self._data_format(source_item(source), style, form, None)

    def sources_of(self, records: Iterable[Record]) -> list[Source]:
        """The sources these records come from: the brief first, then the later ones."""
        cited = {r.source for r in records} | {BRIEF_SOURCE_ID}
        return [s for s in self._db.sources() if s.id in cited]

    def bibliography(self, style: str = DEFAULT_STYLE) -> Rendering:
        """The brief's entry for a bibliography or reference list (no pinpoint)."""
        return self.cite(None, style, "bibliography")

    def quote(self, record: Record, style: str = DEFAULT_STYLE) -> Rendering:
        """The quote and its citation, in a prose style (Chicago notes for a data format).

        A later record has no quote (only the brief is quoted): NoQuote says so."""
        if record.is_later:
            raise NoQuote(
                f"{record.id} comes from a later source and holds no quote: only the brief"
                " is quoted; copy its citation instead"
            )
        return quote_with_citation(record, self.cite(record, quote_style(style)))

    def lead(
        self, source: LikelySource, style: str = DEFAULT_STYLE, form: str = DEFAULT_FORM
    ) -> Rendering | None:
        """A likely source of a note, cited as a work in its own right (None if unidentified)."""
        _check(style, form)
        work = self.work(source)
        if work is None:
            return None
        if style in CSL_STYLES:
            return self._stored(work.key, style, _stored_form(style, form))
        return self._data_format(work.item, style, form, None)

    def markdown(self, rendering: Rendering, style: str) -> str:
        """A rendering as Markdown: prose with its link, or a data format as a code block."""
        if style in DATA_FORMATS:
            return markdown_code(rendering.text, _MARKDOWN_LANGUAGES[style])
        return markdown(rendering)

    def _stored(self, subject: str, style: str, form: str) -> Rendering:
        rendering = self._db.rendering(subject, style, form)
        if rendering is None:  # the build stores every one: the file is not as built
            raise DatabaseError(
                f"{self._db.path}: not a usable mia-desktop database (no {style} {form} is"
                f" stored for {subject})"
            )
        # Stored HTML is shown and copied as HTML: only what citeproc writes is kept.
        return rendering._replace(html=sanitised_citation_html(rendering.html))

    def _data_format(
        self, item: dict[str, object], style: str, form: str, record: Record | None
    ) -> Rendering:
        key = str(item["id"])
        if style == "bibtex":
            pin = chicago_pinpoint(record) if record else None
            text = to_bibtex(item) if form == "bibliography" else bibtex_cite(key, pin)
        elif style == "ris":
            text = to_ris(item)  # RIS has no citation form: the record serves both
        elif form == "bibliography":
            text = to_csl_json([item])
        else:
            text = csl_citation_items(key, heading(record) if record else None)
        return Rendering(text=text, html=f"<pre>{escape(text)}</pre>")


def _check(style: str, form: str) -> None:
    if style not in STYLE_KEYS:
        raise UnknownStyle(f"unknown style {style!r}; use one of {', '.join(STYLE_KEYS)}")
    if form not in FORMS:
        raise UnknownStyle(f"unknown form {form!r}; use one of {', '.join(FORMS)}")


def _stored_form(style: str, form: str) -> str:
    return "citation" if form == "short" and style not in SHORT_FORM_STYLES else form


def parse_citable(text: str) -> tuple[str, str]:
    """("record" | "lead" | "brief", id) from what a user typed on the command line."""
    if text == BRIEF_ID:
        return "brief", text
    if re.fullmatch(r"note-\d+[a-z]?", text):
        return "lead", text
    return "record", text
