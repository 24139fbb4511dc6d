"""The window's pages, registered once: each with its title, what builds it (imported when
the page is first shown), and the kinds of record it shows, by which a record finds its page."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module
from typing import NamedTuple, TypeVar

from PySide6.QtWidgets import QTabWidget, QWidget

from mia_desktop.db.store import Database
from mia_desktop.qt.tabs.lazy import LazyTab

PageT = TypeVar("PageT", bound=QWidget)


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
    Page("Figures", "mia_desktop.qt.tabs.figures:FiguresTab", ("figure",)),
    Page("Source", "mia_desktop.qt.tabs.source:SourceTab", ("passage",)),
    Page("Index", "mia_desktop.qt.tabs.index:IndexTab"),
)


def page_of_kind(kind: str) -> int:
    """The page that shows a kind of record."""
    return next(n for n, page in enumerate(PAGES) if kind in page.kinds)


def page_titled(title: str) -> int:
    return next(n for n, page in enumerate(PAGES) if page.title == title)


class PageStack:
    """The window's tabs, one per Page, each built the first time it is shown or asked for."""

    def __init__(
        self, *, tabs: QTabWidget, database: Database, on_built: Callable[[QWidget], None]
    ) -> None:
        self._tabs = tabs
        self._lazy: list[LazyTab[QWidget]] = []
        for spec in PAGES:
            lazy: LazyTab[QWidget] = LazyTab(
                build=partial(spec.build, database), on_built=on_built, parent=tabs
            )
            self._lazy.append(lazy)
            tabs.addTab(lazy, spec.title)
        tabs.currentChanged.connect(lambda index: self._lazy[index].content())

    def get(self, index: int, kind: type[PageT]) -> PageT:
        """A page's content, built if need be."""
        content = self._lazy[index].content()
        assert isinstance(content, kind)
        return content

    def current(self) -> QWidget:
        """What the current tab shows (building it if need be)."""
        return self._lazy[self._tabs.currentIndex()].content()

    def rebuild(self) -> None:
        """Build every page again (the view changed); the one on screen at once."""
        for lazy in self._lazy:
            lazy.reset()
        self.current()

    def built(self) -> list[tuple[int, QWidget]]:
        """The pages built so far, with their places."""
        return [(n, lazy.content()) for n, lazy in enumerate(self._lazy) if lazy.built]
