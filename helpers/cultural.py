"""People-to-people ties with the United States: students, scientists and public opinion.

The helpers of the notebook 05_cultural. Three tables measure the cultural pillar:

- `students`: students from each place enrolled at US colleges (IIE Open Doors), by
  academic year; `year` is the calendar year in which the academic year starts (2022 is
  2022/23, counted in the fall of 2022);
- `coauthorship`: research articles written with US co-authors (NSF NCSES), measured in two
  directions that answer different questions (see `coauthorship_directions`);
- `opinion`: the share of each surveyed public with a favourable view of the United States
  (Pew Global Attitudes), by survey year.

The `economy` table gives the population for students per million inhabitants.

>>> academic_year(2020)
'2020/21'
>>> president(2017)
'Trump'
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import style
from .countries import country as to_code
from .countries import name as country_name
from .plots import country_label as _label
from .plots import show

# ------------------------------------------------------------------------------ calendars


@dataclass(frozen=True)
class Administration:
    """A US presidency as seen by survey years.

    Pew's Global Attitudes surveys are mostly fielded in the spring (the 2020 survey in the
    summer), after the January inauguration, so the first survey year of a president is the
    year of the inauguration and the last is the year before the next one.
    """
    name: str
    president: str
    inaugurated: date
    first_survey_year: int
    last_survey_year: int


ADMINISTRATIONS = (
    Administration("Bush", "George W. Bush", date(2001, 1, 20), 2001, 2008),
    Administration("Obama", "Barack Obama", date(2009, 1, 20), 2009, 2016),
    Administration("Trump", "Donald Trump (first term)", date(2017, 1, 20), 2017, 2020),
    Administration("Biden", "Joe Biden", date(2021, 1, 20), 2021, 2024),
)
PRESIDENTS = [a.name for a in ADMINISTRATIONS]


def president(year: int) -> str:
    """The US president in office during a survey year's (spring) fieldwork, 2001-2024.

    >>> [president(y) for y in (2008, 2009, 2016, 2017, 2020, 2021)]
    ['Bush', 'Obama', 'Obama', 'Trump', 'Trump', 'Biden']
    >>> president(1999)
    Traceback (most recent call last):
    ...
    ValueError: 1999 is outside the administrations covered here (2001-2024).
    """
    for adm in ADMINISTRATIONS:
        if adm.first_survey_year <= int(year) <= adm.last_survey_year:
            return adm.name
    first, last = ADMINISTRATIONS[0].first_survey_year, ADMINISTRATIONS[-1].last_survey_year
    raise ValueError(f"{year} is outside the administrations covered here ({first}-{last}).")


def academic_year(year: int) -> str:
    """The academic year that starts in the fall of a calendar year, as IIE writes it.

    >>> academic_year(2000), academic_year(2099)
    ('2000/01', '2099/00')
    """
    return f"{int(year)}/{(int(year) + 1) % 100:02d}"


# ------------------------------------------------------------------------------- students

def per_million(students: pd.DataFrame, economy: pd.DataFrame) -> pd.DataFrame:
    """Students per million inhabitants: 1,000,000 × students ÷ population.

    `students` and `economy` are the tables of the same names (or any frames with their
    `iso3`, `year`, `students` and `population` columns). Each academic year is matched with
    the population of the calendar year in which it starts (2022/23 with mid-2022). Places
    without a population (Taiwan is not in the World Bank data) are left out.

    >>> s = pd.DataFrame({"iso3": ["AAA", "BBB", "CCC"], "year": 2022, "students": [50, 30, 9]})
    >>> e = pd.DataFrame({"iso3": ["AAA", "BBB"], "year": 2022, "population": [10_000_000, 1_000_000]})
    >>> per_million(s, e)[["iso3", "students_per_million"]]
      iso3  students_per_million
    0  AAA                   5.0
    1  BBB                  30.0
    """
    out = students[["iso3", "year", "students"]].merge(
        economy[["iso3", "year", "population"]], on=["iso3", "year"], how="inner")
    out = out[out["population"].notna() & (out["population"] > 0)].copy()
    out["students_per_million"] = 1e6 * out["students"] / out["population"]
    return out.reset_index(drop=True)


def students_per_million(years=None, min_population: float = 0) -> pd.DataFrame:
    """Students in the US per million inhabitants of their country, from `students` and `economy`.

    `years`: one year or a (first, last) pair, as in `helpers.load`; `min_population`: keep
    only countries with at least this many people that year.

    >>> row = students_per_million(2022).set_index("iso3").loc["KOR"]
    >>> bool(abs(1e6 * row["students"] / row["population"] - row["students_per_million"]) < 1e-9)
    True
    """
    from .data import load
    out = per_million(load("students", years=years), load("economy"))
    return out[out["population"] >= min_population].reset_index(drop=True)


def top_origins(year: int, n: int = 10, *, per_capita: bool = False,
                min_population: float = 0) -> pd.DataFrame:
    """The `n` largest places of origin of students in the US in one academic year.

    Ranked by the number of students, or with `per_capita=True` by students per million
    inhabitants (places with a population of at least `min_population` only).

    >>> top_origins(2022, 3)["iso3"].tolist()
    ['CHN', 'IND', 'KOR']
    """
    from .data import load
    if per_capita:
        data = students_per_million(year, min_population=min_population)
        key = "students_per_million"
    else:
        data = load("students", years=year)[["iso3", "year", "students"]]
        if min_population:
            data = per_million(data, load("economy"))
            data = data[data["population"] >= min_population]
        key = "students"
    if data.empty:
        raise ValueError(f"No students are recorded for {year}; the table covers "
                         "2000 (2000/01) to 2022 (2022/23).")
    top = data.sort_values([key, "iso3"], ascending=[False, True]).head(n).reset_index(drop=True)
    top.insert(0, "rank", range(1, len(top) + 1))
    top.insert(2, "country", [country_name(c) for c in top["iso3"]])
    top.insert(4, "academic_year", [academic_year(y) for y in top["year"]])
    return top


def leaders(students: pd.DataFrame | None = None) -> pd.DataFrame:
    """The largest place of origin in each academic year, as runs: who led, from when, to when.

    >>> s = pd.DataFrame({"iso3": ["A", "B", "A", "B", "A", "B"], "year": [2000, 2000, 2001, 2001, 2002, 2002],
    ...                   "students": [5, 3, 2, 4, 1, 6]})
    >>> leaders(s)[["iso3", "from", "to", "years"]]
      iso3     from       to  years
    0    A  2000/01  2000/01      1
    1    B  2001/02  2002/03      2
    """
    if students is None:
        from .data import load
        students = load("students")
    top = (students.sort_values(["year", "students", "iso3"], ascending=[True, False, True])
           .groupby("year").head(1).reset_index(drop=True))
    run = (top["iso3"] != top["iso3"].shift()).cumsum()
    out = top.groupby(run).agg(iso3=("iso3", "first"), first=("year", "min"), last=("year", "max"),
                               peak_students=("students", "max")).reset_index(drop=True)
    out.insert(1, "country", [_label(c) for c in out["iso3"]])
    out["from"] = out["first"].map(academic_year)
    out["to"] = out["last"].map(academic_year)
    out["years"] = out["last"] - out["first"] + 1
    return out[["iso3", "country", "from", "to", "years", "peak_students"]]


def surveys_per_year(opinion: pd.DataFrame | None = None) -> str:
    """How many countries Pew asked about the US in each survey year, as one line of text.

    >>> surveys_per_year(pd.DataFrame({"iso3": ["A", "B", "A"], "year": [2002, 2002, 2003],
    ...                                "pct_favorable_us": [50.0, 60.0, 55.0]}))
    '2002: 2, 2003: 1'
    """
    if opinion is None:
        from .data import load
        opinion = load("opinion")
    counts = opinion.dropna(subset=["pct_favorable_us"]).groupby("year")["iso3"].nunique()
    return ", ".join(f"{year}: {n}" for year, n in counts.items())


# --------------------------------------------------------------------------- co-authorship

def coauthorship_directions(us_year: int = 2020, partner_year: int = 2021) -> pd.DataFrame:
    """Both directions of research co-authorship with the US, side by side, for each partner.

    With J the articles written jointly by the US and a partner, U all US internationally
    co-authored articles and P all the partner's internationally co-authored articles:

    - US side: ``share_of_us_articles_pct = 100 × J / U`` (in `us_year`, an even year);
    - partner side: ``partner_articles_with_us_pct = 100 × J / P`` (in `partner_year`, odd).

    Both share the numerator J, so the ratio US side ÷ partner side estimates P ÷ U, the size
    of the partner's international output relative to the US's (`implied_size_vs_us`). The
    two series never share a year and come from different extracts, so the ratio is only a
    rough guide. Partners measured in only one direction are left out.

    >>> d = coauthorship_directions()
    >>> bool((d["partner_articles_with_us_pct"] > d["share_of_us_articles_pct"]).all())
    True
    """
    from .data import load
    data = load("coauthorship")
    us = data.loc[data["year"] == us_year, ["iso3", "share_of_us_articles_pct"]].dropna()
    partner = data.loc[data["year"] == partner_year, ["iso3", "partner_articles_with_us_pct"]].dropna()
    if us.empty or partner.empty:
        raise ValueError("The US-side share is measured in even years 1996-2020 and the "
                         "partner-side share in odd years 2003-2021; pick one of each.")
    out = us.merge(partner, on="iso3", how="inner")
    out["implied_size_vs_us"] = out["share_of_us_articles_pct"] / out["partner_articles_with_us_pct"]
    out.insert(1, "country", [country_name(c) for c in out["iso3"]])
    return out.sort_values("share_of_us_articles_pct", ascending=False).reset_index(drop=True)


# --------------------------------------------------------------------------------- opinion

def with_dont_know(opinion: pd.DataFrame) -> pd.DataFrame:
    """Add the share who gave no opinion, and the favourable share among those with one.

    - ``pct_no_opinion = 100 − favourable − unfavourable`` (don't know or refused);
    - ``pct_favorable_of_opinions = 100 × favourable ÷ (favourable + unfavourable)``.

    >>> d = pd.DataFrame({"pct_favorable_us": [40.0], "pct_unfavorable_us": [10.0]})
    >>> with_dont_know(d)[["pct_no_opinion", "pct_favorable_of_opinions"]].round(1)
       pct_no_opinion  pct_favorable_of_opinions
    0            50.0                       80.0
    """
    out = opinion.copy()
    fav, unfav = out["pct_favorable_us"], out["pct_unfavorable_us"]
    out["pct_no_opinion"] = (100 - fav - unfav).clip(lower=0).round(1)
    out["pct_favorable_of_opinions"] = 100 * fav / (fav + unfav)
    return out


def fixed_panel(opinion: pd.DataFrame, every_year: bool = False) -> list[str]:
    """Countries surveyed under every president (at least once each), or in every survey year.

    >>> d = pd.DataFrame({"iso3": ["A", "A", "A", "A", "B", "B"],
    ...                   "year": [2002, 2010, 2018, 2022, 2002, 2003],
    ...                   "pct_favorable_us": [50.0, 60, 40, 55, 30, 35]})
    >>> fixed_panel(d), fixed_panel(d, every_year=True)
    (['A'], [])
    """
    data = opinion.dropna(subset=["pct_favorable_us"])
    if every_year:
        years = set(data["year"])
        counts = data.groupby("iso3")["year"].nunique()
        return sorted(counts.index[counts == len(years)])
    terms = data.assign(president=data["year"].map(president))
    counts = terms.groupby("iso3")["president"].nunique()
    wanted = terms["president"].nunique()
    return sorted(counts.index[counts == wanted])


def favourable_by_administration(opinion: pd.DataFrame | None = None) -> pd.DataFrame:
    """Average favourable view of the US by president, three ways (rows: presidents).

    - ``all_surveyed``: the mean over every country-year surveyed under that president.
      The countries change from year to year, so this mixes a change of opinion with a
      change of *who was asked* (a composition effect).
    - ``fixed_panel``: only countries surveyed at least once under every president; first each
      country's mean under each president, then the mean of those country means. Every
      president is judged by the same countries.
    - ``every_year``: only countries surveyed in every survey year (the strictest panel).

    ``n_all``, ``n_fixed`` and ``n_every`` count the countries behind each column.

    >>> d = pd.DataFrame({"iso3": ["A", "A", "B", "C"], "year": [2005, 2010, 2005, 2010],
    ...                   "pct_favorable_us": [40.0, 60, 20, 90]})
    >>> favourable_by_administration(d)[["all_surveyed", "fixed_panel", "every_year"]]
               all_surveyed  fixed_panel  every_year
    president                                       
    Bush               30.0         40.0        40.0
    Obama              75.0         60.0        60.0
    """
    if opinion is None:
        from .data import load
        opinion = load("opinion")
    data = opinion.dropna(subset=["pct_favorable_us"])
    data = data.assign(president=data["year"].map(president))
    order = [p for p in PRESIDENTS if p in set(data["president"])]

    def summary(rows: pd.DataFrame, mean_of_countries: bool) -> tuple[pd.Series, pd.Series]:
        by = rows.groupby(["president", "iso3"])["pct_favorable_us"].mean()
        if mean_of_countries:
            mean = by.groupby(level="president").mean()
        else:
            mean = rows.groupby("president")["pct_favorable_us"].mean()
        return mean, by.groupby(level="president").size()

    all_mean, all_n = summary(data, False)
    fixed_mean, fixed_n = summary(data[data["iso3"].isin(fixed_panel(data))], True)
    every_mean, every_n = summary(data[data["iso3"].isin(fixed_panel(data, every_year=True))], True)
    out = pd.DataFrame({"all_surveyed": all_mean, "n_all": all_n,
                        "fixed_panel": fixed_mean, "n_fixed": fixed_n,
                        "every_year": every_mean, "n_every": every_n}).reindex(order)
    for col in ("n_all", "n_fixed", "n_every"):
        out[col] = out[col].fillna(0).astype("int64")
    out.index.name = "president"
    return out


# ----------------------------------------------------------------------------- indicators

@dataclass(frozen=True)
class CulturalIndicator:
    label: str      # axis label
    when: str       # what the year means
    step: int       # the spacing of the years it is measured in
    table: str      # where it comes from


INDICATORS = {
    "students": CulturalIndicator("Students in the US", "academic year (first calendar year)", 1, "students"),
    "students_per_million": CulturalIndicator("Students in the US per million inhabitants",
                                              "academic year (first calendar year)", 1,
                                              "students and economy"),
    "pct_favorable_us": CulturalIndicator("Favourable view of the US (% of public)", "survey year",
                                          1, "opinion"),
    "share_of_us_articles_pct": CulturalIndicator(
        "Share of US international articles with a co-author from the partner (%)",
        "publication year (even years)", 2, "coauthorship"),
    "partner_articles_with_us_pct": CulturalIndicator(
        "Share of the partner's international articles with a US co-author (%)",
        "publication year (odd years)", 2, "coauthorship"),
}


def indicators() -> pd.DataFrame:
    """Every cultural indicator in one long table: iso3, year, indicator, value.

    >>> sorted(indicators()["indicator"].unique()) == sorted(INDICATORS)
    True
    """
    from .data import load
    parts = [students_per_million().melt(["iso3", "year"], ["students_per_million"]),
             load("students").melt(["iso3", "year"], ["students"]),
             load("opinion").melt(["iso3", "year"], ["pct_favorable_us"]),
             load("coauthorship").melt(["iso3", "year"], ["share_of_us_articles_pct",
                                                          "partner_articles_with_us_pct"])]
    out = pd.concat(parts, ignore_index=True).rename(columns={"variable": "indicator"})
    out["value"] = out["value"].astype("float64")
    return out.dropna(subset=["value"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------- figures

def _fmt(value: float) -> str:
    """A number for a sentence: whole thousands with commas, small numbers to 3 digits.

    >>> _fmt(268923.0), _fmt(26.28), _fmt(848.55)
    ('268,923', '26.3', '849')
    """
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"




def _spread(values: list[float], gap: float, low: float | None = None) -> list[float]:
    """Move label positions apart so that neighbours are at least `gap` apart, keeping order;
    none goes below `low` (the labels are then pushed upwards instead).

    >>> _spread([1.0, 1.2, 5.0], gap=1.0)
    [0.6, 1.6, 5.0]
    >>> _spread([1.0, 1.2, 5.0], gap=1.0, low=1.0)
    [1.0, 2.0, 5.0]
    """
    order = np.argsort(values, kind="stable")
    pos = np.array(values, dtype=float)[order]
    for _ in range(100):  # push neighbours apart, symmetrically, until nothing overlaps
        moved = False
        if low is not None and pos[0] < low:
            pos[0] = low
        for i in range(1, len(pos)):
            overlap = gap - (pos[i] - pos[i - 1])
            if overlap > 1e-9:
                if low is not None and pos[i - 1] - overlap / 2 < low:
                    pos[i] += overlap
                else:
                    pos[i - 1] -= overlap / 2
                    pos[i] += overlap / 2
                moved = True
        if not moved:
            break
    out = np.empty_like(pos)
    out[order] = pos
    return [round(float(v), 6) for v in out]


def _darker(color, keep: float = 0.7) -> tuple[float, float, float]:
    """The same hue, darker, so that light line colours are still readable as text.

    >>> _darker("#ffffff", 0.5)
    (0.5, 0.5, 0.5)
    """
    from matplotlib.colors import to_rgb
    return tuple(round(keep * c, 6) for c in to_rgb(color))


def _end_labels(ax, ends: dict[str, tuple[float, float, str]], *, fontsize: float = 9) -> None:
    """Write each series' name just right of its last point; labels are spread apart."""
    if not ends:
        return
    lo, hi = ax.get_ylim()
    height_pt = ax.get_position().height * ax.figure.get_figheight() * 72
    gap = 1.3 * fontsize / height_pt * (hi - lo)  # one line of text, in data units
    keys = list(ends)
    ys = _spread([ends[k][1] for k in keys], gap, low=lo + gap / 2)
    for key, y in zip(keys, ys):
        x, y0, color = ends[key]
        ax.annotate(_label(key), xy=(x, y0), xytext=(x, y), textcoords="data",
                    xycoords="data", fontsize=fontsize, color=_darker(color), va="center",
                    annotation_clip=False)
    ax.set_ylim(lo, hi)


def _shade_presidents(ax, first: float, last: float, *, labels: bool = True,
                      fontsize: float = 8) -> None:
    """Grey bands for alternate presidencies (by survey year), named at the bottom of the axes."""
    for k, adm in enumerate(ADMINISTRATIONS):
        lo = max(adm.first_survey_year - 0.5, first - 0.5)
        hi = min(adm.last_survey_year + 0.5, last + 0.5)
        if lo >= hi:
            continue
        if k % 2 == 0:
            ax.axvspan(lo, hi, color="0.9", zorder=0, linewidth=0)
        if labels:
            ax.text((lo + hi) / 2, 0.03, adm.name, transform=ax.get_xaxis_transform(),
                    ha="center", va="bottom", fontsize=fontsize, color="0.3")


def _series(data: pd.DataFrame, step: int) -> pd.DataFrame:
    """One country's values on a regular grid of years, so that gaps show as breaks."""
    data = data.sort_values("year")
    first, last = int(data["year"].min()), int(data["year"].max())
    return data.set_index("year").reindex(range(first, last + 1, step)).reset_index()


def _academic_ticks(ax, first: int, last: int, every: int = 4) -> None:
    ticks = list(range(first, last + 1, every))
    ax.set_xticks(ticks, [academic_year(t) for t in ticks])


def plot_students(origins=("CHN", "IND", "KOR", "JPN", "CAN", "SAU"), *, alt: str | None = None) -> None:
    """Left: all international students in the US by academic year; right: the largest origins.

    The academic year that began in the fall of 2020 (2020/21), the first full pandemic
    year, is marked.

    >>> plot_students(["CHN", "IND"])
    Figure(1100x450)
    """
    from .data import load
    if not style.is_in_use():
        style.use()
    students = load("students")
    total = students.groupby("year")["students"].sum() / 1000
    codes = [to_code(c) for c in origins]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5), width_ratios=[1, 1.25])
    left.plot(total.index, total.values, color=style.US_COLOR)
    left.axvline(2020, color="0.5", linestyle=":", linewidth=1)
    left.annotate("2020/21:\npandemic", xy=(2020, total[2020]), xytext=(2013.2, total[2020] - 150),
                  fontsize=9, arrowprops={"arrowstyle": "->", "color": "0.4"})
    left.set_ylim(0, total.max() * 1.1)
    left.set_title("All international students")
    left.set_ylabel("Students (thousands)")
    first, last = int(total.index.min()), int(total.index.max())
    ends = {}
    for k, code in enumerate(codes):
        mine = students[students["iso3"] == code].sort_values("year")
        color = style.PALETTE[k % len(style.PALETTE)]
        right.plot(mine["year"], mine["students"] / 1000, color=color,
                   linestyle=style.LINESTYLES[k % len(style.LINESTYLES)])
        last_row = mine.iloc[-1]
        ends[code] = (last_row["year"] + 0.4, last_row["students"] / 1000, color)
    right.axvline(2020, color="0.5", linestyle=":", linewidth=1)
    right.set_ylim(0, None)
    right.set_xlim(first - 0.5, last + 4.5)
    right.set_title("Largest places of origin")
    right.set_ylabel("Students (thousands)")
    _end_labels(right, ends)
    for ax in (left, right):
        _academic_ticks(ax, first, last, every=5)
        ax.set_xlabel("Academic year")
    if alt is None:
        peak = total.idxmax()
        ranked = sorted(codes, key=lambda c: -students.loc[(students["iso3"] == c) & (students["year"] == last),
                                                            "students"].sum())
        alt = (f"Two line charts of international students in the US, {academic_year(first)} to "
               f"{academic_year(last)}. Left: the total rose from about {total[first]:,.0f} thousand "
               f"to a peak of {total[peak]:,.0f} thousand in {academic_year(peak)}, fell to "
               f"{total[2020]:,.0f} thousand in {academic_year(2020)} and recovered to "
               f"{total[last]:,.0f} thousand in {academic_year(last)}. Right: students from "
               f"{', '.join(_label(c) for c in codes)}; in {academic_year(last)} the largest were "
               f"{', '.join(_label(c) for c in ranked[:3])}.")
    fig.suptitle("International students in the United States", fontweight="bold", x=0.01, ha="left")
    show(fig, alt)


def plot_rankings(year: int = 2022, n: int = 10, *, min_population: float = 10_000_000,
                  alt: str | None = None) -> None:
    """Two rankings of origins side by side: by number of students, and per million inhabitants.

    >>> plot_rankings(2022, 5)
    Figure(1100x450)
    """
    if not style.is_in_use():
        style.use()
    by_count = top_origins(year, n)
    by_capita = top_origins(year, n, per_capita=True, min_population=min_population)
    both = set(by_count["iso3"]) & set(by_capita["iso3"])
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, max(4.5, 0.36 * n + 1.2)))
    for ax, table, value, scale, title, xlabel in (
            (left, by_count, "students", 1000, "By number of students", "Students (thousands)"),
            (right, by_capita, "students_per_million", 1, "Per million inhabitants",
             "Students per million inhabitants")):
        data = table.iloc[::-1]
        colors = [style.PALETTE[1] if c in both else style.PALETTE[0] for c in data["iso3"]]
        ax.barh(data["country"], data[value] / scale, color=colors)
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
        for y, v in enumerate(data[value] / scale):
            ax.text(v, y, f" {v:,.0f}", va="center", fontsize=8.5)
        ax.set_xlim(0, (data[value] / scale).max() * 1.15)
    people = f"{min_population / 1e6:,.0f} million" if min_population >= 1e6 else f"{min_population:,.0f}"
    fig.suptitle(f"Where students in the US came from, {academic_year(year)}\n"
                 f"(right: countries with at least {people} people; orange: in both top {n})",
                 fontweight="bold", x=0.01, ha="left", fontsize=12)
    if alt is None:
        alt = (f"Two bar charts for {academic_year(year)}. Left, the top {n} places of origin by "
               f"number of students: {', '.join(by_count['country'].head(5))} and others. Right, "
               f"the top {n} by students per million inhabitants among countries with at least "
               f"{people} people: {', '.join(by_capita['country'].head(5))} and others. "
               f"{len(both)} countries appear in both rankings.")
    show(fig, alt)


def plot_coauthorship(countries=("CHN", "GBR", "DEU", "CAN", "FRA", "JPN", "KOR", "IND"),
                      *, alt: str | None = None) -> None:
    """The two directions of research co-authorship with the US, side by side, over time.

    Left: the partner's share of US internationally co-authored articles (even years).
    Right: the share of the partner's internationally co-authored articles with a US
    co-author (odd years). The same joint articles, divided by different totals.

    >>> plot_coauthorship(["CHN", "GBR"])
    Figure(1100x500)
    """
    from .data import load
    if not style.is_in_use():
        style.use()
    codes = [to_code(c) for c in countries]
    data = load("coauthorship", countries=codes)
    fig, axes = plt.subplots(1, 2, figsize=(11, 5))
    described = []
    for ax, column, title in (
            (axes[0], "share_of_us_articles_pct",
             "US side: % of US international articles\nwith a co-author from the partner"),
            (axes[1], "partner_articles_with_us_pct",
             "Partner side: % of the partner's international\narticles with a US co-author")):
        ends = {}
        part = data.dropna(subset=[column])
        for k, code in enumerate(codes):
            mine = part[part["iso3"] == code].sort_values("year")
            if mine.empty:
                continue
            color = style.PALETTE[k % len(style.PALETTE)]
            ax.plot(mine["year"], mine[column], color=color, marker="o", markersize=3,
                    linestyle=style.LINESTYLES[k % len(style.LINESTYLES)])
            ends[code] = (mine["year"].iloc[-1] + 0.5, mine[column].iloc[-1], color)
        ax.set_ylim(0, part[column].max() * 1.08)
        ax.set_xlim(1995, 2027)
        ax.set_title(title, fontsize=11.5)
        ax.set_xlabel("Publication year")
        ax.set_ylabel("Percent")
        _end_labels(ax, ends, fontsize=8.5)
        first, last = int(part["year"].min()), int(part["year"].max())
        top = part[part["year"] == last].sort_values(column, ascending=False)
        described.append(f"{title.replace(chr(10), ' ')}, {first}-{last}: in {last} highest "
                         f"{_label(top['iso3'].iloc[0])} ({top[column].iloc[0]:.1f}%), lowest "
                         f"{_label(top['iso3'].iloc[-1])} ({top[column].iloc[-1]:.1f}%)")
    fig.suptitle("Research co-authorship with the United States, in both directions",
                 fontweight="bold", x=0.01, ha="left")
    show(fig, alt or ("Two line charts. " + ". ".join(described) + "."))


def plot_opinion(countries=("GBR", "FRA", "DEU", "CAN", "JPN", "AUS", "MEX", "IND"),
                 *, alt: str | None = None) -> None:
    """Favourable views of the US in several countries, one small chart each, by survey year.

    Shaded bands and names mark the presidents (by survey year); points are the years the
    country was surveyed, and lines break where it was not.

    >>> plot_opinion(["GBR", "JPN"])
    Figure(1100x350)
    """
    from .data import load
    if not style.is_in_use():
        style.use()
    codes = [to_code(c) for c in countries]
    everyone = load("opinion")
    data = everyone[everyone["iso3"].isin(codes)].reset_index(drop=True).dropna(subset=["pct_favorable_us"])
    first, last = int(everyone["year"].min()), int(everyone["year"].max())
    ncols = min(4, len(codes))
    nrows = -(-len(codes) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(11, 3.5 * nrows), sharex=True, sharey=True,
                             squeeze=False)
    described = []
    # the axes share both scales: set the limits and ticks once, not once per panel
    axes.flat[0].set_ylim(0, 100)
    axes.flat[0].set_xlim(first - 0.5, last + 0.5)
    axes.flat[0].set_xticks([2002, 2008, 2014, 2020])
    for ax, code in zip(axes.flat, codes):
        _shade_presidents(ax, first, last, fontsize=7.5)
        mine = data[data["iso3"] == code]
        if not mine.empty:
            grid = _series(mine, 1)
            ax.plot(grid["year"], grid["pct_favorable_us"], color=style.PALETTE[0], marker="o",
                    markersize=3.5, linestyle="-")
            lo, hi = mine.loc[mine["pct_favorable_us"].idxmin()], mine.loc[mine["pct_favorable_us"].idxmax()]
            described.append(f"{_label(code)} {len(mine)} surveys, from {lo['pct_favorable_us']:.0f}% "
                             f"({lo['year']}) to {hi['pct_favorable_us']:.0f}% ({hi['year']})")
        else:
            ax.text(0.5, 0.5, "not surveyed", transform=ax.transAxes, ha="center", color="0.4")
        ax.set_title(_label(code), fontsize=11)
    for ax in axes.flat[len(codes):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("Favourable (%)")
    fig.suptitle("Favourable view of the United States, by survey year (Pew)",
                 fontweight="bold", x=0.01, ha="left")
    show(fig, alt or ("Small line charts of the percentage of the public with a favourable view "
                      f"of the US, {first}-{last}, with bands for the presidencies of "
                      f"{', '.join(PRESIDENTS)}: " + "; ".join(described) + "."))


def plot_administrations(table: pd.DataFrame | None = None, *, alt: str | None = None) -> None:
    """Average favourable view of the US under each president: all countries surveyed against
    fixed panels of countries (see `favourable_by_administration`).

    >>> plot_administrations()
    Figure(900x450)
    """
    if not style.is_in_use():
        style.use()
    table = favourable_by_administration() if table is None else table
    columns = [("all_surveyed", "n_all", "All countries surveyed that year"),
               ("fixed_panel", "n_fixed", "Same countries under every president"),
               ("every_year", "n_every", "Countries surveyed every year")]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    x = np.arange(len(table))
    width = 0.26
    for k, (col, ncol, label) in enumerate(columns):
        counts = sorted(set(table[ncol]))
        count = (f"{counts[0]} countries" if len(counts) == 1
                 else f"{min(counts)}-{max(counts)} countries per president")
        bars = ax.bar(x + (k - 1) * width, table[col], width, label=f"{label} ({count})",
                      color=style.PALETTE[k], hatch=["", "//", ".."][k], edgecolor="white")
        ax.bar_label(bars, fmt="%.0f", fontsize=8.5, padding=2)
    ax.set_xticks(x, table.index)
    ax.set_ylim(0, 100)
    ax.set_ylabel("Average favourable (%)")
    ax.set_xlabel("President in office at the survey")
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", fontsize=9, ncols=1)
    ax.set_title("Favourable view of the US by president: who was asked matters")
    if alt is None:
        parts = [f"{p}: {r.all_surveyed:.0f}% (all surveyed), {r.fixed_panel:.0f}% (fixed panel), "
                 f"{r.every_year:.0f}% (every year)" for p, r in table.iterrows()]
        alt = ("Grouped bar chart of the average percentage with a favourable view of the US under "
               "each president, computed three ways. " + "; ".join(parts) + ".")
    show(fig, alt)


def trend(indicator: str, countries, years=None, *, alt: str | None = None) -> None:
    """One cultural indicator over time for a few countries (the explorer's drawing).

    `indicator` is a key of `INDICATORS`: students, students_per_million, pct_favorable_us,
    share_of_us_articles_pct or partner_articles_with_us_pct. Points are the years measured;
    lines break where a country was not measured (e.g. not surveyed).

    >>> trend("pct_favorable_us", ["GBR", "JPN"], years=(2010, 2020))
    Figure(800x450)
    >>> trend("happiness", ["GBR"])
    Traceback (most recent call last):
    ...
    ValueError: 'happiness' is not a cultural indicator; choose one of students, ...
    """
    if indicator not in INDICATORS:
        raise ValueError(f"{indicator!r} is not a cultural indicator; choose one of "
                         f"{', '.join(INDICATORS)}.")
    if not style.is_in_use():
        style.use()
    info = INDICATORS[indicator]
    codes = [to_code(c) for c in ([countries] if isinstance(countries, str) else countries)]
    data = indicators()
    data = data[(data["indicator"] == indicator) & data["iso3"].isin(codes)]
    if years is not None:
        first, last = (years, years) if isinstance(years, int) else years
        data = data[data["year"].between(first, last)]
    if data.empty:
        raise ValueError(f"No {info.label.lower()} for these countries and years. The data "
                         f"comes from the {info.table} table; try other countries or years.")
    fig, ax = plt.subplots()
    first, last = int(data["year"].min()), int(data["year"].max())
    if indicator == "pct_favorable_us":
        _shade_presidents(ax, first, last)
    ends = {}
    for k, code in enumerate(c for c in codes if c in set(data["iso3"])):
        grid = _series(data[data["iso3"] == code], info.step)
        color = style.PALETTE[k % len(style.PALETTE)]
        ax.plot(grid["year"], grid["value"], color=color, marker="o", markersize=3,
                linestyle=style.LINESTYLES[k % len(style.LINESTYLES)])
        end = grid.dropna(subset=["value"]).iloc[-1]
        ends[code] = (end["year"] + 0.3, end["value"], color)
    ax.set_ylim(0, 100 if indicator == "pct_favorable_us" else data["value"].max() * 1.1)
    span = max(last - first, 1)
    ax.set_xlim(first - 0.5, last + 0.5 + 0.2 * span)
    ax.set_xlabel(info.when.capitalize())
    ax.set_ylabel(info.label if len(info.label) < 45 else info.label.replace(" with", "\nwith", 1))
    ax.set_title(info.label if len(info.label) < 70 else info.label[:info.label.index(" (")], fontsize=12)
    _end_labels(ax, ends)
    if alt is None:
        last_rows = data.sort_values("year").groupby("iso3").tail(1).sort_values("value", ascending=False)
        listed = ", ".join(f"{_label(r.iso3)} {_fmt(r.value)} ({r.year})" for r in last_rows.itertuples())
        alt = (f"Line chart: {info.label} by {info.when}, {first}-{last}. Latest values: {listed}.")
    show(fig, alt)


def explorer(default_countries=("GBR", "CAN", "JPN", "KOR", "IND"),
             indicator: str = "students_per_million"):
    """Pick a cultural indicator, countries and years; see `trend` for the drawing."""
    from . import widgets as w
    options = {INDICATORS[k].label: k for k in INDICATORS}
    everyone = sorted(set(indicators()["iso3"]))

    def draw(indicator, countries, years):
        if not countries:
            print("Pick at least one country (hold Ctrl or Cmd to pick several).")
            return
        try:
            trend(indicator, countries, years)
        except ValueError as err:
            print(err)

    return w.explorer(draw, indicator=w.choice(options, indicator, "Indicator"),
                      countries=w.countries(list(default_countries), options=everyone),
                      years=w.years(1996, 2023))
