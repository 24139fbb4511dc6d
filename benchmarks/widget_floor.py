"""What Qt alone costs for the widgets mia-desktop's first window shows, with no data.

The same kinds of widgets as the app's window at start-up (menus with shortcuts, a toolbar
with the search field and its completer, the results list and filters, tabs, the
Timeline's filters, buttons and drawing, a table, the citation panel's style chooser and
text browser, splitters, a status bar), empty, and none of the app's own code. Started
and ended the same way as the app and benchmarks/bare_window.py (after the first frame),
it shows how much of the app's
start-up is Qt's price for those widgets (class and enum set-up, style, layout, paint)
rather than mia-desktop's own work.
"""

from __future__ import annotations

import sys

from bare_window import ExitAfterFirstPaint, first_run_size
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def _timeline_page(parent: QWidget) -> QWidget:
    page = QWidget(parent)
    filters = QHBoxLayout()
    for _ in range(2):
        filters.addWidget(QLabel("Filter:", page))
        filters.addWidget(QComboBox(page))
    zoom = QHBoxLayout()
    for text in ("Zoom in (+)", "Zoom out (-)", "Fit all (0)"):
        zoom.addWidget(QPushButton(text, page))
    drawing = QGraphicsView(QGraphicsScene(page), page)
    drawing.setRenderHints(QPainter.RenderHint.Antialiasing)
    split = QSplitter(Qt.Orientation.Vertical, page)
    split.addWidget(drawing)
    split.addWidget(QTableView(page))
    layout = QVBoxLayout(page)
    layout.addLayout(filters)
    layout.addLayout(zoom)
    layout.addWidget(split, 1)
    return page


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    for menu_name in ("&File", "&Edit", "&View", "&Help"):
        menu = window.menuBar().addMenu(menu_name)
        for n in range(4):
            action = QAction(f"Action {n}", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{n}"))
            menu.addAction(action)
    field = QLineEdit(window)
    field.setCompleter(QCompleter(QStringListModel([], window), window))
    toolbar = QToolBar("Search", window)
    toolbar.addWidget(field)
    window.addToolBar(toolbar)
    tabs = QTabWidget(window)
    tabs.addTab(_timeline_page(tabs), "Timeline")
    for title in ("Remains batches", "Country efforts", "Figures", "Source"):
        tabs.addTab(QWidget(tabs), title)
    results = QWidget(window)
    results_layout = QVBoxLayout(results)
    results_layout.addWidget(QListView(results))
    for _ in range(3):
        results_layout.addWidget(QComboBox(results))
    results.setVisible(False)
    left = QSplitter(Qt.Orientation.Vertical, window)
    left.addWidget(results)
    left.addWidget(tabs)
    panel = QWidget(window)
    panel_layout = QVBoxLayout(panel)
    panel_layout.addWidget(QComboBox(panel))
    buttons = QHBoxLayout()
    for text in ("Citation", "Quote + citation", "Bibliography entry", "Markdown"):
        button = QToolButton(panel)
        button.setText(text)
        buttons.addWidget(button)
    panel_layout.addLayout(buttons)
    panel_layout.addWidget(QTextBrowser(panel), 1)
    split = QSplitter(Qt.Orientation.Horizontal, window)
    split.addWidget(left)
    split.addWidget(panel)
    window.setCentralWidget(split)
    window.statusBar().showMessage("ready")
    first_run_size(window)
    window.installEventFilter(ExitAfterFirstPaint(window))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
