"""Search as users type it: query (text to safe FTS5), engine (runs it), snippets,
grouping (one result per sentence), answers (the answer line), locate (where is this from?)."""
