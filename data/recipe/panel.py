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

from . import culture, economy, security, un
from .core import Source, Table, require
from .sources import SOURCES

FIRST_YEAR, LAST_YEAR = 1946, 2024
# (table, years the table covers) for sources that list only positive events
ZERO_WITHIN = {"alliance_level": (1815, 2018), "arms_tiv": (1950, 2020), "exercises": (1980, 2010)}

# The tables the panel joins, each with the columns it takes: {table column: panel column}.
# The panel's sources are read off this list, so they always name every source it draws on.
JOINS = {
    "un_agreement": {"agreement": "un_agreement"},
    "un_ideal_points": {"distance_to_us": "ideal_point_distance"},
    "igo": {"shared_igos": "shared_igos"},
    "trade": {"trade_musd": "trade_musd", "trade_share_pct": "trade_share_pct"},  # made below
    "alliances": {"level": "alliance_level"},
    "troops": {"troops": "troops"},
    "arms": {"tiv_millions": "arms_tiv"},
    "exercises": {"exercises": "exercises"},
    "students": {"students": "students"},
    "opinion": {"pct_favorable_us": "pct_favorable_us"},
    "coauthorship": {"share_of_us_articles_pct": "coauthor_share_pct"},
    "economy": {"gdp_musd": "gdp_musd", "population": "population"},
}
_TABLES = {t.name: t for module in (un, security, economy, culture) for t in module.TABLES}


def _joined_sources() -> list[str]:
    """The sources of every joined table, each once, in the order of JOINS; those that several
    tables share (the country code table) come last."""
    keys = [key for name in JOINS for key in _TABLES[name].sources]
    require(all(isinstance(key, str) for key in keys), "panel: a joined table has a source of its own")
    return sorted(dict.fromkeys(keys), key=lambda key: keys.count(key) > 1)


# The panel's first source says what it is and names the others: `helpers.datasets()` shows
# the first source's publisher as a table's source.
JOINED = Source(
    folder="(derived)",
    title="Joined by the recipe from the collection's tables " + ", ".join(JOINS),
    publisher="Closest Partners, from " + "; ".join(
        dict.fromkeys(SOURCES[key].short for key in _joined_sources())),
    url="data/recipe/panel.py",
    licences=(),  # the panel carries the terms of the sources it joins
    citation=("Closest Partners (2026), panel table joining the collection's tables; cite the "
              "sources of the indicators used, listed with it."),
    short="Closest Partners panel",
)


@lru_cache(maxsize=2)
def build_panel(source_dir: Path) -> pd.DataFrame:
    key = ["iso3", "year"]
    tables = {name: _TABLES[name].build(source_dir) for name in JOINS}
    trade = tables["trade"].assign(trade_musd=lambda d: d["exports_musd"] + d["imports_musd"])
    trade["trade_share_pct"] = 100 * trade["trade_musd"] / trade.groupby("year")["trade_musd"].transform("sum")
    tables["trade"] = trade
    parts = [tables[name][key + list(columns)].rename(columns=columns) for name, columns in JOINS.items()]
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
    sources=[JOINED, *_joined_sources()],
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
