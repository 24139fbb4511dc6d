"""The build refuses bad resources with a message that names the record and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from mia_desktop.build import BuildError, check_resources
from mia_desktop.build.numbers import number_in_text, parse_number


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(resources: Path) -> list[str]:
    with pytest.raises(BuildError) as caught:
        check_resources(resources)
    return caught.value.problems


def _first_value(path: Path, key: str) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{key} = "):
            return line.removeprefix(f"{key} = ")
    raise AssertionError(f"no {key} in {path}")


def test_the_shipped_resources_pass() -> None:
    from mia_desktop import paths

    checked = check_resources(paths.resources_dir())
    assert len(checked.curation.records) > 60


def test_a_quote_that_is_not_verbatim_is_refused(resources_copy: Path) -> None:
    events = resources_copy / "records" / "events.toml"
    _edit(events, "“Operation Glory” in 1954.", "Operation Glory in 1954.")
    assert any("quote is not verbatim" in p for p in _problems(resources_copy))


def test_a_glued_note_marker_in_a_title_is_refused(resources_copy: Path) -> None:
    events = resources_copy / "records" / "events.toml"
    title = _first_value(events, "title")
    _edit(events, f"title = {title}", 'title = "Returned in 1954.5"')
    assert any("glued note marker" in p for p in _problems(resources_copy))


def test_a_figure_whose_number_is_not_in_its_quote_is_refused(resources_copy: Path) -> None:
    figures = resources_copy / "records" / "figures.toml"
    _edit(figures, 'value_text = "7,800"', 'value_text = "7,900"')
    problems = _problems(resources_copy)
    assert any("'7,900' is not in the quote" in p for p in problems)
    assert any("number 7,800 is the value of no figure" in p for p in problems)


def test_an_event_without_a_date_is_refused(resources_copy: Path) -> None:
    events = resources_copy / "records" / "events.toml"
    text = events.read_text(encoding="utf-8")
    date_line = next(line for line in text.splitlines() if line.startswith("date = "))
    _edit(events, date_line + "\n", "")
    assert any("missing field 'date'" in p for p in _problems(resources_copy))


def test_a_date_not_in_the_quote_must_say_why_it_is_derived(resources_copy: Path) -> None:
    events = resources_copy / "records" / "events.toml"
    _edit(events, 'date = "1954"', 'date = "1955"')
    assert any("'1955' is not in the quote" in p for p in _problems(resources_copy))


@pytest.mark.parametrize(
    ("periods", "expected"),
    [
        ('["1951/1956", "1983/.."]', "'1983' is not in the quote"),
        ('["1982/..", "1951/1956"]', "does not start after the one before"),
        ('["1951/..", "1982/.."]', "only the last period can be open-ended"),
        ('["1952/1956", "1982/.."]', "do not span its date"),
        ('["1951/.."]', "lists one period"),
    ],
)
def test_periods_must_split_the_date_as_the_quote_does(
    resources_copy: Path, periods: str, expected: str
) -> None:
    efforts = resources_copy / "records" / "efforts.toml"
    _edit(efforts, 'periods = ["1951/1956", "1982/.."]', f"periods = {periods}")
    assert any(expected in p for p in _problems(resources_copy))


def test_an_uncited_endnote_is_refused(resources_copy: Path) -> None:
    # Drop every record that quotes the sentence ending with note 23 (the KCNA statement).
    import tomllib

    for path in (resources_copy / "records").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        kind, entries = next(iter(data.items()))
        kept = [e for e in entries if "carried away en masse" not in e["quote"]]
        if len(kept) != len(entries):
            path.write_text(_dump(kind, kept), encoding="utf-8")
    problems = _problems(resources_copy)
    assert any(p.startswith("note 23 (marker 24") for p in problems)


def test_unknown_fields_are_refused(resources_copy: Path) -> None:
    events = resources_copy / "records" / "events.toml"
    first_id = _first_value(events, "id")
    _edit(events, f"id = {first_id}", f'id = {first_id}\nwhen = "1954"')
    assert any("unknown field 'when'" in p for p in _problems(resources_copy))


def test_links_to_unknown_records_are_refused(resources_copy: Path) -> None:
    events = resources_copy / "records" / "events.toml"
    related = _first_value(events, "related")
    _edit(events, f"related = {related}", 'related = ["ef-no-such-thing"]')
    assert any("ef-no-such-thing" in p for p in _problems(resources_copy))


def test_broken_toml_is_reported_with_its_file(resources_copy: Path) -> None:
    (resources_copy / "records" / "batches.toml").write_text("[[batch]\nid = ", encoding="utf-8")
    assert any("batches.toml: not valid TOML" in p for p in _problems(resources_copy))


def test_an_alias_in_two_groups_is_refused(resources_copy: Path) -> None:
    search = resources_copy / "search.toml"
    search.write_text(
        search.read_text(encoding="utf-8") + '\n[[alias]]\nterms = ["K208", "Kay 208"]\n',
        encoding="utf-8",
    )
    assert any("'K208' is in alias groups" in p for p in _problems(resources_copy))


@pytest.mark.parametrize(
    ("text", "value"),
    [("7,800", 7800), ("six", 6), ("One", 1), ("375-400", (375, 400)), ("208", 208), ("x", None)],
)
def test_parse_number(text: str, value: object) -> None:
    assert parse_number(text) == value


def test_number_in_text_accepts_separators_and_words() -> None:
    assert number_in_text(4000, "returned over 4,000 sets")
    assert number_in_text(6, "an additional six U.S. military personnel")
    assert not number_in_text(20, "Since 1982, 120 sets")
    assert not number_in_text(4, "returned over 4,000 sets")


def _dump(kind: str, entries: list[dict[str, object]]) -> str:
    import json

    blocks = []
    for entry in entries:
        lines = [f"[[{kind}]]"]
        for key, value in entry.items():
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
