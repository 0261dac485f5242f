"""Security ties between the United States and each partner.

Seven tables: alliance pledges (ATOP), US troops stationed in the partner (troopdata),
US arms deliveries (SIPRI), joint military exercises (MME), US bases (Vine), diplomatic
representation (COW Diplomatic Exchange) and shared membership of intergovernmental
organisations (COW IGO). The partner is always the other country in a US dyad; the United
States itself never appears as a partner.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .codes import cow_to_iso3, name_to_iso3
from .core import Table, read_csv, require

US = 2  # COW state number of the United States

# COW states that have no ISO code (no successor that the collection keys by). Rows for them
# are left out of the US-dyad tables; each table says so in its caveats.
COW_WITHOUT_ISO = {
    240: "Hanover", 245: "Bavaria", 267: "Baden", 269: "Saxony", 271: "Wuerttemberg",
    273: "Hesse-Kassel", 275: "Hesse-Darmstadt", 280: "Mecklenburg-Schwerin",
    300: "Austria-Hungary", 329: "Two Sicilies", 332: "Modena", 335: "Parma", 337: "Tuscany",
    730: "Korea (to 1905)",
}
# Where two COW codes give the same iso3 in one year (the year of German and of Yemeni
# unification), the row of the unified state is kept: {code dropped: code kept}.
COW_SUPERSEDED = {260: 255, 678: 679}


def _partner_iso3(df: pd.DataFrame, what: str, source_dir: Path, code: str = "ccode2") -> pd.DataFrame:
    """Add `iso3` for the partner's COW code; drop states without an ISO code and the
    superseded code in unification years; stop on anything else that does not map."""
    df = df[~df[code].isin(list(COW_WITHOUT_ISO))].copy()
    df["iso3"] = cow_to_iso3(df[code], df["year"], source_dir)
    missing = sorted(df.loc[df["iso3"].isna(), code].unique())
    require(not missing, f"{what}: COW codes {missing} have no iso3 and no decision in security.py")
    for old, new in COW_SUPERSEDED.items():
        both = df.loc[df[code] == new, "year"]
        df = df[~((df[code] == old) & df["year"].isin(both))]
    dup = df.duplicated(["iso3", "year"], keep=False)
    require(not dup.any(), f"{what}: several COW codes give one iso3 in a year:\n"
            f"{df.loc[dup, [code, 'year', 'iso3']].head(10)}")
    return df[df["iso3"] != "USA"]


# ------------------------------------------------------------------------------ alliances

@lru_cache(maxsize=2)
def build_alliances(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "atop_alliances" / "atop_alliance_ddy_v5_1.csv"
    raw = read_csv(path)
    flags = {"atop_defense": "defense", "atop_offense": "offense", "atop_neutral": "neutrality",
             "atop_nonagg": "nonaggression", "atop_consul": "consultation"}
    require(set(flags) <= set(raw.columns), f"ATOP: expected columns {list(flags)} in {path.name}")
    us = raw[raw["ccode1"] == US].rename(columns=flags)
    require(len(us) > 5000, f"ATOP: only {len(us)} US dyad-years (about 5,300 expected)")
    require(us[list(flags.values())].isin([0, 1]).all().all(), "ATOP: pledge flags are not 0/1")
    # every US row in the directed dyad-year file is a year with at least one pledge
    require((us[list(flags.values())].sum(axis=1) > 0).all(),
            "ATOP: a US dyad-year has no pledge at all (rows should mean an alliance exists)")
    us = _partner_iso3(us, "ATOP", source_dir)
    level = np.select(
        [(us["defense"] == 1) | (us["offense"] == 1),
         (us["neutrality"] == 1) | (us["consultation"] == 1),
         us["nonaggression"] == 1],
        [3, 2, 1], default=0)
    us["level"] = level.astype("int64")
    cols = ["iso3", "year", *flags.values(), "level"]
    out = us[cols].astype({c: "int64" for c in cols if c != "iso3"})
    # checks against well-known treaties
    gbr = out[out["iso3"] == "GBR"].set_index("year")
    require(gbr.loc[1950:2018, "defense"].eq(1).all(), "ATOP: NATO pledge to the UK missing")
    jpn = out[(out["iso3"] == "JPN") & (out["year"] == 1960)]
    require(len(jpn) == 1 and jpn["defense"].item() == 1, "ATOP: US-Japan treaty pledge missing in 1960")
    return out.reset_index(drop=True)


# ------------------------------------------------------------------------------ troops

TROOP_BASIS = ["December report", "median of reports", "single report", "annual series"]
TROOPS_FIRST_REPORT_YEAR = 1957  # the quarter file's 1950-1956 rows are not usable (see caveats)
ANNUAL_SERIES_LAST_YEAR = 2012   # 1957-2012: the annual series is preferred to the September report
JUNE_ADDED_YEARS = (2014, 2021)  # June rows that add the older annual series to the June report
ANNUAL_SERIES_LABELS = {"Kane 2006", "Stepwise Imputation"}

# Territories and other places (troopdata codes >= 1001, and a few states) without an ISO code
# in the file. A place keeps its own ISO 3166-1 code, or the code of the territory or country it
# lies in; places with no code of their own are left out (None).
TROOP_PLACES = {
    "Gibraltar": "GIB", "Greenland": "GRL", "Diego Garcia": "IOT", "St. Helena": "SHN",
    "Ascension Island": "SHN", "Bermuda": "BMU", "Guam": "GUM", "Hong Kong": "HKG",
    "Mariana Islands": "MNP", "Midway Islands": "UMI", "Wake Island": "UMI",
    "Johnston Island": "UMI", "US Virgin Islands": "VIR", "American Samoa": "ASM",
    "Puerto Rico": "PRI", "Aruba": "ABW", "Antigua": "ATG", "Seychelles": "SYC",
    "Western Sahara": "ESH",
    "British Virgin Islands": "VGB", "Turks and Caicos Islands": "TCA",
    "Eniwetok (J.T.F. 7)": "MHL", "Eniwetok (J.T.F. 7": "MHL",
    "Netherlands Antilles": "ANT",  # former ISO code (codes.py); DMDC reports it to 2014
    "Line Islands": None,          # split between Kiribati and US minor islands
    "Easter Island": None, "Sarawak": None, "Kashmir": None, "British West Indies": None,
    "Aden": None, "Fiji and Tonga": None,
    "Azores": "PRT",               # part of Portugal; the annual series counts it with Portugal
    "Antarctica": None,            # no host state
}


def _troop_iso3(df: pd.DataFrame, source_dir: Path, what: str) -> pd.Series:
    """iso3 of the host: the file's iso3c, else TROOP_PLACES (territories, codes >= 1000 and a
    few places filed under other codes), else the COW code of the state."""
    iso = df["iso3c"].copy()
    # South Vietnam: the quarter file gives it VNM, the annual file files it as "Vietnam"
    south = (df["countryname"] == "South Vietnam") | (
        (df["countryname"] == "Vietnam") & (df["year"] <= 1975))
    iso.loc[south] = "RVN"
    named = iso.isna() & df["countryname"].isin(list(TROOP_PLACES))
    iso.loc[named] = df.loc[named, "countryname"].map(TROOP_PLACES)
    unknown = sorted(set(df.loc[iso.isna() & ~named & (df["ccode"] >= 1000), "countryname"]))
    require(not unknown, f"{what}: places {unknown} need a decision in TROOP_PLACES")
    state = iso.isna() & ~named
    if state.any():
        iso.loc[state] = cow_to_iso3(df.loc[state, "ccode"], df.loc[state, "year"], source_dir)
    # Serbia before 2006 is Yugoslavia / Serbia and Montenegro (codes.py)
    iso = iso.where(~((iso == "SRB") & (df["year"] < 2006)), "YUG")
    left = df.loc[iso.isna() & ~named, ["ccode", "countryname"]].drop_duplicates()
    require(left.empty, f"{what}: hosts without iso3:\n{left}")
    return iso


def _read_troop_file(path: Path) -> pd.DataFrame:
    return read_csv(path, na_values=["", "NA"])


def _doubled_hosts(q: pd.DataFrame) -> set[int]:
    """Hosts whose DMDC report rows are double counts in this version of the quarter file.

    The file was built by joining each report to a country scaffold that held two rows for
    about two dozen states, and summing; every report value of those hosts is twice the
    true value. Two tests find them: (a) nearly all their report values are even, which is
    very unlikely by chance, and (b) the September report is exactly twice the same year's
    annual-series row in most years where both are positive.
    """
    rep = q[q["is_report"] & (q["troops_ad"] > 0) & ~q["june_added"]]
    parity = rep.groupby("ccode")["troops_ad"].agg(n="size", even=lambda s: (s % 2 == 0).mean())
    by_parity = set(parity[(parity["n"] >= 8) & (parity["even"] >= 0.9)].index)
    sept = rep[(rep["month"] == "September") & (rep["year"] < 2014)]
    ann = q[~q["is_report"] & (q["troops_ad"] > 0)]
    both = sept.merge(ann, on=["ccode", "year"], suffixes=("", "_ann"))
    ratio = (both["troops_ad"] == 2 * both["troops_ad_ann"]).groupby(both["ccode"]).mean()
    by_ratio = set(ratio[ratio >= 0.5].index)
    return by_parity | by_ratio


def _round_half_up(x: pd.Series) -> pd.Series:
    return np.floor(x + 0.5).astype("int64")


@lru_cache(maxsize=2)
def troops_reports(source_dir: Path) -> pd.DataFrame:
    """The usable reports of the quarter file, one row per host, year and report, repaired."""
    folder = Path(source_dir) / "us_troops_abroad"
    q = _read_troop_file(folder / "troopdata-rebuild-country-year-quarter-format.csv")
    need = {"ccode", "iso3c", "countryname", "year", "month", "source", "troops_ad"}
    require(need <= set(q.columns), f"troopdata quarter file: missing columns {need - set(q.columns)}")
    require(q["troops_ad"].notna().all(), "troopdata quarter file: empty troops_ad values")
    q = q[(q["ccode"] != US) & q["source"].notna() & (q["year"] >= TROOPS_FIRST_REPORT_YEAR)].copy()
    q["is_report"] = ~q["source"].isin(ANNUAL_SERIES_LABELS)
    q["june_added"] = (q["month"] == "June") & q["year"].between(*JUNE_ADDED_YEARS) & q["is_report"]
    doubled = _doubled_hosts(q)
    require(len(doubled) < 40 and {732, 325, 640} <= doubled,
            f"troopdata: the double-count check found hosts {sorted(doubled)}; this version of the "
            "quarter file doubles about two dozen, including South Korea (732), Italy (325) and "
            "Turkey (640). If the file has been replaced by the authors' corrected version, "
            "remove the halving in security.py")
    # halve the doubled reports (only even values; a report equal to the same year's
    # annual-series row was evidently not doubled)
    ann = q[~q["is_report"]].set_index(["ccode", "year"])["troops_ad"]
    ann = ann[~ann.index.duplicated()]
    same_as_ann = pd.Series(list(zip(q["ccode"], q["year"])), index=q.index).map(ann) == q["troops_ad"]
    halve = q["ccode"].isin(doubled) & q["is_report"] & (q["troops_ad"] % 2 == 0) & ~same_as_ann
    q["troops"] = q["troops_ad"].where(~halve, q["troops_ad"] // 2)
    q = q[~q["june_added"]]
    q["iso3"] = _troop_iso3(q, source_dir, "troopdata quarter file")
    q = q[q["iso3"].notna() & (q["iso3"] != "USA")]
    # parts of one place (Midway, Wake and Johnston; Portugal and the Azores) are added up;
    # two states must never share a code
    key = ["iso3", "year", "month", "is_report"]
    states = q[q["ccode"] < 1000]
    coll = states[states.duplicated(key, keep=False)]
    require(coll.empty, f"troopdata quarter file: two states give one iso3 and report:\n"
            f"{coll[['ccode', 'countryname', 'year', 'month', 'iso3']].head(10)}")
    return q.groupby(key, as_index=False)["troops"].sum()


@lru_cache(maxsize=2)
def build_troops(source_dir: Path) -> pd.DataFrame:
    rep = troops_reports(source_dir)
    key = ["iso3", "year"]
    # DMDC reports: a zero next to a positive report of the same year is a gap in that
    # report, not a count; then December, else the median, never the maximum
    dm = rep[rep["is_report"]]
    pos = dm.groupby(key)["troops"].transform("max") > 0
    dm = dm[~pos | (dm["troops"] > 0)]
    g = dm.groupby(key)
    dmdc = pd.DataFrame({"n": g.size(), "median": g["troops"].median()})
    dmdc["troops"] = _round_half_up(dmdc["median"])
    dmdc["basis"] = np.where(dmdc["n"] > 1, "median of reports", "single report")
    dec = dm[dm["month"] == "December"].set_index(key)["troops"]
    has_dec = dmdc.index.isin(dec.index)
    dmdc.loc[has_dec, "troops"] = dec.reindex(dmdc.index[has_dec]).to_numpy()
    dmdc.loc[has_dec, "basis"] = "December report"
    # the authors' annual series (one row a year, to 2013)
    ann = rep[~rep["is_report"]].groupby(key)["troops"].sum().rename("troops").to_frame()
    ann["basis"] = "annual series"
    # up to ANNUAL_SERIES_LAST_YEAR the annual series wins unless it is zero and a report is
    # not; afterwards the reports win and the annual series only fills a year without one
    both = ann.join(dmdc[["troops"]], how="outer", rsuffix="_dmdc")
    year = both.index.get_level_values("year")
    use_ann = both["troops"].notna() & (
        both["troops_dmdc"].isna()
        | ((year <= ANNUAL_SERIES_LAST_YEAR) & ((both["troops"] > 0) | (both["troops_dmdc"] == 0))))
    out = pd.concat([ann[use_ann.reindex(ann.index)], dmdc.loc[use_ann[~use_ann].index, ["troops", "basis"]]])
    out = out.reset_index()[["iso3", "year", "troops", "basis"]]
    out = out[out["troops"] > 0]

    # 1950-1956: the published country-year file (the authors' annual series)
    folder = Path(source_dir) / "us_troops_abroad"
    cy = _read_troop_file(folder / "troopdata-rebuild-country-year.csv")
    cy = cy[(cy["year"] < TROOPS_FIRST_REPORT_YEAR) & (cy["ccode"] != US) & (cy["troops_ad"] > 0)].copy()
    cy["iso3"] = _troop_iso3(cy, source_dir, "troopdata country-year file")
    cy = cy[cy["iso3"].notna() & (cy["iso3"] != "USA")]
    early = (cy.groupby(["iso3", "year"], as_index=False)["troops_ad"].sum()
               .rename(columns={"troops_ad": "troops"}))
    early["basis"] = "annual series"
    out = pd.concat([early, out], ignore_index=True)
    out["troops"] = out["troops"].astype("int64")
    out["basis"] = pd.Categorical(out["basis"], categories=TROOP_BASIS, ordered=True)

    # checks named in SOURCE.md
    jpn = out[(out["iso3"] == "JPN") & out["year"].between(2018, 2021)]["troops"]
    require(len(jpn) == 4 and jpn.between(40_000, 70_000).all(),
            f"troopdata: Japan 2018-2021 should be about 55,000, got {jpn.tolist()}")
    kor = out[(out["iso3"] == "KOR") & (out["year"] == 2020)]["troops"]
    require(len(kor) == 1 and kor.item() < 35_000,
            f"troopdata: South Korea 2020 looks double counted ({kor.tolist()})")
    return out


# ------------------------------------------------------------------------------ arms

SIPRI_NAMES = {
    # SIPRI spellings, decided one by one (the automatic matches are confirmed here too)
    "UAE": "ARE", "Viet Nam": "VNM", "South Vietnam": "RVN",
    "North Yemen": "YEM",       # Yemen Arab Republic; continued as unified Yemen (codes.py)
    "Yugoslavia": "YUG",        # SIPRI's Yugoslavia rows end in 1984
    "Serbia": "SRB",            # SIPRI's Serbia row has deliveries only after 2006 (COW 345 = SRB)
    "Micronesia": "FSM", "Czechia": "CZE", "Kosovo": "XKX", "DR Congo": "COD", "Congo": "COG",
    "Saint Vincent": "VCT", "Bosnia-Herzegovina": "BIH", "North Macedonia": "MKD",
    "Cote d'Ivoire": "CIV", "Taiwan": "TWN", "Palau": "PLW", "Marshall Islands": "MHL",
}


@lru_cache(maxsize=2)
def build_arms(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "sipri_us_arms_exports" / "us-arms-exports.csv"
    raw = read_csv(path)
    require(raw.columns[0] == "recipient", "SIPRI: first column should be 'recipient'")
    years = [c for c in raw.columns[1:]]
    require(all(c.isdigit() for c in years), f"SIPRI: unexpected year columns {years[:3]}...")
    require(raw["recipient"].is_unique, "SIPRI: a recipient appears twice")
    long = raw.melt(id_vars="recipient", var_name="year", value_name="tiv").dropna(subset=["tiv"])
    require((long["tiv"] >= 0).all() and (long["tiv"] == long["tiv"].round()).all(),
            "SIPRI: TIV values should be whole, non-negative numbers")
    long["year"] = long["year"].astype("int64")
    long["iso3"] = name_to_iso3(long["recipient"], source_dir, overrides=SIPRI_NAMES,
                                what="the SIPRI arms-exports table")
    # the Serbia row must not reach back into the years of Yugoslavia / Serbia-Montenegro
    require(long.loc[long["recipient"] == "Serbia", "year"].min() >= 2006,
            "SIPRI: 'Serbia' has deliveries before 2006; map them to YUG")
    require(not long.duplicated(["iso3", "year"]).any(),
            "SIPRI: two recipient rows give one iso3 in the same year")
    long = long[long["iso3"] != "USA"]
    out = long[["iso3", "year"]].copy()
    out["tiv_millions"] = long["tiv"].astype("int64")
    return out.reset_index(drop=True)


# ------------------------------------------------------------------------------ exercises

MME_NAMES = {
    "-9": None,                   # participant not known
    "NATO": None, "Baltic States": None,  # organisations and groups, not one state
    "Netherlands Antilles": "ANT",  # former ISO code (codes.py)
    "st. christopher": "KNA",     # St Christopher (St Kitts) and Nevis
    "Federal Republic of Germany": "DEU", "German Democratic Republic": "DDR",
    "Czechoslovakia": "CSK", "Yugoslavia": "YUG", "Russia": "RUS",
    "Hong Kong SAR China": "HKG", "Congo - Brazzaville": "COG", "Congo - Kinshasa": "COD",
}


@lru_cache(maxsize=2)
def build_exercises(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "military_exercises_mme" / "mme_v7.csv"
    raw = read_csv(path, dtype=str)
    # the header ends with a comma: pandas adds one unnamed, empty column
    unnamed = [c for c in raw.columns if c.startswith("Unnamed")]
    require(len(raw) > 3500, f"MME: {len(raw)} exercises, about 3,700 expected")
    state_cols = [c for c in raw.columns if c.startswith("State")]
    require(len(state_cols) == 39, f"MME: {len(state_cols)} participant columns, 39 expected")
    raw = raw.drop(columns=unnamed).reset_index(names="exercise")  # MMEID is not unique
    raw["year"] = pd.to_numeric(raw["s.year"], errors="raise").astype("int64")
    long = raw.melt(id_vars=["exercise", "year"], value_vars=state_cols,
                    value_name="name").dropna(subset=["name"])
    long["name"] = long["name"].str.strip()
    long["iso3"] = name_to_iso3(long["name"], source_dir, overrides=MME_NAMES,
                                what="the MME participant lists")
    # "Serbia" before 2006 is the Federal Republic of Yugoslavia / Serbia and Montenegro
    long.loc[(long["iso3"] == "SRB") & (long["year"] < 2006), "iso3"] = "YUG"
    long = long.dropna(subset=["iso3"]).drop_duplicates(["exercise", "iso3"])
    with_us = set(long.loc[long["iso3"] == "USA", "exercise"])
    require(1800 < len(with_us) < 2000, f"MME: {len(with_us)} exercises with the US, 1,882 expected")
    joint = long[long["exercise"].isin(with_us) & (long["iso3"] != "USA")]
    out = joint.groupby(["iso3", "year"]).size().rename("exercises").reset_index()
    out["exercises"] = out["exercises"].astype("int64")
    return out


# ------------------------------------------------------------------------------ bases

# The file gives the sovereign state's code for every site; US territories are listed under
# their own codes instead (as in the troops table), and two codes in the file are corrected.
BASE_PLACES = {
    "Guam": "GUM", "Puerto Rico": "PRI", "American Samoa": "ASM",
    "Northern Mariana Islands": "MNP", "Virgin Islands": "VIR",
    "Johnston Atoll": "UMI", "Wake Island": "UMI",
}
BASE_CODE_FIXES = {"Congo, Democratic Republic": "COD", "Kosovo": "XKX"}


@lru_cache(maxsize=2)
def build_bases(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "us_military_bases_vine" / "basedata.csv"
    raw = read_csv(path, encoding="latin-1")
    flags = ["base", "lilypad", "fundedsite"]
    require(set(flags + ["countryname", "iso3c"]) <= set(raw.columns), "bases: unexpected columns")
    require(raw[flags].isin([0, 1]).all().all(), "bases: site type flags are not 0/1")
    require((raw[flags].sum(axis=1) >= 1).all(), "bases: a site has no type")
    raw = raw[raw["countryname"] != "Antarctica"].copy()  # no host state
    iso = raw["iso3c"].copy()
    us_rows = iso == "USA"
    unknown = sorted(set(raw.loc[us_rows, "countryname"]) - set(BASE_PLACES))
    require(not unknown, f"bases: US territories {unknown} need a code in BASE_PLACES")
    iso.loc[us_rows] = raw.loc[us_rows, "countryname"].map(BASE_PLACES)
    fix = raw["countryname"].isin(list(BASE_CODE_FIXES))
    iso.loc[fix] = raw.loc[fix, "countryname"].map(BASE_CODE_FIXES)
    require(iso.notna().all(), "bases: sites without a country code")
    raw["iso3"] = iso
    out = raw.groupby("iso3").agg(major_bases=("base", "sum"), small_sites=("lilypad", "sum"),
                                  host_funded_sites=("fundedsite", "sum"),
                                  all_sites=("base", "size")).reset_index()
    for c in ["major_bases", "small_sites", "host_funded_sites", "all_sites"]:
        out[c] = out[c].astype("int64")
    return out


# ------------------------------------------------------------------------------ diplomacy

DIPLOMATIC_LEVELS = ["none", "chargé d'affaires", "minister", "ambassador", "other"]
_LEVEL_CODES = {0: "none", 1: "chargé d'affaires", 2: "minister", 3: "ambassador", 9: "other"}


@lru_cache(maxsize=2)
def build_diplomacy(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "cow_diplomatic_exchange_v2006" / "Diplomatic_Exchange_2006v1.csv"
    raw = read_csv(path)
    need = {"ccode1", "ccode2", "year", "DR_at_1", "DR_at_2", "DE"}
    require(need <= set(raw.columns), f"COW diplomatic exchange: missing {need - set(raw.columns)}")
    us = raw[raw["ccode1"] == US].copy()
    for c in ["DR_at_1", "DR_at_2"]:
        bad = set(us[c]) - set(_LEVEL_CODES)
        require(not bad, f"COW diplomatic exchange: unknown level codes {bad} in {c}")
    require(us["DE"].isin([0, 1]).all(), "COW diplomatic exchange: DE is not 0/1")
    # The file is directed and each pair appears both ways; the two directions must agree.
    back = raw[raw["ccode2"] == US].rename(columns={"ccode1": "ccode2", "ccode2": "ccode1",
                                                   "DR_at_1": "DR_at_2", "DR_at_2": "DR_at_1"})
    both = us.merge(back, on=["ccode1", "ccode2", "year"], suffixes=("", "_back"))
    require(len(both) == len(us) and (both["DR_at_1"] == both["DR_at_1_back"]).all()
            and (both["DR_at_2"] == both["DR_at_2_back"]).all(),
            "COW diplomatic exchange: the (2, x) and (x, 2) rows disagree")
    us = _partner_iso3(us, "COW diplomatic exchange", source_dir)
    # Codebook: DR_at_1 = representation of side 2 at side 1, DR_at_2 = of side 1 at side 2.
    # With the US as side 1: DR_at_2 is the US mission in the partner's capital.
    out = pd.DataFrame({
        "iso3": us["iso3"].to_numpy(),
        "year": us["year"].astype("int64").to_numpy(),
        "us_in_partner": us["DR_at_2"].map(_LEVEL_CODES).to_numpy(),
        "partner_in_us": us["DR_at_1"].map(_LEVEL_CODES).to_numpy(),
        "exchange": us["DE"].eq(1).to_numpy(),
    })
    for c in ["us_in_partner", "partner_in_us"]:
        out[c] = pd.Categorical(out[c], categories=DIPLOMATIC_LEVELS, ordered=True)
    # direction check with a known asymmetry: Prussia kept a minister in Washington from 1817,
    # the US had no mission in Berlin until 1835
    prussia = out[(out["iso3"] == "DEU") & (out["year"] == 1817)]
    require(len(prussia) == 1 and prussia["us_in_partner"].item() == "none"
            and prussia["partner_in_us"].item() == "minister",
            "COW diplomatic exchange: the US-Prussia levels of 1817 do not show the expected direction")
    return out


# ------------------------------------------------------------------------------ igo

@lru_cache(maxsize=2)
def build_igo(source_dir: Path) -> pd.DataFrame:
    folder = Path(source_dir) / "cow_igo_memberships"
    ndy = read_csv(folder / "cow_igo_ndy.csv.gz")
    sy = read_csv(folder / "cow_igo_sy.csv")
    require({"ccode1", "ccode2", "year", "dyadigos"} <= set(ndy.columns), "COW IGO: dyadic columns")
    require({"ccode", "year", "sum_igo_full"} <= set(sy.columns), "COW IGO: state-year columns")
    require(not (ndy["ccode2"] == US).any(), "COW IGO: the US should always be ccode1 in the dyads")
    us = ndy[ndy["ccode1"] == US].copy()
    require(us["dyadigos"].notna().all(), "COW IGO: missing shared-membership counts")
    full = sy.set_index(["ccode", "year"])["sum_igo_full"]
    require(full.index.is_unique, "COW IGO: state-year file has duplicate rows")
    us["partner_igos"] = full.reindex(pd.MultiIndex.from_arrays([us["ccode2"], us["year"]])).to_numpy()
    us["us_igos"] = full.xs(US, level="ccode").reindex(us["year"]).to_numpy()
    require(us[["partner_igos", "us_igos"]].notna().all().all(),
            "COW IGO: a dyad-year has no state-year membership count")
    require((us["dyadigos"] <= us[["partner_igos", "us_igos"]].min(axis=1)).all(),
            "COW IGO: shared memberships exceed one side's full memberships")
    us = _partner_iso3(us, "COW IGO", source_dir)
    out = pd.DataFrame({
        "iso3": us["iso3"].to_numpy(),
        "year": us["year"].astype("int64").to_numpy(),
        "shared_igos": us["dyadigos"].astype("int64").to_numpy(),
        "partner_igos": us["partner_igos"].astype("int64").to_numpy(),
        "us_igos": us["us_igos"].astype("int64").to_numpy(),
    })
    return out


# ------------------------------------------------------------------------------ tables

_NO_ISO_STATES = ("the German states before unification (Bavaria, Saxony, ...), the Italian "
                  "states before unification (Two Sicilies, Tuscany, ...), Austria-Hungary and "
                  "the Korean kingdom before 1905 have no ISO code and are left out")

TABLES = [
    Table(
        name="alliances",
        # no year span in the title: ATOP covers 1815-2018, but rows start at the first US alliance
        title="US alliance pledges with each partner (ATOP v5.1)",
        description=(
            "One row per partner and year in which the United States had a formal alliance with "
            "the partner, with the kinds of pledge the alliance treaties contain, from the "
            "Alliance Treaty Obligations and Provisions project. ATOP v5.1 covers 1815-2018, so a "
            "partner-year in that span that is absent means no alliance; the rows start with the "
            "first US alliance in it. The pledges are those the United States made to the partner "
            "(ATOP directed dyads with the US as the first state)."),
        sources=["atop", "countrycode"],
        columns={
            "iso3": "ISO 3166 alpha-3 code of the partner",
            "year": "calendar year",
            "defense": "1 if the US pledged to defend the partner if attacked, else 0",
            "offense": "1 if the US pledged offensive support to the partner, else 0",
            "neutrality": "1 if the US pledged to stay neutral in a conflict involving the partner, else 0",
            "nonaggression": "1 if the US pledged not to attack the partner, else 0",
            "consultation": "1 if the US pledged to consult the partner in a crisis, else 0",
            "level": ("strongest pledge, 0-3: 3 = defence or offence, 2 = neutrality or "
                      "consultation, 1 = non-aggression only"),
        },
        primary_key=["iso3", "year"],
        build=build_alliances,
        caveats=[
            "Rows exist only for years with an alliance; add the missing years as level 0 before "
            "averaging or comparing portfolios.",
            "ATOP records pledges per direction: for Japan (1951-2018), Pakistan (1973-2018), "
            "Iran (1959-1979), Israel (1981-1991) and Portugal (1944-1946) the US pledged "
            "defence without a matching pledge back, so these flags describe the US side only.",
            "In 1990 both West Germany and unified Germany appear; the unified state's row is kept.",
            "Version 5.1 ends in 2018.",
        ],
    ),
    Table(
        name="troops",
        title="US military personnel stationed in each partner, 1950-2025",
        description=(
            "Active-duty US military personnel assigned to each host country or territory, one "
            "row per host and year with at least one person, from the Defense Manpower Data "
            "Center (DMDC) reports as rebuilt by Allen, Flynn and Martinez Machain (troopdata). "
            "From 2013, when DMDC reports come quarterly, the annual value is the December "
            "report when there is one, otherwise the median of the year's reports, never the "
            "maximum (which picks up double-counted quarters). For 1950-2012 it is the "
            "authors' annual series (Tim Kane's series to 2005), with the September report "
            "where the annual series has no number."),
        sources=["troops", "countrycode"],
        columns={
            "iso3": "ISO 3166 alpha-3 code of the host country or territory",
            "year": "calendar year",
            "troops": "active-duty US military personnel (persons; no guard, reserve or civilians)",
            "basis": ("how the annual number was chosen: 'December report', 'median of reports' "
                      "(median of the year's DMDC reports), 'single report' (the year's only "
                      "report), or 'annual series' (the authors' annual series, 1950-2012)"),
        },
        primary_key=["iso3", "year"],
        build=build_troops,
        ordered={"basis": TROOP_BASIS},
        caveats=[
            "A missing host-year means no personnel reported (or no report): rows with zero "
            "troops are left out.",
            "The version of the quarterly file used here double counts about two dozen hosts "
            "(among them South Korea, Italy, Turkey, Romania, Sri Lanka and South Vietnam): "
            "their DMDC report values are exactly twice the real ones, because each report was "
            "joined to two rows per state and summed (the authors later found and fixed this). "
            "Those hosts are found from the data (their report values are almost all even, and "
            "twice the annual series) and their report values are halved.",
            "June rows for 2014-2021 are about double the other quarters for nearly every host "
            "(they appear to add the authors' older annual series to the June report; Japan "
            "about 108,000 instead of 55,000), so they are not used. Rows without a "
            "source (zero-filled quarters such as December 2022 and March-June 2023) are not "
            "used either.",
            "1957-2012: the quarterly file holds two rows a year, the annual series (labelled "
            "June) and a re-read September report. They often differ in what they cover (Japan "
            "before 1972, where the annual series appears to include Okinawa; Greece and the "
            "Philippines in the 1960s, where the September report appears to include ships in "
            "port; Portugal, where the annual series includes the Azores), so the annual series "
            "is used, which is also what the authors' own country-year file mostly holds.",
            "1950-1956 come from the authors' country-year file: the quarterly file's rows for "
            "those years are about double (triple for the double-counted hosts). 1951 and 1952 "
            "are the authors' interpolations, not reports.",
            "Among the DMDC reports of one year, a zero next to a positive report is treated as "
            "a gap in that report, not as zero.",
            "The DMDC country reports leave out most personnel deployed in contingency "
            "operations (Iraq, Afghanistan, Syria; from the December 2017 report also most of "
            "the personnel in Kuwait, Qatar, Jordan and other nearby states), so those numbers "
            "are far below the real deployments; Iraq 2018-2020 has "
            "no sourced report and is missing.",
            "Rotational deployments make some hosts swing within a year (Australia 2019: 284 in "
            "December, 5,210 in one June row); the December rule gives the end-of-year number.",
            "Territories keep their own ISO code (Guam GUM, Puerto Rico PRI, Greenland GRL, "
            "Diego Garcia IOT, Midway/Wake/Johnston UMI, Ascension SHN, Eniwetok MHL); the "
            "Azores count with Portugal; places with no code (British West Indies, Kashmir, "
            "Line Islands, Easter Island, Sarawak, Aden, Antarctica) are left out; the "
            "Netherlands Antilles are ANT, their former ISO code, as long as DMDC names them. South Vietnam is RVN, Serbia before 2006 YUG; US personnel in "
            "Asmara (Kagnew Station) are under Eritrea to 1961 and Ethiopia from 1962, as in the "
            "source; Hong "
            "Kong is HKG to 1996 and counted with China afterwards by the source.",
            "Annual values that are the median of two reports are rounded half up to whole persons.",
        ],
    ),
    Table(
        name="arms",
        title="US deliveries of major arms to each partner (SIPRI TIV), 1950-2020",
        description=(
            "Deliveries of major conventional weapons from the United States to each recipient, "
            "in millions of SIPRI trend-indicator values (TIV). TIV measures the military "
            "capability transferred, priced on production costs; it is not money paid and not "
            "in dollars. One row per recipient and year with a recorded delivery."),
        sources=["sipri", "countrycode"],
        columns={
            "iso3": "ISO 3166 alpha-3 code of the recipient",
            "year": "calendar year of delivery",
            "tiv_millions": ("deliveries in millions of SIPRI trend-indicator values (TIV; not "
                             "US dollars); 0 = a delivery worth less than 0.5 million TIV"),
        },
        primary_key=["iso3", "year"],
        build=build_arms,
        caveats=[
            "An absent recipient-year means no recorded delivery; 0 means a small delivery "
            "(below 0.5 million TIV), not none.",
            "TIV is a volume index, not a price: compare countries and years with it, but do not "
            "add it to trade or aid in dollars.",
            "Deliveries are lumpy (one frigate can make a year); SIPRI itself prefers 5-year sums.",
            "Names follow SIPRI: Germany includes West Germany before 1990; North Yemen is keyed "
            "YEM, South Vietnam RVN, Yugoslavia YUG and Serbia (deliveries only after 2006) SRB.",
            "Non-state recipients (NATO, the UN, rebel groups) are not in this extract.",
        ],
    ),
    Table(
        name="exercises",
        title="Joint military exercises with the US (MME v7), 1980-2010",
        description=(
            "Number of multinational military exercises, by start year, in which both the "
            "United States and the partner took part, from the Multinational Military Exercises "
            "data set. One row per partner and year with at least one joint exercise."),
        sources=["mme", "countrycode"],
        columns={
            "iso3": "ISO 3166 alpha-3 code of the partner",
            "year": "year the exercise started",
            "exercises": "exercises in which both the US and the partner participated (count)",
        },
        primary_key=["iso3", "year"],
        build=build_exercises,
        caveats=[
            "An absent partner-year between 1980 and 2010 means no joint exercise recorded.",
            "Each exercise counts once per partner, whatever its size or length; an exercise "
            "with 30 participants counts as much as a bilateral one.",
            "The exercise identifier MMEID is not unique in the file, so exercises are counted "
            "by row.",
            "Participants recorded as unknown (-9), NATO or the Baltic States are not counted; "
            "the Netherlands Antilles are ANT, West Germany is keyed DEU, East Germany DDR, the Soviet "
            "Union RUS, and 'Serbia' before 2006 YUG.",
        ],
    ),
    Table(
        name="bases",
        title="US military bases and sites abroad (Vine, to 2018)",
        description=(
            "Counts of US military facilities in each host country from David Vine's list, "
            "updated to 2018 by Allen, Flynn and Martinez Machain. Not a time series: one row "
            "per host with at least one site."),
        sources=["bases", "countrycode"],
        columns={
            "iso3": "ISO 3166 alpha-3 code of the host country",
            "major_bases": "major US bases (count)",
            "small_sites": ("small sites ('lily pads': under 200 personnel or 'other site' in "
                            "Pentagon reports) (count)"),
            "host_funded_sites": "host-state bases funded by the US (count)",
            "all_sites": "all listed sites of any kind (count)",
        },
        primary_key=["iso3"],
        build=build_bases,
        caveats=[
            "A snapshot that mixes sites from the Cold War period through 2018; it does not say "
            "when a site opened or closed.",
            "Sites in other countries' territories count under the sovereign state, as in the "
            "source (Diego Garcia and Ascension under GBR, Greenland under DNK, Aruba under "
            "NLD, Hong Kong under CHN); sites in US territories are keyed by the territory "
            "(GUM, PRI, ASM, MNP, VIR, UMI). The troops table keys all territories by their own "
            "codes. McMurdo Station in Antarctica (filed under NZL in the source) is left out: "
            "Antarctica has no host state.",
            "The source's codes for the Democratic Republic of the Congo (COG) and Kosovo (KSV) "
            "are corrected to COD and XKX.",
            "One site in Peru is both a small site and a host-funded site, so all_sites can be "
            "less than the sum of the three counts.",
        ],
    ),
    Table(
        name="diplomacy",
        title="Diplomatic representation between the US and each partner (COW), 1817-2005",
        description=(
            "The level of diplomatic representation each side kept in the other's capital, at "
            "the Correlates of War observation years (1817, 1824, 1827, 1832, 1836, 1840, then "
            "every five years to 1914, 1920-1940 and 1950-2005)."),
        sources=["cow_dipl", "countrycode"],
        columns={
            "iso3": "ISO 3166 alpha-3 code of the partner",
            "year": "observation year",
            "us_in_partner": "level of the US mission in the partner's capital",
            "partner_in_us": "level of the partner's mission in Washington",
            "exchange": "True if at least one side was represented in the other (COW DE)",
        },
        primary_key=["iso3", "year"],
        build=build_diplomacy,
        ordered={"us_in_partner": DIPLOMATIC_LEVELS, "partner_in_us": DIPLOMATIC_LEVELS},
        caveats=[
            "Observation years are about five years apart (ten between 1940 and 1950); do not "
            "read the years in between as missing changes.",
            "1950-1965: the source codes every exchange as 'other', so levels are unknown for "
            "those years.",
            "'other' (interest sections, consulates, unknown level) is listed last but is not a "
            "level above ambassador; drop or recode it before using the order.",
            "From 1985 only resident missions count (before 1980 also envoys accredited from a "
            "neighbouring capital), so levels can drop between 1980 and 1985.",
            "exchange is the source's flag, kept as given: in 36 rows it is False although one "
            "side is coded 'other' (the codebook counts 'other' as an exchange only in "
            "1950-1965).",
            "In 1990 the rows of unified Germany and unified Yemen are kept, not those of West "
            "Germany and North Yemen. " + _NO_ISO_STATES[0].upper() + _NO_ISO_STATES[1:] + ".",
        ],
    ),
    Table(
        name="igo",
        title="Shared membership of intergovernmental organisations (COW IGO v3), 1816-2014",
        description=(
            "For each partner and year: the number of intergovernmental organisations in which "
            "both the partner and the United States were full members, with each side's total "
            "number of full memberships, from the Correlates of War IGO data v3.0."),
        sources=["cow_igo", "countrycode"],
        columns={
            "iso3": "ISO 3166 alpha-3 code of the partner",
            "year": "calendar year",
            "shared_igos": "organisations in which both the US and the partner are full members (count)",
            "partner_igos": "organisations in which the partner is a full member (count)",
            "us_igos": "organisations in which the US is a full member (count)",
        },
        primary_key=["iso3", "year"],
        build=build_igo,
        caveats=[
            "Counts treat every organisation alike, from the UN to a commodity study group.",
            "Only full memberships count; associate and observer status are left out.",
            "Rows are the US dyad-years of the source's dyadic summary, including years with no "
            "shared membership (0).",
            _NO_ISO_STATES[0].upper() + _NO_ISO_STATES[1:] + ".",
        ],
    ),
]
