"""Citations: the brief and its likely sources as CSL items, pinpoints, and plain formats.

The four CSL styles are rendered by citeproc-py at data-build time (build/rendering.py)
and stored in data.db, so neither citeproc nor the style files load when the app starts.
BibTeX, RIS, CSL-JSON and Markdown are simple enough to write here, at run time.

Pinpoints name the heading the quote stands under, never an endnote: the quotes are in
the body text, and the endnote texts were never recovered (shared/guide/citations.md).
The interchange formats describe the item, never one passage, so two records pasted into
one file give one entry; the pinpoint travels in the citation command or citation item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any, NamedTuple

from mia_desktop.present.values import LIKELY_SOURCE_LABEL
from mia_desktop.records import (
    LikelySource,
    Paragraph,
    Record,
    Rendering,
    Source,
    SourceInfo,
    heading,
)

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
        "book",
        "bill",
    }
)


def csl_item_problems(item: dict[str, Any]) -> list[str]:
    """What keeps a CSL-JSON item from rendering properly (checked by the build)."""
    problems = []
    if item.get("type") not in CSL_TYPES:
        problems.append(f"type {item.get('type')!r} is not one of {', '.join(sorted(CSL_TYPES))}")
    if not item.get("title"):
        problems.append("has no title")
    for key in ("issued", "accessed"):
        date = item.get(key)
        if date is not None and not (
            isinstance(date, dict)
            and isinstance(date.get("date-parts"), list)
            and all(isinstance(part, list) and part for part in date["date-parts"])
        ):
            problems.append(f"{key} must be {{date-parts = [[YYYY, M, D]]}}")
    return problems


# -- the brief ---------------------------------------------------------------------------


def brief_item(source: SourceInfo) -> dict[str, Any]:
    """The brief as a CSL-JSON item: an issue brief (a report) by the NCNK as corporate author.

    Its note says that the address now serves another edition; no access date is given,
    since today's would certify the wrong text.
    """
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
        "note": f"The edition last updated {source.date_label}. {source.url_note}",
    }


# -- the later sources ---------------------------------------------------------------------

# A later source's kind as the CSL type its styles know: a page on an agency's site is a web
# page (its genre says which kind); a press report an article in its paper; a resolution a
# bill; a report (an issue brief, a CRS Insight) a report.
_CSL_TYPE_OF_KIND = {
    "issue brief": "report",
    "report": "report",
    "fact sheet": "webpage",
    "news release": "webpage",
    "web page": "webpage",
    "testimony": "webpage",
    "hearing": "hearing",
    "news article": "article-newspaper",
    "resolution": "bill",
}
# When the stored copies of the later sources were read: an undated page's access date.
COPIES_READ_ON = (2026, 12, 2)


def source_subject(source_id: str) -> str:
    """The key a later source's renderings are stored under."""
    return f"source:{source_id}"


def source_item(source: Source) -> dict[str, Any]:
    """A later source as a CSL-JSON item: its author, title, kind, date and address.

    A page read through a copy (grade A-m) is cited as the authority's work, and its note
    names the copy; an undated page carries the date its copy was read as its access date.
    """
    csl_type = _CSL_TYPE_OF_KIND[source.kind]
    if source.author_kind == "person" and ", " in source.author:
        family, given = source.author.split(", ", 1)
        author: dict[str, str] = {"family": family, "given": given}
    else:
        author = {"literal": source.author}
    item: dict[str, Any] = {
        "id": source.id,
        "type": csl_type,
        "author": [author],
        "title": source.title,
        "URL": source.url,
    }
    if csl_type == "hearing":  # the committee is where it was held, not its author
        item["authority"] = item.pop("author")[0].get("literal", source.author)
        if "hearing" not in source.title.lower():  # CMOS 14.300: "Title: Hearing Before …"
            item["title"] = f"{source.title}: Hearing"
    if source.kind not in {"news article", "resolution", "hearing"}:
        item["genre"] = source.kind
    if csl_type in {"webpage", "article-newspaper"}:
        item["container-title"] = source.publisher
    else:
        item["publisher"] = source.publisher
    if source.date is not None:
        item["issued"] = {"date-parts": [[int(p) for p in source.date.value.split("-")]]}
    else:
        item["accessed"] = {"date-parts": [list(COPIES_READ_ON)]}
    if source.seen_at != source.url:
        item["note"] = f"Read in a copy at {source.seen_at}."
    return item


def paragraph_in_heading(record: Record, paragraphs: Sequence[Paragraph]) -> int:
    """The quote's paragraph counted within its heading (APA's "para. N")."""
    return sum(
        1
        for p in paragraphs
        if p.number <= record.paragraph
        and (p.subsection or p.section) == heading(record)
        and p.section == record.section
    )


def chicago_pinpoint(record: Record) -> str:
    """Chicago (CMOS 18): an unnumbered heading is cited with "under"."""
    return f"under “{heading(record)}”"


def apa_pinpoint(record: Record, paragraphs: Sequence[Paragraph]) -> str:
    """APA 7 (8.13): the heading, then the paragraph counted within it."""
    return f"{heading(record)} section, para. {paragraph_in_heading(record, paragraphs)}"


# -- the likely sources of the endnotes ---------------------------------------------------


class Lead(NamedTuple):
    """A work identified independently as the likely source of one or more endnotes."""

    key: str  # note-N after the first printed note it serves ("note-3b": the second "3")
    item: dict[str, Any]  # the work as CSL-JSON, its note saying what it is a lead for
    notes: tuple[tuple[str, str], ...]  # (note label as printed, confidence) per note served


def note_labels(sources: Iterable[LikelySource]) -> dict[int, tuple[str, str]]:
    """Marker -> (label shown, key suffix). The brief prints 3 twice: "3 (second)", "3b"."""
    seen: dict[int, int] = {}
    labels = {}
    for source in sorted(sources, key=lambda s: s.marker):
        count = seen[source.number] = seen.get(source.number, 0) + 1
        if count == 1:
            labels[source.marker] = (str(source.number), str(source.number))
        else:
            ordinal = {2: "second", 3: "third"}.get(count, f"{count}th")
            suffix = "abcdefghij"[count - 1]
            labels[source.marker] = (f"{source.number} ({ordinal})", f"{source.number}{suffix}")
    return labels


def lead_works(sources: Sequence[LikelySource]) -> dict[int, Lead]:
    """Marker -> its work; notes that share a work share one Lead (one key, one entry)."""
    labels = note_labels(sources)
    by_work: dict[str, list[LikelySource]] = {}
    for source in sorted(sources, key=lambda s: s.marker):
        if source.csl is not None:
            by_work.setdefault(json.dumps(source.csl, sort_keys=True), []).append(source)
    works = {}
    for served in by_work.values():
        notes = tuple((labels[s.marker][0], s.confidence) for s in served)
        key = f"note-{labels[served[0].marker][1]}"
        item = {"id": key, **served[0].csl}  # type: ignore[dict-item]
        item["note"] = " ".join(n for n in (item.get("note"), lead_note(notes)) if n)
        lead = Lead(key=key, item=item, notes=notes)
        works.update({s.marker: lead for s in served})
    return works


def lead_note(notes: Sequence[tuple[str, str]]) -> str:
    """What a lead is, said in its own note field: never dressed as the brief's endnote."""
    served = [f"note {label} (confidence: {confidence})" for label, confidence in notes]
    listed = served[0] if len(served) == 1 else f"{', '.join(served[:-1])} and {served[-1]}"
    return (
        f"Independently identified likely source for {listed} of the NCNK issue brief"
        " “Korean War POW/MIAs” (October 2015); not the brief's own endnote."
    )


# -- formats written at run time ---------------------------------------------------------


def to_csl_json(items: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


def csl_citation_items(key: str, locator: str | None) -> str:
    """A CSL citation item: where the pinpoint travels (the item itself has none)."""
    cite: dict[str, str] = {"id": key}
    if locator:
        cite |= {"label": "section", "locator": locator}
    return json.dumps([cite], ensure_ascii=False) + "\n"


# -- quotations --------------------------------------------------------------------------

# The brief's typos (shared/source/README.md), marked in a copied quotation, never in the
# stored quote. "The Punch Bowl" is a variant spelling, not an error, so it gets no [sic].
SIC = ("these boxed", "natureremaking")


def quotation(record: Record) -> str:
    """The quote as it goes inside our quotation marks: inner double quotes made single,
    [sic] after the brief's typos, and no run-in sub-head (it is not part of the sentence).
    """
    text = record.quote
    if record.subsection and text.startswith(record.subsection):
        text = text.removeprefix(record.subsection).lstrip()
    text = text.replace("“", "‘").replace("”", "’")
    for typo in SIC:
        text = re.sub(rf"\b{re.escape(typo)}\b", f"{typo} [sic]", text)
    return text


def quote_with_citation(record: Record, citation: Rendering) -> Rendering:
    """The quote in outer quotation marks, then its citation."""
    quoted = quotation(record)
    return Rendering(
        text=f"“{quoted}”\n{citation.text}",
        html=f"<blockquote>“{escape(quoted)}”</blockquote><p>{citation.html}</p>",
    )


def describe_likely_source(source: LikelySource, label: str | None = None) -> str:
    """One line per endnote for a reader: always labelled as an independent identification."""
    head = f"Note {label or source.number}: "
    if source.confidence == "unidentified" or not source.likely_source:
        remark = f" ({source.remark})" if source.remark else ""
        return f"{head}{LIKELY_SOURCE_LABEL}: not identified{remark}"
    return f"{head}{LIKELY_SOURCE_LABEL}, confidence {source.confidence}: {source.likely_source}"
