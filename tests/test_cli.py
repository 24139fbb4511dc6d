"""The command line, as a script or a researcher would use it."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mia_desktop import __version__, main
from mia_desktop.db.store import Database
from mia_desktop.records import BRIEF_SOURCE_ID


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"mia-desktop {__version__}"


def test_python_dash_m_works_as_a_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mia_desktop", "cite", "ba-k208-1990-1994"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "under “Remains Recovery Operations in North Korea,”" in done.stdout


@pytest.fixture(scope="module")
def export_payload() -> dict[str, list[dict[str, object]]]:
    done = subprocess.run(
        [sys.executable, "-m", "mia_desktop", "export", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    payload: dict[str, list[dict[str, object]]] = json.loads(done.stdout)
    return payload


@pytest.fixture(scope="module")
def exported(export_payload: dict[str, list[dict[str, object]]]) -> list[dict[str, object]]:
    """The brief's records (a later source's are tested on their own below)."""
    return [r for r in export_payload["records"] if r["source"] == BRIEF_SOURCE_ID]


def test_export_json_gives_records_and_their_sources(
    export_payload: dict[str, list[dict[str, object]]],
) -> None:
    records, sources = export_payload["records"], export_payload["sources"]
    assert sources[0]["id"] == BRIEF_SOURCE_ID and sources[0]["primary"] is True
    listed = {s["id"] for s in sources}
    assert {r["source"] for r in records} == listed  # each source once, each record's there
    later = [r for r in records if r["source"] != BRIEF_SOURCE_ID]
    assert any(r["kind"] == "figure" for r in later)
    for record in later:
        assert "quote" not in record and "notes" not in record and "section" not in record
    figures = [r for r in records if r["kind"] == "figure"]
    assert all("quantity" in r and "as_of" in r for r in figures)
    unaccounted = sorted(
        (str(r["as_of"]), r["value"]) for r in figures if r["quantity"] == "unaccounted-for"
    )
    assert unaccounted[0] == ("1954", 8100) and unaccounted[-1] == ("2024-08-15", 7465)
    assert ("2015-10", 7800) in unaccounted
    for source in sources[1:]:
        assert source["grade"] in {"A", "A-m", "B"} and str(source["url"]).startswith("http")


def test_brief_only_exports_the_brief_as_published(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--brief-only", "export", "--format", "json")
    payload = json.loads(out)
    assert code == 0
    assert {r["source"] for r in payload["records"]} == {BRIEF_SOURCE_ID}
    assert [s["id"] for s in payload["sources"]] == [BRIEF_SOURCE_ID]


def test_export_json_has_every_kind_in_quantity(exported: list[dict[str, object]]) -> None:
    counts: dict[object, int] = {}
    for record in exported:
        counts[record["kind"]] = counts.get(record["kind"], 0) + 1
    assert counts["event"] >= 30
    assert counts["batch"] >= 5
    assert counts["country"] == 5
    assert counts["effort"] >= 10
    assert counts["figure"] >= 18


def test_export_json_fields(exported: list[dict[str, object]]) -> None:
    required = {"kind", "id", "title", "text", "quote", "section", "notes", "date", "citation"}
    for record in exported:
        assert required <= record.keys()
        assert isinstance(record["notes"], list)
        assert all(isinstance(n, int) for n in record["notes"])
        assert "National Committee on North Korea" in str(record["citation"])
    by_id = {r["id"]: r for r in exported}
    assert by_id["ev-1954-operation-glory"]["date"] == "1954"
    assert by_id["ev-1953-08-release-of-3313"]["date"] == "1953-08"
    assert by_id["ev-1996-2005-recovery-operations-north-korea"]["date"] == "1996/2005"
    assert by_id["co-china"]["date"] is not None


def test_every_quote_is_verbatim_and_every_note_is_cited(
    exported: list[dict[str, object]],
) -> None:
    from mia_desktop import paths
    from mia_desktop.build.brief import load_brief

    brief = load_brief(paths.resources_dir() / "source" / "korean-war-pow-mias-2015.txt")
    paragraphs = [p.text for p in brief.paragraphs]
    for record in exported:
        assert any(str(record["quote"]) in text for text in paragraphs), record["id"]
    cited = {n for record in exported for n in record["notes"]}  # type: ignore[attr-defined]
    assert cited == set(range(1, 32))


def test_every_number_of_the_brief_has_a_figure(exported: list[dict[str, object]]) -> None:
    values = set()
    for record in exported:
        if record["kind"] == "figure":
            values.add(record["value"] if record["value"] is not None else record["low"])
    for number in (
        7800,
        5300,
        3198,
        149,
        3313,
        4000,
        867,
        8100,
        388,
        200,
        208,
        375,
        950,
        20,
        11,
        336,
        6,
        1,
        3,
    ):
        assert number in values, number


def test_export_csv_has_a_header_and_a_row_per_record(
    capsys: pytest.CaptureFixture[str], export_payload: dict[str, list[dict[str, object]]]
) -> None:
    import csv
    import io

    code, out, _ = run(capsys, "export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(export_payload["records"])
    assert rows[0].keys() >= {"kind", "id", "quote", "notes", "citation"}


def test_search_operation_glory_ranks_its_records_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "search", "Operation Glory", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["query"] == "Operation Glory"
    top = payload["hits"][:5]
    assert all("Operation Glory" in hit["title"] for hit in top)
    assert {"ba-operation-glory-1954", "ef-operation-glory", "ev-1954-operation-glory"} <= {
        hit["id"] for hit in top
    }


@pytest.mark.parametrize("query", ["K208", "k20", "3,313", "3313", "Richardson", "DPAA"])
def test_search_finds_by_word_prefix_and_number(
    capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, _ = run(capsys, "search", query, "--json", "--limit", "3")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert 1 <= len(hits) <= 3


@pytest.mark.parametrize(
    "query",
    [
        'U.S."',
        "POW/MIA",
        "North-Korea",
        "1996-2005",
        "O'Brien",
        "OR",
        "AND",
        '"',
        "(",
        "*",
        "NEAR(",
        "title:",
        "^x",
        "",
        "   ",
        "\x00",
        "🙂",
        "x" * 5000,
    ],
)
def test_hostile_search_text_never_fails(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "search", query)
    assert code == 0
    assert "Traceback" not in err
    assert out


def test_human_readable_search_shows_titles_and_marks_matches(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "search", "Richardson")
    assert code == 0
    assert "ba-richardson-2007" in out
    assert "[Richardson]" in out


def test_no_results_is_said_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "zzzzqqq")
    assert code == 0
    assert out.strip() == "No results for 'zzzzqqq'."


def test_cite_prints_the_brief_with_the_pinpoint(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cite", "fi-clarified-via-russia-commission")
    assert code == 0
    assert out.strip() == (
        "National Committee on North Korea, Korean War POW/MIAs, issue brief (National Committee"
        " on North Korea, October 2015), under “Russia,”"
        " https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias."
    )


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("apa", "(National Committee on North Korea, 2015, Russia section, para. 1)"),
        ("mla", "(Korean War POW/MIAs)"),
        ("chicago-author-date", "(National Committee on North Korea 2015, under “Russia”)"),
    ],
)
def test_cite_in_other_styles(
    capsys: pytest.CaptureFixture[str], style: str, expected: str
) -> None:
    code, out, _ = run(capsys, "cite", "fi-clarified-via-russia-commission", "--style", style)
    assert (code, out.strip()) == (0, expected)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # the second note printed "3": Cole's RAND report, by its printed number
        (("note-3b", "--form", "short"), "Cole, POW/MIA Issues."),
        (
            ("note-4", "--style", "mla", "--form", "bibliography"),
            "“The Missing.” Time, Aug. 1953,"
            " content.time.com/time/subscriber/article/0,33009,858160-2,00.html.",
        ),
        # note 8 shares note 1's work: the same citation
        (("note-8", "--style", "apa"), "(Defense POW/MIA Accounting Agency, n.d.)"),
    ],
)
def test_cite_a_lead_by_its_printed_note_number(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, out, _ = run(capsys, "cite", *args)
    assert (code, out.strip()) == (0, expected)


def test_cite_says_which_notes_have_no_lead(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cite", "note-7")
    assert (code, out) == (1, "")
    assert err.strip() == "mia-desktop: no likely source of note 7 was identified."
    code, _, err = run(capsys, "cite", "note-40")
    assert code == 1 and "the brief prints no note '40'" in err


def test_cite_as_markdown_follows_style_and_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cite", "ba-k208-1990-1994", "--form", "short", "--markdown")
    assert (code, out.strip()) == (
        0,
        "National Committee on North Korea, *Korean War POW/MIAs*, under “Remains Recovery"
        " Operations in North Korea.”",
    )
    code, out, _ = run(
        capsys, "cite", "ncnk2015", "--style", "apa", "--form", "bibliography", "--markdown"
    )
    assert out.strip() == (
        "National Committee on North Korea. (2015). *Korean War POW/MIAs* [Issue brief]."
        " <https://www.ncnk.org/resources/briefing-papers/all-briefing-papers/korean-war-powmias>"
    )
    code, out, _ = run(capsys, "cite", "ba-k208-1990-1994", "--style", "bibtex", "--markdown")
    assert out.strip() == (
        "```bibtex\n\\cite[under “Remains Recovery Operations in North Korea”]{ncnk2015}\n```"
    )


def test_cite_as_bibtex_parses(capsys: pytest.CaptureFixture[str]) -> None:
    import bibtexparser

    code, out, _ = run(
        capsys, "cite", "ba-k208-1990-1994", "--style", "bibtex", "--form", "bibliography"
    )
    assert code == 0
    entry = bibtexparser.parse_string(out).entries[0]
    assert entry.key == "ncnk2015"
    assert "December 2018 edition" in entry["note"]


def test_export_bibliography_to_a_file_and_refuse_the_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled_db_path: Path
) -> None:
    target = tmp_path / "refs.ris"
    code, out, _ = run(capsys, "export", "--format", "ris", "--out", str(target))
    assert code == 0 and out.strip() == f"wrote {target}"
    assert target.read_text(encoding="utf-8").startswith("TY  - RPRT")
    before = bundled_db_path.read_bytes()
    code, _, err = run(capsys, "export", "--out", str(bundled_db_path))
    assert code == 1 and "that is the app's database" in err
    assert bundled_db_path.read_bytes() == before
    code, _, err = run(capsys, "export", "--out", str(tmp_path / "missing" / "x.json"))
    assert code == 1 and "no such folder" in err


def test_cite_unknown_id_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cite", "ba-k208")
    assert code == 1
    assert out == ""
    assert "no record with id 'ba-k208'" in err and "ba-k208-1990-1994" in err


def test_show_labels_likely_sources_as_independent(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "ev-2013-gao-report")
    assert code == 0
    assert "Note 12: Likely source (identified independently; not the brief's own endnote)" in out
    assert "GAO-13-619" in out


def test_bad_database_is_one_line_on_stderr_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not a database", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(bad), "search", "Glory")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and str(bad) in err
    assert "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "x", "--limit", "0")
    assert code == 2
    assert "from 1 to 10,000" in err


def test_commands_never_write_the_database(
    capsys: pytest.CaptureFixture[str], bundled_db_path: Path
) -> None:
    before = hashlib.sha256(bundled_db_path.read_bytes()).hexdigest()
    for argv in (["search", "Glory"], ["export"], ["cite", "co-china"], ["show", "co-china"]):
        assert run(capsys, *argv)[0] == 0
    assert hashlib.sha256(bundled_db_path.read_bytes()).hexdigest() == before


def test_build_db_check_and_build(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "build-db", "--check")
    assert code == 0 and out.startswith("checked: ")
    target = tmp_path / "out.db"
    code, out, _ = run(capsys, "build-db", "--out", str(target))
    assert code == 0 and target.exists()
    assert run(capsys, "--db", str(target), "cite", "co-china")[0] == 0


def test_build_db_reports_problems_and_exits_1(
    capsys: pytest.CaptureFixture[str], resources_copy: Path, tmp_path: Path
) -> None:
    (resources_copy / "records" / "figures.toml").write_text("", encoding="utf-8")
    code, _, err = run(
        capsys, "build-db", "--resources", str(resources_copy), "--out", str(tmp_path / "x.db")
    )
    assert code == 1
    assert "is the value of no figure" in err
    assert not (tmp_path / "x.db").exists()


def test_search_json_says_what_ran(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Richardsen", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["suggestions"] == ["Richardson"]
    assert payload["corrected_to"] == "Richardson"
    assert payload["interpreted"] == '"Richardson"*'
    assert payload["total"] == len(payload["hits"]) == payload["facets"]["kind"]["any"]


def test_search_filters_by_kind_and_country(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "search",
        "remains",
        "--json",
        "--kind",
        "batch",
        "--country",
        "South Korea",
        "--limit",
        "50",
    )
    assert code == 0
    hits = json.loads(out)["hits"]
    assert hits and all(h["kind"] == "batch" and "co-south-korea" in h["countries"] for h in hits)


def test_unknown_country_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "remains", "--country", "Atlantis")
    assert code == 2
    assert "unknown country 'Atlantis'" in err


def test_a_database_whose_tables_do_not_fit_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled_db_path: Path
) -> None:
    import shutil
    import sqlite3

    broken = tmp_path / "renamed.db"
    shutil.copyfile(bundled_db_path, broken)
    conn = sqlite3.connect(broken)
    conn.execute("ALTER TABLE records RENAME COLUMN quote_start TO quote_offset")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "--db", str(broken), "cite", "co-china")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(broken) in err and "Traceback" not in err


def test_one_count_of_records_everywhere(capsys: pytest.CaptureFixture[str], db: Database) -> None:
    """`export`, File > Export "All records" and the status bar count the curated records;
    the brief's paragraphs come only when asked for."""
    curated = db.count_records(exclude_kind="passage")
    code, out, _ = run(capsys, "export", "--format", "json")
    records = json.loads(out)["records"]
    assert code == 0 and len(records) == curated
    assert {r["kind"] for r in records} == {"event", "batch", "country", "effort", "figure"}
    code, out, _ = run(capsys, "export", "--format", "json", "--kind", "passage")
    assert len(json.loads(out)["records"]) == 16


def test_the_second_note_3_is_told_apart(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "ev-1951-captives-reported")
    assert code == 0 and "Notes: 3 (second)" in out
    code, out, _ = run(capsys, "show", "ef-dna-identification")
    assert "Notes: 3\n" in out
    code, out, _ = run(capsys, "--brief-only", "export", "--format", "json", "--kind", "figure")
    labels = {r["id"]: r["note_labels"] for r in json.loads(out)["records"]}
    assert labels["fi-pows-reported-held-1951"] == ["3 (second)"]


def test_show_gives_the_index_terms_labelled_as_ours(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "pa-04")
    assert code == 0
    assert "Index terms (this app’s, not the brief’s): " in out and "Operation Glory (1954)" in out
    code, out, _ = run(capsys, "show", "pa-04", "--json")
    assert "Operation Glory (1954)" in json.loads(out)["index_terms"]


def test_search_and_cite_work_on_later_records(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "7,465", "--json")
    assert code == 0
    hits = [h["id"] for h in json.loads(out)["hits"]]
    assert "lf-unaccounted-for-2024-08-15" in hits
    code, out, _ = run(capsys, "--brief-only", "search", "7,465", "--json")
    assert "lf-unaccounted-for-2024-08-15" not in [h["id"] for h in json.loads(out)["hits"]]
    for style, expected in (
        ("chicago", "Lopez, “Families of Service Members"),
        ("apa", "(Lopez, 2024)"),
        ("mla", "(Lopez)"),
    ):
        code, out, _ = run(capsys, "cite", "lf-unaccounted-for-2024-08-15", "--style", style)
        assert code == 0 and expected in out, out
    code, out, _ = run(
        capsys,
        "cite",
        "lf-unaccounted-for-2024-08-15",
        "--style",
        "bibtex",
        "--form",
        "bibliography",
    )
    assert out.startswith("@article{dod-2024-08-15-annual-briefing,")  # one key per source
    assert "author = {Lopez, C. Todd}" in out and "National Committee" not in out
    code, out, _ = run(capsys, "show", "le-2018-07-27-k55-returned")
    assert code == 0 and "From a later source (not the brief, not quoted)" in out
    assert "Quote (verbatim)" not in out


# -- the plain start reads its few options as the parser does ---------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--exit-after-startup"],
        ["--db", "some.db"],
        ["--db=some.db"],
        ["--db", "some.db", "--exit-after-startup"],
        ["--exit-after-startup", "--db", "a b.db"],
    ],
)
def test_a_plain_start_is_read_as_the_parser_reads_it(argv: list[str]) -> None:
    from mia_desktop.cli import plain_launch
    from mia_desktop.cli_parser import build_parser

    parsed = build_parser().parse_args(argv)
    assert parsed.command is None
    assert plain_launch(argv) == (parsed.db, parsed.exit_after_startup)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["search", "Glory"],
        ["--db"],
        ["--db", "--exit-after-startup"],
        ["--db", "a.db", "--db", "b.db"],
        ["--exit-after-startup", "--exit-after-startup"],
        ["--exit"],  # an abbreviation: the parser's to read
        ["--brief-only"],
        ["--db="],
    ],
)
def test_anything_else_is_left_to_the_parser(argv: list[str]) -> None:
    from mia_desktop.cli import plain_launch

    assert plain_launch(argv) is None
