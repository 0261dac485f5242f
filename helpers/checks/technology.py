"""Exercises of 11_technology_and_trade: China and the allies in trade and research, the shift
to Asia, and a crude friend-shoring test.

Every expected value is computed from the data when the check runs, never typed in.
"""
from __future__ import annotations

# The building blocks (Feedback, number, choice, country_code) are imported inside each check:
# this module is imported while helpers.checks itself is still loading.

YEAR = 2022                  # the last year of `trade`, asked about in 11.1
START, END = 2017, 2022      # the friend-shoring comparison (11.2, 11.6)
COAUTHOR_YEAR = 2020         # the last even year of the US-side co-authorship series (11.4)
TOLERANCE = 0.05             # percentage points: answers are read off rounded tables


def _hints(expected: float, hints: dict[str, float], tolerance: float = TOLERANCE) -> dict[str, float]:
    """Only the hints whose wrong value cannot be mistaken for the right one."""
    return {msg: v for msg, v in hints.items() if v == v and abs(v - expected) > 2 * tolerance}


def _e1(answer):
    """China's share of US goods imports in the last trade year, percent."""
    from . import number
    from ..technology import group_share
    share = lambda indicator, year=YEAR: group_share("china", indicator, year)["value"].item()
    expected = share("imports")
    hints = _hints(expected, {
        "That is China's share of US *trade* (exports + imports). The question asks about "
        "imports only.": share("trade"),
        "That is China's share of US *exports*. The question asks about imports.": share("exports"),
        "Give the share in percent (multiply the proportion by 100).": expected / 100,
        f"That is the share in {START}. Keep only {YEAR}.": share("imports", START),
    })
    return number(answer, expected, rel=0, abs_=TOLERANCE, hints=hints, unit="%",
                  what=f"China's share of US goods imports in {YEAR}")


def _e2(answer):
    """Change in the treaty allies' share of US goods imports from START to END, points."""
    from . import number
    from ..technology import friendshoring, group_share
    shares = group_share("treaty_allies", "imports", (START, END)).set_index("year")["value"]
    trade = group_share("treaty_allies", "trade", (START, END)).set_index("year")["value"]
    expected = shares[END] - shares[START]
    fs = friendshoring(START, END)
    allies_growth = 100 * (_allied_imports(END) / _allied_imports(START) - 1)
    hints = _hints(expected, {
        "Check the sign: the share in the later year minus the share in the earlier one.": -expected,
        "That is the change without Mexico. The `treaty_allies` group includes Mexico.":
            fs.loc["allies_without_mexico", "change_pp"],
        "That is the change in the share of total trade (exports + imports); use imports.":
            trade[END] - trade[START],
        "That is how much allied imports grew in current dollars (percent), not the change in "
        "their share (percentage points).": allies_growth,
        "Give the change in percentage points (shares in percent), not as a proportion.": expected / 100,
    })
    return number(answer, expected, rel=0, abs_=TOLERANCE, what="the change in the allies' share",
                  hints=hints, unit=" percentage points")


def _allied_imports(year: int) -> float:
    """US goods imports from the treaty allies (Mexico included) in one year, US$ millions."""
    from ..data import load
    from ..technology import members
    trade = load("trade", countries=members("treaty_allies"), years=year)
    return float(trade["imports_musd"].sum())


def _china_alone_year() -> int | None:
    """First year in which China alone traded more with the US than the region's allies."""
    from ..technology import asia_split, group_share
    allies = asia_split("trade").query("group == 'allies'").set_index("year")["share_pct"]
    china = group_share("china", "trade").set_index("year")["value"]
    ahead = [y for y in allies.index if y in china.index and china[y] > allies[y]]
    return ahead[0] if ahead else None


def _e3(answer):
    """First year (Census) in which the non-allied partners of East Asia & Pacific passed the allies."""
    from . import number
    from ..technology import crossing_year
    expected = crossing_year("trade")
    hints = {}
    tradhist = crossing_year("trade_history")
    if tradhist is not None and tradhist != expected:
        hints["That is the year in TRADHIST; the question asks about the Census data "
              "(source=\"trade\")."] = tradhist
    alone = _china_alone_year()
    if alone is not None and alone != expected:
        hints["That is when China *alone* passed the allies of the region. The question counts all "
              "the region's non-allied partners together."] = alone
    return number(answer, expected, rel=0, abs_=0, what="the first year", hints=hints)


def _e4(answer):
    """The partner with the largest share of US internationally co-authored articles in 2020."""
    from . import Feedback, country_code
    from ..countries import CountryError, country
    from ..technology import coauthor_table
    us_side = coauthor_table("us").loc[COAUTHOR_YEAR].dropna().sort_values(ascending=False)
    expected = us_side.index[0]
    partner = coauthor_table("partner")
    partner_top = partner.loc[partner.index.max()].dropna().idxmax()
    first_top = coauthor_table("us").iloc[0].dropna().idxmax()
    try:
        code = country(answer) if isinstance(answer, str) else None
    except CountryError:
        code = None
    if code is not None and code != expected:
        if code == partner_top:
            return Feedback(False, "That partner has the largest share of *its own* international "
                                   "articles written with Americans (the partner-side column). The "
                                   "question asks about the US side: `share_of_us_articles_pct`.")
        if code == first_top:
            return Feedback(False, "That partner led in the first year of the series, not in "
                                   f"{COAUTHOR_YEAR}. Keep only {COAUTHOR_YEAR}.")
        if code == us_side.index[1]:
            return Feedback(False, f"Close: that partner is second in {COAUTHOR_YEAR}. Sort from the "
                                   "largest share down.")
    return country_code(answer, expected, what=f"the largest co-author partner of the US in {COAUTHOR_YEAR}")


def _e5(answer):
    """Fall of the partner-side share of China's articles with a US co-author, peak to the last year."""
    from . import number
    from ..technology import coauthor_table
    china = coauthor_table("partner", ["CHN"])["CHN"].dropna()
    last = china.index.max()
    expected = china.max() - china[last]
    hints = _hints(expected, {
        "Give the fall as a positive number (the peak minus the last value).": -expected,
        "That is the change from the first year of the series. Start from the highest value.":
            china.iloc[0] - china[last],
        "That is the fall in percent of the peak. The question asks for percentage points: the "
        "peak minus the last value.": 100 * (china.max() - china[last]) / china.max(),
        "That is the fall over the last step only. Start from the highest value.":
            china.iloc[-2] - china[last],
    })
    return number(answer, expected, rel=0, abs_=TOLERANCE, what="the fall", hints=hints,
                  unit=" percentage points")


OPTIONS = ["a", "b", "c"]


def _friendshoring_answer() -> str:
    from ..technology import friendshoring
    fs = friendshoring(START, END)["change_pp"]
    if fs["china"] >= 0:
        return "c"
    return "a" if fs["allies_without_mexico"] > fs["connectors"] + fs["rest"] else "b"


def _e6(answer):
    """Which statement the crude friend-shoring test supports."""
    from . import Feedback, choice
    expected = _friendshoring_answer()
    given = answer.strip().casefold() if isinstance(answer, str) else None
    if given in OPTIONS and given != expected:
        why = {"a": "Look at the change for 'Treaty allies other than Mexico': compare it with what "
                    "China lost and with the other two groups' gains.",
               "b": "Compare the allies' gain with the connectors' and the others' gains.",
               "c": "Look at the sign of China's change in the friend-shoring table."}
        return Feedback(False, why[given])
    return choice(answer, expected, OPTIONS,
                  explain="China's lost share went mostly to Mexico, Vietnam and other partners "
                          "that are not treaty allies; a test on totals cannot say which goods moved.")


EXERCISES = {"11.1": _e1, "11.2": _e2, "11.3": _e3, "11.4": _e4, "11.5": _e5, "11.6": _e6}
