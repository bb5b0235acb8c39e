"""Find every reported statistic of a document, in its prose and in its tables.

:func:`find_statistics` is the front door the pipeline calls. Tables come from the reader
(``Document.tables``, PDF input) or, for text input, are rebuilt from the lines a flattened table
leaves in the text (:mod:`evidencekit.extract.text_tables`); both are read by the same table
interpreter (:mod:`evidencekit.extract.tables`). Prose inside a table block is not read again.
"""

from __future__ import annotations

import logging
import re

from evidencekit.extract.context import StatContext
from evidencekit.extract.instrument import says_per_item, scale_items
from evidencekit.extract.patterns import N_EQ_RE, lexicon_alternation
from evidencekit.extract.prose import find_prose_statistics
from evidencekit.extract.tables import caption_of, interpret_table
from evidencekit.extract.text_tables import find_text_tables
from evidencekit.model import Descriptive, Document, FrequencyTable, PercentCount, Span, Statistic, Table, replace

log = logging.getLogger(__name__)

AnyStat = Statistic | Descriptive | PercentCount


def find_statistics(document: Document) -> tuple[list[AnyStat], list[FrequencyTable]]:
    """Every statistic of ``document`` (prose and tables, in text order) and its frequency tables.

    Each item carries a span (page, section, offsets, text), ``source`` text|table, the test it
    belongs to when the paper says, labels, and every number as printed (value, decimals, text).
    """
    ctx = StatContext.of(document)
    tables = list(document.tables) + find_text_tables(document, ctx)
    items: list[AnyStat] = []
    frequency_tables: list[FrequencyTable] = []
    for table in tables:
        found, freq = interpret_table(table, ctx)
        if found or freq:
            # prose does not read a table it understood; other tables (a review's extraction
            # table, with results written as sentences in cells) are read as prose
            ctx.masked.append((table.start, table.end))
        items.extend(found)
        frequency_tables.extend(freq)
    items.extend(find_prose_statistics(ctx))
    items = _with_scale_items(items, tables, ctx)
    items.sort(key=lambda s: (s.span.start if s.span else -1, s.span.end if s.span else -1))
    frequency_tables.sort(key=lambda f: f.span.start if f.span else -1)
    log.debug("%s: %d statistics, %d frequency tables", document.id, len(items), len(frequency_tables))
    return items, frequency_tables


def _with_scale_items(items: list[AnyStat], tables: list[Table], ctx: StatContext) -> list[AnyStat]:
    """``Descriptive.items`` = the instrument's item count, for summaries the paper calls a mean
    per item (their own label, their table's caption, or their sentence). A summed total score
    keeps ``items=None``: its granularity is 1/n whatever the item count (see
    :mod:`evidencekit.extract.instrument`). The paper is searched for its item count only when
    some summary is a mean per item."""
    per_item = [i for i, s in enumerate(items) if isinstance(s, Descriptive) and s.items is None
                and s.span is not None and _says_per_item(s, tables, ctx)]
    if not per_item:
        return items                                   # the item count is not even looked for
    k = scale_items(ctx.document)
    if k is None:
        return items
    out = list(items)
    for i in per_item:
        out[i] = replace(out[i], items=k)
    return out


def _says_per_item(s: Descriptive, tables: list[Table], ctx: StatContext) -> bool:
    """Whether a summary's label, its table's caption or its sentence calls it a mean per item."""
    words = [s.label or ""]
    table = next((t for t in tables if t.start <= s.span.start < t.end), None)
    if table is not None:
        words.append(caption_of(table, ctx.text))
    else:
        start, _ = ctx.sentence(s.span.start)
        words.append(ctx.text[start:s.span.end])
    return says_per_item(" ".join(words))


#: "sebanyak 24 orang", "as many as 15 respondents", "24 ibu nifas" after a sample word
#: (statistic_words.toml n_before, n_person).
_N_PHRASE_RE = re.compile(
    rf"(?i)(?:{lexicon_alternation('statistic_words', 'n_before', space=' ')})\s+(?P<n>\d{{1,6}})\s+"
    rf"(?:{lexicon_alternation('statistic_words', 'n_person')})")


def find_sample_sizes(document: Document) -> list[tuple[int, Span]]:
    """Sample sizes printed in the text: "n = 24", "(n=24)", "sebanyak 24 orang", "N = 100"."""
    text = document.text
    found = []
    for m in list(N_EQ_RE.finditer(text)) + list(_N_PHRASE_RE.finditer(text)):
        digits = re.sub(r"[.,]", "", m.group("n"))
        if digits.isdigit():
            found.append((int(digits), document.span(m.start(), m.end())))
    return sorted(found, key=lambda f: f[1].start)


__all__ = ["find_sample_sizes", "find_statistics"]
