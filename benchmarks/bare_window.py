"""The floor: a bare PySide6 window with three empty table tabs and a line edit.

Started the same way as the app's --exit-after-startup: shown, then quit from the loop.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView, QTabWidget


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    tabs = QTabWidget(window)
    for title in ("Timeline", "Remains batches", "Country efforts"):
        tabs.addTab(QTableView(tabs), title)
    window.setCentralWidget(tabs)
    window.setMenuWidget(QLineEdit(window))
    window.show()
    QTimer.singleShot(0, window.close)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
