"""Economy tables: trade (Census), trade_history (TRADHIST), investment (BEA), economy (World Bank).

The built tables are read with helpers.load. Expected values are either published figures
quoted in the sources' SOURCE.md files or recomputed here straight from the raw files (with
openpyxl or the csv module, never through the recipe); those checks are skipped, with the
reason, when the raw sources are not beside the project.
"""
import csv
from collections import defaultdict

import numpy as np
import pytest

from conftest import SOURCES

TABLES = ["trade", "trade_history", "investment", "economy"]
CENSUS_XLSX = SOURCES / "us_census_trade_by_country" / "country.xlsx"
TRADHIST_CSV = SOURCES / "tradhist_us_bilateral_trade" / "tradeflow_xx.csv"
BEA_OUT = SOURCES / "bea_us_direct_investment_abroad_flows"
WB = SOURCES / "worldbank_gdp_population"
CODELIST = SOURCES / "country_codes_cow_iso" / "codelist_without_cldr.csv"
# keys the collection uses besides the ISO codes in the codelist (data/recipe/codes.py)
EXTRA_KEYS = {"XKX", "DDR", "CSK", "YUG", "YMD", "RVN", "ZAN", "ANT"}


def _need_sources():
    if not SOURCES.is_dir():
        pytest.skip(f"the raw sources folder {SOURCES} is not beside the project; "
                    "the checks against the raw files need it")


@pytest.fixture(scope="module")
def valid_keys():
    _need_sources()
    with open(CODELIST, newline="", encoding="utf-8") as f:
        iso = {row["iso3c"] for row in csv.DictReader(f) if row["iso3c"]}
    return iso | EXTRA_KEYS


def _value(df, iso3, year, col):
    hit = df[(df["iso3"] == iso3) & (df["year"] == year)]
    assert len(hit) == 1, f"no single row for {iso3} {year}"
    return hit[col].iloc[0]


@pytest.mark.parametrize("name", TABLES)
def test_columns_keys_and_codes(load, valid_keys, name):
    df = load(name)
    expected = {
        "trade": ["iso3", "year", "exports_musd", "imports_musd"],
        "trade_history": ["iso3", "year", "exports_share_pct", "imports_share_pct", "trade_share_pct"],
        "investment": ["iso3", "year", "fdi_in_us_position_musd", "us_outflow_musd"],
        "economy": ["iso3", "year", "gdp_musd", "population"],
    }[name]
    assert list(df.columns) == expected
    assert not df.duplicated(["iso3", "year"]).any()
    assert df["year"].dtype == "int64"
    assert set(df["iso3"]) <= valid_keys, sorted(set(df["iso3"]) - valid_keys)
    if name != "economy":
        assert "USA" not in set(df["iso3"])


# ------------------------------------------------------------------------------- trade

@pytest.fixture(scope="module")
def census():
    """The Census workbook read with openpyxl: {(year, CTYNAME): [(code, exports, imports), ...]}."""
    _need_sources()
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(CENSUS_XLSX, read_only=True)
    rows = wb["country"].iter_rows(values_only=True)
    head = next(rows)
    yi, ci, ni, ei, ii = (head.index(c) for c in ("year", "CTY_CODE", "CTYNAME", "EYR", "IYR"))
    out = defaultdict(list)
    for r in rows:
        out[(int(r[yi]), str(r[ni]).strip())].append((int(r[ci]), float(r[ei]), float(r[ii])))
    wb.close()
    return out


def test_trade_years(load):
    trade = load("trade")
    assert sorted(trade["year"].unique()) == list(range(1985, 2023))  # 2023 (January only) dropped
    assert (trade[["exports_musd", "imports_musd"]] >= 0).all().all()
    assert trade.groupby("year").size().loc[1992:].min() > 200
    assert trade.groupby("year").size().loc[:1991].max() < 100


@pytest.mark.parametrize("year,name,iso3", [
    (2022, "China", "CHN"), (2022, "Canada", "CAN"), (2022, "Mexico", "MEX"),
    (2022, "United Kingdom", "GBR"), (2022, "Korea, South", "KOR"), (1985, "Japan", "JPN"),
    (2000, "Taiwan", "TWN"), (1995, "Hong Kong", "HKG"), (2019, "Kosovo", "XKX"),
])
def test_trade_equals_workbook(load, census, year, name, iso3):
    (code, exports, imports), = census[(year, name)]
    trade = load("trade")
    assert _value(trade, iso3, year, "exports_musd") == pytest.approx(exports, abs=0.001)
    assert _value(trade, iso3, year, "imports_musd") == pytest.approx(imports, abs=0.001)


def test_trade_published_2022_china(load):
    # Census's published 2022 totals with China: exports $153.8 bn, imports $536.8 bn
    trade = load("trade")
    assert _value(trade, "CHN", 2022, "exports_musd") == pytest.approx(153_800, abs=100)
    assert _value(trade, "CHN", 2022, "imports_musd") == pytest.approx(536_800, abs=100)


def test_trade_two_codes_are_added(load, census):
    trade = load("trade")
    for year, name, iso3 in [(2011, "Sudan", "SDN"), (1993, "Ethiopia", "ETH"), (1993, "Israel", "ISR")]:
        rows = census[(year, name)]
        assert len(rows) == 2
        assert _value(trade, iso3, year, "exports_musd") == pytest.approx(sum(r[1] for r in rows), abs=0.002)
        assert _value(trade, iso3, year, "imports_musd") == pytest.approx(sum(r[2] for r in rows), abs=0.002)
    gaza, = census[(2010, "Gaza Strip admin. by Israel")]
    west, = census[(2010, "West Bank admin. by Israel")]
    assert _value(trade, "PSE", 2010, "exports_musd") == pytest.approx(gaza[1] + west[1], abs=0.002)


def test_trade_former_states(load, census):
    trade = load("trade")
    (_, ussr_x, _), = census[(1991, "USSR")]
    assert _value(trade, "RUS", 1991, "exports_musd") == pytest.approx(ussr_x, abs=0.001)
    # from 1992 Russia is Russia alone (the USSR code's 1992 residual is dropped)
    (_, rus_x, _), = census[(1992, "Russia")]
    assert _value(trade, "RUS", 1992, "exports_musd") == pytest.approx(rus_x, abs=0.001)
    assert trade.loc[trade["iso3"] == "CSK", "year"].max() == 1992
    (_, sm_x, _), = census[(1992, "Serbia and Montenegro")]
    assert _value(trade, "YUG", 1992, "exports_musd") == pytest.approx(sm_x, abs=0.001)
    assert trade.loc[trade["iso3"] == "YUG", "year"].max() == 2006
    assert trade.loc[trade["iso3"] == "SRB", "year"].min() == 2007


def test_trade_adds_up_to_world_total(load, census):
    """From 1992 the partners add up to Census's 'World, Not Seasonally Adjusted' row (code 15),
    less exactly the rows the table leaves out on purpose."""
    trade = load("trade")
    sums = trade.groupby("year")[["exports_musd", "imports_musd"]].sum()
    not_partners = {"Unidentified Countries", "International Organizations", "Iraq-Saudi Arabia Neutral Zone"}
    after_breakup = {"USSR": 1991, "Yugoslavia (former)": 1991, "Czechoslovakia": 1992}
    for year in range(1992, 2023):
        world = [r for (y, _), rows in census.items() if y == year for r in rows if r[0] == 15]
        assert len(world) == 1
        _, wx, wm = world[0]
        left_out = [r for (y, name), rows in census.items() if y == year for r in rows
                    if r[0] >= 1000 and (name in not_partners or year > after_breakup.get(name, 9999))]
        gap_x = wx - sums.loc[year, "exports_musd"]
        gap_m = wm - sums.loc[year, "imports_musd"]
        assert gap_x == pytest.approx(sum(r[1] for r in left_out), abs=0.5 + 1.2e-4 * wx)
        assert gap_m == pytest.approx(sum(r[2] for r in left_out), abs=0.5 + 1.2e-4 * wm)
        # and what is left out is small
        assert abs(gap_x) < 0.005 * wx and abs(gap_m) < 0.005 * wm


# ----------------------------------------------------------------------- trade_history

@pytest.fixture(scope="module")
def tradhist():
    """US rows of the TRADHIST extract, read with the csv module (values in pounds)."""
    _need_sources()
    with open(TRADHIST_CSV, newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter=";")
        head = [h.strip() for h in next(reader)]
        rows = [dict(zip(head, (c.strip() for c in r))) for r in reader]
    num = lambda s: float(s) if s not in ("", "NA") else np.nan  # noqa: E731
    return [{"iso": r["destination_country_code"], "year": int(r["year"]),
             "x": num(r["exports"]), "m": num(r["imports"])}
            for r in rows if r["origin_country_code"] == "USA"]


def test_trade_history_only_shares(load):
    th = load("trade_history")
    shares = th[["exports_share_pct", "imports_share_pct", "trade_share_pct"]]
    assert (shares.dropna() >= 0).all().all() and (shares.dropna() <= 100).all().all()
    assert th["year"].min() == 1870 and th["year"].max() == 2014
    # shares add up to 100% per year, less Hawaii (in the totals, without a row) and rounding
    sums = th.groupby("year")["exports_share_pct"].sum()
    assert sums.between(95, 100.01).all()
    assert (sums.loc[1920:] > 99.9).all()
    assert {"ROM", "YAR", "HWI"}.isdisjoint(th["iso3"])
    assert {"ROU", "YEM"} <= set(th["iso3"])


@pytest.mark.parametrize("iso3,year", [("GBR", 1870), ("GBR", 1900), ("FRA", 1913), ("JPN", 1960),
                                       ("CAN", 1990), ("CHN", 2014), ("MEX", 2014)])
def test_trade_history_shares_recomputed(load, tradhist, iso3, year):
    rows = [r for r in tradhist if r["year"] == year]
    tot_x = np.nansum([r["x"] for r in rows])
    tot_m = np.nansum([r["m"] for r in rows])
    me, = [r for r in rows if r["iso"] == iso3]
    th = load("trade_history")
    assert _value(th, iso3, year, "exports_share_pct") == pytest.approx(100 * me["x"] / tot_x, rel=1e-4)
    assert _value(th, iso3, year, "imports_share_pct") == pytest.approx(100 * me["m"] / tot_m, rel=1e-4)
    assert _value(th, iso3, year, "trade_share_pct") == pytest.approx(
        100 * (me["x"] + me["m"]) / (tot_x + tot_m), rel=1e-4)


def test_trade_history_known_history(load):
    th = load("trade_history")
    # SOURCE.md: US exports to the UK in 1900 were about £139 m, the UK the largest market
    uk = th[th["year"] == 1900].set_index("iso3")["exports_share_pct"]
    assert uk.idxmax() == "GBR" and 35 < uk["GBR"] < 50
    # Canada is the largest partner in 2014 by exports
    assert th[th["year"] == 2014].set_index("iso3")["exports_share_pct"].idxmax() == "CAN"


# -------------------------------------------------------------------------- investment

def test_investment_fdi_2019_published(load):
    inv = load("investment")
    # SOURCE.md, BEA position 2019 ($ million)
    for iso3, value in {"GBR": 505_088, "JPN": 619_259, "FRA": 282_226, "AUS": 80_974,
                        "CHN": 37_685, "IND": 5_009}.items():
        assert _value(inv, iso3, 2019, "fdi_in_us_position_musd") == value
    # countries add up to less than All countries (4,458,362): suppressed cells and groups are out
    total = inv.loc[inv["year"] == 2019, "fdi_in_us_position_musd"].sum()
    assert 0.9 * 4_458_362 < total < 4_458_362


def test_investment_years_and_symbols(load):
    inv = load("investment")
    pos = inv.dropna(subset=["fdi_in_us_position_musd"])
    out = inv.dropna(subset=["us_outflow_musd"])
    assert (pos["year"].min(), pos["year"].max()) == (2008, 2019)
    assert (out["year"].min(), out["year"].max()) == (1966, 2016)
    assert (out["us_outflow_musd"] < 0).any()  # flows can be negative
    assert inv[["fdi_in_us_position_musd", "us_outflow_musd"]].notna().any(axis=1).all()
    # (*) is stored as 0: Sudan 2012-2019 is (*) in the position table
    assert _value(inv, "SDN", 2015, "fdi_in_us_position_musd") == 0
    # (D) is missing: French Guiana 2011 is (D), with no outflow value, so there is no row
    assert inv[(inv["iso3"] == "GUF") & (inv["year"] == 2011)].empty
    # 'Tongo' is Tonga
    assert "TON" in set(pos["iso3"])


def _bea_row(file, name):
    with open(BEA_OUT / file, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        head = next(reader)
        for r in reader:
            if r[0].strip() == name:
                return dict(zip(head[1:], r[1:]))
    raise KeyError(name)


@pytest.mark.parametrize("file,name,iso3,year", [
    ("fdi_us_1982_2016.csv", "United Kingdom", "GBR", 2016),
    ("fdi_us_1982_2016.csv", "Canada", "CAN", 1982),
    ("fdi_us_1982_2016.csv", "Japan", "JPN", 2014),
    ("fdi_us_1982_2016.csv", "Germany, Federal Republic of", "DEU", 2010),
    ("fdi_us_1982_2016.csv", "Korea, Republic of", "KOR", 2000),
    ("fdi_us_1982_2016.csv", "China", "CHN", 2016),
    ("fdi_us_1977_1981.csv", "Germany, Federal Republic of", "DEU", 1979),
    ("fdi_us_1977_1981.csv", "South Korea", "KOR", 1980),
    ("fdi_us_1966_1976.csv", "United Kingdom", "GBR", 1966),
    ("fdi_us_1966_1976.csv", "Japan", "JPN", 1975),
])
def test_investment_outflows_equal_raw(load, file, name, iso3, year):
    _need_sources()
    cell = _bea_row(file, name)[str(year)]
    assert _value(load("investment"), iso3, year, "us_outflow_musd") == float(cell.replace(",", ""))


def test_investment_regions_not_counted_as_countries(load):
    _need_sources()
    inv = load("investment")
    # the UK row, not 'United Kingdom Islands, Caribbean', is GBR
    uk = float(_bea_row("fdi_us_1982_2016.csv", "United Kingdom")["2010"].replace(",", ""))
    assert _value(inv, "GBR", 2010, "us_outflow_musd") == uk
    # Belgium 1970 is the Belgium row, not 'Belgium and Luxembourg'
    be = float(_bea_row("fdi_us_1966_1976.csv", "Belgium")["1970"].replace(",", ""))
    assert _value(inv, "BEL", 1970, "us_outflow_musd") == be
    # Yugoslavia (1966-1981 tables) is keyed YUG; the Soviet Union (1977-1981) is all (D): no rows
    assert _value(inv, "YUG", 1977, "us_outflow_musd") == 1
    assert inv[(inv["iso3"] == "RUS") & inv["year"].between(1977, 1981)].empty


# ----------------------------------------------------------------------------- economy

def test_economy_gdp_published(load):
    eco = load("economy")
    # SOURCE.md sample values, GDP 2023 in US$ bn
    for iso3, bn in {"USA": 27_360.9, "CHN": 17_794.8, "JPN": 4_212.9, "GBR": 3_340.0,
                     "FRA": 3_030.9, "IND": 3_549.9, "AUS": 1_723.8}.items():
        assert _value(eco, iso3, 2023, "gdp_musd") / 1000 == pytest.approx(bn, abs=0.06)


def test_economy_countries_only(load):
    eco = load("economy")
    codes = set(eco["iso3"])
    assert {"WLD", "EUU", "HIC", "OED", "EAS", "ARB", "CHI"}.isdisjoint(codes)
    assert {"USA", "XKX", "CHN", "IND", "GBR"} <= codes
    assert 200 <= len(codes) <= 220
    assert (eco["year"].min(), eco["year"].max()) == (1960, 2024)
    assert eco["population"].dtype == "int64" and (eco["population"] > 0).all()
    assert eco.loc[eco["year"] == 2024, "gdp_musd"].isna().all()


def test_economy_population_and_georgia(load):
    _need_sources()
    with open(WB / "population.csv", newline="", encoding="utf-8") as f:
        pop = {(r["Country Code"], int(r["Year"])): int(r["Value"]) for r in csv.DictReader(f)}
    eco = load("economy")
    for iso3, year in [("USA", 2024), ("USA", 1960), ("NAM", 2000), ("XKX", 2020), ("IND", 2023)]:
        assert _value(eco, iso3, year, "population") == pop[(iso3, year)]
    # Georgia 1987-1989: implausible GDP left missing; 1990 kept
    geo = eco[eco["iso3"] == "GEO"].set_index("year")["gdp_musd"]
    assert geo.loc[[1987, 1988, 1989]].isna().all()
    assert geo.loc[1990] == pytest.approx(7500, rel=1e-6)
    # nothing else is implausibly small
    per_person = eco["gdp_musd"] * 1e6 / eco["population"]
    assert (per_person.dropna() > 10).all()
