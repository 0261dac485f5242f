"""helpers.data and helpers.countries: typed loading, and clear messages for every mistake."""
import hashlib
import shutil

import pandas as pd
import pytest

import helpers
import helpers.countries
import helpers.data
from conftest import DATA


def _fingerprint(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.is_file()}


def _clear_caches():
    """Forget every table and lookup that helpers.data and helpers.countries keep."""
    for module in (helpers.data, helpers.countries):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that a test may damage."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns("recipe", "__pycache__"))
    monkeypatch.setattr(helpers.data, "DATA_DIR", copy)
    _clear_caches()
    yield copy
    _clear_caches()


def test_load_types_columns():
    votes = helpers.load("un_votes")
    assert isinstance(votes["vote"].dtype, pd.CategoricalDtype)
    assert list(votes["vote"].cat.categories) == ["yes", "abstain", "no"]
    assert votes["vote"].cat.ordered
    assert votes["rcid"].dtype == "int64"
    calls = helpers.load("un_roll_calls")
    assert pd.api.types.is_datetime64_any_dtype(calls["date"])
    assert helpers.load("countries")["g7"].dtype == bool


def test_namibia_is_not_missing():
    countries = helpers.load("countries")
    assert "NAM" in set(countries["iso3"])
    assert countries["iso3"].notna().all()


def test_load_returns_a_copy():
    first = helpers.load("economy")
    first.loc[:, "population"] = -1
    assert (helpers.load("economy")["population"] > 0).all()


def test_filters_by_country_and_year():
    df = helpers.load("economy", countries=["UK", "Japan"], years=(2000, 2004))
    assert sorted(df["iso3"].unique()) == ["GBR", "JPN"]
    assert df["year"].min() == 2000 and df["year"].max() == 2004
    assert len(df) == 10
    assert helpers.load("economy", years=2010)["year"].unique().tolist() == [2010]


@pytest.mark.parametrize("text", ["Britain", "UK", "Great Britain", "GB", "gbr", "United Kingdom",
                                  " united kingdom "])
def test_country_aliases(text):
    assert helpers.country(text) == "GBR"


@pytest.mark.parametrize("text,code", [("Japan", "JPN"), ("South Korea", "KOR"), ("Korea, South", "KOR"),
                                       ("Holland", "NLD"), ("Burma", "MMR"), ("Ivory Coast", "CIV"),
                                       ("USA", "USA"), ("United States", "USA"), ("Namibia", "NAM"),
                                       ("East Germany", "DDR"), ("Soviet Union", "RUS")])
def test_country_names(text, code):
    assert helpers.country(text) == code


def test_unknown_dataset_lists_names():
    with pytest.raises(helpers.DataError) as err:
        helpers.load("tarde")
    message = str(err.value)
    assert "Did you mean 'trade'" in message and "un_votes" in message


def test_unknown_country_suggests():
    with pytest.raises(helpers.CountryError, match="Did you mean France"):
        helpers.country("Frnace")
    with pytest.raises(helpers.CountryError, match="ISO code"):
        helpers.country("Atlantis")


def test_ambiguous_country_names_candidates():
    with pytest.raises(helpers.CountryError, match="could mean several"):
        helpers.country("Virgin Islands of the United States")  # the US and its territory


def test_country_must_be_text():
    with pytest.raises(helpers.CountryError, match="as text"):
        helpers.country(826)


def test_year_outside_coverage_states_it():
    with pytest.raises(helpers.DataError, match=r"covers 1985–2022"):
        helpers.load("trade", years=(1950, 1960))
    with pytest.raises(helpers.DataError, match="comes after"):
        helpers.load("trade", years=(2010, 2000))
    with pytest.raises(helpers.DataError, match="no years"):
        helpers.load("bases", years=2000)


def test_missing_file_names_it_and_the_fix(data_copy):
    (data_copy / "trade.csv").unlink()
    with pytest.raises(helpers.DataError, match=r"trade\.csv is missing.*make data"):
        helpers.load("trade")


def test_corrupted_file_is_detected(data_copy):
    path = data_copy / "economy.csv"
    path.write_bytes(path.read_bytes()[:-200])
    before = _fingerprint(data_copy)
    with pytest.raises(helpers.DataError, match=r"economy\.csv has been changed or is damaged"):
        helpers.load("economy")
    assert _fingerprint(data_copy) == before  # nothing was repaired or rewritten behind the user's back


def test_missing_catalogue(data_copy):
    (data_copy / "datapackage.json").unlink()
    with pytest.raises(helpers.DataError, match="catalogue .* missing"):
        helpers.datasets()


@pytest.mark.parametrize("damage", [lambda raw: raw[:len(raw) // 2], lambda raw: b"\xff" + raw,
                                    lambda raw: b"{}"])
def test_damaged_catalogue_names_it_and_the_fix(data_copy, damage):
    path = data_copy / "datapackage.json"
    path.write_bytes(damage(path.read_bytes()))
    before = _fingerprint(data_copy)
    for call in (lambda: helpers.load("trade"), helpers.datasets):
        with pytest.raises(helpers.DataError, match=r"datapackage\.json is damaged.*make data"):
            call()
    assert _fingerprint(data_copy) == before


def test_damaged_countries_table_names_it_and_the_fix(data_copy):
    path = data_copy / "countries.csv"
    path.write_bytes(path.read_bytes()[:-300])
    before = _fingerprint(data_copy)
    for call in (lambda: helpers.country("Japan"), lambda: helpers.name("JPN"),
                 lambda: helpers.load("trade", countries="Japan")):
        with pytest.raises(helpers.DataError, match=r"countries\.csv has been changed or is damaged.*make data"):
            call()
    assert _fingerprint(data_copy) == before


def test_missing_countries_table_names_it_and_the_fix(data_copy):
    (data_copy / "countries.csv").unlink()
    with pytest.raises(helpers.DataError, match=r"countries\.csv is missing.*make data"):
        helpers.country("Japan")


def test_errors_change_nothing_on_disk():
    before = _fingerprint(DATA)
    for call in (lambda: helpers.load("nope"), lambda: helpers.country("Narnia"),
                 lambda: helpers.load("trade", years=1900), lambda: helpers.load("trade", countries="Oz")):
        with pytest.raises(LookupError):
            call()
    assert _fingerprint(DATA) == before


def test_datasets_and_cite():
    table = helpers.datasets()
    assert {"countries", "timeline", "un_votes", "trade", "panel"} <= set(table["name"])
    assert table["rows"].gt(0).all()
    assert "Census" in helpers.cite("trade")
    assert "Voeten" in helpers.cite("un_votes")


def test_changing_a_loaded_table_never_changes_the_next_load():
    """load() hands out the kept table without copying it (pandas copies on write), so every
    way a student might change their frame must leave the next load() untouched."""
    fresh = helpers.load("trade")
    mine = helpers.load("trade")
    mine["exports_musd"] = 0.0                     # replace a column
    mine.loc[0, "imports_musd"] = -1.0             # set one value by label
    mine.iloc[1, 0] = "ZZZ"                        # set one value by position
    mine["year"] += 1                              # change a column in place
    del mine["iso3"]                               # remove a column
    mine.index = range(100, 100 + len(mine))       # replace the index
    pd.testing.assert_frame_equal(helpers.load("trade"), fresh)
    votes = helpers.load("un_votes")
    votes.loc[votes.index[:5], "vote"] = "no"      # an ordered categorical, in place
    votes["vote"] = votes["vote"].cat.rename_categories(["Y", "A", "N"])
    again = helpers.load("un_votes")
    assert list(again["vote"].cat.categories) == ["yes", "abstain", "no"]
    assert again["vote"].head().tolist() == helpers.data._read(helpers.data._resource("un_votes"))["vote"].head().tolist()
