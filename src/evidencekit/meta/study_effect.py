"""One study record -> one effect size, the measure chosen by the design (used by :mod:`.from_records`).

* controlled comparisons (two-group pre/post, two-group post-only, RCT) -> SMD (Hedges' g) from the
  post-test means/SDs of the two arms, else from an independent t with the arm sizes, else from a
  Mann-Whitney Z with N, else from p of a between-arm test (a bound such as p < .001 gives a
  conservative effect);
* one-group pre/post -> SMCR (standardised by the pre-test SD) from the pre/post means/SDs with an
  assumed pre/post correlation, else from a paired t, a Wilcoxon Z with N, or p of a within-group
  test, with the same assumption.

Means and SDs may come from SE·√n or from a median with its range (Luo 2018 / Wan 2014); every such
step, every assumption and the spans used are recorded on the :class:`Effect`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from evidencekit.errors import DataError
from evidencekit.meta.convert import d_from_p, d_from_z, mean_sd_from_median, smcr_from_paired_t, smd_from_t
from evidencekit.meta.effects import escalc_arrays
from evidencekit.labels import TIME_WORDS, arm_of, time_of, tokens
from evidencekit.meta.results import Effect
from evidencekit.model import Descriptive, Span, Statistic, StudyRecord
from evidencekit.vocab import Design, POperator, Source, StatKind, TestName

PRE_POST = "pre_post"
CONTROLLED = "controlled"

DESIGN_KIND: dict[Design, str | None] = {
    Design.ONE_GROUP_PRETEST_POSTTEST: PRE_POST,
    Design.TWO_GROUP_PRETEST_POSTTEST: CONTROLLED,
    Design.TWO_GROUP_POSTTEST_ONLY: CONTROLLED,
    Design.RCT: CONTROLLED,
    Design.QUASI_EXPERIMENTAL: None,              # decided by the data the paper reports
}
INDEPENDENT_TESTS = (TestName.INDEPENDENT_T, TestName.WELCH_T)
#: tests whose p speaks of the change within one group / of the difference between arms; a p from
#: the other kind is never converted (a within-group p says nothing about the difference between arms)
WITHIN_TESTS: tuple[TestName | None, ...] = (TestName.PAIRED_T, TestName.WILCOXON_SIGNED_RANK, None)
BETWEEN_TESTS: tuple[TestName | None, ...] = (TestName.INDEPENDENT_T, TestName.WELCH_T, TestName.MANN_WHITNEY, None)


@dataclass(frozen=True, slots=True)
class RecordSettings:
    """Assumptions for turning records into effects; every one used is written into ``Effect.assumed``."""

    r_prepost: float = 0.5
    r_sensitivity: tuple[float, ...] = (0.2, 0.5, 0.8)

    def __post_init__(self) -> None:
        for r in (self.r_prepost, *self.r_sensitivity):
            if not -1 < r < 1:
                raise ValueError(f"pre/post correlations must lie in (-1, 1); got {r!r}")


class NotPoolable(DataError):
    """A study record that gives no effect size (the message says why)."""

    code = "not_poolable"


@dataclass(frozen=True, slots=True)
class Summary:
    """Mean, SD and n of one descriptive, with how they were obtained when not printed as such."""

    mean: float
    sd: float
    n: int
    source: Descriptive
    notes: tuple[str, ...] = ()


#: p printed as 0 with no decimals known (main_result): SPSS prints three, so p < 0.0005
P_ZERO_DECIMALS = 3


#: A median with a whole-number range of at most this many levels is an ordinal category (e.g.
#: smooth / fairly smooth / not smooth coded 0-2), not a continuous measurement.
ORDINAL_MAX_LEVELS = 5


def coarse_ordinal(median: float, minimum: float, maximum: float) -> bool:
    """Whether median, min and max look like codes of a few ordered categories. The median/range
    estimators (Wan et al. 2014; Luo et al. 2018) assume continuous, roughly symmetric data; on a
    three-level scale they give nonsense, so such summaries are not converted."""
    whole = all(float(x).is_integer() for x in (median, minimum, maximum))
    return whole and (maximum - minimum + 1) <= ORDINAL_MAX_LEVELS


def summary_of(d: Descriptive, n_fallback: int | None = None) -> Summary | None:
    """Mean/SD/n of a descriptive: as printed, SD from SE·√n, or mean/SD from median and range
    (Luo et al. 2018 / Wan et al. 2014). None when no SD can be had."""
    n = d.n or n_fallback
    if n is None or n < 2:
        return None
    notes: tuple[str, ...] = () if d.n else (f"n = {n} taken from the study's sample size.",)
    label = d.label or "a group"
    if d.mean is not None and d.sd is not None and d.sd.value > 0:
        return Summary(d.mean.value, d.sd.value, n, d, notes)
    if d.mean is not None and d.se is not None and d.se.value > 0:
        return Summary(d.mean.value, d.se.value * math.sqrt(n), n, d,
                       notes + (f"SD of {label} computed as SE × √n.",))
    if (d.median is not None and d.min is not None and d.max is not None and d.max.value > d.min.value
            and not coarse_ordinal(d.median.value, d.min.value, d.max.value)):
        est = mean_sd_from_median(n, d.median.value, minimum=d.min.value, maximum=d.max.value)
        return Summary(est.mean, est.sd, n, d,
                       notes + (f"mean and SD of {label} estimated from median and range ({est.method}).",))
    return None


def _spans(*items: Descriptive | Statistic | None) -> tuple[Span, ...]:
    return tuple(i.span for i in items if i is not None and i.span is not None)


# --------------------------------------------------------------------------- one study


def design_kind_of(record: StudyRecord, descriptives: Sequence[Descriptive]) -> str:
    """PRE_POST or CONTROLLED from the record's design, or from the data when the design is vague."""
    if record.design in DESIGN_KIND and DESIGN_KIND[record.design] is not None:
        return DESIGN_KIND[record.design]  # type: ignore[return-value]
    if record.design is not None and record.design not in DESIGN_KIND:
        raise NotPoolable(f"design {record.design.value} is not a pre/post or two-group comparison.")
    arms = {arm_of(d) for d in descriptives} - {None}
    if arms == {"intervention", "control"} or len(record.n_arms) >= 2:
        return CONTROLLED
    if {time_of(d) for d in descriptives} >= {"pre", "post"} or len(record.n_arms) == 1:
        return PRE_POST
    raise NotPoolable("the design is not stated and the data show neither two arms nor a pre/post pair.")


def _pre_post_pair(descs: Sequence[Descriptive], n_total: int | None
                   ) -> tuple[Summary, Summary, tuple[str, ...]] | None:
    """The best complete pre/post pair whose labels share their other words (e.g. the same day).

    Best: both with a printed n, both from a table, both in the results; ties go to the first pair
    in the document (the primary outcome comes first more often than not).
    """
    def key(d: Descriptive) -> frozenset[str]:
        return frozenset(tokens(d.label) - TIME_WORDS["pre"] - TIME_WORDS["post"] - {"test", "tes"})

    def quality(pair: tuple[Summary, Summary]) -> tuple[bool, bool, bool]:
        a, b = pair[0].source, pair[1].source
        return (bool(a.n and b.n), a.source == b.source == Source.TABLE,
                all(d.span is not None and d.span.section == "results" for d in (a, b)))

    complete = [s for d in descs if time_of(d) and (s := summary_of(d, n_total)) is not None]
    pres = [s for s in complete if time_of(s.source) == "pre"]
    pairs = [(pre, post) for pre in pres for post in complete
             if time_of(post.source) == "post" and key(pre.source) == key(post.source)]
    if not pairs and len(complete) == 2 and len(pres) == 1:
        pairs = [(pres[0], next(s for s in complete if s is not pres[0]))]
    if not pairs:
        return None
    best = max(quality(p) for p in pairs)
    pre, post = next(p for p in pairs if quality(p) == best)
    notes = (f"{len(pairs)} pre/post pairs reported; used {pre.source.label!r} → {post.source.label!r}.",) \
        if len(pairs) > 1 else ()
    return pre, post, notes + tuple(dict.fromkeys(pre.notes + post.notes))


def _first_stat(stats: Sequence[Statistic], kinds: Iterable[StatKind], tests: Iterable[TestName | None]) -> Statistic | None:
    kinds, tests = tuple(kinds), tuple(tests)
    for s in stats:
        if s.kind in kinds and (not tests or s.test in tests) and s.value is not None:
            return s
    return None


def _p_stat(stats: Sequence[Statistic], record: StudyRecord, tests: tuple[TestName | None, ...]
            ) -> tuple[float, str, Statistic | None, tuple[str, ...]] | None:
    """The first usable p of a test in ``tests`` (value, operator, statistic, notes);
    "p = 0,000" becomes p < 0.0005."""
    usable = (None, POperator.EQ, POperator.LT, POperator.LE)
    for s in stats:
        if s.p is None or s.p_operator not in usable or s.test not in tests:
            continue
        if s.p.value > 0:
            return s.p.value, (s.p_operator or POperator.EQ).value, s, ()
        if s.p_operator in (None, POperator.EQ):
            bound = s.p.half_unit if s.p.decimals else 0.5 * 10.0 ** -P_ZERO_DECIMALS
            return bound, "<", s, (f"p printed as {s.p.text or 0}; used the rounding bound p < {bound:g}.",)
    mr = record.main_result
    if mr is not None and mr.p is not None and mr.p_operator in usable and mr.test in tests:
        if mr.p > 0:
            return mr.p, (mr.p_operator or POperator.EQ).value, None, ()
        bound = 0.5 * 10.0 ** -P_ZERO_DECIMALS
        return bound, "<", None, (f"p printed as 0; used the rounding bound p < {bound:g} (3 decimals assumed).",)
    return None


def _n_of(record: StudyRecord, *descs: Descriptive) -> int | None:
    for d in descs:
        if d.n:
            return d.n
    return record.n_total


def _arm_sizes(record: StudyRecord) -> tuple[int, int, tuple[str, ...]] | None:
    if len(record.n_arms) != 2:
        return None
    (a, na), (b, nb) = record.n_arms.items()
    if arm_of(Descriptive(label=a)) == "control" or arm_of(Descriptive(label=b)) == "intervention":
        (a, na), (b, nb) = (b, nb), (a, na)
        return na, nb, ()
    named = arm_of(Descriptive(label=a)) == "intervention"
    return na, nb, () if named else (f"arm {a!r} taken as the intervention arm (listed first).",)


def effect_from_record(record: StudyRecord, statistics: Sequence[object], *, study: str,
                       settings: RecordSettings = RecordSettings()) -> tuple[Effect, str]:
    """The effect of one study and its design kind; raises :class:`NotPoolable` with the reason."""
    descs = [s for s in statistics if isinstance(s, Descriptive)]
    stats = [s for s in statistics if isinstance(s, Statistic)]
    kind = design_kind_of(record, descs)
    effect = _pre_post_effect(record, descs, stats, study, settings) if kind == PRE_POST \
        else _controlled_effect(record, descs, stats, study)
    return effect, kind


def _with(e: Effect, *, study: str, notes: tuple[str, ...] = (), evidence: tuple[Span, ...] = (),
          assumed: dict[str, float] | None = None) -> Effect:
    return replace(e, study=study, notes=e.notes + notes, evidence=e.evidence + evidence,
                   assumed=dict(e.assumed) | (assumed or {}))


def _pre_post_effect(record: StudyRecord, descs: Sequence[Descriptive], stats: Sequence[Statistic], study: str,
                     settings: RecordSettings) -> Effect:
    r = settings.r_prepost
    pair = _pre_post_pair(descs, record.n_total)
    if pair:
        pre, post, notes = pair
        arr = escalc_arrays("SMCR", m1i=[post.mean], m2i=[pre.mean], sd1i=[pre.sd], ni=[min(pre.n, post.n)], ri=[r])
        e = Effect(float(arr.yi[0]), float(arr.vi[0]), "SMCR", study, "pre_post_mean_sd", assumed={"r_prepost": r})
        if pre.n != post.n:
            notes += (f"pre n = {pre.n} and post n = {post.n} differ; used the smaller.",)
        return _with(e, study=study, notes=notes, evidence=_spans(pre.source, post.source))
    t = _first_stat(stats, (StatKind.T,), (TestName.PAIRED_T, None))
    n = _n_of(record)
    if t is not None and n:
        return _with(smcr_from_paired_t(t.value.value, n, r), study=study, evidence=_spans(t))  # type: ignore[union-attr]
    z = _first_stat(stats, (StatKind.Z,), (TestName.WILCOXON_SIGNED_RANK, None))
    if z is None and record.main_result and record.main_result.statistic == StatKind.Z and record.main_result.value \
            and record.main_result.test in WITHIN_TESTS:
        z_value, z_stat = record.main_result.value, None
    else:
        z_value, z_stat = (z.value.value, z) if z is not None else (None, None)  # type: ignore[union-attr]
    if z_value is not None and n:
        e = d_from_z(abs(z_value), n, measure="SMCR", r_prepost=r)
        return _with(e, study=study, evidence=_spans(z_stat), assumed={"direction": 1.0},
                     notes=("direction taken as an increase after the intervention (a rank Z carries no sign "
                            "one can trust).",))
    p = _p_stat(stats, record, WITHIN_TESTS)
    if p and n:
        e = d_from_p(p[0], n, operator=p[1], measure="SMCR", r_prepost=r)
        return _with(e, study=study, evidence=_spans(p[2]),
                     notes=p[3] + ("direction taken as an increase after the intervention (p alone has no sign).",))
    raise NotPoolable("no pre/post means and SDs, paired t, Z or p of a within-group test with a sample size "
                      "to compute an effect from.")


def _controlled_effect(record: StudyRecord, descs: Sequence[Descriptive], stats: Sequence[Statistic],
                       study: str) -> Effect:
    by_arm: dict[str, list[Summary]] = {}
    for d in descs:
        arm = arm_of(d)
        summary = summary_of(d) if arm and time_of(d) != "pre" else None
        if arm and summary is not None:
            by_arm.setdefault(arm, []).append(summary)
    if "intervention" in by_arm and "control" in by_arm:
        i, c = by_arm["intervention"][-1], by_arm["control"][-1]
        arr = escalc_arrays("SMD", m1i=[i.mean], sd1i=[i.sd], n1i=[i.n], m2i=[c.mean], sd2i=[c.sd], n2i=[c.n])
        notes = ("post-test means compared; baseline differences are not adjusted for.",) \
            if record.design == Design.TWO_GROUP_PRETEST_POSTTEST else ()
        return Effect(float(arr.yi[0]), float(arr.vi[0]), "SMD", study, "two_group_mean_sd",
                      notes=notes + tuple(dict.fromkeys(i.notes + c.notes)), evidence=_spans(i.source, c.source))
    sizes = _arm_sizes(record)
    t = _first_stat(stats, (StatKind.T,), INDEPENDENT_TESTS + (None,))
    if t is not None and sizes:
        n1, n2, notes = sizes
        return _with(smd_from_t(t.value.value, n1, n2), study=study, notes=notes, evidence=_spans(t))  # type: ignore[union-attr]
    n = sum(sizes[:2]) if sizes else record.n_total
    z = _first_stat(stats, (StatKind.Z,), (TestName.MANN_WHITNEY, None))
    if z is not None and n:
        kw = {"n1": sizes[0], "n2": sizes[1]} if sizes else {}
        e = d_from_z(abs(z.value.value), n, **kw)  # type: ignore[union-attr,arg-type]
        return _with(e, study=study, evidence=_spans(z), assumed={"direction": 1.0},
                     notes=("direction taken as favouring the intervention arm.",))
    p = _p_stat(stats, record, BETWEEN_TESTS)
    if p and n:
        kw = {"n1": sizes[0], "n2": sizes[1]} if sizes else {}
        e = d_from_p(p[0], n, operator=p[1], **kw)  # type: ignore[arg-type]
        return _with(e, study=study, evidence=_spans(p[2]),
                     notes=p[3] + ("direction taken as favouring the intervention arm (p alone has no sign).",))
    raise NotPoolable("no arm means and SDs, t with arm sizes, Z or p of a between-arm test with a sample size "
                      "to compute an effect from (a p from a within-group test such as Wilcoxon signed-rank "
                      "says nothing about the difference between arms).")


__all__ = ["BETWEEN_TESTS", "CONTROLLED", "DESIGN_KIND", "NotPoolable", "PRE_POST", "RecordSettings", "Summary",
           "WITHIN_TESTS", "design_kind_of", "effect_from_record", "summary_of"]
