"""helpers.cultural and the exercises of 05_cultural: hand cases, the real tables, figures, checks.

Expected numbers in the hand cases are worked out in the comments next to them.
"""
import pandas as pd
import pytest

import helpers
from helpers import cultural as c
from helpers.checks import result


# ------------------------------------------------------------------------ calendars

def test_president_by_survey_year():
    # inaugurations in January 2001, 2009, 2017 and 2021; spring surveys follow them
    assert [c.president(y) for y in (2001, 2008, 2009, 2016, 2017, 2020, 2021, 2023)] == [
        "Bush", "Bush", "Obama", "Obama", "Trump", "Trump", "Biden", "Biden"]
    assert [a.inaugurated.year for a in c.ADMINISTRATIONS] == [2001, 2009, 2017, 2021]
    assert all(a.inaugurated.month == 1 and a.inaugurated.day == 20 for a in c.ADMINISTRATIONS)
    with pytest.raises(ValueError, match="outside"):
        c.president(2000)


def test_academic_year_labels():
    assert c.academic_year(2020) == "2020/21"
    assert c.academic_year(2009) == "2009/10"
    students = helpers.load("students", years=(2000, 2022))
    assert (students["year"].map(c.academic_year) == students["academic_year"]).all()


# ------------------------------------------------------------------------- students

def test_per_million_by_hand():
    s = pd.DataFrame({"iso3": ["A", "B", "C"], "year": [2020, 2020, 2020], "students": [7, 2, 5]})
    e = pd.DataFrame({"iso3": ["A", "B"], "year": [2020, 2020], "population": [3_500_000, 0]})
    out = c.per_million(s, e)
    # A: 1e6 * 7 / 3.5e6 = 2; B has no usable population; C has none at all
    assert out["iso3"].tolist() == ["A"]
    assert out["students_per_million"].item() == pytest.approx(2.0)


def test_students_per_million_matches_raw_rows():
    students = helpers.load("students", countries="CAN", years=2010)["students"].item()
    people = helpers.load("economy", countries="CAN", years=2010)["population"].item()
    got = c.students_per_million(2010).set_index("iso3").loc["CAN", "students_per_million"]
    assert got == pytest.approx(1e6 * students / people, rel=1e-12)
    big = c.students_per_million(2022, min_population=10_000_000)
    assert (big["population"] >= 10_000_000).all() and "DMA" not in set(big["iso3"])


def test_top_origins_rankings():
    raw = helpers.load("students", years=2022).sort_values("students", ascending=False)
    top = c.top_origins(2022, 5)
    assert top["iso3"].tolist() == raw["iso3"].head(5).tolist()
    assert top["rank"].tolist() == [1, 2, 3, 4, 5]
    assert set(top["academic_year"]) == {"2022/23"}
    per = c.top_origins(2022, 5, per_capita=True, min_population=10_000_000)
    assert per["students_per_million"].is_monotonic_decreasing
    assert per["iso3"].iloc[0] == "KOR"
    # without the population floor, small islands lead the per-capita ranking
    assert c.top_origins(2022, 1, per_capita=True)["population"].item() < 1_000_000
    with pytest.raises(helpers.DataError, match="outside"):
        c.top_origins(1990)


# -------------------------------------------------------------------- co-authorship

def test_coauthorship_directions_share_a_numerator():
    d = c.coauthorship_directions(2020, 2021).set_index("iso3")
    raw = helpers.load("coauthorship", countries="GBR")
    us = raw.loc[raw["year"] == 2020, "share_of_us_articles_pct"].item()
    partner = raw.loc[raw["year"] == 2021, "partner_articles_with_us_pct"].item()
    assert d.loc["GBR", "implied_size_vs_us"] == pytest.approx(us / partner)
    # only partners measured in both directions: Spain (partner side only), Sweden (US side only)
    assert "ESP" not in d.index and "SWE" not in d.index
    assert (d["implied_size_vs_us"] < 1).all()
    with pytest.raises(ValueError, match="even years"):
        c.coauthorship_directions(2021, 2020)


# -------------------------------------------------------------------------- opinion

def test_with_dont_know_by_hand():
    d = pd.DataFrame({"pct_favorable_us": [30.0, 60.0], "pct_unfavorable_us": [10.0, 40.0]})
    out = c.with_dont_know(d)
    # 100 - 30 - 10 = 60 with no opinion; 30 / (30 + 10) = 75% of those with one
    assert out["pct_no_opinion"].tolist() == [60.0, 0.0]
    assert out["pct_favorable_of_opinions"].tolist() == pytest.approx([75.0, 60.0])


def test_favourable_by_administration_by_hand():
    d = pd.DataFrame({
        "iso3": ["A", "A", "A", "B", "B", "C"],
        "year": [2005, 2006, 2010, 2005, 2012, 2010],
        "pct_favorable_us": [40.0, 60.0, 70.0, 20.0, 30.0, 10.0]})
    t = c.favourable_by_administration(d)
    assert t.index.tolist() == ["Bush", "Obama"]
    # all surveyed: Bush (40 + 60 + 20) / 3 = 40; Obama (70 + 30 + 10) / 3 = 36.67
    assert t["all_surveyed"].tolist() == pytest.approx([40.0, 110 / 3])
    # fixed panel (A and B, surveyed under both): Bush mean(50, 20) = 35; Obama mean(70, 30) = 50
    assert t["fixed_panel"].tolist() == pytest.approx([35.0, 50.0])
    assert t["n_fixed"].tolist() == [2, 2] and t["n_all"].tolist() == [2, 3]
    # every survey year (2005, 2006, 2010, 2012): nobody
    assert t["n_every"].tolist() == [0, 0] and t["every_year"].isna().all()


def test_fixed_panels_on_the_real_table():
    opinion = helpers.load("opinion")
    assert c.fixed_panel(opinion, every_year=True) == ["DEU", "FRA", "GBR"]
    panel = c.fixed_panel(opinion)
    assert {"GBR", "FRA", "DEU", "JPN", "CAN", "MEX", "IND"} <= set(panel)
    assert "PAK" not in panel  # not surveyed after 2015
    t = c.favourable_by_administration()
    assert t.index.tolist() == ["Bush", "Obama", "Trump", "Biden"]
    assert (t["n_fixed"] == len(panel)).all()
    # the every-year column recomputed straight from the rows
    gbr_fra_deu = opinion[opinion["iso3"].isin(["DEU", "FRA", "GBR"]) & opinion["year"].between(2017, 2020)]
    assert t.loc["Trump", "every_year"] == pytest.approx(gbr_fra_deu["pct_favorable_us"].mean())


# -------------------------------------------------------------------------- figures

def test_spread_separates_labels_and_respects_the_floor():
    out = c._spread([5.0, 5.1, 5.2, 20.0], gap=2.0, low=4.0)
    ordered = sorted(out)
    assert all(b - a >= 2.0 - 1e-6 for a, b in zip(ordered, ordered[1:]))
    assert min(out) >= 4.0 and out[3] == 20.0


@pytest.fixture
def shown(capture_figures):
    return capture_figures(c, alt_only=True)


def test_figures_describe_the_data(shown):
    c.plot_students(["CHN", "IND"])
    c.plot_rankings(2022, 5)
    c.plot_coauthorship(["CHN", "GBR"])
    c.plot_opinion(["GBR", "JPN"])
    c.plot_administrations()
    c.trend("share_of_us_articles_pct", ["CHN", "GBR"])
    assert len(shown) == 6
    assert "2020/21" in shown[0] and "China" in shown[0]
    assert "South Korea" in shown[1]
    assert "China (26.3%)" in shown[2]
    assert "United Kingdom 22 surveys" in shown[3]
    assert "Bush" in shown[4] and "Biden" in shown[4]
    assert "China 26.3 (2020)" in shown[5]


def test_trend_messages():
    with pytest.raises(ValueError, match="not a cultural indicator"):
        c.trend("happiness", ["GBR"])
    with pytest.raises(ValueError, match="opinion table"):
        c.trend("pct_favorable_us", ["GBR"], years=(1990, 1995))


def test_every_indicator_draws(shown):
    for indicator in c.INDICATORS:
        c.trend(indicator, ["GBR", "CHN"])
    assert len(shown) == len(c.INDICATORS)


def test_explorer_redraws_on_change(monkeypatch):
    drawn = []
    monkeypatch.setattr(c, "trend", lambda ind, cs, ys: drawn.append((ind, tuple(cs), ys)))
    box = c.explorer(["GBR", "JPN"])
    indicator, countries, years = box.children[0].children
    assert indicator.value == "students_per_million"
    assert years.continuous_update is False
    indicator.value = "pct_favorable_us"
    assert drawn[-1][0] == "pct_favorable_us" and set(drawn[-1][1]) == {"GBR", "JPN"}
    assert {v for _, v in indicator.options} == set(c.INDICATORS)


# --------------------------------------------------------------------------- checks

def _largest(year=2022):
    return helpers.load("students", years=year).sort_values("students", ascending=False)["iso3"].tolist()


def test_check_05_1():
    first, second = _largest()[:2]
    assert result("05.1", first)[0]
    assert result("05.1", helpers.name(first))[0]
    ok, msg = result("05.1", second)
    assert not ok and "close second" in msg
    ok, msg = result("05.1", "Japan")
    assert not ok and "2022" in msg
    assert not result("05.1", 42)[0]
    ok, msg = result("05.1", ...)
    assert not ok and msg.startswith("Not answered yet")


def test_check_05_2():
    rates = c.per_million(helpers.load("students", years=2022), helpers.load("economy", years=2022))
    big = rates[rates["population"] >= 10_000_000].sort_values("students_per_million", ascending=False)
    assert result("05.2", big["iso3"].iloc[0])[0]
    small = rates.sort_values("students_per_million", ascending=False)["iso3"].iloc[0]
    ok, msg = result("05.2", small)
    assert not ok and "10 million" in msg
    ok, msg = result("05.2", "China")
    assert not ok and "population" in msg
    assert not result("05.2", ["KOR"])[0]
    assert not result("05.2", ...)[0]


def test_check_05_3():
    uk = helpers.load("opinion", countries="GBR").set_index("year")["pct_favorable_us"]
    change = uk[2017] - uk[2016]
    assert change < 0
    assert result("05.3", change)[0]
    assert result("05.3", round(change))[0]
    ok, msg = result("05.3", -change)
    assert not ok and "negative" in msg
    ok, msg = result("05.3", 100 * change / uk[2016])
    assert not ok and "percentage points" in msg
    assert not result("05.3", "minus eleven")[0]
    assert not result("05.3", ...)[0]


def test_check_05_4():
    china = helpers.load("coauthorship", countries="CHN")
    partner = china["partner_articles_with_us_pct"].dropna().iloc[-1]
    us = china["share_of_us_articles_pct"].dropna().iloc[-1]
    right, wrong = ("partner side", "US side") if partner > us else ("US side", "partner side")
    assert result("05.4", right)[0]
    assert result("05.4", "  Partner Side ")[0] == (right == "partner side")
    assert result("05.4", "partner_articles_with_us_pct")[0] == (right == "partner side")
    ok, msg = result("05.4", wrong)
    assert not ok and "denominator" in msg
    assert not result("05.4", 35.6)[0]
    assert not result("05.4", "both")[0]
    assert not result("05.4", ...)[0]


def test_check_05_5():
    t = c.favourable_by_administration()
    drop = t.loc["Obama"] - t.loc["Trump"]
    assert drop["fixed_panel"] > drop["all_surveyed"] + 0.5
    assert result("05.5", "larger")[0]
    ok, msg = result("05.5", "smaller")
    assert not ok and "Obama" in msg
    assert not result("05.5", 8.0)[0]
    assert not result("05.5", ...)[0]


def test_every_exercise_is_registered():
    from helpers.checks import REGISTRY
    assert {"05.1", "05.2", "05.3", "05.4", "05.5"} <= set(REGISTRY)
    for key in ("05.1", "05.2", "05.3", "05.4", "05.5"):
        ok, msg = result(key, ...)
        assert not ok and "Not answered" in msg
