"""The `surveys` table: what people answer when asked who their closest ally is.

A handful of published survey results, typed from the polling organisations' own reports
(checked against the collection's reference facts), so that the closeness index can be set
beside how the public answers the same question. No raw source folder holds them: each row
carries the report it comes from.

Record fields
-------------
survey               short name of the survey (one of SURVEYS)
year                 year of the fieldwork
respondents_country  ISO alpha-3 code of the country whose adults were asked
about_country        ISO alpha-3 code of the country named or rated in the answer
question             the question, in a short paraphrase (read the source for the exact wording)
answer               which answer the percentage counts
pct                  percent of respondents giving that answer, 0-100; None where the source
                     gives a ranking but the collection records no figure
note                 what to keep in mind when reading the row
source               the report, with its public address
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from .core import Table, require

PEW = "Pew Research Center 2025"
YOUGOV = "YouGov 2017"
LOWY = "Lowy Institute Poll"
SURVEYS = [PEW, YOUGOV, LOWY]

_PEW_SOURCE = ("Pew Research Center (8 July 2025), People in Many Countries Consider the U.S. an "
               "Important Ally; Others See It as a Top Threat, chapter 1: Who do people think is "
               "their country's most important ally?, https://www.pewresearch.org/global/2025/07/08/"
               "who-do-people-think-is-their-countrys-most-important-ally/")
_YOUGOV_SOURCE = ("YouGov (2 February 2017), America's friends and enemies, "
                  "https://today.yougov.com/topics/politics/articles-reports/2017/02/02/"
                  "americas-friends-and-enemies")
_LOWY_2019 = ("Lowy Institute Poll 2019, The US alliance, "
              "https://poll.lowyinstitute.org/report/2019/us-alliance")
_LOWY_2025 = ("Lowy Institute Poll 2025, pre-election release: US alliance importance, "
              "https://poll.lowyinstitute.org/report/2025/pre-election-release")

_PEW_Q = ("Open question, no list offered: which country is your country's most important "
          "ally?")
_YOUGOV_Q = ("Do you consider each of these countries a friend or an enemy of the United "
             "States? (ally, friendly, unfriendly, enemy, not sure; each respondent rated a "
             "random 15 of 144 countries)")
_LOWY_Q = "How important is the alliance with the United States for Australia's security?"
_LOWY_MODE = ("The Lowy Institute changed its survey mode in 2024: compare 2024 and later "
              "with earlier years with care.")

RECORDS: list[dict] = [
    # Pew 2025: US adults naming their country's most important ally
    dict(survey=PEW, year=2025, respondents_country="USA", about_country="GBR", question=_PEW_Q,
         answer="named the United Kingdom", pct=18,
         note="The most common answer among US adults.", source=_PEW_SOURCE),
    dict(survey=PEW, year=2025, respondents_country="USA", about_country="CAN", question=_PEW_Q,
         answer="named Canada", pct=12, note="", source=_PEW_SOURCE),
    # Pew 2025: adults elsewhere naming the United States
    dict(survey=PEW, year=2025, respondents_country="ISR", about_country="USA", question=_PEW_Q,
         answer="named the United States", pct=95,
         note="The highest share naming the US among the countries surveyed.", source=_PEW_SOURCE),
    dict(survey=PEW, year=2025, respondents_country="KOR", about_country="USA", question=_PEW_Q,
         answer="named the United States", pct=89, note="", source=_PEW_SOURCE),
    dict(survey=PEW, year=2025, respondents_country="JPN", about_country="USA", question=_PEW_Q,
         answer="named the United States", pct=78, note="", source=_PEW_SOURCE),
    dict(survey=PEW, year=2025, respondents_country="CAN", about_country="USA", question=_PEW_Q,
         answer="named the United States", pct=55, note="", source=_PEW_SOURCE),
    # YouGov 2017: 7,150 US adults rating countries
    dict(survey=YOUGOV, year=2017, respondents_country="USA", about_country="CAN", question=_YOUGOV_Q,
         answer="ally", pct=55, note="Tied with the United Kingdom for the largest share answering 'ally'; "
         "the survey asked 7,150 US adults.", source=_YOUGOV_SOURCE),
    dict(survey=YOUGOV, year=2017, respondents_country="USA", about_country="GBR", question=_YOUGOV_Q,
         answer="ally", pct=55, note="Tied with Canada for the largest share answering 'ally'; the "
         "survey asked 7,150 US adults.", source=_YOUGOV_SOURCE),
    dict(survey=YOUGOV, year=2017, respondents_country="USA", about_country="AUS", question=_YOUGOV_Q,
         answer="ally", pct=None, note="Third among the countries Americans called an ally; the "
         "collection records its rank only, not a percentage.", source=_YOUGOV_SOURCE),
    # Lowy Institute Poll: Australian adults on the US alliance
    dict(survey=LOWY, year=2007, respondents_country="AUS", about_country="USA", question=_LOWY_Q,
         answer="very or fairly important", pct=63,
         note="The lowest result of the poll up to 2025.", source=_LOWY_2019),
    dict(survey=LOWY, year=2019, respondents_country="AUS", about_country="USA", question=_LOWY_Q,
         answer="very or fairly important", pct=72, note="", source=_LOWY_2019),
    dict(survey=LOWY, year=2024, respondents_country="AUS", about_country="USA", question=_LOWY_Q,
         answer="very or fairly important", pct=83, note=_LOWY_MODE, source=_LOWY_2025),
    dict(survey=LOWY, year=2025, respondents_country="AUS", about_country="USA", question=_LOWY_Q,
         answer="very or fairly important", pct=80, note=_LOWY_MODE, source=_LOWY_2025),
]


@lru_cache(maxsize=2)
def build_surveys(source_dir: Path) -> pd.DataFrame:
    from .countries import build_countries
    df = pd.DataFrame(RECORDS, columns=list(TABLES[0].columns))
    df["year"] = df["year"].astype("int64")
    df["pct"] = pd.to_numeric(df["pct"]).astype("float64")
    df["note"] = df["note"].replace("", None)
    known = set(build_countries(source_dir)["iso3"])
    for col in ("respondents_country", "about_country"):
        bad = sorted(set(df[col]) - known)
        require(not bad, f"surveys: {col} codes {bad} are not in the countries table")
    require(df["pct"].dropna().between(0, 100).all(), "surveys: a percentage is outside 0-100")
    require(((df["respondents_country"] == "USA") | (df["about_country"] == "USA")).all(),
            "surveys: every row should be about the United States or asked of Americans")
    require((df["respondents_country"] != df["about_country"]).all(),
            "surveys: a country cannot be asked about itself")
    return df


TABLES = [Table(
    name="surveys",
    title="Surveys: who people name as a close ally of the United States",
    description=("A few published survey results on closeness as the public sees it: which "
                 "country US adults name as their most important ally, how many people in "
                 "partner countries name the United States (Pew Research Center, 2025), how "
                 "many US adults call Canada, the UK and Australia an ally (YouGov, 2017), and "
                 "how important Australians say the US alliance is (Lowy Institute Poll). One "
                 "row per survey, year, country asked and country named."),
    sources=["facts"],
    columns={
        "survey": "the survey: organisation, and year for one-off surveys",
        "year": "year of the fieldwork",
        "respondents_country": "country whose adults were asked (ISO alpha-3)",
        "about_country": "country named or rated in the answer (ISO alpha-3)",
        "question": "the question in a short paraphrase; read the source for the exact wording",
        "answer": "the answer the percentage counts",
        "pct": "percent of respondents giving that answer (0-100); empty where only a rank is recorded",
        "note": "what to keep in mind when reading the row (empty if nothing)",
        "source": "the published report, with its web address",
    },
    primary_key=["survey", "year", "respondents_country", "about_country"],
    build=build_surveys,
    ordered={"survey": SURVEYS},
    caveats=[
        "The figures are typed by hand from the reports named in each row (and checked against "
        "the collection's reference facts); they are published percentages, rounded to whole "
        "numbers, not computed from respondent data.",
        "The questions differ: Pew asked people to name one most important ally without a list, "
        "YouGov asked Americans to rate a random set of countries as ally, friendly, unfriendly or "
        "enemy, and the Lowy Institute asks Australians how important the US alliance is. "
        "Percentages from different surveys are not comparable with each other.",
        "YouGov found Australia third among the countries Americans called an ally; its "
        "percentage is not recorded here, so that row has no number.",
        "The Lowy Institute Poll changed its survey mode in 2024, so the 2024 and 2025 results are "
        "not strictly comparable with earlier years.",
        "A survey answer is a perception at one moment: it can move with news and leaders "
        "without any change in treaties, trade or troops.",
    ],
)]
