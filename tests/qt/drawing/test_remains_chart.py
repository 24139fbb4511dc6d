"""The remains chart's texts never collide, at any width a window gives it."""

from __future__ import annotations

from itertools import combinations

import pytest
from pytestqt.qtbot import QtBot

from mia_desktop.qt.drawing.remains_chart import RemainsChart
from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


def _chart(window: MainWindow, qtbot: QtBot, width: int, height: int) -> RemainsChart:
    window.resize(width, height)
    window.tabs.setCurrentIndex(1)
    chart = window.findChild(RemainsChart, "remainsChart")
    assert chart is not None
    qtbot.waitUntil(lambda: chart.isVisible())
    return chart


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1366, 768), (1920, 1080)])
def test_no_text_touches_another_at_window_size(
    window: MainWindow, qtbot: QtBot, width: int, height: int
) -> None:
    chart = _chart(window, qtbot, width, height)
    _assert_apart(chart)


@pytest.mark.parametrize("chart_width", [300, 380, 460, 620, 900])
def test_no_text_touches_another_however_narrow(
    window: MainWindow, qtbot: QtBot, chart_width: int
) -> None:
    # What a narrow pane or a scale of 2 leaves the chart: labels wrap, the chart grows.
    chart = _chart(window, qtbot, 1280, 800)
    chart.setParent(None)
    qtbot.addWidget(chart)  # closed after the test
    chart.show()
    chart.resize(chart_width, 200)  # asks for more height than that
    qtbot.waitUntil(lambda: chart.minimumHeight() > 200 or chart.height() > 200)
    chart.resize(chart_width, chart.minimumHeight())
    _assert_apart(chart)


def _assert_apart(chart: RemainsChart) -> None:
    boxes = chart.text_boxes()
    whole = chart.rect()
    for box in boxes:
        assert whole.contains(box.rect.toAlignedRect()), (box.text, box.rect, whole)
    for one, other in combinations(boxes, 2):
        assert not one.rect.intersects(other.rect), (one.text, other.text)
    # Each value stands above its own bar, and its period and unit below the plot.
    for index, bar in enumerate(chart.bars):
        rect = chart.bar_rect(index)
        above, below = (b for b in boxes if b.batch_id == bar.batch_id)
        assert above.rect.bottom() <= rect.top()
        assert below.rect.top() >= rect.bottom()
        for box in (above, below):
            assert box.rect.left() <= rect.center().x() <= box.rect.right()


def test_labels_are_whole_where_there_is_room(window: MainWindow, qtbot: QtBot) -> None:
    chart = _chart(window, qtbot, 1024, 700)
    shown = {b.text.replace("\n", " ") for b in chart.text_boxes() if b.batch_id}
    assert "1990–1994 estimated remains" in shown
    assert "over 4,000 (867 declared unknown)" in shown
    assert not any("…" in text for text in shown)
