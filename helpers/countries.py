"""Turn what a student types ("Britain", "UK", "Japan", "FRA") into an ISO alpha-3 code.

The names and patterns come from two well-kept sources: `pycountry` (the ISO 3166 standard
with official names) and the name patterns of the `countrycode` package, stored in the
collection's `countries` table (read with `helpers.load`, so a damaged file is reported).

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

import pandas as pd
import pycountry


class CountryError(LookupError):
    """A country name or code that could not be matched to exactly one country."""


@lru_cache(maxsize=1)
def _countries() -> pd.DataFrame:
    from .data import load  # here, not at the top: helpers.data imports this module
    return load("countries")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, bool, re.Pattern]]:
    df = _countries().dropna(subset=["name_pattern"])
    return [(iso, bool(hist), re.compile(pat, re.IGNORECASE))
            for iso, hist, pat in zip(df["iso3"], df["historical"], df["name_pattern"])]


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """iso3 -> English short name."""
    return dict(zip(_countries()["iso3"], _countries()["name"]))


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, list[str]]:
    """casefolded English name -> the codes that carry it."""
    found: dict[str, list[str]] = {}
    for iso, text in zip(_countries()["iso3"], _countries()["name"]):
        found.setdefault(text.casefold(), []).append(iso)
    return found


def _words(text: str) -> str:
    """The words of a name, lower case, one space apart: "Korea, South" -> "korea south"."""
    return " ".join(re.findall(r"\w+", text.casefold()))


@lru_cache(maxsize=1)
def _codes_by_phrase() -> dict[str, set[str]]:
    """Every run of whole words in a name ("korea" in "South Korea") -> the codes that have it."""
    found: dict[str, set[str]] = {}
    for iso, text in zip(_countries()["iso3"], _countries()["name"]):
        words = _words(text).split()
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                found.setdefault(" ".join(words[start:end]), set()).add(iso)
    return found


@lru_cache(maxsize=1)
def _spellings() -> dict[str, set[str]]:
    """What the lookup accepts, for suggestions: words of the names in the table, pycountry's
    names, and the plain words of the name patterns ("britain", "holland") -> their codes."""
    found = {k: set(v) for k, v in _codes_by_phrase().items() if len(k) >= 4}
    for iso in _names():
        hit = pycountry.countries.get(alpha_3=iso)
        for text in (getattr(hit, key, None) for key in ("name", "official_name", "common_name")):
            if text:
                found.setdefault(_words(text), set()).add(iso)
    for iso, _, pattern in _patterns():
        # the alternatives of a pattern without lookarounds and anchors; "united.?kingdom" -> "united kingdom"
        for alternative in re.sub(r"\(\?[=!][^()]*\)|\\b|[\^$]", "", pattern.pattern).split("|"):
            text = " ".join(re.sub(r"\.[?*]|\\s[*+]?|[.?]", " ", alternative).split())
            if re.fullmatch(r"[^\W\d_]{3,}( [^\W\d_]+)*", text) and pattern.search(text):
                found.setdefault(text, set()).add(iso)
    return found


@lru_cache(maxsize=1)
def _regions() -> dict[str, list[str]]:
    """casefolded name of an ISO 3166-2 region ("England", "Texas") -> the codes of its countries."""
    found: dict[str, list[str]] = {}
    for region in pycountry.subdivisions:
        parent = pycountry.countries.get(alpha_2=region.country_code)
        text = re.sub(r"\s*\[.*\]", "", region.name).casefold()  # "Wales [Cymru GB-CYM]"
        if parent is not None and parent.alpha_3 in _names() and parent.alpha_3 not in found.get(text, []):
            found.setdefault(text, []).append(parent.alpha_3)
    return found


def _listed(codes) -> str:
    """ "North Korea (PRK) or South Korea (KOR)"."""
    return " or ".join(f"{name(c)} ({c})" for c in codes)


def _several(query: str, codes) -> CountryError:
    return CountryError(f"{query!r} could mean several countries: {_listed(sorted(codes, key=name))}. "
                        "Write the one you mean, by its name as written here or its code.")


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


def in_sentence(iso3: str, start: bool = False) -> str:
    """A country's name as it reads in a sentence: "the" before names that take it, "The" when
    the name starts the sentence.

    >>> in_sentence("GBR"), in_sentence("JPN"), in_sentence("PHL"), in_sentence("DOM")
    ('the United Kingdom', 'Japan', 'the Philippines', 'the Dominican Republic')
    >>> in_sentence("NLD", start=True)
    'The Netherlands'
    """
    text = name(iso3)
    takes_the = (text.startswith(("United ", "Netherlands", "Philippines", "Bahamas", "Gambia",
                                  "Maldives", "Czech Republic"))
                 or text.endswith((" Islands", " Republic", " Emirates")))
    if not takes_the:
        return text
    return f"{'The' if start else 'the'} {text}"


def country(text: str) -> str:
    """The ISO 3166 alpha-3 code for a country name, alias or code.

    Accepts ISO codes (``"GB"``, ``"GBR"``), English names and common aliases
    (``"Britain"``, ``"Holland"``). Raises `CountryError` with suggestions when the text
    matches no country, a part of a country, or several countries.

    >>> country("Britian")
    Traceback (most recent call last):
    ...
    helpers.countries.CountryError: No country matches 'Britian'. Did you mean United Kingdom (GBR)? ...
    >>> country("Korea")
    Traceback (most recent call last):
    ...
    helpers.countries.CountryError: 'Korea' could mean several countries: North Korea (PRK) or South Korea (KOR). ...
    >>> country("Scotland")
    Traceback (most recent call last):
    ...
    helpers.countries.CountryError: 'Scotland' is part of United Kingdom (GBR); the data count whole countries. ...
    """
    if not isinstance(text, str) or not text.strip():
        raise CountryError(f"A country is given as text, such as 'Japan' or 'JPN'; got {text!r}.")
    query = text.strip()
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
    shared = _codes_by_phrase().get(_words(query), ())
    if len(shared) > 1:  # "Korea" is a part of two names: South Korea and North Korea
        raise _several(query, shared)
    current, historical = [], []
    for iso, hist, pattern in _patterns():
        if pattern.search(query):
            (historical if hist else current).append(iso)
    matches = current or historical
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise _several(query, matches)
    try:
        hit = pycountry.countries.lookup(query)
        if hit.alpha_3 in codes:
            return hit.alpha_3
    except LookupError:
        pass
    region = _regions().get(query.casefold())
    if region:
        first = name(region[0])
        raise CountryError(f"{query!r} is part of {_listed(region)}; the data count whole countries. "
                           f"Use the country: \"{first}\" or \"{region[0]}\".")
    close = difflib.get_close_matches(query.casefold(), _spellings(), n=3, cutoff=0.6)
    # closest spelling first; for a spelling in several names, the shortest name ("Germany") first
    suggested = dict.fromkeys(c for s in close for c in sorted(_spellings()[s], key=lambda c: len(name(c))))
    suggested = list(suggested)[:3]
    hint = f" Did you mean {_listed(suggested)}?" if suggested else ""
    raise CountryError(f"No country matches {query!r}.{hint} Try the English name "
                       "(\"United Kingdom\") or the ISO code (\"GBR\").")
