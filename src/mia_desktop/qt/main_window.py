"""The main window: search at the top, tabs, the citation panel beside them, menus."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db.store import Database
from mia_desktop.qt.citation_panel import CitationPanel
from mia_desktop.qt.citing_actions import CopyCommands
from mia_desktop.qt.export_flow import ExportFlow
from mia_desktop.qt.first_paint import FirstPaint
from mia_desktop.qt.pages import PageStack, page_of_kind, page_titled
from mia_desktop.qt.search_panel import SearchPanel
from mia_desktop.qt.settings import (
    THEME_KEY,
)
from mia_desktop.qt.tabs.base import RecordTab, TableTab
from mia_desktop.qt.tabs.timeline import TimelineTab
from mia_desktop.qt.theme import THEMES, apply_theme
from mia_desktop.qt.view_choice import ViewChoice
from mia_desktop.qt.window_actions import fill_menus, make_window_actions, window_action
from mia_desktop.qt.window_state import (
    fit_to_screen,
    named_splitters,
    restore_splitters,
    restore_window,
    save_window,
    walk_in_order,
)
from mia_desktop.records import ALL_RECORDS_NOTE, KIND_LABELS, Record

if TYPE_CHECKING:
    from mia_desktop.citing.citer import Citer
    from mia_desktop.qt.locate_dialog import LocateDialog
    from mia_desktop.qt.tabs.countries import CountriesTab
    from mia_desktop.qt.tabs.index import IndexTab
    from mia_desktop.qt.tabs.source import SourceTab

# Start-up builds only what the first window shows. The other tabs, the citation code,
# export and help load when first used (their modules are imported there).

_SOURCE_PAGE = page_of_kind("passage")
_INDEX_PAGE = page_titled("Index")
PageT = TypeVar("PageT", bound=QWidget)
# Qt adds the application's display name ("— mia-desktop") to every window's title.
WINDOW_TITLE = "Korean War POW/MIA accounting (NCNK brief, October 2015)"


class MainWindow(QMainWindow):
    def __init__(
        self, *, database: Database, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self._db = database
        self._settings = settings
        self._source = database.source()
        self._locate_dialog: LocateDialog | None = None
        self.first_paint = FirstPaint(self)
        # The palette first: widgets made after it need no second polish.
        saved_theme = settings.value(THEME_KEY, "system", type=str)
        self.theme = saved_theme if saved_theme in THEMES else "system"
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.scheme = apply_theme(app, self.theme, initial=True)
        self.menu_actions = make_window_actions(self, self)
        # Before the pages: they read the records within the chosen view.
        self.view_choice = ViewChoice(database=database, settings=settings, window=self)

        self.search = SearchPanel(database=database, settings=settings, parent=self)
        self.first_paint.then(self.search.build_results)  # hidden until a search
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        # Each page is built when first shown or needed, so start-up builds one.
        self.pages = PageStack(tabs=self.tabs, database=database, on_built=self._wire_tab)

        self.panel = CitationPanel(
            database=database,
            citer=lambda: self.citer,
            settings=settings,
            actions=[
                self.menu_actions.copy_citation,
                self.menu_actions.copy_markdown,
                self.menu_actions.copy_quote,
                self.menu_actions.show_in_source,
            ],
            parent=self,
        )
        say = self.statusBar().showMessage
        self.copying = CopyCommands(
            panel=self.panel, citer=lambda: self.citer, database=database, say=say
        )
        self.exporting = ExportFlow(
            window=self,
            database=database,
            settings=settings,
            citer=lambda: self.citer,
            selected_records=self.selected_records,
            say=say,
        )
        self.panel.record_link_activated.connect(self.open_record)
        self.panel.index_heading_activated.connect(self.show_index_heading)
        self.panel.lead_copy_requested.connect(self.copying.lead)
        self.panel.style_changed.connect(self._name_copy_actions)
        self.search.record_activated.connect(self.open_record)
        self.search.answer_copied.connect(self.copying.answer)
        self.search.locate_requested.connect(self.show_locate_dialog)
        self.search.record_highlighted.connect(self.show_details)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("searchSplitter")
        left.addWidget(self.search.container)
        left.addWidget(self.tabs)
        left.setStretchFactor(1, 1)
        self.search_splitter = left
        self.search.results_changed.connect(self._make_room_for_results)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)

        toolbar = QToolBar("Search", self)
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search.field)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self._make_menus()
        self.statusBar().addPermanentWidget(self.view_choice.label)
        self.view_choice.changed.connect(self._on_view_changed)
        curated = database.count_records(exclude_kind="passage")
        self.statusBar().showMessage(
            f"{curated:,} records ({ALL_RECORDS_NOTE}) from {self._source.publisher_short},"
            f" “{self._source.title},” {self._source.date_label}"
        )
        fit_to_screen(self, 1280, 800)
        self.splitter.setSizes([760, 520])
        restore_window(settings, self, [self.splitter, self.search_splitter], self.tabs)
        self.menu_actions.themes[self.theme].setChecked(True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        self.first_paint.then(self._set_tab_order)
        self._name_copy_actions()
        self.pages.current()  # build the page on screen now; the others when opened

    @cached_property
    def citer(self) -> Citer:
        from mia_desktop.citing.citer import Citer

        return Citer(self._db)

    # -- actions and menus ------------------------------------------------------------------

    def _action(
        self, text: str, name: str, shortcuts: list[QKeySequence], slot: Callable[[], object]
    ) -> QAction:
        return window_action(self, text, name, shortcuts, slot)

    def _name_copy_actions(self, _style: str = "") -> None:
        self.copying.name_actions(
            citation=self.menu_actions.copy_citation,
            markdown=self.menu_actions.copy_markdown,
            quote=self.menu_actions.copy_quote,
        )

    def _make_menus(self) -> None:
        pages = [
            self._action(
                f"&{n + 1} {self.tabs.tabText(n)}",
                f"showTab{n + 1}",
                [QKeySequence(f"Ctrl+{n + 1}")],
                self._show_page(n),
            )
            for n in range(self.tabs.count())
        ]
        fill_menus(
            self.menuBar(),
            [
                ("&File", [self.menu_actions.export, None, self.menu_actions.quit]),
                (
                    "&Edit",
                    [
                        self.menu_actions.copy_citation,
                        self.menu_actions.copy_short,
                        self.menu_actions.copy_bibliography,
                        self.menu_actions.copy_quote,
                        self.menu_actions.copy_markdown,
                        None,
                        self.menu_actions.find,
                        self.menu_actions.locate,
                    ],
                ),
                (
                    "&View",
                    [
                        *pages,
                        None,
                        self.menu_actions.show_in_source,
                        self.view_choice.brief_only,
                        self.view_choice.with_later,
                        ("&Theme", list(self.menu_actions.themes.values())),
                    ],
                ),
                (
                    "&Help",
                    [
                        self.menu_actions.help,
                        self.menu_actions.shortcuts,
                        None,
                        self.menu_actions.about,
                    ],
                ),
            ],
        )

    def _on_view_changed(self, later_shown: bool) -> None:
        """Every page, the results and the panel again, within the new view."""
        shown = self._shown_record()
        self.pages.rebuild()
        self.search.clear_filters()  # a source filter means nothing in the brief's own view
        self.search.run_search()
        if shown is not None and (later_shown or not shown.is_later):
            self.show_details(shown.id)
        elif shown is not None:  # a later record, now hidden: neither shown nor copied
            self.panel.clear()
            self._keep_highlights_for(None)
        self.statusBar().showMessage(
            "Showing the later sources beside the brief" if later_shown else
            "Showing the brief as published (October 2015): later sources hidden",
            5000,
        )  # fmt: skip

    def _show_page(self, number: int) -> Callable[[], None]:
        return lambda: self.tabs.setCurrentIndex(number)

    def _shown_record(self) -> Record | None:
        return self.copying.shown_record()

    # -- behaviour ------------------------------------------------------------------------

    def show_details(self, record_id: str) -> None:
        """Show the record in the panel; it becomes what the copy commands copy, and the
        only record highlighted anywhere (a highlight elsewhere would say otherwise)."""
        self.panel.show_record(record_id)
        self._keep_highlights_for(self.panel.record)

    def _keep_highlights_for(self, record: Record | None) -> None:
        record_id = record.id if record else None
        self.search.keep_highlight_only_for(record_id)
        for index, content in self.pages.built():
            if isinstance(content, RecordTab):
                content.keep_highlight_only_for(record_id)
            elif index == _SOURCE_PAGE:
                self.source_tab.mark(record)
            elif index == _INDEX_PAGE:
                self.index_tab.keep_highlight_only_for(record_id)

    def show_locate_dialog(self, text: str = "") -> LocateDialog:
        """Where is this from? One dialog, kept: it remembers the last text pasted."""
        from mia_desktop.qt.locate_dialog import LocateDialog

        if self._locate_dialog is None:
            self._locate_dialog = LocateDialog(database=self._db, parent=self)
            self._locate_dialog.record_link_activated.connect(self.open_record)
        if text:
            self._locate_dialog.locate_text(text)
        self._locate_dialog.show()
        self._locate_dialog.raise_()
        self._locate_dialog.activateWindow()
        self._locate_dialog.input.setFocus()
        return self._locate_dialog

    def show_index_heading(self, term: str) -> None:
        """Open the Index tab at a heading (from the panel's index terms)."""
        self.tabs.setCurrentIndex(_INDEX_PAGE)
        self.index_tab.show_heading(term)

    def open_record(self, record_id: str) -> None:
        """Go to the record's tab, select it there, and show its details."""
        record = self._db.record(record_id)
        if record is None:
            return
        page = page_of_kind(record.kind) if record.kind != "passage" else None
        if page is not None:
            self.tabs.setCurrentIndex(page)
            tab = self.pages.get(page, RecordTab)
            tab.select_record(record_id)
        else:  # a passage of the brief: show it in the Source tab
            self.tabs.setCurrentIndex(_SOURCE_PAGE)
            self.source_tab.show_paragraph(record)
        self.show_details(record_id)
        self.statusBar().showMessage(f"{KIND_LABELS[record.kind]}: {record.title}", 5000)

    def _make_room_for_results(self, _count: int) -> None:
        # The results pane opens at about a third of the height, unless resized larger:
        # the tab below keeps room for its drawing and several rows of its list.
        sizes = self.search_splitter.sizes()
        total = sum(sizes)
        if self.search.container.isVisible() and sizes[0] < total * 0.25:
            self.search_splitter.setSizes([int(total * 0.34), total - int(total * 0.34)])

    def focus_search(self) -> None:
        self.search.focus()

    # -- the pages, built on first use ----------------------------------------------------

    def _wire_tab(self, tab: QWidget) -> None:
        restore_splitters(self._settings, named_splitters(tab))  # a tab's own, as it is built
        if isinstance(tab, RecordTab):
            tab.record_selected.connect(self.show_details)
            tab.copied.connect(self.statusBar().showMessage)
            self.first_paint.then(self._set_tab_order)  # the new page's controls join the walk
            # A row a new tab selected for itself is not what the panel shows.
            record = self.panel.record
            tab.keep_highlight_only_for(record.id if record else None)
            return
        from mia_desktop.qt.tabs.index import IndexTab  # not loaded before the Index opens

        if isinstance(tab, IndexTab):
            tab.record_selected.connect(self.show_details)
            tab.record_activated.connect(self.open_record)
            self.first_paint.then(self._set_tab_order)

    @property
    def timeline(self) -> TimelineTab:
        return self.pages.get(0, TimelineTab)

    @property
    def batches(self) -> TableTab:
        return self.pages.get(1, TableTab)

    @property
    def countries(self) -> CountriesTab:
        from mia_desktop.qt.tabs.countries import CountriesTab

        return self.pages.get(2, CountriesTab)

    @property
    def figures(self) -> TableTab:
        return self.pages.get(3, TableTab)

    @property
    def index_tab(self) -> IndexTab:
        from mia_desktop.qt.tabs.index import IndexTab

        return self.pages.get(_INDEX_PAGE, IndexTab)

    @property
    def source_tab(self) -> SourceTab:
        from mia_desktop.qt.tabs.source import SourceTab

        return self.pages.get(_SOURCE_PAGE, SourceTab)

    def selected_records(self) -> list[Record]:
        tab = self.pages.current()
        ids = tab.selected_record_ids() if isinstance(tab, RecordTab) else []
        return self._db.records_by_id(ids)

    def show_in_source(self) -> None:
        record = self._shown_record()
        if record is None:
            return
        self.tabs.setCurrentIndex(_SOURCE_PAGE)
        self.source_tab.show_paragraph(record)
        self.statusBar().showMessage(
            f"Paragraph {record.paragraph}, {record.subsection or record.section}", 5000
        )

    # -- theme, help, keyboard -------------------------------------------------------------

    def set_theme(self, theme: str, *, save: bool = True) -> None:
        """Light, dark or the system's scheme; every view draws with the palette."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.scheme = apply_theme(app, theme)
        self.theme = theme
        self.menu_actions.themes[theme].setChecked(True)
        if save:
            self._settings.setValue(THEME_KEY, theme)
        if self.panel.record is not None:
            self.panel.show_record(self.panel.record.id)  # its highlight follows the palette

    def _on_system_scheme(self) -> None:
        # A closed window (its database may be closed too) no longer follows the system.
        if self.theme == "system" and self.isVisible():
            self.set_theme("system", save=False)

    def show_help(self) -> None:
        from mia_desktop.qt.help import show_help

        show_help(self)

    def show_shortcuts(self) -> None:
        from mia_desktop.qt.help import show_shortcuts

        show_shortcuts(self, self.findChildren(QAction))

    def show_about(self) -> None:
        from mia_desktop.qt.help import show_about

        show_about(self, self._source)

    def _set_tab_order(self) -> None:
        """Tab walks every control once, in reading order: the search field, its filters and
        results, the tab bar, the page's controls, then the citation panel's."""
        search = self.search
        walk_in_order(
            [
                search.field,
                search.answer,  # its link to the answering record
                search.copy_answer,
                search.status,  # its links: "Did you mean ...?", "Show all"
                search.kind_filter,
                search.country_filter,
                search.decade_filter,
                search.results,
                self.tabs,
            ],
            [page for _index, page in self.pages.built()],
            panel=self.panel,
            panel_view=self.panel.view,
        )

    # -- state ----------------------------------------------------------------------------

    def _splitters(self) -> list[QSplitter]:
        """The window's splitters and those of the tabs built so far (a search of the
        window's whole widget tree would cost start-up a wrapper for every widget)."""
        found = [self.splitter, self.search_splitter]
        for _index, page in self.pages.built():
            found += named_splitters(page)
        return found

    def save_state(self) -> None:
        save_window(self._settings, self, self._splitters(), self.tabs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.first_paint.painted:
            # Typing at once searches. (The Tab walk, set after the first frame, would
            # otherwise leave the focus to whichever control Qt finds first.)
            self.search.field.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def quit_unsaved(self) -> None:
        """End the app without a user's close: the saved window state stays as it was, and
        what waited for the first frame is left undone."""
        self.first_paint.cancel()
        self.search.cancel_pending()
        QCoreApplication.exit(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.search.cancel_pending()  # no search may run after the window (and database) close
        self.save_state()
        super().closeEvent(event)


def clear_clipboard_on_quit(app: QApplication) -> None:
    # Offscreen, a QMimeData left on the clipboard crashes the process at exit.
    app.aboutToQuit.connect(lambda: QGuiApplication.clipboard().clear())
