"""How the later sources read: a source with its grade, a figure's history, the "latest"
line beside a 2015 figure, and an effort's later statuses (all text escaped)."""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from mia_desktop.db.store import Database
from mia_desktop.present.safe_html import web_link
from mia_desktop.present.values import figure_value_text
from mia_desktop.records import Effort, Figure, Record, Source, StatusUpdate

GRADE_LABELS = {
    "primary": "the brief itself (the primary source, the only one quoted)",
    "A": "A: the issuing authority, on its own site",
    "A-m": "A-m: the authority's text, read in a copy on another site",
    "B": "B: a press report quoting a named official",
}
LATER_NOTE = "From a later source, not the brief: a summary in this app's words, not a quote."


def source_date(source: Source) -> str:
    return source.date.label if source.date else "undated"


def source_line(source: Source) -> str:
    """ "Progress on Korean War Personnel Accounting (fact sheet), Defense POW/MIA
    Accounting Agency, July 27, 2017" """
    return f"{source.title} ({source.kind}), {source.publisher}, {source_date(source)}"


def latest_text(figure: Figure, latest: Figure, source: Source) -> str:
    """The stale warning beside a figure of the brief's: the latest later value, its date
    and its source ("latest: 7,465 U.S. military personnel, August 15, 2024, ...")."""
    label = latest.date.label if latest.date else "undated"
    return f"latest: {figure_value_text(latest)} {latest.unit}, {label}, {source.publisher}"


def source_html(source: Source) -> str:
    """The source block of a later record's panel: what it is, how far to trust it, where
    it was read."""
    copy = (
        f"<br><small>Read in a copy at {web_link(source.seen_at)}</small>"
        if source.seen_at != source.url
        else ""
    )
    return (
        "<h3>Source (later than the brief)</h3>"
        f"<p><b>{escape(source.title)}</b> ({escape(source.kind)})<br>"
        f"{escape(source.author)}"
        f"{'' if source.author == source.publisher else ', ' + escape(source.publisher)}"
        f", {escape(source_date(source))}<br>{web_link(source.url)}{copy}<br>"
        f"<i>Grade {escape(GRADE_LABELS[source.grade])}</i></p>"
        f"<p><small>{escape(LATER_NOTE)}</small></p>"
    )


def latest_html(figure: Figure, latest: Figure, source: Source) -> str:
    """The line that says a 2015 figure has been given again since, with a link to it."""
    return (
        # The theme's own colours (a fixed background lost the link's contrast in the dark).
        "<p>"
        f"<b>Later figure:</b> {escape(figure_value_text(figure))} as of"
        f" {escape(figure.date.label if figure.date else 'undated')} in the brief ·"
        f' <a href="record:{escape(latest.id)}">{escape(latest_text(figure, latest, source))}'
        "</a></p>"
    )


def history_html(shown: Figure, values: list[tuple[Figure, Source]], *, later_shown: bool) -> str:
    """A quantity's values over time, each with its date and source; this one in bold."""
    if len(values) < 2:
        return ""
    rows = []
    for figure, source in values:
        value = f"{escape(figure_value_text(figure))} {escape(figure.unit)}"
        if figure.id == shown.id:
            value = f"<b>{value}</b> (this one)"
        else:
            value = f'<a href="record:{escape(figure.id)}">{value}</a>'
        rows.append(
            f"<tr><td>{escape(figure.date.label if figure.date else 'undated')}&nbsp;</td>"
            f"<td>{value}&nbsp;</td><td><small>{escape(source.publisher)}"
            f"{' (the brief)' if source.is_brief else ''}</small></td></tr>"
        )
    hidden = "" if later_shown else " Later sources are hidden: View > With Later Sources."
    return (
        "<h3>This figure over time</h3>"
        f"<table>{''.join(rows)}</table>"
        f"<p><small>Each value as of its date, from its source; values on another basis are"
        f" another quantity.{escape(hidden)}</small></p>"
    )


def status_updates_html(updates: list[tuple[StatusUpdate, Source]]) -> str:
    """An effort's statuses after October 2015, as later sources state them."""
    if not updates:
        return ""
    items = "".join(
        f"<li><b>{escape(update.status)}</b> ({escape(update.as_of.label)}):"
        f" {escape(update.summary)} <small>— {escape(source_line(source))}</small></li>"
        for update, source in updates
    )
    return (
        "<h3>Status since 2015 (later sources)</h3>"
        f"<ul>{items}</ul><p><small>The brief's own status (October 2015) is kept above."
        "</small></p>"
    )


class LaterContext(NamedTuple):
    """What the panel shows of the later sources for one record, within the view."""

    record_source: Source | None
    history: tuple[tuple[Figure, Source], ...]
    latest: tuple[Figure, Source] | None
    status_updates: tuple[tuple[StatusUpdate, Source], ...]
    later_shown: bool


def later_context(db: Database, record: Record) -> LaterContext:
    """A later record's source, a figure's history and latest later value, an effort's
    later statuses: in the view of the brief as published, only the brief's own."""
    shown = db.later_shown
    sources = {s.id: s for s in db.sources()}
    history: tuple[tuple[Figure, Source], ...] = ()
    latest = None
    if isinstance(record, Figure) and record.quantity:
        values = [v for v in db.quantity_values(record.quantity) if shown or not v.is_later]
        history = tuple((v, sources[v.source]) for v in values)
        later = [pair for pair in history if pair[0].is_later]  # in date order: last is latest
        if later and not record.is_later:
            latest = later[-1]
    updates: tuple[tuple[StatusUpdate, Source], ...] = ()
    if isinstance(record, Effort) and shown:
        updates = tuple((u, sources[u.source]) for u in db.status_updates(record.id))
    return LaterContext(
        record_source=sources.get(record.source) if record.is_later else None,
        history=history,
        latest=latest,
        status_updates=updates,
        later_shown=shown,
    )
