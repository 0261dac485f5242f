"""Economic ties: goods trade (Census, TRADHIST), direct investment (BEA), GDP and population.

Tables: `trade`, `trade_history`, `investment`, `economy`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .codes import codelist, name_to_iso3
from .core import Table, read_csv, require


def _sig(values: pd.Series, digits: int) -> pd.Series:
    """Round to `digits` significant digits (missing values stay missing)."""
    out = [float(f"{v:.{digits}g}") if pd.notna(v) else np.nan for v in values.to_numpy(float)]
    return pd.Series(out, index=values.index, dtype="float64")


# ============================================================================ trade (Census)

CENSUS_FIRST, CENSUS_LAST = 1985, 2022

# Census spellings that the countrycode patterns do not resolve on their own.
CENSUS_NAMES = {
    "Micronesia": "FSM",
    "Netherlands Antilles": "ANT",         # former ISO 3166 code, withdrawn 2010
    "Serbia and Montenegro": "YUG",        # the collection's key for Yugoslavia / Serbia and Montenegro
    "Gaza Strip admin. by Israel": "PSE",  # both parts of the Palestinian territories
    "West Bank admin. by Israel": "PSE",
    "Iraq-Saudi Arabia Neutral Zone": None,  # not a state
    "International Organizations": None,
    "Unidentified Countries": None,
}

# A code of a state that broke up stays in the workbook after the break-up, with a small
# residual in the first year and zeros afterwards. Keep it only while the state existed.
CENSUS_LAST_YEAR_OF = {
    "USSR": 1991,                  # Russia and the other successors have their own rows from 1992
    "Yugoslavia (former)": 1991,   # from 1992: Serbia and Montenegro, Croatia, Slovenia, ...
    "Czechoslovakia": 1992,        # Czech Republic and Slovakia from 1993
}


@lru_cache(maxsize=2)
def _census_raw(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "us_census_trade_by_country" / "country.xlsx"
    df = pd.read_excel(path, sheet_name="country", engine="openpyxl")
    need = {"year", "CTY_CODE", "CTYNAME", "IYR", "EYR", "EFEB", "EDEC", "IFEB", "IDEC"}
    require(need <= set(df.columns),
            f"country.xlsx: sheet 'country' lacks columns {sorted(need - set(df.columns))}")
    return df


def build_trade(source_dir: Path) -> pd.DataFrame:
    raw = _census_raw(source_dir)
    # 2023 holds January only: the later months are zero. Drop it (and anything later).
    late = raw[raw["year"] > CENSUS_LAST]
    require(late.empty or late[["EFEB", "EDEC", "IFEB", "IDEC"]].abs().to_numpy().sum() == 0,
            "country.xlsx: years after 2022 now have data beyond January; the workbook is a "
            "newer edition than the one this recipe expects")
    df = raw[(raw["CTY_CODE"] >= 1000) & raw["year"].between(CENSUS_FIRST, CENSUS_LAST)].copy()
    require(sorted(df["year"].unique()) == list(range(CENSUS_FIRST, CENSUS_LAST + 1)),
            "country.xlsx: some years between 1985 and 2022 have no country rows")
    require(df[["IYR", "EYR"]].notna().all().all(), "country.xlsx: missing annual totals (IYR/EYR)")
    df["CTYNAME"] = df["CTYNAME"].str.strip()
    last = df["CTYNAME"].map(CENSUS_LAST_YEAR_OF)
    df = df[last.isna() | (df["year"] <= last)]
    df["iso3"] = name_to_iso3(df["CTYNAME"], source_dir, overrides=CENSUS_NAMES,
                              what="the Census trade workbook (CTYNAME)")
    df = df[df["iso3"].notna() & (df["iso3"] != "USA")]
    # Several Census codes can belong to one partner in a year (an old and a new code for
    # Ethiopia, Israel and Sudan; Gaza Strip and West Bank): add them up.
    out = (df.groupby(["iso3", "year"], as_index=False)[["EYR", "IYR"]].sum()
           .rename(columns={"EYR": "exports_musd", "IYR": "imports_musd"}))
    for col in ("exports_musd", "imports_musd"):
        out[col] = out[col].round(3)
    out["year"] = out["year"].astype("int64")
    return out[["iso3", "year", "exports_musd", "imports_musd"]]


TRADE = Table(
    name="trade",
    title="US goods trade with each partner, 1985-2022 (Census)",
    description=("Annual value of US exports of goods to, and US imports of goods from, each "
                 "partner country or territory, as recorded by the US Census Bureau (Census "
                 "basis, not seasonally adjusted). One row per partner and year."),
    sources=["census", "countrycode"],
    columns={
        "iso3": "partner country or territory, ISO 3166 alpha-3 code",
        "year": "calendar year",
        "exports_musd": "US exports of goods to the partner, millions of current US dollars (total exports, f.a.s. value)",
        "imports_musd": "US imports of goods from the partner, millions of current US dollars (general imports, customs value)",
    },
    primary_key=["iso3", "year"],
    build=build_trade,
    caveats=[
        "Values are in current dollars: use a price index before comparing years far apart.",
        "From 1985 to 1991 the workbook lists only about 75 major partners; from 1992 it lists "
        "about 230 countries and territories. A partner missing in early years is not a zero.",
        "2023 is left out because the workbook has January 2023 only.",
        "Exports include re-exports of foreign goods; imports are general imports, credited to "
        "the country of origin. Services are not included.",
        "The Soviet Union (1985-1991) is keyed RUS, Yugoslavia (to 1991) and Serbia and "
        "Montenegro (1992-2006) YUG, and Czechoslovakia (to 1992) CSK. The old codes keep a "
        "small residual after the break-up (1992 for the Soviet Union and Yugoslavia) and zeros "
        "later; those rows are dropped because they cannot be given to one successor state.",
        "Where two Census codes belong to one partner in the same year they are added up: the "
        "old and new codes of Ethiopia (the old one, which included Eritrea, has values in 1993 "
        "and zeros later), Israel (the old code is all zeros), Sudan (2011, the year South Sudan "
        "became independent), and the Gaza Strip and the West Bank, which together form PSE.",
        "Territories are kept as partners with their own ISO codes (e.g. HKG, MAC, TWN, ABW). "
        "The Netherlands Antilles (to 2011) is keyed ANT, its former ISO code. 'International "
        "Organizations', 'Unidentified Countries' and the Iraq-Saudi Arabia Neutral Zone are dropped.",
        "Germany has a single row in the workbook for every year; East Germany is not listed.",
    ],
)


# ================================================================ trade_history (TRADHIST)

# TRADHIST codes that differ from the collection's keys
TRADHIST_CODES = {"ROM": "ROU", "YAR": "YEM"}
# Partners kept in the yearly totals but not published as rows (no ISO code)
TRADHIST_UNKEYED = {"HWI"}  # Kingdom of Hawaii, before it entered US statistics


def build_trade_history(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "tradhist_us_bilateral_trade" / "tradeflow_xx.csv"
    df = read_csv(path, sep=";")
    df.columns = df.columns.str.strip()
    need = ["destination_country_code", "origin_country_code", "year", "imports", "exports"]
    require(list(df.columns) == need,
            f"tradeflow_xx.csv: expected columns {need}, found {list(df.columns)}")
    for col in ("destination_country_code", "origin_country_code"):
        df[col] = df[col].str.strip()
    us = df[df["origin_country_code"] == "USA"].copy()
    require(len(us) > 10_000, "tradeflow_xx.csv: too few rows with origin USA")
    require(not (us["destination_country_code"] == "USA").any(),
            "tradeflow_xx.csv: the USA appears as its own partner")
    require(not us.duplicated(["destination_country_code", "year"]).any(),
            "tradeflow_xx.csv: duplicate partner-years for origin USA")
    require((us[["imports", "exports"]].dropna() >= 0).all().all(),
            "tradeflow_xx.csv: negative trade values")
    # Totals over every partner with data in the year (the values are in pounds; only
    # the shares are published)
    tot = us.groupby("year")[["exports", "imports"]].sum(min_count=1)
    tot.columns = ["tot_exp", "tot_imp"]
    us = us.join(tot, on="year")
    us["exports_share_pct"] = 100 * us["exports"] / us["tot_exp"]
    us["imports_share_pct"] = 100 * us["imports"] / us["tot_imp"]
    both = us["exports"].notna() & us["imports"].notna()
    us["trade_share_pct"] = (100 * (us["exports"] + us["imports"])
                             / (us["tot_exp"] + us["tot_imp"])).where(both)
    us = us[~us["destination_country_code"].isin(TRADHIST_UNKEYED)]
    us = us[us["exports"].notna() | us["imports"].notna()]
    us["iso3"] = us["destination_country_code"].replace(TRADHIST_CODES)
    known = set(codelist(source_dir)["iso3c"].dropna()) | {"ANT", "YUG", "YMD"}
    unknown = sorted(set(us["iso3"]) - known)
    require(not unknown, f"tradeflow_xx.csv: partner codes with no decision in the recipe: {unknown}")
    require(not us.duplicated(["iso3", "year"]).any(),
            "tradeflow_xx.csv: two partner codes fall on the same iso3 and year")
    cols = ["exports_share_pct", "imports_share_pct", "trade_share_pct"]
    for col in cols:
        us[col] = _sig(us[col], 5)
    us["year"] = us["year"].astype("int64")
    return us[["iso3", "year", *cols]].reset_index(drop=True)


TRADE_HISTORY = Table(
    name="trade_history",
    title="Each partner's share of US trade, 1870-2014 (TRADHIST)",
    description=("For each year since 1870, the share (%) of US exports, imports and total "
                 "goods trade (exports + imports) that went to or came from each partner, from "
                 "CEPII's historical bilateral trade database TRADHIST. Shares only: the "
                 "underlying values are in current British pounds and are not published here."),
    sources=["tradhist", "countrycode"],
    columns={
        "iso3": "partner country or territory, ISO 3166 alpha-3 code",
        "year": "calendar year",
        "exports_share_pct": "US exports to the partner as % of US exports to all partners with data that year (0-100)",
        "imports_share_pct": "US imports from the partner as % of US imports from all partners with data that year (0-100)",
        "trade_share_pct": "US exports + imports with the partner as % of US exports + imports with all partners with data that year (0-100); missing if either flow is missing",
    },
    primary_key=["iso3", "year"],
    build=build_trade_history,
    caveats=[
        "The denominator is the sum over the partners TRADHIST covers in that year, not official "
        "US trade totals. Coverage grows from about 35 partners in 1870 to about 200 after "
        "1990, so early shares are shares of the trade that is recorded.",
        "TRADHIST's values are in current British pounds (the extract's own documentation "
        "wrongly says US dollars). Shares do not depend on the currency, which is why only "
        "shares are published; for dollar values after 1985 use the trade table.",
        "Gaps in the extract: no rows for Russia or the Soviet Union before 1992, none for "
        "Czechoslovakia, none for Germany from 1950 to 1990 (neither West nor East Germany), and "
        "none for India before 1948. Those partners are also missing from the yearly totals, "
        "so the other partners' shares are larger in those years.",
        "The codes follow TRADHIST for Serbia and Yugoslavia: YUG is used for Serbia in some years "
        "before 1918 (SRB in 1909-1915, both in 1912), for Yugoslavia, and up to 2009 for Serbia "
        "(and Montenegro); there is no MNE row and no SRB row after 1915.",
        "Puerto Rico (to 1900), Guam (to 1908) and the Danish West Indies / US Virgin Islands "
        "(to 1915) appear as partners until they entered US statistics, under their present "
        "ISO codes. Hawaii (1884-1900) counts in the totals but has no row, having no ISO code.",
        "Codes changed to the collection's keys: ROM to ROU (Romania), YAR (Yemen Arab Republic) "
        "to YEM. ANT (Netherlands Antilles), YUG (Yugoslavia) and YMD (South Yemen) are kept.",
        "Rows where both flows are missing are dropped; a zero is a recorded zero.",
        "Shares are rounded to 5 significant digits.",
    ],
)


# =========================================================================== investment (BEA)

# Region totals, sub-totals and groups of territories in the BEA tables (dropped)
_BEA_GROUPS = [
    "All countries", "Developed countries", "Developing countries", "Europe", "Other Europe",
    "European Communities (9)", "European Communities (10)", "Belgium and Luxembourg",
    "Other", "Unallocated/1/", "International and nec/2/", "International/2/",
    "Latin America and Other Western Hemisphere", "Latin American Republics",
    "South and Central America", "South America", "Central America", "Other Central America",
    "Other Western Hemisphere", "Africa", "Other Africa", "Saharan", "Sub-Saharan",
    "Middle East", "OPEC", "Asia and Pacific", "Other Asia and Pacific",
    "Australia, New Zealand and South Africa", "Australia, New Zealand, and South Africa",
    "British Islands", "French Islands", "French Islands, Caribbean", "French Islands, Indian Ocean",
    "French Islands, Pacific", "United Kingdom Associated States",
    "United Kingdom Islands, Caribbean", "United Kingdom Islands, Atlantic (OWH)",
    "United Kingdom Islands, Atlantic (Africa)", "United Kingdom Islands, Indian Ocean",
    "United Kingdom Islands, Pacific", "Netherlands Islands, Caribbean",
    "Neutral Zone",  # Saudi Arabia-Kuwait neutral zone, not a state
    "Okinawa",       # under US administration to 1972; Japan has its own row
]
BEA_NAMES: dict[str, str | None] = {name: None for name in _BEA_GROUPS}
BEA_NAMES.update({
    "Netherlands Antilles": "ANT",
    "Central African Empire": "CAF",
    "Portuguese Timor": "TLS",
    "Micronesia": "FSM",
    "Tongo": "TON",  # typo for Tonga in the saved table
})


def _bea_number(cells: pd.Series, what: str) -> pd.Series:
    """BEA cell text to a number: (D) and blanks missing, (*) zero (see caveats)."""
    text = cells.fillna("").astype(str).str.strip().str.replace(",", "", regex=False)
    text = text.replace({"(D)": "", "--": "", "#": "", "(*)": "0"})
    bad = text[(text != "") & ~text.str.fullmatch(r"-?\d+(\.\d+)?")]
    require(bad.empty, f"{what}: cells that are neither numbers nor BEA symbols: {sorted(set(bad))[:10]}")
    return pd.to_numeric(text.replace("", np.nan))


def _fdi_in_us(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "bea_fdi_in_us_position" / "FDI-USA_beaGOV_.csv"
    raw = pd.read_csv(path, header=None, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    require(raw.iloc[3, 0].strip() == "All countries",
            "FDI-USA_beaGOV_.csv: line 4 should be the 'All countries' year header")
    years = [int(y) for y in raw.iloc[3, 1:13]]
    require(years == list(range(2008, 2020)), f"FDI-USA_beaGOV_.csv: unexpected years {years}")
    body = raw.iloc[5:, :13].copy()
    body.columns = ["name", *years]
    body["name"] = body["name"].str.strip().str.replace(r"\s+\d+$", "", regex=True)
    body = body[body["name"] != ""]
    body["iso3"] = name_to_iso3(body["name"], source_dir, overrides=BEA_NAMES,
                                what="the BEA FDI-in-the-US position table")
    body = body[body["iso3"].notna()]
    long = body.melt(id_vars=["name", "iso3"], value_vars=years, var_name="year", value_name="cell")
    long["fdi_in_us_position_musd"] = _bea_number(long["cell"], "FDI-USA_beaGOV_.csv")
    require(not long.duplicated(["iso3", "year"]).any(),
            "FDI-USA_beaGOV_.csv: two rows fall on the same country")
    return long[["iso3", "year", "fdi_in_us_position_musd"]]


OUTFLOW_FILES = ["fdi_us_1966_1976.csv", "fdi_us_1977_1981.csv", "fdi_us_1982_2016.csv"]


def _us_outflows(source_dir: Path) -> pd.DataFrame:
    parts = []
    for name in OUTFLOW_FILES:
        path = Path(source_dir) / "bea_us_direct_investment_abroad_flows" / name
        raw = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
        require(raw.columns[0] == "country_name", f"{name}: first column should be country_name")
        years = [c for c in raw.columns[1:]]
        require(all(re.fullmatch(r"\d{4}", y) for y in years), f"{name}: year columns expected, got {years}")
        raw["country_name"] = raw["country_name"].str.strip()
        raw = raw[raw["country_name"] != ""]
        raw["iso3"] = name_to_iso3(raw["country_name"], source_dir, overrides=BEA_NAMES,
                                   what=f"the BEA outflow table {name}")
        raw = raw[raw["iso3"].notna()]
        long = raw.melt(id_vars=["country_name", "iso3"], value_vars=years, var_name="year",
                        value_name="cell")
        long["year"] = long["year"].astype(int)
        long["us_outflow_musd"] = _bea_number(long["cell"], name)
        parts.append(long[["iso3", "year", "us_outflow_musd"]])
    out = pd.concat(parts, ignore_index=True)
    require(not out.duplicated(["iso3", "year"]).any(),
            "BEA outflow tables: two rows fall on the same country and year")
    return out


def build_investment(source_dir: Path) -> pd.DataFrame:
    out = _fdi_in_us(source_dir).merge(_us_outflows(source_dir), on=["iso3", "year"], how="outer")
    out = out[out["iso3"] != "USA"]
    out = out[out["fdi_in_us_position_musd"].notna() | out["us_outflow_musd"].notna()]
    out["year"] = out["year"].astype("int64")
    for col in ("fdi_in_us_position_musd", "us_outflow_musd"):
        out[col] = out[col].astype("float64")
    return out[["iso3", "year", "fdi_in_us_position_musd", "us_outflow_musd"]].reset_index(drop=True)


INVESTMENT = Table(
    name="investment",
    title="Direct investment between the US and each partner (BEA)",
    description=("Two direct-investment measures from the US Bureau of Economic Analysis, side "
                 "by side: the stock of the partner's direct investment in the United States "
                 "(2008-2019) and the yearly flow of US direct investment into the partner "
                 "(1966-2016). One row per partner and year with at least one value."),
    sources=["bea_fdi_in_us", "bea_usdia", "countrycode"],
    columns={
        "iso3": "partner country or territory, ISO 3166 alpha-3 code",
        "year": "calendar year (position at year end)",
        "fdi_in_us_position_musd": ("direct investment position in the US of investors from the "
                                    "partner, historical-cost basis, year end, millions of current "
                                    "US dollars (2008-2019)"),
        "us_outflow_musd": ("US direct investment financial outflows to the partner during the "
                            "year, without current-cost adjustment, millions of current US "
                            "dollars; negative when US parents withdrew more than they put in "
                            "(1966-2016)"),
    },
    primary_key=["iso3", "year"],
    build=build_investment,
    caveats=[
        "The two columns measure different things: a stock (foreign investment held in the US "
        "at the end of the year) and a flow (new US investment abroad during the year, which "
        "can be negative). They also point in opposite directions.",
        "BEA assigns investment to the country of the immediate investor or affiliate, so "
        "holding-company hubs (Luxembourg, the Netherlands, Ireland, Switzerland, UK Caribbean "
        "islands) look much larger than the economies behind them.",
        "(D), suppressed by BEA to avoid disclosing individual companies, is missing; so are "
        "cells marked not available or left blank. (*), less than $500,000 in absolute value, "
        "is stored as 0: the tables are in whole millions, so 0 is that value at their precision.",
        "Region and sub-region totals, 'Other' rows and groups of territories (UK, French and "
        "Dutch islands, the UK Associated States, Belgium and Luxembourg together in 1966-1976) "
        "are dropped. Okinawa (1966-1971, under US administration) is dropped rather than added "
        "to Japan. Rows with neither value are dropped.",
        "The outflow tables list about 165 countries in 1966-1981 but only about 50 named "
        "countries in 1982-2016; smaller partners are then inside regional 'Other' rows.",
        "Names were matched across three outflow tables with different spellings (e.g. "
        "'Germany, Federal Republic of' also for unified Germany after 1990, 'Korea, Republic "
        "of', 'South Korea'). The Soviet Union is keyed RUS, Yemen (Aden) YMD, Yemen (Sanaa) "
        "YEM, Netherlands Antilles ANT, Portuguese Timor TLS. 'Tongo' in the position table is Tonga.",
    ],
)


# ================================================================= economy (World Bank)

# Georgia 1987-1989 is listed with a GDP six orders of magnitude too small; values that imply less than $10 per person are treated as missing.
_MIN_GDP_PER_PERSON = 10.0


def build_economy(source_dir: Path) -> pd.DataFrame:
    folder = Path(source_dir) / "worldbank_gdp_population"
    gdp = read_csv(folder / "gdp.csv")
    pop = read_csv(folder / "population.csv")
    cols = ["Country Name", "Country Code", "Year", "Value"]
    for what, df in (("gdp.csv", gdp), ("population.csv", pop)):
        require(list(df.columns) == cols, f"{what}: expected columns {cols}, found {list(df.columns)}")
        require(not df.duplicated(["Country Code", "Year"]).any(), f"{what}: duplicate country-years")
    keep = set(codelist(source_dir)["iso3c"].dropna()) | {"XKX"}
    gdp = gdp[gdp["Country Code"].isin(keep)].rename(columns={"Value": "gdp"})
    pop = pop[pop["Country Code"].isin(keep)].rename(columns={"Value": "population"})
    out = pop[["Country Code", "Year", "population"]].merge(
        gdp[["Country Code", "Year", "gdp"]], on=["Country Code", "Year"], how="outer")
    require(out["population"].notna().all(), "World Bank: GDP listed for a country-year without population")
    bad = out["gdp"] / out["population"] < _MIN_GDP_PER_PERSON
    require(bad.sum() <= 5, f"World Bank: {int(bad.sum())} implausibly small GDP values")
    out.loc[bad, "gdp"] = np.nan
    out = out.rename(columns={"Country Code": "iso3", "Year": "year"})
    out["gdp_musd"] = _sig(out["gdp"] / 1e6, 6)
    out["population"] = out["population"].astype("int64")
    out["year"] = out["year"].astype("int64")
    return out[["iso3", "year", "gdp_musd", "population"]]


ECONOMY = Table(
    name="economy",
    title="GDP and population by country, 1960-2024 (World Bank)",
    description=("Gross domestic product in current US dollars and total population for every "
                 "country in the World Bank's World Development Indicators, including the "
                 "United States, for normalising the other tables (trade as a share of GDP, "
                 "students per million people)."),
    sources=["worldbank", "countrycode"],
    columns={
        "iso3": "country or territory, ISO 3166 alpha-3 code (XKX for Kosovo)",
        "year": "calendar year",
        "gdp_musd": "GDP at market prices, millions of current US dollars (NY.GDP.MKTP.CD), 6 significant digits",
        "population": "total population, mid-year estimate, persons (SP.POP.TOTL)",
    },
    primary_key=["iso3", "year"],
    build=build_economy,
    caveats=[
        "Current dollars at market exchange rates: use a deflator before comparing years, and "
        "remember that exchange rates move GDP in dollars.",
        "Only countries and territories are kept: World Bank aggregates (World, income groups, "
        "regions, EU, OECD, ...) are dropped, as is the Channel Islands row (no ISO code). "
        "Taiwan is not in the World Bank data.",
        "GDP ends in 2023 and population in 2024, so 2024 rows have population only; some "
        "countries start later than 1960.",
        "Georgia's GDP for 1987-1989 is far too small in the source to be right (a few "
        "thousandths of a dollar per person); GDP values below $10 per person are left missing.",
        "The World Bank revises back years; these are the values of the release downloaded in early 2026.",
    ],
)


TABLES = [TRADE, TRADE_HISTORY, INVESTMENT, ECONOMY]
