"""The window's pages, registered once: each with its title, what builds it (imported when
the page is first shown), and the kinds of record it shows, by which a record finds its page."""

from __future__ import annotations

from importlib import import_module
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

from mia_desktop.db.store import Database


class Page(NamedTuple):
    title: str
    builder: str  # "module:name" of what builds it: called with database= and parent=
    kinds: tuple[str, ...] = ()  # the records it shows (each kind has one page)

    def build(self, database: Database, parent: QWidget) -> QWidget:
        module, name = self.builder.split(":")
        page = getattr(import_module(module), name)(database=database, parent=parent)
        assert isinstance(page, QWidget)
        return page


PAGES = (
    Page("Timeline", "mia_desktop.qt.tabs.timeline:TimelineTab", ("event",)),
    Page("Remains batches", "mia_desktop.qt.tabs.base:batches_tab", ("batch",)),
    Page("Country efforts", "mia_desktop.qt.tabs.countries:CountriesTab", ("country", "effort")),
    Page("Figures", "mia_desktop.qt.tabs.base:figures_tab", ("figure",)),
    Page("Source", "mia_desktop.qt.tabs.source:SourceTab", ("passage",)),
    Page("Index", "mia_desktop.qt.tabs.index:IndexTab"),
)


def page_of_kind(kind: str) -> int:
    """The page that shows a kind of record."""
    return next(n for n, page in enumerate(PAGES) if kind in page.kinds)


def page_titled(title: str) -> int:
    return next(n for n, page in enumerate(PAGES) if page.title == title)
