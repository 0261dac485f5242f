"""Economic ties: who the United States trades and invests with (notebook 03_economic).

The tables behind it:

- ``trade``: US goods exports and imports by partner, 1985-2022 (US Census Bureau);
- ``trade_history``: each partner's share of US trade, 1870-2014 (CEPII TRADHIST; shares only);
- ``economy``: GDP by country, for trade dependence (World Bank);
- ``investment``: direct investment positions and outflows (US Bureau of Economic Analysis);
- ``countries`` (World Bank regions, defence pledges) and ``un_agreement`` (UN votes).

Units follow the tables: money in millions of current US dollars (``_musd``; figures show
billions), shares in percent (``_pct``, 0-100). Trade dependences are proportions, as
`helpers.measures.trade_dependence` returns them (0.05 = trade worth 5 % of GDP).

>>> top = ranking(2022, n=3)
>>> top["iso3"].tolist()
['CAN', 'MEX', 'CHN']
>>> bool((top["exports_musd"] + top["imports_musd"] == top["trade_musd"]).all())
True
"""
from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, LogLocator

from . import measures, plots, style
from .countries import country
from .data import coverage, load

__all__ = ["FOCUS", "HISTORY_PANELS", "COMPARE", "SCATTER_LABELS", "HUBS", "MEASURES",
           "goods_trade", "ranking", "draw_ranking", "draw_shares", "history", "draw_history",
           "region_shares", "region_table", "draw_atlantic_pacific", "dependence",
           "dependence_table", "draw_dependence", "fdi_position", "fdi_ranking", "draw_fdi",
           "outflows", "draw_outflows", "trade_vs_agreement", "closeness_table",
           "draw_trade_vs_agreement", "measure_table", "draw_measure", "explorer"]

# The six largest US goods trade partners of recent years, plus the United Kingdom.
FOCUS = ["CAN", "MEX", "CHN", "JPN", "DEU", "GBR"]
# Partners of the long view, drawn in two panels so that each stays readable.
HISTORY_PANELS = {"European partners": ["GBR", "FRA", "DEU"],
                  "Partners in the Americas and Asia": ["CAN", "MEX", "JPN", "CHN"]}
# Neighbours against distant allies, for trade dependence.
COMPARE = ["CAN", "MEX", "CHN", "GBR", "JPN", "DEU", "FRA", "AUS", "KOR", "IND"]
SCATTER_LABELS = ["CHN", "GBR", "JPN", "CAN", "MEX", "AUS", "FRA", "IND"]
# Holding-company hubs named in the `investment` table's caveats: Luxembourg, the Netherlands,
# Ireland, Switzerland and the UK's Caribbean islands (Bermuda, Cayman Islands, British
# Virgin Islands, Turks and Caicos, Anguilla, Montserrat).
HUBS = ("LUX", "NLD", "IRL", "CHE", "BMU", "CYM", "VGB", "TCA", "AIA", "MSR")
WORLD_WARS = ((1914, 1918), (1939, 1945))
ATLANTIC, PACIFIC = "Europe & Central Asia", "East Asia & Pacific"
BILLION = 1000.0  # millions per billion


# ------------------------------------------------------------------------ small helpers

def _codes(countries) -> list[str]:
    return [country(c) for c in ([countries] if isinstance(countries, str) else countries)]


def _filter(df: pd.DataFrame, countries=None, years=None) -> pd.DataFrame:
    """Keep some countries (names or codes) and years (one year or a (first, last) pair)."""
    if countries is not None:
        df = df[df["iso3"].isin(_codes(countries))]
    if years is not None:
        first, last = (years, years) if isinstance(years, (int, np.integer)) else years
        df = df[df["year"].between(first, last)]
    return df.reset_index(drop=True)


def _latest(table: str) -> int:
    return coverage(table)[1]



def _lines(df: pd.DataFrame, y: str, *, title: str, ylabel: str, by: str = "iso3") -> None:
    """Like `helpers.plots.lines`, with the legend beside the chart (where it hides no line) and
    lines that break at missing years instead of joining across them."""
    if not style.is_in_use():
        style.use()
    fig, ax = plt.subplots(figsize=(9, 4.5))
    first, last = int(df["year"].min()), int(df["year"].max())
    for key, group in df.groupby(by, sort=True):
        one = group.set_index("year")[y].reindex(range(first, last + 1))
        ax.plot(one.index, one.to_numpy(dtype=float), label=plots.country_label(key))
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))
    plots.show(fig, plots.describe_lines(df, "year", y, by, title, ylabel))


def _percent_axis(ax, axis: str = "x") -> None:
    """Tick labels such as 0.1%, 1%, 10% for values already in percent (log axes too)."""
    fmt = FuncFormatter(lambda v, _: f"{v:g}%")
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


# ------------------------------------------------------------------------ trade (Census)

def goods_trade(countries=None, years=None) -> pd.DataFrame:
    """The `trade` table with total trade, the balance and each partner's share of US trade.

        trade_musd   = exports_musd + imports_musd
        balance_musd = exports_musd - imports_musd   (negative: the US buys more than it sells)
        share_pct    = 100 * trade_musd / (trade_musd summed over every partner that year)

    Shares are computed over all partners before `countries` and `years` filter the rows.
    From 1985 to 1991 the source lists only about 75 major partners, so the denominator of
    those years leaves out the smallest ones.

    >>> uk = goods_trade("United Kingdom", 2022)
    >>> bool(uk["trade_musd"].item() == uk["exports_musd"].item() + uk["imports_musd"].item())
    True
    >>> round(float(goods_trade(years=2022)["share_pct"].sum()), 6)
    100.0
    """
    return _filter(_goods_trade_of(load).copy(), countries, years)


# The notebook asks for the same trade shares, and the same joins with `economy` and
# `un_agreement`, for several tables and figures. The builders named `_..._of(loader)` compute
# each once and keep it in memory (functools.lru_cache); public functions hand out copies. The
# function that loads the tables (`load`) is part of the key, so a test that swaps `load` for
# toy tables gets results of its own, not the ones kept from the real tables.

@lru_cache(maxsize=4)
def _goods_trade_of(loader) -> pd.DataFrame:
    df = loader("trade")
    df["trade_musd"] = df["exports_musd"] + df["imports_musd"]
    df["balance_musd"] = df["exports_musd"] - df["imports_musd"]
    df["share_pct"] = 100 * df["trade_musd"] / df.groupby("year")["trade_musd"].transform("sum")
    return df


def ranking(year: int | None = None, n: int = 15) -> pd.DataFrame:
    """The `n` largest US goods trade partners of a year (default: the latest), largest first.

    >>> ranking(2022, n=2)[["rank", "name"]]
       rank    name
    0     1  Canada
    1     2  Mexico
    """
    year = _latest("trade") if year is None else int(year)
    df = goods_trade(years=year).sort_values("trade_musd", ascending=False).head(n)
    df.insert(0, "rank", np.arange(1, len(df) + 1))
    df.insert(2, "name", [plots.country_label(c) for c in df["iso3"]])
    return df[["rank", "iso3", "name", "year", "exports_musd", "imports_musd", "trade_musd",
               "share_pct"]].reset_index(drop=True)


def draw_ranking(year: int | None = None, n: int = 15) -> None:
    """Bar chart of the largest partners of a year: exports and imports stacked, with each
    partner's share of US goods trade written at the end of its bar.

    >>> draw_ranking(2022, n=5)
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    top = ranking(year, n).iloc[::-1]                          # largest at the top
    year = int(top["year"].iloc[0])
    fig, ax = plt.subplots(figsize=(8, max(3.0, 0.34 * len(top) + 1.4)))
    exports, imports = top["exports_musd"] / BILLION, top["imports_musd"] / BILLION
    ax.barh(top["name"], exports, color=style.PALETTE[0], label="US exports to the partner")
    ax.barh(top["name"], imports, left=exports, color=style.PALETTE[1],
            label="US imports from the partner")
    for y, (total, share) in enumerate(zip(exports + imports, top["share_pct"])):
        ax.text(total, y, f"  {share:.1f}%", va="center", fontsize=9)
    ax.set_xlim(0, (exports + imports).max() * 1.13)
    ax.set_title(f"The largest US goods trade partners, {year}")
    ax.set_xlabel("US$ billions, current (exports + imports); % = share of all US goods trade")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    first = top.iloc[::-1].head(5)
    listed = ", ".join(f"{r['name']} {r['trade_musd'] / BILLION:,.0f} billion dollars "
                       f"({r['share_pct']:.1f}% of US goods trade)" for _, r in first.iterrows())
    plots.show(fig, f"Stacked bar chart: US exports and imports of goods with the {len(top)} "
                    f"largest partners in {year}, in billions of current dollars. Largest first: "
                    f"{listed}.")


def draw_shares(countries=FOCUS, years=None) -> None:
    """Line chart: each partner's share of all US goods trade, year by year (Census).

    >>> draw_shares(["CAN", "JPN"], years=(1990, 1995))
    Figure(...)
    """
    _lines(goods_trade(countries, years), "share_pct",
           title="Share of all US goods trade, by partner", ylabel="Share of US goods trade (%)")


# ------------------------------------------------------------------------ 150 years (TRADHIST)

def history(countries=None, years=None) -> pd.DataFrame:
    """`trade_history` with a row for every year of the table for each partner kept, so that
    years without data are missing values (and lines on a chart break there) rather than
    silently joined across. TRADHIST has no Germany from 1950 to 1990, for example.

    >>> de = history("Germany").set_index("year")["trade_share_pct"]
    >>> bool(de.loc[1950:1990].isna().all()), bool(de.loc[1995] > 0)
    (True, True)
    """
    df = load("trade_history")
    if countries is not None:
        first, last = coverage("trade_history")
        codes = _codes(countries)
        grid = pd.MultiIndex.from_product([codes, range(first, last + 1)], names=["iso3", "year"])
        df = df[df["iso3"].isin(codes)].set_index(["iso3", "year"]).reindex(grid).reset_index()
    return _filter(df, None, years)


def _longest_gap(one: pd.DataFrame, at_least: int = 10) -> tuple[int, int] | None:
    """First and last year of the longest run of missing years inside a series, if long enough.

    >>> _longest_gap(pd.DataFrame({"year": range(2000, 2015),
    ...                            "trade_share_pct": [1.0] + [None] * 12 + [2.0, 2.0]}))
    (2001, 2012)
    """
    s = one.set_index("year")["trade_share_pct"]
    known = s.dropna()
    if known.empty:
        return None
    inside = s.loc[known.index.min():known.index.max()]
    missing = inside.isna().to_numpy()
    best, start = None, None
    for year, miss in zip(inside.index, missing):
        if miss and start is None:
            start = year
        if not miss and start is not None:
            if year - start >= at_least and (best is None or year - start > best[1] - best[0] + 1):
                best = (int(start), int(year - 1))
            start = None
    return best


def _shade_wars(ax) -> None:
    for first, last in WORLD_WARS:
        ax.axvspan(first, last, color=style.US_COLOR, alpha=0.08, linewidth=0)


def draw_history(panels: dict[str, list[str]] | None = None, years=None) -> None:
    """Line charts of partners' shares of US trade (exports + imports), 1870-2014, one panel
    per group of partners, with the two world wars shaded. Gaps are years without data.

    >>> draw_history({"Two partners": ["GBR", "CAN"]}, years=(1900, 1920))
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    panels = HISTORY_PANELS if panels is None else panels
    fig, axes = plt.subplots(1, len(panels), figsize=(5.5 * len(panels) if len(panels) > 1 else 8, 4.5),
                             sharey=True, squeeze=False)
    described = []
    for ax, (title, codes) in zip(axes.flat, panels.items()):
        df = history(codes, years)
        for code in _codes(codes):
            one = df[df["iso3"] == code]
            ax.plot(one["year"], one["trade_share_pct"], label=plots.country_label(code))
            known = one.dropna(subset=["trade_share_pct"])
            gap = _longest_gap(one)
            if gap is not None:
                at = ax.get_xaxis_transform()        # x in years, y in axes fraction
                ax.plot([gap[0], gap[1]], [0.3, 0.3], transform=at, color=style.US_COLOR,
                        linewidth=1, marker="|", markersize=8, linestyle="-")
                label = plots.country_label(code)
                ax.text((gap[0] + gap[1]) / 2, 0.32, f"{label}: no data\n{gap[0]}–{gap[1]}",
                        transform=at, ha="center", va="bottom", fontsize=8.5, color=style.US_COLOR)
            if not known.empty:
                a, b = known.iloc[0], known.iloc[-1]
                described.append(f"{plots.country_label(code)} {a['trade_share_pct']:.1f}% in {a['year']} and "
                                 f"{b['trade_share_pct']:.1f}% in {b['year']}")
        _shade_wars(ax)
        ax.set_title(title, fontsize=11)
        ax.set_xlabel("year (shaded: the two world wars)")
        ax.legend(loc="upper right")
    axes.flat[0].set_ylabel("Share of US trade, exports + imports (%)")
    fig.suptitle("Partners' shares of US trade over 150 years (TRADHIST)", fontweight="bold",
                 x=0.02, ha="left")
    plots.show(fig, "Line charts: each partner's share of US trade in goods, exports plus "
                    "imports, from TRADHIST, with the two world wars shaded. First and last "
                    "values: " + "; ".join(described) + ". Gaps are years without data.")


def region_shares(source: str = "trade_history", regions=None) -> pd.DataFrame:
    """Share of US trade with each World Bank region (from the `countries` table), by year.

    ``source`` is "trade_history" (TRADHIST, 1870-2014: partners' shares added up) or
    "trade" (Census, 1985-2022: regional trade divided by all US goods trade). Partners
    without a region (a few small territories) are left out.

    >>> r = region_shares("trade", regions=["North America"])
    >>> r.columns.tolist()
    ['year', 'region', 'share_pct', 'source']
    """
    if source not in ("trade_history", "trade"):
        raise ValueError(f"source must be 'trade_history' or 'trade'; got {source!r}.")
    out = _region_shares_of(load, source).copy()
    if regions is not None:
        out = out[out["region"].isin(list(regions))]
    return out.reset_index(drop=True)


@lru_cache(maxsize=8)
def _region_shares_of(loader, source: str) -> pd.DataFrame:
    regions_of = loader("countries")[["iso3", "region"]]
    if source == "trade":
        df = _goods_trade_of(loader)[["iso3", "year", "share_pct"]]
    else:
        df = loader("trade_history")[["iso3", "year", "trade_share_pct"]].rename(
            columns={"trade_share_pct": "share_pct"})
    df = df.merge(regions_of, on="iso3", how="inner").dropna(subset=["region", "share_pct"])
    out = df.groupby(["year", "region"], as_index=False)["share_pct"].sum()
    out["source"] = "TRADHIST" if source == "trade_history" else "Census"
    return out


def region_table(every: int = 10, regions=(ATLANTIC, PACIFIC)) -> pd.DataFrame:
    """The two regions' shares of US trade every `every` years, from both sources side by side.

    >>> region_table().loc[1870].round(0).tolist()[:2]
    [70.0, 3.0]
    """
    both = pd.concat([region_shares("trade_history", regions), region_shares("trade", regions)])
    both = both[both["year"] % every == 0]
    table = both.pivot_table(index="year", columns=["source", "region"], values="share_pct")
    order = [(s, r) for s in ("TRADHIST", "Census") for r in regions if (s, r) in table.columns]
    return table[order].round(1)


def draw_atlantic_pacific(regions=(ATLANTIC, PACIFIC)) -> None:
    """Line chart: share of US trade with Europe and with East Asia & Pacific since 1870.

    Solid lines are TRADHIST (1870-2014), dashed lines the Census figures (1985-2022). The
    shaded years 1950-1990 are those in which TRADHIST has no Germany, so Europe's share is
    too low there.

    >>> draw_atlantic_pacific()
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    long = region_shares("trade_history", regions)
    census = region_shares("trade", regions)
    fig, ax = plt.subplots(figsize=(9, 4.8))
    ax.axvspan(1950, 1990, color=style.US_COLOR, alpha=0.08, linewidth=0)
    ax.text(1970, 0.97, "TRADHIST has no Germany\n1950–1990", transform=ax.get_xaxis_transform(),
            ha="center", va="top", fontsize=9, color=style.US_COLOR)
    described = []
    for k, region in enumerate(regions):
        colour = style.PALETTE[k]
        for df, dash, label in ((long, "-", "TRADHIST"), (census, "--", "Census")):
            one = df[df["region"] == region].set_index("year")["share_pct"]
            one = one.reindex(range(one.index.min(), one.index.max() + 1))
            ax.plot(one.index, one.values, color=colour, linestyle=dash,
                    linewidth=2 if dash == "-" else 1.6, label=f"{region} ({label})")
            known = one.dropna()
            described.append(f"{region} in {label}: {known.iloc[0]:.0f}% in {known.index[0]}, "
                             f"{known.iloc[-1]:.0f}% in {known.index[-1]}")
    ax.set_ylim(0, None)
    _percent_axis(ax, "y")
    ax.set_title("From the Atlantic to the Pacific: where US trade goes")
    ax.set_ylabel("Share of US trade (exports + imports)")
    ax.set_xlabel("year")
    ax.legend(loc="upper right", fontsize=9, bbox_to_anchor=(1.0, 0.86))
    plots.show(fig, "Line chart: share of US trade with Europe & Central Asia and with East "
                    "Asia & Pacific, 1870-2022; solid lines TRADHIST, dashed lines Census. "
                    + "; ".join(described) + ". The years 1950-1990, when TRADHIST has no "
                    "Germany, are shaded.")


# ------------------------------------------------------------------------ trade dependence

def dependence(countries=None, years=None) -> pd.DataFrame:
    """Trade dependence in both directions and the dyad's weak link (Oneal and Russett).

        partner_dependence = (exports + imports) / GDP_partner   (the partner's dependence on the US)
        us_dependence      = (exports + imports) / GDP_US        (the US's dependence on the partner)
        weak_link          = min(partner_dependence, us_dependence)

    Trade from `trade` (Census), GDP from `economy` (World Bank), both in millions of current
    dollars, so the ratios are proportions (0.05 = 5 % of GDP). ``weaker_side`` names the
    state with the smaller dependence: the one freer to walk away. Partners without a GDP
    figure that year (Taiwan, for instance, is not in the World Bank's data) are left out.

    Dividing the two dependences shows why the United States is nearly always the weaker side:
    us_dependence / partner_dependence = GDP_partner / GDP_US.

    >>> d = dependence("Canada", 2022)
    >>> bool(d["weak_link"].item() == d["us_dependence"].item()), d["weaker_side"].item()
    (True, 'United States')
    """
    return _filter(_dependence_of(load).copy(), countries, years)


@lru_cache(maxsize=4)
def _dependence_of(loader) -> pd.DataFrame:
    trade = _goods_trade_of(loader)[["iso3", "year", "exports_musd", "imports_musd", "trade_musd"]]
    economy = loader("economy")[["iso3", "year", "gdp_musd"]].dropna(subset=["gdp_musd"])
    us = economy[economy["iso3"] == "USA"][["year", "gdp_musd"]].rename(
        columns={"gdp_musd": "us_gdp_musd"})
    df = trade.merge(economy, on=["iso3", "year"], how="inner").merge(us, on="year", how="inner")
    df["partner_dependence"] = measures.trade_dependence(df["exports_musd"], df["imports_musd"],
                                                         df["gdp_musd"])
    df["us_dependence"] = measures.trade_dependence(df["exports_musd"], df["imports_musd"],
                                                    df["us_gdp_musd"])
    df["weak_link"] = measures.weak_link(df["partner_dependence"], df["us_dependence"])
    df["weaker_side"] = np.where(df["us_dependence"] <= df["partner_dependence"],
                                 "United States", "partner")
    return df


def dependence_table(countries=COMPARE, year: int | None = None) -> pd.DataFrame:
    """Both dependences and the weak link for some partners in one year, in percent of GDP,
    sorted by the partner's dependence on the US.

    >>> dependence_table(["Canada", "Japan"], 2022).index.tolist()
    ['Canada', 'Japan']
    """
    year = _latest("trade") if year is None else int(year)
    d = dependence(countries, year)
    table = pd.DataFrame({
        "partner": [plots.country_label(c) for c in d["iso3"]],
        "trade (US$ bn)": (d["trade_musd"] / BILLION).round(1),
        "partner's dependence on the US (% of its GDP)": (100 * d["partner_dependence"]).round(2),
        "US dependence on the partner (% of US GDP)": (100 * d["us_dependence"]).round(2),
        "weak link (% of GDP)": (100 * d["weak_link"]).round(2),
        "weaker side": d["weaker_side"],
        "partner GDP ÷ US GDP": (d["gdp_musd"] / d["us_gdp_musd"]).round(2),
    })
    return (table.sort_values("partner's dependence on the US (% of its GDP)", ascending=False)
            .set_index("partner"))


def draw_dependence(countries=COMPARE, year: int | None = None) -> None:
    """Dot chart on a log scale: each partner's dependence on the US and the US's dependence on
    it (both: goods trade as % of GDP), joined by a line; the smaller one, the weak link, is
    circled.

    >>> draw_dependence(["CAN", "GBR"], 2022)
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    year = _latest("trade") if year is None else int(year)
    d = dependence(countries, year).sort_values("partner_dependence")
    if d.empty:
        raise ValueError(f"No trade and GDP figures for these partners in {year}.")
    names = [plots.country_label(c) for c in d["iso3"]]
    partner, us = 100 * d["partner_dependence"], 100 * d["us_dependence"]
    weak = 100 * d["weak_link"]
    y = np.arange(len(d))
    fig, ax = plt.subplots(figsize=(8, max(3.0, 0.42 * len(d) + 1.4)))
    ax.hlines(y, us, partner, color=style.PALETTE[3], linewidth=2, zorder=1)
    ax.scatter(partner, y, s=55, color=style.PALETTE[0], marker="o", zorder=3,
               label="partner's dependence on the US (% of the partner's GDP)")
    ax.scatter(us, y, s=55, color=style.US_COLOR, marker="s", zorder=3,
               label="US dependence on the partner (% of US GDP)")
    ax.scatter(weak, y, s=190, facecolors="none", edgecolors=style.PALETTE[2], linewidths=1.6,
               zorder=4, label="weak link: the smaller of the two")
    ax.set_yticks(y, names)
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    _percent_axis(ax, "x")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("US goods trade with the partner (exports + imports) as % of GDP, log scale")
    ax.set_title(f"Trade dependence in both directions, {year}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=1, fontsize=9)
    listed = "; ".join(f"{n}: partner {p:.2g}%, US {u:.2g}%" for n, p, u in
                       list(zip(names, partner, us))[::-1])
    us_weaker = int((d["weaker_side"] == "United States").sum())
    plots.show(fig, f"Dot chart on a log scale: goods trade with the US as a share of each "
                    f"partner's GDP, and the same trade as a share of US GDP, {year}. "
                    f"{listed}. The US side is the weak link for {us_weaker} of {len(d)} "
                    f"partners.")


# ------------------------------------------------------------------------ direct investment

def fdi_position(countries=None, years=None) -> pd.DataFrame:
    """The partner's direct investment position in the US (BEA, 2008-2019, year end), with
    each partner's share of the total of all partners listed that year.

    The total leaves out values BEA suppressed (D) and investment it could not assign to a
    country, so shares are of the listed positions, not of all foreign investment.

    >>> fdi_position("Japan", 2019)["fdi_in_us_position_musd"].item() > 0
    True
    """
    df = load("investment").dropna(subset=["fdi_in_us_position_musd"])
    df = df[["iso3", "year", "fdi_in_us_position_musd"]].copy()
    df["share_pct"] = (100 * df["fdi_in_us_position_musd"]
                       / df.groupby("year")["fdi_in_us_position_musd"].transform("sum"))
    df["hub"] = df["iso3"].isin(HUBS)
    return _filter(df, countries, years)


def fdi_ranking(year: int = 2019, n: int = 10) -> pd.DataFrame:
    """The `n` largest direct investors in the US in a year (by the partner's position).

    >>> fdi_ranking(2019, n=3)["iso3"].tolist()
    ['JPN', 'GBR', 'CAN']
    """
    df = fdi_position(years=year).sort_values("fdi_in_us_position_musd", ascending=False).head(n)
    df.insert(0, "rank", np.arange(1, len(df) + 1))
    df.insert(2, "name", [plots.country_label(c) for c in df["iso3"]])
    return df.reset_index(drop=True)


def draw_fdi(countries=("GBR", "JPN", "CAN", "NLD", "DEU", "LUX")) -> None:
    """Line chart: direct investment position in the US by partner, 2008-2019, US$ billions.

    >>> draw_fdi(["GBR", "JPN"])
    Figure(...)
    """
    df = fdi_position(countries)
    df["position_busd"] = df["fdi_in_us_position_musd"] / BILLION
    _lines(df, "position_busd", title="Direct investment in the United States, by investor country",
           ylabel="Position at year end, US$ billions (current)")


def outflows(periods=((1966, 1981), (1982, 1999), (2000, 2016)), n: int = 8) -> pd.DataFrame:
    """US direct investment outflows summed over periods: the `n` largest destinations of each.

    Each row is a destination and period, with the sum of the yearly outflows (millions of
    current dollars; suppressed years count as nothing) and whether the destination is one
    of the holding-company hubs in `HUBS`.

    >>> outflows(((1966, 1981),), n=2)["iso3"].tolist()
    ['CAN', 'GBR']
    """
    df = load("investment").dropna(subset=["us_outflow_musd"])
    parts = []
    for first, last in periods:
        sums = (df[df["year"].between(first, last)].groupby("iso3")["us_outflow_musd"].sum()
                .sort_values(ascending=False).head(n))
        parts.append(pd.DataFrame({"period": f"{first}–{last}", "iso3": sums.index,
                                   "name": [plots.country_label(c) for c in sums.index],
                                   "outflow_musd": sums.to_numpy(),
                                   "hub": sums.index.isin(HUBS)}))
    return pd.concat(parts, ignore_index=True)


def draw_outflows(periods=((1966, 1981), (1982, 1999), (2000, 2016)), n: int = 8) -> None:
    """Bar charts, one per period: where US direct investment went, holding-company hubs marked.

    >>> draw_outflows(((2000, 2016),), n=3)
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    data = outflows(periods, n)
    groups = list(dict.fromkeys(data["period"]))
    fig, axes = plt.subplots(1, len(groups), figsize=(4.2 * len(groups) if len(groups) > 1 else 8, 4.2),
                             squeeze=False, layout="constrained")
    described = []
    for ax, period in zip(axes.flat, groups):
        one = data[data["period"] == period].iloc[::-1]
        colours = [style.PALETTE[1] if h else style.PALETTE[0] for h in one["hub"]]
        ax.barh(one["name"], one["outflow_musd"] / BILLION, color=colours)
        ax.set_title(period, fontsize=11)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("US$ billions (current), summed")
        top = one.iloc[::-1].head(3)
        described.append(f"{period}: " + ", ".join(
            f"{r['name']}{' (hub)' if r['hub'] else ''}" for _, r in top.iterrows()))
    fig.legend(handles=[Patch(color=style.PALETTE[0], label="other destinations"),
                        Patch(color=style.PALETTE[1], label="holding-company hub (see caveats)")],
               loc="outside lower center", ncol=2)
    fig.suptitle("Where US direct investment went: the largest destinations of each period",
                 fontweight="bold", x=0.02, ha="left")
    plots.show(fig, f"Bar charts, one per period: the {n} largest destinations of US direct "
                    "investment outflows, summed in billions of current dollars, with holding-"
                    "company hubs in a second colour. The three largest: "
                    + "; ".join(described) + ".")


# ------------------------------------------------------------------------ trade vs alignment

def trade_vs_agreement(year: int = 2019) -> pd.DataFrame:
    """Each partner's share of US goods trade against its agreement with the US in UN votes.

    Agreement is Voeten's (table `un_agreement`, 0-1); ``defence_pledge`` is True where ATOP
    records a US defence pledge with the partner in 2018, its last year (`countries`).
    Partners without either value that year are left out. Ranks are 1 for the largest.

    >>> d = trade_vs_agreement(2019).set_index("iso3")
    >>> bool(d.loc["CHN", "trade_rank"] <= 3), bool(d.loc["CHN", "defence_pledge"])
    (True, False)
    """
    try:
        hash(year)
    except TypeError:  # not a year: let the computation itself say what is wrong
        return _trade_vs_agreement_of.__wrapped__(load, year)
    return _trade_vs_agreement_of(load, year).copy()


@lru_cache(maxsize=8)
def _trade_vs_agreement_of(loader, year: int) -> pd.DataFrame:
    trade = _filter(_goods_trade_of(loader), years=year)[["iso3", "share_pct"]]
    agree = loader("un_agreement", years=year)[["iso3", "agreement"]]
    pacts = loader("countries")[["iso3", "us_defense_pact_2018"]].rename(
        columns={"us_defense_pact_2018": "defence_pledge"})
    df = trade.merge(agree, on="iso3", how="inner").merge(pacts, on="iso3", how="left")
    df = df.dropna(subset=["share_pct", "agreement"]).copy()
    df["defence_pledge"] = df["defence_pledge"].fillna(False).astype(bool)
    df["trade_rank"] = df["share_pct"].rank(ascending=False, method="min").astype(int)
    df["agreement_rank"] = df["agreement"].rank(ascending=False, method="min").astype(int)
    df.insert(1, "name", [plots.country_label(c) for c in df["iso3"]])
    df.insert(2, "year", year)
    return df.reset_index(drop=True)


def closeness_table(year: int = 2019, countries=SCATTER_LABELS) -> pd.DataFrame:
    """Trade, UN agreement and defence pledge side by side for some partners, by trade share.

    >>> closeness_table(2019, ["China", "Canada"]).index.tolist()
    ['Canada', 'China']
    """
    d = trade_vs_agreement(year)
    d = d[d["iso3"].isin(_codes(countries))].sort_values("share_pct", ascending=False)
    total = len(trade_vs_agreement(year))
    return pd.DataFrame({
        "partner": d["name"],
        "share of US goods trade (%)": d["share_pct"].round(1),
        f"trade rank (of {total})": d["trade_rank"],
        "UN agreement (0–1)": d["agreement"].round(2),
        f"agreement rank (of {total})": d["agreement_rank"],
        "US defence pledge (2018)": d["defence_pledge"].map({True: "yes", False: "no"}),
    }).set_index("partner")


def draw_trade_vs_agreement(year: int = 2019, annotate=SCATTER_LABELS) -> None:
    """Scatter plot: share of US goods trade (log scale) against agreement in UN votes, with
    partners that have a US defence pledge drawn as filled circles and the others as
    triangles; the partners in `annotate` are named.

    >>> draw_trade_vs_agreement(2019, annotate=["CHN"])
    Figure(...)
    """
    if not style.is_in_use():
        style.use()
    d = trade_vs_agreement(year)
    d = d[d["share_pct"] > 0]
    fig, ax = plt.subplots(figsize=(9, 5.2))
    pledge = d[d["defence_pledge"]]
    other = d[~d["defence_pledge"]]
    ax.scatter(other["share_pct"], other["agreement"], s=26, marker="^", color=style.PALETTE[1],
               alpha=0.75, linewidths=0)
    ax.scatter(pledge["share_pct"], pledge["agreement"], s=30, marker="o", color=style.PALETTE[0],
               alpha=0.85, linewidths=0)
    wanted = _codes(annotate)
    offsets = {"CAN": (6, 4), "MEX": (6, -12), "CHN": (6, -4), "JPN": (6, -10),
               "GBR": (6, 3), "FRA": (6, -12), "AUS": (-7, 5), "IND": (6, -4)}
    for _, row in d[d["iso3"].isin(wanted)].iterrows():
        ax.scatter([row["share_pct"]], [row["agreement"]], s=90, facecolors="none",
                   edgecolors=style.US_COLOR, linewidths=1.2)
        dx, dy = offsets.get(row["iso3"], (6, 4))
        ax.annotate(row["name"], (row["share_pct"], row["agreement"]), xytext=(dx, dy),
                    textcoords="offset points", fontsize=9.5,
                    ha="right" if dx < 0 else "left")
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}%"))
    ax.set_ylim(0, 1)
    ax.set_xlabel(f"Share of all US goods trade, {year} (log scale)")
    ax.set_ylabel(f"Agreement with the US in UN votes, {year} (0–1)")
    ax.set_title("The largest trade partner is not the closest ally")
    ax.legend(handles=[
        Line2D([], [], marker="o", linestyle="", color=style.PALETTE[0],
               label="US defence pledge (ATOP, 2018)"),
        Line2D([], [], marker="^", linestyle="", color=style.PALETTE[1], label="no defence pledge")],
        loc="upper left")
    corr = d[["share_pct", "agreement"]].corr(method="spearman").iloc[0, 1]
    named = d[d["iso3"].isin(wanted)].sort_values("share_pct", ascending=False)
    listed = "; ".join(f"{r['name']} {r['share_pct']:.2g}% of trade, agreement {r['agreement']:.2f}"
                       f"{', defence pledge' if r['defence_pledge'] else ''}"
                       for _, r in named.iterrows())
    plots.show(fig, f"Scatter plot: agreement with the US in UN votes against share of US goods "
                    f"trade (log scale) for {len(d)} partners in {year}; rank correlation "
                    f"{corr:.2f}. Labelled: {listed}.")


# ------------------------------------------------------------------------ explorer

MEASURES = {
    "trade": ("Goods trade with the US (exports + imports)", "US$ billions, current"),
    "share": ("Share of all US goods trade", "% of US goods trade"),
    "partner_dependence": ("Partner's dependence on the US (trade ÷ partner GDP)", "% of the partner's GDP"),
    "us_dependence": ("US dependence on the partner (trade ÷ US GDP)", "% of US GDP"),
    "weak_link": ("Weak link: the smaller dependence", "% of GDP"),
}


def measure_table(measure: str, countries, years=None) -> pd.DataFrame:
    """One economic measure for some partners and years: columns iso3, year, value.

    ``measure`` is one of the keys of `MEASURES`: "trade" (US$ billions), "share" (% of US
    goods trade), "partner_dependence", "us_dependence" or "weak_link" (% of GDP).

    >>> measure_table("trade", "Canada", 2022)["value"].round(0).tolist()
    [794.0]
    """
    if measure not in MEASURES:
        raise ValueError(f"{measure!r} is not a measure; choose one of {', '.join(MEASURES)}.")
    if measure in ("trade", "share"):
        df = goods_trade(countries, years)
        value = df["trade_musd"] / BILLION if measure == "trade" else df["share_pct"]
    else:
        df = dependence(countries, years)
        value = 100 * df[measure]
    return pd.DataFrame({"iso3": df["iso3"], "year": df["year"], "value": value})


def draw_measure(measure: str = "weak_link", countries=("CAN", "MEX", "GBR", "JPN"),
                 years=None) -> None:
    """Line chart of one measure of `MEASURES` over time for some partners.

    >>> draw_measure("share", ["CAN", "JPN"], (2000, 2005))
    Figure(...)
    """
    df = measure_table(measure, countries, years)
    if df.empty:
        raise ValueError("No data for these partners and years: try others.")
    title, unit = MEASURES[measure]
    _lines(df, "value", title=title, ylabel=unit)


def explorer(default=("CAN", "MEX", "GBR", "JPN"), measure: str = "weak_link"):
    """Pick partners, a measure and a span of years; see the measure over time.

    The default view is `draw_measure(measure, default)`.
    """
    from . import widgets as w

    options = {title: key for key, (title, _) in MEASURES.items()}
    everyone = sorted(set(load("trade")["iso3"].unique()))
    first, last = coverage("trade")

    def draw(measure, countries, years):
        if not countries:
            print("Pick at least one partner (hold Ctrl or Cmd to pick several).")
            return
        try:
            draw_measure(measure, countries, years)
        except ValueError as err:
            print(err)

    return w.explorer(draw, measure=w.choice(options, measure, "Measure"),
                      countries=w.countries(list(default), options=everyone, description="Partners"),
                      years=w.years(first, last))
