"""The closeness index (helpers.index), its exercise checks, and the `surveys` table."""
from __future__ import annotations

import contextlib
import io
import math
import time

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import index as ix
from helpers.checks import result
from helpers.pillars import INDICATORS, PILLARS

EQUAL = {p: 1 for p in PILLARS}


def _quiet(fn, *args, **kwargs):
    """Call a drawing function without printing its figure's text form."""
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args, **kwargs)


# ------------------------------------------------------------------ normalise, by hand

def test_minmax_by_hand():
    assert ix.normalise([2, 4, 10], "minmax").tolist() == [0.0, 0.25, 1.0]
    assert ix.normalise([2, 4, 10], "minmax", higher_is_closer=False).tolist() == [1.0, 0.75, 0.0]
    assert ix.normalise([3, 3], "minmax").tolist() == [0.5, 0.5]


def test_zscore_by_hand():
    # mean 4, population sd sqrt(((2-4)^2 + 0 + 2^2) / 3) = sqrt(8/3)
    z = ix.normalise([2, 4, 6], "zscore")
    assert z == pytest.approx([-2 / math.sqrt(8 / 3), 0, 2 / math.sqrt(8 / 3)])
    assert ix.normalise([2, 4, 6], "zscore", higher_is_closer=False) == pytest.approx(-z)


def test_rank_by_hand():
    assert ix.normalise([5, 1, 3], "rank").tolist() == [1.0, 0.0, 0.5]
    assert ix.normalise([5, 1, 3], "rank", higher_is_closer=False).tolist() == [0.0, 1.0, 0.5]
    # ties share the average rank: ranks 1, 2.5, 2.5, 4 -> (r-1)/3
    assert ix.normalise([1, 2, 2, 9], "rank") == pytest.approx([0, 0.5, 0.5, 1])


def test_frontier_by_hand():
    assert ix.normalise([0, 5, 20], "frontier").tolist() == [0.0, 0.25, 1.0]
    assert ix.normalise([2, 4, 8], "frontier", higher_is_closer=False).tolist() == [1.0, 0.5, 0.25]
    with pytest.raises(ix.IndexSpecError, match="0 or more"):
        ix.normalise([-1, 2], "frontier")


def test_normalise_keeps_missing_and_index():
    s = pd.Series([1.0, None, 3.0], index=["A", "B", "C"])
    out = ix.normalise(s, "minmax")
    assert list(out.index) == ["A", "B", "C"] and math.isnan(out["B"])
    assert out["A"] == 0 and out["C"] == 1


# ------------------------------------------------------------------ aggregate, by hand

SCORES = pd.DataFrame({"diplomatic": [0.8, 0.2], "economic": [0.4, 0.6],
                       "security": [1.0, 0.5], "cultural": [0.0, 1.0]}, index=["A", "B"])


def test_arithmetic_by_hand():
    w = {"diplomatic": 2, "economic": 1, "security": 1, "cultural": 0}
    out = ix.aggregate(SCORES, w)
    assert out["A"] == pytest.approx((2 * 0.8 + 0.4 + 1.0) / 4)
    assert out["B"] == pytest.approx((2 * 0.2 + 0.6 + 0.5) / 4)


def test_geometric_by_hand():
    # each pillar rescaled to [eps, 1] across A and B: the higher country gets 1, the lower eps
    eps = ix.EPSILON
    out = ix.aggregate(SCORES, EQUAL, "geometric")
    assert out["A"] == pytest.approx((1 * eps * 1 * eps) ** 0.25)
    assert out["B"] == pytest.approx((eps * 1 * eps * 1) ** 0.25)
    three = pd.DataFrame({p: [0.0, 0.5, 1.0] for p in PILLARS}, index=list("XYZ"))
    mid = eps + (1 - eps) * 0.5
    assert ix.aggregate(three, EQUAL, "geometric").tolist() == pytest.approx([eps, mid, 1.0])


def test_geometric_punishes_a_weak_pillar():
    s = pd.DataFrame({"diplomatic": [0.5, 1, 0], "economic": [0.5, 1, 0],
                      "security": [0.5, 1, 0], "cultural": [0.5, 0, 1]}, index=["even", "lopsided", "low"])
    arith, geo = ix.aggregate(s, EQUAL), ix.aggregate(s, EQUAL, "geometric")
    assert arith["lopsided"] > arith["even"]
    assert geo["even"] > geo["lopsided"]


def test_missing_rules_by_hand():
    s = SCORES.copy()
    s.loc["C"] = [0.6, 0.2, np.nan, 0.4]
    drop = ix.aggregate(s, EQUAL, missing="drop")
    assert math.isnan(drop["C"])                         # never scored as if security were 0
    assert ix.aggregate(s, EQUAL, missing="reweight")["C"] == pytest.approx((0.6 + 0.2 + 0.4) / 3)
    median_security = np.median([1.0, 0.5])
    assert ix.aggregate(s, EQUAL, missing="impute")["C"] == pytest.approx(
        (0.6 + 0.2 + median_security + 0.4) / 4)
    # a missing pillar with weight 0 does not matter
    no_security = {"diplomatic": 1, "economic": 1, "security": 0, "cultural": 1}
    assert ix.aggregate(s, no_security)["C"] == pytest.approx(0.4)


def test_pillar_scores_by_hand_and_direction():
    toy = pd.DataFrame({"un_agreement": [0.2, 0.6], "ideal_point_distance": [3.0, 1.0],
                        "trade_share_pct": [1.0, 3.0], "trade_pct_gdp": [1.0, 1.0],
                        "alliance_level": [3, 0], "troops": [0, 0], "arms_tiv": [5.0, None],
                        "students_per_million": [10.0, 20.0]}, index=["A", "B"])
    s = ix.pillar_scores(toy, method="minmax", log=False)
    # B agrees more and is nearer in ideal points (lower distance = closer)
    assert s.loc["B", "diplomatic"] == 1 and s.loc["A", "diplomatic"] == 0
    # trade_pct_gdp is constant (0.5 each); trade_share: A 0, B 1
    assert s.loc["A", "economic"] == pytest.approx(0.25) and s.loc["B", "economic"] == pytest.approx(0.75)
    # arms: only A has a value (0.5); B's security is the mean of the two it has
    assert s.loc["A", "security"] == pytest.approx((1 + 0.5 + 0.5) / 3)
    assert s.loc["B", "security"] == pytest.approx((0 + 0.5) / 2)


# --------------------------------------------------------------------------- properties

@pytest.mark.parametrize("normalisation", list(ix.NORMALISATIONS))
@pytest.mark.parametrize("aggregation", list(ix.AGGREGATIONS))
def test_ranks_do_not_change_when_all_weights_are_scaled(normalisation, aggregation):
    w = {"diplomatic": 1, "economic": 2, "security": 3, "cultural": 0.5}
    base = ix.closeness_index(2018, w, normalisation, aggregation)
    for factor in (0.001, 7, 1000):
        scaled = ix.closeness_index(2018, {p: v * factor for p, v in w.items()}, normalisation, aggregation)
        pd.testing.assert_series_equal(base["rank"], scaled["rank"])


def _dominated_panel(rng, n=30):
    """A synthetic panel year in which country 'TOP' is best on every indicator."""
    cols = [c for names in ix.DEFAULT_INDICATORS.values() for c in names]
    data = {}
    for c in cols:
        values = rng.uniform(1, 100, n)
        best = values.min() / 2 if not INDICATORS[c].higher_is_closer else values.max() * 2
        data[c] = np.append(values, best)
    return pd.DataFrame(data, index=[f"C{k}" for k in range(n)] + ["TOP"])


@pytest.mark.parametrize("normalisation", list(ix.NORMALISATIONS))
@pytest.mark.parametrize("aggregation", list(ix.AGGREGATIONS))
def test_a_country_best_on_every_indicator_ranks_first_under_every_weighting(normalisation, aggregation):
    rng = np.random.default_rng(7)
    panel = _dominated_panel(rng)
    scores = ix.pillar_scores(panel, method=normalisation)
    for w in rng.dirichlet(np.ones(4), size=50):
        for missing in ix.MISSING:
            total = ix.aggregate(scores, dict(zip(PILLARS, w)), aggregation, missing)
            assert total.idxmax() == "TOP"
            assert (total.drop("TOP") < total["TOP"]).all()
    for p in PILLARS:   # a single pillar too
        one = {q: float(q == p) for q in PILLARS}
        assert ix.aggregate(scores, one, aggregation).idxmax() == "TOP"


def test_index_recomputed_by_hand_from_the_panel():
    """The UK's default score from raw panel rows, without helpers.index's own steps."""
    panel = helpers.load("panel", years=2018)
    panel = panel[~panel["iso3"].isin(["ASM", "GUM", "MNP", "PRI", "UMI", "VIR"])].set_index("iso3")
    panel["troops"] = panel["troops"].astype("float64").fillna(0)
    logged = {"trade_share_pct", "trade_pct_gdp", "troops", "arms_tiv", "students_per_million"}
    pillars = {"diplomatic": ["un_agreement", "ideal_point_distance"],
               "economic": ["trade_share_pct", "trade_pct_gdp"],
               "security": ["alliance_level", "troops", "arms_tiv"],
               "cultural": ["students_per_million"]}
    pillar_values = []
    for cols in pillars.values():
        parts = []
        for c in cols:
            x = panel[c].astype("float64")
            x = np.log1p(x) if c in logged else x
            lo, hi = x.min(), x.max()
            parts.append((hi - x["GBR"]) / (hi - lo) if c == "ideal_point_distance"
                         else (x["GBR"] - lo) / (hi - lo))
        pillar_values.append(sum(parts) / len(parts))
    by_hand = sum(pillar_values) / 4
    idx = ix.closeness_index(2018)
    assert idx.loc["GBR", "score"] == pytest.approx(by_hand, abs=1e-12)
    assert idx.loc["GBR", ["diplomatic", "economic", "security", "cultural"]].tolist() == pytest.approx(pillar_values)


def test_index_shape_and_missing_flags():
    idx = ix.closeness_index(2018)
    assert idx.index.is_unique and "USA" not in idx.index and "PRI" not in idx.index
    ranked = idx.dropna(subset=["score"])
    assert ranked["rank"].tolist() == sorted(ranked["rank"].tolist())
    assert (ranked["missing"] == "").all()
    unranked = idx[idx["score"].isna()]
    assert len(unranked) > 0 and (unranked["missing"] != "").all() and unranked["rank"].isna().all()
    assert idx.loc["TWN", "missing"] == "diplomatic, cultural"
    # reweight and impute rank everyone who has at least one pillar
    assert ix.closeness_index(2018, missing="reweight")["rank"].notna().all()
    assert ix.closeness_index(2018, missing="impute")["rank"].notna().all()


def test_top_of_the_default_index():
    """A sanity check of the data: the default index's leaders are long-standing partners."""
    top = ix.closeness_index(2018).head(6).index
    assert {"CAN", "GBR", "JPN"} <= set(top)
    assert ix.rank_of("JPN", weights={"diplomatic": 0, "economic": 0, "security": 1, "cultural": 0}) <= 3


def test_rank_draws_agree_with_the_index():
    year, key = 2018, ix.check_indicators()
    countries = ix._complete(year, key)
    table = ix._pillar_table(year, "minmax", key, True).loc[countries]
    w = np.array([[0.1, 0.2, 0.3, 0.4]])
    ranks = ix.rank_draws(w, table[list(PILLARS)].to_numpy())[0]
    idx = ix.closeness_index(year, dict(zip(PILLARS, w[0])))
    assert (pd.Series(ranks + 1, index=countries) == idx.loc[countries, "rank"].astype(int)).all()


def test_sensitivity_is_a_probability_table_and_seeded():
    lab = ix.sensitivity(n_draws=3000, seed=1)
    assert lab[1].sum() == pytest.approx(1)
    ranks = [c for c in lab.columns if isinstance(c, int)]
    assert ranks == list(range(1, 16))
    assert (lab[ranks].sum(axis=1) <= 1 + 1e-9).all()
    pd.testing.assert_frame_equal(lab, ix.sensitivity(n_draws=3000, seed=1))
    assert not lab.equals(ix.sensitivity(n_draws=3000, seed=2))
    # a single choice with weights concentrated on one pillar: the security leader wins
    only = ix.sensitivity(n_draws=500, normalisations=("minmax",), aggregations=("arithmetic",),
                          indicator_sets=ix.DEFAULT_INDICATORS, alpha=1.0)
    assert only[1].sum() == pytest.approx(1)


# ------------------------------------------------------------------------------ errors

@pytest.mark.parametrize("weights, message", [
    ({"diplomatic": -1, "economic": 1, "security": 1, "cultural": 1}, "'diplomatic' is negative"),
    ({p: 0 for p in PILLARS}, "All the weights are 0"),
    ({"diplomatic": 1, "economic": 1, "security": 1}, "'cultural' is missing"),
    ({**EQUAL, "culture": 1}, "'culture' \\(did you mean 'cultural'\\?\\) is not a pillar"),
    ({"diplomatic": 1, "economic": 1, "security": 1, "culture": 1}, "'cultural' is missing.*'culture'"),
    ({**EQUAL, "security": "high"}, "must be a number"),
    ([1, 1, 1, 1], "dictionary"),
])
def test_bad_weights(weights, message):
    with pytest.raises(ix.IndexSpecError, match=message):
        ix.closeness_index(2018, weights)


def test_bad_normalisation_lists_the_options():
    with pytest.raises(ix.IndexSpecError) as err:
        ix.closeness_index(2018, normalisation="min-max")
    text = str(err.value)
    assert "Did you mean 'minmax'" in text
    for option in ix.NORMALISATIONS:
        assert repr(option) in text
    assert isinstance(err.value, ValueError)


def test_bad_aggregation_and_missing_rule():
    with pytest.raises(ix.IndexSpecError, match="'arithmetic', 'geometric'"):
        ix.closeness_index(2018, aggregation="harmonic")
    with pytest.raises(ix.IndexSpecError, match="'drop', 'reweight', 'impute'"):
        ix.closeness_index(2018, missing="zero")


def test_year_without_data_states_the_years():
    with pytest.raises(ix.IndexSpecError, match="2000–2018"):
        ix.closeness_index(2021)
    with pytest.raises(ix.IndexSpecError, match="no data for un_agreement, alliance_level"):
        ix.closeness_index(2020)
    with pytest.raises(ix.IndexSpecError, match="whole number"):
        ix.closeness_index("2018")
    # other indicators, other years
    assert 2020 in ix.years_with_data({"diplomatic": ["ideal_point_distance"], "security": ["troops"]})


def test_bad_indicators():
    with pytest.raises(ix.IndexSpecError, match="measures the economic pillar, not security"):
        ix.closeness_index(2018, indicators={"security": ["trade_musd"]})
    with pytest.raises(ix.IndexSpecError, match="Did you mean 'troops'"):
        ix.closeness_index(2018, indicators={"security": ["trops"]})
    with pytest.raises(ix.IndexSpecError, match="not a pillar"):
        ix.closeness_index(2018, indicators={"military": ["troops"]})
    with pytest.raises(ix.IndexSpecError, match="at least one indicator"):
        ix.closeness_index(2018, indicators={"cultural": []})


# -------------------------------------------------------------------------- performance

def _best_of_3(fn) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def test_redraw_of_the_top_15_is_fast():
    _quiet(ix.draw_ranking, 2018)          # the year table is computed once and cached
    w = {"diplomatic": 1, "economic": 3, "security": 2, "cultural": 0.5}
    assert _best_of_3(lambda: _quiet(ix.draw_ranking, 2018, w, "zscore")) <= 0.150


def test_ten_thousand_draws_are_fast():
    def run():
        ix._simulate.cache_clear()
        ix._pillar_table.cache_clear()
        ix.sensitivity(n_draws=10_000)
    assert _best_of_3(run) <= 1.0


# ------------------------------------------------------------------------------- figures

def test_figures_and_explorer():
    _quiet(ix.draw_contributions, 2018, top=5)
    _quiet(ix.draw_rank_heatmap, ix.sensitivity(n_draws=500), rows=5)
    box = ix.explorer()
    controls, _output = box.children
    assert len(controls.children) == 7       # four weights, normalisation, aggregation, year
    assert all(not c.continuous_update for c in controls.children if hasattr(c, "continuous_update"))


def test_explorer_draw_with_zero_weights_prints_a_message(monkeypatch):
    captured = {}
    monkeypatch.setattr("helpers.widgets.explorer", lambda draw, **controls: captured.update(draw=draw))
    ix.explorer()
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        captured["draw"](0, 0, 0, 0, "minmax", "arithmetic", 2018)
    assert "All the weights are 0" in buffer.getvalue()


def test_tables_for_the_notebook():
    methods = ix.compare_methods(2018)
    assert methods.loc["CAN", ("arithmetic", "minmax")] == 1 and methods.loc["CAN", ("", "spread")] == 0
    missing = ix.compare_missing(2018)
    assert missing["drop"].drop("ranked").isna().all()
    assert missing.loc["ranked", "drop"] < missing.loc["ranked", "reweight"]
    summary = ix.missing_summary(2018)
    assert (summary.sum(axis=1) == len(ix.year_table(2018))).all()
    table = ix.indicator_table()
    assert set(table["pillar"]) == set(PILLARS)
    assert table.loc["troops", "scale"] == "log(1 + x)"


# ---------------------------------------------------------------------------- exercises

def _checks():
    idx = ix.closeness_index(2018)
    lab = ix.sensitivity()
    aus = ix.rank_of("AUS", aggregation="geometric") - ix.rank_of("AUS")
    return {
        "09.1": (idx.index[0], idx.index[2], 42),
        "09.2": (ix.rank_of("JPN", weights={"diplomatic": 0, "economic": 0, "security": 1,
                                            "cultural": 0}), ix.rank_of("JPN"), "first"),
        "09.3": (float(lab.loc["GBR", 1]), 100 * float(lab.loc["GBR", 1]), ["0.07"]),
        "09.4": (aus, -aus, None),
        "09.5": ("a", "c", 1),
        "09.6": (int(idx["rank"].isna().sum()), int(idx["rank"].notna().sum()), "many"),
    }


@pytest.mark.parametrize("exercise", ["09.1", "09.2", "09.3", "09.4", "09.5", "09.6"])
def test_exercise_checks(exercise):
    right, wrong, wrong_type = _checks()[exercise]
    ok, message = result(exercise, right)
    assert ok, message
    ok, message = result(exercise, wrong)
    assert not ok and message
    ok, message = result(exercise, wrong_type)
    assert not ok and message
    ok, message = result(exercise, ...)
    assert not ok and message.startswith("Not answered yet")


def test_exercise_hints():
    assert "not first" in result("09.1", "United Kingdom")[1]
    assert "equal weights" in result("09.2", ix.rank_of("JPN"))[1]
    share = float(ix.sensitivity().loc["GBR", 1])
    assert "percentage" in result("09.3", 100 * share)[1]
    fall = ix.rank_of("AUS", aggregation="geometric") - ix.rank_of("AUS")
    assert "positive" in result("09.4", -fall)[1]
    assert "ARE ranked" in result("09.6", int(ix.closeness_index()["rank"].notna().sum()))[1]


# ---------------------------------------------------------------------------- surveys

def test_surveys_table_matches_the_reference_facts():
    s = helpers.load("surveys")
    pct = {(r.survey, r.year, r.respondents_country, r.about_country): r.pct for r in s.itertuples()}
    pew, yougov, lowy = "Pew Research Center 2025", "YouGov 2017", "Lowy Institute Poll"
    assert pct[(pew, 2025, "USA", "GBR")] == 18 and pct[(pew, 2025, "USA", "CAN")] == 12
    for asked, share in {"ISR": 95, "KOR": 89, "JPN": 78, "CAN": 55}.items():
        assert pct[(pew, 2025, asked, "USA")] == share
    assert pct[(yougov, 2017, "USA", "CAN")] == 55 and pct[(yougov, 2017, "USA", "GBR")] == 55
    assert math.isnan(pct[(yougov, 2017, "USA", "AUS")])       # third, but no number invented
    assert {y: pct[(lowy, y, "AUS", "USA")] for y in (2007, 2019, 2024, 2025)} == {
        2007: 63, 2019: 72, 2024: 83, 2025: 80}
    assert len(s) == 13


def test_surveys_table_is_documented_and_sourced():
    s = helpers.load("surveys")
    assert isinstance(s["survey"].dtype, pd.CategoricalDtype)
    assert s["source"].str.contains(r"https://").all()
    assert s.loc[s["survey"] == "Lowy Institute Poll", "source"].str.contains("lowyinstitute.org").all()
    assert s.loc[s["survey"] == "YouGov 2017", "source"].str.contains("yougov.com").all()
    assert s.loc[s["survey"].astype(str).str.startswith("Pew"), "source"].str.contains("pewresearch.org").all()
    later = s[(s["survey"] == "Lowy Institute Poll") & (s["year"] >= 2024)]
    assert later["note"].str.contains("mode").all()
    codes = set(helpers.load("countries")["iso3"])
    assert set(s["respondents_country"]) | set(s["about_country"]) <= codes
    assert (s["pct"].dropna().between(0, 100)).all()
    assert any("not comparable" in c for c in helpers.caveats("surveys"))


def test_survey_comparison_uses_the_partner():
    table = ix.survey_comparison()
    assert len(table) == len(helpers.load("surveys"))
    assert "USA" not in set(table["partner"])
    assert table["index_rank"].notna().all()
