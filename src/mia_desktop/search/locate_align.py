"""Aligning the given words with a paragraph's: the compact span that fits them best, and
its runs of same, changed, missing, added and omitted words."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Literal

from mia_desktop.records import Paragraph
from mia_desktop.search.locate_words import (
    ENDS_SENTENCE,
    QUOTES,
    Token,
    brief_tokens,
    word_count,
)

MIN_WORDS = 4  # fewer words are located only if they stand, exactly, in one place in the brief
NEAR_SIMILARITY = 0.8  # a near match: this share of the given words, in order, in the span
NEAR_COVERAGE = 0.75  # ... and this share of the span's words matched (the span is compact)
# "omitted": brief words the given text leaves out with an ellipsis ("…", "..."): no difference.
DifferenceKind = Literal["same", "changed", "missing", "added", "omitted"]
_SLACK = 3  # words a run of matches may skip in the brief beyond what the given text skips


@dataclass(frozen=True, kw_only=True)
class Difference:
    """One run of words: the brief's and the given text's, as written in each.

    brief_start/brief_end are offsets in the paragraph's text (equal for "added": where the
    words would go); given_start/given_end are offsets in Location.given_text (equal for
    "missing" and "omitted")."""

    kind: DifferenceKind
    brief: str
    given: str
    brief_start: int
    brief_end: int
    given_start: int
    given_end: int

    @property
    def words(self) -> int:
        """How many words this run makes differ (0 for "same" and "omitted")."""
        if self.kind in ("same", "omitted"):
            return 0
        return max(word_count(self.brief), word_count(self.given))


# -- matching one paragraph -----------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    paragraph: Paragraph
    span: tuple[int, int]  # token indexes in the paragraph
    differences: tuple[Difference, ...]
    matched: int  # given words matched in order
    total: int  # given words counted (endnote numbers left out)
    coverage: float  # share of the span's words (less those omitted) matched
    matched_given: frozenset[int]  # indexes of the given tokens matched
    pairs: tuple[tuple[int, int], ...]  # (brief token, given token) indexes matched
    given: tuple[Token, ...]
    dropped: tuple[str, ...]  # lone numbers after a sentence, matching nothing: endnote numbers

    @property
    def similarity(self) -> float:
        return self.matched / self.total if self.total else 0.0

    @property
    def exact(self) -> bool:
        return self.total > 0 and all(d.kind in ("same", "omitted") for d in self.differences)

    @property
    def near(self) -> bool:
        return (
            self.matched >= MIN_WORDS
            and self.similarity >= NEAR_SIMILARITY
            and self.coverage >= NEAR_COVERAGE
        )


def fit_paragraph(paragraph: Paragraph, given: list[Token], given_text: str) -> Fit | None:
    brief = brief_tokens(paragraph.text)
    keys = [t.key for t in given]
    blocks = [
        b
        for b in SequenceMatcher(
            None, keys, [t.key for t in brief], autojunk=False
        ).get_matching_blocks()
        if b.size
    ]
    if not blocks:
        return None
    # The densest cluster of matches: a run that skips far more brief words than the given
    # text skips (and no ellipsis says so) starts a new cluster.
    clusters: list[list[tuple[int, int, int]]] = [[blocks[0]]]
    for previous, block in pairwise(blocks):
        skipped_given = block.a - (previous.a + previous.size)
        skipped_brief = block.b - (previous.b + previous.size)
        gap = any(t.gap_before for t in given[previous.a + previous.size : block.a + 1])
        if skipped_brief > skipped_given + _SLACK and not gap:
            clusters.append([])
        clusters[-1].append(block)
    cluster = max(clusters, key=lambda c: sum(b[2] for b in c))
    # A word or two matched across the end of a sentence of the brief ("signed. At the
    # time") is chance, unless the given text ends a sentence there too.
    while len(cluster) > 1 and cluster[0][2] <= 2 and _chance(paragraph, brief, given, cluster[:2]):
        cluster = cluster[1:]
    while (
        len(cluster) > 1 and cluster[-1][2] <= 2 and _chance(paragraph, brief, given, cluster[-2:])
    ):
        cluster = cluster[:-1]
    first_a, first_b, _ = cluster[0]
    last_a, last_b, last_size = cluster[-1]
    start, end = first_b, last_b + last_size
    # Given words before or after the cluster may be brief words changed: take as many brief
    # words into the span, within the sentence.
    for _ in range(first_a):
        if start == 0 or ENDS_SENTENCE.search(_surface(paragraph.text, brief[start - 1])):
            break
        start -= 1
    for _ in range(len(given) - (last_a + last_size)):
        if end == len(brief) or ENDS_SENTENCE.search(_surface(paragraph.text, brief[end - 1])):
            break
        end += 1
    return _compare(paragraph, brief, (start, end), given, given_text)


def _chance(
    paragraph: Paragraph,
    brief: tuple[Token, ...],
    given: list[Token],
    pair: list[tuple[int, int, int]],
) -> bool:
    """Whether a sentence of the brief ends between two runs of matched words, and the
    given text ends none there."""
    (before_a, before_b, size), (after_a, after_b, _) = pair
    return any(
        ENDS_SENTENCE.search(_surface(paragraph.text, t))
        for t in brief[before_b + size - 1 : after_b]
    ) and not any(t.ends_sentence for t in given[before_a + size - 1 : after_a])


def _surface(text: str, token: Token) -> str:
    return text[token.start : token.end].translate(QUOTES)


def _compare(
    paragraph: Paragraph,
    brief: tuple[Token, ...],
    span: tuple[int, int],
    given: list[Token],
    given_text: str,
) -> Fit:
    inside = brief[span[0] : span[1]]
    matcher = SequenceMatcher(None, [t.key for t in given], [t.key for t in inside], autojunk=False)
    text = paragraph.text
    runs: list[Difference] = []
    matched_given: set[int] = set()
    pairs: list[tuple[int, int]] = []
    omitted = 0
    dropped: list[str] = []
    for tag, g1, g2, b1, b2 in matcher.get_opcodes():
        if tag == "delete":  # given words only: a lone number after a sentence is a note
            kept = [i for i in range(g1, g2) if not given[i].droppable]
            dropped.extend(given[i].key for i in range(g1, g2) if given[i].droppable)
            if not kept:
                continue
            g1, g2 = kept[0], kept[-1] + 1
        brief_from = inside[b1].start if b1 < b2 else _insertion_point(inside, b1, span, brief)
        brief_to = inside[b2 - 1].end if b1 < b2 else brief_from
        given_from = given[g1].start if g1 < g2 else _given_point(given, g1, given_text)
        given_to = given[g2 - 1].end if g1 < g2 else given_from
        if tag == "equal":
            kind: DifferenceKind = "same"
            matched_given.update(range(g1, g2))
            pairs.extend(zip(range(span[0] + b1, span[0] + b2), range(g1, g2), strict=True))
        elif g1 == g2:
            gap = g1 < len(given) and given[g1].gap_before
            kind = "omitted" if gap else "missing"
            omitted += b2 - b1 if gap else 0
        elif b1 == b2:
            kind = "added"
        else:
            kind = "changed"
        runs.append(
            Difference(
                kind=kind,
                brief=text[brief_from:brief_to],
                given=given_text[given_from:given_to],
                brief_start=brief_from,
                brief_end=brief_to,
                given_start=given_from,
                given_end=given_to,
            )
        )
    total = len(given) - len(dropped)
    considered = len(inside) - omitted
    return Fit(
        paragraph=paragraph,
        span=span,
        differences=tuple(runs),
        matched=len(matched_given),
        total=total,
        coverage=len(matched_given) / considered if considered else 0.0,
        matched_given=frozenset(matched_given),
        pairs=tuple(pairs),
        given=tuple(given),
        dropped=tuple(dropped),
    )


def _insertion_point(
    inside: tuple[Token, ...], index: int, span: tuple[int, int], brief: tuple[Token, ...]
) -> int:
    if index > 0:
        return inside[index - 1].end
    return brief[span[0]].start if span[0] < len(brief) else brief[-1].end


def _given_point(given: list[Token], index: int, given_text: str) -> int:
    if index < len(given):
        return given[index].start
    return given[-1].end if given else len(given_text)
