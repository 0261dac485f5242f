"""Domestic politics and the partnerships: presidents, parties, and the view from partners.

The helpers of the notebook ``12_domestic_politics``. They put every yearly measure of
closeness next to the US administration of that year, so that the measures can be compared
across presidents and parties:

- `PRESIDENCIES`: the presidents since 1945, their parties and the day each took office;
- `administration(year)`: the presidency a calendar year is counted to (the rule is below);
- `by_administration`: a measure (UN agreement, distance between UN ideal points, favourable
  view of the US) averaged over each administration, for a group of partners;
- the moving reference: the US ideal point under each president (`reference_by_administration`,
  `administration_changes`), built on `helpers.diplomatic.reference_table`;
- the view from partners: the Lowy Institute and Pew survey rows of the `surveys` table, and
  partner-side political events of the `timeline` with what they did to UN votes.

Opinion of the US abroad by president is computed with `helpers.cultural` (its `president`
rule for spring survey years and `favourable_by_administration`), not recomputed here.

**The rule for calendar years.** Since 1937 a presidential term begins at noon on 20
January (Twentieth Amendment). A calendar year is counted to the president in office on 31
December of that year. For an ordinary transition the newcomer therefore gets the year of
the inauguration, and the outgoing president's last 19 days go with it. Two presidents took
office in the middle of a term in the years covered: Lyndon Johnson on 22 November 1963 and
Gerald Ford on 9 August 1974, so 1963 counts to Johnson and 1974 to Ford. The rule suits
yearly UN data: the General Assembly casts most of its recorded votes in its autumn session
(most of them in December), and `roll_call_check` shows that in every year but one all the
year's roll calls were held under the president the rule names (the exception, 1963, had
a majority under Johnson).

>>> administration(1963).label, administration(1974).label, administration(2009).label
('Johnson', 'Ford', 'Obama')
>>> administration(2025).party
'Republican'
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import style
from .countries import country as to_code
from .countries import name as country_name
from .data import from_cache, load
from .plots import show

__all__ = [
    "ASIA_PACIFIC_ALLIES", "GROUPS", "MEASURES", "PARTIES", "PARTNER_EVENTS", "PRESIDENCIES",
    "Presidency", "administration", "administration_changes", "assign_groups", "by_administration",
    "by_party_means", "compare_groups",
    "domestic_events", "event_effects", "explorer", "find_presidency", "measure_data", "party_shift",
    "partner_surveys", "plot_australia", "plot_by_administration", "plot_group_trends",
    "plot_partner_events", "plot_reference", "president_on", "reference_by_administration",
    "roll_call_check", "years_table", "yearly",
]

# --------------------------------------------------------------------------- presidencies


@dataclass(frozen=True)
class Presidency:
    """One US presidency: a short label for charts, the full name, the party, and the day the
    president took office (by inauguration, or by succession on the predecessor's death or
    resignation)."""
    label: str
    president: str
    party: str
    took_office: date
    how: str = "inauguration"


# Names, parties and dates: The White House, "Presidents"
# (https://www.whitehouse.gov/about-the-white-house/presidents/); the term begins at noon on
# 20 January: Twentieth Amendment to the Constitution, National Archives
# (https://www.archives.gov/founding-docs/amendments-11-27). The Office of the Historian of
# the State Department arranges its "Milestones in the History of U.S. Foreign Relations" by
# these administrations (https://history.state.gov/milestones).
PRESIDENCIES = (
    Presidency("Truman", "Harry S. Truman", "Democratic", date(1945, 4, 12), "succession"),
    Presidency("Eisenhower", "Dwight D. Eisenhower", "Republican", date(1953, 1, 20)),
    Presidency("Kennedy", "John F. Kennedy", "Democratic", date(1961, 1, 20)),
    Presidency("Johnson", "Lyndon B. Johnson", "Democratic", date(1963, 11, 22), "succession"),
    Presidency("Nixon", "Richard Nixon", "Republican", date(1969, 1, 20)),
    Presidency("Ford", "Gerald R. Ford", "Republican", date(1974, 8, 9), "succession"),
    Presidency("Carter", "Jimmy Carter", "Democratic", date(1977, 1, 20)),
    Presidency("Reagan", "Ronald Reagan", "Republican", date(1981, 1, 20)),
    Presidency("G. H. W. Bush", "George H. W. Bush", "Republican", date(1989, 1, 20)),
    Presidency("Clinton", "Bill Clinton", "Democratic", date(1993, 1, 20)),
    Presidency("G. W. Bush", "George W. Bush", "Republican", date(2001, 1, 20)),
    Presidency("Obama", "Barack Obama", "Democratic", date(2009, 1, 20)),
    Presidency("Trump I", "Donald J. Trump (first term)", "Republican", date(2017, 1, 20)),
    Presidency("Biden", "Joseph R. Biden Jr.", "Democratic", date(2021, 1, 20)),
    Presidency("Trump II", "Donald J. Trump (second term)", "Republican", date(2025, 1, 20)),
)
LABELS = [p.label for p in PRESIDENCIES]

# Party colours from the collection's colour-blind-safe palette (blue and orange, never red
# against blue alone), each with its own fill pattern so that the parties differ in grey too.
PARTIES = {
    "Democratic": {"color": style.PALETTE[0], "hatch": "", "letter": "D"},
    "Republican": {"color": style.PALETTE[1], "hatch": "///", "letter": "R"},
}


def _as_date(day) -> date:
    if isinstance(day, str):
        return date.fromisoformat(day)
    if isinstance(day, pd.Timestamp):
        return day.date()
    if isinstance(day, date):
        return day
    raise TypeError(f"Give a date such as '1966-03-01' or datetime.date(1966, 3, 1); got {day!r}.")


def president_on(day) -> Presidency:
    """The presidency in office on a day (from Truman's, 12 April 1945).

    A president is counted from the day he took office; on an inauguration day (20 January)
    the incoming president.

    >>> president_on("1963-11-21").label, president_on("1963-11-22").label
    ('Kennedy', 'Johnson')
    >>> president_on("1944-06-06")
    Traceback (most recent call last):
    ...
    ValueError: 1944-06-06 is before Truman took office (1945-04-12); the list starts there.
    """
    day = _as_date(day)
    if day < PRESIDENCIES[0].took_office:
        raise ValueError(f"{day} is before Truman took office ({PRESIDENCIES[0].took_office}); "
                         "the list starts there.")
    return [p for p in PRESIDENCIES if p.took_office <= day][-1]


def administration(year: int) -> Presidency:
    """The presidency a calendar year is counted to: the one in office on 31 December.

    >>> [administration(y).label for y in (1952, 1953, 1976, 1977, 2016, 2017)]
    ['Truman', 'Eisenhower', 'Ford', 'Carter', 'Obama', 'Trump I']
    """
    return president_on(date(int(year), 12, 31))


def find_presidency(text) -> Presidency:
    """A presidency from what a student types: a label, a surname or a full name.

    >>> find_presidency("george w. bush").label, find_presidency("Reagan").label
    ('G. W. Bush', 'Reagan')
    >>> find_presidency("Bush")
    Traceback (most recent call last):
    ...
    LookupError: 'Bush' matches more than one president: G. H. W. Bush, G. W. Bush. ...
    """
    if not isinstance(text, str) or not text.strip():
        raise LookupError(f"Give a president's name, e.g. 'Reagan'; got {text!r}.")
    norm = " ".join(text.replace(".", " ").split()).casefold()
    for p in PRESIDENCIES:
        if norm in {" ".join(p.label.replace(".", " ").split()).casefold(),
                    " ".join(p.president.replace(".", " ").split()).casefold()}:
            return p
    words = set(norm.split())
    hits = [p for p in PRESIDENCIES
            if words and words <= set(p.president.replace(".", " ").replace("(", " ").casefold().split())]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise LookupError(f"{text!r} matches more than one president: "
                          f"{', '.join(p.label for p in hits)}. Use the label, e.g. "
                          f"{hits[0].label!r}.")
    raise LookupError(f"{text!r} is not a president in the list ({', '.join(LABELS)}).")


def _span(p: Presidency) -> tuple[int, int | None]:
    """First and last calendar year counted to a presidency (None: still in office)."""
    k = PRESIDENCIES.index(p)
    last = PRESIDENCIES[k + 1].took_office.year - 1 if k + 1 < len(PRESIDENCIES) else None
    return p.took_office.year, last


def _each(values: pd.Series, rule) -> pd.Series:
    """``values.map(rule)``, with `rule` called once per distinct value (years and dates repeat
    thousands of times in the tables)."""
    return values.map({v: rule(v) for v in values.unique()})


def years_table() -> pd.DataFrame:
    """Every presidency with its party, the day it began, and the calendar years counted to it.

    >>> t = years_table().set_index("administration")
    >>> t.loc["Johnson", ["first_year", "last_year"]].tolist()
    [1963, 1968]
    """
    rows = []
    for p in PRESIDENCIES:
        first, last = _span(p)
        rows.append({"administration": p.label, "president": p.president, "party": p.party,
                     "took_office": pd.Timestamp(p.took_office), "how": p.how,
                     "first_year": first, "last_year": last})
    out = pd.DataFrame(rows)
    out["last_year"] = out["last_year"].astype("Int64")
    return out


def roll_call_check() -> pd.DataFrame:
    """Does the calendar-year rule fit the UN data? For each year of roll calls: how many there
    were, the administration the rule names, and the share of them held (by their date) while
    that president was in office.

    >>> t = roll_call_check().set_index("year")
    >>> t.loc[1974, "administration"], float(t.loc[1974, "share_under_it"])
    ('Ford', 1.0)
    """
    rc = load("un_roll_calls")[["rcid", "year", "date"]]
    by_date = _each(rc["date"], lambda d: president_on(d).label)
    by_year = _each(rc["year"], lambda y: administration(y).label)
    out = (rc.assign(administration=by_year, same=by_date == by_year)
           .groupby(["year", "administration"], sort=True)
           .agg(roll_calls=("rcid", "size"), held_under_it=("same", "sum")).reset_index())
    out["share_under_it"] = out["held_under_it"] / out["roll_calls"]
    return out


# ----------------------------------------------------------------------------- partner groups

NATO, ASIA, OTHER, ALL = "NATO allies", "Asia-Pacific allies", "Everyone else", "All countries"
GROUPS = (NATO, ASIA, OTHER)

# US treaty allies in the Asia-Pacific: the five the State Department lists today (Australia,
# Japan, the Philippines, South Korea, Thailand; in the countries table, the ATOP defence pledges
# of 2018 in the World Bank region East Asia & Pacific, as helpers.profiles uses), each from the
# year its treaty with the US was signed (see the timeline table), and New Zealand from ANZUS
# (1951) until the US suspended its obligations in August 1986. Thailand's alliance rests on
# the Manila Pact (SEATO, 1954). Pakistan, in SEATO until it left in 1972, is not counted.
ASIA_PACIFIC_ALLIES = {  # code: (first year, last year or None)
    "AUS": (1951, None), "NZL": (1951, 1985), "PHL": (1951, None), "JPN": (1951, None),
    "KOR": (1953, None), "THA": (1954, None),
}


def assign_groups(df: pd.DataFrame) -> pd.Series:
    """The partner group of each row (columns iso3 and year), membership as of that year.

    - "NATO allies": members of NATO that year (the `nato_member_since` column of the
      `countries` table; France stays a member after leaving the integrated command in 1966);
    - "Asia-Pacific allies": `ASIA_PACIFIC_ALLIES`, from the year of their treaty;
    - "Everyone else": every other state (including other US allies, such as the Rio Treaty
      members of the Americas).

    >>> d = pd.DataFrame({"iso3": ["FRA", "POL", "POL", "NZL", "NZL", "IND"],
    ...                   "year": [1967, 1998, 1999, 1985, 1986, 2000]})
    >>> assign_groups(d).tolist()
    ['NATO allies', 'Everyone else', 'NATO allies', 'Asia-Pacific allies', 'Everyone else', 'Everyone else']
    """
    joined = df["iso3"].map(load("countries").set_index("iso3")["nato_member_since"])
    nato = joined.notna() & (df["year"] >= joined)
    first = df["iso3"].map({k: v[0] for k, v in ASIA_PACIFIC_ALLIES.items()})
    last = df["iso3"].map({k: (v[1] or 9999) for k, v in ASIA_PACIFIC_ALLIES.items()})
    asia = first.notna() & (df["year"] >= first) & (df["year"] <= last)
    out = np.where(nato, NATO, np.where(asia, ASIA, OTHER))
    return pd.Series(out, index=df.index, name="group", dtype="str")


# ------------------------------------------------------------------------------- measures


@dataclass(frozen=True)
class Measure:
    label: str          # axis label
    short: str          # in titles
    table: str
    column: str
    limits: tuple       # axis limits (None: from the data)
    closer: str         # which direction is closer to the US
    fmt: str            # number format for bar labels


MEASURES = {
    "agreement": Measure("Agreement with the US in UN votes (0-1)", "UN agreement with the US",
                         "un_agreement", "agreement", (0, 1), "higher = closer", "{:.2f}"),
    "distance": Measure("Distance from the US ideal point", "UN ideal-point distance from the US",
                        "un_ideal_points", "distance_to_us", (0, None), "lower = closer", "{:.2f}"),
    "favourable": Measure("Favourable view of the US (% of public)", "favourable view of the US",
                          "opinion", "pct_favorable_us", (0, 100), "higher = closer", "{:.0f}"),
}


def _measure(measure: str) -> Measure:
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(map(repr, MEASURES))}; got {measure!r}.")
    return MEASURES[measure]


def _label_of_year(years: pd.Series, measure: str) -> pd.Series:
    """The administration label of each year: the survey-year rule of helpers.cultural for
    Pew opinion, the calendar-year rule of this module for everything else."""
    if measure == "favourable":
        from .cultural import ADMINISTRATIONS, president
        rename = _cultural_labels(ADMINISTRATIONS)
        return _each(years, lambda y: rename[president(y)])
    return _each(years, lambda y: administration(y).label)


def _cultural_labels(administrations) -> dict[str, str]:
    """helpers.cultural names its administrations "Bush", "Trump"...; match them to this
    module's labels by the day each took office."""
    by_day = {p.took_office: p.label for p in PRESIDENCIES}
    return {a.name: by_day[a.inaugurated] for a in administrations}


def measure_data(measure: str = "agreement") -> pd.DataFrame:
    """One measure for every state and year: iso3, year, value, group, administration, party.

    >>> d = measure_data("favourable")
    >>> sorted(d["administration"].unique())
    ['Biden', 'G. W. Bush', 'Obama', 'Trump I']
    """
    _measure(measure)  # a clear error for an unknown measure
    return _measure_data(measure).copy()


@lru_cache(maxsize=4)
def _measure_data(measure: str) -> pd.DataFrame:
    info = MEASURES[measure]
    data = load(info.table)[["iso3", "year", info.column]].dropna(subset=[info.column])
    data = data.rename(columns={info.column: "value"}).reset_index(drop=True)
    data["value"] = data["value"].astype("float64")
    data["group"] = assign_groups(data)
    data["administration"] = _label_of_year(data["year"], measure)
    party = {p.label: p.party for p in PRESIDENCIES}
    data["party"] = data["administration"].map(party)
    return data


def _select(data: pd.DataFrame, group: str, years) -> pd.DataFrame:
    if group not in GROUPS + (ALL,):
        raise ValueError(f"group must be one of {', '.join(map(repr, GROUPS + (ALL,)))}; got {group!r}.")
    if group != ALL:
        data = data[data["group"] == group]
    if years is not None:
        first, last = (years, years) if isinstance(years, int) else years
        data = data[data["year"].between(first, last)]
    return data


def yearly(measure: str = "agreement", groups=GROUPS) -> pd.DataFrame:
    """The mean of a measure over each group's members, year by year (columns: groups).

    >>> t = yearly("agreement")
    >>> list(t.columns), int(t.index.min())
    (['NATO allies', 'Asia-Pacific allies', 'Everyone else'], 1946)
    """
    data = measure_data(measure)
    parts = {g: _select(data, g, None).groupby("year")["value"].mean() for g in groups}
    return pd.DataFrame(parts).sort_index()


def _summarise(rows: pd.DataFrame, panel: str) -> pd.DataFrame:
    """Average of `value` per administration: over all country-years ("all"), or, for the
    countries present under every administration in `rows`, the mean of each country's
    mean ("fixed"), the same two ways as helpers.cultural.favourable_by_administration."""
    if panel == "all":
        value = rows.groupby("administration")["value"].mean()
        count = rows.groupby("administration")["iso3"].nunique()
    else:
        wanted = rows["administration"].nunique()
        spread = rows.groupby("iso3")["administration"].nunique()
        keep = rows[rows["iso3"].isin(spread.index[spread == wanted])]
        per_country = keep.groupby(["administration", "iso3"])["value"].mean()
        value = per_country.groupby(level="administration").mean()
        count = per_country.groupby(level="administration").size()
    return pd.DataFrame({"value": value, "countries": count})


def by_administration(measure: str = "agreement", group: str = NATO, panel: str = "all",
                      years=None) -> pd.DataFrame:
    """A measure averaged over each administration for one group of partners.

    ``measure``: "agreement" (UN votes, 1946-2019), "distance" (UN ideal points, 1946-2024)
    or "favourable" (Pew, 2002-2023). ``group``: "NATO allies", "Asia-Pacific allies",
    "Everyone else" or "All countries" (membership as of each year, see `assign_groups`).
    ``panel``: "all" averages every country-year of the group (so the countries can differ
    between presidents); "fixed" keeps only the countries measured under every administration
    in the data and averages each country's mean (the same countries judge every president).
    ``years``: a (first, last) pair to keep only some years.

    For "favourable" the averages are those of `helpers.cultural.favourable_by_administration`
    (columns ``all_surveyed`` and ``fixed_panel``), applied to the group's rows.

    Columns: president, party, first_year and last_year (of the data), value, countries.

    >>> t = by_administration("agreement", "NATO allies")
    >>> t.loc["Truman", ["first_year", "last_year"]].tolist()
    [1949, 1952]
    >>> by_administration("favourable", "All countries").index.tolist()
    ['G. W. Bush', 'Obama', 'Trump I', 'Biden']
    """
    return from_cache(_by_administration, measure, group, panel, years)


@lru_cache(maxsize=32, typed=True)
def _by_administration(measure: str, group: str, panel: str, years) -> pd.DataFrame:
    if panel not in ("all", "fixed"):
        raise ValueError(f"panel must be 'all' or 'fixed'; got {panel!r}.")
    rows = _select(measure_data(measure), group, years)
    if rows.empty:
        return pd.DataFrame(columns=["president", "party", "first_year", "last_year", "value",
                                     "countries"]).rename_axis("administration")
    if measure == "favourable":
        from .cultural import ADMINISTRATIONS, favourable_by_administration
        table = favourable_by_administration(rows.rename(columns={"value": "pct_favorable_us"}))
        table = table.rename(index=_cultural_labels(ADMINISTRATIONS))
        col, n = ("all_surveyed", "n_all") if panel == "all" else ("fixed_panel", "n_fixed")
        summary = pd.DataFrame({"value": table[col], "countries": table[n]})
        summary = summary[summary["countries"] > 0]
    else:
        summary = _summarise(rows, panel)
    span = rows.groupby("administration")["year"].agg(["min", "max"])
    order = [p for p in PRESIDENCIES if p.label in summary.index]
    out = pd.DataFrame({
        "president": [p.president for p in order],
        "party": [p.party for p in order],
        "first_year": [int(span.loc[p.label, "min"]) for p in order],
        "last_year": [int(span.loc[p.label, "max"]) for p in order],
        "value": [float(summary.loc[p.label, "value"]) for p in order],
        "countries": [int(summary.loc[p.label, "countries"]) for p in order],
    }, index=pd.Index([p.label for p in order], name="administration"))
    return out


def compare_groups(measure: str = "agreement", panel: str = "all", groups=GROUPS) -> pd.DataFrame:
    """`by_administration` for several groups side by side: one row per administration, the
    party, and one column of averages per group.

    >>> compare_groups("agreement").columns.tolist()
    ['party', 'NATO allies', 'Asia-Pacific allies', 'Everyone else']
    """
    parts = {g: by_administration(measure, g, panel)["value"] for g in groups}
    table = pd.DataFrame(parts)
    order = [p for p in PRESIDENCIES if p.label in table.index]
    table = table.reindex([p.label for p in order])
    table.insert(0, "party", [p.party for p in order])
    table.index.name = "administration"
    return table


def administration_changes(table: pd.DataFrame) -> pd.DataFrame:
    """Each administration's value against its predecessor's (rows of `by_administration` or
    any table with administrations as index and columns party and value): the change, and
    whether the White House changed party.

    >>> t = pd.DataFrame({"party": ["Democratic", "Republican", "Republican"], "value": [0.5, 0.4, 0.7]},
    ...                  index=pd.Index(["A", "B", "C"], name="administration"))
    >>> administration_changes(t)[["before", "change", "party_change"]].round(2)
                   before  change  party_change
    administration                             
    B                   A    -0.1          True
    C                   B     0.3         False
    """
    out = pd.DataFrame({"before": table.index[:-1], "party": table["party"].to_numpy()[1:],
                        "change": np.diff(table["value"].to_numpy(dtype=float))},
                       index=table.index[1:])
    out["party_change"] = table["party"].to_numpy()[1:] != table["party"].to_numpy()[:-1]
    return out


def party_shift(table: pd.DataFrame) -> pd.DataFrame:
    """Of the changes of party in `administration_changes(table)`, by the incoming party: how
    many, the mean change, and how many went down.

    >>> t = pd.DataFrame({"party": ["Democratic", "Republican", "Democratic", "Republican"],
    ...                   "value": [1.0, 1.5, 1.2, 1.6]},
    ...                  index=pd.Index(list("ABCD"), name="administration"))
    >>> party_shift(t).to_dict("index")
    {'Democratic': {'changes': 1, 'mean_change': -0.3, 'went_down': 1}, 'Republican': {'changes': 2, 'mean_change': 0.45, 'went_down': 0}}
    """
    changes = administration_changes(table)
    switched = changes[changes["party_change"]]
    out = switched.groupby("party").agg(changes=("change", "size"), mean_change=("change", "mean"),
                                        went_down=("change", lambda s: int((s < 0).sum())))
    out.index.name = "incoming"
    out["mean_change"] = out["mean_change"].round(6)
    return out


# ----------------------------------------------------------------------- the moving reference

def reference_by_administration(value: str = "gap") -> pd.DataFrame:
    """The US ideal point, the median member's, and the gap between them, averaged over each
    administration (from `helpers.diplomatic.reference_table`, 1946-2024).

    Columns: party, first_year, last_year, us_ideal_point, median_ideal_point, gap
    (= us_ideal_point - median_ideal_point), and ``value``, a copy of the column named by
    `value` for `administration_changes` and `party_shift`. The gap is the better guide
    across years: ideal points are on a scale that can drift, and distances are what the
    source says to compare.

    >>> t = reference_by_administration()
    >>> bool((t["gap"] - (t["us_ideal_point"] - t["median_ideal_point"])).abs().max() < 1e-9)
    True
    >>> bool((t["value"] == t["gap"]).all())
    True
    """
    from .diplomatic import reference_table
    if value not in ("gap", "us_ideal_point", "median_ideal_point"):
        raise ValueError("value must be 'gap', 'us_ideal_point' or 'median_ideal_point'; "
                         f"got {value!r}.")
    ref = reference_table()
    ref["administration"] = _each(ref["year"], lambda y: administration(y).label)
    grouped = ref.groupby("administration")
    order = [p for p in PRESIDENCIES if p.label in grouped.groups]
    first, last = grouped["year"].min(), grouped["year"].max()
    means = {c: grouped[c].mean() for c in ("us_ideal_point", "median_ideal_point", "gap")}
    out = pd.DataFrame({
        "party": [p.party for p in order],
        "first_year": [int(first[p.label]) for p in order],
        "last_year": [int(last[p.label]) for p in order],
        "us_ideal_point": [means["us_ideal_point"][p.label] for p in order],
        "median_ideal_point": [means["median_ideal_point"][p.label] for p in order],
        "gap": [means["gap"][p.label] for p in order],
    }, index=pd.Index([p.label for p in order], name="administration"))
    out["value"] = out[value]
    return out


# ------------------------------------------------------------------------- the partners' side

def partner_surveys() -> pd.DataFrame:
    """Survey rows in which partners' publics judge the US (the `surveys` table: the Lowy
    Institute Poll in Australia, and Pew's 2025 question on the most important ally), with the
    US administration in office in the year of the fieldwork.

    >>> t = partner_surveys()
    >>> t.loc[t["year"] == 2025, "administration"].unique().tolist()
    ['Trump II']
    """
    s = load("surveys")
    s = s[(s["about_country"] == "USA") & (s["respondents_country"] != "USA")].copy()
    s["respondents"] = s["respondents_country"].map(country_name)
    s["administration"] = _each(s["year"], lambda y: administration(y).label)
    s["party"] = _each(s["year"], lambda y: administration(y).party)
    cols = ["survey", "year", "respondents", "answer", "pct", "administration", "party", "note"]
    return s.sort_values(["survey", "year", "respondents"])[cols].reset_index(drop=True)


# Events of the timeline in which a government's domestic politics changed a partnership:
# (title in the timeline, the side whose politics drove it, the partner, comparison group).
PARTNER_EVENTS = (
    ("France leaves NATO's integrated military command", "partner", "FRA", "other NATO allies"),
    ("US suspends ANZUS obligations to New Zealand", "partner", "NZL", "Australia"),
    ("France announces its return to NATO's integrated command", "partner", "FRA", "other NATO allies"),
    ("US withdraws from the Trans-Pacific Partnership", "United States", None, None),
)


def domestic_events() -> pd.DataFrame:
    """The timeline's events listed in `PARTNER_EVENTS`, with the US president and party of
    the day and the side whose domestic politics drove each.

    >>> domestic_events()["administration"].tolist()
    ['Johnson', 'Reagan', 'Obama', 'Trump I']
    """
    t = load("timeline")
    rows = []
    for title, side, _, _ in PARTNER_EVENTS:
        hit = t[t["title"] == title]
        if len(hit) != 1:
            raise LookupError(f"The timeline has {len(hit)} rows titled {title!r}; expected one.")
        row = hit.iloc[0]
        p = president_on(row["date"])
        rows.append({"date": row["date"], "precision": row["date_precision"], "title": title,
                     "driven_by": side, "countries": row["countries"],
                     "administration": p.label, "party": p.party, "summary": row["summary"]})
    return pd.DataFrame(rows)


def _comparison(group: str, partner: str, data: pd.DataFrame) -> pd.DataFrame:
    """The rows of `data` (every year) of the comparison states for one partner: the NATO
    members of each year other than the partner, or the one state named by `group`."""
    if group == "other NATO allies":
        return data[(data["group"] == NATO) & (data["iso3"] != partner)]
    return data[data["iso3"] == to_code(group)]


def event_effects(window: int = 3) -> pd.DataFrame:
    """Did the partner's UN agreement with the US change more than its comparison group's?

    For each partner event of `PARTNER_EVENTS`: the mean agreement of the partner and of its
    comparison group (group members of each year, partner left out) over the `window`
    calendar years before the event year and the `window` years after it (the event year
    itself is left out; 1964 has no votes). The comparison separates what changed for
    everyone (the US, the agenda) from what changed for the partner:

        partner_change  = partner_after - partner_before
        group_change    = group_after - group_before
        difference      = partner_change - group_change   (a difference in differences)

    >>> t = event_effects()
    >>> bool((t["difference"] - (t["partner_change"] - t["group_change"])).abs().max() < 1e-12)
    True
    """
    return from_cache(_event_effects, window)


@lru_cache(maxsize=4, typed=True)
def _event_effects(window: int) -> pd.DataFrame:
    data = measure_data("agreement")
    rows = []
    for title, side, partner, group in PARTNER_EVENTS:
        if partner is None:
            continue
        year = int(load("timeline").set_index("title").loc[title, "year"])
        out = {"event": title, "year": year, "partner": country_name(partner), "compared_with": group}
        comparison = _comparison(group, partner, data)
        for when, span in (("before", range(year - window, year)),
                           ("after", range(year + 1, year + window + 1))):
            mine = data[(data["iso3"] == partner) & data["year"].isin(span)]["value"]
            others = comparison[comparison["year"].isin(span)]
            others = others["value"].iloc[np.argsort(others["year"].to_numpy(), kind="stable")]
            out[f"partner_{when}"] = mine.mean()
            out[f"group_{when}"] = others.mean()
        out["partner_change"] = out["partner_after"] - out["partner_before"]
        out["group_change"] = out["group_after"] - out["group_before"]
        out["difference"] = out["partner_change"] - out["group_change"]
        rows.append(out)
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------- figures

def _styled() -> None:
    if not style.is_in_use():
        style.use()


def _bands(ax, first: float, last: float, *, labels: bool = True, fontsize: float = 8,
           y: float = 0.015, va: str = "bottom") -> None:
    """Shade each presidency in its party's colour and pattern, with its label written
    upwards from `y` (a fraction of the axes' height; `va="top"` hangs it down from `y`)."""
    for p in PRESIDENCIES:
        start, end = _span(p)
        end = last if end is None else end
        lo, hi = max(start - 0.5, first - 0.5), min(end + 0.5, last + 0.5)
        if lo >= hi:
            continue
        look = PARTIES[p.party]
        ax.axvspan(lo, hi, facecolor=look["color"], alpha=0.13, zorder=0, linewidth=0)
        if look["hatch"]:
            ax.axvspan(lo, hi, facecolor="none", edgecolor=look["color"], alpha=0.35,
                       hatch=look["hatch"], zorder=0, linewidth=0)
        if labels:
            ax.text((lo + hi) / 2, y, f"{p.label} ({look['letter']})", rotation=90,
                    transform=ax.get_xaxis_transform(), ha="center", va=va,
                    fontsize=fontsize, color="0.25", clip_on=True)


def _party_handles(bars: bool = False):
    """Legend entries for the parties: as the bars are drawn, or as the light bands."""
    from matplotlib.patches import Patch
    if bars:
        return [Patch(facecolor=v["color"], hatch=v["hatch"], edgecolor="white",
                      label=f"{k} president ({v['letter']})") for k, v in PARTIES.items()]
    return [Patch(facecolor=v["color"], alpha=0.6 if not v["hatch"] else 0.45,
                  hatch=v["hatch"], edgecolor="white" if not v["hatch"] else v["color"],
                  label=f"{k} president ({v['letter']})") for k, v in PARTIES.items()]


_GROUP_LOOK = {NATO: (style.PALETTE[4], "-", "o"), ASIA: (style.PALETTE[2], "--", "s"),
               OTHER: (style.US_COLOR, ":", "^"), ALL: (style.PALETTE[5], "-.", "D")}


def plot_group_trends(measure: str = "agreement", groups=GROUPS, *, alt: str | None = None) -> None:
    """Each group's yearly mean of a measure, over bands for the presidencies (party colour
    and pattern).

    >>> plot_group_trends("agreement")
    Figure(1000x500)
    """
    _styled()
    info = _measure(measure)
    table = yearly(measure, groups)
    first, last = int(table.index.min()), int(table.index.max())
    fig, ax = plt.subplots(figsize=(10, 5))
    _bands(ax, first, last)
    for g in groups:
        color, ls, _ = _GROUP_LOOK[g]
        series = table[g].reindex(range(first, last + 1))  # gaps (1964) stay gaps
        ax.plot(series.index, series.to_numpy(), color=color, linestyle=ls, linewidth=2.2, label=g)
    lo, hi = info.limits
    ax.set_ylim(lo, hi if hi is not None else table.max().max() * 1.1)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylabel(info.label)
    ax.set_xlabel("calendar year (counted to the president in office on 31 December)")
    ax.grid(axis="x", visible=False)
    ax.set_title(f"{info.short[:1].upper() + info.short[1:]} by partner group, under each president")
    handles = ax.get_lines() + _party_handles()
    fig.legend(handles=handles, loc="outside lower center", ncol=5, fontsize=9)
    if alt is None:
        means = by_party_means(measure, groups)
        corr = table.diff().corr().to_numpy()
        together = float(np.median(corr[np.triu_indices_from(corr, k=1)])) if len(groups) > 1 else 1.0
        alt = (f"Line chart of the yearly mean {info.short} for {', '.join(groups)}, "
               f"{first}-{last}, over shaded bands for each president (Democrats plain blue, "
               f"Republicans orange with diagonal hatching). The year-to-year changes of the "
               f"groups are correlated (median correlation {together:.2f}). Average over the "
               f"years of each party's presidents: "
               + "; ".join(f"{g}: Democratic {means.loc[g, 'Democratic']:.2f}, Republican "
                           f"{means.loc[g, 'Republican']:.2f}" for g in groups) + ".")
    show(fig, alt)


def by_party_means(measure: str = "agreement", groups=GROUPS) -> pd.DataFrame:
    """The mean of each group's yearly values over the years of each party's presidents.

    >>> by_party_means("agreement").columns.tolist()
    ['Democratic', 'Republican']
    """
    table = yearly(measure, groups)
    party = pd.Series([administration(y).party for y in table.index], index=table.index)
    return table.groupby(party).mean().T


def plot_by_administration(measure: str = "agreement", group: str = NATO, panel: str = "all",
                           years=None, *, alt: str | None = None) -> None:
    """Bars: a measure averaged over each administration, coloured and patterned by party.

    >>> plot_by_administration("favourable", "NATO allies", "fixed")
    Figure(1100x450)
    """
    _styled()
    info = _measure(measure)
    table = by_administration(measure, group, panel, years)
    if table.empty:
        print(f"No {info.short} for {group.lower()} in these years. The {info.table} table "
              f"covers {'-'.join(map(str, _coverage(info)))}.")
        return
    fig, ax = plt.subplots(figsize=(11, 4.5))
    x = np.arange(len(table))
    looks = [PARTIES[p] for p in table["party"]]
    bars = ax.bar(x, table["value"], width=0.72, color=[lk["color"] for lk in looks],
                  hatch=[lk["hatch"] for lk in looks], edgecolor="white", linewidth=0.8)
    ax.bar_label(bars, labels=[info.fmt.format(v) for v in table["value"]], padding=2, fontsize=9)
    ticks = [(_tick(a) if len(table) > 8 else a) + f"\n{r.first_year}" + (f"–{str(r.last_year)[2:]}" if r.last_year != r.first_year else "")
             for a, r in table.iterrows()]
    ax.set_xticks(x, ticks, fontsize=8.3 if len(table) > 12 else 8.8 if len(table) > 8 else 10)
    lo, hi = info.limits
    top = hi if hi is not None else table["value"].max() * 1.15
    ax.set_ylim(lo, top)
    ax.set_ylabel(info.label + ("\n(lower = closer)" if info.closer.startswith("lower") else ""))
    ax.grid(axis="x", visible=False)
    how = "the same countries under every president" if panel == "fixed" else "all countries measured"
    counts = sorted(set(table["countries"]))
    count = (f"{counts[0]} countries" if len(counts) == 1
             else f"{counts[0]}-{counts[-1]} countries per administration")
    ax.set_title(f"{info.short[:1].upper() + info.short[1:]} by administration: {group}\n",
                 fontsize=12)
    ax.text(0, 1.02, f"{how[:1].upper() + how[1:]} ({count})", transform=ax.transAxes,
            fontsize=9.5, color="0.3", va="bottom")
    ax.legend(handles=_party_handles(bars=True), loc="lower right", fontsize=9, ncols=2,
              bbox_to_anchor=(1, 1.0), borderaxespad=0.2)
    if alt is None:
        best = table["value"].idxmax() if info.closer.startswith("higher") else table["value"].idxmin()
        worst = table["value"].idxmin() if info.closer.startswith("higher") else table["value"].idxmax()
        alt = (f"Bar chart of the average {info.short} for {group if group != ALL else 'all countries'} under each of "
               f"{len(table)} administrations, {table['first_year'].min()}-{table['last_year'].max()} "
               f"({how}); Democratic bars are plain blue, Republican bars orange with diagonal "
               f"hatching. Closest under {best} ({info.fmt.format(table.loc[best, 'value'])}), "
               f"furthest under {worst} ({info.fmt.format(table.loc[worst, 'value'])}).")
    show(fig, alt)


def _tick(label: str) -> str:
    """A long administration label on two lines, for crowded axes.

    >>> _tick("G. H. W. Bush"), _tick("Obama")
    ('G. H. W.\\nBush', 'Obama')
    """
    return label.replace(" Bush", "\nBush") if len(label) > 9 else label


def _coverage(info: Measure) -> tuple[int, int]:
    from .data import coverage
    return coverage(info.table)


def plot_reference(*, alt: str | None = None) -> None:
    """The US ideal point and the median member's, 1946-2024, over the presidencies' bands.

    >>> plot_reference()
    Figure(1000x500)
    """
    from .diplomatic import reference_table
    _styled()
    t = reference_table().set_index("year")
    first, last = int(t.index.min()), int(t.index.max())
    fig, ax = plt.subplots(figsize=(10, 5))
    _bands(ax, first, last, y=0.985, va="top")
    full = range(first, last + 1)
    ax.plot(full, t["us_ideal_point"].reindex(full).to_numpy(), color=style.US_COLOR,
            linewidth=2.4, label="United States")
    ax.plot(full, t["median_ideal_point"].reindex(full).to_numpy(), color=style.PALETTE[4],
            linestyle="--", linewidth=2, label="median of the other members")
    ax.set_ylim(t["median_ideal_point"].min() - 0.3, t["us_ideal_point"].max() + 2.0)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylabel("UN ideal point (higher = the US side)")
    ax.set_xlabel("calendar year")
    ax.grid(axis="x", visible=False)
    ax.set_title("The reference moves: the US and the median member's ideal point")
    fig.legend(handles=ax.get_lines() + _party_handles(), loc="outside lower center", ncol=4,
               fontsize=9)
    if alt is None:
        shift = party_shift(reference_by_administration())
        alt = (f"Line chart of the UN ideal point of the United States and the median of the other "
               f"members, {first}-{last}, over bands for each president (Democrats plain blue, "
               f"Republicans orange with hatching). The US line is always far above the median. "
               f"When the White House changed party, the gap between the US and the median "
               f"(administration averages) changed by "
               + "; ".join(f"{r.mean_change:+.2f} on average when the {k} party took over "
                           f"(narrower {int(r.went_down)} times out of {int(r.changes)})"
                           for k, r in shift.iterrows()) + ".")
    show(fig, alt)


def plot_partner_events(window: int = 3, *, alt: str | None = None) -> None:
    """Two partners whose own politics strained the alliance, against a comparison group:
    France (integrated command, 1966 and 2009) and New Zealand (nuclear-free, 1986).

    >>> plot_partner_events()
    Figure(1100x450)
    """
    _styled()
    data = measure_data("agreement")
    effects = event_effects(window)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5), sharey=True, width_ratios=[1.5, 1])
    panels = [("FRA", "other NATO allies", (1955, 2016)), ("NZL", "Australia", (1975, 1997))]
    for ax, (partner, group, (first, last)) in zip(axes, panels):
        _bands(ax, first, last, labels=False)
        years = range(first, last + 1)
        mine = data[data["iso3"] == partner].set_index("year")["value"].reindex(years)
        means = {y: v.mean() for y, v in _comparison(group, partner, data).groupby("year")["value"]}
        others = pd.Series({y: means.get(y, np.nan) for y in years})
        ax.plot(years, mine.to_numpy(), color=style.PALETTE[4], linewidth=2.2,
                label=country_name(partner))
        ax.plot(years, others.to_numpy(), color=style.US_COLOR, linestyle="--", linewidth=2,
                label=group)
        for _, ev in effects[effects["partner"] == country_name(partner)].iterrows():
            ax.axvline(ev["year"], color="black", linewidth=1, linestyle=(0, (1, 1)))
            ax.annotate(f"{ev['year']}", xy=(ev["year"], 0.985), xycoords=("data", "axes fraction"),
                        xytext=(3, 0), textcoords="offset points", fontsize=9, fontweight="bold",
                        va="top")
        ax.set_xlim(first - 0.5, last + 0.5)
        ax.set_ylim(0.3, 1)
        ax.grid(axis="x", visible=False)
        ax.set_xlabel("calendar year")
        ax.legend(handles=ax.get_lines()[:2] + _party_handles(), loc="lower left", fontsize=8.5,
                  framealpha=0.9, frameon=True, edgecolor="none")
    axes[0].set_title("France: 1966 (leaves the integrated command), 2009 (returns)", fontsize=11)
    axes[1].set_title("New Zealand: 1986 (ANZUS suspended)", fontsize=11)
    axes[0].set_ylabel("Agreement with the US in UN votes")
    if alt is None:
        parts = [f"{r.partner} around {r.year}: {r.partner_change:+.2f} against "
                 f"{r.group_change:+.2f} for {r.compared_with}" for r in effects.itertuples()]
        alt = ("Two line charts of agreement with the US in UN votes, each partner against a "
               "comparison group, with dotted lines at the events and bands for US presidents. "
               f"Change from the {window} years before to the {window} years after: "
               + "; ".join(parts) + ".")
    show(fig, alt)


def plot_australia(*, alt: str | None = None) -> None:
    """Australia: the share with a favourable view of the US (Pew) and the share calling the
    US alliance important (Lowy Institute Poll), with the presidencies' bands.

    >>> plot_australia()
    Figure(1000x450)
    """
    _styled()
    pew = load("opinion", countries="AUS").dropna(subset=["pct_favorable_us"]).set_index("year")
    lowy = load("surveys")
    lowy = lowy[(lowy["survey"] == "Lowy Institute Poll") & (lowy["respondents_country"] == "AUS")]
    lowy = lowy.set_index("year")["pct"].sort_index()
    changed = lowy[load("surveys").set_index("year").loc[lowy.index, "note"]
                   .fillna("").str.contains("mode").groupby(level=0).any()].index.min()
    first, last = int(min(pew.index.min(), lowy.index.min())), int(max(pew.index.max(), lowy.index.max()))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    _bands(ax, first, last, fontsize=8)
    grid = pew["pct_favorable_us"].reindex(range(int(pew.index.min()), int(pew.index.max()) + 1))
    ax.plot(grid.index, grid.to_numpy(), color=style.PALETTE[4], marker="o", markersize=4,
            label="favourable view of the US (Pew)")
    ax.plot(lowy.index, lowy.to_numpy(), color=style.US_COLOR, marker="D", markersize=7,
            linestyle="none", label="US alliance very or fairly important (Lowy)")
    for year, pct in lowy.items():
        ax.annotate(f"{pct:.0f}%", xy=(year, pct), xytext=(0, 7), textcoords="offset points",
                    ha="center", fontsize=8.5, color=style.US_COLOR)
    ax.axvline(changed - 0.5, color="black", linewidth=1, linestyle=(0, (1, 1)))
    ax.annotate("Lowy changed\nsurvey mode", xy=(changed - 0.5, 97), xytext=(-4, 0),
                textcoords="offset points", ha="right", va="top", fontsize=8.5)
    ax.set_ylim(0, 100)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylabel("Percent of Australian adults")
    ax.set_xlabel("survey year")
    ax.grid(axis="x", visible=False)
    ax.set_title("Australia: opinion of the US and support for the alliance")
    handles = ax.get_lines()[:2] + _party_handles()
    fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=9)
    if alt is None:
        alt = (f"Line chart for Australia, {first}-{last}, over bands for US presidents. Pew's "
               f"favourable view of the US ranges from {grid.min():.0f}% ({int(grid.idxmin())}) to "
               f"{grid.max():.0f}% ({int(grid.idxmax())}); the Lowy Institute's share calling the "
               "US alliance important is " + ", ".join(f"{v:.0f}% in {y}" for y, v in lowy.items())
               + f"; the Lowy poll changed its survey mode in {changed}.")
    show(fig, alt)


# ---------------------------------------------------------------------------------- explorer

def explorer(measure: str = "agreement", group: str = NATO):
    """Pick a measure, a partner group, the years and whether to keep the same countries; see
    the averages by administration (`plot_by_administration`)."""
    import ipywidgets
    from . import widgets as w
    options = {MEASURES[k].short[:1].upper() + MEASURES[k].short[1:]: k for k in MEASURES}

    def draw(measure, group, fixed, years):
        try:
            plot_by_administration(measure, group, "fixed" if fixed else "all", years)
        except ValueError as err:
            print(err)

    fixed = ipywidgets.Checkbox(value=False, description="Same countries under every president",
                                style={"description_width": "initial"})
    return w.explorer(draw, measure=w.choice(options, measure, "Measure"),
                      group=w.choice({g: g for g in GROUPS + (ALL,)}, group, "Partners"),
                      fixed=fixed, years=w.years(1946, 2024))
