"""helpers.economic (notebook 03_economic) and its exercise checks (helpers/checks/economic.py)."""
import math

import matplotlib
import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import economic as eco
from helpers.checks import economic as exercises
from helpers.checks import result

matplotlib.use("Agg")


# ---- trade (Census) ---------------------------------------------------------------------

def test_goods_trade_adds_both_directions_and_shares_sum_to_100():
    df = eco.goods_trade()
    assert np.allclose(df["trade_musd"], df["exports_musd"] + df["imports_musd"])
    assert np.allclose(df["balance_musd"], df["exports_musd"] - df["imports_musd"])
    assert np.allclose(df.groupby("year")["share_pct"].sum(), 100)


def test_goods_trade_share_is_of_all_partners_not_of_the_rows_kept():
    two = eco.goods_trade(["CAN", "MEX"], 2022)
    assert two["share_pct"].sum() < 50          # two partners of ~230, not 100 %
    raw = helpers.load("trade", years=2022)
    total = (raw["exports_musd"] + raw["imports_musd"]).sum()
    can = raw[raw["iso3"] == "CAN"]
    by_hand = 100 * (can["exports_musd"] + can["imports_musd"]).item() / total
    assert two.set_index("iso3").loc["CAN", "share_pct"] == pytest.approx(by_hand)


def test_goods_trade_share_matches_the_panel_built_by_the_recipe():
    mine = eco.goods_trade(years=2010).set_index("iso3")["share_pct"]
    panel = helpers.load("panel", years=2010).set_index("iso3")["trade_share_pct"].dropna()
    common = mine.index.intersection(panel.index)
    assert len(common) > 200
    assert np.allclose(mine[common], panel[common], atol=1e-5)


@pytest.mark.parametrize("get, column", [(eco.goods_trade, "share_pct"), (eco.dependence, "weak_link"),
                                         (eco.region_shares, "share_pct"),
                                         (eco.trade_vs_agreement, "share_pct")])
def test_changing_a_returned_table_does_not_change_the_next_one(get, column):
    # these tables are computed once and kept in memory: each call must hand out a copy
    changed = get()
    changed.loc[:, column] = -1.0
    assert (get()[column] >= 0).all()


def test_ranking_is_sorted_and_numbered():
    top = eco.ranking(2022, n=10)
    assert top["rank"].tolist() == list(range(1, 11))
    assert top["trade_musd"].is_monotonic_decreasing
    assert top.loc[0, "name"] == "Canada"
    assert eco.ranking(n=1)["year"].item() == helpers.coverage("trade")[1]   # default: latest


def test_ranking_of_1985_has_japan_second():
    assert eco.ranking(1985, n=2)["iso3"].tolist() == ["CAN", "JPN"]


def test_filter_accepts_names_and_year_pairs():
    df = eco.goods_trade(["United Kingdom", "Japan"], (2000, 2002))
    assert sorted(df["iso3"].unique()) == ["GBR", "JPN"]
    assert sorted(df["year"].unique()) == [2000, 2001, 2002]


# ---- history and regions ------------------------------------------------------------------

def test_history_fills_missing_years_with_nan():
    df = eco.history(["DEU", "GBR"])
    first, last = helpers.coverage("trade_history")
    assert len(df) == 2 * (last - first + 1)
    de = df[df["iso3"] == "DEU"].set_index("year")["trade_share_pct"]
    assert de.loc[1950:1990].isna().all() and de.loc[1991:].notna().all()


def test_longest_gap_finds_inner_runs_only():
    frame = lambda values: pd.DataFrame({"year": range(2000, 2000 + len(values)), "trade_share_pct": values})
    assert eco._longest_gap(frame([None] * 12 + [1.0])) is None          # leading gap: not inside
    assert eco._longest_gap(frame([1.0] + [None] * 5 + [1.0])) is None   # too short
    assert eco._longest_gap(frame([1.0] + [None] * 10 + [1.0])) == (2001, 2010)


def test_region_shares_add_up_to_about_100():
    for source in ("trade_history", "trade"):
        totals = eco.region_shares(source).groupby("year")["share_pct"].sum()
        assert totals.between(97, 100.01).all(), source   # only partners without a region are left out


def test_region_shares_by_hand_for_north_america_is_canada_and_bermuda():
    na = eco.region_shares("trade", regions=["North America"]).set_index("year")["share_pct"]
    members = helpers.load("countries").query("region == 'North America'")["iso3"]
    shares = eco.goods_trade(years=2022)
    assert na.loc[2022] == pytest.approx(shares[shares["iso3"].isin(members)]["share_pct"].sum())


def test_region_shares_rejects_unknown_source():
    with pytest.raises(ValueError, match="source must be"):
        eco.region_shares("census")


def test_pacific_overtook_atlantic():
    census = eco.region_shares("trade").pivot(index="year", columns="region", values="share_pct")
    assert (census[eco.PACIFIC] > census[eco.ATLANTIC]).all()
    long = eco.region_shares("trade_history").pivot(index="year", columns="region", values="share_pct")
    assert long.loc[1870, eco.ATLANTIC] > 60 and long.loc[1870, eco.PACIFIC] < 5


# ---- dependence ---------------------------------------------------------------------------

def test_dependence_by_hand_for_a_small_case(monkeypatch):
    trade = pd.DataFrame({"iso3": ["AAA", "BBB"], "year": [2000, 2000],
                          "exports_musd": [10.0, 1.0], "imports_musd": [30.0, 1.0]})
    economy = pd.DataFrame({"iso3": ["AAA", "BBB", "USA"], "year": [2000] * 3,
                            "gdp_musd": [100.0, 4000.0, 1000.0], "population": [1, 1, 1]})
    tables = {"trade": trade, "economy": economy}
    monkeypatch.setattr(eco, "load", lambda name, **kw: tables[name].copy())
    d = eco.dependence().set_index("iso3")
    # AAA: trade 40 -> 40/100 = 0.4 on its side, 40/1000 = 0.04 on the US side
    assert d.loc["AAA", "partner_dependence"] == pytest.approx(0.4)
    assert d.loc["AAA", "us_dependence"] == pytest.approx(0.04)
    assert d.loc["AAA", "weak_link"] == pytest.approx(0.04)
    assert d.loc["AAA", "weaker_side"] == "United States"
    # BBB is larger than the US: 2/4000 on its side, 2/1000 on the US side -> the partner is weaker
    assert d.loc["BBB", "weak_link"] == pytest.approx(0.0005)
    assert d.loc["BBB", "weaker_side"] == "partner"


def test_dependence_ratio_is_the_gdp_ratio():
    d = eco.dependence(years=2022)
    assert np.allclose(d["us_dependence"] / d["partner_dependence"], d["gdp_musd"] / d["us_gdp_musd"])


def test_dependence_matches_the_panel():
    d = eco.dependence(years=(2015, 2022)).set_index(["iso3", "year"])["partner_dependence"]
    panel = helpers.load("panel", years=(2015, 2022)).set_index(["iso3", "year"])["trade_pct_gdp"].dropna()
    common = d.index.intersection(panel.index)
    assert len(common) > 1000
    assert np.allclose(100 * d[common], panel[common], rtol=1e-5, atol=1e-6)


def test_dependence_leaves_out_partners_without_gdp():
    assert eco.dependence("TWN").empty                         # Taiwan: not in the World Bank data
    assert not eco.goods_trade("TWN").empty


def test_dependence_table_in_percent():
    t = eco.dependence_table(["CAN", "GBR"], 2022)
    d = eco.dependence("CAN", 2022).iloc[0]
    assert t.loc["Canada", "weak link (% of GDP)"] == pytest.approx(100 * d["weak_link"], abs=0.01)
    assert t.index.tolist() == ["Canada", "United Kingdom"]     # sorted by the partner's dependence


# ---- investment ---------------------------------------------------------------------------

def test_fdi_shares_and_hubs():
    df = eco.fdi_position(years=2019)
    assert df["share_pct"].sum() == pytest.approx(100)
    assert df.set_index("iso3").loc["LUX", "hub"] and not df.set_index("iso3").loc["JPN", "hub"]


def test_fdi_ranking_top_three_2019():
    assert eco.fdi_ranking(2019, n=3)["name"].tolist() == ["Japan", "United Kingdom", "Canada"]


def test_outflows_sums_by_hand():
    raw = helpers.load("investment", countries="GBR", years=(2000, 2016))["us_outflow_musd"].sum()
    out = eco.outflows(((2000, 2016),), n=20).set_index("iso3")
    assert out.loc["GBR", "outflow_musd"] == pytest.approx(raw)
    assert out.loc["NLD", "hub"] and not out.loc["GBR", "hub"]
    assert out["outflow_musd"].is_monotonic_decreasing


# ---- trade vs alignment ------------------------------------------------------------------

def test_trade_vs_agreement_joins_the_right_values():
    d = eco.trade_vs_agreement(2019).set_index("iso3")
    uk = helpers.load("un_agreement", countries="GBR", years=2019)["agreement"].item()
    assert d.loc["GBR", "agreement"] == uk
    assert d.loc["GBR", "defence_pledge"] and not d.loc["CHN", "defence_pledge"]
    assert d["trade_rank"].min() == 1 and d["agreement_rank"].min() == 1


def test_closeness_table_is_sorted_by_trade():
    t = eco.closeness_table(2019, ["GBR", "CHN", "AUS"])
    assert t.index.tolist() == ["China", "United Kingdom", "Australia"]


# ---- explorer ----------------------------------------------------------------------------

@pytest.mark.parametrize("measure", list(eco.MEASURES))
def test_measure_table_every_measure(measure):
    df = eco.measure_table(measure, ["CAN", "JPN"], (2000, 2001))
    assert df.columns.tolist() == ["iso3", "year", "value"] and len(df) == 4
    assert (df["value"] > 0).all()


def test_measure_table_units():
    can = eco.dependence("CAN", 2022).iloc[0]
    assert eco.measure_table("weak_link", "CAN", 2022)["value"].item() == pytest.approx(100 * can["weak_link"])
    assert eco.measure_table("trade", "CAN", 2022)["value"].item() == pytest.approx(can["trade_musd"] / 1000)


def test_measure_table_rejects_unknown_measure():
    with pytest.raises(ValueError, match="not a measure"):
        eco.measure_table("happiness", ["CAN"])


def test_explorer_redraws_with_the_chosen_measure(monkeypatch):
    drawn = []
    monkeypatch.setattr(eco, "draw_measure", lambda m, c, y: drawn.append((m, tuple(c), y)))
    box = eco.explorer(["CAN", "GBR"], measure="share")
    measure, countries, years = box.children[0].children
    assert drawn == []  # the starting view is the static figure above the explorer
    measure.value = "weak_link"
    assert drawn[-1][0] == "weak_link" and set(drawn[-1][1]) == {"CAN", "GBR"}
    years.value = (1990, 2000)
    assert drawn[-1][2] == (1990, 2000)


def test_figures_show_with_alt_text(monkeypatch):
    shown = []
    monkeypatch.setattr(helpers.plots, "show", lambda fig, alt: shown.append(alt))
    eco.draw_ranking(2022, n=5)
    eco.draw_history()
    eco.draw_atlantic_pacific()
    eco.draw_dependence(["CAN", "GBR"], 2022)
    eco.draw_outflows()
    eco.draw_trade_vs_agreement(2019)
    eco.draw_fdi(["GBR"])
    assert len(shown) == 7 and all(len(a.split()) > 10 for a in shown)
    assert "Canada" in shown[0] and "Germany" in shown[1]


# ---- exercise checks ----------------------------------------------------------------------

RIGHT = {"03.1": "Canada", "03.4": "Japan", "03.5": "Japan", "03.6": "b"}


def _right(exercise):
    if exercise == "03.2":
        uk = helpers.load("trade_history", countries="GBR").set_index("year")["trade_share_pct"]
        return uk[1900] / uk[2014]
    if exercise == "03.3":
        return eco.dependence("CAN", 2022)["weak_link"].item()
    return RIGHT[exercise]


@pytest.mark.parametrize("exercise", sorted(exercises.EXERCISES))
def test_right_answer_is_accepted(exercise):
    ok, message = result(exercise, _right(exercise))
    assert ok, message


@pytest.mark.parametrize("exercise", sorted(exercises.EXERCISES))
def test_unanswered(exercise):
    ok, message = result(exercise, ...)
    assert not ok and message.startswith("Not answered yet")


@pytest.mark.parametrize("exercise, wrong_type", [("03.1", 3), ("03.2", "fourteen"), ("03.3", [0.03]),
                                                  ("03.4", 1), ("03.5", None), ("03.6", 2)])
def test_wrong_type_gets_an_explanation(exercise, wrong_type):
    ok, message = result(exercise, wrong_type)
    assert not ok and len(message) > 20 and "Traceback" not in message


@pytest.mark.parametrize("exercise, wrong, hint", [
    ("03.1", "China", "imports"),
    ("03.1", "Mexico", "top three"),
    ("03.1", "Japan", "not the largest"),
    ("03.2", "inverse", "2014 divided by 1900"),
    ("03.3", "percent", "in percent"),
    ("03.3", "partner", "larger of the two"),
    ("03.4", "United States", "not the one the data supports"),
    ("03.4", "Germany", "not one of the options"),
    ("03.5", "United Kingdom", "not first in 2019"),
    ("03.6", "a", "not the one the data supports"),
])
def test_common_wrong_answers_get_hints(exercise, wrong, hint):
    if exercise == "03.2":
        wrong = 1 / _right("03.2")
    elif exercise == "03.3":
        can = eco.dependence("CAN", 2022).iloc[0]
        wrong = 100 * can["weak_link"] if wrong == "percent" else can["partner_dependence"]
    ok, message = result(exercise, wrong)
    assert not ok
    assert hint in message, message


def test_check_accepts_codes_and_spellings():
    assert result("03.1", "CAN")[0] and result("03.1", " canada ")[0]
    assert result("03.4", "JPN")[0] and result("03.4", "japan")[0]
    assert result("03.6", "B")[0] and result("03.6", "(b)")[0]


def test_ratio_tolerance_is_tight():
    right = _right("03.2")
    assert result("03.2", right * 1.005)[0]
    assert not result("03.2", right * 1.05)[0]
    assert not result("03.2", math.floor(right) - 3)[0]
