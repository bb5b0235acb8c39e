"""What every check may know about the paper besides the value it checks.

A :class:`CheckContext` is built once per document from the :class:`DocumentResult`: the
effective alpha (the paper's own, else the settings'), the sample size and arms, the design, the
tests and the document (for evidence spans). Checks read it; they never read globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evidencekit.checks.settings import CheckSettings
from evidencekit.model import Document, DocumentResult, StudyRecord
from evidencekit.vocab import Design, Source, TestName

#: Designs in which one group is measured twice (paired comparisons).
PAIRED_DESIGNS = frozenset({Design.ONE_GROUP_PRETEST_POSTTEST, Design.CROSSOVER})
#: Designs that compare independent groups at the main analysis.
TWO_GROUP_DESIGNS = frozenset({Design.TWO_GROUP_POSTTEST_ONLY, Design.TWO_GROUP_PRETEST_POSTTEST,
                               Design.RCT, Design.CASE_CONTROL, Design.COHORT})


@dataclass(frozen=True)
class CheckContext:
    settings: CheckSettings = field(default_factory=CheckSettings)
    record: StudyRecord | None = None
    document: Document | None = None
    #: the paper says its instrument is scored in whole points (questionnaire, checklist …)
    scores_are_integers: bool = False
    #: the paper says (some of) its tests were one-tailed, one-sided or directional
    one_tailed_stated: bool = False
    #: the item count the paper gives its instrument ("kuesioner 10 item"), when it gives one
    scale_items: int | None = None

    @property
    def alpha(self) -> float:
        """The paper's alpha when it states one, else the settings'."""
        a = self.record.alpha if self.record else None
        return a if a is not None and 0 < a < 1 else self.settings.alpha

    @property
    def n_total(self) -> int | None:
        return self.record.n_total if self.record else None

    @property
    def arm_sizes(self) -> tuple[int, ...]:
        """Sizes of the arms, when the record names them (empty when unknown)."""
        if not self.record or not self.record.n_arms:
            return ()
        return tuple(int(v) for v in self.record.n_arms.values() if v)

    @property
    def design(self) -> Design | None:
        return self.record.design if self.record else None

    @property
    def tests(self) -> tuple[TestName, ...]:
        return self.record.tests if self.record else ()

    @property
    def paired(self) -> bool | None:
        """True for one-group pre/post designs, False for independent groups, None if unknown."""
        if self.design in PAIRED_DESIGNS:
            return True
        if self.design in TWO_GROUP_DESIGNS:
            return False
        return None


def n_candidates(ctx: "CheckContext") -> tuple[int, ...]:
    """Every sample size the paper states for the study (record candidates, then n_total)."""
    rec = ctx.record
    if not rec:
        return ()
    values = [c.value for c in rec.candidates.get("n_total", ()) if isinstance(c.value, int)]
    if rec.n_total:
        values.append(rec.n_total)
    return tuple(dict.fromkeys(values))


def n_for(d, ctx: "CheckContext") -> tuple[int | None, str]:
    """The sample size behind a descriptive row and how we know it: its own n; in a one-group
    design, the study's n; with arms of equal size, that size."""
    if d.n:
        return d.n, ""
    if d.source is not Source.TABLE:
        return None, ""            # prose restates table rows, often loosely: use its own n only
    if ctx.paired is True and ctx.n_total:
        return ctx.n_total, " (the study's n)"
    arms = ctx.arm_sizes
    if len(arms) >= 2 and len(set(arms)) == 1 and ctx.paired is False:
        return arms[0], " (each group's n)"
    return None, ""


def context_for(result: DocumentResult, settings: CheckSettings | None = None,
                scores_are_integers: bool = False, one_tailed_stated: bool = False,
                scale_items: int | None = None) -> CheckContext:
    """The :class:`CheckContext` of one processed document (settings resolved to their defaults)."""
    return CheckContext(CheckSettings.resolve(settings), result.record, result.document,
                        scores_are_integers, one_tailed_stated, scale_items)
