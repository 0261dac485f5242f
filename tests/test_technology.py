"""helpers.technology (notebook 11_technology_and_trade) and its exercise checks."""
import matplotlib
import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import technology as tech
from helpers.checks import result
from helpers.checks import technology as exercises

matplotlib.use("Agg")


# ---- hand-computed cases on a tiny made-up world ----------------------------------------

TINY_COUNTRIES = pd.DataFrame({
    "iso3": ["USA", "JPN", "MEX", "CHN", "VNM", "TWN"],
    "region": ["North America", "East Asia & Pacific", "Latin America & Caribbean",
               "East Asia & Pacific", "East Asia & Pacific", "East Asia & Pacific"],
    "nato_member_since": [1949.0, np.nan, np.nan, np.nan, np.nan, np.nan],
    "five_eyes": [True, False, False, False, False, False],
    "quad": [True, True, False, False, False, False],
    "us_defense_pact_2018": [False, True, True, False, False, False],
})
# imports: 2017 JPN 40, MEX 20, CHN 30, VNM 5, TWN 5 (total 100)
#          2022 JPN 44, MEX 36, CHN 24, VNM 16, TWN 40 (total 160)
TINY_TRADE = pd.DataFrame({
    "iso3": ["JPN", "MEX", "CHN", "VNM", "TWN"] * 2,
    "year": [2017] * 5 + [2022] * 5,
    "exports_musd": [10.0, 30.0, 5.0, 3.0, 2.0, 10.0, 30.0, 5.0, 3.0, 2.0],
    "imports_musd": [40.0, 20.0, 30.0, 5.0, 5.0, 44.0, 36.0, 24.0, 16.0, 40.0],
})


@pytest.fixture
def tiny(monkeypatch):
    def fake_load(name, countries=None, years=None):
        df = {"countries": TINY_COUNTRIES, "trade": TINY_TRADE}[name].copy()
        if years is not None:
            first, last = (years, years) if isinstance(years, int) else years
            df = df[df["year"].between(first, last)]
        return df.reset_index(drop=True)
    monkeypatch.setattr(tech, "load", fake_load)
    monkeypatch.setattr(tech, "name", lambda code: code)


def test_members_by_hand(tiny):
    assert tech.members("treaty_allies") == ["JPN", "MEX"]
    assert tech.members("quad") == ["JPN"]                 # the US itself is never a member
    assert tech.members("five_eyes") == []
    assert tech.members("others") == ["TWN", "VNM"]        # neither an ally nor China


def test_group_share_by_hand(tiny):
    allies = tech.group_share("treaty_allies", "imports").set_index("year")["value"]
    assert allies[2017] == pytest.approx(60.0)             # (40 + 20) / 100
    assert allies[2022] == pytest.approx(50.0)             # (44 + 36) / 160
    china = tech.group_share("china", "exports", 2017)["value"].item()
    assert china == pytest.approx(100 * 5 / 50)
    trade = tech.group_share("others", "trade", 2022)["value"].item()
    assert trade == pytest.approx(100 * (3 + 16 + 2 + 40) / (50 + 160))


def test_friendshoring_by_hand(tiny, monkeypatch):
    monkeypatch.setattr(tech, "coverage", lambda name: (2017, 2022))
    t = tech.friendshoring(2017, 2022)
    assert list(t.index) == list(tech.PARTITION)
    assert t.loc["china", "share_2017_pct"] == pytest.approx(30.0)
    assert t.loc["china", "share_2022_pct"] == pytest.approx(15.0)        # 24 / 160
    assert t.loc["connectors", "change_pp"] == pytest.approx(100 * 52 / 160 - 25)  # MEX + VNM
    assert t.loc["allies_without_mexico", "change_pp"] == pytest.approx(27.5 - 40)
    assert t.loc["rest", "growth_pct"] == pytest.approx(700.0)            # Taiwan 5 -> 40
    assert t["change_pp"].sum() == pytest.approx(0.0)


def test_asia_split_and_crossing_year_by_hand(tiny):
    split = tech.asia_split("trade").pivot(index="year", columns="group", values="share_pct")
    # East Asia & Pacific: allies = Japan only; others = China, Vietnam, Taiwan
    assert split.loc[2017, "allies"] == pytest.approx(100 * 50 / 150)
    assert split.loc[2017, "others"] == pytest.approx(100 * 50 / 150)      # a tie: not ahead
    assert split.loc[2022, "others"] == pytest.approx(100 * (29 + 19 + 42) / 210)
    assert tech.crossing_year("trade", first=2000) == 2022


# ---- the real tables ------------------------------------------------------------------

def test_partner_shares_sum_to_100_for_every_flow_and_year():
    s = tech.partner_shares()
    for flow in ("trade", "imports", "exports"):
        assert np.allclose(s.groupby("year")[f"{flow}_share_pct"].sum(), 100)


def test_allies_china_and_everyone_else_cover_every_partner():
    for flow in ("imports", "exports", "trade"):
        wide = tech.group_table(["treaty_allies", "china", "others"], flow).pivot(
            index="year", columns="group", values="value")
        assert np.allclose(wide.sum(axis=1), 100)


def test_group_trade_share_matches_the_panel_built_by_the_recipe():
    allies = tech.members("treaty_allies")
    panel = helpers.load("panel", countries=allies, years=(1995, 2022))
    from_panel = panel.groupby("year")["trade_share_pct"].sum()
    mine = tech.group_share("treaty_allies", "trade", (1995, 2022)).set_index("year")["value"]
    assert np.allclose(mine, from_panel.loc[mine.index], atol=1e-6)


def test_members_of_named_groups():
    assert tech.members("five_eyes") == ["AUS", "CAN", "GBR", "NZL"]
    assert tech.members("quad") == ["AUS", "IND", "JPN"]
    assert "USA" not in tech.members("nato") and "SWE" in tech.members("nato")
    everyone = set(helpers.load("countries")["iso3"]) - {"USA"}
    assert set(tech.members("treaty_allies")) | set(tech.members("others")) | {"CHN"} == everyone


def test_coauthor_group_sum_is_the_sum_of_members_covered():
    co = helpers.load("coauthorship", years=2020).set_index("iso3")["share_of_us_articles_pct"]
    five = tech.group_share("five_eyes", "coauthor", 2020)
    assert five["value"].item() == pytest.approx(co[["AUS", "CAN", "GBR"]].sum())
    assert five["covered"].item() == 3
    years = tech.group_share("china", "coauthor")["year"]
    assert (years % 2 == 0).all()                          # the US-side series: even years


def test_trade_long_uses_tradhist_shares():
    th = helpers.load("trade_history", countries="CHN", years=2010)["trade_share_pct"].item()
    assert tech.group_share("china", "trade_long", 2010)["value"].item() == pytest.approx(th)


def test_asia_split_adds_up_to_the_region_share():
    split = tech.asia_split("trade").groupby("year")["share_pct"].sum()
    region = tech.region_table((1995, 2022)).loc[tech.EAST_ASIA]
    assert split[1995] == pytest.approx(region[1995], abs=0.05)
    assert split[2022] == pytest.approx(region[2022], abs=0.05)


def test_crossing_year_is_the_first_year_ahead():
    year = tech.crossing_year("trade")
    wide = tech.asia_split("trade").pivot(index="year", columns="group", values="share_pct")
    assert wide.loc[year, "others"] > wide.loc[year, "allies"]
    assert (wide.loc[:year - 1, "others"] <= wide.loc[:year - 1, "allies"]).all()


def test_friendshoring_on_real_data():
    t = tech.friendshoring()
    assert t["change_pp"].sum() == pytest.approx(0, abs=1e-9)
    assert t["share_2017_pct"].sum() == pytest.approx(100)
    raw = helpers.load("trade", years=2022)
    assert t[["imports_2022_bn"]].sum().item() == pytest.approx(raw["imports_musd"].sum() / 1000)
    china = helpers.load("trade", countries="CHN", years=(2017, 2022)).set_index("year")["imports_musd"]
    assert t.loc["china", "growth_pct"] == pytest.approx(100 * (china[2022] / china[2017] - 1))


def test_share_changes_lists_gainers_then_losers():
    t = tech.share_changes(n=5)
    assert len(t) == 10
    assert t["change_pp"].head(5).is_monotonic_decreasing and (t["change_pp"].head(5) > 0).all()
    assert (t["change_pp"].tail(5) < 0).all()
    assert set(t["kind"]) <= set(tech.KIND.values())


def test_coauthor_table_directions_never_share_a_year():
    us, partner = tech.coauthor_table("us"), tech.coauthor_table("partner")
    assert not set(us.index) & set(partner.index)
    assert "ESP" in partner.columns and "ESP" not in us.columns


def test_friendly_errors():
    with pytest.raises(ValueError, match="not a group"):
        tech.members("friends")
    with pytest.raises(ValueError, match="not a indicator|not an indicator|not a"):
        tech.group_share("china", "chips")
    with pytest.raises(ValueError, match="outside"):
        tech.friendshoring(2017, 2030)
    with pytest.raises(ValueError, match="before"):
        tech.friendshoring(2022, 2017)
    with pytest.raises(ValueError, match="none of its members"):
        tech.group_share("connectors", "coauthor")      # Mexico and Vietnam are not in the table


def test_figures_draw_with_alt_text(monkeypatch):
    shown = []
    monkeypatch.setattr(helpers.plots, "show", lambda fig, alt: shown.append(alt))
    tech.draw_china_vs_allies((2000, 2005))
    tech.draw_asia_split(1990)
    tech.draw_coauthorship(["CHN", "GBR"])
    tech.draw_friendshoring()
    tech.draw_groups(["quad", "china"], "coauthor")
    assert len(shown) == 5 and all(len(a.split()) >= 10 for a in shown)
    assert "2002" in shown[1]                              # the crossing year is described


def test_draw_groups_skips_groups_without_data_and_says_so(monkeypatch):
    shown = []
    monkeypatch.setattr(helpers.plots, "show", lambda fig, alt: shown.append(alt))
    tech.draw_groups(["china", "connectors"], "coauthor")
    assert "No data for: Mexico and Vietnam" in shown[-1] and "China 1 of 1" in shown[-1]
    with pytest.raises(ValueError, match="No data"):
        tech.draw_groups(["connectors"], "coauthor")
    with pytest.raises(ValueError, match="at least one"):
        tech.draw_groups([], "trade")


def test_explorer_redraws_on_change(monkeypatch):
    drawn = []
    monkeypatch.setattr(tech, "draw_groups",
                        lambda groups, indicator: drawn.append((tuple(groups), indicator)))
    box = tech.explorer(["china"], indicator="trade")
    indicator, groups = box.children[0].children
    assert drawn == []  # the starting view is the static figure above the explorer
    indicator.value = "imports"
    assert drawn[-1] == (("china",), "imports")
    groups.value = ("china", "quad")
    assert drawn[-1] == (("china", "quad"), "imports")


# ---- exercise checks ------------------------------------------------------------------

def _ok(ex, answer):
    return result(ex, answer)[0]


def _says(ex, answer, words):
    ok, message = result(ex, answer)
    assert not ok
    assert words in message, message


def test_every_exercise_is_registered_and_unanswered_is_handled():
    assert set(exercises.EXERCISES) == {f"11.{k}" for k in range(1, 7)}
    for ex in exercises.EXERCISES:
        ok, message = result(ex, ...)
        assert not ok and message.startswith("Not answered yet")


def test_11_1_china_import_share():
    expected = tech.group_share("china", "imports", 2022)["value"].item()
    assert _ok("11.1", expected) and _ok("11.1", round(expected, 1))
    _says("11.1", tech.group_share("china", "trade", 2022)["value"].item(), "exports + imports")
    _says("11.1", expected / 100, "percent")
    _says("11.1", "sixteen", "should be a number")


def test_11_2_allies_change_in_import_share():
    s = tech.group_share("treaty_allies", "imports", (2017, 2022)).set_index("year")["value"]
    expected = s[2022] - s[2017]
    assert _ok("11.2", expected)
    _says("11.2", tech.friendshoring().loc["allies_without_mexico", "change_pp"], "without Mexico")
    _says("11.2", -expected, "sign")
    _says("11.2", [1], "should be a number")


def test_11_3_crossing_year():
    assert _ok("11.3", tech.crossing_year("trade"))
    alone = exercises._china_alone_year()
    assert alone is not None and alone != tech.crossing_year("trade")
    _says("11.3", alone, "China *alone*")
    _says("11.3", "two thousand", "should be a number")


def test_11_4_largest_coauthor_partner():
    assert _ok("11.4", "China") and _ok("11.4", "CHN")
    _says("11.4", "Canada", "partner-side")                 # the top of the other direction
    _says("11.4", "United Kingdom", "first year")
    _says("11.4", 42, "text")


def test_11_5_fall_of_chinas_partner_side_share():
    china = tech.coauthor_table("partner", ["CHN"])["CHN"]
    expected = china.max() - china[2021]
    assert _ok("11.5", expected)
    _says("11.5", -expected, "positive")
    _says("11.5", 100 * expected / china.max(), "percent of the peak")
    _says("11.5", None, "should be a number")


def test_11_6_friendshoring_statement():
    assert exercises._friendshoring_answer() == "b"
    assert _ok("11.6", "b") and _ok("11.6", " B ")
    _says("11.6", "a", "Treaty allies other than Mexico")
    _says("11.6", "d", "not one of the options")
    _says("11.6", 2, "Answer with one of")


def test_hints_never_shadow_the_right_answer():
    assert exercises._hints(1.0, {"near": 1.05, "far": 2.0}) == {"far": 2.0}
