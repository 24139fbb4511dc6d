"""How a location reads: the one-line verdict, and the comparison marked word by word."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from mia_desktop.search.locate import Location

# -- what a user reads ----------------------------------------------------------------


def describe(location: Location) -> str:
    """The verdict in one line: "Word for word in paragraph 3 (Korean War Repatriations)."."""
    if location.verdict == "absent":
        return f"Not in the brief: {location.reason}."
    where = f"paragraph {location.paragraph} ({location.heading})"
    if location.verdict == "exact":
        return f"Word for word in {where}."
    count = location.differing_words
    words = "1 word differs" if count == 1 else f"{count} words differ"
    return f"Near match in {where}: {words}."


class Marks(NamedTuple):
    """How a comparison shows each kind of run (see marked)."""

    text: Callable[[str], str]  # the brief's own words and the gaps between runs
    missing: Callable[[str], str]
    added: Callable[[str], str]
    changed: Callable[[str, str], str]
    omitted: str


TERMINAL_MARKS = Marks(
    text=lambda words: words,
    missing=lambda brief: f"[-{brief}-]",
    added=lambda given: f"{{+{given}+}}",
    changed=lambda brief, given: f"[-{brief}-]{{+{given}+}}",
    omitted="[…]",
)


def marked(location: Location, marks: Marks) -> str:
    """The brief's words for the span, with each run that differs shown by `marks`."""
    if location.start is None:
        return ""
    pieces: list[str] = []
    base = location.start
    position = base
    for run in location.differences:
        if run.kind == "added":
            mark = marks.added(run.given)
            if run.brief_start <= location.start and not pieces:
                pieces.append(mark + " ")
            else:
                pieces.append(" " + mark)
            continue
        pieces.append(marks.text(location.brief_text[position - base : run.brief_start - base]))
        position = run.brief_end
        if run.kind == "same":
            pieces.append(marks.text(run.brief))
        elif run.kind == "omitted":
            pieces.append(marks.omitted)
        elif run.kind == "missing":
            pieces.append(marks.missing(run.brief))
        else:
            pieces.append(marks.changed(run.brief, run.given))
    return "".join(pieces)


def word_diff(location: Location) -> str:
    """The brief's words for the span, marked like `git diff --word-diff`: [-the brief's-]
    {+the given text's+}, and […] where an ellipsis leaves words out."""
    return marked(location, TERMINAL_MARKS)


def location_json(
    location: Location, record_ids: list[str], citation: str | None
) -> dict[str, object]:
    """A location as `mia-desktop locate --json` prints it."""
    return {
        "verdict": location.verdict,
        "paragraph": location.paragraph,
        "section": location.section,
        "subsection": location.subsection,
        "start": location.start,
        "end": location.end,
        "brief_text": location.brief_text,
        "given_text": location.given_text,
        "similarity": location.similarity,
        "differing_words": location.differing_words,
        "only_spelling_differs": location.only_spelling_differs,
        "differences": [
            {"kind": d.kind, "brief": d.brief, "given": d.given} for d in location.differences
        ],
        "records": record_ids,
        "citation": citation,
        "reason": location.reason,
        "notes": list(location.notes),
        "truncated": location.truncated,
        "closest_paragraph": location.closest_paragraph,
        "closest_similarity": location.closest_similarity,
        "also_fits": list(location.also_fits),
    }


def terminal_report(location: Location, quoted_by: list[str], citation: str | None) -> list[str]:
    """A location as `mia-desktop locate` prints it: the verdict, notes, the comparison,
    the records that quote the span (one line each) and the citation."""
    lines = [describe(location), *(f"Note: {note}." for note in location.notes)]
    if location.verdict == "absent":
        return lines
    lines += ["", word_diff(location)]
    if quoted_by:
        lines += ["", "Quoted by:", *quoted_by]
    return [*lines, "", f"Citation: {citation}"]
