"""Build evidencekit's own example papers (PDF + text twin) from content written for them.

A paper is data (:mod:`builder.blocks`); :mod:`builder.pdf` lays it out with reportlab and
:mod:`builder.text` writes the plain-text twin with the same words and numbers.
"""
