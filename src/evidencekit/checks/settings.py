"""Settings of the consistency checks: a frozen dataclass with named, validated defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: Significance level used when the paper states none (statcheck's default, too).
DEFAULT_ALPHA = 0.05

#: How a printed number stands for the true value (see :mod:`evidencekit.checks.rounding`).
Rounding = Literal["up_or_down", "half_up", "half_even", "truncate"]

#: Largest n for which rank-test p-values are also computed exactly (enumeration of the null
#: distribution); above it only the normal approximations are used.
DEFAULT_EXACT_MAX_N = 50


@dataclass(frozen=True)
class CheckSettings:
    """What the checks assume when the paper does not say.

    ``alpha`` is replaced by the paper's own alpha when the record has one. ``p_equal_alpha_sig``
    follows statcheck: a reported p = alpha counts as significant. ``rounding`` is the scheme a
    reported number is read with; "up_or_down" accepts either neighbour at an exact half (the
    lenient choice: we flag only when no reading fits).
    """

    alpha: float = DEFAULT_ALPHA
    rounding: Rounding = "up_or_down"
    p_equal_alpha_sig: bool = True
    exact_max_n: int = DEFAULT_EXACT_MAX_N
    ci_level: float = 0.95
    #: a printed W or U does not say whether the data had ties; a tie correction only lowers p,
    #: so with this on, no p below the no-tie range is called inconsistent
    rank_ties_possible: bool = True

    def __post_init__(self) -> None:
        if not 0 < self.alpha < 1:
            raise ValueError(f"alpha must lie in (0, 1); got {self.alpha!r}")
        if not 0 < self.ci_level < 1:
            raise ValueError(f"ci_level must lie in (0, 1); got {self.ci_level!r}")
        if self.rounding not in ("up_or_down", "half_up", "half_even", "truncate"):
            raise ValueError(f"rounding must be one of up_or_down, half_up, half_even, truncate; "
                             f"got {self.rounding!r}")
        if self.exact_max_n < 0:
            raise ValueError(f"exact_max_n must be 0 or more; got {self.exact_max_n!r}")

    @classmethod
    def resolve(cls, settings: "CheckSettings | dict | None") -> "CheckSettings":
        """Accept None (defaults), a dict of overrides, or an instance."""
        if settings is None:
            return cls()
        if isinstance(settings, dict):
            return cls(**settings)
        if isinstance(settings, cls):
            return settings
        raise TypeError(f"settings must be CheckSettings, dict or None; got {type(settings).__name__}")
