"""Weighted least squares and the traces of metafor's projection matrix P, without forming P.

metafor writes its estimators with the k × k matrix P = W − W X (X'WX)⁻¹ X'W. Forming it costs
O(k²) memory, which rules out k = 100,000; every quantity the estimators need is a sum over
studies plus p × p algebra, so this module computes them in O(k p²):

* P y = w ∘ (y − X β̂)                         * tr(P)   = Σ w − Σ w² q,  q_i = x_i' M x_i
* tr(PP) = Σ w² − 2 Σ w³ q + tr((M F)²),  F = X' W² X,  M = (X'WX)⁻¹
* tr(PV) = Σ v (w − w² q)                     * tr(VPP) = Σ v (w² − 2 w³ q + w² x_i' M F M x_i)
* tr(PVPV) = Σ d² − 2 Σ d² w q + tr((M G)²),  d = w v,  G = X' diag(w² v) X
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np


@dataclass(eq=False)
class Wls:
    """Weighted least squares of ``y`` on ``X`` (k × p) with weights ``w``; lazily computed traces."""

    y: np.ndarray
    X: np.ndarray
    w: np.ndarray

    @property
    def k(self) -> int:
        return len(self.y)

    @property
    def p(self) -> int:
        return self.X.shape[1]

    @cached_property
    def intercept_only(self) -> bool:
        return self.p == 1 and bool(np.all(self.X[:, 0] == 1.0))

    @cached_property
    def sum_w(self) -> float:
        return float(np.add.reduce(self.w))

    @cached_property
    def M(self) -> np.ndarray:
        """(X'WX)⁻¹, the unscaled covariance of β̂."""
        if self.intercept_only:
            return np.array([[1.0 / self.sum_w]])
        xtwx = (self.X * self.w[:, None]).T @ self.X
        return np.linalg.inv(xtwx)

    @cached_property
    def beta(self) -> np.ndarray:
        if self.intercept_only:
            return np.array([dot(self.w, self.y) / self.sum_w])
        return self.M @ ((self.X * self.w[:, None]).T @ self.y)

    @cached_property
    def resid(self) -> np.ndarray:
        if self.intercept_only:
            return self.y - self.beta[0]
        return self.y - self.X @ self.beta

    @cached_property
    def Py(self) -> np.ndarray:
        return self.w * self.resid

    @cached_property
    def rss(self) -> float:
        """y'Py = Σ w (y − Xβ̂)² (Cochran's Q when w = 1/v)."""
        return dot(self.resid, self.Py)

    @cached_property
    def q(self) -> np.ndarray:
        """x_i' M x_i per study (the leverage h_i is w_i q_i)."""
        if self.intercept_only:
            return np.full(self.k, self.M[0, 0])
        return np.einsum("ij,jk,ik->i", self.X, self.M, self.X)

    @cached_property
    def hat(self) -> np.ndarray:
        return self.w * self.q

    @cached_property
    def tr_P(self) -> float:
        return self.sum_w - dot(self.w, self.hat)

    def _xtdx(self, d: np.ndarray) -> np.ndarray:
        if self.intercept_only:
            return np.array([[float(d.sum())]])
        return (self.X * d[:, None]).T @ self.X

    @cached_property
    def F(self) -> np.ndarray:
        return self._xtdx(self.w**2)

    @cached_property
    def tr_PP(self) -> float:
        mf = self.M @ self.F
        w2 = self.w**2
        return float(w2.sum() - 2 * dot(w2, self.hat) + np.trace(mf @ mf))

    @cached_property
    def yPPy(self) -> float:
        return dot(self.Py, self.Py)

    def tr_PV(self, v: np.ndarray) -> float:
        return dot(v, self.w - self.w * self.hat)

    def tr_VPP(self, v: np.ndarray) -> float:
        """Σ_ij P_ij² v_j, i.e. metafor's ``sum(PV * P)``."""
        if self.intercept_only:
            xmfmx = np.full(self.k, self.M[0, 0] ** 2 * self.F[0, 0])
        else:
            mfm = self.M @ self.F @ self.M
            xmfmx = np.einsum("ij,jk,ik->i", self.X, mfm, self.X)
        w2 = self.w**2
        return dot(v, w2 - 2 * w2 * self.hat + w2 * xmfmx)

    def tr_PVPV(self, v: np.ndarray) -> float:
        """tr(PVPV), metafor's ``sum(PV * t(PV))``."""
        d = self.w * v
        mg = self.M @ self._xtdx(self.w**2 * v)
        return float(dot(d, d) - 2 * dot(d**2, self.hat) + np.trace(mg @ mg))

    def logdet_xtwx(self) -> float:
        return float(-np.linalg.slogdet(self.M)[1])


#: below this length BLAS runs its dot single-threaded (and einsum's dispatch costs more than the sum)
BLAS_DOT_MAX = 4096


def dot(a: np.ndarray, b: np.ndarray) -> float:
    """Σ a·b for 1-d arrays. Long vectors avoid BLAS: OpenBLAS threads its dot for large k, which
    stalls on a busy machine (milliseconds instead of microseconds); einsum's C loop does not."""
    if a.shape[0] < BLAS_DOT_MAX:
        return float(a @ b)
    return float(np.einsum("i,i->", a, b))


def intercept(k: int) -> np.ndarray:
    """The k × 1 design matrix of an intercept-only model."""
    return np.ones((k, 1))
