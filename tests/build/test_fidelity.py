"""The build refuses a record whose own words say more than its quote: each mechanical class
of the fact-check, shown by one defective record added to a scratch copy of resources/."""

from __future__ import annotations

from pathlib import Path

import pytest

from mia_desktop.build import BuildError, check_resources

BURIED = (
    "The U.S. military estimates that 5,300 of these service members were buried in North Korea."
)
SINCE_1982 = (
    "Since 1982, 20 sets of remains from South Korea have been recovered, and 11 identified."
)


def _problems_with(resources: Path, kind_file: str, toml: str) -> list[str]:
    path = resources / "records" / kind_file
    path.write_text(path.read_text(encoding="utf-8") + "\n" + toml, encoding="utf-8")
    try:
        check_resources(resources)
    except BuildError as error:
        # "ev-defect: ..." as the checks across records say it, without a file's prefix
        return [
            p[p.index("-defect") - 2 :]
            for p in error.problems
            # (the subject index lists no test record: what it says of them is not a defect)
            if ("ev-defect" in p or "fi-defect" in p) and not p.startswith("index.toml")
        ]
    return []


def _event(
    title: str, text: str, quote: str, date: str = "2015-10", precision: str = "month"
) -> str:
    return f'''[[event]]
id = "ev-defect"
title = "{title}"
text = "{text}"
quote = "{quote}"
date = "{date}"
date_precision = "{precision}"
date_derived_because = "A test."
category = "statement"
countries = []
related = []
'''


def _figure(title: str, text: str, qualifier: str) -> str:
    return f'''[[figure]]
id = "fi-defect"
title = "{title}"
text = "{text}"
quote = "{BURIED}"
measure = "service members buried in North Korea"
value = 5300
value_text = "5,300"
qualifier = "{qualifier}"
unit = "service members"
date = "2015-10"
date_precision = "month"
date_derived_because = "A test."
countries = []
related = []
'''


def test_a_lost_hedge_is_refused(resources_copy: Path) -> None:
    figure = _figure(
        "5,300 buried in North Korea", "5,300 service members were buried in North Korea.", "exact"
    )
    problems = _problems_with(resources_copy, "figures.toml", figure)
    assert any("the quote hedges ('estimates') but the text does not" in p for p in problems)
    assert any("the title gives 5,300 without the quote's hedge" in p for p in problems)


def test_a_hedge_in_the_qualifier_is_enough_for_the_text(resources_copy: Path) -> None:
    figure = _figure(
        "An estimated 5,300 buried in North Korea",
        "Service members the U.S. military thinks were buried in North Korea.",
        "estimated",
    )
    assert _problems_with(resources_copy, "figures.toml", figure) == []


def test_a_number_or_year_not_in_the_quote_is_refused(resources_copy: Path) -> None:
    event = (
        _event(
            "Over 7,800 unaccounted for in 1955",
            "In 1955, 7,900 were still unaccounted for.",
            "Over 7,800 U.S. military personnel who fought in the Korean War are “unaccounted for,”"
            " a term used to describe those who remained captive or missing at the conclusion of"
            " hostilities, or those killed in action whose remains have not been located,"
            " recovered, and identified.",
        )
        .replace("“", "\\u201c")
        .replace("”", "\\u201d")
    )
    problems = _problems_with(resources_copy, "events.toml", event)
    assert "ev-defect: title gives 1955 but the quote does not" in problems
    assert "ev-defect: text gives 7900 but the quote does not" in problems
    assert not any("gives 7800" in p for p in problems)  # "7,800" is in the quote


def test_a_name_not_in_the_quote_is_refused(resources_copy: Path) -> None:
    event = _event(
        "Truman's administration is advised",
        "The administration of President Truman accepted advice not to publicize the matter.",
        "The Eisenhower administration reportedly accepted advice not to publicize the transfer"
        " of POWs, both to spare the families pain and to avoid a call for a resumption of"
        " military action.",
    )
    problems = _problems_with(resources_copy, "events.toml", event)
    assert """ev-defect: title names "Truman's", which its quote does not""" in problems
    assert "ev-defect: text names 'President', which its quote does not" in problems
    # and the quote's "reportedly" is missing from the text
    assert any("the quote hedges ('reportedly')" in p for p in problems)


def test_an_open_ended_phrase_shown_as_a_closed_range_is_refused(resources_copy: Path) -> None:
    event = _event(
        "Since 1982, 20 sets recovered in South Korea",
        "Since 1982, 20 sets of remains from South Korea have been recovered, and 11 identified.",
        SINCE_1982,
        date="1982/2015",
        precision="range",
    )
    problems = _problems_with(resources_copy, "events.toml", event)
    assert any(
        "the quote is open-ended ('Since 1982') but the date is the closed range" in p
        for p in problems
    )


@pytest.mark.parametrize(
    ("qualifier", "shown"),
    [("estimated", "estimated 5,300"), ("over", "over 5,300"), ("exact", "5,300")],
)
def test_a_figure_is_shown_with_its_qualifier(qualifier: str, shown: str) -> None:
    from mia_desktop.present.values import count_text

    assert count_text(5300, qualifier) == shown
