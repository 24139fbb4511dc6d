from __future__ import annotations

from mia_desktop.citations import cite_brief, describe_likely_source, pinpoint
from mia_desktop.db import Database


def test_pinpoint_names_section_and_notes(db: Database) -> None:
    russia = db.record("ef-russian-archival-access")
    assert russia is not None
    assert pinpoint(russia) == "sec. “Russia,” n. 31"
    clark = db.record("ev-1953-armistice-signed")
    assert clark is not None and clark.notes == ()
    assert pinpoint(clark) == "sec. “Korean War Repatriations”"


def test_several_notes_use_nn(db: Database) -> None:
    talks = db.record("ef-resumption-talks-2010-2012")
    assert talks is not None
    assert pinpoint(talks) == "sec. “Remains Recovery Operations in North Korea,” nn. 20, 21"


def test_citation_of_the_brief_alone(db: Database) -> None:
    text = cite_brief(db.source())
    assert text.startswith("National Committee on North Korea, “Korean War POW/MIAs,” issue brief")
    assert "October 2015" in text and text.endswith("korean-war-powmias.")


def test_likely_sources_are_never_presented_as_the_brief(db: Database) -> None:
    strong, unidentified = db.likely_sources([13])[0], db.likely_sources([12])[0]
    assert strong.confidence == "strong"
    assert "identified independently" in describe_likely_source(strong)
    assert describe_likely_source(unidentified).endswith(
        "not identified (Candidates: AP reporting of July 2013; House Armed Services hearing of"
        " August 1, 2013.)"
    )
