"""The example papers, in the order they are numbered."""

from . import (ex01_id_one_group_wilcoxon, ex02_id_quasi_two_column, ex03_en_rct_consistent,
               ex04_en_paired_t, ex05_id_literature_review)

PAPERS = (ex01_id_one_group_wilcoxon.PAPER, ex02_id_quasi_two_column.PAPER,
          ex03_en_rct_consistent.PAPER, ex04_en_paired_t.PAPER, ex05_id_literature_review.PAPER)
