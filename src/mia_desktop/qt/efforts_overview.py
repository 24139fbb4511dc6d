"""Country efforts at a glance: one row per country, its efforts as bars over 1950-2015.

Colour says the status in October 2015; the efforts table below is the accessible twin.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mia_desktop.dates import span_years
from mia_desktop.qt.theme import grid_colour, series_colour
from mia_desktop.records import Country, Effort

FIRST_YEAR, LAST_YEAR = 1950, 2016
STATUSES = ("active", "completed", "suspended", "cancelled", "not stated")
_STATUS_HUE_INDEX = {"active": 2, "completed": 0, "suspended": 1, "cancelled": 4, "not stated": 6}


UNSTATED_YEARS = 4  # how long the fade-in of an effort with no stated start is drawn


class EffortsOverview(QWidget):
    effort_clicked = Signal(str)

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
        self._rects: list[tuple[QRectF, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._total_height())
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(640, self.height())

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _band(self) -> int:
        return max(6, self.fontMetrics().height() // 2)

    def _efforts_of(self, country: Country) -> list[Effort]:
        return [e for e in self.efforts if country.id in e.countries and e.date]

    def _rows(self) -> list[tuple[Country, float, float]]:
        """Each country's row: (country, top, height); a row grows with its efforts."""
        rows, top = [], 0.0
        for country in self.countries:
            height = max(self._row_height(), len(self._efforts_of(country)) * self._band() + 6)
            rows.append((country, top, float(height)))
            top += height
        return rows

    def _total_height(self) -> int:
        rows = self._rows()
        return int(rows[-1][1] + rows[-1][2]) + self._row_height() * 2 + 8 if rows else 40

    def highlight(self, effort_id: str | None) -> bool:
        """Mark the effort's bar (None, or an effort not drawn, clears it); True if drawn."""
        drawn = any(e.id == effort_id for e in self.efforts)
        self._selected = effort_id if drawn else None
        self.update()
        return drawn

    def status_colour(self, status: str) -> QColor:
        return series_colour(_STATUS_HUE_INDEX.get(status, 6), self.palette())

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = self.fontMetrics()
        row = self._row_height()
        label_width = max(metrics.horizontalAdvance(c.title) for c in self.countries) + 16
        left, right = label_width, self.width() - 10
        per_year = (right - left) / (LAST_YEAR - FIRST_YEAR)

        def x(year: float) -> float:
            return left + (year - FIRST_YEAR) * per_year

        rows = self._rows()
        axis_y = rows[-1][1] + rows[-1][2] + 2 if rows else 0
        grid = grid_colour(palette)
        for year in range(FIRST_YEAR, LAST_YEAR + 1, 10):
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x(year), 0), QPointF(x(year), axis_y))
            painter.setPen(text)
            painter.drawText(
                QRectF(x(year) - 30, axis_y, 60, row), Qt.AlignmentFlag.AlignCenter, str(year)
            )
        stripe = palette.color(QPalette.ColorRole.AlternateBase)
        self._rects = []
        band = self._band()
        for index, (country, top, height) in enumerate(rows):
            if index % 2:
                painter.fillRect(QRectF(0, top, self.width(), height), stripe)
            painter.setPen(text)
            painter.drawText(
                QRectF(4, top, label_width - 8, height),
                Qt.AlignmentFlag.AlignVCenter,
                country.title,
            )
            for lane, effort in enumerate(self._efforts_of(country)):
                assert effort.date is not None
                start, end = span_years(effort.date.value)
                # A start the brief does not give is a short fade-in before the end, not
                # a bar from 1950: nothing says the effort ran since then.
                known_end = end if end is not None else LAST_YEAR
                x0 = x(start if start is not None else max(FIRST_YEAR, known_end - UNSTATED_YEARS))
                x1 = x(known_end)
                rect = QRectF(x0, top + 3 + lane * band, max(x1 - x0, 4), band - 2)
                colour = self.status_colour(effort.status)
                gradient = QLinearGradient(rect.left(), 0, rect.right(), 0)
                faded = QColor(colour)
                faded.setAlpha(35)
                # An end the brief does not give fades out instead of pretending a date.
                gradient.setColorAt(0, faded if start is None else colour)
                gradient.setColorAt(0.15, colour)
                gradient.setColorAt(0.85, colour)
                gradient.setColorAt(1, faded if end is None else colour)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(gradient))
                painter.drawRoundedRect(rect, 2, 2)
                if effort.id == self._selected:
                    painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(rect.adjusted(-2, -2, 2, 2))
                self._rects.append((rect, effort.id))
        # Legend: the status colours, below the axis.
        legend_y = axis_y + row
        cursor = float(left)
        for status in STATUSES:
            painter.setBrush(QBrush(self.status_colour(status)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(QRectF(cursor, legend_y + row / 3, row / 2, row / 3))
            painter.setPen(text)
            painter.drawText(
                QRectF(cursor + row * 0.7, legend_y, 200, row),
                Qt.AlignmentFlag.AlignVCenter,
                status,
            )
            cursor += row * 0.7 + metrics.horizontalAdvance(status) + 18
        painter.end()

    def effort_at(self, point: QPointF) -> str | None:
        for rect, effort_id in self._rects:
            if rect.adjusted(-2, -2, 2, 2).contains(point):
                return effort_id
        return None

    def bar_centre(self, effort_id: str) -> QPointF | None:
        for rect, found in self._rects:
            if found == effort_id:
                return rect.center()
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        effort_id = self.effort_at(event.position())
        if effort_id:
            self.highlight(effort_id)
            self.effort_clicked.emit(effort_id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        effort_id = self.effort_at(event.position())
        effort = next((e for e in self.efforts if e.id == effort_id), None)
        self.setToolTip(
            f"{effort.title}\n{effort.date.label if effort.date else ''} · {effort.status}"
            if effort
            else ""
        )
