"""Offline help (F1) with a glossary of the brief's terms, and the keyboard shortcuts list."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from mia_desktop import __version__
from mia_desktop.qt.text_view import TextView
from mia_desktop.records import SourceInfo

# Term -> what it means. Where the brief defines or expands a term, its words are used.
GLOSSARY = [
    (
        "“Unaccounted for”",
        "The brief's definition: “a term used to describe those who remained"
        " captive or missing at the conclusion of hostilities, or those killed in action whose"
        " remains have not been located, recovered, and identified.”",
    ),
    (
        "DPAA",
        "Defense POW/MIA Accounting Agency: “the Pentagon agency responsible for"
        " accounting for missing personnel from the Korean War and other conflicts, and for"
        " identifying remains returned from the battlefield”; formally established in early 2015,"
        " replacing several Defense agencies (its “predecessor organizations”).",
    ),
    (
        "NDAA",
        "National Defense Authorization Act. The NDAA for Fiscal Year 2010 mandates providing"
        " “sufficient resources to ensure that at least 200 missing persons are accounted for"
        " under the [Defense Department POW/MIA accounting] program annually by 2015.”",
    ),
    (
        "GAO",
        "Government Accountability Office. In 2013, a leaked GAO report indicated that the"
        " Department of Defense organizations responsible for accounting for missing personnel"
        " were “undermined by longstanding leadership weaknesses and a fragmented"
        " organizational structure.”",
    ),
    (
        "KCNA",
        "Korean Central News Agency. It published the 2014 statement in which North Korea"
        " blamed the United States “hostile policy” for causing the remains recovery missions"
        " to end.",
    ),
    (
        "PLA",
        "People's Liberation Army (“China's People's Liberation Army”). Its Archives"
        " Department and the Defense Department signed an agreement in February 2008 in which"
        " Chinese archivists would review classified documents on U.S. POW/MIAs from the"
        " Korean War.",
    ),
    ("DPRK", "Democratic People's Republic of Korea: North Korea."),
    ("POW", "Prisoner of war."),
    ("MIA", "Missing in action."),
    (
        "K208",
        "The 208 boxes of remains North Korea turned over to the United States between"
        " 1990 and 1994, which it had recovered unilaterally; known colloquially as the “K208”."
        " DPAA has estimated that these boxes contain from 375-400 remains.",
    ),
    (
        "Joint recovery operations",
        "Remains recovery missions in North Korea by U.S. military"
        " personnel, under the 1993 agreement; performed from 1996 to 2005, then suspended. North"
        " Korea proposed resuming joint recovery missions in January 2010.",
    ),
    (
        "Operation Glory",
        "In 1954, under the terms of the Armistice Agreement, North Korea returned over"
        " 4,000 sets of remains to the United Nations Command, primarily during “Operation"
        " Glory”. At its close, approximately 8,100 U.S. military personnel remained"
        " unaccounted for.",
    ),
    (
        "The Punch Bowl",
        "The National Memorial Cemetery in Hawaii (usually spelled Punchbowl),"
        " where 867 sets of remains declared “unknown” were buried.",
    ),
]

USING = """
<h2>Using mia-desktop</h2>
<p>Everything here comes from one document: the National Committee on North Korea's issue
brief <i>Korean War POW/MIAs</i>, last updated October 2015. Each figure shows the date it is
as of; those as of October 2015, the brief's date, are not today's: later public figures
differ.</p>
<ul>
<li><b>Search</b> (Ctrl+F or Ctrl+K) finds records as you type: numbers with or without
commas, abbreviations, misspellings, your own words for a subject, and questions. A
question's first words say what it asks for: <i>how many</i> puts figures first,
<i>when</i> dated events, <i>who</i> agencies, people and governments, <i>why</i> the
reasons. For <i>how many</i> and <i>when</i>, an answer line above the results gives the
figure or date with where it is from; Copy answer (Alt+A) copies it. Records that quote
the same sentence of the brief are one result, the others listed under the first. Enter
opens the first result, Down moves into the results or recalls earlier searches, Escape
clears; the list pages on as you scroll.</li>
<li><b>Where is this from?</b> (Ctrl+Shift+F): paste a sentence from a memo or an article
to see the paragraph of the brief it comes from, with the differences marked, or that it
is not in the brief.</li>
<li><b>Index</b>: the subject index, A&ndash;Z, each heading with its records and
&ldquo;see also&rdquo; headings. Its headings and words are this app's, not the brief's:
they say what records are about. Type in its filter to narrow the headings.</li>
<li><b>Timeline</b>: events in order. The drawing above the list zooms with Ctrl+wheel or
+ and &minus;, 0 fits all; click an event to select it in the list.</li>
<li><b>Remains batches</b>: the chart above the table uses a logarithmic scale; Copy data
puts its numbers on the clipboard.</li>
<li><b>Country efforts</b>: each country's efforts over time, coloured by their status in
October 2015.</li>
<li><b>Citation panel</b>: the selected record's verbatim quote in its paragraph, its
section and endnotes, and its citation in the style you choose. A note's
<i>likely source</i> was identified independently: it is a lead for research, not the
brief's own endnote.</li>
<li><b>Citing</b>: choose a <i>style</i> (Chicago notes or author-date, APA, MLA, BibTeX,
RIS, CSL-JSON) and a <i>form</i>: the citation (a note, or in-text), the Chicago short note
for later references, or the bibliography entry. Copy (Ctrl+Shift+C) and Markdown
(Ctrl+Shift+M) give the chosen form; Ctrl+Shift+N copies the short note and Ctrl+Shift+B
the bibliography entry. Citations point to the heading the quote stands under
(Chicago <i>under &ldquo;China&rdquo;</i>, APA <i>China section, para. 2</i>; MLA names
none), never to an endnote, whose text was not recovered. BibTeX, RIS and CSL-JSON
describe the brief itself, one entry however many records you cite; the pinpoint goes in
the citation command or citation item. The brief is dated October 2015; its address now
serves the December 2018 edition, which the entries say. A lead's [copy] link cites that
work in the chosen style and form.</li>
<li>A date marked <i>derived</i> is not stated in the brief; the panel says how it was
worked out.</li>
</ul>
"""


def help_html() -> str:
    terms = "".join(
        f"<dt><b>{escape(term, quote=False)}</b></dt><dd>{escape(text, quote=False)}</dd>"
        for term, text in GLOSSARY
    )
    return f"{USING}<h2>Glossary</h2><dl>{terms}</dl>"


def shortcuts_html(actions: Iterable[QAction]) -> str:
    # Every key of an action ("Ctrl+F or Ctrl+K"), each action once (each table has its
    # own Ctrl+C action: listed once, below).
    rows = sorted(
        {
            (
                a.text().replace("&", "").rstrip("…"),
                " or ".join(k.toString() for k in a.shortcuts()),
            )
            for a in actions
            if not a.shortcut().isEmpty() and a.shortcut().toString() != "Ctrl+C"
        }
    )
    extra = [
        ("Move into the search results / recall earlier searches", "Down"),
        ("Clear the search", "Escape"),
        ("Copy the selected table rows", "Ctrl+C"),
        ("Zoom the timeline drawing", "Ctrl+wheel, + and -"),
        ("Fit the whole timeline", "0"),
        (
            "Next / previous control: search, its filters and results, the tabs, the page,"
            " then the citation panel (arrows move within a list or table)",
            "Tab / Shift+Tab",
        ),
    ]
    body = "".join(
        f"<tr><td>{escape(name)}</td><td><b>{escape(keys)}</b></td></tr>"
        for name, keys in [*rows, *extra]
    )
    return f"<h2>Keyboard shortcuts</h2><table cellpadding='4'>{body}</table>"


class TextDialog(QDialog):
    """A read-only rich-text window (help, shortcuts)."""

    def __init__(self, *, title: str, html: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.browser = TextView(self)
        self.browser.setObjectName(f"{name}Text")
        self.browser.setAccessibleName(title)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 560)


def show_help(parent: QWidget) -> None:
    TextDialog(title="mia-desktop Help", html=help_html(), name="helpDialog", parent=parent).show()


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> None:
    TextDialog(
        title="Keyboard Shortcuts",
        html=shortcuts_html(actions),
        name="shortcutsDialog",
        parent=parent,
    ).show()


def show_about(parent: QWidget, source: SourceInfo) -> None:
    from PySide6.QtWidgets import QMessageBox

    from mia_desktop.present.safe_html import web_link

    QMessageBox.about(
        parent,
        "About mia-desktop",
        f"<h3>mia-desktop {__version__}</h3>"
        "<p>An offline reference on the accounting for Korean War POW/MIAs.</p>"
        f"<p>Source: {escape(source.publisher)} ({escape(source.publisher_short)}), "
        f"“{escape(source.title)},” {escape(source.kind)}, {escape(source.date_label)}.<br>"
        f"{web_link(source.url)}<br><i>{escape(source.url_note)}</i></p>"
        f"<p>Data version: schema {source.schema_version}, inputs"
        f" {escape(source.inputs_sha256[:12])}.<br>Each figure shows the date it is as of;"
        f" the brief is dated {escape(source.date_label)}.</p>",
    )
