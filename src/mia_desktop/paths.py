"""Where the bundled files live: data.db and resources/ at the top of the source tree."""

from __future__ import annotations

from pathlib import Path

# src/mia_desktop/paths.py -> the repository root holds data.db and resources/.
REPO_ROOT = Path(__file__).resolve().parents[2]


def bundled_database() -> Path:
    return REPO_ROOT / "data.db"


def resources_dir() -> Path:
    return REPO_ROOT / "resources"
