"""Paints a search result as rich text: kind, title, date and the highlighted words."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from mia_desktop.qt.models import SNIPPET_HTML_ROLE


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's SNIPPET_HTML_ROLE as rich text (kind, title, date, highlighted words)."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(SNIPPET_HTML_ROLE) or "")
        document.setTextWidth(max(self._width(option), 200))
        return document

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        """The width a result is laid out at: the list's, whichever option Qt passes.

        Qt asks for size hints with options whose rect is empty or stale; a height taken
        at another width than the one painted made a result's highlight cover the next one.
        """
        view = option.widget
        if isinstance(view, QAbstractItemView):
            return view.viewport().width()
        return option.rect.width()

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
