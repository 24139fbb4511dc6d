"""What the build indexes beside a record's texts: its kind, countries and plain numbers,
and the marks of distinct words."""

from __future__ import annotations

from collections.abc import Iterable

from mia_desktop.records import (
    KIND_LABELS,
    Batch,
    Effort,
    Event,
    Figure,
    Record,
)
from mia_desktop.search.words import THOUSANDS, DistinctFamilies, distinct_mark, fold, tokenize


def distinct_marks(texts: Iterable[str], distinct_words: Iterable[str]) -> list[str]:
    """The marks to index for the words of these texts in a distinct word's family: each
    form ("remains", "remained", "remaining") is then matched by itself alone."""
    families = DistinctFamilies(distinct_words)
    present = {fold(token) for text in texts for token in tokenize(text)}
    return [distinct_mark(word) for word in sorted(present) if word in families]


def index_terms(record: Record, country_names: list[str]) -> str:
    """Extra searchable words for a record: its kind, countries, category and plain numbers."""
    terms = [KIND_LABELS[record.kind], *country_names]
    if record.date:
        terms.append(record.date.label)
    if isinstance(record, Event):
        terms.append(record.category)
    elif isinstance(record, Effort):
        terms += [record.effort_type, record.status, record.status_detail, record.outcome]
    elif isinstance(record, Figure):
        terms += [record.measure, record.unit]
    elif isinstance(record, Batch):
        terms += [record.unit, record.recipient or ""]
    # "3,313" is two tokens to unicode61; index "3313" too so either spelling is found.
    for text in (record.title, record.text, record.quote):
        terms += [m.group().replace(",", "") for m in THOUSANDS.finditer(text)]
    return " ".join(t for t in terms if t)
