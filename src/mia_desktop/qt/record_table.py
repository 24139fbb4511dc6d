"""A table of records: sortable, filterable, copies selected rows as tab-separated text."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFocusEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from mia_desktop.qt.models import RECORD_ID_ROLE, SORT_ROLE, LazyRecordModel, RecordTableModel


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE (the filters run in SQL, in the models)."""

    def __init__(
        self, *, source: RecordTableModel | LazyRecordModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)


RESIZE_ROWS = 60  # rows measured when a column is fitted to its contents


def focus_in_choosing_nothing(view: QAbstractItemView, focus_in: Callable[[], None]) -> None:
    """Qt makes the first item current when focus arrives with none: tabbing into a list
    would then choose a record. Focus alone chooses nothing; an arrow does."""
    if view.currentIndex().isValid():
        focus_in()
        return
    selection = view.selectionModel()
    selection.blockSignals(True)
    focus_in()
    selection.blockSignals(False)
    clear_quietly(view)


def clear_quietly(view: QAbstractItemView) -> None:
    """Clear the highlight without announcing it: clearing is not choosing a record."""
    selection = view.selectionModel()
    selection.blockSignals(True)
    selection.clear()
    selection.blockSignals(False)
    view.viewport().update()


# Fusion's PM_FocusFrameHMargin (the app always draws with Fusion; a test holds the two
# equal): asking the style for it would build QStyle's Python enums (some 10 ms) before
# the first frame.
FOCUS_FRAME_MARGIN = 2


class RecordTable(QTableView):
    """Emits `record_selected` with the id of the record in the current row."""

    record_selected = Signal(str)
    copied = Signal(str)  # a status message after Ctrl+C

    def __init__(
        self,
        *,
        model: RecordTableModel | LazyRecordModel,
        name: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(name)
        self.proxy = RecordFilterProxy(source=model, parent=self)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the model's order at first
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.verticalHeader().setVisible(False)
        # Compact rows that follow the font size (and so the system's text scaling).
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fitting a column to its contents measures the rows a screen shows, not a whole page.
        self.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.horizontalHeader().setAccessibleName("Column headers: click to sort")
        self.verticalHeader().setAccessibleName("Row headers")
        corner = self.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:
            corner.setAccessibleName("Select all rows")
        copy = QAction("Copy rows", self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selected_rows)
        self.addAction(copy)

    def fit_columns(self, widest: Mapping[int, int] | None = None) -> None:
        """Size each column to its header and to the texts of the first rows (as many as a
        screen shows), no wider than `widest[column]` pixels where given.

        What resizeColumnsToContents does, for plain text cells, at a tenth of the cost: it
        asks each cell for a dozen roles and lays it out through the style.
        """
        model = self.model()
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        margin = FOCUS_FRAME_MARGIN
        # The text's margins (as Qt's item delegate has them), the grid line, a pixel's
        # rounding: measured equal to resizeColumnsToContents on these tables.
        padding = 2 * (margin + 1) + (1 if self.showGrid() else 0) + 1
        rows = min(model.rowCount(), RESIZE_ROWS)
        for column in range(model.columnCount()):
            width = 0 if header.isHidden() else header.sectionSizeHint(column)
            for row in range(rows):
                text = model.index(row, column).data()
                if text:
                    width = max(width, metrics.horizontalAdvance(str(text)) + padding)
            if widest and column in widest:
                width = min(width, widest[column])
            self.setColumnWidth(column, width)

    def sort_only_when_complete(self) -> None:
        """Header sorting sorts the rows a view holds: offer it only when it holds them all."""
        source = self.proxy.sourceModel()
        complete = not isinstance(source, LazyRecordModel) or source.total() <= source.PAGE
        if not complete:
            self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(complete)

    def focusInEvent(self, event: QFocusEvent) -> None:
        focus_in_choosing_nothing(self, lambda: super(RecordTable, self).focusInEvent(event))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.record_selected.emit(current.data(RECORD_ID_ROLE))

    def select_record(self, record_id: str) -> bool:
        """Make the record's row current and visible; False when it is not shown."""
        source = self.proxy.sourceModel()
        if isinstance(source, LazyRecordModel) and source.row_of(record_id) is None:
            return False  # filtered out; row_of fetched the pages up to it otherwise
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(RECORD_ID_ROLE) == record_id:
                self.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.scrollTo(index)
                return True
        return False

    def keep_highlight_only_for(self, record_id: str | None) -> None:
        """Clear the highlighted row unless it is this record (one highlight, one record)."""
        selection = self.selectionModel()
        if not selection.hasSelection() and not self.currentIndex().isValid():
            return  # nothing highlighted (and no repaint: viewport() costs start-up 25 ms)
        if record_id is not None and self.current_record_id() == record_id:
            return
        clear_quietly(self)

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self.proxy.index(row, 0).data(RECORD_ID_ROLE) for row in rows]

    def current_record_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(RECORD_ID_ROLE) if index.isValid() else None

    def selected_rows_text(self) -> str:
        """The selected rows (or the current one) as tab-separated text with a header line."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        if not rows:
            return ""
        columns = range(self.proxy.columnCount())
        header = [str(self.proxy.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        lines = ["\t".join(header)]
        for row in rows:
            cells = (str(self.proxy.index(row, c).data() or "") for c in columns)
            lines.append("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells))
        return "\n".join(lines) + "\n"

    def copy_selected_rows(self) -> None:
        text = self.selected_rows_text()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        count = text.count("\n") - 1
        self.copied.emit(f"Copied {count} row{'s' if count != 1 else ''} as tab-separated text")
