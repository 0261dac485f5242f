"""Figures in the collection's style, each shown with alt text for screen readers.

Every figure is displayed through `show`, which attaches a text description (alt text) to
the image and records that the collection's colour-blind-safe style was in use. The
plotting functions here draw a figure, write a description of it from the data, and show it.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from . import style
from .countries import name as country_name


def show(fig, alt: str) -> None:
    """Display a figure with alt text, then close it so it is not drawn twice.

    The alt text should say what kind of chart it is and what it shows, in a sentence or two.
    """
    if not isinstance(alt, str) or len(alt.split()) < 5:
        raise ValueError("Describe the figure in words (at least a short sentence) so that "
                         "readers who cannot see it know what it shows.")
    meta = {"alt": alt, "style": style.STYLE_NAME if style.is_in_use() else "none"}
    fig.set_layout_engine("constrained")
    display(fig, metadata={"image/png": meta})
    plt.close(fig)


def _label(code: str) -> str:
    try:
        return country_name(code)
    except LookupError:
        return str(code)


def describe_lines(df: pd.DataFrame, x: str, y: str, by: str, title: str, ylabel: str) -> str:
    """A plain-language description of a line chart: what, when, who, and where it ends."""
    data = df.dropna(subset=[y])
    last = data.sort_values(x).groupby(by, observed=True).tail(1).sort_values(y, ascending=False)
    names = [_label(c) for c in last[by]]
    parts = [f"Line chart: {title}. {ylabel} by {x}, {data[x].min()}–{data[x].max()}, "
             f"for {', '.join(names)}."]
    if len(last) > 1:
        top, bottom = last.iloc[0], last.iloc[-1]
        parts.append(f"At the end of each series {_label(top[by])} is highest ({top[y]:,.3g} in "
                     f"{top[x]}) and {_label(bottom[by])} lowest ({bottom[y]:,.3g} in {bottom[x]}).")
    return " ".join(parts)


def lines(df: pd.DataFrame, y: str, *, x: str = "year", by: str = "iso3", title: str = "",
          ylabel: str | None = None, alt: str | None = None, ylim=None) -> None:
    """One line per country (or per value of `by`), labelled with country names.

    >>> import helpers
    >>> lines(helpers.load("economy", countries=["GBR", "JPN"], years=(2000, 2005)), "population",
    ...       title="Population")  # outside Jupyter, the figure shows as text
    Figure(800x450)
    """
    if not style.is_in_use():
        style.use()
    fig, ax = plt.subplots()
    for key, group in df.sort_values(x).groupby(by, observed=True, sort=True):
        ax.plot(group[x], group[y], label=_label(key))
    ax.set_title(title)
    ax.set_xlabel(x)
    ax.set_ylabel(ylabel or y)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.legend(loc="best")
    show(fig, alt or describe_lines(df, x, y, by, title, ylabel or y))


def indicator_trend(indicator: str, countries, years=None, *, alt: str | None = None) -> None:
    """Draw one headline indicator from the `panel` table over time for a few countries.

    >>> indicator_trend("un_agreement", ["GBR", "FRA"], years=(1990, 2000))
    Figure(800x450)
    """
    from .data import load
    from .pillars import INDICATORS
    if indicator not in INDICATORS:
        raise ValueError(f"{indicator!r} is not an indicator of the panel; choose one of "
                         f"{', '.join(INDICATORS)}.")
    info = INDICATORS[indicator]
    df = load("panel", countries=list(countries), years=years).dropna(subset=[indicator])
    if df.empty:
        raise ValueError(f"The panel has no {info.label.lower()} for these countries and years. "
                         "Try other years or countries.")
    lines(df, indicator, title=f"{info.pillar.capitalize()} pillar: {info.label}",
          ylabel=info.label, alt=alt)
