"""The `timeline` table: a curated chronology of US partnership events, 1778 to today.

The dates that the collection's reference page (shared/FACTS.md) lists as easy to get wrong are
typed here a second time, independently of the recipe, and checked row by row. When FACTS.md
is beside the project, the test also checks that each of those dates appears in it, so a typo
in this file cannot hide a typo in the data.

The table is read with helpers.load; if it is not built in data/ yet, it is built into a
temporary folder first (it needs no raw source).
"""
import re
from urllib.parse import urlparse

import pandas as pd
import pycountry
import pytest

import helpers
import helpers.data
from conftest import ROOT

FACTS_MD = ROOT.parent / "shared" / "FACTS.md"
AS_OF = pd.Timestamp("2026-11-27")
COLUMNS = ["date", "date_precision", "in_force", "year", "countries", "kind", "title",
           "summary", "source"]
KINDS = ["treaty", "agreement", "declaration", "speech", "summit", "organisation",
         "withdrawal", "crisis", "policy"]
PRECISIONS = ["day", "month", "year"]


@pytest.fixture(scope="module")
def timeline():
    return helpers.load("timeline")


def _row(df: pd.DataFrame, title: str) -> pd.Series:
    hits = df[df["title"] == title]
    assert len(hits) == 1, f"expected exactly one row titled {title!r}, found {len(hits)}"
    return hits.iloc[0]


# ---------------------------------------------------------------------------- shape

def test_columns_and_types(timeline):
    assert list(timeline.columns) == COLUMNS
    assert pd.api.types.is_datetime64_any_dtype(timeline["date"])
    assert pd.api.types.is_datetime64_any_dtype(timeline["in_force"])
    assert timeline["year"].dtype == "int64"
    for col, levels in (("kind", KINDS), ("date_precision", PRECISIONS)):
        assert isinstance(timeline[col].dtype, pd.CategoricalDtype)
        assert timeline[col].cat.ordered
        assert list(timeline[col].cat.categories) == levels
    for col in ("date", "date_precision", "year", "kind", "title", "summary", "source"):
        assert timeline[col].notna().all(), col


def test_at_least_45_events_with_unique_key(timeline):
    assert len(timeline) >= 45
    assert not timeline.duplicated(["date", "title"]).any()
    assert not timeline["title"].duplicated().any()


def test_starts_in_1778_with_the_french_treaties(timeline):
    assert timeline["date"].min() == pd.Timestamp("1778-02-06")
    assert timeline.iloc[0]["year"] == 1778          # the file is sorted by date
    first_day = set(timeline.loc[timeline["date"] == "1778-02-06", "title"])
    assert first_day == {"Treaty of Alliance with France", "Treaty of Amity and Commerce with France"}
    assert timeline["date"].is_monotonic_increasing


def test_no_date_in_the_future(timeline):
    today = min(AS_OF, pd.Timestamp.today().normalize())
    assert (timeline["date"] <= today).all()
    assert (timeline["in_force"].dropna() <= today).all()
    assert timeline["year"].max() >= 2023             # the list reaches the present day


# ---------------------------------------------------------------------------- dates

def test_precision_is_consistent_with_the_date(timeline):
    assert (timeline["year"] == timeline["date"].dt.year).all()
    month = timeline["date_precision"] == "month"
    year = timeline["date_precision"] == "year"
    assert (timeline.loc[month | year, "date"].dt.day == 1).all()
    assert (timeline.loc[year, "date"].dt.month == 1).all()
    assert (timeline["date_precision"] == "day").mean() > 0.8   # most dates are exact days


def test_in_force_never_before_signature(timeline):
    both = timeline.dropna(subset=["in_force"])
    assert len(both) >= 10
    assert (both["in_force"] >= both["date"]).all()


# Dates from shared/FACTS.md, typed again here: (title, date, precision, in force or None)
FACTS = [
    ("Treaty of Alliance with France", "1778-02-06", "day", None),
    ("Treaty of Amity and Commerce with France", "1778-02-06", "day", None),
    ("Convention of 1800 (Treaty of Mortefontaine)", "1800-09-30", "day", "1801-12-21"),
    ("Atlantic Charter", "1941-08-14", "day", None),
    ("Declaration by United Nations", "1942-01-01", "day", None),
    ("Churchill's 'Sinews of Peace' speech at Fulton", "1946-03-05", "day", None),
    ("UKUSA Agreement signed", "1946-03-05", "day", None),
    ("Canada joins the UKUSA arrangement", "1948-01-01", "year", None),
    ("Australia and New Zealand join the UKUSA arrangement", "1956-01-01", "year", None),
    ("UKUSA Agreement text released", "2010-06-01", "month", None),
    ("North Atlantic Treaty signed", "1949-04-04", "day", "1949-08-24"),
    ("ANZUS Treaty signed", "1951-09-01", "day", "1952-04-29"),
    ("US-Japan Security Treaty", "1951-09-08", "day", "1952-04-28"),
    ("Treaty of Mutual Cooperation and Security with Japan", "1960-01-19", "day", "1960-06-23"),
    ("Quad first proposed", "2007-01-01", "year", None),
    ("First Quad leaders' summit (virtual)", "2021-03-12", "day", None),
    ("First in-person Quad leaders' summit", "2021-09-24", "day", None),
    ("AUKUS announced", "2021-09-15", "day", None),
    ("United States-Mexico-Canada Agreement signed", "2018-11-30", "day", "2020-07-01"),
]


@pytest.mark.parametrize("title,date,precision,in_force", FACTS, ids=[f[0] for f in FACTS])
def test_reference_dates_match(timeline, title, date, precision, in_force):
    row = _row(timeline, title)
    assert row["date"] == pd.Timestamp(date)
    assert row["date_precision"] == precision
    if in_force is None:
        assert pd.isna(row["in_force"])
    else:
        assert row["in_force"] == pd.Timestamp(in_force)


def test_key_dates_hard_checked(timeline):
    """The dates most often got wrong, each checked on its own."""
    dates = timeline.groupby("title")["date"].first().dt.strftime("%Y-%m-%d")
    assert dates["Treaty of Alliance with France"] == "1778-02-06"
    assert dates["Convention of 1800 (Treaty of Mortefontaine)"] == "1800-09-30"
    assert dates["Atlantic Charter"] == "1941-08-14"                 # released, not the meeting
    assert dates["Churchill's 'Sinews of Peace' speech at Fulton"] == "1946-03-05"
    assert dates["North Atlantic Treaty signed"] == "1949-04-04"
    assert dates["ANZUS Treaty signed"] == "1951-09-01"
    assert dates["US-Japan Security Treaty"] == "1951-09-08"         # not "signed 1952"
    assert dates["Treaty of Mutual Cooperation and Security with Japan"] == "1960-01-19"
    assert dates["AUKUS announced"] == "2021-09-15"
    assert dates["United States-Mexico-Canada Agreement signed"] == "2018-11-30"
    assert dates["First Quad leaders' summit (virtual)"] == "2021-03-12"


def test_other_reference_facts(timeline):
    # Quad revived in Manila in November 2017; NATO Article 5 first invoked after 11 Sep 2001
    revived = _row(timeline, "Quad revived in Manila")["date"]
    assert (revived.year, revived.month) == (2017, 11)
    article5 = _row(timeline, "NATO invokes Article 5")
    assert article5["date"] == pd.Timestamp("2001-09-12")
    assert article5["kind"] == "declaration"
    assert _row(timeline, "ANZUS invoked for the first time")["date"] == pd.Timestamp("2001-09-14")
    # the US suspended its ANZUS obligations to New Zealand in 1986
    suspension = _row(timeline, "US suspends ANZUS obligations to New Zealand")
    assert suspension["year"] == 1986 and suspension["countries"] == "NZL"
    assert suspension["kind"] == "withdrawal"
    # the Atlantic Charter was a declaration, the Quad is not a treaty alliance
    assert _row(timeline, "Atlantic Charter")["kind"] == "declaration"
    quad = timeline[timeline["title"].str.contains("Quad")]
    assert len(quad) == 4 and (quad["kind"] != "treaty").all()
    assert "not nuclear-armed" in _row(timeline, "AUKUS announced")["summary"]
    # the 1778 alliance was the only alliance treaty before the Second World War era
    alliances = timeline[timeline["title"].str.contains("Alliance") & (timeline["kind"] == "treaty")]
    assert list(alliances["title"]) == ["Treaty of Alliance with France"]


def _facts_form(date: pd.Timestamp, precision: str) -> str:
    """'6 Feb 1778', 'Nov 2017' or '1948', as FACTS.md writes dates."""
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{date:%b} {date.year}"
    return f"{date.day} {date:%b} {date.year}"


def test_reference_dates_appear_in_facts_md():
    """Each date typed in FACTS above is written in shared/FACTS.md (guards this file's typos)."""
    if not FACTS_MD.exists():
        pytest.skip(f"{FACTS_MD} is not beside the project")
    text = FACTS_MD.read_text(encoding="utf-8")
    text = re.sub(r"(\d+)[–-](\d+) (\w{3}) (\d{4})", r"\1 \3 \4 \2 \3 \4", text)  # 9–12 Aug 1941
    missing = []
    for _title, date, precision, in_force in FACTS:
        if date == "2010-06-01":
            forms = ["June 2010"]
        else:
            forms = [_facts_form(pd.Timestamp(date), precision)]
        if in_force:
            forms.append(_facts_form(pd.Timestamp(in_force), "day"))
        missing += [f for f in forms if f not in text]
    assert not missing, f"dates not found in FACTS.md: {missing}"


# ---------------------------------------------------------------------------- countries and sources

def _valid_iso3(code: str) -> bool:
    return (pycountry.countries.get(alpha_3=code) is not None
            or pycountry.historic_countries.get(alpha_3=code) is not None)


def test_country_codes_are_iso3_or_multi(timeline):
    bad = []
    for title, codes in timeline[["title", "countries"]].dropna().itertuples(index=False):
        parts = codes.split(" ")
        if len(parts) != len(set(parts)) or "USA" in parts:
            bad.append((title, codes))
        if "MULTI" in parts and parts != ["MULTI"]:
            bad.append((title, codes))
        bad += [(title, p) for p in parts if p != "MULTI" and not _valid_iso3(p)]
    assert not bad, bad


def test_multi_and_empty_countries_are_explained(timeline):
    multi = timeline[timeline["countries"] == "MULTI"]
    assert len(multi) >= 5
    assert multi["summary"].str.contains("MULTI").all()
    # only US statements that named no partner have no countries
    empty = set(timeline.loc[timeline["countries"].isna(), "title"])
    assert empty == {"Washington's Farewell Address", "Jefferson's first inaugural address",
                     "Monroe Doctrine"}


def test_key_partners_and_alliances(timeline):
    nato = _row(timeline, "North Atlantic Treaty signed")["countries"].split()
    assert len(nato) == 11 and {"GBR", "CAN", "FRA"} <= set(nato)   # 12 founders with the US
    assert _row(timeline, "ANZUS Treaty signed")["countries"] == "AUS NZL"
    assert _row(timeline, "Two Plus Four Treaty on Germany")["countries"] == "DEU DDR FRA GBR RUS"
    by_partner = timeline["countries"].dropna().str.split().explode().value_counts()
    assert by_partner["GBR"] >= 15 and by_partner["JPN"] >= 10 and by_partner["AUS"] >= 8


def test_every_row_cites_a_web_source(timeline):
    for title, source in timeline[["title", "source"]].itertuples(index=False):
        assert "http" in source, title
        urls = re.findall(r"https?://\S+", source)
        assert urls, title
        for url in urls:
            parsed = urlparse(url.rstrip(";,"))
            assert parsed.scheme in ("http", "https") and "." in parsed.netloc, (title, url)


def test_required_events_are_listed(timeline):
    titles = " | ".join(timeline["title"])
    for needle in ["Washington's Farewell Address", "Jefferson's first inaugural", "Monroe Doctrine",
                   "Rush-Bagot", "Treaty of Washington", "Hay-Pauncefote", "associated power",
                   "Senate rejects the Treaty of Versailles", "Lend-Lease", "Rio Treaty",
                   "Marshall Plan", "Mutual Defense Treaty with the Philippines",
                   "Mutual Defense Treaty with South Korea", "SEATO", "West Germany joins NATO",
                   "Suez", "France leaves NATO", "Nixon shock", "Nixon visits China", "Plaza Accord",
                   "North American Free Trade Agreement", "Two Plus Four",
                   "Czech Republic, Hungary and Poland", "Seven countries join NATO",
                   "France announces its return", "Finland joins NATO", "Sweden joins NATO",
                   "Camp David"]:
        assert needle in titles, needle
    assert _row(timeline, "Finland joins NATO")["date"] == pd.Timestamp("2023-04-04")
    assert _row(timeline, "Sweden joins NATO")["date"] == pd.Timestamp("2024-03-07")
    assert _row(timeline, "Camp David summit with Japan and South Korea")["date"] == \
        pd.Timestamp("2023-08-18")
    assert _row(timeline, "Czech Republic, Hungary and Poland join NATO")["date"] == \
        pd.Timestamp("1999-03-12")
    assert _row(timeline, "Seven countries join NATO")["date"] == pd.Timestamp("2004-03-29")


def test_kinds_are_varied(timeline):
    counts = timeline["kind"].value_counts()
    assert (counts > 0).all(), counts[counts == 0].index.tolist()   # every kind is used
    assert counts["treaty"] >= 15
