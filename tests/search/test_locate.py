"""Where is this from? A pasted sentence is found word for word in its paragraph, a near match
says what differs, and text that is not in the brief is said not to be, never misattributed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from mia_desktop import main
from mia_desktop.db.store import Database
from mia_desktop.records import Paragraph
from mia_desktop.search.locate import Location, locate
from mia_desktop.search.locate_report import describe, word_diff
from mia_desktop.search.locate_words import MAX_CHARS

RELEASED = "A further 3,313 Americans were released in August 1953 after the Armistice was signed."
REPATRIATIONS = "Korean War Repatriations"

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def paragraphs(db: Database) -> list[Paragraph]:
    return db.paragraphs()


def where(text: str, paragraphs: list[Paragraph]) -> Location:
    return locate(text, paragraphs)


def kinds(location: Location) -> list[str]:
    return [d.kind for d in location.differences]


def changes(location: Location) -> list[tuple[str, str, str]]:
    return [(d.kind, d.brief, d.given) for d in location.differences if d.kind != "same"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_with_stdin(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "mia_desktop", "locate", "-", *args],
        input=data,
        capture_output=True,
        timeout=60,
        env=env,
        check=False,
    )


# -- word for word ------------------------------------------------------------------------


def test_a_whole_sentence_is_found_word_for_word(paragraphs: list[Paragraph]) -> None:
    found = where(RELEASED, paragraphs)
    assert found.verdict == "exact"
    assert found.paragraph == 3 and found.section == REPATRIATIONS
    assert found.brief_text == RELEASED
    assert found.start is not None and found.end is not None
    assert paragraphs[2].text[found.start : found.end] == RELEASED
    assert found.similarity == 1.0 and found.differing_words == 0
    assert kinds(found) == ["same"]
    assert not found.only_spelling_differs
    assert describe(found) == "Word for word in paragraph 3 (Korean War Repatriations)."


def test_most_of_a_sentence_is_found_word_for_word(paragraphs: list[Paragraph]) -> None:
    found = where("the North Koreans and Chinese reported that they were holding", paragraphs)
    assert (found.verdict, found.paragraph) == ("exact", 3)
    assert found.brief_text == "the North Koreans and Chinese reported that they were holding"


def test_a_sentence_under_a_run_in_heading_names_that_heading(
    paragraphs: list[Paragraph],
) -> None:
    found = where(
        "Fewer than 20 sets of unrecovered Korean War-era remains are believed to be located"
        " in China.",
        paragraphs,
    )
    assert (found.verdict, found.paragraph) == ("exact", 14)
    assert describe(found) == "Word for word in paragraph 14 (China)."


@pytest.mark.parametrize(
    ("given", "paragraph", "kind"),
    [
        (
            'primarily during "Operation Glory" in 1954',  # straight quotes for curly
            4,
            "quotation marks",
        ),
        ("the NDAA's passage, and Defense Department officials indicated", 7, "apostrophes"),
        ("A FURTHER 3,313 AMERICANS WERE RELEASED IN AUGUST 1953", 3, "capital letters"),
        ("DPAA has estimated that these boxes contain from 375—400 remains.", 9, "dashes"),
        ("DPAA has estimated that these boxes contain from 375 - 400 remains.", 9, "dashes"),
        ("some unaccounted for American military personnel have returned", 1, "dashes"),
        ("A further 3313 Americans were released in August 1953", 3, "thousands separators"),
        ("A further  3,313 Americans\nwere released in\tAugust 1953", 3, "spacing"),
        (
            "whose remains have not been located, recovered, and identified.1 The U.S. military"
            " estimates that 5,300 of these service members were buried in North Korea.2",
            1,
            "endnote numbers",
        ),
        (
            "those who remained captive or missing12 at the conclusion of hostilities",
            1,
            "endnote numbers",
        ),
        (
            "are \u201cunaccounted for,\u201d1 a term used to describe those who remained captive",
            1,
            "endnote numbers",
        ),
    ],
)
def test_spelling_differences_are_still_word_for_word_and_said(
    paragraphs: list[Paragraph], given: str, paragraph: int, kind: str
) -> None:
    found = where(given, paragraphs)
    assert (found.verdict, found.paragraph) == ("exact", paragraph)
    assert found.only_spelling_differs
    assert any(kind in note for note in found.notes), found.notes
    assert found.differing_words == 0


def test_endnote_numbers_are_left_out_and_named(paragraphs: list[Paragraph]) -> None:
    found = where(
        "North Korea returned over 4,000 sets of remains to the United Nations Command,"
        " primarily during \u201cOperation Glory\u201d in 1954.5 Eventually 867 sets",
        paragraphs,
    )
    assert (found.verdict, found.paragraph) == ("exact", 4)
    assert "endnote numbers left out: 5" in found.notes


def test_every_paragraph_as_printed_with_its_endnote_numbers_is_found(
    paragraphs: list[Paragraph],
) -> None:
    for paragraph in paragraphs:
        found = where(paragraph.raw, paragraphs)
        assert (found.verdict, found.paragraph) == ("exact", paragraph.number), describe(found)
        assert found.brief_text == paragraph.text


def test_an_ellipsis_stands_for_words_left_out(paragraphs: list[Paragraph]) -> None:
    for ellipsis in ("…", "...", "[…]"):
        found = where(
            f"In 1954, under the terms of the Armistice Agreement, North Korea returned {ellipsis}"
            " remains to the United Nations Command",
            paragraphs,
        )
        assert (found.verdict, found.paragraph) == ("exact", 4)
        assert "omitted" in kinds(found)
        assert found.differing_words == 0
        assert "returned […] remains" in word_diff(found)


# -- near ---------------------------------------------------------------------------------


def test_one_word_changed_is_a_near_match_showing_the_change(
    paragraphs: list[Paragraph],
) -> None:
    found = where(RELEASED.replace("released", "freed"), paragraphs)
    assert (found.verdict, found.paragraph) == ("near", 3)
    assert changes(found) == [("changed", "released", "freed")]
    assert found.differing_words == 1
    assert (
        describe(found) == "Near match in paragraph 3 (Korean War Repatriations): 1 word differs."
    )
    assert word_diff(found) == (
        "A further 3,313 Americans were [-released-]{+freed+} in August 1953 after the"
        " Armistice was signed."
    )


def test_one_word_missing_is_a_near_match_showing_it(paragraphs: list[Paragraph]) -> None:
    found = where(RELEASED.replace("August ", ""), paragraphs)
    assert (found.verdict, found.paragraph) == ("near", 3)
    assert changes(found) == [("missing", "August", "")]
    assert "in [-August-] 1953" in word_diff(found)
    assert found.brief_text == RELEASED


def test_one_word_added_is_a_near_match_showing_it(paragraphs: list[Paragraph]) -> None:
    found = where(RELEASED.replace("were released", "were finally released"), paragraphs)
    assert (found.verdict, found.paragraph) == ("near", 3)
    assert changes(found) == [("added", "", "finally")]
    assert "were {+finally+} released" in word_diff(found)
    assert found.similarity < 1.0


def test_a_changed_first_word_is_a_change_not_an_addition(paragraphs: list[Paragraph]) -> None:
    found = where(RELEASED.replace("A further", "An additional"), paragraphs)
    assert (found.verdict, found.paragraph) == ("near", 3)
    assert changes(found) == [("changed", "A further", "An additional")]
    assert word_diff(found).startswith("[-A further-]{+An additional+} 3,313 Americans")


def test_a_key_figure_altered_is_never_word_for_word(paragraphs: list[Paragraph]) -> None:
    found = where(RELEASED.replace("3,313", "3,331"), paragraphs)
    assert found.verdict == "near"  # the sentence is the brief's; its number is not
    assert found.paragraph == 3
    assert changes(found) == [("changed", "3,313", "3,331")]
    assert "a number differs: the brief has '3,313', the text '3,331'" in found.notes
    assert "[-3,313-]{+3,331+}" in word_diff(found)


def test_a_number_after_a_comma_is_a_number_not_an_endnote(paragraphs: list[Paragraph]) -> None:
    found = where(
        "Since 1982, 21 sets of remains from South Korea have been recovered, and 11 identified.",
        paragraphs,
    )
    assert (found.verdict, found.paragraph) == ("near", 13)
    assert changes(found) == [("changed", "20", "21")]


# -- not in the brief ---------------------------------------------------------------------


def test_a_plausible_sentence_not_in_the_brief_is_absent(paragraphs: list[Paragraph]) -> None:
    for sentence in (
        "North Korea returned 500 sets of remains to the United States in 2018.",
        "The Pentagon has said that all American POWs were accounted for by 1960.",
        "China returned the remains of 20 American airmen to the DPAA in 2015.",
    ):
        found = where(sentence, paragraphs)
        assert found.verdict == "absent", describe(found)
        assert found.paragraph is None and found.start is None and found.brief_text == ""
        assert describe(found).startswith("Not in the brief: ")


def test_the_closest_paragraph_tried_is_said(paragraphs: list[Paragraph]) -> None:
    found = where(
        "North Korea returned 500 sets of remains to the United States in 2018.", paragraphs
    )
    assert found.verdict == "absent"
    assert found.closest_paragraph == 4
    assert found.closest_similarity is not None and found.closest_similarity < 0.8
    assert "the closest, paragraph 4, has" in found.reason


def test_words_from_two_paragraphs_are_not_attributed_to_either(
    paragraphs: list[Paragraph],
) -> None:
    found = where(
        "A further 3,313 Americans were released in August 1953. Eventually 867 sets of remains"
        " were declared unknown and buried in Hawaii.",
        paragraphs,
    )
    assert found.verdict == "absent"
    assert "more than one paragraph" in found.reason
    assert {found.closest_paragraph, *found.also_fits} == {3, 4}


def test_words_that_fit_two_paragraphs_equally_are_not_attributed(
    paragraphs: list[Paragraph],
) -> None:
    found = where("the Korean War and other conflicts", paragraphs)  # in paragraphs 2 and 16
    assert found.verdict == "absent"
    assert "fit paragraphs 2 and 16 about equally well" in found.reason


def test_too_few_words_are_absent_with_the_reason(paragraphs: list[Paragraph]) -> None:
    found = where("Operation Glory", paragraphs)  # twice in paragraph 4
    assert found.verdict == "absent"
    assert found.reason.startswith("too few words to tell where they come from")
    assert "2 places" in found.reason


def test_a_few_words_found_once_and_exactly_are_located(paragraphs: list[Paragraph]) -> None:
    found = where("Governor Bill Richardson", paragraphs)
    assert (found.verdict, found.paragraph) == ("exact", 10)


def test_no_words_are_nothing_to_look_for(paragraphs: list[Paragraph]) -> None:
    for text in ("", "   \n ", "...", "— – -"):
        found = where(text, paragraphs)
        assert found.verdict == "absent" and found.given_words == 0


def test_no_record_s_quote_is_attributed_to_another_paragraph(db: Database) -> None:
    paragraphs = db.paragraphs()
    for record in db.records():
        if record.is_later:
            continue  # a later source's record quotes nothing
        for text in (record.quote, _one_word_changed(record.quote)):
            found = locate(text, paragraphs)
            if found.verdict != "absent":
                assert found.paragraph == record.paragraph, (record.id, describe(found))
        found = locate(record.quote, paragraphs)
        if len(record.quote.split()) >= 6:
            assert found.verdict == "exact", (record.id, describe(found))


def _one_word_changed(text: str) -> str:
    words = text.split()
    words[len(words) // 2] = "zzyzx"
    return " ".join(words)


def test_a_long_paste_is_cut_and_returns_quickly(paragraphs: list[Paragraph]) -> None:
    text = (RELEASED + " ") + "lorem ipsum " * 90_000  # over 1 MB
    started = time.perf_counter()
    found = where(text, paragraphs)
    assert time.perf_counter() - started < 2
    assert found.truncated
    assert len(found.given_text) <= MAX_CHARS
    assert f"only the first {MAX_CHARS:,} characters were compared" in found.notes


# -- the command line ---------------------------------------------------------------------


def test_locate_prints_the_verdict_the_comparison_the_records_and_the_citation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "locate", RELEASED)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Word for word in paragraph 3 (Korean War Repatriations)."
    assert RELEASED in lines
    assert "Quoted by:" in lines
    assert any(line.startswith("ev-1953-08-release-of-3313  [Event]  ") for line in lines)
    assert "pa-03  [Passage of the brief]  Paragraph 3: Korean War Repatriations" in lines
    citation = next(line for line in lines if line.startswith("Citation: "))
    assert "under “Korean War Repatriations,”" in citation


def test_locate_a_near_match_marks_what_differs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "locate", RELEASED.replace("3,313", "3,331"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Near match in paragraph 3 (Korean War Repatriations): 1 word differs."
    assert "Note: a number differs: the brief has '3,313', the text '3,331'." in lines
    assert any("A further [-3,313-]{+3,331+} Americans were released" in line for line in lines)


def test_locate_not_in_the_brief_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "locate", "The Pentagon said that all POWs came home by 1960.")
    assert code == 1 and err == ""
    assert out.splitlines()[0].startswith("Not in the brief: ")
    assert "Citation" not in out


def test_locate_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "locate", RELEASED.replace("released", "freed"), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["verdict"] == "near"
    assert (report["paragraph"], report["section"]) == (3, REPATRIATIONS)
    assert report["brief_text"] == RELEASED
    assert report["given_text"] == RELEASED.replace("released", "freed")
    assert 0.9 < report["similarity"] < 1
    assert {"kind": "changed", "brief": "released", "given": "freed"} in report["differences"]
    assert "ev-1953-08-release-of-3313" in report["records"]
    assert report["records"][-1] == "pa-03"  # the passage, quoting it whole, last
    assert "under “Korean War Repatriations,”" in report["citation"]
    assert report["reason"] == "" and report["truncated"] is False


def test_locate_json_when_absent(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "locate", "Operation Glory", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["verdict"] == "absent"
    assert report["paragraph"] is None and report["records"] == []
    assert report["reason"].startswith("too few words")


def test_locate_reads_standard_input() -> None:
    done = run_with_stdin(RELEASED.replace("released", "freed").encode() + b"\n", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.decode("utf-8"))
    assert (report["verdict"], report["paragraph"]) == ("near", 3)


def test_locate_reads_standard_input_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RELEASED.encode())))
    code, out, _ = run(capsys, "locate", "-")
    assert code == 0
    assert out.splitlines()[0] == "Word for word in paragraph 3 (Korean War Repatriations)."


@pytest.mark.parametrize("text", ["", "   ", "…"])
def test_locate_with_no_words_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, out, err = run(capsys, "locate", text)
    assert code == 2 and out == ""
    assert err.splitlines() == ["mia-desktop: nothing to locate: the text has no words"]


def test_locate_with_empty_standard_input_is_refused_in_one_line() -> None:
    done = run_with_stdin(b"")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().splitlines() == [
        "mia-desktop: nothing to locate: the text has no words"
    ]


def test_locate_with_standard_input_not_utf8_is_refused_in_one_line() -> None:
    done = run_with_stdin(b"A further \xff\xfe Americans")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().splitlines() == [
        "mia-desktop: standard input is not valid UTF-8 text"
    ]


def test_locate_a_megabyte_paste_returns_and_says_it_was_cut() -> None:
    data = (RELEASED + " ").encode() + b"lorem ipsum dolor " * 60_000
    assert len(data) > 1_000_000
    started = time.perf_counter()
    done = run_with_stdin(data)
    assert time.perf_counter() - started < 30
    assert done.returncode == 1  # the paste as a whole is not the brief's
    lines = done.stdout.decode().splitlines()
    assert lines[0].startswith("Not in the brief: ")
    assert f"Note: only the first {MAX_CHARS:,} characters were compared." in lines


def test_locate_prints_no_terminal_escape_sequences(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "locate", RELEASED.replace("released", "\x1b[2Jreleased"))
    assert code == 0
    assert "\x1b" not in out
    assert "\\x1b" in out


def test_locate_with_a_bad_database_exits_2(run_mia: Run) -> None:
    done = run_mia("--db", "/nonexistent/file.db", "locate", RELEASED)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_locate_is_in_the_help(run_mia: Run) -> None:
    done = run_mia("--help")
    assert "locate" in done.stdout
