"""Exercises of 01_history. Every expected value is computed from the data, never typed in.

The building blocks (`number`, `choice`, `Feedback`) are imported inside each check: this
module is loaded while `helpers.checks` itself is still being set up.
"""
from __future__ import annotations


def _said(fb, message: str):
    """Replace the success message of a shared check (it lower-cases names, adds commas to years)."""
    if fb.ok:
        fb.message = message
    return fb


def _e1(answer):
    """01.1: partners with a US defence pledge in 2018 (ATOP)."""
    from . import number
    from ..data import load
    a = load("alliances", years=2018)
    expected = int(a["defense"].eq(1).sum())
    return _said(number(answer, expected, rel=0, abs_=0, what="the number of partners", hints={
                      "That counts every partner with any alliance, including consultation and "
                      "non-aggression pledges. Keep only the rows where `defense` is 1.": len(a),
                      "That counts the partners with a consultation pledge. Use the `defense` "
                      "column.": int(a["consultation"].eq(1).sum()),
                      "That counts the non-aggression pledges. Use the `defense` column.":
                          int(a["nonaggression"].eq(1).sum()),
                  }), f"In 2018, {expected} partners held a defence pledge from the United States: "
                      "the NATO allies, most states of the Americas, and the treaty allies in Asia "
                      "and the Pacific.")


def _e2(answer):
    """01.2: first observation year with a US ambassador in Japan (COW)."""
    from . import number
    from ..history import first_ambassador
    row = first_ambassador(["JPN"]).iloc[0]
    expected = int(row["first_ambassador"])
    from ..data import load
    d = load("diplomacy", countries="JPN")
    later = d[(d["us_in_partner"].astype(str) == "ambassador") & (d["year"] > 1945)]["year"]
    hints = {
        "That is the year of the data's first observation of Japan, when the United States "
        "had a minister there, not yet an ambassador.": int(row["first_observed"]),
        "That is the last observation BEFORE the upgrade. Look for the first row where "
        "`us_in_partner` is 'ambassador'.": int(row["last_known_below"]),
    }
    if not later.empty:
        hints["That is the first ambassador after the Second World War. Look at the whole "
              "series: was there an ambassador in Tokyo before the war?"] = int(later.iloc[0])
    fb = _said(number(answer, expected, rel=0, abs_=0, what="the year", hints=hints),
               f"The data first observe a US ambassador in Tokyo in {expected}; the previous "
               f"observation, {int(row['last_known_below'])}, still has a minister.")
    if not fb.ok and _is_number(answer) and int(row["last_known_below"]) < float(answer) < expected:
        fb.message = ("That year may be right in history, but the data only observe every five "
                      "years: give the first OBSERVATION year with an ambassador.")
    return fb


def _is_number(x) -> bool:
    try:
        float(x)
    except (TypeError, ValueError):
        return False
    return True


def _e3(answer):
    """01.3: days from the 1778 alliance to the Convention of 1800's entry into force."""
    from . import Feedback, number
    from ..history import french_alliance_days
    expected = french_alliance_days("in_force")
    signed = french_alliance_days("signed")
    if _is_number(answer) and 15 <= float(answer) <= 30:
        return Feedback(False, "That looks like a number of years. The question asks for days: "
                               "subtract the two dates and take `.days`.")
    return _said(number(answer, expected, rel=0, abs_=1, what="the number of days", hints={
        "That counts to the day the Convention was SIGNED (the `date` column). The question asks "
        "for the day it entered into force (the `in_force` column).": signed,
    }), f"{expected:,} days, about {expected / 365.25:.1f} years. Counting only to the Convention's signature gives "
        f"{signed:,} days: say which end you mean.")


OPTIONS_4 = {
    "Treaty of Alliance with France": "That is the alliance the tradition grew out of: it was "
        "made in wartime, and its troubles taught the founders to avoid lasting alliances.",
    "Declaration by United Nations": "That bound the United States to its allies for the "
        "duration of a war it was already fighting, not in peacetime.",
    "Rio Treaty": "Close: it was made in peacetime, two years before NATO, and the alliance data "
        "show it. But it bound the United States to the other American republics, inside the "
        "Western Hemisphere that the Monroe Doctrine already claimed. Washington's and "
        "Jefferson's warnings were about being drawn into Europe's quarrels.",
    "North Atlantic Treaty": "",
}


def _e4(answer):
    """01.4: which event first broke the rule against peacetime alliances with Europe."""
    from . import Feedback
    from ..data import load
    tl = load("timeline")
    nato = tl.loc[tl["title"] == "North Atlantic Treaty signed"].iloc[0]
    options = list(OPTIONS_4)
    if not isinstance(answer, str):
        return Feedback(False, f"Answer with one of: {', '.join(repr(o) for o in options)}.")
    norm = {o.casefold(): o for o in options}.get(answer.strip().casefold())
    if norm is None:
        return Feedback(False, f"{answer!r} is not one of the options: "
                               f"{', '.join(repr(o) for o in options)}.")
    if norm == "North Atlantic Treaty":
        return Feedback(True, f"Signed on {nato['date'].day} {nato['date']:%B %Y}, it bound the United States in "
                              "peacetime, with no end date, to defend European states: the "
                              "first permanent peacetime alliance of its kind.")
    return Feedback(False, OPTIONS_4[norm])


def _e5(answer):
    """01.5: first year after France's exit with fewer than 1,000 US troops in France."""
    from . import number
    from ..data import load
    tl = load("timeline")
    exit_year = int(tl.loc[tl["title"] == "France leaves NATO's integrated military command",
                           "year"].iloc[0])
    t = load("troops", countries="FRA").set_index("year")["troops"]
    t = t[t.index >= exit_year]
    expected = int(t[t < 1000].index.min())
    return _said(number(answer, expected, rel=0, abs_=0, what="the year", hints={
        "That is the year of France's announcement; the troops left over the following year. "
        "Look for the first year with fewer than 1,000.": exit_year,
        "In that year there were still more than 1,000. Look one row further.": expected - 1,
    }), f"In {expected} the data count {int(t[expected]):,} US troops in France, down from "
        f"{int(t[exit_year]):,} in {exit_year}.")


EXERCISES = {"01.1": _e1, "01.2": _e2, "01.3": _e3, "01.4": _e4, "01.5": _e5}
