"""Typed records passed between the data layer, the command line and the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NewType

RecordId = NewType("RecordId", str)

KINDS = ("event", "batch", "country", "effort", "figure")
KIND_PLURALS = {
    "event": "events",
    "batch": "batches",
    "country": "countries",
    "effort": "efforts",
    "figure": "figures",
}
KIND_LABELS = {
    "event": "Event",
    "batch": "Remains batch",
    "country": "Country",
    "effort": "Effort",
    "figure": "Figure",
}


@dataclass(frozen=True, kw_only=True)
class RecordDate:
    value: str  # ISO-style: "1954", "1953-08", "1996/2005", "1954/.."
    precision: str  # day | month | year | range | approximate
    label: str  # as shown: "1954", "August 1953", "1996–2005", "early 2015"
    derived_because: str | None = None  # set when the brief does not state the date

    @property
    def derived(self) -> bool:
        return self.derived_because is not None


@dataclass(frozen=True, kw_only=True)
class Record:
    kind: str
    id: RecordId
    title: str
    text: str
    quote: str  # verbatim from the brief, endnote markers removed
    section: str
    subsection: str | None
    paragraph: int
    quote_start: int  # offset of the quote in its paragraph's text
    notes: tuple[int, ...]  # printed endnote numbers of the sentences quoted
    markers: tuple[int, ...]  # their marker ordinals (1..32): tells the two 3s apart
    date: RecordDate | None
    countries: tuple[RecordId, ...]
    related: tuple[RecordId, ...]  # links go both ways


@dataclass(frozen=True, kw_only=True)
class Event(Record):
    category: str


@dataclass(frozen=True, kw_only=True)
class Batch(Record):
    origin: RecordId
    recipient: str | None
    count: int | None
    count_qualifier: str | None
    unit: str
    individuals_low: int | None
    individuals_high: int | None
    unknowns: int | None
    identified: int | None


@dataclass(frozen=True, kw_only=True)
class Country(Record):
    names: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Effort(Record):
    effort_type: str
    status: str
    status_detail: str
    outcome: str


@dataclass(frozen=True, kw_only=True)
class Figure(Record):
    measure: str
    value: int | None
    low: int | None
    high: int | None
    value_text: str
    qualifier: str
    unit: str


@dataclass(frozen=True, kw_only=True)
class LikelySource:
    """What an endnote probably cited: identified independently, never the brief's own note."""

    marker: int
    number: int
    ends: str
    likely_source: str | None
    source_type: str | None
    confidence: str  # strong | probable | unidentified
    seen_at: str | None
    remark: str | None


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    number: int
    section: str
    subsection: str | None
    text: str  # endnote markers removed
    raw: str  # as printed, markers included


@dataclass(frozen=True, kw_only=True)
class SourceInfo:
    title: str
    kind: str
    publisher: str
    publisher_short: str
    publisher_place: str
    author: str
    date: str
    date_label: str
    url: str
    url_note: str
    inputs_sha256: str
    schema_version: int


@dataclass(frozen=True, kw_only=True)
class SearchHit:
    record: Record
    snippet: str  # matched words between HIGHLIGHT_START and HIGHLIGHT_END
    score: float


HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
