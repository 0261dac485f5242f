"""Explorers: controls wired to a drawing function.

The drawing itself lives in `helpers.plots` (pure functions that tests call directly); a
widget only passes the chosen values on. Each explorer in a notebook is preceded by a plain
call that draws its default view, so the notebook reads well where widgets do not run.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as widgets

from .countries import country, name

START_NOTE = ("The view just above shows these starting choices. Change a control and it is "
              "redrawn here.")


def explorer(draw: Callable[..., None], **controls: widgets.Widget) -> widgets.VBox:
    """Controls above an output area that `draw(**values)` fills whenever a control changes.

    In a notebook the explorer comes right after a plain call that draws its default view, so
    it does not draw that view a second time: its area starts with a short note and fills on
    the first change. End a notebook cell with the call so that Jupyter shows the explorer.

    >>> drawn = []
    >>> box = explorer(lambda year: drawn.append(year),
    ...                year=widgets.IntSlider(value=2000, min=1990, max=2020))
    >>> drawn                        # nothing drawn yet: the view above shows the start
    []
    >>> import contextlib, io
    >>> slider = box.children[0].children[0]
    >>> with contextlib.redirect_stdout(io.StringIO()):  # (outside Jupyter, clearing prints codes)
    ...     slider.value = 2010                          # what moving the slider does
    >>> drawn
    [2010]
    """
    output = widgets.Output()
    output.append_stdout(START_NOTE + "\n")

    def redraw(change) -> None:
        values = {key: control.value for key, control in controls.items()}
        output.clear_output(wait=True)
        with output:
            draw(**values)

    for control in controls.values():
        control.observe(redraw, names="value")
    box = widgets.VBox([widgets.HBox(list(controls.values()),
                                     layout=widgets.Layout(flex_flow="row wrap")), output])
    return box


def countries(default: list[str], options: list[str] | None = None,
              description: str = "Countries") -> widgets.SelectMultiple:
    """A multiple choice of countries (hold Ctrl or Cmd to pick several), values are iso3 codes.

    >>> picker = countries(["Japan", "UK"], options=["France", "Japan", "UK"])
    >>> picker.value, [label for label, _ in picker.options]
    (('JPN', 'GBR'), ['France', 'Japan', 'United Kingdom'])
    """
    codes = [country(c) for c in (options or default)]
    for c in default:
        if country(c) not in codes:
            codes.append(country(c))
    return widgets.SelectMultiple(
        options=[(name(c), c) for c in sorted(codes, key=name)],
        value=tuple(country(c) for c in default),
        rows=min(8, len(codes)), description=description,
        style={"description_width": "initial"})


def choice(options: dict[str, str], default: str, description: str) -> widgets.Dropdown:
    """A drop-down list: `options` maps what the student reads to the value passed on.

    >>> choice({"Agreement (0–1)": "agreement", "S score (−1 to 1)": "s_score"}, "agreement",
    ...        "Measure").value
    'agreement'
    """
    return widgets.Dropdown(options=[(label, value) for label, value in options.items()],
                            value=default, description=description,
                            style={"description_width": "initial"},
                            layout=widgets.Layout(width="max-content"))


def years(first: int, last: int, value: tuple[int, int] | None = None) -> widgets.IntRangeSlider:
    """A slider for a span of years; redraws when the slider is released.

    >>> years(1946, 2024).value, years(1946, 2024, value=(2000, 2019)).value
    ((1946, 2024), (2000, 2019))
    """
    return widgets.IntRangeSlider(value=value or (first, last), min=first, max=last, step=1,
                                  description="Years", continuous_update=False,
                                  layout=widgets.Layout(width="420px"))


def indicator_explorer(default_countries: list[str], indicator: str = "un_agreement") -> widgets.VBox:
    """Pick any headline indicator of the `panel` and some countries; see the trend.

    The default view is `helpers.plots.indicator_trend(indicator, default_countries)`.

    >>> box = indicator_explorer(["GBR", "JPN"], "trade_share_pct")
    >>> [control.value for control in box.children[0].children]
    ['trade_share_pct', ('GBR', 'JPN')]
    """
    from .data import load
    from .pillars import INDICATORS
    from .plots import indicator_trend

    options = {f"{info.pillar.capitalize()}: {info.label}": key for key, info in INDICATORS.items()}
    everyone = sorted(set(load("panel")["iso3"]))

    def draw(indicator, countries):
        if not countries:
            print("Pick at least one country (hold Ctrl or Cmd to pick several).")
            return
        try:
            indicator_trend(indicator, countries)
        except ValueError as err:
            print(err)

    return explorer(draw, indicator=choice(options, indicator, "Indicator"),
                    countries=countries(default_countries, options=everyone))
