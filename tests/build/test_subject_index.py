"""The subject index is checked like the records: every record under a heading, every id a
record, every "see also" a heading; its words are searched and never quoted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mia_desktop.build import BuildError, check_resources


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _problems(resources: Path) -> list[str]:
    with pytest.raises(BuildError) as caught:
        check_resources(resources)
    return caught.value.problems


def test_every_record_is_under_a_heading_in_the_shipped_index() -> None:
    from mia_desktop import paths

    checked = check_resources(paths.resources_dir())
    listed = {r for h in checked.curation.index_headings for r in h.records}
    # The brief's records, as the build checks it: a later source's are summaries of
    # their sources, not indexed (build/__init__.py checks the index before adding them).
    assert listed == {r.id for r in checked.curation.records if not r.is_later}
    assert len(checked.curation.index_headings) >= 40


def test_a_record_under_no_heading_is_refused(resources_copy: Path) -> None:
    index = resources_copy / "index.toml"
    text = index.read_text(encoding="utf-8")
    # Drop pa-16 from every heading that lists it.
    index.write_text(re.sub(r'"pa-16",?\s*', "", text), encoding="utf-8")
    assert "index.toml: record 'pa-16' is under no heading" in _problems(resources_copy)


def test_unknown_ids_and_see_also_are_refused(resources_copy: Path) -> None:
    _append(
        resources_copy / "index.toml",
        '\n[[heading]]\nterm = "Made up"\nwords = ["x"]\nasks = ["who"]\n'
        'records = ["ev-no-such-record"]\nsee_also = ["No such heading"]\n',
    )
    problems = _problems(resources_copy)
    assert "index.toml: 'Made up': no record 'ev-no-such-record'" in problems
    assert "index.toml: 'Made up': see also 'No such heading' is not another heading" in problems


def test_a_question_word_the_search_does_not_know_is_refused(resources_copy: Path) -> None:
    _append(
        resources_copy / "index.toml",
        '\n[[heading]]\nterm = "Made up"\nasks = ["how"]\nrecords = ["pa-01"]\n',
    )
    assert "index.toml: 'Made up': asks may only hold who, why" in _problems(resources_copy)


def test_a_heading_twice_is_refused(resources_copy: Path) -> None:
    _append(
        resources_copy / "index.toml",
        '\n[[heading]]\nterm = "Punchbowl"\nrecords = ["pa-04"]\n'
        '\n[[heading]]\nterm = "Punchbowl"\nrecords = ["pa-04"]\n',
    )
    assert "index.toml: heading 'Punchbowl' appears more than once" in _problems(resources_copy)
