"""Do close partnerships deliver what they promise? Three claims tested against the data.

The computations and figures of the notebook *10_why_partnerships_matter*. The overview
the collection follows gives three reasons why close partnerships matter; each is turned
into something the tables can show:

- **agenda setting**: in the UN General Assembly, does the United States end up on the
  winning side, do its close partners vote with it when it is in the minority, and does
  their bloc of votes change outcomes? (`un_votes`, `un_roll_calls`)
- **shared prosperity**: does the United States trade and invest more with close partners,
  relative to their economies, and did that trade grow faster? (`trade`, `investment`,
  `economy`)
- **collective security**: how large is the US alliance network, how much of the world does
  it hold, and where are US troops and exercises? (`alliances`, `economy`, `troops`,
  `exercises`, `timeline`)

Who counts as a close partner is a choice: `close_group` builds a group by treaty, by the
closeness index of notebook 09, or by hand, and every `*_effects` function takes a group.

**The rule for a roll call's outcome.** A roll call *passes* when more states voted yes
than no; abstentions do not count, and a tie fails::

    passed = yes > no

This is the Charter's simple majority of the members "present and voting" (Article 18).
The Assembly's real rules differ for "important questions" (a two-thirds majority,
Article 18(2): budgets, admissions, elections, ...), and the source records no official
totals or outcomes, so `passed` is the collection's reconstruction, not the UN's record.

>>> toy = pd.DataFrame({"rcid": [1, 1, 1, 2, 2], "iso3": ["USA", "GBR", "FRA", "USA", "GBR"],
...                     "vote": ["yes", "no", "no", "no", "abstain"]})
>>> tallies(toy)
      yes  abstain  no  voters  passed
rcid                                  
1       1        0   2       3   False
2       0        1   1       2   False
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import PercentFormatter

from . import style
from .countries import CountryError, country
from .data import load
from .plots import country_label, show

VOTES = ("yes", "abstain", "no")
CODES = {"yes": 1, "abstain": 2, "no": 3}          # Voeten's coding; 0 = did not vote
ISSUES = {"middle_east": "Middle East", "nuclear": "Nuclear weapons",
          "arms_control": "Arms control", "human_rights": "Human rights",
          "colonialism": "Colonialism", "development": "Economic development"}
KINDS = {
    "nato": "NATO members (each from the year it joined)",
    "five_eyes": "Five Eyes partners",
    "defence": "partners with a US defence pledge that year (ATOP)",
    "defence_2018": "partners with a US defence pledge in 2018",
    "index": "top partners of the closeness index",
    "hand": "chosen by hand",
}
ATOP_LAST = 2018                   # the alliances table ends here; later years reuse 2018
TRADE_FULL = 1992                  # from 1992 the Census table lists every partner
GDP_COVERAGE = 95                  # world GDP shares only where GDP covers 95% of people
US_TERRITORIES = ("ASM", "GUM", "MNP", "PRI", "UMI", "VIR")
FOREVER = 9999
GROUP_COLOR, OTHERS_COLOR = style.PALETTE[0], style.PALETTE[1]


class GroupError(ValueError):
    """A group of close partners was asked for with settings that do not make sense."""



def _styled() -> None:
    if not style.is_in_use():
        style.use()


def _decade(years) -> np.ndarray:
    """The decade of each year; the single roll call of January 2020 counts with the 2010s.

    >>> _decade(np.array([1946, 1959, 2019, 2020])).tolist()
    [1940, 1950, 2010, 2010]
    """
    return np.minimum(np.asarray(years) // 10 * 10, 2010)


def decade_label(decade: int) -> str:
    """How a decade is written in tables: '1946–49' for the first, '2010–20' for the last.

    >>> [decade_label(d) for d in (1940, 1980, 2010)]
    ['1946–49', '1980s', '2010–20']
    """
    return {1940: "1946–49", 2010: "2010–20"}.get(int(decade), f"{int(decade)}s")


# ---------------------------------------------------------------------------- the groups

@dataclass(frozen=True)
class Group:
    """A group of close partners: who belongs to it, and in which years.

    `periods` holds (iso3, first year, last year) rows; a group whose membership does not
    change has every member from year 0 to 9999.
    """
    kind: str
    label: str
    periods: tuple[tuple[str, int, int], ...]

    @property
    def members(self) -> list[str]:
        """Every country that belongs to the group in at least one year, sorted."""
        return sorted({p[0] for p in self.periods})

    def members_in(self, year: int) -> list[str]:
        """The members in one year.

        >>> close_group("nato").members_in(1950)[:4]
        ['BEL', 'CAN', 'DNK', 'FRA']
        """
        return sorted({c for c, a, b in self.periods if a <= year <= b})

    def __repr__(self) -> str:
        return f"Group({self.kind!r}: {self.label}, {len(self.members)} countries)"


def _runs(years) -> list[tuple[int, int]]:
    """Consecutive years as (first, last) runs.

    >>> _runs([1950, 1951, 1952, 1960, 1961])
    [(1950, 1952), (1960, 1961)]
    """
    years = sorted(int(y) for y in years)
    runs, start, prev = [], None, None
    for y in years:
        if start is None:
            start = prev = y
        elif y == prev + 1:
            prev = y
        else:
            runs.append((start, prev))
            start = prev = y
    if start is not None:
        runs.append((start, prev))
    return runs


def close_group(kind: str = "nato", n: int = 15, year: int = 2018, countries=None) -> Group:
    """A group of close partners of the United States.

    kind:
      - "nato": NATO members, each from the year it joined (`countries.nato_member_since`);
      - "five_eyes": Australia, Canada, New Zealand and the United Kingdom (all years);
      - "defence": partners with a US defence pledge in the year in question (ATOP,
        `alliances`; years after 2018 use the 2018 list);
      - "defence_2018": partners with a US defence pledge in 2018 (`countries`), all years;
      - "index": the top `n` of `helpers.index.closeness_index(year)`, all years;
      - "hand": the `countries` you list (names or codes), all years.

    >>> close_group("five_eyes").members
    ['AUS', 'CAN', 'GBR', 'NZL']
    >>> close_group("index", n=3).members
    ['CAN', 'GBR', 'KOR']
    >>> close_group("hand", countries=("Japan", "UK")).label
    'chosen by hand: Japan, United Kingdom'
    >>> close_group("defence").members_in(2018) == close_group("defence_2018").members
    True
    """
    if countries is not None and not isinstance(countries, str):
        countries = tuple(countries)
    return _close_group(kind, n, year, countries if kind == "hand" else None)


@lru_cache(maxsize=64)
def _close_group(kind, n, year, countries) -> Group:
    if kind not in KINDS:
        raise GroupError(f"{kind!r} is not a kind of group; choose one of "
                         f"{', '.join(repr(k) for k in KINDS)}.")
    table = load("countries")
    if kind == "nato":
        rows = table.dropna(subset=["nato_member_since"])
        periods = [(c, int(y), FOREVER) for c, y in zip(rows["iso3"], rows["nato_member_since"])]
        label = KINDS[kind]
    elif kind in ("five_eyes", "defence_2018"):
        column = "five_eyes" if kind == "five_eyes" else "us_defense_pact_2018"
        periods = [(c, 0, FOREVER) for c in table.loc[table[column].astype(bool), "iso3"]]
        label = KINDS[kind]
    elif kind == "defence":
        pledges = load("alliances")
        pledges = pledges[pledges["defense"] == 1]
        periods = []
        for code, years in pledges.groupby("iso3")["year"]:
            for first, last in _runs(years):
                periods.append((code, first, FOREVER if last == ATOP_LAST else last))
        label = KINDS[kind]
    elif kind == "index":
        from .index import closeness_index
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise GroupError(f"n is the number of top partners, a whole number of 1 or more; got {n!r}.")
        ranked = closeness_index(year).dropna(subset=["rank"])
        periods = [(c, 0, FOREVER) for c in ranked.index[:int(n)]]
        label = f"top {int(n)} of the closeness index, {year}"
    else:
        if not countries or isinstance(countries, str):
            raise GroupError("Give the countries of a group chosen by hand as a list, e.g. "
                             "countries=('GBR', 'JPN', 'AUS').")
        try:
            codes = sorted({country(c) for c in countries})
        except CountryError as err:
            raise GroupError(str(err)) from None
        chosen = dict.fromkeys(country(c) for c in countries)
        label = "chosen by hand: " + ", ".join(country_label(c) for c in chosen)
        periods = [(c, 0, FOREVER) for c in codes]
    periods = tuple(sorted(p for p in periods if p[0] != "USA" and p[0] not in US_TERRITORIES))
    if not periods:
        raise GroupError("The group has no members other than the United States.")
    return Group(kind, label, periods)


def membership(grp: Group, years, codes) -> np.ndarray:
    """A years × codes table of True/False: is the country a member in that year?

    >>> membership(close_group("nato"), [1950, 2000], ["POL", "GBR"]).tolist()
    [[False, True], [True, True]]
    """
    years = np.asarray(years)
    position = {c: k for k, c in enumerate(codes)}
    out = np.zeros((len(years), len(position)), dtype=bool)
    for code, first, last in grp.periods:
        if code in position:
            out[:, position[code]] |= (years >= first) & (years <= last)
    return out


# -------------------------------------------------------------------- agenda: the tallies

def tallies(votes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count each roll call's votes: yes, abstain, no, voters (all three), and passed.

    `votes` has the columns of the `un_votes` table (rcid, iso3, vote); left out, the whole
    table is tallied (once: the result is kept). A roll call passes when yes > no (see the
    module's notes on the rule).

    >>> t = tallies()
    >>> t.loc[3, ["yes", "abstain", "no", "voters"]].tolist()   # the first roll call of 1946
    [29, 4, 18, 51]
    >>> bool(t.loc[3, "passed"])
    True
    """
    if votes is None:
        return _all_tallies().copy()
    fast = _fast_tallies(votes)
    if fast is not None:
        return fast
    text = votes["vote"].astype(str)
    if not text.isin(VOTES).all():
        odd = sorted(set(text[~text.isin(VOTES)]))[:3]
        raise ValueError(f"Every vote must be 'yes', 'abstain' or 'no'; found {odd}.")
    vote = pd.Categorical(text, categories=list(VOTES))
    counts = pd.crosstab(votes["rcid"].to_numpy(), vote, dropna=False).reindex(columns=list(VOTES),
                                                                             fill_value=0)
    counts.columns = list(VOTES)
    counts.index.name = "rcid"
    counts = counts.astype("int64")
    counts["voters"] = counts.sum(axis=1)
    counts["passed"] = counts["yes"] > counts["no"]
    return counts


def _vote_positions(vote: pd.Series) -> np.ndarray | None:
    """Each vote's position in VOTES (0 yes, 1 abstain, 2 no), from category or factor codes
    rather than a string per row; None if a vote is missing or not one of VOTES."""
    if isinstance(vote.dtype, pd.CategoricalDtype):
        codes, values = vote.cat.codes.to_numpy(), vote.cat.categories
    else:
        codes, values = pd.factorize(vote)
    if (codes < 0).any():
        return None
    names = [str(v) for v in values]
    if not set(names) <= set(VOTES):
        # a category no vote uses does not matter: only the categories in use must be votes
        used = np.unique(codes)
        if not {names[k] for k in used} <= set(VOTES):
            return None
    lookup = np.array([VOTES.index(n) if n in VOTES else -1 for n in names], dtype=np.int64)
    return lookup[codes]


def _fast_tallies(votes: pd.DataFrame) -> pd.DataFrame | None:
    """`tallies` with bincount over integer codes; None where the plain way must decide
    (no rows, odd roll call ids, or votes that are not yes/abstain/no: its error message)."""
    dtype = votes["rcid"].dtype
    if len(votes) == 0 or not isinstance(dtype, np.dtype) or dtype.kind not in "iu":
        return None
    position = _vote_positions(votes["vote"])
    if position is None:
        return None
    rcid = votes["rcid"].to_numpy()
    low, high = int(rcid.min()), int(rcid.max())
    if high - low <= 4 * len(rcid) and -2**62 < low and high < 2**62:
        # ids close together (as in un_votes): count into one row per possible id, keep the used
        offset = rcid.astype(np.int64) - low
        counts = np.bincount(offset * 3 + position, minlength=3 * (high - low + 1)).reshape(-1, 3)
        used = counts.any(axis=1)
        rcids, counts = (np.flatnonzero(used) + low).astype(rcid.dtype), counts[used]
    else:
        row, rcids = pd.factorize(rcid, sort=True)
        counts = np.bincount(row * 3 + position, minlength=3 * len(rcids)).reshape(-1, 3)
    out = pd.DataFrame(counts.astype("int64"), index=pd.Index(rcids, name="rcid"),
                       columns=list(VOTES))
    out["voters"] = out.sum(axis=1)
    out["passed"] = out["yes"] > out["no"]
    return out


@lru_cache(maxsize=1)
def _all_tallies() -> pd.DataFrame:
    return tallies(load("un_votes"))


def tally(votes: pd.DataFrame, rcid: int) -> dict:
    """The tally of one roll call, as a dictionary.

    >>> tally(load("un_votes"), 3)
    {'yes': 29, 'abstain': 4, 'no': 18, 'voters': 51, 'passed': True}
    """
    rows = votes[votes["rcid"] == rcid]
    if rows.empty:
        raise KeyError(f"There is no roll call {rcid!r} in these votes.")
    row = tallies(rows).iloc[0]
    return {k: (bool(row[k]) if k == "passed" else int(row[k])) for k in row.index}


def flips(yes, no, bloc_yes, bloc_no) -> np.ndarray:
    """Would the outcome change if the bloc's votes were taken away?

    The outcome is yes > no; without the bloc it is (yes − bloc_yes) > (no − bloc_no).
    A roll call *flips* when the two differ: the bloc's votes decided it.

    >>> flips([10, 10, 10], [8, 8, 12], [3, 1, 0], [0, 0, 3]).tolist()
    [True, False, True]
    """
    yes, no, by, bn = (np.asarray(a) for a in (yes, no, bloc_yes, bloc_no))
    return (yes > no) != ((yes - by) > (no - bn))


@lru_cache(maxsize=1)
def _matrix():
    """Every vote as a roll calls × countries table of codes (0 = did not vote), with facts."""
    votes = load("un_votes")
    calls = load("un_roll_calls").sort_values("rcid").reset_index(drop=True)
    # factorize: each vote's column, and the distinct country codes (sorted) they point to
    col, codes = pd.factorize(votes["iso3"].to_numpy(), sort=True)
    if (col < 0).any():
        raise ValueError("Every vote in un_votes must have a country code.")
    codes = np.array(list(codes))
    row = pd.Index(calls["rcid"]).get_indexer(votes["rcid"])
    position = _vote_positions(votes["vote"])
    if position is None:
        raise ValueError("Every vote in un_votes must be 'yes', 'abstain' or 'no'.")
    lookup = np.array([CODES[v] for v in VOTES], dtype=np.int8)
    mat = np.zeros((len(calls), len(codes)), dtype=np.int8)
    mat[row, col] = lookup[position]
    return calls, codes, mat


@lru_cache(maxsize=1)
def roll_call_outcomes() -> pd.DataFrame:
    """One row per roll call: year, decade, the tally, the US vote, and whether the US won.

    `us_won` is True when the US voted yes and the roll call passed, or voted no and it
    failed; it is missing when the US abstained or did not vote.

    >>> out = roll_call_outcomes()
    >>> bool(out.loc[out["us_vote"] == "abstain", "us_won"].isna().all())
    True
    """
    calls, codes, mat = _matrix()
    t = _all_tallies().reindex(calls["rcid"])
    us = mat[:, list(codes).index("USA")]
    names = np.array(["", "yes", "abstain", "no"])
    out = pd.DataFrame({"rcid": calls["rcid"].to_numpy(), "year": calls["year"].to_numpy(),
                        "decade": _decade(calls["year"].to_numpy())})
    for c in ["yes", "abstain", "no", "voters", "passed"]:
        out[c] = t[c].to_numpy()
    out["us_vote"] = pd.Categorical(np.where(us == 0, None, names[us]), categories=list(VOTES))
    won = np.where(us == 1, out["passed"], np.where(us == 3, ~out["passed"], False))
    out["us_won"] = pd.array(np.where((us == 1) | (us == 3), won, None), dtype="boolean")
    for tag in ISSUES:
        out[tag] = calls[tag].to_numpy()
    return out.set_index("rcid")


@lru_cache(maxsize=32)
def roll_calls(grp: Group) -> pd.DataFrame:
    """Every roll call on which the US voted yes or no, seen from a group of partners.

    Columns: year, decade, issue tags, the tally, us_vote, us_won, then for the group's
    members voting that day (`group_*`) and for every other state except the US
    (`others_*`): how many voted the same as the US (`same`), the opposite way (`opposite`:
    yes against no) or abstained (`abstain`); `group_yes` and `group_no`; and `decided`,
    True when taking the group's votes away would flip the outcome (`flips`).
    """
    calls, codes, mat = _matrix()
    base = roll_call_outcomes()
    usa = list(codes).index("USA")
    us = mat[:, usa]
    member = membership(grp, calls["year"].to_numpy(), codes)
    member[:, usa] = False
    # every vote counted once per roll call as yes / abstain / no: for the group's members,
    # and for everyone but the US (the others are everyone but the US minus the members)
    masks = _vote_masks()
    group = [_count(vote & member) for vote in masks]
    everyone = [total - (us == code) for total, code in zip(_vote_totals(), (1, 2, 3))]
    others = [all_ - mine for all_, mine in zip(everyone, group)]
    out = base.copy()
    for who, (yes, abstain, no) in (("group", group), ("others", others)):
        # the same vote as the US (an abstention when the US abstained), and yes against no
        out[f"{who}_same"] = np.where(us == 1, yes, np.where(us == 3, no,
                                                             np.where(us == 2, abstain, 0)))
        out[f"{who}_opposite"] = np.where(us == 1, no, np.where(us == 3, yes, 0))
        out[f"{who}_abstain"] = abstain
    out["group_yes"] = group[0]
    out["group_no"] = group[2]
    out["decided"] = flips(out["yes"], out["no"], out["group_yes"], out["group_no"])
    return out[(us == 1) | (us == 3)].copy()


def _count(mask: np.ndarray) -> np.ndarray:
    """How many True per row, as int64."""
    return np.count_nonzero(mask, axis=1).astype(np.int64)


@lru_cache(maxsize=1)
def _vote_masks() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where the votes of `_matrix` are yes, abstain and no (roll calls × countries)."""
    mat = _matrix()[2]
    return mat == 1, mat == 2, mat == 3


@lru_cache(maxsize=1)
def _vote_totals() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per roll call of `_matrix`: how many states voted yes, abstain and no."""
    return tuple(_count(vote) for vote in _vote_masks())


def _share(top, bottom) -> float:
    top, bottom = float(top), float(bottom)
    return 100 * top / bottom if bottom else float("nan")


_SUMMARY_COLUMNS = ("group_same", "group_opposite", "group_abstain", "others_same",
                    "others_opposite", "others_abstain", "decided", "yes", "no")


def _arrays(rows: pd.DataFrame) -> dict:
    """The columns `_summary` needs, as numpy arrays (us_won as plain True/False)."""
    out = {c: rows[c].to_numpy() for c in _SUMMARY_COLUMNS}
    out["us_won"] = rows["us_won"].to_numpy(dtype=bool, na_value=False)
    return out


def _summary(rows: pd.DataFrame, part: np.ndarray | None = None, arrays: dict | None = None) -> dict:
    """The agenda numbers of some roll calls: all of `rows`, or those where `part` is True
    (`arrays` = `_arrays(rows)`, to convert the columns only once for many parts)."""
    a = _arrays(rows) if arrays is None else arrays
    if part is not None:
        a = {k: v[part] for k, v in a.items()}
    won = a["us_won"]
    lost = ~won

    def total(column, where):
        return int(a[column][where].sum())

    def voted(where, who):
        return (total(f"{who}_same", where) + total(f"{who}_opposite", where)
                + total(f"{who}_abstain", where))
    n = len(won)
    bloc = a["group_same"] + a["group_opposite"] + a["group_abstain"]
    margin = np.abs(a["yes"][lost] - a["no"][lost])
    return {
        "roll calls": n,
        "US won %": _share(np.count_nonzero(won), n),
        "group with US, won %": _share(total("group_same", won), voted(won, "group")),
        "group with US, lost %": _share(total("group_same", lost), voted(lost, "group")),
        "group against US, lost %": _share(total("group_opposite", lost), voted(lost, "group")),
        "others with US, lost %": _share(total("others_same", lost), voted(lost, "others")),
        "decided for US": int(np.count_nonzero(a["decided"] & won)),
        "decided against US": int(np.count_nonzero(a["decided"] & lost)),
        "median members voting": float(np.median(bloc)) if n else float("nan"),
        "median margin lost": float(np.median(margin)) if len(margin) else float("nan"),
    }


def agenda_effects(grp: Group, by: str = "decade") -> pd.DataFrame:
    """The agenda-setting claim for a group, by decade or by issue (one row each, then all).

    Columns: the roll calls counted (the US voted yes or no); the share the US won; the
    share of the group's votes that were the same as the US vote when the US won and when
    it lost (votes = yes, no or abstain of the members voting), and the share that were the
    opposite (yes against no) when it lost; the share the same for all other
    states when the US lost; and how many roll calls the group's votes decided in the US's
    favour (the US won, and would have lost without the group) or against it; the median
    number of members voting, and the median margin |yes − no| of the roll calls the US lost.

    >>> table = agenda_effects(close_group("five_eyes"))
    >>> took_side = int(roll_call_outcomes()["us_won"].notna().sum())
    >>> table.index[-1], int(table.loc["all", "roll calls"]) == took_side
    ('all', True)
    """
    rows = roll_calls(grp)
    if by == "decade":
        decade = rows["decade"].to_numpy()
        parts = [(decade_label(d), decade == d) for d in sorted(rows["decade"].unique())]
    elif by == "issue":
        parts = [(label, rows[tag].to_numpy(dtype=bool)) for tag, label in ISSUES.items()]
    else:
        raise ValueError("by= is 'decade' or 'issue'.")
    arrays = _arrays(rows)
    table = pd.DataFrame({key: _summary(rows, part, arrays)
                          for key, part in parts + [("all", None)]}).T
    table.index.name = by
    for c in ["roll calls", "decided for US", "decided against US"]:
        table[c] = table[c].astype("int64")
    return table


def us_wins_by_year() -> pd.DataFrame:
    """Per year: roll calls, the share that passed, and the share the US won (of those on
    which it voted yes or no), in percent.

    >>> int(us_wins_by_year().loc[1946, "roll calls"]) > 0
    True
    """
    out = roll_call_outcomes()
    voted = out[out["us_won"].notna()]
    table = pd.DataFrame({
        "roll calls": out.groupby("year").size(),
        "passed %": 100 * out.groupby("year")["passed"].mean(),
        "US voted yes or no": voted.groupby("year").size(),
        "US won %": 100 * voted.groupby("year")["us_won"].mean().astype(float),
    })
    return table


# -------------------------------------------------------------------------- prosperity

@lru_cache(maxsize=1)
def _economy() -> pd.DataFrame:
    e = load("economy")
    return e[~e["iso3"].isin(US_TERRITORIES)]


@lru_cache(maxsize=1)
def gdp_coverage() -> pd.Series:
    """Per year, the % of the world's population living in countries with a GDP value.

    Before about 1990 the World Bank table has no GDP for the Soviet Union and its
    neighbours (and for some years Brazil or Argentina), so "shares of world GDP" of those
    years leave out part of the world. Shares of world GDP are shown only for years where
    this coverage is at least GDP_COVERAGE.

    >>> cov = gdp_coverage()
    >>> bool(cov.loc[1980] < GDP_COVERAGE <= cov.loc[2000])
    True
    """
    e = _economy()
    return (100 * e.dropna(subset=["gdp_musd"]).groupby("year")["population"].sum()
            / e.groupby("year")["population"].sum()).rename("gdp_coverage_pct")


def _covered(share: pd.Series) -> pd.Series:
    """A share of world GDP, missing in the years where GDP data cover too little of the world."""
    cov = gdp_coverage().reindex(share.index)
    return share.where(cov >= GDP_COVERAGE)


def _member_column(grp: Group, frame: pd.DataFrame) -> np.ndarray:
    """True for the rows (iso3, year) of `frame` whose country is in the group that year."""
    codes, first, last = _period_table(grp)
    column = pd.Index(codes).get_indexer(frame["iso3"].to_numpy())
    year = frame["year"].to_numpy()[:, None]
    # a row is inside when its country is a member and the year falls in one of its periods
    inside = (first[column] <= year) & (year <= last[column])
    return (column >= 0) & inside.any(axis=1)


@lru_cache(maxsize=64)
def _period_table(grp: Group) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The group's members, and their periods as first- and last-year arrays (one row per
    member, one column per period; unused columns are empty, first > last). One extra row
    at the end, also empty, is where countries outside the group land (index -1)."""
    runs: dict[str, list[tuple[int, int]]] = {}
    for code, a, b in grp.periods:
        runs.setdefault(code, []).append((a, b))
    width = max((len(r) for r in runs.values()), default=1)
    first = np.ones((len(runs) + 1, width), dtype=np.int64)
    last = np.zeros((len(runs) + 1, width), dtype=np.int64)
    for k, spans in enumerate(runs.values()):
        for j, (a, b) in enumerate(spans):
            first[k, j], last[k, j] = a, b
    return list(runs), first, last


@lru_cache(maxsize=32)
def prosperity_effects(grp: Group) -> pd.DataFrame:
    """The shared-prosperity claim for a group, one row per year (1966–2022).

    Trade is US goods exports plus imports (`trade`, 1985–2022); GDP from `economy`.

    - `group_trade_pct_gdp`, `others_trade_pct_gdp`: US trade with the members (or with all
      other partners) as % of their combined GDP, counting only partners with both numbers:
      100·Σ trade / Σ GDP;
    - `group_share_us_trade_pct`: the members' share of all US goods trade, %;
    - `group_share_gdp_pct`: the members' share of the GDP of the world outside the US, %;
    - `trade_intensity`: the ratio of those two shares (above 1: the US trades more with
      the group than the size of its economies alone would suggest);
    - `group_trade_index`, `others_trade_index`: trade in current dollars, 1992 = 100;
    - `group_share_fdi_pct`: the members' share of foreign direct investment held in the US
      (`investment`, 2008–2019);
    - `group_share_outflow_pct`: the members' share of US direct investment outflows to the
      countries the table names (1966–2016; only about 50 named countries after 1981).

    >>> p = prosperity_effects(close_group("five_eyes"))
    >>> bool(p.loc[2022, "group_trade_pct_gdp"] > p.loc[2022, "others_trade_pct_gdp"])
    True
    """
    trade, has_gdp, totals = _trade_table()
    member = _member_column(grp, trade)
    out = pd.DataFrame(index=pd.RangeIndex(1966, 2023, name="year"))
    for who, inside in (("group", member), ("others", ~member)):
        g = trade.loc[has_gdp & inside, ["year", "trade", "gdp_musd"]].groupby("year").sum()
        out[f"{who}_trade_pct_gdp"] = 100 * g["trade"] / g["gdp_musd"]
    group_trade = trade.loc[member, ["year", "trade"]].groupby("year")["trade"].sum()
    out["group_trade_musd"] = group_trade
    out["others_trade_musd"] = totals - group_trade.reindex(totals.index, fill_value=0)
    out["group_share_us_trade_pct"] = 100 * group_trade / totals
    world, world_gdp = _world_gdp()
    mine = world.loc[_member_column(grp, world), ["year", "gdp_musd"]].groupby("year")["gdp_musd"].sum()
    out["group_share_gdp_pct"] = _covered(100 * mine.reindex(out.index) / world_gdp)
    out["trade_intensity"] = out["group_share_us_trade_pct"] / out["group_share_gdp_pct"]
    for who in ("group", "others"):
        series = out[f"{who}_trade_musd"]
        out[f"{who}_trade_index"] = 100 * series / series.loc[TRADE_FULL]
    # before 1992 the Census table lists only about 75 partners: trade measures start in 1992
    trade_columns = [c for c in out.columns if "trade" in c]
    out.loc[out.index < TRADE_FULL, trade_columns] = np.nan
    for column, name in (("fdi_in_us_position_musd", "group_share_fdi_pct"),
                         ("us_outflow_musd", "group_share_outflow_pct")):
        rows, total = _investment(column)
        mine = rows.loc[_member_column(grp, rows), ["year", column]].groupby("year")[column].sum()
        out[name] = 100 * mine / total
    return out


# the parts of prosperity_effects that are the same for every group, computed once

@lru_cache(maxsize=1)
def _trade_table() -> tuple[pd.DataFrame, np.ndarray, pd.Series]:
    """US goods trade (exports + imports) per partner and year with the partner's GDP; where
    the GDP is known; and the total per year."""
    trade = load("trade")
    trade = trade.assign(trade=trade["exports_musd"] + trade["imports_musd"])
    trade = trade.merge(_economy()[["iso3", "year", "gdp_musd"]], on=["iso3", "year"], how="left")
    return trade, trade["gdp_musd"].notna().to_numpy(), trade.groupby("year")["trade"].sum()


@lru_cache(maxsize=1)
def _world_gdp() -> tuple[pd.DataFrame, pd.Series]:
    """The GDP of every country but the US (where known), and its total per year."""
    economy = _economy()
    world = economy[economy["iso3"] != "USA"].dropna(subset=["gdp_musd"])
    return world, world.groupby("year")["gdp_musd"].sum()


@lru_cache(maxsize=2)
def _investment(column: str) -> tuple[pd.DataFrame, pd.Series]:
    """The rows of `investment` with a value in `column`, and its total per year."""
    inv = load("investment")
    rows = inv.dropna(subset=[column])
    return rows, rows.groupby("year")[column].sum()


def growth(grp: Group, first: int = TRADE_FULL, last: int = 2022) -> pd.DataFrame:
    """Growth of US goods trade with the group and with everyone else, first → last year.

    Columns: trade in both years (US$ billions, current), the average growth per year in
    percent, ((last / first) ** (1 / years) − 1)·100, and trade as % of GDP in both years.

    >>> g = growth(close_group("five_eyes"))
    >>> list(g.index)
    ['group', 'others']
    """
    p = prosperity_effects(grp)
    rows = {}
    for who in ("group", "others"):
        a, b = p.loc[first, f"{who}_trade_musd"], p.loc[last, f"{who}_trade_musd"]
        rows[who] = {f"trade {first} (US$ bn)": a / 1000, f"trade {last} (US$ bn)": b / 1000,
                     "growth per year %": 100 * ((b / a) ** (1 / (last - first)) - 1),
                     f"% of GDP {first}": p.loc[first, f"{who}_trade_pct_gdp"],
                     f"% of GDP {last}": p.loc[last, f"{who}_trade_pct_gdp"]}
    return pd.DataFrame(rows).T


# ---------------------------------------------------------------------------- security

@lru_cache(maxsize=1)
def alliance_network() -> pd.DataFrame:
    """The US alliance network per year (1946–2018): partners with a defence pledge, and
    their combined share of the world's population and GDP (from 1960, `economy`), in %.

    The world is every country in `economy` (the US included); the partners' shares leave
    the US out, and `with_us_*` adds it.

    >>> net = alliance_network()
    >>> int(net.loc[2018, "partners"]) == int(load("countries")["us_defense_pact_2018"].sum())
    True
    """
    pledges = load("alliances")
    pledges = pledges[(pledges["defense"] == 1) & (pledges["year"] >= 1946)]
    economy = _economy()
    out = pd.DataFrame(index=pd.RangeIndex(1946, ATOP_LAST + 1, name="year"))
    out["partners"] = pledges.groupby("year").size().reindex(out.index, fill_value=0)
    merged = economy.merge(pledges[["iso3", "year"]].assign(partner=True), on=["iso3", "year"],
                           how="left")
    merged["partner"] = merged["partner"].fillna(False).astype(bool)
    merged = merged[merged["year"].between(1960, ATOP_LAST)]
    for column, name in (("population", "population"), ("gdp_musd", "gdp")):
        world = merged.groupby("year")[column].sum()
        mine = merged[merged["partner"]].groupby("year")[column].sum()
        us = merged[merged["iso3"] == "USA"].groupby("year")[column].sum()
        mine_pct, with_us = 100 * mine / world, 100 * (mine + us) / world
        if name == "gdp":
            mine_pct, with_us = _covered(mine_pct), _covered(with_us)
        out[f"{name}_share_pct"] = mine_pct
        out[f"with_us_{name}_share_pct"] = with_us
    return out


@lru_cache(maxsize=32)
def security_effects(grp: Group) -> pd.DataFrame:
    """The collective-security claim for a group, one row per year (1950–2025).

    - `members`: the group's members that year;
    - `group_troops_pct`: the share of US troops abroad (`troops`; US territories left out)
      stationed in the members, %;
    - `group_exercises_pct`: the members' share of all partner participations in exercises
      with the US (`exercises`, 1980–2010: a partner in an exercise counts once), %;
    - `group_population_pct`, `group_gdp_pct`: the members' share of the world's population
      and GDP (the US included in the world), % (from 1960).

    >>> s = security_effects(close_group("nato"))
    >>> bool(s.loc[1960, "group_troops_pct"] > 50)
    True
    """
    years = pd.RangeIndex(1950, 2026, name="year")
    out = pd.DataFrame(index=years)
    out["members"] = [len(grp.members_in(y)) for y in years]
    troops, troops_total = _troops()
    mine = troops.loc[_member_column(grp, troops), ["year", "troops"]].groupby("year")["troops"].sum()
    out["group_troops_pct"] = 100 * mine.reindex(years, fill_value=0) / troops_total
    ex, total = _exercises()
    mine = ex.loc[_member_column(grp, ex), ["year", "exercises"]].groupby("year")["exercises"].sum()
    out["group_exercises_pct"] = 100 * mine.reindex(total.index, fill_value=0) / total
    for column, name in (("population", "group_population_pct"), ("gdp_musd", "group_gdp_pct")):
        rows, years_there, world = _world(column)
        mine = rows.loc[_member_column(grp, rows), ["year", column]].groupby("year")[column].sum()
        share = 100 * mine.reindex(years_there, fill_value=0) / world
        out[name] = _covered(share) if column == "gdp_musd" else share
    return out


# the parts of security_effects that are the same for every group, computed once

@lru_cache(maxsize=1)
def _troops() -> tuple[pd.DataFrame, pd.Series]:
    """US troops abroad outside US territories, and their total per year."""
    troops = load("troops")
    troops = troops[~troops["iso3"].isin(US_TERRITORIES)]
    return troops, troops.groupby("year")["troops"].sum()


@lru_cache(maxsize=1)
def _exercises() -> tuple[pd.DataFrame, pd.Series]:
    """Partner participations in exercises with the US, and their total per year."""
    ex = load("exercises")
    return ex, ex.groupby("year")["exercises"].sum()


@lru_cache(maxsize=2)
def _world(column: str) -> tuple[pd.DataFrame, np.ndarray, pd.Series]:
    """The rows of `economy` (US territories left out) with a value in `column`, the years
    they cover (in order of appearance) and the world total per year."""
    rows = _economy().dropna(subset=[column])
    return rows, rows["year"].unique(), rows.groupby("year")[column].sum()


def first_invocations() -> pd.DataFrame:
    """The first invocations of NATO's Article 5 and of ANZUS, from the `timeline` table.

    >>> first_invocations()["date"].dt.strftime("%d %b %Y").tolist()
    ['12 Sep 2001', '14 Sep 2001']
    """
    tl = load("timeline")
    hits = tl[(tl["year"] == 2001) & tl["title"].str.contains("Article 5|ANZUS", regex=True)]
    hits = hits.assign(partners=[len(c.split()) for c in hits["countries"].fillna("")])
    return hits[["date", "title", "partners", "summary"]].sort_values("date").reset_index(drop=True)


# ------------------------------------------------------------------- tables of results

def decided(grp: Group, first: int = 1946, last: int = 2020) -> pd.DataFrame:
    """The roll calls the group's votes decided (see `flips`), with their titles.

    Show it in a notebook with `helpers.plots.table`, which prints every row.

    >>> rows = decided(close_group("five_eyes"), 1946, 1949)
    >>> list(rows.columns)
    ['date', 'title', 'yes', 'no', 'abstain', 'group yes', 'group no', 'US vote', 'US won']

    `title` is the source's short title, or the start of its description where it has none.
    """
    rows = roll_calls(grp)
    rows = rows[rows["decided"] & rows["year"].between(first, last)]
    calls = load("un_roll_calls").set_index("rcid").loc[rows.index]
    text = calls["description"].fillna("").str.slice(0, 90).str.strip() + "…"
    out = pd.DataFrame({"date": calls["date"].dt.date,
                        "title": calls["short"].fillna(text),
                        "yes": rows["yes"], "no": rows["no"], "abstain": rows["abstain"],
                        "group yes": rows["group_yes"], "group no": rows["group_no"],
                        "US vote": rows["us_vote"].astype(str), "US won": rows["us_won"]})
    return out


RECENT = (2000, 2020)


def effects_table(grp: Group) -> pd.Series:
    """The headline number of each claim for one group (the explorer's table).

    >>> t = effects_table(close_group("five_eyes"))
    >>> t.index[0][0], len(t) > 5
    ('agenda', True)
    """
    rows = roll_calls(grp)
    recent = rows[rows["year"].between(*RECENT)]
    agenda = _summary(recent)
    p, s = prosperity_effects(grp), security_effects(grp)
    g = growth(grp)
    ex = s.loc[2000:2010, "group_exercises_pct"]
    values = {
        ("agenda", f"members voting with the US when it lost, {RECENT[0]}–{RECENT[1]} (%)"):
            agenda["group with US, lost %"],
        ("agenda", f"other states voting with the US when it lost, {RECENT[0]}–{RECENT[1]} (%)"):
            agenda["others with US, lost %"],
        ("agenda", "roll calls the group decided for the US, all years"):
            int((rows["decided"] & rows["us_won"]).sum()),
        ("agenda", "roll calls the group decided against the US, all years"):
            int((rows["decided"] & ~rows["us_won"]).sum()),
        ("prosperity", "US trade as % of the group's GDP, 2022"): p.loc[2022, "group_trade_pct_gdp"],
        ("prosperity", "US trade as % of other partners' GDP, 2022"): p.loc[2022, "others_trade_pct_gdp"],
        ("prosperity", "growth of US trade with the group, 1992–2022 (% a year)"):
            g.loc["group", "growth per year %"],
        ("prosperity", "growth of US trade with other partners, 1992–2022 (% a year)"):
            g.loc["others", "growth per year %"],
        ("prosperity", "group's share of foreign direct investment in the US, 2019 (%)"):
            p.loc[2019, "group_share_fdi_pct"],
        ("security", "group's share of US troops abroad, 2024 (%)"): s.loc[2024, "group_troops_pct"],
        ("security", "group's share of exercises with the US, 2000–2010 (%, mean)"): ex.mean(),
        ("security", "group's share of world population, 2018 (%)"): s.loc[2018, "group_population_pct"],
        ("security", "group's share of world GDP, 2018 (%)"): s.loc[2018, "group_gdp_pct"],
    }
    out = pd.Series(values, name=grp.label, dtype="float64")
    out.index.names = ["claim", "measure"]
    return out


def compare_groups(kinds=("nato", "five_eyes", "defence", "index")) -> pd.DataFrame:
    """`effects_table` side by side for several kinds of group (default settings).

    >>> list(compare_groups(("nato", "five_eyes")).columns)
    ['NATO', 'Five Eyes']
    """
    short = {"nato": "NATO", "five_eyes": "Five Eyes", "defence": "defence pledge",
             "defence_2018": "defence pledge 2018", "index": "index top 15", "hand": "by hand"}
    return pd.DataFrame({short.get(k, k): effects_table(close_group(k)) for k in kinds}).round(1)


# ---------------------------------------------------------------------------- figures

def _pct_axis(ax, top=None) -> None:
    ax.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    ax.set_ylim(0, top)


def _top(*series, room: float = 1.15):
    """The top of a y axis: the largest value of the series with some room; None if all missing.

    >>> _top(pd.Series([1.0, 2.0]), pd.Series([np.nan]))
    2.3
    >>> _top(pd.Series([np.nan])) is None
    True
    """
    values = [float(v.max()) for v in series if v.notna().any()]
    return round(max(values) * room, 10) if values and max(values) > 0 else None


def _pc(value, digits: int = 0) -> str:
    """A percentage for alt text: '12%', or 'no data' when it is missing.

    >>> _pc(12.345, 1), _pc(float("nan"))
    ('12.3%', 'no data')
    """
    return "no data" if pd.isna(value) else f"{value:.{digits}f}%"


def _end_label(ax, x, y, text, color, dy=0.0) -> None:
    ax.annotate(text, (x, y), xytext=(4, dy), textcoords="offset points", color=color,
                va="center", fontsize=9)


def draw_us_wins(*, alt: str | None = None) -> None:
    """Line chart: the share of roll calls that passed, and the share the US won, per year.

    Years with fewer than 5 roll calls (only 2020) are left out.

    >>> draw_us_wins()
    Figure(800x450)
    """
    _styled()
    table = us_wins_by_year()
    table = table[table["roll calls"] >= 5]
    fig, ax = plt.subplots()
    ax.plot(table.index, table["passed %"], color=style.US_COLOR, linestyle="--", linewidth=1.5,
            label="roll calls that passed (more yes than no)")
    ax.plot(table.index, table["US won %"], color=GROUP_COLOR, linestyle="-",
            label="roll calls the US won (of those it voted yes or no on)")
    _pct_axis(ax, 105)
    ax.set_xlabel("year")
    ax.set_ylabel("share of roll calls")
    ax.set_title("The United States on the winning side in the UN General Assembly")
    ax.legend(loc="lower left")
    by_decade = agenda_effects(close_group("five_eyes"))["US won %"].drop("all")
    listed = ", ".join(f"{k} {v:.0f}%" for k, v in by_decade.items())
    since = table.loc[1975:, "passed %"].min()
    show(fig, alt or (f"Line chart, {table.index.min()}–{table.index.max()}: the share of General "
                      f"Assembly roll calls that passed was {since:.0f}% or more in every year "
                      "from 1975, while the share the United States won fell. US wins by "
                      f"decade: {listed}."))


def _decade_x(table: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    labels = [k for k in table.index if k != "all"]
    return np.arange(len(labels)), labels


def draw_agenda(grp: Group, *, alt: str | None = None) -> None:
    """Two panels by decade: how often the group votes with the US (when it won, when it
    lost, and other states when it lost), and the roll calls the group's votes decided.

    >>> draw_agenda(close_group("five_eyes"))
    Figure(1100x450)
    """
    _styled()
    table = agenda_effects(grp)
    x, labels = _decade_x(table)
    body = table.loc[labels]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    series = [("group with US, won %", "group, when the US won", GROUP_COLOR, "-", "o"),
              ("group with US, lost %", "group, when the US lost", GROUP_COLOR, "--", "s"),
              ("others with US, lost %", "other states, when the US lost", OTHERS_COLOR, ":", "^")]
    for column, label, color, ls, marker in series:
        left.plot(x, body[column], color=color, linestyle=ls, marker=marker, label=label)
    _pct_axis(left, 105)
    left.set_xticks(x, labels, rotation=45, ha="right")
    left.set_ylabel("votes the same as the US vote")
    left.set_title("Voting with the United States", fontsize=12)
    left.legend(loc="center right", fontsize=9)
    width = 0.4
    right.bar(x - width / 2, body["decided for US"], width, color=GROUP_COLOR,
              label="decided in the US's favour")
    right.bar(x + width / 2, body["decided against US"], width, color=OTHERS_COLOR, hatch="//",
              edgecolor="white", label="decided against the US")
    right.set_xticks(x, labels, rotation=45, ha="right")
    right.set_ylabel("roll calls")
    right.set_title("Roll calls the group's votes decided", fontsize=12)
    right.legend(loc="upper right", fontsize=9)
    right.grid(axis="x", visible=False)
    fig.suptitle(f"Agenda setting: {grp.label}", fontweight="bold", x=0.01, ha="left")
    a = table.loc["all"]
    show(fig, alt or (
        f"Two charts by decade for {grp.label}. Left, line chart: over all years the members "
        f"voted the same as the US on {a['group with US, won %']:.0f}% of their votes "
        f"when the US won and {a['group with US, lost %']:.0f}% when it lost, against "
        f"{a['others with US, lost %']:.0f}% for other states when it lost. Right, bar "
        f"chart: the group's votes decided {int(a['decided for US'])} roll calls in the US's "
        f"favour and {int(a['decided against US'])} against it; the most in the "
        f"{body['decided for US'].idxmax()}."))


def draw_prosperity(grp: Group, *, alt: str | None = None) -> None:
    """Two panels, 1992–2022: US trade as % of GDP (group, others), and the group's share of
    US trade against its share of world GDP outside the US.

    >>> draw_prosperity(close_group("five_eyes"))
    Figure(1100x450)
    """
    _styled()
    p = prosperity_effects(grp).loc[TRADE_FULL:2022]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    left.plot(p.index, p["group_trade_pct_gdp"], color=GROUP_COLOR, label="the group")
    left.plot(p.index, p["others_trade_pct_gdp"], color=OTHERS_COLOR, linestyle="--",
              label="all other partners")
    _pct_axis(left, _top(p["group_trade_pct_gdp"], p["others_trade_pct_gdp"]))
    left.set_ylabel("US goods trade as % of their GDP")
    left.set_title("Trade with the US relative to GDP", fontsize=12)
    left.legend(loc="lower right")
    right.plot(p.index, p["group_share_us_trade_pct"], color=GROUP_COLOR,
               label="share of all US goods trade")
    right.plot(p.index, p["group_share_gdp_pct"], color=style.US_COLOR, linestyle="-.",
               label="share of world GDP outside the US")
    _pct_axis(right, _top(p["group_share_us_trade_pct"], p["group_share_gdp_pct"], room=1.2))
    right.set_ylabel("share, %")
    right.set_title("The group's weight in US trade and in the world", fontsize=12)
    right.legend(loc="lower left")
    for ax in (left, right):
        ax.set_xlabel("year")
    fig.suptitle(f"Shared prosperity: {grp.label}", fontweight="bold", x=0.01, ha="left")
    last = p.loc[2022]
    show(fig, alt or (
        f"Two line charts, {TRADE_FULL}–2022, for {grp.label}. Left: US goods trade was "
        f"{_pc(last['group_trade_pct_gdp'], 1)} of the members' GDP in 2022 against "
        f"{_pc(last['others_trade_pct_gdp'], 1)} for all other partners. Right: in 2022 the "
        f"members had {_pc(last['group_share_us_trade_pct'])} of US goods trade and "
        f"{_pc(last['group_share_gdp_pct'])} of world GDP outside the US."))


def draw_network(*, alt: str | None = None) -> None:
    """Two panels: partners with a US defence pledge per year (1946–2018), and their share
    (with and without the US) of the world's population and GDP.

    >>> draw_network()
    Figure(1100x450)
    """
    _styled()
    net = alliance_network()
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    left.plot(net.index, net["partners"], color=GROUP_COLOR, drawstyle="steps-mid")
    left.set_ylim(0, net["partners"].max() * 1.15)
    left.set_ylabel("partners with a US defence pledge")
    left.set_title("How many partners", fontsize=12)
    lines = [("with_us_gdp_share_pct", "GDP, US and partners", GROUP_COLOR, "-"),
             ("gdp_share_pct", "GDP, partners only", GROUP_COLOR, "--"),
             ("with_us_population_share_pct", "population, US and partners", OTHERS_COLOR, "-"),
             ("population_share_pct", "population, partners only", OTHERS_COLOR, "--")]
    for column, label, color, ls in lines:
        right.plot(net.index, net[column], color=color, linestyle=ls, label=label)
    _pct_axis(right, 100)
    right.set_xlim(left.get_xlim())
    first_gdp = int(net["with_us_gdp_share_pct"].first_valid_index())
    right.text(1950, 72, f"GDP shares start in {first_gdp}: before,\nthe World Bank data lack the\n"
               "Soviet Union and its neighbours", fontsize=8.5, color=style.US_COLOR, va="center")
    right.set_ylabel("share of the world, %")
    right.set_title("How much of the world they hold", fontsize=12)
    right.legend(loc="lower left", fontsize=8.5, ncols=2)
    for ax in (left, right):
        ax.set_xlabel("year")
    fig.suptitle("Collective security: the US alliance network (defence pledges, ATOP)",
                 fontweight="bold", x=0.01, ha="left")
    gdp = net["with_us_gdp_share_pct"].dropna()
    show(fig, alt or (
        f"Two charts, 1946–2018. Left, step chart: partners with a US defence pledge rose from "
        f"{int(net['partners'].iloc[0])} in 1946 to {int(net['partners'].iloc[-1])} in 2018. "
        f"Right, line chart: the US and its partners held {gdp.iloc[0]:.0f}% of world GDP in "
        f"{gdp.index[0]} and {gdp.iloc[-1]:.0f}% in {gdp.index[-1]}; their share of the world's "
        f"population stayed near {net['with_us_population_share_pct'].mean():.0f}%."))


def draw_security(grp: Group, *, alt: str | None = None) -> None:
    """Line chart: the group's share of US troops abroad, of exercises with the US, and of
    world GDP, per year.

    >>> draw_security(close_group("five_eyes"))
    Figure(800x450)
    """
    _styled()
    s = security_effects(grp)
    fig, ax = plt.subplots()
    ax.plot(s.index, s["group_troops_pct"], color=GROUP_COLOR, label="share of US troops abroad")
    ax.plot(s.index, s["group_exercises_pct"], color=OTHERS_COLOR, linestyle="--",
            marker=".", label="share of exercises with the US (1980–2010)")
    ax.plot(s.index, s["group_gdp_pct"], color=style.US_COLOR, linestyle="-.",
            label="share of world GDP")
    _pct_axis(ax, 105)
    ax.set_xlabel("year")
    ax.set_ylabel("share, %")
    ax.set_title(f"Collective security: {grp.label}", fontsize=12)
    ax.legend(loc="upper right", fontsize=9)
    troops = s["group_troops_pct"]
    show(fig, alt or (
        f"Line chart, 1950–2025, for {grp.label}: the members hosted "
        f"{_pc(troops.loc[1960])} of US troops abroad in 1960, {_pc(troops.loc[2000])} in 2000 "
        f"and {_pc(troops.loc[2025])} in 2025; their share of exercises with the US was "
        f"{_pc(s.loc[1980:2010, 'group_exercises_pct'].mean())} on average in 1980–2010."))


def draw_effects(grp: Group, *, alt: str | None = None) -> None:
    """The three claims for one group in three small charts (the explorer's drawing).

    >>> draw_effects(close_group("five_eyes"))
    Figure(1200x420)
    """
    _styled()
    table = agenda_effects(grp)
    x, labels = _decade_x(table)
    p = prosperity_effects(grp).loc[TRADE_FULL:2022]
    s = security_effects(grp)
    fig, axes = plt.subplots(1, 3, figsize=(12, 4.2))
    a, b, c = axes
    a.plot(x, table.loc[labels, "group with US, lost %"], color=GROUP_COLOR, marker="s",
           label="the group")
    a.plot(x, table.loc[labels, "others with US, lost %"], color=OTHERS_COLOR,
           linestyle=":", marker="^", label="other states")
    _pct_axis(a, 105)
    a.set_xticks(x, labels, rotation=45, ha="right", fontsize=8)
    a.set_title("Agenda: voting with the US\nwhen it lost", fontsize=11)
    a.legend(loc="upper right", fontsize=8)
    b.plot(p.index, p["group_trade_pct_gdp"], color=GROUP_COLOR, label="the group")
    b.plot(p.index, p["others_trade_pct_gdp"], color=OTHERS_COLOR, linestyle="--",
           label="other partners")
    _pct_axis(b, _top(p["group_trade_pct_gdp"], p["others_trade_pct_gdp"]))
    b.set_title("Prosperity: US trade\nas % of GDP", fontsize=11)
    b.set_xlabel("year")
    c.set_xlabel("year")
    b.legend(loc="lower right", fontsize=8)
    c.plot(s.index, s["group_troops_pct"], color=GROUP_COLOR, label="share of US troops abroad")
    c.plot(s.index, s["group_gdp_pct"], color=style.US_COLOR, linestyle="-.",
           label="share of world GDP")
    _pct_axis(c, 105)
    c.set_title("Security: troops hosted,\nweight in the world", fontsize=11)
    c.legend(loc="upper right", fontsize=8)
    fig.suptitle(grp.label[:1].upper() + grp.label[1:], fontweight="bold", x=0.01, ha="left")
    t = effects_table(grp)
    show(fig, alt or (
        f"Three small charts for {grp.label}. Agenda: when the US lost in {RECENT[0]}–{RECENT[1]}, "
        f"{_pc(t.iloc[0])} of the members' votes were the same as the US vote, against "
        f"{_pc(t.iloc[1])} for other states. Prosperity: US trade was {_pc(t.iloc[4], 1)} of the "
        f"members' GDP in 2022, against {_pc(t.iloc[5], 1)} for other partners. Security: the "
        f"members hosted {_pc(t.iloc[9])} of US troops abroad in 2024."))


# ---------------------------------------------------------------------------- explorer

def explorer(kind: str = "nato", n: int = 15, picked=("GBR", "AUS", "JPN")):
    """Choose who counts as a close partner and see the three claims change.

    The default view is `draw_effects(close_group(kind))` followed by `effects_table`.
    """
    import ipywidgets as w
    from IPython.display import display

    from .widgets import choice, countries
    from .widgets import explorer as wire
    options = {"NATO members (each from the year it joined)": "nato",
               "Five Eyes partners": "five_eyes",
               "Defence pledge that year (ATOP)": "defence",
               "Defence pledge in 2018": "defence_2018",
               "Top N of the closeness index (2018)": "index",
               "Chosen by hand": "hand"}
    everyone = sorted(set(_matrix()[1].tolist()) - {"USA"})     # every state that voted
    everyone = [c for c in everyone if len(c) == 3]

    def draw(kind, n, picked):
        try:
            grp = close_group(kind, n=n, countries=picked if kind == "hand" else None)
        except GroupError as err:
            print(err)
            return
        draw_effects(grp)
        display(effects_table(grp).round(1).to_frame())

    return wire(draw, kind=choice(options, kind, "Close partners"),
                n=w.IntSlider(value=n, min=3, max=40, step=1, description="N (index only)",
                              continuous_update=False, style={"description_width": "initial"}),
                picked=countries(list(picked), options=everyone, description="By hand"))
