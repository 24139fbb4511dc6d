"""The browsing tabs: Timeline, Remains batches, Country efforts, Figures."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db import Database
from mia_desktop.details import figure_value_text
from mia_desktop.qt import columns
from mia_desktop.qt.efforts_overview import EffortsOverview
from mia_desktop.qt.models import Column, LazyRecordModel, RecordTableModel
from mia_desktop.qt.record_table import RecordTable
from mia_desktop.qt.remains_chart import RemainsChart
from mia_desktop.qt.timeline_view import TimelineView
from mia_desktop.records import Batch, Country, Effort, Event, Figure

ALL = "All"
DRAWN_EVENTS = 500  # more marks than this are unreadable on one axis, and slow to lay out
CHART_BARS = 40  # the first batches by date; the table below lists them all
OVERVIEW_EFFORTS = 60  # the first efforts by date in the at-a-glance drawing
KEY_FIGURES = 40  # a country's figures listed in its summary


class RecordTab(QWidget):
    """A tab that shows records of some kinds and can select one by id."""

    record_selected = Signal(str)
    copied = Signal(str)
    kinds: tuple[str, ...] = ()

    def _wire(self, table: RecordTable) -> RecordTable:
        table.record_selected.connect(self.record_selected)
        table.copied.connect(self.copied)
        return table

    def select_record(self, record_id: str) -> bool:
        raise NotImplementedError

    def selected_record_ids(self) -> list[str]:
        """The records selected in this tab's tables, in display order."""
        return [rid for table in self.findChildren(RecordTable) for rid in table.selected_ids()]


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
        self.drawing.event_clicked.connect(self.table.select_record)
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
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 190))
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 440))
        self._apply_filters()

    def _apply_filters(self) -> None:
        category = self.category_filter.currentText()
        self.model.set_filters(
            category=None if category == ALL else category,
            country=self.country_filter.currentData() or None,
        )
        ids = self.model.ids()
        # The drawing holds at most DRAWN_EVENTS (the list below holds them all).
        drawn = self._db.records_by_id(ids[:DRAWN_EVENTS])
        self.drawing.set_events([e for e in drawn if isinstance(e, Event)])
        self.drawing_note.setText(
            f"Drawing the first {DRAWN_EVENTS:,} of {len(ids):,}; filter to narrow"
            if len(ids) > DRAWN_EVENTS
            else ""
        )
        self.table.sort_only_when_complete()
        if not hasattr(self, "_all_events"):  # the first query runs without filters
            self._all_events = len(ids)
        self.count_label.setText(f"{len(ids):,} of {self._all_events:,} events")

    def clear_filters(self) -> None:
        self.category_filter.setCurrentIndex(0)
        self.country_filter.setCurrentIndex(0)

    def select_record(self, record_id: str) -> bool:
        if self.table.select_record(record_id):
            return True
        self.clear_filters()  # the record may be hidden by a filter
        return self.table.select_record(record_id)


class TableTab(RecordTab):
    """One kind of record in one table, under a short note on how to read it."""

    chart: RemainsChart | None = None

    def __init__(
        self,
        *,
        kind: str,
        name: str,
        database: Database,
        columns: list[Column],
        note: str,
        accessible_name: str,
        wide_column: tuple[int, int],
        above: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kinds = (kind,)
        self.setObjectName(f"{name}Tab")
        # Any number of records: ids from SQL, rows read a page at a time, in date order.
        self.model = LazyRecordModel(database=database, columns=columns, kind=kind, parent=self)
        self.model.set_filters()
        self.table = self._wire(RecordTable(model=self.model, name=f"{name}Table", parent=self))
        self.table.setAccessibleName(accessible_name)
        self.table.sort_only_when_complete()
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(note, self))
        if above is None:
            layout.addWidget(self.table, 1)
        else:
            split = QSplitter(Qt.Orientation.Vertical, self)
            split.setObjectName(f"{name}Splitter")
            split.addWidget(above)
            split.addWidget(self.table)
            layout.addWidget(split, 1)
        self.table.resizeColumnsToContents()
        column, width = wide_column
        self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))

    def select_record(self, record_id: str) -> bool:
        return self.table.select_record(record_id)


def batches_tab(*, database: Database, parent: QWidget | None = None) -> TableTab:
    charted = database.records_by_id(database.record_ids("batch")[:CHART_BARS])
    batches = [b for b in charted if isinstance(b, Batch)]
    chart_box = QWidget()
    chart = RemainsChart(batches=batches, parent=chart_box)
    copy_data = QPushButton("Copy data", chart_box)
    copy_data.setObjectName("copyChartDataButton")
    copy_data.setAccessibleName("Copy the chart's numbers")
    copy_data.setToolTip("Copy the numbers behind the chart as tab-separated text")
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(copy_data)
    box_layout = QVBoxLayout(chart_box)
    box_layout.setContentsMargins(0, 0, 0, 0)
    box_layout.addLayout(row)
    box_layout.addWidget(chart, 1)
    tab = TableTab(
        kind="batch",
        name="batches",
        database=database,
        columns=columns.batch_columns(database.country_names()),
        note="Remains returned or recovered as a batch, as the brief gives them (figures as of"
        " October 2015). “not stated in source” means the brief gives no number.",
        accessible_name="Remains returned or recovered, by batch",
        wide_column=(1, 380),
        above=chart_box,
        parent=parent,
    )
    tab.chart = chart
    chart.bar_clicked.connect(tab.table.select_record)
    tab.table.record_selected.connect(chart.highlight)

    def copy_chart_data() -> None:
        QGuiApplication.clipboard().setText(chart.data_text())
        tab.copied.emit(f"Copied the numbers of {len(chart.bars)} batches as tab-separated text")

    copy_data.clicked.connect(copy_chart_data)
    return tab


def figures_tab(*, database: Database, parent: QWidget | None = None) -> TableTab:
    return TableTab(
        kind="figure",
        name="figures",
        database=database,
        columns=columns.figure_columns(database.country_names()),
        note="Every number the brief gives. Most are as of October 2015, the brief's date;"
        " later official figures differ.",
        accessible_name="Every number in the brief",
        wide_column=(0, 420),
        parent=parent,
    )


def note_label(text: str, parent: QWidget) -> QLabel:
    """A short explanatory line above a view."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class CountriesTab(RecordTab):
    kinds = ("country", "effort")

    def __init__(self, *, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countriesTab")
        self._db = database
        countries = database.records("country")
        drawn = database.records_by_id(database.record_ids("effort")[:OVERVIEW_EFFORTS])
        self.country_model = RecordTableModel(
            columns=columns.country_columns(), records=countries, parent=self
        )
        self.countries = self._wire(
            RecordTable(model=self.country_model, name="countriesTable", parent=self)
        )
        self.countries.setAccessibleName("Countries")
        self.countries.setSortingEnabled(False)
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("countrySummary")
        self.summary.setAccessibleName("Country summary and key figures")
        self.effort_model = LazyRecordModel(
            database=database, columns=columns.effort_columns(), kind="effort", parent=self
        )
        self.efforts = self._wire(
            RecordTable(model=self.effort_model, name="effortsTable", parent=self)
        )
        self.efforts.setAccessibleName("Efforts of the selected country")
        self.countries.record_selected.connect(self._show_country)
        self.overview = EffortsOverview(
            countries=[c for c in countries if isinstance(c, Country)],
            efforts=[e for e in drawn if isinstance(e, Effort)],
            parent=self,
        )
        self.overview.effort_clicked.connect(self.select_record)
        self.efforts.record_selected.connect(self.overview.highlight)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.summary)
        right.addWidget(self.efforts)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("countriesSplitter")
        split.addWidget(self.countries)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([160, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.overview)
        layout.addWidget(split, 1)
        self._country_id: str | None = None
        if countries:
            self.countries.select_record(countries[0].id)

    def _show_country(self, country_id: str) -> None:
        country = self._db.record(country_id)
        if not isinstance(country, Country):
            return
        self._country_id = country_id
        self.effort_model.set_filters(country=country_id)
        self.efforts.sort_only_when_complete()
        self.efforts.resizeColumnsToContents()
        self.efforts.setColumnWidth(1, min(self.efforts.columnWidth(1), 340))
        self.efforts.setColumnWidth(4, min(self.efforts.columnWidth(4), 500))
        figure_ids = self._db.record_ids("figure", country=country_id)
        listed = self._db.records_by_id(figure_ids[:KEY_FIGURES])
        figures = [f for f in listed if isinstance(f, Figure)]
        items = "".join(
            f"<li><b>{escape(figure_value_text(f))}</b> {escape(f.unit)}: {escape(f.measure)}"
            f" <small>(as of {escape(f.date.label if f.date else 'undated')})</small></li>"
            for f in figures
        )
        shown = self.effort_model.total()
        more = (
            f"<p><i>The first {KEY_FIGURES} are listed; the Figures tab has them all.</i></p>"
            if len(figure_ids) > KEY_FIGURES
            else ""
        )
        self.summary.setHtml(
            f"<h2>{escape(country.title)}</h2><p>{escape(country.text)}</p>"
            f"<h3>Key figures ({len(figure_ids):,})</h3><ul>{items}</ul>{more}"
            f"<p><i>{shown:,} effort{'s' if shown != 1 else ''} listed below; select one for"
            " its quote and citation.</i></p>"
        )

    def select_record(self, record_id: str) -> bool:
        record = self._db.record(record_id)
        if isinstance(record, Country):
            return self.countries.select_record(record_id)
        if isinstance(record, Effort):
            if self._country_id not in record.countries and record.countries:
                self.countries.select_record(record.countries[0])
            return self.efforts.select_record(record_id)
        return False
