"""The citation panel: the selected record, its quote in context, how to cite it."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db import Database
from mia_desktop.details import DetailsContext, record_html
from mia_desktop.records import Record

_PLACEHOLDER = (
    "<h3>No record selected</h3><p>Select an event, batch, country, effort or figure to see"
    " its verbatim quote from the brief, where it stands in the brief, and how to cite it.</p>"
)


class CitationPanel(QWidget):
    """Shows one record; its buttons run the window's copy and show-in-source actions."""

    record_link_activated = Signal(str)  # a related record's id

    def __init__(
        self,
        *,
        database: Database,
        actions: list[QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = database
        self._record: Record | None = None
        self.view = QTextBrowser(self)
        self.view.setObjectName("citationView")
        self.view.setAccessibleName("Citation and source of the selected record")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._on_link)
        self.view.setHtml(_PLACEHOLDER)
        buttons = QHBoxLayout()
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().replace("&", ""))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self._country_names = self._db.country_names()

    @property
    def record(self) -> Record | None:
        return self._record

    def show_record(self, record_id: str) -> None:
        record = self._db.record(record_id)
        if record is None:
            return
        self._record = record
        highlight = self.palette().color(QPalette.ColorRole.Highlight).lighter(170).name()
        context = DetailsContext(
            source=self._db.source(),
            paragraph=self._db.paragraph(record.paragraph),
            likely_sources=self._db.likely_sources(record.markers),
            related=self._db.records_by_id(list(record.related)),
            country_names=self._country_names,
            highlight_color=highlight,
        )
        self.view.setHtml(record_html(record, context))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "record":
            self.record_link_activated.emit(url.path())
        else:
            QDesktopServices.openUrl(url)  # only when the user clicks a source's address
