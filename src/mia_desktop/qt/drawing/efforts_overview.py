"""Country efforts at a glance: one row per country, its efforts as labelled bars, 1950-2015.

Colour says the status in October 2015; the efforts table below is the accessible twin.
An effort the brief gives in stretches ("1951 to 1956", "since 1982") is drawn with its gap;
a start or end the brief does not give fades instead of pretending a year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import get_args

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mia_desktop.dates import span_years
from mia_desktop.present.safe_html import tooltip
from mia_desktop.qt.drawing.parts import (
    FIRST_YEAR,
    LAST_YEAR,
    HitMap,
    YearAxis,
    highlight_pen,
    open_end_gradient,
    paint_year_ticks,
)
from mia_desktop.qt.theme import begin_drawing, grid_colour, series_colour
from mia_desktop.records import Country, Effort, EffortStatus

DECADES = 10  # years between the grid lines, shared with the axis below
STATUSES: tuple[str, ...] = get_args(EffortStatus)  # the legend's order: the schema's
_STATUS_HUE_INDEX = {"active": 2, "completed": 0, "suspended": 1, "cancelled": 4, "not stated": 6}

UNSTATED_YEARS = 4  # how long the fade-in of an effort with no stated start is drawn
LABEL_GAP = 4  # between a bar and its label
LANE_GAP = 8  # between two efforts sharing a lane
LABEL_SHARE = 0.4  # a label takes at most this share of the drawing's width
SHORTEST_LABEL = 48  # narrower than this, a label is left to the tooltip


@dataclass(frozen=True)
class _Span:
    """One stretch of an effort, as drawn: x from and to, and which ends are not stated."""

    x0: float
    x1: float
    open_start: bool
    open_end: bool


@dataclass(frozen=True)
class _Placed:
    """An effort laid out in its country's row: its stretches, its label and its lane."""

    effort: Effort
    spans: tuple[_Span, ...]
    label: str  # the title, elided to the room there is; "" when there is none
    label_x: float
    label_width: float
    lane: int

    @property
    def left(self) -> float:
        return min(self.spans[0].x0, self.label_x if self.label else self.spans[0].x0)

    @property
    def right(self) -> float:
        end = self.spans[-1].x1
        return max(end, self.label_x + self.label_width if self.label else end)


class EffortsOverview(QWidget):
    record_clicked = Signal(str)
    laid_out = Signal()  # the bars moved: the axis below redraws to match

    def __init__(
        self,
        *,
        countries: Sequence[Country],
        efforts: Sequence[Effort],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("effortsOverview")
        self.setAccessibleName("Efforts of every country over time")
        self.countries = list(countries)
        self.efforts = list(efforts)
        self.setAccessibleDescription(
            "; ".join(
                f"{c.title}: "
                + ", ".join(
                    f"{e.title} ({e.date.label if e.date else 'undated'}, {e.status})"
                    for e in self.efforts
                    if c.id in e.countries
                )
                for c in self.countries
            )
        )
        self._selected: str | None = None
        self._layout: list[tuple[Country, float, float, list[_Placed]]] = []
        self._laid_out_for = -1
        self._hits = HitMap()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._lay_out(max(self.width(), 640))

    def sizeHint(self) -> QSize:
        return QSize(640, self.height())

    # -- layout ---------------------------------------------------------------------------

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _lane_height(self) -> int:
        return QFontMetrics(self.label_font()).height() + 3

    def _label_column(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(c.title) for c in self.countries), default=0) + 16

    def year_axis(self, width: int | None = None) -> YearAxis:
        """Where the years stand at this width (the width laid out for, by default)."""
        width = self._laid_out_for if width is None else width
        left = float(self._label_column())
        return YearAxis(left=left, per_year=(width - 10 - left) / (LAST_YEAR - FIRST_YEAR))

    def _efforts_of(self, country: Country) -> list[Effort]:
        return [e for e in self.efforts if country.id in e.countries and e.date]

    def _spans(self, effort: Effort, width: int) -> tuple[_Span, ...]:
        x = self.year_axis(width).x_of
        assert effort.date is not None
        spans = []
        for value in effort.periods or (effort.date.value,):
            start, end = span_years(value)
            # A start the brief does not give is a short fade-in before the end, not a
            # bar from 1950: nothing says the effort ran since then.
            known_end = end if end is not None else LAST_YEAR
            x0 = x(start if start is not None else max(FIRST_YEAR, known_end - UNSTATED_YEARS))
            x1 = max(x(known_end), x0 + 4)
            spans.append(_Span(x0, x1, start is None, end is None))
        return tuple(spans)

    def _lay_out(self, width: int) -> None:
        """Place every bar and its label; efforts share a lane where they don't meet."""
        metrics = QFontMetrics(self.label_font())
        left = self.year_axis(width).left
        right = width - 10
        widest = max(SHORTEST_LABEL, (right - left) * LABEL_SHARE)
        lane_height = self._lane_height()
        layout, top = [], 0.0
        for country in self.countries:
            lanes: list[list[tuple[float, float]]] = []
            placed: list[_Placed] = []
            drawn = [(self._spans(e, width), e) for e in self._efforts_of(country)]
            for spans, effort in sorted(drawn, key=lambda item: item[0][0].x0):
                wanted = min(float(metrics.horizontalAdvance(effort.title)), widest)
                # Where a label can stand: after the bars, before them, or in a gap
                # between two stretches; (start, room, right-aligned).
                slots = [
                    (spans[-1].x1 + LABEL_GAP, right - spans[-1].x1 - LABEL_GAP, False),
                    (left, spans[0].x0 - LABEL_GAP - left, True),
                ] + [
                    (a.x1 + LABEL_GAP, b.x0 - a.x1 - 2 * LABEL_GAP, False)
                    for a, b in pairwise(spans)
                ]
                start, room, right_aligned = next(
                    (slot for slot in slots if slot[1] >= wanted),
                    max(slots, key=lambda slot: slot[1]),
                )
                label, label_width, label_x = "", 0.0, 0.0
                if min(wanted, room) >= SHORTEST_LABEL:
                    label = metrics.elidedText(
                        effort.title, Qt.TextElideMode.ElideRight, int(min(wanted, room))
                    )
                    label_width = float(metrics.horizontalAdvance(label))
                    label_x = start + room - label_width if right_aligned else start
                item = _Placed(effort, spans, label, label_x, label_width, 0)
                lane = next(
                    (
                        i
                        for i, taken in enumerate(lanes)
                        if all(
                            item.right + LANE_GAP <= a or item.left >= b + LANE_GAP
                            for a, b in taken
                        )
                    ),
                    len(lanes),
                )
                if lane == len(lanes):
                    lanes.append([])
                lanes[lane].append((item.left, item.right))
                placed.append(_Placed(effort, spans, label, label_x, label_width, lane))
            height = max(self._row_height(), len(lanes) * lane_height + 6)
            layout.append((country, top, float(height), placed))
            top += height
        self._layout = layout
        self._laid_out_for = width
        self._hits = HitMap(
            (self._item_rect(item, top).adjusted(-2, -1, 2, 1), item.effort.id)
            for _, top, _, placed in layout
            for item in placed
        )
        self.setFixedHeight(int(top) + 2 if layout else 40)
        self.laid_out.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != self._laid_out_for:
            self._lay_out(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the labels' widths and the lanes change
            self._lay_out(self.width())
        super().changeEvent(event)

    def _bar_rect(self, item: _Placed, span: _Span, top: float) -> QRectF:
        lane_height = self._lane_height()
        return QRectF(
            span.x0, top + 3 + item.lane * lane_height + 2, span.x1 - span.x0, lane_height - 4
        )

    def _item_rect(self, item: _Placed, top: float) -> QRectF:
        """The bars and the label of an effort: what a click on it hits."""
        lane_height = self._lane_height()
        return QRectF(
            item.left, top + 3 + item.lane * lane_height, item.right - item.left, lane_height
        )

    # -- what it shows (for the tab and for tests: what a user sees) -------------------

    def highlight(self, effort_id: str | None) -> bool:
        """Mark the effort's bar (None, or an effort not drawn, clears it); True if drawn."""
        drawn = any(e.id == effort_id for e in self.efforts)
        self._selected = effort_id if drawn else None
        self.update()
        return drawn

    def status_colour(self, status: str) -> QColor:
        return series_colour(_STATUS_HUE_INDEX.get(status, 6), self.palette())

    def _placements(
        self, effort_id: str, country_id: str | None = None
    ) -> list[tuple[_Placed, float]]:
        """Where the effort is drawn: in the country's row first, when one is given."""
        found = [
            (item, top)
            for country, top, _, placed in self._layout
            for item in placed
            if item.effort.id == effort_id and (country_id is None or country.id == country_id)
        ]
        return found or ([] if country_id is None else self._placements(effort_id))

    def bar_centre(self, effort_id: str, country_id: str | None = None) -> QPointF | None:
        """The centre of the effort's first bar, in the country's row (or its first row)."""
        found = self._placements(effort_id, country_id)
        if not found:
            return None
        item, top = found[0]
        return self._bar_rect(item, item.spans[0], top).center()

    def drawn_years(self, effort_id: str) -> list[tuple[float, float]]:
        """The stretches drawn for an effort, read back from the pixels' x as years."""
        found = self._placements(effort_id)
        if not found:
            return []
        axis = self.year_axis()
        return [(axis.year_of(s.x0), axis.year_of(s.x1)) for s in found[0][0].spans]

    def labels(self, country_id: str) -> dict[str, tuple[str, QRectF]]:
        """Each effort drawn in a country's row: its label as drawn and where it stands."""
        lane_height = self._lane_height()
        return {
            item.effort.id: (
                item.label,
                QRectF(
                    item.label_x, top + 3 + item.lane * lane_height, item.label_width, lane_height
                ),
            )
            for country, top, _, placed in self._layout
            if country.id == country_id
            for item in placed
        }

    def bars(self, country_id: str) -> dict[str, list[QRectF]]:
        """Each effort drawn in a country's row: its bars."""
        return {
            item.effort.id: [self._bar_rect(item, span, top) for span in item.spans]
            for country, top, _, placed in self._layout
            if country.id == country_id
            for item in placed
        }

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:
        painter, palette, text = begin_drawing(self)
        label_column = self._label_column()
        stripe = palette.color(QPalette.ColorRole.AlternateBase)
        small = self.label_font()
        for index, (_, top, height, _) in enumerate(self._layout):
            if index % 2:
                painter.fillRect(QRectF(0, top, self.width(), height), stripe)
        paint_year_ticks(
            painter,
            self.year_axis().ticks(DECADES),
            grid=grid_colour(palette),
            text=None,
            line=(0, self.height()),
        )
        for country, top, _, placed in self._layout:
            painter.setPen(text)
            painter.setFont(self.font())
            painter.drawText(
                # At the row's top, where it stays in view as a tall row scrolls.
                QRectF(4, top + 3, label_column - 8, self._lane_height() * 2),
                Qt.AlignmentFlag.AlignTop,
                country.title,
            )
            painter.setFont(small)
            for item in placed:
                self._paint_effort(painter, item, top, text)
        painter.end()

    def _paint_effort(self, painter: QPainter, item: _Placed, top: float, text: QColor) -> None:
        colour = self.status_colour(item.effort.status)
        faded = QColor(colour)
        faded.setAlpha(35)
        rects = [self._bar_rect(item, span, top) for span in item.spans]
        for before, after in pairwise(rects):
            # The years between two stretches: a thin dotted line, so the gap reads as a
            # gap in one effort and not as two efforts.
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
            y = before.center().y()
            x0 = before.right() + 2
            if item.label and before.right() < item.label_x < after.left():
                x0 = item.label_x + item.label_width + LABEL_GAP  # the label stands in the gap
            painter.drawLine(QPointF(x0, y), QPointF(after.left() - 2, y))
        for span, rect in zip(item.spans, rects, strict=True):
            gradient = open_end_gradient(
                rect.left(),
                rect.right(),
                colour,
                open_start=span.open_start,
                open_end=span.open_end,
                faded_alpha=faded.alpha(),
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(gradient))
            painter.drawRoundedRect(rect, 2, 2)
        if item.label:
            painter.setPen(text)
            lane_height = self._lane_height()
            painter.drawText(
                QRectF(
                    item.label_x,
                    top + 3 + item.lane * lane_height,
                    item.label_width + 2,
                    lane_height,
                ),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                item.label,
            )
        if item.effort.id == self._selected:
            painter.setPen(highlight_pen(self.palette(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._item_rect(item, top).adjusted(-3, -1, 3, 1), 3, 3)

    # -- mouse ----------------------------------------------------------------------------

    def effort_at(self, point: QPointF) -> str | None:
        return self._hits.at(point)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        effort_id = self.effort_at(event.position())
        if effort_id:
            self.highlight(effort_id)
            self.record_clicked.emit(effort_id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        effort_id = self.effort_at(event.position())
        effort = next((e for e in self.efforts if e.id == effort_id), None)
        self.setToolTip(
            tooltip(f"{effort.title}\n{effort.date.label if effort.date else ''} · {effort.status}")
            if effort
            else ""
        )
