"""Diplomatic closeness: how often partners vote with the United States at the UN.

The computations and figures of the notebook ``02_diplomatic``. Everything starts from the
roll-call votes of the UN General Assembly (``un_votes``, ``un_roll_calls``). For each partner
and year we count, once, how often each pair of votes occurred (partner yes and US no, both
abstain, ...): a 3 x 3 table of counts. Every vote measure of the collection is a formula of
those nine counts, so the measures can be compared on exactly the same roll calls:

    n      = all roll calls on which both voted
    same   = yes-yes + abstain-abstain + no-no
    partial = roll calls where exactly one of the two abstained
    opposite = yes-no + no-yes

    agreement  = (same + 0.5 * partial) / n                    (Voeten)
    votes_only = (yes-yes + no-no) / (yes-yes + no-no + opposite)  (State Department style)
    s_score    = 1 - (partial + 2 * opposite) / n              (S with delta = 2; = 2 * agreement - 1)
    kappa      = 1 - sum(w * o) / sum(w * e)                    (Cohen's kappa, squared weights)
    chance     = the agreement expected if both voted at random in their own proportions

The same formulas are in `helpers.measures`, which works on two vote vectors; here they work
on counts so that every partner and year is done at once (and the explorer redraws fast).
The tests check that both give the same numbers.

>>> counts = pd.DataFrame({"yes_yes": [6], "yes_abstain": [2], "no_no": [2]})
>>> scores(counts)[["votes", "agreement", "votes_only", "s_score"]]
   votes  agreement  votes_only  s_score
0     10        0.9         1.0      0.8
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import style
from .countries import country, name
from .data import from_cache, load
from .plots import show

__all__ = [
    "ISSUES",
    "MEASURES",
    "PARTNERS",
    "VOTES",
    "chance_agreement",
    "chance_table",
    "coincidence_comparison",
    "coincidence_pairs",
    "coincidence_table",
    "coincidence_trend",
    "compare_measures",
    "explorer",
    "four_measures",
    "ideal_point_table",
    "ideal_points",
    "igo_table",
    "igo_vs_votes",
    "important_table",
    "important_votes",
    "issue_profile",
    "issue_table",
    "measure_table",
    "measure_trend",
    "moving_reference",
    "pooled",
    "reference_table",
    "scores",
    "selection_table",
    "trend",
    "vote_counts",
]

# Partners the notebook comes back to: close allies, other large democracies, and rivals.
PARTNERS = ("GBR", "CAN", "AUS", "FRA", "DEU", "JPN", "KOR", "ISR", "IND", "BRA", "CHN", "RUS")

VOTES = ("yes", "abstain", "no")  # Voeten's codes 1, 2, 3, in that order

# Issue tags of un_roll_calls, plus the State Department's list of important votes.
ISSUES = {
    "all": "All roll calls",
    "human_rights": "Human rights",
    "arms_control": "Arms control and disarmament",
    "nuclear": "Nuclear weapons and material",
    "middle_east": "Middle East (Palestinian conflict)",
    "colonialism": "Colonialism",
    "development": "Economic development",
    "important": "Important votes (State Department list)",
}

MEASURES = {
    "agreement": "Agreement (Voeten)",
    "votes_only": "Votes only (yes/no coincidence)",
    "s_score": "S-score",
    "kappa": "Cohen's kappa",
}
MIN_ROLL_CALLS = 5  # years with fewer roll calls (only 2020) are left out, as in un_agreement
_RANGE = {"agreement": (0, 1), "votes_only": (0, 1), "s_score": (-1, 1), "kappa": (-1, 1)}
_COLUMNS = [f"{a}_{b}" for a in VOTES for b in VOTES]  # partner's vote first, then the reference's


# ----------------------------------------------------------------------- counting the votes

class _Pairs(NamedTuple):
    """Every vote of every other state on a roll call on which the reference state also voted,
    as arrays with one entry per such vote:

    - ``cell`` numbers the state, the year and the pair of votes at once:
      (state * len(years) + year) * 9 + partner's vote * 3 + reference's vote, with states and
      years counted in the order of ``states`` and ``years`` and votes coded 0, 1, 2 in the
      order of `VOTES`; a count of each cell (np.bincount) is the table of `vote_counts`;
    - ``call`` is the row of the vote's roll call in un_roll_calls.

    ``reference_vote`` holds the reference state's own vote on each roll call (one entry per
    row of un_roll_calls; -1 where it did not vote)."""
    cell: np.ndarray
    call: np.ndarray
    reference_vote: np.ndarray
    states: np.ndarray      # iso3 codes, sorted
    years: np.ndarray       # years, sorted
    flags: dict             # issue -> one True/False per row of un_roll_calls


@lru_cache(maxsize=2)
def _pairs(reference: str = "USA") -> _Pairs:
    """Every vote of every other state, with the reference state's vote on the same roll call."""
    votes = load("un_votes")
    roll_calls = load("un_roll_calls")
    code = pd.Categorical(votes["vote"], categories=list(VOTES)).codes   # 0, 1, 2; -1 missing
    call = pd.Index(roll_calls["rcid"]).get_indexer(votes["rcid"])      # row of the roll call
    state, states = pd.factorize(votes["iso3"].to_numpy(), sort=True)  # (the plain array: faster)
    mine = np.isin(state, np.flatnonzero(states == reference))          # the reference's votes
    known = call >= 0                                                   # roll call listed
    theirs = np.full(len(roll_calls), -1, dtype=np.int64)  # the reference's vote on each roll call
    theirs[call[mine & known]] = code[mine & known]
    per_year = roll_calls.groupby("year").size()
    counted = roll_calls["year"].isin(per_year.index[per_year >= MIN_ROLL_CALLS]).to_numpy()
    keep = ~mine & known & (code >= 0)
    keep[keep] = (theirs[call[keep]] >= 0) & counted[call[keep]]
    call, state = call[keep], state[keep]
    years, year = np.unique(roll_calls["year"].to_numpy(), return_inverse=True)
    cell = (state * len(years) + year[call]) * 9 + code[keep] * 3 + theirs[call]
    flags = {}
    for issue in ISSUES:
        if issue == "important":
            flags[issue] = roll_calls["important_vote"].fillna(False).astype(bool).to_numpy()
        elif issue != "all":
            flags[issue] = roll_calls[issue].to_numpy(dtype=bool)
    return _Pairs(cell, call, theirs, states, years, flags)


def _issue_key(issue: str) -> str:
    if issue not in ISSUES:
        raise ValueError(f"issue must be one of {', '.join(map(repr, ISSUES))}; got {issue!r}.")
    return issue


@lru_cache(maxsize=16)
def _counts(issue: str, reference: str) -> pd.DataFrame:
    pairs = _pairs(reference)
    cell = pairs.cell if issue == "all" else pairs.cell[pairs.flags[issue][pairs.call]]
    states, years = pairs.states, pairs.years
    grid = np.bincount(cell, minlength=len(states) * len(years) * 9).reshape(-1, 9)
    keep = grid.sum(axis=1) > 0
    table = pd.DataFrame(grid[keep], columns=_COLUMNS)
    table.insert(0, "iso3", np.repeat(states, len(years))[keep])
    table.insert(1, "year", np.tile(years, len(states))[keep])
    return table


def vote_counts(issue: str = "all", reference: str = "USA") -> pd.DataFrame:
    """For every state and year, how often each pair of votes occurred against the reference.

    One row per state and year; column ``yes_no`` counts the roll calls on which the state
    voted yes and the reference (the US) voted no, and so on for the nine pairs. Only roll
    calls on which both voted count. ``issue`` keeps only the roll calls with that issue tag
    (see `ISSUES`); ``"important"`` keeps the State Department's important votes (from 1983).

    >>> uk = vote_counts().query("iso3 == 'GBR' and year == 2019")
    >>> int(uk[["yes_yes", "abstain_abstain", "no_no"]].sum(axis=1).item())   # same votes
    48
    """
    return _counts(_issue_key(issue), country(reference)).copy()


def scores(counts: pd.DataFrame) -> pd.DataFrame:
    """The four measures, computed from the nine vote-pair counts of each row.

    ``counts`` has count columns named ``<partner vote>_<reference vote>`` (``yes_yes``,
    ``yes_abstain``, ... ``no_no``; missing columns count as 0), like `vote_counts`. Other
    columns (iso3, year) are kept. Adds: votes, same, partial, opposite, agreement,
    votes_only, s_score, chance and kappa.

    chance is the agreement score two states would reach if each cast its yes, abstain
    and no votes in its own proportions but at random: sum of e_ab * (1 - |a - b| / 2).

    kappa (Cohen's, squared-distance weights w_ab = ((a - b) / 2)**2):
    o_ab = count_ab / votes is the observed share of each pair, e_ab = p(a) * q(b) is the
    share expected if the two states voted independently with their own proportions of
    yes, abstain and no; kappa = 1 - sum(w * o) / sum(w * e). It is NaN when chance alone
    predicts perfect agreement (both states cast one and the same vote every time).

    >>> two = pd.DataFrame({"yes_yes": [8, 3], "no_no": [0, 3], "yes_no": [2, 0], "no_yes": [0, 0]})
    >>> scores(two)[["agreement", "votes_only", "s_score", "chance", "kappa"]].round(3)
       agreement  votes_only  s_score  chance  kappa
    0        0.8         0.8      0.6     0.8    0.0
    1        1.0         1.0      1.0     0.5    1.0
    """
    out = counts.copy()
    n = np.zeros((len(out), 3, 3))
    for i, a in enumerate(VOTES):
        for j, b in enumerate(VOTES):
            col = f"{a}_{b}"
            if col in out.columns:
                n[:, i, j] = out[col].to_numpy(dtype=float)
    total = n.sum(axis=(1, 2))
    same = n[:, 0, 0] + n[:, 1, 1] + n[:, 2, 2]
    opposite = n[:, 0, 2] + n[:, 2, 0]
    partial = total - same - opposite
    with np.errstate(invalid="ignore", divide="ignore"):
        agreement = (same + 0.5 * partial) / total
        yes_no_same = n[:, 0, 0] + n[:, 2, 2]
        votes_only = yes_no_same / (yes_no_same + opposite)
        s_score = 1 - (partial + 2 * opposite) / total
        o = n / total[:, None, None]
        e = o.sum(axis=2)[:, :, None] * o.sum(axis=1)[:, None, :]
        w = ((np.arange(3)[:, None] - np.arange(3)[None, :]) / 2.0) ** 2
        expected = (w * e).sum(axis=(1, 2))
        kappa = np.where(expected > 0, 1 - (w * o).sum(axis=(1, 2)) / expected, np.nan)
        chance = (e * (1 - np.sqrt(w))).sum(axis=(1, 2))
    out["votes"] = total.astype(int)
    out["same"], out["partial"], out["opposite"] = (same.astype(int), partial.astype(int),
                                                    opposite.astype(int))
    out["agreement"], out["votes_only"] = agreement, votes_only
    out["s_score"], out["chance"], out["kappa"] = s_score, chance, kappa
    return out


@lru_cache(maxsize=16)
def _measure_table(issue: str, reference: str) -> pd.DataFrame:
    table = scores(_counts(issue, reference))
    return table.drop(columns=_COLUMNS)


def measure_table(issue: str = "all", reference: str = "USA") -> pd.DataFrame:
    """Every state's agreement, votes only, S-score and kappa with the US, year by year.

    Computed once per issue and kept in memory, so asking again is instant.

    >>> t = measure_table()
    >>> round(t.query("iso3 == 'GBR' and year == 2019")["agreement"].item(), 3)
    0.65
    """
    return _measure_table(_issue_key(issue), country(reference)).copy()


def _styled() -> None:
    if not style.is_in_use():
        style.use()


def _codes(countries) -> list[str]:
    if isinstance(countries, str):
        countries = [countries]
    return [country(c) for c in countries]


def pooled(countries=PARTNERS, years=None, issue: str = "all") -> pd.DataFrame:
    """The measures over several years at once: counts are added up first, then the formulas
    applied (so a year with many roll calls weighs more than a year with few).

    >>> round(pooled(["GBR"], years=(2019, 2019))["agreement"].item(), 3)
    0.65
    """
    counts = vote_counts(issue)
    counts = counts[counts["iso3"].isin(_codes(countries))]
    if years is not None:
        first, last = (years, years) if isinstance(years, int) else years
        counts = counts[counts["year"].between(first, last)]
    summed = counts.groupby("iso3", sort=False)[_COLUMNS].sum().reset_index()
    return scores(summed).drop(columns=_COLUMNS)


# ----------------------------------------------------------------------- trends and the explorer

def trend(countries=("GBR", "FRA", "JPN", "IND"), issue: str = "all",
          measure: str = "agreement", years=None, min_votes: int = 5) -> pd.DataFrame:
    """One measure, year by year, for some partners: columns iso3, year, votes and the measure.

    Years in which a partner and the US both voted on fewer than ``min_votes`` roll calls (of
    the issue) are left out: a share of 2 or 3 votes swings between 0 and 1 by accident.

    >>> trend(["GBR"], measure="kappa", years=(2018, 2019))[["iso3", "year"]].values.tolist()
    [['GBR', 2018], ['GBR', 2019]]
    >>> int(trend(["GBR"], issue="human_rights")["votes"].min())
    5
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(map(repr, MEASURES))}; got {measure!r}.")
    codes = _codes(countries)
    table = measure_table(issue)
    table = table[table["iso3"].isin(codes) & (table["votes"] >= min_votes)]
    if years is not None:
        table = table[table["year"].between(*years)]
    table = table.assign(order=table["iso3"].map({c: k for k, c in enumerate(codes)}))
    table = table.sort_values(["order", "year"])
    return table[["iso3", "year", "votes", measure]].dropna(subset=[measure]).reset_index(drop=True)


def _lines(data: pd.DataFrame, y: str, *, title: str, ylabel: str, ylim, note: str = "") -> None:
    """Lines per country, in the order the countries were given (so each keeps its colour
    across the notebook's charts), broken where a year is missing; legend below the chart."""
    from .plots import describe_lines
    _styled()
    fig, ax = plt.subplots(layout="constrained")
    codes = list(dict.fromkeys(data["iso3"]))
    for code in codes:
        mine = data[data["iso3"] == code].set_index("year")[y].sort_index()
        mine = mine.reindex(range(mine.index.min(), mine.index.max() + 1))  # gaps stay gaps
        alone = mine.notna() & mine.shift(1).isna() & mine.shift(-1).isna()
        line, = ax.plot(mine.index, mine.to_numpy(), label=name(code))
        ax.plot(mine.index[alone], mine[alone], marker="o", markersize=3, linestyle="none",
                color=line.get_color())
    ax.set_ylim(ylim[0], ylim[1] + 0.03 * (ylim[1] - ylim[0]))  # room for lines at the top
    if ylim[0] < 0:
        ax.axhline(0, color=style.US_COLOR, linewidth=0.8)
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    fig.legend(handles=ax.get_lines()[::2], loc="outside lower center", ncol=min(len(codes), 5))
    show(fig, describe_lines(data, "year", y, "iso3", title, ylabel) + note)


def measure_trend(countries=("GBR", "FRA", "JPN", "IND"), issue: str = "all",
                  measure: str = "agreement", years=None) -> None:
    """Draw one measure of closeness to the US over time for some partners.

    >>> measure_trend(["GBR", "IND"], issue="human_rights", measure="kappa")
    Figure(800x450)
    """
    data = trend(countries, issue, measure, years)
    if data.empty:
        print("No year with at least 5 roll calls on which both voted, for these choices. "
              "Try another issue or other years.")
        return
    topic = "all roll calls" if issue == "all" else ISSUES[issue].lower()
    _lines(data, measure, ylim=_RANGE[measure], ylabel=MEASURES[measure],
           title=f"{MEASURES[measure]} with the United States: {topic}",
           note=" Years with fewer than 5 roll calls on which both voted are left out.")


def explorer(default=("GBR", "FRA", "JPN", "IND"), options=None, issue: str = "all", years=None):
    """Pick countries, an issue and a measure; see the trend (`measure_trend`, over ``years``).

    It starts from ``measure_trend(default, issue, "agreement", years)``.
    """
    from . import widgets
    everyone = options or sorted(set(load("un_agreement")["iso3"]))

    def draw(countries, issue, measure):
        if not countries:
            print("Pick at least one country (hold Ctrl or Cmd to pick several).")
            return
        measure_trend(list(countries), issue, measure, years)

    return widgets.explorer(
        draw,
        countries=widgets.countries(list(default), options=everyone),
        issue=widgets.choice({label: key for key, label in ISSUES.items()}, _issue_key(issue), "Issue"),
        measure=widgets.choice({label: key for key, label in MEASURES.items()}, "agreement",
                               "Measure"))


# ----------------------------------------------------------------------- the four measures

def compare_measures(countries=PARTNERS, year: int = 2019, issue: str = "all") -> pd.DataFrame:
    """The four measures for some partners in one year, closest (by agreement) first.

    >>> compare_measures(["GBR", "CHN"], 2019).index.tolist()
    ['United Kingdom', 'China']
    """
    table = measure_table(issue)
    table = table[(table["year"] == year) & table["iso3"].isin(_codes(countries))]
    table = table.sort_values("agreement", ascending=False)
    table.index = pd.Index([name(c) for c in table["iso3"]], name="partner")
    return table[["votes", "same", "partial", "opposite", "agreement", "votes_only", "s_score",
                  "chance", "kappa"]]


def four_measures(countries=("GBR", "JPN", "IND"), years=(1946, 2019)) -> None:
    """One small chart per partner: the four measures over time on one scale (-1 to 1).

    >>> four_measures(["GBR"], years=(2000, 2019))
    Figure(800x400)
    """
    _styled()
    codes = _codes(countries)
    table = measure_table()
    table = table[table["year"].between(*years)]
    fig, axes = plt.subplots(1, len(codes), layout="constrained", figsize=(max(8, 3.6 * len(codes)), 4), sharey=True,
                             squeeze=False)
    described = []
    for ax, code in zip(axes[0], codes):
        mine = table[table["iso3"] == code].sort_values("year")
        for measure, label in MEASURES.items():
            ax.plot(mine["year"], mine[measure], label=label)
        ax.axhline(0, color=style.US_COLOR, linewidth=0.8)
        ax.set_title(name(code), fontsize=11)
        ax.set_ylim(-1, 1.08)
        ax.set_xlabel("year")
        last = mine.iloc[-1]
        described.append(f"{name(code)} in {int(last['year'])}: " + ", ".join(
            f"{MEASURES[m]} {last[m]:.2f}" for m in MEASURES))
    axes[0][0].set_ylabel("value of the measure")
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=4)
    fig.suptitle("Four measures of voting with the United States", fontweight="bold",
                 x=0.02, ha="left")
    show(fig, "Line charts, one per partner, of four measures of voting with the United States "
              f"over {years[0]}–{years[1]}: agreement, votes only, S-score and Cohen's kappa, on "
              "one scale from -1 to 1. " + "; ".join(described) + ".")


def chance_table() -> pd.DataFrame:
    """Year by year, the median over all UN members of agreement with the US, of the agreement
    expected by chance, and of kappa; and the share of roll calls on which the US voted yes.

    >>> t = chance_table()
    >>> t.columns.tolist()
    ['year', 'agreement', 'chance', 'kappa', 'us_yes']
    """
    table = measure_table()
    medians = table.groupby("year")[["agreement", "chance", "kappa"]].median()
    us = _pairs("USA").reference_vote            # the US vote on each roll call (-1: none)
    year = load("un_roll_calls")["year"].to_numpy()
    medians["us_yes"] = pd.Series(us[us >= 0] == VOTES.index("yes")).groupby(year[us >= 0]).mean()
    return medians.reset_index()


def chance_agreement() -> None:
    """Two charts: the median member's agreement with the US and the agreement expected by
    chance (top), and the median kappa (bottom).

    >>> chance_agreement()
    Figure(800x600)
    """
    _styled()
    t = chance_table()
    fig, (top, bottom) = plt.subplots(2, 1, layout="constrained", figsize=(8, 6), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 2]})
    top.plot(t["year"], t["agreement"], label="agreement (observed)")
    top.plot(t["year"], t["chance"], label="agreement expected by chance")
    top.set_ylim(0, 1)
    top.set_ylabel("median over all members")
    top.set_title("Agreement with the US: observed and expected by chance")
    top.legend(loc="upper right")
    bottom.plot(t["year"], t["kappa"], color=style.PALETTE[2], label="Cohen's kappa")
    bottom.axhline(0, color=style.US_COLOR, linewidth=0.8)
    bottom.set_ylim(-1, 1)
    bottom.set_ylabel("median kappa")
    bottom.set_xlabel("year")
    corr = t[["agreement", "chance"]].corr().iloc[0, 1]
    late = t[t["year"] >= 1975]
    show(fig, "Two line charts, 1946–2019. Top: the median UN member's agreement with the United "
              "States and the agreement it would reach by chance, which rise and fall together "
              f"(correlation {corr:.2f}). Bottom: the median member's Cohen's kappa, which stays "
              f"between {late['kappa'].min():.2f} and {late['kappa'].max():.2f} from 1975 on.")


# ----------------------------------------------------------------------- issues and important votes

def issue_table(countries=PARTNERS, years=(2000, 2019), measure: str = "agreement") -> pd.DataFrame:
    """One measure by issue area (rows) and partner (columns), pooled over the years.

    >>> issue_table(["GBR"], years=(2019, 2019)).loc["All roll calls", "United Kingdom"].round(3)
    np.float64(0.65)
    """
    return from_cache(_issue_table, tuple(_codes(countries)), years, measure)


@lru_cache(maxsize=8, typed=True)
def _issue_table(codes: tuple, years, measure: str) -> pd.DataFrame:
    rows = {}
    for issue, label in ISSUES.items():
        if issue == "important":
            continue
        t = pooled(codes, years, issue).set_index("iso3")
        rows[label] = t[measure]
    table = pd.DataFrame(rows).T
    order = [c for c in codes if c in table.columns]
    table = table[order]
    table.columns = [name(c) for c in order]
    table.columns.name = "partner"
    return table


def issue_profile(countries=("GBR", "FRA", "JPN", "IND", "ISR"), years=(2000, 2019),
                  measure: str = "agreement") -> None:
    """A dot chart: one row per issue area, one marker per partner, pooled over the years.

    >>> issue_profile(["GBR", "IND"], years=(2010, 2019))
    Figure(800x450)
    """
    _styled()
    table = issue_table(countries, years, measure)
    table = table.loc[table.index[::-1]]  # 'All roll calls' at the top
    fig, ax = plt.subplots(layout="constrained")
    ypos = np.arange(len(table))
    markers = ["o", "s", "D", "^", "v", "P", "X", "*"]
    width = 0.5 / max(len(table.columns) - 1, 1)  # spread each row's markers a little
    for k, partner in enumerate(table.columns):
        offset = (k - (len(table.columns) - 1) / 2) * width
        ax.scatter(table[partner], ypos + offset, label=partner, marker=markers[k % len(markers)],
                   s=40, zorder=3)
    for y in ypos[:-1] + 0.5:
        ax.axhline(y, color="0.85", linewidth=0.6)
    ax.set_yticks(ypos, table.index)
    ax.set_xlim(*_RANGE[measure])
    ax.set_xlabel(f"{MEASURES[measure]} with the United States, {years[0]}–{years[1]}")
    ax.set_title(f"{MEASURES[measure]} by issue area, {years[0]}–{years[1]}")
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower center", ncol=min(len(table.columns), 5))
    span = table.max(axis=1) - table.min(axis=1)
    show(fig, f"Dot chart: {MEASURES[measure]} with the United States by issue area, "
              f"pooled over {years[0]}–{years[1]}, for {', '.join(table.columns)}. "
              f"Partners are furthest apart on {span.idxmax()} and closest together on "
              f"{span.idxmin()}.")


def important_table(countries=PARTNERS, years=(1983, 2017)) -> pd.DataFrame:
    """Agreement with the US on all roll calls and on the State Department's important votes.

    The State Department's list starts in 1983 and is not coded in this data after 2017.

    >>> important_table(["ISR"], (2000, 2017)).columns.tolist()
    ['partner', 'all votes', 'important votes', 'important roll calls']
    """
    every = pooled(countries, years).set_index("iso3")
    important = pooled(countries, years, "important").set_index("iso3")
    order = [c for c in _codes(countries) if c in every.index]
    return pd.DataFrame({"partner": [name(c) for c in order],
                         "all votes": every.loc[order, "agreement"].to_numpy(),
                         "important votes": important.reindex(order)["agreement"].to_numpy(),
                         "important roll calls": important.reindex(order)["votes"].to_numpy()})


def important_votes(countries=PARTNERS, years=(1983, 2017)) -> None:
    """A dot chart: each partner's agreement on all roll calls and on important votes.

    >>> important_votes(["GBR", "IND"], (2000, 2017))
    Figure(800x300)
    """
    _styled()
    table = important_table(countries, years).sort_values("all votes")
    fig, ax = plt.subplots(layout="constrained", figsize=(8, max(3, 0.38 * len(table) + 1.3)))
    y = np.arange(len(table))
    ax.hlines(y, table["all votes"], table["important votes"], color="0.7", linewidth=2, zorder=1)
    ax.scatter(table["all votes"], y, label="all roll calls", marker="o", s=45, zorder=3,
               color=style.PALETTE[0])
    ax.scatter(table["important votes"], y, label="important votes", marker="D", s=45, zorder=3,
               color=style.PALETTE[1])
    ax.set_yticks(y, table["partner"])
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"Agreement with the United States, pooled {years[0]}–{years[1]}")
    ax.set_title(f"All roll calls and important votes, {years[0]}–{years[1]}")
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower center", ncol=2)
    lower = (table["important votes"] < table["all votes"]).sum()
    show(fig, f"Dot chart of agreement with the United States for {len(table)} partners, "
              f"{years[0]}–{years[1]}: on all roll calls and on the votes the State Department "
              f"listed as important. {lower} of the {len(table)} agree less on important votes.")


# ----------------------------------------------------------------------- the moving reference

def reference_table() -> pd.DataFrame:
    """Year by year: the US ideal point, the median (and middle half) of all other states'
    ideal points, the gap between the US and the median, and the median agreement with the US.

    >>> t = reference_table()
    >>> bool((t["gap"] == t["us_ideal_point"] - t["median_ideal_point"]).all())
    True
    """
    return _reference_table().copy()


@lru_cache(maxsize=1)
def _reference_table() -> pd.DataFrame:
    ip = load("un_ideal_points")
    by_year = ip.groupby("year")
    table = pd.DataFrame({
        "us_ideal_point": by_year["us_ideal_point"].first(),
        "median_ideal_point": by_year["ideal_point"].median(),
        "q25": by_year["ideal_point"].quantile(0.25),
        "q75": by_year["ideal_point"].quantile(0.75),
        "states": by_year.size(),
    })
    table["gap"] = table["us_ideal_point"] - table["median_ideal_point"]
    agreement = load("un_agreement").groupby("year")["agreement"].median()
    table["median_agreement"] = agreement.reindex(table.index)
    return table.reset_index()


def moving_reference() -> None:
    """Two charts: the US and the world's median ideal point; the median agreement with the US.

    >>> moving_reference()
    Figure(800x650)
    """
    _styled()
    t = reference_table()
    fig, (top, bottom) = plt.subplots(2, 1, layout="constrained", figsize=(8, 6.5), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 2]})
    top.fill_between(t["year"], t["q25"], t["q75"], color=style.PALETTE[0], alpha=0.2,
                     linewidth=0, label="middle half of all other states")
    top.plot(t["year"], t["median_ideal_point"], color=style.PALETTE[0], label="median state")
    top.plot(t["year"], t["us_ideal_point"], color=style.US_COLOR, linestyle="--",
             label="United States")
    top.set_ylabel("ideal point")
    top.set_title("The reference moves: US and median ideal points")
    top.legend(loc="upper left", ncol=3, fontsize=9)
    top.set_ylim(top.get_ylim()[0], top.get_ylim()[1] + 0.6)
    bottom.plot(t["year"], t["median_agreement"], color=style.PALETTE[2])
    bottom.set_ylim(0, 1)
    bottom.set_ylabel("median agreement\nwith the US")
    bottom.set_xlabel("year")
    corr = t[["gap", "median_agreement"]].corr().iloc[0, 1]
    show(fig, "Two line charts. Top: the ideal point of the United States and the median ideal "
              f"point of all other UN members, {int(t['year'].min())}–{int(t['year'].max())}, "
              "with the middle half of states shaded; the US rises and the median falls from the 1960s "
              "to around 1990. "
              "Bottom: the median state's agreement with the US, which falls as the gap grows "
              f"(correlation {corr:.2f}).")


def ideal_point_table(countries=PARTNERS, year: int = 2024) -> pd.DataFrame:
    """Each partner's ideal point in a year, its 90% interval and its distance to the US,
    closest to the US first.

    >>> ideal_point_table(["GBR", "CHN"], 2024)["partner"].tolist()
    ['United Kingdom', 'China']
    """
    ip = load("un_ideal_points", years=year)
    ip = ip[ip["iso3"].isin(_codes(countries))].sort_values("distance_to_us")
    return pd.DataFrame({"partner": [name(c) for c in ip["iso3"]],
                         "ideal_point": ip["ideal_point"].to_numpy(),
                         "q05": ip["ideal_point_q05"].to_numpy(),
                         "q95": ip["ideal_point_q95"].to_numpy(),
                         "us_ideal_point": ip["us_ideal_point"].to_numpy(),
                         "distance_to_us": ip["distance_to_us"].to_numpy()})


def ideal_points(countries=PARTNERS, year: int = 2024) -> None:
    """Dot chart: each partner's ideal point in a year with its 90% interval, and the US.

    >>> ideal_points(["GBR", "CHN"], 2024)
    Figure(800x300)
    """
    _styled()
    table = ideal_point_table(countries, year)
    us = table["us_ideal_point"].iloc[0]
    shown = table.iloc[::-1]
    fig, ax = plt.subplots(layout="constrained", figsize=(8, max(3, 0.38 * len(shown) + 1.3)))
    y = np.arange(len(shown))
    ax.errorbar(shown["ideal_point"], y, xerr=[shown["ideal_point"] - shown["q05"],
                                                shown["q95"] - shown["ideal_point"]],
                fmt="o", color=style.PALETTE[0], capsize=3, label="partner (90% interval)")
    ax.axvline(us, color=style.US_COLOR, linestyle="--", label="United States")
    ax.set_yticks(y, shown["partner"])
    ax.set_xlabel(f"ideal point in {year} (higher = closer to the US side)")
    ax.set_title(f"UN ideal points in {year}")
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower center", ncol=2)
    show(fig, f"Dot chart of UN General Assembly ideal points in {year} for {len(table)} partners "
              "with 90% intervals, and a dashed line at the US ideal point. Closest to the US: "
              f"{table['partner'].iloc[0]}; furthest: {table['partner'].iloc[-1]}.")


# ----------------------------------------------------------------------- the State Department

def coincidence_table(countries=PARTNERS) -> pd.DataFrame:
    """The State Department's published coincidence, 2018-2024, and the same counts put
    through two fixed formulas, so that years can be compared.

    half_credit = (same + 0.5 * partial) / (same + partial + opposite)
    votes_only  = same / (same + opposite)

    >>> coincidence_table(["GBR"]).columns.tolist()
    ['iso3', 'year', 'counted', 'coincidence_reported', 'half_credit', 'votes_only']
    """
    codes = _codes(countries)
    co = load("un_coincidence", years=(2018, 2024))
    co = co[co["iso3"].isin(codes)]
    co = co.iloc[np.lexsort((co["year"].to_numpy(), co["iso3"].map(codes.index).to_numpy()))]
    voted = co["same"] + co["partial"] + co["opposite"]
    with np.errstate(invalid="ignore", divide="ignore"):
        half = (co["same"] + 0.5 * co["partial"]) / voted.where(voted > 0)
        only = co["same"] / (co["same"] + co["opposite"]).where(co["same"] + co["opposite"] > 0)
    return pd.DataFrame({"iso3": co["iso3"], "year": co["year"],
                         "counted": voted + co["absent"],
                         "coincidence_reported": co["coincidence_reported"],
                         "half_credit": half, "votes_only": only}).reset_index(drop=True)


def selection_table(years=(2018, 2019)) -> pd.DataFrame:
    """How many votes each source counts: roll calls in un_roll_calls in each calendar year,
    and the votes the State Department counted for a typical member (median of same +
    opposite + partial + absent).

    >>> selection_table().columns.tolist()
    ['year', 'roll calls (un_roll_calls)', 'votes counted (State Department)']
    """
    rc = load("un_roll_calls", years=years).groupby("year").size()
    co = load("un_coincidence", years=years)
    counted = (co["same"] + co["opposite"] + co["partial"] + co["absent"]).groupby(co["year"]).median()
    return pd.DataFrame({"year": rc.index, "roll calls (un_roll_calls)": rc.to_numpy(),
                         "votes counted (State Department)": counted.reindex(rc.index).astype(int).to_numpy()})


def coincidence_pairs(years=(2018, 2019)) -> pd.DataFrame:
    """The State Department's published coincidence beside our two shares computed from the
    roll calls (un_agreement), every UN member, for the years both cover.

    >>> coincidence_pairs().columns.tolist()
    ['iso3', 'year', 'coincidence_reported', 'agreement', 'votes_only']
    """
    co = load("un_coincidence", years=years)[["iso3", "year", "coincidence_reported"]]
    ours = load("un_agreement", years=years)[["iso3", "year", "agreement", "votes_only"]]
    return co.merge(ours, on=["iso3", "year"]).dropna().reset_index(drop=True)


def coincidence_comparison(years=(2018, 2019), annotate=("GBR", "ISR", "IND", "CHN")) -> None:
    """Scatter: the State Department's published coincidence against our two shares.

    >>> coincidence_comparison()
    Figure(800x450)
    """
    _styled()
    both = coincidence_pairs(years)
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([0, 1], [0, 1], color=style.US_COLOR, linewidth=0.8, linestyle=":")
    ax.scatter(both["votes_only"], both["coincidence_reported"], s=16, alpha=0.6,
               color=style.PALETTE[0], marker="o", linewidths=0, label="votes only (yes/no)")
    ax.scatter(both["agreement"], both["coincidence_reported"], s=16, alpha=0.6,
               color=style.PALETTE[1], marker="^", linewidths=0, label="agreement (half credit)")
    last = both[both["year"] == max(years)]
    for code in annotate:
        row = last[last["iso3"] == code]
        if not row.empty:
            ax.annotate(name(code), (row["agreement"].item(), row["coincidence_reported"].item()),
                        xytext=(6, -10), textcoords="offset points", fontsize=9)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.set_xlabel("share computed from the roll calls (un_agreement)")
    ax.set_ylabel("State Department coincidence (published)")
    ax.set_title(f"Published coincidence and our shares, {years[0]}–{years[1]}")
    ax.legend(loc="upper left")
    gap_a = (both["coincidence_reported"] - both["agreement"]).abs().median()
    gap_v = (both["coincidence_reported"] - both["votes_only"]).abs().median()
    show(fig, f"Scatter plot of {len(both)} state-years, {years[0]}–{years[1]}: the State "
              "Department's published voting coincidence against two shares computed from the "
              "roll calls. The points for agreement (half credit for abstentions) lie close to "
              f"the diagonal (median gap {gap_a:.3f}); those for votes only lie further from it "
              f"(median gap {gap_v:.3f}).")


def coincidence_trend(countries=("GBR", "FRA", "JPN", "IND", "ISR")) -> None:
    """Line chart: the State Department counts of 2018-2024 put through one fixed formula.

    >>> coincidence_trend(["GBR", "IND"])
    Figure(800x450)
    """
    table = coincidence_table(countries)
    _lines(table, "half_credit", ylim=(0, 1),
           title="State Department counts, one formula: (same + ½ partial) / votes",
           ylabel="coincidence with the US (recomputed)")


# ----------------------------------------------------------------------- shared IGOs

def igo_table(year: int = 2014) -> pd.DataFrame:
    """Shared IGO memberships with the US and UN agreement with the US, every state, one year.

    >>> igo_table(2014).columns.tolist()
    ['iso3', 'shared_igos', 'partner_igos', 'shared_share', 'agreement']
    """
    igo = load("igo", years=year)
    ag = load("un_agreement", years=year)[["iso3", "agreement"]]
    table = igo.merge(ag, on="iso3", how="left")
    table["shared_share"] = table["shared_igos"] / table["partner_igos"].where(table["partner_igos"] > 0)
    return table[["iso3", "shared_igos", "partner_igos", "shared_share", "agreement"]]


def igo_vs_votes(year: int = 2014, annotate=("GBR", "FRA", "DEU", "JPN", "ISR", "CHN", "RUS")) -> None:
    """Scatter: shared IGO memberships with the US against UN agreement with the US.

    >>> igo_vs_votes(2014, annotate=["GBR"])
    Figure(800x450)
    """
    from .plots import scatter
    table = igo_table(year)
    scatter(table, "shared_igos", "agreement", annotate=annotate,
            title=f"Shared IGO memberships and UN voting, {year}",
            xlabel="organisations shared with the US (count)",
            ylabel="agreement with the US in UN votes")
