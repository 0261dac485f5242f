"""data/: every table is documented, hashed, small, keyed, and rebuilt identically from the sources."""
import hashlib
import json
import re
import subprocess
import sys

import pytest

import helpers
from conftest import DATA, ROOT

PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = PACKAGE["resources"]
NAMES = [r["name"] for r in RESOURCES]
REQUIRED = ["countries", "timeline", "un_votes", "un_roll_calls", "un_agreement", "un_ideal_points",
            "alliances", "troops", "arms", "exercises", "bases", "trade", "trade_history",
            "investment", "students", "opinion", "coauthorship", "economy", "igo", "diplomacy",
            "panel"]


def test_every_required_table_exists():
    assert set(REQUIRED) <= set(NAMES)


@pytest.mark.parametrize("resource", RESOURCES, ids=NAMES)
def test_hash_and_size_match_the_catalogue(resource):
    raw = (DATA / resource["path"]).read_bytes()
    assert len(raw) == resource["bytes"]
    assert "sha256:" + hashlib.sha256(raw).hexdigest() == resource["hash"]


@pytest.mark.parametrize("resource", RESOURCES, ids=NAMES)
def test_documented(resource):
    assert resource["title"] and len(resource["description"]) > 40
    assert resource["licenses"][0]["title"]
    assert resource["sources"] and all(s["citation"] for s in resource["sources"])
    for field in resource["schema"]["fields"]:
        assert len(field["description"]) > 5, field["name"]
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert f"## {resource['name']}\n" in readme
    for field in resource["schema"]["fields"]:
        assert f"| `{field['name']}` |" in readme


def _licence_problems(where: str, licences: list) -> list[str]:
    """What breaks the Data Package rules for a `licenses` list: it must not be empty, and each
    licence needs an Open Definition id (`name`) or the URL or relative path of its terms
    (`path`); the collection also gives each a `title` saying what the terms are."""
    if not licences:
        return [f"{where}: no licences"]
    problems = []
    for lic in licences:
        if not (lic.get("name") or lic.get("path")):
            problems.append(f"{where}: licence without name or path: {lic}")
        if "name" in lic and not re.fullmatch(r"[-a-zA-Z0-9._]+", lic["name"]):
            problems.append(f"{where}: {lic['name']!r} is not a licence id")
        if "path" in lic and not (re.match(r"https?://\S+$", lic["path"]) or (DATA / lic["path"]).is_file()):
            problems.append(f"{where}: licence path {lic['path']!r} is neither a URL nor a file in data/")
        if not lic.get("title"):
            problems.append(f"{where}: licence without a title: {lic}")
    return problems


def test_licences_follow_the_spec():
    problems = _licence_problems("package", PACKAGE.get("licenses", []))
    for resource in RESOURCES:
        problems += _licence_problems(resource["name"], resource.get("licenses", []))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("resource", RESOURCES, ids=NAMES)
def test_resource_follows_the_spec(resource):
    assert re.fullmatch(r"[a-z0-9._-]+", resource["name"])
    assert (DATA / resource["path"]).is_file()
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", resource["hash"])
    fields = resource["schema"]["fields"]
    assert fields and all(f["name"] and f["type"] for f in fields)
    assert set(resource["schema"]["primaryKey"]) <= {f["name"] for f in fields}


@pytest.mark.slow
def test_frictionless_finds_the_package_valid():
    """The catalogue, and every file against it (schema, types, keys, bytes, hash), pass the
    frictionless validator (about 15 s: it reads every row)."""
    import frictionless

    report = frictionless.validate(str(DATA / "datapackage.json"))
    errors = [f"package: {e.type}: {e.note}" for e in report.errors]
    errors += [f"{task.name}: {e.type}: {e.note}" for task in report.tasks for e in task.errors]
    assert report.valid and not errors, "frictionless finds the data package invalid:\n" + "\n".join(errors)


@pytest.mark.parametrize("resource", RESOURCES, ids=NAMES)
def test_title_claims_only_the_years_the_table_has(resource):
    """A year span in a title ("..., 1950-2020") is the span of the table's rows."""
    cov = resource["coverage"]
    spans = re.findall(r"\b(1[6-9]\d\d|20\d\d)-(1[6-9]\d\d|20\d\d)\b", resource["title"])
    if spans and "first_year" in cov:
        assert [(int(a), int(b)) for a, b in spans] == [(cov["first_year"], cov["last_year"])], (
            f"{resource['title']!r} but the rows cover {cov['first_year']}-{cov['last_year']}")


# the tables the panel joins (see its column descriptions and data/recipe/panel.py)
PANEL_JOINS = ["un_agreement", "un_ideal_points", "igo", "trade", "alliances", "troops", "arms",
               "exercises", "students", "opinion", "coauthorship", "economy"]


def test_panel_names_every_source_it_draws_on():
    by_name = {r["name"]: r for r in RESOURCES}
    panel = by_name["panel"]
    folders = {s["folder"] for s in panel["sources"]}
    for table in PANEL_JOINS:
        missing = {s["folder"] for s in by_name[table]["sources"]} - folders
        assert not missing, f"the panel joins {table} but does not list its sources {missing}"
        assert table in panel["sources"][0]["title"]
    licences = [lic for r in PANEL_JOINS for lic in by_name[r]["licenses"]]
    assert all(lic in panel["licenses"] for lic in licences)
    # helpers.datasets() shows a table's first source: for the panel, the join, naming the others
    shown = helpers.datasets().set_index("name").loc["panel", "source"]
    assert shown == panel["sources"][0]["publisher"]
    assert "Voeten" in shown and "World Bank" in shown and "Census" in shown


@pytest.mark.parametrize("name", NAMES)
def test_keys_unique_and_complete(name):
    df = helpers.load(name)
    key = next(r for r in RESOURCES if r["name"] == name)["schema"]["primaryKey"]
    assert not df.duplicated(key).any()
    assert df[key].notna().all().all()
    if "iso3" in df.columns:
        assert df["iso3"].str.fullmatch(r"[A-Z]{3}").all()
        if name != "countries":
            assert set(df["iso3"]) <= set(helpers.load("countries")["iso3"])


def test_data_folder_is_small():
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    assert total < 15 * 1024 * 1024, f"data/ is {total / 1e6:.1f} MB"


def test_no_raw_source_file_is_copied():
    raw_names = {"unvotes.csv", "roll_calls.csv", "country.xlsx", "pew_all_opi.RDS", "gdp.csv",
                 "population.csv", "mme_v7.csv", "basedata.csv", "origin.csv"}
    assert not raw_names & {p.name for p in ROOT.rglob("*") if ".venv" not in p.parts}


@pytest.mark.slow
def test_rebuild_is_identical(sources, tmp_path):
    """The recipe, run on the raw sources, gives exactly the committed files."""
    result = subprocess.run([sys.executable, str(DATA / "build.py"), "--sources", str(sources),
                             "--out", str(tmp_path), "--quiet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for resource in RESOURCES:
        rebuilt = (tmp_path / resource["path"]).read_bytes()
        assert rebuilt == (DATA / resource["path"]).read_bytes(), (
            f"{resource['path']} differs from a fresh build: run `make data` and commit")
    assert (tmp_path / "datapackage.json").read_bytes() == (DATA / "datapackage.json").read_bytes()
    assert (tmp_path / "README.md").read_bytes() == (DATA / "README.md").read_bytes()
