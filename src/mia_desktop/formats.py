"""The citation styles and file formats offered (by the command line, the panel and File > Export).

Plain constants in a module of their own, so that the command line and the window can
list them without loading the citation code.
"""

# Style key -> (label shown to users, CSL file in resources/csl/). Rendered at build time.
CSL_STYLES = {
    "chicago": ("Chicago 18 (notes and bibliography)", "chicago-notes-bibliography"),
    "chicago-author-date": ("Chicago 18 (author-date)", "chicago-author-date"),
    "apa": ("APA 7", "apa"),
    "mla": ("MLA 9", "modern-language-association"),
}
# Formats written at run time (citations.py).
DATA_FORMATS = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON", "markdown": "Markdown"}
STYLES = {**{key: label for key, (label, _) in CSL_STYLES.items()}, **DATA_FORMATS}
DEFAULT_STYLE = "chicago"

RECORD_FORMATS = {"json": "JSON", "csv": "CSV", "markdown": "Markdown"}
BIBLIOGRAPHY_FORMATS = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON"}
