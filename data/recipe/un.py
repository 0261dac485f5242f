"""UN General Assembly voting: the votes, the roll calls, agreement with the US, ideal
points and the State Department's published voting coincidence.

Sources: Voeten's roll-call data as packaged by the R package `unvotes` (1946 to January
2020), Voeten's ideal points (1946-2024) and the State Department's annual "Voting
Practices in the United Nations" figures for 2013-2024.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .codes import cow_to_iso3, iso2_to_iso3, name_to_iso3
from .core import Table, read_csv, require

VOTES_DIR = "unga_votes_voeten"
IDEAL_DIR = "unga_ideal_points"
STATE_DIR = "us_state_dept_un_voting_coincidence"

VOTE_LEVELS = ["yes", "abstain", "no"]  # Voeten's codes 1, 2, 3
VOTE_CODE = {"yes": 1, "abstain": 2, "no": 3}

# rows of unvotes.csv whose ISO alpha-2 code is empty: decided one by one
NO_CODE_NAMES = {
    "Yemen Arab Republic": "YEM",          # North Yemen; continued as unified Yemen in 1990
    "Federal Republic of Germany": "DEU",  # West Germany; continued as Germany in 1990
    "Zanzibar": "ZAN",                     # independent Dec 1963 - Apr 1964
}
SERBIA_FROM = 2006  # the source keeps "Yugoslavia" (YU) for Serbia; COW 345 is Serbia from 2006

# issues.csv short names -> roll-call columns
ISSUES = {
    "me": "middle_east",
    "nu": "nuclear",
    "di": "arms_control",
    "hr": "human_rights",
    "co": "colonialism",
    "ec": "development",
}
IMPORTANT_FROM_SESSION = 38  # first session (1983) covered by the State Department's list

IDEAL_FIRST, IDEAL_LAST = 1946, 2024
STATE_YEARS = range(2013, 2025)
# spellings in the State Department files that the name patterns do not resolve
STATE_NAME_OVERRIDES = {
    "Micronesia": "FSM",
    "Irag": "IRQ",  # typo for Iraq in one year's file
    "Democratic People\u2019s\nRepublic of Korea": "PRK",  # line break inside the name
}
STATE_ISO_TYPOS = {"GRO": "GRC"}  # Greece, 2018 file
STATE_COLUMNS = {  # source spelling -> our column
    "SAME": "same", "OPPOSITE": "opposite", "OPPOSE": "opposite",
    "PARTIAL": "partial", "ABSTAIN": "partial", "ABSENT": "absent",
    "COINCIDENCE": "coincidence_reported",
}


# ---------------------------------------------------------------------------- raw readers

@lru_cache(maxsize=2)
def _raw_votes(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / VOTES_DIR / "unvotes.csv"
    df = read_csv(path, dtype={"country": str, "country_code": str, "vote": str})
    require(list(df.columns) == ["rcid", "country", "country_code", "vote"],
            f"{path}: expected columns rcid, country, country_code, vote; found {list(df.columns)}")
    require(set(df["vote"].unique()) <= set(VOTE_LEVELS),
            f"{path}: vote values {sorted(set(df['vote'].unique()) - set(VOTE_LEVELS))} "
            f"are not among {VOTE_LEVELS}")
    require((df["country_code"] == "NA").sum() > 1000,
            f"{path}: Namibia's code NA is missing (was the file read with NA as missing?)")
    return df


@lru_cache(maxsize=2)
def _raw_roll_calls(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / VOTES_DIR / "roll_calls.csv"
    df = read_csv(path, dtype={"unres": str, "short": str, "descr": str, "date": str})
    expected = ["rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr"]
    require(list(df.columns) == expected,
            f"{path}: expected columns {expected}; found {list(df.columns)}")
    require(df["rcid"].is_unique, f"{path}: roll-call ids (rcid) are not unique")
    for col in ("importantvote", "amend", "para"):
        bad = set(df[col].dropna().unique()) - {0, 1}
        require(not bad, f"{path}: column {col} holds values {sorted(bad)} other than 0, 1 and blank")
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    return df


# ---------------------------------------------------------------------------- un_votes

@lru_cache(maxsize=2)
def build_votes(source_dir: Path) -> pd.DataFrame:
    """One row per roll call and voting country: rcid, iso3, vote."""
    raw = _raw_votes(source_dir)
    rc = _raw_roll_calls(source_dir)[["rcid", "date"]]
    missing_rc = set(raw["rcid"]) - set(rc["rcid"])
    require(not missing_rc, f"unvotes.csv has votes on {len(missing_rc)} roll calls that "
                            f"roll_calls.csv does not list, e.g. {sorted(missing_rc)[:5]}")

    no_code = raw["country_code"].isna()
    unknown = set(raw.loc[no_code, "country"]) - set(NO_CODE_NAMES)
    require(not unknown, f"unvotes.csv has rows without a country code for {sorted(unknown)}")
    iso3 = iso2_to_iso3(raw["country_code"], source_dir)
    iso3 = iso3.where(~no_code, raw["country"].map(NO_CODE_NAMES))
    unmapped = raw.loc[iso3.isna(), ["country", "country_code"]].drop_duplicates()
    require(unmapped.empty, f"unvotes.csv country codes without an ISO alpha-3 code:\n{unmapped}")

    # "Yugoslavia" (YU) runs to 2020 in the source: Serbia from 2006, as COW code 345
    year = raw["rcid"].map(rc.set_index("rcid")["date"].dt.year)
    iso3 = iso3.where(~((iso3 == "YUG") & (year >= SERBIA_FROM)), "SRB")

    out = pd.DataFrame({
        "rcid": raw["rcid"].astype("int64"),
        "iso3": iso3.astype(str),
        "vote": pd.Categorical(raw["vote"], categories=VOTE_LEVELS, ordered=True),
    })
    dup = out.duplicated(["rcid", "iso3"], keep=False)
    require(not dup.any(), "two countries of unvotes.csv fall on the same iso3 in one roll call:\n"
            f"{raw.loc[dup, ['rcid', 'country', 'country_code']].head(10)}")
    return out


UN_VOTES = Table(
    name="un_votes",
    title="UN General Assembly roll-call votes, 1946-2020",
    description=(
        "Every recorded vote in the UN General Assembly from the first session (1946) to the "
        "74th (last roll call 14 January 2020): one row per roll call and country that voted "
        "yes, no or abstained. Join to un_roll_calls on rcid for the date and subject. "
        "The United States' own votes are included."),
    sources=["unvotes", "countrycode"],
    columns={
        "rcid": "roll-call id (joins un_roll_calls)",
        "iso3": "ISO 3166 alpha-3 code of the voting state (historical states: see caveats)",
        "vote": "the state's vote: yes, abstain or no",
    },
    primary_key=["rcid", "iso3"],
    build=build_votes,
    compress=True,
    ordered={"vote": VOTE_LEVELS},
    caveats=[
        "Only recorded (roll-call) votes are here. Most General Assembly decisions are taken "
        "by consensus without a vote and leave no trace in this table.",
        "A state with no row for a roll call did not vote on it: it was absent, did not take "
        "part, or was not (yet) a member. The source drops these cases, so absence cannot be "
        "told apart from non-membership.",
        "There are no votes dated 1964: the Assembly held no recorded votes that year (the "
        "dispute over arrears under Article 19 of the Charter).",
        "Historical states: Czechoslovakia is CSK, East Germany DDR, South Yemen YMD and "
        "Zanzibar (two votes in December 1963) ZAN. West Germany is DEU and North Yemen "
        "(Yemen Arab Republic) is YEM, because unified Germany and unified Yemen continue them.",
        "The source calls the Belgrade seat 'Yugoslavia' until 2020. It is YUG up to 2005 "
        "(Yugoslavia, then Serbia and Montenegro) and SRB (Serbia) from the calendar year 2006, "
        "the same rule as the Correlates of War code 345 used elsewhere in the collection; the "
        "few votes of January to May 2006 were in fact cast by Serbia and Montenegro.",
        "The Soviet Union's votes are under RUS (Russia continued its seat in December 1991). "
        "Byelorussia and Ukraine had their own seats from 1945 (BLR, UKR).",
        "China's seat was held by the Republic of China until 25 October 1971: those votes are "
        "under TWN; the People's Republic of China votes as CHN from November 1971.",
        "Namibia's code is the text NA. Read the file with keep_default_na=False (or the "
        "collection's loader) or pandas will turn Namibia into a missing value.",
    ],
)


# ---------------------------------------------------------------------------- un_roll_calls

def _boolean(series: pd.Series) -> pd.Series:
    """0/1 with blanks -> pandas nullable boolean (True, False, <NA>)."""
    return series.map({1: True, 0: False}).astype("boolean")


@lru_cache(maxsize=2)
def build_roll_calls(source_dir: Path) -> pd.DataFrame:
    """One row per roll call with its date, flags, text and issue tags."""
    rc = _raw_roll_calls(source_dir).copy()
    issues = read_csv(Path(source_dir) / VOTES_DIR / "issues.csv", dtype=str)
    issues["rcid"] = issues["rcid"].astype("int64")
    bad = set(issues["short_name"]) - set(ISSUES)
    require(not bad, f"issues.csv has issue codes {sorted(bad)} other than {sorted(ISSUES)}")
    orphans = set(issues["rcid"]) - set(rc["rcid"])
    require(not orphans, f"issues.csv tags {len(orphans)} roll calls not in roll_calls.csv")

    # the State Department's list of important votes starts with the 1983 session; the
    # source writes 0 for every earlier roll call and leaves later ones blank where not coded
    early = rc["session"] < IMPORTANT_FROM_SESSION
    require((rc.loc[early, "importantvote"] == 0).all(),
            "roll_calls.csv marks a roll call before 1983 as an important vote; "
            "the State Department list only starts with the 38th session (1983)")
    important = _boolean(rc["importantvote"]).mask(early, pd.NA)

    out = pd.DataFrame({
        "rcid": rc["rcid"].astype("int64"),
        "session": rc["session"].astype("int64"),
        "date": rc["date"],
        "year": rc["date"].dt.year.astype("int64"),
        "important_vote": important,
        "amendment": _boolean(rc["amend"]),
        "paragraph": _boolean(rc["para"]),
        "resolution": rc["unres"],
        "short": rc["short"],
        "description": rc["descr"],
    })
    for code, col in ISSUES.items():
        out[col] = out["rcid"].isin(issues.loc[issues["short_name"] == code, "rcid"]).astype(bool)
    return out


UN_ROLL_CALLS = Table(
    name="un_roll_calls",
    title="UN General Assembly roll calls, 1946-2020",
    description=(
        "One row per recorded vote in the General Assembly (6,203 roll calls, sessions 1 to 74): "
        "its date, session, resolution number, a short title and description, whether the US "
        "State Department listed it as an important vote, and issue tags from Voeten's coding."),
    sources=["unvotes"],
    columns={
        "rcid": "roll-call id (joins un_votes)",
        "session": "General Assembly session number (1 = 1946; a session usually opens in "
                   "September or October and can hold votes into the next calendar year)",
        "date": "date of the vote",
        "year": "calendar year of the vote date (not the session)",
        "important_vote": "True if the US State Department's report 'Voting Practices in the "
                          "United Nations' listed this as an important vote, False if the vote "
                          "was classified and not listed; missing where no classification exists "
                          "(see caveats)",
        "amendment": "True for a vote on an amendment, False for other votes; missing where "
                     "the source did not code it (see caveats)",
        "paragraph": "True for a separate vote on a paragraph of a draft, False for other "
                     "votes; missing where the source did not code it (see caveats)",
        "resolution": "resolution code as given by the source, e.g. R/1/66 (session/number); "
                      "missing for some votes",
        "short": "short title of the item (upper case in early sessions); missing for some votes",
        "description": "description of the vote as given by the source",
        "middle_east": "tagged by Voeten as about the Palestinian conflict / Middle East",
        "nuclear": "tagged as about nuclear weapons and nuclear material",
        "arms_control": "tagged as about arms control and disarmament",
        "human_rights": "tagged as about human rights",
        "colonialism": "tagged as about colonialism",
        "development": "tagged as about economic development",
    },
    primary_key=["rcid"],
    build=build_roll_calls,
    caveats=[
        "The year is the calendar year of the vote; a session's votes can fall in the next "
        "calendar year (e.g. session 42 voted until May 1988). The year 2020 holds a single "
        "roll call (14 January 2020, the end of session 74).",
        "important_vote: the State Department's list of important votes starts with the 1983 "
        "session (session 38; 8 votes that year). The source writes 0 for every earlier roll "
        "call, when no such list existed; these are left missing here, not False. It is also "
        "missing for sessions 73-74 (2018-2020, not coded in this release) and for 419 roll "
        "calls of sessions 52-72, 388 of them votes on amendments or paragraphs, which the "
        "source left uncoded. Filter with important_vote == True.",
        "amendment and paragraph are coded True/False only up to session 39 (1984). Sessions "
        "40-51 and 73-74 are blank. In sessions 52-72 the source marks only the votes that "
        "are on an amendment or a paragraph (True) and leaves the rest blank, so a missing "
        "value there most likely means 'a vote on the whole text', but the source does not "
        "say so. These columns use the nullable boolean type.",
        "Issue tags: a roll call can have several tags or none (about half of the roll calls "
        "before 1970 and about a quarter of those since 2000 have none). False means 'not "
        "tagged', not a judgement that the vote has nothing to do with the issue.",
        "Texts (short, description) are kept as the source gives them, including odd "
        "characters and typing errors in the older descriptions.",
    ],
)


# ---------------------------------------------------------------------------- un_agreement

MIN_ROLL_CALLS_PER_YEAR = 5  # 2020 holds a single roll call, the tail of the 2019 session


@lru_cache(maxsize=2)
def build_agreement(source_dir: Path) -> pd.DataFrame:
    """Partner-year agreement with the US, over roll calls where both voted."""
    votes = build_votes(source_dir)
    years = build_roll_calls(source_dir).set_index("rcid")["year"]
    v = pd.DataFrame({
        "rcid": votes["rcid"].to_numpy(),
        "iso3": votes["iso3"].to_numpy(),
        "code": votes["vote"].astype(str).map(VOTE_CODE).to_numpy(),
    })
    us = v.loc[v["iso3"] == "USA", ["rcid", "code"]].rename(columns={"code": "us"})
    require(len(us) > 6000, f"only {len(us)} US votes found in unvotes.csv")
    m = v.loc[v["iso3"] != "USA"].merge(us, on="rcid", how="inner")
    m["year"] = m["rcid"].map(years).to_numpy()
    a, b = m["code"].to_numpy(), m["us"].to_numpy()
    m["same"] = a == b
    m["partial"] = (a == 2) != (b == 2)          # exactly one of the two abstained
    m["opposite"] = np.abs(a - b) == 2           # yes against no
    m["same_yesno"] = m["same"] & (a != 2)       # identical and not both abstaining
    g = (m.groupby(["iso3", "year"], sort=True)[["same", "partial", "opposite", "same_yesno"]]
         .sum().astype("int64").reset_index())
    g["votes"] = g["same"] + g["partial"] + g["opposite"]
    calls_per_year = years.value_counts()
    g = g[g["year"].map(calls_per_year) >= MIN_ROLL_CALLS_PER_YEAR]
    g["agreement"] = ((g["same"] + 0.5 * g["partial"]) / g["votes"]).round(6)
    denom = g["same_yesno"] + g["opposite"]
    g["votes_only"] = (g["same_yesno"] / denom.where(denom > 0)).round(6)
    return g[["iso3", "year", "votes", "same", "partial", "opposite", "agreement", "votes_only"]]


UN_AGREEMENT = Table(
    name="un_agreement",
    title="Agreement with the United States in UN General Assembly votes, 1946-2019",
    description=(
        "For each state and calendar year, how its General Assembly votes compare with the "
        "votes of the United States, counted over the roll calls of that year on which both "
        "voted (computed from un_votes). Two shares: Voeten's agreement score, which gives "
        "half credit when exactly one side abstained, and a 'votes only' share in the style "
        "of the State Department that counts only yes/no votes."),
    sources=["unvotes", "countrycode"],
    columns={
        "iso3": "ISO 3166 alpha-3 code of the partner state (never USA)",
        "year": "calendar year of the roll calls",
        "votes": "roll calls that year on which both the partner and the US voted yes, no or "
                 "abstain (= same + partial + opposite)",
        "same": "roll calls with identical votes (yes-yes, no-no or abstain-abstain)",
        "partial": "roll calls where exactly one of the two abstained",
        "opposite": "roll calls where one voted yes and the other no",
        "agreement": "Voeten agreement, share 0-1: (same + 0.5 * partial) / votes",
        "votes_only": "yes/no coincidence, share 0-1: same_yesno / (same_yesno + opposite), where "
                      "same_yesno counts roll calls where both voted yes or both voted no "
                      "(abstain-abstain is left out, as are all votes with an abstention); "
                      "missing when that denominator is 0",
    },
    primary_key=["iso3", "year"],
    build=build_agreement,
    caveats=[
        "Computed here from the roll-call votes, not published by Voeten or the State "
        "Department. Shares are rounded to 6 decimals.",
        "Only roll calls on which both states voted count; absences are ignored, so 'votes' "
        "differs between partners in the same year.",
        "Years are calendar years of the vote dates, not sessions. 1964 has no votes. "
        "Years with fewer than 5 roll calls are left out: that is only 2020, which holds a "
        "single roll call (14 January 2020, the end of the 2019 session), so the table ends in 2019.",
        "The number of recorded votes changes a lot over time (a few dozen a year in the "
        "1940s-60s, over a hundred in the 1980s). Agreement shares also move with the "
        "agenda: when more votes are about issues that split the US from most states, "
        "everyone's agreement falls. For trends, compare with un_ideal_points.",
        "votes_only resembles the State Department's 'voting coincidence' (un_coincidence), "
        "but the State Department picks its own set of votes and its formula changed over "
        "time, so the two are not expected to be equal.",
        "Country keys follow un_votes (YUG/SRB, TWN for China's seat to 1971, RUS for the "
        "Soviet Union, DEU for West Germany, YEM for North Yemen).",
    ],
)


# ---------------------------------------------------------------------------- un_ideal_points

@lru_cache(maxsize=2)
def build_ideal_points(source_dir: Path) -> pd.DataFrame:
    """Voeten's final-passage ideal points per state-year, with the US position and distance."""
    path = Path(source_dir) / IDEAL_DIR / "IdealpointsJuly2025.csv"
    raw = read_csv(path)
    need = ["ccode", "year", "idealpointfp", "q5fp", "q95fp", "nvotesfp"]
    missing_cols = set(need) - set(raw.columns)
    require(not missing_cols, f"{path}: columns {sorted(missing_cols)} are missing")
    # rows without a final-passage estimate carry only the older 'legacy' estimate
    df = raw.loc[raw["idealpointfp"].notna(), need].copy()
    require(len(raw) - len(df) < 50,
            f"{path}: {len(raw) - len(df)} rows lack the final-passage ideal point (expected ~19)")
    require(df[["q5fp", "q95fp", "nvotesfp"]].notna().all().all(),
            f"{path}: rows with a final-passage ideal point but no quantiles or vote count")
    require((df["nvotesfp"] % 1 == 0).all(), f"{path}: nvotesfp holds non-integer values")
    df["iso3"] = cow_to_iso3(df["ccode"], df["year"], source_dir)
    unmapped = df.loc[df["iso3"].isna(), "ccode"].unique()
    require(len(unmapped) == 0, f"{path}: COW codes without iso3: {sorted(unmapped)}")
    dup = df.duplicated(["iso3", "year"], keep=False)
    require(not dup.any(), f"{path}: two COW codes fall on the same iso3 and year "
                           f"(e.g. 255 and 260 for DEU):\n{df.loc[dup, ['ccode', 'iso3', 'year']]}")
    us = df.loc[df["iso3"] == "USA"].set_index("year")["idealpointfp"]
    require(us.index.is_unique and len(us) >= 78, f"{path}: the US ideal point is missing for some years")
    out = df.loc[df["iso3"] != "USA"].copy()
    out["us_ideal_point"] = out["year"].map(us)
    require(out["us_ideal_point"].notna().all(), f"{path}: years without a US ideal point")
    out["distance_to_us"] = (out["idealpointfp"] - out["us_ideal_point"]).abs().round(6)
    out = out.rename(columns={"idealpointfp": "ideal_point", "q5fp": "ideal_point_q05",
                              "q95fp": "ideal_point_q95", "nvotesfp": "votes"})
    out["year"] = out["year"].astype("int64")
    out["votes"] = out["votes"].astype("int64")
    return out[["iso3", "year", "ideal_point", "ideal_point_q05", "ideal_point_q95", "votes",
                "us_ideal_point", "distance_to_us"]].reset_index(drop=True)


UN_IDEAL_POINTS = Table(
    name="un_ideal_points",
    title="UN General Assembly ideal points and distance to the United States, 1946-2024",
    description=(
        "Each state's estimated position on one dimension of General Assembly voting (Bailey, "
        "Strezhnev & Voeten), per calendar year, estimated from votes on whole resolutions "
        "(final passage). The dimension reflects positions toward the US-led liberal order. "
        "Closeness to the US is the distance between a state's ideal point and the US ideal "
        "point in the same year. Extends the vote-based tables to 2024."),
    sources=["idealpoints", "countrycode"],
    columns={
        "iso3": "ISO 3166 alpha-3 code of the state (never USA)",
        "year": "calendar year of the votes",
        "ideal_point": "estimated ideal point from final-passage votes (arbitrary scale, mean "
                       "about 0 over all state-years; higher = closer to the US side)",
        "ideal_point_q05": "5th percentile of the estimate's posterior distribution (same scale)",
        "ideal_point_q95": "95th percentile of the estimate's posterior distribution (same scale)",
        "votes": "number of final-passage votes the estimate for this state-year rests on",
        "us_ideal_point": "the United States' ideal point in the same year (same scale)",
        "distance_to_us": "|ideal_point - us_ideal_point| (same scale units; 0 = same position "
                          "as the US)",
    },
    primary_key=["iso3", "year"],
    build=build_ideal_points,
    caveats=[
        "Ideal points are on an arbitrary scale: compare states within a year, and compare "
        "distances rather than raw positions across years. The US itself moves: a change in "
        "distance_to_us can come from the partner or from the US.",
        "The interval from ideal_point_q05 to ideal_point_q95 is a 90% posterior interval; "
        "states with few votes have wide intervals.",
        "There is no 1964: the General Assembly held no recorded votes that year. 2024 uses "
        "the final-passage estimate, the only one the source gives for that year.",
        "The source's 19 rows without a final-passage estimate (17 unnamed rows that carry "
        "only the older session-based estimate, plus Barbados 1966 and Tajikistan "
        "2001) are left out. So Japan, for example, starts in 1957 here (it joined in December "
        "1956), and Israel has no 1948 row.",
        "Correlates of War codes are turned into ISO codes: 260 (West Germany, 1973-1990) and "
        "255 (Germany, from 1990) are both DEU and never overlap in a year; 678 (Yemen Arab "
        "Republic, to 1990) and 679 (Yemen) are both YEM; 680 (South Yemen) is YMD, 265 (East "
        "Germany) DDR; 345 is YUG before 2006 and SRB from 2006; 713 (Taiwan, to 1971) is TWN.",
        "The United States is not a partner row; its ideal point is in us_ideal_point.",
    ],
)


# ---------------------------------------------------------------------------- un_coincidence

def _read_state_year(source_dir: Path, year: int) -> pd.DataFrame:
    path = Path(source_dir) / STATE_DIR / f"un-coincidence-{year}.csv"
    # utf-8-sig drops the byte-order mark some files start with
    df = read_csv(path, encoding="utf-8-sig", dtype=str)
    df.columns = [c.strip().upper() for c in df.columns]
    cols = [c for c in df.columns if c not in ("COUNTRY", "ISO")]
    unknown = set(cols) - set(STATE_COLUMNS)
    require("COUNTRY" in df.columns and not unknown,
            f"{path}: unexpected columns {list(df.columns)}")
    out = df[cols].rename(columns=STATE_COLUMNS)
    require(sorted(out.columns) == sorted(set(STATE_COLUMNS.values())),
            f"{path}: columns {list(df.columns)} do not give same/opposite/partial/absent/coincidence")
    share = out["coincidence_reported"].str.strip()
    nonnum = set(share[pd.to_numeric(share, errors="coerce").isna()].dropna())
    require(nonnum <= {"No Votes"}, f"{path}: non-numeric coincidence values {sorted(nonnum)}")
    out["coincidence_reported"] = pd.to_numeric(share.replace("No Votes", None))
    for col in ("same", "opposite", "partial", "absent"):
        counts = pd.to_numeric(out[col].str.strip(), errors="coerce")
        require(counts.notna().all(), f"{path}: column {col} has non-numeric counts")
        out[col] = counts.astype("int64")
    out.insert(0, "name", df["COUNTRY"].str.strip())
    out.insert(1, "iso_given", df["ISO"].str.strip().replace(STATE_ISO_TYPOS)
               if "ISO" in df.columns else None)
    out.insert(2, "year", year)
    return out


@lru_cache(maxsize=2)
def build_coincidence(source_dir: Path) -> pd.DataFrame:
    """The State Department's published voting coincidence per member state, 2013-2024."""
    df = pd.concat([_read_state_year(source_dir, y) for y in STATE_YEARS], ignore_index=True)
    by_name = name_to_iso3(df["name"], source_dir, overrides=STATE_NAME_OVERRIDES,
                           what="the State Department voting-coincidence files")
    given = df["iso_given"].notna()
    clash = df.loc[given & (df["iso_given"] != by_name), ["year", "name", "iso_given"]]
    require(clash.empty, f"ISO codes in the State Department files disagree with the names:\n{clash}")
    df["iso3"] = df["iso_given"].where(given, by_name)
    require(df["iso3"].notna().all(), "State Department rows without a country")
    require(not (df["iso3"] == "USA").any(), "the State Department files list the US as a partner")
    out = df[["iso3", "year", "same", "opposite", "partial", "absent", "coincidence_reported"]]
    out = out.assign(year=out["year"].astype("int64"))
    share = out["coincidence_reported"].dropna()
    require(share.between(0, 1).all(), "coincidence values outside 0-1 in the State Department files")
    return out.reset_index(drop=True)


UN_COINCIDENCE = Table(
    name="un_coincidence",
    title="US State Department: voting coincidence with the US at the UN, 2013-2024",
    description=(
        "The voting coincidence with the United States that the State Department publishes "
        "every year in its report to Congress 'Voting Practices in the United Nations', for "
        "each UN member state, with the counts it is based on, as transcribed from the "
        "reports. The shares are the State Department's own figures, not recomputed."),
    sources=["statedept", "countrycode"],
    columns={
        "iso3": "ISO 3166 alpha-3 code of the member state",
        "year": "year of the report (the votes of that calendar year's General Assembly)",
        "same": "votes on which the state voted the same as the US (count)",
        "opposite": "votes on which the state voted the opposite way (yes against no; count)",
        "partial": "votes on which one side abstained (count; called ABSTAIN in 2013-2016)",
        "absent": "votes from which the state was absent (count)",
        "coincidence_reported": "voting coincidence as published, share 0-1 (two decimals); "
                                "missing where the report says 'No Votes'",
    },
    primary_key=["iso3", "year"],
    build=build_coincidence,
    caveats=[
        "2013-2016 count only 18 votes per state (2017: 21), against about 86-110 in "
        "2018-2024 (Israel, for instance, 18 of 18 the same). These early files look like a "
        "subset table of the report (a selected group of votes), not the report's overall "
        "figure: do not put 2013-2017 on the same line as 2018-2024 without checking the "
        "report.",
        "The State Department's formula changes over time. For 2013-2016 the published share "
        "equals same / (same + opposite), to two decimals, for 98-100% of rows; for 2017-2020 "
        "it equals (same + 0.5 * partial) / (same + opposite + partial) for 91-100% of rows; "
        "for 2021-2024 that formula reproduces only about half of the rows to two decimals "
        "(44-60%; 60-73% within 0.01), so the method changed again. Recompute a share from "
        "the counts with one formula if you compare years.",
        "A few published shares cannot be reproduced from their own counts (e.g. 2024: "
        "Afghanistan and Venezuela, 1 same, 0 opposite, 95 absent, share 0.51); they are "
        "kept as published.",
        "2017: Sao Tome and Principe has 'No Votes' (absent from all 21 votes); its share is "
        "missing.",
        "Column names and orders differ between the yearly files (ABSTAIN/PARTIAL, "
        "OPPOSE/OPPOSITE); they were matched by name, not position. 2013-2017 have no ISO "
        "column, so states were identified by name; where a file gives ISO codes they were "
        "checked against the names (the 2018 file's 'GRO' for Greece is read as GRC).",
        "The files list 192 member states each year; the US itself is not listed.",
    ],
)


TABLES = [UN_VOTES, UN_ROLL_CALLS, UN_AGREEMENT, UN_IDEAL_POINTS, UN_COINCIDENCE]
