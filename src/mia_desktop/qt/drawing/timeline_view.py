"""The drawn timeline: events on a 1950-2015 axis, one lane per category, zoom and pan.

The event list below it is its accessible twin: selection is shared both ways.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from mia_desktop.dates import span_years
from mia_desktop.qt.drawing.parts import open_end_gradient
from mia_desktop.qt.theme import grid_colour, series_colour
from mia_desktop.records import Event

FIRST_YEAR, LAST_YEAR = 1950, 2016
OPEN_END_YEARS = 4.0  # how far an open-ended span fades out
MIN_PPY, MAX_PPY = 4.0, 400.0  # pixels per year, zoomed out and in
ID_KEY = 0  # QGraphicsItem data key holding the event id


class TimelineView(QGraphicsView):
    """Emits `record_clicked(id)`; `highlight(id)` selects an event in the drawing."""

    record_clicked = Signal(str)
    zoom_changed = Signal()

    def __init__(
        self, *, events: Sequence[Event], categories: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelineDrawing")
        self.setAccessibleName("Drawn timeline of events")
        self.setAccessibleDescription(
            "The brief's events, 1951 to 2015, one lane per category. The event list below"
            " holds the same events. Plus and minus zoom, 0 fits all, arrows pan."
        )
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        # The axis and the lane names are pinned to the view, not the scene: a scroll must
        # repaint the whole viewport. Qt's default scrolls the old pixels and repaints only
        # the strip uncovered, which in a real window left stale labels, years and bars.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._events = list(events)
        self.categories = list(categories)
        self._items: dict[str, QGraphicsPathItem] = {}
        self._ppy = 12.0
        self._fitted = False
        self._follows_size = True  # fitted to the view's width until the user zooms
        self._wanted: str | None = None  # the selected event, kept across re-layouts
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._layout()

    # -- geometry -------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        # Not the whole scene: the splitter then shares the height with the event list.
        return QSize(640, self._axis_height() + self._lane_height() * 6)

    @property
    def pixels_per_year(self) -> float:
        return self._ppy

    def _gutter(self) -> int:
        return max(self.fontMetrics().horizontalAdvance(c) for c in self.categories) + 12

    def _lane_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _axis_height(self) -> int:
        return self.fontMetrics().height() * 2 + 6

    def x_of(self, year: float) -> float:
        return (year - FIRST_YEAR) * self._ppy

    def _layout(self) -> None:
        """(Re)build the items at the current zoom: shapes stay crisp at any scale."""
        self._scene.clear()
        self._items.clear()
        lane = self._lane_height()
        top = self._axis_height()
        palette = self.palette()
        for event in self._events:
            if event.date is None:
                continue
            row = self.categories.index(event.category)
            colour = series_colour(row, palette)
            item = _event_item(event, self, colour, top + row * lane, lane)
            item.setData(ID_KEY, event.id)
            item.setToolTip(
                f"<b>{escape(event.title)}</b><br>{escape(event.date.label)}"
                f"{' (derived date)' if event.date.derived else ''}"
                f"<br><i>{escape(event.category)}</i>"
            )
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            item.setCursor(Qt.CursorShape.PointingHandCursor)
            self._scene.addItem(item)
            self._items[event.id] = item
        height = top + lane * len(self.categories) + 4
        gutter = self._gutter()  # room for the pinned lane names left of 1950
        self._scene.setSceneRect(
            QRectF(
                self.x_of(FIRST_YEAR - 1) - gutter,
                0,
                self.x_of(LAST_YEAR + 1) - self.x_of(FIRST_YEAR - 1) + gutter,
                height,
            )
        )
        # Small enough that the event list keeps several rows in a short window (the
        # drawing scrolls); tall enough for the axis and a few lanes.
        self.setMinimumHeight(min(height + 24, top + lane * 5))
        if self._wanted:
            self.highlight(self._wanted)

    # -- zoom and pan ---------------------------------------------------------------------

    def visible_years(self) -> tuple[float, float]:
        """The span of years the viewport shows now."""
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        return FIRST_YEAR + rect.left() / self._ppy, FIRST_YEAR + rect.right() / self._ppy

    def zoom(self, factor: float, *, around_year: float | None = None) -> None:
        start, end = self.visible_years()
        centre = around_year if around_year is not None else (start + end) / 2
        self._ppy = max(MIN_PPY, min(MAX_PPY, self._ppy * factor))
        self._follows_size = False
        self._layout()
        self.centerOn(self.x_of(centre), self.sceneRect().height() / 2)
        self.zoom_changed.emit()

    def fit_all(self) -> None:
        # maximumViewportSize, not viewport(): the first QWidget that PySide hands back
        # untyped makes it load every widget class it knows (some 25 ms at start-up).
        available = self.maximumViewportSize()
        if self.sceneRect().height() > available.height():  # lanes scroll: leave room
            available.setWidth(available.width() - self.verticalScrollBar().sizeHint().width())
        width = max(available.width() - self._gutter() - 8, 100)
        self._ppy = max(MIN_PPY, min(MAX_PPY, width / (LAST_YEAR + 1 - (FIRST_YEAR - 1))))
        self._follows_size = True
        self._layout()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.zoom_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The first show fits the drawing before the window's layout has settled; until
        # the user zooms, it keeps fitting the width it ends up with.
        if self._fitted and self._follows_size:
            self.fit_all()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # open on the whole period
            self._fitted = True
            self.fit_all()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            year = FIRST_YEAR + self.mapToScene(event.position().toPoint()).x() / self._ppy
            self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8, around_year=year)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        else:
            super().keyPressEvent(event)

    # -- selection ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if item is not None and item.data(ID_KEY):
            self.highlight(str(item.data(ID_KEY)))
            self.record_clicked.emit(str(item.data(ID_KEY)))
            event.accept()
            return
        super().mousePressEvent(event)

    def highlight(self, event_id: str | None) -> bool:
        """Select the event in the drawing and bring it into view (None clears); True if
        it is drawn."""
        self._wanted = event_id
        self._scene.clearSelection()
        item = self._items.get(event_id) if event_id else None
        if item is not None:
            item.setSelected(True)
            self.ensureVisible(item, 40, 10)
        return item is not None

    def set_events(self, events: Sequence[Event]) -> None:
        """Draw these events instead (the list's filters changed)."""
        self._events = list(events)
        if self._fitted:  # before the first show, showEvent lays it out once, fitted
            self._layout()

    def visible_event_ids(self) -> set[str]:
        return {event_id for event_id, item in self._items.items() if item.isVisible()}

    def selected_event_id(self) -> str | None:
        selected = [i for i in self._items.values() if i.isSelected()] if self._items else []
        return str(selected[0].data(ID_KEY)) if selected else None

    def item_centre(self, event_id: str) -> QPointF | None:
        """Where the event is drawn, in viewport coordinates (for tests and tooltips)."""
        item = self._items.get(event_id)
        if item is None:
            return None
        return QPointF(self.mapFromScene(item.sceneBoundingRect().center()))

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport().update()  # the pinned axis and names move with the view

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._layout()  # colours and lane heights follow the theme and the font
        super().changeEvent(event)

    # -- the axis -------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        palette = self.palette()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        lane, top = self._lane_height(), self._axis_height()
        stripe = palette.color(QPalette.ColorRole.AlternateBase)
        for row in range(0, len(self.categories), 2):
            painter.fillRect(QRectF(rect.left(), top + row * lane, rect.width(), lane), stripe)
        step = _tick_step(self._ppy, self.fontMetrics().horizontalAdvance("0000") + 12)
        text = palette.color(QPalette.ColorRole.Text)
        grid = grid_colour(palette)
        first = max(FIRST_YEAR, math.floor((FIRST_YEAR + rect.left() / self._ppy) / step) * step)
        last = min(LAST_YEAR, FIRST_YEAR + rect.right() / self._ppy)
        year = first
        while year <= last:
            x = self.x_of(year)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, top - 4), QPointF(x, rect.bottom()))
            painter.setPen(text)
            painter.drawText(
                QRectF(x - 40, 2, 80, top - 6),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                str(year),
            )
            year += step

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        # Lane names stay pinned to the left edge while the drawing pans.
        left = self.mapToScene(0, 0).x()
        lane, top = self._lane_height(), self._axis_height()
        palette = self.palette()
        gutter = self._gutter()
        # Opaque, from the axis down: nothing is drawn under the names, no year beside them.
        backdrop = palette.color(QPalette.ColorRole.Base)
        # Over the axis row too once panned, so no year stands beside the names; at the
        # start the row is left to 1950's label.
        y0 = 0 if left > self.sceneRect().left() + 1 else top
        painter.fillRect(QRectF(left, y0, gutter, top + lane * len(self.categories) - y0), backdrop)
        for row, category in enumerate(self.categories):
            label_rect = QRectF(left + 4, top + row * lane, gutter - 4, lane)
            painter.setPen(series_colour(row, palette))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, category)


def _tick_step(pixels_per_year: float, label_width: float) -> int:
    """Years between labelled ticks: 1, 2, 5, 10 or 20, whatever leaves room for labels."""
    for step in (1, 2, 5, 10, 20):
        if step * pixels_per_year >= label_width:
            return step
    return 20


def _event_item(
    event: Event, view: TimelineView, colour: QColor, y: float, lane: float
) -> QGraphicsPathItem:
    assert event.date is not None
    start, end = span_years(event.date.value)
    approximate = event.date.precision == "approximate"
    known_start = start if start is not None else (end or FIRST_YEAR) - OPEN_END_YEARS
    known_end = end if end is not None else (start or LAST_YEAR) + OPEN_END_YEARS
    x0, x1 = view.x_of(known_start), view.x_of(known_end)
    mid_y = y + lane / 2
    radius = lane * 0.28
    path = QPainterPath()
    is_point = event.date.precision in {"day", "month", "year"} or (x1 - x0) < radius * 2
    if is_point:
        centre = QPointF((x0 + x1) / 2, mid_y)
        path.addEllipse(centre, radius, radius)
        item = _EventItem(path)
        item.setBrush(QBrush(colour))
    else:
        path.addRoundedRect(QRectF(x0, mid_y - radius, x1 - x0, radius * 2), radius, radius)
        item = _EventItem(path)
        # An open or approximate end fades out: the brief does not pin it down.
        gradient = open_end_gradient(
            x0,
            x1,
            colour,
            open_start=start is None or approximate,
            open_end=end is None or approximate,
            fade=min(0.35, (radius * 4) / max(x1 - x0, 1)),
        )
        item.setBrush(QBrush(gradient))
    item.setPen(QPen(colour.darker(130), 1))
    return item


class _EventItem(QGraphicsPathItem):
    """Draws a bold highlight outline when selected (the default dashed box reads poorly)."""

    def paint(self, painter: QPainter, option, widget=None) -> None:  # type: ignore[no-untyped-def]
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(self.path())
        if self.isSelected():
            palette = widget.palette() if widget is not None else QPalette()
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.path())
