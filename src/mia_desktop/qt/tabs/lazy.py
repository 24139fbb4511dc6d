"""A tab page that builds its content the first time it is needed (shown or asked for).

Only the tab on screen is built at start-up; the others cost nothing until opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

ContentT = TypeVar("ContentT", bound=QWidget)


class LazyTab(QWidget, Generic[ContentT]):
    def __init__(
        self,
        *,
        build: Callable[[QWidget], ContentT],
        on_built: Callable[[ContentT], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._build = build
        self._on_built = on_built
        self._content: ContentT | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def reset(self) -> None:
        """Drop the content (the view changed): it is built again when next needed."""
        if self._content is not None:
            self._content.hide()
            self._content.setParent(None)  # out of the window at once, deleted from the loop
            self._content.deleteLater()
            self._content = None

    def content(self) -> ContentT:
        if self._content is None:
            self._content = self._build(self)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._content)
            self._content.show()  # a layout shows a new child only later, from the event loop
            self._on_built(self._content)
        return self._content
