"""The words compared when locating a text, the brief's and the given text's, normalised
(case, quotes, dashes, endnote numbers, thousands separators); how two spellings differ."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MAX_CHARS = 2_000  # only the start of a longer paste is compared: a quote is a sentence or two


# -- words ----------------------------------------------------------------------------

_SEPARATORS = r"\s\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # whitespace and dashes
_WORD = re.compile(rf"[^{_SEPARATORS}]+")
_ELLIPSIS = re.compile(r"\[?\s*(?:…|\.\s?\.\s?\.)\s*\]?")
# Curly or straight, single or double: one mark, so that only the words are compared.
QUOTES = str.maketrans(dict.fromkeys('“”„‘’\u201a`"', "'"))
SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_INNER_PERIOD = re.compile(r"(?<=[^\W\d])\.(?=[^\W\d])")  # "U.S" -> "US"
_EDGES = re.compile(r"^\W+|\W+$")
# An endnote number glued to a word or after its punctuation: "missing12", "1954.5", "for,”3".
_GLUED_NOTE = re.compile(r"^(.*?(?:[^\W\d]|[.,;:!?')\]]))([1-9]\d?)$")
_NOTE = re.compile(r"[1-9]\d?")
_NOTE_ALONE = re.compile(r"^[')\]]+[.,;:!?]*([1-9]\d?)$")
DIGIT = re.compile(r"\d")
ENDS_SENTENCE = re.compile(r"[.!?][')\]]*$")


def word_key(surface: str) -> str:
    text = SUPERSCRIPTS.sub("", surface).translate(QUOTES).casefold()
    text = _EDGES.sub("", text)
    return _INNER_PERIOD.sub("", _THOUSANDS.sub("", text))


def word_count(text: str) -> int:
    return sum(1 for w in _WORD.finditer(text) if word_key(w.group()))


@dataclass(frozen=True)
class Token:
    key: str
    start: int
    end: int
    gap_before: bool = False  # an ellipsis stands before it in the given text
    droppable: bool = False  # a lone number after a sentence: perhaps its endnote number
    note: str | None = None  # an endnote number glued to it, left out of the key
    ends_sentence: bool = False


@lru_cache(maxsize=64)
def brief_tokens(text: str) -> tuple[Token, ...]:
    tokens = []
    for match in _WORD.finditer(text):
        key = word_key(match.group())
        if key:
            tokens.append(Token(key, match.start(), match.end()))
    return tuple(tokens)


def given_tokens(text: str, vocabulary: frozenset[str]) -> tuple[list[Token], list[str]]:
    """The given text's words, and the endnote numbers glued to them (left out)."""
    tokens: list[Token] = []
    notes: list[str] = []
    position = 0
    gap = False
    for piece in [*_ELLIPSIS.finditer(text), None]:
        stop = piece.start() if piece else len(text)
        for match in _WORD.finditer(text, position, stop):
            surface = match.group()
            key = word_key(surface)
            alone = _NOTE_ALONE.match(surface.translate(QUOTES))
            if alone:  # "”23" after an ellipsis: the closing quote's endnote number
                notes.append(alone.group(1))
                continue
            if not key:
                continue
            note = None
            glued = _GLUED_NOTE.match(key)
            if key not in vocabulary and glued and word_key(glued.group(1)):
                key, note = word_key(glued.group(1)), glued.group(2)
            droppable = bool(
                note is None
                and _NOTE.fullmatch(key)
                and tokens
                and ENDS_SENTENCE.search(text[tokens[-1].start : tokens[-1].end].translate(QUOTES))
            )
            ends = bool(ENDS_SENTENCE.search(surface.translate(QUOTES)))
            if note and surface.endswith(note):  # "1954.5": the sentence ends before the note
                ends = bool(ENDS_SENTENCE.search(surface[: -len(note)].translate(QUOTES)))
            tokens.append(Token(key, match.start(), match.end(), gap, droppable, note, ends))
            if note:
                notes.append(note)
            gap = False
        if piece:
            position, gap = piece.end(), True
    return tokens, notes


def cut_to_limit(text: str) -> tuple[str, bool]:
    text = text.lstrip()
    if len(text) <= MAX_CHARS:
        return text.rstrip(), False
    cut = text[:MAX_CHARS]
    if not text[MAX_CHARS].isspace():
        space = max(cut.rfind(" "), cut.rfind("\n"), cut.rfind("\t"))
        if space > 0:
            cut = cut[:space]
    return cut.rstrip(), True


_CORE_STEPS = (
    ("capital letters", str.casefold),
    ("apostrophes", lambda s: s.translate(QUOTES)),
    ("punctuation", lambda s: _INNER_PERIOD.sub("", s)),
    ("thousands separators", lambda s: _THOUSANDS.sub("", s)),
)
_PARTS = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
_QUOTE_MARKS = re.compile("[“”„‘’\u201a`'\"]")
DASHES = re.compile(r"[\-\u2010-\u2015\u2212]")
SPELLING_ORDER = (
    "capital letters",
    "quotation marks",
    "apostrophes",
    "punctuation",
    "dashes",
    "spacing",
    "thousands separators",
    "endnote numbers",
)


def word_differences(brief: str, given: str) -> set[str]:
    """How two spellings of one word differ: in the word itself (a kind is named when the
    words would still differ without ignoring it), and in the punctuation around it."""
    found: set[str] = set()
    b_lead, b_core, b_trail = _PARTS.match(brief).groups()  # type: ignore[union-attr]
    g_lead, g_core, g_trail = _PARTS.match(given).groups()  # type: ignore[union-attr]
    if b_core != g_core:
        for name, _ in _CORE_STEPS:
            nb, ng = b_core, g_core
            for other, step in _CORE_STEPS:
                if other != name:
                    nb, ng = step(nb), step(ng)
            if nb != ng:
                found.add(name)
    b_edges, g_edges = f"{b_lead}|{b_trail}", f"{g_lead}|{g_trail}"
    if b_edges != g_edges:
        if _QUOTE_MARKS.findall(b_edges) != _QUOTE_MARKS.findall(g_edges):
            found.add("quotation marks")
        if _QUOTE_MARKS.sub("", b_edges) != _QUOTE_MARKS.sub("", g_edges):
            found.add("punctuation")
    return found
