"""Exercises of 00_start_here."""
from __future__ import annotations


def _e1(answer):
    from . import number
    from ..data import datasets
    return number(answer, len(datasets()), rel=0, abs_=0.5, what="the number of datasets",
                  hints={"Count the rows of `helpers.datasets()`, not its columns.": 6})


def _e2(answer):
    from . import country_code
    from ..data import load
    economy = load("economy", years=2023)
    economy = economy[economy["iso3"] != "USA"]
    top = economy.sort_values("gdp_musd", ascending=False).iloc[0]["iso3"]
    return country_code(answer, top, what="the largest economy after the United States in 2023")


def _e3(answer):
    from . import number
    from ..data import coverage
    first, _ = coverage("un_roll_calls")
    return number(answer, first, rel=0, abs_=0, what="the first year of the UN roll calls")


def _e4(answer):
    from . import choice
    return choice(answer, "economic", ["diplomatic", "economic", "security", "cultural"],
                  explain="Trade in goods is an economic tie.")


EXERCISES = {"00.1": _e1, "00.2": _e2, "00.3": _e3, "00.4": _e4}
