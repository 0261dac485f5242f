"""People-to-people and opinion ties: students (IIE), public opinion (Pew), co-authorship (NCSES).

Tables: `students`, `opinion`, `coauthorship`.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .codes import name_to_iso3
from .core import Table, read_csv, require


# ======================================================================= students (IIE)

# IIE spellings the countrycode patterns do not resolve, and rows that are not a place
IIE_NAMES: dict[str, str | None] = {
    "Netherlands Antilles": "ANT",      # former ISO code, withdrawn 2010 (to 2012/13 here)
    "Serbia and Montenegro": "YUG",     # the collection's key for Yugoslavia / Serbia and Montenegro
    "Yugoslavia, Former": "YUG",        # only to 2005/06, see IIE_LAST_YEAR_OF
    "U.S.S.R., Former": None,           # long gone; cannot be given to one successor
    "Czechoslovakia, Former": None,
    "Stateless": None,
    "Micronesia, Federate States of": "FSM",
    "GuineaBissau": "GNB",
    "TimorLeste": "TLS",
    "Holy See": "VAT",
}
# "Yugoslavia, Former": up to 2002 the state called Yugoslavia existed (Serbia and Montenegro,
# which has zeros under its own name until 2003/04). Serbia and Montenegro split in 2006;
# afterwards the label is a residual that belongs to no single state.
IIE_LAST_YEAR_OF = {"Yugoslavia, Former": 2005, "Serbia and Montenegro": 2005}


def _iie_origin(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / "iie_open_doors_students" / "origin.csv"
    df = read_csv(path)
    need = ["year", "origin_region", "origin", "academic_type", "students"]
    require(list(df.columns) == need, f"origin.csv: expected columns {need}, found {list(df.columns)}")
    require(df["year"].str.fullmatch(r"\d{4}/\d{2}").all(), "origin.csv: years not in the form 2022/23")
    require(df["students"].notna().all() and (df["students"] >= 0).all(),
            "origin.csv: missing or negative student counts")
    require(not df.duplicated(["year", "origin", "academic_type"]).any(),
            "origin.csv: duplicate (year, origin, academic_type) rows")
    levels = {"Graduate", "Undergraduate", "Other", "Non-Degree", "OPT"}
    require(set(df["academic_type"]) <= levels,
            f"origin.csv: unknown academic_type {sorted(set(df['academic_type']) - levels)}")
    return df


def build_students(source_dir: Path) -> pd.DataFrame:
    df = _iie_origin(source_dir)
    df["start"] = df["year"].str[:4].astype(int)
    # the two-digit end must follow the start (2022/23)
    require(((df["start"] + 1) % 100 == df["year"].str[5:].astype(int)).all(),
            "origin.csv: academic years whose second half does not follow the first")
    df["origin"] = df["origin"].str.strip()
    df = df[~df["origin"].str.endswith(", Unspecified")]
    last = df["origin"].map(IIE_LAST_YEAR_OF)
    df = df[last.isna() | (df["start"] <= last)]
    df["iso3"] = name_to_iso3(df["origin"], source_dir, overrides=IIE_NAMES,
                              what="the IIE Open Doors origin table")
    df = df[df["iso3"].notna() & (df["iso3"] != "USA")]
    df["level"] = df["academic_type"].map(
        {"Graduate": "graduate", "Undergraduate": "undergraduate"}).fillna("other")
    wide = (df.pivot_table(index=["iso3", "start", "year"], columns="level", values="students",
                           aggfunc="sum", fill_value=0)
            .reset_index())
    for col in ("graduate", "undergraduate", "other"):
        if col not in wide:
            wide[col] = 0
    wide["students"] = wide[["graduate", "undergraduate", "other"]].sum(axis=1)
    out = wide.rename(columns={"year": "academic_year"}).rename(columns={"start": "year"})
    cols = ["iso3", "year", "academic_year", "students", "graduate", "undergraduate", "other"]
    out = out[cols].copy()
    out.columns.name = None
    for col in cols[3:]:
        out[col] = out[col].astype("int64")
    out["year"] = out["year"].astype("int64")
    out["academic_year"] = out["academic_year"].astype(str)
    return out


STUDENTS = Table(
    name="students",
    title="International students in the US by place of origin, 2000/01-2022/23 (IIE Open Doors)",
    description=("Number of students from each country or place enrolled at US colleges and "
                 "universities on non-immigrant visas, by academic level, from the Institute "
                 "of International Education's Open Doors census. One row per place of origin "
                 "and academic year."),
    sources=["iie", "countrycode"],
    columns={
        "iso3": "place of origin, ISO 3166 alpha-3 code",
        "year": "first calendar year of the academic year (2022 for 2022/23, i.e. fall 2022)",
        "academic_year": "academic year as IIE writes it, e.g. 2022/23",
        "students": "international students from the place, all levels (count)",
        "graduate": "students in graduate programmes (count)",
        "undergraduate": "students in undergraduate programmes (count)",
        "other": ("all other students: 'Other' until 2005/06; non-degree students plus those on "
                  "Optional Practical Training (OPT) from 2006/07 (count)"),
    },
    primary_key=["iso3", "year"],
    build=build_students,
    caveats=[
        "Academic years, not calendar years: year 2022 is the academic year 2022/23, counted in fall 2022.",
        "Students on Optional Practical Training (work after graduation) are counted by IIE as "
        "international students and are in 'other' and in the total.",
        "Rows IIE labels '..., Unspecified' (a region without a country) and 'Stateless' are "
        "dropped, so the sum over this table is slightly below IIE's national total (by a few "
        "to a few hundred students a year, 0.1% at most).",
        "'U.S.S.R., Former' and 'Czechoslovakia, Former' (up to about a hundred students a "
        "year, listed until 2005/06) are dropped: they cannot be given to one successor state.",
        "'Yugoslavia, Former' and 'Serbia and Montenegro' are added up under YUG until 2005/06 "
        "(the Federal Republic of Yugoslavia, renamed Serbia and Montenegro in 2003). From "
        "2006/07 Serbia (SRB) and Montenegro (MNE) have their own rows; the few hundred students "
        "still listed as 'Yugoslavia, Former' in 2006/07-2009/10 are dropped.",
        "Places IIE lists separately are kept with their own codes, whatever their status: "
        "Hong Kong (HKG), Macau (MAC), Taiwan (TWN), the Palestinian territories (PSE), Kosovo "
        "(XKX) and smaller territories. The Netherlands Antilles (to 2012/13) is keyed ANT, its former ISO code.",
        "A zero means IIE reported no students from the place that year; zeros are kept.",
    ],
)


# ========================================================================= opinion (Pew)

FAVORABLE = {"Very favorable", "Somewhat favorable"}
UNFAVORABLE = {"Very unfavorable", "Somewhat unfavorable"}
ANSWERS = FAVORABLE | UNFAVORABLE | {"DK", "Refused"}
PEW_CODES = {"PLS": "PSE"}  # 2014 only: the harmonized file's code for the Palestinian territories


def _pew_respondents(source_dir: Path) -> pd.DataFrame:
    import pyreadr  # only this table needs it

    path = Path(source_dir) / "pew_global_attitudes_harmonized" / "pew_all_opi.RDS"
    d = pyreadr.read_r(str(path))[None]
    need = {"wav", "sta", "wgt", "opi_USA", "opi_CHN"}
    require(need <= set(d.columns), f"pew_all_opi.RDS: missing columns {sorted(need - set(d.columns))}")
    d = d[["wav", "sta", "wgt", "opi_USA", "opi_CHN"]].copy()
    require(d["wgt"].notna().all() and (d["wgt"] > 0).all(), "pew_all_opi.RDS: missing or non-positive weights")
    for col in ("opi_USA", "opi_CHN"):
        d[col] = d[col].astype("string")
        odd = set(d[col].dropna()) - ANSWERS
        require(not odd, f"pew_all_opi.RDS: unexpected answers in {col}: {sorted(odd)}")
    d["year"] = d["wav"].astype(int)
    d["iso3"] = d["sta"].astype(str).replace(PEW_CODES)
    return d


def _pew_item(d: pd.DataFrame, col: str) -> pd.DataFrame:
    """Weighted % favourable / unfavourable among those asked (DK and Refused included)."""
    x = d[d[col].notna()]
    w = x["wgt"]
    g = pd.DataFrame({
        "iso3": x["iso3"], "year": x["year"], "w": w,
        "w_fav": w.where(x[col].isin(FAVORABLE), 0.0),
        "w_unfav": w.where(x[col].isin(UNFAVORABLE), 0.0),
    }).groupby(["iso3", "year"]).agg(n=("w", "size"), w=("w", "sum"), w_fav=("w_fav", "sum"),
                                      w_unfav=("w_unfav", "sum"))
    return pd.DataFrame({
        "fav": (100 * g["w_fav"] / g["w"]).round(1),
        "unfav": (100 * g["w_unfav"] / g["w"]).round(1),
        "n": g["n"],
    })


def build_opinion(source_dir: Path) -> pd.DataFrame:
    d = _pew_respondents(source_dir)
    us = _pew_item(d, "opi_USA").rename(columns={
        "fav": "pct_favorable_us", "unfav": "pct_unfavorable_us", "n": "respondents_us"})
    cn = _pew_item(d, "opi_CHN").rename(columns={
        "fav": "pct_favorable_china", "n": "respondents_china"}).drop(columns="unfav")
    out = us.join(cn, how="outer").reset_index()
    out = out[out["iso3"] != "USA"]  # Americans rating their own country or China: not a partner view
    # the Chinese public rating China is a self-rating: left out
    self_rating = out["iso3"] == "CHN"
    out.loc[self_rating, ["pct_favorable_china", "respondents_china"]] = np.nan
    out = out[out["respondents_us"].notna() | out["respondents_china"].notna()]
    for col in ("respondents_us", "respondents_china"):
        out[col] = out[col].astype("Int64")
    out["year"] = out["year"].astype("int64")
    cols = ["iso3", "year", "pct_favorable_us", "pct_unfavorable_us", "respondents_us",
            "pct_favorable_china", "respondents_china"]
    return out[cols].reset_index(drop=True)


OPINION = Table(
    name="opinion",
    title="Opinion of the United States and of China abroad, 2002-2023 (Pew Global Attitudes)",
    description=("Share of the adult public in each surveyed country with a favourable or "
                 "unfavourable opinion of the United States, and with a favourable opinion of "
                 "China, computed here from the respondent-level Pew Global Attitudes surveys "
                 "(harmonized file) with Pew's survey weights. One row per country and survey year."),
    sources=["pew", "countrycode"],
    columns={
        "iso3": "surveyed country or territory, ISO 3166 alpha-3 code",
        "year": "survey year",
        "pct_favorable_us": "% with a very or somewhat favourable opinion of the US, weighted, among all asked (DK/refused included), 0-100",
        "pct_unfavorable_us": "% with a very or somewhat unfavourable opinion of the US, weighted, among all asked, 0-100",
        "respondents_us": "respondents asked the question about the US (unweighted count)",
        "pct_favorable_china": "% with a very or somewhat favourable opinion of China, weighted, among all asked (DK/refused included), 0-100",
        "respondents_china": "respondents asked the question about China (unweighted count)",
    },
    primary_key=["iso3", "year"],
    build=build_opinion,
    caveats=[
        "Percentages follow Pew's convention: 'don't know' and refusals stay in the denominator, "
        "so favourable + unfavourable is below 100. Rounded to 1 decimal; differences of up to "
        "about 1 point from Pew's published toplines are expected.",
        "Not an official Pew product: computed from a harmonized file of Pew's respondent data "
        "(C. Grasland). Where the file has no weights (the harmonizer set them to 1 for some 2002 "
        "countries) every respondent counts equally.",
        "The set of countries changes every year; a missing row means the country was not "
        "surveyed. The China question was not asked everywhere the US question was (from 2005).",
        "Only aggregates are published; the respondent-level file is not redistributed.",
        "Americans' own answers (US surveys to 2020) are left out, and so is the Chinese public's "
        "rating of China; China's rating of the US is kept.",
        "The harmonized file codes the Palestinian territories PSE, and PLS in 2014; both are PSE here.",
        "Samples and methods differ by country and year (see Pew's international methodology "
        "pages); small changes from one year to the next may be sampling noise.",
    ],
)


# ================================================================ coauthorship (NCSES)

NCSES_FIRST_COLS = ["table_id", "row_id"]


def _ncses_long(source_dir: Path, path: Path, name_col: str, value: str) -> pd.DataFrame:
    df = read_csv(path, dtype=str)
    require(list(df.columns[:3]) == [*NCSES_FIRST_COLS, name_col],
            f"{path.name}: expected first columns {NCSES_FIRST_COLS + [name_col]}")
    years = list(df.columns[3:])
    require(all(re.fullmatch(r"\d{4}", y) for y in years), f"{path.name}: year columns expected, got {years}")
    long = df.melt(id_vars=[name_col], value_vars=years, var_name="year", value_name=value)
    long[value] = pd.to_numeric(long[value].replace({"na": np.nan}))
    require(long[value].dropna().between(0, 100).all(), f"{path.name}: percentages outside 0-100")
    long["year"] = long["year"].astype("int64")
    long["iso3"] = name_to_iso3(long[name_col], source_dir, what=path.name)
    return long[["iso3", "year", value]]


def build_coauthorship(source_dir: Path) -> pd.DataFrame:
    folder = Path(source_dir) / "ncses_us_coauthorship"
    us_side = _ncses_long(source_dir, folder / "table_4906_data.csv", "country", "share_of_us_articles_pct")
    partner_side = _ncses_long(source_dir, folder / "table_10005_data.csv",
                               "region_country_or_economy", "partner_articles_with_us_pct")
    require(not (set(us_side["year"]) & set(partner_side["year"])),
            "NCSES tables 4906 and 10005 now share years; the wide layout needs a decision")
    out = us_side.merge(partner_side, on=["iso3", "year"], how="outer")
    out = out[out["share_of_us_articles_pct"].notna() | out["partner_articles_with_us_pct"].notna()]
    return out[["iso3", "year", "share_of_us_articles_pct", "partner_articles_with_us_pct"]]


COAUTHORSHIP = Table(
    name="coauthorship",
    title="Scientific co-authorship with the United States, 1996-2021 (NSF NCSES)",
    description=("Two measures of research partnership from the National Science Board's "
                 "Science and Engineering Indicators (Scopus articles, whole counts): how much "
                 "of the US's international co-authorship involves the partner (even years "
                 "1996-2020), and how much of the partner's international co-authorship "
                 "involves the US (odd years 2003-2021)."),
    sources=["ncses", "countrycode"],
    columns={
        "iso3": "partner country, ISO 3166 alpha-3 code",
        "year": "publication year",
        "share_of_us_articles_pct": ("% of US internationally co-authored articles that have a "
                                     "co-author from the partner (even years 1996-2020; NCSES table SPBS-37, 2021 edition)"),
        "partner_articles_with_us_pct": ("% of the partner's internationally co-authored articles "
                                         "that have a US co-author (odd years 2003-2021; NCSES table SPBS-37, 2023 edition)"),
    },
    primary_key=["iso3", "year"],
    build=build_coauthorship,
    caveats=[
        "The two columns are different directions and never share a year: one is measured in "
        "even years, the other in odd years. Do not compare one column with the other.",
        "Only the 14 largest research partners are covered in each direction, and the two lists "
        "differ (e.g. Spain, Russia and Iran only in the partner-side series; the Netherlands, "
        "Switzerland and Sweden only in the US-side series). A missing value means not measured.",
        "Whole counting: an article with authors from three countries counts once for each, so "
        "shares across partners add up to more than 100%.",
        "The two series come from different Scopus extracts (2021 and 2023 editions of the "
        "Indicators). NCSES table 5a-2 for 2018 is not used as data; it serves only to check "
        "these values.",
    ],
)


TABLES = [STUDENTS, OPINION, COAUTHORSHIP]
