"""Run by tests/db/test_fuzz.py: the app on a database, walked as a new user would.

`python gui_walk_driver.py DB` starts the app itself (mia_desktop.qt.app.run, so a refused
database ends as it does for users: one line, exit 2), then visits every tab, chooses the
first row of each table, searches, and closes the window. It prints one JSON line: the
HTML elements found in the citation panel and the search results that the database
should not be able to put there (images, links to local files).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView, QTextBrowser

from mia_desktop.qt.app import run
from mia_desktop.qt.main_window import MainWindow

_FOREIGN = re.compile(r"<img\b|href=\"?file:|src=\"?file:", re.IGNORECASE)


def walk() -> None:
    app = QApplication.instance()
    assert app is not None
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    found: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        for table in window.tabs.currentWidget().findChildren(QTableView):
            if table.isVisible() and table.model() is not None and table.model().rowCount():
                table.setFocus()
                table.selectRow(0)
                app.processEvents()
                found += _foreign_markup(window)
    window.search.field.setText("remains")
    window.search.run_search()
    app.processEvents()
    if window.search.results.model().rowCount():
        window.search.results.setCurrentIndex(window.search.results.model().index(0, 0))
        app.processEvents()
        found += _foreign_markup(window)
    print(json.dumps({"foreign_markup": sorted(set(found))}))
    window.close()


def _foreign_markup(window: MainWindow) -> list[str]:
    html = "".join(view.document().toHtml() for view in window.findChildren(QTextBrowser))
    return _FOREIGN.findall(html)


def main() -> int:
    app = QApplication([sys.argv[0], "-style", "Fusion"])
    QTimer.singleShot(0, walk)
    code = run(db_path=Path(sys.argv[1]))
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
