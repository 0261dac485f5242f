"""Load the collection's tables by name.

Every table lives in the project's ``data/`` folder and is described in
``data/datapackage.json``. Paths are found from this package, so `load` works from any
folder a notebook runs in.

>>> trade = load("trade")
>>> list(trade.columns)
['iso3', 'year', 'exports_musd', 'imports_musd']
>>> load("trade", countries=["UK", "Japan"], years=(2000, 2002))["iso3"].unique().tolist()
['GBR', 'JPN']
"""
from __future__ import annotations

import difflib
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .countries import country

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REBUILD = "run `make data` in the project folder (or `python data/build.py`)"


class DataError(LookupError):
    """A table could not be found, read or filtered as asked."""


@lru_cache(maxsize=1)
def _package() -> dict:
    path = DATA_DIR / "datapackage.json"
    if not path.exists():
        raise DataError(f"The data catalogue {path} is missing. To rebuild the data, {REBUILD}.")
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:  # not JSON, or not UTF-8 text
        package = None
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise DataError(f"The data catalogue {path} is damaged (it cannot be read as a list of the "
                        f"datasets). To restore it, {REBUILD}, or `git checkout data/{path.name}`.")
    return package


def _resource(name: str) -> dict:
    resources = {r["name"]: r for r in _package()["resources"]}
    if not isinstance(name, str) or name not in resources:
        close = difflib.get_close_matches(str(name), resources, n=3, cutoff=0.5)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise DataError(f"There is no dataset called {name!r}.{hint} "
                        f"The datasets are: {', '.join(sorted(resources))}.")
    return resources[name]


def _read(resource: dict) -> pd.DataFrame:
    path = DATA_DIR / resource["path"]
    if not path.exists():
        raise DataError(f"The data file {path.name} is missing from {DATA_DIR}. "
                        f"To rebuild it, {REBUILD}.")
    raw = path.read_bytes()
    if "sha256:" + hashlib.sha256(raw).hexdigest() != resource["hash"]:
        raise DataError(f"The data file {path.name} has been changed or is damaged (it does not "
                        f"match data/datapackage.json). To restore it, {REBUILD}, "
                        f"or `git checkout data/{path.name}`.")
    fields = resource["schema"]["fields"]
    dtypes, dates = {}, []
    for f in fields:
        kind = f["type"]
        if "constraints" in f:
            dtypes[f["name"]] = pd.CategoricalDtype(f["constraints"]["enum"], ordered=True)
        elif kind == "integer":
            dtypes[f["name"]] = "Int64"
        elif kind == "number":
            dtypes[f["name"]] = "float64"
        elif kind == "boolean":
            dtypes[f["name"]] = "boolean"
        elif kind == "date":
            dates.append(f["name"])
        else:
            dtypes[f["name"]] = "str"
    df = pd.read_csv(path, dtype=dtypes, parse_dates=dates, keep_default_na=False,
                     na_values=[""], compression="infer")
    for col, dtype in dtypes.items():
        # plain int64 / bool where nothing is missing: easier to compute and plot with
        if dtype in ("Int64", "boolean") and not df[col].isna().any():
            df[col] = df[col].astype("int64" if dtype == "Int64" else "bool")
    return df


@lru_cache(maxsize=32)
def _load_cached(name: str) -> pd.DataFrame:
    return _read(_resource(name))


def from_cache(function, *args):
    """``function(*args)`` through its `functools.lru_cache`, for topic modules that keep a
    computed table: a table comes back as a copy, so changing it never changes what is kept.
    When an argument cannot be a key of the cache (a list, say), the function runs without
    the cache, so unusual input gets the usual result or error.

    >>> @lru_cache
    ... def squares(n):
    ...     return pd.DataFrame({"square": [i * i for i in range(n)]})
    >>> mine = from_cache(squares, 3)
    >>> mine.loc[0, "square"] = -1
    >>> from_cache(squares, 3)["square"].tolist()
    [0, 1, 4]
    >>> from_cache(squares, [3])
    Traceback (most recent call last):
    ...
    TypeError: 'list' object cannot be interpreted as an integer
    """
    try:
        hash(args)
    except TypeError:
        return function.__wrapped__(*args)
    kept = function(*args)
    return kept.copy() if isinstance(kept, (pd.DataFrame, pd.Series)) else kept


def coverage(name: str) -> tuple[int, int] | None:
    """First and last year of a table, or None for a table without years.

    >>> coverage("trade")
    (1985, 2022)
    """
    cov = _resource(name)["coverage"]
    return (cov["first_year"], cov["last_year"]) if "first_year" in cov else None


def _year_range(name: str, years) -> tuple[int, int]:
    span = coverage(name)
    if span is None:
        raise DataError(f"The dataset {name!r} has no years, so it cannot be filtered by year. "
                        "Leave out `years=`.")
    if isinstance(years, (int,)) and not isinstance(years, bool):
        first, last = years, years
    elif isinstance(years, range):
        first, last = years.start, years.stop - 1
    elif isinstance(years, (tuple, list)) and len(years) == 2:
        first, last = years
    else:
        raise DataError(f"years= takes one year (2010) or a first and last year ((1990, 2010)); "
                        f"got {years!r}.")
    if first > last:
        raise DataError(f"The first year {first} comes after the last year {last}; swap them.")
    if last < span[0] or first > span[1]:
        raise DataError(f"The dataset {name!r} covers {span[0]}–{span[1]}; the years you asked for "
                        f"({first}–{last}) are outside it.")
    return first, last


def load(name: str, countries=None, years=None) -> pd.DataFrame:
    """Load a table by name, optionally only some countries and years.

    Parameters
    ----------
    name : the table's name, e.g. "trade" (see `datasets()` for the list).
    countries : a country or a list of them, by name or code ("UK", "Japan", "FRA").
    years : one year, or a (first, last) pair of years, both included.

    Returns a new DataFrame each time, so changing it never changes the data on disk.

    >>> load("economy", countries="Japan", years=2020)[["iso3", "year"]]
      iso3  year
    0  JPN  2020
    >>> load("tarde")
    Traceback (most recent call last):
    ...
    helpers.data.DataError: There is no dataset called 'tarde'. Did you mean 'trade'? ...
    """
    # pandas copies on write: changing the frame returned never changes the cached table
    df = _load_cached(name).copy(deep=False)
    if countries is not None:
        if "iso3" not in df.columns:
            raise DataError(f"The dataset {name!r} has no country column, so it cannot be "
                            "filtered by country. Leave out `countries=`.")
        wanted = [country(c) for c in ([countries] if isinstance(countries, str) else countries)]
        df = df[df["iso3"].isin(wanted)]
    if years is not None:
        first, last = _year_range(name, years)
        column = df["year"] if "year" in df.columns else df["date"].dt.year
        df = df[column.between(first, last)]
    return df.reset_index(drop=True)


def datasets() -> pd.DataFrame:
    """A table of every dataset: name, title, years covered, countries, rows and main source.

    >>> "trade" in set(datasets()["name"])
    True
    """
    rows = []
    for r in _package()["resources"]:
        cov = r["coverage"]
        rows.append({
            "name": r["name"],
            "title": r["title"],
            "years": f"{cov['first_year']}–{cov['last_year']}" if "first_year" in cov else "",
            "countries": cov.get("countries", pd.NA),
            "rows": cov["rows"],
            "source": r["sources"][0]["publisher"],  # the main source; cite() lists them all
        })
    return pd.DataFrame(rows).astype({"countries": "Int64"})


def describe(name: str) -> pd.DataFrame:
    """The columns of a table with their meaning and units.

    >>> describe("trade").loc[2, "column"]
    'exports_musd'
    """
    fields = _resource(name)["schema"]["fields"]
    return pd.DataFrame({"column": [f["name"] for f in fields],
                         "type": [f["type"] for f in fields],
                         "meaning": [f["description"] for f in fields]})


def cite(name: str) -> str:
    """How to cite the sources of a table.

    >>> print(cite("trade"))
    U.S. Census Bureau, Foreign Trade Division, U.S. Trade in Goods by Country. ...
    """
    r = _resource(name)
    lines = [s["citation"] for s in r["sources"]]
    licences = "; ".join(licence["title"] for licence in r["licenses"])
    lines.append(f"Licence{'s' if len(r['licenses']) > 1 else ''}: {licences}. "
                 "Prepared in the Closest Partners collection (data/README.md).")
    return "\n".join(lines)


def caveats(name: str) -> list[str]:
    """What to keep in mind when using a table, from its documentation."""
    return list(_resource(name)["caveats"])
