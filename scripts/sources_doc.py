"""Write docs/sources.md from the checked resources: every source with its grade, the values
and events taken from it, and the register's rows left out because they could not be verified.

python scripts/sources_doc.py          # rewrite docs/sources.md
python scripts/sources_doc.py --check  # exit 1 if docs/sources.md is not what it would write
"""

from __future__ import annotations

import sys

from mia_desktop import paths
from mia_desktop.build import check_resources
from mia_desktop.present.later_html import GRADE_LABELS, source_date
from mia_desktop.present.values import figure_value_text
from mia_desktop.records import Figure, StatusUpdate

OUT = paths.REPO_ROOT / "docs" / "sources.md"


def render() -> str:
    curation = check_resources(paths.resources_dir()).curation
    quantities = {q.key: q for q in curation.quantities}
    lines = [
        "# Sources",
        "",
        "Written by `python scripts/sources_doc.py` from `resources/` (do not edit by hand).",
        "",
        "The 2015 NCNK brief is the primary source and the only one the app quotes. Every later",
        "value and event below was read again in the stored copy of its page before it was",
        "encoded (`resources/later/`); the app carries its figures and facts, with their dates",
        "and sources, in its own words. Values on different bases are different quantities.",
        "",
        "Grades: " + "; ".join(f"{label}" for label in GRADE_LABELS.values()) + ".",
        "",
        "## The quantities over time",
        "",
        "| Quantity | Unit | Values (as of: value) | Basis |",
        "|---|---|---|---|",
    ]
    for key, quantity in sorted(quantities.items(), key=lambda kv: kv[1].label):
        values = sorted(
            (r for r in curation.records if isinstance(r, Figure) and r.quantity == key),
            key=lambda f: f.date.value if f.date else "",
        )
        shown = "; ".join(
            f"{f.date.label if f.date else 'undated'}: {figure_value_text(f)}"
            + ("" if f.is_later else " (brief)")
            for f in values
        )
        estimate = " Every value is an estimate." if quantity.estimate else ""
        lines.append(
            f"| {quantity.label} | {quantity.unit} | {shown} | {quantity.basis}.{estimate} |"
        )
    lines += ["", "## Every source", ""]
    for source in curation.sources:
        taken = [r for r in curation.records if r.source == source.id]
        updates = [u for u in curation.status_updates if u.source == source.id]
        lines += [
            f"### {source.title}",
            "",
            f"- {source.author}; {source.publisher}; {source_date(source)}; {source.kind}",
            f"- Grade: {GRADE_LABELS[source.grade]}"
            + (f" (register row {source.register})" if source.register else ""),
            f"- Address: {source.url}",
        ]
        if source.seen_at != source.url:
            lines.append(f"- Read in a copy at: {source.seen_at}")
        if source.is_brief:
            lines += [f"- {len(taken)} records quote it.", ""]
            continue
        lines.append(f"- Checked: {source.checked}")
        for record in taken:
            if isinstance(record, Figure):
                what = f"{figure_value_text(record)} {record.unit} ({record.measure})"
            else:
                what = record.title
            when = record.date.label if record.date else "undated"
            lines.append(f"  - {record.kind} `{record.id}`: {what}, {when}")
        lines += [_status_line(u) for u in updates]
        lines.append("")
    lines += [
        "## Register rows left out",
        "",
        "What the register (`shared/source/later/`) gives that is not encoded, and why.",
        "",
        "| Register row | What it claims | Why it is left out |",
        "|---|---|---|",
    ]
    for row in curation.left_out:
        cells = [row[k].replace("|", "/").replace("\n", " ") for k in ("register", "value", "why")]
        lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines) + "\n"


def _status_line(update: StatusUpdate) -> str:
    return f"  - status of `{update.effort}`: {update.status}, {update.as_of.label}"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python scripts/sources_doc.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
