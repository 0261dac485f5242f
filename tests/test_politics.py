"""helpers.politics (notebook 12_domestic_politics) and its exercise checks.

Hand cases are worked out in the comments next to them; the real-data tests compare the
module with independent computations from the raw tables (un_agreement, un_roll_calls,
the timeline, the countries table) and with helpers.cultural, whose opinion averages the
module reuses.
"""
from datetime import date

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import cultural
from helpers import politics as p
from helpers.checks import result

# ------------------------------------------------------------------------- presidencies


def test_presidencies_are_in_order_and_well_formed():
    days = [x.took_office for x in p.PRESIDENCIES]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert {x.party for x in p.PRESIDENCIES} == {"Democratic", "Republican"}
    assert len({x.label for x in p.PRESIDENCIES}) == len(p.PRESIDENCIES)
    # every inauguration since 1937 is on 20 January; the two successions in the list are not
    # (Truman's of 12 April 1945 is the first entry)
    for x in p.PRESIDENCIES:
        if x.how == "inauguration":
            assert (x.took_office.month, x.took_office.day) == (1, 20), x
    successions = [(x.label, x.took_office) for x in p.PRESIDENCIES if x.how == "succession"]
    assert successions == [("Truman", date(1945, 4, 12)), ("Johnson", date(1963, 11, 22)),
                           ("Ford", date(1974, 8, 9))]


def test_president_on_the_boundaries():
    assert p.president_on("1963-11-21").label == "Kennedy"
    assert p.president_on("1963-11-22").label == "Johnson"
    assert p.president_on(date(1974, 8, 8)).label == "Nixon"
    assert p.president_on(pd.Timestamp("1974-08-09")).label == "Ford"
    assert p.president_on("2009-01-19").label == "G. W. Bush"   # the outgoing president's last day
    assert p.president_on("2009-01-20").label == "Obama"
    assert p.president_on("2030-06-01").label == "Trump II"    # the last entry stays open
    with pytest.raises(ValueError, match="before Truman"):
        p.president_on("1945-04-11")
    with pytest.raises(TypeError):
        p.president_on(1963)


def test_calendar_year_rule():
    # in office on 31 December: inauguration years go to the newcomer, 1963 and 1974 to the successors
    expected = {1946: "Truman", 1952: "Truman", 1953: "Eisenhower", 1962: "Kennedy", 1963: "Johnson",
                1968: "Johnson", 1969: "Nixon", 1973: "Nixon", 1974: "Ford", 1976: "Ford",
                1977: "Carter", 1992: "G. H. W. Bush", 1993: "Clinton", 2020: "Trump I",
                2021: "Biden", 2024: "Biden", 2025: "Trump II"}
    assert {y: p.administration(y).label for y in expected} == expected
    t = p.years_table().set_index("administration")
    assert t.loc["Kennedy", ["first_year", "last_year"]].tolist() == [1961, 1962]
    assert t.loc["Ford", ["first_year", "last_year"]].tolist() == [1974, 1976]
    assert pd.isna(t.loc["Trump II", "last_year"])
    # the spans tile the years with no gap and no overlap
    spans = t.dropna(subset=["last_year"])
    assert (spans["first_year"].iloc[1:].to_numpy() == spans["last_year"].iloc[:-1].to_numpy() + 1).all()


def test_rule_agrees_with_cultural_survey_years():
    # helpers.cultural counts spring survey years to presidents; for 2001-2024 it must agree
    rename = p._cultural_labels(cultural.ADMINISTRATIONS)
    assert rename == {"Bush": "G. W. Bush", "Obama": "Obama", "Trump": "Trump I", "Biden": "Biden"}
    for year in range(2001, 2025):
        assert rename[cultural.president(year)] == p.administration(year).label


def test_rule_fits_the_roll_call_dates():
    check = p.roll_call_check()
    assert check["roll_calls"].sum() == len(helpers.load("un_roll_calls"))
    off = check[check["share_under_it"] < 1]
    assert off["year"].tolist() == [1963]
    # recount 1963 by hand from the dates: the roll calls on or after 22 November
    rc = helpers.load("un_roll_calls", years=1963)
    after = int((rc["date"] >= "1963-11-22").sum())
    assert off["held_under_it"].item() == after and after > len(rc) / 2


def test_find_presidency():
    assert p.find_presidency("Reagan").label == "Reagan"
    assert p.find_presidency("  george   w. bush ").label == "G. W. Bush"
    assert p.find_presidency("G.H.W. Bush").label == "G. H. W. Bush"
    assert p.find_presidency("Barack Obama").label == "Obama"
    assert p.find_presidency("trump i").label == "Trump I"
    with pytest.raises(LookupError, match="more than one"):
        p.find_presidency("Bush")
    with pytest.raises(LookupError, match="more than one"):
        p.find_presidency("Trump")
    with pytest.raises(LookupError, match="not a president"):
        p.find_presidency("Lincoln")
    with pytest.raises(LookupError):
        p.find_presidency(42)


# ------------------------------------------------------------------------------- groups

def test_groups_by_hand():
    d = pd.DataFrame({"iso3": ["FRA", "DEU", "DEU", "ESP", "ESP", "KOR", "KOR", "THA", "NZL", "NZL", "IND", "SWE"],
                      "year": [1966, 1954, 1955, 1981, 1982, 1952, 1953, 1953, 1951, 1986, 2019, 2024]})
    assert p.assign_groups(d).tolist() == [
        "NATO allies",                      # France stays in the alliance after 1966
        "Everyone else", "NATO allies",     # West Germany joins in 1955
        "Everyone else", "NATO allies",     # Spain joins in 1982
        "Everyone else", "Asia-Pacific allies",   # treaty with South Korea, 1953
        "Everyone else",                    # Thailand: Manila Pact, 1954
        "Asia-Pacific allies", "Everyone else",   # New Zealand: ANZUS from 1951, suspended 1986
        "Everyone else", "NATO allies"]     # Sweden joins in 2024


def test_asia_pacific_allies_match_the_countries_and_timeline_tables():
    # the five of helpers.profiles (2018 defence pledges in East Asia & Pacific), plus New Zealand
    assert sorted(helpers.profiles.members("asia_pacific_allies", "USA")) == sorted(
        set(p.ASIA_PACIFIC_ALLIES) - {"NZL"})
    # first years: the first treaty with the country in the timeline after 1945
    t = helpers.load("timeline")
    treaties = t[(t["kind"] == "treaty") & (t["year"] > 1945)]
    for code, (first, last) in p.ASIA_PACIFIC_ALLIES.items():
        listed = treaties[treaties["countries"].fillna("").str.split().map(lambda cs: code in cs)]
        assert listed["year"].min() == first, code
    suspended = t.loc[t["title"] == "US suspends ANZUS obligations to New Zealand", "year"].item()
    assert p.ASIA_PACIFIC_ALLIES["NZL"][1] == suspended - 1


# ------------------------------------------------------------------------------ averages

def test_summarise_by_hand():
    rows = pd.DataFrame({"iso3": ["A", "A", "A", "B", "C"],
                         "administration": ["X", "X", "Y", "X", "Y"],
                         "value": [0.2, 0.4, 0.9, 0.6, 0.1]})
    every = p._summarise(rows, "all")
    # X: (0.2 + 0.4 + 0.6) / 3 = 0.4 over 2 countries; Y: (0.9 + 0.1) / 2 = 0.5
    assert every.loc["X", "value"] == pytest.approx(0.4) and every.loc["X", "countries"] == 2
    assert every.loc["Y", "value"] == pytest.approx(0.5)
    fixed = p._summarise(rows, "fixed")
    # only A is under both: X = mean(0.2, 0.4) = 0.3, Y = 0.9
    assert fixed.loc["X", "value"] == pytest.approx(0.3) and fixed.loc["Y", "value"] == pytest.approx(0.9)
    assert fixed["countries"].tolist() == [1, 1]


def test_summarise_reproduces_cultural_on_opinion():
    # the module's own averaging, applied to Pew, gives what helpers.cultural gives
    data = p.measure_data("favourable")
    ours_all = p._summarise(data, "all")["value"]
    ours_fixed = p._summarise(data, "fixed")["value"]
    theirs = cultural.favourable_by_administration().rename(index=p._cultural_labels(cultural.ADMINISTRATIONS))
    assert np.allclose(ours_all[theirs.index], theirs["all_surveyed"])
    assert np.allclose(ours_fixed[theirs.index], theirs["fixed_panel"])


def test_favourable_by_administration_reuses_cultural():
    t = p.by_administration("favourable", "All countries", "fixed")
    c = cultural.favourable_by_administration()
    assert t["value"].tolist() == pytest.approx(c["fixed_panel"].tolist())
    assert t["countries"].tolist() == c["n_fixed"].tolist()
    assert t.index.tolist() == ["G. W. Bush", "Obama", "Trump I", "Biden"]


def test_agreement_by_administration_matches_the_raw_table():
    # NATO allies under Reagan, 1981-1988, straight from un_agreement and the countries table
    ag = helpers.load("un_agreement", years=(1981, 1988))
    joined = ag["iso3"].map(helpers.load("countries").set_index("iso3")["nato_member_since"])
    expected = ag.loc[joined <= ag["year"], "agreement"].mean()
    t = p.by_administration("agreement", "NATO allies")
    assert t.loc["Reagan", "value"] == pytest.approx(expected, abs=1e-12)
    assert t.loc["Reagan", ["first_year", "last_year"]].tolist() == [1981, 1988]
    assert t.loc["Reagan", "countries"] == 15   # 1949's twelve less the US, + GRC, TUR, DEU, ESP
    # the groups split every country-year: their counts add up to all countries
    everyone = p.by_administration("agreement", "All countries").loc["Reagan", "value"]
    assert everyone == pytest.approx(helpers.load("un_agreement", years=(1981, 1988))["agreement"].mean())


def test_fixed_panel_keeps_the_same_countries():
    t = p.by_administration("agreement", "NATO allies", "fixed")
    assert t["countries"].nunique() == 1
    assert t["countries"].iloc[0] == 11            # the founders other than the US
    span = p.by_administration("agreement", "NATO allies", "fixed", years=(2001, 2019))
    assert span.index.tolist() == ["G. W. Bush", "Obama", "Trump I"]
    assert span["countries"].nunique() == 1 and span["countries"].iloc[0] > 11


def test_by_administration_rejects_bad_input():
    with pytest.raises(ValueError, match="measure"):
        p.by_administration("happiness")
    with pytest.raises(ValueError, match="group"):
        p.by_administration("agreement", "Martians")
    with pytest.raises(ValueError, match="panel"):
        p.by_administration("agreement", "NATO allies", "some")
    assert p.by_administration("favourable", "NATO allies", years=(1950, 1960)).empty


def test_changes_and_party_shift_on_real_data():
    nato = p.by_administration("agreement", "NATO allies")
    changes = p.administration_changes(nato)
    assert changes.loc["Reagan", "change"] == pytest.approx(nato.loc["Reagan", "value"] - nato.loc["Carter", "value"])
    assert not changes.loc["Johnson", "party_change"] and changes.loc["Carter", "party_change"]
    shift = p.party_shift(nato)
    switched = changes[changes["party_change"]]
    assert shift["changes"].sum() == len(switched)
    assert shift.loc["Republican", "went_down"] == int((switched.loc[switched["party"] == "Republican", "change"] < 0).sum())


def test_compare_groups():
    t = p.compare_groups("agreement")
    assert t.loc["Obama", "NATO allies"] == pytest.approx(p.by_administration("agreement", "NATO allies").loc["Obama", "value"])
    assert t["party"].tolist() == [x.party for x in p.PRESIDENCIES if x.label in t.index]


def test_reference_by_administration():
    ref = helpers.diplomatic.reference_table()
    obama = ref[ref["year"].between(2009, 2016)]
    t = p.reference_by_administration()
    assert t.loc["Obama", "us_ideal_point"] == pytest.approx(obama["us_ideal_point"].mean())
    assert t.loc["Obama", "gap"] == pytest.approx(obama["gap"].mean())
    assert t.loc["Biden", "last_year"] == 2024
    assert (p.reference_by_administration("us_ideal_point")["value"] == t["us_ideal_point"]).all()
    with pytest.raises(ValueError):
        p.reference_by_administration("nothing")


# --------------------------------------------------------------------- the partners' side

def test_partner_surveys():
    t = p.partner_surveys()
    raw = helpers.load("surveys")
    assert len(t) == ((raw["about_country"] == "USA") & (raw["respondents_country"] != "USA")).sum()
    lowy = t[t["survey"] == "Lowy Institute Poll"].set_index("year")
    assert lowy["administration"].to_dict() == {2007: "G. W. Bush", 2019: "Trump I", 2024: "Biden", 2025: "Trump II"}
    assert lowy.loc[2024, "note"].count("mode") == 1


def test_domestic_events():
    t = p.domestic_events()
    assert t["administration"].tolist() == ["Johnson", "Reagan", "Obama", "Trump I"]
    assert t["driven_by"].tolist() == ["partner", "partner", "partner", "United States"]


def test_event_effects_by_hand():
    e = p.event_effects().set_index("year")
    ag = helpers.load("un_agreement").pivot(index="year", columns="iso3", values="agreement")
    # New Zealand against Australia: 1983-1985 and 1987-1989
    nz = ag.loc[1987:1989, "NZL"].mean() - ag.loc[1983:1985, "NZL"].mean()
    au = ag.loc[1987:1989, "AUS"].mean() - ag.loc[1983:1985, "AUS"].mean()
    assert e.loc[1986, "partner_change"] == pytest.approx(nz)
    assert e.loc[1986, "difference"] == pytest.approx(nz - au)
    # France 1966: 1963-1965 holds no 1964 (no votes), so the "before" mean is of 1963 and 1965
    assert e.loc[1966, "partner_before"] == pytest.approx(ag.loc[[1963, 1965], "FRA"].mean())
    assert e.loc[1966, "difference"] < e.loc[2009, "difference"]


# ------------------------------------------------------------------------------- figures

@pytest.fixture
def shown(capture_figures):
    return capture_figures(p, alt_only=True)


def test_figures_describe_the_data(shown):
    p.plot_group_trends("agreement")
    p.plot_by_administration("favourable", "NATO allies", "fixed")
    p.plot_reference()
    p.plot_partner_events()
    p.plot_australia()
    p.plot_by_administration("distance", "All countries")
    assert len(shown) == 6
    assert "NATO allies: Democratic" in shown[0] and "1946-2019" in shown[0]
    assert "Closest under Obama" in shown[1] and "furthest under Trump I" in shown[1]
    assert "Democratic party took over" in shown[2]
    assert "France around 1966" in shown[3] and "New Zealand around 1986" in shown[3]
    assert "63% in 2007" in shown[4] and "changed its survey mode in 2024" in shown[4]
    assert "for all countries under each of 14 administrations" in shown[5]


def test_every_measure_and_group_draws(shown, capsys):
    for measure in p.MEASURES:
        for group in p.GROUPS + ("All countries",):
            p.plot_by_administration(measure, group)
    assert len(shown) == len(p.MEASURES) * 4
    p.plot_by_administration("favourable", "NATO allies", years=(1950, 1960))
    assert "No favourable view" in capsys.readouterr().out and len(shown) == len(p.MEASURES) * 4


def test_explorer_redraws_on_change(monkeypatch):
    drawn = []
    monkeypatch.setattr(p, "plot_by_administration", lambda *a: drawn.append(a))
    box = p.explorer()
    measure, group, fixed, years = box.children[0].children
    assert (measure.value, group.value, fixed.value) == ("agreement", "NATO allies", False)
    assert years.continuous_update is False
    group.value = "Asia-Pacific allies"
    fixed.value = True
    assert drawn[-1][:3] == ("agreement", "Asia-Pacific allies", "fixed")


# -------------------------------------------------------------------------------- checks

def _nato():
    return p.by_administration("agreement", "NATO allies")


@pytest.mark.parametrize("exercise", ["12.1", "12.2", "12.3", "12.4", "12.5", "12.6"])
def test_unanswered(exercise):
    ok, message = result(exercise, ...)
    assert not ok and message.startswith("Not answered yet")


def test_check_12_1():
    t = _nato()
    assert result("12.1", t["value"].idxmin())[0]
    assert result("12.1", "George W. Bush")[0]
    ok, msg = result("12.1", t["value"].idxmax())
    assert not ok and "highest" in msg
    ok, msg = result("12.1", "Bush")
    assert not ok and "more than one" in msg
    ok, msg = result("12.1", "Biden")
    assert not ok and "2019" in msg
    ok, msg = result("12.1", 2008)
    assert not ok and "name" in msg


def test_check_12_2():
    rc = helpers.load("un_roll_calls", years=1963)
    after = int((rc["date"] >= "1963-11-22").sum())
    assert result("12.2", after)[0]
    ok, msg = result("12.2", len(rc))
    assert not ok and "every roll call" in msg
    ok, msg = result("12.2", len(rc) - after)
    assert not ok and "before" in msg
    ok, msg = result("12.2", "seventeen")
    assert not ok and "number" in msg


def test_check_12_3():
    fixed = p.by_administration("favourable", "NATO allies", "fixed")["value"]
    every = p.by_administration("favourable", "NATO allies")["value"]
    change = fixed["Trump I"] - fixed["Obama"]
    assert change < 0
    assert result("12.3", change)[0] and result("12.3", round(change, 1))[0]
    ok, msg = result("12.3", -change)
    assert not ok and "sign" in msg
    ok, msg = result("12.3", every["Trump I"] - every["Obama"])
    assert not ok and "fixed" in msg
    assert not result("12.3", [change])[0]


def test_check_12_4():
    shift = p.party_shift(_nato())
    assert result("12.4", int(shift.loc["Republican", "went_down"]))[0]
    assert result("12.4", shift.loc["Republican", "went_down"])[0]   # a numpy integer is fine
    ok, msg = result("12.4", int(shift.loc["Democratic", "changes"]))
    assert not ok and "Democrat" in msg
    assert not result("12.4", "five")[0]


def test_check_12_5():
    assert result("12.5", "shared")[0] and result("12.5", " Shared ")[0]
    ok, msg = result("12.5", "France-specific")
    assert not ok and "group_change" in msg
    ok, msg = result("12.5", "French")
    assert not ok and "not one of the options" in msg
    assert not result("12.5", 2009)[0]


def test_check_12_6():
    for right in [(2019, 2024), [2024, 2019], "2019-2024", "2019 and 2024"]:
        assert result("12.6", right)[0], right
    ok, msg = result("12.6", (2007, 2019))
    assert not ok and "same way" in msg
    ok, msg = result("12.6", (2007, 2024))
    assert not ok and "consecutive" in msg
    ok, msg = result("12.6", (2019, 2023))
    assert not ok and "2007, 2019, 2024, 2025" in msg
    assert not result("12.6", 2019)[0]
    assert not result("12.6", (2019,))[0]
