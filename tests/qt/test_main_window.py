"""The desktop app driven as a user would: tabs, search, selection, citation, copying."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QListView,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from mia_desktop.db.store import Database
from mia_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


def _tabs(window: MainWindow) -> QTabWidget:
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    return tabs


def _current_title(window: MainWindow) -> str:
    tabs = _tabs(window)
    return tabs.tabText(tabs.currentIndex())


def _citation_text(window: MainWindow) -> str:
    view = window.findChild(QTextBrowser, "citationView")
    assert view is not None
    return view.toPlainText()


def _table(window: MainWindow, name: str) -> QTableView:
    table = window.findChild(QTableView, name)
    assert table is not None
    return table


def test_window_title_and_tabs(window: MainWindow) -> None:
    assert window.objectName() == "mainWindow"
    # The title names the subject once; Qt adds the app's name ("— mia-desktop") itself.
    assert window.windowTitle() == "Korean War POW/MIA accounting (NCNK brief, October 2015)"
    assert "mia-desktop" not in window.windowTitle()
    tabs = _tabs(window)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[:3] == ["Timeline", "Remains batches", "Country efforts"]
    assert "Source" in titles


def test_switching_tabs_shows_records(window: MainWindow, qtbot: QtBot, db: Database) -> None:
    tabs = _tabs(window)
    tabs.setCurrentIndex(0)
    timeline = _table(window, "timelineTable")
    events = len(db.records("event"))
    assert timeline.isVisible() and timeline.model().rowCount() == events >= 40
    first = timeline.model().index(0, 1).data()
    assert "3,198" in first or "South Korean battlefields" in first
    tabs.setCurrentIndex(1)
    batches = _table(window, "batchesTable")
    assert batches.isVisible()
    texts = [batches.model().index(r, 1).data() for r in range(batches.model().rowCount())]
    assert any("K208" in t for t in texts)
    counts = [batches.model().index(r, 3).data() for r in range(batches.model().rowCount())]
    assert "over 4,000" in counts and "not stated in source" in counts
    individuals = [batches.model().index(r, 5).data() for r in range(batches.model().rowCount())]
    assert "375–400" in individuals
    tabs.setCurrentIndex(2)
    countries = _table(window, "countriesTable")
    names = [countries.model().index(r, 0).data() for r in range(countries.model().rowCount())]
    assert names == ["North Korea", "South Korea", "China", "Russia", "United States"]


def test_selecting_an_event_shows_its_quote_and_citation(window: MainWindow) -> None:
    timeline = _table(window, "timelineTable")
    model = timeline.model()
    row = next(r for r in range(model.rowCount()) if "Operation Glory" in model.index(r, 1).data())
    timeline.setCurrentIndex(model.index(row, 1))
    text = _citation_text(window)
    assert "“Operation Glory” in 1954." in text
    assert "endnote 5" in text
    assert "National Committee on North Korea, Korean War POW/MIAs, issue brief" in text
    assert "identified independently; not the brief's own endnote" in text


def test_timeline_filters_by_category_and_country(window: MainWindow) -> None:
    timeline = _table(window, "timelineTable")
    tab = window.timeline
    tab.category_filter.setCurrentText("agreement")
    categories = {timeline.model().index(r, 2).data() for r in range(timeline.model().rowCount())}
    assert categories == {"agreement"}
    tab.country_filter.setCurrentIndex(tab.country_filter.findText("Russia"))
    assert timeline.model().rowCount() == 0
    tab.category_filter.setCurrentIndex(0)
    rows = timeline.model().rowCount()
    assert rows > 0
    assert all("Russia" in timeline.model().index(r, 3).data() for r in range(rows))


def test_search_k208_activate_result_lands_on_the_record(window: MainWindow, qtbot: QtBot) -> None:
    field = window.search.field
    assert field.objectName() == "searchField"
    qtbot.keyClicks(field, "K208")
    results = window.findChild(QListView, "searchResults")
    assert results is not None
    qtbot.waitUntil(lambda: results.model().rowCount() > 0, timeout=2000)
    model = results.model()
    row = next(r for r in range(model.rowCount()) if "Remains batch" in model.index(r, 0).data())
    results.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert _current_title(window) == "Remains batches"
    batches = _table(window, "batchesTable")
    assert "K208" in batches.currentIndex().siblingAtColumn(1).data()
    text = _citation_text(window)
    # the endnote is a fact about the passage; the citation points to its heading
    assert "endnote 15" in text and "n. 15" not in text
    assert "under “Remains Recovery Operations in North Korea,”" in text


def test_enter_in_the_search_field_opens_the_first_result(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search.field, "Richardson")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert "Richardson" in _citation_text(window)


def test_hostile_search_text_shows_results_or_no_results(window: MainWindow, qtbot: QtBot) -> None:
    for text in ['U.S."', "NEAR(", "((", "*", "zzzzqq", "🙂", "AND OR NOT"]:
        window.search.field.setText(text)
        window.search.run_search()
        status = window.search.status.text()
        assert re.search(
            r"\d+ (of \d+ )?(results?|records?) with|No results for|No words to search", status
        )


def test_escape_clears_and_ctrl_f_focuses(window: MainWindow, qtbot: QtBot) -> None:
    field = window.search.field
    qtbot.keyClicks(field, "Glory")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    _table(window, "timelineTable").setFocus()
    window.menu_actions.find.trigger()
    assert field.hasFocus() or QGuiApplication.focusObject() is field


def test_copy_citation_puts_plain_and_html_on_the_clipboard(window: MainWindow) -> None:
    window.open_record("ba-k208-1990-1994")
    assert window.menu_actions.copy_citation.objectName() == "copyCitationAction"
    assert window.menu_actions.copy_citation.shortcut().toString() == "Ctrl+Shift+C"
    window.menu_actions.copy_citation.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text().startswith("National Committee on North Korea, Korean War POW/MIAs,")
    assert "under “Remains Recovery" in mime.text() and "<" not in mime.text()
    assert "<i>Korean War POW/MIAs</i>" in mime.html()
    assert '<a href="https://www.ncnk.org/' in mime.html()
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Copied the Chicago 18 (notes and bibliography) note: ")
    )


def test_copy_quote_with_citation(window: MainWindow) -> None:
    window.open_record("fi-clarified-via-russia-commission")
    window.menu_actions.copy_quote.trigger()
    text = QGuiApplication.clipboard().mimeData().text()
    quote, citation = text.split("\n")
    assert "336 Korean War personnel" in quote
    assert citation.endswith("korean-war-powmias.") and "under “Russia,”" in citation


def test_ctrl_c_in_a_table_copies_rows_with_a_header(window: MainWindow, qtbot: QtBot) -> None:
    _tabs(window).setCurrentIndex(1)
    batches = _table(window, "batchesTable")
    batches.setFocus()
    batches.selectRow(0)
    qtbot.keyClick(batches, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:4] == ["Period", "Batch", "Origin", "Count"]
    assert len(lines) == 2
    assert "Copied 1 row" in window.statusBar().currentMessage()


def test_show_in_source_jumps_to_the_paragraph(window: MainWindow) -> None:
    window.open_record("ev-2014-kcna-statement")
    window.menu_actions.show_in_source.trigger()
    assert _current_title(window) == "Source"
    source = window.findChild(QTextBrowser, "sourceView")
    assert source is not None
    assert "natureremaking projects, flood damage, etc…”23" in source.toPlainText()


def test_related_link_opens_the_related_record(window: MainWindow) -> None:
    window.open_record("ev-2007-richardson-repatriation")
    window.panel.record_link_activated.emit("ba-richardson-2007")
    assert _current_title(window) == "Remains batches"
    assert "Remains batch" in _citation_text(window)


def test_splitter_positions_are_remembered(qtbot: QtBot, db: Database, settings_path: Path) -> None:
    first = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(first)
    first.resize(760, 560)  # fits the offscreen screen, so the geometry restores exactly
    first.show()
    first.splitter.setSizes([500, 240])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(second)
    second.show()
    assert second.splitter.sizes() == sizes


def test_a_tabs_splitter_position_is_remembered(
    qtbot: QtBot, db: Database, settings_path: Path
) -> None:
    def timeline_splitter(window: MainWindow) -> QSplitter:
        found = window.findChild(QSplitter, "timelineSplitter")
        assert isinstance(found, QSplitter)
        return found

    first = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.show()
    default = timeline_splitter(first).sizes()
    timeline_splitter(first).setSizes([default[0] + 30, default[1] - 30])
    sizes = timeline_splitter(first).sizes()
    assert sizes != default
    first.close()
    second = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(second)
    second.show()
    assert timeline_splitter(second).sizes() == sizes


def test_last_tab_is_remembered(qtbot: QtBot, db: Database, settings_path: Path) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    first = MainWindow(database=db, settings=settings)
    qtbot.addWidget(first)
    _tabs(first).setCurrentIndex(2)
    first.close()
    second = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(second)
    assert _tabs(second).currentIndex() == 2


def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.timeline.model)
    qtmodeltester.check(window.batches.model)
    qtmodeltester.check(window.countries.effort_model)
    qtmodeltester.check(window.countries.country_model)
    qtmodeltester.check(window.figures.model)
    qtmodeltester.check(window.timeline.table.model())  # the sorting and filtering proxy
    window.search.field.setText("Glory")
    window.search.run_search()
    qtmodeltester.check(window.search.model)


def _search(window: MainWindow, text: str) -> None:
    window.search.field.setText(text)
    window.search.run_search()


def test_search_filters_show_counts_and_narrow_results(window: MainWindow) -> None:
    _search(window, "remains")
    kind = window.search.kind_filter
    labels = [kind.itemText(i) for i in range(kind.count())]
    batch_label = next(label for label in labels if label.startswith("Remains batch ("))
    expected = int(batch_label.rsplit("(", 1)[1].rstrip(")"))
    kind.setCurrentIndex(labels.index(batch_label))
    results = window.search.results.model()
    assert results.rowCount() == expected
    assert all(results.index(r, 0).data().startswith("Remains batch") for r in range(expected))
    assert f"{expected} result" in window.search.status.text()


def test_misspelt_search_says_what_it_searched_instead(window: MainWindow) -> None:
    _search(window, "Richardsen")
    assert "showing results for 'Richardson'" in window.search.status.text()
    assert window.search.results.model().rowCount() > 0


def test_did_you_mean_link_searches_the_suggestion(window: MainWindow) -> None:
    _search(window, "Glory Richardsen")
    assert "Did you mean" in window.search.status.text()
    window.search.status.linkActivated.emit("suggest")
    assert window.search.field.text() == "Glory Richardson"


def test_aliases_are_disclosed_in_the_status(window: MainWindow) -> None:
    _search(window, "Punchbowl")
    assert "Also searched: Punch Bowl, National Memorial Cemetery" in window.search.status.text()


def test_search_history_is_kept_and_recalled_with_down(
    qtbot: QtBot, db: Database, settings_path: Path
) -> None:
    first = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(first)
    first.show()
    for text in ("K208", "Operation Glory", "K208"):
        qtbot.keyClicks(first.search.field, text)
        qtbot.keyClick(first.search.field, Qt.Key.Key_Return)
        first.search.field.clear()
    assert first.search.history() == ["K208", "Operation Glory"]
    first.close()
    second = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.search.history() == ["K208", "Operation Glory"]
    second.search.field.setFocus()
    qtbot.keyClick(second.search.field, Qt.Key.Key_Down)
    popup = second.search.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["K208", "Operation Glory"]


def test_a_passage_result_opens_the_source(window: MainWindow, qtbot: QtBot) -> None:
    _search(window, "natureremaking")
    model = window.search.results.model()
    row = next(
        r for r in range(model.rowCount()) if "Passage of the brief ·" in model.index(r, 0).data()
    )
    window.search.results.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert _current_title(window) == "Source"
    assert "Paragraph 12" in _citation_text(window)


def _choose_style(window: MainWindow, key: str) -> None:
    chooser = window.findChild(QComboBox, "citationStyle")
    assert chooser is not None
    chooser.setCurrentIndex(chooser.findData(key))


def _choose_form(window: MainWindow, key: str) -> None:
    chooser = window.findChild(QComboBox, "citationForm")
    assert chooser is not None
    chooser.setCurrentIndex(chooser.findData(key))


def test_copy_in_two_styles_gives_both_flavours(window: MainWindow) -> None:
    window.open_record("fi-clarified-via-russia-commission")
    _choose_style(window, "apa")
    window.menu_actions.copy_citation.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "(National Committee on North Korea, 2015, Russia section, para. 1)"
    assert mime.hasHtml() and "Russia section, para. 1" in mime.html()
    _choose_style(window, "chicago")
    window.menu_actions.copy_bibliography.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text().startswith("National Committee on North Korea. Korean War POW/MIAs.")
    assert "<i>Korean War POW/MIAs</i>" in mime.html() and "<a href=" in mime.html()
    assert "Chicago" in window.statusBar().currentMessage()


def test_copy_as_markdown_links_the_url(window: MainWindow) -> None:
    window.open_record("ba-k208-1990-1994")
    window.menu_actions.copy_markdown.trigger()
    text = QGuiApplication.clipboard().mimeData().text()
    assert text.startswith("National Committee on North Korea, *Korean War POW/MIAs*")
    assert "<https://www.ncnk.org/" in text and "under “Remains Recovery" in text


def test_style_and_form_choices_are_remembered(
    qtbot: QtBot, db: Database, settings_path: Path
) -> None:
    first = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(first)
    _choose_style(first, "mla")
    _choose_form(first, "bibliography")
    first.close()
    second = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(second)
    chooser = second.findChild(QComboBox, "citationStyle")
    assert chooser is not None and chooser.currentText() == "MLA 9"
    form = second.findChild(QComboBox, "citationForm")
    assert form is not None and form.currentText() == "Works-cited entry"


def test_citation_panel_shows_the_chosen_style(window: MainWindow) -> None:
    window.open_record("fi-clarified-via-russia-commission")
    _choose_style(window, "chicago-author-date")
    expected = "(National Committee on North Korea 2015, under “Russia”)"
    assert expected in _citation_text(window)


def test_a_likely_source_is_copied_as_a_lead(window: MainWindow) -> None:
    window.open_record("ev-2013-gao-report")
    _choose_form(window, "bibliography")
    window.panel.view.anchorClicked.emit(QUrl("copy-lead:13"))
    text = QGuiApplication.clipboard().mimeData().text()
    assert text.startswith("U.S. Government Accountability Office. DOD's POW/MIA Mission")
    assert "not the brief's own endnote" in window.statusBar().currentMessage()


def test_export_all_records_as_markdown_and_the_bibliography(
    window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "records.md"
    assert window.exporting.export_to(target, what="all", fmt="markdown")
    text = target.read_text(encoding="utf-8")
    assert "> Between 1990 and 1994, North Korea turned over" in text
    assert "Cite: National Committee on North Korea, *Korean War POW/MIAs*" in text
    bib = tmp_path / "refs.bib"
    assert window.exporting.export_to(bib, what="bibliography", fmt="bibtex")
    assert bib.read_text(encoding="utf-8").startswith("@techreport{ncnk2015,")
    assert "Exported the bibliography" in window.statusBar().currentMessage()


def test_export_selected_rows_as_csv(window: MainWindow, tmp_path: Path) -> None:
    _tabs(window).setCurrentIndex(1)
    batches = _table(window, "batchesTable")
    batches.selectRow(0)
    batches.selectionModel().select(
        batches.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    target = tmp_path / "two.csv"
    assert window.exporting.export_to(target, what="selected", fmt="csv")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("kind,id,title") and len(lines) == 3


def test_an_unwritable_export_says_why_and_writes_nothing(
    window: MainWindow, tmp_path: Path, bundled_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    assert not window.exporting.export_to(
        tmp_path / "no-such-folder" / "x.json", what="all", fmt="json"
    )
    assert shown and "no such folder" in shown[0] and "Nothing was written" in shown[0]
    before = bundled_db_path.read_bytes()
    assert not window.exporting.export_to(bundled_db_path, what="all", fmt="json")
    assert "that is the app's database" in shown[1]
    assert bundled_db_path.read_bytes() == before


def test_the_event_list_opens_with_readable_columns(window: MainWindow) -> None:
    # Sized to its rows: a fresh window shows whole short titles and dates, not "North …".
    table = window.timeline.table
    metrics = table.fontMetrics()
    assert table.columnWidth(1) > metrics.horizontalAdvance("Recovery operations in South Korean")
    assert table.columnWidth(0) > metrics.horizontalAdvance("April–May 1953")


def test_the_status_bar_and_export_count_the_same_records(
    qtbot: QtBot, db: Database, settings_path: Path, tmp_path: Path
) -> None:
    main = MainWindow(
        database=db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(main)
    curated = db.count_records(exclude_kind="passage")
    assert (
        main.statusBar()
        .currentMessage()
        .startswith(
            f"{curated} records (events, remains batches, countries, efforts and figures) from NCNK"
        )
    )
    assert main.exporting.export_to(tmp_path / "all.json", what="all", fmt="json")
    assert main.statusBar().currentMessage().startswith(f"Exported {curated} records to ")


def test_the_next_start_removes_what_a_killed_export_left(
    window: MainWindow, tmp_path: Path, settings_path: Path, bundled_db_path: Path
) -> None:
    import os
    import time

    from mia_desktop.export import TEMPORARY_MARK
    from mia_desktop.qt.app import run

    folder = tmp_path / "exports"
    folder.mkdir()
    assert window.exporting.export_to(folder / "all.json", what="all", fmt="json")
    assert window.exporting.export_folder() == folder  # the save dialog opens there next time
    window.close()  # its settings are saved
    leftover = folder / f".all.json{TEMPORARY_MARK}k1ll3d.tmp"  # as kill -9 mid-write leaves
    leftover.write_text("{half")
    hours_ago = time.time() - 2 * 3600
    os.utime(leftover, (hours_ago, hours_ago))
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    # The tidying is start-up's work after the first frame, which --exit-after-startup
    # leaves undone: the app runs until its window is gone, closed once the folder is tidy.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    started = time.monotonic()

    def close_once_tidy() -> None:
        if not leftover.exists() or time.monotonic() - started > 20:
            QApplication.closeAllWindows()
        else:
            QTimer.singleShot(20, close_once_tidy)

    QTimer.singleShot(20, close_once_tidy)
    assert run(db_path=bundled_db_path, settings=settings) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["all.json"]


def test_the_tables_fit_their_columns_as_qt_would(window: MainWindow) -> None:
    """Fitted widths are Qt's own (resizeColumnsToContents) to a pixel, at a fraction of the
    cost: the focus-frame margin they take is Fusion's."""
    from PySide6.QtWidgets import QApplication, QStyle

    from mia_desktop.qt.record_table import FOCUS_FRAME_MARGIN

    style = QApplication.style()
    assert style.name().lower() == "fusion"
    assert style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) == FOCUS_FRAME_MARGIN
    table = window.timeline.table
    columns = range(table.model().columnCount())
    table.fit_columns()  # uncapped
    fitted = [table.columnWidth(c) for c in columns]
    table.resizeColumnsToContents()
    by_qt = [table.columnWidth(c) for c in columns]
    assert all(abs(f - q) <= 1 for f, q in zip(fitted, by_qt, strict=True)), (fitted, by_qt)
