"""The main window: search at the top, tabs, the citation panel beside them, menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mia_desktop import __version__
from mia_desktop.citations import cite_brief, cite_brief_html, cite_quote, cite_quote_html
from mia_desktop.db import Database
from mia_desktop.qt.citation_panel import CitationPanel
from mia_desktop.qt.search_panel import SearchPanel
from mia_desktop.qt.source_tab import SourceTab
from mia_desktop.qt.tabs import CountriesTab, RecordTab, TimelineTab, batches_tab, figures_tab
from mia_desktop.records import KIND_LABELS, Record, SourceInfo

APP_NAME = "mia-desktop"
WINDOW_TITLE = "mia-desktop — Korean War POW/MIA accounting (NCNK brief, October 2015)"


def put_on_clipboard(text: str, html: str) -> None:
    """One QMimeData with both flavours: rich text for word processors, plain for the rest."""
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)


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
        self._make_actions()

        self.search = SearchPanel(database=database, settings=settings, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.timeline = TimelineTab(database=database, parent=self.tabs)
        self.batches = batches_tab(database=database, parent=self.tabs)
        self.countries = CountriesTab(database=database, parent=self.tabs)
        self.figures = figures_tab(database=database, parent=self.tabs)
        self.source_tab = SourceTab(database=database, parent=self.tabs)
        self.record_tabs: list[RecordTab] = [
            self.timeline,
            self.batches,
            self.countries,
            self.figures,
        ]
        for tab, title in zip(
            [*self.record_tabs, self.source_tab],
            ["Timeline", "Remains batches", "Country efforts", "Figures", "Source"],
            strict=True,
        ):
            self.tabs.addTab(tab, title)
        for tab in self.record_tabs:
            tab.record_selected.connect(self.show_details)
            tab.copied.connect(self.statusBar().showMessage)

        self.panel = CitationPanel(
            database=database,
            actions=[self.copy_citation_action, self.copy_quote_action, self.show_in_source_action],
            parent=self,
        )
        self.panel.record_link_activated.connect(self.open_record)
        self.search.record_activated.connect(self.open_record)

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
        curated = [r for r in database.records() if r.kind != "passage"]
        self.statusBar().showMessage(
            f"{len(curated)} records from {self._source.publisher_short},"
            f" “{self._source.title},” {self._source.date_label}"
        )
        self._fit_to_screen(1280, 800)
        self._restore_state()
        self._update_actions()

    # -- actions and menus ------------------------------------------------------------------

    def _action(self, text: str, name: str, shortcuts: list[QKeySequence], slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        key = QKeySequence
        self.copy_citation_action = self._action(
            "Copy &citation", "copyCitationAction", [key("Ctrl+Shift+C")], self.copy_citation
        )
        self.copy_citation_action.setToolTip("Copy the selected record's citation (Ctrl+Shift+C)")
        self.copy_quote_action = self._action(
            "Copy &quote with citation",
            "copyQuoteAction",
            [key("Ctrl+Shift+Q")],
            self.copy_quote_with_citation,
        )
        self.show_in_source_action = self._action(
            "Show in &source", "showInSourceAction", [key("Ctrl+Shift+S")], self.show_in_source
        )
        self.find_action = self._action(
            "&Find…", "findAction", [key(key.StandardKey.Find), key("Ctrl+K")], self.focus_search
        )
        quit_keys = key.keyBindings(key.StandardKey.Quit) or [key("Ctrl+Q")]
        self.quit_action = self._action("&Quit", "quitAction", quit_keys, self.close)
        self.about_action = self._action("&About mia-desktop", "aboutAction", [], self.show_about)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        for action in (self.copy_citation_action, self.copy_quote_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu("&View")
        for number in range(self.tabs.count()):
            action = self._action(
                f"&{number + 1} {self.tabs.tabText(number)}",
                f"showTab{number + 1}",
                [QKeySequence(f"Ctrl+{number + 1}")],
                lambda _checked=False, n=number: self.tabs.setCurrentIndex(n),
            )
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.show_in_source_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _update_actions(self) -> None:
        has_record = self.panel.record is not None
        for action in (
            self.copy_citation_action,
            self.copy_quote_action,
            self.show_in_source_action,
        ):
            action.setEnabled(has_record)

    # -- behaviour ------------------------------------------------------------------------

    def show_details(self, record_id: str) -> None:
        self.panel.show_record(record_id)
        self._update_actions()

    def open_record(self, record_id: str) -> None:
        """Go to the record's tab, select it there, and show its details."""
        record = self._db.record(record_id)
        if record is None:
            return
        for tab in self.record_tabs:
            if record.kind in tab.kinds:
                self.tabs.setCurrentWidget(tab)
                tab.select_record(record_id)
                break
        else:  # a passage of the brief: show it in the Source tab
            self.tabs.setCurrentWidget(self.source_tab)
            self.source_tab.show_paragraph(record)
        self.show_details(record_id)
        self.statusBar().showMessage(f"{KIND_LABELS[record.kind]}: {record.title}", 5000)

    def _make_room_for_results(self, _count: int) -> None:
        # The results pane opens at about two fifths of the height, unless resized larger.
        sizes = self.search_splitter.sizes()
        total = sum(sizes)
        if self.search.container.isVisible() and sizes[0] < total * 0.3:
            self.search_splitter.setSizes([int(total * 0.42), total - int(total * 0.42)])

    def focus_search(self) -> None:
        self.search.focus()

    def copy_citation(self) -> None:
        self._copy("citation", cite_brief, cite_brief_html)

    def copy_quote_with_citation(self) -> None:
        self._copy("quote with citation", cite_quote, cite_quote_html)

    def _copy(
        self,
        what: str,
        as_text: Callable[[SourceInfo, Record], str],
        as_html: Callable[[SourceInfo, Record], str],
    ) -> None:
        record = self.panel.record
        if record is None:
            return
        put_on_clipboard(as_text(self._source, record), as_html(self._source, record))
        self.statusBar().showMessage(f"Copied {what}: {record.title}", 5000)

    def show_in_source(self) -> None:
        record = self.panel.record
        if record is None:
            return
        self.tabs.setCurrentWidget(self.source_tab)
        self.source_tab.show_paragraph(record)
        self.statusBar().showMessage(
            f"Paragraph {record.paragraph}, {record.subsection or record.section}", 5000
        )

    def show_about(self) -> None:
        source = self._source
        QMessageBox.about(
            self,
            "About mia-desktop",
            f"<h3>mia-desktop {__version__}</h3>"
            "<p>An offline reference on the accounting for Korean War POW/MIAs.</p>"
            f"<p>Source: {source.publisher} ({source.publisher_short}), "
            f"“{source.title},” {source.kind}, {source.date_label}.<br>"
            f'<a href="{source.url}">{source.url}</a><br><i>{source.url_note}</i></p>'
            f"<p>Data version: schema {source.schema_version}, inputs"
            f" {source.inputs_sha256[:12]}.<br>Figures are as of {source.date_label}.</p>",
        )

    # -- state ----------------------------------------------------------------------------

    def _fit_to_screen(self, width: int, height: int) -> None:
        # The first-run size, no larger than nine tenths of the screen.
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.9))
        self.resize(width, height)

    def _splitters(self) -> list[QSplitter]:
        return [s for s in self.findChildren(QSplitter) if s.objectName()]

    def _restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.splitter.setSizes([760, 520])
        for splitter in self._splitters():
            state = self._settings.value(f"splitters/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        tab = self._settings.value("window/tab", 0)
        try:
            index = int(tab)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            index = 0
        self.tabs.setCurrentIndex(index if 0 <= index < self.tabs.count() else 0)

    def save_state(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        for splitter in self._splitters():
            self._settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        self._settings.setValue("window/tab", self.tabs.currentIndex())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)


def clear_clipboard_on_quit(app: QApplication) -> None:
    # Offscreen, a QMimeData left on the clipboard crashes the process at exit.
    app.aboutToQuit.connect(lambda: QGuiApplication.clipboard().clear())
