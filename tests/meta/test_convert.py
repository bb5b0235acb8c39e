"""Conversions to effect sizes from t, F, paired t, Z, p (and bounds), medians with IQR/range."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta import escalc_arrays
from evidencekit.meta.convert import (
    d_from_p, d_from_z, mean_sd_from_median, r_to_d, smcc_from_paired_t, smcr_from_paired_t, smd_from_f,
    smd_from_t, z_from_p,
)

#: conversions are algebraic identities here: only floating-point rounding separates the two routes
IDENTITY_TOL = 1e-10


def test_smd_from_t_equals_escalc_smd_from_the_means_behind_that_t():
    m1, m2, sd, n1, n2 = 34.0, 30.0, 5.0, 20, 22
    sp = sd
    t = (m1 - m2) / (sp * math.sqrt(1 / n1 + 1 / n2))
    ref = escalc_arrays("SMD", m1i=[m1], sd1i=[sd], n1i=[n1], m2i=[m2], sd2i=[sd], n2i=[n2])
    e = smd_from_t(t, n1, n2, study="Ani 2021")
    assert e.yi == pytest.approx(ref.yi[0], rel=IDENTITY_TOL)
    assert e.vi == pytest.approx(ref.vi[0], rel=IDENTITY_TOL)
    assert (e.measure, e.derived_from, e.study) == ("SMD", "t_two_group", "Ani 2021")


def test_smd_from_f_takes_its_sign_from_the_caller_and_records_it():
    e = smd_from_f(9.0, 15, 15, sign=-1)
    assert e.yi < 0 and e.assumed["direction"] == -1.0
    assert e.yi == pytest.approx(smd_from_t(-3.0, 15, 15).yi)


def test_paired_t_gives_smcc_and_smcr_with_the_assumed_correlation_recorded():
    # pre/post with equal SDs: SMCC = d_z, SMCR = d_z * sqrt(2(1 - r))
    smcc = smcc_from_paired_t(4.0, 25)
    smcr = smcr_from_paired_t(4.0, 25, 0.5)
    assert smcr.yi == pytest.approx(smcc.yi * math.sqrt(2 * 0.5), rel=IDENTITY_TOL)
    assert smcr.assumed["r_prepost"] == 0.5 and "r_prepost" not in smcc.assumed


def test_smcr_from_paired_t_matches_escalc_smcr_when_sds_are_equal():
    m_pre, m_post, sd, n, r = 10.0, 12.0, 3.0, 20, 0.6
    sd_diff = sd * math.sqrt(2 * (1 - r))
    t = (m_post - m_pre) / (sd_diff / math.sqrt(n))
    ref = escalc_arrays("SMCR", m1i=[m_post], m2i=[m_pre], sd1i=[sd], ni=[n], ri=[r])
    e = smcr_from_paired_t(t, n, r)
    assert (e.yi, e.vi) == pytest.approx((ref.yi[0], ref.vi[0]), rel=IDENTITY_TOL)


def test_d_from_z_uses_r_equals_z_over_root_n_and_says_it_is_approximate():
    e = d_from_z(2.5, 40)
    r = 2.5 / math.sqrt(40)
    assert e.yi == pytest.approx(2 * r / math.sqrt(1 - r**2))
    assert e.assumed["equal_group_sizes"] == 1.0
    assert any("approximate" in n for n in e.notes)


def test_a_p_bound_gives_a_conservative_marked_effect_smaller_than_the_exact_one():
    bound = d_from_p(0.001, 30, operator="<", measure="SMCR", r_prepost=0.5)
    exact = d_from_p(0.0001, 30, operator="=", measure="SMCR", r_prepost=0.5)
    assert bound.conservative and bound.derived_from == "p_bound"
    assert not exact.conservative and exact.derived_from == "p_n"
    assert 0 < bound.yi < exact.yi


def test_p_of_zero_is_refused_with_a_hint():
    with pytest.raises(DataError, match="p = 0 is a reporting error"):
        z_from_p(0.0)


def test_a_greater_than_bound_cannot_give_an_effect():
    with pytest.raises(DataError, match="only '=', '<' or '<='"):
        d_from_p(0.05, 30, operator=">")


def test_z_too_large_for_n_is_refused():
    with pytest.raises(DataError, match="check N"):
        d_from_z(8.0, 16)


@given(st.floats(min_value=1e-6, max_value=0.999))
def test_z_from_p_inverts_the_two_sided_normal_p(p):
    assert 2 * stats.norm.sf(z_from_p(p)) == pytest.approx(p, rel=1e-9)


@given(st.floats(min_value=-0.99, max_value=0.99))
def test_r_to_d_is_odd_and_monotone(r):
    assert r_to_d(-r) == pytest.approx(-r_to_d(r))
    assert r_to_d(min(r + 0.005, 0.995)) >= r_to_d(r)


@pytest.mark.parametrize("scenario", ["S1", "S2", "S3"])
def test_median_conversions_recover_a_normal_mean_and_sd(scenario):
    # the expected order statistics of N(50, 10²) for n = 400
    n, mu, sigma = 400, 50.0, 10.0
    q = lambda p: mu + sigma * stats.norm.ppf(p)  # noqa: E731
    lo, hi = q((1 - 0.375) / (n + 0.25)), q((n - 0.375) / (n + 0.25))
    kw = {"S1": dict(minimum=lo, maximum=hi), "S2": dict(q1=q(0.25), q3=q(0.75)),
          "S3": dict(minimum=lo, maximum=hi, q1=q(0.25), q3=q(0.75))}[scenario]
    est = mean_sd_from_median(n, mu, **kw)
    assert est.mean == pytest.approx(mu, abs=1e-9)
    assert est.sd == pytest.approx(sigma, rel=0.02)
    assert scenario in est.method


def test_luo_mean_leans_towards_a_skewed_range():
    est = mean_sd_from_median(20, 10.0, minimum=8.0, maximum=30.0)
    w = 4 / (4 + 20**0.75)
    assert est.mean == pytest.approx(w * 19.0 + (1 - w) * 10.0)
    assert est.mean > 10.0


def test_a_median_alone_is_refused():
    with pytest.raises(DataError, match="range .* or the IQR"):
        mean_sd_from_median(20, 5.0)
