"""File > Export…: records (selected or all) or the bibliography, in a chosen format."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mia_desktop.citing.styles import BIBLIOGRAPHY_FORMATS, RECORD_FORMATS
from mia_desktop.records import ALL_RECORDS_NOTE

SUFFIXES = {
    "json": "json",
    "csv": "csv",
    "markdown": "md",
    "bibtex": "bib",
    "ris": "ris",
    "csl-json": "json",
}


class ExportDialog(QDialog):
    """Asks what to export and in which format; the window then asks where."""

    def __init__(
        self, *, selected_count: int, all_count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self.selected = QRadioButton(f"&Selected records ({selected_count})", self)
        self.selected.setEnabled(selected_count > 0)
        self.all_records = QRadioButton(f"&All records ({all_count}: {ALL_RECORDS_NOTE})", self)
        self.bibliography = QRadioButton(
            "The &bibliography: the brief and the likely sources of its notes", self
        )
        (self.selected if selected_count else self.all_records).setChecked(True)
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName("Export format")
        for button in (self.selected, self.all_records, self.bibliography):
            button.toggled.connect(self._fill_formats)
        self._fill_formats()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Format:", self.format)
        layout = QVBoxLayout(self)
        for button in (self.selected, self.all_records, self.bibliography):
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fill_formats(self) -> None:
        formats = BIBLIOGRAPHY_FORMATS if self.bibliography.isChecked() else RECORD_FORMATS
        self.format.clear()
        for key, label in formats.items():
            self.format.addItem(label, key)

    def what(self) -> str:
        if self.bibliography.isChecked():
            return "bibliography"
        return "selected" if self.selected.isChecked() else "all"

    def format_key(self) -> str:
        return str(self.format.currentData())
