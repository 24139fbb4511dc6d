"""The window's actions and menus: an action with its keys, and menus filled from a table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeAlias

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from mia_desktop.qt.theme import THEMES

if TYPE_CHECKING:
    from mia_desktop.qt.citing_actions import CopyCommands
    from mia_desktop.qt.export_flow import ExportFlow

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


class WindowActions(NamedTuple):
    """Every action of the main window (its keys work wherever the focus is in it)."""

    copy_citation: QAction
    copy_quote: QAction
    copy_short: QAction
    copy_bibliography: QAction
    copy_markdown: QAction
    locate: QAction
    export: QAction
    show_in_source: QAction
    find: QAction
    quit: QAction
    about: QAction
    help: QAction
    shortcuts: QAction
    themes: dict[str, QAction]

    def copies(self) -> list[tuple[QAction, str]]:
        """The copy actions, with the short labels the panel's buttons show."""
        return [
            (self.copy_citation, "Copy"),
            (self.copy_quote, "Quote + citation"),
            (self.copy_short, "Short note"),
            (self.copy_bibliography, "Bibliography entry"),
            (self.copy_markdown, "Markdown"),
        ]


class ActionTarget(Protocol):
    """What the actions call: the main window, its copy commands and its export flow."""

    copying: CopyCommands
    exporting: ExportFlow

    def show_locate_dialog(self, text: str = "") -> object: ...
    def show_in_source(self) -> None: ...
    def focus_search(self) -> None: ...
    def close(self) -> bool: ...
    def show_about(self) -> None: ...
    def show_help(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def set_theme(self, theme: str, *, save: bool = True) -> None: ...


def make_window_actions(window: QWidget, target: ActionTarget) -> WindowActions:
    key = QKeySequence

    def act(text: str, name: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
        return window_action(window, text, name, keys, slot)

    themes: dict[str, QAction] = {}
    group = QActionGroup(window)
    for theme, label in THEMES.items():
        action = QAction(label, window, checkable=True)
        action.setObjectName(f"theme_{theme}")
        action.triggered.connect(lambda _checked=False, t=theme: target.set_theme(t))
        group.addAction(action)
        themes[theme] = action
    actions = WindowActions(
        copy_citation=act(
            "&Copy citation",
            "copyCitationAction",
            [key("Ctrl+Shift+C")],
            lambda: target.copying.citation(),
        ),
        copy_quote=act(
            "Copy &quote with citation",
            "copyQuoteAction",
            [key("Ctrl+Shift+Q")],
            lambda: target.copying.quote_with_citation(),
        ),
        copy_short=act(
            "Copy &short note",
            "copyShortAction",
            [key("Ctrl+Shift+N")],
            lambda: target.copying.short_note(),
        ),
        copy_bibliography=act(
            "Copy &bibliography entry",
            "copyBibliographyAction",
            [key("Ctrl+Shift+B")],
            lambda: target.copying.bibliography_entry(),
        ),
        copy_markdown=act(
            "Copy as &Markdown",
            "copyMarkdownAction",
            [key("Ctrl+Shift+M")],
            lambda: target.copying.markdown(),
        ),
        locate=act(
            "&Where Is This From?…",
            "locateAction",
            [key("Ctrl+Shift+F")],
            lambda: target.show_locate_dialog(),
        ),
        export=act(
            "&Export…", "exportAction", [key("Ctrl+E")], lambda: target.exporting.show_dialog()
        ),
        show_in_source=act(
            "Show in &source", "showInSourceAction", [key("Ctrl+Shift+S")], target.show_in_source
        ),
        find=act(
            "&Find…", "findAction", [key(key.StandardKey.Find), key("Ctrl+K")], target.focus_search
        ),
        quit=act(
            "&Quit",
            "quitAction",
            key.keyBindings(key.StandardKey.Quit) or [key("Ctrl+Q")],
            target.close,
        ),
        about=act("&About mia-desktop", "aboutAction", [], target.show_about),
        help=act(
            "mia-desktop &Help",
            "helpAction",
            [key(key.StandardKey.HelpContents), key("F1")],
            target.show_help,
        ),
        shortcuts=act(
            "&Keyboard Shortcuts", "shortcutsAction", [key("Ctrl+/")], target.show_shortcuts
        ),
        themes=themes,
    )
    for action, label in actions.copies():  # the panel's buttons show these; menus the text
        action.setIconText(label)
        action.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
    return actions
