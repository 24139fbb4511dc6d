"""The baseline: a bare PySide6 window of the app's first-run size, ended after its first frame.

Sized as the app sizes its first window (1280x800, no more than nine tenths of the
screen), and ended as `mia-desktop --exit-after-startup` ends: from a 0 ms timer posted by
the window's first Paint event, once that frame has been painted.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class ExitAfterFirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def first_run_size(window: QWidget, width: int = 1280, height: int = 800) -> None:
    screen = window.screen()
    available = screen.availableGeometry()
    window.resize(
        min(width, int(available.width() * 0.9)), min(height, int(available.height() * 0.9))
    )


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    first_run_size(window)
    if "--stay" not in sys.argv:  # benchmarks/first_pixels.py ends it from outside
        window.installEventFilter(ExitAfterFirstPaint(window))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
