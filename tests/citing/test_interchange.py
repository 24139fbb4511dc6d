"""BibTeX, RIS and CSL-JSON from the command line, read back by the tools that import them.

What shared/guide/citations.md asks of the interchange formats ("Interchange formats",
"Likely-source leads"):

- A file describes the item, never one passage: no pinpoint inside it. The brief's entry is
  the same for every record, so a .bib pasted together from several records holds one key;
  the pinpoint travels in the citation command (`\\cite[under “…”]{ncnk2015}`) or in the CSL
  citation item (`locator` + `label: "section"`). RIS has no citation form.
- The bibliography (`export --format F`) holds the brief, then each likely-source work once,
  keyed by the note number the brief prints for the first note it serves: `note-3b` is the
  brief's second "3", and no later key drifts by one.
- Every lead says that it is an independently identified likely source for its note, with its
  confidence (BibTeX `note`, RIS `N1`, CSL-JSON `note`).

BibTeX is read with bibtexparser 2 and pybtex, RIS with rispy, and CSL-JSON is validated
against the official csl-data schema vendored in resources/csl/schema/.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from typing import Any

import bibtexparser
import jsonschema
import pybtex.database
import pytest
import rispy
from bibtexparser.model import DuplicateBlockKeyBlock, Entry

from mia_desktop import paths
from mia_desktop.cli import main
from mia_desktop.records import BRIEF_SOURCE_ID

BRIEF_KEY = "ncnk2015"
BRIEF_TITLE = "Korean War POW/MIAs"
NCNK = "National Committee on North Korea"
BRIEF_URL = "https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias"

K208 = "ba-k208-1990-1994"
HEADINGS = {  # record -> the heading its passage stands under (a run-in sub-head for Russia)
    K208: "Remains Recovery Operations in North Korea",
    "co-russia": "Russia",
}

# The identified likely-source works, one key each, by the number printed for the first note
# they serve (resources/endnotes.toml). Notes 1, 2 and 8 share the DPAA fact sheet, notes 30
# and 31 the Joint Commission fact sheet; the other printed numbers (3, 7, 10, 11, 14, 15, 18,
# 20, 24, 26, 28, 29) have no identified source, hence no entry.
LEAD_KEYS = (
    "note-1",
    "note-3b",
    "note-4",
    "note-5",
    "note-6",
    "note-9",
    "note-12",
    "note-13",
    "note-16",
    "note-17",
    "note-19",
    "note-21",
    "note-22",
    "note-23",
    "note-25",
    "note-27",
    "note-30",
)
BIBLIOGRAPHY_KEYS = (BRIEF_KEY, *LEAD_KEYS)

# A few keys whose work is unmistakable: a key derived from the marker's position instead of
# the printed number would put the Time article under note-5 and the GAO report under note-13.
LEAD_WORKS = {
    "note-1": ("Progress on Korean War Personnel Accounting", None),
    "note-3b": ("POW/MIA Issues, Volume 1: The Korean War", "probable"),
    "note-4": ("The Missing", "probable"),
    "note-9": ("National Defense Authorization Act for Fiscal Year 2010", "strong"),
    "note-12": ("DOD's POW/MIA Mission", "strong"),
    "note-30": ("U.S.-Russia Joint Commission on POW/MIAs", "probable"),
}

# The brief plus the leads of the notes of one kind's records (record_markers in data.db).
KIND_KEYS = {
    "country": {BRIEF_KEY, "note-1", "note-30"},  # notes 1, 2, 30
    "batch": {BRIEF_KEY, "note-5", "note-19"},  # notes 5, 15, 19, 24
    # notes 1, 2, 3 (second), 5, 7, 9, 11, 15, 19, 24, 26, 28, 30
    "figure": {BRIEF_KEY, "note-1", "note-3b", "note-5", "note-9", "note-19", "note-30"},
}

INTERCHANGE_STYLES = ("bibtex", "ris", "csl-json")

# What a pinpoint looks like; none of it belongs in an item. An endnote number never does.
PINPOINT = re.compile(r"sec\.|\bnn?\. \d|\bNotes? \d|Pinpoint|\bunder\b|\blocator\b")
CONFIDENCE = re.compile(r"\b(strong|probable)\b", re.IGNORECASE)


# -- helpers -----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The command's standard output, in the view of the brief as published (its
    bibliography is the brief and its notes' leads; the later sources have their own tests
    in test_later_citations.py); the command must succeed."""
    argv = ("--brief-only", *argv)
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, f"mia-desktop {' '.join(argv)} exited {code}: {err}"
    return out


def record_ids() -> list[str]:
    with closing(sqlite3.connect(paths.bundled_database())) as connection:
        return [
            row[0]
            for row in connection.execute(
                "select id from records where source = ? order by id", (BRIEF_SOURCE_ID,)
            )
        ]


def parse_bibtex(text: str) -> list[Entry]:
    """The entries, after both parsers accepted the text (pybtex raises on a repeated key)."""
    library = bibtexparser.parse_string(text)
    repeated = [b.key for b in library.failed_blocks if isinstance(b, DuplicateBlockKeyBlock)]
    assert repeated == [], f"repeated keys: {repeated}"
    assert library.failed_blocks == []
    pybtex.database.parse_string(text, "bibtex")
    return list(library.entries)


def by_key(entries: list[Entry]) -> dict[str, Entry]:
    return {entry.key: entry for entry in entries}


def names_note(text: str, key: str) -> bool:
    """Whether the text names the note of a lead key: "note 9", "notes 1, 2 and 8", "3 (second)"."""
    number = key.removeprefix("note-")
    label = r"3 \(second\)" if number == "3b" else rf"{number}(?![\d(]| \(second)"
    return re.search(rf"\bnotes?\b[^.;]*?(?<!\d){label}", text, re.IGNORECASE) is not None


def assert_says_likely_source(text: str, key: str, what: str) -> None:
    assert "likely source" in text.lower(), f"{what}: not labelled a likely source: {text!r}"
    assert names_note(text, key), f"{what}: does not name note {key}: {text!r}"
    assert CONFIDENCE.search(text), f"{what}: no confidence (strong or probable): {text!r}"


def assert_edition_remark(text: str) -> None:
    assert "December 2018" in text and "edition" in text, text


def ris_values(record: dict[str, Any]) -> str:
    return " ".join(
        " ".join(value) if isinstance(value, list) else str(value) for value in record.values()
    )


@pytest.fixture(scope="module")
def csl_validator() -> Any:
    path = paths.resources_dir() / "csl" / "schema" / "csl-data.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    assert validator is jsonschema.Draft7Validator
    validator.check_schema(schema)
    return validator(schema)


def assert_valid_csl(validator: Any, items: object) -> None:
    errors = sorted(validator.iter_errors(items), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


# -- BibTeX ------------------------------------------------------------------------------


def test_bibtex_bibliography_parses_with_each_key_once(capsys: pytest.CaptureFixture[str]) -> None:
    entries = parse_bibtex(run(capsys, "export", "--format", "bibtex"))
    keys = [entry.key for entry in entries]
    assert keys[0] == BRIEF_KEY
    assert len(keys) == len(set(keys))
    assert sorted(keys) == sorted(BIBLIOGRAPHY_KEYS)


def test_bibtex_brief_entry_is_the_issue_brief(capsys: pytest.CaptureFixture[str]) -> None:
    brief = by_key(parse_bibtex(run(capsys, "export", "--format", "bibtex")))[BRIEF_KEY]
    assert brief.raw is not None and "{{National Committee on North Korea}}" in brief.raw
    assert brief["author"] == "{National Committee on North Korea}"
    assert brief["type"] == "Issue brief"
    assert re.search(r"\bmonth\s*=\s*oct\b", brief.raw), brief.raw  # the macro, unbraced
    assert brief["year"] == "2015"
    assert brief["url"] == BRIEF_URL
    assert NCNK in (brief.fields_dict.get("institution") or brief.fields_dict["publisher"]).value
    assert_edition_remark(brief["note"])
    assert "urldate" not in brief.fields_dict  # the 2015 text's capture date is not known


def test_bibtex_brief_entry_has_no_pinpoint(capsys: pytest.CaptureFixture[str]) -> None:
    exported = by_key(parse_bibtex(run(capsys, "export", "--format", "bibtex")))[BRIEF_KEY]
    cited = parse_bibtex(run(capsys, "cite", K208, "--style", "bibtex", "--form", "bibliography"))
    for entry in (exported, cited[0]):
        for field in entry.fields:
            assert not PINPOINT.search(str(field.value)), f"{field.key} = {field.value}"
            assert "n. 15" not in str(field.value)


def test_bibtex_leads_say_they_are_likely_sources(capsys: pytest.CaptureFixture[str]) -> None:
    entries = parse_bibtex(run(capsys, "export", "--format", "bibtex"))
    leads = [entry for entry in entries if entry.key.startswith("note-")]
    assert leads
    for lead in leads:
        assert "note" in lead.fields_dict, f"{lead.key} has no note field"
        assert_says_likely_source(lead["note"], lead.key, lead.key)


def test_bibtex_lead_keys_follow_the_printed_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    entries = by_key(parse_bibtex(run(capsys, "export", "--format", "bibtex")))
    for key, (title, confidence) in LEAD_WORKS.items():
        # Items keep titles in sentence case (the CSL convention; styles title-case them).
        assert title.lower() in entries[key]["title"].lower(), f"{key}: {entries[key]['title']}"
        if confidence:
            assert confidence in entries[key]["note"].lower(), f"{key}: {entries[key]['note']}"


@pytest.mark.parametrize("kind", sorted(KIND_KEYS))
def test_bibtex_bibliography_of_one_kind(capsys: pytest.CaptureFixture[str], kind: str) -> None:
    entries = parse_bibtex(run(capsys, "export", "--format", "bibtex", "--kind", kind))
    keys = [entry.key for entry in entries]
    assert keys[0] == BRIEF_KEY
    assert len(keys) == len(set(keys))
    assert set(keys) == KIND_KEYS[kind]


@pytest.mark.parametrize("style", INTERCHANGE_STYLES)
def test_bibliography_form_is_the_same_item_for_every_record(
    capsys: pytest.CaptureFixture[str], style: str
) -> None:
    outputs = {
        record: run(capsys, "cite", record, "--style", style, "--form", "bibliography")
        for record in record_ids()
    }
    assert len(outputs) > 1
    distinct = set(outputs.values())
    assert len(distinct) == 1, f"{len(distinct)} different items, e.g. for {K208}:\n{outputs[K208]}"


def test_bibtex_entries_pasted_from_all_records_are_one_entry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pasted = "\n".join(
        run(capsys, "cite", record, "--style", "bibtex", "--form", "bibliography")
        for record in record_ids()
    )
    library = bibtexparser.parse_string(pasted)
    repeats = [b for b in library.failed_blocks if isinstance(b, DuplicateBlockKeyBlock)]
    assert len(library.failed_blocks) == len(repeats)  # nothing else went wrong
    assert {entry.key for entry in library.entries} == {BRIEF_KEY}
    assert {block.key for block in repeats} <= {BRIEF_KEY}
    # Every repeat is the very same entry, so a reference manager keeps one.
    (cited,) = library.entries
    assert {block.raw for block in repeats} <= {cited.raw}
    exported = by_key(parse_bibtex(run(capsys, "export", "--format", "bibtex")))[BRIEF_KEY]
    assert {f.key: f.value for f in cited.fields} == {f.key: f.value for f in exported.fields}


def test_bibtex_bibliography_form_of_a_lead(capsys: pytest.CaptureFixture[str]) -> None:
    (entry,) = parse_bibtex(
        run(capsys, "cite", "note-8", "--style", "bibtex", "--form", "bibliography")
    )
    assert entry.key == "note-1"  # note 8 shares note 1's work
    assert "progress on korean war personnel accounting" in entry["title"].lower()
    assert_says_likely_source(entry["note"], "note-8", "cite note-8")


@pytest.mark.parametrize("record", sorted(HEADINGS))
def test_bibtex_citation_form_carries_the_pinpoint(
    capsys: pytest.CaptureFixture[str], record: str
) -> None:
    out = run(capsys, "cite", record, "--style", "bibtex", "--form", "citation").strip()
    assert re.match(r"\\\w*cite\w*\[", out), out
    assert f"{{{BRIEF_KEY}}}" in out
    assert f"under “{HEADINGS[record]}”" in out
    assert "sec." not in out and not re.search(r"\bnn?\. \d", out)
    if record == K208:
        assert "n. 15" not in out


# -- RIS ---------------------------------------------------------------------------------


def ris_bibliography(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = rispy.loads(run(capsys, "export", "--format", "ris"))
    return entries


def only(records: list[dict[str, Any]], what: str, test: Any) -> dict[str, Any]:
    matches = [record for record in records if test(record)]
    assert len(matches) == 1, f"{len(matches)} records for {what}"
    return matches[0]


def test_ris_bibliography_parses_with_each_work_once(capsys: pytest.CaptureFixture[str]) -> None:
    records = ris_bibliography(capsys)
    assert len(records) == len(BIBLIOGRAPHY_KEYS)
    assert records[0]["title"] == BRIEF_TITLE
    kinds = {record["title"]: record["type_of_reference"] for record in records}
    assert "GEN" not in kinds.values(), kinds  # GEN imports as a journal article


def test_ris_brief_record(capsys: pytest.CaptureFixture[str]) -> None:
    records = ris_bibliography(capsys)
    brief = only(records, "the brief", lambda r: r.get("title") == BRIEF_TITLE)
    assert brief["type_of_reference"] == "RPRT"
    assert brief["authors"] == [NCNK]
    assert brief["publisher"] == NCNK
    assert brief["year"] == "2015"
    assert brief["date"] == "2015/10//"
    assert brief["type_of_work"] == "Issue brief"
    assert brief["urls"] == [BRIEF_URL]
    assert any("December 2018" in n and "edition" in n for n in brief.get("notes", [])), brief
    assert "access_date" not in brief  # Y2: the 2015 text's capture date is not known
    assert not PINPOINT.search(ris_values(brief)), brief


def test_ris_leads_say_they_are_likely_sources(capsys: pytest.CaptureFixture[str]) -> None:
    for lead in ris_bibliography(capsys)[1:]:
        notes = " ".join(lead.get("notes", []))
        assert "likely source" in notes.lower(), lead
        assert re.search(r"\bnotes? \d", notes, re.IGNORECASE), lead
        assert CONFIDENCE.search(notes), lead


def test_ris_hearing_keeps_its_committee_in_t2(capsys: pytest.CaptureFixture[str]) -> None:
    committee = "Select Committee on POW/MIA Affairs"
    hearing = only(ris_bibliography(capsys), "note 6", lambda r: committee in ris_values(r))
    assert committee in hearing.get("secondary_title", ""), hearing
    assert not any(committee in name for name in hearing.get("authors", [])), hearing


def test_ris_public_law_number_in_m1(capsys: pytest.CaptureFixture[str]) -> None:
    assert rispy.TAG_KEY_MAPPING["M1"] == "note" and rispy.TAG_KEY_MAPPING["SN"] == "issn"
    law = only(
        ris_bibliography(capsys),
        "note 9",
        lambda r: "National Defense Authorization Act" in r.get("title", ""),
    )
    assert "111-84" in law.get("note", ""), law
    assert "111-84" not in law.get("issn", ""), law


def test_ris_has_no_citation_form_and_prints_the_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    citation = run(capsys, "cite", K208, "--style", "ris", "--form", "citation")
    bibliography = run(capsys, "cite", K208, "--style", "ris", "--form", "bibliography")
    assert citation == bibliography
    (record,) = rispy.loads(citation)
    assert record["type_of_reference"] == "RPRT" and record["title"] == BRIEF_TITLE
    assert not PINPOINT.search(ris_values(record)), record


# -- CSL-JSON ----------------------------------------------------------------------------


def test_csl_json_bibliography_validates(
    capsys: pytest.CaptureFixture[str], csl_validator: Any
) -> None:
    items = json.loads(run(capsys, "export", "--format", "csl-json"))
    assert_valid_csl(csl_validator, items)
    ids = [item["id"] for item in items]
    assert ids[0] == BRIEF_KEY
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(BIBLIOGRAPHY_KEYS)
    for item in items[1:]:
        assert_says_likely_source(item.get("note", ""), item["id"], item["id"])


@pytest.mark.parametrize(("subject", "key"), [(K208, BRIEF_KEY), ("note-8", "note-1")])
def test_csl_json_bibliography_form_validates(
    capsys: pytest.CaptureFixture[str], csl_validator: Any, subject: str, key: str
) -> None:
    items = json.loads(
        run(capsys, "cite", subject, "--style", "csl-json", "--form", "bibliography")
    )
    assert_valid_csl(csl_validator, items)
    assert [item["id"] for item in items] == [key]
    if subject == "note-8":
        assert_says_likely_source(items[0].get("note", ""), "note-8", "cite note-8")


def test_csl_json_brief_item(capsys: pytest.CaptureFixture[str]) -> None:
    exported = json.loads(run(capsys, "export", "--format", "csl-json"))[0]
    (cited,) = json.loads(
        run(capsys, "cite", K208, "--style", "csl-json", "--form", "bibliography")
    )
    for item in (exported, cited):
        assert item["id"] == BRIEF_KEY
        assert_edition_remark(item.get("note", ""))
        assert "locator" not in item and "label" not in item
        assert "accessed" not in item  # the 2015 text's capture date is not known
        assert not PINPOINT.search(json.dumps(item, ensure_ascii=False)), item
        assert [int(part) for part in item["issued"]["date-parts"][0]] == [2015, 10]
    assert cited == exported


@pytest.mark.parametrize("record", sorted(HEADINGS))
def test_csl_json_citation_form_is_a_citation_item(
    capsys: pytest.CaptureFixture[str], record: str
) -> None:
    items = json.loads(run(capsys, "cite", record, "--style", "csl-json", "--form", "citation"))
    assert isinstance(items, list) and len(items) == 1, items
    (item,) = items
    assert item["id"] == BRIEF_KEY
    assert item["label"] == "section"
    assert item["locator"] == HEADINGS[record]
