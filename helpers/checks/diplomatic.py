"""Exercises of 02_diplomatic: voting with the United States at the UN.

Every expected answer is computed here from the collection's tables, never typed in.
"""
from __future__ import annotations

# The questions as the notebook asks them (kept here so the checks and the notebook agree).
UK_YEAR = 1985                                                     # 02.1
VOTES_ONLY_YEAR = 2019                                             # 02.2
VOTES_ONLY_SET = ("AUS", "MHL", "GBR", "FRA", "JPN")
ISSUE_PARTNER, ISSUE_YEARS = "CAN", (2000, 2019)                   # 02.6
KAPPA_OPTIONS = ["A", "B", "C", "D"]                               # 02.4
KAPPA_HINTS = {
    "A": "Both measures treat an abstention the same way: half way between yes and no. Kappa's "
         "weights are squared, but that does not make an abstention a full disagreement.",
    "C": "Absences are left out of every measure in this notebook, agreement included, so they "
         "cannot explain why kappa is lower.",
    "D": "Kappa here is computed on all roll calls, exactly the same ones as agreement.",
}


def _votes_of(year: int, states: list[str]):
    from ..data import load
    calls = load("un_roll_calls", years=year)["rcid"]
    votes = load("un_votes", countries=states)
    votes = votes[votes["rcid"].isin(calls)]
    return votes.pivot(index="rcid", columns="iso3", values="vote")


def _e1(answer):
    """02.1: the UK's agreement with the US in 1985, computed from the raw votes."""
    from ..data import load
    from ..measures import agreement, votes_only
    from . import Feedback, number
    side = _votes_of(UK_YEAR, ["GBR", "USA"]).dropna()
    expected = agreement(side["GBR"], side["USA"])
    same = float((side["GBR"] == side["USA"]).mean())
    later = load("un_agreement", countries="GBR", years=2019)["agreement"].item()
    hints = {
        "That is the share of identical votes only. Agreement also gives half a point when exactly "
        "one of the two abstained.": same,
        "That is the votes-only share (abstentions left out). Agreement keeps every roll call on "
        "which both voted and gives half a point when exactly one abstained.":
            votes_only(side["GBR"], side["USA"]),
        f"That is the UK's agreement in 2019, the example above. Keep the roll calls of "
        f"{UK_YEAR} instead.": later,
    }
    try:
        if 1 < float(answer) <= 100 and abs(float(answer) / 100 - expected) < 0.0015:
            return Feedback(False, "Give the agreement as a share between 0 and 1, not a percentage.")
    except (TypeError, ValueError):
        pass  # number() explains what kind of value is needed
    return number(answer, expected, rel=0, abs_=0.0015, what=f"the agreement in {UK_YEAR}",
                  hints=hints)


def _e2(answer):
    """02.2: which of a set of partners had the highest votes-only share in 2019."""
    from ..countries import CountryError, country, name
    from ..data import load
    from . import Feedback
    table = load("un_agreement", countries=list(VOTES_ONLY_SET), years=VOTES_ONLY_YEAR).set_index("iso3")
    best = table["votes_only"].idxmax()
    by_agreement = table["agreement"].idxmax()
    try:
        code = country(answer)
    except CountryError as err:
        return Feedback(False, str(err))
    listed = ", ".join(name(c) for c in VOTES_ONLY_SET)
    if code == best:
        return Feedback(True, f"{name(best)} had the highest votes-only share in {VOTES_ONLY_YEAR} "
                              f"({table.loc[best, 'votes_only']:.3f}).")
    if code not in VOTES_ONLY_SET:
        return Feedback(False, f"{name(code)} is not one of the partners asked about: {listed}.")
    if code == by_agreement:
        return Feedback(False, f"{name(code)} has the highest *agreement*, which gives half credit "
                               "for abstentions. Sort by the votes_only column instead.")
    return Feedback(False, f"{name(code)} is not the highest. Sort the five rows by votes_only.")


def _gaps():
    from ..data import load
    ip = load("un_ideal_points")
    by_year = ip.groupby("year")
    us = by_year["us_ideal_point"].first()
    return us, us - by_year["ideal_point"].median(), us - by_year["ideal_point"].mean()


def _e3(answer):
    """02.3: the year the US ideal point was farthest from the median member's."""
    from . import number
    us, gap, gap_mean = _gaps()
    expected = int(gap.idxmax())
    hints = {}
    if int(us.idxmax()) != expected:
        hints["In that year the US ideal point was at its highest. The question is about the "
              "distance between the US and the median state, which also depends on where the "
              "median was."] = int(us.idxmax())
    if int(gap_mean.idxmax()) != expected:
        hints["That is where the US is farthest from the *mean* state; use the median."] = \
            int(gap_mean.idxmax())
    if int(gap.idxmin()) != expected:
        hints["That is the year the US was *closest* to the median state."] = int(gap.idxmin())
    feedback = number(answer, expected, rel=0, abs_=0, what="the year of the largest gap",
                      hints=hints)
    if feedback.ok:
        feedback.message = (f"The US was farthest from the median member in {expected}, "
                            f"{gap.max():.2f} units of the ideal-point scale apart.")
    return feedback


def _e4(answer):
    """02.4: why kappa is lower than agreement (a conceptual choice)."""
    from . import Feedback, choice
    if isinstance(answer, str) and answer.strip().upper() in KAPPA_HINTS:
        return Feedback(False, KAPPA_HINTS[answer.strip().upper()])
    return choice(answer, "B", KAPPA_OPTIONS,
                  explain="Kappa subtracts the agreement that two states would reach by chance, "
                          "given how often each votes yes, abstain and no. Agreement counts every "
                          "coincidence, including the ones chance alone would produce.")


FORMULAS = ["votes_only", "half_credit"]


def _formula_fit(year: int = 2019) -> dict[str, float]:
    """Share of the published figures of a year that each formula reproduces to two decimals."""
    from ..data import load
    co = load("un_coincidence", years=year).dropna(subset=["coincidence_reported"])
    voted = co["same"] + co["partial"] + co["opposite"]
    shares = {"votes_only": co["same"] / (co["same"] + co["opposite"]),
              "half_credit": (co["same"] + 0.5 * co["partial"]) / voted}
    return {k: float(((v - co["coincidence_reported"]).abs() <= 0.005 + 1e-9).mean())
            for k, v in shares.items()}


def _e5(answer):
    """02.5: which formula reproduces the State Department's 2019 figures."""
    from . import choice
    fit = _formula_fit(2019)
    best = max(fit, key=fit.get)
    other = min(fit, key=fit.get)
    feedback = choice(answer, best, FORMULAS,
                      explain=f"It reproduces {fit[best]:.0%} of the published 2019 figures to two "
                              f"decimals, against {fit[other]:.0%} for {other}. Half credit for "
                              "abstentions pulls low shares up and high shares down, towards 0.5.")
    if not feedback.ok and isinstance(answer, str) and answer.strip().casefold() == other:
        feedback.message = (f"{other} reproduces only {fit[other]:.0%} of the published 2019 "
                            "figures. Compute both shares from the counts and compare each with "
                            "coincidence_reported.")
    return feedback


def _issue_options() -> dict[str, str]:
    from ..diplomatic import ISSUES
    return {k: v for k, v in ISSUES.items() if k not in ("all", "important")}


def _e6(answer):
    """02.6: the issue area on which Canada agreed least with the US, 2000-2019."""
    from ..countries import name
    from ..diplomatic import pooled
    from . import Feedback
    options = _issue_options()
    values = {k: pooled([ISSUE_PARTNER], ISSUE_YEARS, k)["agreement"].item() for k in options}
    lowest = min(values, key=values.get)
    highest = max(values, key=values.get)
    if not isinstance(answer, str):
        return Feedback(False, f"Answer with one of: {', '.join(repr(k) for k in options)}.")
    norm = answer.strip().casefold().replace(" ", "_")
    key = next((k for k, label in options.items()
                if norm in (k, label.casefold().replace(" ", "_"))), None)
    if key is None:
        return Feedback(False, f"{answer!r} is not one of the issue areas: "
                               f"{', '.join(repr(k) for k in options)}.")
    who = name(ISSUE_PARTNER)
    if key == lowest:
        return Feedback(True, f"{options[key]}: {who}'s agreement with the US was "
                              f"{values[key]:.2f}, its lowest of the six areas.")
    if key == highest:
        return Feedback(False, f"That is the area where {who} agreed *most* with the US. Look for "
                               "the smallest value.")
    if key == "middle_east":
        return Feedback(False, f"Middle East votes are the lowest for most partners in the figure "
                               f"above, but {who} is different: its agreement there was "
                               f"{values[key]:.2f}. Compute all six areas for {who}.")
    return Feedback(False, f"{who}'s agreement on {options[key]} was {values[key]:.2f}; "
                           "one area is lower. Compare all six.")


EXERCISES = {"02.1": _e1, "02.2": _e2, "02.3": _e3, "02.4": _e4, "02.5": _e5, "02.6": _e6}
