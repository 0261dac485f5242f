"""Rising economies and the capstone (notebooks 13_rising_economies and 14_capstone).

**Trajectories.** Is a partner *converging* with the United States (its ties growing closer)
or *diverging*? `trajectory(country, indicators, since, until)` answers it one indicator at a
time, in four transparent steps:

1. take the indicator's yearly values x_t in the window [since, until] (as log(1 + x) for
   indicators that span orders of magnitude, LOG_SCALE);
2. fit a least-squares line: the slope b is the change per year (`slope`), or compare the
   means of the first and last three years (`ends_rate`);
3. divide by s, the standard deviation of the indicator over all partners and years of the
   window, so that votes, trade and students are measured in the same unit;
4. turn the sign round where a lower value is closer (the ideal-point distance).

The result, **change = d·10·b / s**, is in standard deviations per decade: +0.5 means the
partner moves half a typical cross-country gap closer to the United States every ten years.
A change of at least THRESHOLD is *converging*, at most −THRESHOLD *diverging*, and anything
in between *steady*.

>>> t = trajectory("India", ["trade_share_pct"], 2000, 2022)
>>> t.loc["trade_share_pct", ["years", "verdict"]].tolist()
['2000–2022', 'converging']

**The capstone** (14) reuses the closeness index (`helpers.index`) to gather evidence about
one candidate for "closest partner": `evidence`, `stress_test`, `rival`,
`compare_candidates` and `draw_candidates`.

Every figure goes through `helpers.plots.show`, which attaches its alt text; a function that
draws prints ``Figure(...)`` when it runs outside Jupyter (as in these doctests).
"""
from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.transforms import offset_copy

from . import index, style
from .countries import country as to_code
from .countries import in_sentence
from .data import from_cache, load
from .pillars import INDICATORS, PILLARS
from .plots import country_label, show

# ---- the group and the settings ------------------------------------------------------------

#: The rising economies of the notebook: the emerging-market members of the G20 other than
#: China and Russia (which Washington treats as rivals, not as partners it courts), plus
#: Vietnam and Nigeria, two large fast-growing economies outside the G20.
RISING = ("IND", "BRA", "IDN", "VNM", "ZAF", "MEX", "TUR", "SAU", "ARG", "NGA")

#: The indicators of each pillar used for trajectories (all from the `panel` table).
TRAJECTORY_INDICATORS = {
    "diplomatic": ("un_agreement", "ideal_point_distance"),
    "economic": ("trade_share_pct", "trade_pct_gdp"),
    "security": ("alliance_level", "arms_tiv", "exercises"),
    "cultural": ("students_per_million",),
}
DEFAULT = tuple(i for names in TRAJECTORY_INDICATORS.values() for i in names)

#: Compared as log(1 + x): the index's log-scale indicators, and exercise counts.
LOG_SCALE = frozenset(index.LOG_SCALE | {"exercises"})
SINCE, UNTIL = 2000, 2024     # the default window; each indicator uses the years it has in it
THRESHOLD = 0.1               # standard deviations per decade: below this in size is "steady"
MIN_YEARS = 5                 # fewer years with data in the window: no trajectory
ENDS_YEARS = 3                # years averaged at each end by method="ends"
METHODS = {"slope": "least-squares slope over the window",
           "ends": "mean of the last three years minus mean of the first three"}
VERDICTS = ("converging", "steady", "diverging")


def _codes(countries) -> list[str]:
    return [to_code(c) for c in ([countries] if isinstance(countries, str) else countries)]



def _check_indicators(indicators) -> list[str]:
    names = list(DEFAULT if indicators is None else
                 ([indicators] if isinstance(indicators, str) else indicators))
    for ind in names:
        if ind not in INDICATORS:
            raise ValueError(f"{ind!r} is not an indicator of the panel; choose from "
                             f"{', '.join(INDICATORS)}.")
    if not names:
        raise ValueError("Give at least one indicator.")
    return names


@lru_cache(maxsize=1)
def _panel() -> pd.DataFrame:
    """The panel without US territories, indicators as floats, troops 0 where none are listed.

    The index's own panel (`helpers.index`, the same steps), with GDP and population as floats.
    """
    panel = index._panel().copy()
    for column in ["gdp_musd", "population"]:
        panel[column] = panel[column].astype("float64")
    return panel


@lru_cache(maxsize=256)
def _country_rows(code: str) -> pd.DataFrame:
    """The panel's rows of one partner (cached: do not change the table returned)."""
    panel = _panel()
    return panel.loc[panel["iso3"] == code]


def _partner_rows(code: str, since, until, columns) -> pd.DataFrame:
    """One partner's rows of the panel in [since, until], these columns, rows with a gap dropped."""
    rows = _country_rows(code)
    return rows.loc[rows["year"].between(since, until), columns].dropna()


@lru_cache(maxsize=256)
def _median_by_year(indicator: str, since, until) -> pd.Series:
    """The median of all partners in each year of [since, until] (cached: do not change it)."""
    panel = _panel()
    window = panel[panel["year"].between(since, until)]
    return window.groupby("year")[indicator].median().dropna()


@lru_cache(maxsize=128)
def _year_rows(year: int) -> pd.DataFrame:
    """The panel's rows of one year, indexed by iso3 (cached: do not change the table returned)."""
    panel = _panel()
    return panel.loc[panel["year"] == year].set_index("iso3")


# ---- the formulas --------------------------------------------------------------------------

def slope(years, values) -> float:
    """The least-squares slope of values on years (change per year); NaN values are skipped.

    b = Σ (t − t̄)(x_t − x̄) / Σ (t − t̄)²   (NaN with fewer than two years)

    >>> slope([2000, 2001, 2002, 2003], [1.0, 2.0, 3.0, 4.0])
    1.0
    >>> slope([2000, 2001, 2002], [5.0, float("nan"), 3.0])
    -1.0
    >>> slope([2000], [1.0])
    nan
    """
    t = np.asarray(years, dtype=float)
    x = np.asarray(values, dtype=float)
    ok = ~np.isnan(x)
    t, x = t[ok], x[ok]
    if t.size < 2 or np.all(t == t[0]):
        return float("nan")
    dt = t - t.mean()
    return float((dt * (x - x.mean())).sum() / (dt ** 2).sum())


def ends_rate(years, values, k: int = ENDS_YEARS) -> float:
    """Change per year between the first and the last k years with data (NaN skipped).

    (mean of x over the last k years − mean over the first k) / (mean of those last k years −
    mean of the first k). With fewer than 2k years, k becomes half the number of years.

    >>> ends_rate([2000, 2001, 2002, 2003, 2004, 2005], [1, 1, 1, 3, 3, 3])
    0.6666666666666666
    >>> ends_rate([2000, 2001, 2002, 2003], [0, 2, 2, 4])   # k = 2
    1.0
    """
    t = np.asarray(years, dtype=float)
    x = np.asarray(values, dtype=float)
    ok = ~np.isnan(x)
    order = np.argsort(t[ok])
    t, x = t[ok][order], x[ok][order]
    k = min(int(k), t.size // 2)
    if k < 1:
        return float("nan")
    gap = t[-k:].mean() - t[:k].mean()
    return float((x[-k:].mean() - x[:k].mean()) / gap) if gap else float("nan")


def verdict(change: float, threshold: float = THRESHOLD) -> str:
    """'converging' (change ≥ threshold), 'diverging' (≤ −threshold) or 'steady'.

    >>> verdict(0.25), verdict(-0.1), verdict(0.05), verdict(float("nan"))
    ('converging', 'diverging', 'steady', 'too few years')
    """
    if change is None or np.isnan(change):
        return "too few years"
    if change >= threshold:
        return "converging"
    if change <= -threshold:
        return "diverging"
    return "steady"


def _compared(data: pd.DataFrame, indicator: str, since: int, until: int,
              relative: bool) -> pd.DataFrame:
    """iso3, year, raw, x: the indicator in the window, as it is and on the compared scale."""
    rows = data.loc[data["year"].between(since, until), ["iso3", "year", indicator]].dropna()
    x = rows[indicator].astype(float)
    if indicator in LOG_SCALE:
        x = np.log1p(x)
    out = pd.DataFrame({"iso3": rows["iso3"].to_numpy(), "year": rows["year"].to_numpy(dtype=int),
                        "raw": rows[indicator].to_numpy(dtype=float), "x": x.to_numpy()})
    if relative and len(out):
        out["x"] = out["x"] - out.groupby("year")["x"].transform("median")
    return out


@lru_cache(maxsize=None)
def _indicator_rows(indicator: str):
    """The panel's rows with a value of the indicator, as numpy arrays in the panel's order.

    (codes, names, year, raw, x): each row's partner as a number (`names[code]` is its iso3),
    the year, the value and the value on the compared scale. Computed once per indicator.
    """
    panel = _panel()
    raw = panel[indicator].to_numpy(dtype=float)
    iso3 = panel["iso3"].to_numpy()
    year = panel["year"].to_numpy()
    ok = ~np.isnan(raw) & pd.notna(iso3) & pd.notna(year)
    raw = raw[ok]
    x = np.log1p(raw) if indicator in LOG_SCALE else raw
    codes, names = pd.factorize(iso3[ok])
    return codes, list(names), year[ok].astype(int), raw, x


class _Compared:
    """One indicator in one window on the panel: every partner's rows, and s (`trajectory`).

    `where[code]` is the (start, stop) of the partner's rows in `year`, `raw` and `x`, which
    are sorted by partner and then by year.
    """
    __slots__ = ("year", "raw", "x", "sd", "where")

    def __init__(self, indicator: str, since: int, until: int, relative: bool):
        codes, names, year, raw, x = _indicator_rows(indicator)
        inside = (year >= since) & (year <= until)
        codes, year, raw, x = codes[inside], year[inside], raw[inside], x[inside]
        if relative and len(x):
            x = x - pd.Series(x).groupby(year).transform("median").to_numpy()
        # s over the rows in the panel's order, as `_compared` computes it
        self.sd = float(pd.Series(x, dtype=float).std(ddof=0)) if len(x) else float("nan")
        same = codes[1:] == codes[:-1]
        if not np.all((codes[1:] > codes[:-1]) | (same & (year[1:] > year[:-1]))):
            order = np.lexsort((year, codes))     # the panel is not sorted by partner and year
            codes, year, raw, x = codes[order], year[order], raw[order], x[order]
            same = codes[1:] == codes[:-1]
        self.year, self.raw, self.x = year, raw, x
        for a in (self.year, self.raw, self.x):
            a.flags.writeable = False
        starts = np.flatnonzero(np.r_[True, ~same]) if len(codes) else np.array([], int)
        stops = np.r_[starts[1:], len(codes)].tolist()
        self.where = {names[c]: (a, b) for c, a, b in zip(codes[starts].tolist(), starts.tolist(), stops)}


@lru_cache(maxsize=512)
def _compared_panel(indicator: str, since: int, until: int, relative: bool) -> _Compared:
    """`_compared` on the panel, cached, as numpy arrays by partner (see `_Compared`)."""
    return _Compared(indicator, since, until, relative)


def _window(since, until) -> tuple[int, int]:
    for value in (since, until):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"Give the years as whole numbers, such as {SINCE} and {UNTIL}; "
                             f"got {value!r}.")
    if since >= until:
        raise ValueError(f"The window must start before it ends; got {since}–{until}.")
    return int(since), int(until)


def trajectory(country, indicators=None, since: int = SINCE, until: int = UNTIL, *,
               method: str = "slope", relative: bool = False, data: pd.DataFrame | None = None,
               min_years: int = MIN_YEARS, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Is a partner converging with the United States? One row per indicator.

    For each indicator, with x_t its value in year t of [since, until] (log(1 + x) for
    LOG_SCALE indicators; minus the median of all partners in year t if `relative`):

        b      = slope(t, x_t)             (method="slope", change per year)
                 or ends_rate(t, x_t)      (method="ends")
        s      = standard deviation of x over all partners and years of the window
        change = d · 10 · b / s            standard deviations per decade,
                 d = +1 if a higher value is closer, −1 if lower is closer
        verdict: converging if change ≥ threshold, diverging if ≤ −threshold, else steady

    An indicator with fewer than `min_years` years of data in the window gets no change.
    `data` is the `panel` table by default (any table with iso3, year and the indicators).

    Columns: pillar, label, years (those with data), n_years, first and last (the raw values
    in the first and last of those years), per_year (b, on the compared scale), sd (s),
    change, verdict.

    A toy example: A's agreement rises by 0.1 a year while B's stays put; A's ideal-point
    distance falls, which is also converging:

    >>> toy = pd.DataFrame({"iso3": ["A"] * 5 + ["B"] * 5, "year": list(range(2000, 2005)) * 2,
    ...                     "un_agreement": [0.2, 0.3, 0.4, 0.5, 0.6] + [0.4] * 5,
    ...                     "ideal_point_distance": [3, 2.5, 2, 1.5, 1] + [2] * 5})
    >>> t = trajectory("A", ["un_agreement", "ideal_point_distance"], 2000, 2004, data=toy)
    >>> t[["n_years", "per_year", "sd", "change", "verdict"]].round(3)
                          n_years  per_year     sd  change     verdict
    indicator
    un_agreement                5       0.1  0.1    10.0  converging
    ideal_point_distance        5      -0.5  0.5    10.0  converging

    Here s = 0.1 is the standard deviation of the ten agreement values (A's five and B's
    five, whose mean is 0.4), so A moves 10 × 0.1 / 0.1 = 10 standard deviations per decade (a
    toy: real changes are far smaller). The distance falls by 0.5 a year, with s = 0.5: the
    same 10, with the sign turned round. B is steady:

    >>> trajectory("B", ["un_agreement"], 2000, 2004, data=toy)["verdict"].item()
    'steady'
    """
    if method not in METHODS:
        raise ValueError(f"{method!r} is not a method; choose 'slope' or 'ends'.")
    since, until = _window(since, until)
    names = _check_indicators(indicators)
    if data is None:
        rows = _panel_rows(to_code(country), tuple(names), since, until, method, bool(relative),
                           min_years, threshold)
    else:
        code = country if country in set(data["iso3"]) else to_code(country)
        rows = []
        for ind in names:
            d = _compared(data, ind, since, until, relative)
            mine = d[d["iso3"] == code].sort_values("year")
            s = float(d["x"].std(ddof=0)) if len(d) else float("nan")
            rows.append(_trajectory_row(ind, mine["year"].to_numpy(), mine["raw"].to_numpy(),
                                        mine["x"].to_numpy(), s, method, min_years, threshold))
    return pd.DataFrame(list(rows)).set_index("indicator")


def _trajectory_row(ind: str, years: np.ndarray, raw: np.ndarray, x: np.ndarray, s: float,
                    method: str, min_years: int, threshold: float) -> dict:
    """One row of `trajectory`: one partner's years, raw values and x (sorted by year)."""
    info = INDICATORS[ind]
    n = len(years)
    if n >= min_years:
        b = (slope if method == "slope" else ends_rate)(years, x)
        sign = 1 if info.higher_is_closer else -1
        change = 0.0 if s == 0 and b == 0 else (sign * 10 * b / s if s > 0 else float("nan"))
    else:
        b = change = float("nan")
    return {
        "indicator": ind, "pillar": info.pillar, "label": info.label,
        "years": f"{int(years.min())}–{int(years.max())}" if n else "none",
        "n_years": n,
        "first": float(raw[0]) if n else float("nan"),
        "last": float(raw[-1]) if n else float("nan"),
        "per_year": b, "sd": s, "change": change,
        "verdict": verdict(change, threshold),
    }


_NO_ROWS = np.array([], dtype=float)


@lru_cache(maxsize=1024)
def _trajectory_rows(code: str, names: tuple, since: int, until: int, method: str,
                     relative: bool, min_years: int, threshold: float) -> tuple:
    """The rows of `trajectory` on the panel (cached; copy each dict before changing it)."""
    rows = []
    for ind in names:
        c = _compared_panel(ind, since, until, relative)
        start, stop = c.where.get(code, (0, 0))
        if stop > start:
            years, raw, x = c.year[start:stop], c.raw[start:stop], c.x[start:stop]
        else:
            years = raw = x = _NO_ROWS
        rows.append(_trajectory_row(ind, years, raw, x, c.sd, method, min_years, threshold))
    return tuple(rows)


def _panel_rows(code, names, since, until, method, relative, min_years, threshold) -> tuple:
    """`_trajectory_rows`, from the cache unless a setting cannot be hashed."""
    return from_cache(_trajectory_rows, code, names, since, until, method, relative, min_years,
                   threshold)


def convergence(countries=RISING, indicators=None, since: int = SINCE, until: int = UNTIL, *,
                method: str = "slope", relative: bool = False) -> pd.DataFrame:
    """`trajectory` for several countries, stacked: one row per country and indicator.

    >>> long = convergence(["IND", "BRA"], ["trade_share_pct"], 2000, 2022)
    >>> long[["iso3", "indicator", "verdict"]].values.tolist()
    [['IND', 'trade_share_pct', 'converging'], ['BRA', 'trade_share_pct', 'steady']]
    """
    codes = _codes(countries)
    if not codes:
        pd.concat([])                                 # "No objects to concatenate", as before
    return _convergence_cached(*_convergence_key(codes, indicators, since, until, method,
                                                 relative)).copy()


def _convergence_key(codes, indicators, since, until, method, relative) -> tuple:
    """The settings of `convergence`, checked, as the key of its cache."""
    if method not in METHODS:
        raise ValueError(f"{method!r} is not a method; choose 'slope' or 'ends'.")
    since, until = _window(since, until)
    names = tuple(_check_indicators(indicators))
    return tuple(codes), names, since, until, method, bool(relative)


@lru_cache(maxsize=64)
def _convergence_cached(codes: tuple, names: tuple, since: int, until: int, method: str,
                        relative: bool) -> pd.DataFrame:
    """`convergence`, cached: do not change the table returned (`convergence` copies it)."""
    rows = []
    for code in codes:
        label = country_label(code)
        for row in _trajectory_rows(code, names, since, until, method, relative, MIN_YEARS,
                                    THRESHOLD):
            rows.append({**row, "iso3": code, "name": label})
    out = pd.DataFrame(rows)
    return out[["iso3", "name", "pillar", "indicator", "years", "n_years", "first", "last",
                "per_year", "sd", "change", "verdict"]]


def convergence_table(countries=RISING, indicators=None, since: int = SINCE, until: int = UNTIL,
                      *, method: str = "slope", relative: bool = False,
                      threshold: float = THRESHOLD) -> pd.DataFrame:
    """Each country's change per pillar, overall, and how many pillars converge or diverge.

    A pillar's change is the mean of its indicators' changes (those the country has); the
    overall change is the mean of the pillars' (each pillar counts equally); the verdict
    applies the threshold to the overall change. Sorted from most converging to most diverging.

    >>> table = convergence_table(["IND", "ZAF"], since=2000, until=2022)
    >>> list(table.columns)
    ['name', 'diplomatic', 'economic', 'security', 'cultural', 'overall', 'converging', 'diverging', 'verdict']
    >>> table.index.tolist()
    ['IND', 'ZAF']
    """
    codes = _codes(countries)
    if not codes:
        pd.concat([])                                 # "No objects to concatenate", as before
    key = _convergence_key(codes, indicators, since, until, method, relative)
    return from_cache(_convergence_table, *key, threshold)


@lru_cache(maxsize=64)
def _convergence_table(codes: tuple, names: tuple, since: int, until: int, method: str,
                       relative: bool, threshold) -> pd.DataFrame:
    """`convergence_table`, cached: do not change the table returned."""
    long = _convergence_cached(codes, names, since, until, method, relative)
    wide = long.pivot_table(index="iso3", columns="pillar", values="change", aggfunc="mean",
                            sort=False)
    wide = wide.reindex(columns=[p for p in PILLARS if p in set(long["pillar"])])
    out = wide.copy()
    out.insert(0, "name", [country_label(c) for c in out.index])
    out["overall"] = wide.mean(axis=1, skipna=True)
    out["converging"] = (wide >= threshold).sum(axis=1).astype("int64")
    out["diverging"] = (wide <= -threshold).sum(axis=1).astype("int64")
    out["verdict"] = [verdict(v, threshold) for v in out["overall"]]
    out.index.name = "iso3"
    return out.sort_values(["overall", "name"], ascending=[False, True])


def definitions_table(countries=RISING, since: int = SINCE, until: int = UNTIL,
                      indicators=None) -> pd.DataFrame:
    """The overall verdict of each country under four definitions of converging.

    Columns: slope or ends, each absolute or relative to the median partner (see `trajectory`),
    then `agree`: True when all four give the same verdict.

    >>> definitions_table(["IND"], 2000, 2022).columns.tolist()
    ['name', 'slope', 'ends', 'slope, relative', 'ends, relative', 'agree']
    """
    out = {}
    for method in METHODS:
        for relative in (False, True):
            key = method + (", relative" if relative else "")
            table = convergence_table(countries, indicators, since, until, method=method,
                                      relative=relative)
            out[key] = table["verdict"]
    codes = _codes(countries)
    table = pd.DataFrame(out).reindex(codes)[["slope", "ends", "slope, relative", "ends, relative"]]
    table.insert(0, "name", [country_label(c) for c in codes])
    table["agree"] = table.iloc[:, 1:].nunique(axis=1) == 1
    table.index.name = "iso3"
    return table


# ---- figures -------------------------------------------------------------------------------

SHORT = {
    "un_agreement": "UN agreement", "ideal_point_distance": "ideal-point distance",
    "shared_igos": "shared IGOs", "trade_musd": "trade (US$)", "trade_share_pct": "share of US trade",
    "trade_pct_gdp": "trade / GDP", "alliance_level": "alliance level", "troops": "US troops",
    "arms_tiv": "US arms", "exercises": "joint exercises", "students": "students",
    "students_per_million": "students per million", "pct_favorable_us": "favourable view",
    "coauthor_share_pct": "co-authorship",
}
#: Short labels with units, for the titles of small charts.
UNITS = {
    "un_agreement": "UN agreement (share, 0–1)", "ideal_point_distance": "ideal-point distance",
    "shared_igos": "shared IGOs (count)", "trade_musd": "trade (US$ millions)",
    "trade_share_pct": "share of US trade (%)", "trade_pct_gdp": "trade / GDP (%)",
    "alliance_level": "alliance level (0–3)", "troops": "US troops (people)",
    "arms_tiv": "US arms (SIPRI TIV millions)", "exercises": "joint exercises (count)",
    "students": "students in the US", "students_per_million": "students per million",
    "pct_favorable_us": "favourable view (%)", "coauthor_share_pct": "co-authorship (%)",
}
MARKERS = ("o", "s", "^", "D")


def _steady_band(ax, threshold: float, vertical: bool = True) -> None:
    (ax.axvspan if vertical else ax.axhspan)(-threshold, threshold, color="#e6e6e6", zorder=0,
                                              linewidth=0)
    (ax.axvline if vertical else ax.axhline)(0, color="#777777", linewidth=0.8, zorder=1)


def draw_convergence(countries=RISING, indicators=None, since: int = SINCE, until: int = UNTIL,
                     *, method: str = "slope", relative: bool = False,
                     alt: str | None = None) -> None:
    """Dot plot: each country's change towards the US, one panel per pillar.

    Each dot is one indicator (its change in standard deviations per decade, `trajectory`);
    the black bar is the pillar's mean; right of the grey band is converging, left diverging.
    Countries are sorted by their overall change (`convergence_table`), most converging on top.

    >>> draw_convergence(["IND", "BRA", "ZAF"], since=2000, until=2022)
    Figure(1100x340)
    """
    if not style.is_in_use():
        style.use()
    long = convergence(countries, indicators, since, until, method=method, relative=relative)
    table = convergence_table(countries, indicators, since, until, method=method, relative=relative)
    order = list(table.index)[::-1]                   # most converging at the top
    ypos = {c: k for k, c in enumerate(order)}
    pillars = [p for p in PILLARS if p in set(long["pillar"])]
    fig, axes = plt.subplots(1, len(pillars), sharey=True, sharex=True, squeeze=False,
                             figsize=(11, max(3.4, 0.36 * len(order) + 2.3)))
    finite = long["change"].dropna()
    lim = max(1.0, float(finite.abs().max()) * 1.08) if len(finite) else 1.0
    for ax, pillar in zip(axes[0], pillars):
        _steady_band(ax, THRESHOLD)
        rows = long[long["pillar"] == pillar]
        names = list(dict.fromkeys(rows["indicator"]))
        handles = []
        for k, ind in enumerate(names):
            one = rows[rows["indicator"] == ind].dropna(subset=["change"])
            ax.scatter(one["change"], one["iso3"].map(ypos), marker=MARKERS[k % 4], s=34,
                       color=style.PALETTE[k], zorder=3, linewidths=0)
            handles.append(Line2D([], [], marker=MARKERS[k % 4], color=style.PALETTE[k],
                                  linestyle="none", label=SHORT.get(ind, ind)))
        means = table[pillar].dropna()
        ax.scatter(means.to_numpy(), [ypos[c] for c in means.index], marker="|", s=260,
                   color="black", linewidths=2, zorder=4)
        handles.append(Line2D([], [], marker="|", color="black", linestyle="none", markersize=12,
                              markeredgewidth=2, label="pillar mean"))
        ax.set_title(pillar.capitalize(), fontsize=11)
        ax.set_xlim(-lim, lim)
        ax.grid(axis="y", alpha=0.2)
        ax.set_xlabel("← diverging | converging →", fontsize=8.5)
        below = offset_copy(ax.transAxes, fig=fig, y=-34, units="points")
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=below,
                  fontsize=8, ncols=1, frameon=False, handletextpad=0.3)
    axes[0][0].set_yticks(range(len(order)), [country_label(c) for c in order])
    axes[0][0].set_ylim(-0.7, len(order) - 0.3)
    how = "relative to the median partner" if relative else "absolute"
    how = f"{'least-squares slope' if method == 'slope' else 'first and last three years'}, {how}"
    fig.suptitle(f"Converging or diverging with the United States, {since}–{until}\n"
                 f"change towards the US in standard deviations per decade ({how})",
                 fontweight="bold", x=0.02, ha="left", fontsize=11.5)
    if alt is None:
        top, bottom = table.iloc[0], table.iloc[-1]
        conv = table.loc[table["verdict"] == "converging", "name"].tolist()
        div = table.loc[table["verdict"] == "diverging", "name"].tolist()
        alt = (f"Dot plot in {len(pillars)} panels ({', '.join(pillars)}): for {len(order)} "
               f"countries, the change of each indicator towards the United States in "
               f"{since}–{until}, in standard deviations per decade, with each pillar's mean. "
               f"{top['name']} converges most overall ({top['overall']:+.2f}) and "
               f"{bottom['name']} least ({bottom['overall']:+.2f}). Converging overall: "
               f"{', '.join(conv) or 'none'}; diverging overall: {', '.join(div) or 'none'}.")
    show(fig, alt)


def _fit_curve(years, x, indicator, method):
    """The fitted line on the indicator's own scale (back from log(1 + x) where used)."""
    t = np.asarray(years, dtype=float)
    b = slope(t, x) if method == "slope" else ends_rate(t, x)
    a = float(np.mean(x)) - b * float(np.mean(t))
    grid = np.array([t.min(), t.max()]) if indicator not in LOG_SCALE else np.linspace(t.min(), t.max(), 30)
    y = a + b * grid
    return grid, (np.expm1(y) if indicator in LOG_SCALE else y)


def draw_trajectory(country, indicators=None, since: int = SINCE, until: int = UNTIL, *,
                    method: str = "slope", alt: str | None = None) -> None:
    """Small multiples: one partner's indicators over the window, each with its fitted trend.

    Each panel shows the partner's yearly values (solid), the median of all partners
    (dotted grey, for context: a change everyone shares is not special), and the fitted trend
    (dashed; a straight line on the log scale is a curve here). The panel title gives the
    verdict and the change in standard deviations per decade.

    >>> draw_trajectory("India", ["trade_share_pct", "un_agreement"], 2000, 2022)
    Figure(1100x320)
    """
    if not style.is_in_use():
        style.use()
    code = to_code(country)
    names = _check_indicators(indicators)
    since, until = _window(since, until)
    traj = trajectory(code, names, since, until, method=method)
    ncols = min(4, len(names))
    nrows = -(-len(names) // ncols)
    fig, axes = plt.subplots(nrows, ncols, squeeze=False, figsize=(11, 3.2 * nrows))
    for ax, ind in zip(axes.flat, names):
        row = traj.loc[ind]
        mine = _partner_rows(code, since, until, ["year", ind])
        median = _median_by_year(ind, since, until)
        ax.plot(median.index, median.to_numpy(), color=style.US_COLOR, linestyle=":", linewidth=1.3,
                label="median partner")
        ax.plot(mine["year"], mine[ind], color=style.PALETTE[0], linestyle="-", linewidth=2,
                label=country_label(code))
        if np.isfinite(row["change"]):
            x = np.log1p(mine[ind]) if ind in LOG_SCALE else mine[ind]
            gx, gy = _fit_curve(mine["year"], x.to_numpy(dtype=float), ind, method)
            ax.plot(gx, gy, color=style.PALETTE[1], linestyle="--", linewidth=1.6, label="fitted trend")
            note = f"{row['verdict']} ({row['change']:+.2f})"
        else:
            note = "too few years"
        ax.set_title(f"{UNITS.get(ind, ind)}\n{note}", fontsize=10)
        ax.tick_params(labelsize=8)
        ax.set_xlim(since - 0.5, until + 0.5)
    for ax in list(axes.flat)[len(names):]:
        ax.set_visible(False)
    handles = [Line2D([], [], color=style.PALETTE[0], linewidth=2, label=country_label(code)),
               Line2D([], [], color=style.US_COLOR, linestyle=":", label="median partner"),
               Line2D([], [], color=style.PALETTE[1], linestyle="--", label="fitted trend")]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=9, frameon=False)
    fig.suptitle(f"{country_label(code)}: trajectories towards the United States, {since}–{until} "
                 "(change in standard deviations per decade)", fontweight="bold", x=0.02, ha="left")
    if alt is None:
        parts = [f"{SHORT.get(i, i)} {r['verdict']}"
                 + (f" ({r['change']:+.2f})" if np.isfinite(r["change"]) else "")
                 for i, r in traj.iterrows()]
        alt = (f"{len(names)} small line charts for {in_sentence(code)}, {since}–{until}: each "
               f"indicator's yearly values, the median partner and a fitted trend. "
               + "; ".join(parts) + ".")
    show(fig, alt)


def draw_trajectories(countries, indicator: str = "trade_share_pct", since: int = SINCE,
                      until: int = UNTIL, *, method: str = "slope", alt: str | None = None) -> None:
    """One indicator for several countries: yearly values (solid) and fitted trends (dashed).

    The legend gives each country's verdict and change (standard deviations per decade); the
    dotted grey line is the median of all partners.

    >>> draw_trajectories(["IND", "VNM"], "trade_share_pct", 2000, 2022)
    Figure(900x450)
    """
    if not style.is_in_use():
        style.use()
    codes = _codes(countries)
    [indicator] = _check_indicators([indicator])
    since, until = _window(since, until)
    info = INDICATORS[indicator]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    median = _median_by_year(indicator, since, until)
    ax.plot(median.index, median.to_numpy(), color=style.US_COLOR, linestyle=":", linewidth=1.3,
            label="median partner")
    described = []
    for k, code in enumerate(codes):
        mine = _partner_rows(code, since, until, ["year", indicator])
        color = style.PALETTE[k % len(style.PALETTE)]
        row = trajectory(code, [indicator], since, until, method=method).iloc[0]
        label = country_label(code)
        if np.isfinite(row["change"]):
            label += f": {row['verdict']} ({row['change']:+.2f})"
            x = np.log1p(mine[indicator]) if indicator in LOG_SCALE else mine[indicator]
            gx, gy = _fit_curve(mine["year"], x.to_numpy(dtype=float), indicator, method)
            ax.plot(gx, gy, color=color, linestyle="--", linewidth=1.2)
        elif len(mine):
            label += ": too few years"
        ax.plot(mine["year"], mine[indicator], color=color, linestyle="-", marker=".",
                markersize=4, label=label)
        described.append(label)
    ax.set_title(f"{info.pillar.capitalize()} pillar: {info.label}, {since}–{until}")
    ax.set_xlabel("year")
    ax.set_ylabel(info.label)
    ax.set_xlim(since - 0.5, until + 0.5)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=9,
              title="verdict (change, SD per decade)", title_fontsize=8.5)
    if alt is None:
        alt = (f"Line chart: {info.label} for {len(codes)} countries, {since}–{until}, each with "
               f"a dashed fitted trend, and the median partner dotted. " + "; ".join(described) + ".")
    show(fig, alt)


def explorer(default=("IND", "VNM", "BRA"), indicator: str = "trade_share_pct"):
    """Pick countries, an indicator and a window: yearly values and fitted trends.

    The default view is `draw_trajectories(default, indicator)`.
    """
    import ipywidgets as w

    from .widgets import choice, countries
    from .widgets import explorer as wire
    options = {f"{info.pillar.capitalize()}: {info.label}": key for key, info in INDICATORS.items()}
    everyone = sorted(set(_panel()["iso3"]))

    def draw(countries, indicator, years):
        if not countries:
            print("Pick at least one country (hold Ctrl or Cmd to pick several).")
            return
        try:
            draw_trajectories(countries, indicator, years[0], years[1])
        except ValueError as err:
            print(err)

    years = w.IntRangeSlider(value=(SINCE, UNTIL), min=1980, max=UNTIL, step=1,
                             description="Window", continuous_update=False,
                             layout=w.Layout(width="420px"))
    return wire(draw, countries=countries(list(default), options=everyone),
                indicator=choice(options, indicator, "Indicator"), years=years)


# ---- the group, the Quad, and alliance pledges ----------------------------------------------

def group_table(countries=RISING, first: int = SINCE) -> pd.DataFrame:
    """How much each economy grew since `first`, and its formal ties with the US.

    GDP in billions of current US dollars in `first` and in the latest year with data, the
    ratio of the two, population (millions), and two memberships from the `countries` table:
    a US defence pledge in ATOP's last year (2018) and the Quad.

    >>> t = group_table(["IND"])
    >>> t.loc["IND", ["defence pledge 2018", "Quad"]].tolist()
    [False, True]
    """
    codes = _codes(countries)
    econ = load("economy", countries=codes).dropna(subset=["gdp_musd"])
    members = load("countries").set_index("iso3")
    rows = []
    for code in codes:
        mine = econ[econ["iso3"] == code].sort_values("year")
        start = mine[mine["year"] == first]
        last = mine.iloc[-1]
        gdp0 = float(start["gdp_musd"].iloc[0]) if len(start) else float("nan")
        rows.append({"iso3": code, "name": country_label(code), f"GDP {first} (US$ bn)": gdp0 / 1000,
                     "latest year": int(last["year"]), "GDP latest (US$ bn)": float(last["gdp_musd"]) / 1000,
                     "growth (×)": float(last["gdp_musd"]) / gdp0,
                     "population (m)": float(last["population"]) / 1e6,
                     "defence pledge 2018": bool(members.loc[code, "us_defense_pact_2018"]),
                     "Quad": bool(members.loc[code, "quad"])})
    return pd.DataFrame(rows).set_index("iso3").round(1)


def quad_table(year_of: dict | None = None) -> pd.DataFrame:
    """The Quad partners of the US side by side, each indicator in its latest year.

    Rows: the Quad members in the `countries` table (the US left out); columns: a few headline
    indicators, each in the last year with data for all of them (given in the column name).

    >>> sorted(quad_table().index)
    ['AUS', 'IND', 'JPN']
    """
    members = load("countries")
    codes = sorted(set(members.loc[members["quad"], "iso3"]) - {"USA"})
    panel = _panel()
    cols = ["alliance_level", "un_agreement", "ideal_point_distance", "trade_share_pct",
            "arms_tiv", "students_per_million"]
    out = pd.DataFrame(index=pd.Index(codes, name="iso3"))
    out["name"] = [country_label(c) for c in codes]
    quad = panel[panel["iso3"].isin(codes)]
    for col in cols:
        rows = quad.dropna(subset=[col])
        year = int(rows.groupby("iso3")["year"].max().min())
        values = rows[rows["year"] == year].set_index("iso3")[col]
        out[f"{SHORT[col]} {year}"] = values.reindex(codes)
    return out


def windows_table(country="IND", windows=((2000, 2016), (2017, UNTIL)), indicators=None, *,
                  relative: bool = False) -> pd.DataFrame:
    """A partner's change on each indicator in two (or more) windows, side by side.

    Columns: one per window ("2000–2016"), the change in standard deviations per decade from
    `trajectory` (empty where the window holds fewer than MIN_YEARS years of data).

    >>> windows_table("India", indicators=["trade_share_pct"]).columns.tolist()
    ['label', '2000–2016', '2017–2024']
    """
    code = to_code(country)
    names = _check_indicators(indicators)
    out = pd.DataFrame(index=pd.Index(names, name="indicator"))
    out["label"] = [SHORT.get(i, i) for i in names]
    for since, until in windows:
        t = trajectory(code, names, since, until, relative=relative)
        out[f"{since}–{until}"] = t["change"]
    return out


def new_pledges(year: int, pledge: str = "nonaggression") -> list[str]:
    """Partners for which ATOP records a US pledge of this kind in `year` but not the year before.

    >>> "IND" in new_pledges(2009)
    True
    """
    if pledge not in ("defense", "offense", "neutrality", "nonaggression", "consultation"):
        raise ValueError(f"{pledge!r} is not a kind of pledge in the alliances table.")
    a = load("alliances")
    now = set(a.loc[(a["year"] == year) & (a[pledge] == 1), "iso3"])
    before = set(a.loc[(a["year"] == year - 1) & (a[pledge] == 1), "iso3"])
    return sorted(now - before)


def draw_events(country="IND", indicators=("trade_share_pct", "ideal_point_distance", "arms_tiv",
                                           "students_per_million"),
                since: int = 1995, until: int = UNTIL, *, alt: str | None = None) -> pd.DataFrame:
    """A partner's indicators with its timeline events marked; returns those events.

    One small chart per indicator (the partner solid, the median partner dotted); a vertical
    line marks each event of the `timeline` table that lists the partner, inside the years.

    >>> events = draw_events("India")
    Figure(1100x620)
    >>> events["year"].tolist()
    [2007, 2017, 2021, 2021]
    """
    from .history import events as timeline_events
    if not style.is_in_use():
        style.use()
    code = to_code(country)
    names = _check_indicators(list(indicators))
    evs = timeline_events(country=code, years=(since, until))
    ncols = 2 if len(names) > 1 else 1
    nrows = -(-len(names) // ncols)
    fig, axes = plt.subplots(nrows, ncols, squeeze=False, sharex=True, figsize=(11, 3.1 * nrows))
    years = sorted(set(evs["year"]))
    for ax, ind in zip(axes.flat, names):
        mine = _partner_rows(code, since, until, ["year", ind])
        median = from_cache(_median_by_year, ind, since, until)
        for y in years:
            ax.axvline(y, color=style.PALETTE[1], linestyle="--", linewidth=1, alpha=0.8)
        ax.plot(median.index, median.to_numpy(), color=style.US_COLOR, linestyle=":", linewidth=1.3)
        ax.plot(mine["year"], mine[ind], color=style.PALETTE[0], linestyle="-", linewidth=2)
        ax.set_title(INDICATORS[ind].label, fontsize=10, pad=12 if ax in axes[0] else 6)
        ax.tick_params(labelsize=8)
    for ax in list(axes.flat)[len(names):]:
        ax.set_visible(False)
    for ax in axes[0]:
        for y in years:
            ax.annotate(f"{y}", (y, 1.0), xycoords=("data", "axes fraction"), xytext=(2, 1),
                        textcoords="offset points", fontsize=8, color=style.PALETTE[1], va="bottom")
    handles = [Line2D([], [], color=style.PALETTE[0], linewidth=2, label=country_label(code)),
               Line2D([], [], color=style.US_COLOR, linestyle=":", label="median partner"),
               Line2D([], [], color=style.PALETTE[1], linestyle="--", label="event in the timeline")]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=9, frameon=False)
    fig.suptitle(f"{country_label(code)}: ties with the United States and the events of the timeline, "
                 f"{since}–{until}", fontweight="bold", x=0.02, ha="left")
    if alt is None:
        ev_text = "; ".join(f"{r['year']}: {r['title']}" for _, r in evs.iterrows()) or "none"
        alt = (f"{len(names)} line charts for {in_sentence(code)}, {since}–{until}, with the median "
               f"partner for comparison: {', '.join(INDICATORS[i].label for i in names)}. Dashed "
               f"vertical lines mark its events in the timeline ({ev_text}).")
    show(fig, alt)
    return evs[["date", "year", "kind", "title"]]


# ---- the capstone: evidence about one candidate ----------------------------------------------

def _partners_ranked(column: pd.Series, higher_is_closer: bool) -> pd.Series:
    return column.rank(ascending=not higher_is_closer, method="min")


def evidence(candidate, indicators=None) -> pd.DataFrame:
    """Every headline indicator of one candidate, in its latest year, ranked among all partners.

    For each indicator of the panel: the latest year in which the candidate has a value, the
    value, its rank among the partners with a value that year (1 = closest to the US, the
    direction of each indicator respected; tied partners share the best rank), how many
    partners were ranked, and `tied`, how many other partners have exactly the same value.

    >>> ev = evidence("Canada")
    >>> ev.loc["trade_musd", ["year", "rank", "tied"]].tolist()
    [2022, 1, 0]
    >>> int(ev.loc["alliance_level", "tied"]) > 20      # many partners share the top level
    True
    """
    code = to_code(candidate)
    names = list(INDICATORS) if indicators is None else _check_indicators(indicators)
    candidate_rows = _country_rows(code)
    rows = []
    for ind in names:
        info = INDICATORS[ind]
        mine = candidate_rows[["year", ind]].dropna()
        if mine.empty:
            rows.append({"indicator": ind, "pillar": info.pillar, "meaning": info.label,
                         "year": pd.NA, "value": float("nan"), "rank": pd.NA, "of": pd.NA,
                         "tied": pd.NA})
            continue
        year = int(mine["year"].max())
        those = _year_rows(year)[ind].dropna()
        ranks = _partners_ranked(those, info.higher_is_closer)
        rows.append({"indicator": ind, "pillar": info.pillar, "meaning": info.label, "year": year,
                     "value": float(those[code]), "rank": int(ranks[code]), "of": int(those.size),
                     "tied": int((those == those[code]).sum() - 1)})
    out = pd.DataFrame(rows).set_index("indicator")
    for col in ("year", "rank", "of", "tied"):
        out[col] = out[col].astype("Int64")
    return out


def evidence_sentence(candidate, indicator: str, ahead: int = 3) -> str:
    """One piece of evidence as a sentence a reader can check: year, value, rank, source.

    The sentence is written from the data (`evidence`), so its numbers cannot drift from the
    tables; `ahead` names up to that many partners ranked above the candidate.

    >>> evidence_sentence("Canada", "trade_share_pct")
    'In 2022 Canada ranked 1st of 232 partners on share of all US goods trade (%), with 14.9 (table `panel`).'
    """
    code = to_code(candidate)
    [indicator] = _check_indicators([indicator])
    row = evidence(code, [indicator]).loc[indicator]
    if pd.isna(row["year"]):
        return f"{in_sentence(code, start=True)} has no value for {INDICATORS[indicator].label.lower()} in the panel."
    info = INDICATORS[indicator]
    year, rank = int(row["year"]), int(row["rank"])
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(rank % 10 if rank % 100 not in (11, 12, 13) else 0, "th")
    text = (f"In {year} {in_sentence(code)} ranked {rank}{suffix} of {int(row['of'])} partners on "
            f"{info.label[0].lower() + info.label[1:]}, with {row['value']:,.3g}")
    if int(row["tied"]):
        text += f" (tied with {int(row['tied'])} others)"
    those = _year_rows(year)[indicator].dropna()
    ranks = _partners_ranked(those, info.higher_is_closer)
    above = ranks[ranks < rank].sort_values()
    if ahead and len(above):
        names = [in_sentence(c) for c in above.index[:ahead]]
        more = " and others" if len(above) > ahead else ""
        text += f", behind {', '.join(names)}{more}"
    return text + " (table `panel`)."


STRESS_SETTINGS = (
    ("equal weights (the default)", {}),
    ("diplomatic pillar only", {"weights": {"diplomatic": 1, "economic": 0, "security": 0, "cultural": 0}}),
    ("economic pillar only", {"weights": {"diplomatic": 0, "economic": 1, "security": 0, "cultural": 0}}),
    ("security pillar only", {"weights": {"diplomatic": 0, "economic": 0, "security": 1, "cultural": 0}}),
    ("cultural pillar only", {"weights": {"diplomatic": 0, "economic": 0, "security": 0, "cultural": 1}}),
    ("geometric mean", {"aggregation": "geometric"}),
    ("z-score normalisation", {"normalisation": "zscore"}),
    ("rank normalisation", {"normalisation": "rank"}),
    ("distance to frontier", {"normalisation": "frontier"}),
    ("alternative indicators", {"indicators": dict(index.ALTERNATIVE_INDICATORS)}),
)


def stress_test(candidate, year: int = index.DEFAULT_YEAR) -> pd.DataFrame:
    """The candidate's rank in the closeness index under one change of setting at a time.

    Each row changes one choice from the default (equal weights, min–max, arithmetic mean,
    default indicators) and gives the candidate's rank, the number of partners ranked, and
    who is first under that setting.

    >>> st = stress_test("Canada")
    >>> int(st.loc["equal weights (the default)", "rank"]), st.loc["equal weights (the default)", "first"]
    (1, 'Canada')
    """
    code = to_code(candidate)
    rows = []
    for label, settings in STRESS_SETTINGS:
        idx = index.closeness_index(year, **settings)
        ranked = idx["rank"].notna().to_numpy()
        rank = idx.loc[code, "rank"] if code in idx.index else pd.NA
        rows.append({"setting": label, "rank": rank, "of": int(ranked.sum()),
                     "first": idx["name"][ranked].iloc[0]})
    out = pd.DataFrame(rows).set_index("setting")
    out["rank"] = out["rank"].astype("Int64")
    return out


def lab_summary(candidate, lab: pd.DataFrame | None = None) -> pd.Series:
    """What the sensitivity lab says about one candidate: share first, share in the top 3, mean rank.

    `lab` is `helpers.index.sensitivity()` (computed if not given). A candidate not in the lab
    (it lacks a pillar under one set of indicators) raises a ValueError that says so.

    >>> s = lab_summary("GBR")
    >>> bool(0 <= s["first"] <= s["top 3"] <= 1)
    True
    """
    code = to_code(candidate)
    lab = index.sensitivity() if lab is None else lab
    if code not in lab.index:
        raise ValueError(f"{in_sentence(code, start=True)} is not in the sensitivity lab: it lacks at least one "
                         "pillar under one of the two sets of indicators.")
    return pd.Series({"first": float(lab.loc[code, 1]),
                      "top 3": float(lab.loc[code, [1, 2, 3]].sum()),
                      "mean rank": float(lab.loc[code, "mean_rank"])}, name=code)


def rival(candidate, lab: pd.DataFrame | None = None) -> str:
    """The partner, other than the candidate, that comes first in the most lab draws (iso3).

    >>> rival("GBR")
    'CAN'
    """
    code = to_code(candidate)
    lab = index.sensitivity() if lab is None else lab
    others = lab.drop(index=code, errors="ignore")
    best = others[1].max()
    return sorted(others.index[others[1] == best])[0]


def compare_candidates(a, b, year: int = index.DEFAULT_YEAR, weights=None,
                       normalisation: str = "minmax", aggregation: str = "arithmetic") -> pd.DataFrame:
    """Two candidates' pillar scores, index score and rank side by side, and the gap (a − b).

    >>> compare_candidates("GBR", "CAN").columns.tolist()
    ['GBR', 'CAN', 'gap']
    """
    ca, cb = to_code(a), to_code(b)
    idx = index.closeness_index(year, weights, normalisation, aggregation)
    for c in (ca, cb):
        if c not in idx.index:
            raise ValueError(f"{country_label(c)} is not in the closeness index of {year}.")
    rows = list(PILLARS) + ["score", "rank"]
    out = pd.DataFrame({ca: idx.loc[ca, rows].astype(float), cb: idx.loc[cb, rows].astype(float)})
    out["gap"] = out[ca] - out[cb]
    return out


def draw_candidates(a="GBR", b="CAN", year: int = index.DEFAULT_YEAR, weights=None,
                    normalisation: str = "minmax", aggregation: str = "arithmetic", *,
                    alt: str | None = None) -> None:
    """Two candidates' four pillar scores and index score, as paired horizontal bars.

    The scores are those of `helpers.index.closeness_index` with the settings given; each
    candidate's rank is in the legend.

    >>> draw_candidates("GBR", "CAN")
    Figure(800x400)
    """
    if not style.is_in_use():
        style.use()
    table = compare_candidates(a, b, year, weights, normalisation, aggregation)
    ca, cb = table.columns[:2]
    rows = list(PILLARS) + ["score"]
    labels = [p.capitalize() for p in PILLARS] + ["Index score"]
    fig, ax = plt.subplots(figsize=(8, 4))
    y = np.arange(len(rows))[::-1]
    h = 0.38
    for k, (code, shift, hatch) in enumerate(((ca, h / 2, None), (cb, -h / 2, "//"))):
        rank = table.loc["rank", code]
        rank_text = f"rank {int(rank)}" if np.isfinite(rank) else "not ranked"
        values = table.loc[rows, code].to_numpy(dtype=float)
        ax.barh(y + shift, values, height=h, color=style.PALETTE[k], hatch=hatch,
                edgecolor="white", label=f"{country_label(code)} ({rank_text})")
        for yy, v in zip(y + shift, values):
            if np.isfinite(v):
                ax.text(v + 0.01, yy, f"{v:.2f}", va="center", fontsize=8)
    ax.axhline(0.5, color="#999999", linewidth=0.8)
    ax.set_yticks(y, labels)
    ax.grid(axis="y", visible=False)
    span = np.nanmax(table.loc[rows, [ca, cb]].to_numpy(dtype=float))
    low = np.nanmin(table.loc[rows, [ca, cb]].to_numpy(dtype=float))
    ax.set_xlim(min(0, low - 0.1), max(1.0, span + 0.12))
    ax.set_xlabel(f"Score ({index.NORMALISATIONS[normalisation].split(':')[0]}, {aggregation} "
                  f"mean; weights: {index.weights_label(weights)})", fontsize=9)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, fontsize=9, frameon=False)
    ax.set_title(f"Two candidates for closest partner, {year}", pad=26)
    if alt is None:
        parts = []
        for p in rows:
            parts.append(f"{p} {table.loc[p, ca]:.2f} against {table.loc[p, cb]:.2f}")
        alt = (f"Paired bar chart: the four pillar scores and the index score of {country_label(ca)} and "
               f"{country_label(cb)} in {year}: " + "; ".join(parts) + ".")
    show(fig, alt)


def candidate_explorer(a: str = "GBR", b: str = "CAN", year: int = index.DEFAULT_YEAR):
    """Two candidates, the four weights and the normalisation → `draw_candidates`.

    The default view is `draw_candidates(a, b, year)`.
    """

    from .widgets import choice
    from .widgets import explorer as wire
    idx = index.closeness_index(year, missing="reweight")
    options = dict(sorted(zip(idx["name"], idx.index)))
    sliders, norm = index.weight_controls()

    def draw(first, second, diplomatic, economic, security, cultural, normalisation):
        weights = {"diplomatic": diplomatic, "economic": economic, "security": security,
                   "cultural": cultural}
        if first == second:
            print("Pick two different candidates.")
            return
        try:
            draw_candidates(first, second, year, weights, normalisation)
        except (ValueError, index.IndexSpecError) as err:
            print(err)

    return wire(draw, first=choice(options, to_code(a), "Candidate"),
                second=choice(options, to_code(b), "Against"), **sliders, normalisation=norm)
