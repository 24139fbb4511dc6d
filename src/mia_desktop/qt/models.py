"""Qt models over records: one table model with column specs, and the search results model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mia_desktop.records import KIND_LABELS, Record, SearchHit
from mia_desktop.search import snippet_html

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_HTML_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One table column: its header and how a record reads (and sorts) in it."""

    header: str
    text: Callable[[Record], str]
    sort_key: Callable[[Record], Any] | None = None
    tooltip: Callable[[Record], str] | None = None


class RecordTableModel(QAbstractTableModel):
    """A small, fully loaded table of records; the record id is under RECORD_ID_ROLE."""

    def __init__(
        self,
        *,
        columns: Sequence[Column],
        records: Sequence[Record] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records = list(records)

    def set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> Record:
        return self._records[row]

    def records(self) -> list[Record]:
        return list(self._records)

    def row_of(self, record_id: str) -> int | None:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        record, column = self._records[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip else column.text(record)
        if role == RECORD_ID_ROLE:
            return record.id
        if role == SORT_ROLE:
            return column.sort_key(record) if column.sort_key else column.text(record)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None


class SearchResultsModel(QAbstractListModel):
    """Search hits, best first. Display text is plain; the snippet HTML has its own role."""

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        record = hit.record
        when = record.date.label if record.date else "undated"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{KIND_LABELS[record.kind]} · {record.title} · {when}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.text
        if role == RECORD_ID_ROLE:
            return record.id
        if role == SNIPPET_HTML_ROLE:
            return (
                f"<small>{KIND_LABELS[record.kind]} · {when}</small><br>"
                f"<b>{escape(record.title, quote=False)}</b><br>{snippet_html(hit.snippet)}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{KIND_LABELS[record.kind]}: {record.title}, {when}"
        return None
