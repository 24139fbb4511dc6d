"""The Qt bindings installed must not corrupt the interpreter during a long session."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QComboBox, QLabel

pytestmark = pytest.mark.gui


def test_void_calls_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12 on Python 3.11 drops a reference to None per void call; a long session
    # then aborts with "deallocating None". See the pin in pyproject.toml.
    combo, label = QComboBox(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        combo.clear()
        combo.addItem("x", "x")
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10
