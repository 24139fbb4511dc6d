"""The build renders each record's citation once per style and fills in the pinpoint:
that must equal rendering the record on its own."""

from __future__ import annotations

import pytest

from mia_desktop import paths
from mia_desktop.build.rendering import _for_style, _render_uncached, load_style
from mia_desktop.citations import brief_item, locator
from mia_desktop.db import Database


@pytest.mark.parametrize("style_key", ["chicago", "chicago-author-date", "mla"])
@pytest.mark.parametrize(
    "record_id",
    [
        "fi-clarified-via-russia-commission",
        "ef-resumption-talks-2010-2012",
        "ev-1953-armistice-signed",
    ],
)
def test_filled_in_pinpoint_equals_a_direct_rendering(
    db: Database, style_key: str, record_id: str
) -> None:
    record = db.record(record_id)
    assert record is not None
    style = load_style(paths.resources_dir() / "csl", style_key)
    item = _for_style(brief_item(db.source()), style_key)
    for html in (False, True):
        direct = _render_uncached(style, item, "citation", locator(record), html)
        stored = db.rendering(record_id, style_key, "citation")
        assert stored is not None
        assert direct == (stored.html if html else stored.text)
