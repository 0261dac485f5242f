"""The explorers: controls are wired to the drawing functions and respond to changes."""
import ipywidgets as widgets
import matplotlib
import pytest

import helpers
from helpers import widgets as w


def test_explorer_calls_draw_with_the_controls_values():
    calls = []
    slider = widgets.IntSlider(value=1, min=0, max=3)
    box = w.explorer(lambda n: calls.append(n), n=slider)
    assert [type(child).__name__ for child in box.children] == ["HBox", "Output"]
    assert calls == []  # the starting view is the static figure above the explorer
    assert box.children[1].outputs[0]["text"].strip() == w.START_NOTE
    slider.value = 3
    assert calls == [3]


def test_indicator_explorer_redraws_when_the_indicator_changes(monkeypatch):
    drawn = []
    monkeypatch.setattr(helpers.plots, "indicator_trend", lambda ind, cs: drawn.append((ind, tuple(cs))))
    box = w.indicator_explorer(["GBR", "JPN"])
    indicator, countries = box.children[0].children
    assert indicator.value == "un_agreement"
    assert set(countries.value) == {"GBR", "JPN"}
    indicator.value = "troops"
    assert drawn == [("troops", ("GBR", "JPN"))]


def test_indicator_explorer_offers_every_panel_indicator():
    box = w.indicator_explorer(["AUS"])
    offered = {value for _, value in box.children[0].children[0].options}
    assert offered == set(helpers.pillars.INDICATORS)


def test_country_picker_shows_names_and_passes_codes():
    picker = w.countries(["UK", "Japan"])
    assert dict(picker.options)["United Kingdom"] == "GBR"
    assert set(picker.value) == {"GBR", "JPN"}


def test_indicator_trend_rejects_unknown_indicator():
    with pytest.raises(ValueError, match="not an indicator"):
        helpers.plots.indicator_trend("happiness", ["GBR"])


def test_show_requires_alt_text():
    fig = matplotlib.figure.Figure()
    with pytest.raises(ValueError, match="Describe the figure"):
        helpers.show(fig, "chart")
