"""Read the curated TOML files into records, checking each field and locating each quote."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mia_desktop import dates
from mia_desktop.build.brief import Brief, Paragraph
from mia_desktop.build.numbers import number_in_text, parse_number
from mia_desktop.build.subject_index import INDEX_FILE, subject_index_from
from mia_desktop.build.vocabulary_files import (
    check_fields,
    check_vocabulary,
    read_likely_sources,
    read_search_vocabulary,
    read_toml,
)
from mia_desktop.records import (
    COUNT_QUALIFIERS,
    EFFORT_STATUSES,
    EFFORT_TYPES,
    EVENT_CATEGORIES,
    FIGURE_QUALIFIERS,
    Batch,
    Country,
    Effort,
    Event,
    Figure,
    IndexHeading,
    LikelySource,
    Passage,
    Quantity,
    Record,
    RecordDate,
    RecordId,
    Source,
    StatusUpdate,
)

RECORD_FILES = {
    "event": "events.toml",
    "batch": "batches.toml",
    "country": "countries.toml",
    "effort": "efforts.toml",
    "figure": "figures.toml",
}
ID_PREFIXES = {"event": "ev-", "batch": "ba-", "country": "co-", "effort": "ef-", "figure": "fi-"}

_COMMON_REQUIRED = {"id": str, "title": str, "text": str, "quote": str}
_COMMON_OPTIONAL = {
    "date": str,
    "date_precision": str,
    "date_label": str,
    "date_derived_because": str,
    "countries": list,
    "related": list,
    "paragraph": int,
}
_KIND_REQUIRED: dict[str, dict[str, type]] = {
    "event": {"category": str, "date": str, "date_precision": str},
    "batch": {"origin": str, "unit": str, "date": str, "date_precision": str},
    "country": {},
    "effort": {
        "effort_type": str,
        "status": str,
        "status_detail": str,
        "outcome": str,
        "date": str,
        "date_precision": str,
    },
    "figure": {
        "measure": str,
        "value_text": str,
        "qualifier": str,
        "unit": str,
        "date": str,
        "date_precision": str,
    },
}
_KIND_OPTIONAL: dict[str, dict[str, type]] = {
    "event": {},
    "batch": {
        "recipient": str,
        "count": int,
        "count_qualifier": str,
        "individuals_low": int,
        "individuals_high": int,
        "unknowns": int,
        "identified": int,
    },
    "country": {"names": list},
    "effort": {"periods": list},
    "figure": {"value": int, "low": int, "high": int},
}


@dataclass
class Curation:
    """Everything read from resources/, and every problem found while reading it."""

    records: list[Record] = field(default_factory=list)
    likely_sources: list[LikelySource] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)
    alias_groups: list[list[str]] = field(default_factory=list)
    stop_words: list[str] = field(default_factory=list)
    distinct_words: list[str] = field(default_factory=list)
    context_phrases: list[str] = field(default_factory=list)
    index_headings: list[IndexHeading] = field(default_factory=list)
    # The source registry (the brief first) and what the later sources add (build/later.py).
    sources: list[Source] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    status_updates: list[StatusUpdate] = field(default_factory=list)
    left_out: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_curation(resources: Path, brief: Brief) -> Curation:
    curation = Curation()
    curation.provenance = read_toml(resources / "source" / "provenance.toml", curation.problems)
    curation.likely_sources = read_likely_sources(resources / "endnotes.toml", curation.problems)
    read_search_vocabulary(resources / "search.toml", curation)
    curation.index_headings = subject_index_from(
        read_toml(resources / INDEX_FILE, curation.problems), curation.problems
    )
    raw_by_kind = {
        kind: read_toml(resources / "records" / name, curation.problems).get(kind, [])
        for kind, name in RECORD_FILES.items()
    }
    for kind, entries in raw_by_kind.items():
        where = f"records/{RECORD_FILES[kind]}"
        for position, entry in enumerate(entries, start=1):
            label = f"{where}: {entry.get('id', f'entry {position}')}"
            record = _make_record(kind, entry, brief, label, curation.problems)
            if record is not None:
                curation.records.append(record)
    curation.records = link_both_ways(curation.records)
    curation.records = _with_country_spans(curation.records)
    return curation


def _check_fields(entry: Mapping[str, Any], kind: str, label: str, problems: list[str]) -> bool:
    required = _COMMON_REQUIRED | _KIND_REQUIRED[kind]
    allowed = required | _COMMON_OPTIONAL | _KIND_OPTIONAL[kind]
    return check_fields(entry, required, allowed, label, problems)


def _make_record(
    kind: str, entry: Mapping[str, Any], brief: Brief, label: str, problems: list[str]
) -> Record | None:
    if not _check_fields(entry, kind, label, problems):
        return None
    record_id = entry["id"]
    if not record_id.startswith(ID_PREFIXES[kind]) or not re.fullmatch(r"[a-z0-9-]+", record_id):
        problems.append(
            f"{label}: id must be lowercase a-z, 0-9 and '-' and start with {ID_PREFIXES[kind]!r}"
        )
    located = _locate_quote(entry, brief, label, problems)
    if located is None:
        return None
    paragraph, start = located
    end = start + len(entry["quote"])
    touched = [s.index for s in paragraph.sentences if s.start < end and s.end > start]
    markers = tuple(m for m in paragraph.markers if m.sentence in touched)
    common: dict[str, Any] = {
        "kind": kind,
        "id": RecordId(record_id),
        "title": entry["title"],
        "text": entry["text"],
        "quote": entry["quote"],
        "section": paragraph.section,
        "subsection": paragraph.subsection,
        "paragraph": paragraph.number,
        "quote_start": start,
        "notes": tuple(m.number for m in markers),
        "markers": tuple(m.ordinal for m in markers),
        "date": _make_date(kind, entry, label, problems),
        "countries": tuple(RecordId(c) for c in entry.get("countries", [])),
        "related": tuple(RecordId(r) for r in entry.get("related", [])),
    }
    builder = _BUILDERS[kind]
    return builder(common, entry, label, problems)


def _locate_quote(
    entry: Mapping[str, Any], brief: Brief, label: str, problems: list[str]
) -> tuple[Paragraph, int] | None:
    quote = entry["quote"]
    if quote != quote.strip():
        problems.append(f"{label}: quote starts or ends with white space")
    candidates = [p for p in brief.paragraphs if quote in p.text]
    if "paragraph" in entry:
        candidates = [p for p in candidates if p.number == entry["paragraph"]]
    if not candidates:
        problems.append(f"{label}: quote is not verbatim in the brief: {quote[:70]!r}")
        return None
    if len(candidates) > 1:
        numbers = ", ".join(str(p.number) for p in candidates)
        problems.append(f"{label}: quote occurs in paragraphs {numbers}; add paragraph = N")
        return None
    paragraph = candidates[0]
    start = paragraph.text.index(quote)
    if start < paragraph.body_start:
        problems.append(f"{label}: quote begins with the run-in sub-head {paragraph.subsection!r}")
    return paragraph, start


def _make_date(
    kind: str, entry: Mapping[str, Any], label: str, problems: list[str]
) -> RecordDate | None:
    if kind == "country":
        for name in ("date", "date_precision", "date_label", "date_derived_because"):
            if name in entry:
                problems.append(f"{label}: a country's date is derived by the build; drop {name!r}")
        return None
    if "date" not in entry:
        return None
    value, precision = entry["date"], entry.get("date_precision", "")
    trouble = dates.problem(value, precision)
    if trouble:
        problems.append(f"{label}: {trouble}")
        return None
    if precision == "approximate" and "date_label" not in entry:
        problems.append(f"{label}: an approximate date needs a date_label")
    derived_because = entry.get("date_derived_because")
    if derived_because is None:
        # A date that is not derived must be readable in the quote itself.
        for written in dates.years(value) + dates.month_names(value):
            if written not in entry["quote"]:
                problems.append(
                    f"{label}: date {value!r}: {written!r} is not in the quote;"
                    " add date_derived_because"
                )
    return RecordDate(
        value=value,
        precision=precision,
        label=entry.get("date_label") or dates.default_label(value, precision),
        derived_because=derived_because,
    )


def _event(
    common: dict[str, Any], entry: Mapping[str, Any], label: str, problems: list[str]
) -> Record:
    check_vocabulary(entry["category"], EVENT_CATEGORIES, "category", label, problems)
    return Event(**common, category=entry["category"])


def _batch(
    common: dict[str, Any], entry: Mapping[str, Any], label: str, problems: list[str]
) -> Record:
    qualifier = entry.get("count_qualifier")
    if qualifier is not None:
        check_vocabulary(qualifier, COUNT_QUALIFIERS, "count_qualifier", label, problems)
    numbers = ("count", "individuals_low", "individuals_high", "unknowns", "identified")
    for name in numbers:
        if name in entry and not number_in_text(entry[name], entry["quote"]):
            problems.append(f"{label}: {name} {entry[name]} is not written in the quote")
    if ("individuals_low" in entry) != ("individuals_high" in entry):
        problems.append(f"{label}: give both individuals_low and individuals_high, or neither")
    if qualifier is not None and "count" not in entry:
        problems.append(f"{label}: count_qualifier without a count")
    return Batch(
        **common,
        origin=RecordId(entry["origin"]),
        recipient=entry.get("recipient"),
        count=entry.get("count"),
        count_qualifier=qualifier if qualifier is not None or "count" not in entry else "exact",
        unit=entry["unit"],
        individuals_low=entry.get("individuals_low"),
        individuals_high=entry.get("individuals_high"),
        unknowns=entry.get("unknowns"),
        identified=entry.get("identified"),
    )


def _country(
    common: dict[str, Any], entry: Mapping[str, Any], label: str, problems: list[str]
) -> Record:
    return Country(**common, names=tuple(entry.get("names", [])))


def _effort(
    common: dict[str, Any], entry: Mapping[str, Any], label: str, problems: list[str]
) -> Record:
    check_vocabulary(entry["effort_type"], EFFORT_TYPES, "effort_type", label, problems)
    check_vocabulary(entry["status"], EFFORT_STATUSES, "status", label, problems)
    periods = tuple(entry.get("periods", []))
    _check_periods(periods, common["date"], entry["quote"], label, problems)
    return Effort(
        **common,
        effort_type=entry["effort_type"],
        status=entry["status"],
        status_detail=entry["status_detail"],
        outcome=entry["outcome"],
        periods=periods,
    )


def _check_periods(
    periods: tuple[str, ...],
    date: RecordDate | None,
    quote: str,
    label: str,
    problems: list[str],
) -> None:
    """Periods split an effort's date into the stretches the brief gives, in order, apart."""
    if not periods:
        return
    if len(periods) < 2:
        problems.append(f"{label}: periods lists one period; its date already says it")
    previous_end: str | None = None
    for period in periods:
        trouble = dates.problem(period, "range" if ".." not in period else "approximate")
        if trouble:
            problems.append(f"{label}: periods: {trouble}")
            return
        for year in dates.years(period):
            if year not in quote:
                problems.append(f"{label}: period {period!r}: {year!r} is not in the quote")
        start, end = dates.bounds(period)
        if start is None or (previous_end is not None and start <= previous_end):
            problems.append(f"{label}: period {period!r} does not start after the one before")
        if end is None and period != periods[-1]:
            problems.append(f"{label}: only the last period can be open-ended")
        previous_end = end or "9999-12-31"
    if date is not None:
        first, last = dates.bounds(date.value)
        starts, ends = dates.bounds(periods[0])[0], dates.bounds(periods[-1])[1]
        if first != starts or last != ends:
            problems.append(
                f"{label}: periods {', '.join(periods)} do not span its date {date.value!r}"
            )


def _figure(
    common: dict[str, Any], entry: Mapping[str, Any], label: str, problems: list[str]
) -> Record:
    qualifier, value_text = entry["qualifier"], entry["value_text"]
    check_vocabulary(qualifier, FIGURE_QUALIFIERS, "qualifier", label, problems)
    value, low, high = entry.get("value"), entry.get("low"), entry.get("high")
    parsed = parse_number(value_text)
    is_range = qualifier in {"range", "estimated range"}
    if is_range != (value is None):
        problems.append(f"{label}: a range has low and high and no value; other figures a value")
    if is_range:
        if parsed != (low, high):
            problems.append(f"{label}: value_text {value_text!r} does not read as {low}-{high}")
    elif parsed != value:
        problems.append(f"{label}: value_text {value_text!r} does not read as {value}")
    if not re.search(rf"(?<![\w,]){re.escape(value_text)}(?!\w|,\d)", entry["quote"]):
        problems.append(f"{label}: value_text {value_text!r} is not in the quote")
    return Figure(
        **common,
        measure=entry["measure"],
        value=value,
        low=low,
        high=high,
        value_text=value_text,
        qualifier=qualifier,
        unit=entry["unit"],
    )


_BUILDERS: dict[str, Callable[[dict[str, Any], Mapping[str, Any], str, list[str]], Record]] = {
    "event": _event,
    "batch": _batch,
    "country": _country,
    "effort": _effort,
    "figure": _figure,
}


def link_both_ways(records: list[Record]) -> list[Record]:
    """Make every `related` link symmetric, so either side shows the other."""
    known = {r.id for r in records}
    backlinks: dict[RecordId, set[RecordId]] = {r.id: set() for r in records}
    for record in records:
        for target in record.related:
            if target in known:
                backlinks[target].add(record.id)
    return [replace(r, related=tuple(sorted(set(r.related) | backlinks[r.id]))) for r in records]


def _with_country_spans(records: list[Record]) -> list[Record]:
    """Give each country the span of the dated records about it, marked as derived."""
    result = []
    for record in records:
        if isinstance(record, Country):
            about = [r.date for r in records if record.id in r.countries and r.date]
            starts = [b for d in about if (b := dates.bounds(d.value)[0])]
            ends = [b for d in about if (b := dates.bounds(d.value)[1])]
            if starts and ends:
                first, last = min(starts)[:4], max(ends)[:4]
                value = first if first == last else f"{first}/{last}"
                record = replace(
                    record,
                    date=RecordDate(
                        value=value,
                        precision="year" if first == last else "range",
                        label=dates.default_label(value, "year" if first == last else "range"),
                        derived_because=(
                            f"Span of the brief's dated records about {record.title}."
                        ),
                    ),
                )
        result.append(record)
    return result


def passage_records(brief: Brief) -> list[Record]:
    """Every paragraph of the brief as a searchable, citable record of its own."""
    return [
        Passage(
            kind="passage",
            id=RecordId(f"pa-{p.number:02d}"),
            title=f"Paragraph {p.number}: {p.subsection or p.section}",
            text=p.text,
            quote=p.text,
            section=p.section,
            subsection=p.subsection,
            paragraph=p.number,
            quote_start=0,
            notes=tuple(m.number for m in p.markers),
            markers=tuple(m.ordinal for m in p.markers),
            date=None,
            countries=(),
            related=(),
        )
        for p in brief.paragraphs
    ]
