"""Light and dark: follow the system's colour scheme, or the user's choice in View > Theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

# Categories and statuses get hues; lightness follows the palette so both themes read well.
_HUES = [210, 25, 130, 280, 0, 50, 180, 330, 95, 240, 160]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f22",
        QPalette.ColorRole.AlternateBase: "#2a2a2e",
        QPalette.ColorRole.ToolTipBase: "#3a3a3f",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#9a9aa0",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#34343a",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#7fb4ff",
        QPalette.ColorRole.LinkVisited: "#c59bff",
        QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#55555c",
        QPalette.ColorRole.Dark: "#18181a",
        QPalette.ColorRole.Light: "#4a4a50",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(disabled, role, QColor("#7a7a80"))
    return palette


def apply_theme(app: QApplication, theme: str, *, initial: bool = False) -> str:
    """Apply "system", "light" or "dark"; return the scheme in effect ("light" or "dark").

    `initial`: the app has just started, in Fusion (see qt/app.py) with the system's own
    palette. Following a light system then needs nothing done, which spares start-up the
    style's set-up (QStyle's Python wrapper alone costs about 9 ms).
    """
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    if initial and theme == "system" and not dark:
        return "light"
    # Fusion draws the same on every platform and takes any palette we give it. (Setting a
    # style or palette the app already has would still re-polish every widget.)
    if app.style().name().lower() != "fusion":
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    palette = dark_palette() if dark else app.style().standardPalette()
    if app.palette() != palette:
        app.setPalette(palette)
    return "dark" if dark else "light"


def series_colour(index: int, palette: QPalette) -> QColor:
    """A distinct colour for the index-th category, readable on the palette's base."""
    hue = _HUES[index % len(_HUES)]
    if is_dark(palette):
        return QColor.fromHsl(hue, 150, 165)
    return QColor.fromHsl(hue, 170, 95)


def grid_colour(palette: QPalette, alpha: int = 90) -> QColor:
    """Faint lines for axes and grids, from the palette so both themes read well."""
    colour = QColor(palette.color(QPalette.ColorRole.Mid))
    colour.setAlpha(alpha)
    return colour


def begin_drawing(widget: QWidget) -> tuple[QPainter, QPalette, QColor]:
    """A painter for a drawing on the theme's base colour: (painter, palette, text colour)."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    palette = widget.palette()
    painter.fillRect(widget.rect(), palette.color(QPalette.ColorRole.Base))
    return painter, palette, palette.color(QPalette.ColorRole.Text)
