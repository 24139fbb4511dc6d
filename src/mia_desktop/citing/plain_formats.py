"""The plain formats a citation or an item is copied in: BibTeX, RIS, Markdown."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from mia_desktop.records import Rendering


def bibtex_cite(key: str, pinpoint: str | None) -> str:
    """A LaTeX citation command, the pinpoint as its postnote."""
    return f"\\cite[{pinpoint}]{{{key}}}\n" if pinpoint else f"\\cite{{{key}}}\n"


_BIBTEX_TYPES = {
    "report": "techreport",
    "article-newspaper": "article",
    "article-magazine": "article",
    "book": "book",
}
# RIS types as reference managers import them (GEN would come in as a journal article).
_RIS_TYPES = {
    "report": "RPRT",
    "webpage": "ELEC",
    "legislation": "STAT",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "hearing": "HEAR",
    "treaty": "GOVDOC",
    "document": "GOVDOC",
    "book": "BOOK",
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


def _date_parts(item: dict[str, Any], key: str = "issued") -> list[int]:
    parts = item.get(key, {}).get("date-parts", [[]])
    return list(parts[0]) if parts else []


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def to_bibtex(item: dict[str, Any]) -> str:
    """One BibTeX entry; corporate authors in double braces so they are never split."""
    kind = _BIBTEX_TYPES.get(item["type"], "misc")
    fields: list[tuple[str, str]] = []
    names = [
        f"{{{_bibtex_escape(n)}}}" if n.count(", ") != 1 else _bibtex_escape(n)
        for n in _names(item)
    ]
    if names:
        fields.append(("author", " and ".join(names)))
    fields.append(("title", f"{{{_bibtex_escape(item['title'])}}}"))
    if item.get("authority"):  # a hearing's committee
        fields.append(("organization", _bibtex_escape(item["authority"])))
    container = item.get("container-title")
    if container:
        fields.append(
            ("journal" if kind == "article" else "howpublished", _bibtex_escape(container))
        )
    if kind == "techreport":
        institution = item.get("publisher") or names[0].strip("{}")
        fields.append(("institution", _bibtex_escape(institution)))
    elif item.get("publisher"):
        fields.append(("publisher", _bibtex_escape(item["publisher"])))
    if item.get("genre"):
        fields.append(("type", _bibtex_escape(_capitalized(item["genre"]))))
    if item.get("number"):
        fields.append(("number", _bibtex_escape(item["number"])))
    if item.get("publisher-place"):
        fields.append(("address", _bibtex_escape(item["publisher-place"])))
    parts = _date_parts(item)
    if parts:
        fields.append(("year", str(parts[0])))
    if len(parts) > 1:
        fields.append(("month", _MONTHS[parts[1] - 1]))
    for key, name in (("volume", "volume"), ("page", "pages")):
        if item.get(key):
            fields.append((name, _bibtex_escape(str(item[key]))))
    if item.get("URL"):
        fields.append(("url", item["URL"]))
    if item.get("note"):
        fields.append(("note", _bibtex_escape(item["note"])))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@{kind}{{{item['id']},\n{body}\n}}\n"


def to_ris(item: dict[str, Any]) -> str:
    """One RIS record: two-letter tags, two spaces, a hyphen, a space; ends with ER."""
    lines = [("TY", _RIS_TYPES.get(item["type"], "GOVDOC"))]
    lines += [("AU", name) for name in _names(item)]
    lines.append(("TI", item["title"]))
    # A hearing's committee is its secondary title, not its author.
    for container in (item.get("container-title"), item.get("authority")):
        if container:
            lines.append(("T2", container))
    parts = _date_parts(item)
    if parts:
        lines.append(("PY", str(parts[0])))
        month = f"{parts[1]:02d}" if len(parts) > 1 else ""
        day = f"{parts[2]:02d}" if len(parts) > 2 else ""
        lines.append(("DA", f"{parts[0]}/{month}/{day}/"))
    number_tag = "M1" if item["type"] == "legislation" else "SN"  # a public law number is M1
    for tag, key in (
        ("PB", "publisher"),
        ("CY", "publisher-place"),
        ("M3", "genre"),
        ("VL", "volume"),
        ("SP", "page"),
        (number_tag, "number"),
        ("UR", "URL"),
        ("N1", "note"),
    ):
        if item.get(key):
            value = str(item[key])
            lines.append((tag, _capitalized(value) if key == "genre" else value))
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
    return unescape(text)


def link_urls_markdown(text: str) -> str:
    """Make a bare URL in Markdown text a link."""
    return re.sub(r"(?<![(<\[])(https?://[^\s)<>]+[^\s)<>.,;])", r"<\1>", text)


def markdown(rendering: Rendering) -> str:
    """A rendered citation as Markdown, its URL a link."""
    return link_urls_markdown(html_to_markdown(rendering.html))


def markdown_code(text: str, language: str) -> str:
    """A data format's text as a fenced Markdown code block."""
    return f"```{language}\n{text.rstrip()}\n```\n"
