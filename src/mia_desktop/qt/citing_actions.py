"""The copy commands: a record's citation in the chosen style and form, the quote with its
citation, a note's lead, the answer line; each copied as rich and plain text, and said."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QAction, QGuiApplication

from mia_desktop.citing.styles import STYLES, form_name, quote_style
from mia_desktop.db.store import Database
from mia_desktop.qt.citation_panel import CitationPanel
from mia_desktop.records import Record

if TYPE_CHECKING:
    from mia_desktop.citing.citer import Citer

Say = Callable[[str, int], None]  # a message for the status bar, and for how long (ms)


def put_on_clipboard(text: str, html: str) -> None:
    """One QMimeData with both flavours: rich text for word processors, plain for the rest."""
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)


class CopyCommands:
    """What the Copy actions do, for the record the citation panel shows."""

    def __init__(
        self, *, panel: CitationPanel, citer: Callable[[], Citer], database: Database, say: Say
    ) -> None:
        self._panel = panel
        self._citer = citer
        self._db = database
        self._say = say

    def shown_record(self) -> Record | None:
        """The panel's record; with none, the status bar says what to do (a copy key pressed
        with nothing shown is never silent)."""
        record = self._panel.record
        if record is None:
            self._say(
                "Nothing to copy or show yet: select a record (search, or pick a row in a tab)",
                5000,
            )
        return record

    def citation(self) -> None:
        """Copy the chosen form (note, short note, bibliography entry) in the chosen style."""
        self._copy(self._panel.citation_form)

    def short_note(self) -> None:
        self._copy("short")

    def bibliography_entry(self) -> None:
        self._copy("bibliography")

    def markdown(self) -> None:
        self._copy(self._panel.citation_form, as_markdown=True)

    def quote_with_citation(self) -> None:
        record = self.shown_record()
        if record is None:
            return
        if record.is_later:  # only the brief is quoted: say so, and leave the clipboard
            self._say(
                "Nothing to quote: this record is from a later source, summarised in this"
                " app's words. Copy its citation instead.",
                6000,
            )
            return
        style = quote_style(self._panel.citation_style)
        rendering = self._citer().quote(record, style)
        put_on_clipboard(rendering.text, rendering.html)
        self._say(
            f"Copied the quote with its {form_name(style, 'citation')} ({STYLES[style]}):"
            f" {record.title}",
            5000,
        )

    def lead(self, marker: int) -> None:
        """Copy the likely source of a note, in the chosen style and form (a lead, not the
        brief): the status bar says so."""
        leads = self._db.likely_sources([marker])
        if not leads:
            return
        citer = self._citer()
        style, form = self._panel.citation_style, self._panel.citation_form
        rendering = citer.lead(leads[0], style, form)
        if rendering is None:
            return
        put_on_clipboard(rendering.text, rendering.html)
        self._say(
            f"Copied the likely source of note {citer.note_label(leads[0])}"
            f" ({STYLES[style]} {form_name(style, form)}); it is a lead, not the brief's"
            " own endnote",
            8000,
        )

    def answer(self, text: str, html: str) -> None:
        """Copy a search's answer line."""
        put_on_clipboard(text, html)
        self._say(f"Copied: {text}", 8000)

    def _copy(self, form: str, *, as_markdown: bool = False) -> None:
        record = self.shown_record()
        if record is None:
            return
        citer = self._citer()
        style = self._panel.citation_style
        rendering = citer.cite(record, style, form)
        if as_markdown:
            put_on_clipboard(citer.markdown(rendering, style), rendering.html)
        else:
            put_on_clipboard(rendering.text, rendering.html)
        how = " as Markdown" if as_markdown else ""
        self._say(f"Copied the {STYLES[style]} {form_name(style, form)}{how}: {record.title}", 5000)

    def name_actions(self, *, citation: QAction, markdown: QAction, quote: QAction) -> None:
        """Say on the buttons what they copy: the chosen form, in the style's own words."""
        panel = self._panel
        form = panel.form_name()
        citation.setIconText(f"Copy {form}")
        citation.setToolTip(
            f"Copy the {form} in {STYLES[panel.citation_style]} ({citation.shortcut().toString()})"
        )
        markdown.setToolTip(f"Copy the {form} as Markdown ({markdown.shortcut().toString()})")
        fallback = quote_style(panel.citation_style) != panel.citation_style
        quote.setIconText("Quote + Chicago note" if fallback else "Quote + citation")
        quote.setToolTip(
            "Copy the quote with its Chicago note (a data format has no prose citation)"
            if fallback
            else "Copy the quote with its citation"
        )
