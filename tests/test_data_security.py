"""Security tables: alliances (ATOP), troops (troopdata), arms (SIPRI), exercises (MME),
bases (Vine), diplomacy (COW Diplomatic Exchange) and igo (COW IGO).

The built tables are read with helpers.load. Expected values are either figures quoted in the
sources' SOURCE.md files, dates of well-known diplomatic events, or numbers recomputed here
straight from the raw files with plain pandas (never through the recipe); the checks against
raw files are skipped, with the reason, when the raw sources are not beside the project.
"""

import numpy as np
import pandas as pd
import pytest

from conftest import SOURCES

TABLES = ["alliances", "troops", "arms", "exercises", "bases", "diplomacy", "igo"]
CODELIST = SOURCES / "country_codes_cow_iso" / "codelist_without_cldr.csv"
ATOP_CSV = SOURCES / "atop_alliances" / "atop_alliance_ddy_v5_1.csv"
TROOPS_Q = SOURCES / "us_troops_abroad" / "troopdata-rebuild-country-year-quarter-format.csv"
TROOPS_CY = SOURCES / "us_troops_abroad" / "troopdata-rebuild-country-year.csv"
SIPRI_CSV = SOURCES / "sipri_us_arms_exports" / "us-arms-exports.csv"
MME_CSV = SOURCES / "military_exercises_mme" / "mme_v7.csv"
BASES_CSV = SOURCES / "us_military_bases_vine" / "basedata.csv"
DIPL_CSV = SOURCES / "cow_diplomatic_exchange_v2006" / "Diplomatic_Exchange_2006v1.csv"
IGO_NDY = SOURCES / "cow_igo_memberships" / "cow_igo_ndy.csv.gz"
IGO_SY = SOURCES / "cow_igo_memberships" / "cow_igo_sy.csv"
# keys the collection uses besides the ISO codes in the codelist (data/recipe/codes.py)
EXTRA_KEYS = {"XKX", "DDR", "CSK", "YUG", "YMD", "RVN", "ZAN", "ANT"}
DIPLOMATIC_LEVELS = ["none", "chargé d'affaires", "minister", "ambassador", "other"]
TROOP_BASIS = ["December report", "median of reports", "single report", "annual series"]


def _need_sources():
    if not SOURCES.is_dir():
        pytest.skip(f"the raw sources folder {SOURCES} is not beside the project; "
                    "the checks against the raw files need it")


def _raw(path, **kw):
    kw.setdefault("keep_default_na", False)
    kw.setdefault("na_values", ["", "NA"])
    return pd.read_csv(path, **kw)


def _one(df, **where):
    sel = df
    for col, val in where.items():
        sel = sel[sel[col] == val]
    assert len(sel) == 1, f"expected one row for {where}, found {len(sel)}"
    return sel.iloc[0]


# ----------------------------------------------------------------------------- all tables

@pytest.mark.parametrize("name", TABLES)
def test_keys_are_known_codes_and_never_the_us(load, name):
    df = load(name)
    assert "USA" not in set(df["iso3"])
    if CODELIST.exists():
        known = set(_raw(CODELIST, dtype=str)["iso3c"].dropna()) | EXTRA_KEYS
        assert set(df["iso3"]) <= known, sorted(set(df["iso3"]) - known)
    key = ["iso3", "year"] if "year" in df.columns else ["iso3"]
    assert not df.duplicated(key).any()


# ----------------------------------------------------------------------------- alliances

def test_alliances_columns_and_levels(load):
    a = load("alliances")
    assert list(a.columns) == ["iso3", "year", "defense", "offense", "neutrality",
                               "nonaggression", "consultation", "level"]
    flags = ["defense", "offense", "neutrality", "nonaggression", "consultation"]
    assert a[flags].isin([0, 1]).all().all()
    assert a["year"].between(1815, 2018).all()
    # FACTS.md: 3 = defence or offence, 2 = neutrality or consultation, 1 = non-aggression only
    expect = np.where((a["defense"] == 1) | (a["offense"] == 1), 3,
                      np.where((a["neutrality"] == 1) | (a["consultation"] == 1), 2,
                               np.where(a["nonaggression"] == 1, 1, 0)))
    assert (a["level"] == expect).all()
    # rows only where an alliance exists
    assert a["level"].between(1, 3).all()


def test_alliances_known_treaties(load):
    a = load("alliances")
    gbr = a[a["iso3"] == "GBR"].set_index("year")
    assert (gbr.loc[1949:2018, "defense"] == 1).all()        # North Atlantic Treaty
    jpn = a[a["iso3"] == "JPN"].set_index("year")
    assert set(range(1951, 2019)) <= set(jpn.index)          # security treaty signed 1951
    assert (jpn.loc[1951:2018, "level"] == 3).all()
    nzl = a[a["iso3"] == "NZL"].set_index("year")
    assert nzl.loc[1980, "defense"] == 1                      # ANZUS
    assert 1990 not in nzl.index or nzl.loc[1990, "defense"] == 0  # suspended 1986
    assert (a.loc[a["iso3"] == "DEU", "year"].value_counts() == 1).all()


def test_alliances_match_raw_atop(load):
    _need_sources()
    raw = _raw(ATOP_CSV)
    us = raw[raw["ccode1"] == 2]
    a = load("alliances")
    # every US dyad-year is kept except West Germany's row in 1990 (unified Germany kept)
    assert len(a) == len(us) - 1
    assert a["defense"].sum() == us.loc[~((us["ccode2"] == 260) & (us["year"] == 1990)), "atop_defense"].sum()


# ----------------------------------------------------------------------------- troops

def test_troops_shape(load):
    t = load("troops")
    assert list(t.columns) == ["iso3", "year", "troops", "basis"]
    assert t["year"].min() == 1950 and t["year"].max() == 2025
    assert (t["troops"] > 0).all()
    assert isinstance(t["basis"].dtype, pd.CategoricalDtype) and t["basis"].cat.ordered
    assert list(t["basis"].cat.categories) == TROOP_BASIS
    assert t["basis"].notna().all()
    # December reports only exist from 2013; the annual series is used to 2012
    assert t.loc[t["basis"] == "December report", "year"].min() >= 2013
    assert t.loc[t["year"] <= 1956, "basis"].eq("annual series").all()
    assert t.groupby("year")["iso3"].nunique().min() >= 80


def test_troops_japan_not_inflated_by_june_quarters(load):
    # SOURCE.md: June 2018-2021 rows read 107,922-110,554 against about 55,000 otherwise
    jpn = load("troops").query("iso3 == 'JPN' and 2018 <= year <= 2021")["troops"]
    assert len(jpn) == 4
    assert jpn.between(50_000, 60_000).all(), jpn.tolist()


def test_troops_double_counted_hosts_are_halved(load):
    t = load("troops")
    kor = t[(t["iso3"] == "KOR") & t["year"].between(2013, 2025)]["troops"]
    assert len(kor) == 13 and kor.between(20_000, 32_000).all(), kor.tolist()
    ita = t[(t["iso3"] == "ITA") & t["year"].between(2013, 2025)]["troops"]
    assert ita.between(9_000, 15_000).all(), ita.tolist()


def test_troops_known_wartime_peaks(load):
    t = load("troops")
    # the authors' annual series (country-year file): Korea 1953, South Vietnam 1968
    assert _one(t, iso3="KOR", year=1953)["troops"] == 326_863
    assert _one(t, iso3="RVN", year=1968)["troops"] == 537_377
    assert "GUM" in set(t["iso3"])                      # territories keep their own code


def test_troops_december_rule_against_raw(load):
    _need_sources()
    q = _raw(TROOPS_Q)
    t = load("troops").set_index(["iso3", "year"])["troops"]
    dec = q[(q["month"] == "December") & q["source"].notna()]
    for iso, year in [("JPN", 2019), ("DEU", 2020), ("GBR", 2024), ("AUS", 2019)]:
        raw = dec[(dec["iso3c"] == iso) & (dec["year"] == year)]["troops_ad"]
        assert len(raw) == 1 and t[(iso, year)] == raw.item(), (iso, year)
    # Italy is one of the double-counted hosts: half its December report
    raw = dec[(dec["iso3c"] == "ITA") & (dec["year"] == 2020)]["troops_ad"].item()
    assert raw % 2 == 0 and t[("ITA", 2020)] == raw // 2
    # 2022 has no December report (DMDC Army gap): the median of March, June and September
    rows = q[(q["iso3c"] == "DEU") & (q["year"] == 2022) & q["source"].notna()]["troops_ad"]
    assert len(rows) == 3 and t[("DEU", 2022)] == int(rows.median())


def test_troops_agree_with_country_year_file(load):
    """Compare with the authors' older country-year file: most host-years agree."""
    _need_sources()
    cy = _raw(TROOPS_CY)
    cy = cy[cy["iso3c"].notna() & (cy["troops_ad"] > 0) & cy["year"].between(1957, 2024)]
    # the country-year file files South Vietnam as VNM
    cy.loc[(cy["iso3c"] == "VNM") & (cy["year"] <= 1975), "iso3c"] = "RVN"
    cy = cy.groupby(["iso3c", "year"])["troops_ad"].sum()
    t = load("troops").set_index(["iso3", "year"])["troops"]
    both = pd.concat([t.rename("ours"), cy.rename("cy")], axis=1, join="inner")
    assert len(both) > 7000
    close = (both["ours"] - both["cy"]).abs() <= np.maximum(0.10 * both.max(axis=1), 10)
    assert close.mean() > 0.90, f"only {close.mean():.1%} of host-years within 10%"
    big = both.max(axis=1) >= 1000
    assert close[big].mean() > 0.80
    old = both.index.get_level_values("year") <= 2007
    assert close[old].mean() > 0.95


# ----------------------------------------------------------------------------- arms

def test_arms_shape_and_units(load):
    a = load("arms")
    assert list(a.columns) == ["iso3", "year", "tiv_millions"]
    assert a["year"].between(1950, 2020).all()
    assert (a["tiv_millions"] >= 0).all()
    assert (a["tiv_millions"] == 0).any()      # small deliveries are kept as 0
    assert {"GBR", "DEU", "ISR", "SAU", "JPN", "KOR", "TWN", "ARE", "RVN", "YUG"} <= set(a["iso3"])
    # Yugoslavia and Serbia never overlap
    assert a.loc[a["iso3"] == "YUG", "year"].max() < 2006 <= a.loc[a["iso3"] == "SRB", "year"].min()


def test_arms_match_raw_sipri(load):
    _need_sources()
    raw = _raw(SIPRI_CSV).set_index("recipient")
    cells = raw.notna().sum().sum()
    a = load("arms")
    assert len(a) == cells
    assert (a["tiv_millions"] == 0).sum() == (raw == 0).sum().sum()
    tot = a.groupby("iso3")["tiv_millions"].sum()
    for name, iso in [("United Kingdom", "GBR"), ("Saudi Arabia", "SAU"), ("Israel", "ISR"),
                      ("UAE", "ARE"), ("South Vietnam", "RVN")]:
        assert tot[iso] == raw.loc[name].sum(), name


# ----------------------------------------------------------------------------- exercises

def test_exercises_totals_from_source_md(load):
    e = load("exercises")
    tot = e.groupby("iso3")["exercises"].sum()
    # SOURCE.md: exercises with both the US and ...
    assert tot["GBR"] == 437
    assert tot["FRA"] == 260
    assert tot["JPN"] == 212
    assert tot["AUS"] == 120
    assert tot["IND"] == 56


def test_exercises_shape(load):
    e = load("exercises")
    assert list(e.columns) == ["iso3", "year", "exercises"]
    assert e["year"].min() == 1980 and e["year"].max() == 2010
    assert (e["exercises"] >= 1).all()
    # no year can have more joint exercises with one partner than the US held in that year
    _need_sources()
    raw = _raw(MME_CSV, dtype=str)
    states = [c for c in raw.columns if c.startswith("State")]
    us_year = raw[(raw[states] == "United States").any(axis=1)]["s.year"].astype(int).value_counts()
    assert (e["exercises"].to_numpy() <= us_year.reindex(e["year"]).to_numpy()).all()


# ----------------------------------------------------------------------------- bases

def test_bases_counts_from_source_md(load):
    b = load("bases").set_index("iso3")
    assert list(b.columns) == ["major_bases", "small_sites", "host_funded_sites", "all_sites"]
    # SOURCE.md: base = 1 counts
    assert b.loc["JPN", "major_bases"] == 42
    assert b.loc["GBR", "major_bases"] == 18
    assert b.loc["AUS", "major_bases"] == 3
    assert "FRA" not in b.index and "IND" not in b.index
    assert "COD" in b.index and "XKX" in b.index       # codes corrected from the file
    assert (b["all_sites"] <= b[["major_bases", "small_sites", "host_funded_sites"]].sum(axis=1)).all()


def test_bases_match_raw(load):
    _need_sources()
    raw = _raw(BASES_CSV, encoding="latin-1")
    b = load("bases")
    raw = raw[raw["countryname"] != "Antarctica"]   # no host state; left out
    assert b["all_sites"].sum() == len(raw)
    assert b["major_bases"].sum() == raw["base"].sum()
    assert b["small_sites"].sum() == raw["lilypad"].sum()
    assert b["host_funded_sites"].sum() == raw["fundedsite"].sum()


# ----------------------------------------------------------------------------- diplomacy

def test_diplomacy_shape(load):
    d = load("diplomacy")
    assert list(d.columns) == ["iso3", "year", "us_in_partner", "partner_in_us", "exchange"]
    for col in ["us_in_partner", "partner_in_us"]:
        assert isinstance(d[col].dtype, pd.CategoricalDtype) and d[col].cat.ordered
        assert list(d[col].cat.categories) == DIPLOMATIC_LEVELS
    assert d["exchange"].dtype == bool
    years = {1817, 1824, 1827, 1832, 1836, 1840, *range(1844, 1915, 5), *range(1920, 1941, 5),
             *range(1950, 2006, 5)}
    assert set(d["year"]) == years
    # 1950-1965: the source records no levels, only 'other' (or no exchange)
    mid = d[d["year"].between(1950, 1965)]
    assert set(mid["us_in_partner"].astype(str)) <= {"other", "none"}


def test_diplomacy_direction_uk_ambassadors(load):
    d = load("diplomacy")
    gbr = d[d["iso3"] == "GBR"].set_index("year")
    # The US legation in London became an embassy in 1893 (Thomas Bayard, first US ambassador);
    # Britain raised its Washington legation the same year. Observation years 1889 and 1894.
    assert gbr.loc[1889, "us_in_partner"] == "minister"
    assert gbr.loc[1894, "us_in_partner"] == "ambassador"
    assert gbr.loc[1889, "partner_in_us"] == "minister"
    assert gbr.loc[1894, "partner_in_us"] == "ambassador"


def test_diplomacy_direction_asymmetric_cases(load):
    d = load("diplomacy")
    # Prussia kept a minister in Washington from 1817; the first US envoy to Berlin arrived in
    # 1835 (Henry Wheaton, chargé d'affaires, minister from 1837)
    prussia = d[d["iso3"] == "DEU"].set_index("year")
    assert prussia.loc[1817, "partner_in_us"] == "minister"
    assert prussia.loc[1817, "us_in_partner"] == "none"
    assert prussia.loc[1836, "us_in_partner"] == "none"
    assert prussia.loc[1840, "us_in_partner"] == "minister"
    # The US kept a minister in Japan from 1859; Japan had no mission in Washington in the 1860s
    jpn = d[d["iso3"] == "JPN"].set_index("year")
    assert jpn.loc[1864, "us_in_partner"] == "minister"
    assert jpn.loc[1864, "partner_in_us"] == "none"


def test_diplomacy_matches_raw(load):
    _need_sources()
    raw = _raw(DIPL_CSV)
    uk = raw[(raw["ccode1"] == 2) & (raw["ccode2"] == 200)].set_index("year")
    d = load("diplomacy")
    gbr = d[d["iso3"] == "GBR"].set_index("year")
    codes = {0: "none", 1: "chargé d'affaires", 2: "minister", 3: "ambassador", 9: "other"}
    # codebook: DR_at_2 = representation of side 1 (the US) at side 2
    assert (gbr["us_in_partner"].astype(str) == uk["DR_at_2"].map(codes)).all()
    assert (gbr["partner_in_us"].astype(str) == uk["DR_at_1"].map(codes)).all()


# ----------------------------------------------------------------------------- igo

def test_igo_shape(load):
    g = load("igo")
    assert list(g.columns) == ["iso3", "year", "shared_igos", "partner_igos", "us_igos"]
    assert g["year"].min() == 1816 and g["year"].max() == 2014
    assert (g["shared_igos"] <= g[["partner_igos", "us_igos"]].min(axis=1)).all()
    assert (g.groupby("year")["us_igos"].nunique() == 1).all()
    g2014 = g[g["year"] == 2014].set_index("iso3")
    assert g2014["shared_igos"].idxmax() in {"CAN", "GBR", "FRA", "DEU", "ITA", "NLD", "BEL",
                                             "ESP", "JPN", "AUS", "MEX"}
    assert len(g2014) > 180


def test_igo_matches_raw(load):
    _need_sources()
    ndy = _raw(IGO_NDY)
    sy = _raw(IGO_SY).set_index(["ccode", "year"])["sum_igo_full"]
    g = load("igo").set_index(["iso3", "year"])
    for ccode, iso, year in [(200, "GBR", 1950), (740, "JPN", 2000), (20, "CAN", 2014), (255, "DEU", 1900)]:
        row = g.loc[(iso, year)]
        raw = ndy[(ndy["ccode1"] == 2) & (ndy["ccode2"] == ccode) & (ndy["year"] == year)]
        assert row["shared_igos"] == raw["dyadigos"].item()
        assert row["partner_igos"] == sy[(ccode, year)]
        assert row["us_igos"] == sy[(2, year)]
