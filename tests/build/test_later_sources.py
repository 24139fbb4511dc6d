"""The later sources (resources/later/): the build's checks, each refusing one broken fixture,
and what the shipped files hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from mia_desktop.build import BuildError, check_resources
from mia_desktop.records import Figure

LATER = Path("later")
FIRST_VALUE = 'id = "lf-unaccounted-for-2017-07-27"'


def _edit(path: Path, old: str, new: str, *, after: str = "") -> None:
    """Replace the first `old` (at or after the first `after`, when given)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    assert old in text[start:], f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")


def _problems(resources: Path) -> str:
    with pytest.raises(BuildError) as caught:
        check_resources(resources)
    return "\n".join(caught.value.problems)


def test_a_source_not_in_the_registry_is_refused(resources_copy: Path) -> None:
    figures = resources_copy / LATER / "figures.toml"
    _edit(figures, 'source = "dpaa-2017-07-27-progress"', 'source = "dpaa-2099-nowhere"')
    assert "source 'dpaa-2099-nowhere' is not in the registry" in _problems(resources_copy)


def test_a_later_record_that_holds_a_quote_is_refused(resources_copy: Path) -> None:
    figures = resources_copy / LATER / "figures.toml"
    _edit(figures, FIRST_VALUE, f'{FIRST_VALUE}\nquote = "7,740 remain unaccounted for."')
    assert "holds no quote" in _problems(resources_copy)


def test_a_value_without_its_as_of_date_is_refused(resources_copy: Path) -> None:
    figures = resources_copy / LATER / "figures.toml"
    _edit(figures, 'as_of = "2017-07-27"\n', "", after=FIRST_VALUE)
    assert "lf-unaccounted-for-2017-07-27: missing field 'as_of'" in _problems(resources_copy)


def test_a_value_in_another_unit_is_another_quantity(resources_copy: Path) -> None:
    figures = resources_copy / LATER / "figures.toml"
    _edit(figures, 'unit = "U.S. military personnel"', 'unit = "boxes"', after=FIRST_VALUE)
    assert "is not its quantity's" in _problems(resources_copy)


def test_a_later_event_before_the_brief_is_refused(resources_copy: Path) -> None:
    events = resources_copy / LATER / "events.toml"
    _edit(events, 'date = "2019-05-08"', 'date = "2014-05-08"')
    assert "a later event happens after October 2015" in _problems(resources_copy)


def test_a_pointer_only_source_is_never_a_source(resources_copy: Path) -> None:
    sources = resources_copy / LATER / "figure-sources.toml"
    _edit(sources, 'grade = "A"', 'grade = "C"')
    assert "grade 'C' is not one of" in _problems(resources_copy)


def test_a_source_defined_twice_is_refused(resources_copy: Path) -> None:
    sources = resources_copy / LATER / "figure-sources.toml"
    text = sources.read_text(encoding="utf-8")
    first = text[text.index("[[source]]") :].split("\n[[source]]")[0]
    sources.write_text(text + "\n" + first + "\n", encoding="utf-8")
    assert "is defined twice" in _problems(resources_copy)


def test_the_shipped_later_sources_hold_the_series_the_issue_asks_for() -> None:
    from mia_desktop import paths

    curation = check_resources(paths.resources_dir()).curation
    sources = {s.id: s for s in curation.sources}
    figures = [r for r in curation.records if isinstance(r, Figure) and r.quantity]
    series: dict[str, list[Figure]] = {}
    for figure in figures:
        assert figure.quantity is not None
        series.setdefault(figure.quantity, []).append(figure)
        if figure.is_later:
            assert figure.date is not None and figure.quote == ""
            assert sources[figure.source].grade in {"A", "A-m", "B"}
    years = sorted(f.date.value[:4] for f in series["unaccounted-for"] if f.date)
    assert years[0] == "1954" and years[-1] == "2024"
    rich = [
        key
        for key, values in series.items()
        if key != "unaccounted-for" and len(values) >= 3 and len({v.source for v in values}) >= 2
    ]
    assert len(rich) >= 5, rich
    later_events = [r for r in curation.records if r.kind == "event" and r.is_later]
    assert len(later_events) >= 15


def test_docs_sources_md_is_written_from_the_resources_as_they_are() -> None:
    import subprocess
    import sys

    from mia_desktop import paths

    done = subprocess.run(
        [sys.executable, str(paths.REPO_ROOT / "scripts" / "sources_doc.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
