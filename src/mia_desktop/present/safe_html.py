"""Text from a database is text: the citations' stored HTML cut down to what citeproc writes,
links kept only to the web, and tooltips that show markup as the characters it is.

A database may come from anywhere (`--db PATH`). Qt renders HTML it is given, loads the
images it names (`<img src="file:///…">`) and offers any link, so every database string that
goes into rich text is escaped, and the one kind of stored HTML is sanitised here.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

# What citeproc-py's HTML holds (italics, links), and harmless emphasis around it.
_KEPT_TAGS = frozenset({"i", "b", "em", "strong", "sup", "sub", "br"})
WEB_SCHEMES = frozenset({"http", "https"})


def is_web_link(url: str) -> bool:
    """True for an http(s) address with a host: the only links offered outside the app."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def web_link(url: str, text: str | None = None) -> str:
    """An escaped link to the address if it is on the web, else the address as plain text."""
    shown = escape(text if text is not None else url)
    if not is_web_link(url):
        return shown
    return f'<a href="{escape(url.strip(), quote=True)}">{shown}</a>'


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open_links = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _KEPT_TAGS:
            self.out.append(f"<{tag}>")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if is_web_link(href):
                self.out.append(f'<a href="{escape(href.strip(), quote=True)}">')
                self.open_links += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.out.append("<br>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _KEPT_TAGS and tag != "br":
            self.out.append(f"</{tag}>")
        elif tag == "a" and self.open_links:
            self.out.append("</a>")
            self.open_links -= 1

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))


def sanitised_citation_html(html: str) -> str:
    """Stored citation HTML with only emphasis and web links left; all else is its text.

    The build's own renderings come through unchanged (they hold only <i> and <a href>).
    """
    parser = _Sanitiser()
    parser.feed(html)
    parser.close()
    return "".join(parser.out) + "</a>" * parser.open_links


def tooltip(text: str) -> str:
    """Text for a tooltip, shown as written: Qt takes a tooltip with a tag in it for HTML."""
    if "<" not in text and "&" not in text:
        return text
    return f"<p style='white-space:pre-wrap'>{escape(text, quote=False)}</p>"
