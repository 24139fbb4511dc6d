"""Qt models over records: one table model with column specs, and the search results model."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from mia_desktop.records import KIND_LABELS, Record, SearchHit
from mia_desktop.search.snippets import snippet_html

if TYPE_CHECKING:
    from mia_desktop.db.store import Database, RowKey
    from mia_desktop.search.grouping import ResultGroup

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_HTML_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_Method = TypeVar("_Method", bound=Callable[..., Any])


def reported_not_raised(fallback: Any = None) -> Callable[[_Method], _Method]:
    """For a method Qt calls from C++ (data(), rowCount()...): an exception must not escape.

    One that escapes into Qt kills the process without a word (shiboken crashes reporting
    it on Python 3.11). It goes to sys.excepthook instead, from the event loop, once per
    model (the app's reporter logs it, or refuses a database it finds unreadable), and Qt
    gets the fallback: an empty cell, no rows.
    """

    def decorate(method: _Method) -> _Method:
        @functools.wraps(method)
        def guarded(self: QObject, *args: Any) -> Any:
            try:
                return method(self, *args)
            except Exception:
                info = sys.exc_info()
                if not self.property("mia_reported"):
                    self.setProperty("mia_reported", True)
                    QTimer.singleShot(0, lambda: sys.excepthook(*info))
                return fallback

        return guarded  # type: ignore[return-value]

    return decorate


class Column(NamedTuple):
    """One table column: its header and how a record reads (and sorts) in it."""

    header: str
    text: Callable[[Record], str]
    sort_key: Callable[[Record], Any] | None = None
    tooltip: Callable[[Record], str] | None = None


class ColumnTableModel(QAbstractTableModel):
    """What every record table shares: its columns, their headers, how a cell reads."""

    def __init__(self, *, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    @reported_not_raised()
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

    def _cell(self, record: Record, column: int, role: int) -> Any:
        spec = self._columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(spec.tooltip(record) if spec.tooltip else spec.text(record))
        if role == RECORD_ID_ROLE:
            return record.id
        if role == SORT_ROLE:
            return spec.sort_key(record) if spec.sort_key else spec.text(record)
        return None


class RecordTableModel(ColumnTableModel):
    """A small, fully loaded table of records; the record id is under RECORD_ID_ROLE."""

    def __init__(
        self,
        *,
        columns: Sequence[Column],
        records: Sequence[Record] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns=columns, parent=parent)
        self._records = list(records)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    @reported_not_raised()
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        return self._cell(self._records[index.row()], index.column(), role)


class SearchResultsModel(QAbstractListModel):
    """Search results, best first: each result's leading hit, then, indented, the other
    records quoting the same sentence. Display text is plain; the HTML has its own role.

    Scrolling to the end asks for more (`more`, set by the search panel), as a list of any
    length pages in Qt: the rows shown stay where they are and the next ones follow."""

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[SearchHit, bool]] = []  # (hit, whether it follows a lead)
        self.more: Callable[[], list[ResultGroup]] | None = None
        self.has_more: Callable[[], bool] = lambda: False

    def set_groups(self, groups: Sequence[ResultGroup]) -> None:
        self.beginResetModel()
        self._rows = _rows_of(groups)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @reported_not_raised(False)
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more is not None and self.has_more()

    @reported_not_raised()
    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.more is None:
            return
        shown = {hit.record.id for hit, _ in self._rows}
        new: list[tuple[SearchHit, bool]] = []
        for group in self.more():
            unseen = [hit for hit in group.hits if hit.record.id not in shown]
            # A record of a result listed above starts a row of its own: put under the
            # last row, it would say it quotes that row's sentence.
            new += [(hit, n > 0) for n, hit in enumerate(unseen)]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows += new
            self.endInsertRows()

    @reported_not_raised()
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit, follows = self._rows[index.row()]
        record = hit.record
        when = record.date.label if record.date else "undated"
        kind = KIND_LABELS[record.kind]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{'    ↳ ' if follows else ''}{kind} · {record.title} · {when}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(record.text)
        if role == RECORD_ID_ROLE:
            return record.id
        if role == SNIPPET_HTML_ROLE:
            if follows:  # its sentence is the lead's: only what the record is
                return (
                    f"&nbsp;&nbsp;&nbsp;&nbsp;↳ <small>Quotes it too: {escape(kind)} ·"
                    f" {escape(when, quote=False)}</small> {escape(record.title, quote=False)}"
                )
            return (
                f"<small>{kind} · {escape(when, quote=False)}</small><br>"
                f"<b>{escape(record.title, quote=False)}</b><br>{snippet_html(hit.snippet)}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            also = "Also quoting the same sentence: " if follows else ""
            return f"{also}{kind}: {record.title}, {when}"
        return None


def _rows_of(groups: Sequence[ResultGroup]) -> list[tuple[SearchHit, bool]]:
    return [(hit, n > 0) for group in groups for n, hit in enumerate(group.hits)]


class LazyRecordModel(ColumnTableModel):
    """A table over any number of records, read from SQL a page at a time.

    Nothing is loaded for the rows out of view: the total is counted in SQL, `fetchMore`
    reads the next page of ids (keyset paging, as cheap deep in the list as at its top),
    and each record is read the first time a row shows it.
    """

    PAGE = 100

    def __init__(
        self,
        *,
        database: Database,
        columns: Sequence[Column],
        kind: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns=columns, parent=parent)
        self._db = database
        self._kind = kind
        self._category: str | None = None
        self._country: str | None = None
        self._keys: list[RowKey] = []  # the rows fetched so far (RowKey), in order
        self._total = 0  # zero until set_filters() runs the first query
        self._cache: dict[str, Record] = {}

    # -- content --------------------------------------------------------------------------

    def set_filters(self, *, category: str | None = None, country: str | None = None) -> None:
        """Show only the records the filters accept (the query runs in SQL)."""
        self.beginResetModel()
        self._category, self._country = category, country
        self._total = self._db.count_ids(self._kind, category=category, country=country)
        self._keys = self._db.record_keys(
            self._kind, category=category, country=country, limit=self.PAGE
        )
        self.endResetModel()

    def total(self) -> int:
        """All the records the filters accept, fetched into view or not."""
        return self._total

    def first_records(self, count: int) -> list[Record]:
        """The records of the first `count` rows (read once, shared with the rows shown)."""
        wanted = min(count, self._total)
        if len(self._keys) < wanted:
            self._append(wanted - len(self._keys))
        return [self.record_at(row) for row in range(min(count, len(self._keys)))]

    def record_at(self, row: int) -> Record:
        record_id = self._keys[row].id
        if record_id not in self._cache:
            if len(self._cache) > 20 * self.PAGE:  # keep memory flat while scrolling far
                self._cache.clear()
            start = row - row % self.PAGE
            page = [key.id for key in self._keys[start : start + self.PAGE]]
            self._cache.update({r.id: r for r in self._db.records_by_id(page)})
        return self._cache[record_id]

    def row_of(self, record_id: str) -> int | None:
        """The record's row, fetching rows until it is in view; None if filtered out."""
        row = self._db.position_of(
            record_id, self._kind, category=self._category, country=self._country
        )
        if row is None:
            return None
        if row >= len(self._keys):  # fetch through to it in one query, whole pages
            wanted = (row // self.PAGE + 1) * self.PAGE - len(self._keys)
            self._append(wanted)
        return row

    # -- paging ---------------------------------------------------------------------------

    @reported_not_raised(fallback=False)
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._keys) < self._total

    @reported_not_raised()
    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._append(self.PAGE)

    def _append(self, count: int) -> None:
        after = self._keys[-1] if self._keys else None
        keys = self._db.record_keys(
            self._kind, category=self._category, country=self._country, after=after, limit=count
        )
        if not keys:
            return
        self.beginInsertRows(QModelIndex(), len(self._keys), len(self._keys) + len(keys) - 1)
        self._keys.extend(keys)
        self.endInsertRows()

    # -- the model contract ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    @reported_not_raised()
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        if role == RECORD_ID_ROLE:  # known without reading the record
            return self._keys[index.row()].id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return None
        return self._cell(self.record_at(index.row()), index.column(), role)


def tooltip(text: str) -> str:
    # Its module (the HTML escapes and parser) loads with the first tooltip shown, not at
    # start-up.
    from mia_desktop.present.safe_html import tooltip as shown_as_written

    return shown_as_written(text)
