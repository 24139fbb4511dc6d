"""Words as the index sees them: tokens, folding, word families, distinct words' marks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# unicode61 treats every character that is not a letter or digit as a separator, so a
# token here is a run of letters and digits; punctuation never reaches FTS5 syntax.
_TOKEN = re.compile(r"[^\W_]+")
THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")


# A family joins a verb, its noun and their inflections: identify, identifies, identified,
# identification. Suffixes are taken off longest first, leaving at least MIN_STEM letters.
_FAMILY_SUFFIXES = sorted(
    (
        "ifications", "ification", "ifying", "ifies", "ified", "ify",
        "izations", "ization", "izing", "izes", "ized", "ize",
        "ments", "ment", "ations", "ation", "ating", "ated", "ates", "ate",
        "ions", "ion", "ings", "ing", "ied", "ies", "ed", "es", "s", "y",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
MIN_STEM = 5  # "miss" would join missing to mission
MIN_FAMILY_WORD = 5  # shorter words are left to the stemmer: "uses" is not "usual"
MAX_FORMS = 6


def family_key(word: str) -> str:
    """What the words of one family share: "identification" and "identifies" -> "ident"."""
    for suffix in _FAMILY_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


# Around a word, this makes a token no word of the brief is, and which the stemmer leaves
# whole ("zzremainszz", "zzremainedzz"), so each form keeps a token of its own.
DISTINCT_MARK = "zz"


def distinct_mark(word: str) -> str:
    """The token indexed for each form of a distinct word ("remains")."""
    return f"{DISTINCT_MARK}{fold(word)}{DISTINCT_MARK}"


class DistinctFamilies:
    """The families of the distinct words: one rule for which words the build marks and
    which the search matches by their marks (the two must agree, or a search finds none)."""

    def __init__(self, distinct_words: Iterable[str]) -> None:
        self._keys = frozenset(family_key(fold(word)) for word in distinct_words)

    def __contains__(self, word: str) -> bool:
        return family_key(fold(word)) in self._keys


def fold(text: str) -> str:
    """Lowercase without diacritics, as the index sees words ("P'yŏngyang" -> "p'yongyang")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[str]:
    """Index tokens of a text, with "3,313" read as the single number 3313."""
    return _TOKEN.findall(THOUSANDS.sub(lambda m: m.group().replace(",", ""), text))


def normalized_tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in tokenize(text))
