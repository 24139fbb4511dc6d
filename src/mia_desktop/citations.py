"""Citations: the brief and its likely sources as CSL items, pinpoints, and plain formats.

The four CSL styles are rendered by citeproc-py at data-build time (build/rendering.py)
and stored in data.db, so neither citeproc nor the style files load when the app starts.
BibTeX, RIS, CSL-JSON and Markdown are simple enough to write here, at run time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape
from typing import Any

from mia_desktop.records import LikelySource, Record, Rendering, SourceInfo

LIKELY_SOURCE_LABEL = "Likely source (identified independently; not the brief's own endnote)"
CONFIDENCE_LABELS = {
    "strong": "strong: the brief's words match this source",
    "probable": "probable: this source documents the same event or figure",
    "unidentified": "not identified",
}

BRIEF_ID = "ncnk2015"

CSL_TYPES = frozenset(
    {
        "report",
        "webpage",
        "legislation",
        "article-newspaper",
        "article-magazine",
        "hearing",
        "treaty",
        "document",
    }
)


def csl_item_problems(item: dict[str, Any]) -> list[str]:
    """What keeps a CSL-JSON item from rendering properly (checked by the build)."""
    problems = []
    if item.get("type") not in CSL_TYPES:
        problems.append(f"type {item.get('type')!r} is not one of {', '.join(sorted(CSL_TYPES))}")
    if not item.get("title"):
        problems.append("has no title")
    issued = item.get("issued")
    if issued is not None and not (
        isinstance(issued, dict)
        and isinstance(issued.get("date-parts"), list)
        and all(isinstance(part, list) and part for part in issued["date-parts"])
    ):
        problems.append("issued must be {date-parts = [[YYYY, M, D]]}")
    return problems


# -- the brief ---------------------------------------------------------------------------


def brief_item(source: SourceInfo) -> dict[str, Any]:
    """The brief as a CSL-JSON item: an issue brief (a report) by the NCNK as corporate author."""
    year, month = (int(part) for part in source.date.split("-")[:2])
    return {
        "id": BRIEF_ID,
        "type": "report",
        "author": [{"literal": source.author}],
        "title": source.title,
        "genre": source.kind,
        "publisher": source.publisher,
        "publisher-place": source.publisher_place,
        "issued": {"date-parts": [[year, month]]},
        "URL": source.url,
    }


def pinpoint(record: Record) -> str:
    """Where in the brief: the section heading, then the note number(s) ("n. 15", "nn. 30, 31")."""
    return f"sec. {locator(record)}"


def locator(record: Record) -> str:
    """The pinpoint as a CSL "section" locator value: “Russia,” n. 30 (styles add the label)."""
    # American style: the comma after the quoted section goes inside the quotation mark.
    return _pinpoint_words(record, f"“{record.subsection or record.section}", "”", ("n.", "nn."))


def apa_locator(record: Record) -> str:
    """The pinpoint in APA's words: "Russia section, Note 30" (APA 7, 8.13)."""
    section = f"{record.subsection or record.section} section"
    return _pinpoint_words(record, section, "", ("Note", "Notes"))


def _pinpoint_words(record: Record, section: str, close: str, labels: tuple[str, str]) -> str:
    if not record.notes:
        return section + close
    numbers = ", ".join(str(n) for n in record.notes)
    return f"{section},{close} {labels[len(record.notes) > 1]} {numbers}"


def likely_source_item(source: LikelySource) -> dict[str, Any] | None:
    if source.csl is None:
        return None
    return {"id": f"note-{source.marker}", **source.csl}


# -- formats written at run time ---------------------------------------------------------


def to_csl_json(items: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


_BIBTEX_TYPES = {
    "report": "techreport",
    "article-newspaper": "article",
    "article-magazine": "article",
}
_RIS_TYPES = {
    "report": "RPRT",
    "webpage": "ELEC",
    "legislation": "STAT",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "hearing": "HEAR",
    "treaty": "GEN",
    "document": "GEN",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bibtex_escape(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}")
    text = re.sub(r"([&%$#_{}])", r"\\\1", text)
    return text.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def _names(item: dict[str, Any]) -> list[str]:
    names = []
    for author in item.get("author", []):
        if "literal" in author:
            names.append(author["literal"])
        else:
            names.append(f"{author.get('family', '')}, {author.get('given', '')}".strip(", "))
    return names


def _authority(item: dict[str, Any]) -> list[str]:
    authority = item.get("authority")
    return [authority] if isinstance(authority, str) else []


def _date_parts(item: dict[str, Any]) -> list[int]:
    parts = item.get("issued", {}).get("date-parts", [[]])
    return list(parts[0]) if parts else []


def to_bibtex(item: dict[str, Any], *, note: str | None = None) -> str:
    """One BibTeX entry; corporate authors in double braces so they are never split."""
    kind = _BIBTEX_TYPES.get(item["type"], "misc")
    fields: list[tuple[str, str]] = []
    names = [
        f"{{{_bibtex_escape(n)}}}" if n.count(", ") != 1 else _bibtex_escape(n)
        for n in _names(item) or _authority(item)
    ]
    if names:
        fields.append(("author", " and ".join(names)))
    fields.append(("title", f"{{{_bibtex_escape(item['title'])}}}"))
    container = item.get("container-title")
    if container:
        fields.append(
            ("journal" if kind == "article" else "howpublished", _bibtex_escape(container))
        )
    if kind == "techreport":
        institution = item.get("publisher") or names[0].strip("{}")
        fields.append(("institution", _bibtex_escape(institution)))
        if item.get("genre"):
            fields.append(("type", _bibtex_escape(item["genre"])))
        if item.get("number"):
            fields.append(("number", _bibtex_escape(item["number"])))
    elif item.get("publisher"):
        fields.append(("publisher", _bibtex_escape(item["publisher"])))
    if item.get("publisher-place"):
        fields.append(("address", _bibtex_escape(item["publisher-place"])))
    parts = _date_parts(item)
    if parts:
        fields.append(("year", str(parts[0])))
    if len(parts) > 1:
        fields.append(("month", _MONTHS[parts[1] - 1]))
    for key in ("volume", "page"):
        if item.get(key):
            fields.append(("pages" if key == "page" else key, _bibtex_escape(str(item[key]))))
    if item.get("URL"):
        fields.append(("url", item["URL"]))
    notes = [n for n in (item.get("note"), note) if n]
    if notes:
        fields.append(("note", _bibtex_escape("; ".join(notes))))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@{kind}{{{item['id']},\n{body}\n}}\n"


def to_ris(item: dict[str, Any], *, note: str | None = None) -> str:
    """One RIS record: two-letter tags, two spaces, a hyphen, a space; ends with ER."""
    lines = [("TY", _RIS_TYPES.get(item["type"], "GEN"))]
    lines += [("AU", name) for name in _names(item) or _authority(item)]
    lines.append(("TI", item["title"]))
    if item.get("container-title"):
        lines.append(("T2", item["container-title"]))
    parts = _date_parts(item)
    if parts:
        lines.append(("PY", str(parts[0])))
        month = f"{parts[1]:02d}" if len(parts) > 1 else ""
        day = f"{parts[2]:02d}" if len(parts) > 2 else ""
        lines.append(("DA", f"{parts[0]}/{month}/{day}/"))
    for tag, key in (
        ("PB", "publisher"),
        ("CY", "publisher-place"),
        ("M3", "genre"),
        ("VL", "volume"),
        ("SP", "page"),
        ("SN", "number"),
        ("UR", "URL"),
    ):
        if item.get(key):
            lines.append((tag, str(item[key])))
    for extra in (item.get("note"), note):
        if extra:
            lines.append(("N1", extra))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines)


def html_to_markdown(html: str) -> str:
    """Citeproc's small HTML (italics, bold, links, entities) as Markdown."""
    text = re.sub(r"</?i>", "*", html)
    text = re.sub(r"</?b>", "**", text)
    text = re.sub(
        r'<a href="([^"]+)">([^<]+)</a>',
        lambda m: (
            f"<{m.group(1)}>" if m.group(1) == m.group(2) else f"[{m.group(2)}]({m.group(1)})"
        ),
        text,
    )
    text = re.sub(r"<(?!https?://)[^>]+>", "", text)  # other tags; keep <URL> autolinks
    from html import unescape

    return unescape(text)


def link_urls_markdown(text: str) -> str:
    """Make a bare URL in Markdown text a link."""
    return re.sub(r"(?<![(<\[])(https?://[^\s)<>]+[^\s)<>.,;])", r"<\1>", text)


def markdown(rendering: Rendering) -> str:
    """A rendered citation as Markdown, its URL a link."""
    return link_urls_markdown(html_to_markdown(rendering.html))


def quote_with_citation(record: Record, citation: Rendering) -> Rendering:
    """The verbatim quote (unchanged, in outer quotation marks), then its citation."""
    return Rendering(
        text=f"“{record.quote}”\n{citation.text}",
        html=f"<blockquote>“{escape(record.quote)}”</blockquote><p>{citation.html}</p>",
    )


def describe_likely_source(source: LikelySource) -> str:
    """One line per endnote for a reader: always labelled as an independent identification."""
    head = f"Note {source.number}: "
    if source.confidence == "unidentified" or not source.likely_source:
        remark = f" ({source.remark})" if source.remark else ""
        return f"{head}{LIKELY_SOURCE_LABEL}: not identified{remark}"
    return f"{head}{LIKELY_SOURCE_LABEL}, confidence {source.confidence}: {source.likely_source}"
