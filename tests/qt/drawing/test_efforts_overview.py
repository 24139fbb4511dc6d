"""The Country efforts drawing says what the brief says: gaps as gaps, labels that don't collide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QSplitter, QWidget
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.drawing.efforts_overview import EffortsOverview
from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


def _overview(window: MainWindow, width: int, height: int = 800) -> EffortsOverview:
    window.resize(width, height)
    window.tabs.setCurrentIndex(2)
    overview = window.findChild(EffortsOverview, "effortsOverview")
    assert overview is not None
    overview.grab()  # lay it out at the width it has now
    return overview


def test_south_korea_recovery_is_drawn_with_its_26_year_gap(window: MainWindow) -> None:
    # "from 1951 to 1956" and "Since 1982": two stretches, nothing drawn in between.
    stretches = _overview(window, 1280).drawn_years("ef-south-korea-recovery")
    assert len(stretches) == 2
    (first_start, first_end), (second_start, _) = stretches
    assert first_start == pytest.approx(1951, abs=0.1)
    assert first_end == pytest.approx(1957, abs=0.1)  # through the end of 1956
    assert second_start == pytest.approx(1982, abs=0.1)


def test_a_one_period_effort_is_one_bar(window: MainWindow) -> None:
    stretches = _overview(window, 1280).drawn_years("ef-joint-recovery-north-korea")
    assert len(stretches) == 1
    assert stretches[0] == pytest.approx((1996, 2006), abs=0.1)


@pytest.mark.parametrize("width", [1024, 1280, 1920])
def test_every_bar_has_a_label_that_touches_no_other_bar_or_label(
    window: MainWindow, db: Database, width: int
) -> None:
    overview = _overview(window, width)
    titles: dict[str, str] = {e.id: e.title for e in db.records("effort")}
    for country in db.records("country"):
        labels = overview.labels(country.id)
        bars = overview.bars(country.id)
        assert labels, f"{country.title} has no efforts drawn"
        for effort_id, (label, where) in labels.items():
            assert label, f"{effort_id} has no label at {width} px"
            # What is drawn is the title, shortened with an ellipsis where room is short.
            assert titles[effort_id].startswith(label.removesuffix("…"))
            assert where.left() >= 0 and where.right() <= overview.width()
            for other_id, (other_label, other_where) in labels.items():
                if other_id != effort_id and other_label:
                    assert not where.intersects(other_where), (label, other_label)
            for other_id, rects in bars.items():
                for rect in rects:
                    assert not where.intersects(rect), (label, other_id)


def test_choosing_an_effort_scrolls_its_bar_into_view(window: MainWindow, qtbot: QtBot) -> None:
    overview = _overview(window, 1024, 700)
    window.open_record("co-united-states")
    # The effort drawn last in the United States row: far below a short window's fold.
    last = max(overview.bars("co-united-states").items(), key=lambda item: item[1][0].top())[0]
    centre = overview.bar_centre(last, "co-united-states")
    assert centre is not None
    assert not overview.visibleRegion().contains(centre.toPoint())
    window.open_record(last)
    qtbot.waitUntil(lambda: overview.visibleRegion().contains(centre.toPoint()))


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1920, 1080)])
def test_the_years_stand_right_under_the_bars(
    window: MainWindow, qtbot: QtBot, width: int, height: int
) -> None:
    overview = _overview(window, width, height)
    axis = window.findChild(QWidget, "effortsAxis")
    assert axis is not None and axis.isVisible()
    # Even when the splitter above the lists is dragged down, or restored from a larger
    # screen: the drawing's pane never grows past the drawing.
    stack = window.findChild(QSplitter, "countriesStack")
    assert stack is not None
    stack.setSizes([2000, 100])
    qtbot.wait(50)
    visible_bottom = overview.visibleRegion().boundingRect().bottom()
    bars_end = overview.mapTo(window, QPoint(0, visible_bottom)).y()
    years_start = axis.mapTo(window, QPoint(0, 0)).y()
    assert 0 <= years_start - bars_end <= 4
