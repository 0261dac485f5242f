"""Exercises of 12_domestic_politics: presidents, parties and the partners' own politics.

Every expected answer is computed from the data when the check runs.
"""
from __future__ import annotations

import re

NATO = "NATO allies"


def _e1(answer):
    """12.1: the administration under which NATO allies agreed least with the US at the UN."""
    from . import Feedback
    from ..politics import by_administration, find_presidency
    table = by_administration("agreement", NATO)
    lowest, highest = table["value"].idxmin(), table["value"].idxmax()
    second = table["value"].nsmallest(2).index[-1]
    if not isinstance(answer, str):
        return Feedback(False, "Answer with a president's name, as a string: e.g. \"Reagan\".")
    try:
        picked = find_presidency(answer).label
    except LookupError as err:
        return Feedback(False, str(err))
    if picked == lowest:
        return Feedback(True, f"Under {lowest} ({table.loc[lowest, 'first_year']}–"
                              f"{table.loc[lowest, 'last_year']}) NATO allies' average agreement was "
                              f"{table.loc[lowest, 'value']:.2f}, the lowest of any administration.")
    if picked == highest:
        return Feedback(False, f"{picked} is where agreement was *highest*. Sort the `value` column "
                               "from smallest to largest.")
    if picked == second:
        return Feedback(False, f"{picked} comes close, but one administration is lower still. Use "
                               "`table['value'].idxmin()`.")
    if picked not in table.index:
        return Feedback(False, f"The UN votes end in 2019, so {picked} has no average in this table.")
    return Feedback(False, f"{picked} is not the lowest. Sort the table by `value` and read the first row.")


def _e2(answer):
    """12.2: how many of 1963's roll calls were held after Johnson took office."""
    from . import number
    from ..data import load
    from ..politics import find_presidency
    rc = load("un_roll_calls", years=1963)
    start = find_presidency("Johnson").took_office
    after = int((rc["date"].dt.date >= start).sum())
    return number(answer, after, rel=0, abs_=0.01, what="the number of roll calls from 22 November 1963 on",
                  hints={
                      "That is every roll call of 1963. Keep only those dated on or after 22 November.": len(rc),
                      "That counts the roll calls *before* Johnson took office, under Kennedy.": len(rc) - after,
                  })


def _e3(answer):
    """12.3: the change in NATO allies' favourable view from Obama to Trump I (fixed panel)."""
    from . import number
    from ..politics import by_administration
    fixed = by_administration("favourable", NATO, "fixed")["value"]
    every = by_administration("favourable", NATO, "all")["value"]
    change = fixed["Trump I"] - fixed["Obama"]
    return number(answer, change, rel=0, abs_=0.15, unit=" points",
                  what="the change from Obama to Trump I (same countries throughout)", hints={
                      "Right size, wrong sign: the change is the later value minus the earlier one, "
                      "and opinion fell.": -change,
                      "That is the change among all NATO allies surveyed, a group whose countries differ "
                      "between presidents. Use `panel=\"fixed\"`.": every["Trump I"] - every["Obama"],
                  })


def _e4(answer):
    """12.4: of the times a Republican replaced a Democrat, in how many did NATO allies' agreement fall?"""
    from . import number
    from ..politics import by_administration, party_shift
    shift = party_shift(by_administration("agreement", NATO))
    expected = int(shift.loc["Republican", "went_down"])
    return number(answer, expected, rel=0, abs_=0.01, what="the number of falls", hints={
        "That is the number of times a *Democrat* replaced a Republican. Look at the row "
        "`Republican` of `party_shift`.": int(shift.loc["Democratic", "changes"]),
        "That counts the falls after Democratic takeovers. Look at the row `Republican`.":
            int(shift.loc["Democratic", "went_down"]),
    })


def _e5(answer):
    """12.5: was France's jump in agreement around 2009 specific to France or shared by its allies?"""
    from . import Feedback, choice
    from ..politics import event_effects
    e = event_effects().set_index("year").loc[2009]
    shared = abs(e["difference"]) < 0.5 * abs(e["group_change"])
    expected = "shared" if shared else "France-specific"
    options = ["shared", "France-specific"]
    fb = choice(answer, expected, options, explain=(
        f"France's agreement rose by {e['partner_change']:+.2f} and the other NATO allies' by "
        f"{e['group_change']:+.2f}: the difference is only {e['difference']:+.2f}. Most of the rise "
        "came with the change of US administration in 2009, not with France's own decision."))
    if not fb.ok and isinstance(answer, str) and answer.strip().casefold() in {o.casefold() for o in options}:
        return Feedback(False, "Compare `partner_change` with `group_change` in the 2009 row of "
                               "`politics.event_effects()`: did the other allies move as much?")
    return fb


def _e6(answer):
    """12.6: which two consecutive Lowy results straddle the change of survey mode?"""
    from . import Feedback
    from ..data import load
    lowy = load("surveys")
    lowy = lowy[lowy["survey"] == "Lowy Institute Poll"].sort_values("year")
    years = lowy["year"].tolist()
    changed = lowy.loc[lowy["note"].fillna("").str.contains("mode"), "year"].min()
    before = max(y for y in years if y < changed)
    if isinstance(answer, str):
        picked = [int(y) for y in re.findall(r"\d{4}", answer)]
    elif isinstance(answer, (tuple, list)) and all(isinstance(y, (int, float)) for y in answer):
        picked = [int(y) for y in answer]
    else:
        return Feedback(False, "Answer with two years, e.g. `(2007, 2019)` or \"2007-2019\".")
    if len(picked) != 2:
        return Feedback(False, f"Give exactly two survey years; you gave {len(picked)}.")
    picked = sorted(picked)
    if any(y not in years for y in picked):
        return Feedback(False, f"The Lowy rows of the surveys table are for {', '.join(map(str, years))}.")
    if picked == [before, changed]:
        return Feedback(True, f"{before} was asked the old way and {changed} the new way, so the rise "
                              "between them mixes a change of opinion with a change of method. "
                              f"{years[0]}–{before} and {changed}–{years[-1]} each compare like with like.")
    if picked[0] < changed <= picked[1]:
        return Feedback(False, "Those two do straddle the change, but they are not consecutive results. "
                               "Which two results sit next to each other on either side of it?")
    return Feedback(False, "Those two results were collected the same way. Read the `note` column: "
                           "in which year did the method change?")


EXERCISES = {"12.1": _e1, "12.2": _e2, "12.3": _e3, "12.4": _e4, "12.5": _e5, "12.6": _e6}
