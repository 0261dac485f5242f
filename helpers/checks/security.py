"""Exercises of 04_security. Every expected answer is computed from the data."""
from __future__ import annotations

FIVE = ["GBR", "FRA", "JPN", "AUS", "IND"]


def _country_hints(answer, expected: str, what: str, hints: dict[str, str]):
    """Like checks.country_code, with a hint for common wrong countries (code -> message)."""
    from . import Feedback, country_code
    from ..countries import CountryError, country
    try:
        code = country(answer)
    except CountryError:
        return country_code(answer, expected, what=what)
    if code != expected and code in hints:
        return Feedback(False, hints[code])
    return country_code(answer, expected, what=what)


def _e1(answer):
    from ..data import load
    troops = load("troops", years=2024).sort_values("troops", ascending=False)
    expected = troops["iso3"].iloc[0]
    second = troops["iso3"].iloc[1]
    hints = {second: "That host is second in 2024. Sort the 2024 rows of `troops` by the number "
                     "of troops, largest first."}
    if expected != "DEU":
        hints["DEU"] = ("Germany hosted the most US troops through most of the Cold War"
                        + (" and is second in 2024" if second == "DEU" else "")
                        + ". The question asks about 2024 only: sort that year's rows.")
    return _country_hints(answer, expected, "the largest host in 2024", hints)


def _e2(answer):
    from . import number
    from ..data import load
    rows = load("alliances", years=2018)
    expected = int((rows["defense"] == 1).sum())
    return number(answer, expected, rel=0, abs_=0.5, what="the number of partners with a defence pledge in 2018",
                  hints={"That counts every partner with any alliance. Keep only the rows where "
                         "`defense` is 1.": len(rows),
                         "That counts the partners with a consultation pledge; the question asks "
                         "about `defense`.": int((rows["consultation"] == 1).sum()),
                         "That counts the non-aggression pledges; the question asks about "
                         "`defense`.": int((rows["nonaggression"] == 1).sum())})


def _e3(answer):
    from ..data import load
    rows = load("arms", years=(2011, 2020))
    totals = rows.groupby("iso3")["tiv_millions"].sum().sort_values(ascending=False)
    expected, second = totals.index[0], totals.index[1]
    peak_2020 = load("arms", years=2020).sort_values("tiv_millions", ascending=False)["iso3"].iloc[0]
    hints = {second: "That recipient is second over 2011–2020. Sum `tiv_millions` for every "
                     "recipient over the ten years and sort."}
    if peak_2020 != expected:
        hints.setdefault(peak_2020, "That is the largest recipient in 2020 alone; sum the ten "
                                    "years 2011–2020.")
    return _country_hints(answer, expected, "the largest recipient in 2011–2020",
                          hints)


def _e4(answer):
    from ..data import load
    rows = load("exercises", countries=FIVE)
    early = rows[rows["year"].between(1980, 1989)].groupby("iso3")["exercises"].sum().reindex(FIVE, fill_value=0)
    late = rows[rows["year"].between(2000, 2009)].groupby("iso3")["exercises"].sum().reindex(FIVE, fill_value=0)
    change = (late - early).sort_values(ascending=False)
    expected = change.index[0]
    most = late.idxmax()
    hints = {}
    if most != expected:
        hints[most] = ("That partner held the most exercises in the 2000s, but the question asks "
                       "for the largest increase from the 1980s to the 2000s.")
    ratio = (late / early.where(early > 0)).fillna(float("inf")).idxmax()
    if ratio != expected:
        hints.setdefault(ratio, "That partner grew the most in relative terms (from few or none). "
                                "The question asks for the increase in number of exercises.")
    hints.setdefault(change.index[-1], "That partner's number fell: subtract the 1980s total "
                                       "from the 2000s total.")
    return _country_hints(answer, expected, "the partner whose exercises grew the most from "
                                            "the 1980s to the 2000s", hints)


INTERPRETATION = {
    "a": "Then Germany, Japan and South Korea would be closer to the US than the UK, Canada or "
         "Australia, which have the same defence pledge and share intelligence with it in the "
         "Five Eyes. "
         "Compare the rows of the side-by-side table.",
    "b": "",
    "c": "Compare the arms and troops columns of the side-by-side table: the partners that "
         "received the most US arms are not the ones that host the most US troops.",
    "d": "No table in this notebook measures intelligence sharing, and the Five Eyes partners "
         "host fewer US troops than Germany, Japan or South Korea.",
}


def _e5(answer):
    from . import Feedback, choice
    options = list(INTERPRETATION)
    fb = choice(answer, "b", options,
                explain="Garrisons follow where the US fought and occupied after 1945 and where "
                        "it plans for war; a partner can be very close with few US troops "
                        "(the UK, Canada, Australia) or host many for reasons of geography.")
    if not fb.ok and isinstance(answer, str) and answer.strip().casefold() in INTERPRETATION:
        return Feedback(False, INTERPRETATION[answer.strip().casefold()])
    return fb


EXERCISES = {"04.1": _e1, "04.2": _e2, "04.3": _e3, "04.4": _e4, "04.5": _e5}
