"""The Country efforts tab: countries, a country's summary and efforts, the overview."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from mia_desktop.db.store import Database
from mia_desktop.present.values import as_of, figure_value_text
from mia_desktop.qt import columns
from mia_desktop.qt.drawing.efforts_axis import EffortsAxis
from mia_desktop.qt.drawing.efforts_overview import EffortsOverview
from mia_desktop.qt.models import LazyRecordModel, RecordTableModel
from mia_desktop.qt.record_table import RecordTable
from mia_desktop.qt.tabs.base import RecordTab
from mia_desktop.qt.text_view import TextView

if TYPE_CHECKING:
    from mia_desktop.qt.drawing.parts import Drawing
from mia_desktop.records import Country, Effort, Figure

OVERVIEW_EFFORTS = 60  # the first efforts by date in the at-a-glance drawing
KEY_FIGURES = 40  # a country's figures listed in its summary


class CountriesTab(RecordTab):
    kinds = ("country", "effort")

    def __init__(self, *, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countriesTab")
        self._db = database
        countries = database.records("country")
        drawn = database.records_by_id(database.record_ids("effort", limit=OVERVIEW_EFFORTS))
        self.country_model = RecordTableModel(
            columns=columns.country_columns(), records=countries, parent=self
        )
        self.countries = self._wire(
            RecordTable(model=self.country_model, name="countriesTable", parent=self)
        )
        self.countries.setAccessibleName("Countries")
        self.countries.setSortingEnabled(False)
        self.summary = TextView(self)
        self.summary.setObjectName("countrySummary")
        self.summary.setAccessibleName("Country summary and key figures")
        self.effort_model = LazyRecordModel(
            database=database,
            columns=columns.effort_columns(later_statuses(database)),
            kind="effort",
            parent=self,
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
        self.overview.record_clicked.connect(self.select_record)
        self.efforts.record_selected.connect(self._mark_in_drawing)
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
        # The drawing grows with the efforts; on a short screen it scrolls, and the
        # splitter lets the user give it more room.
        scroller = self._scroller = QScrollArea(self)
        scroller.setObjectName("effortsOverviewScroller")
        scroller.setWidget(self.overview)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._stack = QSplitter(Qt.Orientation.Vertical, self)
        self._stack.setObjectName("countriesStack")
        self._stack.setChildrenCollapsible(False)
        drawing = QWidget(self)
        drawing_layout = QVBoxLayout(drawing)
        drawing_layout.setContentsMargins(0, 0, 0, 0)
        drawing_layout.setSpacing(0)
        drawing_layout.addWidget(scroller, 1)
        self.axis = EffortsAxis(self.overview, drawing)
        drawing_layout.addWidget(self.axis)
        drawing.setMaximumHeight(self.overview.height() + self.axis.height())
        self._stack.addWidget(drawing)
        # Never taller than the drawing: no empty band between the bars and their years,
        # however the splitter is dragged or restored. (The axis fits itself first.)
        self.overview.laid_out.connect(
            lambda: drawing.setMaximumHeight(
                self.overview.height() + 2 * scroller.frameWidth() + self.axis.height()
            )
        )
        self._stack.addWidget(split)
        self._stack.setStretchFactor(1, 1)
        # The whole drawing when it leaves the lists 40% of the height the tab is given
        # (a splitter the user moved is restored over this by the window).
        total = max(parent.height() if parent is not None else 0, 400)
        drawing_height = min(self.overview.height() + self.axis.height(), int(total * 0.6))
        self._stack.setSizes([drawing_height, total - drawing_height])
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack, 1)
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
        self.efforts.fit_columns({1: 340, 4: 500})
        figure_count = self._db.count_ids("figure", country=country_id)
        listed = self._db.records_by_id(
            self._db.record_ids("figure", country=country_id, limit=KEY_FIGURES)
        )
        figures = [f for f in listed if isinstance(f, Figure)]
        items = "".join(
            f"<li><b>{escape(figure_value_text(f))}</b> {escape(f.unit)}: {escape(f.measure)}"
            f" <small>({escape(as_of(f))})</small></li>"
            for f in figures
        )
        shown = self.effort_model.total()
        more = (
            f"<p><i>The first {KEY_FIGURES} are listed; the Figures tab has them all.</i></p>"
            if figure_count > KEY_FIGURES
            else ""
        )
        self.summary.setHtml(
            f"<h2>{escape(country.title)}</h2><p>{escape(country.text)}</p>"
            f"<h3>Key figures ({figure_count:,})</h3><ul>{items}</ul>{more}"
            f"<p><i>{shown:,} effort{'s' if shown != 1 else ''} listed below; select one for"
            " its quote and citation.</i></p>"
        )

    def drawings(self) -> list[Drawing]:
        return [self.overview]

    def keep_highlight_only_for(self, record_id: str | None) -> None:
        # Master and detail: the country's row stays while the panel shows one of the
        # efforts listed for it, since it says whose efforts these are.
        self.efforts.keep_highlight_only_for(record_id)
        if record_id is None or self.efforts.current_record_id() != record_id:
            self.countries.keep_highlight_only_for(record_id)
        self._mark_in_drawing(record_id)

    def _mark_in_drawing(self, record_id: str | None) -> None:
        """Highlight the effort's bar and scroll it into view, in the chosen country's row."""
        if self.overview.highlight(record_id) and record_id is not None:
            centre = self.overview.bar_centre(record_id, self._country_id)
            if centre is not None:
                self._scroller.ensureVisible(int(centre.x()), int(centre.y()), 0, 30)

    def highlighted_record_id(self) -> str | None:
        for table in (self.efforts, self.countries):
            if table.selectionModel().hasSelection() and table.current_record_id():
                return table.current_record_id()
        return None

    def select_record(self, record_id: str) -> bool:
        record = self._db.record(record_id)
        if isinstance(record, Country):
            return self.countries.select_record(record_id)
        if isinstance(record, Effort):
            if self._country_id not in record.countries and record.countries:
                self.countries.select_record(record.countries[0])
            return self.efforts.select_record(record_id)
        return False


def later_statuses(database: Database) -> dict[str, tuple[str, str]]:
    """Each effort's latest status as a later source states it: ("suspended (May 8, 2019)",
    what the source says); none in the view of the brief as published."""
    if not database.later_shown:
        return {}
    return {
        effort_id: (f"{update.status} ({update.as_of.label})", update.summary)
        for effort_id, update in database.latest_statuses().items()
    }
