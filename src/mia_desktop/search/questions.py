"""What a question asks for, by the words it opens with: how many, when, who, why."""

from __future__ import annotations

from collections.abc import Sequence

from mia_desktop.search.query import Term
from mia_desktop.search.words import fold

# What a question asks for, by the words it opens with. The words themselves are not
# searched: "who identifies remains" must match "identifies remains", not "who remained".
QUESTION_OPENINGS: dict[tuple[str, ...], str] = {
    ("how", "many"): "how many",
    ("how", "much"): "how many",
    ("what", "number"): "how many",
    ("what", "is", "the", "number"): "how many",
    ("what", "was", "the", "number"): "how many",
    ("when",): "when",
    ("since", "when"): "when",
    ("until", "when"): "when",
    ("what", "year"): "when",
    ("which", "year"): "when",
    ("in", "what", "year"): "when",
    ("in", "which", "year"): "when",
    ("what", "date"): "when",
    ("who",): "who",
    ("whom",): "who",
    ("which", "agency"): "who",
    ("which", "organization"): "who",
    ("which", "office"): "who",
    ("why",): "why",
    ("what", "reason"): "why",
    ("for", "what", "reason"): "why",
    ("how", "come"): "why",
}
_LEAD_INS = {"and", "but", "so", "then", "also", "ok", "okay", "please"}
ASKS = ("how many", "when", "who", "why")


def question(terms: Sequence[Term]) -> tuple[str | None, list[Term]]:
    """What a question asks for (one of ASKS, or None), and its terms without the asking
    words ("how many americans ..." -> ("how many", ["americans", ...]))."""
    words = [fold(t.text) if not t.quoted else "" for t in terms]
    start = 0
    while start < len(words) - 1 and words[start] in _LEAD_INS:
        start += 1
    for length in (4, 3, 2, 1):
        asks = QUESTION_OPENINGS.get(tuple(words[start : start + length]))
        if asks and len(terms) > start + length:  # a question word alone is searched
            return asks, [*terms[:start], *terms[start + length :]]
    return None, list(terms)
