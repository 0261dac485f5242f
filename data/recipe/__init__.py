"""The recipe that turns the raw public sources into the tidy tables in data/.

Run it with ``python data/build.py`` (or ``make data``). Each module builds one family of
tables and declares them in a list called TABLES; `all_tables()` gathers them in order.
"""
from . import countries, culture, economy, panel, security, surveys, timeline, un

MODULES = [countries, un, security, economy, culture, timeline, surveys, panel]


def all_tables():
    """Every table of the collection, in build order."""
    return [table for module in MODULES for table in module.TABLES]
