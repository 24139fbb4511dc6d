"""The file formats exports offer (shared by the command line and File > Export...)."""

RECORD_FORMATS = {"json": "JSON", "csv": "CSV", "markdown": "Markdown"}
BIBLIOGRAPHY_FORMATS = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON"}
