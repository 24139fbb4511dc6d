"""A scaled database for scale tests: the real schema and data, plus N synthetic records.

    python benchmarks/synthetic_db.py --records 100000 --out /tmp/scaled.db

The synthetic records look like the real ones (kinds in the same proportions, dates from
1950 to 2015, one to three countries, texts of realistic length built from the brief's own
vocabulary, quotes taken from its paragraphs) so that search, paging and start-up meet the
same work they would with a larger edition. Their ids start with "syn-". Never bundled.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

from mia_desktop import dates  # noqa: E402
from mia_desktop.build.indexing import distinct_marks  # noqa: E402
from mia_desktop.records import BRIEF_SOURCE_ID, EFFORT_STATUSES, EVENT_CATEGORIES  # noqa: E402
from mia_desktop.search.words import tokenize  # noqa: E402

KIND_SHARE = [("event", 0.45), ("figure", 0.25), ("effort", 0.18), ("batch", 0.12)]
CATEGORIES = sorted(EVENT_CATEGORIES)
STATUSES = sorted(EFFORT_STATUSES)


def generate(out: Path, count: int, seed: int = 2015) -> None:
    rng = random.Random(seed)
    shutil.copyfile(REPO / "data.db", out)
    conn = sqlite3.connect(out)
    paragraphs = conn.execute("SELECT number, section, subsection, text FROM paragraphs").fetchall()
    countries = [row[0] for row in conn.execute("SELECT id FROM records WHERE kind='country'")]
    distinct_words = [row[0] for row in conn.execute("SELECT word FROM distinct_words")]
    words = [w for p in paragraphs for w in tokenize(p[3]) if len(w) > 3]
    kinds = [k for k, _ in KIND_SHARE]
    weights = [w for _, w in KIND_SHARE]
    records, details, links = [], {k: [] for k in kinds}, []
    for n in range(count):
        kind = rng.choices(kinds, weights)[0]
        record_id = f"syn-{kind}-{n:07d}"
        number, section, subsection, text = rng.choice(paragraphs)
        sentences = [s for s in text.split(". ") if len(s) > 40] or [text]
        quote = rng.choice(sentences)
        quote_start = text.find(quote)
        year = rng.randint(1950, 2015)
        if rng.random() < 0.3:
            value, precision = f"{year}/{min(2015, year + rng.randint(1, 12))}", "range"
        elif rng.random() < 0.5:
            value, precision = f"{year}-{rng.randint(1, 12):02d}", "month"
        else:
            value, precision = str(year), "year"
        start, end = dates.bounds(value)
        title = " ".join(rng.choices(words, k=rng.randint(5, 11))).capitalize()
        body = " ".join(rng.choices(words, k=rng.randint(25, 70))).capitalize() + "."
        records.append(
            (
                record_id,
                kind,
                title,
                body,
                quote,
                section,
                subsection,
                number,
                max(quote_start, 0),
                value,
                precision,
                dates.default_label(value, precision),
                None,
                start,
                end,
                dates.sort_key(value),
                f"{(start or end or '1950')[:3]}0s",
                " ".join(
                    [f"{kind} synthetic", *distinct_marks([title, body, quote], distinct_words)]
                ),
                f"Synthetic {kind}s · made up",
                BRIEF_SOURCE_ID,  # synthetic records stand in for the brief's
            )
        )
        for country in rng.sample(countries, rng.randint(1, 3)):
            links.append((record_id, country))
        if kind == "event":
            details["event"].append((record_id, rng.choice(CATEGORIES)))
        elif kind == "figure":
            figure = rng.randint(1, 9000)
            details["figure"].append(
                (
                    record_id,
                    title.lower(),
                    figure,
                    None,
                    None,
                    f"{figure:,}",
                    "exact",
                    "sets of remains",
                )
            )
        elif kind == "effort":
            details["effort"].append(
                (
                    record_id,
                    "operation",
                    rng.choice(STATUSES),
                    "Synthetic status.",
                    "Synthetic outcome.",
                )
            )
        else:
            details["batch"].append(
                (
                    record_id,
                    rng.choice(countries),
                    None,
                    rng.randint(1, 4000),
                    "exact",
                    "sets of remains",
                    None,
                    None,
                    None,
                    None,
                )
            )
    conn.executemany(
        "INSERT INTO records (id, kind, title, text, quote, section, subsection, paragraph,"
        " quote_start, date, date_precision, date_label, date_derived_because, date_start,"
        " date_end, date_sort, decade, keywords, subjects, source) VALUES"
        " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        records,
    )
    conn.executemany("INSERT INTO record_countries (record_id, country_id) VALUES (?,?)", links)
    conn.executemany("INSERT INTO events (id, category) VALUES (?,?)", details["event"])
    conn.executemany(
        "INSERT INTO figures (id, measure, value, low, high, value_text, qualifier, unit)"
        " VALUES (?,?,?,?,?,?,?,?)",
        details["figure"],
    )
    conn.executemany(
        "INSERT INTO efforts (id, effort_type, status, status_detail, outcome) VALUES (?,?,?,?,?)",
        details["effort"],
    )
    conn.executemany(
        "INSERT INTO batches (id, origin, recipient, count, count_qualifier, unit,"
        " individuals_low, individuals_high, unknowns, identified) VALUES (?,?,?,?,?,?,?,?,?,?)",
        details["batch"],
    )
    conn.executemany(
        "INSERT INTO renderings (subject, style, form, text, html) VALUES (?,?,?,?,?)",
        _renderings(conn, records),
    )
    conn.execute("INSERT INTO records_fts(records_fts) VALUES ('rebuild')")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def _renderings(
    conn: sqlite3.Connection, records: list[tuple[object, ...]]
) -> list[tuple[str, str, str, str, str]]:
    """Each synthetic record's citations: a real record's, with the heading swapped."""
    from types import SimpleNamespace

    from mia_desktop.records import heading

    real = conn.execute(
        "SELECT id, section, subsection FROM records WHERE id = 'ev-1953-armistice-signed'"
    ).fetchone()
    template = SimpleNamespace(section=real[1], subsection=real[2])
    styles = conn.execute(
        "SELECT style, form, text, html FROM renderings WHERE subject = ?"
        " AND form IN ('citation', 'short')",
        (real[0],),
    ).fetchall()
    rows = []
    for record in records:
        fake = SimpleNamespace(section=record[5], subsection=record[6])
        old, new = heading(template), heading(fake)  # type: ignore[arg-type]
        for style, form, text, html in styles:
            rows.append(
                (str(record[0]), style, form, text.replace(old, new), html.replace(old, new))
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, required=True, metavar="N")
    parser.add_argument("--out", type=Path, required=True, metavar="PATH")
    parser.add_argument("--seed", type=int, default=2015)
    args = parser.parse_args(argv)
    generate(args.out, args.records, args.seed)
    total = sqlite3.connect(args.out).execute("SELECT count(*) FROM records").fetchone()[0]
    print(f"wrote {args.out}: {total} records ({args.records} synthetic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
