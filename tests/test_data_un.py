"""UN tables: votes, roll calls, agreement with the US, ideal points, State Department coincidence.

The built tables are read with helpers.load. Checks against the raw files recompute the
numbers straight from the CSVs in shared/sources (with the csv module or plain pandas, never
through the recipe), and are skipped, with the reason, when the sources are not there.
"""
import csv
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest


SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"
VOTES_DIR = SOURCES / "unga_votes_voeten"
IDEAL_CSV = SOURCES / "unga_ideal_points" / "IdealpointsJuly2025.csv"
STATE_DIR = SOURCES / "us_state_dept_un_voting_coincidence"
UN_TABLES = ["un_votes", "un_roll_calls", "un_agreement", "un_ideal_points", "un_coincidence"]
CODE = {"yes": 1, "abstain": 2, "no": 3}


def _need_sources():
    if not VOTES_DIR.is_dir():
        pytest.skip(f"the raw sources folder {SOURCES} is not beside the project; "
                    "the checks against the raw files need it")


@pytest.fixture(scope="module")
def raw():
    """unvotes.csv joined to the calendar year of each roll call, read with plain pandas."""
    _need_sources()
    votes = pd.read_csv(VOTES_DIR / "unvotes.csv", keep_default_na=False, na_values=[""])
    calls = pd.read_csv(VOTES_DIR / "roll_calls.csv", keep_default_na=False, na_values=[""])
    calls["year"] = calls["date"].str[:4].astype(int)
    return votes.merge(calls[["rcid", "year"]], on="rcid")


# ---------------------------------------------------------------------------- un_votes

def test_votes_rows_equal_raw_rows(load, raw):
    votes = load("un_votes")
    # no row is dropped: every raw row maps to exactly one (rcid, iso3); SOURCE.md: 870,109 rows
    assert len(raw) == 870_109
    assert len(votes) == len(raw)
    assert Counter(votes["vote"].astype(str)) == Counter(raw["vote"])
    assert list(votes.columns) == ["rcid", "iso3", "vote"]
    assert not votes.duplicated(["rcid", "iso3"]).any()


def test_namibia_present(load, raw):
    votes = load("un_votes")
    assert (votes["iso3"] == "NAM").sum() == (raw["country_code"] == "NA").sum() > 2000
    assert votes["iso3"].notna().all()


def test_codeless_states_and_successors(load, raw):
    votes = load("un_votes")
    calls = load("un_roll_calls")[["rcid", "year"]]
    v = votes.merge(calls, on="rcid")
    # the three names without an ISO alpha-2 code in the source
    for name, iso3 in [("Yemen Arab Republic", "YEM"), ("Federal Republic of Germany", "DEU"),
                       ("Zanzibar", "ZAN")]:
        rcids = set(raw.loc[raw["country"] == name, "rcid"])
        assert rcids and rcids <= set(v.loc[v["iso3"] == iso3, "rcid"]), name
    assert (v["iso3"] == "ZAN").sum() == 2
    # West Germany (to 1990) and Germany (from 1991) are both DEU without clashing
    deu = v.loc[v["iso3"] == "DEU", "rcid"]
    assert deu.is_unique and len(deu) == 2151 + 2552
    # Yugoslavia's seat: YUG up to 2005, SRB from 2006
    assert v.loc[v["iso3"] == "YUG", "year"].max() == 2005
    assert v.loc[v["iso3"] == "SRB", "year"].min() == 2006
    assert v.loc[v["iso3"] == "TWN", "year"].max() == 1971
    assert {"CSK", "DDR", "YMD", "USA"} <= set(v["iso3"])


def test_us_mexico_1946_votes(load):
    votes = load("un_votes")
    calls = load("un_roll_calls")
    rc1946 = set(calls.loc[calls["year"] == 1946, "rcid"])
    us = votes[(votes["iso3"] == "USA") & votes["rcid"].isin(rc1946)]
    mx = votes[(votes["iso3"] == "MEX") & votes["rcid"].isin(rc1946)]
    assert len(us) > 30 and len(mx) > 30


# ---------------------------------------------------------------------------- un_roll_calls

def test_every_vote_has_a_roll_call(load):
    votes = load("un_votes")
    calls = load("un_roll_calls")
    assert set(votes["rcid"]) <= set(calls["rcid"])
    assert len(calls) == 6203 and calls["rcid"].is_unique  # SOURCE.md
    assert calls["date"].min() == pd.Timestamp("1946-01-01")
    assert calls["date"].max() == pd.Timestamp("2020-01-14")
    assert (calls["year"] == calls["date"].dt.year).all()
    assert calls["session"].min() == 1 and calls["session"].max() == 74
    assert 1964 not in set(calls["year"])


def test_roll_call_columns(load):
    calls = load("un_roll_calls")
    assert list(calls.columns) == [
        "rcid", "session", "date", "year", "important_vote", "amendment", "paragraph",
        "resolution", "short", "description", "middle_east", "nuclear", "arms_control",
        "human_rights", "colonialism", "development"]
    for col in ["middle_east", "nuclear", "arms_control", "human_rights", "colonialism", "development"]:
        assert calls[col].dtype == bool, col


def test_important_votes(load):
    calls = load("un_roll_calls")
    imp = calls["important_vote"]
    # no State Department list before the 38th session (1983): missing, not False
    assert imp[calls["session"] < 38].isna().all()
    assert imp[calls["session"] >= 73].isna().all()
    assert (imp == True).sum() == 411  # noqa: E712  (nullable boolean)
    assert ((imp == True) & (calls["session"] == 38)).sum() == 8  # noqa: E712
    # sessions 52-72: uncoded rows, mostly amendment and paragraph votes
    mid = calls["session"].between(52, 72)
    assert (imp[mid].isna()).sum() == 419
    assert ((imp == True) & (calls["year"] >= 1983)).sum() == 411  # noqa: E712


def test_amendment_paragraph_as_in_source(load):
    calls = load("un_roll_calls")
    early = calls["session"] <= 39
    assert calls.loc[early, "amendment"].notna().all()
    assert calls.loc[early, "paragraph"].notna().all()
    assert calls.loc[calls["session"].between(40, 51), ["amendment", "paragraph"]].isna().all().all()
    assert (calls.loc[calls["session"] > 39, "paragraph"].dropna() == True).all()  # noqa: E712


def test_issue_tags_match_issues_csv(load):
    _need_sources()
    calls = load("un_roll_calls")
    issues = pd.read_csv(VOTES_DIR / "issues.csv")
    mapping = {"me": "middle_east", "nu": "nuclear", "di": "arms_control", "hr": "human_rights",
               "co": "colonialism", "ec": "development"}
    for code, col in mapping.items():
        expected = set(issues.loc[issues["short_name"] == code, "rcid"])
        assert set(calls.loc[calls[col], "rcid"]) == expected, col
    # SOURCE.md row counts of issues.csv
    assert calls[list(mapping.values())].sum().sum() == 5745


# ---------------------------------------------------------------------------- un_agreement

def _by_hand(partner_iso2: str, year: int) -> dict:
    """Agreement of a partner with the US from the raw CSVs, with the csv module only."""
    with open(VOTES_DIR / "roll_calls.csv", newline="", encoding="utf-8") as f:
        in_year = {row["rcid"] for row in csv.DictReader(f) if row["date"].startswith(str(year))}
    us, other = {}, {}
    with open(VOTES_DIR / "unvotes.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["rcid"] in in_year:
                if row["country_code"] == "US":
                    us[row["rcid"]] = CODE[row["vote"]]
                elif row["country_code"] == partner_iso2:
                    other[row["rcid"]] = CODE[row["vote"]]
    same = partial = opposite = same_yesno = 0
    for rcid in set(us) & set(other):
        a, b = us[rcid], other[rcid]
        if a == b:
            same += 1
            same_yesno += a != 2
        elif a == 2 or b == 2:
            partial += 1
        else:
            opposite += 1
    votes = same + partial + opposite
    return {"votes": votes, "same": same, "partial": partial, "opposite": opposite,
            "agreement": (same + partial / 2) / votes,
            "votes_only": same_yesno / (same_yesno + opposite)}


def test_us_mexico_1946_agreement_by_hand(load):
    _need_sources()
    expected = _by_hand("MX", 1946)
    row = load("un_agreement").query("iso3 == 'MEX' and year == 1946")
    assert len(row) == 1
    row = row.iloc[0]
    for col in ("votes", "same", "partial", "opposite"):
        assert row[col] == expected[col], col
    assert row["agreement"] == pytest.approx(expected["agreement"], abs=1e-6)
    assert row["votes_only"] == pytest.approx(expected["votes_only"], abs=1e-6)


@pytest.mark.parametrize("iso2,iso3", [("GB", "GBR"), ("FR", "FRA"), ("JP", "JPN")])
def test_agreement_recomputed_from_raw(load, raw, iso2, iso3):
    years = [1960, 1975, 1985, 2003, 2019]
    us = raw.loc[raw["country_code"] == "US", ["rcid", "vote"]].rename(columns={"vote": "us"})
    p = raw.loc[(raw["country_code"] == iso2) & raw["year"].isin(years)].merge(us, on="rcid")
    a, b = p["vote"].map(CODE), p["us"].map(CODE)
    p = p.assign(same=a == b, partial=(a == 2) ^ (b == 2), opposite=(a - b).abs() == 2,
                 same_yesno=(a == b) & (a != 2))
    exp = p.groupby("year")[["same", "partial", "opposite", "same_yesno"]].sum()
    exp["votes"] = exp["same"] + exp["partial"] + exp["opposite"]
    ag = load("un_agreement")
    table = ag[ag["iso3"] == iso3].set_index("year")
    for year in years:
        e, t = exp.loc[year], table.loc[year]
        assert t["votes"] == e["votes"] > 0
        assert (t["same"], t["partial"], t["opposite"]) == (e["same"], e["partial"], e["opposite"])
        assert t["agreement"] == pytest.approx((e["same"] + 0.5 * e["partial"]) / e["votes"], abs=1e-6)
        assert t["votes_only"] == pytest.approx(e["same_yesno"] / (e["same_yesno"] + e["opposite"]),
                                                abs=1e-6)


def test_agreement_properties(load):
    ag = load("un_agreement")
    assert list(ag.columns) == ["iso3", "year", "votes", "same", "partial", "opposite",
                                "agreement", "votes_only"]
    assert "USA" not in set(ag["iso3"])
    assert (ag["votes"] == ag["same"] + ag["partial"] + ag["opposite"]).all()
    assert (ag["votes"] > 0).all()
    assert ag["agreement"].between(0, 1).all()
    assert ag["votes_only"].dropna().between(0, 1).all()
    # agreement lies between the yes/no-only view when partial votes count half
    recomputed = ((ag["same"] + 0.5 * ag["partial"]) / ag["votes"]).round(6)
    assert np.allclose(ag["agreement"], recomputed, atol=1e-9)
    # votes_only is missing only where there were no yes/no pairs at all
    nan = ag["votes_only"].isna()
    assert (ag.loc[nan, "opposite"] == 0).all()
    assert ag["year"].min() == 1946 and ag["year"].max() == 2019  # 2020 (one roll call) is left out
    # Israel votes with the US far more than Mexico does in 2019
    y19 = ag[ag["year"] == 2019].set_index("iso3")["agreement"]
    assert y19["ISR"] > 0.9 > 0.5 > y19["MEX"]


def test_agreement_counts_match_un_votes(load):
    """The table agrees with the built vote table too (GBR, 1975)."""
    votes = load("un_votes")
    calls = load("un_roll_calls")
    rc = set(calls.loc[calls["year"] == 1975, "rcid"])
    both = set(votes.loc[(votes["iso3"] == "USA") & votes["rcid"].isin(rc), "rcid"]) & \
        set(votes.loc[(votes["iso3"] == "GBR") & votes["rcid"].isin(rc), "rcid"])
    ag = load("un_agreement")
    row = ag[(ag["iso3"] == "GBR") & (ag["year"] == 1975)].iloc[0]
    assert row["votes"] == len(both)


# ---------------------------------------------------------------------------- un_ideal_points

def test_ideal_points_coverage(load):
    ip = load("un_ideal_points")
    years = set(ip["year"])
    assert min(years) == 1946 and max(years) == 2024
    assert years == set(range(1946, 2025)) - {1964}  # no recorded votes in 1964
    assert "USA" not in set(ip["iso3"])
    assert ip[ip["year"] == 2024]["iso3"].nunique() == 190  # SOURCE.md: 191 incl. the US
    assert ip.loc[ip["iso3"] == "JPN", "year"].min() == 1957
    deu = ip[ip["iso3"] == "DEU"]
    assert deu["year"].is_unique and deu["year"].min() == 1973


def test_ideal_points_values(load):
    ip = load("un_ideal_points")
    assert np.allclose(ip["distance_to_us"], (ip["ideal_point"] - ip["us_ideal_point"]).abs(), atol=1e-6)
    assert (ip.groupby("year")["us_ideal_point"].nunique() == 1).all()
    assert (ip["ideal_point_q05"] <= ip["ideal_point"]).all()
    assert (ip["ideal_point"] <= ip["ideal_point_q95"]).all()
    assert (ip["votes"] > 0).all() and ip["votes"].dtype == "int64"
    # the closest partners in 2024 are closer than Russia and China
    d = ip[ip["year"] == 2024].set_index("iso3")["distance_to_us"]
    assert d["ISR"] < d["GBR"] < d["RUS"] and d["GBR"] < d["CHN"]


def test_ideal_points_against_raw(load):
    _need_sources()
    raw_ip = pd.read_csv(IDEAL_CSV, keep_default_na=False, na_values=[""])
    with_fp = raw_ip[raw_ip["idealpointfp"].notna()]
    ip = load("un_ideal_points")
    # every raw row with a final-passage estimate, minus the US rows
    assert len(ip) == len(with_fp) - (with_fp["ccode"] == 2).sum()
    us = with_fp[with_fp["ccode"] == 2].set_index("year")["idealpointfp"]
    gbr = with_fp[with_fp["ccode"] == 200].set_index("year")
    t = ip[ip["iso3"] == "GBR"].set_index("year")
    for year in (1950, 1990, 2024):
        assert t.loc[year, "ideal_point"] == pytest.approx(gbr.loc[year, "idealpointfp"], abs=1e-9)
        assert t.loc[year, "ideal_point_q95"] == pytest.approx(gbr.loc[year, "q95fp"], abs=1e-9)
        assert t.loc[year, "votes"] == gbr.loc[year, "nvotesfp"]
        assert t.loc[year, "us_ideal_point"] == pytest.approx(us.loc[year], abs=1e-9)


# ---------------------------------------------------------------------------- un_coincidence

def test_coincidence_shape(load):
    c = load("un_coincidence")
    assert list(c.columns) == ["iso3", "year", "same", "opposite", "partial", "absent",
                               "coincidence_reported"]
    assert sorted(c["year"].unique()) == list(range(2013, 2025))
    assert (c.groupby("year")["iso3"].nunique() == 192).all()
    assert "USA" not in set(c["iso3"])
    assert c["coincidence_reported"].dropna().between(0, 1).all()
    # the one "No Votes": Sao Tome and Principe, 2017
    missing = c[c["coincidence_reported"].isna()]
    assert missing[["iso3", "year"]].values.tolist() == [["STP", 2017]]
    # names-only years and the 2018 ISO typo (GRO) resolve to proper codes
    for year in (2015, 2018):
        assert {"GRC", "IRQ", "FSM", "PRK", "NAM"} <= set(c.loc[c["year"] == year, "iso3"]), year


def test_coincidence_known_rows(load):
    c = load("un_coincidence").set_index(["iso3", "year"])
    cols = ["same", "opposite", "partial", "absent", "coincidence_reported"]
    # values as printed in the State Department files (see SOURCE.md: Israel 18 of 18 in 2013)
    assert c.loc[("ISR", 2013), cols].tolist() == [18, 0, 0, 0, 1.0]
    assert c.loc[("GBR", 2018), cols].tolist() == [54, 35, 21, 0, 0.59]
    # 2020 has the columns in another order: SAME, PARTIAL, OPPOSITE
    assert c.loc[("AFG", 2020), cols].tolist() == [14, 68, 11, 7, 0.21]
    # 2022-2024 spell OPPOSE
    assert c.loc[("ALB", 2024), cols].tolist() == [57, 15, 23, 0, 0.72]


def test_coincidence_formulas_by_period(load):
    c = load("un_coincidence")
    yes_no = c["same"] / (c["same"] + c["opposite"])
    half = (c["same"] + 0.5 * c["partial"]) / (c["same"] + c["opposite"] + c["partial"])
    tol = 0.005 + 1e-9  # published to two decimals
    m_yes_no = ((yes_no - c["coincidence_reported"]).abs() <= tol).groupby(c["year"]).mean()
    m_half = ((half - c["coincidence_reported"]).abs() <= tol).groupby(c["year"]).mean()
    for year in range(2013, 2017):
        assert m_yes_no[year] >= 0.97, year
    for year in range(2018, 2021):
        assert m_half[year] >= 0.9, year
    for year in range(2021, 2025):
        assert m_half[year] < 0.9, year  # the method changed: the caveat says so


def test_coincidence_against_raw_files(load):
    _need_sources()
    c = load("un_coincidence")
    for year in (2013, 2017, 2021, 2024):
        with open(STATE_DIR / f"un-coincidence-{year}.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == 192
        total = sum(int(r["SAME"]) for r in rows)
        assert c.loc[c["year"] == year, "same"].sum() == total
