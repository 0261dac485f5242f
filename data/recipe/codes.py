"""Country codes: every table is keyed by ISO 3166 alpha-3 (`iso3`).

Sources use three kinds of country identifier: Correlates of War (COW) numbers, ISO
alpha-2 codes, and plain names in each publisher's spelling. This module maps all three to
ISO alpha-3 with the `countrycode` code table (sources/country_codes_cow_iso), the same
table the R package `countrycode` uses, including its name-matching regular expressions.

States that no longer exist have no ISO 3166-1 code. The collection uses these keys:

========  ======================================  ===============================
iso3      state                                   why
========  ======================================  ===============================
DEU       German Federal Republic (COW 260)       continued as Germany in 1990
DDR       German Democratic Republic (COW 265)    ISO 3166-3 code
CSK       Czechoslovakia (COW 315, to 1992)       ISO 3166-3 code
YUG       Yugoslavia / Serbia and Montenegro      ISO 3166-3 code; COW 345 before 2006
SRB       Serbia (COW 345 from 2006)              COW keeps 345 for Serbia
RUS       Soviet Union / Russia (COW 365)         COW and the UN seat continue
YEM       Yemen Arab Republic (COW 678, to 1990)  continued as unified Yemen (679)
YMD       Yemen People's Republic (COW 680)       ISO 3166-3 code
RVN       Republic of Vietnam (COW 817)           no ISO code; COW letters
ZAN       Zanzibar (COW 511, 1963-64)             no ISO code; COW letters
ANT       Netherlands Antilles (to 2010)          ISO 3166-3 code; not a COW state
========  ======================================  ===============================
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .core import RecipeError, read_csv

HISTORICAL = {
    # iso3: (English name, COW code, region)
    "DDR": ("German Democratic Republic (East Germany)", 265, "Europe & Central Asia"),
    "CSK": ("Czechoslovakia", 315, "Europe & Central Asia"),
    "YUG": ("Yugoslavia", 345, "Europe & Central Asia"),
    "YMD": ("Yemen People's Republic (South Yemen)", 680, "Middle East & North Africa"),
    "RVN": ("Republic of Vietnam (South Vietnam)", 817, "East Asia & Pacific"),
    "ZAN": ("Zanzibar", 511, "Sub-Saharan Africa"),
    "ANT": ("Netherlands Antilles", None, "Latin America & Caribbean"),
}

# COW codes whose ISO code the code table leaves empty or that need a rule
_COW_FIXED = {260: "DEU", 265: "DDR", 315: "CSK", 678: "YEM", 680: "YMD", 817: "RVN",
              511: "ZAN", 347: "XKX"}
_COW_SERBIA_FROM = 2006  # COW 345: Yugoslavia before, Serbia from this year


@lru_cache(maxsize=4)
def codelist(source_dir: Path) -> pd.DataFrame:
    """The countrycode code table: one row per country, ~70 code schemes side by side."""
    path = Path(source_dir) / "country_codes_cow_iso" / "codelist_without_cldr.csv"
    return read_csv(path, dtype=str)


def cow_to_iso3(ccode: pd.Series, year: pd.Series | None, source_dir: Path) -> pd.Series:
    """Map COW state numbers (with the year, for Yugoslavia/Serbia) to iso3."""
    cl = codelist(source_dir).dropna(subset=["cown", "iso3c"])
    table = {int(c): i for c, i in zip(cl["cown"], cl["iso3c"])}
    table.update(_COW_FIXED)
    codes = pd.to_numeric(ccode).astype("Int64")
    out = codes.map(lambda c: table.get(int(c)) if pd.notna(c) else None)
    is_345 = codes == 345
    if is_345.any():
        if year is None:
            raise RecipeError("COW code 345 needs a year to tell Yugoslavia from Serbia")
        out = out.where(~is_345, pd.Series(
            ["SRB" if y >= _COW_SERBIA_FROM else "YUG" for y in year], index=ccode.index
        ).where(is_345))
    return out.astype("str").where(out.notna())


def iso2_to_iso3(iso2: pd.Series, source_dir: Path) -> pd.Series:
    """Map ISO alpha-2 codes (and the historical CS, YU, DD, YD) to iso3."""
    cl = codelist(source_dir).dropna(subset=["iso2c", "iso3c"])
    table = dict(zip(cl["iso2c"], cl["iso3c"]))
    table.update({"CS": "CSK", "YU": "YUG", "DD": "DDR", "YD": "YMD"})
    return iso2.map(table)


@lru_cache(maxsize=4)
def _patterns(source_dir: Path) -> list[tuple[str, re.Pattern]]:
    cl = codelist(source_dir)
    pats = []
    for _, row in cl.iterrows():
        regex = row["country.name.en.regex"]
        if pd.isna(regex):
            continue
        iso3 = row["iso3c"]
        if pd.isna(iso3):
            iso3 = _COW_FIXED.get(int(row["cown"])) if pd.notna(row["cown"]) else None
            if pd.notna(row["cown"]) and int(row["cown"]) == 345:
                iso3 = "YUG"
        if iso3:
            pats.append((iso3, re.compile(regex, re.IGNORECASE)))
    return pats


def name_to_iso3(names: pd.Series, source_dir: Path, overrides: dict[str, str | None] | None = None,
                 what: str = "a source") -> pd.Series:
    """Map country names to iso3 with countrycode's regular expressions.

    `overrides` maps exact names to an iso3 (or to None: a region, aggregate or
    non-state row that is dropped on purpose). Any other name that matches no pattern,
    or more than one, stops the build with a list of the names, so that no row is
    lost silently.
    """
    overrides = overrides or {}
    pats = _patterns(source_dir)
    result: dict[str, str | None] = {}
    unmatched, ambiguous = [], []
    for name in pd.unique(names.dropna()):
        if name in overrides:
            result[name] = overrides[name]
            continue
        hits = sorted({iso for iso, p in pats if p.search(str(name))})
        if len(hits) == 1:
            result[name] = hits[0]
        elif not hits:
            unmatched.append(name)
        else:
            ambiguous.append(f"{name} -> {hits}")
    if unmatched or ambiguous:
        raise RecipeError(
            f"country names in {what} need a decision (add them to the overrides):\n"
            f"  unmatched: {unmatched}\n  ambiguous: {ambiguous}")
    return names.map(result)
