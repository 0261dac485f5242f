"""A closeness index: the four pillars combined, and how much the answer depends on choices.

The computations and figures of the notebook *09_closeness_index*. A composite index is
built in the steps of the OECD/JRC *Handbook on Constructing Composite Indicators* (2008):

1. **framework**: four pillars of closeness (`helpers.pillars.PILLARS`);
2. **data**: headline indicators of each pillar from the `panel` table (`DEFAULT_INDICATORS`);
3. **missing data**: a country lacking a whole pillar is *dropped*, or scored over the pillars
   it has (*reweight*), or given the pillar's median (*impute*) — never silently scored 0;
4. **normalisation**: every indicator onto a common scale (`normalise`);
5. **weighting**: one weight per pillar, a value judgement about trade-offs (`aggregate`);
6. **aggregation**: arithmetic or geometric mean of the pillar scores (`aggregate`);
7. **uncertainty**: redo it thousands of times with other choices (`sensitivity`).

Every function is small and its formula is in its docstring. The whole pipeline is
`closeness_index(year, weights, normalisation, aggregation, indicators, missing)`.

>>> idx = closeness_index(2018)
>>> list(idx.columns)
['rank', 'name', 'score', 'diplomatic', 'economic', 'security', 'cultural', 'missing']
>>> idx.index.name, int(idx["rank"].min())
('iso3', 1)
"""
from __future__ import annotations

import difflib
import math
import warnings
from collections.abc import Mapping
from functools import lru_cache
from itertools import product
from numbers import Real

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter

from . import style
from .countries import in_sentence
from .data import load
from .pillars import INDICATORS, PILLARS
from .plots import bars, show

NORMALISATIONS = {
    "minmax": "min–max: (x − min) / (max − min), from 0 (lowest) to 1 (highest)",
    "zscore": "z-score: (x − mean) / standard deviation, 0 = average",
    "rank": "rank: (rank − 1) / (n − 1), from 0 (last) to 1 (first)",
    "frontier": "distance to frontier: x / best, the share of the best country's value",
}
AGGREGATIONS = {
    "arithmetic": "weighted arithmetic mean: a strong pillar makes up for a weak one",
    "geometric": "weighted geometric mean: a weak pillar pulls the whole score down",
}
MISSING = {
    "drop": "countries lacking a weighted pillar are listed but not ranked",
    "reweight": "score over the pillars a country has, their weights scaled up to sum to 1",
    "impute": "a missing pillar gets the median score of the countries that have it",
}

# The indicators of each pillar used by default, and a second way of measuring each pillar.
DEFAULT_INDICATORS = {
    "diplomatic": ("un_agreement", "ideal_point_distance"),
    "economic": ("trade_share_pct", "trade_pct_gdp"),
    "security": ("alliance_level", "troops", "arms_tiv"),
    "cultural": ("students_per_million",),
}
ALTERNATIVE_INDICATORS = {
    "diplomatic": ("ideal_point_distance",),
    "economic": ("trade_musd",),
    "security": ("alliance_level", "arms_tiv"),
    "cultural": ("students",),
}
# Indicators spanning several orders of magnitude are compared on a log scale, log(1 + x):
# otherwise Japan's 56,000 US troops would squash every other country's troops to almost 0.
LOG_SCALE = frozenset({"trade_musd", "trade_share_pct", "trade_pct_gdp", "troops", "arms_tiv",
                       "students", "students_per_million"})
# The troops table lists only hosts with at least one US service member: inside its years a
# country without a row hosts none (as far as the reports show), so it counts as 0 here.
ZERO_IF_ABSENT = {"troops": (1950, 2025)}
# Places that are part of the United States are not partners.
US_TERRITORIES = ("ASM", "GUM", "MNP", "PRI", "UMI", "VIR")
DEFAULT_YEAR = 2018          # the last year in which every default indicator has data
EPSILON = 0.01               # the floor of a pillar score in geometric aggregation
SEED = 909                   # the seed of the sensitivity lab's random draws
EQUAL_WEIGHTS = {p: 1.0 for p in PILLARS}


class IndexSpecError(ValueError):
    """A closeness index was asked for with settings that do not make sense."""


# ------------------------------------------------------------------------- checking input

def _options(kind: str, value, options) -> str:
    if not isinstance(value, str) or value not in options:
        close = difflib.get_close_matches(str(value), list(options), n=1, cutoff=0.6)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        listed = ", ".join(repr(o) for o in options)
        raise IndexSpecError(f"{value!r} is not a {kind}.{hint} Choose one of: {listed}.")
    return value


def _pillar_hint(name) -> str:
    close = difflib.get_close_matches(str(name), PILLARS, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_weights(weights) -> np.ndarray:
    """The weights as an array in the order of PILLARS, after checking them.

    Weights are relative: only their ratios matter, so {1, 1, 1, 1} and {0.25, ...} give the
    same index. A weight of 0 leaves a pillar out.

    >>> check_weights({"diplomatic": 2, "economic": 1, "security": 1, "cultural": 0})
    array([2., 1., 1., 0.])
    >>> check_weights({"diplomatic": 1, "economic": 1, "security": 1})
    Traceback (most recent call last):
    ...
    helpers.index.IndexSpecError: Give one weight per pillar: the weight for 'cultural' is missing. ...
    """
    if weights is None:
        weights = EQUAL_WEIGHTS
    if not isinstance(weights, Mapping):
        raise IndexSpecError("Give the weights as a dictionary with one number per pillar, e.g. "
                             "{'diplomatic': 1, 'economic': 1, 'security': 1, 'cultural': 1}; "
                             f"got {type(weights).__name__}.")
    missing = [p for p in PILLARS if p not in weights]
    extra = [k for k in weights if k not in PILLARS]
    if missing or extra:
        parts = []
        if missing:
            parts.append("the weight for " + " and ".join(repr(p) for p in missing) + " is missing")
        if extra:
            parts.append(" and ".join(f"{k!r}{_pillar_hint(k)}" for k in extra)
                         + (" is not a pillar" if len(extra) == 1 else " are not pillars"))
        raise IndexSpecError(f"Give one weight per pillar: {'; '.join(parts)}. "
                             f"The pillars are {', '.join(PILLARS)}.")
    values = []
    for p in PILLARS:
        w = weights[p]
        if isinstance(w, bool) or not isinstance(w, Real) or not math.isfinite(w):
            raise IndexSpecError(f"The weight for {p!r} must be a number; got {w!r}.")
        if w < 0:
            raise IndexSpecError(f"The weight for {p!r} is negative ({w}): weights must be 0 or "
                                 "more (0 leaves the pillar out).")
        values.append(float(w))
    if sum(values) == 0:
        raise IndexSpecError("All the weights are 0: give at least one pillar a positive weight.")
    return np.array(values)


def check_indicators(indicators=None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The indicators of each pillar, as ((pillar, (indicator, ...)), ...), after checking them.

    Pillars left out keep their default indicators (DEFAULT_INDICATORS).

    >>> dict(check_indicators({"cultural": "pct_favorable_us"}))["cultural"]
    ('pct_favorable_us',)
    >>> check_indicators({"security": ["trade_musd"]})
    Traceback (most recent call last):
    ...
    helpers.index.IndexSpecError: 'trade_musd' measures the economic pillar, not security. ...
    """
    if indicators is None:
        indicators = {}
    if not isinstance(indicators, Mapping):
        raise IndexSpecError("Give the indicators as a dictionary from pillar to a list of panel "
                             "columns, e.g. {'cultural': ['students_per_million']}.")
    for key in indicators:
        if key not in PILLARS:
            raise IndexSpecError(f"{key!r} is not a pillar{_pillar_hint(key)}; the pillars are "
                                 f"{', '.join(PILLARS)}.")
    chosen = []
    for pillar in PILLARS:
        names = indicators.get(pillar, DEFAULT_INDICATORS[pillar])
        names = (names,) if isinstance(names, str) else tuple(names)
        own = [k for k, v in INDICATORS.items() if v.pillar == pillar]
        if not names:
            raise IndexSpecError(f"The {pillar} pillar needs at least one indicator; choose from "
                                 f"{', '.join(own)}.")
        for name in names:
            if name not in INDICATORS:
                close = difflib.get_close_matches(str(name), list(INDICATORS), n=1, cutoff=0.6)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                raise IndexSpecError(f"{name!r} is not an indicator of the panel.{hint} The {pillar} "
                                     f"indicators are {', '.join(own)}.")
            if INDICATORS[name].pillar != pillar:
                raise IndexSpecError(f"{name!r} measures the {INDICATORS[name].pillar} pillar, not "
                                     f"{pillar}. The {pillar} indicators are {', '.join(own)}.")
        chosen.append((pillar, tuple(dict.fromkeys(names))))
    return tuple(chosen)


def _spans(years) -> str:
    """Years as compact ranges: [2000, 2001, 2002, 2005] -> '2000–2002, 2005'."""
    years = sorted(years)
    if not years:
        return "none"
    out, start, prev = [], years[0], years[0]
    for y in years[1:] + [None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if y is not None:
            start = prev = y
    return ", ".join(out)


# ------------------------------------------------------------------------------- the data

@lru_cache(maxsize=1)
def _panel() -> pd.DataFrame:
    panel = load("panel")
    panel = panel[~panel["iso3"].isin(US_TERRITORIES)].copy()
    for column, (first, last) in ZERO_IF_ABSENT.items():
        inside = panel["year"].between(first, last)
        panel.loc[inside, column] = panel.loc[inside, column].fillna(0)
    for column in INDICATORS:
        panel[column] = panel[column].astype("float64")
    return panel


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    countries = load("countries")
    return dict(zip(countries["iso3"], countries["name"]))


def name(iso3: str) -> str:
    """The English short name of a country code (the code itself if it is unknown)."""
    return _names().get(iso3, iso3)


@lru_cache(maxsize=32)
def _years(key) -> tuple[int, ...]:
    cols = [c for _, names in key for c in names]
    counts = _panel().groupby("year")[cols].count()
    return tuple(int(y) for y in counts.index[(counts > 0).all(axis=1)])


def years_with_data(indicators=None) -> list[int]:
    """The years in which every chosen indicator has data for at least one country.

    >>> years = years_with_data()
    >>> years[0], years[-1], DEFAULT_YEAR in years
    (2000, 2018, True)
    """
    return list(_years(check_indicators(indicators)))


def _check_year(year, key) -> int:
    if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
        raise IndexSpecError(f"Give the year as a whole number, such as {DEFAULT_YEAR}; got {year!r}.")
    year = int(year)
    years = _years(key)
    if year not in years:
        rows = _panel().loc[lambda d: d["year"] == year]
        absent = [c for _, names in key for c in names if not rows[c].notna().any()]
        what = (f"no data for {', '.join(absent)} in {year}" if len(rows) else f"no rows for {year}")
        raise IndexSpecError(f"The panel has {what}. With these indicators, the years that have "
                             f"data are {_spans(years)}.")
    return year


def year_table(year: int = DEFAULT_YEAR) -> pd.DataFrame:
    """The panel's rows for one year, one per partner (index iso3), ready for the index.

    US territories are left out, and troops are 0 where the troops table lists no US
    personnel (see ZERO_IF_ABSENT); every other gap stays missing.

    >>> float(year_table(2018).loc["JPN", "alliance_level"])
    3.0
    """
    year = int(year)
    table = _panel()
    rows = table[table["year"] == year]
    if rows.empty:
        raise IndexSpecError(f"The panel has no rows for {year}; it covers "
                             f"{int(table['year'].min())}–{int(table['year'].max())}.")
    return rows.set_index("iso3").drop(columns="year")


def indicator_table(indicators=None, year: int = DEFAULT_YEAR) -> pd.DataFrame:
    """The chosen indicators: pillar, meaning, direction, scale, years and countries with data.

    >>> indicator_table().loc["ideal_point_distance", "direction"]
    'lower is closer'
    """
    key = check_indicators(indicators)
    panel = _panel()
    rows = []
    for pillar, names in key:
        for ind in names:
            has = panel.loc[panel[ind].notna(), "year"]
            rows.append({
                "indicator": ind, "pillar": pillar, "meaning": INDICATORS[ind].label,
                "direction": "higher is closer" if INDICATORS[ind].higher_is_closer else "lower is closer",
                "scale": "log(1 + x)" if ind in LOG_SCALE else "as is",
                "years": f"{int(has.min())}–{int(has.max())}" if len(has) else "none",
                f"countries in {year}": int(panel.loc[panel["year"] == year, ind].notna().sum()),
            })
    return pd.DataFrame(rows).set_index("indicator")


# ----------------------------------------------------------------------- the four steps

def normalise(values, method: str = "minmax", higher_is_closer: bool = True):
    """Put one indicator on a common scale; missing values stay missing.

    With x the values of the countries that have one (lower-is-closer indicators reversed so
    that a higher score always means closer):

    - "minmax":   (x − min) / (max − min)          [ (max − x) / (max − min) ]; all equal → 0.5
    - "zscore":   (x − mean) / sd                  [ (mean − x) / sd ]; sd with n, all equal → 0
    - "rank":     (r − 1) / (n − 1), r the rank from the lowest (ties share the average rank)
    - "frontier": x / max                          [ min / x ]: the share of the best value;
                  needs x ≥ 0 (the closest country gets 1; all zero → 1)

    >>> normalise([1, 2, 3], "minmax")
    array([0. , 0.5, 1. ])
    >>> normalise([1, 2, 3], "zscore").round(4)
    array([-1.2247,  0.    ,  1.2247])
    >>> normalise([10, 30, 20, 20], "rank")
    array([0. , 1. , 0.5, 0.5])
    >>> normalise([1, 2, 4], "frontier")
    array([0.25, 0.5 , 1.  ])
    >>> normalise([1, 2, 4, float("nan")], "frontier", higher_is_closer=False)
    array([1.  , 0.5 , 0.25,  nan])
    """
    _options("normalisation", method, NORMALISATIONS)
    x = np.array(values.to_numpy(dtype=float, na_value=np.nan) if isinstance(values, pd.Series)
                 else values, dtype=float)
    out = np.full(x.shape, np.nan)
    ok = ~np.isnan(x)
    v = x[ok]
    if v.size:
        if method == "minmax":
            lo, hi = v.min(), v.max()
            out[ok] = 0.5 if hi == lo else ((v - lo) if higher_is_closer else (hi - v)) / (hi - lo)
        elif method == "zscore":
            sd = v.std()
            out[ok] = 0.0 if sd == 0 else (v - v.mean()) / sd * (1 if higher_is_closer else -1)
        elif method == "rank":
            r = pd.Series(v if higher_is_closer else -v).rank(method="average").to_numpy()
            out[ok] = 0.5 if v.size == 1 else (r - 1) / (v.size - 1)
        else:  # frontier
            if (v < 0).any():
                raise IndexSpecError("Distance to frontier needs values of 0 or more (it divides by "
                                     "the best value); use min–max or rank for this indicator.")
            if higher_is_closer:
                hi = v.max()
                out[ok] = 1.0 if hi == 0 else v / hi
            else:
                lo = v.min()
                with np.errstate(divide="ignore", invalid="ignore"):
                    out[ok] = np.where(v == lo, 1.0, lo / v)
    if isinstance(values, pd.Series):
        return pd.Series(out, index=values.index, name=values.name)
    return out


def pillar_scores(panel_year: pd.DataFrame, indicators=None, method: str = "minmax",
                  log: bool = True) -> pd.DataFrame:
    """The score of every country on every pillar: the mean of its normalised indicators.

    For pillar p with indicators i = 1..k:   s_p = mean over the i the country has of N(x_i),
    where N is `normalise(…, method)` applied across all countries with a value, after
    x → log(1 + x) for indicators in LOG_SCALE (if `log`). A pillar is missing (NaN) only when
    the country has none of its indicators.

    >>> toy = pd.DataFrame({"un_agreement": [0.2, 0.6, 1.0], "ideal_point_distance": [3.0, 1.0, None],
    ...                     "trade_share_pct": [0, 1, 2], "trade_pct_gdp": [1, 2, 3],
    ...                     "alliance_level": [0, 3, 3], "troops": [0, 10, 0], "arms_tiv": [0, 0, 0],
    ...                     "students_per_million": [None, 5, 9]}, index=["A", "B", "C"])
    >>> pillar_scores(toy, log=False).round(2)
       diplomatic  economic  security  cultural
    A        0.00       0.0      0.17       NaN
    B        0.75       0.5      0.83       0.0
    C        1.00       1.0      0.50       1.0
    """
    _options("normalisation", method, NORMALISATIONS)
    key = check_indicators(indicators)
    out = {}
    for pillar, names in key:
        parts = []
        for ind in names:
            if ind not in panel_year.columns:
                raise IndexSpecError(f"The table has no column {ind!r}.")
            x = pd.to_numeric(panel_year[ind], errors="coerce").astype("float64")
            if log and ind in LOG_SCALE:
                x = np.log1p(x)
            parts.append(normalise(x, method, INDICATORS[ind].higher_is_closer))
        out[pillar] = pd.concat(parts, axis=1).mean(axis=1, skipna=True)
    return pd.DataFrame(out, index=panel_year.index)


def _geometric_floor(s: np.ndarray, epsilon: float = EPSILON) -> np.ndarray:
    """Each column rescaled to [ε, 1] (min → ε, max → 1; a constant column → 1); NaN kept."""
    with np.errstate(invalid="ignore"):
        lo, hi = np.nanmin(s, axis=0), np.nanmax(s, axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    scaled = np.where(hi > lo, (s - lo) / span, 1.0)
    return np.where(np.isnan(s), np.nan, epsilon + (1 - epsilon) * scaled)


def aggregate(scores: pd.DataFrame, weights=None, method: str = "arithmetic",
              missing: str = "drop", epsilon: float = EPSILON) -> pd.Series:
    """Combine the pillar scores of each country into one number.

    With weights w_p ≥ 0 over the pillars P a country is scored on:

    - "arithmetic": S = Σ w_p·s_p / Σ w_p
    - "geometric":  S = Π (s'_p)^(w_p / Σ w_p), where s'_p = ε + (1 − ε)·(s_p − min_p)/(max_p − min_p)
      rescales each pillar to [ε, 1] across countries, because a geometric mean needs
      positive numbers (z-scores are negative, min–max has zeros). The weakest country on a
      pillar gets ε = 0.01, not 0, so one weak pillar drags the score down without erasing it.

    Missing pillars (`missing`): "drop" → NaN if any pillar with w_p > 0 is missing;
    "reweight" → P is the pillars the country has; "impute" → a missing s_p is the median of
    the countries that have it. Pillars with w_p = 0 never count.

    >>> s = pd.DataFrame({"diplomatic": [1.0, 0.5, 0.0], "economic": [0.0, 0.5, 1.0],
    ...                   "security": [1.0, 0.5, None], "cultural": [1.0, 0.5, 0.5]},
    ...                  index=["A", "B", "C"])
    >>> aggregate(s, EQUAL_WEIGHTS)
    A    0.75
    B    0.50
    C     NaN
    dtype: float64
    >>> aggregate(s, EQUAL_WEIGHTS, missing="reweight").round(4).tolist()
    [0.75, 0.5, 0.5]
    >>> aggregate(s, EQUAL_WEIGHTS, missing="impute").round(4).tolist()
    [0.75, 0.5, 0.5625]

    A balanced country against two lopsided ones: the arithmetic mean lets B's three strong
    pillars make up for its weak one; the geometric mean does not.

    >>> s = pd.DataFrame({"diplomatic": [0.5, 1, 0], "economic": [0.5, 1, 0],
    ...                   "security": [0.5, 1, 0], "cultural": [0.5, 0, 1]}, index=["A", "B", "C"])
    >>> aggregate(s, EQUAL_WEIGHTS).tolist()
    [0.5, 0.75, 0.25]
    >>> aggregate(s, EQUAL_WEIGHTS, "geometric").round(4).tolist()
    [0.505, 0.3162, 0.0316]
    """
    w = check_weights(weights)
    _options("aggregation", method, AGGREGATIONS)
    _options("missing-data rule", missing, MISSING)
    absent = [p for p in PILLARS if p not in scores.columns]
    if absent:
        raise IndexSpecError(f"The scores have no column for {', '.join(absent)}.")
    s = scores[list(PILLARS)].to_numpy(dtype=float, na_value=np.nan)
    if missing == "impute" and len(s):
        with warnings.catch_warnings():  # a pillar nobody has stays missing
            warnings.simplefilter("ignore", RuntimeWarning)
            s = np.where(np.isnan(s), np.nanmedian(s, axis=0), s)
    if method == "geometric":
        s = np.log(_geometric_floor(s, epsilon))
    active = w > 0
    lacking = np.isnan(s[:, active]).any(axis=1)
    ww = np.where(np.isnan(s), 0.0, w)
    den = ww.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.nansum(ww * np.nan_to_num(s), axis=1) / den
    total = np.where(den > 0, total, np.nan)
    if missing == "drop":
        total = np.where(lacking, np.nan, total)
    if method == "geometric":
        total = np.exp(total)
    return pd.Series(total, index=scores.index)


# ---------------------------------------------------------------------------- the index

@lru_cache(maxsize=256)
def _pillar_table(year: int, method: str, key, log: bool) -> pd.DataFrame:
    """`pillar_scores(year_table(year), dict(key), method, log)`, cached, computed on arrays.

    The same steps as `pillar_scores`; a pillar's mean adds its indicators in order (a gap
    adds 0) and divides by how many the country has, as pandas' row mean does.
    """
    table = year_table(year)
    out = {}
    for pillar, names in key:
        total = count = None
        for ind in names:
            x = table[ind].to_numpy(dtype="float64", na_value=np.nan)
            if log and ind in LOG_SCALE:
                x = np.log1p(x)
            z = normalise(x, method, INDICATORS[ind].higher_is_closer)
            gap = np.isnan(z)
            z = np.where(gap, 0.0, z)
            total = z if total is None else total + z
            count = (~gap).astype(np.intp) if count is None else count + ~gap
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = total / count
        out[pillar] = np.where(count == 0, np.nan, mean)
    return pd.DataFrame(out, index=table.index)


@lru_cache(maxsize=256)
def _labels(year: int, method: str, key, log: bool) -> tuple[list[str], list[str]]:
    """The name of each row of `_pillar_table(...)` and the pillars it lacks ("" if none)."""
    scores = _pillar_table(year, method, key, log)
    names = _names()
    lack = scores.isna().to_numpy()
    return ([names.get(c, c) for c in scores.index],
            [", ".join(p for p, gap in zip(PILLARS, row) if gap) for row in lack])


def closeness_index(year: int = DEFAULT_YEAR, weights=None, normalisation: str = "minmax",
                    aggregation: str = "arithmetic", indicators=None, missing: str = "drop",
                    log: bool = True) -> pd.DataFrame:
    """Rank every partner of the United States in one year on all four pillars combined.

    Parameters: `weights` one number per pillar (default equal); `normalisation` one of
    NORMALISATIONS; `aggregation` one of AGGREGATIONS; `indicators` a dictionary from pillar
    to panel columns (pillars left out keep DEFAULT_INDICATORS); `missing` one of MISSING;
    `log` compare the indicators in LOG_SCALE on a log scale.

    Returns one row per partner (index iso3), best first: its rank, name, score, its four
    pillar scores, and `missing`, the pillars it has no data for ("" if none). Under "drop",
    countries lacking a weighted pillar come last, with no score and no rank.

    >>> idx = closeness_index(2018, {"diplomatic": 0, "economic": 0, "security": 1, "cultural": 0})
    >>> idx.loc["TWN", "missing"], pd.notna(idx.loc["TWN", "rank"])
    ('diplomatic, cultural', True)
    >>> closeness_index(2030)
    Traceback (most recent call last):
    ...
    helpers.index.IndexSpecError: The panel has no rows for 2030. With these indicators, the years that have data are 2000–2018.
    """
    _options("normalisation", normalisation, NORMALISATIONS)
    _options("aggregation", aggregation, AGGREGATIONS)
    _options("missing-data rule", missing, MISSING)
    key = check_indicators(indicators)
    check_weights(weights)
    year = _check_year(year, key)
    scores = _pillar_table(year, normalisation, key, bool(log))
    total = aggregate(scores, weights, aggregation, missing)
    names, lacking = _labels(year, normalisation, key, bool(log))
    out = pd.DataFrame({"rank": total.rank(ascending=False, method="min").astype("Int64"),
                        "name": names, "score": total, **{p: scores[p] for p in scores.columns},
                        "missing": lacking}, index=scores.index)
    out = out.sort_values(["score", "name"], ascending=[False, True], na_position="last")
    out.index.name = "iso3"
    return out


def rank_of(country: str, **settings) -> int | None:
    """The rank of one country in `closeness_index(**settings)` (None if it is not ranked).

    >>> rank_of("CAN")
    1
    """
    from .countries import country as to_code
    idx = closeness_index(**settings)
    code = to_code(country)
    if code not in idx.index or pd.isna(idx.loc[code, "rank"]):
        return None
    return int(idx.loc[code, "rank"])


def weights_label(weights=None) -> str:
    """The weights as shares, e.g. 'diplomatic 25%, economic 25%, security 25%, cultural 25%'.

    >>> weights_label({"diplomatic": 2, "economic": 1, "security": 1, "cultural": 0})
    'diplomatic 50%, economic 25%, security 25%, cultural 0%'
    """
    w = check_weights(weights)
    return ", ".join(f"{p} {100 * x / w.sum():.0f}%" for p, x in zip(PILLARS, w))


# ---------------------------------------------------------------------------- figures

def draw_ranking(year: int = DEFAULT_YEAR, weights=None, normalisation: str = "minmax",
                 aggregation: str = "arithmetic", indicators=None, missing: str = "drop",
                 top: int = 15, highlight=("GBR", "AUS", "JPN"), alt: str | None = None) -> None:
    """Bar chart of the top countries of `closeness_index(...)` (the explorer's drawing).

    >>> draw_ranking(2018)
    Figure(800x580)
    """
    idx = closeness_index(year, weights, normalisation, aggregation, indicators, missing)
    data = idx.dropna(subset=["score"]).head(top).reset_index()
    title = f"Closeness index {year}: the top {len(data)} partners"
    xlabel = (f"Index score ({NORMALISATIONS[normalisation].split(':')[0]}, {aggregation} mean)\n"
              f"weights: {weights_label(weights)}")
    if alt is None:
        listed = ", ".join(f"{r['rank']}. {r['name']} {r['score']:.2f}" for _, r in data.head(5).iterrows())
        alt = (f"Bar chart: the {len(data)} partners with the highest closeness index in {year} "
               f"({normalisation} normalisation, {aggregation} aggregation, weights "
               f"{weights_label(weights)}), highest first: {listed}, and others.")
    bars(data, "score", title=title, xlabel=xlabel, highlight=highlight, alt=alt)


def draw_contributions(year: int = DEFAULT_YEAR, weights=None, indicators=None, top: int = 15,
                       alt: str | None = None) -> None:
    """Stacked bars: how much each pillar adds to the score of the top countries.

    Uses min–max normalisation and the arithmetic mean, where the score is exactly the sum
    of the contributions w_p·s_p / Σ w (so the bars add up to the score).

    >>> draw_contributions(2018, top=5)
    Figure(800x320)
    """
    if not style.is_in_use():
        style.use()
    w = check_weights(weights)
    idx = closeness_index(year, weights, "minmax", "arithmetic", indicators, "drop")
    data = idx.dropna(subset=["score"]).head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, max(3, 0.36 * len(data) + 1.4)))
    left = np.zeros(len(data))
    for k, pillar in enumerate(PILLARS):
        part = data[pillar].to_numpy() * w[k] / w.sum()
        ax.barh(data["name"], part, left=left, color=style.PALETTE[k], label=pillar.capitalize(),
                edgecolor="white", linewidth=0.6)
        left += part
    for y, total in enumerate(data["score"]):
        ax.text(total + 0.005, y, f"{total:.2f}", va="center", fontsize=9)
    ax.set_xlim(0, max(1.0, float(left.max()) + 0.08))
    ax.set_xlabel(f"Index score (min–max, arithmetic mean)\nweights: {weights_label(weights)}")
    ax.grid(axis="y", visible=False)
    ax.legend(ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=9)
    ax.set_title(f"What each pillar adds to the closeness index, {year}", pad=28)
    if alt is None:
        first = data.iloc[-1]
        parts = ", ".join(f"{p} {first[p] * w[k] / w.sum():.2f}" for k, p in enumerate(PILLARS))
        alt = (f"Stacked bar chart: the closeness index of the top {len(data)} partners in {year}, "
               f"split into what each pillar adds. {first['name']} is first with {first['score']:.2f} "
               f"({parts}).")
    show(fig, alt)


def weight_controls():
    """One slider per pillar weight (0–5, released to redraw) and a normalisation choice."""
    import ipywidgets as w

    from .widgets import choice
    sliders = {p: w.FloatSlider(value=1.0, min=0.0, max=5.0, step=0.5, description=p.capitalize(),
                                continuous_update=False, style={"description_width": "initial"},
                                layout=w.Layout(width="260px"))
               for p in PILLARS}
    norm = choice({"min–max": "minmax", "z-score": "zscore", "rank": "rank",
                   "distance to frontier": "frontier"}, "minmax", "Normalisation")
    return sliders, norm


def explorer(year: int = DEFAULT_YEAR):
    """Sliders for the four weights, a normalisation, an aggregation and a year → top 15.

    The default view is `draw_ranking(year)`.
    """
    import ipywidgets as w

    from .widgets import choice
    from .widgets import explorer as wire
    years = years_with_data()
    sliders, norm = weight_controls()
    agg = choice({"arithmetic mean": "arithmetic", "geometric mean": "geometric"}, "arithmetic",
                 "Aggregation")
    year_slider = w.IntSlider(value=year, min=years[0], max=years[-1], step=1, description="Year",
                              continuous_update=False)

    def draw(diplomatic, economic, security, cultural, normalisation, aggregation, year):
        weights = {"diplomatic": diplomatic, "economic": economic, "security": security,
                   "cultural": cultural}
        try:
            draw_ranking(year, weights, normalisation, aggregation)
        except IndexSpecError as err:
            print(err)

    return wire(draw, **sliders, normalisation=norm, aggregation=agg, year=year_slider)


# ----------------------------------------------------------------- choices and missing data

def compare_methods(year: int = DEFAULT_YEAR, weights=None, top: int = 10) -> pd.DataFrame:
    """The rank of the leading countries under every aggregation and normalisation.

    Rows: the countries in the top `top` under at least one combination, sorted by their
    ranks; columns: (aggregation, normalisation) pairs, then `spread`, the best rank
    subtracted from the worst.

    >>> table = compare_methods(2018)
    >>> table.columns[1], table.columns[-1]
    (('arithmetic', 'minmax'), ('', 'spread'))
    """
    ranks = {}
    for agg, norm in product(AGGREGATIONS, NORMALISATIONS):
        ranks[(agg, norm)] = closeness_index(year, weights, norm, agg)["rank"]
    table = pd.DataFrame(ranks)
    table = table[(table <= top).any(axis=1)].sort_values(list(table.columns))
    spread = table.max(axis=1) - table.min(axis=1)
    table.insert(0, ("", "name"), [name(c) for c in table.index])
    table[("", "spread")] = spread
    return table


def missing_pillars(year: int = DEFAULT_YEAR, indicators=None, min_population: float = 0) -> pd.DataFrame:
    """The partners lacking at least one pillar in a year, with the pillars they lack.

    `min_population` leaves out places with fewer inhabitants (population from the panel).
    Places without a population figure (the World Bank does not list Taiwan or many small
    territories) are kept when their goods trade with the US is at least US$1 billion.

    >>> missing_pillars(2018, min_population=1e6).loc["TWN", "missing"]
    'diplomatic, cultural'
    """
    idx = closeness_index(year, indicators=indicators)
    out = idx.loc[idx["missing"] != "", ["name", "missing"]].copy()
    table = year_table(year).reindex(out.index)
    pop = table["population"]
    out["population_millions"] = (pop / 1e6).round(1)
    if min_population:
        out = out[(pop >= min_population) | (pop.isna() & (table["trade_musd"] >= 1000))]
    return out.sort_values(["missing", "name"])


def missing_summary(year: int = DEFAULT_YEAR, indicators=None) -> pd.DataFrame:
    """How many partners have data on each pillar in a year, and how many lack it.

    >>> int(missing_summary(2018).loc["security", "lacking"])
    0
    """
    key = check_indicators(indicators)
    scores = _pillar_table(_check_year(year, key), "minmax", key, True)
    return pd.DataFrame({"with data": scores.notna().sum(), "lacking": scores.isna().sum()})


def compare_missing(year: int = DEFAULT_YEAR, weights=None, min_population: float = 1e6,
                    normalisation: str = "minmax", aggregation: str = "arithmetic") -> pd.DataFrame:
    """The rank of the partners lacking a pillar under each missing-data rule.

    Rows: the partners of `missing_pillars(year, min_population=min_population)`; columns:
    their rank when they are dropped (always empty), reweighted and imputed, and, for
    comparison, how many partners are ranked in all under each rule (row "partners ranked").

    >>> table = compare_missing(2018)
    >>> list(table.columns), pd.isna(table.loc["TWN", "drop"])
    (['name', 'missing', 'drop', 'reweight', 'impute'], True)
    """
    runs = {m: closeness_index(year, weights, normalisation, aggregation, missing=m) for m in MISSING}
    lacking = missing_pillars(year, min_population=min_population)
    table = pd.DataFrame({m: run["rank"].reindex(lacking.index) for m, run in runs.items()})
    table.insert(0, "missing", lacking["missing"])
    table.insert(0, "name", lacking["name"])
    table = table.sort_values(["reweight", "name"])
    table.loc["ranked"] = ["partners ranked", ""] + [int(run["rank"].notna().sum()) for run in runs.values()]
    for m in MISSING:
        table[m] = table[m].astype("Int64")
    return table


def top_unchanged(year: int = DEFAULT_YEAR, top: int = 15, weights=None) -> bool:
    """True when the top `top` partners are the same, in the same order, under every missing rule.

    >>> top_unchanged(2018)
    True
    """
    tops = [tuple(closeness_index(year, weights, missing=m).head(top).index) for m in MISSING]
    return len(set(tops)) == 1


# ------------------------------------------------------------------------- the sensitivity lab

def rank_draws(weights: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Rank positions (0 = first) of every country under every row of weights.

    weights: (n_draws × 4) non-negative; scores: (n_countries × 4) pillar scores (already
    log-transformed for a geometric mean). The index of draw d is weights[d] @ scores.T,
    up to the factor 1 / Σ weights[d], which does not change the order; countries are ranked
    from the highest index (exact ties, which random weights make very rare, in any order).

    >>> rank_draws(np.array([[1, 0, 0, 0], [0, 1, 0, 0.]]), np.array([[1, 0, 0, 0], [0, 1, 0, 0.]]))
    array([[0, 1],
           [1, 0]])
    """
    return _order_and_ranks(weights, scores)[1]


def _order_and_ranks(weights: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`rank_draws`, with the countries of each draw in rank order (order[d, k] has rank k)."""
    totals = weights @ scores.T
    order = np.argsort(-totals, axis=1)
    ranks = np.empty_like(order)
    ranks[np.arange(order.shape[0])[:, None], order] = np.arange(order.shape[1])
    return order, ranks


def _complete(year: int, key) -> pd.Index:
    scores = _pillar_table(year, "minmax", key, True)
    return scores.index[scores.notna().all(axis=1)]


@lru_cache(maxsize=4)
def _simulate(year: int, n_draws: int, seed: int, normalisations, aggregations, keys, alpha: float):
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.full(len(PILLARS), alpha), size=n_draws)
    combos = list(product(range(len(keys)), normalisations, aggregations))
    pick = rng.integers(len(combos), size=n_draws)
    countries = _complete(year, keys[0])
    for key in keys[1:]:
        countries = countries.intersection(_complete(year, key), sort=False)
    countries = pd.Index(sorted(countries))
    ranks = np.empty((n_draws, len(countries)), dtype=np.int16)
    order = np.empty((n_draws, len(countries)), dtype=np.int16)   # the countries in rank order
    for c, (k, norm, agg) in enumerate(combos):
        rows = np.flatnonzero(pick == c)
        if not rows.size:
            continue
        table = _pillar_table(year, norm, keys[k], True)
        s = table[list(PILLARS)].to_numpy(dtype=float)
        if agg == "geometric":
            s = np.log(_geometric_floor(s))
        s = s[table.index.get_indexer(countries)]      # the rows of `countries`, in order
        order[rows], ranks[rows] = _order_and_ranks(weights[rows], s)
    return countries, ranks, weights, pick, combos, order


def _lab_args(year, n_draws, seed, normalisations, aggregations, indicator_sets, alpha):
    for n in normalisations:
        _options("normalisation", n, NORMALISATIONS)
    for a in aggregations:
        _options("aggregation", a, AGGREGATIONS)
    if not normalisations or not aggregations:
        raise IndexSpecError("The sensitivity lab needs at least one normalisation and one aggregation.")
    sets = (DEFAULT_INDICATORS, ALTERNATIVE_INDICATORS) if indicator_sets is None else indicator_sets
    if isinstance(sets, Mapping):
        sets = (sets,)
    keys = tuple(check_indicators(s) for s in sets)
    if not keys:
        raise IndexSpecError("Give at least one set of indicators.")
    for key in keys:
        year = _check_year(year, key)
    if not isinstance(n_draws, (int, np.integer)) or n_draws < 1:
        raise IndexSpecError(f"n_draws must be a positive whole number; got {n_draws!r}.")
    if not isinstance(alpha, Real) or not alpha > 0:
        raise IndexSpecError(f"alpha must be a positive number; got {alpha!r}.")
    return (year, int(n_draws), int(seed), tuple(normalisations), tuple(aggregations), keys,
            float(alpha))


def sensitivity(year: int = DEFAULT_YEAR, n_draws: int = 10_000, seed: int = SEED,
                normalisations=tuple(NORMALISATIONS), aggregations=tuple(AGGREGATIONS),
                indicator_sets=None, alpha: float = 1.0, top: int = 15) -> pd.DataFrame:
    """Monte Carlo over the choices: how often does each country take each rank?

    Each of `n_draws` draws picks weights from a Dirichlet(alpha, alpha, alpha, alpha)
    distribution (alpha = 1: every way of splitting 100% between the four pillars is equally
    likely), one normalisation, one aggregation and one set of indicators (default: the
    default and the alternative measures, ALTERNATIVE_INDICATORS), and ranks the countries
    that have all four pillars under every set. Draws are seeded
    (`numpy.random.default_rng(seed)`), so the result is the same every run.

    Returns one row per country (index iso3), sorted by mean rank: its name, the share of
    draws in which it is ranked 1, 2, … `top` (columns 1 … top), and its mean rank.

    >>> lab = sensitivity(n_draws=2000)
    >>> bool(abs(lab[1].sum() - 1) < 1e-9)
    True
    """
    args = _lab_args(year, n_draws, seed, normalisations, aggregations, indicator_sets, alpha)
    countries, ranks, *_, order = _simulate(*args)
    top = min(int(top), len(countries))
    # the countries ranked 1 … top in each draw: order[d, k] is the one with rank k + 1
    counts = np.bincount((order[:, :top].astype(np.intp) * top + np.arange(top)).ravel(),
                         minlength=len(countries) * top)
    probs = counts.reshape(len(countries), top) / ranks.shape[0]
    out = pd.DataFrame(probs, index=countries, columns=list(range(1, top + 1)))
    out.insert(0, "name", [name(c) for c in countries])
    out["mean_rank"] = ranks.mean(axis=0) + 1
    out.index.name = "iso3"
    return out.sort_values(["mean_rank", "name"])


def first_place(year: int = DEFAULT_YEAR, n_draws: int = 10_000, seed: int = SEED,
                normalisations=tuple(NORMALISATIONS), aggregations=tuple(AGGREGATIONS),
                indicator_sets=None, alpha: float = 1.0, min_share: float = 0.01) -> pd.DataFrame:
    """Which country comes first, for each aggregation and normalisation (share of those draws).

    Same draws as `sensitivity` with the same arguments (both sets of indicators together).
    Rows: countries, most frequent winners first; columns: (aggregation, normalisation).
    Countries first in fewer than `min_share` of the draws of every combination are left out.

    >>> table = first_place(n_draws=2000)
    >>> bool(abs(table.sum().sum() - 8) < 0.2)
    True
    """
    args = _lab_args(year, n_draws, seed, normalisations, aggregations, indicator_sets, alpha)
    countries, _, _, pick, combos, order = _simulate(*args)
    winner = countries[order[:, 0]]                   # the country ranked first in each draw
    aggs = pd.Series(np.array([agg for _, _, agg in combos])[pick], name="aggregation")
    norms = pd.Series(np.array([norm for _, norm, _ in combos])[pick], name="normalisation")
    table = pd.crosstab(pd.Series(winner, name="first"), [aggs, norms], normalize="columns")
    table = table[(table >= min_share).any(axis=1)]
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index]
    table = table.reindex(columns=pd.MultiIndex.from_tuples(
        [(a, n) for a in aggregations for n in normalisations], names=["aggregation", "normalisation"]))
    table.index = [name(c) for c in table.index]
    return table


def draw_rank_heatmap(lab: pd.DataFrame, rows: int = 15, *, highlight: str = "GBR",
                      alt: str | None = None) -> None:
    """Heatmap of the sensitivity lab: countries (rows) by rank (columns), share of draws.

    >>> draw_rank_heatmap(sensitivity(n_draws=500), rows=5)
    Figure(900x450)
    """
    if not style.is_in_use():
        style.use()
    ranks = [c for c in lab.columns if isinstance(c, (int, np.integer))]
    data = lab.head(rows)
    values = data[ranks].to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(9, max(4.5, 0.38 * len(data) + 1.6)), layout="constrained")
    vmax = max(float(values.max()), 0.05)
    image = ax.imshow(values, cmap="cividis", vmin=0, vmax=vmax, aspect="auto")
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            if v >= 0.005:
                ax.text(j, i, f"{100 * v:.0f}", ha="center", va="center", fontsize=8,
                        color="black" if v > 0.55 * vmax else "white")
    ax.set_xticks(range(len(ranks)), [str(r) for r in ranks])
    ax.set_yticks(range(len(data)), list(data["name"]))
    for tick, code in zip(ax.get_yticklabels(), data.index):
        if code == highlight:
            tick.set_fontweight("bold")
    ax.set_xlabel("Rank in the closeness index")
    ax.grid(False)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.8, aspect=30)
    bar.set_label("% of draws")
    bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{100 * v:.0f}"))
    ax.set_title("How often each partner takes each rank when the choices vary")
    if alt is None:
        leader = lab[1].idxmax()
        extra = ""
        if highlight in lab.index:
            extra = (f" {in_sentence(highlight, start=True)} is first in {100 * lab.loc[highlight, 1]:.0f}% of draws and "
                     f"in the top 3 in {100 * lab.loc[highlight, [1, 2, 3]].sum():.0f}%.")
        alt = (f"Heatmap: for the {len(data)} partners with the best mean rank, the percentage of "
               f"draws in which each takes rank 1 to {len(ranks)}, darker for rarer. "
               f"{in_sentence(leader, start=True)} is first most often ({100 * lab.loc[leader, 1]:.0f}% of draws)." + extra)
    show(fig, alt)


# ------------------------------------------------------------------------------- surveys

def survey_comparison(index: pd.DataFrame | None = None) -> pd.DataFrame:
    """The `surveys` table beside the index rank of the partner each survey row is about.

    `asked` is the country whose adults answered; the partner is the country other than the
    United States in each row; `index_rank` is its rank in `index` (default: `closeness_index()`).

    >>> survey_comparison().loc[0, "partner"]
    'AUS'
    """
    index = closeness_index() if index is None else index
    surveys = load("surveys")
    partner = surveys["about_country"].where(surveys["about_country"] != "USA",
                                             surveys["respondents_country"])
    out = pd.DataFrame({
        "survey": surveys["survey"].astype(str), "year": surveys["year"],
        "asked": surveys["respondents_country"], "answer": surveys["answer"],
        "pct": surveys["pct"], "partner": partner,
        "index_rank": partner.map(index["rank"]).astype("Int64"),
    })
    return out
