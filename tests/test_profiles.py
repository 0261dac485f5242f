"""The country profiles' helpers (helpers/profiles.py) and their exercise checks.

Hand-computed cases on the real tables, the comparison groups, the independence of the
recomputation from the panel, and for every exercise: the right answer, a common wrong
answer, a wrong type and an unanswered `...`.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import profiles
from helpers.checks import REGISTRY, result


# ---- comparison groups --------------------------------------------------------------------

def test_groups_leave_out_the_country_and_the_us():
    for group in ["treaty_allies", "g7", "five_eyes", "nato_founders", "asia_pacific_allies", "quad"]:
        for code in ["GBR", "AUS", "JPN"]:
            members = profiles.members(group, code)
            assert code not in members and "USA" not in members, (group, code)
            assert members == sorted(members)


def test_named_groups_are_the_known_lists():
    assert profiles.members("five_eyes", "AUS") == ["CAN", "GBR", "NZL"]
    assert profiles.members("quad", "JPN") == ["AUS", "IND"]
    assert profiles.members("g7", "GBR") == ["CAN", "DEU", "FRA", "ITA", "JPN"]
    assert profiles.members("asia_pacific_allies", "JPN") == ["AUS", "KOR", "PHL", "THA"]
    assert len(profiles.members("nato_founders", "GBR")) == 10   # twelve founders, less the UK and the US
    assert profiles.members("picked", "GBR", picked=["France", "UK", "Japan"]) == ["FRA", "JPN"]


def test_unknown_group_is_explained():
    with pytest.raises(ValueError, match="not a comparison group"):
        profiles.members("brics", "GBR")


# ---- the profile's end points -------------------------------------------------------------

def test_latest_by_hand_for_the_uk_against_the_g7():
    t = profiles.latest("GBR", "g7").set_index("indicator")
    # the UK's 2022 trade share, by hand from the trade table
    trade = helpers.load("trade", years=2022)
    both = trade["exports_musd"] + trade["imports_musd"]
    share = 100 * both[trade["iso3"] == "GBR"].sum() / both.sum()
    assert t.loc["trade_share_pct", "year"] == 2022
    assert math.isclose(t.loc["trade_share_pct", "value"], share, rel_tol=1e-6)
    # the G7 median of US troops in 2024: the middle of five hosts
    troops = helpers.load("troops", years=2024).set_index("iso3")["troops"]
    five = sorted(troops[c] for c in ["CAN", "DEU", "FRA", "ITA", "JPN"] if c in troops.index)
    assert t.loc["troops", "group_median"] == float(np.median(five))


@pytest.mark.parametrize("code,group", [("GBR", "g7"), ("AUS", "five_eyes"), ("JPN", "asia_pacific_allies"),
                                        ("JPN", "quad")])
def test_recomputation_from_source_tables_matches_the_panel(code, group):
    a, b = profiles.latest(code, group), profiles.recompute_latest(code, group)
    assert list(a["indicator"]) == list(b["indicator"]) and list(a["year"]) == list(b["year"])
    assert np.allclose(a[["value", "group_median"]], b[["value", "group_median"]], rtol=1e-5)


def test_recomputation_does_not_read_the_panel(monkeypatch):
    """If the panel were wrong, the recomputation must disagree with it (the check can fail)."""
    real = helpers.data._load_cached

    def fake(name):
        df = real(name).copy()
        if name == "panel":
            df["troops"] = df["troops"] * 2
        return df
    monkeypatch.setattr(helpers.data, "_load_cached", fake)
    a, b = profiles.latest("GBR", "g7"), profiles.recompute_latest("GBR", "g7")
    troops = a["indicator"] == "troops"
    assert not np.allclose(a.loc[troops, "value"], b.loc[troops, "value"])


# ---- the particular measures ----------------------------------------------------------------

def test_trade_shares_add_up_and_match_the_panel():
    s = profiles.trade_shares()
    assert np.allclose(s.groupby("year")["share_pct"].sum(), 100)
    panel = helpers.load("panel", countries="JPN", years=1986)["trade_share_pct"].item()
    assert math.isclose(s[(s["iso3"] == "JPN") & (s["year"] == 1986)]["share_pct"].item(), panel, rel_tol=1e-6)


def test_japan_peak_agrees_across_two_sources():
    year, share = profiles.trade_peak("JPN")
    hist = helpers.load("trade_history", countries="JPN")
    assert year == int(hist.loc[hist["trade_share_pct"].idxmax(), "year"]) == 1986
    assert 15 < share < 25


def test_deficit_share_by_hand():
    t = helpers.load("trade", years=1991)
    deficit = t["imports_musd"] - t["exports_musd"]
    expected = 100 * deficit[t["iso3"] == "JPN"].sum() / deficit.sum()
    d = profiles.deficit_share("JPN")
    assert math.isclose(d.loc[d["year"] == 1991, "share_pct"].item(), expected, rel_tol=1e-9)


def test_years_ahead_on_a_small_case(monkeypatch):
    table = pd.DataFrame({"GBR": [0.9, 0.5, 0.8, 0.7], "FRA": [0.8, 0.6, 0.7, np.nan],
                          "DEU": [0.7, 0.4, 0.85, 0.6]}, index=pd.Index([2000, 2001, 2002, 2003], name="year"))
    monkeypatch.setattr(profiles, "agreement_table", lambda countries, first=None: table[list(countries)])
    assert profiles.years_ahead("GBR", ["FRA", "DEU"]) == (1, 3)   # 2003 has a gap; 2001 and 2002 lost
    assert profiles.years_ahead("GBR", ["DEU"]) == (3, 4)


def test_ranks_and_firsts():
    assert profiles.troops_peak("GBR") == (1957, 63008)
    assert profiles.first_un_year("JPN") == 1957
    assert profiles.fdi_rank("GBR", 2008) == 1 and profiles.fdi_rank("GBR", 2019) == 2
    assert profiles.exercise_totals().iloc[0]["iso3"] == "GBR"
    assert profiles.top_hosts(2024, 1)["iso3"].item() == "JPN"
    assert profiles.rank_among("students_per_million", 2022, ["CAN", "GBR", "NZL"], "AUS") == (3, 4)


def test_events_dates_follow_their_precision():
    e = profiles.events("GBR").set_index("title")
    assert e.loc["UKUSA Agreement signed", "date"] == "5 Mar 1946"
    assert e.loc["UKUSA Agreement text released", "date"] == "Jun 2010"
    assert e.loc["North Atlantic Treaty signed", "in force"] == "24 Aug 1949"
    a = profiles.events("AUS").set_index("title")
    assert a.loc["ANZUS Treaty signed", "date"] == "1 Sep 1951"
    assert a.loc["ANZUS Treaty signed", "in force"] == "29 Apr 1952"
    assert a.loc["Australia and New Zealand join the UKUSA arrangement", "date"] == "1956"
    j = profiles.events("JPN").set_index("title")
    assert j.loc["US-Japan Security Treaty", "date"] == "8 Sep 1951"
    assert j.loc["Treaty of Mutual Cooperation and Security with Japan", "in force"] == "23 Jun 1960"


def test_alliance_support_is_the_lowy_series():
    s = profiles.alliance_support("AUS")
    assert s["year"].tolist() == sorted(s["year"])
    assert s.set_index("year").loc[2007, "pct"] == 63


# ---- figures --------------------------------------------------------------------------------

@pytest.fixture
def shown(capture_figures):
    """(figure, alt text) of every figure drawn, from the profiles or the shared profile figure."""
    return capture_figures(profiles, helpers.plots)


def test_every_figure_has_alt_text_with_numbers(shown):
    profiles.draw_profile("GBR", "g7")
    profiles.troops_with_events("GBR", {1949: "NATO"})
    profiles.hosts_chart(2024, 5)
    profiles.fdi_chart(2019, 5)
    profiles.exercise_chart(5)
    profiles.trade_share_chart("JPN", ["CHN"])
    profiles.deficit_chart("JPN")
    profiles.coauthorship_chart(["GBR", "CHN"])
    profiles.opinion_chart(["AUS"])
    profiles.exercises_over_time(["AUS", "NZL"])
    profiles.troops_recent_chart("AUS")
    profiles.support_and_opinion_chart("AUS")
    assert len(shown) == 12
    for fig, alt in shown:
        assert len(alt.split()) >= 10
        assert "e+0" not in alt, alt   # numbers a reader can read, not 1.01e+04
    profile_alt = shown[0][1]
    assert "the United Kingdom" in profile_alt and "other G7 members" in profile_alt


def test_troop_labels_sit_above_the_data(shown):
    profiles.troops_with_events("JPN", {1951: "Security Treaty", 1960: "new treaty"})
    fig, _ = shown[0]
    ax = fig.axes[0]
    top = helpers.load("troops", countries="JPN")["troops"].max()
    assert all(text.get_position()[1] > top for text in ax.texts)
    assert max(ax.get_yticks()) <= top * 1.05


def test_empty_hand_picked_group_says_so(shown, capsys):
    profiles.draw_profile("GBR", "picked", picked=[])
    assert not shown and "empty" in capsys.readouterr().out


def test_explorer_wires_a_group_choice():
    box = profiles.profile_explorer("GBR", "g7")
    controls = box.children[0].children
    assert controls[0].value == "g7"
    assert set(controls[1].value) == {"FRA", "DEU"}


# ---- exercise checks --------------------------------------------------------------------------

def _japan_coauthor(year):
    c = helpers.load("coauthorship", countries="JPN").set_index("year")
    return c.loc[year, "share_of_us_articles_pct"]


RIGHT = {
    "06.1": lambda: profiles.troops_peak("GBR")[0],
    "06.2": lambda: profiles.years_ahead("GBR", ["FRA", "DEU"])[0],
    "06.3": lambda: profiles.fdi_rank("GBR", 2019),
    "06.4": lambda: int(profiles.exercise_totals()["exercises"].iloc[0] - profiles.exercise_totals()["exercises"].iloc[1]),
    "06.5": lambda: "b",
    "07.1": lambda: profiles.rank_among("students_per_million", 2022,
                                        profiles.members("treaty_allies", "AUS"), "AUS")[0],
    "07.2": lambda: int(helpers.load("exercises", countries="AUS")["exercises"].sum()),
    "07.3": lambda: int((helpers.load("panel", countries="NZL", years=(1985, 1996))["exercises"] == 0).sum()),
    "07.4": lambda: 2020,
    "07.5": lambda: "b",
    "08.1": lambda: 1957,
    "08.2": lambda: "b",
    "08.3": lambda: profiles.trade_peak("JPN")[1],
    "08.4": lambda: 1,
    "08.5": lambda: float(_japan_coauthor(2020) - _japan_coauthor(1996)),
}

WRONG = {  # a common wrong answer and a word its feedback should contain
    "06.1": (63008, "number of troops"),
    "06.2": (None, None),           # filled below: ahead of France alone, over all years
    "06.3": (1, "2008-2018"),
    "06.4": (437, "subtract"),
    "06.5": ("a", "not the one"),
    "07.1": (None, None),           # filled below: the rank by number of students
    "07.2": (30, "years with an exercise"),
    "07.3": (0, "zero exercises"),
    "07.4": (2013, "highest"),
    "07.5": ("a", "not the one"),
    "08.1": (1956, "December 1956"),
    "08.2": ("a", "not the one"),
    "08.3": (1986, "peak year"),
    "08.4": (None, None),           # filled below: counted from the smallest host
    "08.5": (None, None),           # filled below: the sign flipped
}


def test_every_exercise_is_registered():
    assert {k for k in REGISTRY if k[:2] in {"06", "07", "08"}} == set(RIGHT)
    for notebook in ("06", "07", "08"):
        assert sum(k.startswith(notebook) for k in RIGHT) >= 4


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_right_answer_is_accepted(exercise):
    ok, message = result(exercise, RIGHT[exercise]())
    assert ok, message


def test_right_japan_coauthorship_change_is_negative():
    assert RIGHT["08.5"]() < 0


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_wrong_answer_gets_a_hint(exercise):
    wrong, word = WRONG[exercise]
    if exercise == "06.2":
        wrong, word = profiles.years_ahead("GBR", ["FRA"])[0], "missing value"
    if exercise == "07.1":
        allies = profiles.members("treaty_allies", "AUS")
        wrong, word = profiles.rank_among("students", 2022, allies, "AUS")[0], "per million"
    if exercise == "08.4":
        wrong, word = len(profiles.top_hosts(2024, 300, territories=True)), "ascending=False"
    if exercise == "08.5":
        wrong, word = -RIGHT["08.5"](), "negative"
    ok, message = result(exercise, wrong)
    assert not ok
    assert word in message, message


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_wrong_type_and_unanswered(exercise):
    ok, message = result(exercise, ...)
    assert not ok and message.startswith("Not answered yet")
    ok, message = result(exercise, ["not", "an", "answer"])
    assert not ok and "Traceback" not in message
    assert any(w in message for w in ("should be a number", "Answer with one of", "could not be checked"))
