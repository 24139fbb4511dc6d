"""The efforts overview's axis and legend, under its scrolling pane: the years at the overview's
decade lines, and what the colours and fades mean."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mia_desktop.qt.drawing.efforts_overview import DECADES, STATUSES, EffortsOverview
from mia_desktop.qt.drawing.parts import open_end_gradient, paint_year_ticks
from mia_desktop.qt.theme import begin_drawing, grid_colour


class EffortsAxis(QWidget):
    """The years and the legend under the efforts drawing; they stay in view as it scrolls."""

    def __init__(self, overview: EffortsOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("effortsAxis")
        self.overview = overview
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        overview.laid_out.connect(self._fit)
        self._fit()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _fit(self) -> None:
        self.setFixedHeight(int(self._row_height() + self._legend_height(self.width())) + 6)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, _event: object) -> None:
        painter, palette, text = begin_drawing(self)
        row = self._row_height()
        paint_year_ticks(
            painter,
            self.overview.year_axis().ticks(DECADES),
            grid=grid_colour(palette),
            text=text,
            line=(0, 4),
            label_band=(2, row),
        )
        self._paint_legend(painter, row, text)
        painter.end()

    def _legend(self, width: int) -> list[tuple[str, str, QPointF]]:
        """The legend's entries and where each starts, wrapped to the width: (kind, text, at).

        Kinds: a status, "fade" (a start or end the brief does not give) or "gap".
        """
        row = self._row_height()
        metrics = self.fontMetrics()
        left = self.overview.year_axis().left
        entries = [(s, s) for s in STATUSES] + [
            ("fade", "fades: start or end not stated"),
            ("gap", "gap between stretches"),
        ]
        placed, x, y = [], left, 0.0
        for kind, label in entries:
            swatch = row * 1.2 if kind in {"fade", "gap"} else row / 2
            entry_width = swatch + 6 + metrics.horizontalAdvance(label) + 18
            if x > left and x + entry_width > width - 10:
                x, y = left, y + row
            placed.append((kind, label, QPointF(x, y)))
            x += entry_width
        return placed

    def _legend_height(self, width: int) -> float:
        return self._legend(width)[-1][2].y() + self._row_height()

    def _paint_legend(self, painter: QPainter, legend_y: float, text: QColor) -> None:
        """The status colours, and what a fade and a dotted line mean, below the axis."""
        row = self._row_height()
        neutral = self.overview.status_colour("not stated")
        faded = QColor(neutral)
        faded.setAlpha(35)
        for kind, label, at in self._legend(self.width()):
            x, y = at.x(), legend_y + at.y()
            swatch = QRectF(x, y + row / 3, row / 2, row / 3)
            if kind == "fade":
                swatch = QRectF(x, y + row / 3, row * 1.2, row / 3)
                gradient = open_end_gradient(
                    swatch.left(),
                    swatch.right(),
                    neutral,
                    open_start=False,
                    open_end=True,
                    fade=0.0,
                    faded_alpha=faded.alpha(),
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(gradient))
                painter.drawRect(swatch)
            elif kind == "gap":
                swatch = QRectF(x, y + row / 3, row * 1.2, row / 3)
                painter.setPen(QPen(neutral, 1, Qt.PenStyle.DotLine))
                painter.drawLine(
                    QPointF(swatch.left(), swatch.center().y()),
                    QPointF(swatch.right(), swatch.center().y()),
                )
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(self.overview.status_colour(kind)))
                painter.drawRect(swatch)
            painter.setPen(text)
            painter.drawText(
                QRectF(swatch.right() + 6, y, 400, row), Qt.AlignmentFlag.AlignVCenter, label
            )
