"""helpers.diplomatic (notebook 02_diplomatic) and its exercise checks.

Hand cases are worked out in the comments from the formulas in FACTS.md; the real-data tests
compare the module's count-based measures with independent computations: the data recipe's
un_agreement table, and helpers.measures applied to the raw vote vectors.
"""
import math
import time

import matplotlib
import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import diplomatic as d
from helpers import measures as m
from helpers.checks import result

# ---------------------------------------------------------------------------- hand cases

def test_scores_by_hand():
    counts = pd.DataFrame({"yes_yes": [5], "yes_abstain": [2], "no_yes": [2], "no_no": [1]})
    row = d.scores(counts).iloc[0]
    # n = 10; same = 5 + 1 = 6; partial = 2; opposite = 2
    assert (row["votes"], row["same"], row["partial"], row["opposite"]) == (10, 6, 2, 2)
    assert row["agreement"] == pytest.approx((6 + 0.5 * 2) / 10)          # 0.7
    assert row["votes_only"] == pytest.approx(6 / (6 + 2))                 # abstentions out
    assert row["s_score"] == pytest.approx(1 - (2 * 1 + 2 * 2) / 10)       # 1 - 2*6/(2*10) = 0.4
    assert row["s_score"] == pytest.approx(2 * row["agreement"] - 1)
    # kappa: partner yes .7, no .3; reference yes .7, abstain .2, no .1.
    # observed weighted distance: yes-abstain 0.2 * 1/4 + no-yes 0.2 * 1 = 0.25
    # chance: yes row .7*(.2/4 + .1) = .105; no row .3*(.7 + .2/4) = .225; sum .33
    assert row["kappa"] == pytest.approx(1 - 0.25 / 0.33)
    # chance agreement: .7*(.7 + .2*.5) + .3*(.2*.5 + .1) = .56 + .06 = .62
    assert row["chance"] == pytest.approx(0.62)


def test_scores_edge_cases():
    t = d.scores(pd.DataFrame({"yes_yes": [4, 0], "abstain_abstain": [0, 3]}))
    # both always yes: kappa undefined (chance predicts everything), S = 1
    assert t.loc[0, "s_score"] == 1.0 and math.isnan(t.loc[0, "kappa"])
    # only abstentions: votes only has nothing to count
    assert math.isnan(t.loc[1, "votes_only"]) and t.loc[1, "agreement"] == 1.0


def test_scores_equal_the_measures_on_random_votes():
    rng = np.random.default_rng(2)
    for _ in range(20):
        x = rng.choice([1, 2, 3], size=40, p=[0.6, 0.2, 0.2])
        y = rng.choice([1, 2, 3], size=40, p=[0.3, 0.2, 0.5])
        counts = pd.DataFrame({f"{a}_{b}": [int(np.sum((x == i + 1) & (y == j + 1)))]
                               for i, a in enumerate(d.VOTES) for j, b in enumerate(d.VOTES)})
        row = d.scores(counts).iloc[0]
        assert row["agreement"] == pytest.approx(m.agreement(x, y))
        assert row["votes_only"] == pytest.approx(m.votes_only(x, y))
        assert row["s_score"] == pytest.approx(m.s_score(x, y, delta=2))
        assert row["kappa"] == pytest.approx(m.cohen_kappa(x, y))


# ---------------------------------------------------------------------------- real data

def test_measure_table_equals_un_agreement():
    """The module counts votes its own way; the data recipe's table must agree on every row."""
    ours = d.measure_table()
    table = helpers.load("un_agreement")
    both = table.merge(ours, on=["iso3", "year"], suffixes=("", "_ours"), how="outer", indicator=True)
    assert (both["_merge"] == "both").all(), "the two tables cover different partner-years"
    for col in ["votes", "same", "partial", "opposite"]:
        assert (both[col] == both[f"{col}_ours"]).all(), col
    for col in ["agreement", "votes_only"]:
        assert np.allclose(both[col], both[f"{col}_ours"], atol=1e-6, equal_nan=True), col


@pytest.mark.parametrize("iso3, year", [("GBR", 2019), ("IND", 1985), ("JPN", 1970), ("ISR", 2010)])
def test_kappa_and_s_equal_the_measures_on_real_votes(iso3, year):
    calls = helpers.load("un_roll_calls", years=year)["rcid"]
    votes = helpers.load("un_votes", countries=[iso3, "USA"])
    side = votes[votes["rcid"].isin(calls)].pivot(index="rcid", columns="iso3", values="vote")
    row = d.measure_table().query("iso3 == @iso3 and year == @year").iloc[0]
    assert row["kappa"] == pytest.approx(m.cohen_kappa(side[iso3], side["USA"]), abs=1e-12)
    assert row["s_score"] == pytest.approx(m.s_score(side[iso3], side["USA"], delta=2), abs=1e-12)


def test_issue_counts_use_only_tagged_roll_calls():
    rc = helpers.load("un_roll_calls", years=2019)
    tagged = set(rc.loc[rc["middle_east"], "rcid"])
    votes = helpers.load("un_votes", countries=["GBR", "USA"])
    side = votes[votes["rcid"].isin(tagged)].pivot(index="rcid", columns="iso3", values="vote").dropna()
    row = d.measure_table("middle_east").query("iso3 == 'GBR' and year == 2019").iloc[0]
    assert row["votes"] == len(side)
    assert row["agreement"] == pytest.approx(m.agreement(side["GBR"], side["USA"]))
    # important votes: none before 1983, so nothing to pool there
    assert d.pooled(["GBR"], (1946, 1982), "important").empty
    assert d.pooled(["GBR"], (1983, 2017), "important")["votes"].item() > 100


def test_pooled_adds_counts_before_dividing():
    t = d.measure_table().query("iso3 == 'GBR' and year in (2018, 2019)")
    pooled = d.pooled(["GBR"], (2018, 2019)).iloc[0]
    assert pooled["votes"] == t["votes"].sum()
    assert pooled["agreement"] == pytest.approx((t["same"].sum() + 0.5 * t["partial"].sum())
                                                / t["votes"].sum())
    assert pooled["agreement"] != pytest.approx(t["agreement"].mean())  # not a mean of shares


def test_trend_filters_and_keeps_order():
    t = d.trend(["IND", "GBR"], issue="human_rights", measure="kappa")
    assert list(dict.fromkeys(t["iso3"])) == ["IND", "GBR"]
    assert t["votes"].min() >= 5
    assert d.trend(["GBR"], years=(2000, 2001))["year"].tolist() == [2000, 2001]
    with pytest.raises(ValueError, match="measure must be one of"):
        d.trend(["GBR"], measure="closeness")
    with pytest.raises(ValueError, match="issue must be one of"):
        d.trend(["GBR"], issue="trade")


def test_reference_table_by_hand():
    t = d.reference_table().set_index("year")
    ip = helpers.load("un_ideal_points", years=1990)
    assert t.loc[1990, "median_ideal_point"] == pytest.approx(ip["ideal_point"].median())
    assert t.loc[1990, "gap"] == pytest.approx(ip["us_ideal_point"].iloc[0] - ip["ideal_point"].median())
    assert 1964 not in t.index
    assert t.loc[2024, "states"] > 180 and math.isnan(t.loc[2024, "median_agreement"])


def test_coincidence_and_selection_tables():
    co = helpers.load("un_coincidence", countries="IND", years=2019).iloc[0]
    row = d.coincidence_table(["IND"]).query("year == 2019").iloc[0]
    assert row["half_credit"] == pytest.approx((co["same"] + 0.5 * co["partial"])
                                               / (co["same"] + co["partial"] + co["opposite"]))
    assert row["votes_only"] == pytest.approx(co["same"] / (co["same"] + co["opposite"]))
    sel = d.selection_table().set_index("year")
    assert sel.loc[2019, "roll calls (un_roll_calls)"] == len(helpers.load("un_roll_calls", years=2019))
    pairs = d.coincidence_pairs()
    assert set(pairs["year"]) == {2018, 2019} and len(pairs) > 300


def test_issue_and_important_tables():
    t = d.issue_table(["GBR", "ISR"], years=(2000, 2019))
    assert t["United Kingdom"].idxmin() == "Middle East (Palestinian conflict)"
    assert t.loc["Middle East (Palestinian conflict)", "Israel"] > 0.9
    imp = d.important_table(["GBR", "CHN"]).set_index("partner")
    assert imp.loc["United Kingdom", "important votes"] > imp.loc["United Kingdom", "all votes"]


def test_ideal_point_and_igo_tables():
    t = d.ideal_point_table(["GBR", "CHN", "ISR"], 2024)
    assert t["partner"].tolist() == ["Israel", "United Kingdom", "China"]
    assert (t["q05"] <= t["ideal_point"]).all() and (t["ideal_point"] <= t["q95"]).all()
    assert np.allclose(t["distance_to_us"], (t["ideal_point"] - t["us_ideal_point"]).abs(), atol=1e-5)
    igo = d.igo_table(2014).set_index("iso3")
    assert igo.loc["CAN", "shared_igos"] <= igo.loc["CAN", "partner_igos"]


# ---------------------------------------------------------------------------- figures and widget

FIGURES = [
    (d.measure_trend, (["GBR", "IND"],), {"issue": "nuclear", "measure": "votes_only"}),
    (d.four_measures, (["GBR"],), {}),
    (d.chance_agreement, (), {}),
    (d.issue_profile, (["GBR", "IND"],), {}),
    (d.important_votes, (["GBR", "IND"],), {}),
    (d.moving_reference, (), {}),
    (d.ideal_points, (["GBR", "CHN"],), {}),
    (d.coincidence_comparison, (), {}),
    (d.coincidence_trend, (["GBR"],), {}),
    (d.igo_vs_votes, (), {}),
]


@pytest.mark.parametrize("draw, args, kwargs", FIGURES, ids=[f[0].__name__ for f in FIGURES])
def test_figures_have_alt_text_and_style(draw, args, kwargs, monkeypatch):
    shown = []
    monkeypatch.setattr("helpers.plots.display", lambda fig, metadata: shown.append(metadata))
    draw(*args, **kwargs)
    assert len(shown) == 1
    meta = shown[0]["image/png"]
    assert meta["style"] == "petroff10"
    assert len(meta["alt"].split()) >= 12


def test_measure_trend_without_data_explains(capsys):
    d.measure_trend(["GBR"], issue="important", years=(1950, 1960))
    assert "No year" in capsys.readouterr().out


def test_explorer_builds_and_redraws_fast():
    box = d.explorer()
    assert box.__class__.__name__ == "VBox"
    matplotlib.use("Agg")
    start = time.perf_counter()
    for issue in d.ISSUES:
        d.measure_trend(["GBR", "FRA", "JPN", "IND"], issue, "kappa")
    assert (time.perf_counter() - start) / len(d.ISSUES) < 0.5


# ---------------------------------------------------------------------------- exercise checks

def _expected_uk_1985():
    return helpers.load("un_agreement", countries="GBR", years=1985).iloc[0]


CASES = {
    # exercise: (right answer, common wrong answer, wrong type)
    "02.1": (lambda: _expected_uk_1985()["agreement"],
             lambda: _expected_uk_1985()["same"] / _expected_uk_1985()["votes"], "0.7 or so"),
    "02.2": (lambda: "Australia", lambda: "Marshall Islands", lambda: 42),
    "02.3": (lambda: 1990, lambda: int(d.reference_table().set_index("year")["us_ideal_point"].idxmax()),
             lambda: "nineteen ninety"),
    "02.4": (lambda: "B", lambda: "A", lambda: 2),
    "02.5": (lambda: "half_credit", lambda: "votes_only", lambda: 0.27),
    "02.6": (lambda: "development", lambda: "middle_east", lambda: ["development"]),
}


def _value(x):
    return x() if callable(x) else x


@pytest.mark.parametrize("exercise", sorted(CASES))
def test_exercise_checks(exercise):
    right, wrong, bad_type = (_value(x) for x in CASES[exercise])
    ok, message = result(exercise, right)
    assert ok, message
    ok, message = result(exercise, wrong)
    assert not ok and len(message) > 20
    ok, message = result(exercise, bad_type)
    assert not ok and "could not be checked" not in message  # explained, not crashed
    ok, message = result(exercise, ...)
    assert not ok and message.startswith("Not answered yet")


def test_exercise_hints_name_the_mistake():
    row = _expected_uk_1985()
    assert "half a point" in result("02.1", row["same"] / row["votes"])[1]
    assert "percentage" in result("02.1", 100 * row["agreement"])[1]
    assert "votes-only" in result("02.1", row["votes_only"])[1]
    assert "*agreement*" in result("02.2", "MHL")[1]
    assert "not one of the partners" in result("02.2", "Canada")[1]
    assert "highest" in result("02.3", 1994)[1]
    assert "chance" in result("02.4", "b")[1]
    assert "2%" in result("02.5", "votes_only")[1] or "reproduces only" in result("02.5", "votes_only")[1]
    assert result("02.6", "Economic development")[0]  # the label works too
    assert "*most*" in result("02.6", "human_rights")[1]
    assert "most partners" in result("02.6", "middle_east")[1]
