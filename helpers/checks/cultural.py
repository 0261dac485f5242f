"""Exercises of 05_cultural: students, co-authorship and opinion of the US abroad.

Every expected answer is computed from the data when the check runs.
"""
from __future__ import annotations

LAST_ACADEMIC_YEAR = 2022  # 2022/23, the last year of the `students` table
UK_YEARS = (2016, 2017)    # Obama's last survey year, Trump's first


def _e1(answer):
    """05.1: the largest place of origin of students in the US in 2022/23."""
    from . import Feedback, country_code
    from ..countries import CountryError, country, name
    from ..cultural import top_origins
    top = top_origins(LAST_ACADEMIC_YEAR, 2)
    first, second = top["iso3"].tolist()
    try:
        code = country(answer)
    except CountryError:
        code = None
    if code == second:
        return Feedback(False, f"{name(second)} is a close second in 2022/23. Sort the table by "
                               "`students`, largest first, and keep only `year == 2022`.")
    if code is not None and code != first:
        return Feedback(False, f"{name(code)} is not the largest. Did you filter on `year == 2022` "
                               "(the academic year 2022/23) and sort by `students`, largest first?")
    return country_code(answer, first, what="the largest place of origin in 2022/23")


def _e2(answer):
    """05.2: the top origin per million inhabitants among countries of 10 million people or more."""
    from . import Feedback, country_code
    from ..countries import CountryError, country, name
    from ..cultural import top_origins
    expected = top_origins(LAST_ACADEMIC_YEAR, 1, per_capita=True, min_population=10_000_000)["iso3"].item()
    no_filter = top_origins(LAST_ACADEMIC_YEAR, 5, per_capita=True)["iso3"].tolist()
    by_count = top_origins(LAST_ACADEMIC_YEAR, 2)["iso3"].tolist()
    try:
        code = country(answer)
    except CountryError:
        code = None
    if code in no_filter and code != expected:
        return Feedback(False, f"{name(code)} has fewer than 10 million people. Keep only rows with "
                               "`population >= 10_000_000` before sorting.")
    if code in by_count and code != expected:
        return Feedback(False, f"{name(code)} sends the most students in total, but it has a very "
                               "large population. Divide by the population (per million inhabitants).")
    return country_code(answer, expected,
                        what="the top origin per million inhabitants (10 million people or more)")


def _e3(answer):
    """05.3: the change in the UK's favourable view of the US from 2016 to 2017, in points."""
    from . import number
    from ..data import load
    uk = load("opinion", countries="GBR").set_index("year")["pct_favorable_us"]
    before, after = (uk[y] for y in UK_YEARS)
    change = after - before
    return number(answer, change, rel=0, abs_=0.55, what="the change in percentage points",
                  unit=" points", hints={
                      "Subtract the earlier year from the later one: a fall is a negative number.": -change,
                      "That is the relative change in percent. The question asks for the difference "
                      "in percentage points (2017 minus 2016).": 100 * change / before,
                  })


def _e4(answer):
    """05.4: for China, which direction of co-authorship is the larger share?"""
    from . import Feedback, choice
    from ..data import load
    china = load("coauthorship", countries="CHN")
    us_side = china.dropna(subset=["share_of_us_articles_pct"]).sort_values("year").iloc[-1]
    partner = china.dropna(subset=["partner_articles_with_us_pct"]).sort_values("year").iloc[-1]
    larger = ("partner side" if partner["partner_articles_with_us_pct"] > us_side["share_of_us_articles_pct"]
              else "US side")
    options = ["US side", "partner side"]
    if isinstance(answer, str) and answer.strip() in ("share_of_us_articles_pct", "partner_articles_with_us_pct"):
        answer = "US side" if answer.strip() == "share_of_us_articles_pct" else "partner side"
    fb = choice(answer, larger, options, explain=(
        f"In {partner['year']}, {partner['partner_articles_with_us_pct']:.1f}% of China's international "
        f"articles had a US co-author, while in {us_side['year']} China took part in "
        f"{us_side['share_of_us_articles_pct']:.1f}% of US international articles. Both count the same "
        "joint articles; the partner side divides them by China's international articles, and the "
        "US side by the larger number of US international articles."))
    if not fb.ok and isinstance(answer, str) and answer.strip().casefold() in {o.casefold() for o in options}:
        return Feedback(False, "Compare China's latest value in each column of `coauthorship`. Both "
                               "shares have the same numerator (the joint articles): which denominator "
                               "is smaller?")
    return fb


def _e5(answer):
    """05.5: is the Obama-to-Trump drop larger or smaller in the fixed panel than among all surveyed?"""
    from . import Feedback, choice
    from ..cultural import favourable_by_administration
    t = favourable_by_administration()
    drop_all = t.loc["Obama", "all_surveyed"] - t.loc["Trump", "all_surveyed"]
    drop_fixed = t.loc["Obama", "fixed_panel"] - t.loc["Trump", "fixed_panel"]
    expected = "larger" if drop_fixed > drop_all + 0.5 else "smaller" if drop_fixed < drop_all - 0.5 else "the same"
    options = ["larger", "smaller", "the same"]
    fb = choice(answer, expected, options, explain=(
        f"The average fell by {drop_all:.1f} points among all countries surveyed, but by "
        f"{drop_fixed:.1f} points among the same countries. Many countries with low opinions of the "
        "US were surveyed under Obama and not later, which pulled Obama's all-country average down."))
    if not fb.ok and isinstance(answer, str) and answer.strip().casefold() in options:
        return Feedback(False, "Compute, for each column of `favourable_by_administration()`, Obama's "
                               "value minus Trump's, and compare the two differences.")
    return fb


EXERCISES = {"05.1": _e1, "05.2": _e2, "05.3": _e3, "05.4": _e4, "05.5": _e5}
