"""Technology and trade: who is "close" when trade and research move (notebook 11).

The tables behind it:

- ``trade``: US goods exports and imports by partner, 1985-2022 (US Census Bureau);
- ``trade_history``: each partner's share of US trade, 1870-2014 (CEPII TRADHIST; shares only);
- ``coauthorship``: scientific co-authorship with the United States (NSF NCSES), in both
  directions: the partner's share of US international articles (even years 1996-2020) and the
  US share of the partner's international articles (odd years 2003-2021);
- ``countries``: World Bank regions and the groups compared here (ATOP defence pledge in
  2018, NATO, Five Eyes, Quad).

Groups have a fixed membership: the members of today (NATO, Five Eyes, Quad) or of 2018 (ATOP
defence pledges), in every year drawn. A line for "treaty allies" in 1990 therefore answers
"how much did the US trade with the countries that are its allies now?", not "with its
allies of 1990".

A group's share of a flow is the sum of its members' flows divided by the flow summed over
every partner listed that year (as the `panel` table does)::

    share_pct(group, year) = 100 * sum(flow of members) / sum(flow of all partners)

Shares need no price index, but they are still shares of *goods*, in current dollars, and of
the partners the source lists (about 75 before 1992 in the Census data).

>>> members("five_eyes")
['AUS', 'CAN', 'GBR', 'NZL']
>>> round(float(group_share("china", "imports", 2022)["value"].item()), 1)
16.5
"""
from __future__ import annotations

import textwrap
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter

from . import plots, style
from .countries import country, name
from .data import coverage, load

__all__ = ["GROUPS", "INDICATORS", "PARTITION", "EAST_ASIA", "COAUTHOR_FOCUS", "SHORT", "KIND",
           "members", "groups_table", "partner_shares", "group_share", "group_table",
           "group_snapshot", "draw_groups", "draw_china_vs_allies", "region_table", "asia_split",
           "crossing_year", "draw_asia_split", "coauthor_table", "draw_coauthorship", "partition_of",
           "friendshoring", "share_changes", "draw_friendshoring", "explorer"]

# The groups a student can compare. Memberships come from the `countries` table.
GROUPS = {
    "treaty_allies": "Treaty allies (ATOP defence pledge, 2018)",
    "nato": "NATO members (today)",
    "five_eyes": "Five Eyes partners",
    "quad": "Quad partners",
    "china": "China",
    "connectors": "Mexico and Vietnam",
    "others": "Everyone else (not a treaty ally, not China)",
}
# What can be measured for a group, year by year: (label, axis label, table).
INDICATORS = {
    "trade": ("Share of US goods trade (exports + imports)", "% of US goods trade", "trade"),
    "imports": ("Share of US goods imports", "% of US goods imports", "trade"),
    "exports": ("Share of US goods exports", "% of US goods exports", "trade"),
    "trade_long": ("Share of US trade, long view (TRADHIST)", "% of recorded US trade",
                   "trade_history"),
    "coauthor": ("Share of US international co-authored articles (sum over members covered)",
                 "% of US international articles (whole counts)", "coauthorship"),
}
# Four groups that do not overlap and cover every partner: for the friend-shoring test.
PARTITION = {
    "china": "China",
    "connectors": "Mexico and Vietnam",
    "allies_without_mexico": "Treaty allies other than Mexico",
    "rest": "Everyone else (other than Vietnam)",
}
# Short names for the columns of small tables.
SHORT = {"treaty_allies": "Treaty allies", "nato": "NATO", "five_eyes": "Five Eyes", "quad": "Quad",
         "china": "China", "connectors": "Mexico and Vietnam", "others": "Everyone else"}
# The kind of partner, for the table of the partners that gained and lost most.
KIND = {"china": "China", "connectors": "connector", "allies_without_mexico": "treaty ally",
        "rest": "other"}
CONNECTORS = ("MEX", "VNM")
EAST_ASIA = "East Asia & Pacific"
# China and the allies with the largest shares of US co-authorship (all in both series).
COAUTHOR_FOCUS = ("CHN", "GBR", "DEU", "CAN", "JPN", "KOR", "AUS")
# Fixed colours and line styles per group, so that a group looks the same in every figure.
_ORDER = list(GROUPS) + ["allies_without_mexico", "rest"]
BILLION = 1000.0  # millions per billion


def _style_of(key: str) -> dict:
    k = _ORDER.index(key) if key in _ORDER else 0
    return {"color": style.PALETTE[k % len(style.PALETTE)],
            "linestyle": style.LINESTYLES[k % len(style.LINESTYLES)]}


def _check(kind: str, value, options) -> str:
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{value!r} is not a {kind}; choose one of {', '.join(options)}.")
    return value


def _years(df: pd.DataFrame, years) -> pd.DataFrame:
    if years is None:
        return df
    first, last = (years, years) if isinstance(years, (int, np.integer)) else years
    return df[df["year"].between(first, last)]


# ------------------------------------------------------------------------ groups

def members(group: str) -> list[str]:
    """The ISO codes of a group's members (the United States itself is never a member).

    "others" is every country or territory that is neither a treaty ally nor China;
    "connectors" are Mexico and Vietnam, through which goods can reach the US from elsewhere.

    >>> members("quad")
    ['AUS', 'IND', 'JPN']
    >>> "MEX" in members("treaty_allies"), "CHN" in members("others")
    (True, False)
    """
    _check("group", group, GROUPS)
    return list(_members(group))


# The tables read through `load` do not change during a session, so the functions below cache
# what they compute from them. The cache is keyed on `load` itself: a test that replaces
# `load` with made-up tables gets its own results, never those of the real tables.

def _members(group: str) -> tuple[str, ...]:
    """`members`, from the cache."""
    return _members_of(group, load)


@lru_cache(maxsize=64)
def _members_of(group: str, loader) -> tuple[str, ...]:
    c = loader("countries")
    c = c[c["iso3"] != "USA"]
    allies = c["us_defense_pact_2018"].fillna(False).astype(bool)
    picked = {
        "treaty_allies": allies,
        "nato": c["nato_member_since"].notna(),
        "five_eyes": c["five_eyes"].fillna(False).astype(bool),
        "quad": c["quad"].fillna(False).astype(bool),
        "china": c["iso3"] == "CHN",
        "connectors": c["iso3"].isin(CONNECTORS),
        "others": ~allies & (c["iso3"] != "CHN"),
    }[group]
    return tuple(sorted(c.loc[picked, "iso3"]))


def groups_table() -> pd.DataFrame:
    """One row per group: its label, how many members it has, and who they are.

    >>> int(groups_table().loc["china", "members"])
    1
    """
    rows = []
    for key, label in GROUPS.items():
        codes = members(key)
        shown = ", ".join(name(c) for c in codes[:12]) + (", ..." if len(codes) > 12 else "")
        rows.append({"group": key, "label": label, "members": len(codes), "who": shown})
    return pd.DataFrame(rows).set_index("group")


# ------------------------------------------------------------------------ shares of US trade

def partner_shares(years=None) -> pd.DataFrame:
    """The `trade` table with each partner's share of every US flow in its year (Census).

        trade_musd = exports_musd + imports_musd
        <flow>_share_pct = 100 * <flow> / (<flow> summed over every partner that year)

    Shares are computed over all partners before `years` filters the rows.

    >>> s = partner_shares(2022)
    >>> round(float(s["imports_share_pct"].sum()), 6)
    100.0
    """
    return _years(_partner_shares(), years).reset_index(drop=True).copy()


def _partner_shares() -> pd.DataFrame:
    """`partner_shares()` for every year, from the cache: do not change the table returned."""
    return _partner_shares_of(load)


@lru_cache(maxsize=4)
def _partner_shares_of(loader) -> pd.DataFrame:
    df = loader("trade")
    df["trade_musd"] = df["exports_musd"] + df["imports_musd"]
    for flow in ("trade", "imports", "exports"):
        column = df[f"{flow}_musd"]
        df[f"{flow}_share_pct"] = 100 * column / column.groupby(df["year"]).transform("sum")
    return df


def group_share(group: str, indicator: str = "trade", years=None) -> pd.DataFrame:
    """A group's value of one indicator of `INDICATORS`, year by year: columns year, value,
    covered (members with data that year).

    - "trade", "imports", "exports": the group's share of that US goods flow (Census, %);
    - "trade_long": the sum of the members' TRADHIST shares of US trade (%, 1870-2014);
    - "coauthor": the sum of the members' shares of US internationally co-authored articles
      (%, even years 1996-2020). Whole counting: an article with co-authors from two members
      counts for both, so the sum can exceed the share of articles with *any* member. Only
      the 14 partners of the NCSES table are covered.

    >>> df = group_share("five_eyes", "coauthor", 2020)
    >>> int(df["covered"].item())   # Australia, Canada, the UK (no New Zealand in the table)
    3
    """
    _check("indicator", indicator, INDICATORS)
    _check("group", group, GROUPS)
    out = _years(_group_share(group, indicator, load), years).reset_index(drop=True).copy()
    if out.empty:
        raise ValueError(f"No data on '{INDICATORS[indicator][0]}' for {GROUPS[group]} in these "
                         "years: the table has none of its members (or not these years).")
    return out


@lru_cache(maxsize=256)
def _group_share(group: str, indicator: str, loader) -> pd.DataFrame:
    """`group_share(group, indicator)` for every year, cached: do not change the table returned."""
    codes = _members_of(group, loader)
    if indicator in ("trade", "imports", "exports"):
        df = _partner_shares_of(loader)
        column = f"{indicator}_share_pct"
    elif indicator == "trade_long":
        df, column = loader("trade_history"), "trade_share_pct"
    else:
        df, column = loader("coauthorship"), "share_of_us_articles_pct"
    df = df[df["iso3"].isin(codes)].dropna(subset=[column])
    return df.groupby("year").agg(value=(column, "sum"), covered=("iso3", "nunique")).reset_index()


def group_table(groups, indicator: str = "trade", years=None) -> pd.DataFrame:
    """`group_share` for several groups, stacked: columns group, label, year, value, covered.

    >>> group_table(["china", "treaty_allies"], "imports", 2022)["group"].tolist()
    ['china', 'treaty_allies']
    """
    if isinstance(groups, str):
        groups = [groups]
    parts = [group_share(g, indicator, years).assign(group=g, label=GROUPS[g]) for g in groups]
    return pd.concat(parts, ignore_index=True)[["group", "label", "year", "value", "covered"]]


def _available(groups, indicator: str, years) -> tuple[list[str], list[str]]:
    """The groups with some data for an indicator, and those without any."""
    having, missing = [], []
    for g in groups:
        try:
            group_share(g, indicator, years)
            having.append(g)
        except ValueError:
            missing.append(g)
    return having, missing


def group_snapshot(groups=("treaty_allies", "china", "others"), indicator: str = "imports",
                   years=(1985, 1995, 2005, 2015, 2022)) -> pd.DataFrame:
    """`group_table` for a few years, as a small table: years as rows, groups as columns.

    >>> group_snapshot(["china", "treaty_allies"], "imports", (2017, 2022)).columns.tolist()
    ['China', 'Treaty allies']
    """
    groups = [groups] if isinstance(groups, str) else list(groups)
    df = group_table(groups, indicator)
    df = df[df["year"].isin(list(years))]
    table = df.pivot(index="year", columns="group", values="value")[groups]
    table.columns = [SHORT[g] for g in groups]
    return table.round(1)


def _percent(ax, axis: str = "y") -> None:
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}%"))


def _line(ax, series: pd.Series, key: str, label: str, **kw) -> None:
    """One group's line in the group's own colour and line style; a missing value breaks it."""
    ax.plot(series.index, series.to_numpy(dtype=float), label=label, **{**_style_of(key), **kw})


def _ends(df: pd.DataFrame) -> str:
    parts = []
    for key, one in df.groupby("group", sort=False):
        one = one.sort_values("year")
        a, b = one.iloc[0], one.iloc[-1]
        parts.append(f"{GROUPS[key]} {a['value']:.3g}% in {a['year']}, {b['value']:.3g}% in {b['year']}")
    return "; ".join(parts)


def draw_groups(groups=("five_eyes", "quad", "china"), indicator: str = "trade", years=None) -> None:
    """Line chart: one indicator of `INDICATORS` for some groups, year by year.

    >>> draw_groups(["china", "quad"], "imports", (2000, 2005))
    Figure(...)
    """
    if isinstance(groups, str):
        groups = [groups]
    if not groups:
        raise ValueError("Pick at least one group.")
    _check("indicator", indicator, INDICATORS)
    groups, missing = _available(groups, indicator, years)
    if not groups:
        raise ValueError(f"No data on '{INDICATORS[indicator][0]}' for these groups in these years.")
    df = group_table(groups, indicator, years)
    if not style.is_in_use():
        style.use()
    title, unit, _ = INDICATORS[indicator]
    fig, ax = plt.subplots(figsize=(9, 5))
    marker = "o" if indicator == "coauthor" else None
    for key in groups:
        one = df[df["group"] == key].set_index("year")["value"]
        if indicator != "coauthor":
            one = one.reindex(range(int(one.index.min()), int(one.index.max()) + 1))
        _line(ax, one, key, GROUPS[key], marker=marker, markersize=4)
    ax.set_ylim(0, None)
    _percent(ax)
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel(unit)
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2 if len(groups) > 3 else len(groups),
               fontsize=9)
    notes = []
    if indicator == "coauthor":
        notes.append("Only 14 partners are in the co-authorship table; members covered: " + ", ".join(
            f"{SHORT[g]} {int(df.loc[df['group'] == g, 'covered'].max())} of {len(members(g))}"
            for g in groups) + ".")
    if missing:
        notes.append("No data for: " + ", ".join(GROUPS[g] for g in missing) + ".")
    if notes:
        ax.set_xlabel("year\n\n" + "\n".join(textwrap.fill(n, 115) for n in notes), fontsize=8.5,
                      loc="left")
    plots.show(fig, f"Line chart: {title}, by group of partners, "
                    f"{int(df['year'].min())}-{int(df['year'].max())}. {_ends(df)}."
                    + (" " + " ".join(notes) if notes else ""))


def draw_china_vs_allies(years=None) -> None:
    """Two line charts side by side: the shares of US goods imports (left) and exports (right)
    of the treaty allies, China and everyone else. The three groups cover every partner, so
    each panel adds up to 100% in every year.

    >>> draw_china_vs_allies((2010, 2012))
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    keys = ("treaty_allies", "china", "others")
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.6), sharey=True)
    described = []
    for ax, flow in zip(axes, ("imports", "exports")):
        df = group_table(keys, flow, years)
        for key in keys:
            one = df[df["group"] == key].set_index("year")["value"]
            _line(ax, one, key, GROUPS[key])
        ax.set_title(f"Share of US goods {flow}", fontsize=12)
        ax.set_xlabel("year")
        ax.set_ylim(0, 100)
        _percent(ax)
        described.append(f"{flow}: {_ends(df)}")
    axes[0].set_ylabel("% of the US total")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=3, fontsize=9)
    fig.suptitle("US goods trade: treaty allies, China and everyone else", fontweight="bold",
                 x=0.02, ha="left")
    plots.show(fig, "Two line charts of the shares of US goods imports and exports held by "
                    "the treaty allies, China and all other partners. " + ". ".join(described) + ".")


# ------------------------------------------------------------------------ the shift to Asia

def region_table(years=(1985, 1995, 2005, 2015, 2022)) -> pd.DataFrame:
    """Each World Bank region's share of US goods trade (Census, %), regions as rows.

    >>> t = region_table((2022,))
    >>> round(float(t[2022].sum()))   # a few small territories have no region
    100
    """
    df = _partner_shares().merge(load("countries")[["iso3", "region"]], on="iso3", how="left")
    df = df[df["year"].isin(list(years))].dropna(subset=["region"])
    table = df.pivot_table(index="region", columns="year", values="trade_share_pct", aggfunc="sum")
    table.columns.name = "year"
    return table.sort_values(table.columns[-1], ascending=False).round(1)


def asia_split(source: str = "trade") -> pd.DataFrame:
    """US trade with East Asia & Pacific, split into treaty allies in the region and everyone
    else in the region (China included): columns year, group, share_pct, source.

    ``source`` is "trade" (Census, 1985-2022) or "trade_history" (TRADHIST, 1870-2014). The
    allies are those of 2018 (ATOP) in every year.

    >>> a = asia_split("trade")
    >>> sorted(a["group"].unique())
    ['allies', 'others']
    """
    _check("source", source, ("trade", "trade_history"))
    return _asia_split(source, load).copy()


@lru_cache(maxsize=16)
def _asia_split(source: str, loader) -> pd.DataFrame:
    """`asia_split(source)`, cached: do not change the table returned."""
    regions = loader("countries")[["iso3", "region"]]
    allies = set(_members_of("treaty_allies", loader))
    if source == "trade":
        df = _partner_shares_of(loader)[["iso3", "year", "trade_share_pct"]]
    else:
        df = loader("trade_history")[["iso3", "year", "trade_share_pct"]]
    df = df.merge(regions, on="iso3").dropna(subset=["trade_share_pct"])
    df = df[df["region"] == EAST_ASIA]
    df["group"] = np.where(df["iso3"].isin(allies), "allies", "others")
    out = df.groupby(["year", "group"], as_index=False)["trade_share_pct"].sum()
    out = out.rename(columns={"trade_share_pct": "share_pct"})
    out["source"] = "Census" if source == "trade" else "TRADHIST"
    return out


def crossing_year(source: str = "trade", first: int = 1950) -> int | None:
    """The first year (from `first`) in which US trade with the non-allied partners of East
    Asia & Pacific was larger than with the allied ones; None if it never was.

    >>> crossing_year("trade")
    2002
    """
    wide = _asia_split(_check("source", source, ("trade", "trade_history")), load).pivot(
        index="year", columns="group", values="share_pct")
    wide = wide[wide.index >= first]
    ahead = wide.index[wide["others"] > wide["allies"]]
    return int(ahead[0]) if len(ahead) else None


def draw_asia_split(first: int = 1950) -> None:
    """Line chart: share of US trade with the treaty allies of East Asia & Pacific and with
    the rest of the region (China included), from `first` to 2022. Solid: TRADHIST (to 2014);
    dashed: Census (from 1985). Shaded: 1950-1990, when TRADHIST has no Germany.

    >>> draw_asia_split(1990)
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    fig, ax = plt.subplots(figsize=(9.5, 4.8))
    if first < 1990:
        ax.axvspan(max(first, 1950), 1990, color=style.US_COLOR, alpha=0.07, linewidth=0)
        ax.text((max(first, 1950) + 1990) / 2, 0.97, "TRADHIST has no Germany, 1950–1990",
                transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=8.5,
                color=style.US_COLOR)
    labels = {"allies": "Treaty allies in East Asia & Pacific",
              "others": "Rest of East Asia & Pacific (China included)"}
    keys = {"allies": "treaty_allies", "others": "china"}
    described = []
    for group in ("allies", "others"):
        for source, dash, width in (("trade_history", "-", 2.2), ("trade", "--", 1.6)):
            df = asia_split(source)
            one = df[(df["group"] == group) & (df["year"] >= first)].set_index("year")["share_pct"]
            one = one.reindex(range(int(one.index.min()), int(one.index.max()) + 1))
            src = "TRADHIST" if source == "trade_history" else "Census"
            ax.plot(one.index, one.to_numpy(dtype=float), color=_style_of(keys[group])["color"],
                    linestyle=dash, linewidth=width, label=f"{labels[group]} ({src})")
            known = one.dropna()
            described.append(f"{labels[group]} in {src}: {known.iloc[0]:.0f}% in {known.index[0]}, "
                             f"{known.iloc[-1]:.0f}% in {known.index[-1]}")
    ax.set_ylim(0, None)
    _percent(ax)
    ax.set_title("Asia's share of US trade: from allies to everyone else")
    ax.set_xlabel("year")
    ax.set_ylabel("% of US trade (exports + imports)")
    ax.legend(loc="upper left", fontsize=8.5, bbox_to_anchor=(0.0, 0.9))
    crossing = crossing_year("trade")
    plots.show(fig, "Line chart: share of US trade with the treaty allies of East Asia & Pacific "
                    "and with the other partners of the region, solid lines TRADHIST, dashed "
                    f"lines Census. {'; '.join(described)}. In the Census data the others first "
                    f"exceed the allies in {crossing}.")


# ------------------------------------------------------------------------ research partners

def coauthor_table(direction: str = "us", countries=None) -> pd.DataFrame:
    """Co-authorship shares as a table, partners as columns and years as rows.

    ``direction`` "us": the partner's share of US internationally co-authored articles
    (even years 1996-2020); "partner": the share of the partner's internationally co-authored
    articles that have a US co-author (odd years 2003-2021). The two never share a year and
    have different denominators: do not compare one with the other.

    >>> coauthor_table("us", ["CHN"]).index[[0, -1]].tolist()
    [1996, 2020]
    """
    _check("direction", direction, ("us", "partner"))
    column = "share_of_us_articles_pct" if direction == "us" else "partner_articles_with_us_pct"
    df = load("coauthorship").dropna(subset=[column])
    if countries is not None:
        codes = [country(c) for c in ([countries] if isinstance(countries, str) else countries)]
        df = df[df["iso3"].isin(codes)]
    return df.pivot(index="year", columns="iso3", values=column)


def draw_coauthorship(countries=COAUTHOR_FOCUS) -> None:
    """Two line charts: the partners' shares of US international co-authorship (left) and the
    US share of each partner's international co-authorship (right). China is drawn thicker.

    >>> draw_coauthorship(["CHN", "GBR"])
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    codes = [country(c) for c in countries]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.8))
    titles = {"us": "Partner's share of US international articles",
              "partner": "US share of the partner's international articles"}
    described = []
    for ax, direction in zip(axes, ("us", "partner")):
        table = coauthor_table(direction, codes)
        china = _style_of("china")
        others = [k for k in range(len(style.PALETTE)) if style.PALETTE[k] != china["color"]]
        k = 0
        for code in codes:
            if code == "CHN":
                look = {**china, "linestyle": "-", "linewidth": 3, "zorder": 3}
            else:
                j = others[k % len(others)]
                look = {"color": style.PALETTE[j], "linewidth": 1.6, "zorder": 2,
                        "linestyle": style.LINESTYLES[(k + 1) % len(style.LINESTYLES)]}
                k += 1
            if code not in table:
                continue
            one = table[code].dropna()
            ax.plot(one.index, one.to_numpy(dtype=float), label=name(code), marker="o",
                    markersize=3, **look)
        ax.set_xlim(1994, 2022)          # the same years on both panels, ticks every 5 years
        ax.set_xticks(range(1995, 2021, 5))
        ax.set_title(titles[direction], fontsize=11.5)
        ax.set_xlabel("year")
        ax.set_ylim(0, None)
        _percent(ax)
        first, last = table.index[0], table.index[-1]
        ends = ", ".join(f"{name(c)} {table.loc[first, c]:.3g}% to {table.loc[last, c]:.3g}%"
                         for c in codes if c in table)
        described.append(f"{titles[direction]}, {first}-{last}: {ends}")
    axes[0].set_ylabel("% of articles (whole counts)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside right center", fontsize=9)
    fig.suptitle("Research partners in both directions (internationally co-authored articles)",
                 fontweight="bold", x=0.02, ha="left")
    plots.show(fig, "Two line charts of scientific co-authorship with the United States. "
                    + ". ".join(described) + ".")


# ------------------------------------------------------------------------ friend-shoring

def _partition(codes) -> pd.Series:
    """The friend-shoring group (a key of `PARTITION`) of each code, for many codes at once."""
    codes = pd.Series(list(codes), dtype=object)
    allies = set(_members("treaty_allies"))
    groups = np.select([codes == "CHN", codes.isin(CONNECTORS), codes.isin(allies)],
                       ["china", "connectors", "allies_without_mexico"], "rest")
    return pd.Series(groups, index=codes.index, dtype=object)


def partition_of(iso3: str) -> str:
    """The friend-shoring group of a partner: one key of `PARTITION`.

    >>> [partition_of(c) for c in ["CHN", "MEX", "VNM", "JPN", "TWN"]]
    ['china', 'connectors', 'connectors', 'allies_without_mexico', 'rest']
    """
    return str(_partition([iso3]).iloc[0])


def friendshoring(start: int = 2017, end: int = 2022) -> pd.DataFrame:
    """The crude friend-shoring test: US goods imports by group that do not overlap (China;
    Mexico and Vietnam; the other treaty allies; everyone else), in `start` and `end`.

        share_pct   = 100 * group's imports / all US goods imports that year
        change_pp   = share in `end` - share in `start` (percentage points; they add up to 0)
        growth_pct  = 100 * (imports in `end` / imports in `start` - 1)   (current dollars)

    >>> t = friendshoring()
    >>> abs(round(float(t["change_pp"].sum()), 9))
    0.0
    """
    first, last = coverage("trade")
    for y in (start, end):
        if not first <= y <= last:
            raise ValueError(f"The trade table covers {first}-{last}; {y} is outside it.")
    if start >= end:
        raise ValueError("The first year must come before the last.")
    df = load("trade", years=(start, end))
    df = df[df["year"].isin([start, end])]
    df["group"] = _partition(df["iso3"]).to_numpy()
    wide = df.pivot_table(index="group", columns="year", values="imports_musd", aggfunc="sum")
    out = pd.DataFrame({
        "label": [PARTITION[g] for g in wide.index],
        f"imports_{start}_bn": wide[start] / BILLION,
        f"imports_{end}_bn": wide[end] / BILLION,
        f"share_{start}_pct": 100 * wide[start] / wide[start].sum(),
        f"share_{end}_pct": 100 * wide[end] / wide[end].sum(),
    }, index=wide.index)
    out["change_pp"] = out[f"share_{end}_pct"] - out[f"share_{start}_pct"]
    out["growth_pct"] = 100 * (wide[end] / wide[start] - 1)
    return out.loc[list(PARTITION)]


def share_changes(start: int = 2017, end: int = 2022, n: int = 8) -> pd.DataFrame:
    """The partners whose share of US goods imports rose most and fell most from `start` to
    `end` (percentage points), with the kind of partner each is (China, connector, treaty
    ally other than Mexico, or other).

    >>> share_changes(n=1)["iso3"].tolist()
    ['VNM', 'CHN']
    """
    s = partner_shares((start, end))
    s = s[s["year"].isin([start, end])]
    wide = s.pivot(index="iso3", columns="year", values="imports_share_pct").dropna()
    change = (wide[end] - wide[start]).sort_values(ascending=False)
    picked = pd.concat([change.head(n), change.tail(n)])
    out = pd.DataFrame({"iso3": picked.index, "name": [name(c) for c in picked.index],
                        f"share_{start}_pct": wide.loc[picked.index, start].to_numpy(),
                        f"share_{end}_pct": wide.loc[picked.index, end].to_numpy(),
                        "change_pp": picked.to_numpy(),
                        "kind": _partition(picked.index).map(KIND).to_numpy()})
    return out.round(2).reset_index(drop=True)


def draw_friendshoring(start: int = 2017, end: int = 2022) -> None:
    """Bar chart: change in each group's share of US goods imports from `start` to `end`, in
    percentage points, with each group's growth in current dollars written beside its bar.

    >>> draw_friendshoring()
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    t = friendshoring(start, end).iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 3.6))
    colours = [_style_of("china" if g == "china" else
                         "connectors" if g == "connectors" else
                         "treaty_allies" if g == "allies_without_mexico" else "others")["color"]
               for g in t.index]
    ax.barh(t["label"], t["change_pp"], color=colours)
    ax.axvline(0, color=style.US_COLOR, linewidth=1)
    span = t["change_pp"].abs().max()
    for y, (change, growth) in enumerate(zip(t["change_pp"], t["growth_pct"])):
        ax.text(change + (0.04 * span if change >= 0 else -0.04 * span), y,
                f"{change:+.1f} pts\n(imports {growth:+.0f}%)".replace("-", "−"), va="center",
                ha="left" if change >= 0 else "right", fontsize=9)
    ax.set_xlim(-1.75 * span, 1.6 * span)
    ax.set_title(f"Who gained share of US goods imports, {start}–{end}?")
    ax.set_xlabel(f"Change in share of US goods imports, {start} to {end} (percentage points)")
    ax.grid(axis="y", visible=False)
    listed = "; ".join(f"{r['label']} {r['change_pp']:+.1f} points, imports {r['growth_pct']:+.0f}% "
                       "in current dollars" for _, r in t.iloc[::-1].iterrows())
    plots.show(fig, f"Bar chart: change in four groups' shares of US goods imports from {start} "
                    f"to {end}, in percentage points. {listed}.")


# ------------------------------------------------------------------------ explorer

def explorer(groups=("five_eyes", "quad", "china"), indicator: str = "trade"):
    """Pick groups of partners and an indicator; see the indicator over time.

    The default view is `draw_groups(groups, indicator)`.
    """
    import ipywidgets

    from . import widgets as w

    options = {label: key for key, (label, _, _) in INDICATORS.items()}
    picker = ipywidgets.SelectMultiple(options=[(label, key) for key, label in GROUPS.items()],
                                       value=tuple(groups), rows=len(GROUPS), description="Groups",
                                       style={"description_width": "initial"},
                                       layout=ipywidgets.Layout(width="420px"))

    def draw(indicator, groups):
        if not groups:
            print("Pick at least one group (hold Ctrl or Cmd to pick several).")
            return
        try:
            draw_groups(list(groups), indicator)
        except ValueError as err:
            print(err)

    return w.explorer(draw, indicator=w.choice(options, indicator, "Indicator"), groups=picker)
