"""Render every citation in the four CSL styles with citeproc-py, at data-build time.

citeproc-py's known gaps (shared/guide/pitfalls.md) are handled here, once:
- Chicago styles print given names as initials unless the root `initialize-with` goes;
- the HTML formatter does not escape field values, so they are escaped beforehand;
- closing punctuation lands outside quotation marks (“Title”.), which American styles
  put inside (“Title.”), and a few labels come out wrong (see _QUIRKS);
- each citation is rendered alone, so a note is never shortened as a subsequent cite.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from mia_desktop.citations import (
    BRIEF_ID,
    apa_locator,
    brief_item,
    likely_source_item,
    locator,
)
from mia_desktop.formats import CSL_STYLES
from mia_desktop.records import LikelySource, Record, SourceInfo

FORMS = ("citation", "bibliography")
PINPOINT = "PINPOINTMARK"  # stands in for a record's pinpoint while rendering


@dataclass(frozen=True)
class RenderedRow:
    subject: str  # a record id, BRIEF_ID, or "note-<marker>"
    style: str
    form: str  # citation | bibliography
    text: str
    html: str


def load_style(csl_dir: Path, style_key: str) -> CitationStylesStyle:
    _, file_name = CSL_STYLES[style_key]
    style = CitationStylesStyle(str(csl_dir / f"{file_name}.csl"), validate=False)
    if style_key != "apa":
        # Chicago and MLA want full given names; citeproc-py initializes them unless the
        # root initialize-with goes (APA wants initials: leave it).
        style.root.attrib.pop("initialize-with", None)
    return style


def _for_style(item: dict[str, Any], style_key: str) -> dict[str, Any]:
    """Style rules the CSL files leave to the user, for an organization as author."""
    item = copy.deepcopy(item)
    authors = [a.get("literal") for a in item.get("author", [])]
    same_body = bool(item.get("publisher")) and authors == [item.get("publisher")]
    if style_key == "apa" and same_body:
        del item["publisher"]  # APA 7: when author and publisher are the same, omit the publisher
    if style_key == "mla" and same_body:
        del item["author"]  # MLA 9: an organization both author and publisher: title first
    return item


def _escaped(item: dict[str, Any]) -> dict[str, Any]:
    """Field values HTML-escaped, for the HTML formatter (which does not escape them)."""

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return escape(value, quote=False)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: (v if k in {"id", "type", "URL"} else walk(v)) for k, v in value.items()}
        return value

    return {k: walk(v) if k not in {"id", "type", "URL"} else v for k, v in item.items()}


_OUTSIDE = re.compile(r"”([.,])")
# citeproc-py quirks seen in these styles' output, each mended where it shows:
_QUIRKS = [
    # a comma in the locator value makes the "section" label plural ("secs.", "Sections")
    (re.compile(r"\bsecs\. “"), "sec. “"),
    (re.compile(r"\bSections “"), "Section “"),
    # the hyphen of a public law number reads as a range ("Pub. L. Nos. 111-84")
    (re.compile(r"Pub\. L\. Nos\."), "Pub. L. No."),
    # an "Edition" term printed for periodical articles that have no edition
    (re.compile(r"[,.] Edition(?=[,.])"), ""),
    # a hearing without a witness still says whose testimony it is
    (re.compile(r" \(testimony of\)"), ""),
]


def _without_url_scheme(row: RenderedRow) -> RenderedRow:
    # MLA 9 (5.93) prints a URL without "http://" or "https://".
    return RenderedRow(
        row.subject,
        row.style,
        row.form,
        re.sub(r"https?://", "", row.text),
        re.sub(r">https?://", ">", row.html),  # the link text only; the href keeps it
    )


def _mend(text: str, title: str) -> str:
    """American punctuation inside quotation marks, and citeproc-py's quirks mended."""
    text = _OUTSIDE.sub(r"\1”", text)
    # A title standing in for a missing author is printed twice ("T. T.", "(T, T, ...")
    # because citeproc-py does not suppress a substituted variable: drop the second.
    title_pattern = re.compile(
        rf"“?(?:<i>)?{re.escape(title)}(?:</i>)?[.,]?”?[.,]? ?", re.IGNORECASE
    )
    found = list(title_pattern.finditer(text))
    if len(found) > 1:
        second = found[1]
        text = text[: second.start()] + text[second.end() :]
        text = re.sub(r",?”?,? \)|,”\)", lambda m: "”)" if "”" in m.group() else ")", text)
    for pattern, replacement in _QUIRKS:
        text = pattern.sub(replacement, text)
    return text


def _render(
    style: CitationStylesStyle,
    item: dict[str, Any],
    form: str,
    pinpoint: str | None,
    html: bool,
) -> str:
    key = (id(style), json.dumps(item, sort_keys=True), form, pinpoint, html)  # per process
    if key not in _CACHE:  # many records share a pinpoint; several notes share a source
        _CACHE[key] = _render_uncached(style, item, form, pinpoint, html)
    return _CACHE[key]


_CACHE: dict[tuple[int, str, str, str | None, bool], str] = {}


def _render_uncached(
    style: CitationStylesStyle,
    item: dict[str, Any],
    form: str,
    pinpoint: str | None,
    html: bool,
) -> str:
    source = CiteProcJSON([_escaped(item) if html else item])
    bibliography = CitationStylesBibliography(
        style, source, formatter.html if html else formatter.plain
    )
    # Pass no locator at all when there is none: citeproc-py treats locator=None as present.
    cite_item = (
        CitationItem(item["id"], locator=Locator("section", pinpoint))
        if pinpoint
        else CitationItem(item["id"])
    )
    citation = Citation([cite_item])
    bibliography.register(citation)
    if form == "citation":
        text = str(bibliography.cite(citation, lambda _item: None))
    else:
        text = "".join(str(entry) for entry in bibliography.bibliography())
    if html:  # the rich flavour links its URL
        text = _URL.sub(r'<a href="\1">\1</a>', text)
    return _mend(text.strip(), escape(item["title"], quote=False) if html else item["title"])


_URL = re.compile(r"(https?://[^\s<\"]+[^\s<\".,;)])")


def render_all(
    *,
    csl_dir: Path,
    source: SourceInfo,
    records: list[Record],
    likely_sources: list[LikelySource],
) -> Iterator[RenderedRow]:
    """Every record's citation, the brief's bibliography entry, every lead in both forms.

    One style per worker process (citeproc-py is slow and single-threaded); the rows come
    back in style order, so the database is the same whatever the number of cores.
    """
    jobs = [(csl_dir, key, source, records, likely_sources) for key in CSL_STYLES]
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for rows in pool.map(_render_style, *zip(*jobs, strict=True)):
                yield from rows
    else:
        for job in jobs:
            yield from _render_style(*job)


def _render_style(
    csl_dir: Path,
    style_key: str,
    source: SourceInfo,
    records: list[Record],
    likely_sources: list[LikelySource],
) -> list[RenderedRow]:
    style = load_style(csl_dir, style_key)
    brief = _for_style(brief_item(source), style_key)

    def row(subject: str, item: dict[str, Any], form: str, pin: str | None) -> RenderedRow:
        return RenderedRow(
            subject=subject,
            style=style_key,
            form=form,
            text=_render(style, item, form, pin, html=False),
            html=_render(style, item, form, pin, html=True),
        )

    rows = [row(BRIEF_ID, brief, "bibliography", None), row(BRIEF_ID, brief, "citation", None)]
    if style_key == "mla":
        rows = [_without_url_scheme(r) for r in rows]
    # Every record cites the same brief and differs only in the pinpoint, which the styles
    # print verbatim after their "sec." label: render once, then fill it in
    # (tests/build/test_rendering.py checks this equals rendering each record alone).
    pinned = row(BRIEF_ID, brief, "citation", PINPOINT)
    if style_key == "apa":
        # APA 7 (8.13) names the part of an unpaginated work in its own words:
        # "Russia section, Note 30", not the "Section" label CSL puts before a locator.
        pinned = RenderedRow(
            pinned.subject,
            pinned.style,
            pinned.form,
            pinned.text.replace(f"Section {PINPOINT}", PINPOINT),
            pinned.html.replace(f"Section {PINPOINT}", PINPOINT),
        )
    for record in records:
        pin = apa_locator(record) if style_key == "apa" else locator(record)
        rows.append(
            RenderedRow(
                subject=record.id,
                style=style_key,
                form="citation",
                text=_mend(pinned.text.replace(PINPOINT, pin), brief["title"]),
                html=_mend(
                    pinned.html.replace(PINPOINT, escape(pin, quote=False)),
                    escape(brief["title"], quote=False),
                ),
            )
        )
    for lead in likely_sources:
        item = likely_source_item(lead)
        if item is not None:
            styled = _for_style(item, style_key)
            lead_rows = [row(item["id"], styled, form, None) for form in FORMS]
            rows += [_without_url_scheme(r) for r in lead_rows] if style_key == "mla" else lead_rows
    return rows
