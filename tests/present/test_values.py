"""What the citation panel says, rendered without Qt."""

from __future__ import annotations

from mia_desktop.db.store import Database
from mia_desktop.present.details_html import DetailsContext, record_html
from mia_desktop.present.values import NOT_STATED, count_text, figure_value_text, range_text
from mia_desktop.records import Figure


def _html(db: Database, record_id: str) -> str:
    from mia_desktop.citing.citer import Citer

    record = db.record(record_id)
    assert record is not None
    citer = Citer(db)
    return record_html(
        record,
        DetailsContext(
            source=db.source(),
            paragraph=db.paragraph(record.paragraph),
            citations=[
                ("note", citer.cite(record, "chicago"), True),
                ("bibliography entry", citer.bibliography("chicago"), False),
            ],
            style_label="Chicago",
            likely_sources=[
                (s, citer.note_label(s), citer.lead(s, "chicago", "bibliography"))
                for s in db.likely_sources(record.markers)
            ],
            related=db.records_by_id(list(record.related)),
            country_names=db.country_names(),
        ),
    )


def test_counts_and_ranges_read_as_in_the_brief() -> None:
    assert count_text(4000, "over") == "over 4,000"
    assert count_text(208, "exact") == "208"
    assert count_text(None) == NOT_STATED
    assert range_text(375, 400) == "375–400"
    assert range_text(None, None) == NOT_STATED


def test_figure_values(db: Database) -> None:
    k208 = db.record("fi-k208-estimated-remains")
    assert isinstance(k208, Figure)
    assert figure_value_text(k208) == "estimated 375–400"


def test_batch_details_say_what_the_brief_does_not(db: Database) -> None:
    html = _html(db, "ba-joint-recovery-1996-2005")
    assert f"<td>{NOT_STATED}</td>" in html  # no count given for 1996-2005


def test_figures_behind_a_record_carry_their_as_of_date(db: Database) -> None:
    html = _html(db, "ba-k208-1990-1994")
    assert "<h3>Figures</h3>" in html
    assert "375–400 remains</a>" in html and "(as of October 2015)" in html


def test_quote_is_highlighted_inside_its_paragraph(db: Database) -> None:
    html = _html(db, "ev-2007-richardson-repatriation")
    before, highlighted = html.split('<span style="background-color:', 1)
    assert "suspended in 2005" in before  # the paragraph's earlier sentences, unmarked
    assert "Bill Richardson.</span>" in highlighted


def test_derived_dates_are_explained(db: Database) -> None:
    html = _html(db, "ev-2011-joint-commission-reconstituted")
    assert "Date derived, not stated in the brief" in html and "the next year" in html


def test_text_is_escaped(db: Database) -> None:
    html = _html(db, "ev-ndaa-fy2010-accounting-mandate")
    assert "[Defense Department POW/MIA accounting]" in html
    assert "<script" not in html
