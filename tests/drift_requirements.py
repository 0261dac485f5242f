"""Print every dependency of the collection without version limits, for `make drift`.

The drift check installs the newest release of each package, to see breakage before
students meet it.
"""
import re
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
names = [*project["dependencies"]] + [r for extra in project["optional-dependencies"].values() for r in extra]
print(" ".join(sorted({re.match(r"[A-Za-z0-9_.\-]+", r).group(0) for r in names})))
