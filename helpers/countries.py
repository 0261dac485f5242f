"""Turn what a student types ("Britain", "UK", "Japan", "FRA") into an ISO alpha-3 code.

The names and patterns come from two well-kept sources: `pycountry` (the ISO 3166 standard
with official names) and the name patterns of the `countrycode` package, stored in the
collection's `countries` table.

>>> country("Britain")
'GBR'
>>> [country(x) for x in ["UK", "Great Britain", "GB", "gbr"]]
['GBR', 'GBR', 'GBR', 'GBR']
>>> country("South Korea"), country("Holland"), country("Burma")
('KOR', 'NLD', 'MMR')
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

_TABLE = Path(__file__).resolve().parent.parent / "data" / "countries.csv"


class CountryError(LookupError):
    """A country name or code that could not be matched to exactly one country."""


@lru_cache(maxsize=1)
def _countries() -> pd.DataFrame:
    if not _TABLE.exists():
        raise CountryError(f"The countries table {_TABLE.name} is missing. To rebuild the data, "
                           "run `make data` in the project folder.")
    return pd.read_csv(_TABLE, keep_default_na=False, na_values=[""], dtype=str)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, bool, re.Pattern]]:
    df = _countries().dropna(subset=["name_pattern"])
    return [(iso, hist == "True", re.compile(pat, re.IGNORECASE))
            for iso, hist, pat in zip(df["iso3"], df["historical"], df["name_pattern"])]


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """iso3 -> English short name (the first row of each code, as in the table)."""
    df = _countries().drop_duplicates("iso3")
    return dict(zip(df["iso3"], df["name"]))


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, list[str]]:
    """casefolded English name -> the codes that carry it."""
    found: dict[str, list[str]] = {}
    for iso, text in zip(_countries()["iso3"], _countries()["name"]):
        found.setdefault(text.casefold(), []).append(iso)
    return found


def name(iso3: str) -> str:
    """The English short name of a country code.

    >>> name("JPN")
    'Japan'
    """
    hit = _names().get(str(iso3).upper())
    if hit is None:
        raise CountryError(f"{iso3!r} is not a country code in the collection. "
                           "Use country('...') to find a code from a name.")
    return hit


def country(text: str) -> str:
    """The ISO 3166 alpha-3 code for a country name, alias or code.

    Accepts ISO codes (``"GB"``, ``"GBR"``), English names and common aliases
    (``"Britain"``, ``"Holland"``). Raises `CountryError` with suggestions when the text
    matches no country or several.

    >>> country("Frnace")
    Traceback (most recent call last):
    ...
    helpers.countries.CountryError: No country matches 'Frnace'. Did you mean France? ...
    """
    if not isinstance(text, str) or not text.strip():
        raise CountryError(f"A country is given as text, such as 'Japan' or 'JPN'; got {text!r}.")
    query = text.strip()
    df = _countries()
    codes = _names()
    if query.upper() in codes:
        return query.upper()
    by_name = _codes_by_name().get(query.casefold(), [])
    if len(by_name) == 1:
        return by_name[0]
    if len(query) == 2:
        hit = pycountry.countries.get(alpha_2=query.upper())
        if hit is not None and hit.alpha_3 in codes:
            return hit.alpha_3
    current, historical = [], []
    for iso, hist, pattern in _patterns():
        if pattern.search(query):
            (historical if hist else current).append(iso)
    matches = current or historical
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        names = ", ".join(f"{name(m)} ({m})" for m in sorted(matches))
        raise CountryError(f"{query!r} could mean several countries: {names}. "
                           "Use the full name or the three-letter code.")
    try:
        hit = pycountry.countries.lookup(query)
        if hit.alpha_3 in codes:
            return hit.alpha_3
    except LookupError:
        pass
    close = difflib.get_close_matches(query, df["name"].tolist(), n=3, cutoff=0.6)
    hint = f" Did you mean {' or '.join(close)}?" if close else ""
    raise CountryError(f"No country matches {query!r}.{hint} Try the English name "
                       "(\"United Kingdom\") or the ISO code (\"GBR\").")
