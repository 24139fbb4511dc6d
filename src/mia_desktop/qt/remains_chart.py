"""A bar chart of the remains batches over time, drawn with QPainter (no QtCharts).

Counts span 6 to over 4,000, so the value axis is logarithmic (and says so). A range is
drawn as a range (solid to its low end, hatched to its high end); identified or unknown
counts, where the brief gives them, sit inside their bar; a batch the brief gives no
number for is an empty outline marked "not stated". The batch table is its twin.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mia_desktop.details import NOT_STATED, count_text, range_text
from mia_desktop.qt.theme import grid_colour, series_colour
from mia_desktop.records import Batch

LOG_TICKS = (1, 10, 100, 1_000, 10_000)


# Series hues inside a bar: identified and declared unknown are different things.
INNER_HUES = {"identified": 2, "declared unknown": 4}


@dataclass(frozen=True)
class Bar:
    """The numbers behind one bar, as the brief gives them."""

    batch_id: str
    label: str  # the period
    title: str
    low: int | None  # the count, or the low end of a range
    high: int | None  # the high end of a range (== low for a single count)
    qualifier: str | None
    unit: str
    inner: int | None  # identified or declared unknown, drawn inside the bar
    inner_label: str

    @classmethod
    def of(cls, batch: Batch) -> Bar:
        low: int | None
        high: int | None
        qualifier: str | None
        if batch.individuals_low is not None:
            low, high = batch.individuals_low, batch.individuals_high
            unit, qualifier = "estimated remains", "range"
        else:
            low, high = batch.count, batch.count
            unit, qualifier = batch.unit, batch.count_qualifier
        inner, inner_label = (
            (batch.identified, "identified")
            if batch.identified is not None
            else (batch.unknowns, "declared unknown")
        )
        return cls(
            batch_id=batch.id,
            label=batch.date.label if batch.date else "undated",
            title=batch.title,
            low=low,
            high=high,
            qualifier=qualifier,
            unit=unit,
            inner=inner,
            inner_label=inner_label,
        )

    def value_text(self) -> str:
        if self.low is None:
            return NOT_STATED
        if self.qualifier == "range":
            return range_text(self.low, self.high)
        return count_text(self.low, self.qualifier)


class RemainsChart(QWidget):
    """Emits `bar_clicked(id)`; `highlight(id)` marks a bar."""

    bar_clicked = Signal(str)

    def __init__(self, *, batches: Sequence[Batch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remainsChart")
        self.setAccessibleName("Chart of remains per batch")
        self.bars = [Bar.of(b) for b in batches]
        self.setAccessibleDescription(
            "Remains per batch, logarithmic scale: "
            + "; ".join(f"{b.label}: {b.value_text()} {b.unit}" for b in self.bars)
            + ". Inside a bar, in another colour each: identified, declared unknown; a"
            " hatched top is an estimated range; a dashed outline, a number not stated."
        )
        self._selected: str | None = None
        self.setMinimumHeight(self.fontMetrics().height() * 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(640, self.fontMetrics().height() * 18)

    def highlight(self, batch_id: str | None) -> bool:
        """Mark the batch's bar (None, or a batch not drawn, clears the mark); True if drawn."""
        drawn = any(bar.batch_id == batch_id for bar in self.bars)
        self._selected = batch_id if drawn else None
        self.update()
        return drawn

    def data_text(self) -> str:
        """The numbers behind the chart, tab-separated with a header (for Copy data)."""
        lines = ["Period\tBatch\tValue\tLow\tHigh\tUnit\tInside the bar"]
        for bar in self.bars:
            inner = f"{bar.inner} {bar.inner_label}" if bar.inner is not None else ""
            lines.append(
                "\t".join(
                    [
                        bar.label,
                        bar.title,
                        bar.value_text(),
                        _n(bar.low),
                        _n(bar.high),
                        bar.unit,
                        inner,
                    ]
                )
            )
        return "\n".join(lines) + "\n"

    # -- geometry -------------------------------------------------------------------------

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("10,000") + 16
        bottom = metrics.height() * 4 + 8  # the period and the unit, two lines each
        top = metrics.height() * 8  # the title, the legend, four lines of value
        return QRectF(
            left, top, max(self.width() - left - 12, 50), max(self.height() - top - bottom, 40)
        )

    def _y(self, value: float, plot: QRectF) -> float:
        top_log = math.log10(LOG_TICKS[-1])
        fraction = math.log10(max(value, 1)) / top_log
        return plot.bottom() - fraction * plot.height()

    def slot_rect(self, index: int) -> QRectF:
        """The column of the plot that belongs to one bar and its labels."""
        plot = self._plot_rect()
        slot = plot.width() / max(len(self.bars), 1)
        return QRectF(plot.left() + slot * index, 0, slot, self.height())

    def _draw_legend(
        self, painter: QPainter, colour: QColor, inner: dict[str, QColor], text: QColor, y: float
    ) -> None:
        """What each mark means: the remains, what is inside a bar, a range, a gap."""
        metrics = self.fontMetrics()
        size = metrics.height() * 0.7
        x = 4.0
        entries: list[tuple[str, QBrush | None, QPen]] = [
            ("remains returned or recovered", QBrush(colour), QPen(Qt.PenStyle.NoPen)),
            ("identified", QBrush(inner["identified"]), QPen(Qt.PenStyle.NoPen)),
            ("declared unknown", QBrush(inner["declared unknown"]), QPen(Qt.PenStyle.NoPen)),
            ("estimated range", QBrush(colour, Qt.BrushStyle.BDiagPattern), QPen(colour, 1)),
            ("number not stated", None, QPen(text, 1, Qt.PenStyle.DashLine)),
        ]
        for label, brush, pen in entries:
            width = size + 4 + metrics.horizontalAdvance(label) + 14
            if x + width > self.width():  # room ends: the rest goes on the next line
                x, y = 4.0, y + metrics.height()
            painter.setPen(pen)
            painter.setBrush(brush if brush is not None else Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, y + (metrics.height() - size) / 2, size, size))
            painter.setPen(text)
            painter.drawText(
                QRectF(x + size + 4, y, width, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += width

    def bar_rect(self, index: int) -> QRectF:
        plot = self._plot_rect()
        slot = plot.width() / max(len(self.bars), 1)
        bar = self.bars[index]
        width = slot * 0.55
        x = plot.left() + slot * index + (slot - width) / 2
        top = self._y(bar.high, plot) if bar.high is not None else plot.top() + plot.height() * 0.6
        return QRectF(x, top, width, plot.bottom() - top)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        plot = self._plot_rect()
        metrics = self.fontMetrics()
        grid = grid_colour(palette, 110)
        for tick in LOG_TICKS:
            y = self._y(tick, plot)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{tick:,}",
            )
        painter.drawText(
            QRectF(4, 0, self.width(), metrics.height() * 1.5),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            "Remains per batch (logarithmic scale; as the brief gives them, October 2015)",
        )
        colour = series_colour(0, palette)
        inner_colours = {label: series_colour(i, palette) for label, i in INNER_HUES.items()}
        self._draw_legend(painter, colour, inner_colours, text, metrics.height() * 1.5)
        for index, bar in enumerate(self.bars):
            rect = self.bar_rect(index)
            if bar.low is None:
                painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect)
            else:
                solid_top = self._y(bar.low, plot)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(colour))
                painter.drawRect(
                    QRectF(rect.left(), solid_top, rect.width(), plot.bottom() - solid_top)
                )
                if bar.high is not None and bar.high != bar.low:  # the uncertain part
                    painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
                    painter.setPen(QPen(colour, 1))
                    painter.drawRect(
                        QRectF(rect.left(), rect.top(), rect.width(), solid_top - rect.top())
                    )
                if bar.inner is not None:
                    inner_top = self._y(bar.inner, plot)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QBrush(inner_colours[bar.inner_label]))
                    inset = rect.width() * 0.25
                    painter.drawRect(
                        QRectF(
                            rect.left() + inset,
                            inner_top,
                            rect.width() - 2 * inset,
                            plot.bottom() - inner_top,
                        )
                    )
            if bar.batch_id == self._selected:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(-3, -3, 3, 3))
            painter.setPen(text)
            value = bar.value_text()
            if bar.inner is not None:
                value += f"\n({bar.inner:,} {bar.inner_label})"
            # Each label keeps to its bar's slot (wrapped, never over a neighbour's).
            slot = self.slot_rect(index)
            above = QRectF(
                slot.left() + 2,
                rect.top() - metrics.height() * 4 - 2,
                slot.width() - 4,
                metrics.height() * 4,
            )
            painter.drawText(
                above,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignBottom
                | Qt.TextFlag.TextWordWrap,
                value,
            )
            painter.drawText(
                QRectF(slot.left() + 2, plot.bottom() + 4, slot.width() - 4, metrics.height() * 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                f"{bar.label}\n{bar.unit}",
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for index, bar in enumerate(self.bars):
            if self.bar_rect(index).adjusted(-4, -20, 4, 0).contains(event.position()):
                self.highlight(bar.batch_id)
                self.bar_clicked.emit(bar.batch_id)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        for index, bar in enumerate(self.bars):
            if self.bar_rect(index).contains(event.position()):
                self.setToolTip(f"{bar.title}\n{bar.label}: {bar.value_text()} {bar.unit}")
                return
        self.setToolTip("")


def _n(value: int | None) -> str:
    return "" if value is None else str(value)
