"""The drawn timeline: events on a 1950-2015 axis, one lane per category, zoom and pan.

The scene is measured in years across and pixels down; zoom is the view's horizontal scale,
so the items are made once per set of events and a zoom only refits their rounded ends.

The event list below it is its accessible twin: selection is shared both ways.
"""

from __future__ import annotations

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
    QTransform,
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
from mia_desktop.qt.drawing.parts import (
    FIRST_YEAR,
    LAST_YEAR,
    YearAxis,
    highlight_pen,
    open_end_gradient,
    paint_year_ticks,
    tick_step,
)
from mia_desktop.qt.theme import grid_colour, series_colour
from mia_desktop.records import Event

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
        # A viewport made here, in Python: each item's paint() is handed it, and the first
        # widget PySide must find a Python type for makes it set up every widget class it
        # knows (44 enums, 8 ms before the first frame).
        self.setViewport(QWidget())
        self.setObjectName("timelineDrawing")
        self.setAccessibleName("Drawn timeline of events")
        self.setAccessibleDescription(
            "The events, one lane per category: the brief's, 1951 to 2015, and (drawn hollow,"
            " dashed) the later sources', to 2024. The event list below"
            " holds the same events. Plus and minus zoom, 0 fits all, arrows pan."
        )
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        # The axis and the lane names are pinned to the view, not the scene: a scroll must
        # repaint the whole viewport. Qt's default scrolls the old pixels and repaints only
        # the strip uncovered, which in a real window left stale labels, years and bars;
        # in this mode QGraphicsView.scrollContentsBy repaints all of it.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # In a tall window the lanes start under the years at the top, not mid-air.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._set_events(events)
        self.categories = list(categories)
        self._items: dict[str, _EventItem] = {}
        self._ppy = 12.0
        self._fitted = False
        self._follows_size = True  # fitted to the view's width until the user zooms
        self._wanted: str | None = None  # the selected event, kept across re-layouts
        self._chose_on_press = False  # the press chose an event: its release is its own
        self._scene = QGraphicsScene(self)
        # No BSP index: a zoom reshapes every item, and the index's deferred update could
        # leave a click at a dot's new place finding nothing. A linear search over the
        # drawn events (at most DRAWN_EVENTS) costs microseconds.
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
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

    def _last_year(self) -> int:
        return self._axis_end

    def _set_events(self, events: Sequence[Event]) -> None:
        """Keep the events, and the year the axis runs to: the brief's last, or a later
        source's event's (worked out here, once, not at every paint)."""
        self._events = list(events)
        ends = [span_years(e.date.value) for e in self._events if e.date is not None]
        latest = max((int(end or start or LAST_YEAR) for start, end in ends), default=LAST_YEAR)
        self._axis_end = max(LAST_YEAR, latest + 1)

    def _scene_axis(self) -> YearAxis:
        """The scene's x: years since 1950, one unit a year."""
        return YearAxis()

    def _layout(self) -> None:
        """Make the items for these events, lanes and colours (not for a zoom: see _zoom_to)."""
        self._scene.clear()
        self._items.clear()
        lane = self._lane_height()
        top = self._axis_height()
        palette = self.palette()
        for event in self._events:
            if event.date is None:
                continue
            row = self.categories.index(event.category)
            item = _EventItem(event, series_colour(row, palette), top + row * lane, lane)
            item.setData(ID_KEY, event.id)
            item.setToolTip(
                f"<b>{escape(event.title)}</b><br>{escape(event.date.label)}"
                f"{' (derived date)' if event.date.derived else ''}"
                f"<br><i>{escape(event.category)}</i>"
                f"{'<br>later source, not the brief' if event.is_later else ''}"
            )
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            item.setCursor(Qt.CursorShape.PointingHandCursor)
            self._scene.addItem(item)
            self._items[event.id] = item
        height = top + lane * len(self.categories) + 4
        # Small enough that the event list keeps several rows in a short window (the
        # drawing scrolls); tall enough for the axis and a few lanes.
        self.setMinimumHeight(min(height + 24, top + lane * 5))
        self._zoom_to(self._ppy)
        if self._wanted:
            self.highlight(self._wanted)

    def _zoom_to(self, pixels_per_year: float) -> None:
        """Scale the view to this many pixels a year; the items stay, their ends refitted."""
        self._ppy = max(MIN_PPY, min(MAX_PPY, pixels_per_year))
        self.setTransform(QTransform.fromScale(self._ppy, 1))
        for item in self._items.values():
            item.fit(self._ppy)
        axis = self._scene_axis()
        gutter = self._gutter() / self._ppy  # room for the pinned lane names left of 1950
        height = self._axis_height() + self._lane_height() * len(self.categories) + 4
        left = axis.x_of(FIRST_YEAR - 1) - gutter
        self._scene.setSceneRect(QRectF(left, 0, axis.x_of(self._last_year() + 1) - left, height))

    # -- zoom and pan ---------------------------------------------------------------------

    def visible_years(self) -> tuple[float, float]:
        """The span of years the viewport shows now."""
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        axis = self._scene_axis()
        return axis.year_of(rect.left()), axis.year_of(rect.right())

    def zoom(self, factor: float, *, around_year: float | None = None) -> None:
        start, end = self.visible_years()
        centre = around_year if around_year is not None else (start + end) / 2
        self._follows_size = False
        self._zoom_to(self._ppy * factor)
        self.centerOn(self._scene_axis().x_of(centre), self.sceneRect().height() / 2)
        self.zoom_changed.emit()

    def fit_all(self) -> None:
        # maximumViewportSize, not viewport(): the first QWidget that PySide hands back
        # untyped makes it load every widget class it knows (some 25 ms at start-up).
        available = self.maximumViewportSize()
        if self.sceneRect().height() > available.height():  # lanes scroll: leave room
            available.setWidth(available.width() - self.verticalScrollBar().sizeHint().width())
        width = max(available.width() - self._gutter() - 8, 100)
        self._follows_size = True
        self._zoom_to(width / (self._last_year() + 1 - (FIRST_YEAR - 1)))
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
        if not self._fitted:  # open on the whole period, with the events set before the show
            self._fitted = True
            self._layout()
            self.fit_all()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            year = self._scene_axis().year_of(self.mapToScene(event.position().toPoint()).x())
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
            self._chose_on_press = True
            self.highlight(str(item.data(ID_KEY)))
            self.record_clicked.emit(str(item.data(ID_KEY)))
            event.accept()
            return
        self._chose_on_press = False
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # The release of a click that chose an event is the click's: passed on, the hand
        # drag mode took it for a click on nothing and could clear the selection again.
        if self._chose_on_press:
            self._chose_on_press = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # The second press of a double click comes as this event, not as a press:
        # QGraphicsView hands it to the scene, so a quick second click chose nothing.
        self.mousePressEvent(event)

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
        self._set_events(events)
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
        return self.viewportTransform().map(item.sceneBoundingRect().center())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._layout()  # colours and lane heights follow the theme and the font
        super().changeEvent(event)

    # -- the axis and the lane names, drawn in the viewport's pixels (text is not scaled) --

    def _tick_years(self, shown: QRectF, to_view: QTransform) -> list[tuple[int, float]]:
        """The labelled years across what is shown, with their x in the viewport."""
        left = to_view.map(QPointF(0, 0)).x()
        axis = YearAxis(left=left, per_year=self._ppy, last=self._last_year())
        step = tick_step(self._ppy, self.fontMetrics().horizontalAdvance("0000") + 12)
        return axis.ticks(step, axis.year_of(shown.left()), axis.year_of(shown.right()))

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        to_view = painter.worldTransform()
        shown = to_view.mapRect(QRectF(rect))
        painter.save()
        painter.resetTransform()
        palette = self.palette()
        painter.fillRect(shown, palette.color(QPalette.ColorRole.Base))
        lane, top = self._lane_height(), self._axis_height()
        stripe = palette.color(QPalette.ColorRole.AlternateBase)
        for row in range(0, len(self.categories), 2):
            y = to_view.dy() + top + row * lane
            painter.fillRect(QRectF(shown.left(), y, shown.width(), lane), stripe)
        paint_year_ticks(
            painter,
            self._tick_years(shown, to_view),
            grid=grid_colour(palette),
            text=None,
            line=(to_view.dy() + top - 4, shown.bottom()),
        )
        painter.restore()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        # Pinned to the view: the lane names to the left edge as the drawing pans, the
        # years to the top as the lanes scroll up under them.
        to_view = painter.worldTransform()
        shown = to_view.mapRect(QRectF(rect))
        painter.save()
        painter.resetTransform()
        lane, top = self._lane_height(), self._axis_height()
        palette = self.palette()
        gutter = self._gutter()
        # Opaque, from the axis down: nothing is drawn under the names, no year beside them.
        backdrop = palette.color(QPalette.ColorRole.Base)
        lanes_top = to_view.dy() + top
        painter.fillRect(QRectF(0, lanes_top, gutter, lane * len(self.categories)), backdrop)
        for row, category in enumerate(self.categories):
            label_rect = QRectF(4, lanes_top + row * lane, gutter - 4, lane)
            painter.setPen(series_colour(row, palette))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, category)
        axis_top = max(to_view.dy(), 0.0)
        if to_view.dy() < 0:  # scrolled down: the lanes pass under the years
            painter.fillRect(QRectF(shown.left(), 0, shown.width(), top - 4), backdrop)
        paint_year_ticks(
            painter,
            self._tick_years(shown, to_view),
            grid=grid_colour(palette),
            text=palette.color(QPalette.ColorRole.Text),
            label_band=(axis_top + 2, top - 6),
        )
        # Once panned, no year stands beside the names; at the start the row is left to
        # 1950's label.
        if self.mapToScene(0, 0).x() > self.sceneRect().left() + 1 / self._ppy:
            painter.fillRect(QRectF(0, axis_top, gutter, top), backdrop)
        painter.restore()


class _EventItem(QGraphicsPathItem):
    """One event: a dot, or a bar over its span that fades at an end the brief leaves open.

    Its x is in years (the view scales them); `fit` redraws the rounded ends and the dots
    round at a zoom. Selected, it draws a bold outline (the default dashed box reads poorly).
    """

    def __init__(self, event: Event, colour: QColor, y: float, lane: float) -> None:
        super().__init__()
        assert event.date is not None
        start, end = span_years(event.date.value)
        approximate = event.date.precision == "approximate"
        known_start = start if start is not None else (end or FIRST_YEAR) - OPEN_END_YEARS
        known_end = end if end is not None else (start or LAST_YEAR) + OPEN_END_YEARS
        axis = YearAxis()
        self._x0, self._x1 = axis.x_of(known_start), axis.x_of(known_end)
        self._mid_y = y + lane / 2
        self._radius = lane * 0.28
        self._dated_to_a_point = event.date.precision in {"day", "month", "year"}
        self._open_start = start is None or approximate
        self._open_end = end is None or approximate
        self._colour = colour
        # A later source's event: hollow, with a dashed outline, so it never reads as the brief.
        self._later = event.is_later
        pen = QPen(colour.darker(130), 1.5 if self._later else 1)
        if self._later:
            pen.setStyle(Qt.PenStyle.DashLine)
            self._colour = QColor(colour)
            self._colour.setAlpha(70)
        pen.setCosmetic(True)  # one pixel at any zoom
        self.setPen(pen)

    def fit(self, pixels_per_year: float) -> None:
        """The shape at this zoom: round dots and round ends, in pixels, whatever the scale."""
        x0, x1, radius = self._x0, self._x1, self._radius
        across = radius / pixels_per_year  # the radius, in years
        path = QPainterPath()
        if self._dated_to_a_point or (x1 - x0) * pixels_per_year < radius * 2:
            path.addEllipse(QPointF((x0 + x1) / 2, self._mid_y), across, radius)
            self.setBrush(QBrush(self._colour))
        else:
            path.addRoundedRect(
                QRectF(x0, self._mid_y - radius, x1 - x0, radius * 2), across, radius
            )
            # An open or approximate end fades out: the brief does not pin it down.
            gradient = open_end_gradient(
                x0,
                x1,
                self._colour,
                open_start=self._open_start,
                open_end=self._open_end,
                fade=min(0.35, (radius * 4) / max((x1 - x0) * pixels_per_year, 1)),
            )
            self.setBrush(QBrush(gradient))
        self.setPath(path)

    def shape(self) -> QPainterPath:
        # The fill only: the default strokes the outline with a pen one unit wide, and a
        # unit here is a year.
        return self.path()

    def paint(self, painter: QPainter, option, widget=None) -> None:  # type: ignore[no-untyped-def]
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(self.path())
        if self.isSelected():
            pen = highlight_pen(widget.palette() if widget is not None else QPalette())
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.path())
