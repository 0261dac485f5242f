"""Culture tables: students (IIE Open Doors), opinion (Pew), coauthorship (NSF NCSES).

The built tables are read with helpers.load. Expected values are published figures quoted
in the sources' SOURCE.md files, or recomputed here straight from the raw files (csv module
or plain pandas, never through the recipe); those checks are skipped, with the reason, when
the raw sources are not beside the project.
"""
import csv
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

from conftest import SOURCES

TABLES = ["students", "opinion", "coauthorship"]
IIE = SOURCES / "iie_open_doors_students"
PEW = SOURCES / "pew_global_attitudes_harmonized"
PEW538 = SOURCES / "pew_us_favorability_538" / "TRUMPWORLD-us.csv"
NCSES = SOURCES / "ncses_us_coauthorship"
CODELIST = SOURCES / "country_codes_cow_iso" / "codelist_without_cldr.csv"
EXTRA_KEYS = {"XKX", "DDR", "CSK", "YUG", "YMD", "RVN", "ZAN", "ANT"}

# names in the small published tables (FiveThirtyEight, NCSES) -> iso3, typed from their headers
NAMES = {
    "Canada": "CAN", "France": "FRA", "Germany": "DEU", "Greece": "GRC", "Hungary": "HUN",
    "Italy": "ITA", "Netherlands": "NLD", "Poland": "POL", "Spain": "ESP", "Sweden": "SWE",
    "UK": "GBR", "United Kingdom": "GBR", "Russia": "RUS", "Australia": "AUS", "India": "IND",
    "Indonesia": "IDN", "Japan": "JPN", "Philippines": "PHL", "South Korea": "KOR",
    "Vietnam": "VNM", "Israel": "ISR", "Jordan": "JOR", "Lebanon": "LBN", "Tunisia": "TUN",
    "Turkey": "TUR", "Ghana": "GHA", "Kenya": "KEN", "Nigeria": "NGA", "Senegal": "SEN",
    "South Africa": "ZAF", "Tanzania": "TZA", "Argentina": "ARG", "Brazil": "BRA", "Chile": "CHL",
    "Colombia": "COL", "Mexico": "MEX", "Peru": "PER", "Venezuela": "VEN", "China": "CHN",
    "Switzerland": "CHE", "Iran": "IRN",
}


def _need_sources():
    if not SOURCES.is_dir():
        pytest.skip(f"the raw sources folder {SOURCES} is not beside the project; "
                    "the checks against the raw files need it")


def _value(df, iso3, year, col):
    hit = df[(df["iso3"] == iso3) & (df["year"] == year)]
    assert len(hit) == 1, f"no single row for {iso3} {year}"
    return hit[col].iloc[0]


@pytest.mark.parametrize("name", TABLES)
def test_columns_keys_and_codes(load, name):
    _need_sources()
    with open(CODELIST, newline="", encoding="utf-8") as f:
        valid = {row["iso3c"] for row in csv.DictReader(f) if row["iso3c"]} | EXTRA_KEYS
    df = load(name)
    expected = {
        "students": ["iso3", "year", "academic_year", "students", "graduate", "undergraduate", "other"],
        "opinion": ["iso3", "year", "pct_favorable_us", "pct_unfavorable_us", "respondents_us",
                    "pct_favorable_china", "respondents_china"],
        "coauthorship": ["iso3", "year", "share_of_us_articles_pct", "partner_articles_with_us_pct"],
    }[name]
    assert list(df.columns) == expected
    assert not df.duplicated(["iso3", "year"]).any()
    assert df["year"].dtype == "int64"
    assert set(df["iso3"]) <= valid, sorted(set(df["iso3"]) - valid)
    assert "USA" not in set(df["iso3"])


# ----------------------------------------------------------------------------- students

@pytest.fixture(scope="module")
def origin():
    _need_sources()
    with open(IIE / "origin.csv", newline="", encoding="utf-8") as f:
        return [dict(r, students=int(r["students"])) for r in csv.DictReader(f)]


def test_students_raw_national_total(origin):
    # SOURCE.md: the rows of origin.csv add up to IIE's published total, 2022/23 = 1,057,188
    assert sum(r["students"] for r in origin if r["year"] == "2022/23") == 1_057_188
    with open(IIE / "academic.csv", newline="", encoding="utf-8") as f:
        national = {r["year"]: int(r["students"]) for r in csv.DictReader(f)}
    assert national["2022/23"] == 1_057_188


def test_students_total_close_to_national_total(load, origin):
    st = load("students")
    raw = defaultdict(int)
    dropped = defaultdict(int)
    for r in origin:
        raw[r["year"]] += r["students"]
        name = r["origin"].strip()
        start = int(r["year"][:4])
        if (name.endswith(", Unspecified") or name == "Stateless"
                or name in ("U.S.S.R., Former", "Czechoslovakia, Former")
                or (name in ("Yugoslavia, Former", "Serbia and Montenegro") and start >= 2006)):
            dropped[r["year"]] += r["students"]
    table = st.groupby("academic_year")["students"].sum()
    assert set(table.index) == set(raw)
    for year, total in raw.items():
        # the difference is exactly the rows left out on purpose, and it is small
        assert total - table[year] == dropped[year]
        assert total - table[year] < 0.001 * total
    assert table["2022/23"] == 1_057_188 - dropped["2022/23"]
    assert 0 < dropped["2022/23"] < 100


def test_students_levels_and_years(load):
    st = load("students")
    assert (st["students"] == st["graduate"] + st["undergraduate"] + st["other"]).all()
    assert (st[["students", "graduate", "undergraduate", "other"]] >= 0).all().all()
    assert (st["year"] == st["academic_year"].str[:4].astype(int)).all()
    assert st["academic_year"].str.fullmatch(r"\d{4}/\d{2}").all()
    assert (st["year"].min(), st["year"].max()) == (2000, 2022)
    assert _value(st, "CHN", 2022, "academic_year") == "2022/23"


@pytest.mark.parametrize("name,iso3,academic_year", [
    ("China", "CHN", "2022/23"), ("India", "IND", "2022/23"), ("South Korea", "KOR", "2010/11"),
    ("Taiwan", "TWN", "2005/06"), ("Hong Kong", "HKG", "2022/23"), ("Macau", "MAC", "2015/16"),
    ("Canada", "CAN", "2000/01"), ("United Kingdom", "GBR", "2019/20"), ("Kosovo", "XKX", "2016/17"),
    ("Palestinian Territories", "PSE", "2012/13"),
])
def test_students_equal_raw(load, origin, name, iso3, academic_year):
    rows = [r for r in origin if r["origin"].strip() == name and r["year"] == academic_year]
    by_type = defaultdict(int)
    for r in rows:
        by_type[r["academic_type"]] += r["students"]
    st = load("students")
    year = int(academic_year[:4])
    assert _value(st, iso3, year, "students") == sum(by_type.values())
    assert _value(st, iso3, year, "graduate") == by_type["Graduate"]
    assert _value(st, iso3, year, "undergraduate") == by_type["Undergraduate"]
    assert _value(st, iso3, year, "other") == (by_type["Other"] + by_type["Non-Degree"] + by_type["OPT"])


def test_students_former_states(load, origin):
    st = load("students")
    yug = st[st["iso3"] == "YUG"]
    assert yug["year"].max() == 2005
    # YUG 2000/01 = 'Yugoslavia, Former' + 'Serbia and Montenegro'
    expected = sum(r["students"] for r in origin if r["year"] == "2000/01"
                   and r["origin"] in ("Yugoslavia, Former", "Serbia and Montenegro"))
    assert _value(st, "YUG", 2000, "students") == expected
    assert st.loc[st["iso3"] == "SRB", "year"].min() == 2006
    assert st.loc[st["iso3"] == "MNE", "year"].min() == 2006
    assert not {"SUN", "CSK"} & set(st["iso3"])


# ------------------------------------------------------------------------------ opinion

@pytest.fixture(scope="module")
def derived():
    """The country-year table derived in the source folder (computed independently of the recipe)."""
    _need_sources()
    d = pd.read_csv(PEW / "pew_opinion_country_year_DERIVED.csv", keep_default_na=False, na_values=[""])
    d["iso3"] = d["iso3"].replace({"PLS": "PSE"})
    return d


def test_opinion_equals_derived_table(load, derived):
    op = load("opinion")
    us = derived[(derived["target"] == "USA") & (derived["iso3"] != "USA")]
    m = us.merge(op, on=["iso3", "year"], how="outer", indicator=True)
    assert (m["_merge"] == "both").all(), m.loc[m["_merge"] != "both", ["iso3", "year"]]
    assert np.allclose(m["pct_favorable"], m["pct_favorable_us"], atol=0.1)
    assert np.allclose(m["pct_unfavorable"], m["pct_unfavorable_us"], atol=0.1)
    assert (m["n"] == m["respondents_us"]).all()
    cn = derived[(derived["target"] == "CHN") & ~derived["iso3"].isin(["USA", "CHN"])]
    m = cn.merge(op, on=["iso3", "year"], how="left")
    assert np.allclose(m["pct_favorable"], m["pct_favorable_china"], atol=0.1)
    assert (m["n"] == m["respondents_china"]).all()
    # China is not rated where the derived table has no China row
    assert op["pct_favorable_china"].notna().sum() == len(cn)


@pytest.mark.parametrize("iso3,year,published", [
    # SOURCE.md: Pew/FiveThirtyEight published figures
    ("GBR", 2002, 75), ("GBR", 2007, 51), ("GBR", 2017, 50), ("JPN", 2002, 72),
    ("FRA", 2009, 75), ("CAN", 2017, 43), ("DEU", 2017, 35),
])
def test_opinion_spot_checks(load, iso3, year, published):
    assert abs(_value(load("opinion"), iso3, year, "pct_favorable_us") - published) <= 1


def test_opinion_against_fivethirtyeight(load):
    _need_sources()
    wide = pd.read_csv(PEW538)
    long = (wide.drop(columns="avg").melt(id_vars="year", var_name="name", value_name="pct")
            .dropna())
    long = long[long["year"] >= 2002]  # the 2000 row predates Pew's surveys
    long["iso3"] = long["name"].map(NAMES)
    assert long["iso3"].notna().all()
    m = long.merge(load("opinion"), on=["iso3", "year"], how="inner")
    assert len(m) > 250  # nearly every FiveThirtyEight country-year is in the Pew file
    diff = (m["pct"] - m["pct_favorable_us"]).abs()
    assert (diff <= 2).mean() > 0.95
    assert diff.max() <= 5


def test_opinion_ranges(load):
    op = load("opinion")
    pct = op[["pct_favorable_us", "pct_unfavorable_us", "pct_favorable_china"]]
    assert ((pct.dropna() >= 0) & (pct.dropna() <= 100)).all().all()
    assert (op["pct_favorable_us"] + op["pct_unfavorable_us"] <= 100.1).all()
    assert (op["respondents_us"] >= 300).all()
    assert (op["year"].min(), op["year"].max()) == (2002, 2023)
    assert op.loc[op["iso3"] == "CHN", "pct_favorable_china"].isna().all()  # no self-rating
    assert op["pct_favorable_china"].isna().eq(op["respondents_china"].isna()).all()
    # 1 decimal
    assert np.allclose(op["pct_favorable_us"] * 10, (op["pct_favorable_us"] * 10).round())


# ------------------------------------------------------------------------- coauthorship

def _ncses(file, name_col):
    with open(NCSES / file, newline="", encoding="utf-8") as f:
        out = {}
        for r in csv.DictReader(f):
            for k, v in r.items():
                if k.isdigit() and v not in ("", "na"):
                    out[(NAMES[r[name_col]], int(k))] = float(v)
        return out


def test_coauthorship_equals_raw(load):
    _need_sources()
    co = load("coauthorship")
    us_side = _ncses("table_4906_data.csv", "country")
    partner = _ncses("table_10005_data.csv", "region_country_or_economy")
    got_us = {(r.iso3, r.year): r.share_of_us_articles_pct
              for r in co.dropna(subset=["share_of_us_articles_pct"]).itertuples()}
    got_p = {(r.iso3, r.year): r.partner_articles_with_us_pct
             for r in co.dropna(subset=["partner_articles_with_us_pct"]).itertuples()}
    assert got_us == us_side
    assert got_p == partner
    assert len(co) == len(set(us_side) | set(partner))


def test_coauthorship_years(load):
    co = load("coauthorship")
    us_years = sorted(co.dropna(subset=["share_of_us_articles_pct"])["year"].unique())
    p_years = sorted(co.dropna(subset=["partner_articles_with_us_pct"])["year"].unique())
    assert us_years == list(range(1996, 2021, 2))
    assert p_years == list(range(2003, 2022, 2))
    assert _value(co, "CHN", 2020, "share_of_us_articles_pct") == pytest.approx(26.28)
    assert _value(co, "CAN", 2021, "partner_articles_with_us_pct") == pytest.approx(42.47)


def test_coauthorship_cross_check_2018(load):
    """NCSES table 5a-2 (2018) is not in the table; it only checks the two series."""
    _need_sources()
    co = load("coauthorship")
    with open(NCSES / "table_1812_data.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["country"] != "World"]
    us_col = "share_of_u_s_international_articles_with_coauthor_from_the_country_or_economy"
    p_col = "share_of_country_s_international_articles_with_u_s_coauthor"
    checked_us = checked_p = 0
    for r in rows:
        iso3 = NAMES[r["country"]]
        mine = co[(co["iso3"] == iso3) & (co["year"] == 2018)]
        if not mine.empty and pd.notna(mine["share_of_us_articles_pct"].iloc[0]):
            # same measure, another Scopus extract: within 0.1 point
            assert abs(mine["share_of_us_articles_pct"].iloc[0] - float(r[us_col])) <= 0.1, iso3
            checked_us += 1
        around = co[(co["iso3"] == iso3) & co["year"].isin([2017, 2019])]["partner_articles_with_us_pct"].dropna()
        if len(around) == 2:
            # the 2018 value sits between the 2017 and 2019 values, give or take a point
            assert around.min() - 1 <= float(r[p_col]) <= around.max() + 1, iso3
            checked_p += 1
    assert checked_us == 14 and checked_p >= 10
    assert co.loc[co["year"] == 2018, "partner_articles_with_us_pct"].isna().all()
