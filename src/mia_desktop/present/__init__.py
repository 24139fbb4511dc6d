"""How things read: values (counts, hedges, dates), details_html (the panel), safe_html."""
