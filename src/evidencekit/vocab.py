"""Closed vocabularies of CONTRACT.md as enums whose values are the contract strings.

Check values at the edge with :func:`parse_vocab`; its error names the allowed values.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar


class Design(StrEnum):
    """Vocabulary D — study design."""

    ONE_GROUP_PRETEST_POSTTEST = "one_group_pretest_posttest"
    TWO_GROUP_PRETEST_POSTTEST = "two_group_pretest_posttest"
    TWO_GROUP_POSTTEST_ONLY = "two_group_posttest_only"
    RCT = "rct"
    CROSSOVER = "crossover"
    QUASI_EXPERIMENTAL = "quasi_experimental"
    CROSS_SECTIONAL = "cross_sectional"
    COHORT = "cohort"
    CASE_CONTROL = "case_control"
    LITERATURE_REVIEW = "literature_review"
    SYSTEMATIC_REVIEW = "systematic_review"
    META_ANALYSIS = "meta_analysis"
    OTHER = "other"


class DesignFamily(StrEnum):
    """Vocabulary F — design family, as the paper labels itself."""

    PRE_EXPERIMENTAL = "pre_experimental"
    QUASI_EXPERIMENTAL = "quasi_experimental"
    EXPERIMENTAL = "experimental"
    OBSERVATIONAL = "observational"
    REVIEW = "review"


class Sampling(StrEnum):
    """Vocabulary S — sampling method."""

    PURPOSIVE = "purposive"
    CONSECUTIVE = "consecutive"
    ACCIDENTAL = "accidental"
    TOTAL = "total"
    SIMPLE_RANDOM = "simple_random"
    STRATIFIED = "stratified"
    CLUSTER = "cluster"
    CONVENIENCE = "convenience"
    OTHER = "other"


class TestName(StrEnum):
    """Vocabulary T — statistical tests."""

    __test__ = False  # not a pytest test class

    PAIRED_T = "paired_t"
    INDEPENDENT_T = "independent_t"
    ONE_SAMPLE_T = "one_sample_t"
    WELCH_T = "welch_t"
    WILCOXON_SIGNED_RANK = "wilcoxon_signed_rank"
    MANN_WHITNEY = "mann_whitney"
    KRUSKAL_WALLIS = "kruskal_wallis"
    FRIEDMAN = "friedman"
    ANOVA = "anova"
    ANCOVA = "ancova"
    CHI_SQUARE = "chi_square"
    FISHER_EXACT = "fisher_exact"
    MCNEMAR = "mcnemar"
    PEARSON = "pearson"
    SPEARMAN = "spearman"
    REGRESSION = "regression"
    LOGISTIC_REGRESSION = "logistic_regression"
    SHAPIRO_WILK = "shapiro_wilk"
    KOLMOGOROV_SMIRNOV = "kolmogorov_smirnov"
    OTHER = "other"


class StatKind(StrEnum):
    """CONTRACT "Statistic kinds"."""

    T = "t"
    F = "F"
    R = "r"
    RHO = "rho"
    CHI2 = "chi2"
    Z = "Z"
    U = "U"
    W = "W"
    H = "H"
    Q = "Q"
    OR = "OR"
    RR = "RR"
    P_ONLY = "p_only"
    DESCRIPTIVE = "descriptive"
    PERCENT = "percent"
    CI = "ci"


class CheckId(StrEnum):
    """Vocabulary C — consistency checks."""

    P_RECOMPUTE = "p_recompute"
    DECISION_ERROR = "decision_error"
    GRIM = "grim"
    GRIMMER = "grimmer"
    PERCENT_COUNT = "percent_count"
    PERCENT_SUM = "percent_sum"
    CI_MISMATCH = "ci_mismatch"
    RANGE_FEASIBILITY = "range_feasibility"
    CATEGORICAL_SUMMARY = "categorical_summary"
    P_BOUND = "p_bound"
    N_CONFLICT = "n_conflict"
    DESIGN_CONFLICT = "design_conflict"
    TEST_CONFLICT = "test_conflict"
    TEST_DESIGN_MISMATCH = "test_design_mismatch"
    VALUE_CONFLICT = "value_conflict"
    DECISION_RULE = "decision_rule"
    P_ZERO_OR_FORMAT = "p_zero_or_format"
    UNIT_CONFLICT = "unit_conflict"
    SAMPLING_CONFLICT = "sampling_conflict"
    OUTCOME_CONFLICT = "outcome_conflict"
    LABEL_CONFLICT = "label_conflict"
    TABLE_CELL_CONFLICT = "table_cell_conflict"
    CONCLUSION_CONFLICT = "conclusion_conflict"
    PROTOCOL_CONFLICT = "protocol_conflict"
    UNSUPPORTED_INFERENCE = "unsupported_inference"


class Severity(StrEnum):
    """How bad a flag is: error — the numbers cannot all be true; warning — probably wrong or
    contradictory; note — reporting quality."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for note: sort worst first."""
        return ("error", "warning", "note").index(self.value)


class DocumentKind(StrEnum):
    PRIMARY = "primary"
    REVIEW = "review"


class Source(StrEnum):
    """Where a statistic was read: running text or a table."""

    TEXT = "text"
    TABLE = "table"


class POperator(StrEnum):
    EQ = "="
    LT = "<"
    GT = ">"
    LE = "<="
    GE = ">="

    @classmethod
    def parse(cls, text: str) -> "POperator":
        """Read an operator as printed: "=", "<", "≤", "<=", ">", "≥", ">=" (also "=<")."""
        t = text.strip().replace("≤", "<=").replace("≥", ">=").replace("=<", "<=").replace("=>", ">=")
        return cls(t)


E = TypeVar("E", bound=StrEnum)


def parse_vocab(enum: type[E], value: str) -> E:
    """Return ``enum(value)`` or raise a ValueError that lists the allowed values."""
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValueError(f"unknown {enum.__name__} {value!r}; allowed: {allowed}") from None
