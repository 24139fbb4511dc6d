"""Citations in every style, checked against the style guides (expected strings by hand).

The brief: an issue brief with no named author, so the National Committee on North Korea
is the corporate author (and the publisher). Pinpoint: section, then endnote number(s).
"""

from __future__ import annotations

import json
import re

import pytest

from mia_desktop.citations import describe_likely_source, locator, pinpoint
from mia_desktop.citer import Citer
from mia_desktop.db import Database

URL = "https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias"
ONE_NOTE = "fi-clarified-via-russia-commission"  # sec. Russia, n. 30
TWO_NOTES = "ef-resumption-talks-2010-2012"  # sec. Remains Recovery ..., nn. 20, 21
SECTION = "Remains Recovery Operations in North Korea"


@pytest.fixture
def citer(db: Database) -> Citer:
    return Citer(db)


def _cite(db: Database, citer: Citer, record_id: str, style: str) -> tuple[str, str]:
    rendering = citer.cite(db.record(record_id), style)
    return rendering.text, rendering.html


# Chicago 18, notes: Author, *Title*, description (Publisher, Year), pinpoint, URL.
# Bibliography: Author. *Title*. Description. Publisher, Year. URL.
# Author-date: (Author Year, pinpoint); Author. Year. *Title*. Description. Publisher. URL.
# APA 7: (Author, Year, Section name section, Note n); reference omits a publisher that is
#   also the author; bracketed description; no period after the URL.
# MLA 9: an organization that is author and publisher is left out as author: the title
#   leads; in-text (*Title*, pinpoint); works cited without "https://".
CITATIONS = {
    ("chicago", ONE_NOTE): "National Committee on North Korea, Korean War POW/MIAs, issue brief"
    f" (National Committee on North Korea, 2015), sec. “Russia,” n. 30, {URL}.",
    ("chicago", TWO_NOTES): "National Committee on North Korea, Korean War POW/MIAs, issue brief"
    f" (National Committee on North Korea, 2015), sec. “{SECTION},” nn. 20, 21, {URL}.",
    ("chicago-author-date", ONE_NOTE): "(National Committee on North Korea 2015, sec. “Russia,”"
    " n. 30)",
    ("chicago-author-date", TWO_NOTES): "(National Committee on North Korea 2015,"
    f" sec. “{SECTION},” nn. 20, 21)",
    ("apa", ONE_NOTE): "(National Committee on North Korea, 2015, Russia section, Note 30)",
    ("apa", TWO_NOTES): f"(National Committee on North Korea, 2015, {SECTION} section,"
    " Notes 20, 21)",
    ("mla", ONE_NOTE): "(Korean War POW/MIAs, sec. “Russia,” n. 30)",
    ("mla", TWO_NOTES): f"(Korean War POW/MIAs, sec. “{SECTION},” nn. 20, 21)",
    ("markdown", ONE_NOTE): "National Committee on North Korea, *Korean War POW/MIAs*, issue"
    " brief (National Committee on North Korea, 2015), sec. “Russia,” n. 30,"
    f" <{URL}>.",
}

BIBLIOGRAPHY = {
    "chicago": "National Committee on North Korea. Korean War POW/MIAs. Issue brief."
    f" National Committee on North Korea, 2015. {URL}.",
    "chicago-author-date": "National Committee on North Korea. 2015. Korean War POW/MIAs."
    f" Issue brief. National Committee on North Korea. {URL}.",
    "apa": f"National Committee on North Korea. (2015). Korean War POW/MIAs [Issue brief]. {URL}",
    "mla": "Korean War POW/MIAs. Issue brief. National Committee on North Korea, Oct. 2015,"
    f" {URL.removeprefix('https://')}.",
}


@pytest.mark.parametrize(("style", "record_id"), list(CITATIONS))
def test_record_citation_in_each_style(
    db: Database, citer: Citer, style: str, record_id: str
) -> None:
    text, html = _cite(db, citer, record_id, style)
    assert text == CITATIONS[(style, record_id)]
    if style in {"chicago", "mla"}:
        assert "<i>Korean War POW/MIAs</i>" in html  # the title in italics, as a report


@pytest.mark.parametrize("style", list(BIBLIOGRAPHY))
def test_bibliography_entry_in_each_style(citer: Citer, style: str) -> None:
    assert citer.bibliography(style).text == BIBLIOGRAPHY[style]


def test_bibtex_ris_and_csl_json_of_a_record(db: Database, citer: Citer) -> None:
    record = db.record(ONE_NOTE)
    assert citer.cite(record, "bibtex").text == (
        "@techreport{ncnk2015,\n"
        "  author = {{National Committee on North Korea}},\n"
        "  title = {{Korean War POW/MIAs}},\n"
        "  institution = {National Committee on North Korea},\n"
        "  type = {issue brief},\n"
        "  address = {Washington, DC},\n"
        "  year = {2015},\n"
        "  month = oct,\n"
        f"  url = {{{URL}}},\n"
        "  note = {Pinpoint: sec. “Russia,” n. 30}\n"
        "}\n"
    )
    assert citer.cite(record, "ris").text == (
        "TY  - RPRT\nAU  - National Committee on North Korea\nTI  - Korean War POW/MIAs\n"
        "PY  - 2015\nDA  - 2015/10//\nPB  - National Committee on North Korea\n"
        "CY  - Washington, DC\nM3  - issue brief\n"
        f"UR  - {URL}\nN1  - Pinpoint: sec. “Russia,” n. 30\nER  -\n"
    )
    (item,) = json.loads(citer.cite(record, "csl-json").text)
    assert item["type"] == "report" and item["issued"] == {"date-parts": [[2015, 10]]}
    assert item["author"] == [{"literal": "National Committee on North Korea"}]


# Likely sources, each type: Chicago bibliography and APA reference, from the guides.
LEADS = {
    # report with a personal author (Chicago: full given name; APA: initials)
    4: (
        "Cole, Paul M. POW/MIA Issues, Volume 1: The Korean War. RAND, 1994.",
        "Cole, P. M. (1994). POW/MIA Issues, Volume 1: The Korean War. RAND.",
    ),
    # report by an agency, with a report number
    13: (
        "U.S. Government Accountability Office. DOD's POW/MIA Mission: Top-Level Leadership"
        " Attention Needed to Resolve Longstanding Challenges in Accounting for Missing Persons"
        " from Past Conflicts. GAO-13-619. U.S. Government Accountability Office, 2013."
        " http://www.gao.gov/products/gao-13-619.",
        "U.S. Government Accountability Office. (2013). DOD's POW/MIA Mission: Top-Level"
        " Leadership Attention Needed to Resolve Longstanding Challenges in Accounting for"
        " Missing Persons from Past Conflicts (GAO-13-619)."
        " http://www.gao.gov/products/gao-13-619",
    ),
    # webpage without a date
    1: (
        "Defense POW/MIA Accounting Agency. “Progress on Korean War Personnel Accounting.”"
        " Fact sheet. Defense POW/MIA Accounting Agency. http://www.dpaa.mil/Resources/"
        "Fact-Sheets/Article-View/Article/569610/progress-on-korean-war-personnel-accounting/.",
        None,
    ),
    # legislation: public law number, Statutes at Large volume and page
    10: (
        "National Defense Authorization Act for Fiscal Year 2010, Pub. L. No. 111-84,"
        " 123 U.S. Statutes at Large 2190 (2009)."
        " http://www.gpo.gov/fdsys/pkg/STATUTE-123/html/STATUTE-123-Pg2190.htm.",
        None,
    ),
    # unsigned magazine article: APA moves the title to the author position
    5: (
        None,
        "The Missing. (1953, August). Time."
        " https://content.time.com/time/subscriber/article/0,33009,858160-2,00.html",
    ),
    # unsigned newspaper article with a supplied (bracketed) description
    18: (
        None,
        "[Report of the Department of Defense announcement of May 25, 2005]. (2005, May 26)."
        " Washington Post. http://www.washingtonpost.com/wp-dyn/content/article/2005/05/25/"
        "AR2005052501904_pf.html",
    ),
    # press release: author, description, full date
    20: (
        "Office of Governor Bill Richardson. “[Press Release on the Transfer of the Remains of"
        " Six American Soldiers].” Press release. April 11, 2007. https://www.presidency.ucsb"
        ".edu/documents/press-release-governor-bill-richardson-brokers-transfer-remains-six-"
        "american-soldiers.",
        "Office of Governor Bill Richardson. (2007, April 11). [Press release on the transfer"
        " of the remains of six American soldiers] [Press release]. https://www.presidency."
        "ucsb.edu/documents/press-release-governor-bill-richardson-brokers-transfer-remains-"
        "six-american-soldiers",
    ),
    # agreement between two bodies: title, parties, date
    17: (
        "Agreement on Remains-related Matters, United Nations Command and Korean People's"
        " Army, August 24, 1993.",
        None,
    ),
    # hearing: a described title and the committee
    7: (
        "[Hearings of November 10–11, 1992], U.S. Senate Select Committee on POW/MIA Affairs.",
        None,
    ),
}


@pytest.mark.parametrize("marker", list(LEADS))
def test_likely_sources_in_chicago_and_apa(db: Database, citer: Citer, marker: int) -> None:
    (lead,) = db.likely_sources([marker])
    chicago, apa = LEADS[marker]
    if chicago:
        assert (citer.lead(lead, "chicago") or pytest.fail()).text == chicago
    if apa:
        assert (citer.lead(lead, "apa") or pytest.fail()).text == apa


def test_every_identified_lead_renders_in_every_style(db: Database, citer: Citer) -> None:
    from mia_desktop.citer import STYLE_KEYS

    for lead in db.likely_sources(range(1, 33)):
        for style in STYLE_KEYS:
            rendering = citer.lead(lead, style)
            if lead.confidence == "unidentified":
                assert rendering is None
            else:
                assert rendering is not None and rendering.text.strip(), (lead.marker, style)
                assert "PINPOINT" not in rendering.text and "[{" not in rendering.text


def test_unidentified_notes_are_never_given_a_source(db: Database, citer: Citer) -> None:
    (lead,) = db.likely_sources([12])
    assert citer.lead(lead) is None
    assert describe_likely_source(lead).endswith(
        "not identified (Candidates: AP reporting of July 2013; House Armed Services hearing of"
        " August 1, 2013.)"
    )


def test_pinpoints(db: Database) -> None:
    russia = db.record("ef-russian-archival-access")
    assert russia is not None and pinpoint(russia) == "sec. “Russia,” n. 31"
    armistice = db.record("ev-1953-armistice-signed")
    assert armistice is not None and armistice.notes == ()
    assert locator(armistice) == "“Korean War Repatriations”"


def test_html_flavour_escapes_and_italicises(db: Database, citer: Citer) -> None:
    (gao,) = db.likely_sources([13])
    html = (citer.lead(gao, "chicago") or pytest.fail()).html
    assert "<i>DOD&#x27;s POW/MIA Mission" in html or "<i>DOD's POW/MIA Mission" in html
    assert not re.search(r"<(?!/?i>|a href=|/a>)", html)  # no tags but italics and the link
    assert '<a href="http://www.gao.gov/products/gao-13-619">' in html


def test_bibtex_export_parses(db: Database, citer: Citer) -> None:
    import bibtexparser

    from mia_desktop.export import bibliography

    text = bibliography(citer, db.likely_sources(range(1, 33)), "bibtex")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    keys = [entry.key for entry in library.entries]
    assert keys[0] == "ncnk2015" and len(keys) == len(set(keys)) >= 15
    assert library.entries[0]["title"] == "{Korean War POW/MIAs}"


def test_ris_export_is_well_formed(db: Database, citer: Citer) -> None:
    from mia_desktop.export import bibliography

    text = bibliography(citer, db.likely_sources(range(1, 33)), "ris")
    records = [r for r in text.split("ER  -\n") if r.strip()]
    assert len(records) >= 15
    for record in records:
        lines = record.strip("\n").splitlines()
        assert lines[0].startswith("TY  - ")
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .+", line) for line in lines), record


def test_csl_json_export_loads_back_into_citeproc(db: Database, citer: Citer) -> None:
    from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    from mia_desktop import paths
    from mia_desktop.export import bibliography

    items = json.loads(bibliography(citer, db.likely_sources(range(1, 33)), "csl-json"))
    style = CitationStylesStyle(str(paths.resources_dir() / "csl" / "apa.csl"), validate=False)
    rendered = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        rendered.register(
            __import__("citeproc").Citation([__import__("citeproc").CitationItem(item["id"])])
        )
    assert len(rendered.bibliography()) == len(items)
