"""Search as you type: the field at the top of the window and the ranked results list."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db import Database
from mia_desktop.qt.models import RECORD_ID_ROLE, SNIPPET_HTML_ROLE, SearchResultsModel
from mia_desktop.search import to_fts_query

DEBOUNCE_MS = 150
RESULT_LIMIT = 50


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's SNIPPET_HTML_ROLE as rich text (kind, title, date, highlighted words)."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(SNIPPET_HTML_ROLE) or "")
        document.setTextWidth(max(option.rect.width(), 200))
        return document

    def paint(self, painter, option, index) -> None:  # type: ignore[no-untyped-def]
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget
            )
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # type: ignore[no-untyped-def]
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 4)


class SearchField(QLineEdit):
    """Escape clears; Down moves into the results."""

    move_to_results = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down:
            self.move_to_results.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QObject):
    """Owns the field and the results view; emits `record_activated` with a record id."""

    record_activated = Signal(str)
    results_changed = Signal(int)

    def __init__(self, *, database: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = database
        self.field = SearchField(parent)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(
            "Search everything (Ctrl+F): e.g. K208, Operation Glory, 3,313"
        )
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search")
        self.field.setAccessibleDescription(
            "Search all records as you type; Enter opens the first result"
        )
        self.model = SearchResultsModel(parent=self)
        self.results = QListView(parent)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)
        self.status = QLabel(parent)
        self.status.setObjectName("searchStatus")
        self.container = QWidget(parent)
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.container.setVisible(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._activate_current_or_first)
        self.field.move_to_results.connect(self._focus_results)
        self.results.activated.connect(self._on_activated)
        self.results.doubleClicked.connect(self._on_activated)
        self.results.installEventFilter(self)

    def run_search(self) -> None:
        """Search now (the debounce timer calls this; tests may too)."""
        self._timer.stop()
        text = self.field.text()
        query = to_fts_query(text)
        hits = self._db.search(query, limit=RESULT_LIMIT) if query else []
        self.model.set_hits(hits)
        self.container.setVisible(bool(text.strip()))
        if not text.strip():
            self.status.clear()
        elif hits:
            more = "+" if len(hits) == RESULT_LIMIT else ""
            self.status.setText(
                f"{len(hits)}{more} results for “{text.strip()}”. Enter opens the first."
            )
        else:
            self.status.setText(f"No results for “{text.strip()}”.")
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self.results_changed.emit(len(hits))

    def _activate_current_or_first(self) -> None:
        if self._timer.isActive() or self.model.rowCount() == 0:  # typed faster than the debounce
            self.run_search()
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0)
        if index.isValid():
            self._on_activated(index)

    def _focus_results(self) -> None:
        if self.model.rowCount():
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0))

    def _on_activated(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            self.record_activated.emit(record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape in the results list goes back to the field, as in a browser's address bar.
        if (
            watched is self.results
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.field.setFocus()
            return True
        return super().eventFilter(watched, event)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()
