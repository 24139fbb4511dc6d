"""The data build: resources/ -> data.db. Used by `build-db` and the tests, never at run time."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from mia_desktop.build.brief import Brief, load_brief
from mia_desktop.build.checks import check_brief, check_records
from mia_desktop.build.curation import Curation, link_both_ways, passage_records, read_curation
from mia_desktop.build.later import brief_source, read_later, with_quantities
from mia_desktop.build.subject_index import check_subject_index

BRIEF_FILE = Path("source") / "korean-war-pow-mias-2015.txt"


class BuildError(Exception):
    """The resources have problems; `problems` lists each one in plain words."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in resources/:\n" + "\n".join(problems))


@dataclass(frozen=True)
class CheckedResources:
    brief: Brief
    curation: Curation
    inputs_sha256: str


def inputs_sha256(resources: Path) -> str:
    """A hash of every input file (path and bytes), so a database names what built it."""
    digest = hashlib.sha256()
    for path in sorted(resources.rglob("*")):
        if path.is_file() and path.suffix in {".toml", ".txt"}:
            digest.update(path.relative_to(resources).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def check_resources(resources: Path) -> CheckedResources:
    """Read and validate everything; raise BuildError listing every problem found."""
    brief_path = resources / BRIEF_FILE
    if not brief_path.is_file():
        raise BuildError([f"{brief_path}: the brief's text is missing"])
    brief = load_brief(brief_path)
    curation = read_curation(resources, brief)
    problems = [
        *check_brief(brief),
        *curation.problems,
        *check_records(curation.records, brief, curation.likely_sources),
    ]
    if problems:
        raise BuildError(problems)
    # Passages are generated, not curated: added after the checks, which they would
    # trivially satisfy.
    curation.records += passage_records(brief)
    # The index lists passages too, so it is checked against every record of the brief.
    problems = check_subject_index(curation.index_headings, curation.records)
    # Later sources: read against the brief's records, then added beside them.
    later = read_later(resources, curation.records, brief_source(curation.provenance))
    problems += later.problems
    if problems:
        raise BuildError(problems)
    curation.records = link_both_ways(
        with_quantities(curation.records, later.brief_quantities) + later.records
    )
    curation.sources = later.sources
    curation.quantities = later.quantities
    curation.status_updates = later.status_updates
    curation.left_out = later.left_out
    return CheckedResources(brief, curation, inputs_sha256(resources))


def build_database(resources: Path, out: Path) -> CheckedResources:
    """Check the resources, then write a fresh database to `out` (atomically)."""
    from mia_desktop.build.writer import write_database  # sqlite-utils: only when building

    checked = check_resources(resources)
    write_database(out, checked.brief, checked.curation, checked.inputs_sha256, resources / "csl")
    return checked
