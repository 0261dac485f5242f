"""helpers.measures: hand-computed cases, properties, the real UN votes, speed and messages.

Every expected number in the hand cases is worked out in the comment next to it, from the
formulas in FACTS.md ("Measures of closeness"), not by running the code.
"""
import math
import time

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import measures as m
from helpers.measures import MeasureError

YES, ABST, NO = 1, 2, 3


# ---------------------------------------------------------------------------- hand cases

def test_agreement_by_hand():
    x = ["yes", "yes", "no", "abstain", "no"]
    y = ["yes", "no", "no", "yes", None]
    # same 1, yes-no 0, same 1, abstain-yes 0.5; the last: y did not vote -> (1+0+1+0.5)/4
    assert m.agreement(x, y) == 0.625
    # the same votes as numbers, as a Categorical and with other spellings
    assert m.agreement([1, 1, 3, 2, 3], [1, 3, 3, 1, np.nan]) == 0.625
    levels = ["yes", "abstain", "no"]
    assert m.agreement(pd.Series(x, dtype=pd.CategoricalDtype(levels, ordered=True)),
                       pd.Series(y, dtype=pd.CategoricalDtype(levels, ordered=True))) == 0.625
    assert m.agreement([" Yes", "NO"], ["yes", "no"]) == 1.0
    assert m.agreement(np.array([1, 3]), pd.array([1, pd.NA], dtype="Int64")) == 1.0  # 1 vs 1 only


def test_agreement_scores_each_kind_of_pair():
    assert m.agreement([YES], [YES]) == 1.0
    assert m.agreement([ABST], [ABST]) == 1.0      # both abstained: the same vote
    assert m.agreement([YES], [ABST]) == 0.5
    assert m.agreement([ABST], [NO]) == 0.5
    assert m.agreement([YES], [NO]) == 0.0
    assert m.agreement([NO], [YES]) == 0.0


def test_votes_only_by_hand():
    x = [1, 1, 3, 2, 3, 1]
    y = [1, 3, 3, 1, 1, None]
    # yes/no by both: (1,1) identical, (1,3) opposite, (3,3) identical, (3,1) opposite;
    # (2,1) has an abstention and (1,None) a non-vote: left out -> 2 / (2 + 2)
    assert m.votes_only(x, y) == 0.5
    # abstain-abstain counts as "same" for agreement, but not for votes_only
    assert m.votes_only(["abstain", "yes", "yes"], ["abstain", "yes", "no"]) == 0.5  # 1 / (1+1)
    assert m.agreement(["abstain", "yes", "yes"], ["abstain", "yes", "no"]) == pytest.approx(2 / 3)


def test_s_score_by_hand():
    # UN votes, delta 2: |x - y| = 0, 1, 2, 0 -> sum 3; S = 1 - 2*3 / (2*4) = 0.25
    x, y = [1, 2, 3, 1], [1, 3, 1, 1]
    assert m.s_score(x, y, delta=2) == 0.25
    # weights 1, 2, 1, 0: sum w|d| = 0 + 2 + 2 + 0 = 4, sum w = 4; S = 1 - 2*4 / (2*4) = 0
    assert m.s_score(x, y, delta=2, weights=[1, 2, 1, 0]) == 0.0
    # squared: (x - y)^2 = 0, 1, 4, 0 -> 5; S = 1 - 2*5 / (2^2 * 4) = 1 - 10/16 = 0.375
    assert m.s_score(x, y, delta=2, squared=True) == 0.375
    # alliance portfolios 0-3, delta 3: |d| = 0, 3, 0, 2, 0 -> 5; S = 1 - 2*5 / (3*5) = 1/3
    assert m.s_score([3, 3, 0, 0, 1], [3, 0, 0, 2, 1], delta=3) == pytest.approx(1 / 3)
    # binary ties, delta 1: 2 mismatches in 4; S = 1 - 2*2 / (1*4) = 0
    assert m.s_score([1, 0, 1, 0], [1, 1, 0, 0], delta=1) == 0.0
    # the extremes: as far apart as possible everywhere -> -1
    assert m.s_score([0, 0], [3, 3], delta=3) == -1.0
    # vote words work; a position where one did not vote is left out: (yes, yes) only -> 1
    assert m.s_score(["yes", "no"], ["yes", None], delta=2) == 1.0


def test_s_score_two_states_with_no_alliances():
    # FACTS.md: two states with no alliances at all get S = 1 ...
    none = np.zeros(10)
    assert m.s_score(none, none, delta=3) == 1.0
    # ... while kappa (and pi) are undefined: a lesson, not a bug
    with pytest.raises(MeasureError, match=r"(?s)undefined.*S-score of these two states is 1"):
        m.cohen_kappa(none, none, delta=3)
    with pytest.raises(MeasureError, match="undefined"):
        m.scott_pi(none, none)


def test_cohen_kappa_by_hand():
    # x = 1 1 3 3, y = 1 3 3 3, delta 2 -> weight 1 for (1,3) and (3,1), 0 on the diagonal
    # observed: o(1,1) = 1/4, o(1,3) = 1/4, o(3,3) = 2/4  -> sum w*o = 1/4
    # marginals: p_x(1) = p_x(3) = 1/2; p_y(1) = 1/4, p_y(3) = 3/4
    # expected disagreement: p_x(1) p_y(3) + p_x(3) p_y(1) = 3/8 + 1/8 = 1/2
    # kappa = 1 - (1/4) / (1/2) = 0.5
    assert m.cohen_kappa([1, 1, 3, 3], [1, 3, 3, 3], delta=2) == pytest.approx(0.5)
    # three values, x = 1 2 3 1, y = 1 3 3 2, delta 2: w = 1/4 for |a-b| = 1, 1 for |a-b| = 2
    # observed: (2,3) and (1,2), each 1/4, weight 1/4 -> sum w*o = 1/8 = 4/32
    # p_x = (1/2, 1/4, 1/4), p_y = (1/4, 1/4, 1/2) for values 1, 2, 3; sum w*e =
    #   1/4*(1/2*1/4) + 1*(1/2*1/2) + 1/4*(1/4*1/4) + 1/4*(1/4*1/2) + 1*(1/4*1/4) + 1/4*(1/4*1/4)
    #   = 1/32 + 8/32 + 1/64 + 1/32 + 2/32 + 1/64 = 13/32
    # kappa = 1 - (4/32) / (13/32) = 9/13
    assert m.cohen_kappa([1, 2, 3, 1], [1, 3, 3, 2], delta=2) == pytest.approx(9 / 13)
    # delta cancels out of the ratio
    assert m.cohen_kappa([1, 2, 3, 1], [1, 3, 3, 2], delta=7) == pytest.approx(9 / 13)
    assert m.cohen_kappa([1, 2, 3, 1], [1, 3, 3, 2]) == pytest.approx(9 / 13)
    # independent by construction: observed = expected -> 0
    assert m.cohen_kappa([1, 1, 3, 3], [1, 3, 1, 3]) == pytest.approx(0.0)


def test_kappa_corrects_for_shared_absences_but_s_does_not():
    # two states with one shared alliance among 20 possible partners, and one each alone:
    x = np.zeros(20); y = np.zeros(20)
    x[0] = y[0] = 3
    x[1] = 3
    y[2] = 3
    # S: |d| = 3 at two positions; S = 1 - 2*6 / (3*20) = 0.8 (inflated by the 17 shared zeros)
    assert m.s_score(x, y, delta=3) == pytest.approx(0.8)
    # kappa: o(0,3) = o(3,0) = 1/20, w = 1 -> 1/10; p_x(3) = p_y(3) = 1/10, p(0) = 9/10
    # expected: 2 * (9/10 * 1/10) = 18/100; kappa = 1 - (10/100) / (18/100) = 4/9
    assert m.cohen_kappa(x, y, delta=3) == pytest.approx(4 / 9)


def test_scott_pi_by_hand():
    # x = yes yes no no, y = yes no no no: p_o = 3/4
    # pooled: yes 3 of 8, no 5 of 8 -> p_e = 9/64 + 25/64 = 34/64 = 0.53125
    # pi = (0.75 - 0.53125) / (1 - 0.53125) = 0.21875 / 0.46875 = 7/15
    assert m.scott_pi(["yes", "yes", "no", "no"], ["yes", "no", "no", "no"]) == pytest.approx(7 / 15)
    # opposite constant states: p_o = 0, p_e = 1/2 -> -1
    assert m.scott_pi([1, 1], [3, 3]) == -1.0
    # three values, x = 1 2 3 1, y = 1 3 3 2: identical at positions 1 and 3 -> p_o = 1/2
    # pooled over 8 values: 1 three times, 2 twice, 3 three times -> p_e = (9 + 4 + 9)/64 = 22/64
    # pi = (32/64 - 22/64) / (42/64) = 10/42 = 5/21
    assert m.scott_pi([1, 2, 3, 1], [1, 3, 3, 2]) == pytest.approx(5 / 21)
    # categories, not distances: yes against abstain is a full disagreement
    assert m.scott_pi(["yes", "abstain"], ["abstain", "yes"]) == -1.0


def test_trade_dependence_and_weak_link_by_hand():
    # (120 + 80) / 4000 = 0.05, trade and GDP both in millions of US dollars
    assert m.trade_dependence(exports_ij=120, imports_ij=80, gdp_i=4000) == pytest.approx(0.05)
    # the partner: (80 + 120) / 200000 = 0.001
    d_ji = m.trade_dependence(80, 120, 200_000)
    assert d_ji == pytest.approx(0.001)
    assert m.weak_link(0.05, d_ji) == pytest.approx(0.001)
    assert m.weak_link(d_ji, 0.05) == pytest.approx(0.001)
    # vectors and Series: element by element
    np.testing.assert_allclose(m.trade_dependence([10, 0], [30, 5], [100, 50]), [0.4, 0.1])
    s = m.trade_dependence(pd.Series([10.0, 20.0], index=[2000, 2001]),
                           pd.Series([30.0, 20.0], index=[2000, 2001]),
                           pd.Series([100.0, 400.0], index=[2000, 2001]))
    pd.testing.assert_series_equal(s, pd.Series([0.4, 0.1], index=[2000, 2001]))
    np.testing.assert_allclose(m.weak_link([0.1, 0.3], [0.2, 0.01]), [0.1, 0.01])
    # a missing value stays missing
    assert math.isnan(m.trade_dependence(np.nan, 1, 10))
    assert math.isnan(m.weak_link(np.nan, 0.1))


def _tiny_votes():
    #        rc1  rc2  rc3  rc4
    # USA    yes  no   yes  abst
    # GBR    yes  abst yes  abst
    # FRA    no   no   -    abst     (- : did not vote)
    # ZZZ    -    -    -    abst     (only abstains)
    rows = [(1, "USA", "yes"), (2, "USA", "no"), (3, "USA", "yes"), (4, "USA", "abstain"),
            (1, "GBR", "yes"), (2, "GBR", "abstain"), (3, "GBR", "yes"), (4, "GBR", "abstain"),
            (1, "FRA", "no"), (2, "FRA", "no"), (4, "FRA", "abstain"),
            (4, "ZZZ", "abstain")]
    return pd.DataFrame(rows, columns=["rcid", "iso3", "vote"])


def test_agreement_matrix_by_hand():
    votes = _tiny_votes()
    a = m.agreement_matrix(votes)
    assert list(a.index) == list(a.columns) == ["FRA", "GBR", "USA", "ZZZ"]
    # USA-GBR: 1, 0.5, 1, 1 -> 3.5/4
    assert a.loc["USA", "GBR"] == a.loc["GBR", "USA"] == 0.875
    # USA-FRA: rc1 yes-no 0, rc2 1, rc4 1 -> 2/3
    assert a.loc["USA", "FRA"] == pytest.approx(2 / 3)
    # GBR-FRA: rc1 0, rc2 0.5, rc4 1 -> 1.5/3
    assert a.loc["GBR", "FRA"] == 0.5
    # ZZZ shares only rc4 (abstain-abstain) with everyone -> 1
    assert (a.loc["ZZZ"] == 1.0).all()

    v = m.agreement_matrix(votes, measure="votes_only")
    # USA-GBR: yes/no by both on rc1, rc3, both identical -> 2/2
    assert v.loc["USA", "GBR"] == 1.0
    # USA-FRA: rc1 opposite, rc2 identical -> 1/2
    assert v.loc["USA", "FRA"] == 0.5
    # GBR-FRA: only rc1, opposite -> 0
    assert v.loc["GBR", "FRA"] == 0.0
    # ZZZ never voted yes or no: nothing to compare, even with itself
    assert v.loc["ZZZ"].isna().all()

    s = m.agreement_matrix(votes, measure="s_score")
    # USA-FRA: |d| = 2, 0, 0 -> S = 1 - 2*2 / (2*3) = 1/3
    assert s.loc["USA", "FRA"] == pytest.approx(1 / 3)
    np.testing.assert_allclose(s.to_numpy(), 2 * a.to_numpy() - 1)   # S = 2A - 1 for delta 2


def test_agreement_matrix_pair_that_never_met_is_nan():
    votes = pd.DataFrame({"rcid": [1, 1, 2, 2], "iso3": ["AAA", "BBB", "AAA", "CCC"],
                          "vote": [1, 1, 3, 3]})
    a = m.agreement_matrix(votes)
    assert math.isnan(a.loc["BBB", "CCC"]) and a.loc["AAA", "CCC"] == 1.0


def test_agreement_with_by_hand():
    votes = _tiny_votes()
    votes["year"] = votes["rcid"].map({1: 1990, 2: 1990, 3: 1991, 4: 1991})
    got = m.agreement_with(votes, "GBR")
    # 1990: rc1 1, rc2 0.5 -> 0.75; 1991: rc3 1, rc4 1 -> 1
    pd.testing.assert_series_equal(got, pd.Series({1990: 0.75, 1991: 1.0}, name="agreement")
                                   .rename_axis("year"))
    # FRA votes on rc1, rc2 (1990) and rc4 (1991) -- votes_only has nothing to count in 1991
    only = m.agreement_with(votes, "FRA", measure="votes_only")
    assert only[1990] == 0.5 and math.isnan(only[1991])


# ---------------------------------------------------------------------------- empty overlap

@pytest.mark.parametrize("fun", [m.agreement, m.votes_only, m.cohen_kappa, m.scott_pi,
                                 lambda x, y: m.s_score(x, y, delta=2)])
def test_nothing_to_compare_gives_nan(fun):
    assert math.isnan(fun([1, None, None], [None, 3, None]))
    assert math.isnan(fun([], []))


def test_s_score_zero_total_weight_is_nan():
    assert math.isnan(m.s_score([1, 3], [1, 1], delta=2, weights=[0, 0]))


# ---------------------------------------------------------------------------- properties

RNG_SEED = 20240601


def _random_votes(rng, n, missing=0.15):
    v = rng.integers(1, 4, size=n).astype(float)
    v[rng.random(n) < missing] = np.nan
    return v


@pytest.mark.parametrize("trial", range(20))
def test_vote_properties(trial):
    rng = np.random.default_rng([RNG_SEED, trial])
    n = int(rng.integers(5, 200))
    x, y = _random_votes(rng, n), _random_votes(rng, n)
    s = m.s_score(x, y, delta=2)
    a = m.agreement(x, y)
    assert m.s_score(x, x, delta=2) == 1.0
    assert m.agreement(x, x) == 1.0
    assert -1 <= s <= 1 and 0 <= a <= 1
    assert s == pytest.approx(m.s_score(y, x, delta=2))
    assert a == m.agreement(y, x)
    assert m.votes_only(x, y) == m.votes_only(y, x) or math.isnan(m.votes_only(x, y))
    assert a == pytest.approx((1 + s) / 2)                       # agreement = (1 + S) / 2
    w = rng.random(n) * 5
    sw = m.s_score(x, y, delta=2, weights=w)
    assert -1 <= sw <= 1 and sw == pytest.approx(m.s_score(y, x, delta=2, weights=w))
    assert m.s_score(x, x, delta=2, weights=w, squared=True) == 1.0


@pytest.mark.parametrize("trial", range(20))
def test_s_score_properties_other_codings(trial):
    rng = np.random.default_rng([RNG_SEED, 1, trial])
    n = int(rng.integers(2, 100))
    for top, delta in ((3, 3), (1, 1)):           # alliance levels 0-3, binary ties 0-1
        x = rng.integers(0, top + 1, size=n)
        y = rng.integers(0, top + 1, size=n)
        for squared in (False, True):
            s = m.s_score(x, y, delta=delta, squared=squared)
            assert -1 <= s <= 1
            assert s == pytest.approx(m.s_score(y, x, delta=delta, squared=squared))
            assert m.s_score(x, x, delta=delta, squared=squared) == 1.0


@pytest.mark.parametrize("trial", range(20))
def test_kappa_properties(trial):
    rng = np.random.default_rng([RNG_SEED, 2, trial])
    n = int(rng.integers(3, 150))
    x = rng.integers(0, 4, size=n).astype(float)
    x[:2] = [0, 3]                                   # x varies
    y = rng.integers(0, 4, size=n).astype(float)
    assert m.cohen_kappa(x, x, delta=3) == pytest.approx(1.0)
    assert m.scott_pi(x, x) == pytest.approx(1.0)
    k = m.cohen_kappa(x, y, delta=3)
    assert k == pytest.approx(m.cohen_kappa(y, x, delta=3))
    assert m.scott_pi(x, y) == pytest.approx(m.scott_pi(y, x))
    # with squared-distance weights kappa has a closed form (population variances):
    # 1 - mean((x - y)^2) / (var x + var y + (mean x - mean y)^2)
    closed = 1 - np.mean((x - y) ** 2) / (x.var() + y.var() + (x.mean() - y.mean()) ** 2)
    assert k == pytest.approx(closed)


@pytest.mark.parametrize("value", [0, 1, 3, "yes"])
def test_kappa_undefined_for_two_identical_constant_states(value):
    with pytest.raises(MeasureError, match=r"(?s)kappa is undefined.*every one of their positions"):
        m.cohen_kappa([value] * 5, [value] * 5)


def test_kappa_defined_when_only_one_state_is_constant():
    assert m.cohen_kappa([0, 0, 0, 0], [0, 3, 0, 0], delta=3) == pytest.approx(0.0)


# ---------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("call, words", [
    (lambda: m.agreement([1, 2, 3], [1, 2]), ["x has 3 values and y has 2"]),
    (lambda: m.s_score([1, 2], [1], delta=2), ["x has 2 values and y has 1"]),
    (lambda: m.agreement([1, 8, 9], [1, 2, 3]), ["8, 9", "yes = 1, abstain = 2, no = 3",
                                                 "8 means absent"]),
    (lambda: m.votes_only(["yes", "maybe"], ["yes", "no"]), ["'maybe'", "'yes', 'abstain', 'no'"]),
    (lambda: m.agreement([1, 2], [0, 1]), ["y holds 1 value(s)", "0"]),
    (lambda: m.agreement([True, False], [1, 1]), ["True"]),
    (lambda: m.agreement("yes", "yes"), ["single value"]),
    (lambda: m.agreement(pd.Series([1, 2], index=[0, 1]), pd.Series([1, 2], index=[7, 8])),
     ["different index labels", "align"]),
    (lambda: m.s_score([1, 2], [1, 2], delta=0), ["delta must be a positive number", "got 0"]),
    (lambda: m.s_score([1, 2], [1, 2], delta=-2), ["delta must be a positive number"]),
    (lambda: m.s_score([1, 2], [1, 2], delta=float("nan")), ["delta must be a positive number"]),
    (lambda: m.s_score([1, 2], [1, 2], delta="2"), ["delta must be a positive number"]),
    (lambda: m.cohen_kappa([1, 2], [1, 2], delta=0), ["delta must be a positive number"]),
    (lambda: m.s_score([0, 3], [3, 0], delta=2), ["3 apart but delta is 2"]),
    (lambda: m.s_score([1, 2], [1, 3], delta=2, weights=[1, 1, 1]), ["weights has 3 value(s)"]),
    (lambda: m.s_score([1, 2], [1, 3], delta=2, weights=[1, -1]), ["0 or more", "-1"]),
    (lambda: m.s_score([1, 2], [1, 3], delta=2, weights=[1, np.nan]), ["0 or more"]),
    (lambda: m.trade_dependence(10, 10, 0), ["gdp_i must be more than 0"]),
    (lambda: m.trade_dependence(-10, 10, 100), ["exports_ij must be 0 or more"]),
    (lambda: m.weak_link(-0.1, 0.2), ["d_ij must be 0 or more"]),
    (lambda: m.agreement_matrix(pd.DataFrame({"rcid": [1], "iso3": ["USA"]})), ["no column vote"]),
    (lambda: m.agreement_matrix(_tiny_votes().iloc[:0]), ["empty", "1964"]),
    (lambda: m.agreement_matrix(pd.concat([_tiny_votes(), _tiny_votes().iloc[:1]])),
     ["USA votes more than once on roll call 1", "drop_duplicates"]),
    (lambda: m.agreement_matrix(_tiny_votes(), measure="kappa"), ["measure must be one of"]),
    (lambda: m.agreement_matrix(_tiny_votes().assign(vote="8")), ["'8'"]),
    (lambda: m.agreement_with(_tiny_votes(), "GBR"), ["no year column", "un_roll_calls"]),
    (lambda: m.agreement_with(_tiny_votes().assign(year=1990), "JPN"), ["no votes of JPN"]),
])
def test_bad_input_is_explained(call, words):
    with pytest.raises(MeasureError) as err:
        call()
    for word in words:
        assert word in str(err.value)


def test_measure_error_is_a_value_error():
    assert issubclass(MeasureError, ValueError)
    assert helpers.measures is m


# ---------------------------------------------------------------------------- the real UN votes

@pytest.fixture(scope="module")
def un_votes():
    """un_votes with the calendar year of each roll call (from un_roll_calls)."""
    years = helpers.load("un_roll_calls")[["rcid", "year"]]
    return helpers.load("un_votes").merge(years, on="rcid", how="left", validate="many_to_one")


def _pair(year_votes, a, b):
    wide = year_votes.pivot(index="rcid", columns="iso3", values="vote")
    return wide[a], wide[b]


def test_us_mexico_1946_toy_case(un_votes):
    # Counted by hand from the raw source (unvotes.csv, roll calls 3-45 of 1946): both voted
    # on 38; same 19 (17 yes-yes, 2 no-no), partial 5, opposite 14 (9 MX yes/US no, 5 MX no/US yes)
    us, mx = _pair(un_votes[un_votes["year"] == 1946], "USA", "MEX")
    assert m.agreement(mx, us) == pytest.approx((19 + 0.5 * 5) / 38)
    assert m.votes_only(mx, us) == pytest.approx(19 / (19 + 14))
    assert m.s_score(mx, us, delta=2) == pytest.approx((19 - 14) / 38)   # 1 - 2*(5 + 2*14)/(2*38)
    row = helpers.load("un_agreement", countries="MEX", years=1946).iloc[0]
    assert (row["votes"], row["same"], row["partial"], row["opposite"]) == (38, 19, 5, 14)
    assert row["agreement"] == pytest.approx(21.5 / 38, abs=1e-6)


@pytest.mark.parametrize("year", [1950, 1975, 1990, 2005, 2019])
def test_agreement_matches_the_un_agreement_table(un_votes, year):
    table = helpers.load("un_agreement", years=year).set_index("iso3")
    year_votes = un_votes[un_votes["year"] == year]
    for iso in ["GBR", "MEX", "FRA", "ISR", "IND", "CAN", "RUS", "CUB"]:
        if iso not in table.index:
            continue
        partner, us = _pair(year_votes, iso, "USA")
        assert m.agreement(partner, us) == pytest.approx(table.loc[iso, "agreement"], abs=1e-6)
        expected = table.loc[iso, "votes_only"]
        got = m.votes_only(partner, us)
        assert (math.isnan(got) and pd.isna(expected)) or got == pytest.approx(expected, abs=1e-6)
    # and the whole year at once: the USA row of the matrix against every partner in the table
    matrix = m.agreement_matrix(year_votes)
    us_row = matrix.loc["USA"].drop("USA").dropna()
    assert sorted(us_row.index) == sorted(table.index)
    np.testing.assert_allclose(us_row.sort_index(), table["agreement"].sort_index(), atol=1e-6)
    only = m.agreement_matrix(year_votes, measure="votes_only").loc["USA", table.index]
    np.testing.assert_allclose(only, table["votes_only"].astype(float), atol=1e-6)


def test_agreement_with_matches_the_un_agreement_table(un_votes):
    for iso in ["GBR", "JPN"]:
        table = helpers.load("un_agreement", countries=iso).set_index("year")["agreement"]
        got = m.agreement_with(un_votes, iso)
        # the table leaves out 2020, which holds a single roll call
        assert set(got.index) - set(table.index) == {2020}
        np.testing.assert_allclose(got.loc[table.index], table, atol=1e-6)


@pytest.mark.parametrize("year", [1986, 2017])
def test_agreement_matrix_on_real_votes(un_votes, year):
    year_votes = un_votes[un_votes["year"] == year]
    for measure in m.MATRIX_MEASURES:
        matrix = m.agreement_matrix(year_votes, measure=measure)
        values = matrix.to_numpy()
        assert list(matrix.index) == list(matrix.columns)
        np.testing.assert_array_equal(values, values.T)               # symmetric, NaN included
    matrix = m.agreement_matrix(year_votes)
    assert (np.diag(matrix.to_numpy()) == 1.0).all()
    assert set(matrix.index) == set(year_votes["iso3"])
    us, gb = _pair(year_votes, "USA", "GBR")
    assert matrix.loc["GBR", "USA"] == m.agreement(gb, us)
    assert matrix.loc["USA", "GBR"] == m.agreement(us, gb)


def test_agreement_matrix_is_fast(un_votes):
    busiest = un_votes["year"].value_counts().idxmax()
    year_votes = un_votes[un_votes["year"] == busiest]
    assert year_votes["rcid"].nunique() >= 80 and year_votes["iso3"].nunique() >= 150
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        m.agreement_matrix(year_votes)
        timings.append(time.perf_counter() - start)
    assert min(timings) <= 0.5, (f"agreement_matrix took {min(timings):.3f} s for {busiest} "
                                 f"(best of 3); it should take at most 0.5 s")
