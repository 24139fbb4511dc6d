"""mia-desktop: an offline reference on the accounting for Korean War POW/MIAs."""

from __future__ import annotations

__version__ = "0.1.0"


def main(argv: list[str] | None = None) -> int:
    """The entry every launcher calls (`python -m mia_desktop`, `mia-desktop`, tests)."""
    from mia_desktop.cli import main as cli_main

    return cli_main(argv)
