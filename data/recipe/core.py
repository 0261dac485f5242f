"""The pieces every table builder shares: the table spec, source records and the writer.

A table is declared once, with its metadata next to the function that builds it::

    TABLE = Table(
        name="economy",
        title="GDP and population",
        description="...",
        sources=["worldbank"],
        columns={"iso3": "ISO 3166 alpha-3 code", "year": "calendar year", ...},
        primary_key=["iso3", "year"],
        build=build_economy,
    )

`write_package` turns a list of tables into CSV files, `datapackage.json` (Frictionless
Data Package: schema, sources, licences, sha256 of each file) and the generated reference
part of `data/README.md`. Everything is written in a fixed order with fixed formatting, so
two runs over the same sources give byte-identical files.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd


class RecipeError(RuntimeError):
    """A source does not look the way the recipe expects."""


@dataclass(frozen=True)
class Licence:
    """One set of terms a source comes under, written as a Data Package licence.

    The Data Package spec asks for an Open Definition licence id (`name`, e.g. "CC-BY-4.0"),
    the URL of the terms (`path`), or both; `title` says in words what the terms are and
    what they cover. Terms with no standard id (a publisher's own, or none stated) get the
    publisher's page as `path` and say so in the title, never a made-up id.
    """

    title: str
    name: str = ""
    path: str = ""

    def __post_init__(self) -> None:
        if not (self.name or self.path):
            raise RecipeError(f"licence {self.title!r} needs an Open Definition id or a URL")

    def as_dict(self) -> dict:
        return {key: value for key, value in
                (("name", self.name), ("path", self.path), ("title", self.title)) if value}


@dataclass(frozen=True)
class Source:
    """One raw source folder in the shared sources directory."""

    folder: str
    title: str
    publisher: str
    url: str
    licences: tuple[Licence, ...]  # the terms of the folder's files, as its SOURCE.md states them
    citation: str
    short: str  # a few words naming it in a list of sources (the panel's publisher line)


@dataclass
class Table:
    """One tidy table in data/: what it is, where it comes from, and how to build it."""

    name: str
    title: str
    description: str
    sources: list[str | Source]  # keys of recipe.sources.SOURCES, or a Source made for the table
    columns: dict[str, str]
    primary_key: list[str]
    build: Callable[[Path], pd.DataFrame]
    caveats: list[str] = field(default_factory=list)
    compress: bool = False
    # columns whose values form a fixed, ordered set (loaded as ordered categoricals)
    ordered: dict[str, list[str]] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv.gz" if self.compress else f"{self.name}.csv"


def read_csv(path: Path, **kwargs) -> pd.DataFrame:
    """Read a source CSV without turning Namibia's code "NA" into a missing value."""
    kwargs.setdefault("keep_default_na", False)
    kwargs.setdefault("na_values", [""])
    return pd.read_csv(path, **kwargs)


def require(condition: bool, message: str) -> None:
    """Stop the build with `message` when a source breaks an expectation."""
    if not condition:
        raise RecipeError(message)


# ---------------------------------------------------------------------------- writing

def _field_type(series: pd.Series) -> str:
    if isinstance(series.dtype, pd.CategoricalDtype):
        return "string"
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    return "string"


def _check(table: Table, df: pd.DataFrame) -> pd.DataFrame:
    declared = list(table.columns)
    require(list(df.columns) == declared,
            f"{table.name}: built columns {list(df.columns)} differ from declared {declared}")
    require(len(df) > 0, f"{table.name}: the build produced no rows")
    dup = df.duplicated(table.primary_key)
    require(not dup.any(),
            f"{table.name}: {int(dup.sum())} duplicate keys {table.primary_key}, e.g.\n"
            f"{df.loc[dup, table.primary_key].head()}")
    for col in table.primary_key:
        require(df[col].notna().all(), f"{table.name}: missing values in key column {col}")
    for col, levels in table.ordered.items():
        bad = set(df[col].dropna().astype(str)) - set(levels)
        require(not bad, f"{table.name}: values {sorted(bad)} in {col} are not in {levels}")
    return df.sort_values(table.primary_key, kind="stable").reset_index(drop=True)


def _csv_bytes(df: pd.DataFrame) -> bytes:
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    text = out.to_csv(index=False, lineterminator="\n", float_format="%.10g")
    return text.encode("utf-8")


def _gzip(data: bytes) -> bytes:
    buf = io.BytesIO()
    # mtime=0 and no file name keep the archive identical from run to run
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(data)
    return buf.getvalue()


def coverage(df: pd.DataFrame) -> dict:
    """Rows, the span of years and the number of countries in a table."""
    cov: dict = {"rows": int(len(df))}
    for col in ("year", "academic_year_start"):
        if col in df.columns and pd.api.types.is_numeric_dtype(df[col]):
            cov["first_year"] = int(df[col].min())
            cov["last_year"] = int(df[col].max())
            break
    if "date" in df.columns and pd.api.types.is_datetime64_any_dtype(df["date"]):
        cov["first_year"] = int(df["date"].dt.year.min())
        cov["last_year"] = int(df["date"].dt.year.max())
    if "iso3" in df.columns:
        cov["countries"] = int(df["iso3"].nunique())
    return cov


# The package as a whole has no single licence: each resource lists its sources' terms.
PACKAGE_LICENCE = Licence(
    title="Each table keeps its sources' terms, listed in its own licenses and in README.md",
    path="README.md")


def write_package(tables: list[Table], sources: dict[str, Source], source_dir: Path,
                  out_dir: Path, log: Callable[[str], None] = print) -> dict:
    """Build every table from `source_dir` and write files + datapackage.json to `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    resources = []
    for table in tables:
        log(f"building {table.name} ...")
        df = _check(table, table.build(source_dir))
        data = _csv_bytes(df)
        if table.compress:
            data = _gzip(data)
        (out_dir / table.filename).write_bytes(data)
        fields = []
        for col in df.columns:
            f = {"name": col, "type": _field_type(df[col]), "description": table.columns[col]}
            if col in table.ordered:
                f["constraints"] = {"enum": list(table.ordered[col])}
            fields.append(f)
        src = [s if isinstance(s, Source) else sources[s] for s in table.sources]
        licences = list(dict.fromkeys(lic for s in src for lic in s.licences))
        require(bool(licences), f"{table.name}: none of its sources states a licence")
        resources.append({
            "name": table.name,
            "path": table.filename,
            "title": table.title,
            "description": table.description,
            "format": "csv",
            **({"compression": "gz"} if table.compress else {}),
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "schema": {"fields": fields, "primaryKey": list(table.primary_key),
                       "missingValues": [""]},
            "sources": [{"title": s.title, "path": s.url, "publisher": s.publisher,
                         "citation": s.citation, "folder": s.folder} for s in src],
            "licenses": [lic.as_dict() for lic in licences],
            "caveats": list(table.caveats),
            "coverage": coverage(df),
        })
        log(f"  {table.filename}: {len(df):,} rows, {len(data):,} bytes")
    package = {
        "profile": "data-package",
        "name": "closest-partners",
        "title": "Closest Partners: tidy tables on the United States and its partners",
        "description": "Small, documented tables built by data/build.py from public sources.",
        "licenses": [PACKAGE_LICENCE.as_dict()],
        "resources": resources,
    }
    text = json.dumps(package, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    (out_dir / "datapackage.json").write_text(text, encoding="utf-8")
    return package
