"""The `panel` table: one row per partner and year with the headline indicator of every pillar.

Built from the other tables of the recipe, so it always agrees with them. Where a source
lists only positive events (an alliance, an arms delivery, a joint exercise), a partner
missing from it within the source's years is given 0; everywhere else a missing value
stays missing and is never read as 0.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from .core import Table, require

FIRST_YEAR, LAST_YEAR = 1946, 2024
# (table, years the table covers) for sources that list only positive events
ZERO_WITHIN = {"alliance_level": (1815, 2018), "arms_tiv": (1950, 2020), "exercises": (1980, 2010)}


def _table(name: str, source_dir: Path) -> pd.DataFrame:
    from . import all_tables  # the registry imports this module, so look it up when needed
    table = next(t for t in all_tables() if t.name == name)
    return table.build(source_dir)


@lru_cache(maxsize=2)
def build_panel(source_dir: Path) -> pd.DataFrame:
    key = ["iso3", "year"]
    trade = _table("trade", source_dir).assign(
        trade_musd=lambda d: d["exports_musd"] + d["imports_musd"])
    trade["trade_share_pct"] = 100 * trade["trade_musd"] / trade.groupby("year")["trade_musd"].transform("sum")
    economy = _table("economy", source_dir)
    parts = [
        _table("un_agreement", source_dir)[key + ["agreement"]].rename(columns={"agreement": "un_agreement"}),
        _table("un_ideal_points", source_dir)[key + ["distance_to_us"]].rename(
            columns={"distance_to_us": "ideal_point_distance"}),
        _table("igo", source_dir)[key + ["shared_igos"]],
        trade[key + ["trade_musd", "trade_share_pct"]],
        _table("alliances", source_dir)[key + ["level"]].rename(columns={"level": "alliance_level"}),
        _table("troops", source_dir)[key + ["troops"]],
        _table("arms", source_dir)[key + ["tiv_millions"]].rename(columns={"tiv_millions": "arms_tiv"}),
        _table("exercises", source_dir)[key + ["exercises"]],
        _table("students", source_dir)[key + ["students"]],
        _table("opinion", source_dir)[key + ["pct_favorable_us"]],
        _table("coauthorship", source_dir)[key + ["share_of_us_articles_pct"]].rename(
            columns={"share_of_us_articles_pct": "coauthor_share_pct"}),
        economy[key + ["gdp_musd", "population"]],
    ]
    panel = None
    for part in parts:
        part = part[part["year"].between(FIRST_YEAR, LAST_YEAR) & (part["iso3"] != "USA")]
        panel = part if panel is None else panel.merge(part, on=key, how="outer")
    for column, (first, last) in ZERO_WITHIN.items():
        inside = panel["year"].between(first, last)
        panel.loc[inside, column] = panel.loc[inside, column].fillna(0)
    panel["trade_pct_gdp"] = 100 * panel["trade_musd"] / panel["gdp_musd"]
    panel["students_per_million"] = 1e6 * panel["students"] / panel["population"]
    for column in ["alliance_level", "troops", "exercises", "students", "population", "shared_igos"]:
        panel[column] = panel[column].round().astype("Int64")
    for column in ["trade_share_pct", "trade_pct_gdp", "students_per_million"]:
        panel[column] = panel[column].round(6)
    require(panel["alliance_level"].dropna().between(0, 3).all(), "panel: alliance level outside 0-3")
    return panel[list(TABLES[0].columns)]


TABLES = [Table(
    name="panel",
    title="Panel: the headline indicator of every pillar, by partner and year",
    description=("One row per partner country and year (1946-2024) joining one or two headline "
                 "indicators of each pillar of closeness (diplomatic, economic, security, "
                 "cultural), for comparing pillars and for building a closeness index."),
    sources=["unvotes", "idealpoints", "cow_igo", "census", "atop", "troops", "sipri", "mme",
             "iie", "pew", "ncses", "worldbank"],
    columns={
        "iso3": "partner country (ISO alpha-3)",
        "year": "calendar year",
        "un_agreement": "diplomatic: share of UN General Assembly votes agreeing with the US (0-1; 1946-2019; table un_agreement)",
        "ideal_point_distance": "diplomatic: distance between the partner's and the US's UN ideal points (0 = same position; 1946-2024)",
        "shared_igos": "diplomatic: intergovernmental organisations both belong to (to 2014)",
        "trade_musd": "economic: US goods exports to plus imports from the partner, millions of current US$ (1985-2022)",
        "trade_share_pct": "economic: the partner's share of all US goods trade, percent (1985-2022)",
        "trade_pct_gdp": "economic: trade with the US as a percentage of the partner's GDP (its dependence on the US)",
        "alliance_level": "security: ATOP alliance level with the US, 0 none to 3 defence pledge (1815-2018; 0 where ATOP lists no alliance)",
        "troops": "security: US active-duty troops in the partner country (1950-2025; table troops)",
        "arms_tiv": "security: US major arms delivered, SIPRI TIV millions (1950-2020; 0 where SIPRI lists none)",
        "exercises": "security: multinational military exercises with the US that started that year (1980-2010; 0 where none)",
        "students": "cultural: students from the partner enrolled in the US, academic year starting that year (2000-2022)",
        "students_per_million": "cultural: students in the US per million inhabitants of the partner",
        "pct_favorable_us": "cultural: percent of the partner's public with a favourable view of the US (Pew, 2002-2023)",
        "coauthor_share_pct": "cultural: percent of US internationally co-authored articles with a co-author from the partner (even years 1996-2020)",
        "gdp_musd": "context: the partner's GDP, millions of current US$ (World Bank)",
        "population": "context: the partner's population (World Bank)",
    },
    primary_key=["iso3", "year"],
    build=build_panel,
    caveats=[
        "Each indicator covers different years: most rows have only some of them filled.",
        "Zeros are filled in only where the source lists positive events (alliances, arms deliveries, "
        "exercises) and the year is inside its coverage; all other gaps stay missing.",
        "Money is in current US dollars, so amounts from different decades are not comparable "
        "without a price index; shares and ratios are.",
        "The United States itself is not a row: every indicator describes a tie with it.",
    ],
)]
