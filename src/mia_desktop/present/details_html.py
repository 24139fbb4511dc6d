"""Qt-free presentation: how values read in tables, and a record's details as HTML."""

from __future__ import annotations

from html import escape
from typing import NamedTuple
from urllib.parse import quote

from mia_desktop.present.later_html import (
    history_html,
    latest_html,
    source_html,
    status_updates_html,
)
from mia_desktop.present.safe_html import web_link
from mia_desktop.present.values import (
    CONFIDENCE_LABELS,
    INDEX_TERMS_LABEL,
    LIKELY_SOURCE_LABEL,
    NOT_STATED,
    as_of,
    as_of_text,
    count_text,
    date_text,
    figure_value_text,
    likely_source_text,
    notes_text,
    range_text,
)
from mia_desktop.records import (
    KIND_LABELS,
    Batch,
    Country,
    Effort,
    Event,
    Figure,
    LikelySource,
    Paragraph,
    Record,
    Rendering,
    Source,
    SourceInfo,
    StatusUpdate,
    heading,
)


class DetailsContext(NamedTuple):
    """What the panel needs besides the record: its paragraph, notes' leads, related records."""

    source: SourceInfo
    paragraph: Paragraph | None
    # (the style's name for the form, its rendering, whether Copy copies it), in form order
    citations: list[tuple[str, Rendering, bool]]
    style_label: str
    likely_sources: list[tuple[LikelySource, str, Rendering | None]]  # with the note's label
    related: list[Record]
    country_names: dict[str, str]
    highlight_color: str = "#fff2a8"
    note_labels: tuple[str, ...] = ()  # the record's notes as printed: "3 (second)"
    subjects: tuple[str, ...] = ()  # the subject-index headings that list the record
    # The later sources: a later record's own source; a figure's values over time, each
    # with its source; the latest later value of a 2015 figure; an effort's later statuses.
    record_source: Source | None = None
    history: tuple[tuple[Figure, Source], ...] = ()
    latest: tuple[Figure, Source] | None = None
    status_updates: tuple[tuple[StatusUpdate, Source], ...] = ()
    later_shown: bool = True


def record_html(record: Record, context: DetailsContext) -> str:
    """The citation panel's content for one record, all text escaped."""
    if record.is_later and context.record_source is not None:
        return _later_record_html(record, context.record_source, context)
    parts = [
        f"<h2>{escape(record.title)}</h2>",
        f"<p><b>{escape(KIND_LABELS[record.kind])}</b> · {escape(_when(record))}"
        f"{_derived(record)}</p>",
        f"<p>{escape(record.text)}</p>",
        _facts(record, context),
        _latest(record, context),
        status_updates_html(list(context.status_updates)),
        "<h3>Quote, in its paragraph of the brief</h3>",
        _quote_in_paragraph(record, context),
        f"<p>Section: <b>{escape(heading(record))}</b>"
        f" · paragraph {record.paragraph}"
        f" · {escape(notes_text(record, context.note_labels))}</p>",
        f"<h3>Cite in {escape(context.style_label)}</h3>",
        _citations_html(context.citations),
        _likely_sources_html(context.likely_sources),
        _history(record, context),
        _figures_html([r for r in context.related if isinstance(r, Figure)], context.source),
        _related_html([r for r in context.related if not isinstance(r, Figure)]),
        _subjects_html(context.subjects),
    ]
    return "\n".join(p for p in parts if p)


def _later_record_html(record: Record, source: Source, context: DetailsContext) -> str:
    """A later source's record: our summary, its facts, its source; nothing quoted."""
    parts = [
        f"<h2>{escape(record.title)}</h2>",
        f"<p><b>{escape(KIND_LABELS[record.kind])}</b> · {escape(_when(record))}"
        f" · <i>later source</i>{_derived(record)}</p>",
        f"<p>{escape(record.text)}</p>",
        _facts(record, context),
        source_html(source),
        f"<h3>Cite in {escape(context.style_label)}</h3>",
        _citations_html(context.citations),
        _history(record, context),
        _related_html(context.related),
    ]
    return "\n".join(p for p in parts if p)


def _latest(record: Record, context: DetailsContext) -> str:
    if not isinstance(record, Figure) or context.latest is None:
        return ""
    return latest_html(record, *context.latest)


def _history(record: Record, context: DetailsContext) -> str:
    if not isinstance(record, Figure):
        return ""
    return history_html(record, list(context.history), later_shown=context.later_shown)


def _when(record: Record) -> str:
    return as_of(record) if isinstance(record, Figure) else date_text(record)


def _derived(record: Record) -> str:
    if record.date and record.date.derived_because:
        return (
            f"<br><i>Date derived, not stated in the brief: "
            f"{escape(record.date.derived_because)}</i>"
        )
    return ""


def _row(label: str, value: str) -> str:
    return f"<tr><td><b>{escape(label)}</b>&nbsp;</td><td>{escape(value)}</td></tr>"


def _facts(record: Record, context: DetailsContext) -> str:
    rows: list[str] = []
    countries = ", ".join(context.country_names.get(c, c) for c in record.countries)
    if isinstance(record, Event):
        rows.append(_row("Category", record.category))
    elif isinstance(record, Batch):
        rows += [
            _row("Origin", context.country_names.get(record.origin, record.origin)),
            _row("Received by", record.recipient or NOT_STATED),
            _row(
                "Count",
                f"{count_text(record.count, record.count_qualifier)} {record.unit}"
                if record.count is not None
                else NOT_STATED,
            ),
            _row("Estimated remains", range_text(record.individuals_low, record.individuals_high)),
            _row("Declared unknown", count_text(record.unknowns)),
            _row("Identified", count_text(record.identified)),
        ]
    elif isinstance(record, Effort):
        rows += [
            _row("Type", record.effort_type),
            _row("Status (October 2015)", f"{record.status}: {record.status_detail}"),
            _row("Outcome", record.outcome),
        ]
    elif isinstance(record, Figure):
        rows += [
            _row("Value", f"{figure_value_text(record)} {record.unit}"),
            _row("Counts", record.measure),
            _row(
                "As of",
                date_text(record) if record.is_later else as_of_text(record, context.source),
            ),
        ]
    elif isinstance(record, Country) and record.names:
        rows.append(_row("Also called", ", ".join(record.names)))
    if countries:
        rows.append(_row("Countries", countries))
    return f"<table>{''.join(rows)}</table>" if rows else ""


def _quote_in_paragraph(record: Record, context: DetailsContext) -> str:
    paragraph = context.paragraph
    if paragraph is None:
        return f"<blockquote>{escape(record.quote)}</blockquote>"
    start, end = record.quote_start, record.quote_start + len(record.quote)
    before, quote, after = paragraph.text[:start], paragraph.text[start:end], paragraph.text[end:]
    return (
        f"<blockquote>{escape(before)}"
        f'<span style="background-color:{context.highlight_color}; color:#000000">'
        f"{escape(quote)}</span>{escape(after)}</blockquote>"
    )


def _citations_html(citations: list[tuple[str, Rendering, bool]]) -> str:
    parts = []
    for name, rendering, chosen in citations:
        label = name[:1].upper() + name[1:]
        copied = " <i>(Copy gives this)</i>" if chosen else ""
        parts.append(f"<p><small><b>{escape(label)}</b>{copied}</small></p>")
        parts.append(_rendering_html(rendering))
    return "".join(parts)


def _rendering_html(rendering: Rendering) -> str:
    # Citeproc's HTML is already escaped; data formats come as <pre>.
    html = rendering.html
    return html if html.startswith("<pre>") else f"<p>{html}</p>"


def _likely_sources_html(sources: list[tuple[LikelySource, str, Rendering | None]]) -> str:
    if not sources:
        return ""
    items = []
    for source, label, rendering in sources:
        seen = f"<br><small>Seen at {web_link(source.seen_at)}</small>" if source.seen_at else ""
        described = rendering.html if rendering else escape(likely_source_text(source))
        copy = f' <a href="copy-lead:{source.marker}">[copy]</a>' if rendering is not None else ""
        items.append(
            f"<li><b>Note {escape(label)}</b>: {described}{copy}"
            f"<br><i>Confidence: {escape(CONFIDENCE_LABELS[source.confidence])}</i>{seen}</li>"
        )
    return (
        f"<h3>{escape(LIKELY_SOURCE_LABEL)}</h3>"
        "<p><i>Leads for further research, not the brief's own endnotes (their texts were"
        " not recoverable). Cite the brief for what it says.</i></p>"
        f"<ul>{''.join(items)}</ul>"
    )


def _figures_html(figures: list[Figure], source: SourceInfo) -> str:
    """Numbers behind the record, each with the date it is true as of."""
    if not figures:
        return ""
    items = "".join(
        f'<li><a href="record:{escape(f.id)}">{escape(figure_value_text(f))}'
        f" {escape(f.unit)}</a>: {escape(f.measure)}"
        f" <i>({escape(as_of(f))})</i></li>"
        for f in figures
    )
    return (
        f"<h3>Figures</h3><ul>{items}</ul><p><small>As stated in the brief (dated"
        f" {escape(source.date_label)}), each as of the date shown; those of"
        f" {escape(source.date_label)} are not today's: later public figures differ."
        "</small></p>"
    )


def _related_html(related: list[Record]) -> str:
    if not related:
        return ""
    items = "".join(
        f'<li><a href="record:{escape(r.id)}">{escape(r.title)}</a>'
        f" <small>({escape(KIND_LABELS[r.kind])}, {escape(date_text(r))})</small></li>"
        for r in related
    )
    return f"<h3>Related</h3><ul>{items}</ul>"


def _subjects_html(subjects: tuple[str, ...]) -> str:
    """The record's headings in the subject index, each a link to the Index tab."""
    if not subjects:
        return ""
    links = " · ".join(
        f'<a href="index:{escape(quote(term))}">{escape(term)}</a>' for term in subjects
    )
    return f"<h3>{escape(INDEX_TERMS_LABEL)}</h3><p>{links}</p>"
