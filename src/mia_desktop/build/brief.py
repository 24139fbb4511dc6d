"""Parse the brief's plain text into sections, paragraphs, sentences and endnote markers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# A marker is a bare note number glued to the end of a sentence: after a full stop or a
# closing quote, at most one space, then digits, then white space or the end of the
# paragraph ("identified.1", "in 1954.5", "structure.”12", "by 2015.” 9").
MARKER = re.compile(r"(?<=[.”])( ?)(\d{1,2})(?=\s|$)")

# Sentence ends: . ? ! (optionally inside a closing quote or parenthesis), then space and
# a capital, an opening quote or a parenthesis. Abbreviations are handled separately.
_SENTENCE_END = re.compile(r"[.?!…][”)]?(?=\s+[A-Z“(])")
# "Gen. Mark Clark" never ends a sentence; "the U.S." ends one only before a word that
# starts a new clause. The brief has exactly one such case ("to the U.S. While ...").
_ABBREVIATIONS = ("Gen.", "U.S.")
_CLAUSE_STARTERS_AFTER_ABBREVIATION = frozenset({"While", "However", "The", "This", "It"})

# Run-in sub-heads of the last section: "South Korea  Although ..." (a space and a
# no-break space in our copy).
_RUN_IN_SUBHEAD = re.compile(r"^(South Korea|China|Russia)\s{2}")

INTRODUCTION = "Introduction"


@dataclass(frozen=True, kw_only=True)
class Marker:
    """One endnote marker as printed: its place in the brief and the sentence it ends."""

    ordinal: int  # 1..32 in reading order (number 3 occurs twice)
    number: int  # the printed note number, 1..31
    paragraph: int
    offset: int  # position in the paragraph's clean text where the marker stood
    sentence: int  # index of the sentence it ends, within the paragraph


@dataclass(frozen=True, kw_only=True)
class Sentence:
    paragraph: int
    index: int
    start: int  # offsets into the paragraph's clean text
    end: int
    text: str
    notes: tuple[int, ...]  # note numbers of the markers ending this sentence


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    number: int  # 1-based, in reading order
    section: str
    subsection: str | None  # the run-in sub-head ("South Korea", "China", "Russia")
    body_start: int  # offset of the first sentence's first word, after any run-in sub-head
    raw: str  # exactly as in the brief, markers included
    text: str  # markers removed: the text quotes are checked against
    sentences: tuple[Sentence, ...]
    markers: tuple[Marker, ...]


@dataclass(frozen=True, kw_only=True)
class Brief:
    title: str
    dateline: str
    sections: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]

    @property
    def markers(self) -> tuple[Marker, ...]:
        return tuple(m for p in self.paragraphs for m in p.markers)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]


def strip_markers(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove endnote markers; return the clean text and (offset, number) per marker."""
    pieces: list[str] = []
    found: list[tuple[int, int]] = []
    position = 0
    length = 0
    for match in MARKER.finditer(raw):
        kept = raw[position : match.start()]
        pieces.append(kept)
        length += len(kept)
        found.append((length, int(match.group(2))))
        position = match.end()
    pieces.append(raw[position:])
    return "".join(pieces), found


def split_sentences(
    text: str, marker_offsets: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of a clean paragraph.

    A note marker always ends a sentence, so its offset overrides the abbreviation rule.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if end not in marker_offsets and _is_abbreviation_not_ending(text, match.start(), end):
            continue
        spans.append((start, end))
        start = end + (len(text[end:]) - len(text[end:].lstrip()))
    spans.append((start, len(text)))
    return spans


def _is_abbreviation_not_ending(text: str, dot: int, end: int) -> bool:
    for abbreviation in _ABBREVIATIONS:
        if text.endswith(abbreviation, 0, dot + 1):
            next_word = text[end:].split(maxsplit=1)[0]
            return abbreviation == "Gen." or next_word not in _CLAUSE_STARTERS_AFTER_ABBREVIATION
    return False


def parse_brief(text: str) -> Brief:
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    if len(blocks) < 3:
        raise ValueError("the brief has fewer than three blocks (title, date line, text)")
    title, dateline, *body = blocks
    section = INTRODUCTION
    sections = [INTRODUCTION]
    paragraphs: list[Paragraph] = []
    ordinal = 0
    for block in body:
        if _is_heading(block):
            section = block
            sections.append(block)
            continue
        number = len(paragraphs) + 1
        subhead = _RUN_IN_SUBHEAD.match(block)
        subsection = subhead.group(1) if subhead else None
        if subsection is None and paragraphs and paragraphs[-1].section == section:
            subsection = paragraphs[-1].subsection  # "As Chinese forces ..." stays under China
        clean, found = strip_markers(block)
        spans = split_sentences(clean, frozenset(offset for offset, _ in found))
        markers = []
        for offset, note in found:
            ordinal += 1
            index = next(i for i, (s, e) in enumerate(spans) if s < offset <= e)
            markers.append(
                Marker(
                    ordinal=ordinal, number=note, paragraph=number, offset=offset, sentence=index
                )
            )
        sentences = tuple(
            Sentence(
                paragraph=number,
                index=i,
                start=s,
                end=e,
                text=clean[s:e],
                notes=tuple(m.number for m in markers if m.sentence == i),
            )
            for i, (s, e) in enumerate(spans)
        )
        paragraphs.append(
            Paragraph(
                number=number,
                section=section,
                subsection=subsection,
                body_start=subhead.end() if subhead else 0,
                raw=block,
                text=clean,
                sentences=sentences,
                markers=tuple(markers),
            )
        )
    return Brief(
        title=title, dateline=dateline, sections=tuple(sections), paragraphs=tuple(paragraphs)
    )


def _is_heading(block: str) -> bool:
    # Paragraphs end with a full stop, a closing quote or parenthesis, or a note number.
    return "\n" not in block and not re.search(r"[.”)\d]$", block)


def load_brief(path: Path) -> Brief:
    return parse_brief(path.read_text(encoding="utf-8"))
