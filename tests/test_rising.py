"""Rising economies and the capstone (helpers.rising) and their exercise checks (13.k, 14.k)."""
from __future__ import annotations

import contextlib
import io
import math

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import rising as rs
from helpers.checks import result


def _quiet(fn, *args, **kwargs):
    """Call a drawing function without printing its figure's text form."""
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args, **kwargs)


# ------------------------------------------------------------------ the formulas, by hand

def test_slope_by_hand():
    # x = 2t + 1 exactly: slope 2; a point off the line changes it as the formula says
    assert rs.slope([0, 1, 2, 3], [1, 3, 5, 7]) == pytest.approx(2.0)
    # t = 0, 1, 2 (mean 1), x = 0, 0, 3 (mean 1): Σ(t-1)(x-1) = (-1)(-1) + 0 + (1)(2) = 3; Σ(t-1)² = 2
    assert rs.slope([0, 1, 2], [0, 0, 3]) == pytest.approx(1.5)
    assert math.isnan(rs.slope([2000, 2000], [1, 2]))


def test_slope_matches_polyfit():
    rng = np.random.default_rng(13)
    t = np.arange(1990, 2020)
    x = 0.3 * t + rng.normal(size=t.size)
    assert rs.slope(t, x) == pytest.approx(np.polyfit(t, x, 1)[0], rel=1e-9)


def test_ends_rate_by_hand():
    # first three mean 1 (t mean 2001), last three mean 4 (t mean 2007): (4 - 1) / 6
    t = range(2000, 2009)
    x = [1, 1, 1, 2, 2, 2, 4, 4, 4]
    assert rs.ends_rate(t, x) == pytest.approx(0.5)
    assert rs.ends_rate([2000, 2001], [0, 1]) == pytest.approx(1.0)      # k shrinks to 1
    assert math.isnan(rs.ends_rate([2000], [1]))


def test_verdict_threshold_edges():
    assert rs.verdict(rs.THRESHOLD) == "converging"
    assert rs.verdict(-rs.THRESHOLD) == "diverging"
    assert rs.verdict(0.0999) == "steady"


TOY = pd.DataFrame({"iso3": ["A"] * 6 + ["B"] * 6, "year": list(range(2000, 2006)) * 2,
                    "un_agreement": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] + [0.9, 0.8, 0.7, 0.6, 0.5, 0.4],
                    "ideal_point_distance": [2, 2, 2, 2, 2, 2] + [1, 2, 3, 4, 5, 6]})


def test_trajectory_by_hand():
    t = rs.trajectory("A", ["un_agreement"], 2000, 2005, data=TOY)
    # pooled sd of the 12 values: all deviations from 0.5 are ±0.1, ±0.2... -> population sd
    values = np.array(TOY["un_agreement"])
    s = values.std()
    assert t.loc["un_agreement", "sd"] == pytest.approx(s)
    assert t.loc["un_agreement", "per_year"] == pytest.approx(0.1)
    assert t.loc["un_agreement", "change"] == pytest.approx(10 * 0.1 / s)
    b = rs.trajectory("B", ["un_agreement"], 2000, 2005, data=TOY)
    assert b.loc["un_agreement", "change"] == pytest.approx(-10 * 0.1 / s)
    assert b.loc["un_agreement", "verdict"] == "diverging"


def test_lower_is_closer_turns_the_sign():
    b = rs.trajectory("B", ["ideal_point_distance"], 2000, 2005, data=TOY)
    assert b.loc["ideal_point_distance", "per_year"] == pytest.approx(1.0)
    assert b.loc["ideal_point_distance", "change"] < 0           # distance grows: diverging
    a = rs.trajectory("A", ["ideal_point_distance"], 2000, 2005, data=TOY)
    assert a.loc["ideal_point_distance", "change"] == 0 and a.loc["ideal_point_distance", "verdict"] == "steady"


def test_relative_removes_what_everyone_shares():
    # both countries rise by the same amount every year: converging in absolute terms,
    # steady relative to the median partner
    df = pd.DataFrame({"iso3": ["A"] * 5 + ["B"] * 5, "year": list(range(2000, 2005)) * 2,
                       "un_agreement": [0.1, 0.2, 0.3, 0.4, 0.5] + [0.3, 0.4, 0.5, 0.6, 0.7]})
    assert rs.trajectory("A", ["un_agreement"], 2000, 2004, data=df)["verdict"].item() == "converging"
    rel = rs.trajectory("A", ["un_agreement"], 2000, 2004, data=df, relative=True)
    assert rel["change"].item() == pytest.approx(0.0)


def test_too_few_years_and_bad_input():
    t = rs.trajectory("A", ["un_agreement"], 2000, 2003, data=TOY)    # 4 years < MIN_YEARS
    assert math.isnan(t["change"].item()) and t["verdict"].item() == "too few years"
    with pytest.raises(ValueError, match="start before"):
        rs.trajectory("IND", None, 2010, 2000)
    with pytest.raises(ValueError, match="not an indicator"):
        rs.trajectory("IND", ["trade"])
    with pytest.raises(ValueError, match="method"):
        rs.trajectory("IND", method="mean")


def test_log_scale_indicator_uses_log1p():
    df = pd.DataFrame({"iso3": ["A"] * 5, "year": range(2000, 2005),
                       "arms_tiv": [np.expm1(k) for k in range(5)]})   # log(1 + x) = 0, 1, ..., 4
    t = rs.trajectory("A", ["arms_tiv"], 2000, 2004, data=df)
    assert t["per_year"].item() == pytest.approx(1.0)


# ------------------------------------------------------------------ on the real data

def test_trajectory_matches_raw_trade_table():
    trade = helpers.load("trade", years=(2000, 2022))
    trade["total"] = trade["exports_musd"] + trade["imports_musd"]
    share = 100 * trade[trade["iso3"] == "VNM"].set_index("year")["total"] / trade.groupby("year")["total"].sum()
    expected = np.polyfit(share.index, np.log1p(share), 1)[0]
    got = rs.trajectory("Vietnam", ["trade_share_pct"], 2000, 2022)["per_year"].item()
    assert got == pytest.approx(expected, rel=1e-5)


def test_convergence_table_structure():
    table = rs.convergence_table()
    assert set(table.index) == set(rs.RISING)
    assert table["overall"].is_monotonic_decreasing
    pillars = ["diplomatic", "economic", "security", "cultural"]
    assert np.allclose(table["overall"], table[pillars].mean(axis=1))
    assert ((table["converging"] + table["diverging"]) <= 4).all()


def test_definitions_table_agree_column():
    t = rs.definitions_table()
    verdicts = t[["slope", "ends", "slope, relative", "ends, relative"]]
    assert (t["agree"] == (verdicts.nunique(axis=1) == 1)).all()
    assert t.loc["IND", "slope"] == rs.convergence_table().loc["IND", "verdict"]


def test_new_pledges_2009_is_multilateral():
    codes = rs.new_pledges(2009)
    assert {"IND", "IDN", "VNM", "CHN"} <= set(codes) and len(codes) > 10
    assert rs.new_pledges(2009, "defense") == []
    with pytest.raises(ValueError):
        rs.new_pledges(2009, "friendship")


def test_quad_table_and_group_table():
    q = rs.quad_table()
    assert list(q.index) == ["AUS", "IND", "JPN"]
    level = [c for c in q.columns if c.startswith("alliance level")][0]
    assert q.loc["IND", level] < q.loc["JPN", level]
    g = rs.group_table()
    assert list(g.index) == list(rs.RISING)
    assert (g["growth (×)"] > 1).all()


def test_windows_table():
    t = rs.windows_table("India", windows=((2000, 2016), (2017, 2024)))
    assert pd.isna(t.loc["exercises", "2017–2024"])          # exercises end in 2010
    full = rs.trajectory("India", None, 2000, 2016)["change"]
    assert np.allclose(t["2000–2016"], full, equal_nan=True)


def test_drawings_run():
    out = _quiet(rs.draw_convergence, ["IND", "BRA"], since=2000, until=2022)
    assert out is None
    _quiet(rs.draw_trajectory, "IND", ["trade_share_pct"], 2000, 2022)
    _quiet(rs.draw_trajectories, ["IND"], "un_agreement", 2000, 2019)
    events = _quiet(rs.draw_events, "IND")
    assert set(events["title"].str.contains("Quad")) == {True}
    _quiet(rs.draw_candidates, "JPN", "KOR")


def test_explorers_build():
    box = rs.explorer()
    assert len(box.children) == 2
    assert len(rs.candidate_explorer().children) == 2


# ------------------------------------------------------------------ capstone helpers

def test_evidence_ranks_by_hand():
    ev = rs.evidence("GBR", ["ideal_point_distance", "trade_share_pct"])
    year = int(ev.loc["ideal_point_distance", "year"])
    p = helpers.load("panel", years=year)
    p = p[~p["iso3"].isin(helpers.index.US_TERRITORIES)].dropna(subset=["ideal_point_distance"])
    closer = (p["ideal_point_distance"] < p.loc[p["iso3"] == "GBR", "ideal_point_distance"].item()).sum()
    assert int(ev.loc["ideal_point_distance", "rank"]) == closer + 1   # lower distance is closer
    assert int(ev.loc["ideal_point_distance", "of"]) == len(p)


def test_evidence_sentence_names_year_rank_and_source():
    text = rs.evidence_sentence("GBR", "trade_share_pct")
    ev = rs.evidence("GBR", ["trade_share_pct"]).loc["trade_share_pct"]
    assert f"In {int(ev['year'])} " in text and f"of {int(ev['of'])} partners" in text
    assert "Canada" in text and text.endswith("(table `panel`).")


def test_stress_test_default_row_matches_index():
    st = rs.stress_test("GBR")
    assert int(st.loc["equal weights (the default)", "rank"]) == helpers.index.rank_of("GBR")
    assert len(st) == len(rs.STRESS_SETTINGS)


def test_lab_summary_and_rival():
    lab = helpers.index.sensitivity()
    s = rs.lab_summary("GBR", lab)
    assert s["first"] == pytest.approx(lab.loc["GBR", 1])
    assert s["top 3"] == pytest.approx(lab.loc["GBR", [1, 2, 3]].sum())
    leader = lab[1].idxmax()
    assert rs.rival("GBR", lab) == leader != "GBR"
    assert rs.rival(leader, lab) != leader
    with pytest.raises(ValueError, match="not in the sensitivity lab"):
        rs.lab_summary("TWN", lab)


def test_compare_candidates_gap():
    t = rs.compare_candidates("GBR", "CAN")
    assert np.allclose(t["gap"], t["GBR"] - t["CAN"])
    idx = helpers.index.closeness_index()
    assert t.loc["score", "CAN"] == pytest.approx(idx.loc["CAN", "score"])


# ------------------------------------------------------------------ exercise checks

def _ok(ex, answer):
    return result(ex, answer)[0]


def test_13_1():
    best = rs.convergence_table()["cultural"].idxmax()
    assert _ok("13.1", best) and _ok("13.1", helpers.name(best))
    other = [c for c in rs.RISING if c != best][0]
    ok, msg = result("13.1", other)
    assert not ok and ("not the largest" in msg or "overall" in msg)
    assert not _ok("13.1", 42)
    assert result("13.1", ...)[1].startswith("Not answered yet")


def test_13_2():
    t = rs.trajectory("IND", ["trade_share_pct"], 2000, 2022).loc["trade_share_pct"]
    assert _ok("13.2", float(t["change"]))
    ok, msg = result("13.2", float(t["per_year"]))
    assert not ok and "per_year" in msg
    ok, msg = result("13.2", f"{t['change']:.3f}")
    assert ok      # a number written as text is still a number
    ok, msg = result("13.2", "seventy")
    assert not ok and "should be a number" in msg
    assert result("13.2", ...)[1].startswith("Not answered yet")


def test_13_3():
    n = int((rs.convergence_table(relative=True)["verdict"] == "converging").sum())
    n_abs = int((rs.convergence_table()["verdict"] == "converging").sum())
    assert _ok("13.3", n)
    if n_abs != n:
        ok, msg = result("13.3", n_abs)
        assert not ok and "relative=True" in msg
    assert not _ok("13.3", [n])
    assert result("13.3", ...)[1].startswith("Not answered yet")


def test_13_4():
    expected = rs.trajectory("IND", ["ideal_point_distance"], 2017, 2024, relative=True)["verdict"].item()
    absolute = rs.trajectory("IND", ["ideal_point_distance"], 2017, 2024)["verdict"].item()
    assert _ok("13.4", expected) and _ok("13.4", expected.upper())
    if absolute != expected:
        ok, msg = result("13.4", absolute)
        assert not ok and "absolute" in msg
    assert not _ok("13.4", "closer")
    assert not _ok("13.4", 1)
    assert result("13.4", ...)[1].startswith("Not answered yet")


def test_13_5():
    assert _ok("13.5", "b") and _ok("13.5", " B ")
    assert not _ok("13.5", "a")
    assert not _ok("13.5", 2)
    assert result("13.5", ...)[1].startswith("Not answered yet")


def test_14_1():
    rank = helpers.index.rank_of("JPN")
    assert _ok("14.1", ("Japan", rank)) and _ok("14.1", ["JPN", rank])
    assert not _ok("14.1", ("Japan", rank + 1))
    score = float(helpers.index.closeness_index().loc["JPN", "score"])
    ok, msg = result("14.1", ("Japan", score))
    assert not ok and "score" in msg
    ok, msg = result("14.1", rank)                     # not a pair
    assert not ok and "pair" in msg
    ok, msg = result("14.1", ("Taiwan", 1))            # lacks a pillar: no rank
    assert not ok and "no rank" in msg
    ok, msg = result("14.1", ("Atlantis", 1))
    assert not ok and "candidate" in msg
    assert result("14.1", ...)[1].startswith("Not answered yet")


def test_14_2():
    idx = helpers.index.closeness_index()
    scores = idx.loc["GBR", ["diplomatic", "economic", "security", "cultural"]].astype(float)
    assert _ok("14.2", ("UK", scores.idxmin()))
    ok, msg = result("14.2", ("UK", scores.idxmax()))
    assert not ok and "strongest" in msg
    assert not _ok("14.2", ("UK", 0.4))
    assert not _ok("14.2", ("UK", "military"))
    assert result("14.2", ...)[1].startswith("Not answered yet")


def test_14_3():
    lab = helpers.index.sensitivity()
    share = float(lab.loc["GBR", 1])
    assert _ok("14.3", ("United Kingdom", share))
    ok, msg = result("14.3", ("United Kingdom", 100 * share))
    assert not ok and "percentage" in msg
    ok, msg = result("14.3", ("United Kingdom", float(lab.loc["GBR", [1, 2, 3]].sum())))
    assert not ok and "top three" in msg
    ok, msg = result("14.3", ("Taiwan", 0.0))
    assert not ok and "not in the sensitivity lab" in msg
    assert not _ok("14.3", ("United Kingdom", "often"))
    assert result("14.3", ...)[1].startswith("Not answered yet")


def test_14_4():
    lab = helpers.index.sensitivity()
    leader = lab[1].idxmax()
    assert _ok("14.4", ("GBR", helpers.name(leader)))
    ok, msg = result("14.4", ("GBR", "GBR"))
    assert not ok and "another partner" in msg
    assert not _ok("14.4", ("GBR", "Fiji"))
    assert not _ok("14.4", ("GBR", 1))
    assert result("14.4", ...)[1].startswith("Not answered yet")


def test_14_5():
    n = len(helpers.history.events(country="JPN"))
    assert _ok("14.5", ("Japan", n))
    ok, msg = result("14.5", ("Japan", len(helpers.load("timeline"))))
    assert not ok and "every event" in msg
    assert not _ok("14.5", ("Japan", "many"))
    assert result("14.5", ...)[1].startswith("Not answered yet")
