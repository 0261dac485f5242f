"""helpers.security and the exercise checks of 04_security.

Hand cases are worked out in the comments from the rules they test (the ATOP level rule of
FACTS.md, sums over periods); data cases recompute a number a second way from the raw rows.
"""
import pandas as pd
import pytest

import helpers
from helpers import security as sec
from helpers.checks import result


@pytest.fixture
def alts(capture_figures):
    """Capture the alt text of every figure the module shows, instead of displaying it."""
    return capture_figures(sec)


# ------------------------------------------------------------------------------ alliances

@pytest.mark.parametrize("flags, level", [
    ((1, 0, 0, 0, 0), 3),   # defence alone
    ((0, 1, 0, 0, 0), 3),   # offence alone
    ((1, 0, 1, 1, 1), 3),   # defence beats everything else
    ((0, 0, 1, 0, 0), 2),   # neutrality
    ((0, 0, 0, 0, 1), 2),   # consultation
    ((0, 0, 1, 1, 0), 2),   # neutrality beats non-aggression
    ((0, 0, 0, 1, 0), 1),   # non-aggression only
    ((0, 0, 0, 0, 0), 0),   # nothing
])
def test_level_from_pledges_by_hand(flags, level):
    assert sec.level_from_pledges(*flags) == level


def test_level_from_pledges_on_columns():
    toy = pd.DataFrame({"defense": [1, 0, 0, 0], "offense": [0, 0, 0, 0],
                        "neutrality": [0, 1, 0, 0], "nonaggression": [1, 1, 1, 0],
                        "consultation": [1, 0, 0, 0]})
    got = sec.level_from_pledges(*(toy[p] for p in sec.PLEDGES))
    assert got.tolist() == [3, 2, 1, 0]


def test_level_column_agrees_with_the_rule():
    a = helpers.load("alliances")
    assert (sec.level_from_pledges(*(a[p] for p in sec.PLEDGES)) == a["level"]).all()


def test_partners_by_level_counts_rows_and_fills_gaps():
    a = helpers.load("alliances")
    table = sec.partners_by_level()
    per_year = a.groupby("year").size()
    assert (table.loc[per_year.index, "all partners"] == per_year).all()
    # 1935 had no US alliance in ATOP: the year is there, with zeros
    assert 1935 not in set(a["year"]) and table.loc[1935, "all partners"] == 0
    assert table.loc[2018, "3: defence or offence"] == (a[a["year"] == 2018]["level"] == 3).sum()
    assert table.index.max() == sec.ATOP_LAST_YEAR


def test_pledge_table_2018():
    rows = helpers.load("alliances", years=2018)
    table = sec.pledge_table(2018)
    assert table["partners"].sum() == len(rows)
    # each group's names are as many as its partners, and its level matches its pledges
    for r in table.itertuples():
        assert len(r.names.split(", ")) == r.partners
        words = set(r.pledges.split(" + "))
        flags = [int(sec.PLEDGE_WORDS[p] in words) for p in sec.PLEDGES]
        assert sec.level_from_pledges(*flags) == r.level
    defence = table[table["pledges"].str.contains("defence")]["partners"].sum()
    assert defence == len(sec.partners_with("defense", 2018))


def test_partners_with_matches_countries_table():
    c = helpers.load("countries")
    assert sec.partners_with("defense", 2018) == sorted(c.loc[c["us_defense_pact_2018"], "iso3"])
    with pytest.raises(ValueError, match="not a pledge"):
        sec.partners_with("defence")


# --------------------------------------------------------------------------------- troops

def test_top_hosts_and_basis():
    t = helpers.load("troops", years=2024)
    top = sec.top_hosts(2024, 5)
    assert top["troops"].is_monotonic_decreasing
    assert top["troops"].iloc[0] == t["troops"].max()
    assert "Guam (US territory)" in set(sec.top_hosts(2024, 10)["host"])


def test_troops_with_basis_names_mixed_years():
    t = sec.troops_with_basis(["JPN", "GMB"], (2015, 2015))
    assert t.loc[2015, "basis"] == "December report (JPN); median of reports (GMB)"
    t = sec.troops_with_basis(["DEU", "JPN"], (2011, 2013))
    assert t.loc[2011, "basis"] == "annual series" and t.loc[2013, "basis"] == "December report"
    raw = helpers.load("troops", countries="DEU", years=2012)["troops"].item()
    assert t.loc[2012, "DEU"] == raw


def test_plot_troops_flags_median_years(alts):
    sec.plot_troops(["JPN"], (2020, 2025))
    fig, alt = alts[-1]
    assert "Japan" in alt and "1 values are the median or only report" in alt
    # the hollow marker is drawn at the 2022 value
    hollow = [line for line in fig.axes[0].lines if line.get_marker() == "o" and len(line.get_xdata())]
    assert [list(h.get_xdata()) for h in hollow] == [[2022]]


def test_plot_troops_with_no_rows_prints(capsys):
    sec.plot_troops(["BTN"], (1950, 2025))   # Bhutan: no US troops recorded
    assert "No US troops" in capsys.readouterr().out


# ----------------------------------------------------------------------------------- arms

def test_period_sums_by_hand():
    toy = pd.DataFrame({"iso3": ["A", "A", "A", "B", "B"], "year": [2000, 2004, 2005, 2001, 2011],
                        "v": [1, 2, 4, 8, 16]})
    got = sec.period_sums(toy, "v", period=5, first=2000, last=2011)
    # A: 2000-2004 -> 1+2 = 3, 2005-2009 -> 4; B: 2000-2004 -> 8, 2010-2014 -> 16 (2 years covered)
    assert got[["iso3", "start", "v", "years"]].values.tolist() == [
        ["A", 2000, 3, 5], ["A", 2005, 4, 5], ["B", 2000, 8, 5], ["B", 2010, 16, 2]]
    assert got["period"].tolist() == ["2000–2004", "2005–2009", "2000–2004", "2010–2014"]


def test_top_recipients_keeps_whole_decades_and_ranks():
    table = sec.top_recipients(10, 3)
    assert table.columns[-1] == "2010–2019" and "2020–2029" not in table.columns
    arms = helpers.load("arms", years=(1970, 1979))
    leader = arms.groupby("iso3")["tiv_millions"].sum().idxmax()
    total = arms.groupby("iso3")["tiv_millions"].sum().max()
    assert table.loc[1, "1970–1979"] == f"{helpers.name(leader)} ({total:,})"


def test_arms_total_is_a_plain_sum():
    arms = helpers.load("arms")
    window = arms[arms["year"].between(2011, 2020)]
    manual = window.groupby("iso3")["tiv_millions"].sum().sort_values(ascending=False)
    got = sec.arms_total(2011, 2020)
    assert got.index[0] == manual.index[0] and got.iloc[0] == manual.iloc[0]
    assert got.sum() == window["tiv_millions"].sum()


def test_plot_arms_alt_text(alts):
    sec.plot_arms(["JPN", "SAU"], 5, 1950, 2019)
    _, alt = alts[-1]
    assert alt.startswith("Step chart")
    best = sec.period_sums(helpers.load("arms", countries="SAU"), "tiv_millions", 5, 1950, 2019)
    top = best.loc[best["tiv_millions"].idxmax()]
    assert f"Saudi Arabia {top.tiv_millions:,} in {top.period}" in alt
    assert "Japan" in alt and "Saudi Arabia" in alt


# ------------------------------------------------------------------------------ exercises

def test_exercise_totals():
    e = helpers.load("exercises")
    assert sec.exercise_totals()["GBR"] == e.loc[e["iso3"] == "GBR", "exercises"].sum()
    # a partner with no exercise is a 0, not missing
    got = sec.exercise_totals(["GBR", "LIE"])
    assert got["LIE"] == 0 and got.index[0] == "GBR"
    early = sec.exercise_totals(["IND"], 1980, 1989)
    assert early["IND"] == e[(e["iso3"] == "IND") & e["year"].between(1980, 1989)]["exercises"].sum()


def test_exercise_totals_agree_with_the_panel():
    panel = helpers.load("panel", years=(1980, 2010))
    for code in ["GBR", "FRA", "JPN", "AUS", "IND"]:
        assert sec.exercise_totals([code])[code] == panel.loc[panel["iso3"] == code, "exercises"].sum()


# ------------------------------------------------------------------ bases and intelligence

def test_plot_bases(alts):
    sec.plot_bases(5)
    fig, alt = alts[-1]
    bars = fig.axes[0].patches
    assert len(bars) == 15              # 5 hosts x 3 kinds of site
    assert "Germany" in alt and "Puerto Rico (US territory)" in alt


def test_five_eyes_table():
    table = sec.five_eyes_table()
    assert list(table.index) == ["GBR", "CAN", "AUS", "NZL"]
    assert table["joined UKUSA"].tolist() == [1946, 1948, 1956, 1956]   # FACTS.md
    assert table.loc["NZL", "alliance level 2018"] == 1
    assert table.loc["GBR", "exercises 1980–2010"] == sec.exercise_totals(["GBR"])["GBR"]


def test_intelligence_events_are_ukusa():
    events = sec.intelligence_events()
    assert events["title"].str.contains("UKUSA").all() and len(events) >= 3


def test_security_profile():
    p = sec.security_profile(["GBR", "SAU", "FRA"])
    assert p.loc["SAU", "alliance level 2018"] == 0
    assert p.loc["FRA", "US sites (Vine)"] == 0
    assert p.loc["GBR", "arms TIV 2011–2020"] == sec.arms_total(2011, 2020)["GBR"]


# ------------------------------------------------------------------------------- explorer

def test_security_trend(alts):
    sec.security_trend("alliance_level", ["GBR", "NZL"], (1980, 2000))
    fig, alt = alts[-1]
    assert fig.axes[0].get_yticks().tolist() == [0, 1, 2, 3]
    sec.security_trend("troops", ["JPN"], (2020, 2024))
    last = helpers.load("panel", countries="JPN", years=2024)["troops"].item()
    assert f"Japan {last:,} in 2024" in alts[-1][1]
    with pytest.raises(ValueError, match="not a security indicator"):
        sec.security_trend("trade_musd", ["GBR"])
    with pytest.raises(ValueError, match="no values"):
        sec.security_trend("exercises", ["GBR"], (2015, 2020))


def test_security_trend_smooth_is_a_five_year_sum(alts):
    sec.security_trend("arms_tiv", ["GBR"], (2000, 2010), smooth=True)
    fig, _ = alts[-1]
    x, y = fig.axes[0].lines[0].get_data()
    panel = helpers.load("panel", countries="GBR", years=(2000, 2010)).set_index("year")["arms_tiv"]
    assert x[0] == 2004 and y[0] == pytest.approx(panel.loc[2000:2004].sum())


def test_explorer_builds():
    import ipywidgets
    box = sec.explorer(["GBR", "JPN"])
    assert isinstance(box, ipywidgets.VBox)


# ---------------------------------------------------------------------------------- checks

def _ok(exercise, answer):
    return result(exercise, answer)[0]


def test_check_04_1():
    t = helpers.load("troops", years=2024)
    top = t.loc[t["troops"].idxmax(), "iso3"]
    assert _ok("04.1", top) and _ok("04.1", helpers.name(top))
    ok, msg = result("04.1", "Germany")
    assert not ok and "Cold War" in msg
    ok, msg = result("04.1", 2024)
    assert not ok and "text" in msg
    ok, msg = result("04.1", ...)
    assert not ok and msg.startswith("Not answered yet")


def test_check_04_2():
    rows = helpers.load("alliances", years=2018)
    assert _ok("04.2", int(rows["defense"].sum()))
    ok, msg = result("04.2", len(rows))
    assert not ok and "any alliance" in msg
    ok, msg = result("04.2", "sixty-six")
    assert not ok and "should be a number" in msg
    assert not _ok("04.2", ...)


def test_check_04_3():
    assert _ok("04.3", "Saudi Arabia") == (sec.arms_total(2011, 2020).index[0] == "SAU")
    assert _ok("04.3", sec.arms_total(2011, 2020).index[0])
    ok, msg = result("04.3", sec.arms_total(2011, 2020).index[1])
    assert not ok and "second" in msg
    assert not _ok("04.3", 17253)
    assert not _ok("04.3", ...)


def test_check_04_4():
    five = ["GBR", "FRA", "JPN", "AUS", "IND"]
    change = sec.exercise_totals(five, 2000, 2009) - sec.exercise_totals(five, 1980, 1989)
    assert _ok("04.4", change.idxmax())
    ok, msg = result("04.4", "United Kingdom")
    assert not ok and "increase" in msg
    ok, msg = result("04.4", "Japan")
    assert not ok and "fell" in msg
    assert not _ok("04.4", ["FRA"])
    assert not _ok("04.4", ...)


def test_check_04_5():
    assert _ok("04.5", "b") and _ok("04.5", " B ")
    ok, msg = result("04.5", "a")
    assert not ok and "Five Eyes" in msg
    ok, msg = result("04.5", "e")
    assert not ok and "not one of the options" in msg
    assert not _ok("04.5", 2)
    assert not _ok("04.5", ...)


def test_every_exercise_is_registered():
    from helpers.checks import REGISTRY
    assert {f"04.{k}" for k in range(1, 6)} <= set(REGISTRY)
