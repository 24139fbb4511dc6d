"""The lists read in the brief's order of time, and a shortened cell shows itself whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


def _dates(window: MainWindow) -> list[str]:
    table = window.findChild(QTableView, "timelineTable")
    assert table is not None
    model = table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("April–May 1953", "by August 1953 (derived)"),  # the exchange, then the Armistice
        ("August 1953", "1954"),
        ("October 28, 2009 (derived)", "well before 2015 (derived)"),  # the NDAA, then officials
        ("January 2010", "August 2011"),
    ],
)
def test_the_timeline_list_is_in_order_of_time(
    window: MainWindow, earlier: str, later: str
) -> None:
    dates = _dates(window)
    assert dates.index(earlier) < dates.index(later)


def test_a_shortened_date_shows_itself_whole_in_its_tooltip(window: MainWindow) -> None:
    table = window.findChild(QTableView, "timelineTable")
    assert table is not None
    model = table.model()
    row = _dates(window).index("during the Eisenhower administration (1953–1961) (derived)")
    cell = model.index(row, 0)
    # The column is narrower than the label: the view elides it, the tooltip does not.
    assert table.columnWidth(0) < table.fontMetrics().horizontalAdvance(cell.data())
    assert "during the Eisenhower administration (1953–1961)" in cell.data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_a_derived_date_s_tooltip_says_why(window: MainWindow) -> None:
    model = window.findChild(QTableView, "timelineTable").model()  # type: ignore[union-attr]
    row = _dates(window).index("by August 1953 (derived)")
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("by August 1953 (derived: ")
