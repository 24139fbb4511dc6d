"""The window's pages, registered once: each with its title, how it is built (when first
shown), and the kinds of record it shows, by which a record finds its page."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

from mia_desktop.db.store import Database

Build = Callable[[Database, QWidget], QWidget]


def _timeline(database: Database, parent: QWidget) -> QWidget:
    from mia_desktop.qt.tabs.timeline import TimelineTab  # the first page: loaded at start

    return TimelineTab(database=database, parent=parent)


def _batches(database: Database, parent: QWidget) -> QWidget:
    from mia_desktop.qt.tabs.base import batches_tab

    return batches_tab(database=database, parent=parent)


def _countries(database: Database, parent: QWidget) -> QWidget:
    from mia_desktop.qt.tabs.countries import CountriesTab

    return CountriesTab(database=database, parent=parent)


def _figures(database: Database, parent: QWidget) -> QWidget:
    from mia_desktop.qt.tabs.base import figures_tab

    return figures_tab(database=database, parent=parent)


def _source(database: Database, parent: QWidget) -> QWidget:
    from mia_desktop.qt.tabs.source import SourceTab

    return SourceTab(database=database, parent=parent)


def _index(database: Database, parent: QWidget) -> QWidget:
    from mia_desktop.qt.tabs.index import IndexTab

    return IndexTab(database=database, parent=parent)


class Page(NamedTuple):
    title: str
    build: Build
    kinds: tuple[str, ...] = ()  # the records it shows (each kind has one page)


PAGES = (
    Page("Timeline", _timeline, ("event",)),
    Page("Remains batches", _batches, ("batch",)),
    Page("Country efforts", _countries, ("country", "effort")),
    Page("Figures", _figures, ("figure",)),
    Page("Source", _source, ("passage",)),
    Page("Index", _index),
)


def page_of_kind(kind: str) -> int:
    """The page that shows a kind of record."""
    return next(n for n, page in enumerate(PAGES) if kind in page.kinds)


def page_titled(title: str) -> int:
    return next(n for n, page in enumerate(PAGES) if page.title == title)
