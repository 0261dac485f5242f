"""Security ties with the United States: alliances, troops, arms, exercises, bases, intelligence.

The computations and figures of the notebook *04_security*. Each function works on the
collection's tables (`alliances`, `troops`, `arms`, `exercises`, `bases`, `timeline`,
`countries`, `panel`), so a notebook cell stays one or two lines long.

The alliance level follows the ATOP coding (see the collection's reference facts)::

    level = 3 if defence or offence pledge
            2 if neutrality or consultation pledge (and no defence or offence)
            1 if non-aggression pledge only
            0 no alliance

>>> level_from_pledges(defense=1, offense=0, neutrality=0, nonaggression=1, consultation=1)
3
>>> level_from_pledges(0, 0, 0, 1, 0)
1
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import style
from .countries import country as to_code
from .countries import name as country_name
from .data import load
from .plots import show

PLEDGES = ["defense", "offense", "neutrality", "nonaggression", "consultation"]
PLEDGE_WORDS = {"defense": "defence", "offense": "offence", "neutrality": "neutrality",
                "nonaggression": "non-aggression", "consultation": "consultation"}
LEVELS = {3: "3: defence or offence", 2: "2: neutrality or consultation", 1: "1: non-aggression only"}
ATOP_LAST_YEAR = 2018
BIG_HOSTS = ["DEU", "JPN", "KOR", "GBR", "ITA"]      # the largest peacetime hosts of US troops
WAR_HOSTS = ["KOR", "RVN", "IRQ", "AFG"]              # wars that show up in the troops table
US_TERRITORIES = {"GUM", "PRI", "ASM", "MNP", "VIR", "UMI"}
SECURITY_INDICATORS = {
    "troops": "US troops stationed in the country",
    "arms_tiv": "US major arms delivered (SIPRI TIV millions)",
    "exercises": "Military exercises with the US (started that year)",
    "alliance_level": "Alliance level with the US (0–3, ATOP)",
}


def _label(code: str) -> str:
    try:
        text = country_name(code)
    except LookupError:
        text = str(code)
    return f"{text} (US territory)" if code in US_TERRITORIES else text


def _number(value) -> str:
    """A number for a sentence: whole numbers with thousands separators, others to 3 digits.

    >>> _number(52603.0), _number(2.5)
    ('52,603', '2.5')
    """
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.3g}"


# ---------------------------------------------------------------------------- alliances

def level_from_pledges(defense, offense, neutrality, nonaggression, consultation):
    """The ATOP alliance level (0–3) from the five pledge flags (0/1, numbers or arrays).

    3 = defence or offence, 2 = neutrality or consultation, 1 = non-aggression only, 0 = none.
    Works on single values and, element by element, on columns of a table.

    >>> level_from_pledges(0, 0, 1, 1, 0)        # neutrality beats non-aggression
    2
    >>> level_from_pledges([1, 0, 0], [0, 0, 0], [0, 0, 0], [1, 1, 0], [1, 0, 0]).tolist()
    [3, 1, 0]
    """
    d, o, n, a, c = (np.asarray(v) > 0 for v in (defense, offense, neutrality, nonaggression,
                                                   consultation))
    level = np.select([d | o, n | c, a], [3, 2, 1], default=0)
    return int(level) if level.ndim == 0 else level


def partners_by_level(first: int | None = None, last: int = ATOP_LAST_YEAR) -> pd.DataFrame:
    """Number of US alliance partners at each level, one row per year (years with none are 0).

    >>> table = partners_by_level(1945, 1950)
    >>> list(table.columns)
    ['3: defence or offence', '2: neutrality or consultation', '1: non-aggression only', 'all partners']
    >>> int(table.loc[1946, "all partners"]) == len(load("alliances", years=1946))
    True
    """
    alliances = load("alliances")
    first = int(alliances["year"].min()) if first is None else first
    counts = (pd.crosstab(alliances["year"], alliances["level"])
              .reindex(index=range(first, last + 1), columns=[3, 2, 1], fill_value=0))
    counts.columns = [LEVELS[c] for c in counts.columns]
    counts["all partners"] = counts.sum(axis=1)
    counts.index.name = "year"
    return counts


def plot_partners_by_level(first: int = 1908, last: int = ATOP_LAST_YEAR) -> None:
    """Stacked areas: how many partners the US had an alliance with, by strongest pledge.

    >>> plot_partners_by_level(1940, 1950)
    Figure(800x450)
    """
    if not style.is_in_use():
        style.use()
    table = partners_by_level(first, last)
    levels = list(LEVELS.values())
    colors = [style.PALETTE[0], style.PALETTE[1], style.PALETTE[2]]
    fig, ax = plt.subplots()
    ax.stackplot(table.index, *[table[c] for c in levels], labels=levels, colors=colors,
                 alpha=0.85, linewidth=0)
    ax.set_xlim(first, last + 1)
    ax.set_title("US alliance partners by the strongest pledge (ATOP)")
    ax.set_xlabel("year")
    ax.set_ylabel("Number of partner countries")
    ax.legend(title="Alliance level", loc="upper left")
    ax.annotate(f"ATOP v5.1\nends {last}", (last, table["all partners"].iloc[-1]),
                xytext=(-8, 6), textcoords="offset points", ha="right", fontsize=9)
    end = table.iloc[-1]
    peak_year = int(table["3: defence or offence"].idxmax())
    alt = (f"Stacked area chart: number of countries with which the United States had an "
           f"alliance, by strongest pledge, {first}–{last}. In {last}: "
           + ", ".join(f"{int(end[c])} at level {c}" for c in levels)
           + f". Defence pledges are highest in {peak_year}.")
    show(fig, alt)


def pledge_table(year: int = ATOP_LAST_YEAR) -> pd.DataFrame:
    """Partners grouped by the combination of pledges the US made to them in one year.

    Columns: the pledges (in words), the level, the number of partners and their names.

    >>> table = pledge_table(2018)
    >>> int(table["partners"].sum()) == len(load("alliances", years=2018))
    True
    """
    rows = load("alliances", years=year)
    combo = rows[PLEDGES].apply(lambda r: " + ".join(PLEDGE_WORDS[p] for p in PLEDGES if r[p]),
                                axis=1)
    rows = rows.assign(pledges=combo, name=[country_name(c) for c in rows["iso3"]])
    table = (rows.groupby(["pledges", "level"], as_index=False)
             .agg(partners=("iso3", "size"), names=("name", lambda s: ", ".join(sorted(s)))))
    return table.sort_values(["level", "partners"], ascending=False).reset_index(drop=True)


def partners_with(pledge: str = "defense", year: int = ATOP_LAST_YEAR) -> list[str]:
    """ISO codes of the partners that received a given pledge in one year.

    >>> len(partners_with("defense", 2018)) <= len(load("alliances", years=2018))
    True
    """
    if pledge not in PLEDGES:
        raise ValueError(f"{pledge!r} is not a pledge; choose one of {', '.join(PLEDGES)}.")
    rows = load("alliances", years=year)
    return sorted(rows.loc[rows[pledge] == 1, "iso3"])


# ------------------------------------------------------------------------------- troops

def top_hosts(year: int, n: int = 10) -> pd.DataFrame:
    """The n hosts with the most US troops in a year, with the basis of each number.

    >>> top_hosts(2024, 3)["iso3"].tolist() == (load("troops", years=2024)
    ...     .sort_values("troops", ascending=False)["iso3"].head(3).tolist())
    True
    """
    rows = load("troops", years=year).sort_values("troops", ascending=False).head(n)
    rows.insert(1, "host", [_label(c) for c in rows["iso3"]])
    return rows[["iso3", "host", "troops", "basis"]].reset_index(drop=True)


def troops_with_basis(countries=BIG_HOSTS, years=(2010, 2025)) -> pd.DataFrame:
    """US troops in each host by year (one column per host), and the basis of the numbers.

    The `basis` column says how each year's numbers were chosen; when the hosts differ, it
    names the hosts of each basis.

    >>> t = troops_with_basis(["JPN", "DEU"], (2011, 2013))
    >>> t.loc[2013, "basis"]
    'December report'
    """
    codes = [to_code(c) for c in countries]
    rows = load("troops", countries=codes, years=years)
    wide = rows.pivot(index="year", columns="iso3", values="troops").reindex(columns=codes)

    def basis(group: pd.DataFrame) -> str:
        kinds = group.groupby("basis", observed=True)["iso3"].apply(list)
        if len(kinds) == 1:
            return str(kinds.index[0])
        return "; ".join(f"{b} ({', '.join(v)})" for b, v in kinds.items())

    wide["basis"] = rows.groupby("year")[["iso3", "basis"]].apply(basis)
    wide.columns.name = None
    return wide


def plot_troops(countries=BIG_HOSTS, years=None, *, title: str | None = None,
                alt: str | None = None) -> None:
    """US troops in some hosts over time; hollow markers flag years that are not a December
    report or the annual series (the median of a year's reports, or its only report).

    The shaded span is the years of quarterly DMDC reports (from 2013), where each year's
    number is one chosen report; before it, the authors' annual series.

    >>> plot_troops(["JPN", "DEU"], (2005, 2025))
    Figure(800x450)
    """
    if not style.is_in_use():
        style.use()
    codes = [to_code(c) for c in countries]
    rows = load("troops", countries=codes, years=years)
    if rows.empty:
        print("No US troops are recorded in these hosts and years.")
        return
    fig, ax = plt.subplots()
    first, last = int(rows["year"].min()), int(rows["year"].max())
    if last >= 2013:
        ax.axvspan(max(2012.5, first - 0.5), last + 0.5, color=style.US_COLOR, alpha=0.07,
                   linewidth=0)
        ax.text(max(2013, first), 1.0, "quarterly reports", transform=ax.get_xaxis_transform(),
                va="top", fontsize=8.5, color=style.US_COLOR)
    flagged = []
    for code in codes:
        mine = rows[rows["iso3"] == code].set_index("year")["troops"]
        if mine.empty:
            continue
        full = mine.reindex(range(int(mine.index.min()), int(mine.index.max()) + 1))
        (line,) = ax.plot(full.index, full.values, label=_label(code))
        odd = rows[(rows["iso3"] == code) & rows["basis"].isin(["median of reports", "single report"])]
        if not odd.empty:
            ax.plot(odd["year"], odd["troops"], "o", mfc="white", mec=line.get_color(), ms=5,
                    linestyle="none")
            flagged += [f"{_label(code)} {y}" for y in odd["year"]]
    if flagged:
        ax.plot([], [], "o", mfc="white", mec=style.US_COLOR, linestyle="none",
                label="median or only report of the year")
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylim(bottom=0)
    ax.set_title(title or "US troops stationed in the largest hosts")
    ax.set_xlabel("year")
    ax.set_ylabel("Active-duty US military personnel")
    ax.legend(loc="best", fontsize=9)
    if alt is None:
        peaks = rows.loc[rows.groupby("iso3")["troops"].idxmax()].sort_values("troops", ascending=False)
        ends = rows[rows["year"] == last].sort_values("troops", ascending=False)
        alt = (f"Line chart: US troops stationed in {', '.join(_label(c) for c in codes)}, "
               f"{first}–{last}. Peaks: " + "; ".join(f"{_label(r.iso3)} {r.troops:,} in {r.year}"
                                                     for r in peaks.itertuples())
               + (f". In {last}: " + "; ".join(f"{_label(r.iso3)} {r.troops:,}" for r in ends.itertuples())
                  if not ends.empty else "")
               + (f". {len(flagged)} values are the median or only report of their year."
                  if flagged else "."))
    show(fig, alt)


# --------------------------------------------------------------------------------- arms

def period_sums(table: pd.DataFrame, value: str, period: int = 10, first: int = 1950,
                last: int | None = None) -> pd.DataFrame:
    """Sum a yearly value per country over consecutive periods of `period` years.

    Periods start at `first` (1950–1959, 1960–1969, ... for period=10). The result has one
    row per country and period, with `years` saying how many years of the period the table
    covers, so that an incomplete last period is easy to spot (or drop).

    >>> toy = pd.DataFrame({"iso3": ["A", "A", "A", "B"], "year": [1950, 1954, 1960, 1951],
    ...                     "tiv": [1, 2, 5, 7]})
    >>> period_sums(toy, "tiv", period=10, first=1950, last=1962)
      iso3  start  end period  tiv  years
    0    A   1950 1959   1950–1959    3     10
    1    A   1960 1969   1960–1969    5      3
    2    B   1950 1959   1950–1959    7     10
    """
    last = int(table["year"].max()) if last is None else last
    rows = table[table["year"].between(first, last)]
    start = first + (rows["year"] - first) // period * period
    out = (rows.assign(start=start).groupby(["iso3", "start"], as_index=False)[value].sum())
    out["end"] = out["start"] + period - 1
    out["period"] = [f"{s}–{e}" for s, e in zip(out["start"], out["end"])]
    out["years"] = np.minimum(out["end"], last) - out["start"] + 1
    return out[["iso3", "start", "end", "period", value, "years"]]


def top_recipients(period: int = 10, n: int = 5, first: int = 1950, last: int = 2019) -> pd.DataFrame:
    """The n largest recipients of US major arms in each period (sums of SIPRI TIV).

    One column per period, one row per rank; each cell is "country (TIV millions)". Only
    complete periods are kept: the default stops at 2019 because 2020 alone is not a decade.

    >>> top_recipients(10, 2, 1950, 1969).columns.tolist()
    ['1950–1959', '1960–1969']
    """
    sums = period_sums(load("arms"), "tiv_millions", period, first, last)
    sums = sums[sums["years"] == period]
    cols = {}
    for label, group in sums.groupby("period", sort=True):
        top = group.nlargest(n, "tiv_millions")
        cols[label] = [f"{country_name(c)} ({v:,})" for c, v in zip(top["iso3"], top["tiv_millions"])]
    table = pd.DataFrame(cols, index=pd.RangeIndex(1, n + 1, name="rank"))
    return table


def arms_total(first: int, last: int) -> pd.Series:
    """Total US major arms delivered to each recipient over the years first–last (TIV millions),
    largest first.

    >>> arms_total(1950, 1959).index[0] == period_sums(load("arms"), "tiv_millions", 10, 1950,
    ...     1959).nlargest(1, "tiv_millions")["iso3"].item()
    True
    """
    rows = load("arms", years=(first, last))
    return rows.groupby("iso3")["tiv_millions"].sum().sort_values(ascending=False)


def plot_arms(countries, period: int = 5, first: int = 1950, last: int = 2019) -> None:
    """Major arms the US delivered to some partners, summed over `period`-year spans (TIV).

    Each step covers one span (1950–1954, 1955–1959, ...); a span with no delivery is 0.

    >>> plot_arms(["GBR", "JPN"], 5, 1950, 1979)
    Figure(800x450)
    """
    if not style.is_in_use():
        style.use()
    codes = [to_code(c) for c in countries]
    sums = period_sums(load("arms", countries=codes), "tiv_millions", period, first, last)
    starts = list(range(first, last + 1, period))
    fig, ax = plt.subplots()
    for code in codes:
        mine = (sums[sums["iso3"] == code].set_index("start")["tiv_millions"]
                .reindex(starts, fill_value=0))
        edges = starts + [starts[-1] + period]
        ax.stairs(mine.values, edges, label=_label(code), linewidth=2)
    ax.set_xlim(first, starts[-1] + period)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_title(f"US major arms delivered, {period}-year sums")
    ax.set_xlabel("year (each step is one period)")
    ax.set_ylabel("SIPRI TIV, millions (not dollars)")
    ax.legend(loc="upper left", fontsize=9)
    best = sums.loc[sums.groupby("iso3")["tiv_millions"].idxmax()].sort_values("tiv_millions",
                                                                               ascending=False)
    alt = (f"Step chart: US deliveries of major arms in {period}-year sums of SIPRI trend-indicator "
           f"values, {first}–{starts[-1] + period - 1}, for {', '.join(_label(c) for c in codes)}. "
           "Largest period of each: " + "; ".join(f"{_label(r.iso3)} {r.tiv_millions:,} in {r.period}"
                                                 for r in best.itertuples()) + ".")
    show(fig, alt)


# ---------------------------------------------------------------------------- exercises

def exercise_totals(countries=None, first: int = 1980, last: int = 2010) -> pd.Series:
    """Joint exercises with the US per partner over first–last (by start year), largest first.

    >>> int(exercise_totals(["GBR"], 1980, 1980).item()) == int(load("exercises",
    ...     countries="GBR", years=1980)["exercises"].sum())
    True
    """
    rows = load("exercises", countries=countries, years=(first, last))
    totals = rows.groupby("iso3")["exercises"].sum()
    if countries is not None:
        totals = totals.reindex([to_code(c) for c in countries], fill_value=0)
    return totals.sort_values(ascending=False).rename("exercises")


def plot_exercises(countries, first: int = 1980, last: int = 2010, period: int = 5) -> None:
    """Joint exercises with the US for some partners, summed over `period`-year spans.

    Exercises are counted by start year; 1980–2010 is the span of the MME data.

    >>> plot_exercises(["GBR", "IND"])
    Figure(800x450)
    """
    if not style.is_in_use():
        style.use()
    codes = [to_code(c) for c in countries]
    sums = period_sums(load("exercises", countries=codes), "exercises", period, first, last)
    starts = list(range(first, last + 1, period))
    edges = starts + [min(starts[-1] + period, last + 1)]
    fig, ax = plt.subplots()
    for code in codes:
        mine = sums[sums["iso3"] == code].set_index("start")["exercises"].reindex(starts, fill_value=0)
        ax.stairs(mine.values, edges, label=_label(code), linewidth=2)
    ax.set_xlim(first, edges[-1])
    ax.set_title(f"Military exercises with the US, {period}-year sums (MME)")
    ax.set_xlabel("start year of the exercise (each step is one period; the last is "
                  f"{starts[-1]} alone)" if edges[-1] - starts[-1] == 1 else "start year of the exercise")
    ax.set_ylabel("Exercises with the US")
    ax.legend(loc="upper left", fontsize=9)
    totals = exercise_totals(codes, first, last)
    alt = (f"Step chart: multinational military exercises in which the US and each partner took part, "
           f"in {period}-year sums, {first}–{last}. Totals over the whole span: "
           + "; ".join(f"{_label(c)} {v:,}" for c, v in totals.items()) + ".")
    show(fig, alt)


# -------------------------------------------------------------------------------- bases

def plot_bases(n: int = 15) -> None:
    """Stacked bars: major bases, small sites and host-funded sites of the n largest hosts.

    >>> plot_bases(5)
    Figure(800x350)
    """
    if not style.is_in_use():
        style.use()
    bases = load("bases").sort_values(["all_sites", "major_bases"], ascending=False).head(n)
    bases = bases.iloc[::-1]
    labels = [_label(c) for c in bases["iso3"]]
    parts = {"major bases": "major_bases", "small sites": "small_sites",
             "host-state bases funded by the US": "host_funded_sites"}
    fig, ax = plt.subplots(figsize=(8, max(3.5, 0.34 * len(bases) + 1.2)))
    left = np.zeros(len(bases))
    for (label, col), color in zip(parts.items(), style.PALETTE):
        ax.barh(labels, bases[col], left=left, label=label, color=color)
        left += bases[col].to_numpy()
    ax.set_title(f"US military sites in the {n} largest hosts (Vine, to 2018)")
    ax.set_xlabel("Number of sites")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=9)
    top = bases.iloc[::-1]
    alt = (f"Stacked bar chart: US military sites in the {n} hosts with the most, split into major "
           "bases, small sites and host-funded sites. Largest: "
           + "; ".join(f"{_label(r.iso3)} {r.all_sites} sites ({r.major_bases} major)"
                       for r in top.head(6).itertuples()) + ".")
    show(fig, alt)


# ------------------------------------------------------------------------- intelligence

def intelligence_events() -> pd.DataFrame:
    """The timeline's events about the UKUSA (Five Eyes) intelligence arrangement."""
    timeline = load("timeline")
    hit = timeline["title"].str.contains("UKUSA") | timeline["summary"].str.contains("intelligence")
    return timeline.loc[hit, ["date", "date_precision", "countries", "title", "summary"]].reset_index(drop=True)


def five_eyes_table() -> pd.DataFrame:
    """The Five Eyes partners of the US with what the collection's data measure about each.

    Columns: the year each joined UKUSA (first timeline event naming it), the ATOP alliance
    level in 2018 (0 if none), US troops in the latest year, joint exercises 1980–2010, and
    the US sites counted by Vine.

    >>> sorted(five_eyes_table().index)
    ['AUS', 'CAN', 'GBR', 'NZL']
    """
    countries = load("countries")
    members = [c for c in countries.loc[countries["five_eyes"], "iso3"] if c != "USA"]
    events = intelligence_events()
    events = events[events["title"].str.contains("UKUSA")]
    joined = {c: min(d.year for d, cs in zip(events["date"], events["countries"]) if c in str(cs).split())
              for c in members}
    alliances = load("alliances", years=ATOP_LAST_YEAR).set_index("iso3")["level"]
    troops = load("troops")
    latest = int(troops["year"].max())
    troops = troops[troops["year"] == latest].set_index("iso3")["troops"]
    bases = load("bases").set_index("iso3")["all_sites"]
    table = pd.DataFrame({
        "name": [country_name(c) for c in members],
        "joined UKUSA": [joined[c] for c in members],
        f"alliance level {ATOP_LAST_YEAR}": [int(alliances.get(c, 0)) for c in members],
        f"US troops {latest}": [int(troops.get(c, 0)) for c in members],
        "exercises 1980–2010": exercise_totals(members).reindex(members).tolist(),
        "US sites (Vine)": [int(bases.get(c, 0)) for c in members],
    }, index=pd.Index(members, name="iso3"))
    return table.sort_values("joined UKUSA")


# ------------------------------------------------------------------------- side by side

def security_profile(countries, *, arms_years=(2011, 2020)) -> pd.DataFrame:
    """The security indicators of some partners side by side, one row per partner.

    Columns: ATOP alliance level in 2018 (0 = none), US troops in the latest year of the
    troops table, major arms delivered over `arms_years` (SIPRI TIV millions), joint
    exercises 1980–2010, and US military sites in Vine's list. Each comes from a different
    source and covers different years, which the column names say.

    >>> int(security_profile(["GBR", "NZL"]).loc["NZL", "alliance level 2018"])
    1
    """
    codes = [to_code(c) for c in countries]
    alliances = load("alliances", years=ATOP_LAST_YEAR).set_index("iso3")["level"]
    troops = load("troops")
    latest = int(troops["year"].max())
    troops = troops[troops["year"] == latest].set_index("iso3")["troops"]
    arms = arms_total(*arms_years)
    bases = load("bases").set_index("iso3")["all_sites"]
    exercises = exercise_totals(codes)
    first, last = arms_years
    table = pd.DataFrame({
        "name": [country_name(c) for c in codes],
        f"alliance level {ATOP_LAST_YEAR}": [int(alliances.get(c, 0)) for c in codes],
        f"US troops {latest}": [int(troops.get(c, 0)) for c in codes],
        f"arms TIV {first}–{last}": [int(arms.get(c, 0)) for c in codes],
        "exercises 1980–2010": [int(exercises.get(c, 0)) for c in codes],
        "US sites (Vine)": [int(bases.get(c, 0)) for c in codes],
    }, index=pd.Index(codes, name="iso3"))
    return table


# ----------------------------------------------------------------------------- explorer

def security_trend(indicator: str = "troops", countries=("GBR", "AUS", "JPN", "FRA", "IND"),
                   years=None, *, smooth: bool = False) -> None:
    """One security indicator of the `panel` over time for some partners.

    indicator: "troops", "arms_tiv", "exercises" or "alliance_level". With smooth=True each
    year shows the sum of the last five years (SIPRI's advice for lumpy arms deliveries).

    >>> security_trend("alliance_level", ["GBR", "NZL"], (1980, 2000))
    Figure(800x450)
    """
    if indicator not in SECURITY_INDICATORS:
        raise ValueError(f"{indicator!r} is not a security indicator; choose one of "
                         f"{', '.join(SECURITY_INDICATORS)}.")
    if not style.is_in_use():
        style.use()
    codes = [to_code(c) for c in countries]
    panel = load("panel", countries=codes, years=years)[["iso3", "year", indicator]]
    label = SECURITY_INDICATORS[indicator]
    if smooth:
        panel[indicator] = (panel.sort_values("year").groupby("iso3")[indicator]
                            .transform(lambda s: s.rolling(5, min_periods=5).sum()))
        label = f"{label}, sum of the last 5 years"
    panel = panel.dropna(subset=[indicator])
    if panel.empty:
        raise ValueError(f"The data have no values of {indicator} for these countries and years. "
                         "Try other years or countries.")
    fig, ax = plt.subplots()
    for code in codes:
        mine = panel[panel["iso3"] == code].set_index("year")[indicator]
        if mine.empty:
            continue
        full = mine.reindex(range(int(mine.index.min()), int(mine.index.max()) + 1))
        kind = {"drawstyle": "steps-post"} if indicator == "alliance_level" else {}
        ax.plot(full.index, full.values.astype(float), label=_label(code), **kind)
    if indicator == "alliance_level":
        ax.set_yticks([0, 1, 2, 3])
        ax.set_ylim(-0.2, 3.3)
    else:
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_title(f"Security pillar: {label}", fontsize=12)
    ax.set_xlabel("year")
    ax.set_ylabel(SECURITY_INDICATORS[indicator].split(" (")[0] if smooth else label, fontsize=10)
    ax.legend(loc="best", fontsize=9)
    last = panel.sort_values("year").groupby("iso3").tail(1).sort_values(indicator, ascending=False)
    alt = (f"Line chart: {label}, {int(panel['year'].min())}–{int(panel['year'].max())}, for "
           f"{', '.join(_label(c) for c in codes)}. Last values: "
           + "; ".join(f"{_label(r.iso3)} {_number(getattr(r, indicator))} in {r.year}"
                       for r in last.itertuples()) + ".")
    show(fig, alt)


def explorer(default_countries=("GBR", "AUS", "JPN", "FRA", "IND"), indicator: str = "troops"):
    """Widgets to pick a security indicator, partners and years; draws `security_trend`."""
    from . import widgets
    everyone = sorted(set(load("panel")["iso3"].unique()))
    options = {label: key for key, label in SECURITY_INDICATORS.items()}

    def draw(indicator, countries, years, smooth):
        if not countries:
            print("Pick at least one country (hold Ctrl or Cmd to pick several).")
            return
        try:
            security_trend(indicator, countries, years, smooth=smooth)
        except ValueError as err:
            print(err)

    import ipywidgets
    smooth = ipywidgets.Checkbox(value=False, description="5-year sums", indent=False)
    return widgets.explorer(draw, indicator=widgets.choice(options, indicator, "Indicator"),
                            countries=widgets.countries(list(default_countries), options=everyone),
                            years=widgets.years(1950, 2025, (1950, 2025)), smooth=smooth)
