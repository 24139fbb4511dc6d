"""A quantity's history: every value over time, the brief's and the later sources', each
a point at its as-of date. The table beside it holds the same values (its accessible twin).

A value of the brief is a square, a later source's a circle; an estimate is hollow; values
of one date from two sources stand side by side, each its own point.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mia_desktop.dates import span_years
from mia_desktop.present.safe_html import tooltip
from mia_desktop.present.values import figure_value_text
from mia_desktop.qt.drawing.parts import HitMap, YearAxis, highlight_pen, paint_year_ticks
from mia_desktop.qt.theme import begin_drawing, grid_colour, series_colour
from mia_desktop.records import Figure

MARK = 5.0  # a point's half size
SIDE_BY_SIDE = 2 * MARK + 3  # how far apart two values of one date stand


def _year(figure: Figure) -> float:
    start, end = span_years(figure.date.value) if figure.date else (None, None)
    return start if start is not None else (end or 2015.0)


def _estimate(figure: Figure) -> bool:
    return figure.qualifier in {"estimated", "estimated range"}


class HistoryChart(QWidget):
    """Emits `record_clicked(id)`; `highlight(id)` marks a value."""

    record_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyChart")
        self.setAccessibleName("Chart of the chosen figure over time")
        self.values: list[Figure] = []
        self.estimate = False
        self.from_year: int | None = None  # draw the values from this year on (None: all)
        self._selected: str | None = None
        self._points: dict[str, QPointF] = {}
        self._hits = HitMap()
        self.setMinimumHeight(self.fontMetrics().height() * 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(640, self.fontMetrics().height() * 16)

    def set_values(
        self, values: Sequence[Figure], *, estimate: bool, from_year: int | None = None
    ) -> None:
        """Draw these values of one quantity (in date order), from `from_year` on if given."""
        self.from_year = from_year
        self.values = [v for v in values if from_year is None or _year(v) >= from_year]
        self.estimate = estimate
        self.setAccessibleDescription(
            "; ".join(
                f"{f.date.label if f.date else 'undated'}: {figure_value_text(f)}"
                f"{' (later source)' if f.is_later else ' (the brief)'}"
                for f in self.values
            )
        )
        self._lay_out()
        self.update()

    def highlight(self, record_id: str | None) -> bool:
        drawn = record_id in self._points
        self._selected = record_id if drawn else None
        self.update()
        return drawn

    def point_of(self, record_id: str) -> QPointF | None:
        """Where a value is drawn (for tests and tooltips)."""
        return self._points.get(record_id)

    # -- layout -----------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        text = self.fontMetrics()
        left = text.horizontalAdvance("00,000") + 16
        return QRectF(left, text.height() * 2.5, max(self.width() - left - 16, 60),
                      max(self.height() - text.height() * 5, 40))  # fmt: skip

    def _axis(self) -> YearAxis:
        plot = self._plot()
        if self.from_year is not None:
            first = self.from_year
            last = max([int(_year(f)) + 1 for f in self.values] + [first + 5])
        else:
            first = min([int(_year(f)) for f in self.values] + [1950])
            last = max([int(_year(f)) + 1 for f in self.values] + [2016])
            first, last = first - first % 10, last + (-last) % 5
        return YearAxis(
            left=plot.left(), per_year=plot.width() / max(last - first, 1), first=first, last=last
        )

    def _value_range(self) -> tuple[float, float]:
        numbers = [n for f in self.values for n in (f.value, f.low, f.high) if n is not None]
        top = max(numbers, default=1) * 1.1
        return 0.0, top  # from zero: the fall is shown at its true size

    def _y(self, value: float) -> float:
        plot, (low, high) = self._plot(), self._value_range()
        return plot.bottom() - (value - low) / max(high - low, 1) * plot.height()

    def _lay_out(self) -> None:
        axis = self._axis()
        points: dict[str, QPointF] = {}
        by_date: dict[str, int] = {}
        for figure in self.values:
            key = figure.date.value if figure.date else ""
            shift = by_date.get(key, 0)
            by_date[key] = shift + 1
            value = figure.value if figure.value is not None else figure.high or 0
            points[figure.id] = QPointF(
                axis.x_of(_year(figure)) + shift * SIDE_BY_SIDE, self._y(value)
            )
        self._points = points
        self._hits = HitMap(
            (QRectF(p.x() - MARK - 3, p.y() - MARK - 3, 2 * MARK + 6, 2 * MARK + 6), record_id)
            for record_id, p in points.items()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:
        painter, palette, text = begin_drawing(self)
        plot, axis = self._plot(), self._axis()
        grid = grid_colour(palette)
        low, high = self._value_range()
        step = _nice_step(high - low)
        value = 0.0
        metrics = self.fontMetrics()
        while value <= high:
            y = self._y(value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:,.0f}",
            )
            value += step
        paint_year_ticks(
            painter,
            axis.ticks(
                10 if axis.last - axis.first > 40 else 5 if axis.last - axis.first > 12 else 1
            ),
            grid=grid,
            text=text,
            line=(plot.top(), plot.bottom()),
            label_band=(plot.bottom() + 4, metrics.height() + 2),
        )
        self._paint_values(painter, palette)
        self._paint_legend(painter, palette, text)
        painter.end()

    def _paint_values(self, painter: QPainter, palette: QPalette) -> None:
        brief, later = series_colour(0, palette), series_colour(2, palette)
        dashed = QPen(later, 1.5, Qt.PenStyle.DashLine if self.estimate else Qt.PenStyle.SolidLine)
        ordered = [self._points[f.id] for f in self.values]
        painter.setPen(dashed)
        for a, b in pairwise(ordered):
            painter.drawLine(a, b)
        for figure in self.values:
            point = self._points[figure.id]
            colour = later if figure.is_later else brief
            self._paint_mark(
                painter, point, colour, later=figure.is_later, hollow=_estimate(figure)
            )
            if figure.low is not None and figure.high is not None:  # a range: its span
                painter.setPen(QPen(colour, 2))
                painter.drawLine(
                    QPointF(point.x(), self._y(figure.low)),
                    QPointF(point.x(), self._y(figure.high)),
                )
            if figure.id == self._selected:
                painter.setPen(highlight_pen(palette))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(point, MARK + 4, MARK + 4)

    def _paint_mark(
        self, painter: QPainter, at: QPointF, colour: QColor, *, later: bool, hollow: bool
    ) -> None:
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush if hollow else QBrush(colour))
        box = QRectF(at.x() - MARK, at.y() - MARK, 2 * MARK, 2 * MARK)
        if later:
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)

    def _paint_legend(self, painter: QPainter, palette: QPalette, text: QColor) -> None:
        metrics = self.fontMetrics()
        x, y = self._plot().left(), metrics.height() * 0.4
        entries = [
            ("the brief (2015)", series_colour(0, palette), False, False),
            ("a later source", series_colour(2, palette), True, False),
            ("hollow: an estimate", text, True, True),
        ]
        for label, colour, later, hollow in entries:
            self._paint_mark(painter, QPointF(x + MARK, y + metrics.height() / 2), colour,
                             later=later, hollow=hollow)  # fmt: skip
            painter.setPen(text)
            width = metrics.horizontalAdvance(label)
            painter.drawText(
                QRectF(x + 2 * MARK + 6, y, width + 4, metrics.height()),
                Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += 2 * MARK + 6 + width + 24

    # -- mouse ------------------------------------------------------------------------------

    def _value_at(self, at: QPointF) -> str | None:
        """The value drawn nearest the point, if the point is on one: neighbours that stand
        close (values a year apart) each keep the half nearer to them."""
        if self._hits.at(at) is None:
            return None
        return min(
            self._points,
            key=lambda record_id: (self._points[record_id] - at).manhattanLength(),
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        record_id = self._value_at(event.position())
        if record_id is not None:
            self.highlight(record_id)
            self.record_clicked.emit(record_id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        record_id = self._value_at(event.position())
        figure = next((f for f in self.values if f.id == record_id), None)
        self.setToolTip(
            tooltip(
                f"{figure_value_text(figure)} {figure.unit}\n"
                f"{figure.date.label if figure.date else 'undated'}"
                f" · {'later source' if figure.is_later else 'the brief'}"
            )
            if figure
            else ""
        )


def _nice_step(span: float) -> float:
    """A round step for about five grid lines over the span."""
    raw = max(span / 5, 1)
    magnitude = float(10 ** (len(str(int(raw))) - 1))
    for multiple in (1, 2, 2.5, 5, 10):
        if multiple * magnitude >= raw:
            return multiple * magnitude
    return 10.0 * magnitude
