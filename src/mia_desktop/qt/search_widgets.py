"""The search's own widgets: the field (Escape, Down, the window's keys), the results list, and a
filter whose entries show how many results each value gives."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListView,
    QWidget,
)

from mia_desktop.db.store import Database
from mia_desktop.qt.record_table import focus_in_choosing_nothing
from mia_desktop.records import KIND_LABELS

# Item data for "no filter". Not None: PySide6 6.12 drops a reference to None each time
# None is stored as combo box item data, and the interpreter aborts after a few thousand.
_ANY = "*any*"


# Keys QLineEdit would keep for itself (Emacs-style: Ctrl+E end of line, Ctrl+K kill to the
# end) that the window uses: Export, Find. They reach the window from the field too.
_WINDOW_KEYS = {Qt.Key.Key_E, Qt.Key.Key_K}


class SearchField(QLineEdit):
    """Escape clears (and the filters with it); Down moves into the results, or recalls
    earlier searches in an empty field."""

    move_to_results = Signal()
    escaped = Signal()
    history_popup: QWidget | None = None  # closed by the first Escape, before anything else

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _WINDOW_KEYS
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            event.ignore()  # not ours: let the window's shortcut have it
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            # The completer hands its popup's keys to the field first: close the popup.
            if self.history_popup is not None and self.history_popup.isVisible():
                self.history_popup.hide()
                return
            self.clear()
            self.escaped.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.move_to_results.emit()
            return
        super().keyPressEvent(event)


class ResultsList(QListView):
    def focusInEvent(self, event: QFocusEvent) -> None:
        focus_in_choosing_nothing(self, lambda: super(ResultsList, self).focusInEvent(event))


class FacetFilter(QComboBox):
    """A filter whose entries show how many results each value would give."""

    def __init__(self, *, name: str, label: str, values: list[tuple[str, str]], parent: QWidget):
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(f"Filter results by {label}")
        self._label = label
        self._values = values  # (value, display name); value "" is "undated"
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.update_counts({})

    def update_counts(self, counts: dict[str, int], *, at_least: bool = False) -> None:
        """Show these counts; with at_least, the total is a lower bound ("300+")."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        total = f"{counts.get('any', 0):,}{'+' if at_least else ''}"
        self.addItem(f"Any {self._label} ({total})", _ANY)
        names = dict(self._values)
        # Known values in their order, then any others the counts bring (e.g. decades).
        ordered = [v for v, _ in self._values] + sorted(
            v for v in counts if v != "any" and v not in names
        )
        totals_only = set(counts) == {"any"}  # too many matches to count per value
        for value in ordered:
            if totals_only or value in counts or value == current:
                name = names.get(value) or value or "undated"
                count = "…" if totals_only else str(counts.get(value, 0))
                self.addItem(f"{name} ({count})", value)
        self.setCurrentIndex(max(self.findData(current), 0))
        self.blockSignals(False)

    def value(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) and data != _ANY else None


def facet_filters(
    database: Database, parent: QWidget
) -> tuple[FacetFilter, FacetFilter, FacetFilter, FacetFilter]:
    """The results' filters: kind, country, decade and source (the brief or later sources)."""
    countries = sorted(database.country_names().items(), key=lambda item: item[1])
    return (
        FacetFilter(
            name="kindFilter", label="kind", values=list(KIND_LABELS.items()), parent=parent
        ),
        FacetFilter(name="searchCountryFilter", label="country", values=countries, parent=parent),
        # Decades come from the counts of each search: no scan of the records at start-up.
        FacetFilter(name="decadeFilter", label="decade", values=[], parent=parent),
        FacetFilter(
            name="sourceFilter",
            label="source",
            values=[("brief", "the brief"), ("later", "later sources")],
            parent=parent,
        ),
    )
