"""Figures in the collection's style, each shown with alt text for screen readers.

Every figure is displayed through `show`, which attaches a text description (alt text) to
the image and records that the collection's colour-blind-safe style was in use. The
plotting functions here draw a figure, write a description of it from the data, and show it.
"""
from __future__ import annotations

import io
import os

import matplotlib
import matplotlib.image
import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd
from IPython import get_ipython
from IPython.display import display
from matplotlib.backends.backend_agg import FigureCanvasAgg

from . import style
from .countries import in_sentence
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
    if getattr(get_ipython(), "kernel", None) is None:
        display(fig, metadata={"image/png": meta})  # outside Jupyter: shown as text
    else:
        display({"image/png": png(fig), "text/plain": repr(fig)}, raw=True,
                metadata={"image/png": meta})
        if os.environ.get("HELPERS_CHECK_FIGURES"):  # set by `make test`
            check_inside(fig)
    plt.close(fig)


def check_inside(fig) -> None:
    """Raise ValueError when part of a drawn figure (a long title or label) sticks out past
    its edges, where the saved image would cut it off.

    >>> fig, ax = plt.subplots(figsize=(3, 2))
    >>> _ = ax.set_title("A title far too long to fit across a figure only three inches wide")
    >>> _ = png(fig)
    >>> check_inside(fig)
    Traceback (most recent call last):
    ...
    ValueError: Part of the figure ... falls outside it ...
    >>> plt.close(fig)
    """
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    outside = {"left": -box.x0, "bottom": -box.y0, "right": box.x1 - width, "top": box.y1 - height}
    cut = {side: inches for side, inches in outside.items() if inches > 0.02}
    if cut:
        sides = ", ".join(f"{inches:.2f} in on the {side}" for side, inches in cut.items())
        titles = [fig._suptitle.get_text() if fig._suptitle else ""]
        titles += [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right")]
        title = next((t for t in titles if t), "")
        raise ValueError(f"Part of the figure {title!r} falls outside it ({sides}) and would be cut "
                         "off: shorten or wrap its longest title or label.")


def png(fig) -> bytes:
    """The figure as PNG bytes, at its own size and resolution.

    The figure is drawn once: its layout engine (constrained layout, set by `show`) places
    every title and label inside the figure during that draw, so nothing needs trimming
    afterwards. `Figure.savefig` would add a second, invisible draw before the real one.

    >>> fig, ax = plt.subplots()
    >>> png(fig)[:4]
    b'\\x89PNG'
    >>> plt.close(fig)
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    buffer = io.BytesIO()
    # PNG is lossless at any compression level; the lightest is several times faster to write
    matplotlib.image.imsave(buffer, canvas.buffer_rgba(), format="png", origin="upper",
                            dpi=fig.dpi, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _fmt(value: float) -> str:
    """A number as a reader would say it: 10,120 troops, 0.65 agreement, 2.7 percent."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def country_label(code: str) -> str:
    """A country's English name for a legend or label; other values are shown as they are."""
    try:
        return country_name(code)
    except LookupError:
        return str(code)


def sentence_label(code: str) -> str:
    """A country's name inside a sentence ("the United Kingdom"); other values as they are."""
    try:
        return in_sentence(code)
    except LookupError:
        return str(code)


def describe_lines(df: pd.DataFrame, x: str, y: str, by: str, title: str, ylabel: str) -> str:
    """A plain-language description of a line chart: what, when, who, and where it ends."""
    data = df.dropna(subset=[y])
    last = data.sort_values(x).groupby(by, observed=True).tail(1).sort_values(y, ascending=False)
    names = [country_label(c) for c in last[by]]
    parts = [f"Line chart: {title}. {ylabel} by {x}, {data[x].min()}–{data[x].max()}, "
             f"for {', '.join(names)}."]
    if len(last) > 1:
        top, bottom = last.iloc[0], last.iloc[-1]
        parts.append(f"At the end of each series {sentence_label(top[by])} is highest ({_fmt(top[y])} in "
                     f"{top[x]}) and {sentence_label(bottom[by])} lowest ({_fmt(bottom[y])} in {bottom[x]}).")
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
    groups = df.sort_values(x).groupby(by, observed=True, sort=True)
    for key, group in groups:
        series = group.dropna(subset=[y]).set_index(x)[y]
        steps = pd.Series(series.index).diff().dropna()
        if pd.api.types.is_integer_dtype(series.index) and len(steps) and steps.median() == 1:
            # a yearly series: a missing year breaks the line instead of bridging it
            series = series.reindex(range(series.index.min(), series.index.max() + 1))
        sparse = series.notna().sum() <= 30  # few observations: mark each one
        ax.plot(series.index, series.to_numpy(dtype=float), label=country_label(key),
                marker="o" if sparse else None, markersize=3.5)
    ax.set_title(title)
    ax.set_xlabel(x)
    ax.set_ylabel(ylabel or y)
    if ylim is not None:
        ax.set_ylim(*ylim)
    if groups.ngroups > 5:  # many lines: the legend goes beside the chart, not on top of it
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    else:
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


def bars(df: pd.DataFrame, value: str, *, label: str = "iso3", title: str = "",
         xlabel: str | None = None, highlight=(), alt: str | None = None) -> None:
    """A horizontal bar chart, largest at the top; `highlight` countries are drawn darker.

    >>> bars(pd.DataFrame({"iso3": ["GBR", "FRA"], "x": [2.0, 1.0]}), "x", title="Example")
    Figure(800x250)
    """
    if not style.is_in_use():
        style.use()
    data = df.dropna(subset=[value]).sort_values(value)
    names = [country_label(v) for v in data[label]]
    marked = {str(h) for h in highlight}
    colors = [style.PALETTE[1] if str(v) in marked else style.PALETTE[0] for v in data[label]]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.32 * len(data) + 1)))
    ax.barh(names, data[value], color=colors)
    ax.set_title(title)
    ax.set_xlabel(xlabel or value)
    ax.grid(axis="y", visible=False)
    if alt is None:
        top = data.iloc[::-1]
        listed = ", ".join(f"{country_label(r[label])} {_fmt(r[value])}" for _, r in top.head(5).iterrows())
        alt = (f"Bar chart: {title}. {xlabel or value} for {len(data)} countries, largest first: "
               f"{listed}{' and others' if len(data) > 5 else ''}.")
    show(fig, alt)


def scatter(df: pd.DataFrame, x: str, y: str, *, label: str = "iso3", title: str = "",
            xlabel: str | None = None, ylabel: str | None = None, annotate=(),
            logx: bool = False, alt: str | None = None) -> None:
    """A scatter plot, one point per row; points listed in `annotate` get their country name.

    >>> scatter(pd.DataFrame({"iso3": ["GBR", "FRA"], "a": [1, 2], "b": [2, 1]}), "a", "b",
    ...         title="Example", annotate=["GBR"])
    Figure(800x450)
    """
    if not style.is_in_use():
        style.use()
    data = df.dropna(subset=[x, y])
    fig, ax = plt.subplots()
    ax.scatter(data[x], data[y], s=22, alpha=0.6, color=style.PALETTE[0], linewidths=0)
    wanted = {str(a) for a in annotate}
    for _, row in data[data[label].astype(str).isin(wanted)].iterrows():
        ax.scatter([row[x]], [row[y]], s=40, color=style.PALETTE[1])
        ax.annotate(country_label(row[label]), (row[x], row[y]), xytext=(4, 4), textcoords="offset points")
    if logx:
        ax.set_xscale("log")
    ax.set_title(title)
    ax.set_xlabel(xlabel or x)
    ax.set_ylabel(ylabel or y)
    if alt is None:
        corr = data[[x, y]].corr(method="spearman").iloc[0, 1]
        alt = (f"Scatter plot: {title}. {ylabel or y} against {xlabel or x} for {len(data)} "
               f"countries; rank correlation {corr:.2f}."
               + (f" Labelled: {', '.join(country_label(a) for a in annotate)}." if annotate else ""))
    show(fig, alt)


PROFILE_PANELS = ["un_agreement", "trade_share_pct", "troops", "students_per_million"]


def profile(country, compare=None, *, group_name: str | None = None, panels=PROFILE_PANELS,
            alt: str | None = None) -> None:
    """Every pillar over time for one partner, against the middle of a comparison group.

    One small chart per pillar (diplomatic, economic, security, cultural, from the `panel`
    table). The partner is a solid line; the comparison group's median is dashed and the
    band around it holds its middle half (25th to 75th percentile). By default the group is
    every other partner with a US defence pledge in 2018 (ATOP); `compare` takes a list of
    countries instead (the United States itself is left out), named by `group_name`.

    >>> profile("United Kingdom")
    Figure(1000x700)
    """
    from .countries import country as to_code
    from .data import load
    from .pillars import INDICATORS
    if not style.is_in_use():
        style.use()
    code = to_code(country)
    if compare is None:
        allies = load("countries")
        group = sorted(set(allies.loc[allies["us_defense_pact_2018"], "iso3"]) - {code})
        group_name = group_name or "other US treaty allies"
    else:
        group = sorted({to_code(c) for c in compare} - {code, "USA"})
        group_name = group_name or "comparison group"
    panel = load("panel")
    fig, axes = plt.subplots(2, 2, figsize=(10, 7))
    described = []
    for ax, indicator in zip(axes.flat, panels):
        info = INDICATORS[indicator]
        mine = panel.loc[panel["iso3"] == code, ["year", indicator]].dropna()
        others = panel[panel["iso3"].isin(group)].dropna(subset=[indicator])
        spread = others.groupby("year")[indicator].quantile([0.25, 0.5, 0.75]).unstack()
        if not spread.empty:
            ax.fill_between(spread.index, spread[0.25], spread[0.75], color=style.US_COLOR,
                            alpha=0.15, linewidth=0)
            ax.plot(spread.index, spread[0.5], color=style.US_COLOR, linestyle="--",
                    linewidth=1.5, label=f"{group_name} (median)")
        ax.plot(mine["year"], mine[indicator], color=style.PALETTE[0], label=country_label(code))
        ax.set_title(f"{info.pillar.capitalize()}", fontsize=11)
        ax.set_ylabel(info.label, fontsize=9)
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.10g}"))
        if not mine.empty:
            last = mine.iloc[-1]
            med = spread[0.5].get(last["year"]) if not spread.empty else None
            described.append(f"{info.pillar}: {info.label} was {_fmt(last[indicator])} in "
                             f"{int(last['year'])}" + (f" against a group median of {_fmt(med)}"
                                                      if med is not None and pd.notna(med) else ""))
    axes.flat[0].legend(loc="lower left", fontsize=8)
    fig.suptitle(f"{country_label(code)}: the four pillars of closeness with the United States",
                 fontweight="bold", x=0.02, ha="left")
    show(fig, alt or (f"Four line charts for {sentence_label(code)} against the median of "
                      f"{len(group)} {group_name}. " + "; ".join(described) + "."))


def table(df: pd.DataFrame) -> None:
    """Display a table with every row and every text cell in full.

    pandas normally shortens long tables and long text; use this for short tables whose
    sentences (summaries, sources) are the point.
    """
    with pd.option_context("display.max_rows", None, "display.max_colwidth", None):
        display(df)
