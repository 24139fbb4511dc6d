"""What runs once a window has painted its first frame.

Start-up paints the window's skeleton first (frame, search field, the visible page) and
builds what is not on screen after it; `--exit-after-startup` ends there. Both hang off
the window's first Paint event: a 0 ms timer posted from it fires once that paint pass
(the window and all its children, then the flush to the screen) is over. A timer posted
at `show()` instead fires before the first expose, so nothing would have been painted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Callbacks to run, in order, once the window has painted its first frame."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._callbacks: list[Callable[[], object]] = []
        self._painted = False
        window.installEventFilter(self)

    @property
    def painted(self) -> bool:
        return self._painted

    @property
    def done(self) -> bool:
        """The first frame is painted and what waited for it has run."""
        return self._painted and not self._callbacks

    def then(self, callback: Callable[[], object], *, first: bool = False) -> None:
        """Run `callback` after the first frame (from the event loop, at once if it has
        been painted already); once, however often it is asked for before it runs; before
        the others waiting if `first`."""
        if callback in self._callbacks:
            return
        self._callbacks.insert(0 if first else len(self._callbacks), callback)
        if self._painted:
            QTimer.singleShot(0, self, self._run)  # dropped if the window goes first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # dropped if the window goes first
        return False

    def cancel(self) -> None:
        """Forget what still waits (the app is quitting)."""
        self._callbacks.clear()

    def _run(self) -> None:
        while self._callbacks:
            self._callbacks.pop(0)()
