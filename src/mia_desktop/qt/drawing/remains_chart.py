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

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mia_desktop.present.safe_html import tooltip
from mia_desktop.present.values import NOT_STATED, count_text, range_text
from mia_desktop.qt.drawing.parts import HitMap, highlight_pen
from mia_desktop.qt.theme import begin_drawing, grid_colour, series_colour
from mia_desktop.records import Batch

LOG_TICKS = (1, 10, 100, 1_000, 10_000)


# Series hues inside a bar: identified and declared unknown are different things.
INNER_HUES = {"identified": 2, "declared unknown": 4}
LEGEND = (
    "remains returned or recovered",
    "identified",
    "declared unknown",
    "estimated range",
    "number not stated",
)
TITLE = "Remains per batch (logarithmic scale; as the brief gives them, October 2015)"
_WRAPPED = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
_ABOVE = _WRAPPED | Qt.AlignmentFlag.AlignBottom
_BELOW = _WRAPPED | Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True)
class TextBox:
    """A text the chart draws and the box it fills: painted from, and checked for overlap."""

    text: str
    rect: QRectF
    flags: int
    batch_id: str | None = None  # a bar's value (above it) or period and unit (below)


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
    """Emits `record_clicked(id)`; `highlight(id)` marks a bar."""

    record_clicked = Signal(str)

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
        self._hits = HitMap()
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

    def _legend_boxes(self) -> list[tuple[QRectF, TextBox]]:
        """Each legend entry: its swatch and its label, wrapped onto more lines as needed."""
        metrics = self.fontMetrics()
        size = metrics.height() * 0.7
        x, y = 4.0, self._title_box().rect.bottom()
        boxes = []
        for label in LEGEND:
            width = size + 4 + metrics.horizontalAdvance(label) + 14
            if x > 4 and x + width > self.width():  # room ends: the rest goes on the next line
                x, y = 4.0, y + metrics.height()
            swatch = QRectF(x, y + (metrics.height() - size) / 2, size, size)
            text = QRectF(x + size + 4, y, metrics.horizontalAdvance(label) + 2, metrics.height())
            boxes.append(
                (
                    swatch,
                    TextBox(
                        label, text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                    ),
                )
            )
            x += width
        return boxes

    def _title_box(self) -> TextBox:
        """The title, wrapped where the chart is narrow; half a line of air below it."""
        width = max(self.width() - 8, 40)
        flags = int(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        height = self.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), flags, TITLE).height()
        return TextBox(
            TITLE, QRectF(4, 2, width, height + self.fontMetrics().height() * 0.4), flags
        )

    def _value_label(self, bar: Bar, width: float) -> str:
        value = bar.value_text()
        inner = f"\n({bar.inner:,} {bar.inner_label})" if bar.inner is not None else ""
        return self._fitted(value + inner, width)

    def _period_label(self, bar: Bar, width: float) -> str:
        return self._fitted(f"{bar.label}\n{bar.unit}", width)

    def _fitted(self, text: str, width: float) -> str:
        """Lines wrap at spaces; a line with a word wider than the slot is shortened with
        an ellipsis instead, so no label reaches into its neighbour's slot (the tooltip and
        the table have it whole)."""
        metrics = self.fontMetrics()
        return "\n".join(
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(width))
            if any(metrics.horizontalAdvance(word) > width for word in line.split())
            else line
            for line in text.split("\n")
        )

    def _wrapped_height(self, text: str, width: float) -> int:
        return (
            self.fontMetrics()
            .boundingRect(QRect(0, 0, int(width), 10_000), _WRAPPED, text)
            .height()
        )

    def _rooms(self) -> tuple[float, float, float]:
        """The plot's left edge, its top (below the title, the legend and the tallest value
        label) and the room below it (the tallest period-and-unit label), at the slot width
        there is."""
        left = self.fontMetrics().horizontalAdvance("10,000") + 16
        slot = max(self.width() - left - 12, 50) / max(len(self.bars), 1) - 4
        legend_bottom = max((t.rect.bottom() for _, t in self._legend_boxes()), default=0.0)
        above = max(
            (self._wrapped_height(self._value_label(b, slot), slot) for b in self.bars), default=0
        )
        below = max(
            (self._wrapped_height(self._period_label(b, slot), slot) for b in self.bars),
            default=0,
        )
        return left, legend_bottom + above + 8, below + 8

    def _plot_rect(self) -> QRectF:
        left, top, below = self._rooms()
        return QRectF(
            left, top, max(self.width() - left - 12, 50), max(self.height() - top - below, 40)
        )

    def _needed_height(self) -> int:
        _, top, below = self._rooms()
        return int(top + below + self.fontMetrics().height() * 5)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Narrower slots wrap labels onto more lines: the chart asks for the height they need.
        self.setMinimumHeight(self._needed_height())
        super().resizeEvent(event)
        self._map_hits()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._map_hits()
        super().changeEvent(event)

    def _map_hits(self) -> None:
        """Each bar, and the value label above it, is where a click or a hover finds it."""
        self._hits = HitMap(
            (self.bar_rect(index).adjusted(-4, -20, 4, 0), bar.batch_id)
            for index, bar in enumerate(self.bars)
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

    def text_boxes(self) -> list[TextBox]:
        """Every text the chart draws, in the box it fills: none overlaps another."""
        metrics = self.fontMetrics()
        plot = self._plot_rect()
        boxes = [self._title_box()]
        boxes += [label for _, label in self._legend_boxes()]
        for tick in LOG_TICKS:
            y = self._y(tick, plot)
            text = f"{tick:,}"
            width = metrics.horizontalAdvance(text) + 2
            boxes.append(
                TextBox(
                    text,
                    QRectF(
                        plot.left() - 6 - width, y - metrics.height() / 2, width, metrics.height()
                    ),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                )
            )
        for index, bar in enumerate(self.bars):
            slot = self.slot_rect(index).adjusted(2, 0, -2, 0)
            rect = self.bar_rect(index)
            value = self._value_label(bar, slot.width())
            height = self._wrapped_height(value, slot.width())
            where = QRectF(slot.left(), rect.top() - height - 2, slot.width(), height)
            boxes.append(TextBox(value, where, int(_ABOVE), bar.batch_id))
            below = self._period_label(bar, slot.width())
            height = self._wrapped_height(below, slot.width())
            where = QRectF(slot.left(), plot.bottom() + 4, slot.width(), height)
            boxes.append(TextBox(below, where, int(_BELOW), bar.batch_id))
        return boxes

    def _draw_legend(
        self, painter: QPainter, colour: QColor, inner: dict[str, QColor], text: QColor
    ) -> None:
        """What each mark means: the remains, what is inside a bar, a range, a gap."""
        marks: dict[str, tuple[QBrush | None, QPen]] = {
            "remains returned or recovered": (QBrush(colour), QPen(Qt.PenStyle.NoPen)),
            "identified": (QBrush(inner["identified"]), QPen(Qt.PenStyle.NoPen)),
            "declared unknown": (QBrush(inner["declared unknown"]), QPen(Qt.PenStyle.NoPen)),
            "estimated range": (QBrush(colour, Qt.BrushStyle.BDiagPattern), QPen(colour, 1)),
            "number not stated": (None, QPen(text, 1, Qt.PenStyle.DashLine)),
        }
        for swatch, label in self._legend_boxes():
            brush, pen = marks[label.text]
            painter.setPen(pen)
            painter.setBrush(brush if brush is not None else Qt.BrushStyle.NoBrush)
            painter.drawRect(swatch)

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
        painter, palette, text = begin_drawing(self)
        plot = self._plot_rect()
        grid = grid_colour(palette, 110)
        for tick in LOG_TICKS:
            y = self._y(tick, plot)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        colour = series_colour(0, palette)
        inner_colours = {label: series_colour(i, palette) for label, i in INNER_HUES.items()}
        self._draw_legend(painter, colour, inner_colours, text)
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
                painter.setPen(highlight_pen(palette))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(-3, -3, 3, 3))
        painter.setPen(text)
        for box in self.text_boxes():
            painter.drawText(box.rect, box.flags, box.text)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        batch_id = self._hits.at(event.position())
        if batch_id is not None:
            self.highlight(batch_id)
            self.record_clicked.emit(batch_id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        batch_id = self._hits.at(event.position())
        bar = next((bar for bar in self.bars if bar.batch_id == batch_id), None)
        self.setToolTip(
            tooltip(f"{bar.title}\n{bar.label}: {bar.value_text()} {bar.unit}") if bar else ""
        )


def _n(value: int | None) -> str:
    return "" if value is None else str(value)
