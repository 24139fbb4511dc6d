"""The Timeline tab: category and country filters, the drawn timeline, the event list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db.store import Database
from mia_desktop.qt import columns
from mia_desktop.qt.models import LazyRecordModel
from mia_desktop.qt.record_table import RecordTable
from mia_desktop.qt.tabs.base import ALL, RecordTab

if TYPE_CHECKING:
    from mia_desktop.qt.drawing.parts import Drawing
from mia_desktop.qt.drawing.timeline_view import TimelineView
from mia_desktop.records import Event

# About 20 marks a lane: more overlap unreadably (the list below holds them all). One page
# of the list: the drawing and the rows first shown share the records read for them.
DRAWN_EVENTS = LazyRecordModel.PAGE


class TimelineTab(RecordTab):
    kinds = ("event",)

    def __init__(self, *, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTab")
        self._db = database
        countries = database.records("country")
        names = database.country_names()
        # Any number of events: ids from SQL, rows read a page at a time as they show.
        self.model = LazyRecordModel(
            database=database, columns=columns.event_columns(names), kind="event", parent=self
        )

        self.table = self._wire(RecordTable(model=self.model, name="timelineTable", parent=self))
        self.table.setAccessibleName("Timeline of events")

        self.category_filter = QComboBox(self)
        self.category_filter.setObjectName("categoryFilter")
        self.category_filter.setAccessibleName("Filter events by category")
        categories = database.event_categories()
        self.category_filter.addItems([ALL, *categories])
        self.country_filter = QComboBox(self)
        self.country_filter.setObjectName("countryFilter")
        self.country_filter.setAccessibleName("Filter events by country")
        self.country_filter.addItem(ALL, "")
        for country in countries:
            self.country_filter.addItem(country.title, country.id)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("timelineCount")
        self.category_filter.currentIndexChanged.connect(self._apply_filters)
        self.country_filter.currentIndexChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        category_label = QLabel("&Category:", self)
        category_label.setBuddy(self.category_filter)
        country_label = QLabel("C&ountry:", self)
        country_label.setBuddy(self.country_filter)
        for widget in (category_label, self.category_filter, country_label, self.country_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        self.drawing = TimelineView(events=[], categories=categories, parent=self)
        self.drawing_note = QLabel(self)
        self.drawing_note.setObjectName("drawingNote")
        self.drawing.record_clicked.connect(self.table.select_record)
        self.table.record_selected.connect(self.drawing.highlight)
        zoom = QHBoxLayout()
        for text, name, slot in (
            ("Zoom in (+)", "zoomInButton", lambda: self.drawing.zoom(1.25)),
            ("Zoom out (-)", "zoomOutButton", lambda: self.drawing.zoom(0.8)),
            ("Fit all (0)", "fitAllButton", self.drawing.fit_all),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(text.split(" (")[0])
            button.clicked.connect(slot)
            zoom.addWidget(button)
        zoom.addStretch(1)
        zoom.addWidget(self.drawing_note)
        drawing_box = QWidget(self)
        drawing_layout = QVBoxLayout(drawing_box)
        drawing_layout.setContentsMargins(0, 0, 0, 0)
        drawing_layout.addLayout(zoom)
        drawing_layout.addWidget(self.drawing, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("timelineSplitter")
        split.addWidget(drawing_box)
        split.addWidget(self.table)
        # The list keeps rows of its own beside a tall drawing (which scrolls).
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self._apply_filters()
        # Sized to the first page of rows (sized before any rows, the columns were cramped).
        self.table.fit_columns({0: 190, 1: 440})

    def _apply_filters(self) -> None:
        category = self.category_filter.currentText()
        self.model.set_filters(
            category=None if category == ALL else category,
            country=self.country_filter.currentData() or None,
        )
        total = self.model.total()
        # The drawing holds at most DRAWN_EVENTS (the list below holds them all).
        drawn = self.model.first_records(DRAWN_EVENTS)
        self.drawing.set_events([e for e in drawn if isinstance(e, Event)])
        self.drawing_note.setText(
            f"Drawing the first {DRAWN_EVENTS:,} of {total:,}; filter to narrow"
            if total > DRAWN_EVENTS
            else ""
        )
        self.table.sort_only_when_complete()
        if not hasattr(self, "_all_events"):  # the first query runs without filters
            self._all_events = total
        self.count_label.setText(f"{total:,} of {self._all_events:,} events")

    def clear_filters(self) -> None:
        self.category_filter.setCurrentIndex(0)
        self.country_filter.setCurrentIndex(0)

    def drawings(self) -> list[Drawing]:
        return [self.drawing]

    def select_record(self, record_id: str) -> bool:
        if self.table.select_record(record_id):
            return True
        self.clear_filters()  # the record may be hidden by a filter
        return self.table.select_record(record_id)
