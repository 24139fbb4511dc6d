"""Laws and hearings in the legal form every style uses for them (CMOS 14.288, 14.300; APA 7
11.4; the Bluebook), whatever the CSL style file would print."""

from __future__ import annotations

import re
from html import escape
from typing import Any


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def legal_form(item: dict[str, Any]) -> str | None:
    """A law or a hearing in the legal form every style uses for it (CMOS 14.288, 14.300;
    APA 7 11.4; the Bluebook), or None for other works."""
    year = item.get("issued", {}).get("date-parts", [[None]])[0][0]
    if item["type"] == "legislation":
        return (
            f"{item['title']}, Pub. L. No. {item['number']}, § {item['section']},"
            f" {item['volume']} Stat. {item['page']} ({year})"
        )
    if item["type"] == "hearing":
        # The Congress follows from the year: the 1st sat in 1789-1790.
        congress = _ordinal((year - 1789) // 2 + 1)
        return f"{item['title']} Before the {item['authority']}, {congress} Cong. ({year})"
    return None


def legal_rendering(item: dict[str, Any], style_key: str, form: str, html: bool) -> str | None:
    """The note, short note and bibliography entry of a law or hearing; None for in-text
    citations (the styles' own author-date forms serve there) and for other works."""
    text = legal_form(item)
    if text is None or (form == "citation" and style_key != "chicago"):
        return None
    if html:
        text = escape(text, quote=False)
    if form == "short":
        section = f", § {item['section']}" if item.get("section") else ""
        return f"{escape(item['title'], quote=False) if html else item['title']}{section}."
    url = item.get("URL")
    if not url:
        return f"{text}."
    shown = re.sub(r"https?://", "", url) if style_key == "mla" else url
    link = f'<a href="{url}">{shown}</a>' if html else shown
    if style_key == "mla":
        return f"{text}, {link}."
    if style_key == "apa":
        return f"{text}. {link}"  # APA: no period after a URL
    return f"{text}, {link}." if form == "citation" else f"{text}. {link}."
