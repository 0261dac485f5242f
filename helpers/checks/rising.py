"""Exercises of 13_rising_economies and 14_capstone.

Every expected answer is computed here from the data with `helpers.rising` and
`helpers.index`, never typed in. The capstone's exercises are about the student's own
candidate, so their answers are pairs: ``answer = ("Japan", 4)``.
"""
from __future__ import annotations

from typing import Any

ALLIANCE_OPTIONS = {
    "a": "The Quad's revival made India a US ally",
    "b": "A multilateral non-aggression treaty that many partners entered at the same time",
    "c": "A bilateral defence treaty between India and the United States",
}


# ---- 13_rising_economies -------------------------------------------------------------------

def _e13_1(answer):
    from ..rising import convergence_table
    from . import Feedback, country_code
    from ..countries import CountryError, country
    table = convergence_table()
    best = table["cultural"].idxmax()
    try:
        code = country(answer) if isinstance(answer, str) else None
    except CountryError:
        code = None
    if code is not None and code != best and code in table.index:
        if code == table["overall"].idxmax():
            return Feedback(False, f"{table.loc[code, 'name']} converges most overall; the "
                                   "question asks about the cultural column only.")
        return Feedback(False, f"{table.loc[code, 'name']} is one of the rising economies, but its "
                               "cultural change is not the largest. Sort the table by `cultural`.")
    return country_code(answer, best, what="the rising economy converging fastest on the cultural pillar")


def _e13_2(answer):
    from ..rising import trajectory
    from . import number
    t = trajectory("IND", ["trade_share_pct"], 2000, 2022).loc["trade_share_pct"]
    return number(answer, float(t["change"]), rel=0, abs_=0.01,
                  what="India's change in its share of US trade, in standard deviations per decade",
                  hints={"That is the slope per year on the log scale (`per_year`); the question "
                         "asks for the standardised change (`change`).": float(t["per_year"]),
                         "That is the last value minus the first, in percentage points; use "
                         "`trajectory`'s `change` column.": float(t["last"] - t["first"])})


def _e13_3(answer):
    from ..rising import RISING, convergence_table
    from . import number
    relative = convergence_table(relative=True)
    absolute = convergence_table()
    n_rel = int((relative["verdict"] == "converging").sum())
    n_abs = int((absolute["verdict"] == "converging").sum())
    hints = {}
    if n_abs != n_rel:
        hints["That is the number with the absolute definition; add `relative=True`."] = n_abs
    hints.setdefault("That counts the countries that are NOT converging; count those whose verdict "
                     "is 'converging'.", len(RISING) - n_rel)
    return number(answer, n_rel, rel=0, abs_=0.01,
                  what="the number of rising economies converging relative to the median partner",
                  hints=hints)


def _e13_4(answer):
    from ..rising import UNTIL, VERDICTS, trajectory
    from . import Feedback, choice
    row = trajectory("IND", ["ideal_point_distance"], 2017, UNTIL, relative=True).iloc[0]
    absolute = trajectory("IND", ["ideal_point_distance"], 2017, UNTIL).iloc[0]["verdict"]
    if isinstance(answer, str) and answer.strip().casefold() == absolute != row["verdict"]:
        return Feedback(False, "That is the verdict with the absolute definition. Relative to the "
                               "median partner, the change everyone shares is taken out first: "
                               "add `relative=True`.")
    return choice(answer, row["verdict"], list(VERDICTS),
                  explain=(f"Relative to the median partner, India's distance changed by "
                           f"{row['change']:+.2f} standard deviations per decade in "
                           f"{row['years']}: the absolute fall in distance was shared by "
                           "almost every partner, because the United States itself moved."))


def _e13_5(answer):
    from . import choice
    return choice(answer, "b", list(ALLIANCE_OPTIONS),
                  explain=("The same non-aggression pledge appears in 2009 for many partners at "
                           "once (`new_pledges(2009)`), from Indonesia and Vietnam to China and "
                           "North Korea: the mark of a multilateral treaty, not of the Quad, which is "
                           "not a treaty at all."))


# ---- 14_capstone: answers are (candidate, value) pairs --------------------------------------

def _pair(answer: Any, example: str):
    """(iso3, value) from a (candidate, value) pair, or Feedback saying what is wrong."""
    from ..countries import CountryError, country
    from . import Feedback
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return Feedback(False, "Give your answer as a pair in brackets: your candidate, then the "
                               f"value, e.g. `answer = {example}`.")
    who, value = answer
    try:
        code = country(who)
    except CountryError as err:
        return Feedback(False, f"The first part of the pair should be your candidate. {err}")
    return code, value


def _ranked(code: str):
    import pandas as pd
    from ..countries import name
    from ..index import DEFAULT_YEAR, closeness_index
    from . import Feedback
    idx = closeness_index(DEFAULT_YEAR)
    if code not in idx.index or pd.isna(idx.loc[code, "rank"]):
        return Feedback(False, f"{name(code)} has no rank in the default index of {DEFAULT_YEAR} "
                               "(it lacks a pillar): choose a candidate with all four pillars.")
    return idx


def _e14_1(answer):
    from ..countries import name
    from . import Feedback, number
    pair = _pair(answer, '("Japan", 4)')
    if isinstance(pair, Feedback):
        return pair
    code, value = pair
    idx = _ranked(code)
    if isinstance(idx, Feedback):
        return idx
    rank = int(idx.loc[code, "rank"])
    score = float(idx.loc[code, "score"])
    return number(value, rank, rel=0, abs_=0.01, what=f"{name(code)}'s rank with equal weights",
                  hints={"That is the index score; the question asks for the rank (1 = first).": score})


def _e14_2(answer):
    from ..countries import name
    from ..pillars import PILLARS
    from . import Feedback, choice
    pair = _pair(answer, '("Japan", "cultural")')
    if isinstance(pair, Feedback):
        return pair
    code, value = pair
    idx = _ranked(code)
    if isinstance(idx, Feedback):
        return idx
    scores = idx.loc[code, list(PILLARS)].astype(float)
    weakest = scores.idxmin()
    strongest = scores.idxmax()
    if isinstance(value, str) and value.strip().casefold() == strongest != weakest:
        return Feedback(False, f"That is {name(code)}'s strongest pillar; the question asks for its "
                               "weakest (the lowest pillar score).")
    return choice(value, weakest, list(PILLARS),
                  explain=f"{name(code)}'s lowest pillar score in the default index is {weakest} "
                          f"({scores[weakest]:.2f}).")


def _e14_3(answer):
    from ..countries import name
    from ..index import sensitivity
    from . import Feedback, number
    pair = _pair(answer, '("Japan", 0.03)')
    if isinstance(pair, Feedback):
        return pair
    code, value = pair
    lab = sensitivity()
    if code not in lab.index:
        return Feedback(False, f"{name(code)} is not in the sensitivity lab (it lacks a pillar under "
                               "one of the two sets of indicators), so its share of first places is "
                               "not measured: choose a candidate that is in `sensitivity()`.")
    share = float(lab.loc[code, 1])
    hints = {"Give the share as a number between 0 and 1, not a percentage.": 100 * share}
    top3 = float(lab.loc[code, [1, 2, 3]].sum())
    if abs(top3 - share) > 0.005:
        hints["That is the share of draws in the top three; the question asks for first place "
              "only (column 1)."] = top3
    return number(value, share, rel=0.02, abs_=0.005,
                  what=f"the share of draws in which {name(code)} is first", hints=hints)


def _e14_4(answer):
    from ..countries import name
    from ..index import sensitivity
    from ..rising import rival
    from . import Feedback, country_code
    pair = _pair(answer, '("Japan", "Canada")')
    if isinstance(pair, Feedback):
        return pair
    code, value = pair
    lab = sensitivity()
    expected = rival(code, lab)
    if isinstance(value, str):
        from ..countries import CountryError, country
        try:
            if country(value) == code:
                return Feedback(False, "The rival is another partner than your own candidate: leave "
                                       f"{name(code)} out and take the partner first most often.")
        except CountryError:
            pass
    return country_code(value, expected, what=f"the strongest rival of {name(code)} in the lab")


def _e14_5(answer):
    from ..countries import name
    from ..history import events
    from . import Feedback, number
    pair = _pair(answer, '("Japan", 12)')
    if isinstance(pair, Feedback):
        return pair
    code, value = pair
    n = len(events(country=code))
    return number(value, n, rel=0, abs_=0.01, what=f"the number of timeline events that list {name(code)}",
                  hints={"That counts every event in the timeline; keep only those whose `countries` "
                         "list your candidate (`helpers.history.events(country=...)`).":
                         len(events())})


EXERCISES = {"13.1": _e13_1, "13.2": _e13_2, "13.3": _e13_3, "13.4": _e13_4, "13.5": _e13_5,
             "14.1": _e14_1, "14.2": _e14_2, "14.3": _e14_3, "14.4": _e14_4, "14.5": _e14_5}
