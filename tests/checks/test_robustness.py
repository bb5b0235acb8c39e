"""check_result never raises on odd extracted values (zeros, negatives, huge precision, missing
pieces): a bad number becomes a flag or nothing, never a crash in a batch."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from evidencekit.checks import check_result
from evidencekit.model import (Candidate, Descriptive, DocumentResult, FrequencyTable, PercentCount,
                               Reported, Statistic, StudyRecord)
from evidencekit.vocab import Design, POperator, Source, StatKind, TestName

numbers = st.one_of(st.none(), st.builds(
    lambda v, d: Reported(round(v, d), d, f"{round(v, d):.{d}f}"),
    st.floats(-1e4, 1e4, allow_nan=False), st.integers(0, 6)))
small_n = st.one_of(st.none(), st.integers(-2, 300))

descriptives = st.builds(Descriptive, label=st.sampled_from([None, "pre", "post", "Pretest", "Kontrol"]),
                         n=small_n, mean=numbers, sd=numbers, median=numbers, min=numbers, max=numbers,
                         ci95=st.one_of(st.none(), st.tuples(numbers.filter(bool), numbers.filter(bool))),
                         group=st.sampled_from([None, "a", "b"]), time=st.sampled_from([None, "pre", "post"]),
                         source=st.sampled_from(list(Source)))
statistics_ = st.builds(Statistic, kind=st.sampled_from([k for k in StatKind if k.value not in ("descriptive", "percent")]),
                        value=numbers, df=st.one_of(st.none(), st.tuples(st.floats(0, 500)),
                                                    st.tuples(st.floats(0, 10), st.floats(0, 500))),
                        p=numbers, p_operator=st.one_of(st.none(), st.sampled_from(list(POperator))),
                        test=st.one_of(st.none(), st.sampled_from(list(TestName))), n=small_n)
percents = st.builds(PercentCount, count=st.integers(-1, 300), percent=numbers.filter(bool), n=small_n,
                     source=st.sampled_from(list(Source)))
tables = st.integers(1, 4).flatmap(lambda k: st.builds(
    FrequencyTable, label=st.just("var"), levels=st.just(tuple("abcd"[:k])),
    counts=st.tuples(*[st.one_of(st.none(), st.integers(0, 50))] * k),
    percents=st.tuples(*[numbers] * k), n=small_n))
records = st.builds(StudyRecord, design=st.one_of(st.none(), st.sampled_from(list(Design))),
                    n_total=small_n, n_arms=st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers(0, 50)),
                    tests=st.lists(st.sampled_from(list(TestName)), max_size=3).map(tuple),
                    candidates=st.fixed_dictionaries({"n_total": st.lists(st.builds(Candidate, st.integers(0, 99), st.none()), max_size=3).map(tuple)}),
                    alpha=st.one_of(st.none(), st.floats(-1, 2)))


@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(records, st.lists(st.one_of(descriptives, statistics_, percents), max_size=8), st.lists(tables, max_size=3))
def test_check_result_never_raises_on_odd_values(record, items, freq):
    result = DocumentResult("d", "d", record=record, statistics=tuple(items), frequency_tables=tuple(freq))
    flags = check_result(result)
    assert all(f.message for f in flags)
    json.dumps([f.to_dict() for f in flags], allow_nan=False)     # the CLI writes strict JSON
