"""Likely-source leads in every style and form, quotations, and Markdown: expected strings
written by hand from shared/guide/citations.md and the manuals (CMOS 18, APA 7, MLA 9).

A lead is cited as the work it is; titles are stored in sentence case (the CSL
convention), title-cased by Chicago and MLA and left as they are by APA.
"""

from __future__ import annotations

import re

import pytest

from mia_desktop.citing.citer import Citer
from mia_desktop.db.store import Database

DPAA = "http://www.dpaa.mil/Resources/Fact-Sheets/Article-View/Article/569610/progress-on-korean-war-personnel-accounting/"
TIME = "https://content.time.com/time/subscriber/article/0,33009,858160-2,00.html"
GPO = "http://www.gpo.gov/fdsys/pkg/STATUTE-123/html/STATUTE-123-Pg2190.htm"
WAPO = "http://www.washingtonpost.com/wp-dyn/content/article/2005/05/25/AR2005052501904_pf.html"
WAPO_TITLE = "[Report of the Department of Defense announcement of May 25, 2005]"

# (printed note, style, form) -> the expected plain text
LEADS = {
    # a web page of an agency, undated (no access date was recorded: none is given)
    ("1", "chicago", "citation"): "Defense POW/MIA Accounting Agency, “Progress on Korean War"
    f" Personnel Accounting,” fact sheet, Defense POW/MIA Accounting Agency, {DPAA}.",
    ("1", "chicago", "short"): "Defense POW/MIA Accounting Agency, “Progress on Korean War"
    " Personnel Accounting.”",
    ("1", "chicago", "bibliography"): "Defense POW/MIA Accounting Agency. “Progress on Korean"
    f" War Personnel Accounting.” Fact sheet. Defense POW/MIA Accounting Agency. {DPAA}.",
    ("1", "apa", "citation"): "(Defense POW/MIA Accounting Agency, n.d.)",
    ("1", "apa", "bibliography"): "Defense POW/MIA Accounting Agency. (n.d.). Progress on"
    f" Korean War personnel accounting [Fact sheet]. {DPAA}",
    ("1", "mla", "citation"): "(“Progress on Korean War Personnel Accounting”)",
    ("1", "mla", "bibliography"): "“Progress on Korean War Personnel Accounting.” Fact sheet."
    f" Defense POW/MIA Accounting Agency, {DPAA.removeprefix('http://')}.",
    # note 8 cites the same work: the same citation
    ("8", "chicago", "short"): "Defense POW/MIA Accounting Agency, “Progress on Korean War"
    " Personnel Accounting.”",
    # a report with a personal author (the brief's second note "3")
    ("3 (second)", "chicago", "citation"): "Paul M. Cole, POW/MIA Issues, Volume 1: The Korean"
    " War (RAND, 1994).",
    ("3 (second)", "chicago", "short"): "Cole, POW/MIA Issues.",
    ("3 (second)", "chicago", "bibliography"): "Cole, Paul M. POW/MIA Issues, Volume 1: The"
    " Korean War. RAND, 1994.",
    ("3 (second)", "chicago-author-date", "citation"): "(Cole 1994)",
    ("3 (second)", "chicago-author-date", "bibliography"): "Cole, Paul M. 1994. POW/MIA Issues,"
    " Volume 1: The Korean War. RAND.",
    ("3 (second)", "apa", "citation"): "(Cole, 1994)",
    ("3 (second)", "apa", "bibliography"): "Cole, P. M. (1994). POW/MIA issues, volume 1: The"
    " Korean War. RAND.",
    ("3 (second)", "mla", "citation"): "(Cole)",
    ("3 (second)", "mla", "bibliography"): "Cole, Paul M. POW/MIA Issues, Volume 1: The Korean"
    " War. RAND, 1994.",
    # an unsigned magazine article: the periodical is not repeated
    ("4", "chicago", "citation"): f"“The Missing,” Time, August 1953, {TIME}.",
    ("4", "chicago", "short"): "“The Missing.”",
    ("4", "chicago", "bibliography"): f"Time. “The Missing.” August 1953. {TIME}.",
    ("4", "apa", "citation"): "(“The Missing,” 1953)",
    ("4", "apa", "bibliography"): f"The missing. (1953, August). Time. {TIME}",
    ("4", "mla", "citation"): "(“The Missing”)",
    ("4", "mla", "bibliography"): "“The Missing.” Time, Aug. 1953,"
    f" {TIME.removeprefix('https://')}.",
    # a public law, in its legal form, with its section
    ("9", "chicago", "citation"): "National Defense Authorization Act for Fiscal Year 2010,"
    f" Pub. L. No. 111-84, § 541, 123 Stat. 2190 (2009), {GPO}.",
    ("9", "chicago", "short"): "National Defense Authorization Act for Fiscal Year 2010, § 541.",
    ("9", "chicago", "bibliography"): "National Defense Authorization Act for Fiscal Year 2010,"
    f" Pub. L. No. 111-84, § 541, 123 Stat. 2190 (2009). {GPO}.",
    ("9", "apa", "citation"): "(National Defense Authorization Act for Fiscal Year 2010, 2009)",
    ("9", "apa", "bibliography"): "National Defense Authorization Act for Fiscal Year 2010,"
    f" Pub. L. No. 111-84, § 541, 123 Stat. 2190 (2009). {GPO}",
    ("9", "mla", "bibliography"): "National Defense Authorization Act for Fiscal Year 2010,"
    f" Pub. L. No. 111-84, § 541, 123 Stat. 2190 (2009), {GPO.removeprefix('http://')}.",
    # a hearing: its committee, Congress and year; a description in plain brackets
    ("6", "chicago", "citation"): "[Hearings of November 10–11, 1992] Before the U.S. Senate"
    " Select Committee on POW/MIA Affairs, 102nd Cong. (1992).",
    ("6", "chicago", "short"): "[Hearings of November 10–11, 1992].",
    ("6", "apa", "bibliography"): "[Hearings of November 10–11, 1992] Before the U.S. Senate"
    " Select Committee on POW/MIA Affairs, 102nd Cong. (1992).",
    # an unsigned newspaper report, described in brackets (not a title: no quotation marks)
    ("17", "chicago", "citation"): f"{WAPO_TITLE}, Washington Post, May 26, 2005, {WAPO}.",
    ("17", "chicago", "bibliography"): f"Washington Post. {WAPO_TITLE}. May 26, 2005. {WAPO}.",
    ("17", "apa", "citation"): f"({WAPO_TITLE}, 2005)",
    ("17", "apa", "bibliography"): f"{WAPO_TITLE}. (2005, May 26). Washington Post. {WAPO}",
    ("17", "mla", "citation"): f"({WAPO_TITLE})",
    # a government report with a number; its short note uses the short title
    ("12", "chicago", "short"): "U.S. Government Accountability Office, DOD's POW/MIA Mission.",
    ("12", "chicago", "bibliography"): "U.S. Government Accountability Office. DOD's POW/MIA"
    " Mission: Top-Level Leadership Attention Needed to Resolve Longstanding Challenges in"
    " Accounting for Missing Persons from Past Conflicts. GAO-13-619. U.S. Government"
    " Accountability Office, 2013. http://www.gao.gov/products/gao-13-619.",
    ("12", "apa", "bibliography"): "U.S. Government Accountability Office. (2013). DOD's"
    " POW/MIA mission: Top-level leadership attention needed to resolve longstanding"
    " challenges in accounting for missing persons from past conflicts (GAO-13-619)."
    " http://www.gao.gov/products/gao-13-619",
    # a press release: genre in lower case mid-note, capitalised as a sentence of its own
    ("19", "chicago", "citation"): "Office of Governor Bill Richardson, [Transfer of the remains"
    " of six American soldiers], press release, April 11, 2007, https://www.presidency.ucsb.edu/"
    "documents/press-release-governor-bill-richardson-brokers-transfer-remains-six-american-"
    "soldiers.",
    ("19", "chicago", "bibliography"): "Office of Governor Bill Richardson. [Transfer of the"
    " remains of six American soldiers]. Press release. April 11, 2007. https://www.presidency."
    "ucsb.edu/documents/press-release-governor-bill-richardson-brokers-transfer-remains-six-"
    "american-soldiers.",
}


@pytest.fixture
def citer(db: Database) -> Citer:
    return Citer(db)


def _lead(citer: Citer, label: str):  # type: ignore[no-untyped-def]
    key = "note-" + label.replace(" (second)", "b")
    lead = citer.lead_by_key(key)
    assert lead is not None and citer.note_label(lead) == label
    return lead


@pytest.mark.parametrize(("label", "style", "form"), list(LEADS))
def test_a_lead_in_each_style_and_form(citer: Citer, label: str, style: str, form: str) -> None:
    rendering = citer.lead(_lead(citer, label), style, form)
    assert rendering is not None
    assert rendering.text == LEADS[(label, style, form)]


def test_genre_words_are_lower_case_inside_a_note(citer: Citer) -> None:
    for label in ("1", "19", "22", "27", "25", "30"):
        note = citer.lead(_lead(citer, label), "chicago", "citation")
        assert note is not None
        assert not re.search(r", (Fact sheet|Press release|News release|Press briefing)", note.text)


def test_every_identified_lead_renders_in_every_style_and_form(db: Database, citer: Citer) -> None:
    from mia_desktop.citing.citer import STYLE_KEYS
    from mia_desktop.citing.styles import FORMS

    for lead in db.likely_sources(range(1, 33)):
        for style in STYLE_KEYS:
            for form in FORMS:
                rendering = citer.lead(lead, style, form)
                if lead.confidence == "unidentified":
                    assert rendering is None
                    continue
                assert rendering is not None and rendering.text.strip(), (lead.marker, style)
                text = rendering.text
                assert "PINPOINT" not in text and "Retrieved http" not in text
                assert not re.search(r"“\[|\]”|<i>\[", rendering.html), text  # descriptions plain
                assert not re.search(r"\bedition\.", text, re.IGNORECASE), text


def test_an_unidentified_note_is_never_given_a_source(db: Database, citer: Citer) -> None:
    from mia_desktop.citing.csl import describe_likely_source

    (lead,) = db.likely_sources([12])
    assert citer.lead(lead) is None
    assert describe_likely_source(lead).endswith(
        "not identified (Candidates: AP reporting of July 2013; House Armed Services hearing of"
        " August 1, 2013.)"
    )


def test_the_html_flavour_escapes_italicises_and_links(citer: Citer) -> None:
    html = (citer.lead(_lead(citer, "12"), "chicago", "bibliography") or pytest.fail()).html
    assert "<i>DOD's POW/MIA Mission: Top-Level" in html
    assert not re.search(r"<(?!/?i>|a href=|/a>)", html)  # no tags but italics and the link
    assert '<a href="http://www.gao.gov/products/gao-13-619">' in html
    time = (citer.lead(_lead(citer, "4"), "chicago", "bibliography") or pytest.fail()).html
    assert time.startswith("<i>Time</i>. “The Missing.” August 1953.")


# -- quotations ---------------------------------------------------------------------------


def test_quote_with_citation_makes_inner_quotes_single_and_marks_typos(
    db: Database, citer: Citer
) -> None:
    k208 = db.record("ba-k208-1990-1994")
    assert k208 is not None and "these boxed contained" in k208.quote  # stored verbatim
    quote, citation = citer.quote(k208, "chicago").text.split("\n")
    assert "colloquially as the ‘K208,’ these boxed [sic] contained" in quote
    assert quote.startswith("“") and quote.endswith("”")
    assert quote.count("“") == 1 and quote.count("”") == 1
    assert citation.startswith("National Committee on North Korea, Korean War POW/MIAs")


def test_quote_with_citation_marks_natureremaking_and_leaves_the_punch_bowl(
    db: Database, citer: Citer
) -> None:
    kcna = db.record("ev-2014-kcna-statement")
    assert kcna is not None
    text = citer.quote(kcna, "apa").text
    assert "natureremaking [sic] projects" in text
    assert text.endswith(
        "(National Committee on North Korea, 2015, Remains Recovery Operations"
        " in North Korea section, para. 4)"
    )
    punch_bowl = db.record("ev-unknowns-buried-punch-bowl")
    assert punch_bowl is not None
    assert "‘The Punch Bowl.’" in citer.quote(punch_bowl, "mla").text  # a variant, not a typo


def test_quote_of_a_passage_leaves_out_its_run_in_sub_head(db: Database, citer: Citer) -> None:
    russia = db.record("pa-16")
    assert russia is not None and russia.quote.startswith("Russia \xa0The U.S.-Russia")
    quote = citer.quote(russia, "chicago").text.split("\n")[0]
    assert quote.startswith("“The U.S.-Russia Joint Commission")


def test_quote_in_a_data_format_falls_back_to_the_chicago_note(db: Database, citer: Citer) -> None:
    record = db.record("ba-k208-1990-1994")
    assert record is not None
    assert citer.quote(record, "bibtex") == citer.quote(record, "chicago")


# -- Markdown -----------------------------------------------------------------------------


def test_markdown_follows_the_style_and_form(db: Database, citer: Citer) -> None:
    record = db.record("co-russia")
    assert record is not None
    url = "https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias"
    chicago = citer.markdown(citer.cite(record, "chicago", "citation"), "chicago")
    assert chicago == (
        "National Committee on North Korea, *Korean War POW/MIAs*, issue brief (National"
        f" Committee on North Korea, October 2015), under “Russia,” <{url}>."
    )
    mla = citer.markdown(citer.cite(record, "mla", "bibliography"), "mla")
    assert mla == (
        "*Korean War POW/MIAs*. Issue brief. National Committee on North Korea, Oct. 2015,"
        f" [{url.removeprefix('https://')}]({url})."
    )
    ris = citer.markdown(citer.cite(record, "ris", "bibliography"), "ris")
    assert ris.startswith("```ris\nTY  - RPRT\n") and ris.endswith("ER  -\n```\n")
