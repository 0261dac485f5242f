"""The `countries` table: names, codes, regions and the memberships the course uses."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from .codes import HISTORICAL, _COW_FIXED, codelist
from .core import Table, read_csv, require

# Small membership lists that no source folder holds, each with the public page it follows.
NATO_SOURCE = "NATO, Member countries, https://www.nato.int/cps/en/natohq/topics_52044.htm"
NATO_JOINED = {
    1949: ["BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"],
    1952: ["GRC", "TUR"],
    1955: ["DEU"],
    1982: ["ESP"],
    1999: ["CZE", "HUN", "POL"],
    2004: ["BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN"],
    2009: ["ALB", "HRV"],
    2017: ["MNE"],
    2020: ["MKD"],
    2023: ["FIN"],
    2024: ["SWE"],
}
FIVE_EYES_SOURCE = ("The National Archives (UK), UKUSA Agreement release, June 2010, "
                    "https://www.nationalarchives.gov.uk/ukusa/")
FIVE_EYES = ["USA", "GBR", "CAN", "AUS", "NZL"]
QUAD_SOURCE = ("The White House, Quad Leaders' Joint Statement: The Spirit of the Quad, 12 March 2021, "
               "https://www.whitehouse.gov/briefing-room/statements-releases/2021/03/12/"
               "quad-leaders-joint-statement-the-spirit-of-the-quad/")
QUAD = ["USA", "JPN", "AUS", "IND"]
ANZUS_SOURCE = ("Parliamentary Education Office (Australia), ANZUS Treaty, "
                "https://peo.gov.au/understand-our-parliament/history-of-parliament/"
                "history-milestones/australian-parliament-history-timeline/events/anzus-treaty")
ANZUS = ["USA", "AUS", "NZL"]
ATOP_LAST_YEAR = 2018


@lru_cache(maxsize=2)
def build_countries(source_dir: Path) -> pd.DataFrame:
    cl = codelist(source_dir)
    cl = cl.assign(cown=pd.to_numeric(cl["cown"]).astype("Int64"))
    # Kosovo has a COW code but no ISO code in the table; XKX is the code most publishers use
    iso3 = cl["iso3c"].where(cl["iso3c"].notna(), cl["cown"].map({347: _COW_FIXED[347]}))
    base = pd.DataFrame({
        "iso3": iso3,
        "name": cl["country.name.en"],
        "region": cl["region"],
        "cow_code": cl["cown"],
        "historical": False,
        "name_pattern": cl["country.name.en.regex"],
    }).dropna(subset=["iso3"])
    hist = pd.DataFrame([
        {"iso3": iso, "name": name, "region": region, "cow_code": cow, "historical": True,
         "name_pattern": None}
        for iso, (name, cow, region) in HISTORICAL.items()
    ])
    # historical states take the countrycode pattern of the row with their COW code
    patterns = dict(zip(cl["cown"].dropna(), cl.loc[cl["cown"].notna(), "country.name.en.regex"]))
    by_name = dict(zip(cl["country.name.en"], cl["country.name.en.regex"]))
    hist["name_pattern"] = hist["cow_code"].map(patterns).fillna(hist["name"].map(by_name))
    hist["cow_code"] = hist["cow_code"].astype("Int64")
    df = pd.concat([base, hist], ignore_index=True)
    # COW codes are kept by the current state when a historical one shares it (315, 345)
    df.loc[df["iso3"].isin(["CSK", "YUG"]), "cow_code"] = pd.NA
    df.loc[df["iso3"] == "SRB", "cow_code"] = 345
    df.loc[df["iso3"] == "CZE", "cow_code"] = 316

    coco = read_csv(Path(source_dir) / "country_metadata" / "country_converter_country_data.tsv",
                    sep="\t", dtype=str)
    coco = coco.set_index("ISO3")
    df["nato_member_since"] = pd.Series(
        {iso: year for year, members in NATO_JOINED.items() for iso in members}
    ).reindex(df["iso3"]).astype("Int64").to_numpy()
    df["oecd_member_since"] = pd.to_numeric(coco["OECD"]).reindex(df["iso3"]).astype("Int64").to_numpy()
    df["g7"] = coco["G7"].reindex(df["iso3"]).notna().to_numpy()
    df["eu"] = coco["EU"].reindex(df["iso3"]).notna().to_numpy()
    df["five_eyes"] = df["iso3"].isin(FIVE_EYES)
    df["anzus"] = df["iso3"].isin(ANZUS)
    df["quad"] = df["iso3"].isin(QUAD)

    atop = read_csv(Path(source_dir) / "atop_alliances" / "atop_alliance_ddy_v5_1.csv")
    pact = atop[(atop["ccode1"] == 2) & (atop["year"] == ATOP_LAST_YEAR) & (atop["atop_defense"] == 1)]
    cow_to_iso = dict(zip(df["cow_code"].dropna(), df.loc[df["cow_code"].notna(), "iso3"]))
    pact_iso = set(pact["ccode2"].map(cow_to_iso).dropna())
    df["us_defense_pact_2018"] = df["iso3"].isin(pact_iso)

    require(df["iso3"].is_unique, "countries: an iso3 code appears twice")
    require(df.loc[df["iso3"] == "GBR", "us_defense_pact_2018"].item(),
            "countries: ATOP should record a US defence pledge with the UK in 2018")
    cols = list(TABLES[0].columns)
    return df[cols]


TABLES = [Table(
    name="countries",
    title="Countries: names, codes, regions and memberships",
    description=("One row per country or territory with an ISO code, plus the historical states "
                 "that appear in the other tables, with the group memberships the course uses."),
    sources=["countrycode", "country_metadata", "atop", "facts"],
    columns={
        "iso3": "ISO 3166 alpha-3 code (historical states: ISO 3166-3 or COW letters)",
        "name": "English short name",
        "region": "World Bank region (as in the countrycode table)",
        "cow_code": "Correlates of War state number (empty if not a COW state)",
        "historical": "True for states that no longer exist (East Germany, Czechoslovakia, ...)",
        "name_pattern": "regular expression matching common English names (countrycode)",
        "nato_member_since": f"year the country joined NATO (empty if not a member); {NATO_SOURCE}",
        "oecd_member_since": "year the country joined the OECD (country_converter table)",
        "g7": "member of the G7 (country_converter table)",
        "eu": "member of the European Union today (country_converter table: EU27)",
        "five_eyes": f"party to the UKUSA (Five Eyes) intelligence arrangement; {FIVE_EYES_SOURCE}",
        "anzus": f"party to the ANZUS Treaty (1951); {ANZUS_SOURCE}",
        "quad": f"member of the Quadrilateral Security Dialogue (Quad); {QUAD_SOURCE}",
        "us_defense_pact_2018": (f"ATOP v5.1 records a defence pledge between the partner and the US in "
                                 f"{ATOP_LAST_YEAR}, the last year of the data"),
    },
    primary_key=["iso3"],
    build=build_countries,
    caveats=[
        "Memberships describe the situation today (NATO to Sweden's accession in 2024; EU27 after "
        "the UK left); history is in the timeline and alliances tables.",
        "ANZUS lists New Zealand although the US suspended its obligations to New Zealand in 1986.",
        "The NATO, Five Eyes, ANZUS and Quad lists are short public lists typed by hand from the "
        "pages named in the column descriptions.",
        "us_defense_pact_2018 is computed from ATOP v5.1, which ends in 2018. It follows ATOP's "
        "coding of every treaty with a defence clause, so it can differ from official lists of US "
        "treaty allies (for example, it includes Mexico and Pakistan).",
    ],
)]
