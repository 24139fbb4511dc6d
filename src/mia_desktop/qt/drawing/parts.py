"""What the drawings share: the one click signal and highlight slot every drawing offers, the
year axis, the highlight's pen, the hit map the mouse reads, and the open-end gradient (an end
the brief does not give fades out instead of pretending a date)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPalette, QPen

FIRST_YEAR, LAST_YEAR = 1950, 2016  # the span every drawing of the brief's years covers


class Drawing(Protocol):
    """A drawing of records beside its table: `record_clicked(id)` when a record is
    clicked, `highlight(id)` to mark the one the panel shows (None: none)."""

    def highlight(self, record_id: str | None) -> bool: ...


@dataclass(frozen=True)
class YearAxis:
    """Where a year stands across a drawing: x = left + (year - first) * per_year."""

    left: float = 0.0
    per_year: float = 1.0
    first: int = FIRST_YEAR
    last: int = LAST_YEAR

    def x_of(self, year: float) -> float:
        return self.left + (year - self.first) * self.per_year

    def year_of(self, x: float) -> float:
        return self.first + (x - self.left) / self.per_year

    def ticks(
        self, step: int, start: float | None = None, end: float | None = None
    ) -> list[tuple[int, float]]:
        """The years every `step` from `start` to `end` (the whole axis by default), with
        the x of each; the first is the axis's own first year when it is not a multiple."""
        start = self.first if start is None else start
        end = self.last if end is None else min(end, self.last)
        year = max(self.first, math.floor(start / step) * step)
        ticks = []
        while year <= end:
            ticks.append((year, self.x_of(year)))
            year += step
        return ticks


def tick_step(pixels_per_year: float, label_width: float) -> int:
    """Years between labelled ticks: 1, 2, 5, 10 or 20, whatever leaves room for labels."""
    for step in (1, 2, 5, 10, 20):
        if step * pixels_per_year >= label_width:
            return step
    return 20


def paint_year_ticks(
    painter: QPainter,
    ticks: Iterable[tuple[int, float]],
    *,
    grid: QColor,
    text: QColor | None,
    line: tuple[float, float] | None = None,
    label_band: tuple[float, float] = (0.0, 0.0),
) -> None:
    """At each tick, given `line` (top, bottom), a grid line and, given a text colour, the
    year centred in `label_band` (top, height)."""
    top, height = label_band
    for year, x in ticks:
        if line is not None:
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, line[0]), QPointF(x, line[1]))
        if text is not None:
            painter.setPen(text)
            painter.drawText(
                QRectF(x - 40, top, 80, height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                str(year),
            )


def highlight_pen(palette: QPalette, width: float = 3) -> QPen:
    """The outline around the record the panel shows, in every drawing."""
    return QPen(palette.color(QPalette.ColorRole.Highlight), width)


class HitMap:
    """Which record a point falls on. The drawing fills it when it lays itself out (on a
    resize or a change of data), so the mouse reads it instead of re-measuring the layout."""

    def __init__(self, areas: Iterable[tuple[QRectF, str]] = ()) -> None:
        self._areas = list(areas)

    def at(self, point: QPointF) -> str | None:
        """The record whose area holds the point (the first listed, where areas overlap)."""
        return next((record_id for area, record_id in self._areas if area.contains(point)), None)


def open_end_gradient(
    left: float,
    right: float,
    colour: QColor,
    *,
    open_start: bool,
    open_end: bool,
    fade: float = 0.15,
    faded_alpha: int = 40,
) -> QLinearGradient:
    """A horizontal fill from left to right in `colour`, fading at an open end."""
    faded = QColor(colour)
    faded.setAlpha(faded_alpha)
    gradient = QLinearGradient(left, 0, right, 0)
    gradient.setColorAt(0, faded if open_start else colour)
    gradient.setColorAt(fade, colour)
    gradient.setColorAt(1 - fade, colour)
    gradient.setColorAt(1, faded if open_end else colour)
    return gradient
