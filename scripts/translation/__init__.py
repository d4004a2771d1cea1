"""The translator's kit: the site's texts out to gettext PO files and a filled folder back in.

Build-time tools only (never imported by forms/): `make translation-out LANG=xx` and
`make translation-in LANG=xx`; the README's "How a translator works" tells the steps.
"""
