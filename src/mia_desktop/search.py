"""Pure search helpers: user text to a safe FTS5 query, index terms, snippet rendering."""

from __future__ import annotations

import html
import re

from mia_desktop.records import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    KIND_LABELS,
    Batch,
    Effort,
    Event,
    Figure,
    Record,
)

# unicode61 treats every character that is not a letter or digit as a separator, so a
# token here is a run of word characters; punctuation never reaches FTS5 syntax.
_TOKEN = re.compile(r"[^\W_]+")
_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")


def to_fts_query(text: str, *, prefix: bool = True) -> str | None:
    """Turn any user text into a valid FTS5 query, or None when it holds no word.

    Each white-space separated chunk becomes a quoted phrase of its tokens ("U.S." ->
    "U S", "North-Korea" -> "North Korea"), so operators and punctuation are inert.
    Chunks are ANDed. With `prefix`, the last token matches as a prefix for
    search-as-you-type ("K20" finds "K208"). A number written with separators ("3,313")
    also matches its plain digits, which the index holds as an extra term.
    """
    phrases = []
    for chunk in text.split():
        if _THOUSANDS.fullmatch(chunk.strip(".,;:!?")):
            chunk = chunk.replace(",", "")
        tokens = _TOKEN.findall(chunk)
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"')
    if not phrases:
        return None
    if prefix:
        phrases[-1] += "*"
    return " ".join(phrases)


def in_titles(fts_query: str) -> str:
    """The same query restricted to the title column (titles that hold every word rank first)."""
    return f"{{title}} : ({fts_query})"


def index_terms(record: Record, country_names: list[str]) -> str:
    """Extra searchable words for a record: its kind, countries, category and plain numbers."""
    terms = [KIND_LABELS[record.kind], *country_names]
    if record.date:
        terms.append(record.date.label)
    if isinstance(record, Event):
        terms.append(record.category)
    elif isinstance(record, Effort):
        terms += [record.effort_type, record.status, record.status_detail, record.outcome]
    elif isinstance(record, Figure):
        terms += [record.measure, record.unit]
    elif isinstance(record, Batch):
        terms += [record.unit, record.recipient or ""]
    # "3,313" is two tokens to unicode61; index "3313" too so either spelling is found.
    terms += [m.group().replace(",", "") for m in _THOUSANDS.finditer(record.quote)]
    return " ".join(t for t in terms if t)


def snippet_text(snippet: str, *, start: str = "[", end: str = "]") -> str:
    """A snippet for a terminal: matched words between brackets."""
    return snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def snippet_html(snippet: str) -> str:
    """A snippet for rich text: escaped, with matched words in <b>."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")
