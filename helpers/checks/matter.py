"""Exercises of 10_why_partnerships_matter. Every expected answer is computed from the data."""
from __future__ import annotations

THREE = ("GBR", "AUS", "NZL")


def _proportion_hint(expected: float) -> dict[str, float]:
    message = "That looks like a proportion (0–1); give the answer as a percentage (0–100)."
    return {message: expected / 100}


def _e1(answer):
    from . import number
    from ..matter import agenda_effects, close_group, roll_call_outcomes
    expected = float(agenda_effects(close_group("nato")).loc["1980s", "US won %"])
    out = roll_call_outcomes()
    eighties = out[out["year"].between(1980, 1989)]
    hints = {"That divides by every roll call of the 1980s, including those on which the US "
             "abstained or did not vote; count only the roll calls where it voted yes or no.":
             100 * float(eighties["us_won"].fillna(False).astype(bool).sum()) / len(eighties),
             "That is the share the US *lost*; the question asks how often it won.": 100 - expected}
    hints.update(_proportion_hint(expected))
    return number(answer, expected, rel=0, abs_=0.5, unit="%",
                  what="the share of 1980s roll calls the US won", hints=hints)


def _e2(answer):
    from . import number
    from ..matter import agenda_effects, close_group
    table = agenda_effects(close_group("five_eyes"))
    expected = int(table.loc["all", "decided for US"])
    nato = int(agenda_effects(close_group("nato")).loc["all", "decided for US"])
    both = expected + int(table.loc["all", "decided against US"])
    hints = {}
    if nato != expected:
        hints["That is the number for NATO. Build the group with close_group(\"five_eyes\")."] = nato
    if both != expected:
        hints["That counts the roll calls decided against the US too; the question asks only "
              "about those decided in its favour."] = both
    return number(answer, expected, rel=0, abs_=0.5, hints=hints,
                  what="the number of roll calls the Five Eyes decided for the US")


AGENDA = {
    "a": "",
    "b": "Every member state votes for itself in the General Assembly: `un_votes` has one row "
         "per state and roll call, and NATO has no seat of its own.",
    "c": "Under the rule used here abstentions do not count at all: a roll call passes when "
         "yes > no.",
    "d": "Look at the column `US won %`: since the 1970s the US has lost most roll calls.",
}


def _e3(answer):
    from . import Feedback, choice
    fb = choice(answer, "a", list(AGENDA),
                explain="Since the 1970s the roll calls the US lost were typically lost by over a "
                        "hundred votes, while at most a few dozen NATO members voted: a small bloc cannot "
                        "turn a landslide.")
    if not fb.ok and isinstance(answer, str) and answer.strip().casefold() in AGENDA:
        return Feedback(False, AGENDA[answer.strip().casefold()])
    return fb


def _e4(answer):
    from . import number
    from ..matter import close_group, prosperity_effects
    p = prosperity_effects(close_group("hand", countries=THREE)).loc[2022]
    expected = float(p["group_trade_pct_gdp"])
    five_eyes = float(prosperity_effects(close_group("five_eyes")).loc[2022, "group_trade_pct_gdp"])
    hints = {"That is the value for all the Five Eyes, Canada included. Make a group of the "
             "United Kingdom, Australia and New Zealand only.": five_eyes,
             "That is the value for all the *other* partners (`others_trade_pct_gdp`); the question "
             "asks about the group (`group_trade_pct_gdp`).": float(p["others_trade_pct_gdp"])}
    hints.update(_proportion_hint(expected))
    return number(answer, expected, rel=0, abs_=0.05, unit="%", hints=hints,
                  what="US trade as a share of the three partners' GDP in 2022")


def _e5(answer):
    from . import number
    from ..matter import alliance_network
    row = alliance_network().loc[2018]
    expected = float(row["with_us_gdp_share_pct"])
    hints = {"That leaves the United States out (`gdp_share_pct`); the question asks for the US "
             "together with its partners.": float(row["gdp_share_pct"]),
             "That is the share of the world's population, not of its GDP.":
             float(row["with_us_population_share_pct"])}
    hints.update(_proportion_hint(expected))
    return number(answer, expected, rel=0, abs_=0.5, unit="%", hints=hints,
                  what="the share of world GDP held by the US and its defence partners in 2018")


CAUSE = {
    "a": "The tables show that partnership and trade go together for some groups, not why. "
         "Neighbours, wealth and history can drive both; a table of who trades with whom cannot "
         "tell cause from effect.",
    "b": "The data cannot show the direction either way: an association between trade and "
         "alliance fits both stories, and others.",
    "c": "",
    "d": "Compare the two trade lines for the Five Eyes: they trade more with the US relative to "
         "their GDP than other partners do.",
}


def _e6(answer):
    from . import Feedback, choice
    fb = choice(answer, "c", list(CAUSE),
                explain="An association is not a cause: to test one you would compare countries "
                        "that joined an alliance with similar countries that did not, before and "
                        "after (Exercise 7).")
    if not fb.ok and isinstance(answer, str) and answer.strip().casefold() in CAUSE:
        return Feedback(False, CAUSE[answer.strip().casefold()])
    return fb


EXERCISES = {"10.1": _e1, "10.2": _e2, "10.3": _e3, "10.4": _e4, "10.5": _e5, "10.6": _e6}
