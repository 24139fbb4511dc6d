"""A search hit's snippet: its matched words between markers, for a terminal or rich text.

Apart from query.py so that showing results needs none of the query machinery.
"""

from __future__ import annotations

import html

from mia_desktop.records import HIGHLIGHT_END, HIGHLIGHT_START


def snippet_text(snippet: str, *, start: str = "[", end: str = "]") -> str:
    """A snippet for a terminal: matched words between brackets."""
    return snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def snippet_html(snippet: str) -> str:
    """A snippet for rich text: escaped, with matched words in <b>."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")
