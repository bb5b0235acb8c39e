"""Field finders for study records: each reads a text (a section, a sentence or a table cell) and
returns what it found with character offsets, so the record can cite its evidence.

The same finders serve primary papers (``record.py``) and the rows of a review's extraction table
(``review.py``): n from a population cell is read exactly as n from a methods paragraph.
"""
