"""Exercises of 09_closeness_index.

Every expected answer is computed here from the data with `helpers.index`, never typed in.
"""
from __future__ import annotations

SECURITY_ONLY = {"diplomatic": 0, "economic": 0, "security": 1, "cultural": 0}
GEOMETRIC_OPTIONS = {
    "a": "Its weakest pillar enters as a factor, so a strong pillar cannot make up for it",
    "b": "The geometric mean gives the economic pillar a larger weight",
    "c": "The geometric mean scores Australia's missing data as zero",
}


def _e1(answer):
    from ..countries import CountryError, country
    from ..index import DEFAULT_YEAR, closeness_index
    from . import Feedback, country_code
    idx = closeness_index(DEFAULT_YEAR)
    top = idx.index[0]
    try:
        code = country(answer) if isinstance(answer, str) else None
    except CountryError:
        code = None
    if code is not None and code != top and code in idx.index and idx.loc[code, "rank"] <= 5:
        return Feedback(False, f"{idx.loc[code, 'name']} is near the top (rank "
                               f"{int(idx.loc[code, 'rank'])}) but not first. Sort by `rank` or look "
                               "at the first row of `closeness_index()`.")
    return country_code(answer, top, what=f"the first country of the default index in {DEFAULT_YEAR}")


def _e2(answer):
    from ..index import DEFAULT_YEAR, rank_of
    from . import number
    expected = rank_of("JPN", year=DEFAULT_YEAR, weights=SECURITY_ONLY)
    equal = rank_of("JPN", year=DEFAULT_YEAR)
    hints = {}
    if equal != expected:
        hints["That is Japan's rank with equal weights. Set the other three weights to 0 and the "
              "security weight to 1."] = equal
    return number(answer, expected, rel=0, abs_=0.01, what="Japan's rank with the security pillar only",
                  hints=hints)


def _e3(answer):
    from ..index import sensitivity
    from . import number
    share = float(sensitivity().loc["GBR", 1])
    return number(answer, share, rel=0, abs_=0.005, what="the probability of first place",
                  hints={"Give the share as a number between 0 and 1, not a percentage "
                         "(divide by 100).": 100 * share})


def _e4(answer):
    from ..index import DEFAULT_YEAR, rank_of
    from . import number
    arithmetic = rank_of("AUS", year=DEFAULT_YEAR)
    geometric = rank_of("AUS", year=DEFAULT_YEAR, aggregation="geometric")
    fall = geometric - arithmetic
    hints = {"Count the places Australia falls as a positive number.": -fall} if fall else {}
    hints.setdefault("That is Australia's rank under the geometric mean; the question asks how many "
                     "places it falls from its rank under the arithmetic mean.", geometric)
    return number(answer, fall, rel=0, abs_=0.01, what="the fall in rank",
                  hints=hints)


def _e5(answer):
    from . import choice
    return choice(answer, "a", list(GEOMETRIC_OPTIONS),
                  explain=("A geometric mean multiplies the pillar scores (each raised to its "
                           "weight), so a low pillar scales the whole product down; in an "
                           "arithmetic mean it is only added, and strong pillars can make up for it."))


def _e6(answer):
    from ..index import DEFAULT_YEAR, closeness_index
    from . import number
    idx = closeness_index(DEFAULT_YEAR)
    unranked = int(idx["rank"].isna().sum())
    return number(answer, unranked, rel=0, abs_=0.01,
                  what=f"the number of partners left unranked in {DEFAULT_YEAR}",
                  hints={"That is the number of partners that ARE ranked; count the rows without a "
                         "rank.": int(idx["rank"].notna().sum()),
                         "That is every partner in the table; count only the rows without a rank.":
                         len(idx)})


EXERCISES = {"09.1": _e1, "09.2": _e2, "09.3": _e3, "09.4": _e4, "09.5": _e5, "09.6": _e6}
