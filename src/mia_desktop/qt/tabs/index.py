"""The subject index, as in a reference book: A–Z headings, their records, "see also".

The headings and their words are ours (resources/index.toml), never the brief's: the tab
says so, and the records it lists are shown and cited from the brief as everywhere else.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db.store import Database
from mia_desktop.present.values import date_text
from mia_desktop.qt.tabs.base import note_label
from mia_desktop.records import KIND_LABELS, IndexHeading

RECORD_ROLE = Qt.ItemDataRole.UserRole  # a record's id, on the rows that list a record
HEADING_ROLE = Qt.ItemDataRole.UserRole + 1  # a heading's term, on heading and see-also rows


class IndexTab(QWidget):
    """Choosing a record shows it in the panel; Enter or a double click opens it in its tab."""

    record_selected = Signal(str)
    record_activated = Signal(str)

    def __init__(self, *, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexTab")
        self._headings = database.index_headings()
        ids = sorted({r for h in self._headings for r in h.records})
        self._records = {r.id: r for r in database.records_by_id(ids)}
        self.filter = QLineEdit(self)
        self.filter.setObjectName("indexFilter")
        self.filter.setPlaceholderText("Filter headings (a word of the heading or its terms)")
        self.filter.setAccessibleName("Filter the index's headings")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.filter_headings)
        self.filter.returnPressed.connect(self._into_tree)
        self.filter.installEventFilter(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("indexTree")
        self.tree.setAccessibleName("Subject index")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Heading, and the records it lists", "Kind, date"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(self._on_activated)
        self._fill()
        note = note_label(
            f"Subject index: {len(self._headings)} headings. The headings and the words under"
            " them are this app's, not the brief's: they say what records are about, and are"
            " searched with them. A “see also” row leads to a related heading.",
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)

    # -- building ---------------------------------------------------------------------------

    def _fill(self) -> None:
        letters: dict[str, QTreeWidgetItem] = {}
        for heading in self._headings:
            letter = heading.term[:1].upper()
            if letter not in letters:
                letters[letter] = QTreeWidgetItem(self.tree, [letter])
                letters[letter].setFlags(Qt.ItemFlag.ItemIsEnabled)
                letters[letter].setExpanded(True)
            self._heading_item(letters[letter], heading)

    def _heading_item(self, parent: QTreeWidgetItem, heading: IndexHeading) -> None:
        count = len(heading.records)
        item = QTreeWidgetItem(parent, [heading.term, f"{count} record{'s' * (count != 1)}"])
        item.setData(0, HEADING_ROLE, heading.term)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        if heading.words:
            item.setToolTip(0, f"<p>Also: {escape(', '.join(heading.words))}</p>")
        for record_id in heading.records:
            record = self._records.get(record_id)
            if record is None:
                continue
            child = QTreeWidgetItem(
                item, [record.title, f"{KIND_LABELS[record.kind]}, {date_text(record)}"]
            )
            child.setData(0, RECORD_ROLE, record.id)
            child.setToolTip(0, f"<p>{escape(record.title)}</p>")
        for other in heading.see_also:
            see = QTreeWidgetItem(item, [f"See also: {other}", ""])
            see.setData(0, HEADING_ROLE, other)
            font = see.font(0)
            font.setItalic(True)
            see.setFont(0, font)

    # -- what users do ----------------------------------------------------------------------

    def _heading_rows(self) -> list[QTreeWidgetItem]:
        """Every heading's row, under its letter."""
        rows = []
        for n in range(self.tree.topLevelItemCount()):
            letter = self.tree.topLevelItem(n)
            if letter is not None:
                rows += [c for m in range(letter.childCount()) if (c := letter.child(m))]
        return rows

    @staticmethod
    def _shown(item: QTreeWidgetItem) -> bool:
        parent = item.parent()
        return not item.isHidden() and (parent is None or not parent.isHidden())

    def headings(self) -> list[str]:
        """The headings shown (the filter applied), in order."""
        return [item.text(0) for item in self._heading_rows() if self._shown(item)]

    def records_under(self, term: str) -> list[str]:
        """The ids of the records a heading lists, in order."""
        item = self._heading(term)
        if item is None:
            return []
        children = (item.child(n) for n in range(item.childCount()))
        return [c.data(0, RECORD_ROLE) for c in children if c and c.data(0, RECORD_ROLE)]

    def show_heading(self, term: str) -> bool:
        """Go to a heading: clear a filter that hides it, open it, select it, scroll to it."""
        item = self._heading(term)
        if item is None:
            return False
        if not self._shown(item):
            self.filter.clear()
        item.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def filter_headings(self, text: str) -> None:
        """Show the headings whose term or words hold every word typed (case aside)."""
        words = text.casefold().split()
        by_term = {h.term: h for h in self._headings}
        for item in self._heading_rows():
            heading = by_term[item.data(0, HEADING_ROLE)]
            haystack = " ".join((heading.term, *heading.words)).casefold()
            item.setHidden(not all(word in haystack for word in words))
        for n in range(self.tree.topLevelItemCount()):
            letter = self.tree.topLevelItem(n)
            if letter is not None:
                children = [letter.child(m) for m in range(letter.childCount())]
                letter.setHidden(all(c is None or c.isHidden() for c in children))

    def select_record(self, record_id: str) -> bool:
        """Select the first row that lists the record (its heading opened)."""
        for item in self._items():
            heading = item.parent()
            if item.data(0, RECORD_ROLE) == record_id and heading and self._shown(heading):
                heading.setExpanded(True)
                self.tree.setCurrentItem(item)
                # The heading in view above its record: a record alone says not where it is.
                self.tree.scrollToItem(heading, QAbstractItemView.ScrollHint.PositionAtTop)
                self.tree.scrollToItem(item)
                return True
        return False

    def keep_highlight_only_for(self, record_id: str | None) -> None:
        """A selected record row that is not the panel's record is deselected."""
        current = self.tree.currentItem()
        if current is not None and current.data(0, RECORD_ROLE) not in (None, record_id):
            self.tree.blockSignals(True)
            self.tree.setCurrentIndex(QModelIndex())
            self.tree.clearSelection()
            self.tree.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the filter moves into the headings, as in the search field.
        if (
            watched is self.filter
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._into_tree()
            return True
        return super().eventFilter(watched, event)

    def _into_tree(self) -> None:
        """Focus the headings, on the first one shown."""
        shown = [row for row in self._heading_rows() if self._shown(row)]
        if shown:
            self.tree.setCurrentItem(shown[0])
        self.tree.setFocus()

    def _on_current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None and item.data(0, RECORD_ROLE):
            self.record_selected.emit(item.data(0, RECORD_ROLE))

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, RECORD_ROLE):
            self.record_activated.emit(item.data(0, RECORD_ROLE))
        elif item.text(0).startswith("See also: "):
            self.show_heading(item.data(0, HEADING_ROLE))
        elif item.data(0, HEADING_ROLE):
            item.setExpanded(not item.isExpanded())

    def _heading(self, term: str) -> QTreeWidgetItem | None:
        return next((row for row in self._heading_rows() if row.text(0) == term), None)

    def _items(self) -> list[QTreeWidgetItem]:
        found = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value():
            found.append(iterator.value())
            iterator += 1
        return found
