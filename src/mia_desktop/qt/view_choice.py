"""The reader's choice of view: the brief as published (October 2015), or with the later
sources; remembered, and shown in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QWidget

from mia_desktop.db.store import Database
from mia_desktop.qt.settings import LATER_SOURCES_KEY

BRIEF_ONLY_LABEL = "The Brief as &Published (October 2015)"
WITH_LATER_LABEL = "With &Later Sources"


class ViewChoice(QObject):
    """Two checkable actions (View menu), a label for the status bar, `changed(bool)`."""

    changed = Signal(bool)  # later sources shown

    def __init__(self, *, database: Database, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self._db = database
        self._settings = settings
        group = QActionGroup(window)
        self.brief_only = QAction(BRIEF_ONLY_LABEL, window, checkable=True)
        self.brief_only.setObjectName("viewBriefOnly")
        self.with_later = QAction(WITH_LATER_LABEL, window, checkable=True)
        self.with_later.setObjectName("viewWithLater")
        for action in (self.brief_only, self.with_later):
            group.addAction(action)
        self.label = QLabel(window)
        self.label.setObjectName("viewLabel")
        shown = settings.value(LATER_SOURCES_KEY, True, type=bool)
        self._apply(bool(shown))
        self.brief_only.triggered.connect(lambda: self.choose(False))
        self.with_later.triggered.connect(lambda: self.choose(True))

    @property
    def later_shown(self) -> bool:
        return self._db.later_shown

    def choose(self, later_shown: bool) -> None:
        if later_shown == self._db.later_shown:
            return
        self._apply(later_shown)
        self._settings.setValue(LATER_SOURCES_KEY, later_shown)
        self.changed.emit(later_shown)

    def _apply(self, later_shown: bool) -> None:
        self._db.show_later(later_shown)
        (self.with_later if later_shown else self.brief_only).setChecked(True)
        self.label.setText(
            "View: with later sources (dated, cited, never quoted)"
            if later_shown
            else "View: the brief as published, October 2015"
        )
        self.label.setToolTip("View > With Later Sources, or The Brief as Published")
