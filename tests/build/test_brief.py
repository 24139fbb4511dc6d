"""The brief's parser: paragraphs, sections, sentences and the quirky endnote markers."""

from __future__ import annotations

import pytest

from mia_desktop import paths
from mia_desktop.build.brief import Brief, load_brief, parse_brief, strip_markers


@pytest.fixture(scope="module")
def brief() -> Brief:
    return load_brief(paths.resources_dir() / "source" / "korean-war-pow-mias-2015.txt")


def test_resources_copy_is_the_shared_source_byte_for_byte() -> None:
    shared = paths.REPO_ROOT.parent / "shared" / "source" / "korean-war-pow-mias-2015.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside this checkout")
    ours = paths.resources_dir() / "source" / "korean-war-pow-mias-2015.txt"
    assert ours.read_bytes() == shared.read_bytes()


def test_title_dateline_and_sections(brief: Brief) -> None:
    assert brief.title == "Korean War POW/MIAs"
    assert brief.dateline == "Last Updated October 2015"
    assert brief.sections == (
        "Introduction",
        "Korean War Repatriations",
        "Remains Recovery and Identification",
        "Remains Recovery Operations in North Korea",
        "Joint Field Activities and Archival Research in South Korea, China, and Russia",
    )
    assert len(brief.paragraphs) == 16


def test_run_in_subheads_carry_over_to_the_next_paragraph(brief: Brief) -> None:
    subsections = {p.number: p.subsection for p in brief.paragraphs if p.subsection}
    assert subsections == {13: "South Korea", 14: "China", 15: "China", 16: "Russia"}
    assert brief.paragraph(13).text[brief.paragraph(13).body_start :].startswith("Although")


def test_thirty_two_markers_numbered_one_to_thirty_one_with_three_twice(brief: Brief) -> None:
    numbers = [m.number for m in brief.markers]
    assert len(numbers) == 32
    assert numbers == [1, 2, 3, *range(3, 32)]
    assert [m.ordinal for m in brief.markers] == list(range(1, 33))


def test_year_followed_by_a_note_keeps_the_year(brief: Brief) -> None:
    paragraph = brief.paragraph(4)
    assert paragraph.sentences[0].text.endswith("“Operation Glory” in 1954.")
    assert paragraph.sentences[0].notes == (5,)
    assert "1954.5" in paragraph.raw and "1954.5" not in paragraph.text


def test_marker_after_a_quote_and_a_space_is_found(brief: Brief) -> None:
    ndaa = brief.paragraph(7).sentences[1]
    assert ndaa.text.endswith("annually by 2015.”")
    assert ndaa.notes == (9,)


def test_each_marker_ends_its_sentence(brief: Brief) -> None:
    for marker in brief.markers:
        sentence = brief.paragraph(marker.paragraph).sentences[marker.sentence]
        assert sentence.end == marker.offset
        assert marker.number in sentence.notes


def test_abbreviations_do_not_split_sentences_but_a_clause_after_us_does(brief: Brief) -> None:
    clark = brief.paragraph(3).sentences[4]
    assert clark.text.startswith("At the time, Gen. Mark Clark, commander of U.S. Forces")
    china = brief.paragraph(15).sentences
    assert china[1].text.endswith("provide relevant information to the U.S.")
    assert china[2].text.startswith("While progress under this agreement")


def test_sentence_count(brief: Brief) -> None:
    # Counted by hand from the brief.
    per_paragraph = [3, 5, 5, 4, 4, 2, 4, 3, 5, 4, 6, 2, 3, 2, 5, 5]
    assert [len(p.sentences) for p in brief.paragraphs] == per_paragraph


@pytest.mark.parametrize(
    ("raw", "clean", "notes"),
    [
        ("identified.1 The", "identified. The", [1]),
        ("in 1954.5 Eventually", "in 1954. Eventually", [5]),
        ("structure.”12 Subsequent", "structure.” Subsequent", [12]),
        ("by 2015.” 9 New", "by 2015.” New", [9]),
        ("etc…”23", "etc…”", [23]),
        ("the U.S.3", "the U.S.", [3]),
        ("from 375-400 remains.", "from 375-400 remains.", []),
    ],
)
def test_strip_markers(raw: str, clean: str, notes: list[int]) -> None:
    text, found = strip_markers(raw)
    assert text == clean
    assert [number for _, number in found] == notes


def test_parse_rejects_text_without_body() -> None:
    with pytest.raises(ValueError, match="fewer than three blocks"):
        parse_brief("Only a title")
