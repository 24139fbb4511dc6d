"""Where the bundled files live: data.db, resources/ and the application icon.

In a source checkout (and an editable install) data.db and resources/ sit at the top of the
repository, where the build writes them and the tests compare them. A wheel carries copies
inside the package, in mia_desktop/_data/ (setup.py puts them there), so that an installed
mia-desktop finds them from any working folder.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The copies a wheel carries (see setup.py); absent in a source checkout.
PACKAGED_DATA = PACKAGE_DIR / "_data"
# src/mia_desktop/paths.py -> the repository root holds data.db and resources/.
REPO_ROOT = PACKAGE_DIR.parents[1]
DATABASE_NAME = "data.db"
RESOURCES_NAME = "resources"
ICON_NAME = "mia-desktop.svg"


def data_root() -> Path:
    """The folder holding data.db and resources/: inside the package when installed."""
    if (PACKAGED_DATA / DATABASE_NAME).is_file():
        return PACKAGED_DATA
    return REPO_ROOT


def installed() -> bool:
    """True when the data is the package's own copy (a wheel install), not a checkout's."""
    return data_root() == PACKAGED_DATA


def bundled_database() -> Path:
    return data_root() / DATABASE_NAME


def resources_dir() -> Path:
    return data_root() / RESOURCES_NAME


def app_icon() -> Path:
    """The application icon (SVG), shipped inside the package in every kind of install."""
    return PACKAGE_DIR / "icons" / ICON_NAME
