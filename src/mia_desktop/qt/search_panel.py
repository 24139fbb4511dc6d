"""Search as you type: the field at the top of the window and the ranked results list."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.db.search_index import SearchFilters
from mia_desktop.db.store import Database
from mia_desktop.qt.models import RECORD_ID_ROLE, SearchResultsModel
from mia_desktop.qt.record_table import clear_quietly
from mia_desktop.qt.search_widgets import FacetFilter, ResultsList, SearchField, facet_filters
from mia_desktop.qt.settings import HISTORY_KEY
from mia_desktop.records import Figure, Paragraph, SourceInfo

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCompleter

    from mia_desktop.search.answers import Answer
    from mia_desktop.search.engine import Searcher, SearchResult
    from mia_desktop.search.grouping import ResultGroup

# The searcher and the results' painter load on the first search, not at start-up.

DEBOUNCE_MS = 150
# A search of very many matches counts them all once the typing has paused this long: the
# count is one more pass over the index, which each keystroke need not wait for.
COUNT_DELAY_MS = 400
RESULT_LIMIT = 50
SENTENCE_WORDS = 8  # a search this long may be a pasted sentence: say where it is from
MAX_SHOWN = 500  # "Show all" lists at most this many; more is for typing to narrow
HISTORY_LENGTH = 20


class _ResultParts(NamedTuple):
    model: SearchResultsModel
    results: ResultsList
    status: QLabel
    kind_filter: FacetFilter
    country_filter: FacetFilter
    decade_filter: FacetFilter
    source_filter: FacetFilter
    answer: QLabel
    copy_answer: QPushButton
    answer_row: QWidget


class SearchPanel(QObject):
    """Owns the field, the filters and the results; emits `record_activated` with an id."""

    record_activated = Signal(str)
    record_highlighted = Signal(str)  # the current result changed: the panel shows it
    results_changed = Signal(int)
    answer_copied = Signal(str, str)  # the answer line, as plain text and as HTML
    locate_requested = Signal(str)  # "Where is this from?" for the text searched

    def __init__(self, *, database: Database, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = database
        self._settings = settings
        self._searcher: Searcher | None = None  # loads the search vocabulary on first use
        self.last_result: SearchResult | None = None
        self.field = SearchField(parent)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(
            "Search everything (Ctrl+F): e.g. K208, Operation Glory, 3,313, who headed the"
            " 2007 delegation?"
        )
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search")
        self.field.setAccessibleDescription(
            "Search all records as you type. Enter opens the first result; Down recalls"
            " earlier searches or moves into the results; Escape clears."
        )
        self._history = QStringListModel(self._load_history(), self)
        self._completer: QCompleter | None = None  # made when first asked for (Down)
        self._limit = RESULT_LIMIT
        # Where the results go: hidden until a search, so start-up paints the field first
        # and builds what goes in it after the first frame (build_results).
        self.container = QWidget(parent)
        self.container.setObjectName("searchPanel")
        QVBoxLayout(self.container).setContentsMargins(0, 0, 0, 0)
        self.container.setVisible(False)
        self._parts: _ResultParts | None = None
        self.current_answer: Answer | None = None
        self._paragraphs: list[Paragraph] | None = None  # read when a sentence is pasted
        self._source: SourceInfo | None = None  # read for the first answer line
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.count_all)
        self.field.textChanged.connect(self._on_text)
        self.field.escaped.connect(self.clear_filters)
        self.field.returnPressed.connect(self._activate_current_or_first)
        self.field.move_to_results.connect(self._down_from_field)

    def build_results(self) -> None:
        """Make the results list, its filters and the answer line (once): after the first
        frame, or as soon as anything asks for them."""
        if self._parts is not None:
            return
        model = SearchResultsModel(parent=self)
        model.more = self._more_results
        model.has_more = self._has_more
        results = ResultsList(self.container)
        results.setObjectName("searchResults")
        results.setAccessibleName("Search results")
        results.setModel(model)
        results.setUniformItemSizes(False)
        results.setWordWrap(True)
        # A narrower list wraps its results again: their heights follow the width.
        results.setResizeMode(QListView.ResizeMode.Adjust)
        status = QLabel(self.container)
        status.setObjectName("searchStatus")
        status.setWordWrap(True)
        status.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        status.linkActivated.connect(self._on_status_link)
        kind, country, decade, source = facet_filters(self._db, self.container)
        source.setVisible(self._db.later_shown)
        # The answer line: a question's figure or date, with where it is from, to copy.
        answer = QLabel(self.container)
        answer.setObjectName("searchAnswer")
        answer.setAccessibleName("Answer")
        answer.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        answer.setWordWrap(True)
        answer.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        answer.linkActivated.connect(self._on_answer_link)
        copy_answer = QPushButton("Copy &answer", self.container)
        copy_answer.setObjectName("copyAnswerButton")
        copy_answer.setToolTip("Copy the answer line with where it is from")
        copy_answer.clicked.connect(self._copy_answer)
        answer_row = QWidget(self.container)
        answer_row.setObjectName("answerRow")
        answer_layout = QHBoxLayout(answer_row)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.addWidget(answer, 1)
        answer_layout.addWidget(copy_answer, 0, Qt.AlignmentFlag.AlignTop)
        answer_row.setVisible(False)
        self._parts = _ResultParts(
            model, results, status, kind, country, decade, source, answer, copy_answer, answer_row
        )
        filters = QHBoxLayout()
        filters.addWidget(status, 1)
        for combo in self.facet_filters():
            combo.currentIndexChanged.connect(self.run_search)
            filters.addWidget(combo)
        layout = self.container.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(answer_row)
        layout.addLayout(filters)
        layout.addWidget(results, 1)
        results.activated.connect(self._on_activated)
        results.selectionModel().currentChanged.connect(self._on_current)
        results.doubleClicked.connect(self._on_activated)
        results.installEventFilter(self)

    def _built(self) -> _ResultParts:
        self.build_results()
        assert self._parts is not None
        return self._parts

    @property
    def model(self) -> SearchResultsModel:
        return self._built().model

    @property
    def results(self) -> ResultsList:
        return self._built().results

    @property
    def status(self) -> QLabel:
        return self._built().status

    @property
    def kind_filter(self) -> FacetFilter:
        return self._built().kind_filter

    @property
    def country_filter(self) -> FacetFilter:
        return self._built().country_filter

    @property
    def decade_filter(self) -> FacetFilter:
        return self._built().decade_filter

    @property
    def source_filter(self) -> FacetFilter:
        return self._built().source_filter

    @property
    def answer(self) -> QLabel:
        return self._built().answer

    @property
    def copy_answer(self) -> QPushButton:
        return self._built().copy_answer

    @property
    def answer_row(self) -> QWidget:
        return self._built().answer_row

    # -- searching ------------------------------------------------------------------------

    def filters(self) -> SearchFilters:
        return SearchFilters(
            kind=self.kind_filter.value(),
            country=self.country_filter.value(),
            decade=self.decade_filter.value(),
            source=self.source_filter.value() if self._db.later_shown else None,
        )

    def facet_filters(self) -> tuple[FacetFilter, ...]:
        return (self.kind_filter, self.country_filter, self.decade_filter, self.source_filter)

    def run_search(self) -> None:
        """Search now (the debounce timer calls this; tests may too)."""
        self._timer.stop()
        self._count_timer.stop()
        text = self.field.text()
        if self._searcher is None:  # the first search: load what searching needs now
            from mia_desktop.qt.result_delegate import HtmlDelegate
            from mia_desktop.search.engine import Searcher

            self.results.setItemDelegate(HtmlDelegate(self.results))
            self._searcher = Searcher(self._db)
        result = self._searcher.search(
            text, filters=self.filters(), limit=self._limit, count_all=False
        )
        self.model.set_groups(result.groups)
        self.container.setVisible(bool(text.strip()))
        self._show_counts(result)
        self._show_answer(result)
        if result.uncounted:
            self._count_timer.start()
        # No result is highlighted until the user moves into the list (Down, a click): a
        # highlight means "the panel shows this", and typing should not change the panel.
        # Enter still opens the first result.
        self.results_changed.emit(len(result.hits))

    def _has_more(self) -> bool:
        result = self.last_result
        return result is not None and len(result.hits) < result.total

    def _more_results(self) -> list[ResultGroup]:
        """The next page of results, for a list scrolled to its end (all are reachable)."""
        if self._searcher is None or self.last_result is None:
            return []
        self._limit = len(self.last_result.hits) + RESULT_LIMIT
        # No time budget: the user asked for the next page, and it must follow this one.
        result = self._searcher.search(
            self.field.text(), filters=self.filters(), limit=self._limit, budget_s=None
        )
        self._show_counts(result)
        return result.groups

    def count_all(self) -> None:
        """Count a search's matches in full, if it left them uncounted (the count timer
        calls this once the typing pauses; tests may too)."""
        self._count_timer.stop()
        if self._searcher is not None and self.last_result is not None:
            self._show_counts(self._searcher.counted(self.last_result))

    def _show_counts(self, result: SearchResult) -> None:
        self.last_result = result
        self.status.setText(self._status_html(result))
        for combo, facet in (
            (self.kind_filter, "kind"),
            (self.country_filter, "country"),
            (self.decade_filter, "decade"),
            (self.source_filter, "source"),
        ):
            combo.update_counts(result.facets.get(facet, {}), at_least=result.uncounted)

    def _status_html(self, result: SearchResult) -> str:
        from mia_desktop.search.engine import describe_result

        lines = [escape(line, quote=False) for line in describe_result(result)]
        shown = len(result.hits)
        if not result.uncounted and shown < result.total and shown < MAX_SHOWN:
            more = min(result.total, MAX_SHOWN)
            lines.append(f'<a href="all">Show {"all " if more == result.total else ""}{more:,}</a>')
        if result.suggested_text and not result.corrected_to:
            # "Did you mean ...?" becomes a link that searches the suggestion.
            lines[0] = f'Did you mean <a href="suggest">{escape(result.suggested_text)}</a>?'
        return "<br>".join(lines)

    def _show_answer(self, result: SearchResult) -> None:
        from mia_desktop.present.later_html import later_context
        from mia_desktop.search.answers import answer_for

        best = result.hits[0].record if result.hits else None
        if self._source is None:  # read once: the metadata does not change
            self._source = self._db.source()
        # Read only for an answer it can change: a question whose best result is a figure
        # (its latest later value) or a later record (its source), not on every keystroke.
        later = (
            later_context(self._db, best)
            if best is not None and result.asks and (best.is_later or isinstance(best, Figure))
            else None
        )
        answer = answer_for(
            result.asks,
            best,
            self._source,
            later_source=later.record_source if later else None,
            latest=later.latest if later else None,
        )
        self.current_answer = answer
        self.copy_answer.setVisible(answer is not None)
        if answer is None:
            self._show_where_from(result.text)
            return
        self.answer_row.setVisible(True)
        derived = (
            f"<br><small><i>Date derived, not stated in the brief:"
            f" {escape(answer.derived_because)}</i></small>"
            if answer.derived_because
            else ""
        )
        self.answer.setText(
            f'Answer: <a href="record:{escape(answer.record_id)}"><b>{escape(answer.fact)}</b></a>'
            f" — {escape(answer.pinpoint)}{derived}"
            + (f"<br><small><b>Since:</b> {escape(answer.latest)}</small>" if answer.latest else "")
        )

    def _show_where_from(self, text: str) -> None:
        """For a pasted sentence: which paragraph of the brief it is from, if any."""
        if len(text.split()) < SENTENCE_WORDS:
            self.answer_row.setVisible(False)
            self.answer.clear()
            return
        from mia_desktop.search.locate import locate
        from mia_desktop.search.locate_report import describe

        if self._paragraphs is None:
            self._paragraphs = self._db.paragraphs()
        verdict = describe(locate(text, self._paragraphs))
        self.answer.setText(
            f"Where this is from: {escape(verdict)}"
            ' <a href="locate">Compare it with the brief word for word</a>'
        )
        self.answer_row.setVisible(True)

    def _on_answer_link(self, link: str) -> None:
        if link.startswith("record:"):
            self.record_activated.emit(link.removeprefix("record:"))
        elif link == "locate":
            self.locate_requested.emit(self.field.text())

    def _copy_answer(self) -> None:
        if self.current_answer is not None:
            self.answer_copied.emit(self.current_answer.text, escape(self.current_answer.text))

    def _on_status_link(self, link: str) -> None:
        if link == "suggest" and self.last_result and self.last_result.suggested_text:
            self.field.setText(self.last_result.suggested_text)
            self.run_search()
        elif link == "all" and self.last_result:
            self._limit = min(self.last_result.total, MAX_SHOWN)
            self.run_search()

    def _on_text(self, _text: str) -> None:
        self._limit = RESULT_LIMIT  # a new search shows its first results again
        self._timer.start()

    def clear_filters(self) -> None:
        """Back to every kind, country, decade and source (Escape clears the search and these)."""
        self.source_filter.setVisible(self._db.later_shown)
        for combo in self.facet_filters():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    # -- keyboard and activation ----------------------------------------------------------

    def _activate_current_or_first(self) -> None:
        if self._timer.isActive() or self.model.rowCount() == 0:  # typed faster than debounce
            self.run_search()
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0)
        if index.isValid():
            self._on_activated(index)

    def _down_from_field(self) -> None:
        # As in a browser's address bar: Down moves into the results; in an empty field it
        # recalls earlier searches.
        if not self.field.text().strip():
            if self._history.rowCount():
                self.completer.setCompletionPrefix("")
                self.completer.complete()
        elif self.model.rowCount() and self.container.isVisible():
            self.results.setFocus()
            if self.highlighted_record_id() is None:
                self.results.setCurrentIndex(self.model.index(0))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(RECORD_ID_ROLE) if current.isValid() else None
        if record_id:
            self.record_highlighted.emit(record_id)

    def highlighted_record_id(self) -> str | None:
        index = self.results.currentIndex()
        selected = self.results.selectionModel().isSelected(index)
        return index.data(RECORD_ID_ROLE) if index.isValid() and selected else None

    def keep_highlight_only_for(self, record_id: str | None) -> None:
        """Clear the highlighted result unless it is this record."""
        if record_id is not None and self.highlighted_record_id() == record_id:
            return
        clear_quietly(self.results)

    def _on_activated(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            self.remember(self.field.text())
            self.record_activated.emit(record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape in the results list goes back to the field, as in a browser's address bar.
        if (
            watched is self.results
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.field.setFocus()
            return True
        return super().eventFilter(watched, event)

    def cancel_pending(self) -> None:
        self._timer.stop()
        self._count_timer.stop()

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    # -- history --------------------------------------------------------------------------

    @property
    def completer(self) -> QCompleter:
        """Earlier searches, offered under the field (Down recalls them)."""
        if self._completer is None:
            from PySide6.QtWidgets import QCompleter  # not before it is first asked for

            completer = QCompleter(self._history, self)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            popup = completer.popup()
            if popup is not None:
                popup.setObjectName("searchHistory")
                popup.setAccessibleName("Earlier searches")
            # Not the field's own completer: that one pops up on every keystroke. This one
            # opens only on Down in an empty field, and Escape closes it before anything.
            completer.setWidget(self.field)
            self.field.history_popup = popup
            completer.activated.connect(self._recall)
            self._completer = completer
        return self._completer

    def _recall(self, text: str) -> None:
        self.field.setText(text)
        self.run_search()

    def history(self) -> list[str]:
        return list(self._history.stringList())

    def remember(self, text: str) -> None:
        """Put a search at the top of the history (the last 20, persisted)."""
        text = text.strip()
        if not text:
            return
        # Another window of the app may have added searches since: read them in first, so
        # that neither overwrites the other's.
        self._settings.sync()
        merged = [text, *self._load_history(), *self._history.stringList()]
        entries = list(dict.fromkeys(merged))[:HISTORY_LENGTH]
        self._history.setStringList(entries)
        self._settings.setValue(HISTORY_KEY, entries)

    def _load_history(self) -> list[str]:
        stored = self._settings.value(HISTORY_KEY, [])
        if isinstance(stored, str):  # QSettings returns a lone entry as a plain string
            stored = [stored]
        if not isinstance(stored, list):
            return []
        return [e for e in stored if isinstance(e, str) and e.strip()][:HISTORY_LENGTH]
