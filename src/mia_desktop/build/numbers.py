"""Numbers as the brief writes them: figures ("3,313", "375-400", "six"), and whether a number
stands in a text."""

from __future__ import annotations

import re

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def parse_number(text: str) -> int | tuple[int, int] | None:
    """ "7,800" -> 7800, "six" -> 6, "375-400" -> (375, 400); None if it is no number."""
    cleaned = text.strip().lower()
    if cleaned in _WORD_NUMBERS:
        return _WORD_NUMBERS[cleaned]
    range_match = re.fullmatch(r"(\d[\d,]*)\s*[-–]\s*(\d[\d,]*)", cleaned)
    if range_match:
        low, high = (int(g.replace(",", "")) for g in range_match.groups())
        return low, high
    if re.fullmatch(r"\d{1,3}(,\d{3})*|\d+", cleaned):
        return int(cleaned.replace(",", ""))
    return None


def number_in_text(number: int, text: str) -> bool:
    """Whether a count is written in the text, with or without thousands separators or as a word."""
    forms = {str(number), f"{number:,}"}
    forms |= {word for word, value in _WORD_NUMBERS.items() if value == number}
    return any(
        re.search(rf"(?<![\w,]){re.escape(form)}(?![\w]|,\d)", text, re.IGNORECASE)
        for form in forms
    )
