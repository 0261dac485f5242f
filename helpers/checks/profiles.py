"""Exercises of the country profiles: 06_united_kingdom, 07_australia and 08_japan.

Every expected answer is computed from the data by `helpers.profiles` (never typed in).
"""
from __future__ import annotations


# ---- 06_united_kingdom ------------------------------------------------------------------------

def _uk_troops_peak(answer):
    from . import number
    from ..data import load
    from ..profiles import troops_peak
    year, troops = troops_peak("GBR")
    t = load("troops", countries="GBR")
    late = t[t["year"] >= 1970]
    cold_war_high = int(late.loc[late["troops"].idxmax(), "year"])
    return number(answer, year, rel=0, abs_=0, what="the year US troops in the United Kingdom peaked",
                  hints={f"{troops:,} is the number of troops; the question asks for the year.": troops,
                         "That is the high point of the 1980s, but there were more US troops in "
                         "Britain in the 1950s: look at the whole series.": cold_war_high,
                         "1950 is the first year of the table, not the peak: sort by troops.": 1950})


def _uk_ahead_of_rivals(answer):
    from . import number
    from ..profiles import years_ahead
    ahead, _ = years_ahead("GBR", ["FRA", "DEU"])
    ahead_fra, _ = years_ahead("GBR", ["FRA"])
    return number(answer, ahead, rel=0, abs_=0,
                  what="the number of years the UK agreed with the US more than both France and Germany",
                  hints={"Germany has no score before 1973 (it joined the UN that year): drop the years "
                         "with a missing value (`.dropna()`) before you compare.": ahead_fra})


def _uk_fdi_rank(answer):
    from . import number
    from ..profiles import fdi_rank
    from ..profiles import fdi_leaders
    rank = fdi_rank("GBR", 2019)
    ranked = len(fdi_leaders(2019, n=10_000))
    return number(answer, rank, rel=0, abs_=0, what="the UK's rank in 2019",
                  hints={"The UK was first in 2008-2018; check 2019 again.": 1,
                         "That counts from the smallest position: sort with ascending=False so "
                         "that rank 1 is the largest.": ranked + 1 - rank})


def _uk_exercise_lead(answer):
    from . import number
    from ..profiles import exercise_totals
    t = exercise_totals()
    first, second = t.iloc[0], t.iloc[1]
    lead = int(first["exercises"] - second["exercises"])
    return number(answer, lead, rel=0, abs_=0,
                  what="how many more exercises the first partner held with the US than the second",
                  hints={"That is the first partner's total; subtract the second partner's.": int(first["exercises"]),
                         "That is the second partner's total; subtract it from the first's.": int(second["exercises"])})


#: The statements of exercise 06.5: which pillars put the UK above the G7 median (in the order
#: diplomatic, economic, security, cultural).
UK_G7_STATEMENTS = {
    "a": (True, True, True, True),
    "b": (True, False, False, True),
    "c": (False, False, False, False),
    "d": (False, True, True, False),
}


def _uk_versus_g7(answer):
    from . import choice
    from ..profiles import latest
    t = latest("GBR", "g7").set_index("pillar")
    pattern = tuple(bool(t.loc[p, "value"] > t.loc[p, "group_median"])
                    for p in ["diplomatic", "economic", "security", "cultural"])
    right = [k for k, v in UK_G7_STATEMENTS.items() if v == pattern]
    if not right:
        raise ValueError("none of the statements fits the data any more; the exercise needs updating")
    return choice(answer, right[0], list(UK_G7_STATEMENTS),
                  explain="The UK votes with the US more often than the middle G7 member and "
                          "sends more students per head, but it is a smaller trading partner and "
                          "hosts fewer US troops than the middle G7 member: what sets it apart "
                          "is not size.")


# ---- 07_australia ----------------------------------------------------------------------------

def _aus_students_rank(answer):
    from . import number
    from ..profiles import members, rank_among
    allies = members("treaty_allies", "AUS")
    rank, n = rank_among("students_per_million", 2022, allies, "AUS")
    by_count, _ = rank_among("students", 2022, allies, "AUS")
    return number(answer, rank, rel=0, abs_=0, what=f"Australia's rank among the {n} treaty allies",
                  hints={"That is the rank by number of students; the question asks per million "
                         "inhabitants.": by_count,
                         "That counts from the bottom: rank 1 should be the highest value.": n + 1 - rank})


def _aus_exercises_total(answer):
    from . import number
    from ..data import load
    e = load("exercises", countries="AUS")
    total = int(e["exercises"].sum())
    return number(answer, total, rel=0, abs_=0, what="Australia's exercises with the US in 1980-2010",
                  hints={"That is the number of years with an exercise; add up the exercises "
                         "column instead.": len(e)})


def _aus_nzl_gap(answer):
    from . import number
    from ..data import load
    p = load("panel", countries="NZL", years=(1985, 1996))
    zero_years = int((p["exercises"] == 0).sum())
    return number(answer, zero_years, rel=0, abs_=0,
                  what="the years 1985-1996 with no exercise between New Zealand and the US",
                  hints={"Count the years with zero exercises, not the years with some.":
                         len(p) - zero_years})


def _aus_opinion_low(answer):
    from . import number
    from ..data import load
    o = load("opinion", countries="AUS").dropna(subset=["pct_favorable_us"])
    low = o.loc[o["pct_favorable_us"].idxmin()]
    high = o.loc[o["pct_favorable_us"].idxmax()]
    return number(answer, int(low["year"]), rel=0, abs_=0,
                  what="the survey year with the lowest favourable view of the US in Australia",
                  hints={"That is the highest value; sort the other way.": int(high["year"]),
                         f"{low['pct_favorable_us']} is the share; the question asks for the year.":
                         float(low["pct_favorable_us"])})


def _aus_mode_change(answer):
    from . import choice
    from ..profiles import alliance_support
    notes = " ".join(alliance_support()["note"].dropna())
    if "mode" not in notes:  # the exercise rests on the documented change of survey mode
        raise ValueError("the surveys table no longer documents the Lowy change of survey mode")
    return choice(answer, "b", ["a", "b", "c", "d"],
                  explain="The direction is clear, but the Lowy poll changed its survey mode in "
                          "2024, so the size of the change mixes opinion and method.")


# ---- 08_japan --------------------------------------------------------------------------------

def _jpn_first_un_year(answer):
    from . import number
    from ..profiles import first_un_year
    return number(answer, first_un_year("JPN"), rel=0, abs_=0,
                  what="the first year with a UN agreement score for Japan",
                  hints={"1946 is the first year of the table for the founding members; Japan was "
                         "not one of them.": 1946,
                         "Japan was admitted to the UN in December 1956, but its first recorded "
                         "vote came in the next calendar year.": 1956,
                         "1952 is when Japan regained its sovereignty, not when it joined the UN.": 1952})


def _jpn_trade_peak(answer):
    from . import number
    from ..data import load
    from ..profiles import trade_peak
    year, share = trade_peak("JPN")
    hist = load("trade_history", countries="JPN", years=year)["trade_share_pct"].item()
    return number(answer, share, rel=0.005, what=f"Japan's share of US goods trade in {year}",
                  unit=" %",
                  hints={f"{year} is the peak year; the question asks for the share in percent.": year,
                         "That is the TRADHIST share; use the Census `trade` table as asked.": hist,
                         "Give the share in percent (0-100), not as a proportion.": share / 100})


def _jpn_troops_rank(answer):
    from . import number
    from ..profiles import top_hosts
    t = top_hosts(2024, 300, territories=True)
    rank = int(t.loc[t["iso3"] == "JPN", "rank"].item())
    return number(answer, rank, rel=0, abs_=0, what="Japan's rank among hosts of US troops in 2024",
                  hints={"Rank 1 should be the largest host: sort with ascending=False.": len(t)})


def _jpn_coauthor_change(answer):
    from . import number
    from ..data import load
    c = load("coauthorship", countries="JPN").set_index("year")["share_of_us_articles_pct"]
    change = float(c[2020] - c[1996])
    return number(answer, change, abs_=0.005, rel=0,
                  what="the change in Japan's share from 1996 to 2020, in percentage points",
                  unit=" points",
                  hints={"The share fell, so the change is negative.": -change,
                         "That is the change in percent of the 1996 value; the question asks for "
                         "percentage points.": 100 * change / float(c[1996])})


def _jpn_why_1957(answer):
    from . import choice
    return choice(answer, "b", ["a", "b", "c", "d"],
                  explain="Japan was admitted to the United Nations in December 1956 and cast its "
                          "first recorded General Assembly vote in January 1957. The years before "
                          "are not missing data: Japan was not yet a member.")


EXERCISES = {
    "06.1": _uk_troops_peak,
    "06.2": _uk_ahead_of_rivals,
    "06.3": _uk_fdi_rank,
    "06.4": _uk_exercise_lead,
    "06.5": _uk_versus_g7,
    "07.1": _aus_students_rank,
    "07.2": _aus_exercises_total,
    "07.3": _aus_nzl_gap,
    "07.4": _aus_opinion_low,
    "07.5": _aus_mode_change,
    "08.1": _jpn_first_un_year,
    "08.2": _jpn_why_1957,
    "08.3": _jpn_trade_peak,
    "08.4": _jpn_troops_rank,
    "08.5": _jpn_coauthor_change,
}
