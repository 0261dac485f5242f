"""data/: every table is documented, hashed, small, keyed, and rebuilt identically from the sources."""
import hashlib
import json
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
