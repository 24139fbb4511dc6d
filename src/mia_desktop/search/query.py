"""Pure search helpers: user text to safe FTS5 queries, aliases, suggestions, snippets.

Nothing here touches the database: `searcher.py` runs what these functions build.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from mia_desktop.records import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
)
from mia_desktop.search.words import (
    MAX_FORMS,
    MIN_FAMILY_WORD,
    DistinctFamilies,
    distinct_mark,
    family_key,
    fold,
    normalized_tokens,
    tokenize,
)

_QUOTED = re.compile(r'"([^"]*)"')
_EDGE_PUNCTUATION = ".,;:!?()[]{}"
MAX_TERMS = 32  # more words than this add nothing but cost
# What of a search text is read: room for MAX_TERMS long words. A pasted page would
# otherwise be scanned whole on every keystroke, only for its first words to be kept.
MAX_QUERY_CHARS = 1_000
MIN_PREFIX = 2  # letters a last word needs before it is searched as a prefix


@dataclass(frozen=True)
class Term:
    """One thing to find: a phrase of tokens, and any equivalent phrases (aliases)."""

    tokens: tuple[str, ...]
    quoted: bool = False
    alternatives: tuple[tuple[str, ...], ...] = ()
    alternative_names: tuple[str, ...] = ()  # as written in search.toml ("People's ...")
    # Other forms of a one-word term found in the index ("identifies": "identification"):
    # the index's stemmer joins inflections, not a verb to its noun.
    forms: tuple[str, ...] = ()
    # A word the stemmer would join to different words ("remains", not "remained"): matched
    # through the mark the build indexes beside each form (see distinct_marks).
    distinct: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass(frozen=True)
class Vocabulary:
    """What the search knows beyond the index: alias groups, stop words, distinct words
    (from resources/search.toml) and the index's words."""

    alias_groups: tuple[tuple[str, ...], ...] = ()
    stop_words: frozenset[str] = frozenset()
    distinct_words: frozenset[str] = frozenset()
    context_phrases: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    _families: dict[str, list[str]] = field(default_factory=dict, compare=False)
    _distinct: DistinctFamilies = field(init=False, compare=False)
    _index: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for group in self.alias_groups:
            for term in group:
                self._index[normalized_tokens(term)] = group
        object.__setattr__(self, "_distinct", DistinctFamilies(self.distinct_words))  # frozen
        for word in sorted(self.words):
            if not self.is_distinct(word):
                self._families.setdefault(family_key(word), []).append(word)

    def is_distinct(self, word: str) -> bool:
        """Whether a word is of a distinct word's family, each form matched by itself."""
        return word in self._distinct

    def forms_of(self, word: str) -> tuple[str, ...]:
        """The index's other forms of a word: its family (see family_key), at most a few."""
        folded = fold(word)
        if self.is_distinct(folded) or len(folded) < MIN_FAMILY_WORD:
            return ()
        family = self._families.get(family_key(folded), [])
        return tuple(w for w in family if w != folded)[:MAX_FORMS]

    def group_of(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        return self._index.get(tuple(t.lower() for t in tokens))

    @property
    def longest_alias(self) -> int:
        return max((len(key) for key in self._index), default=1)


def parse(text: str) -> list[Term]:
    """Split user text into terms: "quoted phrases", and each other chunk as a phrase.

    A chunk is what white space separates, so "U.S." and "North-Korea" stay one phrase
    ("U S", "North Korea"). A stray quotation mark is ignored.
    """
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS)
        text = text[: cut if cut > 0 else MAX_QUERY_CHARS]
    terms: list[Term] = []
    position = 0
    for match in _QUOTED.finditer(text):
        terms += _chunks(text[position : match.start()])
        phrase = tuple(tokenize(match.group(1)))
        if phrase:
            terms.append(Term(phrase, quoted=True))
        position = match.end()
    terms += _chunks(text[position:].replace('"', " "))
    return terms[:MAX_TERMS]


def _chunks(text: str) -> list[Term]:
    terms = []
    for chunk in text.split():
        tokens = tuple(tokenize(chunk.strip(_EDGE_PUNCTUATION)) or tokenize(chunk))
        if tokens:
            terms.append(Term(tokens))
    return terms


def expand_aliases(terms: Sequence[Term], vocabulary: Vocabulary) -> list[Term]:
    """Merge runs of terms that name an alias group, giving them the group's other names."""
    expanded: list[Term] = []
    i = 0
    while i < len(terms):
        for length in range(min(vocabulary.longest_alias, len(terms) - i), 0, -1):
            run = terms[i : i + length]
            if any(t.quoted for t in run):
                continue
            tokens = tuple(tok for t in run for tok in t.tokens)
            group = vocabulary.group_of(tokens)
            if group:
                others = [
                    (alias, name)
                    for alias, name in ((tuple(tokenize(g)), g) for g in group)
                    if tuple(a.lower() for a in alias) != tuple(t.lower() for t in tokens)
                ]
                expanded.append(
                    Term(
                        tokens,
                        alternatives=tuple(alias for alias, _ in others),
                        alternative_names=tuple(name for _, name in others),
                    )
                )
                i += length
                break
        else:
            expanded.append(terms[i])
            i += 1
    return expanded


def with_word_forms(terms: Sequence[Term], vocabulary: Vocabulary) -> list[Term]:
    """One-word terms with their other forms in the index, distinct words marked."""
    widened = []
    for term in terms:
        if term.quoted or term.alternatives or len(term.tokens) != 1:
            widened.append(term)
        elif vocabulary.is_distinct(term.tokens[0]):
            widened.append(replace(term, distinct=True))
        else:
            widened.append(replace(term, forms=vocabulary.forms_of(term.tokens[0])))
    return widened


def also_searched(terms: Iterable[Term]) -> list[str]:
    """The alias names a query was widened with, for "also searched: ..." in the UI."""
    return [
        name
        for term in terms
        for name in term.alternative_names or [" ".join(alt) for alt in term.alternatives]
    ]


def _phrase(tokens: Sequence[str]) -> str:
    # Tokens hold only letters and digits, so wrapping them in quotes is always valid FTS5.
    return '"' + " ".join(tokens) + '"'


def _term_expression(term: Term, *, prefix: bool) -> str:
    if term.distinct:  # whole as typed, even while typing: it is a word already
        return _phrase([distinct_mark(term.tokens[0])])
    # A one-letter prefix matches nearly every record: it waits for a second letter.
    growing = prefix and len(term.tokens[-1]) >= MIN_PREFIX
    typed = _phrase(term.tokens) + ("*" if growing else "")
    if term.forms:
        return "(" + " OR ".join([typed, *(_phrase([f]) for f in term.forms)]) + ")"
    alternatives = _unsubsumed(term.tokens, term.alternatives)
    if not alternatives:
        return typed
    # The typed words themselves add nothing when an alias stands in them whole (their
    # growing last word aside): "joint recovery missions" beside "joint recovery".
    whole = tuple(fold(t) for t in (term.tokens[:-1] if growing else term.tokens))
    if any(_contains(whole, tuple(fold(t) for t in a)) for a in alternatives):
        return "(" + " OR ".join(_phrase(a) for a in alternatives) + ")"
    return "(" + " OR ".join([typed, *(_phrase(a) for a in alternatives)]) + ")"


def _unsubsumed(
    typed: tuple[str, ...], alternatives: tuple[tuple[str, ...], ...]
) -> list[tuple[str, ...]]:
    """The alternatives that can add matches: "joint recovery operations" cannot, beside
    "joint recovery", since every text holding it holds "joint recovery" too. (Matching such
    phrases costs much on a large index, and finds nothing more.)"""
    folded = [tuple(fold(t) for t in phrase) for phrase in (typed, *alternatives)]
    kept = []
    for n, phrase in enumerate(alternatives, start=1):
        others = [f for m, f in enumerate(folded) if m != n and f != folded[n]]
        if not any(_contains(folded[n], other) for other in others):
            kept.append(phrase)
    return kept


def _contains(phrase: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether `part` occurs in `phrase` as a run of whole tokens."""
    width = len(part)
    return any(phrase[i : i + width] == part for i in range(len(phrase) - width + 1))


def all_words(terms: Sequence[Term], *, prefix: bool = True) -> str | None:
    """Every term must match; the last typed word may be a prefix (search as you type)."""
    if not terms:
        return None
    last = len(terms) - 1
    return " AND ".join(
        _term_expression(t, prefix=prefix and i == last and not t.quoted)
        for i, t in enumerate(terms)
    )


def highlighting(terms: Sequence[Term], *, prefix: bool = False) -> str | None:
    """What snippets highlight, when a distinct word was matched through its mark: the
    words themselves, any of them (the mark is in no text a snippet shows)."""
    if not any(t.distinct for t in terms):
        return None
    last = len(terms) - 1
    return " OR ".join(
        _term_expression(replace(t, distinct=False), prefix=prefix and i == last and not t.quoted)
        for i, t in enumerate(terms)
    )


_HIGHLIGHTED = re.compile(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_END}", re.DOTALL)


def unmark_other_forms(snippet: str, terms: Sequence[Term], vocabulary: Vocabulary) -> str:
    """The snippet without highlights on a distinct family's forms that were not typed (the
    index's stemmer marks "remained" in a search for "remains")."""
    typed = {fold(t.tokens[0]) for t in terms if t.distinct}
    if not typed:
        return snippet

    def keep(match: re.Match[str]) -> str:
        word = match.group(1)
        other = vocabulary.is_distinct(word) and fold(word) not in typed
        return word if other else match.group(0)

    return _HIGHLIGHTED.sub(keep, snippet)


def without_context(terms: Sequence[Term], vocabulary: Vocabulary) -> list[Term]:
    """The terms without the brief's subject ("Korean War"), unless nothing else is left."""
    words = [fold(t.text) if not t.quoted else None for t in terms]
    dropped: set[int] = set()
    for phrase in vocabulary.context_phrases:
        tokens = list(normalized_tokens(phrase))
        width = len(tokens)
        for i in range(len(words) - width + 1):
            if words[i : i + width] == tokens:
                dropped.update(range(i, i + width))
    kept = [t for i, t in enumerate(terms) if i not in dropped]
    return kept if content_terms(kept, vocabulary.stop_words) else list(terms)


def content_terms(terms: Sequence[Term], stop_words: frozenset[str]) -> list[Term]:
    return [
        t for t in terms if t.quoted or t.alternatives or fold(" ".join(t.tokens)) not in stop_words
    ]


def any_word(terms: Sequence[Term], stop_words: frozenset[str]) -> str | None:
    """Any term may match (stop words dropped): the fallback for questions and long queries."""
    useful = content_terms(terms, stop_words)
    if not useful:
        return None
    return " OR ".join(_term_expression(t, prefix=False) for t in useful)


def exact_phrase(terms: Sequence[Term], *, prefix: bool = False) -> str | None:
    """All typed tokens as one phrase, to rank records that hold them together first; with
    `prefix`, its last word may still be growing ("joint recovery sus" finds "suspended")."""
    tokens = [tok for t in terms for tok in t.tokens]
    if len(tokens) < 2:
        return None
    return _phrase(tokens) + ("*" if prefix and len(tokens[-1]) >= MIN_PREFIX else "")


def exact_numbers(terms: Sequence[Term]) -> str | None:
    """Numbers typed, matched whole (so "200" ranks "200" above "2005")."""
    numbers = [tok for t in terms for tok in t.tokens if tok.isdigit()]
    return " AND ".join(_phrase([n]) for n in numbers) or None


def in_titles(fts_query: str) -> str:
    """The same query restricted to the title column."""
    return f"{{title}} : ({fts_query})"


def still_typing(text: str) -> bool:
    """Whether the last word may be unfinished: not after a space, "?", "." or "!"."""
    return bool(text) and not text[-1].isspace() and text[-1] not in "?.!"


def words_to_search(text: str) -> tuple[list[Term], bool]:
    """The terms of user text to search now, and whether the last may be a prefix.

    A one-letter word just begun waits for its second letter, left out so that the results
    stay those of the words before it: as a word it would match a stray letter (the "s" of
    "U.S."), as a prefix nearly every record. On its own it is searched as a word.
    """
    terms = parse(text)
    typing = still_typing(text)
    last = terms[-1] if terms else None
    if (
        typing
        and last is not None
        and len(terms) > 1
        and not last.quoted
        and len(last.tokens) == 1
        and len(last.tokens[0]) < MIN_PREFIX
    ):
        return terms[:-1], False
    return terms, typing


def to_fts_query(text: str, *, prefix: bool = True) -> str | None:
    """Any user text as a valid FTS5 query requiring every word (no aliases)."""
    return all_words(parse(text), prefix=prefix and still_typing(text))


def unknown_words(
    terms: Sequence[Term], known: frozenset[str], stop_words: frozenset[str]
) -> list[str]:
    """Typed words the index has never seen (the last may still be growing: a prefix is fine)."""
    unknown = []
    for i, term in enumerate(terms):
        if term.alternatives:
            continue
        for j, token in enumerate(term.tokens):
            word = fold(token)
            if word in known or word in stop_words or word.isdigit() or len(word) < 3:
                continue
            growing = i == len(terms) - 1 and j == len(term.tokens) - 1 and not term.quoted
            if growing and any(k.startswith(word) for k in known):
                continue
            unknown.append(token)
    return unknown


def nearest_words(word: str, known: Sequence[str], *, count: int = 3) -> list[str]:
    """Indexed words closest in spelling to an unknown one, best first."""
    folded = fold(word)
    # A close match differs little in length: compare only those (much faster).
    candidates = [k for k in known if abs(len(k) - len(folded)) <= 2]
    return difflib.get_close_matches(folded, candidates, n=count, cutoff=0.75)


def corrected(terms: Sequence[Term], replacements: dict[str, str]) -> list[Term]:
    """The terms with each misspelt token replaced by its suggestion."""
    return [
        Term(tuple(replacements.get(tok, tok) for tok in t.tokens), t.quoted, t.alternatives)
        for t in terms
    ]
