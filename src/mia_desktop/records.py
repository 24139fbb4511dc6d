"""Typed records passed between the data layer, the command line and the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, NewType, get_args

RecordId = NewType("RecordId", str)

KINDS = ("event", "batch", "country", "effort", "figure", "passage")
# What "all records" means wherever records are counted or exported: the curated records.
# The brief's paragraphs (passages) are its text, searched and shown in the Source tab.
CURATED_KINDS = KINDS[:-1]
ALL_RECORDS_NOTE = "events, remains batches, countries, efforts and figures"
KIND_PLURALS = {
    "event": "events",
    "batch": "batches",
    "country": "countries",
    "effort": "efforts",
    "figure": "figures",
    "passage": "passages",
}
KIND_LABELS = {
    "event": "Event",
    "batch": "Remains batch",
    "country": "Country",
    "effort": "Effort",
    "figure": "Figure",
    "passage": "Passage of the brief",
}


# The vocabularies, written once: the records' fields are typed with them, and the build's
# checks, the database's and the drawings' legends take their values from them.
EventCategory = Literal[
    "repatriation",
    "recovery operation",
    "identification",
    "negotiation",
    "agreement",
    "legislation",
    "organization",
    "archival research",
    "statement",
    "investigation",
    "hearing",
    "burial",  # remains declared unknown and interred
    "decision",  # a choice of policy ("accepted advice not to publicize")
    "assessment",  # what someone believed or judged
    "public scrutiny",
]
EffortType = Literal[
    "agreement",
    "commission",
    "operation",
    "archival access",
    "negotiation",
    "legislation",
    "organization",
    "investigation",
    "identification",
]
EffortStatus = Literal["active", "completed", "suspended", "cancelled", "not stated"]
# A number's hedge, as the brief gives it ("The U.S. military estimates that 5,300 ...").
CountQualifier = Literal[
    "exact",
    "over",
    "more than",
    "approximately",
    "about",
    "fewer than",
    "as many as",
    "up to",
    "at least",
    "estimated",
]
FigureQualifier = CountQualifier | Literal["range", "estimated range"]
Confidence = Literal["strong", "probable", "unidentified"]
# How far a later source can be trusted (shared/source/later/README.md): A, the issuing
# authority on its own site; A-m, its text read through a third-party copy; B, the press
# quoting a named official. The brief itself is the primary source.
SourceGrade = Literal["primary", "A", "A-m", "B"]
SourceKind = Literal[
    "issue brief",
    "fact sheet",
    "news release",
    "news article",
    "resolution",
    "testimony",
    "hearing",
    "web page",
    "report",
]

EVENT_CATEGORIES: frozenset[str] = frozenset(get_args(EventCategory))
EFFORT_TYPES: frozenset[str] = frozenset(get_args(EffortType))
EFFORT_STATUSES: frozenset[str] = frozenset(get_args(EffortStatus))
COUNT_QUALIFIERS: frozenset[str] = frozenset(get_args(CountQualifier))
FIGURE_QUALIFIERS: frozenset[str] = COUNT_QUALIFIERS | {"range", "estimated range"}
CONFIDENCES: frozenset[str] = frozenset(get_args(Confidence))
SOURCE_GRADES: frozenset[str] = frozenset(get_args(SourceGrade))
SOURCE_KINDS: frozenset[str] = frozenset(get_args(SourceKind))

# The 2015 brief's id in the source registry: the primary source, the only one quoted.
BRIEF_SOURCE_ID = RecordId("ncnk-2015-10-korean-war-pow-mias")


class Rendering(NamedTuple):
    """One citation in one style, in both clipboard flavours."""

    text: str
    html: str


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
    # Where it comes from: the brief, or a later source (then it has no quote, section,
    # paragraph or notes: its text is a summary in our words of what that source states).
    source: RecordId = BRIEF_SOURCE_ID

    @property
    def is_later(self) -> bool:
        return self.source != BRIEF_SOURCE_ID


@dataclass(frozen=True, kw_only=True)
class Event(Record):
    category: EventCategory


@dataclass(frozen=True, kw_only=True)
class Batch(Record):
    origin: RecordId
    recipient: str | None
    count: int | None
    count_qualifier: CountQualifier | None
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
    effort_type: EffortType
    status: EffortStatus
    status_detail: str
    outcome: str
    # The stretches of time it ran, when the brief gives more than one ("1951/1956",
    # "1982/.."), so a drawing shows the gap; empty when its date is its one period.
    periods: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Figure(Record):
    measure: str
    value: int | None
    low: int | None
    high: int | None
    value_text: str
    qualifier: FigureQualifier
    unit: str
    # One key for all values of one quantity over time (resources/later/figures.toml);
    # None for a number of the brief's that no later source gives again.
    quantity: str | None = None


@dataclass(frozen=True, kw_only=True)
class Passage(Record):
    """A whole paragraph of the brief, generated by the build so search covers the text."""


def heading(record: Record) -> str:
    """The heading the quote stands under: its run-in sub-head, or its section's heading."""
    return record.subsection or record.section


class LikelySource(NamedTuple):
    """What an endnote probably cited: identified independently, never the brief's own note."""

    marker: int
    number: int
    ends: str
    likely_source: str | None
    source_type: str | None
    confidence: Confidence
    seen_at: str | None
    remark: str | None
    csl: dict[str, Any] | None = None  # the work as a CSL-JSON item, for citing the lead


# What a subject-index heading may answer: "who" (it names an actor), "why" (reasons).
INDEX_ASKS = ("who", "why")


class IndexHeading(NamedTuple):
    """A heading of the subject index: our words for what records are about, never a quote."""

    term: str  # as printed in the index: "Identification of remains"
    words: tuple[str, ...]  # the words people use for it, searched with its records
    asks: tuple[str, ...]  # of INDEX_ASKS
    records: tuple[RecordId, ...]
    see_also: tuple[str, ...]  # other headings' terms


class Paragraph(NamedTuple):
    number: int
    section: str
    subsection: str | None
    text: str  # endnote markers removed
    raw: str  # as printed, markers included


class SourceInfo(NamedTuple):
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
class Source:
    """A work in the source registry: the brief (primary) or a later source."""

    id: RecordId
    title: str
    author: str
    author_kind: str  # organization | person ("Family, Given")
    publisher: str
    date: RecordDate | None  # None: the page shows no date
    url: str
    seen_at: str  # the copy that was read: the page itself, or a repost for grade A-m
    grade: SourceGrade
    kind: SourceKind
    checked: str  # what was seen in the stored copy when its values were verified
    register: str | None = None  # its row in the later-sources register

    @property
    def is_brief(self) -> bool:
        return self.id == BRIEF_SOURCE_ID


class Quantity(NamedTuple):
    """What a series of figures counts, on one basis and in one unit, over time."""

    key: str
    label: str
    unit: str
    basis: str
    estimate: bool  # every value of it is an estimate


class StatusUpdate(NamedTuple):
    """An effort's status as a later source states it; the brief's own status is kept."""

    effort: RecordId
    status: EffortStatus
    as_of: RecordDate
    source: RecordId
    summary: str


class SearchHit(NamedTuple):
    record: Record
    snippet: str  # matched words between HIGHLIGHT_START and HIGHLIGHT_END
    score: float


HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
