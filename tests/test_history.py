"""The history notebook's helpers (helpers/history.py) and its exercise checks."""
import datetime as dt

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import helpers
from helpers import history as H
from helpers.checks import result


@pytest.fixture
def shown(capture_figures):
    """Capture what would be displayed: a list of (figure, alt text)."""
    return capture_figures(H)


def _fake_load(monkeypatch, tables):
    real = H.load
    monkeypatch.setattr(H, "load", lambda name, **kw: tables[name].copy() if name in tables
                        else real(name, **kw))


# ---- small hand-computed cases ------------------------------------------------------------

def test_decimal_year():
    got = H.decimal_year(pd.Series(pd.to_datetime(["2001-01-01", "2001-07-02", "2000-12-31"])))
    assert got.tolist() == pytest.approx([2001.0, 2001 + 182 / 365, 2000 + 365 / 366])


def test_alliance_counts_and_spans_on_a_toy_table(monkeypatch):
    toy = pd.DataFrame({"iso3": ["FRA", "GBR", "FRA", "JPN"], "year": [2, 2, 3, 6],
                        "defense": [1, 0, 1, 0], "offense": 0, "neutrality": 0,
                        "nonaggression": [0, 0, 0, 1], "consultation": [0, 1, 0, 0],
                        "level": [3, 2, 3, 1]})
    _fake_load(monkeypatch, {"alliances": toy})
    counts = H.alliance_counts(1, 7)
    assert counts.loc[2].tolist() == [1, 1, 0, 2]          # levels 3, 2, 1, total
    assert counts.loc[6].tolist() == [0, 0, 1, 1]
    assert counts["total"].tolist() == [0, 2, 1, 0, 0, 1, 0]
    spans = H.no_alliance_spans(1, 7)
    assert spans.values.tolist() == [[1, 1, 1], [4, 5, 2], [7, 7, 1]]
    assert H.pledge_counts(1, 7).loc[2, "consultation"] == 1
    assert H.first_year_above(0, "nonaggression", 1, 7) == 6
    assert H.partner_levels("France", 1, 4).tolist() == [0, 3, 3, 0]


def test_first_ambassador_on_a_toy_table(monkeypatch):
    levels = ["minister", "minister", "other", "other", "ambassador"]
    toy = pd.DataFrame({"iso3": "JPN", "year": [1935, 1940, 1955, 1960, 1970],
                        "us_in_partner": pd.Categorical(levels), "partner_in_us": "none",
                        "exchange": True})
    _fake_load(monkeypatch, {"diplomacy": toy})
    row = H.first_ambassador(["JPN"]).loc["Japan"]
    assert (row["first_observed"], row["first_ambassador"], row["last_known_below"]) == (1935, 1970, 1940)
    assert row["level_then"] == "minister" and bool(row["hidden_by_coding"])


# ---- the real tables ------------------------------------------------------------------------

def test_alliances_match_the_raw_rows():
    a = helpers.load("alliances")
    counts = H.alliance_counts()
    assert counts.index.min() == 1815 and counts.index.max() == 2018
    assert counts.loc[2018, 3] == ((a["year"] == 2018) & (a["level"] == 3)).sum()
    assert counts.loc[1850, "total"] == 0                          # absences count as zero
    assert H.no_alliance_spans().iloc[0].tolist() == [1815, 1907, 93]


def test_ambassador_years_for_key_partners():
    table = H.first_ambassador()
    assert table.loc["Japan", "first_ambassador"] == 1909
    assert table.loc["France", "first_ambassador"] == 1894
    # 1950-1965 are coded 'other', so the Commonwealth embassies show only from 1970
    assert table.loc["Australia", "first_ambassador"] == 1970
    assert table.loc["Australia", "hidden_by_coding"]
    assert not table.loc["Japan", "hidden_by_coding"]


def test_french_alliance_days_agree_with_the_reference_dates():
    # FACTS.md: signed 6 Feb 1778; Convention signed 30 Sep 1800, in force 21 Dec 1801
    assert H.french_alliance_days("in_force") == (dt.date(1801, 12, 21) - dt.date(1778, 2, 6)).days
    assert H.french_alliance_days("signed") == (dt.date(1800, 9, 30) - dt.date(1778, 2, 6)).days
    with pytest.raises(ValueError):
        H.french_alliance_days("ratified")


def test_troop_data_show_the_french_withdrawal():
    fra = H.troops_in(["FRA"])["FRA"]
    assert fra[1967] < fra[1966] / 10
    assert fra.loc[1969:].max() < 1000                             # never came back, not even in 2009


def test_france_kept_its_defence_pledge_in_1966():
    levels = H.partner_levels("France")
    assert (levels.loc[1949:2018] == 3).all()
    assert levels[1930] == 2 and levels[1900] == 0


def test_events_filters():
    france = H.events(country="FRA")
    assert france["countries"].str.contains("FRA").all()
    assert "Treaty of Alliance with France" in set(france["title"])
    assert set(H.events(kinds=["crisis"])["kind"].astype(str)) == {"crisis"}
    with pytest.raises(ValueError, match="not a kind"):
        H.events(kinds="battle")


def test_kinds_by_era_counts_every_event():
    assert H.kinds_by_era().to_numpy().sum() == len(helpers.load("timeline"))


# ---- figures --------------------------------------------------------------------------------

def test_every_kind_has_its_own_colour_and_marker():
    assert set(H.KIND_STYLE) == set(H.KINDS) == set(helpers.load("timeline")["kind"].cat.categories)
    colours = [c for c, _ in H.KIND_STYLE.values()]
    markers = [m for _, m in H.KIND_STYLE.values()]
    assert len(set(colours)) == len(colours) and len(set(markers)) == len(markers)


def test_key_events_exist_in_the_timeline():
    titles = set(helpers.load("timeline")["title"])
    missing = sorted(set(H.KEY_EVENTS) - titles)
    assert not missing, f"labels for events not in the timeline: {missing}"


def test_default_timeline_labels_every_key_event():
    helpers.setup()
    fig, alt, dropped = H.timeline_figure()
    try:
        assert dropped == []
        labels = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_text()[:4].isdigit()]
        assert len(labels) == len(H.KEY_EVENTS)
        assert len(fig.axes) == len(H.ERAS)
        assert f"{len(helpers.load('timeline'))} events" in alt
    finally:
        plt.close(fig)


def test_timeline_filters_and_refuses_an_empty_selection():
    fig, alt, _ = H.timeline_figure(kinds=["withdrawal"], years=(1960, 2020))
    plt.close(fig)
    assert "withdrawal" in alt and "treaty" not in alt
    with pytest.raises(ValueError, match="No events"):
        H.timeline_figure(kinds=["crisis"], years=(1800, 1850))


def test_figures_describe_themselves(shown):
    helpers.setup()
    H.draw_alliances()
    H.draw_ambassadors()
    H.draw_france_troops()
    table = H.partner_history("New Zealand")
    H.draw_timeline(years=(1910, 1960))
    alts = [alt for _, alt in shown]
    assert "1815–1907" in alts[0]
    assert "Japan (1909)" in alts[1]
    assert "France" in alts[2] and "1967" in alts[2]
    assert "New Zealand" in alts[3] and len(table) == 6
    assert alts[4].startswith("Timeline in 2 rows")


def test_partner_explorer_redraws_for_the_chosen_partner(monkeypatch):
    drawn = []
    monkeypatch.setattr(H, "partner_history", lambda c: drawn.append(c) or pd.DataFrame())
    box = H.partner_explorer("Japan")
    (dropdown,) = box.children[0].children
    assert dropdown.value == "JPN"
    dropdown.value = "FRA"
    assert drawn == ["FRA"]  # the starting view (Japan) is the static figure above


# ---- exercise checks ------------------------------------------------------------------------

RIGHT = {"01.1": 66, "01.2": 1909, "01.3": 8718, "01.4": "North Atlantic Treaty", "01.5": 1968}
WRONG = {  # a common wrong answer and a word its feedback must contain
    "01.1": (116, "consultation"),
    "01.2": (1970, "Second World War"),
    "01.3": (8271, "SIGNED"),
    "01.4": ("Rio Treaty", "Western Hemisphere"),
    "01.5": (1967, "more than 1,000"),
}


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_right_answer(exercise):
    ok, message = result(exercise, RIGHT[exercise])
    assert ok, message


@pytest.mark.parametrize("exercise", sorted(WRONG))
def test_common_wrong_answer_gets_a_hint(exercise):
    answer, word = WRONG[exercise]
    ok, message = result(exercise, answer)
    assert not ok and word in message


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_wrong_type_and_unanswered(exercise):
    ok, message = result(exercise, [1, 2])
    assert not ok and ("number" in message or "one of" in message)
    ok, message = result(exercise, ...)
    assert not ok and message.startswith("Not answered yet")


def test_other_hints():
    assert "years" in result("01.3", 23.9)[1]                       # years instead of days
    assert "OBSERVATION" in result("01.2", 1906)[1]                  # a history-book year
    assert result("01.4", "north atlantic treaty ")[0]               # case and spaces do not matter
    assert "not one of the options" in result("01.4", "SEATO")[1]
    assert "Tokyo" in result("01.2", 1909)[1]
