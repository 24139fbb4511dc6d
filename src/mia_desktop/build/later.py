"""Read the later sources (resources/later/*.toml) into the source registry, quantities,
later figures and events, and efforts' later statuses, checking each entry.

A later record is a fact or a figure with its as-of date and its source, told in our words:
it never holds a quote (only the brief is quoted), and values on different bases are
different quantities (shared/source/later/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from mia_desktop import dates
from mia_desktop.build.later_fields import (
    EVENT_FIELDS,
    EVENT_OPTIONAL,
    FIGURE_FIELDS,
    FIGURE_OPTIONAL,
    LEFT_OUT_FIELDS,
    QUANTITY_FIELDS,
    QUANTITY_OPTIONAL,
    SOURCE_FIELDS,
    SOURCE_OPTIONAL,
    STATUS_FIELDS,
    checked_date,
    fields_ok,
)
from mia_desktop.build.numbers import parse_number
from mia_desktop.build.vocabulary_files import check_vocabulary, read_toml
from mia_desktop.records import (
    BRIEF_SOURCE_ID,
    EFFORT_STATUSES,
    EVENT_CATEGORIES,
    FIGURE_QUALIFIERS,
    SOURCE_KINDS,
    Effort,
    EffortStatus,
    Event,
    Figure,
    Quantity,
    Record,
    RecordDate,
    RecordId,
    Source,
    SourceGrade,
    SourceKind,
    StatusUpdate,
)

LATER_DIR = "later"
LATER_GRADES = frozenset({"A", "A-m", "B"})  # C is a pointer only, never a source
BRIEF_MONTH = "2015-10"  # later events are those after the brief's date
_DATE_PRECISIONS = frozenset({"day", "month", "year"})


@dataclass
class LaterSources:
    """Everything read from resources/later/, and every problem found while reading it."""

    sources: list[Source] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    brief_quantities: dict[str, str] = field(default_factory=dict)  # brief figure -> quantity
    records: list[Record] = field(default_factory=list)
    status_updates: list[StatusUpdate] = field(default_factory=list)
    left_out: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def brief_source(provenance: Mapping[str, Any]) -> Source:
    """The 2015 brief as the registry's primary source, from its provenance file."""
    value = str(provenance.get("date", ""))
    return Source(
        id=BRIEF_SOURCE_ID,
        title=str(provenance.get("title", "")),
        author=str(provenance.get("author", "")),
        author_kind="organization",
        publisher=str(provenance.get("publisher", "")),
        date=RecordDate(value=value, precision="month", label=dates.default_label(value, "month")),
        url=str(provenance.get("url", "")),
        seen_at="resources/source/korean-war-pow-mias-2015.txt (the text as received)",
        grade="primary",
        kind="issue brief",
        checked=str(provenance.get("copy_note", "")),
    )


def read_later(resources: Path, brief_records: list[Record], brief: Source) -> LaterSources:
    """Read and check every later-sources file; problems are collected, never raised."""
    later = LaterSources(sources=[brief])
    tables: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for path in sorted((resources / LATER_DIR).glob("*.toml")):
        for name, entries in read_toml(path, later.problems).items():
            if not isinstance(entries, list):
                later.problems.append(f"{LATER_DIR}/{path.name}: {name!r} is not a [[table]] list")
                continue
            where = f"{LATER_DIR}/{path.name}"
            tables.setdefault(name, []).extend((where, entry) for entry in entries)
    unknown = set(tables) - {"source", "quantity", "figure", "event", "effort_status", "left_out"}
    for name in sorted(unknown):
        later.problems.append(f"{LATER_DIR}/: unknown table [[{name}]]")
    by_id: dict[str, Record] = {r.id: r for r in brief_records}
    for where, entry in tables.get("source", []):
        _read_source(where, entry, later)
    sources: dict[str, Source] = {s.id: s for s in later.sources}
    for where, entry in tables.get("quantity", []):
        _read_quantity(where, entry, by_id, later)
    quantities = {q.key: q for q in later.quantities}
    for where, entry in tables.get("figure", []):
        _read_figure(where, entry, quantities, sources, by_id, later)
    for where, entry in tables.get("event", []):
        _read_event(where, entry, sources, by_id, later)
    for where, entry in tables.get("effort_status", []):
        _read_status(where, entry, sources, by_id, later)
    for where, entry in tables.get("left_out", []):
        if fields_ok(entry, LEFT_OUT_FIELDS, {}, f"{where}: left out", later.problems):
            later.left_out.append({k: str(entry[k]) for k in LEFT_OUT_FIELDS})
    _check_registry(later, by_id)
    return later


# What a later record has in place of the brief's quote and its place in the brief: nothing.
_UNQUOTED: dict[str, Any] = {
    "quote": "",
    "section": "",
    "subsection": None,
    "paragraph": 0,
    "quote_start": 0,
    "notes": (),
    "markers": (),
}


def with_quantities(records: list[Record], brief_quantities: Mapping[str, str]) -> list[Record]:
    """The brief's figures with the key of the quantity each is a value of."""
    return [
        replace(r, quantity=brief_quantities[r.id])
        if isinstance(r, Figure) and r.id in brief_quantities
        else r
        for r in records
    ]


# -- each table ----------------------------------------------------------------------------


def _read_source(where: str, entry: Mapping[str, Any], later: LaterSources) -> None:
    label = f"{where}: source {entry.get('id', '?')}"
    if not fields_ok(entry, SOURCE_FIELDS, SOURCE_OPTIONAL, label, later.problems):
        return
    check_vocabulary(entry["grade"], LATER_GRADES, "grade", label, later.problems)
    check_vocabulary(entry["kind"], SOURCE_KINDS, "kind", label, later.problems)
    check_vocabulary(
        entry["author_kind"], frozenset({"organization", "person"}), "author_kind", label,
        later.problems,
    )  # fmt: skip
    precision = entry["date_precision"]
    date = None
    if precision == "undated":
        if "date" in entry:
            later.problems.append(f"{label}: an undated source has no 'date'")
    elif "date" not in entry:
        later.problems.append(f"{label}: 'date' is missing (or date_precision = \"undated\")")
    elif precision not in _DATE_PRECISIONS:
        later.problems.append(f"{label}: date_precision {precision!r} is not day, month or year")
    else:
        date = checked_date(entry["date"], precision, label, later.problems)
    for name in ("url", "seen_at"):
        if not entry[name].startswith(("http://", "https://")):
            later.problems.append(f"{label}: {name} is not a web address")
    later.sources.append(
        Source(
            id=RecordId(entry["id"]),
            title=entry["title"],
            author=entry["author"],
            author_kind=entry["author_kind"],
            publisher=entry["publisher"],
            date=date,
            url=entry["url"],
            seen_at=entry["seen_at"],
            grade=cast(SourceGrade, entry["grade"]),
            kind=cast(SourceKind, entry["kind"]),
            checked=entry["checked"],
            register=entry.get("register"),
        )
    )


def _read_quantity(
    where: str, entry: Mapping[str, Any], by_id: Mapping[str, Record], later: LaterSources
) -> None:
    label = f"{where}: quantity {entry.get('key', '?')}"
    if not fields_ok(entry, QUANTITY_FIELDS, QUANTITY_OPTIONAL, label, later.problems):
        return
    for figure_id in entry.get("brief_figures", []):
        if not isinstance(by_id.get(figure_id), Figure):
            later.problems.append(f"{label}: {figure_id!r} is not a figure of the brief")
        elif figure_id in later.brief_quantities:
            later.problems.append(f"{label}: {figure_id!r} is already a value of another quantity")
        else:
            later.brief_quantities[figure_id] = entry["key"]
    later.quantities.append(
        Quantity(entry["key"], entry["label"], entry["unit"], entry["basis"], entry["estimate"])
    )


def _later_source(
    name: str, sources: Mapping[str, Source], label: str, problems: list[str]
) -> RecordId:
    if name not in sources:
        problems.append(f"{label}: source {name!r} is not in the registry")
    elif sources[name].is_brief:
        problems.append(f"{label}: a later record's source is a later source, not the brief")
    return RecordId(name)


def _countries(
    names: list[Any], by_id: Mapping[str, Record], label: str, problems: list[str]
) -> tuple[RecordId, ...]:
    for name in names:
        if by_id.get(name) is None or by_id[name].kind != "country":
            problems.append(f"{label}: {name!r} is not a country")
    return tuple(RecordId(str(n)) for n in names)


def _read_figure(
    where: str,
    entry: Mapping[str, Any],
    quantities: Mapping[str, Quantity],
    sources: Mapping[str, Source],
    by_id: Mapping[str, Record],
    later: LaterSources,
) -> None:
    label = f"{where}: figure {entry.get('id', '?')}"
    problems = later.problems
    if not fields_ok(entry, FIGURE_FIELDS, FIGURE_OPTIONAL, label, problems):
        return
    if not entry["id"].startswith("lf-"):
        problems.append(f"{label}: a later figure's id starts with 'lf-'")
    check_vocabulary(entry["qualifier"], FIGURE_QUALIFIERS, "qualifier", label, problems)
    quantity = quantities.get(entry["quantity"])
    if quantity is None:
        problems.append(f"{label}: quantity {entry['quantity']!r} is not defined")
    elif entry["unit"] != quantity.unit:
        problems.append(
            f"{label}: unit {entry['unit']!r} is not its quantity's ({quantity.unit!r}):"
            " values on another basis are another quantity"
        )
    ranged = entry["qualifier"] in {"range", "estimated range"}
    value, low, high = entry.get("value"), entry.get("low"), entry.get("high")
    if ranged != (value is None) or ranged != (low is not None and high is not None):
        problems.append(f"{label}: a range has low and high, any other value has value")
    # "700th" (the 700th identification) reads as 700.
    read = parse_number(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", entry["value_text"]))
    if read != ((low, high) if ranged else value):
        problems.append(f"{label}: value_text {entry['value_text']!r} does not read as the value")
    if entry["as_of_precision"] not in _DATE_PRECISIONS:
        problems.append(f"{label}: as_of_precision is day, month or year")
        return
    as_of = checked_date(entry["as_of"], entry["as_of_precision"], label, problems)
    if as_of is None:
        return
    as_of = replace(as_of, derived_because=entry.get("as_of_derived_because"))
    later.records.append(
        Figure(
            kind="figure",
            id=RecordId(entry["id"]),
            title=f"{quantity.label if quantity else entry['quantity']}: {_hedged(entry)}",
            text=entry["summary"],
            **_UNQUOTED,
            date=as_of,
            countries=_countries(entry.get("countries", []), by_id, label, problems),
            related=(),
            source=_later_source(entry["source"], sources, label, problems),
            measure=quantity.label if quantity else entry["quantity"],
            value=value,
            low=low,
            high=high,
            value_text=entry["value_text"],
            qualifier=entry["qualifier"],
            unit=entry["unit"],
            quantity=entry["quantity"],
        )
    )


def _hedged(entry: Mapping[str, Any]) -> str:
    """The number as printed with its hedge: "approximately 8,000", "7,740"."""
    qualifier = {"exact": "", "range": "", "estimated range": "estimated"}.get(
        entry["qualifier"], entry["qualifier"]
    )
    return f"{qualifier} {entry['value_text']}".strip()


def _read_event(
    where: str,
    entry: Mapping[str, Any],
    sources: Mapping[str, Source],
    by_id: Mapping[str, Record],
    later: LaterSources,
) -> None:
    label = f"{where}: event {entry.get('id', '?')}"
    problems = later.problems
    if not fields_ok(entry, EVENT_FIELDS, EVENT_OPTIONAL, label, problems):
        return
    if not entry["id"].startswith("le-"):
        problems.append(f"{label}: a later event's id starts with 'le-'")
    check_vocabulary(entry["category"], EVENT_CATEGORIES, "category", label, problems)
    date = checked_date(
        entry["date"],
        entry["date_precision"],
        label,
        problems,
        date_label=entry.get("date_label"),
    )
    if date is None:
        return
    start, end = dates.bounds(date.value)
    if (end or start or "") < BRIEF_MONTH:
        problems.append(f"{label}: a later event happens after October 2015")
    for related in entry.get("related", []):
        if related not in by_id:
            problems.append(f"{label}: related {related!r} is not a record of the brief")
    later.records.append(
        Event(
            kind="event",
            id=RecordId(entry["id"]),
            title=entry["title"],
            text=entry["summary"],
            **_UNQUOTED,
            date=replace(date, derived_because=entry.get("date_derived_because")),
            countries=_countries(entry.get("countries", []), by_id, label, problems),
            related=tuple(RecordId(r) for r in entry.get("related", [])),
            source=_later_source(entry["source"], sources, label, problems),
            category=entry["category"],
        )
    )


def _read_status(
    where: str,
    entry: Mapping[str, Any],
    sources: Mapping[str, Source],
    by_id: Mapping[str, Record],
    later: LaterSources,
) -> None:
    label = f"{where}: effort_status {entry.get('effort', '?')}"
    problems = later.problems
    if not fields_ok(entry, STATUS_FIELDS, {"as_of_derived_because": str}, label, problems):
        return
    if not isinstance(by_id.get(entry["effort"]), Effort):
        problems.append(f"{label}: {entry['effort']!r} is not an effort of the brief")
    check_vocabulary(entry["status"], EFFORT_STATUSES, "status", label, problems)
    if entry["as_of_precision"] not in _DATE_PRECISIONS:
        problems.append(f"{label}: as_of_precision is day, month or year")
        return
    as_of = checked_date(entry["as_of"], entry["as_of_precision"], label, problems)
    if as_of is None:
        return
    as_of = replace(as_of, derived_because=entry.get("as_of_derived_because"))
    later.status_updates.append(
        StatusUpdate(
            effort=RecordId(entry["effort"]),
            status=cast(EffortStatus, entry["status"]),
            as_of=as_of,
            source=_later_source(entry["source"], sources, label, problems),
            summary=entry["summary"],
        )
    )


def _check_registry(later: LaterSources, by_id: Mapping[str, Record]) -> None:
    """Ids once each; every later source cited by something."""
    seen: set[str] = set(by_id)
    for record in later.records:
        if record.id in seen:
            later.problems.append(f"{LATER_DIR}/: id {record.id!r} is used twice")
        seen.add(record.id)
    keys = [q.key for q in later.quantities]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        later.problems.append(f"{LATER_DIR}/: quantity {key!r} is defined twice")
    ids = [s.id for s in later.sources]
    for source_id in sorted({i for i in ids if ids.count(i) > 1}):
        later.problems.append(f"{LATER_DIR}/: source {source_id!r} is defined twice")
    cited = {r.source for r in later.records} | {u.source for u in later.status_updates}
    for source in later.sources:
        if not source.is_brief and source.id not in cited:
            later.problems.append(f"{LATER_DIR}/: source {source.id!r} is cited by no record")
    for quantity in later.quantities:
        values = [r for r in later.records if isinstance(r, Figure) and r.quantity == quantity.key]
        if not values:
            later.problems.append(f"{LATER_DIR}/: quantity {quantity.key!r} has no later value")
