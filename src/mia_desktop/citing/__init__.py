"""Citing: the styles and forms (styles), the brief and its leads as CSL items with pinpoints
(csl), the plain formats (plain_formats), and the citer that serves stored renderings."""
