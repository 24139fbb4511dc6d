"""A read-only rich-text view that loads nothing: no image, no file, no style sheet.

QTextBrowser fetches what the HTML it shows names (`<img src="file:///…">`, a linked
page). Everything this app shows is built in memory, so nothing needs fetching; a database
from elsewhere could otherwise make the view read local files.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser


class TextView(QTextBrowser):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # each link is handled (and checked) by its owner
        self.setOpenExternalLinks(False)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None
