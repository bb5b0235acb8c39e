"""Time evidencekit's pooling next to PyMARE and statsmodels in the same run, and print ratios.

    .venv/bin/python benchmarks/meta.py            # k = 100, 10,000, 100,000
    .venv/bin/python benchmarks/meta.py --quick    # k = 100, 10,000 only

Estimators: REML (peer: PyMARE ``VarianceBasedLikelihoodEstimator(method="REML")``; statsmodels
has no REML) and DL (peers: PyMARE ``DerSimonianLaird``, statsmodels ``combine_effects(method_re=
"chi2")``, which is DerSimonian-Laird). Each peer's τ² is printed beside ours so a fast wrong
answer cannot pass. "ours" is ``pool_arrays(..., confint=False)`` — estimate, se, z/p, CI, τ²,
se(τ²), Q, I², H², prediction intervals and weights, i.e. at least what the peers compute; "ours+QP"
adds the Q-profile CI of τ² (root finding that no peer does). Ratio = ours / fastest peer
(< 1 means we are faster). Timings are the best of ``--repeats`` runs (min is the least noisy on a
shared machine).
"""

from __future__ import annotations

import argparse
import time
import warnings
from typing import Callable

import numpy as np

from evidencekit.meta import pool_arrays

TARGET = "not slower than the fastest peer for the same estimator"


def simulated(k: int, seed: int = 20240601) -> tuple[np.ndarray, np.ndarray]:
    """k studies: vi ~ U(0.01, 0.2), true τ² = 0.05, μ = 0.3 (fixed seed)."""
    rng = np.random.default_rng(seed)
    vi = rng.uniform(0.01, 0.2, k)
    yi = rng.normal(0.3, np.sqrt(vi + 0.05))
    return yi, vi


def best_time(fn: Callable[[], float], repeats: int) -> tuple[float, float]:
    """(best wall time in seconds, τ² the call returned)."""
    best, tau2 = float("inf"), float("nan")
    for _ in range(repeats):
        start = time.perf_counter()
        tau2 = fn()
        best = min(best, time.perf_counter() - start)
    return best, tau2


def ours(method: str, y: np.ndarray, v: np.ndarray, confint: bool = False) -> Callable[[], float]:
    return lambda: pool_arrays(y, v, method=method, confint=confint).tau2


def pymare_reml(y: np.ndarray, v: np.ndarray) -> Callable[[], float]:
    from pymare.estimators import VarianceBasedLikelihoodEstimator

    def run() -> float:
        est = VarianceBasedLikelihoodEstimator(method="REML").fit(y=y[:, None], v=v[:, None], X=np.ones((len(y), 1)))
        return float(np.ravel(est.params_["tau2"])[0])
    return run


def pymare_dl(y: np.ndarray, v: np.ndarray) -> Callable[[], float]:
    from pymare.estimators import DerSimonianLaird

    def run() -> float:
        est = DerSimonianLaird().fit(y=y[:, None], v=v[:, None], X=np.ones((len(y), 1)))
        return float(np.ravel(est.params_["tau2"])[0])
    return run


def statsmodels_dl(y: np.ndarray, v: np.ndarray) -> Callable[[], float]:
    from statsmodels.stats.meta_analysis import combine_effects

    def run() -> float:
        res = combine_effects(y, v, method_re="chi2")
        return float(res.tau2)
    return run


PEERS: dict[str, dict[str, Callable[[np.ndarray, np.ndarray], Callable[[], float]]]] = {
    "REML": {"PyMARE": pymare_reml},
    "DL": {"PyMARE": pymare_dl, "statsmodels": statsmodels_dl},
}


def run(ks: list[int], repeats: int) -> list[dict]:
    rows = []
    for k in ks:
        y, v = simulated(k)
        reps = repeats if k <= 10_000 else max(2, repeats // 2)
        for method, peers in PEERS.items():
            t_ours, tau2_ours = best_time(ours(method, y, v), reps)
            t_qp, _ = best_time(ours(method, y, v, confint=True), reps)
            peer_times = {}
            for name, make in peers.items():
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    peer_times[name] = best_time(make(y, v), reps)
            fastest = min(peer_times, key=lambda n: peer_times[n][0])
            rows.append({"k": k, "method": method, "ours": t_ours, "ours_qp": t_qp, "tau2": tau2_ours,
                         "peers": peer_times, "fastest": fastest, "ratio": t_ours / peer_times[fastest][0]})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip k = 100,000")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    ks = [100, 10_000] if args.quick else [100, 10_000, 100_000]
    print(f"target: {TARGET}")
    print(f"{'k':>8} {'method':6} {'ours ms':>9} {'ours+QP ms':>11}  {'peer (ms, τ²)':<56} {'ratio':>6}")
    for r in run(ks, args.repeats):
        peers = ", ".join(f"{n} {t * 1e3:.2f} ({tau2:.5f})" for n, (t, tau2) in r["peers"].items())
        verdict = "ok" if r["ratio"] <= 1.0 else "SLOWER"
        print(f"{r['k']:>8} {r['method']:6} {r['ours'] * 1e3:9.2f} {r['ours_qp'] * 1e3:11.2f}  "
              f"{peers:<56} {r['ratio']:6.2f} {verdict}  (ours τ² {r['tau2']:.5f}; vs {r['fastest']})")


if __name__ == "__main__":
    main()
