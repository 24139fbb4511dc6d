"""File > Export…: what to export (the same "which records" rule as the command line's),
where (the last export's folder), written whole or not at all, and said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from mia_desktop.db.store import Database
from mia_desktop.qt.settings import EXPORT_FOLDER_KEY
from mia_desktop.records import Record

if TYPE_CHECKING:
    from mia_desktop.citing.citer import Citer


class ExportFlow:
    def __init__(
        self,
        *,
        window: QWidget,
        database: Database,
        settings: QSettings,
        citer: Callable[[], Citer],
        selected_records: Callable[[], list[Record]],
        say: Callable[[str, int], None],
    ) -> None:
        self._window = window
        self._db = database
        self._settings = settings
        self._citer = citer
        self._selected = selected_records
        self._say = say

    def show_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from mia_desktop.qt.export_dialog import SUFFIXES, ExportDialog

        dialog = ExportDialog(
            selected_count=len(self._selected()),
            all_count=self._db.count_records(exclude_kind="passage"),
            parent=self._window,
        )
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        fmt = dialog.format_key()
        suggested = self.export_folder() / f"mia-{dialog.what()}.{SUFFIXES[fmt]}"
        path, _filter = QFileDialog.getSaveFileName(
            self._window, "Export to", str(suggested), f"{fmt} (*.{SUFFIXES[fmt]})"
        )
        if path:
            self.export_to(Path(path), what=dialog.what(), fmt=fmt)

    def export_to(self, path: Path, *, what: str, fmt: str) -> bool:
        """Write the export; say what happened in the status bar or in a message box."""
        from PySide6.QtWidgets import QMessageBox

        from mia_desktop.export import ExportError, records_to_export, render, write_atomic

        leads = self._db.likely_sources(range(1, 1000))
        records: list[Record] = []
        if what == "bibliography":
            count = "the bibliography"
        else:
            records = (
                self._selected() if what == "selected" else records_to_export(self._db.records())
            )
            count = f"{len(records)} record{'s' if len(records) != 1 else ''}"
        text = render(fmt, records, self._citer(), leads)
        try:
            write_atomic(path, text, protected=[self._db.path])
        except ExportError as error:
            QMessageBox.warning(self._window, "Export failed", f"Nothing was written.\n\n{error}")
            return False
        self._say(f"Exported {count} to {path}", 8000)
        self._settings.setValue(EXPORT_FOLDER_KEY, str(Path(path).expanduser().parent))
        return True

    def export_folder(self) -> Path:
        """Where the last export went (the save dialog opens there), else the home folder."""
        saved = str(self._settings.value(EXPORT_FOLDER_KEY, "", type=str) or "")
        folder = Path(saved) if saved else Path.home()
        return folder if folder.is_dir() else Path.home()

    def tidy_folder(self) -> None:
        """Remove what an export killed mid-write (a crash, kill -9) left in its folder."""
        if self._settings.value(EXPORT_FOLDER_KEY, "", type=str):  # one has been used
            from mia_desktop.export import remove_stale_temporaries

            remove_stale_temporaries(self.export_folder())
