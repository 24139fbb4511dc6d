"""The tabs' shared base (RecordTab) and the table tabs: Remains batches and Figures.

The Timeline and Country efforts tabs have modules of their own (timeline_tab.py,
countries_tab.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db.store import Database
from mia_desktop.qt import columns
from mia_desktop.qt.drawing.parts import Drawing
from mia_desktop.qt.models import Column, LazyRecordModel
from mia_desktop.qt.record_table import RecordTable
from mia_desktop.records import Batch

if TYPE_CHECKING:
    from mia_desktop.qt.drawing.remains_chart import RemainsChart


ALL = "All"
CHART_BARS = 40  # the first batches by date; the table below lists them all


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

    def keep_highlight_only_for(self, record_id: str | None) -> None:
        """Leave highlighted only what shows this record (the panel's); clear the rest."""
        for table in self.findChildren(RecordTable):
            table.keep_highlight_only_for(record_id)
        for drawing in self.drawings():
            drawing.highlight(record_id)  # marks it where drawn, clears the mark elsewhere

    def drawings(self) -> list[Drawing]:
        """The drawings that mark one record (their tables' twins)."""
        return []

    def highlighted_record_id(self) -> str | None:
        """The record this tab highlights, if any: its focused or last-current table's row."""
        for table in self.findChildren(RecordTable):
            if table.selectionModel().hasSelection() and table.current_record_id():
                return table.current_record_id()
        return None

    def selected_record_ids(self) -> list[str]:
        """The records selected in this tab's tables, in display order."""
        return [rid for table in self.findChildren(RecordTable) for rid in table.selected_ids()]


class TableTab(RecordTab):
    """One kind of record in one table, under a short note on how to read it."""

    chart: RemainsChart | None = None

    def drawings(self) -> list[Drawing]:
        return [self.chart] if self.chart is not None else []

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
        column, width = wide_column
        self.table.fit_columns({column: width})

    def select_record(self, record_id: str) -> bool:
        return self.table.select_record(record_id)


def batches_tab(*, database: Database, parent: QWidget | None = None) -> TableTab:
    from mia_desktop.qt.drawing.remains_chart import RemainsChart  # loads with the tab

    charted = database.records_by_id(database.record_ids("batch", limit=CHART_BARS))
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
        note="Remains returned or recovered as a batch, as the brief (October 2015) gives them."
        " “not stated in source” means the brief gives no number.",
        accessible_name="Remains returned or recovered, by batch",
        wide_column=(1, 380),
        above=chart_box,
        parent=parent,
    )
    tab.chart = chart
    chart.record_clicked.connect(tab.table.select_record)
    tab.table.record_selected.connect(chart.highlight)

    def copy_chart_data() -> None:
        QGuiApplication.clipboard().setText(chart.data_text())
        tab.copied.emit(f"Copied the numbers of {len(chart.bars)} batches as tab-separated text")

    copy_data.clicked.connect(copy_chart_data)
    return tab


def note_label(text: str, parent: QWidget) -> QLabel:
    """A short explanatory line above a view."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # it may name the source's publisher
    label.setWordWrap(True)
    return label
