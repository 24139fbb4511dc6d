"""Checks across all records: the whole brief is covered, every note and numeral accounted for."""

from __future__ import annotations

import re
from collections import Counter

from mia_desktop.build.brief import MARKER, Brief
from mia_desktop.build.fidelity import check_fidelity
from mia_desktop.records import Batch, Country, Figure, LikelySource, Record

EXPECTED_MARKERS = 32
EXPECTED_NOTE_NUMBERS = tuple(range(1, 32))

# A numeral in the brief's text (markers already removed): "7,800", "375", "1990s".
_NUMERAL = re.compile(r"(?<![\w,])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\w,])\d+(?:s\b)?")
_YEAR = re.compile(r"(19|20)\d\ds?")


def check_brief(brief: Brief) -> list[str]:
    problems = []
    numbers = [m.number for m in brief.markers]
    if len(numbers) != EXPECTED_MARKERS:
        problems.append(f"brief: found {len(numbers)} endnote markers, expected {EXPECTED_MARKERS}")
    if tuple(sorted(set(numbers))) != EXPECTED_NOTE_NUMBERS:
        problems.append("brief: endnote numbers are not exactly 1-31")
    if numbers != sorted(numbers):
        problems.append(f"brief: endnote numbers out of reading order: {numbers}")
    return problems


def check_records(
    records: list[Record], brief: Brief, likely_sources: list[LikelySource]
) -> list[str]:
    return [
        *_check_ids_and_links(records),
        *_check_text_has_no_markers(records),
        *_check_every_marker_cited(records, brief),
        *_check_every_sentence_covered(records, brief),
        *_check_every_numeral_covered(records, brief),
        *_check_events_dated(records),
        *_check_likely_sources(likely_sources, brief),
        *check_fidelity(records),
    ]


def _check_ids_and_links(records: list[Record]) -> list[str]:
    problems = []
    counts = Counter(r.id for r in records)
    problems += [f"{rid}: id used {n} times" for rid, n in counts.items() if n > 1]
    by_id = {r.id: r for r in records}
    countries = {r.id for r in records if isinstance(r, Country)}
    for record in records:
        for country in record.countries:
            if country not in countries:
                problems.append(f"{record.id}: countries names unknown country {country!r}")
        for target in record.related:
            if target not in by_id:
                problems.append(f"{record.id}: related names unknown record {target!r}")
            elif target == record.id:
                problems.append(f"{record.id}: related names itself")
        if isinstance(record, Batch) and record.origin not in countries:
            problems.append(f"{record.id}: origin {record.origin!r} is not a country id")
    return problems


def _check_text_has_no_markers(records: list[Record]) -> list[str]:
    """Our own titles and texts must not carry a glued endnote marker such as "1954.5"."""
    problems = []
    for record in records:
        for name in ("title", "text"):
            value = getattr(record, name)
            match = MARKER.search(value)
            if match:
                context = value[max(0, match.start() - 12) : match.end()]
                problems.append(f"{record.id}: {name} has a glued note marker: {context!r}")
    return problems


def _check_every_marker_cited(records: list[Record], brief: Brief) -> list[str]:
    cited = {ordinal for r in records for ordinal in r.markers}
    return [
        f"note {m.number} (marker {m.ordinal}, paragraph {m.paragraph}) is cited by no record"
        for m in brief.markers
        if m.ordinal not in cited
    ]


def _quote_spans(records: list[Record]) -> dict[int, list[tuple[int, int, Record]]]:
    spans: dict[int, list[tuple[int, int, Record]]] = {}
    for r in records:
        spans.setdefault(r.paragraph, []).append((r.quote_start, r.quote_start + len(r.quote), r))
    return spans


def _check_every_sentence_covered(records: list[Record], brief: Brief) -> list[str]:
    spans = _quote_spans(records)
    return [
        f"paragraph {s.paragraph}, sentence {s.index + 1} is quoted by no record: {s.text[:60]!r}"
        for s in brief.sentences
        if not any(start < s.end and end > s.start for start, end, _ in spans.get(s.paragraph, []))
    ]


def _check_every_numeral_covered(records: list[Record], brief: Brief) -> list[str]:
    """Years must be quoted by some record; every other numeral must be a figure's value."""
    spans = _quote_spans(records)
    problems = []
    for paragraph in brief.paragraphs:
        for match in _NUMERAL.finditer(paragraph.text):
            numeral, position = match.group(), match.start()
            around = spans.get(paragraph.number, [])
            if _YEAR.fullmatch(numeral):
                if not any(s <= position < e for s, e, _ in around):
                    problems.append(f"paragraph {paragraph.number}: year {numeral} is in no quote")
                continue
            if not any(_figure_value_at(r, s, position) for s, e, r in around):
                problems.append(
                    f"paragraph {paragraph.number}: number {numeral} is the value of no figure"
                )
    return problems


def _figure_value_at(record: Record, quote_start: int, position: int) -> bool:
    if not isinstance(record, Figure):
        return False
    pattern = rf"(?<![\w,]){re.escape(record.value_text)}(?!\w|,\d)"
    return any(
        quote_start + m.start() <= position < quote_start + m.end()
        for m in re.finditer(pattern, record.quote)
    )


def _check_events_dated(records: list[Record]) -> list[str]:
    return [f"{r.id}: event has no date" for r in records if r.kind == "event" and r.date is None]


def _check_likely_sources(sources: list[LikelySource], brief: Brief) -> list[str]:
    expected = [(m.ordinal, m.number) for m in brief.markers]
    found = [(s.marker, s.number) for s in sources]
    if found != expected:
        return ["endnotes.toml: entries must be the brief's 32 markers in order, with numbers"]
    return []
