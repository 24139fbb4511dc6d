"""The citation panel: the selected record, its quote in context, how to cite it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.citing.styles import (
    DEFAULT_FORM,
    DEFAULT_STYLE,
    FORM_LABELS,
    FORMS,
    STYLES,
    form_name,
)
from mia_desktop.db.opening import DatabaseError
from mia_desktop.db.schema import SHORT_FORM_STYLES
from mia_desktop.db.store import Database
from mia_desktop.qt.settings import FORM_KEY, STYLE_KEY
from mia_desktop.qt.text_view import TextView
from mia_desktop.records import LikelySource, Record, Rendering

if TYPE_CHECKING:
    from mia_desktop.citing.citer import Citer

# The citation code and the details page load with the first record shown, not at start-up.


_PLACEHOLDER = (
    "<h3>No record selected</h3><p>Select an event, batch, country, effort or figure to see"
    " its verbatim quote from the brief, where it stands in the brief, and how to cite it.</p>"
)


class CitationPanel(QWidget):
    """Shows one record; its buttons run the window's copy and show-in-source actions."""

    record_link_activated = Signal(str)  # a related record's id
    index_heading_activated = Signal(str)  # a heading of the subject index
    lead_copy_requested = Signal(int)  # a likely source's marker
    style_changed = Signal(str)  # the style or the form changed; the style key

    def __init__(
        self,
        *,
        database: Database,
        citer: Callable[[], Citer],
        settings: QSettings,
        actions: list[QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = database
        self._citer = citer
        self._settings = settings
        self._record: Record | None = None
        self.style_chooser = QComboBox(self)
        self.style_chooser.setObjectName("citationStyle")
        self.style_chooser.setAccessibleName("Citation style")
        for key, label in STYLES.items():
            self.style_chooser.addItem(label, key)
        saved = settings.value(STYLE_KEY, DEFAULT_STYLE, type=str)
        index = self.style_chooser.findData(saved if isinstance(saved, str) else DEFAULT_STYLE)
        self.style_chooser.setCurrentIndex(max(index, 0))
        self.style_chooser.currentIndexChanged.connect(self._on_style)
        self.form_chooser = QComboBox(self)
        self.form_chooser.setObjectName("citationForm")
        self.form_chooser.setAccessibleName("Citation form")
        for form in FORMS:
            self.form_chooser.addItem(FORM_LABELS[form], form)
        saved_form = settings.value(FORM_KEY, DEFAULT_FORM, type=str)
        form_index = self.form_chooser.findData(
            saved_form if isinstance(saved_form, str) else DEFAULT_FORM
        )
        self.form_chooser.setCurrentIndex(max(form_index, 0))
        self._name_forms()
        # Narrow enough for a 1024-pixel window; the lists show long names in full.
        for chooser, letters in ((self.style_chooser, 18), (self.form_chooser, 16)):
            chooser.setMinimumContentsLength(letters)
            chooser.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.form_chooser.currentIndexChanged.connect(self._on_form)
        self.view = TextView(self)
        self.view.setObjectName("citationView")
        self.view.setAccessibleName("Citation and source of the selected record")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._on_link)
        self.view.setHtml(_PLACEHOLDER)
        style_label = QLabel("St&yle:", self)
        style_label.setBuddy(self.style_chooser)
        form_label = QLabel("F&orm:", self)
        form_label.setBuddy(self.form_chooser)
        style_row = QHBoxLayout()
        style_row.addWidget(style_label)
        style_row.addWidget(self.style_chooser)
        style_row.addWidget(form_label)
        style_row.addWidget(self.form_chooser)
        style_row.addStretch(1)
        copy_row = QHBoxLayout()
        copy_row.addWidget(QLabel("Copy:", self))
        show_in_source = None
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)  # shows the action's short icon text
            button.setAccessibleName(action.text().replace("&", ""))
            if action.objectName() == "showInSourceAction":
                show_in_source = button
            else:
                copy_row.addWidget(button)
        copy_row.addStretch(1)
        if show_in_source is not None:  # at the row's end, apart from the copy buttons
            copy_row.addWidget(show_in_source)
        buttons = QVBoxLayout()
        buttons.addLayout(style_row)
        buttons.addLayout(copy_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self._country_names = self._db.country_names()

    @property
    def record(self) -> Record | None:
        return self._record

    @property
    def citation_style(self) -> str:
        return str(self.style_chooser.currentData())

    @property
    def citation_form(self) -> str:
        return str(self.form_chooser.currentData())

    def form_name(self) -> str:
        """The chosen form in the chosen style's own words ("reference list entry")."""
        return form_name(self.citation_style, self.citation_form)

    def _name_forms(self) -> None:
        # Each form in the style's own words; "short" is the citation where there is none.
        style = self.citation_style
        for index, form in enumerate(FORMS):
            name = form_name(style, form)
            if form == "short" and style not in SHORT_FORM_STYLES:
                name = f"short note: the {name}"
            self.form_chooser.setItemText(index, name[:1].upper() + name[1:])

    def _on_style(self) -> None:
        self._settings.setValue(STYLE_KEY, self.citation_style)
        self._name_forms()
        self._refresh()

    def _on_form(self) -> None:
        self._settings.setValue(FORM_KEY, self.citation_form)
        self._refresh()

    def _refresh(self) -> None:
        if self._record is not None:
            self.show_record(self._record.id)
        self.style_changed.emit(self.citation_style)

    def show_record(self, record_id: str) -> None:
        from mia_desktop.present.details_html import DetailsContext, record_html
        from mia_desktop.present.later_html import later_context

        record = self._db.record(record_id)
        if record is None:
            return
        self._record = record
        highlight = self.palette().color(QPalette.ColorRole.Highlight).lighter(170).name()
        style = self.citation_style
        citer = self._citer()
        missing = Rendering(
            text="No citation is stored for this record; rebuild the database.",
            html="<i>No citation is stored for this record; rebuild the database.</i>",
        )
        forms = [f for f in FORMS if f != "short" or style in SHORT_FORM_STYLES]
        citations = []
        for form in forms:
            try:
                rendering = citer.cite(record, style, form)
            except DatabaseError:  # a database built without this record's renderings
                rendering = missing
            chosen = form == self.citation_form or (
                form == "citation" and self.citation_form == "short" and len(forms) == 2
            )
            citations.append((form_name(style, form), rendering, chosen))
        context = DetailsContext(
            source=citer.source,
            paragraph=self._db.paragraph(record.paragraph),
            citations=citations,
            style_label=STYLES[style],
            likely_sources=[
                (lead, citer.note_label(lead), citer.lead(lead, style, "bibliography"))
                for lead in self.leads(record)
            ],
            related=[
                r
                for r in self._db.records_by_id(list(record.related))
                if self._db.later_shown or not r.is_later
            ],
            country_names=self._country_names,
            note_labels=tuple(citer.record_note_labels(record)),
            subjects=tuple(self._db.subjects(record.id)),
            highlight_color=highlight,
            **later_context(self._db, record)._asdict(),
        )
        self.view.setHtml(record_html(record, context))

    def clear(self) -> None:
        """Show no record (the one shown left the view): nothing is there to copy."""
        self._record = None
        self.view.setHtml(_PLACEHOLDER)

    def leads(self, record: Record) -> list[LikelySource]:
        return self._db.likely_sources(record.markers)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "record":
            self.record_link_activated.emit(url.path())
        elif url.scheme() == "index":
            self.index_heading_activated.emit(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
        elif url.scheme() == "copy-lead":
            self.lead_copy_requested.emit(int(url.path()))
        elif _is_web_link(url.toString()):
            QDesktopServices.openUrl(url)  # only when the user clicks a source's address
        # Anything else (file:, javascript:, ...) came from a database: it is not opened.


def _is_web_link(url: str) -> bool:
    # Its module (an HTML parser) is needed once a link is followed, not at start-up.
    from mia_desktop.present.safe_html import is_web_link

    return is_web_link(url)
