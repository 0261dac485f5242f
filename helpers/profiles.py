"""Country profiles: the United Kingdom, Australia and Japan (notebooks 06, 07 and 08).

Each profile opens with the shared four-pillar figure, `helpers.plots.profile`, drawn
against a named comparison group, then looks at what is particular to one partnership.
The groups come from the memberships in the `countries` table:

>>> sorted(members("five_eyes", "GBR"))
['AUS', 'CAN', 'NZL']
>>> sorted(members("g7", "Japan"))
['CAN', 'DEU', 'FRA', 'GBR', 'ITA']
>>> label("asia_pacific_allies")
'other US treaty allies in the Asia-Pacific'

The United States itself is never in a comparison group, nor is the country profiled.
Every figure goes through `helpers.plots.show`, which attaches its alt text; a function
that draws prints ``Figure(...)`` when it runs outside Jupyter (as in these doctests).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import plots, style
from .countries import country as to_code
from .countries import in_sentence
from .countries import name as country_name
from .data import load
from .pillars import INDICATORS
from .plots import PROFILE_PANELS, show

# ---- comparison groups ---------------------------------------------------------------------

#: The comparison groups a profile can be drawn against: key -> what a student reads.
GROUPS = {
    "treaty_allies": "other US treaty allies",
    "g7": "other G7 members",
    "five_eyes": "other Five Eyes partners",
    "nato_founders": "other founding members of NATO",
    "asia_pacific_allies": "other US treaty allies in the Asia-Pacific",
    "quad": "other Quad partners",
    "picked": "a hand-picked group",
}


def label(group: str) -> str:
    """What a comparison group is called in text and legends.

    >>> label("g7")
    'other G7 members'
    """
    if group not in GROUPS:
        raise ValueError(f"{group!r} is not a comparison group; choose one of {', '.join(GROUPS)}.")
    return GROUPS[group]


def members(group: str, country, picked=()) -> list[str]:
    """The iso3 codes of a comparison group, without the profiled country and the US.

    Groups come from the `countries` table: `us_defense_pact_2018` (a US defence pledge in
    ATOP's last year, 2018), `g7`, `five_eyes`, `nato_member_since == 1949`, the treaty
    allies whose World Bank region is East Asia & Pacific, and `quad`. ``"picked"`` takes
    the countries listed in `picked` (names or codes).

    >>> members("nato_founders", "GBR")[:4]
    ['BEL', 'CAN', 'DNK', 'FRA']
    >>> members("picked", "GBR", picked=["France", "Germany", "GBR"])
    ['DEU', 'FRA']
    """
    code = to_code(country)
    if group == "picked":
        chosen = {to_code(c) for c in picked}
    else:
        label(group)  # raises a clear error for an unknown group
        c = load("countries")
        pact = c["us_defense_pact_2018"].fillna(False).astype(bool)
        mask = {
            "treaty_allies": pact,
            "g7": c["g7"].fillna(False).astype(bool),
            "five_eyes": c["five_eyes"].fillna(False).astype(bool),
            "nato_founders": c["nato_member_since"].eq(1949),
            "asia_pacific_allies": pact & c["region"].eq("East Asia & Pacific"),
            "quad": c["quad"].fillna(False).astype(bool),
        }[group]
        chosen = set(c.loc[mask, "iso3"])
    return sorted(chosen - {code, "USA"})


# ---- the four-pillar profile -----------------------------------------------------------------

def latest(country, group: str = "treaty_allies", picked=()) -> pd.DataFrame:
    """The end points of the profile figure: each pillar's latest value and the group median.

    For each of the four indicators of `helpers.plots.profile`, from the `panel` table: the
    last year the country has a value, that value, and the median of the comparison group
    in the same year (over the members with a value that year, as the figure draws it).

    >>> t = latest("GBR", "g7")
    >>> list(t.columns)
    ['pillar', 'indicator', 'year', 'value', 'group_median', 'group_size']
    >>> t["pillar"].tolist()
    ['diplomatic', 'economic', 'security', 'cultural']
    """
    code = to_code(country)
    group_codes = members(group, code, picked)
    panel = load("panel")
    rows = []
    for indicator in PROFILE_PANELS:
        mine = panel.loc[panel["iso3"] == code, ["year", indicator]].dropna().sort_values("year")
        if mine.empty:
            continue
        year = int(mine["year"].iloc[-1])
        others = panel.loc[panel["iso3"].isin(group_codes) & (panel["year"] == year), indicator].dropna()
        rows.append({"pillar": INDICATORS[indicator].pillar, "indicator": indicator, "year": year,
                     "value": float(mine[indicator].iloc[-1]),
                     "group_median": float(others.median()) if len(others) else np.nan,
                     "group_size": len(others)})
    return pd.DataFrame(rows)


def trade_shares() -> pd.DataFrame:
    """Each partner's share of all US goods trade, from the `trade` table.

    share_pct = 100 · (exports + imports with the partner) / (exports + imports with all
    partners listed that year). From 1985 to 1991 the Census lists only about 75 major
    partners, so early shares are shares of the trade with those partners.

    >>> s = trade_shares()
    >>> round(float(s.loc[s["year"] == 2022, "share_pct"].sum()), 6)
    100.0
    """
    t = load("trade")
    t["trade_musd"] = t["exports_musd"] + t["imports_musd"]
    t["share_pct"] = 100 * t["trade_musd"] / t.groupby("year")["trade_musd"].transform("sum")
    return t[["iso3", "year", "trade_musd", "share_pct"]]


def _from_tables(indicator: str, year: int) -> pd.Series:
    """One indicator for every partner in one year, computed from its own source table."""
    if indicator == "un_agreement":
        t = load("un_agreement", years=year)
        return t.set_index("iso3")["agreement"]
    if indicator == "trade_share_pct":
        t = trade_shares()
        return t[t["year"] == year].set_index("iso3")["share_pct"]
    if indicator == "troops":
        t = load("troops", years=year)
        return t.set_index("iso3")["troops"].astype(float)
    if indicator == "students_per_million":
        s = load("students", years=year).set_index("iso3")["students"]
        pop = load("economy", years=year).set_index("iso3")["population"]
        both = pd.concat([s, pop], axis=1, join="inner").dropna()
        return 1e6 * both["students"] / both["population"]
    raise ValueError(f"No recomputation is written for {indicator!r}.")


def recompute_latest(country, group: str = "treaty_allies", picked=(), years=None) -> pd.DataFrame:
    """The same numbers as `latest`, recomputed from the source tables, not from the panel.

    UN agreement from `un_agreement`, trade shares from `trade` (see `trade_shares`), troops
    from `troops`, students per million from `students` and `economy`. `years` maps each
    indicator to the year to compute (by default the years `latest` found).

    >>> a, b = latest("JPN", "quad"), recompute_latest("JPN", "quad")
    >>> bool(np.allclose(a["value"], b["value"], rtol=1e-5))
    True
    """
    code = to_code(country)
    group_codes = members(group, code, picked)
    if years is None:
        years = dict(zip(*latest(code, group, picked)[["indicator", "year"]].to_dict("list").values()))
    rows = []
    for indicator in PROFILE_PANELS:
        if indicator not in years:
            continue
        values = _from_tables(indicator, int(years[indicator]))
        others = values[values.index.isin(group_codes)].dropna()
        rows.append({"pillar": INDICATORS[indicator].pillar, "indicator": indicator,
                     "year": int(years[indicator]), "value": float(values.get(code, np.nan)),
                     "group_median": float(others.median()) if len(others) else np.nan,
                     "group_size": len(others)})
    return pd.DataFrame(rows)


def _fmt(value: float) -> str:
    """A number for prose: thousands separators, 3 significant digits below 100."""
    if pd.isna(value):
        return "no value"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def draw_profile(country, group: str = "treaty_allies", picked=()) -> None:
    """The four-pillar profile (`helpers.plots.profile`) against a named comparison group.

    >>> draw_profile("Australia", "five_eyes")
    Figure(1000x700)
    """
    code = to_code(country)
    group_codes = members(group, code, picked)
    if not group_codes:
        print("The comparison group is empty: pick at least one other country.")
        return
    ends = latest(code, group, picked)
    parts = [f"{r.pillar}: {INDICATORS[r.indicator].label} {_fmt(r.value)} in {r.year} "
             f"against a group median of {_fmt(r.group_median)}" for r in ends.itertuples()]
    names = ", ".join(country_name(c) for c in group_codes[:8]) + (" and others" if len(group_codes) > 8 else "")
    alt = (f"Four line charts, one per pillar, for {in_sentence(code)} (solid line) against the "
           f"median of {len(group_codes)} {label(group)} ({names}; dashed line, with their middle "
           f"half shaded). Latest values: " + "; ".join(parts) + ".")
    plots.profile(code, compare=None if group == "treaty_allies" else group_codes, alt=alt)


def profile_explorer(country, group: str = "treaty_allies", picked=("FRA", "DEU")):
    """Choose the comparison group (or hand-pick one) and see the profile redrawn.

    The default view is `draw_profile(country, group)`. Returns the widget box; end a
    notebook cell with the call so that Jupyter shows it.
    """
    from . import widgets
    code = to_code(country)
    options = {label(g)[0].upper() + label(g)[1:] if g != "picked" else
               "Hand-picked: the countries chosen on the right": g for g in GROUPS}
    everyone = sorted(set(load("panel")["iso3"]) - {code})

    def draw(group, picked):
        if group == "picked" and not picked:
            print("Pick at least one country in the list (hold Ctrl or Cmd to pick several).")
            return
        draw_profile(code, group, picked)

    return widgets.explorer(draw, group=widgets.choice(options, group, "Compare with"),
                            picked=widgets.countries(list(picked), options=everyone,
                                                     description="Hand-picked"))


# ---- the timeline --------------------------------------------------------------------------

def _date_text(date: pd.Timestamp, precision: str) -> str:
    if pd.isna(date):
        return ""
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return date.strftime("%b %Y")
    return f"{date.day} {date.strftime('%b %Y')}"


def events(country, since: int | None = None, until: int | None = None) -> pd.DataFrame:
    """The `timeline` events that involve a country, dated as precisely as the source allows.

    >>> e = events("JPN", since=1951, until=1960)
    >>> e[["date", "title"]].values.tolist()[:2]
    [['8 Sep 1951', 'Treaty of Peace with Japan (San Francisco)'], ['8 Sep 1951', 'US-Japan Security Treaty']]
    >>> e["in force"].iloc[1]
    '28 Apr 1952'
    """
    code = to_code(country)
    t = load("timeline")
    mine = t[t["countries"].fillna("").str.split().apply(lambda codes: code in codes)]
    if since is not None:
        mine = mine[mine["year"] >= since]
    if until is not None:
        mine = mine[mine["year"] <= until]
    mine = mine.sort_values(["date", "title"])
    return pd.DataFrame({
        "date": [_date_text(d, str(p)) for d, p in zip(mine["date"], mine["date_precision"])],
        "title": mine["title"].tolist(),
        "kind": mine["kind"].astype(str).tolist(),
        "in force": [_date_text(d, "day") for d in mine["in_force"]],
    })


# ---- troops ----------------------------------------------------------------------------------

def troops_peak(country) -> tuple[int, int]:
    """(year, troops) of the largest annual number of US troops in a country.

    >>> troops_peak("GBR")[0]
    1957
    """
    t = load("troops", countries=to_code(country))
    top = t.loc[t["troops"].idxmax()]
    return int(top["year"]), int(top["troops"])


def troops_with_events(country, marks: dict[int, str], *, first: int = 1950,
                       last: int | None = None) -> None:
    """US troops in a country over time, with dotted lines at the years in `marks`.

    >>> troops_with_events("GBR", {1949: "NATO", 1958: "Mutual Defence Agreement"})
    Figure(800x450)
    """
    code = to_code(country)
    t = load("troops", countries=code).sort_values("year")
    t = t[t["year"] >= first] if last is None else t[t["year"].between(first, last)]
    if not style.is_in_use():
        style.use()
    fig, ax = plt.subplots()
    ax.plot(t["year"], t["troops"], color=style.PALETTE[0], label=country_name(code))
    top = t["troops"].max()
    for year, text in sorted(marks.items()):
        ax.axvline(year, color=style.US_COLOR, linestyle=":", linewidth=1)
        # labels hang from the top, in headroom above the highest value, so they hide no data
        ax.text(year + 0.3, top * 1.68, text, rotation=90, va="top", ha="left", fontsize=8.5,
                color=style.US_COLOR)
    ax.set_ylim(0, top * 1.7)
    ax.set_yticks([v for v in ax.get_yticks() if 0 <= v <= top * 1.05])  # no scale in the headroom
    ax.set_ylim(0, top * 1.7)
    ax.set_xlim(min(t["year"].min(), min(marks, default=first)) - 1, t["year"].max() + 1)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.set_title(f"US military personnel in {in_sentence(code)}, {t['year'].min()}–{t['year'].max()}")
    ax.set_xlabel("year")
    ax.set_ylabel("active-duty US personnel")
    peak_year, peak = troops_peak(code)
    end = t.iloc[-1]
    alt = (f"Line chart of active-duty US military personnel in {in_sentence(code)}, "
           f"{t['year'].min()}–{t['year'].max()}. The highest number is {peak:,} in {peak_year}; "
           f"the last value is {int(end['troops']):,} in {int(end['year'])}. Dotted lines mark: "
           + "; ".join(f"{y} {s}" for y, s in sorted(marks.items())) + ".")
    show(fig, alt)


def troops_recent(country, since: int = 2000) -> pd.DataFrame:
    """US troops in a country from `since`, with how each annual value was chosen.

    >>> troops_recent("AUS", 2022)["basis"].iloc[0]
    'median of reports'
    """
    t = load("troops", countries=to_code(country))
    return t[t["year"] >= since][["year", "troops", "basis"]].reset_index(drop=True)


def troops_recent_chart(country, since: int = 2000) -> None:
    """Bars of US troops in a country since `since`; values not from a December report are hatched.

    >>> troops_recent_chart("AUS", 2010)
    Figure(800x450)
    """
    code = to_code(country)
    t = troops_recent(code, since)
    if not style.is_in_use():
        style.use()
    fig, ax = plt.subplots()
    december = t["basis"].astype(str).eq("December report")
    for mask, lab, kw in [(december, "December report", {}),
                          (~december & t["basis"].astype(str).eq("annual series"),
                           "annual series (to 2012)", {"alpha": 0.55}),
                          (~december & ~t["basis"].astype(str).eq("annual series"),
                           "median of the year's reports (no December report)", {"hatch": "//", "alpha": 0.55})]:
        if mask.any():
            ax.bar(t.loc[mask, "year"], t.loc[mask, "troops"], color=style.PALETTE[0], label=lab,
                   edgecolor=style.US_COLOR, linewidth=0.5, **kw)
    ax.legend(loc="upper left")
    ax.set_title(f"US military personnel in {in_sentence(code)}, {t['year'].min()}–{t['year'].max()}")
    ax.set_xlabel("year")
    ax.set_ylabel("active-duty US personnel")
    ax.grid(axis="x", visible=False)
    big = t.loc[t["troops"].idxmax()]
    alt = (f"Bar chart of active-duty US personnel in {country_name(code)}, one bar per year "
           f"{t['year'].min()}–{t['year'].max()}. Most years are a few hundred or less; the highest "
           f"bar is {int(big['troops']):,} in {int(big['year'])} ({big['basis']}); the last is "
           f"{int(t['troops'].iloc[-1]):,} in {int(t['year'].iloc[-1])}.")
    show(fig, alt)


def _bars(df: pd.DataFrame, value: str, *, title: str, xlabel: str, highlight=()) -> None:
    """`helpers.plots.bars` with alt text that lists every bar with readable numbers."""
    data = df.dropna(subset=[value]).sort_values(value, ascending=False)
    listed = ", ".join(f"{country_name(c)} {_fmt(v)}" for c, v in zip(data["iso3"], data[value]))
    marked = [country_name(to_code(h)) for h in highlight]
    alt = (f"Horizontal bar chart: {title}. {xlabel[0].upper() + xlabel[1:]}, largest first: {listed}."
           + (f" Highlighted: {', '.join(marked)}." if marked else ""))
    plots.bars(df, value, highlight=[to_code(h) for h in highlight], title=title, xlabel=xlabel, alt=alt)


#: US territories, which the `troops` table lists like host countries (Guam, Puerto Rico, ...).
US_TERRITORIES = ("GUM", "PRI", "ASM", "MNP", "VIR", "UMI")


def top_hosts(year: int, n: int = 10, *, territories: bool = False) -> pd.DataFrame:
    """The n foreign countries hosting the most US troops in a year, with their rank.

    US territories (`US_TERRITORIES`) are left out unless `territories=True`.

    >>> top_hosts(2024, 3)["iso3"].tolist()
    ['JPN', 'DEU', 'KOR']
    >>> "GUM" in set(top_hosts(2024, 10)["iso3"]), "GUM" in set(top_hosts(2024, 10, territories=True)["iso3"])
    (False, True)
    """
    t = load("troops", years=year)
    if not territories:
        t = t[~t["iso3"].isin(US_TERRITORIES)]
    t = t.sort_values("troops", ascending=False).reset_index(drop=True)
    t["rank"] = np.arange(1, len(t) + 1)
    return t.head(n)[["rank", "iso3", "troops"]]


def hosts_chart(year: int, n: int = 10, highlight=("JPN",)) -> None:
    """Bars of the n largest hosts of US troops in a year; `highlight` drawn in a second colour.

    >>> hosts_chart(2024, 5)
    Figure(800x...)
    """
    _bars(top_hosts(year, n), "troops", highlight=highlight,
               title=f"The {n} foreign countries hosting the most US troops, {year}",
               xlabel="active-duty US personnel (December report)")


# ---- diplomacy: UN votes ------------------------------------------------------------------

def agreement_table(countries, first: int | None = None) -> pd.DataFrame:
    """UN agreement with the US (Voeten's score, 0-1), one column per country, one row per year.

    >>> agreement_table(["GBR", "FRA"], first=2018).round(2)
    iso3   FRA   GBR
    year            
    2018  0.59  0.60
    2019  0.61  0.65
    """
    codes = [to_code(c) for c in countries]
    t = load("un_agreement", countries=codes)
    if first is not None:
        t = t[t["year"] >= first]
    return t.pivot(index="year", columns="iso3", values="agreement")


def years_ahead(country, rivals) -> tuple[int, int]:
    """(years the country agreed with the US more than every rival, years all have a value).

    >>> years_ahead("GBR", ["FRA"])[1] > 60
    True
    """
    code = to_code(country)
    table = agreement_table([code, *rivals]).dropna()
    others = table.drop(columns=code)
    return int((table[code] > others.max(axis=1)).sum()), len(table)


def agreement_chart(countries, first: int | None = None) -> None:
    """Lines of UN agreement with the US for a few countries.

    >>> agreement_chart(["GBR", "FRA", "DEU"], first=1973)
    Figure(800x450)
    """
    codes = [to_code(c) for c in countries]
    t = load("un_agreement", countries=codes)
    if first is not None:
        t = t[t["year"] >= first]
    plots.lines(t, "agreement", ylim=(0, 1),
                title="Agreement with the United States in UN General Assembly votes",
                ylabel="agreement with the US (0–1)")


def first_un_year(country) -> int:
    """The first calendar year with a UN agreement score for a country.

    >>> first_un_year("JPN")
    1957
    """
    t = load("un_agreement", countries=to_code(country))
    if t.empty:
        raise ValueError(f"{country_name(to_code(country))} has no UN agreement scores.")
    return int(t["year"].min())


# ---- economy: investment and trade ----------------------------------------------------------

def fdi_leaders(year: int, n: int = 10) -> pd.DataFrame:
    """The n largest direct-investment positions in the US by country of the investor, with rank.

    >>> fdi_leaders(2008, 1)["iso3"].item()
    'GBR'
    """
    inv = load("investment", years=year).dropna(subset=["fdi_in_us_position_musd"])
    inv = inv.sort_values("fdi_in_us_position_musd", ascending=False).reset_index(drop=True)
    inv["rank"] = np.arange(1, len(inv) + 1)
    inv["fdi_in_us_busd"] = inv["fdi_in_us_position_musd"] / 1000
    return inv.head(n)[["rank", "iso3", "fdi_in_us_position_musd", "fdi_in_us_busd"]]


def fdi_rank(country, year: int) -> int:
    """Rank of a country's direct-investment position in the US in a year (1 = largest).

    >>> fdi_rank("JPN", 2019)
    1
    """
    t = fdi_leaders(year, n=10_000)
    hit = t.loc[t["iso3"] == to_code(country), "rank"]
    if hit.empty:
        raise ValueError(f"No investment position for {country_name(to_code(country))} in {year}.")
    return int(hit.item())


def fdi_ranks(country, years=range(2008, 2020)) -> pd.DataFrame:
    """A country's rank by direct investment position in the US, one column per year.

    >>> fdi_ranks("GBR", [2008, 2019]).values.tolist()
    [[1, 2]]
    """
    code = to_code(country)
    return pd.DataFrame({int(y): [fdi_rank(code, y)] for y in years}, index=[country_name(code)])


def fdi_chart(year: int, n: int = 10, highlight=("GBR",)) -> None:
    """Bars of the n largest direct-investment positions in the US in a year.

    >>> fdi_chart(2019, 5)
    Figure(800x...)
    """
    _bars(fdi_leaders(year, n), "fdi_in_us_busd", highlight=highlight,
               title=f"Who owns the most direct investment in the US? End of {year}",
               xlabel="direct investment position in the US, billions of current US$")


def trade_share_history(country, contrast=()) -> pd.DataFrame:
    """A partner's share of US goods trade from two sources, in long form for a line chart.

    TRADHIST (`trade_history`, 1870-2014, shares of the trade it records) and the Census
    (`trade`, 1985-2022, see `trade_shares`); `contrast` adds other partners from the
    Census series. Column `series` names the source.

    >>> h = trade_share_history("JPN")
    >>> sorted(h["series"].unique())
    ['Japan (Census)', 'Japan (TRADHIST)']
    """
    code = to_code(country)
    hist = load("trade_history", countries=code).dropna(subset=["trade_share_pct"])
    parts = [pd.DataFrame({"series": f"{country_name(code)} (TRADHIST)", "year": hist["year"],
                           "share_pct": hist["trade_share_pct"]})]
    census = trade_shares()
    for c in [code, *[to_code(x) for x in contrast]]:
        mine = census[census["iso3"] == c]
        parts.append(pd.DataFrame({"series": f"{country_name(c)} (Census)", "year": mine["year"],
                                   "share_pct": mine["share_pct"]}))
    return pd.concat(parts, ignore_index=True)


def trade_peak(country) -> tuple[int, float]:
    """(year, share %) when a partner's share of US goods trade (Census, 1985-2022) was highest.

    >>> trade_peak("JPN")[0]
    1986
    """
    s = trade_shares()
    mine = s[s["iso3"] == to_code(country)]
    top = mine.loc[mine["share_pct"].idxmax()]
    return int(top["year"]), float(top["share_pct"])


def trade_share_chart(country, contrast=(), first: int = 1950) -> None:
    """Lines of a partner's share of US goods trade (both sources) and of the `contrast` partners.

    >>> trade_share_chart("JPN", contrast=["CHN"])
    Figure(800x450)
    """
    h = trade_share_history(country, contrast)
    h = h[h["year"] >= first]
    plots.lines(h, "share_pct", by="series",
                title="Share of all US goods trade (exports + imports)",
                ylabel="% of US goods trade")


def deficit_share(country) -> pd.DataFrame:
    """The US goods deficit with a partner as a share of the US goods deficit with all partners.

    deficit_ij = imports from the partner − exports to it; share_pct = 100 · deficit with the
    partner / sum of the deficits (surpluses counted negative) with every partner listed that
    year. Partners with which the US has a surplus make the total smaller, so shares can add
    up to more than 100.

    >>> d = deficit_share("JPN")
    >>> int(d.loc[d["share_pct"].idxmax(), "year"])
    1991
    """
    t = load("trade")
    t["deficit_musd"] = t["imports_musd"] - t["exports_musd"]
    t["share_pct"] = 100 * t["deficit_musd"] / t.groupby("year")["deficit_musd"].transform("sum")
    mine = t[t["iso3"] == to_code(country)]
    return mine[["iso3", "year", "deficit_musd", "share_pct"]].reset_index(drop=True)


def deficit_chart(country) -> None:
    """Line of a partner's share of the US goods trade deficit, 1985-2022.

    >>> deficit_chart("JPN")
    Figure(800x450)
    """
    d = deficit_share(country)
    who = country_name(to_code(country))
    top, end = d.loc[d["share_pct"].idxmax()], d.iloc[-1]
    alt = (f"Line chart of the US goods trade deficit with {who} as a percentage of the whole US goods "
           f"deficit, {d['year'].min()}–{d['year'].max()}. Highest {top['share_pct']:.0f}% in "
           f"{int(top['year'])}; {end['share_pct']:.0f}% in {int(end['year'])}.")
    plots.lines(d, "share_pct", title=f"{who}'s share of the US goods trade deficit",
                ylabel="% of the US goods deficit", ylim=(0, None), alt=alt)


# ---- culture and science ----------------------------------------------------------------------

def _lines(df: pd.DataFrame, y: str, *, title: str, ylabel: str, ylim=None,
           connect_gaps: bool = False) -> None:
    """One line per country with a marker on every observation.

    For series that are not yearly: surveys held in some years only (a gap breaks the line,
    and a survey with no neighbour still shows as a marker) and data published every other
    year (`connect_gaps=True` joins the observations). `helpers.plots.lines` breaks a line at
    every missing year, which would hide both.
    """
    if not style.is_in_use():
        style.use()
    data = df.dropna(subset=[y])
    fig, ax = plt.subplots()
    order = sorted(data["iso3"].unique(), key=country_name)
    for code in order:
        series = data[data["iso3"] == code].set_index("year")[y].sort_index()
        if not connect_gaps:
            series = series.reindex(range(int(series.index.min()), int(series.index.max()) + 1))
        ax.plot(series.index, series.to_numpy(dtype=float), marker="o", markersize=4,
                label=country_name(code))
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    if ylim is not None:
        ax.set_ylim(*ylim)
    if len(order) > 5:
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    else:
        ax.legend(loc="best")
    show(fig, plots.describe_lines(data, "year", y, "iso3", title, ylabel))


def coauthorship_chart(countries) -> None:
    """Lines of the share of US internationally co-authored articles with each partner (even years).

    The source measures every other year, so the points are joined across the odd years.

    >>> coauthorship_chart(["GBR", "CHN"])
    Figure(800x450)
    """
    codes = [to_code(c) for c in countries]
    t = load("coauthorship", countries=codes).dropna(subset=["share_of_us_articles_pct"])
    _lines(t, "share_of_us_articles_pct", connect_gaps=True,  # measured every other year
           title="Partners in US international research",
           ylabel="% of US internationally co-authored articles")


def rank_among(indicator: str, year: int, group_codes, country) -> tuple[int, int]:
    """(rank, number ranked) of a country among a group on one `panel` indicator (1 = highest).

    Only members with a value that year are ranked; the country is ranked with them.

    >>> rank_among("troops", 2024, ["DEU", "KOR"], "JPN")
    (1, 3)
    """
    code = to_code(country)
    p = load("panel", years=year)
    p = p[p["iso3"].isin(set(group_codes) | {code})].dropna(subset=[indicator])
    order = p.sort_values(indicator, ascending=False)["iso3"].tolist()
    if code not in order:
        raise ValueError(f"{country_name(code)} has no {indicator} in {year}.")
    return order.index(code) + 1, len(order)


def opinion_chart(countries) -> None:
    """Lines of the share of each public with a favourable view of the US (Pew).

    A year without a survey breaks the line; every survey is marked.

    >>> opinion_chart(["JPN", "AUS"])
    Figure(800x450)
    """
    codes = [to_code(c) for c in countries]
    t = load("opinion", countries=codes)
    _lines(t, "pct_favorable_us", ylim=(0, 100), title="A favourable view of the United States",
           ylabel="% favourable (Pew Global Attitudes)")


# ---- security: exercises ----------------------------------------------------------------------

def exercise_totals(first: int = 1980, last: int = 2010) -> pd.DataFrame:
    """Joint exercises with the US per partner over a span of years, largest first, with rank.

    >>> exercise_totals().head(1)[["iso3", "exercises"]].values.tolist()
    [['GBR', 437]]
    """
    e = load("exercises", years=(first, last))
    tot = e.groupby("iso3", as_index=False)["exercises"].sum()
    tot = tot.sort_values(["exercises", "iso3"], ascending=[False, True]).reset_index(drop=True)
    tot["rank"] = np.arange(1, len(tot) + 1)
    return tot[["rank", "iso3", "exercises"]]


def exercise_chart(n: int = 12, highlight=("GBR",)) -> None:
    """Bars of the n partners with the most joint exercises with the US, 1980-2010.

    >>> exercise_chart(5)
    Figure(800x...)
    """
    _bars(exercise_totals().head(n), "exercises", highlight=highlight,
               title=f"The {n} partners with the most exercises with the US, 1980–2010",
               xlabel="multinational military exercises with the US (count)")


def exercises_over_time(countries) -> None:
    """Lines of joint exercises with the US per year (1980-2010, zero where none), from `panel`.

    >>> exercises_over_time(["AUS", "NZL"])
    Figure(800x450)
    """
    codes = [to_code(c) for c in countries]
    p = load("panel", countries=codes, years=(1980, 2010)).dropna(subset=["exercises"])
    plots.lines(p, "exercises", title="Military exercises with the United States",
                ylabel="exercises that started that year (count)")


# ---- public opinion: the alliance and the United States ---------------------------------------

def alliance_support(country="AUS") -> pd.DataFrame:
    """Lowy Institute Poll: % of a public saying the US alliance is very or fairly important.

    From the `surveys` table (published percentages), with each row's note.

    >>> alliance_support()["year"].tolist()[:2]
    [2007, 2019]
    """
    code = to_code(country)
    s = load("surveys")
    s = s[(s["survey"].astype(str) == "Lowy Institute Poll") & (s["respondents_country"] == code)
          & (s["about_country"] == "USA")]
    return s[["year", "pct", "note"]].sort_values("year").reset_index(drop=True)


def support_and_opinion_chart(country="AUS", mode_change: int = 2024) -> None:
    """Support for the US alliance (Lowy) beside a favourable view of the US (Pew), one chart.

    Lowy points are not joined by a line (the years between are not recorded here), nor are
    Pew surveys more than a year apart; a dotted line marks the year the Lowy poll changed its
    survey mode.

    >>> support_and_opinion_chart()
    Figure(800x450)
    """
    code = to_code(country)
    lowy = alliance_support(code)
    pew = load("opinion", countries=code).dropna(subset=["pct_favorable_us"]).sort_values("year")
    if not style.is_in_use():
        style.use()
    fig, ax = plt.subplots()
    # years without a survey stay empty, so the line is drawn only between consecutive surveys
    every_year = pew.set_index("year")["pct_favorable_us"].reindex(range(pew["year"].min(), pew["year"].max() + 1))
    ax.plot(every_year.index, every_year.values, color=style.PALETTE[0], marker="o", markersize=4,
            label="favourable view of the US (Pew)")
    ax.plot(lowy["year"], lowy["pct"], color=style.PALETTE[1], linestyle="none", marker="s",
            markersize=8, label="US alliance very or fairly important (Lowy)")
    ax.axvline(mode_change - 0.5, color=style.US_COLOR, linestyle=":", linewidth=1)
    ax.text(mode_change - 0.7, 4, "Lowy changes\nsurvey mode", ha="right", va="bottom", fontsize=8.5,
            color=style.US_COLOR)
    ax.set_ylim(0, 100)
    first = int(min(pew["year"].min(), lowy["year"].min()))
    last = int(max(pew["year"].max(), lowy["year"].max()))
    ax.set_xlim(first - 1, last + 1)
    ax.set_title(f"{country_name(code)}: the alliance and the United States in opinion polls")
    ax.set_xlabel("survey year")
    ax.set_ylabel("% of adults")
    ax.legend(loc="lower left")
    low = pew.loc[pew["pct_favorable_us"].idxmin()]
    alt = (f"Chart of two opinion series for {country_name(code)}, {first}–{last}. Squares: the share "
           f"saying the US alliance is very or fairly important (Lowy Institute Poll): "
           + ", ".join(f"{int(y)} {p:.0f}%" for y, p in zip(lowy["year"], lowy["pct"]))
           + f". Line: the share with a favourable view of the United States (Pew), between "
           f"{pew['pct_favorable_us'].min():.0f}% (lowest, {int(low['year'])}) and "
           f"{pew['pct_favorable_us'].max():.0f}%. A dotted line marks the Lowy poll's change of "
           f"survey mode in {mode_change}.")
    show(fig, alt)
