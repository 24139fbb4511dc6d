"""The window's actions and menus: an action with its keys, and menus filled from a table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

# A menu's entries: an action, None for a separator, or (title, entries) for a submenu.
Entry: TypeAlias = "QAction | tuple[str, Sequence[Entry]] | None"


def window_action(
    window: QWidget, text: str, name: str, shortcuts: list[QKeySequence], slot: Callable[[], object]
) -> QAction:
    """An action of the whole window: its keys work wherever the focus is in it."""
    action = QAction(text, window)
    action.setObjectName(name)
    unique = []  # a key listed twice (F1 is also HelpContents) makes Qt ignore both
    for sequence in shortcuts:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    action.setShortcuts(unique)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def fill_menus(bar: QMenuBar, menus: Sequence[tuple[str, Sequence[Entry]]]) -> None:
    for title, entries in menus:
        _fill(bar.addMenu(title), entries)


def _fill(menu: QMenu, entries: Sequence[Entry]) -> None:
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        elif isinstance(entry, QAction):
            menu.addAction(entry)
        else:
            _fill(menu.addMenu(entry[0]), entry[1])
