"""Exercises of 03_economic: trade, trade dependence, direct investment, trade and alignment.

Every expected value is computed from the data when the check runs.
"""
from __future__ import annotations

# The building blocks (Feedback, number, choice, country_code) are imported inside each check:
# this module is imported while helpers.checks itself is still loading.

LAST_TRADE_YEAR = 2022   # the year the exercises ask about (the last year of `trade`)


def _code_or_none(answer):
    """The ISO code of a country answer, or None when it is not a country at all."""
    from ..countries import CountryError, country
    try:
        return country(answer)
    except CountryError:
        return None


def _e1(answer):
    """The largest US goods trade partner in the last year of `trade` (exports + imports)."""
    from . import Feedback, country_code
    from ..economic import goods_trade
    year = goods_trade(years=LAST_TRADE_YEAR)
    by_trade = year.sort_values("trade_musd", ascending=False)["iso3"].tolist()
    by_imports = year.sort_values("imports_musd", ascending=False)["iso3"].iloc[0]
    by_exports = year.sort_values("exports_musd", ascending=False)["iso3"].iloc[0]
    expected = by_trade[0]
    code = _code_or_none(answer) if isinstance(answer, str) else None
    if code is not None and code != expected:
        if code == by_imports:
            return Feedback(False, "That is the largest source of US *imports*. Trade counts both "
                                   "directions: add exports_musd and imports_musd, then sort.")
        if code == by_exports:
            return Feedback(False, "That is the largest buyer of US *exports*. Trade counts both "
                                   "directions: add exports_musd and imports_musd, then sort.")
        if code in by_trade[1:3]:
            return Feedback(False, "Close: that partner is in the top three, but not first. Check "
                                   f"that you kept only {LAST_TRADE_YEAR} and sorted by exports + imports.")
    # (no proper nouns in `what`: the shared feedback capitalises it with str.capitalize)
    return country_code(answer, expected, what=f"the largest goods trade partner in {LAST_TRADE_YEAR}")


def _e2(answer):
    """How many times larger the UK's share of US trade was in 1900 than in 2014 (TRADHIST)."""
    from . import number
    from ..data import load
    uk = load("trade_history", countries="GBR").set_index("year")
    ratio = uk.loc[1900, "trade_share_pct"] / uk.loc[2014, "trade_share_pct"]
    exports = uk.loc[1900, "exports_share_pct"] / uk.loc[2014, "exports_share_pct"]
    imports = uk.loc[1900, "imports_share_pct"] / uk.loc[2014, "imports_share_pct"]
    return number(answer, ratio, rel=0.01, what="the ratio of the two shares", hints={
        "That is 2014 divided by 1900: divide the 1900 share by the 2014 share.": 1 / ratio,
        "That ratio uses export shares only; use trade_share_pct (exports + imports).": exports,
        "That ratio uses import shares only; use trade_share_pct (exports + imports).": imports,
        "That is the difference of the shares in percentage points; the question asks for a "
        "ratio (1900 share ÷ 2014 share).": uk.loc[1900, "trade_share_pct"] - uk.loc[2014, "trade_share_pct"],
    })


def _canada():
    from ..economic import dependence
    return dependence("CAN", LAST_TRADE_YEAR).iloc[0]


def _e3(answer):
    """The weak link of the US-Canada dyad in the last trade year, as a proportion."""
    from . import number
    row = _canada()
    return number(answer, row["weak_link"], rel=0.01, what="the weak link", hints={
        "That is the weak link in percent. Give it as a proportion (divide by 100).":
            100 * row["weak_link"],
        "That is Canada's dependence on the US, the larger of the two. The weak link is the "
        "smaller one.": row["partner_dependence"],
        "That is Canada's dependence in percent, and it is the larger of the two: the weak link "
        "is the smaller one, as a proportion.": 100 * row["partner_dependence"],
        "Check the units: trade and GDP are both in millions of US dollars, so the ratio needs "
        "no conversion.": row["weak_link"] / 1000,
    })


def _e4(answer):
    """Whose dependence is larger in the US-Japan dyad: Japan's on the US, or the US's on Japan?"""
    from . import choice
    from ..economic import dependence
    row = dependence("JPN", LAST_TRADE_YEAR).iloc[0]
    expected = "Japan" if row["partner_dependence"] > row["us_dependence"] else "United States"
    options = ["Japan", "United States"]
    code = _code_or_none(answer) if isinstance(answer, str) else None
    if code in ("JPN", "USA"):
        answer = {"JPN": "Japan", "USA": "United States"}[code]
    return choice(answer, expected, options, explain=(
        "Japan's goods trade with the US is a larger share of Japan's economy than of the US "
        "economy, because the same trade is divided by a smaller GDP: the ratio of the two "
        "dependences is the ratio of the two GDPs. The US side is the weak link."))


def _e5(answer):
    """The largest direct investor in the US in 2019 (the partner's position in the US)."""
    from . import Feedback, country_code
    from ..economic import fdi_ranking
    top = fdi_ranking(2019, n=3)["iso3"].tolist()
    code = _code_or_none(answer) if isinstance(answer, str) else None
    if code is not None and code != top[0] and code in top[1:]:
        return Feedback(False, "That partner is among the largest, but not first in 2019. Keep "
                               "year 2019 and sort fdi_in_us_position_musd from largest to smallest.")
    return country_code(answer, top[0], what="the largest direct investor in 2019")


CHINA_OPTIONS = {
    "a": "China trades with the US more than almost any partner, and agrees with it at the UN "
         "as often as the US's treaty allies do.",
    "b": "China is one of the largest US trade partners, yet agrees with the US at the UN less "
         "often than most of the US's treaty allies and has no defence pledge with it.",
    "c": "China's trade with the US is too small to show up among the largest partners.",
}


def _e6(answer):
    """An interpretation of China's place in the scatter of trade against UN agreement."""
    from . import choice
    from ..economic import trade_vs_agreement
    d = trade_vs_agreement(2019)
    china = d.set_index("iso3").loc["CHN"]
    allies = d.loc[d["defence_pledge"], "agreement"]
    if china["trade_rank"] > 10:
        expected = "c"
    elif china["agreement"] >= allies.median():
        expected = "a"
    else:
        expected = "b"
    if isinstance(answer, str):
        answer = answer.strip().strip("()").strip()
    return choice(answer, expected, list(CHINA_OPTIONS), explain=(
        "Trade and political alignment are different pillars: the data put China near the top "
        "for trade and well below most treaty allies on UN agreement, with no defence pledge."))


EXERCISES = {"03.1": _e1, "03.2": _e2, "03.3": _e3, "03.4": _e4, "03.5": _e5, "03.6": _e6}
