"""Edit > Where Is This From?: paste a sentence, see the paragraph of the brief it comes from,
word for word, its differences marked; or that it is not in the brief (see locate.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db.store import Database
from mia_desktop.qt.text_view import TextView
from mia_desktop.records import KIND_LABELS
from mia_desktop.search.locate import Location, locate
from mia_desktop.search.locate_report import Marks, describe, marked

DEBOUNCE_MS = 200
# How each kind of run is drawn: struck out what the brief has and the text lacks or
# changes, underlined what the text has and the brief does not.
_BRIEF_ONLY = "color:#a40000; text-decoration:line-through"
_GIVEN_ONLY = "color:#006100; text-decoration:underline"


class LocateDialog(QDialog):
    record_link_activated = Signal(str)

    def __init__(self, *, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locateDialog")
        self.setWindowTitle("Where is this from?")
        self.resize(720, 560)
        self._db = database
        self._paragraphs = database.paragraphs()
        self.location: Location | None = None
        intro = QLabel(
            "Paste a sentence, or most of one, from a memo or an article: the paragraph of"
            " the brief it comes from is shown with the differences marked (struck out: the"
            " brief's words; underlined: the pasted text's).",
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.input = QPlainTextEdit(self)
        self.input.setObjectName("locateInput")
        self.input.setAccessibleName("Text to locate in the brief")
        self.input.setPlaceholderText("Paste or type the text here")
        self.input.setTabChangesFocus(True)
        self.input.setMaximumHeight(120)
        self.view = TextView(self)
        self.view.setObjectName("locateResult")
        self.view.setAccessibleName("Where the text comes from")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._on_link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.input)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.input.textChanged.connect(self._timer.start)

    def locate_text(self, text: str) -> None:
        """Show where a text comes from (the search field hands a pasted sentence here)."""
        self.input.setPlainText(text)
        self.run()

    def run(self) -> None:
        self._timer.stop()
        text = self.input.toPlainText()
        if not text.strip():
            self.location = None
            self.view.setHtml("")
            return
        self.location = locate(text, self._paragraphs)
        self.view.setHtml(self._html(self.location))

    def _html(self, location: Location) -> str:
        parts = [f"<p><b>{escape(describe(location))}</b></p>"]
        parts += [
            f"<p><i>{escape(note[:1].upper() + note[1:])}.</i></p>" for note in location.notes
        ]
        if location.verdict == "absent" or location.paragraph is None:
            return "\n".join(parts)
        parts.append(f"<blockquote>{_comparison_html(location)}</blockquote>")
        assert location.start is not None and location.end is not None
        records = self._db.records_quoting(location.paragraph, location.start, location.end)
        if records:
            items = "".join(
                f'<li><a href="record:{escape(r.id)}">{escape(r.title)}</a>'
                f" <small>({escape(KIND_LABELS[r.kind])})</small></li>"
                for r in records
            )
            parts.append(f"<p>Quoted by:</p><ul>{items}</ul>")
        return "\n".join(parts)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "record":
            self.record_link_activated.emit(url.path())


_HTML_MARKS = Marks(
    text=lambda words: escape(words, quote=False),
    missing=lambda brief: f'<span style="{_BRIEF_ONLY}">{escape(brief, quote=False)}</span>',
    added=lambda given: f'<span style="{_GIVEN_ONLY}">{escape(given, quote=False)}</span>',
    changed=lambda brief, given: (
        f'<span style="{_BRIEF_ONLY}">{escape(brief, quote=False)}</span>'
        f' <span style="{_GIVEN_ONLY}">{escape(given, quote=False)}</span>'
    ),
    omitted='<span style="color:gray">[…]</span>',
)


def _comparison_html(location: Location) -> str:
    """The brief's words for the span, with what differs marked."""
    return marked(location, _HTML_MARKS)
