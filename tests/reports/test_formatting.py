import math

import pytest

from evidencekit.reports.formatting import display_value, fmt_ci, fmt_num, fmt_p, p_text, plot_escape


@pytest.mark.parametrize(("p", "text"), [(0.0321, "0.032"), (0.00042, "0.0004"), (0.00001, "< 0.0001"),
                                         (None, "–"), (float("nan"), "–")])
def test_fmt_p_prints_as_journals_do(p, text):
    assert fmt_p(p) == text


def test_p_text_drops_the_equals_sign_before_a_bound():
    assert p_text(0.00001) == "p < 0.0001"
    assert p_text(0.2) == "p = 0.200"


def test_fmt_num_uses_a_real_minus_sign_and_no_negative_zero():
    assert fmt_num(-0.094) == "−0.09"
    assert fmt_num(-0.001) == "0.00"
    assert fmt_ci(-1.5, 2) == "[−1.50, 2.00]"


def test_plot_escape_makes_markup_inert():
    assert plot_escape('<a href="javascript:x">t</a>') == '&lt;a href="javascript:x"&gt;t&lt;/a&gt;'


def test_ratio_measures_are_shown_back_transformed():
    assert display_value("OR", math.log(2.0)) == pytest.approx(2.0)
    assert display_value("SMD", 0.4) == 0.4


def test_shorten_cuts_at_a_word_boundary_when_one_is_near():
    from evidencekit.reports.formatting import shorten

    assert shorten("Pijat oksitosin dan produksi ASI", 20) == "Pijat oksitosin dan…"
    assert shorten("Supercalifragilistic", 10) == "Supercali…"
    assert shorten("short", 10) == "short"
