"""helpers.matter and the exercise checks of 10_why_partnerships_matter.

Hand cases are worked out in the comments from the rules they test (yes > no passes; a bloc
decides a roll call when taking its votes away flips the result); data cases recompute a
number a second way, from the raw source files (csv module) or from other tables.
"""
import csv
import re
from collections import Counter

import ipywidgets
import pandas as pd
import pytest

import helpers
from helpers import matter as m
from helpers.checks import result


@pytest.fixture
def alts(capture_figures):
    """Capture the alt text of every figure the module shows, instead of displaying it."""
    return capture_figures(m)


# ------------------------------------------------------------------------------- tallies

def test_tallies_by_hand():
    toy = pd.DataFrame({"rcid": [1, 1, 1, 1, 2, 2, 3, 3, 3],
                        "iso3": ["A", "B", "C", "D", "A", "B", "A", "B", "C"],
                        "vote": ["yes", "yes", "no", "abstain", "no", "yes",
                                 "abstain", "abstain", "abstain"]})
    t = m.tallies(toy)
    # 1: 2 yes, 1 no, 1 abstain -> passes; 2: 1-1 tie -> fails; 3: nobody yes or no -> fails
    assert t[["yes", "abstain", "no", "voters"]].values.tolist() == [[2, 1, 1, 4], [1, 0, 1, 2], [0, 3, 0, 3]]
    assert t["passed"].tolist() == [True, False, False]


def test_tallies_same_whatever_the_vote_type():
    # text, Python objects, a categorical with an unused category and small integer ids
    # all count the same way
    toy = pd.DataFrame({"rcid": [7, 7, 7, 9, 9], "iso3": list("ABCAB"),
                        "vote": ["yes", "no", "yes", "abstain", "no"]})
    want = m.tallies(toy)
    assert want[["yes", "abstain", "no"]].values.tolist() == [[2, 0, 1], [0, 1, 1]]
    for vote in (toy["vote"].astype(object),
                 pd.Categorical(toy["vote"], categories=["no", "maybe", "yes", "abstain"])):
        pd.testing.assert_frame_equal(m.tallies(toy.assign(vote=vote)), want)
    small = m.tallies(toy.astype({"rcid": "int32"}))
    assert small.index.tolist() == [7, 9] and small["voters"].tolist() == [3, 2]


def test_tallies_rejects_unknown_votes():
    toy = pd.DataFrame({"rcid": [1], "iso3": ["A"], "vote": ["maybe"]})
    with pytest.raises(ValueError, match="yes', 'abstain' or 'no"):
        m.tallies(toy)


def test_tally_of_one_roll_call():
    votes = helpers.load("un_votes")
    one = m.tally(votes, 5030)
    counts = Counter(votes.loc[votes["rcid"] == 5030, "vote"].astype(str))
    assert one == {"yes": counts["yes"], "abstain": counts["abstain"], "no": counts["no"],
                   "voters": sum(counts.values()), "passed": counts["yes"] > counts["no"]}
    with pytest.raises(KeyError, match="no roll call"):
        m.tally(votes, -1)


def test_all_tallies_cover_every_vote():
    votes = helpers.load("un_votes")
    t = m.tallies()
    assert t["voters"].sum() == len(votes)
    assert set(t.index) == set(helpers.load("un_roll_calls")["rcid"])
    assert (t["yes"] + t["abstain"] + t["no"] == t["voters"]).all()


def _raw_counts(sources, rcids):
    """Votes of some roll calls counted straight from the source's CSV, with the csv module."""
    counts = {str(r): Counter() for r in rcids}
    with open(sources / "unga_votes_voeten" / "unvotes.csv", newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header == ["rcid", "country", "country_code", "vote"]
        for row in reader:
            if row[0] in counts:
                counts[row[0]][row[3]] += 1
    return {int(r): c for r, c in counts.items()}


def test_tallies_against_hand_counted_roll_calls(sources):
    path = sources / "unga_votes_voeten" / "unvotes.csv"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    rcids = [3, 1002, 4829, 5030, 5706, 5747]
    raw = _raw_counts(sources, rcids)
    t = m.tallies()
    for r in rcids:
        c = raw[r]
        assert sum(c.values()) > 0, r
        assert t.loc[r, ["yes", "abstain", "no"]].tolist() == [c["yes"], c["abstain"], c["no"]], r
        assert bool(t.loc[r, "passed"]) == (c["yes"] > c["no"])


def test_roll_calls_report_no_official_totals(sources):
    """The source gives no vote totals: nothing like '74 in favour, 49 against' anywhere."""
    path = sources / "unga_votes_voeten" / "roll_calls.csv"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    tally_words = re.compile(r"\d+\s+(votes?\s+)?(in favou?r|against|abstentions?|abstaining)\b",
                             re.IGNORECASE)
    with open(path, newline="", encoding="utf-8") as f:
        hits = [row["rcid"] for row in csv.DictReader(f)
                if tally_words.search(row["descr"] or "") or tally_words.search(row["short"] or "")]
    assert hits == []
    assert not {"yes", "no", "abstain", "passed", "result"} & set(helpers.load("un_roll_calls").columns)


@pytest.mark.parametrize("yes, no, by, bn, flipped", [
    (10, 8, 3, 0, True),    # 10 > 8, without the bloc 7 < 8
    (10, 8, 1, 0, False),   # 9 > 8 still
    (10, 8, 2, 0, True),    # 8 vs 8 without the bloc: a tie fails, so the outcome flips
    (10, 12, 0, 3, True),   # fails 10 < 12, without the bloc 10 > 9
    (5, 5, 0, 1, True),     # tie fails; without the bloc's no, 5 > 4 passes
    (0, 0, 0, 0, False),
])
def test_flips_by_hand(yes, no, by, bn, flipped):
    assert bool(m.flips(yes, no, by, bn)) is flipped


# ------------------------------------------------------------------------------- groups

def test_close_group_kinds():
    c = helpers.load("countries")
    nato = m.close_group("nato")
    assert "USA" not in nato.members and "POL" in nato.members
    assert "POL" not in nato.members_in(1998) and "POL" in nato.members_in(1999)
    assert len(nato.members_in(2024)) == int(c["nato_member_since"].notna().sum()) - 1
    assert m.close_group("five_eyes").members == ["AUS", "CAN", "GBR", "NZL"]
    pledged = sorted(c.loc[c["us_defense_pact_2018"], "iso3"])
    assert m.close_group("defence_2018").members == pledged
    assert m.close_group("defence").members_in(2018) == pledged
    assert m.close_group("defence").members_in(2020) == pledged           # 2018 carried forward
    a = helpers.load("alliances")
    pledged_1960 = sorted(a.loc[(a["year"] == 1960) & (a["defense"] == 1), "iso3"])
    assert m.close_group("defence").members_in(1960) == pledged_1960
    top = helpers.index.closeness_index(2018).dropna(subset=["rank"]).index[:5]
    assert m.close_group("index", n=5).members == sorted(top)
    hand = m.close_group("hand", countries=["Japan", "UK", "USA"])
    assert hand.members == ["GBR", "JPN"] and hand.label.startswith("chosen by hand: Japan")


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "nato2"}, "not a kind of group"),
    ({"kind": "hand"}, "as a list"),
    ({"kind": "hand", "countries": ["USA"]}, "no members other than"),
    ({"kind": "hand", "countries": ["Atlantis"]}, "Atlantis"),
    ({"kind": "index", "n": 0}, "whole number of 1 or more"),
])
def test_close_group_errors(kwargs, message):
    with pytest.raises(m.GroupError, match=message):
        m.close_group(**kwargs)


def test_membership_matrix():
    grp = m.Group("hand", "toy", (("AAA", 1950, 1959), ("AAA", 1970, 9999), ("BBB", 0, 9999)))
    got = m.membership(grp, [1949, 1955, 1965, 1975], ["AAA", "BBB", "CCC"])
    assert got.tolist() == [[False, True, False], [True, True, False],
                            [False, True, False], [True, True, False]]


def test_runs():
    assert m._runs([2001, 1999, 2000, 2005]) == [(1999, 2001), (2005, 2005)]
    assert m._runs([]) == []


# ------------------------------------------------------------------------------- agenda

def test_us_won_on_known_roll_calls():
    out = m.roll_call_outcomes()
    # 5030: US yes, passed -> won; 5747: US no, failed -> won; 5706: US no, passed -> lost
    assert out.loc[5030, "us_won"] and out.loc[5747, "us_won"] and not out.loc[5706, "us_won"]
    votes = helpers.load("un_votes")
    us = votes[votes["iso3"] == "USA"].set_index("rcid")["vote"].astype(str)
    abstained = us[us == "abstain"].index
    assert out.loc[abstained, "us_won"].isna().all()
    absent = sorted(set(out.index) - set(us.index))
    assert len(absent) > 0 and out.loc[absent, "us_won"].isna().all()


def test_roll_calls_add_up():
    rows = m.roll_calls(m.close_group("nato"))
    counted = (rows[["group_same", "group_opposite", "group_abstain",
                     "others_same", "others_opposite", "others_abstain"]].sum(axis=1) + 1)  # + the US
    assert (counted == rows["voters"]).all()
    assert (rows["group_yes"] + rows["group_no"] <= rows["group_same"] + rows["group_opposite"]).all()
    assert (rows["decided"] == m.flips(rows["yes"], rows["no"], rows["group_yes"], rows["group_no"])).all()


def test_roll_calls_recomputed_from_votes():
    """The group's and the other states' counts of a few roll calls, from the votes themselves."""
    votes = helpers.load("un_votes")
    year = helpers.load("un_roll_calls").set_index("rcid")["year"]
    nato = m.close_group("nato")
    rows = m.roll_calls(nato)
    for rcid in (3, 1002, 4829, 5030, 5706, 5747):
        day = votes[votes["rcid"] == rcid].set_index("iso3")["vote"].astype(str)
        us = day["USA"]
        other_side = {"yes": "no", "no": "yes"}[us]
        members = set(nato.members_in(int(year[rcid])))
        group, others = day[day.index.isin(members)], day[~day.index.isin(members | {"USA"})]
        for who, part in (("group", group), ("others", others)):
            assert rows.loc[rcid, f"{who}_same"] == (part == us).sum(), (rcid, who)
            assert rows.loc[rcid, f"{who}_opposite"] == (part == other_side).sum(), (rcid, who)
            assert rows.loc[rcid, f"{who}_abstain"] == (part == "abstain").sum(), (rcid, who)
        assert rows.loc[rcid, "group_yes"] == (group == "yes").sum()
        assert rows.loc[rcid, "group_no"] == (group == "no").sum()


def test_decided_roll_call_recomputed_from_votes():
    """Roll call 5030 (2009): the NATO members' yes votes carried it."""
    votes = helpers.load("un_votes")
    c = helpers.load("countries")
    nato_2009 = set(c.loc[c["nato_member_since"] <= 2009, "iso3"]) - {"USA"}
    rows = votes[votes["rcid"] == 5030]
    yes, no = (rows["vote"] == "yes").sum(), (rows["vote"] == "no").sum()
    bloc = rows[rows["iso3"].isin(nato_2009)]
    by, bn = (bloc["vote"] == "yes").sum(), (bloc["vote"] == "no").sum()
    assert yes > no and not (yes - by > no - bn)
    table = m.decided(m.close_group("nato"), 2009, 2009)
    assert 5030 in table.index and table.loc[5030, "group yes"] == by


def test_agenda_effects_all_row():
    nato = m.close_group("nato")
    table = m.agenda_effects(nato)
    out = m.roll_call_outcomes()
    took_side = out[out["us_won"].notna()]
    assert table.loc["all", "roll calls"] == len(took_side)
    assert table.loc["all", "US won %"] == pytest.approx(100 * took_side["us_won"].astype(bool).mean())
    assert list(table.index[:2]) == ["1946–49", "1950s"] and table.index[-2] == "2010–20"
    assert table.loc[table.index[:-1], "roll calls"].sum() == table.loc["all", "roll calls"]
    rows = m.roll_calls(nato)
    assert table.loc["all", "decided for US"] == int((rows["decided"] & rows["us_won"]).sum())
    issues = m.agenda_effects(nato, by="issue")
    assert list(issues.index) == list(m.ISSUES.values()) + ["all"]
    with pytest.raises(ValueError, match="decade"):
        m.agenda_effects(nato, by="year")


def test_us_wins_by_year():
    table = m.us_wins_by_year()
    out = m.roll_call_outcomes()
    y1985 = out[(out["year"] == 1985) & out["us_won"].notna()]
    assert table.loc[1985, "US won %"] == pytest.approx(100 * y1985["us_won"].astype(bool).mean())
    assert table.loc[2020, "roll calls"] == 1


# ---------------------------------------------------------------------------- prosperity

def test_prosperity_by_hand():
    grp = m.close_group("five_eyes")
    p = m.prosperity_effects(grp)
    trade = helpers.load("trade", years=2022)
    eco = helpers.load("economy", years=2022)
    t = trade.assign(v=trade["exports_musd"] + trade["imports_musd"]).merge(eco, on=["iso3", "year"])
    t = t.dropna(subset=["gdp_musd"])
    mine = t[t["iso3"].isin(grp.members)]
    assert p.loc[2022, "group_trade_pct_gdp"] == pytest.approx(100 * mine["v"].sum() / mine["gdp_musd"].sum())
    rest = t[~t["iso3"].isin(grp.members)]
    assert p.loc[2022, "others_trade_pct_gdp"] == pytest.approx(
        100 * rest["v"].sum() / rest["gdp_musd"].sum())
    total = (trade["exports_musd"] + trade["imports_musd"]).sum()
    assert p.loc[2022, "group_trade_musd"] + p.loc[2022, "others_trade_musd"] == pytest.approx(total)
    assert p.loc[1991, ["group_trade_pct_gdp", "group_share_us_trade_pct"]].isna().all()
    assert p.loc[m.TRADE_FULL, "group_trade_index"] == pytest.approx(100)


def test_growth_formula():
    grp = m.close_group("five_eyes")
    p, g = m.prosperity_effects(grp), m.growth(grp, 2000, 2010)
    a, b = p.loc[2000, "group_trade_musd"], p.loc[2010, "group_trade_musd"]
    assert g.loc["group", "growth per year %"] == pytest.approx(100 * ((b / a) ** 0.1 - 1))
    assert g.loc["group", "trade 2010 (US$ bn)"] == pytest.approx(b / 1000)


def test_gdp_coverage_masks_early_world_shares():
    net = m.alliance_network()
    cov = m.gdp_coverage()
    first = int(net["gdp_share_pct"].first_valid_index())
    assert cov.loc[first] >= m.GDP_COVERAGE and cov.loc[first - 1] < m.GDP_COVERAGE
    assert net.loc[1960:first - 1, "with_us_gdp_share_pct"].isna().all()


# ------------------------------------------------------------------------------ security

def test_alliance_network_by_hand():
    net = m.alliance_network()
    c = helpers.load("countries")
    assert net.loc[2018, "partners"] == c["us_defense_pact_2018"].sum()
    a = helpers.load("alliances", years=2000)
    partners = set(a.loc[a["defense"] == 1, "iso3"])
    eco = helpers.load("economy", years=2000)
    eco = eco[~eco["iso3"].isin(m.US_TERRITORIES)]
    share = 100 * eco.loc[eco["iso3"].isin(partners), "population"].sum() / eco["population"].sum()
    assert net.loc[2000, "population_share_pct"] == pytest.approx(share)
    us = eco.loc[eco["iso3"] == "USA", "gdp_musd"].sum()
    gdp = 100 * (eco.loc[eco["iso3"].isin(partners), "gdp_musd"].sum() + us) / eco["gdp_musd"].sum()
    assert net.loc[2000, "with_us_gdp_share_pct"] == pytest.approx(gdp)


def test_security_effects_by_hand():
    grp = m.close_group("five_eyes")
    s = m.security_effects(grp)
    t = helpers.load("troops", years=2024)
    t = t[~t["iso3"].isin(m.US_TERRITORIES)]
    assert s.loc[2024, "group_troops_pct"] == pytest.approx(
        100 * t.loc[t["iso3"].isin(grp.members), "troops"].sum() / t["troops"].sum())
    ex = helpers.load("exercises", years=2005)
    assert s.loc[2005, "group_exercises_pct"] == pytest.approx(
        100 * ex.loc[ex["iso3"].isin(grp.members), "exercises"].sum() / ex["exercises"].sum())
    assert s.loc[2024, "members"] == 4 and pd.isna(s.loc[2015, "group_exercises_pct"])


def test_first_invocations_are_in_the_timeline():
    rows = m.first_invocations()
    assert rows["date"].dt.strftime("%Y-%m-%d").tolist() == ["2001-09-12", "2001-09-14"]
    assert "Article 5" in rows.loc[0, "title"] and "ANZUS" in rows.loc[1, "title"]


# ------------------------------------------------------------------- tables and figures

def test_effects_table_and_compare_groups():
    t = m.effects_table(m.close_group("five_eyes"))
    assert set(t.index.get_level_values("claim")) == {"agenda", "prosperity", "security"}
    assert t.notna().all()
    table = m.compare_groups(("nato", "five_eyes"))
    assert table.shape == (len(t), 2)


def test_figures_describe_the_data(alts):
    grp = m.close_group("five_eyes")
    m.draw_us_wins()
    m.draw_agenda(grp)
    m.draw_prosperity(grp)
    m.draw_network()
    m.draw_security(grp)
    m.draw_effects(grp)
    texts = [alt for _, alt in alts]
    assert len(texts) == 6 and all(len(a.split()) >= 10 for a in texts)
    decided = int(m.agenda_effects(grp).loc["all", "decided for US"])
    assert f"decided {decided} roll calls" in texts[1]
    assert "1946" in texts[3] and "2018" in texts[3]


def test_explorer_builds_and_redraws(alts):
    box = m.explorer()
    assert isinstance(box, ipywidgets.VBox)
    kind = box.children[0].children[0]
    drawn = len(alts)
    kind.value = "five_eyes"
    kind.value = "hand"   # draws the hand-picked default group without error
    assert len(alts) == drawn + 2
    assert "Five Eyes" in alts[-2][1] and "chosen by hand" in alts[-1][1]


def test_group_is_fast_to_redraw():
    import time
    m.roll_calls(m.close_group("nato"))          # warm the caches of the whole tables
    start = time.perf_counter()
    grp = m.close_group("hand", countries=["FRA", "DEU", "ITA", "ESP"])
    m.agenda_effects(grp), m.prosperity_effects(grp), m.security_effects(grp)
    assert time.perf_counter() - start < 1.5


# ------------------------------------------------------------------------------- checks

def _ok(exercise, answer):
    return result(exercise, answer)[0]


def test_check_10_1():
    expected = m.agenda_effects(m.close_group("nato")).loc["1980s", "US won %"]
    assert _ok("10.1", expected) and _ok("10.1", round(expected))
    ok, msg = result("10.1", 100 - expected)
    assert not ok and "lost" in msg
    ok, msg = result("10.1", expected / 100)
    assert not ok and "percentage" in msg
    ok, msg = result("10.1", "twenty")
    assert not ok and "number" in msg
    assert not _ok("10.1", ...)


def test_check_10_2():
    expected = m.agenda_effects(m.close_group("five_eyes")).loc["all", "decided for US"]
    assert _ok("10.2", int(expected))
    ok, msg = result("10.2", m.agenda_effects(m.close_group("nato")).loc["all", "decided for US"])
    assert not ok and "NATO" in msg
    assert not _ok("10.2", [expected]) and not _ok("10.2", ...)


def test_check_10_3():
    assert _ok("10.3", "a") and _ok("10.3", " A ")
    ok, msg = result("10.3", "c")
    assert not ok and "abstentions do not count" in msg
    ok, msg = result("10.3", 1)
    assert not ok and "Answer with one of" in msg
    assert not _ok("10.3", "e") and not _ok("10.3", ...)


def test_check_10_4():
    three = m.prosperity_effects(m.close_group("hand", countries=["GBR", "AUS", "NZL"]))
    assert _ok("10.4", three.loc[2022, "group_trade_pct_gdp"])
    five = m.prosperity_effects(m.close_group("five_eyes")).loc[2022, "group_trade_pct_gdp"]
    ok, msg = result("10.4", five)
    assert not ok and "Canada" in msg
    ok, msg = result("10.4", three.loc[2022, "others_trade_pct_gdp"])
    assert not ok and "other" in msg
    assert not _ok("10.4", None) and not _ok("10.4", ...)


def test_check_10_5():
    row = m.alliance_network().loc[2018]
    assert _ok("10.5", row["with_us_gdp_share_pct"])
    ok, msg = result("10.5", row["gdp_share_pct"])
    assert not ok and "leaves the United States out" in msg
    ok, msg = result("10.5", row["with_us_population_share_pct"])
    assert not ok and "population" in msg
    assert not _ok("10.5", "65%") and not _ok("10.5", ...)


def test_check_10_6():
    assert _ok("10.6", "c")
    ok, msg = result("10.6", "a")
    assert not ok and "cannot" in msg
    assert not _ok("10.6", 3) and not _ok("10.6", ...)


def test_expected_answers_come_from_the_data(monkeypatch):
    """Change the data a check reads and its expected answer moves with it."""
    real = m.alliance_network()
    fake = real.copy()
    fake.loc[2018, "with_us_gdp_share_pct"] = 12.0
    monkeypatch.setattr(m, "alliance_network", lambda: fake)
    assert _ok("10.5", 12.0) and not _ok("10.5", real.loc[2018, "with_us_gdp_share_pct"])
