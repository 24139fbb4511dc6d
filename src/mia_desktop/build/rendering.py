"""Render every citation in the four CSL styles with citeproc-py, at data-build time.

Each subject (the brief, each record's pinpoint, each likely-source work) is rendered in
three forms: the citation (a note, or in-text), the Chicago short note, and the
bibliography entry. citeproc-py's known gaps (shared/guide/pitfalls.md) and the rules the
CSL files leave to the user (shared/guide/citations.md) are handled here, once:
- Chicago styles print given names as initials unless the root `initialize-with` goes;
- the HTML formatter does not escape field values, so they are escaped beforehand;
- closing punctuation lands outside quotation marks (“Title”.), which American styles
  put inside (“Title.”), and a few labels come out wrong (see _QUIRKS);
- Chicago gives the brief's month ("October 2015"), which its report template drops;
- a description standing in for a title stays in plain brackets, as written;
- an unsigned article does not repeat its periodical; laws and hearings take their legal
  form ("Pub. L. No. 111-84, § 541, 123 Stat. 2190 (2009)").
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable, Iterator
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

from mia_desktop.build.legal_forms import legal_rendering
from mia_desktop.citing.csl import (
    BRIEF_ID,
    apa_pinpoint,
    brief_item,
    chicago_pinpoint,
    lead_works,
    source_item,
    source_subject,
)
from mia_desktop.citing.styles import CSL_STYLES
from mia_desktop.db.schema import SHORT_FORM_STYLES
from mia_desktop.records import LikelySource, Paragraph, Record, Source, SourceInfo

PINPOINT = "PINPOINTMARK"  # stands in for a record's pinpoint while rendering
_SPACER = "spacer"  # a second work cited between two cites, so the second is "subsequent"


@dataclass(frozen=True)
class RenderedRow:
    subject: str  # a record id, BRIEF_ID, or a lead's key ("note-1", "note-3b")
    style: str
    form: str  # citation | short | bibliography
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


def forms_of(style_key: str) -> tuple[str, ...]:
    return (
        ("citation", "short", "bibliography")
        if style_key in SHORT_FORM_STYLES
        else (
            "citation",
            "bibliography",
        )
    )


def _for_style(item: dict[str, Any], style_key: str) -> dict[str, Any]:
    """Style rules the CSL files leave to the user, for an organization as author."""
    item = copy.deepcopy(item)
    item.pop("note", None)  # the note is for files and reference managers (citations.md)
    authors = [a.get("literal") for a in item.get("author", [])]
    same_publisher = bool(item.get("publisher")) and authors == [item.get("publisher")]
    same_site = bool(item.get("container-title")) and authors == [item.get("container-title")]
    if style_key == "apa" and same_publisher:
        del item["publisher"]  # APA 7: when author and publisher are the same, omit the publisher
    if style_key == "apa" and same_site and item["type"] == "webpage":
        del item["container-title"]  # APA 7: the site's name is left out when it is the author
    if style_key == "mla" and (same_publisher or same_site):
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
    # the hyphen of a public law number reads as a range ("Pub. L. Nos. 111-84")
    (re.compile(r"Pub\. L\. Nos\."), "Pub. L. No."),
    # an "Edition" term printed for periodical articles that have no edition
    (re.compile(r"[,.] [Ee]dition(?=[,.])"), ""),
    # a hearing without a witness still says whose testimony it is
    (re.compile(r" \(testimony of\)"), ""),
    # APA's "Retrieved" belongs with a retrieval date ("Retrieved May 1, 2020, from URL")
    (re.compile(r"Retrieved (?=(?:<a href=\"[^\"]*\">)?https?://)"), ""),
]


def _without_url_scheme(text: str, html: str) -> tuple[str, str]:
    # MLA 9 (5.93) prints a URL without "http://" or "https://".
    return re.sub(r"https?://", "", text), re.sub(r">https?://", ">", html)


def _mend(text: str, titles: list[str]) -> str:
    """citeproc-py's quirks mended, and American punctuation inside quotation marks."""
    for pattern, replacement in _QUIRKS:
        text = pattern.sub(replacement, text)
    text = _OUTSIDE.sub(r"\1”", text)
    # A title standing in for a missing author is printed twice ("T. T.", "(T, T, ...")
    # because citeproc-py does not suppress a substituted variable: drop the second.
    for title in titles:
        title_pattern = re.compile(
            rf"“?(?:<i>)?{re.escape(title)}(?:</i>)?[.,]?”?[.,]? ?", re.IGNORECASE
        )
        found = list(title_pattern.finditer(text))
        if len(found) > 1:
            second = found[1]
            text = text[: second.start()] + text[second.end() :]
            text = re.sub(r",?”?,? \)|,”\)", lambda m: "”)" if "”" in m.group() else ")", text)
    return text


def _plain_description(text: str, title: str) -> str:
    """A description in brackets ("[Hearings of ...]") is not a title: no quotation marks,
    no italics, and its words as written (citeproc title-cases them)."""
    if not title.startswith("["):
        return text
    dressed = re.compile(rf"(“?)(?:<i>)?{re.escape(title)}(?:</i>)?([.,]?)(”?)", re.IGNORECASE)
    return dressed.sub(lambda m: title + m.group(2), text)


def _title_case_compounds(text: str, title: str) -> str:
    """Chicago and MLA capitalize both parts of a hyphenated compound in a title
    (CMOS 8.161: "Top-Level"); citeproc-py's title case leaves the second part alone."""
    span = re.search(re.escape(title), text, re.IGNORECASE)
    if span is None:
        return text
    fixed = re.sub(r"\b([A-Z][a-z]+)-([a-z])", lambda m: f"{m[1]}-{m[2].upper()}", span.group())
    return text[: span.start()] + fixed + text[span.end() :]


def _unrepeated_periodical(text: str, item: dict[str, Any]) -> str:
    """An unsigned article's periodical stands as its author in a bibliography entry; it is
    not repeated after the title: "*Time*. “The Missing.” August 1953." (citations.md)."""
    container = item.get("container-title")
    if item.get("author") or not container:
        return text
    name = rf"(?:<i>)?{re.escape(container)}(?:</i>)?"
    if not re.match(name, text):
        return text
    return re.sub(rf"(”?\]?\.”?) {name}, ", r"\1 ", text, count=1)


def _short_unsigned(text: str, item: dict[str, Any]) -> str:
    """An unsigned article's short note is its title alone (“The Missing.”), not led by
    the periodical that citeproc-py puts in the author's place."""
    container = item.get("container-title")
    if item.get("author") or not container:
        return text
    return re.sub(rf"^(?:<i>)?{re.escape(container)}(?:</i>)?, ", "", text)


def _mla_author_only(text: str, item: dict[str, Any], authors: dict[str, int]) -> str:
    """MLA 9: the in-text citation names the author alone, adding a short title only
    when the works cited hold more than one work by that author."""
    name = _author_name(item)
    if name is None or authors.get(name, 0) > 1:
        return text
    return (
        re.sub(r"^\((.+?), .+\)$", lambda m: f"({m[1]})", text)
        if text.startswith(f"({name}")
        else text
    )


def _author_name(item: dict[str, Any]) -> str | None:
    authors = item.get("author") or []
    if not authors:
        return None
    first = authors[0]
    return str(first.get("literal") or first.get("family"))


_CACHE: dict[tuple[int, str, str, str | None, bool], str] = {}  # several notes share a source


def _render(
    style: CitationStylesStyle,
    item: dict[str, Any],
    form: str,
    pinpoint: str | None,
    html: bool,
) -> str:
    key = (id(style), json.dumps(item, sort_keys=True), form, pinpoint, html)  # per process
    if key not in _CACHE:
        _CACHE[key] = _render_item(style, item, form, pinpoint, html)
    return _CACHE[key]


def _render_item(
    style: CitationStylesStyle, item: dict[str, Any], form: str, pinpoint: str | None, html: bool
) -> str:
    spacer = {"id": _SPACER, "type": "book", "title": "Spacer"}
    source = CiteProcJSON([_escaped(item) if html else item, spacer])
    bibliography = CitationStylesBibliography(
        style, source, formatter.html if html else formatter.plain
    )

    def cite_of(key: str) -> Citation:
        # Pass no locator at all when there is none: citeproc-py treats None as present.
        if pinpoint and key != _SPACER:
            return Citation([CitationItem(key, locator=Locator("section", pinpoint))])
        return Citation([CitationItem(key)])

    if form == "bibliography":
        bibliography.register(cite_of(item["id"]))
        text = "".join(str(entry) for entry in bibliography.bibliography())
    else:
        # A short note is a subsequent citation (not "ibid."): cite, cite another, cite again.
        cites = [cite_of(item["id"])]
        if form == "short":
            cites += [cite_of(_SPACER), cite_of(item["id"])]
        for cite in cites:
            bibliography.register(cite)
        text = ""
        for cite in cites:
            text = str(bibliography.cite(cite, lambda _item: None))
    if html:  # the rich flavour links its URL
        text = _URL.sub(r'<a href="\1">\1</a>', text)
    return text.strip()


_URL = re.compile(r"(https?://[^\s<\"]+[^\s<\".,;)])")


def render_all(
    *,
    csl_dir: Path,
    source: SourceInfo,
    records: list[Record],
    likely_sources: list[LikelySource],
    paragraphs: list[Paragraph],
    later_sources: list[Source],
) -> Iterator[RenderedRow]:
    """The brief, every record's pinpointed citation, every lead and every later source,
    in every form.

    One style per worker process (citeproc-py is slow and single-threaded); the rows come
    back in style order, so the database is the same whatever the number of cores.
    """
    jobs = [
        (csl_dir, key, source, records, likely_sources, paragraphs, later_sources)
        for key in CSL_STYLES
    ]
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for rows in pool.map(_render_style, *zip(*jobs, strict=True)):
                yield from rows
    else:
        for job in jobs:
            yield from _render_style(*job)


def _with_month(
    text: str, publisher: str, date: str, date_label: str, style_key: str, form: str
) -> str:
    """Chicago's publication facts give a report's month (citations.md): it is the only
    thing that tells the brief's edition from the December 2018 one at the same address."""
    if style_key not in {"chicago", "chicago-author-date"} or form == "short":
        return text
    if style_key == "chicago-author-date" and form == "citation":
        return text  # (Author Year, pinpoint)
    year = date.split("-")[0]
    stated = f"{publisher}, {year}"
    if stated in text:
        return text.replace(stated, f"{publisher}, {date_label}", 1)
    bare = f"{publisher}. "  # author-date: the year leads, the publisher ends
    at = text.rfind(bare)
    if at <= 0:
        raise ValueError(f"no publication facts to date in {style_key} {form}: {text}")
    return f"{text[:at]}{publisher}, {date_label}. {text[at + len(bare) :]}"


def _render_style(
    csl_dir: Path,
    style_key: str,
    source: SourceInfo,
    records: list[Record],
    likely_sources: list[LikelySource],
    paragraphs: list[Paragraph],
    later_sources: list[Source],
) -> list[RenderedRow]:
    style = load_style(csl_dir, style_key)
    mla, apa = style_key == "mla", style_key == "apa"

    def row(
        subject: str,
        item: dict[str, Any],
        form: str,
        *,
        pin: str | None = None,
        fill: Callable[[str], str] = lambda s: s,
    ) -> RenderedRow:
        title = item["title"]
        flavours = []
        for html in (False, True):
            legal = legal_rendering(item, style_key, form, html)
            text = legal if legal is not None else fill(_render(style, item, form, pin, html))
            shown_title = escape(title, quote=False) if html else title
            titles = [t for t in (title, item.get("title-short")) if t]
            text = _mend(text, [escape(t, quote=False) if html else t for t in titles])
            text = _plain_description(text, shown_title)
            if style_key != "apa":
                text = _title_case_compounds(text, shown_title)
            if form == "bibliography":
                text = _unrepeated_periodical(text, item)
            if form == "short":
                text = _short_unsigned(text, item)
            if mla and form == "citation":
                text = _mla_author_only(text, item, mla_authors)
            if subject == BRIEF_ID or subject in record_ids:
                text = _with_month(
                    text, source.publisher, source.date, source.date_label, style_key, form
                )
            elif subject in monthly_reports:
                text = _with_month(text, *monthly_reports[subject], style_key, form)
            flavours.append(text)
        text, html_text = flavours
        if mla and legal_rendering(item, style_key, form, False) is None:
            text, html_text = _without_url_scheme(text, html_text)
        return RenderedRow(subject, style_key, form, text, html_text)

    records = [record for record in records if not record.is_later]  # cite their sources
    record_ids = {record.id for record in records}
    # Later reports dated to the month (the December 2018 brief): Chicago gives the month.
    monthly_reports = {
        source_subject(s.id): (s.publisher, s.date.value, s.date.label)
        for s in later_sources
        if s.date and s.date.precision == "month" and source_item(s)["type"] == "report"
    }
    works = {lead.key: lead for lead in lead_works(likely_sources).values()}
    mla_authors: dict[str, int] = {}
    for lead in works.values():
        name = _author_name(_for_style(lead.item, "mla"))
        if name is not None:
            mla_authors[name] = mla_authors.get(name, 0) + 1
    brief = _for_style(brief_item(source), style_key)
    forms = forms_of(style_key)
    rows = [row(BRIEF_ID, brief, form) for form in forms]
    # Every record cites the same brief and differs only in the pinpoint, which the styles
    # print after their "sec." label: render once with a mark, then put the heading in its
    # place (tests/build/test_rendering.py checks this equals rendering each record alone).
    label = re.compile(rf"(?:sec\.|Section) {PINPOINT}")
    for record in records:
        for form in forms:
            if form == "bibliography":
                continue  # the entry describes the brief, the same for every record
            if mla:  # MLA 9: no pinpoint in the parenthesis for an unpaginated web source
                rows.append(row(record.id, brief, form))
                continue
            words = escape(
                apa_pinpoint(record, paragraphs) if apa else chicago_pinpoint(record), quote=False
            )
            rows.append(row(record.id, brief, form, pin=PINPOINT, fill=_filler(label, words)))
    for key, lead in sorted(works.items(), key=lambda kv: _note_order(kv[0])):
        styled = _for_style(lead.item, style_key)
        rows += [row(key, styled, form) for form in forms]
    for later in later_sources:
        styled = _for_style(source_item(later), style_key)
        rows += [row(source_subject(later.id), styled, form) for form in forms]
    return rows


def _filler(label: re.Pattern[str], words: str) -> Callable[[str], str]:
    """Puts a record's pinpoint words where the styles printed the mark and its label."""
    return lambda text: label.sub(lambda _match: words, text)


def _note_order(key: str) -> tuple[int, str]:
    number = re.match(r"note-(\d+)(\w*)", key)
    return (int(number.group(1)), number.group(2)) if number else (0, key)
