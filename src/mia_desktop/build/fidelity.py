"""A record's own words say no more than its quote: its hedges kept, its numbers, years and
names found in the quote, and an open-ended phrase never shown as a closed range.

These are the mechanical classes of an independent fact-check (issue 14); what they cannot
see (a shift of tense, a claim in other words) is left to review, docs/fidelity.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mia_desktop.records import Batch, Country, Effort, Figure, Passage, Record

# A hedge in the brief -> the words that carry it in ours. Hedges of a number only count
# before one ("over 4,000", not "took over").
_NUMBER_AHEAD = r"(?= (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty))"
HEDGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "estimate": (r"\bestimat\w*", ("estimat",)),
    "about": (rf"\babout{_NUMBER_AHEAD}", ("about", "approximately", "around", "roughly")),
    "approximately": (r"\bapproximately\b", ("approximately", "about", "around", "roughly")),
    "over": (rf"\bover{_NUMBER_AHEAD}", ("over", "more than")),
    "more than": (rf"\bmore than{_NUMBER_AHEAD}", ("more than", "over")),
    "at least": (r"\bat least\b", ("at least",)),
    "fewer than": (r"\bfewer than\b", ("fewer than", "less than")),
    "as many as": (r"\bas many as\b", ("as many as", "up to")),
    "up to": (rf"\bup to{_NUMBER_AHEAD}", ("up to", "as many as")),
    "believed": (r"\bbelieved?\b", ("believe",)),
    "reportedly": (r"\breportedly\b", ("reportedly", "reported")),
    "may have": (r"\bmay have\b", ("may have", "might have", "possibly")),
    "primarily": (r"\bprimarily\b", ("primarily", "mostly", "mainly", "chiefly")),
}
# The qualifier that carries each hedge of a number.
_QUALIFIERS = {
    "estimate": {"estimated", "estimated range"},
    "about": {"about", "approximately"},
    "approximately": {"approximately", "about"},
    "over": {"over", "more than"},
    "more than": {"more than", "over"},
    "at least": {"at least"},
    "fewer than": {"fewer than"},
    "as many as": {"as many as", "up to"},
    "up to": {"up to", "as many as"},
}

_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\w.])\d+")
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
}  # fmt: skip
# Words that may start a name but are ordinary English at a sentence's start or in a title.
_NOT_NAMES = frozenset(
    {
        "A",
        "An",
        "And",
        "As",
        "At",
        "But",
        "By",
        "During",
        "For",
        "From",
        "He",
        "If",
        "In",
        "It",
        "Its",
        "Of",
        "On",
        "Or",
        "She",
        "Since",
        "So",
        "That",
        "The",
        "Their",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "To",
        "Under",
        "Until",
        "When",
        "Where",
        "Which",
        "While",
        "Who",
        "With",
    }
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*[\w]")
_BRIEF_DATE = "October 2015"  # the brief's own date: "status as of October 2015"
_OPEN_ENDED = re.compile(r"\bsince ((?:19|20)\d\d)\b|\bcontinu\w* (?:today|to this day)\b", re.I)


def own_words(record: Record) -> dict[str, str]:
    """The fields written in our words, by name (the quote is the brief's)."""
    words = {"title": record.title, "text": record.text}
    if isinstance(record, Effort):
        words |= {"status_detail": record.status_detail, "outcome": record.outcome}
    if isinstance(record, Figure):
        words["measure"] = record.measure
    return words


def check_fidelity(records: Iterable[Record]) -> list[str]:
    problems: list[str] = []
    records = list(records)
    aliases = _country_aliases(records)
    for record in records:
        if isinstance(record, Passage):
            continue  # a paragraph of the brief, in the brief's own words
        problems += _hedges_kept(record)
        problems += _numbers_in_quote(record)
        problems += _names_in_quote(record, aliases)
        problems += _open_ends_kept(record)
    return problems


# -- hedges ------------------------------------------------------------------------------


def _qualifier(record: Record) -> str | None:
    if isinstance(record, Figure):
        return record.qualifier
    if isinstance(record, Batch):
        return record.count_qualifier
    return None


def _hedges_kept(record: Record) -> list[str]:
    problems = []
    qualifier = _qualifier(record)
    for name, (pattern, carriers) in HEDGES.items():
        found = re.search(pattern, record.quote, re.IGNORECASE)
        if found is None:
            continue
        if qualifier in _QUALIFIERS.get(name, set()):
            continue
        if not _carries(record.text, carriers):
            problems.append(
                f"{record.id}: the quote hedges ({found.group()!r}) but the text does not"
                f" (say {' or '.join(repr(c) for c in carriers)})"
            )
        # A hedge of a number also belongs in a title that gives that number.
        governed = _governed_number(record.quote, found.end()) if name in _QUALIFIERS else None
        if governed and governed in _numbers(record.title) and not _carries(record.title, carriers):
            problems.append(
                f"{record.id}: the title gives {governed:,} without the quote's hedge"
                f" ({found.group()!r})"
            )
    return problems


def _carries(text: str, carriers: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(carrier in lowered for carrier in carriers)


def _governed_number(quote: str, after: int) -> int | None:
    """The first number within eight words after a hedge: the one it qualifies."""
    window = " ".join(quote[after:].split()[:8])
    numbers = _numbers(window)
    return min(numbers, key=lambda n: window.find(f"{n:,}")) if numbers else None


def _numbers(text: str) -> set[int]:
    found = {int(m.group().replace(",", "")) for m in _NUMBER.finditer(text)}
    words = re.findall(r"[a-z]+", text.lower())
    return found | {_WORD_NUMBERS[w] for w in words if w in _WORD_NUMBERS}


# -- numbers, years and names ------------------------------------------------------------


def _numbers_in_quote(record: Record) -> list[str]:
    quoted = _numbers(record.quote.replace("-", " "))
    problems = []
    for field, value in own_words(record).items():
        stated = {
            int(m.group().replace(",", ""))
            for m in _NUMBER.finditer(value.replace(_BRIEF_DATE, ""))
        }
        for number in sorted(stated - quoted):
            problems.append(f"{record.id}: {field} gives {number} but the quote does not")
    return problems


def _country_aliases(records: list[Record]) -> list[set[str]]:
    """Each country's names as sets of words: a text may name a country as its quote does
    by another name ("North Korea" for "DPRK")."""
    groups = []
    for record in records:
        if isinstance(record, Country):
            names = {record.title, *record.names}
            words = {_bare(word) for name in names for word in name.split()}
            groups.append(words | {_bare(name) for name in names})
    return groups


def _bare(word: str) -> str:
    return word.rstrip(".")


def _initials_in(word: str, text: str) -> bool:
    """An abbreviation of words in the quote: "GAO" for "Government Accountability Office"."""
    if not (word.isupper() and len(word) >= 2):
        return False
    capitals = "".join(w[0] for w in re.findall(r"\b[A-Z][a-z]+", text))
    return word in capitals


def _names_in_quote(record: Record, aliases: list[set[str]]) -> list[str]:
    quote = record.quote
    problems = []
    for field, value in own_words(record).items():
        if field == "title" and isinstance(record, Country):
            continue  # the country's own name
        value = value.replace(_BRIEF_DATE, "")
        for match in _CAPITALISED.finditer(value):
            word = match.group()
            if word in _NOT_NAMES:
                continue
            if _sentence_start(value, match.start()) and (
                not _name_like(word, value, match.end())
                or re.search(rf"\b{re.escape(word)}\b", quote, re.IGNORECASE)
            ):
                continue  # an ordinary word capitalised to begin a sentence
            if _word_in(word, quote) or _initials_in(word, quote):
                continue
            if any(
                _bare(word) in group and any(_word_in(name, quote) for name in group)
                for group in aliases
            ):
                continue
            problems.append(f"{record.id}: {field} names {word!r}, which its quote does not")
    return problems


def _word_in(word: str, text: str) -> bool:
    stem = re.sub(r"(’s|'s)$", "", word)
    return re.search(rf"(?<!\w){re.escape(stem)}", text) is not None


def _name_like(word: str, text: str, end: int) -> bool:
    """A sentence's first word is a name if it is an abbreviation, a possessive, or the first
    of several capitalised words ("Gen. Mark Clark", "North Korea")."""
    following = text[end:].lstrip(".").lstrip()
    return (
        (word.isupper() and len(word) >= 2)
        or word.endswith(("'s", "’s"))
        or bool(following[:1].isupper())
    )


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in '.:;!?(“"—–'


# -- open ends ---------------------------------------------------------------------------


def _open_ends_kept(record: Record) -> list[str]:
    date = record.date
    if date is None or ".." in date.value or "/" not in date.value:
        return []
    match = _OPEN_ENDED.search(record.quote)
    if match is None:
        return []
    start = date.value.split("/")[0][:4]
    if match.group(1) and match.group(1) != start:
        return []  # "since 1982" about another start than this record's range
    return [
        f"{record.id}: the quote is open-ended ({match.group()!r}) but the date is the closed"
        f" range {date.label!r}; use an open end ({start}/..) labelled as the brief says"
    ]
