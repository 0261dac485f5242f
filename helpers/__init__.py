"""Helpers for the Closest Partners notebooks: data, measures, figures, widgets and checks.

Start every notebook with::

    import helpers
    helpers.setup()

then load a table with ``helpers.load("trade")``; list them with ``helpers.datasets()``.
"""
from . import measures, pillars, plots, style, widgets
# one module per notebook topic
from . import (cultural, diplomatic, economic, history, index, matter, politics, profiles, rising,
               security, technology)
from .checks import check
from .countries import CountryError, country, name
from .data import DataError, caveats, cite, coverage, datasets, describe, load
from .plots import show

__all__ = ["setup", "load", "datasets", "describe", "cite", "caveats", "coverage", "country",
           "name", "show", "check", "measures", "pillars", "plots", "style", "widgets",
           "cultural", "diplomatic", "economic", "history", "index", "matter", "politics",
           "profiles", "rising", "security", "technology", "DataError", "CountryError"]


def setup() -> None:
    """Apply the collection's figure style and table display options."""
    style.use()
