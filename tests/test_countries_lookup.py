"""helpers.country: what a student types, what it finds, and what it says when it cannot."""
import re

import pytest

import helpers
import helpers.countries


@pytest.mark.parametrize("text,code", [
    ("South Korea", "KOR"), ("Korea, South", "KOR"), ("Republic of Korea", "KOR"), ("North Korea", "PRK"),
    ("DR Congo", "COD"), ("Democratic Republic of the Congo", "COD"), ("Congo-Kinshasa", "COD"),
    ("Republic of the Congo", "COG"), ("Congo-Brazzaville", "COG"), ("Guinea", "GIN"),
    ("Guinea-Bissau", "GNB"), ("Equatorial Guinea", "GNQ"), ("Papua New Guinea", "PNG"),
    ("British Virgin Islands", "VGB"), ("US Virgin Islands", "VIR"), ("Sudan", "SDN"),
    ("South Sudan", "SSD"), ("Samoa", "WSM"), ("Georgia", "GEO"), ("Niger", "NER"),
    ("Britain", "GBR"), ("UK", "GBR"), ("Great Britain", "GBR"), ("GB", "GBR"), ("Northern Ireland", "GBR"),
    ("USA", "USA"), ("US", "USA"), ("U.S.", "USA"), ("United States", "USA"),
    ("United States of America", "USA"), ("Germany", "DEU"), ("Vietnam", "VNM")])
def test_unambiguous_names_still_work(text, code):
    assert helpers.country(text) == code


def test_every_name_in_the_table_finds_its_code():
    for code in helpers.countries._names():
        assert helpers.country(helpers.name(code)) == code


@pytest.mark.parametrize("text,listed", [
    ("Korea", ["North Korea (PRK)", "South Korea (KOR)"]),
    ("Congo", ["Congo - Brazzaville (COG)", "Congo - Kinshasa (COD)"]),
    ("congo", ["Congo - Brazzaville (COG)", "Congo - Kinshasa (COD)"]),
    ("Virgin Islands", ["British Virgin Islands (VGB)", "U.S. Virgin Islands (VIR)"])])
def test_ambiguous_names_list_the_candidates(text, listed):
    with pytest.raises(helpers.CountryError, match="could mean several countries") as err:
        helpers.country(text)
    message = str(err.value)
    assert all(item in message for item in listed) and "Write the one you mean" in message
    for item in listed:  # each candidate, written as shown, finds its code
        shown, code = re.fullmatch(r"(.+) \((\w{3})\)", item).groups()
        assert helpers.country(shown) == code


@pytest.mark.parametrize("text,first", [("Britian", "United Kingdom (GBR)"), ("Holand", "Netherlands (NLD)"),
                                        ("Frnace", "France (FRA)"), ("Untied Kingdom", "United Kingdom (GBR)")])
def test_suggestions_include_the_accepted_aliases(text, first):
    with pytest.raises(helpers.CountryError, match=re.escape(f"Did you mean {first}")):
        helpers.country(text)


@pytest.mark.parametrize("text", ["England", "Scotland", "Wales", "england"])
def test_nations_of_the_uk_point_to_the_united_kingdom(text):
    with pytest.raises(helpers.CountryError, match=r"is part of United Kingdom \(GBR\).*\"United Kingdom\" or \"GBR\""):
        helpers.country(text)


def test_a_region_points_to_its_country():
    with pytest.raises(helpers.CountryError, match=r"'Texas' is part of United States \(USA\)"):
        helpers.country("Texas")
