"""The Figures tab: every number, and the chosen quantity's history (a chart and its table
twin) with each value's date and source, the brief's beside the later sources'."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db.store import Database
from mia_desktop.present.later_html import source_date
from mia_desktop.present.values import figure_value_text
from mia_desktop.qt import columns
from mia_desktop.qt.drawing.history_chart import HistoryChart
from mia_desktop.qt.drawing.parts import Drawing
from mia_desktop.qt.tabs.base import TableTab
from mia_desktop.records import Figure

HISTORY_HEADERS = ("As of", "Value", "Unit", "Source", "Grade")


class FiguresTab(TableTab):
    """The figures' table under the history of the quantity chosen (or of the figure shown)."""

    def __init__(self, *, database: Database, parent: QWidget | None = None) -> None:
        self._db = database
        box = QWidget()
        self.quantity_chooser = QComboBox(box)
        self.quantity_chooser.setObjectName("quantityChooser")
        self.quantity_chooser.setAccessibleName("Figure over time")
        self._quantities = {q.key: q for q in database.quantities()}
        for quantity in sorted(self._quantities.values(), key=lambda q: q.label):
            self.quantity_chooser.addItem(quantity.label, quantity.key)
        self.history = HistoryChart(box)
        self.history_table = QTableWidget(0, len(HISTORY_HEADERS), box)
        self.history_table.setObjectName("historyTable")
        self.history_table.setAccessibleName("The chosen figure over time, as a table")
        self.history_table.setHorizontalHeaderLabels(list(HISTORY_HEADERS))
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.verticalHeader().hide()
        self.basis = QLabel(box)
        self.basis.setObjectName("quantityBasis")
        self.basis.setWordWrap(True)
        row = QHBoxLayout()
        chooser_label = QLabel("&Figure over time:", box)
        chooser_label.setBuddy(self.quantity_chooser)
        row.addWidget(chooser_label)
        row.addWidget(self.quantity_chooser, 1)
        # The later values crowd the right end of 1950-2025: spread them out.
        self.since_2015 = QCheckBox("Since &2015 only", box)
        self.since_2015.setObjectName("since2015")
        row.addWidget(self.since_2015)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.basis)
        charts = QHBoxLayout()
        charts.addWidget(self.history, 3)
        charts.addWidget(self.history_table, 2)
        layout.addLayout(charts, 1)
        super().__init__(
            kind="figure",
            name="figures",
            database=database,
            columns=columns.figure_columns(database.country_names(), _latest_texts(database)),
            note="Every number, each with the date it is as of. The brief's are as of its"
            " date or earlier; choose a figure above for its values since, from later"
            " sources.",
            accessible_name="The numbers, the brief's and the later sources'",
            wide_column=(0, 220),
            above=box,
            parent=parent,
        )
        # Narrower than the other tabs' first column: a later value's date is longer.
        self.table.fit_columns({0: 190, 1: 120})
        self.quantity_chooser.currentIndexChanged.connect(self._show_quantity)
        self.since_2015.toggled.connect(self._show_quantity)
        self.history.record_clicked.connect(self.table.select_record)
        self.history_table.itemSelectionChanged.connect(self._on_history_row)
        self.table.record_selected.connect(self._follow)
        self._show_quantity()

    def drawings(self) -> list[Drawing]:
        return [self.history]

    def show_quantity(self, key: str) -> None:
        index = self.quantity_chooser.findData(key)
        if index >= 0:
            self.quantity_chooser.setCurrentIndex(index)

    def _show_quantity(self) -> None:
        key = self.quantity_chooser.currentData()
        quantity = self._quantities.get(key) if key else None
        values = [
            f for f in self._db.quantity_values(key) if self._db.later_shown or not f.is_later
        ] if key else []  # fmt: skip
        self.history.set_values(
            values,
            estimate=bool(quantity and quantity.estimate),
            from_year=2015 if self.since_2015.isChecked() else None,
        )
        estimate = "Every value is an estimate." if quantity and quantity.estimate else ""
        self.basis.setText(f"Counts: {quantity.basis}. {estimate}" if quantity else "")
        sources = {s.id: s for s in self._db.sources()}
        self.history_table.blockSignals(True)
        self.history_table.setRowCount(len(values))
        for row, figure in enumerate(values):
            source = sources[figure.source]
            cells = (
                figure.date.label if figure.date else "undated",
                figure_value_text(figure),
                figure.unit,
                f"{source.publisher}, {source_date(source)}"
                + (" (the brief)" if source.is_brief else ""),
                source.grade,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(0x0100, figure.id)  # Qt.UserRole: the record the row shows
                item.setToolTip(source.title)
                self.history_table.setItem(row, column, item)
        self.history_table.resizeColumnsToContents()
        self.history_table.blockSignals(False)

    def _on_history_row(self) -> None:
        items = self.history_table.selectedItems()
        if items:
            self.table.select_record(str(items[0].data(0x0100)))

    def _follow(self, record_id: str) -> None:
        """The figure shown in the panel brings its quantity's history."""
        record = self._db.record(record_id)
        if isinstance(record, Figure) and record.quantity:
            self.show_quantity(record.quantity)
        self.history.highlight(record_id)
        self.history_table.blockSignals(True)
        self.history_table.clearSelection()
        for row in range(self.history_table.rowCount()):
            item = self.history_table.item(row, 0)
            if item is not None and item.data(0x0100) == record_id:
                self.history_table.selectRow(row)
        self.history_table.blockSignals(False)


def _latest_texts(database: Database) -> dict[str, str]:
    """Each quantity's latest later value, as the figures' table shows it beside a 2015
    figure (none in the view of the brief as published)."""
    if not database.later_shown:
        return {}
    sources = {s.id: s for s in database.sources()}
    texts = {}
    for quantity in database.quantities():
        latest = database.latest_later_value(quantity.key)
        if latest is not None:
            source = sources[latest.source]
            when = latest.date.label if latest.date else "undated"
            texts[quantity.key] = f"{figure_value_text(latest)}, {when}, {source.publisher}"
    return texts
