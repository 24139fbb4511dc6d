"""What the drawings share: the one click signal and highlight slot every drawing offers,
and the open-end gradient (an end the brief does not give fades out instead of pretending
a date)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QColor, QLinearGradient


class Drawing(Protocol):
    """A drawing of records beside its table: `record_clicked(id)` when a record is
    clicked, `highlight(id)` to mark the one the panel shows (None: none)."""

    def highlight(self, record_id: str | None) -> bool: ...


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
