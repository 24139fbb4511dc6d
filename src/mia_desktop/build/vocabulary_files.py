"""The two curated files beside the records: the endnotes' likely sources (endnotes.toml) and the
search vocabulary (search.toml), read and checked."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mia_desktop.citing.csl import csl_item_problems

if TYPE_CHECKING:
    from mia_desktop.build.curation import Curation
from mia_desktop.records import (
    CONFIDENCES,
    LikelySource,
)


def read_likely_sources(path: Path, problems: list[str]) -> list[LikelySource]:
    entries = read_toml(path, problems).get("marker", [])
    sources = []
    for entry in entries:
        label = f"endnotes.toml: marker {entry.get('marker', '?')}"
        confidence = entry.get("confidence", "")
        check_vocabulary(confidence, CONFIDENCES, "confidence", label, problems)
        has_source = bool(entry.get("likely_source"))
        if has_source == (confidence == "unidentified"):
            problems.append(f"{label}: a likely_source is given exactly when one was identified")
        csl = entry.get("csl")
        if has_source != isinstance(csl, dict):
            problems.append(f"{label}: an identified likely_source needs its csl data")
        elif isinstance(csl, dict):
            problems += [f"{label}: csl {p}" for p in csl_item_problems(csl)]
        try:
            sources.append(
                LikelySource(
                    marker=int(entry["marker"]),
                    number=int(entry["number"]),
                    ends=str(entry["ends"]),
                    likely_source=entry.get("likely_source"),
                    source_type=entry.get("source_type"),
                    confidence=confidence,
                    seen_at=entry.get("seen_at"),
                    remark=entry.get("remark"),
                    csl=dict(csl) if isinstance(csl, dict) else None,
                )
            )
        except KeyError as missing:
            problems.append(f"{label}: missing field {missing}")
    return sources


def read_search_vocabulary(path: Path, curation: Curation) -> None:
    from mia_desktop.search.words import normalized_tokens

    data = read_toml(path, curation.problems)
    stop_words = data.get("stop_words", [])
    if not all(isinstance(w, str) and w == w.lower() for w in stop_words):
        curation.problems.append("search.toml: stop_words must be lower-case strings")
    curation.stop_words = sorted(set(stop_words))
    distinct = data.get("distinct_words", [])
    if not all(isinstance(w, str) and w == w.lower() and w.isalpha() for w in distinct):
        curation.problems.append("search.toml: distinct_words must be lower-case words")
    curation.distinct_words = sorted(set(distinct))
    context = data.get("context_phrases", [])
    if not all(isinstance(p, str) and normalized_tokens(p) for p in context):
        curation.problems.append("search.toml: context_phrases must be words")
    curation.context_phrases = list(context)
    seen: dict[tuple[str, ...], int] = {}
    for number, group in enumerate(data.get("alias", []), start=1):
        terms = group.get("terms") if isinstance(group, dict) else None
        if (
            not isinstance(terms, list)
            or len(terms) < 2
            or not all(isinstance(t, str) and normalized_tokens(t) for t in terms)
        ):
            curation.problems.append(f"search.toml: alias {number} needs two or more terms")
            continue
        for term in terms:
            key = normalized_tokens(term)
            if key in seen:
                curation.problems.append(
                    f"search.toml: {term!r} is in alias groups {seen[key]} and {number}"
                )
            seen[key] = number
        curation.alias_groups.append(list(terms))


def read_toml(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.append(f"{path}: file is missing")
    except tomllib.TOMLDecodeError as error:
        problems.append(f"{path}: not valid TOML: {error}")
    return {}


def check_fields(
    entry: Mapping[str, Any],
    required: Mapping[str, type],
    allowed: Mapping[str, type],
    label: str,
    problems: list[str],
) -> bool:
    """Every required field there, none unknown, each of its type (a TOML true is no
    number), no text empty; False (with the problems said) if not."""
    ok = True
    for name in required:
        if name not in entry:
            problems.append(f"{label}: missing field {name!r}")
            ok = False
    for name, value in entry.items():
        wanted = allowed.get(name)
        if wanted is None:
            problems.append(f"{label}: unknown field {name!r}")
            ok = False
        elif not isinstance(value, wanted) or (isinstance(value, bool) and wanted is not bool):
            problems.append(f"{label}: {name!r} should be {wanted.__name__}")
            ok = False
        elif isinstance(value, str) and not value.strip():
            problems.append(f"{label}: {name!r} is empty")
            ok = False
    return ok


def check_vocabulary(
    value: str, allowed: frozenset[str], name: str, label: str, problems: list[str]
) -> None:
    if value not in allowed:
        problems.append(f"{label}: {name} {value!r} is not one of: {', '.join(sorted(allowed))}")
