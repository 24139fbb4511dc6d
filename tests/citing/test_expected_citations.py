"""Expected citations of the brief, written by hand from shared/guide/citations.md.

Every expected string below was typed out from the guide's rules and its K208 worked example
(CMOS 18 notes and author-date, APA 7, MLA 9), never taken from the program's output: the point
is an independent check of `mia-desktop cite ID --style S --form F` (plain-text flavour).

What the guide asks of a pinpoint:

- Chicago cites the unnumbered heading with "under" (a run-in sub-head "South Korea", "China",
  "Russia" is the heading of its paragraphs); "sec." is for numbered sections only.
- APA names the heading and counts the paragraph within it ("China section, para. 2").
- MLA has no pinpoint in the parenthesis, only the title (the author is the publisher).
- No endnote number ever goes into a pinpoint: the endnote texts were never recovered.

The headings of the brief, with the paragraph counted within each (global paragraph numbers):
Introduction 1-2 (the published heading our copy lacks), Korean War Repatriations 3-6,
Remains Recovery and Identification 7-8, Remains Recovery Operations in North Korea 9-12,
South Korea 13, China 14-15, Russia 16.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing

import pytest

from mia_desktop import paths
from mia_desktop.cli import main

URL = "https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias"

STYLES = ("chicago", "chicago-author-date", "apa", "mla")
FORMS = ("citation", "short", "bibliography")
WITHOUT_SHORT_FORM = ("chicago-author-date", "apa", "mla")

# The brief itself, cited without a pinpoint.
BRIEF = "ncnk2015"


def cite(capsys: pytest.CaptureFixture[str], record_id: str, style: str, form: str) -> str:
    code = main(["cite", record_id, "--style", style, "--form", form])
    captured = capsys.readouterr()
    assert code == 0, f"cite {record_id} --style {style} --form {form}: exit {code}, {captured.err}"
    return captured.out.rstrip("\n")


# --- The bibliography entries: they describe the item, so they are the same for every record.

BIBLIOGRAPHY = {
    "chicago": (
        "National Committee on North Korea. Korean War POW/MIAs. Issue brief. "
        f"National Committee on North Korea, October 2015. {URL}."
    ),
    "chicago-author-date": (
        "National Committee on North Korea. 2015. Korean War POW/MIAs. Issue brief. "
        f"National Committee on North Korea, October 2015. {URL}."
    ),
    # APA puts no period after a URL.
    "apa": f"National Committee on North Korea. (2015). Korean War POW/MIAs [Issue brief]. {URL}",
    # MLA gives the month abbreviated and the URL without "https://".
    "mla": (
        "Korean War POW/MIAs. Issue brief. National Committee on North Korea, Oct. 2015, "
        "www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias."
    ),
}

# --- One record for each of the brief's sixteen paragraphs: (id, paragraph, heading).
# The heading is typed here only to check that the data still puts the record where the
# expected strings below assume it is.

REPRESENTATIVES = [
    ("fi-unaccounted-for-2015", 1, "Introduction"),
    ("ev-1996-2005-recovery-operations-north-korea", 2, "Introduction"),
    ("ev-1951-captives-reported", 3, "Korean War Repatriations"),
    ("ev-1954-operation-glory", 4, "Korean War Repatriations"),
    ("ev-1992-senate-hearing", 5, "Korean War Repatriations"),
    ("ef-live-pow-investigations", 6, "Korean War Repatriations"),
    ("ef-ndaa-2010-accounting-target", 7, "Remains Recovery and Identification"),
    ("ef-dpaa-reorganization", 8, "Remains Recovery and Identification"),
    ("ba-k208-1990-1994", 9, "Remains Recovery Operations in North Korea"),
    ("ev-2005-recovery-missions-suspended", 10, "Remains Recovery Operations in North Korea"),
    ("ef-resumption-talks-2010-2012", 11, "Remains Recovery Operations in North Korea"),
    ("ev-2014-kcna-statement", 12, "Remains Recovery Operations in North Korea"),
    ("co-south-korea", 13, "South Korea"),
    ("ef-china-crash-site-recovery", 14, "China"),
    ("ef-china-archives-agreement", 15, "China"),
    ("co-russia", 16, "Russia"),
]
REPRESENTATIVE_OF_PARAGRAPH = {paragraph: record for record, paragraph, _ in REPRESENTATIVES}

# --- The citations, record by record: (id, style, form, expected).

EXPECTED = [
    # Paragraph 1: Introduction, para. 1 (the quote carries note 1).
    (
        "fi-unaccounted-for-2015",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Introduction,” {URL}.",
    ),
    (
        "fi-unaccounted-for-2015",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “Introduction.”",
    ),
    (
        "fi-unaccounted-for-2015",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Introduction”)",
    ),
    (
        "fi-unaccounted-for-2015",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, Introduction section, para. 1)",
    ),
    ("fi-unaccounted-for-2015", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 2: Introduction, para. 2.
    (
        "ev-1996-2005-recovery-operations-north-korea",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Introduction,” {URL}.",
    ),
    (
        "ev-1996-2005-recovery-operations-north-korea",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “Introduction.”",
    ),
    (
        "ev-1996-2005-recovery-operations-north-korea",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Introduction”)",
    ),
    (
        "ev-1996-2005-recovery-operations-north-korea",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, Introduction section, para. 2)",
    ),
    ("ev-1996-2005-recovery-operations-north-korea", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 3: Korean War Repatriations, para. 1.
    (
        "ev-1951-captives-reported",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Korean War Repatriations,” {URL}.",
    ),
    (
        "ev-1951-captives-reported",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “Korean War Repatriations.”",
    ),
    (
        "ev-1951-captives-reported",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Korean War Repatriations”)",
    ),
    (
        "ev-1951-captives-reported",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, Korean War Repatriations section, para. 1)",
    ),
    ("ev-1951-captives-reported", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 4: Korean War Repatriations, para. 2 (the quote carries note 5).
    (
        "ev-1954-operation-glory",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Korean War Repatriations,” {URL}.",
    ),
    (
        "ev-1954-operation-glory",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “Korean War Repatriations.”",
    ),
    (
        "ev-1954-operation-glory",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Korean War Repatriations”)",
    ),
    (
        "ev-1954-operation-glory",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, Korean War Repatriations section, para. 2)",
    ),
    ("ev-1954-operation-glory", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 5: Korean War Repatriations, para. 3.
    (
        "ev-1992-senate-hearing",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Korean War Repatriations,” {URL}.",
    ),
    (
        "ev-1992-senate-hearing",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “Korean War Repatriations.”",
    ),
    (
        "ev-1992-senate-hearing",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Korean War Repatriations”)",
    ),
    (
        "ev-1992-senate-hearing",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, Korean War Repatriations section, para. 3)",
    ),
    ("ev-1992-senate-hearing", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 6: Korean War Repatriations, para. 4.
    (
        "ef-live-pow-investigations",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Korean War Repatriations,” {URL}.",
    ),
    (
        "ef-live-pow-investigations",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “Korean War Repatriations.”",
    ),
    (
        "ef-live-pow-investigations",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Korean War Repatriations”)",
    ),
    (
        "ef-live-pow-investigations",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, Korean War Repatriations section, para. 4)",
    ),
    ("ef-live-pow-investigations", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 7: Remains Recovery and Identification, para. 1 (notes 9, 10 and 11).
    (
        "ef-ndaa-2010-accounting-target",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Remains Recovery and Identification,” {URL}.",
    ),
    (
        "ef-ndaa-2010-accounting-target",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, "
        "under “Remains Recovery and Identification.”",
    ),
    (
        "ef-ndaa-2010-accounting-target",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Remains Recovery and Identification”)",
    ),
    (
        "ef-ndaa-2010-accounting-target",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, "
        "Remains Recovery and Identification section, para. 1)",
    ),
    ("ef-ndaa-2010-accounting-target", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 8: Remains Recovery and Identification, para. 2.
    (
        "ef-dpaa-reorganization",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Remains Recovery and Identification,” {URL}.",
    ),
    (
        "ef-dpaa-reorganization",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, "
        "under “Remains Recovery and Identification.”",
    ),
    (
        "ef-dpaa-reorganization",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Remains Recovery and Identification”)",
    ),
    (
        "ef-dpaa-reorganization",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, "
        "Remains Recovery and Identification section, para. 2)",
    ),
    ("ef-dpaa-reorganization", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 9: Remains Recovery Operations in North Korea, para. 1 (note 15). This is the
    # guide's worked example, word for word.
    (
        "ba-k208-1990-1994",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Remains Recovery Operations in North Korea,” {URL}.",
    ),
    (
        "ba-k208-1990-1994",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, "
        "under “Remains Recovery Operations in North Korea.”",
    ),
    (
        "ba-k208-1990-1994",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, "
        "under “Remains Recovery Operations in North Korea”)",
    ),
    (
        "ba-k208-1990-1994",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, "
        "Remains Recovery Operations in North Korea section, para. 1)",
    ),
    ("ba-k208-1990-1994", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 10: Remains Recovery Operations in North Korea, para. 2 (notes 17 and 18).
    (
        "ev-2005-recovery-missions-suspended",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Remains Recovery Operations in North Korea,” {URL}.",
    ),
    (
        "ev-2005-recovery-missions-suspended",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, "
        "under “Remains Recovery Operations in North Korea.”",
    ),
    (
        "ev-2005-recovery-missions-suspended",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, "
        "under “Remains Recovery Operations in North Korea”)",
    ),
    (
        "ev-2005-recovery-missions-suspended",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, "
        "Remains Recovery Operations in North Korea section, para. 2)",
    ),
    ("ev-2005-recovery-missions-suspended", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 11: Remains Recovery Operations in North Korea, para. 3.
    (
        "ef-resumption-talks-2010-2012",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Remains Recovery Operations in North Korea,” {URL}.",
    ),
    (
        "ef-resumption-talks-2010-2012",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, "
        "under “Remains Recovery Operations in North Korea.”",
    ),
    (
        "ef-resumption-talks-2010-2012",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, "
        "under “Remains Recovery Operations in North Korea”)",
    ),
    (
        "ef-resumption-talks-2010-2012",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, "
        "Remains Recovery Operations in North Korea section, para. 3)",
    ),
    ("ef-resumption-talks-2010-2012", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 12: Remains Recovery Operations in North Korea, para. 4.
    (
        "ev-2014-kcna-statement",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Remains Recovery Operations in North Korea,” {URL}.",
    ),
    (
        "ev-2014-kcna-statement",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, "
        "under “Remains Recovery Operations in North Korea.”",
    ),
    (
        "ev-2014-kcna-statement",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, "
        "under “Remains Recovery Operations in North Korea”)",
    ),
    (
        "ev-2014-kcna-statement",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, "
        "Remains Recovery Operations in North Korea section, para. 4)",
    ),
    ("ev-2014-kcna-statement", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 13: run-in sub-head South Korea, para. 1.
    (
        "co-south-korea",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “South Korea,” {URL}.",
    ),
    (
        "co-south-korea",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “South Korea.”",
    ),
    (
        "co-south-korea",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “South Korea”)",
    ),
    (
        "co-south-korea",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, South Korea section, para. 1)",
    ),
    ("co-south-korea", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 14: run-in sub-head China, para. 1.
    (
        "ef-china-crash-site-recovery",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “China,” {URL}.",
    ),
    (
        "ef-china-crash-site-recovery",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “China.”",
    ),
    (
        "ef-china-crash-site-recovery",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “China”)",
    ),
    (
        "ef-china-crash-site-recovery",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, China section, para. 1)",
    ),
    ("ef-china-crash-site-recovery", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 15: China continued without repeating the sub-head, para. 2 (notes 27-29).
    (
        "ef-china-archives-agreement",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “China,” {URL}.",
    ),
    (
        "ef-china-archives-agreement",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “China.”",
    ),
    (
        "ef-china-archives-agreement",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “China”)",
    ),
    (
        "ef-china-archives-agreement",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, China section, para. 2)",
    ),
    ("ef-china-archives-agreement", "mla", "citation", "(Korean War POW/MIAs)"),
    # Paragraph 16: run-in sub-head Russia, para. 1 (note 30).
    (
        "co-russia",
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        "(National Committee on North Korea, October 2015), "
        f"under “Russia,” {URL}.",
    ),
    (
        "co-russia",
        "chicago",
        "short",
        "National Committee on North Korea, Korean War POW/MIAs, under “Russia.”",
    ),
    (
        "co-russia",
        "chicago-author-date",
        "citation",
        "(National Committee on North Korea 2015, under “Russia”)",
    ),
    (
        "co-russia",
        "apa",
        "citation",
        "(National Committee on North Korea, 2015, Russia section, para. 1)",
    ),
    ("co-russia", "mla", "citation", "(Korean War POW/MIAs)"),
    # The brief itself: no pinpoint at all.
    (
        BRIEF,
        "chicago",
        "citation",
        "National Committee on North Korea, Korean War POW/MIAs, issue brief "
        f"(National Committee on North Korea, October 2015), {URL}.",
    ),
    (BRIEF, "chicago", "short", "National Committee on North Korea, Korean War POW/MIAs."),
    (BRIEF, "chicago-author-date", "citation", "(National Committee on North Korea 2015)"),
    (BRIEF, "apa", "citation", "(National Committee on North Korea, 2015)"),
    (BRIEF, "mla", "citation", "(Korean War POW/MIAs)"),
]
EXPECTED_BY_KEY = {(record, style, form): text for record, style, form, text in EXPECTED}
CITED = [record for record, _, _ in REPRESENTATIVES] + [BRIEF]


def _database_records() -> list[tuple[str, int]]:
    """Every record of the brief in the bundled database (passages too) with its paragraph
    (a later source's record stands in none, and cites its source: tests/citing/test_later)."""
    uri = f"{paths.bundled_database().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        rows = connection.execute(
            "SELECT id, paragraph FROM records WHERE paragraph IS NOT NULL ORDER BY id"
        ).fetchall()
    return [(str(record), int(paragraph)) for record, paragraph in rows]


DATABASE_RECORDS = _database_records()


def _key(value: object) -> str:
    return str(value)


# --- The expected strings themselves.


@pytest.mark.parametrize(("record_id", "style", "form", "expected"), EXPECTED, ids=_key)
def test_citation(
    capsys: pytest.CaptureFixture[str], record_id: str, style: str, form: str, expected: str
) -> None:
    assert cite(capsys, record_id, style, form) == expected


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("record_id", CITED)
def test_bibliography_describes_the_item(
    capsys: pytest.CaptureFixture[str], record_id: str, style: str
) -> None:
    assert cite(capsys, record_id, style, "bibliography") == BIBLIOGRAPHY[style]


@pytest.mark.parametrize("style", WITHOUT_SHORT_FORM)
@pytest.mark.parametrize("record_id", CITED)
def test_short_is_the_citation_where_a_style_has_no_short_form(
    capsys: pytest.CaptureFixture[str], record_id: str, style: str
) -> None:
    short = cite(capsys, record_id, style, "short")
    assert short == cite(capsys, record_id, style, "citation")
    assert short == EXPECTED_BY_KEY[(record_id, style, "citation")]


def test_form_defaults_to_citation(capsys: pytest.CaptureFixture[str]) -> None:
    for style in STYLES:
        code = main(["cite", "ba-k208-1990-1994", "--style", style])
        out = capsys.readouterr().out.rstrip("\n")
        assert code == 0
        assert out == EXPECTED_BY_KEY[("ba-k208-1990-1994", style, "citation")]


def test_representatives_sit_where_the_expected_strings_assume() -> None:
    """A check of the data, not of the citation code: heading and paragraph of each record."""
    uri = f"{paths.bundled_database().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        for record_id, paragraph, heading in REPRESENTATIVES:
            row = connection.execute(
                "SELECT paragraph, COALESCE(subsection, section) FROM records WHERE id = ?",
                (record_id,),
            ).fetchone()
            assert row == (paragraph, heading), record_id
    assert sorted(REPRESENTATIVE_OF_PARAGRAPH) == list(range(1, 17))


# --- Sweeps over every record of the database, passages included.

FORBIDDEN = re.compile(r"(?<![A-Za-z])(?:nn?\. |Note |sec\. )")
APA_PINPOINT = re.compile(
    r"^\(National Committee on North Korea, 2015, .+ section, para\. [1-4]\)$"
)


def _problems(record_id: str, style: str, form: str, text: str) -> list[str]:
    where = f"{record_id} {style} {form}: {text!r}"
    found = []
    if "\n" in text or not text:
        found.append(f"not one line: {where}")
    if any(mark in text for mark in ("<", ">", "*", "&")):
        found.append(f"markup in the plain text: {where}")
    if FORBIDDEN.search(text):
        found.append(f"endnote or section pinpoint: {where}")
    rest = text.replace("2015", "")
    if style == "apa" and form != "bibliography" and record_id != BRIEF:
        if not APA_PINPOINT.match(text):
            found.append(f"APA pinpoint is not 'H section, para. N': {where}")
        rest = re.sub(r", para\. \d+\)$", ")", rest)
    if re.search(r"\d", rest):
        found.append(f"a number other than the year or APA's paragraph: {where}")
    needs_month = (style == "chicago" and form != "short") or (
        style == "chicago-author-date" and form == "bibliography"
    )
    if needs_month and "October 2015" not in text:
        found.append(f"no 'October 2015': {where}")
    if style == "mla" and form == "bibliography" and "Oct. 2015" not in text:
        found.append(f"no 'Oct. 2015': {where}")
    return found


@pytest.mark.parametrize("record_id", [record for record, _ in DATABASE_RECORDS] + [BRIEF])
def test_no_endnote_number_in_any_pinpoint(
    capsys: pytest.CaptureFixture[str], record_id: str
) -> None:
    problems = []
    for style in STYLES:
        for form in FORMS:
            problems += _problems(record_id, style, form, cite(capsys, record_id, style, form))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("record_id", "paragraph"), DATABASE_RECORDS, ids=_key)
def test_every_record_cites_as_the_hand_written_one_of_its_paragraph(
    capsys: pytest.CaptureFixture[str], record_id: str, paragraph: int
) -> None:
    """Heading and paragraph-within-heading depend on the paragraph only."""
    model = REPRESENTATIVE_OF_PARAGRAPH[paragraph]
    wrong = []
    for style in STYLES:
        for form in FORMS:
            if form == "bibliography":
                expected = BIBLIOGRAPHY[style]
            elif form == "short" and style in WITHOUT_SHORT_FORM:
                expected = EXPECTED_BY_KEY[(model, style, "citation")]
            else:
                expected = EXPECTED_BY_KEY[(model, style, form)]
            got = cite(capsys, record_id, style, form)
            if got != expected:
                wrong.append(f"{style} {form}: expected {expected!r}, got {got!r}")
    assert not wrong, "\n".join(wrong)
