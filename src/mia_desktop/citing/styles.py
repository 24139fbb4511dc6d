"""The citation styles, forms and file formats offered (by the command line, the panel and
File > Export).

Plain constants in a module of their own, so that the command line and the window can
list them without loading the citation code.
"""

from __future__ import annotations

from mia_desktop.db.schema import RENDERED_STYLES

# Style key -> (label shown to users, CSL file in resources/csl/). Rendered at build time;
# which ones the file stores is the schema's to say.
_CSL_FILES = {
    "chicago": ("Chicago 18 (notes and bibliography)", "chicago-notes-bibliography"),
    "chicago-author-date": ("Chicago 18 (author-date)", "chicago-author-date"),
    "apa": ("APA 7", "apa"),
    "mla": ("MLA 9", "modern-language-association"),
}
CSL_STYLES = {key: _CSL_FILES[key] for key in RENDERED_STYLES}
# Formats written at run time (citations.py): they describe the item, never one passage.
DATA_FORMATS = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON"}
STYLES = {**{key: label for key, (label, _) in CSL_STYLES.items()}, **DATA_FORMATS}
DEFAULT_STYLE = "chicago"

# Every style has a citation and a bibliography entry; only Chicago notes has a short note
# (elsewhere "short" gives the citation).
FORMS = ("citation", "short", "bibliography")
DEFAULT_FORM = "citation"
# What each style calls its forms, as users know them (citation, short, bibliography).
_FORM_NAMES = {
    "chicago": ("note", "short note", "bibliography entry"),
    "chicago-author-date": ("in-text citation", "in-text citation", "reference list entry"),
    "apa": ("in-text citation", "in-text citation", "reference list entry"),
    "mla": ("in-text citation", "in-text citation", "works-cited entry"),
    "bibtex": ("citation command", "citation command", "entry"),
    "ris": ("record", "record", "record"),
    "csl-json": ("citation item", "citation item", "item"),
}
FORM_LABELS = {"citation": "Citation", "short": "Short note", "bibliography": "Bibliography entry"}


def form_name(style: str, form: str) -> str:
    """The style's own word for a form: "short note", "reference list entry", "entry"."""
    return _FORM_NAMES[style][FORMS.index(form)]


def quote_style(style: str) -> str:
    """The style a quotation is cited in: the chosen prose style, else Chicago notes."""
    return style if style in CSL_STYLES else DEFAULT_STYLE


RECORD_FORMATS = {"json": "JSON", "csv": "CSV", "markdown": "Markdown"}
BIBLIOGRAPHY_FORMATS = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON"}
