"""Where is this from? Locates a pasted sentence in one paragraph of the brief, word for word,
and says what differs, or that it is not in the brief (never a guess)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from typing import Literal, NamedTuple

from mia_desktop.records import Paragraph

Verdict = Literal["exact", "near", "absent"]
# "omitted": brief words the given text leaves out with an ellipsis ("…", "..."): no difference.
DifferenceKind = Literal["same", "changed", "missing", "added", "omitted"]

MAX_CHARS = 2_000  # only the start of a longer paste is compared: a quote is a sentence or two
MIN_WORDS = 4  # fewer words are located only if they stand, exactly, in one place in the brief
NEAR_SIMILARITY = 0.8  # a near match: this share of the given words, in order, in the span
NEAR_COVERAGE = 0.75  # ... and this share of the span's words matched (the span is compact)
AMBIGUOUS_MARGIN = 0.1  # two paragraphs this close in similarity are a tie: no verdict
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
        return max(_word_count(self.brief), _word_count(self.given))


@dataclass(frozen=True, kw_only=True)
class Location:
    """Where the given text stands in the brief, and how closely it follows it."""

    verdict: Verdict
    paragraph: int | None  # None when absent
    section: str | None
    subsection: str | None
    start: int | None  # offsets of the matched span in the paragraph's text
    end: int | None
    brief_text: str  # the brief's exact words for the span ("" when absent)
    given_text: str  # what was compared: the input, cut to MAX_CHARS when longer
    similarity: float  # share of the given words matched in order inside the span, 0..1
    differences: tuple[Difference, ...]  # the span run by run, in the brief's order
    differing_words: int  # words that differ (0 for exact)
    given_words: int  # words in the given text (0: nothing to look for)
    only_spelling_differs: bool  # exact, but case, quotes, dashes, ... differ (see notes)
    truncated: bool  # the input was longer than MAX_CHARS: only its start was compared
    reason: str  # why absent ("" otherwise), in plain words
    notes: tuple[str, ...]  # what else a user should know (ignored endnote numbers, ...)
    closest_paragraph: int | None  # the best paragraph tried (the paragraph itself if found)
    closest_similarity: float | None
    also_fits: tuple[int, ...]  # other paragraphs that fit as well (why it is absent)

    @property
    def heading(self) -> str | None:
        """The heading the span stands under: its run-in sub-head, or its section."""
        return self.subsection or self.section


# -- words ----------------------------------------------------------------------------

_SEPARATORS = r"\s\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # whitespace and dashes
_WORD = re.compile(rf"[^{_SEPARATORS}]+")
_ELLIPSIS = re.compile(r"\[?\s*(?:…|\.\s?\.\s?\.)\s*\]?")
# Curly or straight, single or double: one mark, so that only the words are compared.
_QUOTES = str.maketrans(dict.fromkeys('“”„‘’\u201a`"', "'"))
_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_INNER_PERIOD = re.compile(r"(?<=[^\W\d])\.(?=[^\W\d])")  # "U.S" -> "US"
_EDGES = re.compile(r"^\W+|\W+$")
# An endnote number glued to a word or after its punctuation: "missing12", "1954.5", "for,”3".
_GLUED_NOTE = re.compile(r"^(.*?(?:[^\W\d]|[.,;:!?')\]]))([1-9]\d?)$")
_NOTE = re.compile(r"[1-9]\d?")
_NOTE_ALONE = re.compile(r"^[')\]]+[.,;:!?]*([1-9]\d?)$")
_DIGIT = re.compile(r"\d")
_ENDS_SENTENCE = re.compile(r"[.!?][')\]]*$")


def _key(surface: str) -> str:
    text = _SUPERSCRIPTS.sub("", surface).translate(_QUOTES).casefold()
    text = _EDGES.sub("", text)
    return _INNER_PERIOD.sub("", _THOUSANDS.sub("", text))


def _word_count(text: str) -> int:
    return sum(1 for w in _WORD.finditer(text) if _key(w.group()))


@dataclass(frozen=True)
class _Token:
    key: str
    start: int
    end: int
    gap_before: bool = False  # an ellipsis stands before it in the given text
    droppable: bool = False  # a lone number after a sentence: perhaps its endnote number
    note: str | None = None  # an endnote number glued to it, left out of the key
    ends_sentence: bool = False


@lru_cache(maxsize=64)
def _brief_tokens(text: str) -> tuple[_Token, ...]:
    tokens = []
    for match in _WORD.finditer(text):
        key = _key(match.group())
        if key:
            tokens.append(_Token(key, match.start(), match.end()))
    return tuple(tokens)


def _given_tokens(text: str, vocabulary: frozenset[str]) -> tuple[list[_Token], list[str]]:
    """The given text's words, and the endnote numbers glued to them (left out)."""
    tokens: list[_Token] = []
    notes: list[str] = []
    position = 0
    gap = False
    for piece in [*_ELLIPSIS.finditer(text), None]:
        stop = piece.start() if piece else len(text)
        for match in _WORD.finditer(text, position, stop):
            surface = match.group()
            key = _key(surface)
            alone = _NOTE_ALONE.match(surface.translate(_QUOTES))
            if alone:  # "”23" after an ellipsis: the closing quote's endnote number
                notes.append(alone.group(1))
                continue
            if not key:
                continue
            note = None
            glued = _GLUED_NOTE.match(key)
            if key not in vocabulary and glued and _key(glued.group(1)):
                key, note = _key(glued.group(1)), glued.group(2)
            droppable = bool(
                note is None
                and _NOTE.fullmatch(key)
                and tokens
                and _ENDS_SENTENCE.search(
                    text[tokens[-1].start : tokens[-1].end].translate(_QUOTES)
                )
            )
            ends = bool(_ENDS_SENTENCE.search(surface.translate(_QUOTES)))
            if note and surface.endswith(note):  # "1954.5": the sentence ends before the note
                ends = bool(_ENDS_SENTENCE.search(surface[: -len(note)].translate(_QUOTES)))
            tokens.append(_Token(key, match.start(), match.end(), gap, droppable, note, ends))
            if note:
                notes.append(note)
            gap = False
        if piece:
            position, gap = piece.end(), True
    return tokens, notes


def _cut(text: str) -> tuple[str, bool]:
    text = text.lstrip()
    if len(text) <= MAX_CHARS:
        return text.rstrip(), False
    cut = text[:MAX_CHARS]
    if not text[MAX_CHARS].isspace():
        space = max(cut.rfind(" "), cut.rfind("\n"), cut.rfind("\t"))
        if space > 0:
            cut = cut[:space]
    return cut.rstrip(), True


# -- matching one paragraph -----------------------------------------------------------


@dataclass(frozen=True)
class _Fit:
    paragraph: Paragraph
    span: tuple[int, int]  # token indexes in the paragraph
    differences: tuple[Difference, ...]
    matched: int  # given words matched in order
    total: int  # given words counted (endnote numbers left out)
    coverage: float  # share of the span's words (less those omitted) matched
    matched_given: frozenset[int]  # indexes of the given tokens matched
    pairs: tuple[tuple[int, int], ...]  # (brief token, given token) indexes matched
    given: tuple[_Token, ...]
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


def _fit(paragraph: Paragraph, given: list[_Token], given_text: str) -> _Fit | None:
    brief = _brief_tokens(paragraph.text)
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
        if start == 0 or _ENDS_SENTENCE.search(_surface(paragraph.text, brief[start - 1])):
            break
        start -= 1
    for _ in range(len(given) - (last_a + last_size)):
        if end == len(brief) or _ENDS_SENTENCE.search(_surface(paragraph.text, brief[end - 1])):
            break
        end += 1
    return _compare(paragraph, brief, (start, end), given, given_text)


def _chance(
    paragraph: Paragraph,
    brief: tuple[_Token, ...],
    given: list[_Token],
    pair: list[tuple[int, int, int]],
) -> bool:
    """Whether a sentence of the brief ends between two runs of matched words, and the
    given text ends none there."""
    (before_a, before_b, size), (after_a, after_b, _) = pair
    return any(
        _ENDS_SENTENCE.search(_surface(paragraph.text, t))
        for t in brief[before_b + size - 1 : after_b]
    ) and not any(t.ends_sentence for t in given[before_a + size - 1 : after_a])


def _surface(text: str, token: _Token) -> str:
    return text[token.start : token.end].translate(_QUOTES)


def _compare(
    paragraph: Paragraph,
    brief: tuple[_Token, ...],
    span: tuple[int, int],
    given: list[_Token],
    given_text: str,
) -> _Fit:
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
    return _Fit(
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
    inside: tuple[_Token, ...], index: int, span: tuple[int, int], brief: tuple[_Token, ...]
) -> int:
    if index > 0:
        return inside[index - 1].end
    return brief[span[0]].start if span[0] < len(brief) else brief[-1].end


def _given_point(given: list[_Token], index: int, given_text: str) -> int:
    if index < len(given):
        return given[index].start
    return given[-1].end if given else len(given_text)


# -- the verdict ----------------------------------------------------------------------


def locate(text: str, paragraphs: Sequence[Paragraph]) -> Location:
    """Where in the brief's paragraphs the text stands: exact, near, or absent (with why)."""
    given_text, truncated = _cut(text)
    vocabulary = frozenset(t.key for p in paragraphs for t in _brief_tokens(p.text))
    given, glued = _given_tokens(given_text, vocabulary)
    notes: list[str] = []
    if truncated:
        notes.append(f"only the first {MAX_CHARS:,} characters were compared")
    if glued:
        notes.append(f"endnote numbers left out: {', '.join(glued)}")
    words = len([t for t in given if not t.droppable])
    if not given:
        return _absent(given_text, 0, truncated, "there are no words to look for", notes)
    fits = [f for f in (_fit(p, given, given_text) for p in paragraphs) if f is not None]
    fits.sort(key=lambda f: (f.exact, f.similarity, f.coverage), reverse=True)
    if not fits:
        return _absent(given_text, words, truncated, "none of its words is in the brief", notes)
    best = fits[0]
    words = best.total
    if words < MIN_WORDS:
        places = _occurrences([t.key for t in given], paragraphs)
        if best.exact and places == 1 and not any(t.gap_before for t in given[1:]):
            return _found(best, given_text, truncated, notes, glued=bool(glued))
        where = f"; they stand in {places} places in the brief" if places > 1 else ""
        return _absent(
            given_text,
            words,
            truncated,
            f"too few words to tell where they come from ({words} of the {MIN_WORDS} needed"
            f"{where})",
            notes,
            closest=best,
        )
    rivals = [
        f
        for f in fits[1:]
        if f.paragraph.number != best.paragraph.number
        and (f.exact if best.exact else f.similarity >= best.similarity - AMBIGUOUS_MARGIN)
    ]
    if (best.exact or best.near) and rivals:
        numbers = [best.paragraph.number, *(f.paragraph.number for f in rivals)]
        how = "word for word in each" if best.exact else _percentages([best, *rivals])
        return _absent(
            given_text,
            words,
            truncated,
            f"the words fit paragraphs {_listed(numbers)} about equally well ({how}); no one"
            " paragraph can be named",
            notes,
            closest=best,
            also_fits=tuple(numbers[1:]),
        )
    if best.exact or best.near:
        if best.exact:
            places = _occurrences([t.key for t in given], [best.paragraph])
            if places > 1:
                notes.append(
                    f"these words stand {places} times in the paragraph; the first is shown"
                )
        return _found(best, given_text, truncated, notes, glued=bool(glued))
    mixed = _mixed(best, fits[1:])
    if mixed is not None:
        return _absent(
            given_text,
            words,
            truncated,
            "the words come from more than one paragraph: "
            f"{_percentages([best, mixed])} of them fit paragraphs "
            f"{best.paragraph.number} and {mixed.paragraph.number}",
            notes,
            closest=best,
            also_fits=(mixed.paragraph.number,),
        )
    if best.matched <= 2:
        reason = "no paragraph shares more than a word or two with it"
    else:
        reason = (
            f"no paragraph holds these words in order; the closest, paragraph"
            f" {best.paragraph.number}, has {best.similarity:.0%} of them"
            f" (a near match needs {NEAR_SIMILARITY:.0%})"
        )
    return _absent(given_text, words, truncated, reason, notes, closest=best)


def _found(
    fit: _Fit, given_text: str, truncated: bool, notes: list[str], *, glued: bool
) -> Location:
    brief = _brief_tokens(fit.paragraph.text)
    start, end = brief[fit.span[0]].start, brief[fit.span[1] - 1].end
    exact = fit.exact
    if fit.dropped:
        notes.append(f"taken for endnote numbers and left out: {', '.join(fit.dropped)}")
    spelling = _spelling_differences(fit, given_text) if exact else []
    if exact and (fit.dropped or glued) and "endnote numbers" not in spelling:
        spelling.append("endnote numbers")
    if spelling:
        notes.append(f"the text differs from the brief only in {_listed(spelling)}")
    numbers = [
        d
        for d in fit.differences
        if d.kind in ("changed", "missing", "added") and _DIGIT.search(d.brief + d.given)
    ]
    for run in numbers:
        notes.append(f"a number differs: the brief has {run.brief!r}, the text {run.given!r}")
    if any(d.kind == "omitted" for d in fit.differences):
        notes.append("words left out with an ellipsis are not counted as differences")
    return Location(
        verdict="exact" if exact else "near",
        paragraph=fit.paragraph.number,
        section=fit.paragraph.section,
        subsection=fit.paragraph.subsection,
        start=start,
        end=end,
        brief_text=fit.paragraph.text[start:end],
        given_text=given_text,
        similarity=round(fit.similarity, 3),
        differences=fit.differences,
        differing_words=sum(d.words for d in fit.differences),
        given_words=fit.total,
        only_spelling_differs=bool(spelling),
        truncated=truncated,
        reason="",
        notes=tuple(notes),
        closest_paragraph=fit.paragraph.number,
        closest_similarity=round(fit.similarity, 3),
        also_fits=(),
    )


def _absent(
    given_text: str,
    words: int,
    truncated: bool,
    reason: str,
    notes: list[str],
    *,
    closest: _Fit | None = None,
    also_fits: tuple[int, ...] = (),
) -> Location:
    return Location(
        verdict="absent",
        paragraph=None,
        section=None,
        subsection=None,
        start=None,
        end=None,
        brief_text="",
        given_text=given_text,
        similarity=round(closest.similarity, 3) if closest else 0.0,
        differences=(),
        differing_words=0,
        given_words=words,
        only_spelling_differs=False,
        truncated=truncated,
        reason=reason,
        notes=tuple(notes),
        closest_paragraph=closest.paragraph.number if closest else None,
        closest_similarity=round(closest.similarity, 3) if closest else None,
        also_fits=also_fits,
    )


def _mixed(best: _Fit, others: Sequence[_Fit]) -> _Fit | None:
    """Another paragraph that holds most of the words the best one lacks, if any."""
    if best.similarity < 0.3:
        return None
    for other in others:
        if other.paragraph.number == best.paragraph.number or other.similarity < 0.3:
            continue
        union = len(best.matched_given | other.matched_given)
        if union >= NEAR_SIMILARITY * best.total:
            return other
    return None


def _occurrences(keys: list[str], paragraphs: Sequence[Paragraph]) -> int:
    """How many times the words stand, one after another, in these paragraphs."""
    count = 0
    size = len(keys)
    for paragraph in paragraphs:
        brief = [t.key for t in _brief_tokens(paragraph.text)]
        count += sum(1 for i in range(len(brief) - size + 1) if brief[i : i + size] == keys)
    return count


_CORE_STEPS = (
    ("capital letters", str.casefold),
    ("apostrophes", lambda s: s.translate(_QUOTES)),
    ("punctuation", lambda s: _INNER_PERIOD.sub("", s)),
    ("thousands separators", lambda s: _THOUSANDS.sub("", s)),
)
_PARTS = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
_QUOTE_MARKS = re.compile("[“”„‘’\u201a`'\"]")
_DASHES = re.compile(r"[\-\u2010-\u2015\u2212]")
_SPELLING_ORDER = (
    "capital letters",
    "quotation marks",
    "apostrophes",
    "punctuation",
    "dashes",
    "spacing",
    "thousands separators",
    "endnote numbers",
)


def _spelling_differences(fit: _Fit, given_text: str) -> list[str]:
    """What differs in an exact match: capital letters, quotation marks, dashes, spacing, ..."""
    text = fit.paragraph.text
    brief = _brief_tokens(text)
    found: set[str] = set()
    for number, (b_index, g_index) in enumerate(fit.pairs):
        token = fit.given[g_index]
        b = text[brief[b_index].start : brief[b_index].end]
        g = given_text[token.start : token.end]
        if token.note or _SUPERSCRIPTS.search(g):
            found.add("endnote numbers")
            g = _SUPERSCRIPTS.sub("", g)
            if token.note and g.endswith(token.note):
                g = g[: -len(token.note)]
        if b != g:
            found.update(_word_differences(b, g))
        following = fit.pairs[number + 1] if number + 1 < len(fit.pairs) else None
        if following == (b_index + 1, g_index + 1):
            between_brief = text[brief[b_index].end : brief[b_index + 1].start]
            between_given = given_text[token.end : fit.given[g_index + 1].start]
            if between_brief != between_given:
                dashed = _DASHES.search(between_brief) or _DASHES.search(between_given)
                found.add("dashes" if dashed else "spacing")
    return [item for item in _SPELLING_ORDER if item in found]


def _word_differences(brief: str, given: str) -> set[str]:
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


def _percentages(fits: Sequence[_Fit]) -> str:
    return _listed([f"{f.similarity:.0%}" for f in fits])


def _listed(items: Sequence[object]) -> str:
    words = [str(i) for i in items]
    if len(words) <= 2:
        return " and ".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


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
