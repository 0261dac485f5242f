"""Measures of closeness: how alike are two states' votes, alliances and trade?

Each measure is a few lines of numpy that follow its formula, written in the docstring
(the formulas are those of the collection's reference page, "Measures of closeness").

UN votes are coded as Voeten codes them: yes = 1, abstain = 2, no = 3. You may pass the
numbers or the words "yes", "abstain", "no" (a pandas Categorical works too). A missing
value (NaN, None) means the state did not vote; every vote measure counts only the
positions where *both* states voted.

>>> us = ["yes", "no", "yes", "abstain", None]
>>> uk = ["yes", "no", "abstain", "abstain", "yes"]
>>> agreement(us, uk)          # (1 + 1 + 0.5 + 1) / 4: the UK's last vote has no US vote to match
0.875
>>> s_score([1, 3, 1, 2], [1, 3, 2, 2], delta=2)   # 1 - 2 * (0 + 0 + 1 + 0) / (2 * 4)
0.75

When nothing can be compared (no position where both voted) a measure returns NaN, just
as pandas gives NaN for the mean of nothing. Mistakes in the input (vectors of different
lengths, codes outside the scheme, a bad weight or delta) raise `MeasureError`, which says
what is wrong and what to do.
"""
from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

__all__ = ["MeasureError", "VOTE_CODES", "agreement", "votes_only", "s_score", "cohen_kappa",
           "scott_pi", "trade_dependence", "weak_link", "agreement_matrix", "agreement_with"]

VOTE_CODES = {"yes": 1, "abstain": 2, "no": 3}  # Voeten's coding
YES, ABSTAIN, NO = 1.0, 2.0, 3.0
_ALLOWED = ("yes = 1, abstain = 2, no = 3 (the numbers or the words 'yes', 'abstain', 'no'), "
            "and a missing value (NaN or None) where a state did not vote")
_LOOKUP = {**{w: float(c) for w, c in VOTE_CODES.items()}, 1: YES, 2: ABSTAIN, 3: NO}


class MeasureError(ValueError):
    """The input to a measure is not what the measure needs (the message says what to do)."""


# ------------------------------------------------------------------------ checking input

def _vector(x, name: str) -> np.ndarray:
    """One-dimensional array of a list, array, Series or Categorical."""
    if isinstance(x, pd.DataFrame):
        raise MeasureError(f"{name} is a whole table (DataFrame); pass one column of it, "
                           f"e.g. table['vote'].")
    if isinstance(x, (str, bytes)) or np.ndim(x) == 0:
        raise MeasureError(f"{name} should be a sequence with one value per position (a list, "
                           f"array or Series); got the single value {x!r}.")
    arr = np.asarray(x)
    if arr.dtype.kind not in "iuf":
        arr = np.asarray(x, dtype=object)
    if arr.ndim != 1:
        raise MeasureError(f"{name} should be one-dimensional (one value per position); it has "
                           f"shape {arr.shape}. Pass one row or column at a time.")
    return arr


def _show(values) -> str:
    values = list(dict.fromkeys(values))  # distinct, in order of appearance
    shown = ", ".join(repr(v.item() if isinstance(v, np.generic) else v) for v in values[:6])
    return shown + (f" and {len(values) - 6} more" if len(values) > 6 else "")


def _code_of(value) -> float:
    """The vote code of one value: 1.0, 2.0 or 3.0, or NaN if it is not a vote."""
    if isinstance(value, (bool, np.bool_)):
        return np.nan
    if isinstance(value, str):
        value = value.strip().casefold()
    try:
        return _LOOKUP.get(value, np.nan)
    except TypeError:  # unhashable
        return np.nan


def _vote_codes(x, name: str = "x") -> np.ndarray:
    """Vote codes as floats 1.0, 2.0, 3.0, with NaN where the state did not vote."""
    if isinstance(x, pd.Series) and isinstance(x.dtype, pd.CategoricalDtype):
        x = x.array
    if isinstance(x, pd.Categorical):  # fast path: look up each category once
        position, values = x.codes, np.asarray(x.categories, dtype=object)
    else:
        arr = _vector(x, name)
        if arr.dtype.kind in "iuf":
            position, values = pd.factorize(arr, use_na_sentinel=True)
        else:
            position, values = pd.factorize(pd.Series(arr, dtype=object), use_na_sentinel=True)
        values = np.asarray(values, dtype=object)
    table = np.array([_code_of(v) for v in values] + [np.nan])  # last entry: missing (-1)
    codes = table[position]
    bad = (position >= 0) & np.isnan(codes)
    if bad.any():
        found = [v for v in values if np.isnan(_code_of(v))]
        hint = ""
        if any(isinstance(v, numbers.Number) and v in (8, 9) for v in found):
            hint = (" In Voeten's original files 8 means absent and 9 not a member: replace them "
                    "with NaN first, e.g. x.where(x <= 3).")
        raise MeasureError(f"{name} holds {bad.sum()} value(s) that are not UN vote codes: "
                           f"{_show(found)}. The allowed values are {_ALLOWED}.{hint}")
    return codes


def _numbers(x, name: str) -> np.ndarray:
    """Numbers as floats (NaN = missing); vote words and Categoricals become vote codes."""
    arr = _vector(x, name)
    if arr.dtype.kind in "iuf":
        return arr.astype(float)
    s = pd.Series(arr, dtype=object)
    if s.map(lambda v: isinstance(v, str)).any():
        return _vote_codes(arr, name)
    try:
        return pd.to_numeric(s, errors="raise").to_numpy(dtype=float)
    except (TypeError, ValueError):
        odd = [v for v in arr if not (pd.isna(v) or isinstance(v, numbers.Number))]
        raise MeasureError(f"{name} should hold numbers (or UN votes); it holds {_show(odd)}.") from None


def _pair(x, y, convert) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Both vectors converted, checked for equal length; and where both have a value."""
    if isinstance(x, pd.Series) and isinstance(y, pd.Series) and not x.index.equals(y.index):
        raise MeasureError(
            "x and y are pandas Series with different index labels, and measures compare them "
            "position by position. Give both the roll-call id as index and line them up first: "
            "x, y = x.align(y) (a position that one of them lacks becomes 'did not vote').")
    a, b = convert(x, "x"), convert(y, "y")
    if len(a) != len(b):
        raise MeasureError(f"x has {len(a)} values and y has {len(b)}: the two vectors must have "
                           "one value per position (roll call, partner...) in the same order. "
                           "Use NaN where a state has no value.")
    both = ~np.isnan(a) & ~np.isnan(b)
    return a, b, both


def _positive(delta, name: str = "delta") -> float:
    if isinstance(delta, (bool, np.bool_)) or not isinstance(delta, numbers.Real) \
            or not np.isfinite(delta) or delta <= 0:
        raise MeasureError(f"{name} must be a positive number, the largest possible distance "
                           "between two values: 2 for UN votes coded 1-3, 3 for alliance "
                           f"levels 0-3, 1 for yes/no ties; got {delta!r}.")
    return float(delta)


def _check_distance(dist: np.ndarray, limit: float, delta: float, squared: bool = False) -> None:
    if dist.size and dist.max() > limit * (1 + 1e-12):
        largest = float(np.sqrt(dist.max()) if squared else dist.max())
        raise MeasureError(f"Two values are {largest:g} apart but delta is {delta:g}. delta must be "
                           "the largest possible distance between two values (2 for UN votes "
                           "coded 1-3, 3 for alliance levels 0-3, 1 for yes/no ties). Check the "
                           "coding of x and y, or use a larger delta.")


# ------------------------------------------------------------------------ UN votes: two states

def agreement(x, y) -> float:
    """Voeten's agreement score of two states' UN votes: 1 for the same vote, 0.5 when
    exactly one abstained, 0 for yes against no; the mean over roll calls where both voted.

        agreement = (same + 0.5 * partial) / (same + partial + opposite)

    It equals 1 - mean(|x - y|) / 2 with votes coded 1, 2, 3, and (1 + S) / 2 for the
    S-score with delta = 2. Returns NaN when there is no roll call on which both voted.

    >>> agreement(["yes", "yes", "no", "abstain"], ["yes", "no", "no", "yes"])  # (1+0+1+0.5)/4
    0.625
    >>> agreement([1, 3, None], [1, 1, 2])       # third roll call: x did not vote; (1 + 0) / 2
    0.5
    >>> agreement([1, None], [None, 3])          # never both voted: nothing to compare
    nan
    """
    a, b, both = _pair(x, y, _vote_codes)
    a, b = a[both], b[both]
    if a.size == 0:
        return float("nan")
    score = np.select([a == b, (a == ABSTAIN) | (b == ABSTAIN)], [1.0, 0.5], default=0.0)
    return float(score.mean())


def votes_only(x, y) -> float:
    """The US State Department's voting coincidence, "votes only": identical votes as a share
    of identical plus opposite votes, counting only roll calls where both voted yes or no.

        votes_only = identical / (identical + opposite)

    Abstentions and absences are left out. Returns NaN when there is no roll call on which
    both voted yes or no.

    >>> votes_only(["yes", "yes", "no", "abstain"], ["yes", "no", "no", "yes"])  # 2 / (2 + 1)
    0.6666666666666666
    >>> votes_only(["abstain", "yes"], ["abstain", None])
    nan
    """
    a, b, both = _pair(x, y, _vote_codes)
    yes_no = both & (a != ABSTAIN) & (b != ABSTAIN)
    identical = int(np.sum(a[yes_no] == b[yes_no]))
    opposite = int(np.sum(a[yes_no] != b[yes_no]))
    if identical + opposite == 0:
        return float("nan")
    return identical / (identical + opposite)


# ------------------------------------------------------------------------ any coded positions

def s_score(x, y, delta, weights=None, squared: bool = False) -> float:
    """Signorino and Ritter's S: one minus the (weighted) mean distance between two states'
    positions, scaled so that S runs from -1 (as far apart as possible) to 1 (identical).

        S = 1 - 2 * sum(w * |x - y|) / (delta * sum(w))

    delta is the largest possible distance: 2 for UN votes coded 1-3, 3 for alliance
    portfolios coded 0-3 (ATOP levels), 1 for yes/no ties. With ``squared=True`` the
    distance is (x - y)**2 and delta becomes delta**2. Positions where either value is
    missing are left out; returns NaN when none is left (or their weights add up to 0).

    >>> s_score([3, 0, 0, 1], [3, 0, 2, 1], delta=3)          # 1 - 2 * 2 / (3 * 4)
    0.6666666666666667
    >>> s_score([3, 0, 0, 1], [3, 0, 2, 1], delta=3, squared=True)  # 1 - 2 * 4 / (9 * 4)
    0.7777777777777778
    >>> s_score([1, 0], [0, 0], delta=1, weights=[3, 1])      # 1 - 2 * 3 / (1 * 4)
    -0.5
    >>> s_score(["yes", "no"], ["yes", "no"], delta=2)        # S(x, x) = 1
    1.0
    """
    delta = _positive(delta)
    a, b, both = _pair(x, y, _numbers)
    if weights is None:
        w = np.ones(len(a))
    else:
        w = _numbers(weights, "weights")
        if len(w) != len(a):
            raise MeasureError(f"weights has {len(w)} value(s) but x and y have {len(a)}: give one "
                               "weight per position, or leave weights out for equal weights.")
        if np.isnan(w).any() or np.isinf(w).any() or (w < 0).any():
            raise MeasureError("weights must be numbers of 0 or more (a weight says how much a "
                               f"position counts); found {_show(w[~(w >= 0) | np.isinf(w)])}.")
    a, b, w = a[both], b[both], w[both]
    dist = (a - b) ** 2 if squared else np.abs(a - b)
    limit = delta ** 2 if squared else delta
    _check_distance(dist[w > 0], limit, delta, squared)
    if w.sum() == 0:
        return float("nan")
    return float(1 - 2 * np.sum(w * dist) / (limit * np.sum(w)))


def cohen_kappa(x, y, delta=None) -> float:
    """Cohen's kappa with squared-distance weights (Hage 2011): S corrected for the agreement
    two states would reach by chance, given how often each uses each value.

        kappa = 1 - sum(w_ab * o_ab) / sum(w_ab * e_ab),   w_ab = (|a - b| / delta)**2

    o_ab is the share of positions where x = a and y = b, and e_ab = p_x(a) * p_y(b) is the
    share expected by chance from each state's own proportions. delta cancels out of the
    ratio, so it does not change kappa; if given, values further apart than delta raise an
    error. Returns NaN when no position has both values.

    kappa is undefined when both states hold one and the same value everywhere (for example
    two states with no alliances at all): chance alone then predicts perfect agreement, and
    there is nothing left to correct for (0 / 0). Their S is 1. This raises `MeasureError`.
    (Two states that are constant at *different* values get kappa = 0: what they do is
    exactly what chance predicts.)

    >>> cohen_kappa([0, 0, 3, 3], [0, 0, 3, 3])                 # kappa(x, x) = 1
    1.0
    >>> cohen_kappa([1, 1, 3, 3], [1, 3, 1, 3])                 # no better than chance
    0.0
    >>> cohen_kappa([0, 0, 0, 0], [0, 0, 0, 0])
    Traceback (most recent call last):
    ...
    helpers.measures.MeasureError: Cohen's kappa is undefined here: ...
    """
    if delta is not None:
        delta = _positive(delta)
    a, b, both = _pair(x, y, _numbers)
    a, b = a[both], b[both]
    if a.size == 0:
        return float("nan")
    values, index = np.unique(np.concatenate([a, b]), return_inverse=True)
    k, n = len(values), len(a)
    o = np.bincount(index[:n] * k + index[n:], minlength=k * k).reshape(k, k) / n  # observed
    e = np.outer(o.sum(axis=1), o.sum(axis=0))                                      # chance
    d = np.abs(values[:, None] - values[None, :])
    if delta is not None:
        _check_distance(d[o > 0], delta, delta)
    w = (d / (delta or 1.0)) ** 2
    expected = np.sum(w * e)
    if expected == 0:
        raise MeasureError(
            f"Cohen's kappa is undefined here: both states have the value {values[0]:g} at every "
            "one of their positions, so chance alone predicts perfect agreement and there is "
            "nothing left to correct for (0 / 0). This is a lesson, not a bug: the S-score of "
            "these two states is 1, while kappa cannot say how alike they are.")
    return float(1 - np.sum(w * o) / expected)


def scott_pi(x, y) -> float:
    """Scott's pi: the share of identical positions, corrected for chance agreement computed
    from the two states' pooled proportions.

        pi = (p_o - p_e) / (1 - p_e),   p_e = sum over values v of ((p_x(v) + p_y(v)) / 2)**2

    p_o is the share of positions where x and y are identical. Values are treated as
    categories (yes against abstain counts as much disagreement as yes against no).
    Returns NaN when no position has both values; raises `MeasureError` when both states
    hold one and the same value everywhere (then p_e = 1 and pi is 0 / 0).

    >>> scott_pi(["yes", "yes", "no", "no"], ["yes", "no", "no", "no"])  # (0.75 - 0.53125) / 0.46875
    0.4666666666666667
    """
    a, b, both = _pair(x, y, _numbers)
    a, b = a[both], b[both]
    if a.size == 0:
        return float("nan")
    p_o = np.mean(a == b)
    _, counts = np.unique(np.concatenate([a, b]), return_counts=True)
    pooled = counts / (2 * len(a))
    if len(pooled) == 1:
        raise MeasureError(
            f"Scott's pi is undefined here: both states have the value {a[0]:g} at every one of "
            "their positions, so chance alone predicts perfect agreement (p_e = 1) and pi is 0 / 0.")
    p_e = np.sum(pooled ** 2)
    return float((p_o - p_e) / (1 - p_e))


# ------------------------------------------------------------------------ trade

def _amounts(v, name: str, *, positive: bool = False):
    """Numbers as floats (a Series stays a Series), checked for sign; NaN stays missing."""
    try:
        values = v.astype(float) if isinstance(v, pd.Series) else np.asarray(v, dtype=float)
    except (TypeError, ValueError):
        raise MeasureError(f"{name} should be a number or numbers; got {v!r}.") from None
    bad = np.asarray(values <= 0 if positive else values < 0)
    if bad.any():
        what = "more than 0" if positive else "0 or more"
        raise MeasureError(f"{name} must be {what}; found {_show(np.asarray(values)[bad])}.")
    return values


def trade_dependence(exports_ij, imports_ij, gdp_i):
    """Oneal and Russett's trade dependence of state i on partner j: its trade with j as a
    share of its own economy.

        D_ij = (exports_ij + imports_ij) / GDP_i

    Give trade and GDP in the same currency and units (the collection's tables all use
    millions of current US dollars: exports_musd, imports_musd, gdp_musd). Works on
    numbers, arrays or Series (Series are matched by their index, as in pandas).
    A missing value gives a missing result.

    >>> trade_dependence(exports_ij=200, imports_ij=300, gdp_i=10_000)   # (200 + 300) / 10000
    0.05
    >>> trade_dependence([10, 20], [30, 20], [100, 400]).tolist()
    [0.4, 0.1]
    """
    exports = _amounts(exports_ij, "exports_ij")
    imports = _amounts(imports_ij, "imports_ij")
    gdp = _amounts(gdp_i, "gdp_i", positive=True)
    d = (exports + imports) / gdp
    return float(d) if np.ndim(d) == 0 else d


def weak_link(d_ij, d_ji):
    """The dyad's "weak link": the smaller of the two states' trade dependences, because the
    less dependent state is the one freer to walk away.

        weak_link = min(D_ij, D_ji)

    >>> weak_link(0.05, 0.002)
    0.002
    >>> weak_link([0.1, 0.3], [0.2, 0.01]).tolist()
    [0.1, 0.01]
    """
    d_ij, d_ji = _amounts(d_ij, "d_ij"), _amounts(d_ji, "d_ji")
    low = np.minimum(d_ij, d_ji)
    return float(low) if np.ndim(low) == 0 else low


# ------------------------------------------------------------------------ UN votes: all pairs

MATRIX_MEASURES = ("agreement", "votes_only", "s_score")


def _check_table(votes, needed: list[str]) -> None:
    if not isinstance(votes, pd.DataFrame):
        raise MeasureError(f"votes should be a table (DataFrame) with columns {', '.join(needed)}, "
                           f"like helpers.load('un_votes'); got {type(votes).__name__}.")
    missing = [c for c in needed if c not in votes.columns]
    if missing:
        raise MeasureError(f"The votes table has no column {', '.join(missing)}; it needs "
                           f"{', '.join(needed)} (it has {', '.join(map(str, votes.columns))}).")
    if votes.empty:
        raise MeasureError("The votes table is empty: check the filter that made it (for example "
                           "the year: the General Assembly held no recorded votes in 1964).")


def _share(top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    """top / bottom, NaN where bottom is 0 (nothing to compare)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(bottom > 0, top / bottom, np.nan)


def agreement_matrix(votes: pd.DataFrame, measure: str = "agreement") -> pd.DataFrame:
    """Agreement of every pair of states at once: a country x country table.

    ``votes`` has one row per roll call and state, with columns rcid, iso3 and vote (like
    ``helpers.load("un_votes")``, filtered to one year; several years are pooled).
    ``measure`` is "agreement", "votes_only" or "s_score" (delta = 2). A pair that never
    voted on the same roll call gets NaN.

    No loop over pairs: one 0/1 table per kind of vote (rows = states, columns = roll
    calls), then matrix products count every pair's roll calls at once, e.g.
    ``Y @ N.T`` counts the roll calls where the row state voted yes and the column state no.

        same     = Y Y' + A A' + N N'          (Y: yes, A: abstain, N: no; ' = transpose)
        partial  = A (Y + N)' + (Y + N) A'
        opposite = Y N' + N Y'

    >>> votes = pd.DataFrame({"rcid": [1, 1, 1, 2, 2, 2],
    ...                       "iso3": ["USA", "GBR", "FRA", "USA", "GBR", "FRA"],
    ...                       "vote": ["yes", "yes", "no", "no", "abstain", "no"]})
    >>> agreement_matrix(votes)
    partner   FRA   GBR   USA
    iso3
    FRA      1.00  0.25  0.50
    GBR      0.25  1.00  0.75
    USA      0.50  0.75  1.00
    """
    if measure not in MATRIX_MEASURES:
        raise MeasureError(f"measure must be one of {', '.join(map(repr, MATRIX_MEASURES))}; "
                           f"got {measure!r}.")
    _check_table(votes, ["rcid", "iso3", "vote"])
    codes = _vote_codes(votes["vote"], "the vote column")
    voted = ~np.isnan(codes)
    state, states = pd.factorize(votes["iso3"].to_numpy()[voted], sort=True)
    call, calls = pd.factorize(votes["rcid"].to_numpy()[voted])
    cell = state * len(calls) + call
    repeated = pd.Series(cell).duplicated(keep=False).to_numpy()
    if repeated.any():
        first = votes[voted].iloc[np.flatnonzero(repeated)[0]]
        raise MeasureError(f"{first['iso3']} votes more than once on roll call {first['rcid']} "
                           f"({repeated.sum()} rows are repeats): each state votes once per roll "
                           "call. Drop the repeats first: votes.drop_duplicates(['rcid', 'iso3']).")
    grid = np.zeros((len(states), len(calls)))
    grid[state, call] = codes[voted]
    Y, A, N = (grid == YES) * 1.0, (grid == ABSTAIN) * 1.0, (grid == NO) * 1.0
    same = Y @ Y.T + A @ A.T + N @ N.T
    partial = A @ (Y + N).T + (Y + N) @ A.T
    opposite = Y @ N.T + N @ Y.T
    both = same + partial + opposite            # roll calls on which both voted
    if measure == "agreement":
        table = _share(same + 0.5 * partial, both)
    elif measure == "votes_only":
        identical = Y @ Y.T + N @ N.T
        table = _share(identical, identical + opposite)
    else:                                       # S with delta = 2: |x - y| is 1 or 2
        distance = partial + 2 * opposite
        table = 1 - 2 * _share(distance, 2 * both)
    index = pd.Index(states, name="iso3")
    return pd.DataFrame(table, index=index, columns=pd.Index(states, name="partner"))


# ------------------------------------------------------------------------ UN votes: over time

def agreement_with(votes: pd.DataFrame, partner: str, reference: str = "USA",
                   measure: str = "agreement") -> pd.Series:
    """A state's agreement with a reference state (the US unless you say otherwise), year by
    year: the chosen measure applied to each year's roll calls on which both voted.

    ``votes`` needs columns rcid, iso3, vote and year; add the year to un_votes with
    ``votes.merge(helpers.load("un_roll_calls")[["rcid", "year"]], on="rcid")``.
    ``measure`` is "agreement", "votes_only" or "s_score" (delta = 2). Years without a
    roll call on which both voted are left out.

    >>> votes = pd.DataFrame({"rcid": [1, 1, 2, 2, 3, 3], "year": [1990, 1990, 1990, 1990, 1991, 1991],
    ...                       "iso3": ["USA", "GBR"] * 3, "vote": ["yes", "yes", "no", "abstain", "yes", "no"]})
    >>> agreement_with(votes, "GBR")
    year
    1990    0.75
    1991    0.00
    Name: agreement, dtype: float64
    """
    functions = {"agreement": agreement, "votes_only": votes_only,
                 "s_score": lambda x, y: s_score(x, y, delta=2)}
    if measure not in functions:
        raise MeasureError(f"measure must be one of {', '.join(map(repr, functions))}; got {measure!r}.")
    if isinstance(votes, pd.DataFrame) and "year" not in votes.columns and "rcid" in votes.columns:
        raise MeasureError("The votes table has no year column. Add it from the roll calls: "
                           "votes.merge(helpers.load('un_roll_calls')[['rcid', 'year']], on='rcid').")
    _check_table(votes, ["rcid", "iso3", "vote", "year"])
    present = set(votes["iso3"].unique())
    codes = []
    for who, label in ((partner, "partner"), (reference, "reference")):
        code = who.strip().upper() if isinstance(who, str) else who
        if code not in present:
            from .countries import CountryError, country
            try:
                code = country(who)
            except CountryError as err:
                if not (isinstance(code, str) and len(code) == 3 and code.isalpha()):
                    raise MeasureError(f"{label}: {err}") from None
        if code not in present:
            raise MeasureError(f"The votes table has no votes of {code} (the {label}); check the "
                               "country code and the years you kept.")
        codes.append(code)
    keep = ["rcid", "year", "vote"]
    a = votes.loc[votes["iso3"] == codes[0], keep]
    b = votes.loc[votes["iso3"] == codes[1], ["rcid", "vote"]]
    pairs = a.merge(b, on="rcid", suffixes=("_partner", "_reference"))
    pairs = pairs[pairs["vote_partner"].notna() & pairs["vote_reference"].notna()]
    fun = functions[measure]
    x = _vote_codes(pairs["vote_partner"], "the partner's votes")  # coded once, 1.0 to 3.0
    y = _vote_codes(pairs["vote_reference"], "the reference's votes")
    years = pairs["year"].to_numpy()
    result = {year: fun(x[years == year], y[years == year]) for year in np.unique(years)}
    out = pd.Series(result, dtype=float, name=measure)
    out.index.name = "year"
    return out
