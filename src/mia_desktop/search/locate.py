"""Where is this from? Locates a pasted sentence in one paragraph of the brief, word for word,
and says what differs, or that it is not in the brief (never a guess)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from mia_desktop.records import Paragraph
from mia_desktop.search.locate_align import (
    MIN_WORDS,
    NEAR_SIMILARITY,
    Difference,
    Fit,
    fit_paragraph,
)
from mia_desktop.search.locate_words import (
    DASHES,
    DIGIT,
    MAX_CHARS,
    SPELLING_ORDER,
    SUPERSCRIPTS,
    brief_tokens,
    cut_to_limit,
    given_tokens,
    word_differences,
)

Verdict = Literal["exact", "near", "absent"]

AMBIGUOUS_MARGIN = 0.1  # two paragraphs this close in similarity are a tie: no verdict


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


# -- the verdict ----------------------------------------------------------------------


def locate(text: str, paragraphs: Sequence[Paragraph]) -> Location:
    """Where in the brief's paragraphs the text stands: exact, near, or absent (with why)."""
    given_text, truncated = cut_to_limit(text)
    vocabulary = frozenset(t.key for p in paragraphs for t in brief_tokens(p.text))
    given, glued = given_tokens(given_text, vocabulary)
    notes: list[str] = []
    if truncated:
        notes.append(f"only the first {MAX_CHARS:,} characters were compared")
    if glued:
        notes.append(f"endnote numbers left out: {', '.join(glued)}")
    words = len([t for t in given if not t.droppable])
    if not given:
        return _absent(given_text, 0, truncated, "there are no words to look for", notes)
    fits = [f for f in (fit_paragraph(p, given, given_text) for p in paragraphs) if f is not None]
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
    fit: Fit, given_text: str, truncated: bool, notes: list[str], *, glued: bool
) -> Location:
    brief = brief_tokens(fit.paragraph.text)
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
        if d.kind in ("changed", "missing", "added") and DIGIT.search(d.brief + d.given)
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
    closest: Fit | None = None,
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


def _mixed(best: Fit, others: Sequence[Fit]) -> Fit | None:
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
        brief = [t.key for t in brief_tokens(paragraph.text)]
        count += sum(1 for i in range(len(brief) - size + 1) if brief[i : i + size] == keys)
    return count


def _spelling_differences(fit: Fit, given_text: str) -> list[str]:
    """What differs in an exact match: capital letters, quotation marks, dashes, spacing, ..."""
    text = fit.paragraph.text
    brief = brief_tokens(text)
    found: set[str] = set()
    for number, (b_index, g_index) in enumerate(fit.pairs):
        token = fit.given[g_index]
        b = text[brief[b_index].start : brief[b_index].end]
        g = given_text[token.start : token.end]
        if token.note or SUPERSCRIPTS.search(g):
            found.add("endnote numbers")
            g = SUPERSCRIPTS.sub("", g)
            if token.note and g.endswith(token.note):
                g = g[: -len(token.note)]
        if b != g:
            found.update(word_differences(b, g))
        following = fit.pairs[number + 1] if number + 1 < len(fit.pairs) else None
        if following == (b_index + 1, g_index + 1):
            between_brief = text[brief[b_index].end : brief[b_index + 1].start]
            between_given = given_text[token.end : fit.given[g_index + 1].start]
            if between_brief != between_given:
                dashed = DASHES.search(between_brief) or DASHES.search(between_given)
                found.add("dashes" if dashed else "spacing")
    return [item for item in SPELLING_ORDER if item in found]


def _percentages(fits: Sequence[Fit]) -> str:
    return _listed([f"{f.similarity:.0%}" for f in fits])


def _listed(items: Sequence[object]) -> str:
    words = [str(i) for i in items]
    if len(words) <= 2:
        return " and ".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"
