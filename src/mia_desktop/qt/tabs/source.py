"""The whole brief, readable in the app, endnote markers as superscripts."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mia_desktop.db.store import Database
from mia_desktop.qt.tabs.base import note_label
from mia_desktop.qt.text_view import TextView
from mia_desktop.records import Paragraph, Record


class SourceTab(QWidget):
    def __init__(self, *, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceTab")
        self._db = database
        self._source = database.source()
        self._paragraphs = database.paragraphs()
        self._markers = database.markers()
        self.view = TextView(self)
        self.view.setObjectName("sourceView")
        self.view.setAccessibleName("The brief's full text")
        self.view.setOpenExternalLinks(False)
        note = note_label(
            f"The full text of the brief as received, endnote numbers in superscript."
            f" Source: {self._source.publisher}, {self._source.date_label}. The endnote texts"
            " themselves were not recoverable.",
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        self.render_brief()

    def render_brief(self, highlight: Record | None = None) -> None:
        color = self.palette().color(QPalette.ColorRole.Highlight).lighter(170).name()
        parts = [
            f"<h1>{escape(self._source.title)}</h1>",
            f"<p><i>{escape(self._source.publisher)} · Last updated"
            f" {escape(self._source.date_label)}</i></p>",
        ]
        section = None
        for paragraph in self._paragraphs:
            if paragraph.section != section:
                section = paragraph.section
                parts.append(f"<h2>{escape(section)}</h2>")
            parts.append(
                f'<p><a name="p{paragraph.number}"></a>'
                f'<small style="color:gray">¶{paragraph.number}</small> '
                f"{self._paragraph_html(paragraph, highlight, color)}</p>"
            )
        self.view.setHtml("\n".join(parts))

    def _paragraph_html(self, paragraph: Paragraph, highlight: Record | None, color: str) -> str:
        number, text = paragraph.number, paragraph.text
        # Cut points: marker offsets (insert a superscript) and the highlighted quote's ends.
        cuts: dict[int, list[str]] = {}
        for marker_paragraph, offset, note in self._markers:
            if marker_paragraph == number:
                cuts.setdefault(offset, []).append(f"<sup>{escape(str(note))}</sup>")
        if highlight is not None and highlight.paragraph == number:
            start = highlight.quote_start
            cuts.setdefault(start, []).insert(
                0, f'<span style="background-color:{color}; color:#000000">'
            )
            cuts.setdefault(start + len(highlight.quote), []).insert(0, "</span>")
        html, last = [], 0
        for offset in sorted(cuts):
            html.append(escape(text[last:offset]))
            html.extend(cuts[offset])
            last = offset
        html.append(escape(text[last:]))
        return _bold_run_in_subhead("".join(html), paragraph.subsection)

    def mark(self, record: Record | None) -> None:
        """Highlight this record's quote (the panel's record), staying where the reader is."""
        bar = self.view.verticalScrollBar()
        position = bar.value() if bar is not None else 0
        self.render_brief(highlight=record)
        if bar is not None:
            bar.setValue(position)

    def show_paragraph(self, record: Record) -> None:
        """Highlight the record's quote and scroll to its paragraph."""
        self.render_brief(highlight=record)
        self.view.scrollToAnchor(f"p{record.paragraph}")


def _bold_run_in_subhead(html: str, subsection: str | None) -> str:
    # "South Korea  Although ..." reads as a heading run into the paragraph, as printed.
    heading = escape(subsection) if subsection else ""
    if heading and html.startswith(heading):
        return f"<b>{heading}</b>{html[len(heading) :]}"
    return html
