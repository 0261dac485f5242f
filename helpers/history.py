"""History of US partnerships (notebook 01_history): the timeline, alliances and embassies.

Three tables tell the story from three sides:

- `timeline`: a curated list of events, from the 1778 alliance with France to today;
- `alliances`: the alliance pledges the United States made to each partner, year by year
  (ATOP, 1815-2018; a missing partner-year means no alliance);
- `diplomacy`: the level of the US mission in each partner's capital (Correlates of War,
  observed about every five years, 1817-2005).

The functions here compute the notebook's tables and draw its figures. Each figure goes
through `helpers.plots.show`, which attaches alt text.

>>> counts = alliance_counts()
>>> int(counts.loc[1900, "total"]), int(counts.loc[1950, "total"]) > 20
(0, True)
"""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from matplotlib.lines import Line2D

from . import style
from .countries import country as to_code
from .countries import name as country_name
from .data import load
from .plots import show

# ---- the timeline ------------------------------------------------------------------------

#: The kinds of event in the `timeline` table, each with its own colour AND marker shape,
#: so the figure still reads in grey or for readers who do not tell colours apart.
KINDS = ("treaty", "agreement", "declaration", "organisation", "summit", "speech",
         "policy", "withdrawal", "crisis")
KIND_STYLE = {
    "treaty": (style.PALETTE[0], "s"),
    "agreement": (style.PALETTE[1], "D"),
    "declaration": (style.PALETTE[4], "^"),
    "organisation": (style.PALETTE[9], "h"),
    "summit": (style.PALETTE[5], "P"),
    "speech": (style.PALETTE[7], "o"),
    "policy": (style.PALETTE[8], "*"),
    "withdrawal": (style.PALETTE[2], "X"),
    "crisis": (style.PALETTE[6], "v"),
}

#: The events that get a text label on the timeline (title in the table -> short label);
#: every other event is drawn as a mark only.
KEY_EVENTS = {
    "Treaty of Alliance with France": "Alliance and commerce treaties with France",
    "Treaty of Paris": "Treaty of Paris: Britain recognises independence",
    "Washington's Farewell Address": "Washington's Farewell Address",
    "Congress declares the French treaties void": "Quasi-War: Congress voids French treaties",
    "Convention of 1800 (Treaty of Mortefontaine)": "Convention of 1800 ends the alliance",
    "Jefferson's first inaugural address": "Jefferson: \"entangling alliances with none\"",
    "Monroe Doctrine": "Monroe Doctrine",
    "Treaty of Kanagawa with Japan": "Treaty of Kanagawa with Japan",
    "Venezuela boundary crisis": "Venezuela crisis, then rapprochement with Britain",
    "US enters the First World War as an 'associated power'": "Enters the First World War",
    "Senate's final rejection of the Treaty of Versailles": "Senate rejects the League",
    "Four-Power Treaty": "Four-Power Treaty",
    "Lend-Lease Act": "Lend-Lease",
    "Atlantic Charter": "Atlantic Charter",
    "Declaration by United Nations": "Declaration by United Nations",
    "Charter of the United Nations signed": "UN Charter",
    "Churchill's 'Sinews of Peace' speech at Fulton": "'Special relationship' speech; UKUSA",
    "Rio Treaty (Inter-American Treaty of Reciprocal Assistance)": "Rio Treaty",
    "North Atlantic Treaty signed": "North Atlantic Treaty (NATO)",
    "ANZUS Treaty signed": "ANZUS",
    "US-Japan Security Treaty": "US-Japan Security Treaty",
    "Mutual Defense Treaty with South Korea": "South Korea treaty",
    "Southeast Asia Collective Defense Treaty (SEATO)": "SEATO",
    "Suez crisis": "Suez crisis",
    "Treaty of Mutual Cooperation and Security with Japan": "New US-Japan treaty",
    "France leaves NATO's integrated military command": "France leaves NATO's integrated command",
    "Nixon shock: dollar no longer convertible into gold": "Nixon shock",
    "US suspends ANZUS obligations to New Zealand": "ANZUS suspended for New Zealand",
    "North American Free Trade Agreement signed": "NAFTA",
    "Czech Republic, Hungary and Poland join NATO": "NATO enlarges east",
    "NATO invokes Article 5": "NATO invokes Article 5",
    "Quad first proposed": "Quad proposed",
    "France announces its return to NATO's integrated command": "France returns",
    "US withdraws from the Trans-Pacific Partnership": "US leaves TPP",
    "AUKUS announced": "AUKUS; Quad leaders meet",
    "Russia's full-scale invasion of Ukraine": "Russia invades Ukraine",
    "Sweden joins NATO": "Finland, Sweden join NATO",
}

#: The rows of the timeline figure: (first year, last year, heading).
ERAS = (
    (1775, 1830, "1775–1830: one alliance, then a rule against them"),
    (1830, 1940, "1830–1939: a century without alliances"),
    (1940, 1965, "1940–1964: war, then a web of treaties"),
    (1965, 2000, "1965–1999: allies test the network"),
    (2000, 2030, "2000 to today: a wider network"),
)

def decimal_year(dates) -> pd.Series:
    """Dates as fractional years, so that events can be placed on a time axis.

    >>> decimal_year(pd.to_datetime(pd.Series(["1778-01-01", "1949-07-02"]))).round(2).tolist()
    [1778.0, 1949.5]
    """
    dates = pd.to_datetime(pd.Series(dates))
    days = np.where(dates.dt.is_leap_year, 366, 365)
    return dates.dt.year + (dates.dt.day_of_year - 1) / days


def events(kinds=None, years=None, country=None) -> pd.DataFrame:
    """Rows of the `timeline` table, optionally only some kinds, years or one partner.

    `country` keeps the events whose `countries` field lists that partner (by name or code).

    >>> events(country="France", years=(1778, 1801))["title"].tolist()[:2]
    ['Treaty of Alliance with France', 'Treaty of Amity and Commerce with France']
    >>> sorted(events(kinds=["speech"], years=(1790, 1810))["year"].tolist())
    [1796, 1801]
    """
    df = load("timeline")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        unknown = sorted(set(kinds) - set(KINDS))
        if unknown:
            raise ValueError(f"{', '.join(map(repr, unknown))} is not a kind of event; the kinds "
                             f"are {', '.join(KINDS)}.")
        df = df[df["kind"].astype(str).isin(kinds)]
    if years is not None:
        first, last = (years, years) if isinstance(years, int) else years
        df = df[df["year"].between(first, last)]
    if country is not None:
        code = to_code(country)
        df = df[df["countries"].fillna("").str.split().apply(lambda codes: code in codes)]
    return df.sort_values(["date", "title"]).reset_index(drop=True)


def _overlaps(a, b, pad: float) -> bool:
    return a[0] < b[1] + pad and b[0] < a[1] + pad


LABEL_LEVELS = (1, -1, 2, -2, 3, -3, 4, -4, 5, -5)


def _place_labels(ax, rows: pd.DataFrame, fontsize: float = 8.5) -> list[str]:
    """Put each labelled event's text on the first free level above or below the axis line.

    Levels are tried in the order 1, -1, 2, -2, ... (`LABEL_LEVELS`). A level is free when
    the text stays inside the axes, does not overlap another label on that level, does not
    cross the stem of a label further out, and its own stem does not cross a label nearer the
    axis line. First pass: from right to left, text to the right of its stem (so a stem never
    crosses an earlier text). Second pass, for labels that ran into the right edge: text to
    the left of the stem. Returns the labels that found no free level (they keep their mark;
    the tests check that the default figure has none).
    """
    renderer = ax.figure.canvas.get_renderer()
    placed: list[tuple[int, tuple[float, float], float]] = []  # (level, (left, right) px, stem px)
    x0, x1 = ax.bbox.x0, ax.bbox.x1

    def fits(ev, ha: str) -> bool:
        x = ev.x
        stem_px = ax.transData.transform((x, 0))[0]
        # The text is made once: its left and right edges do not depend on the level (only
        # its height does), so it is measured once and moved to the first free level.
        text = ax.text(x, _level_y(LABEL_LEVELS[0]), f"{ev.year} {ev.label}", fontsize=fontsize,
                       ha=ha, va="bottom", zorder=4,
                       bbox=dict(boxstyle="square,pad=0.05", fc="white", ec="none", alpha=0.85))
        box = text.get_window_extent(renderer)
        span = (box.x0, box.x1)
        if not (box.x0 >= x0 - 2 and box.x1 <= x1 + 2):
            text.remove()
            return False
        for level in LABEL_LEVELS:
            ok = True
            for lvl, other, other_stem in placed:
                same_side = (lvl > 0) == (level > 0)
                if lvl == level and _overlaps(span, other, 6):
                    ok = False
                elif same_side and abs(lvl) > abs(level) and span[0] - 3 <= other_stem <= span[1] + 3:
                    ok = False  # our text would cross a stem going further out
                elif same_side and abs(lvl) < abs(level) and other[0] - 3 <= stem_px <= other[1] + 3:
                    ok = False  # our stem would cross a label nearer the line
            if ok:
                y = _level_y(level)
                if level != LABEL_LEVELS[0]:
                    text.set_y(y)
                    text.set_verticalalignment("bottom" if level > 0 else "top")
                placed.append((level, span, stem_px))
                _line(ax, [x, x], [0, y], color="#9a9a9a", linewidth=0.7, linestyle="-", zorder=1)
                return True
        text.remove()
        return False

    ordered = rows.sort_values("x", ascending=False)
    left_over = [ev for ev in ordered.itertuples(index=False) if not fits(ev, "left")]
    return [ev.title for ev in left_over if not fits(ev, "right")]


def _level_y(level: int) -> float:
    """The height (in data units) of the text of a label on a level of `LABEL_LEVELS`."""
    return math.copysign(1.25 + 0.62 * (abs(level) - 1), level)


def _line(ax, x, y, **style_) -> None:
    """What `ax.plot(x, y, **style_)` draws when the axes' limits are already set and `style_`
    gives the colour and line style: a `Line2D` added to the axes, without `plot`'s parsing
    of its arguments (the timeline adds over a hundred of them)."""
    ax.add_line(Line2D(x, y, **style_))


def _marks(ax, rows: pd.DataFrame, width_years: float) -> None:
    """Draw one mark per event on the axis line; marks that would touch are stacked.

    The caller sets the axes' limits (the marks do not rescale them)."""
    last_x = {}
    offsets = (0.0, 0.4, -0.4, 0.8, -0.8)
    for x, kind in zip(rows["x"].tolist(), rows["kind"].astype(str).tolist()):
        colour, marker = KIND_STYLE[kind]
        for off in offsets:
            if abs(x - last_x.get(off, -1e9)) > width_years:
                break
        last_x[off] = x
        _line(ax, [x], [off], marker=marker, color=colour, markersize=7.5 if marker != "*" else 10,
              markeredgecolor="white", markeredgewidth=0.6, linestyle="none", zorder=3)


def draw_timeline(kinds=None, years=None, labels=None, *, alt: str | None = None) -> None:
    """Draw the timeline: one row per era, every event as a mark, key events labelled.

    Each kind of event has its own colour and marker shape (see `KIND_STYLE`). Only the events
    in `labels` (default `KEY_EVENTS`, title -> short label) get text; the rest are marks.
    `kinds` and `years` (a first and last year) filter the events.

    >>> draw_timeline(years=(1775, 1830))
    Figure(1100x310)
    """
    fig, text, _ = timeline_figure(kinds, years, labels)
    show(fig, alt or text)


def timeline_figure(kinds=None, years=None, labels=None):
    """The timeline figure, unshown: (figure, alt text, titles of labels that found no room).

    >>> import matplotlib.pyplot as plt
    >>> fig, alt, dropped = timeline_figure(kinds=["treaty"], years=(1940, 1960))
    >>> dropped, alt.startswith("Timeline in 1 row")
    ([], True)
    >>> plt.close(fig)
    """
    if not style.is_in_use():
        style.use()
    labels = KEY_EVENTS if labels is None else labels
    df = events(kinds=kinds, years=years)
    if df.empty:
        raise ValueError("No events match these kinds and years; choose more kinds or a wider span.")
    df = df.assign(x=decimal_year(df["date"]).to_numpy(),
                   label=df["title"].map(labels))
    first, last = (years if years is not None else (ERAS[0][0], ERAS[-1][1]))
    eras = [(max(a, first), min(b, last + 1), title) for a, b, title in ERAS
            if a <= last and b > first and not df[(df["x"] >= a) & (df["x"] < b)].empty]
    fig = plt.figure(figsize=(11, 2.5 * len(eras) + 0.6), layout="constrained")
    axes = fig.subplots(len(eras), 1, squeeze=False)[:, 0]
    kinds_shown = [k for k in KINDS if k in set(df["kind"].astype(str))]
    handles = [Line2D([], [], marker=KIND_STYLE[k][1], color=KIND_STYLE[k][0], linestyle="none",
                      markersize=8, label=k) for k in kinds_shown]
    fig.legend(handles=handles, loc="outside upper center", ncol=len(handles), fontsize=9,
               title="Kind of event (colour and shape)", title_fontsize=9)
    for ax, (a, b, title) in zip(axes, eras):
        span = b - a
        ax.set_xlim(a - span * 0.01, b + span * 0.01)
        ax.set_ylim(-4.2, 4.2)
        ax.axhline(0, color=style.US_COLOR, linewidth=1.2, zorder=2)
        ax.set_yticks([])
        ax.grid(axis="y", visible=False)
        ax.spines[["left", "top", "right"]].set_visible(False)
        step = 5 if span <= 40 else (10 if span <= 70 else 20)
        ax.set_xticks(range(math.ceil(a / step) * step, b + 1, step))
        ax.set_title(title, fontsize=11.5)
    # Lay the figure out (constrained layout only, no drawing), so that the axes have their
    # final place and text sizes can be measured against them.
    fig.get_layout_engine().execute(fig)
    dropped = []
    for ax, (a, b, title) in zip(axes, eras):
        rows = df[(df["x"] >= a) & (df["x"] < b)]
        _marks(ax, rows, width_years=(b - a) / 110)
        dropped += _place_labels(ax, rows.dropna(subset=["label"]))
        used = [abs(t.get_position()[1]) for t in ax.texts] or [0]
        ax.set_ylim(-max(used) - 0.75, max(used) + 0.75)  # no empty band above and below
    counts = df["kind"].astype(str).value_counts()
    named = df.dropna(subset=["label"])
    named = named[~named["title"].isin(dropped)]
    rows_word = "rows, one per era" if len(eras) > 1 else "row"
    alt = (f"Timeline in {len(eras)} {rows_word}, of {len(df)} events in US partnerships from "
           f"{df['year'].min()} to {df['year'].max()}, each a mark whose colour and shape give "
           "its kind (" + ", ".join(f"{counts[k]} {k}" for k in kinds_shown) + "). Labelled: "
           + "; ".join(f"{r.year} {r.label}" for r in named.itertuples()) + ".")
    return fig, alt, dropped


def kinds_by_era() -> pd.DataFrame:
    """How many events of each kind the timeline holds in each era of the figure.

    >>> int(kinds_by_era().loc["1775–1829", "treaty"]) >= 1
    True
    """
    df = events()
    labels = [f"{a}–{b - 1}" if b <= 2000 else f"{a}–" for a, b, _ in ERAS]
    era = pd.cut(df["year"], [a for a, _, _ in ERAS] + [ERAS[-1][1]], right=False, labels=labels)
    table = pd.crosstab(era, df["kind"].astype(str)).reindex(columns=list(KINDS), fill_value=0)
    table.index.name, table.columns.name = "era", None
    return table


# ---- alliances (ATOP) --------------------------------------------------------------------

LEVEL_NAMES = {3: "defence or offence pledge", 2: "neutrality or consultation only",
               1: "non-aggression only", 0: "no alliance"}
PLEDGES = {"defense": "defence", "offense": "offence", "neutrality": "neutrality",
           "nonaggression": "non-aggression", "consultation": "consultation"}
ATOP_YEARS = (1815, 2018)


def alliance_counts(first: int = ATOP_YEARS[0], last: int = ATOP_YEARS[1]) -> pd.DataFrame:
    """Partners of the US at each alliance level, every year from `first` to `last`.

    Columns 3, 2, 1 count partners whose strongest US pledge is at that level (see
    `LEVEL_NAMES`); `total` counts all partners with any alliance. A year with no row in
    `alliances` is a year with no alliance, so it counts 0, not missing.

    >>> alliance_counts(1907, 1909)
          3  2  1  total
    year
    1907  0  0  0      0
    1908  0  1  0      1
    1909  0  1  0      1
    """
    a = load("alliances")
    table = (a.groupby(["year", "level"]).size().unstack(fill_value=0)
             .reindex(index=range(first, last + 1), columns=[3, 2, 1], fill_value=0))
    table = table.fillna(0).astype("int64")
    table.columns = [3, 2, 1]
    table.columns.name = None
    table.index.name = "year"
    table["total"] = table.sum(axis=1)
    return table


def pledge_counts(first: int = ATOP_YEARS[0], last: int = ATOP_YEARS[1]) -> pd.DataFrame:
    """Partners holding each kind of US pledge, every year (one alliance can hold several).

    >>> pledge_counts(1942, 1942)[["defense", "offense", "consultation"]]
          defense  offense  consultation
    year
    1942       26       26             0
    """
    a = load("alliances")
    table = a.groupby("year")[list(PLEDGES)].sum().reindex(range(first, last + 1), fill_value=0)
    table.index.name = "year"
    return table.astype("int64")


def no_alliance_spans(first: int = ATOP_YEARS[0], last: int = ATOP_YEARS[1]) -> pd.DataFrame:
    """The runs of consecutive years in which the US had no alliance at all (ATOP).

    >>> no_alliance_spans().iloc[0].tolist()
    [1815, 1907, 93]
    """
    empty = alliance_counts(first, last)["total"].eq(0)
    runs = (empty != empty.shift()).cumsum()
    spans = [(int(g.index[0]), int(g.index[-1])) for _, g in empty[empty].groupby(runs[empty])]
    return pd.DataFrame({"first_year": [s[0] for s in spans], "last_year": [s[1] for s in spans],
                         "years": [s[1] - s[0] + 1 for s in spans]})


def first_year_above(n: int, pledge: str = "defense", first: int = ATOP_YEARS[0],
                     last: int = ATOP_YEARS[1]) -> int:
    """The first year in which more than `n` partners held a given US pledge.

    >>> first_year_above(0, "consultation")
    1908
    """
    counts = pledge_counts(first, last)[pledge]
    above = counts[counts > n]
    if above.empty:
        raise ValueError(f"No year has more than {n} partners with a {pledge} pledge.")
    return int(above.index[0])


def draw_alliances(first: int = ATOP_YEARS[0], last: int = ATOP_YEARS[1],
                   marks=("North Atlantic Treaty signed", "Rio Treaty (Inter-American Treaty of "
                          "Reciprocal Assistance)"), *, alt: str | None = None) -> None:
    """Two panels: partners by alliance level (stacked areas), and partners by kind of pledge.

    >>> draw_alliances(1900, 1950)
    Figure(1000x700)
    """
    if not style.is_in_use():
        style.use()
    levels = alliance_counts(first, last)
    pledges = pledge_counts(first, last)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 2]})
    colours = {3: style.PALETTE[0], 2: style.PALETTE[1], 1: style.PALETTE[3]}
    hatches = {3: None, 2: "///", 1: "..."}
    base = np.zeros(len(levels))
    for lvl in (3, 2, 1):
        top.fill_between(levels.index, base, base + levels[lvl], step="mid", color=colours[lvl],
                         alpha=0.85, hatch=hatches[lvl], edgecolor="white", linewidth=0,
                         label=f"{lvl}: {LEVEL_NAMES[lvl]}")
        base = base + levels[lvl].to_numpy()
    top.set_ylabel("Partners with a US alliance")
    top.set_title("US alliance partners by strongest pledge (ATOP)")
    top.legend(loc="upper left", fontsize=9)
    tl = events()
    for k, title in enumerate(marks):
        row = tl[tl["title"] == title]
        if row.empty:
            continue
        year = int(row["year"].iloc[0])
        if first <= year <= last:
            for ax in (top, bottom):
                ax.axvline(year, color=style.US_COLOR, linewidth=0.8, linestyle=":")
            right = k % 2 == 0  # alternate sides so that labels of close years do not collide
            top.annotate(KEY_EVENTS.get(title, title).split(" (")[0] + f" {year}",
                         (year, levels["total"].max() * 0.98), rotation=90,
                         ha="left" if right else "right", va="top", fontsize=8.5,
                         color=style.US_COLOR, xytext=(2 if right else -2, 0),
                         textcoords="offset points")
    spans = no_alliance_spans(first, last)
    if not spans.empty:
        longest = spans.loc[spans["years"].idxmax()]
        if longest["years"] >= 20:
            top.text((longest["first_year"] + longest["last_year"]) / 2, levels["total"].max() * 0.2,
                     f"no US alliance at all,\n{longest['first_year']}–{longest['last_year']}",
                     ha="center", va="bottom", fontsize=9.5, color=style.US_COLOR)
    for i, (col, label) in enumerate(PLEDGES.items()):
        if pledges[col].sum() == 0:
            continue
        bottom.step(pledges.index, pledges[col], where="mid", color=style.PALETTE[[0, 2, 4, 3, 1][i]],
                    linestyle=style.LINESTYLES[i], label=label, linewidth=1.6)
    bottom.set_ylabel("Partners holding the pledge")
    bottom.set_xlabel("year")
    bottom.set_title("Kinds of pledge (one alliance can hold several)", fontsize=11)
    bottom.legend(loc="upper left", fontsize=9, ncol=2)
    bottom.set_xlim(first, last)
    if alt is None:
        peak = levels["total"].idxmax()
        alt = (f"Stacked area chart and line chart, {first}–{last}: number of US alliance partners "
               f"each year by strongest pledge, and by kind of pledge. Years with no alliance at all: "
               + ", ".join(f"{a}–{b}" for a, b in zip(spans["first_year"], spans["last_year"]))
               + f". The total first reaches its peak of {levels['total'].max()} partners in {peak}; in {last} "
               f"{levels.loc[last, 3]} partners had a defence or offence pledge, "
               f"{levels.loc[last, 2]} neutrality or consultation only and {levels.loc[last, 1]} "
               "non-aggression only.")
    show(fig, alt)


# ---- diplomatic exchange (COW) -----------------------------------------------------------

KEY_PARTNERS = ["GBR", "FRA", "RUS", "DEU", "ITA", "MEX", "JPN", "CHN", "CAN", "AUS", "NZL",
                "IND", "ISR", "KOR"]
CODED_OTHER = (1950, 1965)  # the source codes every exchange as 'other' in these years


def _missions() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The `diplomacy` table split by partner: iso3 -> (observation years in order, level of
    the US mission in its capital at each, as text)."""
    d = load("diplomacy").sort_values(["iso3", "year"], kind="stable")
    years = d["year"].to_numpy()
    levels = d["us_in_partner"].astype(str).to_numpy()
    return {code: (years[rows], levels[rows])
            for code, rows in d.groupby("iso3", sort=False).indices.items()}


def first_ambassador(partners=None) -> pd.DataFrame:
    """When the US first had an ambassador in each partner's capital, as the data can tell.

    Columns: `first_observed` (first observation year of the partner), `first_ambassador`
    (first observation year with a US ambassador in its capital), `last_known_below` and
    `level_then` (the last earlier observation with a known lower level: none, chargé
    d'affaires or minister), and `hidden_by_coding` (True when 'other' observations of
    1950-1965 lie between the two, so the upgrade could have happened any time in the gap).
    The upgrade happened after `last_known_below` and by `first_ambassador`.

    >>> first_ambassador(["JPN", "AUS"])[["first_ambassador", "last_known_below", "hidden_by_coding"]]
                    first_ambassador  last_known_below  hidden_by_coding
    partner
    Japan                       1909              1904             False
    Australia                   1970              1940              True
    """
    codes = [to_code(p) for p in (partners or KEY_PARTNERS)]
    missions = _missions()
    rows = []
    for code in codes:
        if code not in missions:
            raise ValueError(f"The diplomacy table has no rows for {country_name(code)}.")
        years, level = missions[code]
        amb = years[level == "ambassador"]
        first_amb = int(amb[0]) if len(amb) else pd.NA
        until = first_amb if len(amb) else 9999
        before = (level != "other") & (level != "ambassador") & (years < until)
        last_below = int(years[before][-1]) if before.any() else pd.NA
        between = (years > (last_below if before.any() else 0)) & (years < until)
        rows.append({"partner": country_name(code), "iso3": code,
                     "first_observed": int(years[0]),
                     "first_ambassador": first_amb,
                     "last_known_below": last_below,
                     "level_then": str(level[before][-1]) if before.any() else "",
                     "hidden_by_coding": bool((level[between] == "other").any())})
    out = pd.DataFrame(rows).set_index("partner")
    return out.astype({"first_ambassador": "Int64", "last_known_below": "Int64"})


DIP_STYLE = {  # level -> (colour, marker, size, label)
    "none": ("#b0b0b0", "o", 22, "no US mission"),
    "chargé d'affaires": (style.PALETTE[1], "v", 34, "chargé d'affaires"),
    "minister": (style.PALETTE[4], "s", 30, "minister (legation)"),
    "ambassador": (style.PALETTE[0], "o", 46, "ambassador (embassy)"),
    "other": (style.PALETTE[8], "x", 26, "other / level not coded"),
}


def draw_ambassadors(partners=None, *, alt: str | None = None) -> None:
    """A dot chart: the level of the US mission in each partner's capital at every COW
    observation year, one row per partner, ordered by the first year with an ambassador
    (shown in brackets after the name). The grey band marks 1950-1965, when the source
    codes every mission as 'other'.

    >>> draw_ambassadors(["JPN", "FRA"])
    Figure(1000x250)
    """
    if not style.is_in_use():
        style.use()
    table = first_ambassador(partners).sort_values(["first_ambassador", "first_observed"],
                                                   ascending=[False, False], na_position="first")
    fig = plt.figure(figsize=(10, 0.4 * len(table) + 1.7), layout="constrained")
    ax = fig.subplots()
    ax.axvspan(CODED_OTHER[0] - 2, CODED_OTHER[1] + 2, color="#e8e8e8", zorder=0, linewidth=0)
    ax.text(sum(CODED_OTHER) / 2, len(table) - 0.4, "1950–65:\nlevel not coded", ha="center",
            va="bottom", fontsize=8, color="#555555")
    # One set of points per level for all partners at once (partner i on row i): rows are far
    # enough apart that no point of one row touches a point of another.
    missions = _missions()
    years = np.concatenate([missions[code][0] for code in table["iso3"]])
    levels = np.concatenate([missions[code][1] for code in table["iso3"]])
    rows = np.repeat(np.arange(len(table)), [len(missions[code][0]) for code in table["iso3"]])
    for level, (colour, marker, size, _) in DIP_STYLE.items():
        here = levels == level
        if here.any():
            ax.scatter(years[here], rows[here], s=size, color=colour, marker=marker,
                       linewidths=1.2 if marker == "x" else 0, zorder=3)
    known = table["first_ambassador"].notna().to_numpy()
    if known.any():
        ax.scatter(table["first_ambassador"][known].astype(float), np.flatnonzero(known), s=150,
                   facecolors="none", edgecolors=style.US_COLOR, linewidths=1.3, zorder=4)
    labels = [f"{p} ({int(y)})" if pd.notna(y) else f"{p} (none)"
              for p, y in zip(table.index, table["first_ambassador"])]
    ax.set_yticks(range(len(table)), labels)
    ax.set_ylim(-0.7, len(table) + 0.3)
    ax.grid(axis="y", visible=False)
    ax.set_xlim(1812, 2010)
    ax.set_xlabel("COW observation year")
    ax.set_title("Level of the US mission in each partner's capital (ring: first ambassador)")
    handles = [Line2D([], [], marker=m, color=c, linestyle="none", markersize=math.sqrt(s),
                      markeredgewidth=1.2, label=lab) for c, m, s, lab in DIP_STYLE.values()]
    handles.append(Line2D([], [], marker="o", markerfacecolor="none", markeredgecolor=style.US_COLOR,
                          linestyle="none", markersize=11, label="first ambassador"))
    fig.legend(handles=handles, loc="outside lower center", ncol=6, fontsize=8.5)
    if alt is None:
        alt = ("Dot chart: level of the US diplomatic mission in the capitals of "
               f"{len(table)} partners at each Correlates of War observation year, 1817–2005. "
               "First observation with a US ambassador: "
               + ", ".join(lab for lab in labels[::-1]) + ". Between 1950 and 1965 every "
               "mission is coded 'other'.")
    show(fig, alt)


# ---- one partner's history ---------------------------------------------------------------

DIP_RANK = {"none": 0, "chargé d'affaires": 1, "minister": 2, "ambassador": 3}


def partner_levels(country, first: int = ATOP_YEARS[0], last: int = ATOP_YEARS[1]) -> pd.Series:
    """A partner's ATOP alliance level with the US every year, 0 where no alliance is listed.

    >>> lv = partner_levels("France")
    >>> int(lv[1930]), int(lv[1947]), int(lv[1966])
    (2, 0, 3)
    """
    code = to_code(country)
    a = load("alliances")
    mine = a[a["iso3"] == code].set_index("year")["level"]
    return mine.reindex(range(first, last + 1), fill_value=0).astype("int64").rename(code)


def partner_history(country, *, alt: str | None = None) -> pd.DataFrame:
    """Draw one partner's history with the US and return its timeline events.

    Three panels on one time axis (1775-2025): the partner's events in the timeline (colour
    and shape by kind), its ATOP alliance level each year (1815-2018), and the level of the US
    mission in its capital at each COW observation year (1817-2005).

    >>> table = partner_history("New Zealand")
    Figure(1000x620)
    >>> table["date"].dt.year.tolist()
    [1951, 1954, 1956, 1986, 2016, 2017]
    """
    if not style.is_in_use():
        style.use()
    code = to_code(country)
    who = country_name(code)
    evs = events(country=code)
    levels = partner_levels(code)
    d = load("diplomacy")
    dip = d[d["iso3"] == code].sort_values("year")
    fig = plt.figure(figsize=(10, 6.2), layout="constrained")
    ax_ev, ax_al, ax_dip = fig.subplots(3, 1, sharex=True, gridspec_kw={"height_ratios": [1, 2, 2]})
    if not evs.empty:
        _marks(ax_ev, evs.assign(x=decimal_year(evs["date"]).to_numpy()), width_years=2.5)
    ax_ev.set_ylim(-1.2, 1.2)
    ax_ev.set_yticks([])
    ax_ev.grid(axis="y", visible=False)
    ax_ev.axhline(0, color="#bbbbbb", linewidth=0.8, zorder=1)
    ax_ev.set_title(f"{who}: events in the timeline ({len(evs)})", fontsize=11)
    shown = [k for k in KINDS if k in set(evs["kind"].astype(str))]
    if shown:
        fig.legend(handles=[Line2D([], [], marker=KIND_STYLE[k][1], color=KIND_STYLE[k][0],
                                   linestyle="none", markersize=7, label=k) for k in shown],
                   loc="outside right upper", fontsize=8, title="kind of event", title_fontsize=8)
    ax_al.step(levels.index, levels.to_numpy(), where="mid", color=style.PALETTE[0])
    ax_al.axvspan(1775, ATOP_YEARS[0], color="#eeeeee", linewidth=0)
    ax_al.text(1795, 1.5, "before\nATOP data", ha="center", va="center", fontsize=8, color="#666666")
    ax_al.set_yticks([0, 1, 2, 3], ["none", "non-aggression", "neutrality /\nconsultation", "defence"])
    ax_al.set_ylim(-0.3, 3.3)
    ax_al.set_title("Strongest US alliance pledge (ATOP, 1815–2018)", fontsize=11)
    ranks = dip["us_in_partner"].astype(str)
    known = dip[ranks != "other"]
    ax_dip.plot(known["year"], known["us_in_partner"].astype(str).map(DIP_RANK), marker="o",
                linestyle="none", color=style.PALETTE[4], markersize=5)
    other = dip[ranks == "other"]
    ax_dip.plot(other["year"], [3.6] * len(other), marker="x", linestyle="none",
                color=style.PALETTE[8], markersize=6)
    ax_dip.set_yticks([0, 1, 2, 3, 3.6], ["none", "chargé", "minister", "ambassador", "other"])
    ax_dip.set_ylim(-0.4, 4.0)
    ax_dip.set_title("US mission in its capital (COW, observed about every 5 years)", fontsize=11)
    ax_dip.set_xlim(1775, 2026)
    ax_dip.set_xlabel("year")
    if alt is None:
        spans = levels[levels > 0]
        al_text = (f"an alliance with the US in {len(spans)} of the ATOP years, first in "
                   f"{spans.index[0]}, strongest level {levels.max()}" if not spans.empty
                   else "no alliance with the US in ATOP")
        amb = dip.loc[ranks == "ambassador", "year"]
        alt = (f"Three panels for {who}: {len(evs)} timeline events"
               + (f" from {evs['year'].min()} to {evs['year'].max()}" if not evs.empty else "")
               + f"; {al_text}; " + (f"first US ambassador observed in {amb.iloc[0]}."
                                     if not amb.empty else "no US ambassador observed in COW."))
    show(fig, alt)
    return evs[["date", "kind", "title"]]


def partner_options() -> dict[str, str]:
    """Partners that appear in the timeline or the alliances table, name -> code."""
    tl = load("timeline")["countries"].dropna().str.split().explode()
    codes = (set(tl) | set(load("alliances")["iso3"])) - {"MULTI"}
    named = {}
    for code in codes:
        try:
            named[country_name(code)] = code
        except LookupError:
            continue
    return dict(sorted(named.items()))


def partner_explorer(default: str = "JPN"):
    """Pick a partner: its timeline events, alliance level and US mission level over time.

    The default view is `partner_history(default)`; the widget redraws it for the partner
    chosen in the list, and shows that partner's events as a table below.
    """
    from .widgets import choice, explorer

    def draw(partner):
        table = partner_history(partner)
        if table.empty:
            print("This partner has no event of its own in the curated timeline.")
        else:
            display(table)

    return explorer(draw, partner=choice(partner_options(), to_code(default), "Partner"))


# ---- France, the first ally ----------------------------------------------------------------

def french_alliance_days(until: str = "in_force") -> int:
    """Days from the signature of the 1778 alliance to the Convention of 1800.

    `until="in_force"` counts to the Convention's entry into force (21 December 1801),
    `until="signed"` to its signature (30 September 1800). Dates from the `timeline` table.

    >>> french_alliance_days("signed") < french_alliance_days("in_force")
    True
    """
    tl = load("timeline").set_index("title")
    start = tl.loc["Treaty of Alliance with France", "date"]
    end_row = tl.loc["Convention of 1800 (Treaty of Mortefontaine)"]
    if until not in ("in_force", "signed"):
        raise ValueError("until is 'in_force' or 'signed'.")
    end = end_row["in_force"] if until == "in_force" else end_row["date"]
    return int((end - start).days)


FRANCE_COMPARE = ["FRA", "GBR", "DEU"]


def troops_in(countries=FRANCE_COMPARE, years=(1950, 2025)) -> pd.DataFrame:
    """US troops stationed in some countries, a wide table (one column per country).

    >>> int(troops_in(["FRA"]).loc[1966, "FRA"]) > 10 * int(troops_in(["FRA"]).loc[1968, "FRA"])
    True
    """
    t = load("troops", countries=list(countries), years=years)
    return t.pivot(index="year", columns="iso3", values="troops")[[to_code(c) for c in countries]]


def draw_france_troops(countries=FRANCE_COMPARE, *, alt: str | None = None) -> None:
    """US troops in France against other European hosts (log scale), with France's 1966 exit
    from NATO's integrated command and its 2009 return marked.

    >>> draw_france_troops()
    Figure(800x450)
    """
    if not style.is_in_use():
        style.use()
    wide = troops_in(countries)
    fig, ax = plt.subplots()
    for i, code in enumerate(wide.columns):
        series = wide[code].dropna()
        ax.plot(series.index, series.to_numpy(), color=style.PALETTE[[0, 1, 4][i % 3]],
                linestyle=style.LINESTYLES[i], linewidth=2.4 if code == "FRA" else 1.6)
        ax.annotate(country_name(code), (series.index[-1], series.iloc[-1]), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=9.5,
                    color=style.PALETTE[[0, 1, 4][i % 3]])
    ax.set_yscale("log")
    ax.set_ylabel("US active-duty troops (log scale)")
    ax.set_xlabel("year")
    ax.set_xlim(1950, wide.index.max() + 10)
    ax.set_title("US troops stationed in France, the UK and Germany")
    tl = events(country="FRA")
    for title, text in (("France leaves NATO's integrated military command", "1966: France leaves\nthe integrated command"),
                        ("France announces its return to NATO's integrated command", "2009: France\nreturns")):
        x = float(decimal_year(tl.loc[tl["title"] == title, "date"]).iloc[0])
        ax.axvline(x, color=style.US_COLOR, linestyle=":", linewidth=1)
        ax.text(x + 0.8, 12, text, fontsize=8.5, color=style.US_COLOR, va="bottom")
    ax.set_ylim(10, None)
    if alt is None:
        fra = wide["FRA"]
        alt = ("Line chart, log scale: US troops stationed in "
               + ", ".join(country_name(c) for c in wide.columns)
               + f", {wide.index.min()}–{wide.index.max()}. In France the number peaks at "
               f"{int(fra.max()):,} in {int(fra.idxmax())}, is {int(fra[1966]):,} in 1966 and "
               f"{int(fra[1967]):,} in 1967, and is at most {int(fra.loc[1968:].max()):,} "
               "from 1968 on, including after France's return in 2009.")
    show(fig, alt)
