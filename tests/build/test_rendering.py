"""The build renders the brief's citation once per style and fills in each record's
pinpoint: the result must read as the brief's own citation with the heading added."""

from __future__ import annotations

import pytest

from mia_desktop.citing.csl import BRIEF_ID
from mia_desktop.db.store import Database
from mia_desktop.records import heading

URL = "https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias"


@pytest.mark.parametrize(
    "record_id",
    [
        "fi-clarified-via-russia-commission",
        "ef-resumption-talks-2010-2012",
        "ev-1953-armistice-signed",
        "pa-15",
    ],
)
def test_each_pinpoint_is_the_brief_plus_its_heading(db: Database, record_id: str) -> None:
    record = db.record(record_id)
    assert record is not None
    under = f"under “{heading(record)}"

    def stored(subject: str, style: str, form: str) -> tuple[str, str]:
        rendering = db.rendering(subject, style, form)
        assert rendering is not None
        return rendering.text, rendering.html

    text, html = stored(record_id, "chicago", "citation")
    brief_text, brief_html = stored(BRIEF_ID, "chicago", "citation")
    assert text == brief_text.replace(f"), {URL}.", f"), {under},” {URL}.")
    assert html.replace(f" {under},”", "") == brief_html
    short, _ = stored(record_id, "chicago", "short")
    assert short == stored(BRIEF_ID, "chicago", "short")[0].removesuffix(".") + f", {under}.”"
    author_date, _ = stored(record_id, "chicago-author-date", "citation")
    assert author_date == f"(National Committee on North Korea 2015, {under}”)"
    assert stored(record_id, "mla", "citation") == stored(BRIEF_ID, "mla", "citation")
