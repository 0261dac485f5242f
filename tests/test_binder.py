"""Binder (repo2docker) builds the collection from the root environment.yml and postBuild.

repo2docker ignores root files when a binder/ or .binder/ folder exists, lets a Dockerfile
override everything, and skips requirements.txt and runtime.txt when environment.yml is
present: none of those may creep in. postBuild must stop on errors, install the local
package without touching the environment, and warm matplotlib's font cache. The README's
badge must open the start notebook in JupyterLab. The slow test runs postBuild for real in a
fresh virtual environment that sees the project's packages, as Binder's environment would.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import ROOT

POSTBUILD = ROOT / "postBuild"
START = "notebooks/00_start_here.ipynb"


def test_no_configuration_that_overrides_the_root_files():
    for name in ("binder", ".binder"):
        assert not (ROOT / name).exists(), f"{name}/ would make repo2docker ignore environment.yml and postBuild"
    assert not (ROOT / "Dockerfile").exists(), "a Dockerfile would override Binder's whole build"
    for name in ("requirements.txt", "runtime.txt", "setup.py"):
        assert not (ROOT / name).exists(), (
            f"{name} at the root is ignored or confusing next to environment.yml; keep one environment file")
    assert (ROOT / "environment.yml").is_file() and POSTBUILD.is_file()


def test_postbuild_is_safe():
    text = POSTBUILD.read_text()
    lines = [line.strip() for line in text.splitlines()]
    assert lines[0].startswith("#!") and re.search(r"\b(bash|sh)\b", lines[0]), "postBuild needs a shebang"
    commands = [line for line in lines[1:] if line and not line.startswith("#")]
    assert commands and re.fullmatch(r"set\s+-\w*e\w*( .*)?", commands[0]), (
        "postBuild must start with `set -e`, or Binder ignores its errors")
    installs = [c for c in commands if re.search(r"\bpip\s+install\b", c)]
    assert installs, "postBuild should install the local package"
    for command in installs:
        assert "--no-deps" in command, f"{command!r}: install with --no-deps (environment.yml has the dependencies)"
    assert any(re.search(r"import matplotlib\.(pyplot|font_manager)", c) for c in commands), (
        "postBuild should build matplotlib's font cache")


def test_environment_pins_python_and_not_the_local_package():
    entries = [line.split("#")[0].strip() for line in (ROOT / "environment.yml").read_text().splitlines()]
    assert any(re.fullmatch(r"-\s+python=3\.\d+", e) for e in entries), "pin python in environment.yml"
    assert not [e for e in entries if re.fullmatch(r"-\s+(-e\s+)?\.(\[.*\])?|.*-e\s+\..*", e)], (
        "install the local package in postBuild (--no-deps), not from environment.yml: "
        "it would defeat Binder's environment cache")


def test_readme_binder_badge():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # [![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/...)
    badge = r"\[!\[[^\]]*\]\((https://mybinder\.org/[^)\s]*badge[^)\s]*)\)"
    badges = re.findall(badge + r"\]\((https://mybinder\.org/[^)\s]+)\)", readme)
    assert badges, "README needs a Binder badge linking to https://mybinder.org/v2/gh/..."
    _, link = badges[0]
    url = urlparse(link)
    parts = url.path.strip("/").split("/")
    assert url.scheme == "https" and url.netloc == "mybinder.org"
    assert len(parts) == 5 and parts[:2] == ["v2", "gh"] and all(parts[2:4]) and parts[4] == "HEAD", (
        f"the badge should link to https://mybinder.org/v2/gh/<owner>/<repo>/HEAD?urlpath=..., not {link}")
    urlpath = parse_qs(url.query).get("urlpath", [""])[0]
    assert urlpath == f"lab/tree/{START}", f"the badge should open JupyterLab at {START}, not {urlpath!r}"
    assert (ROOT / urlpath.removeprefix("lab/tree/")).is_file(), f"{urlpath} points to a missing notebook"
    citation = ROOT / "CITATION.cff"
    if citation.exists():  # the same repository everywhere
        m = re.search(r"^repository-code:\s*[\"']?https://github\.com/([^/\s\"']+)/([^/\s\"']+?)(\.git)?[\"']?\s*$",
                      citation.read_text(), re.M)
        if m:
            assert parts[2:4] == [m.group(1), m.group(2)], (
                "the Binder badge and CITATION.cff name different repositories")


@pytest.mark.slow
def test_postbuild_runs_in_a_fresh_environment(tmp_path):
    """postBuild, run in a copy of the project with a new venv that sees the project's packages."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(
        ".venv*", ".git", "artifacts", "__pycache__", "*.egg-info", ".pytest_cache", "build", ".ipynb_checkpoints"))
    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, timeout=120)
    python = env_dir / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # The project's packages, importable but not its own install of `helpers` (.pth files in
    # that folder are not processed, so the project's editable install stays out of sight).
    Path(site, "project-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    mpl_cache = tmp_path / "mplconfig"
    env = dict(os.environ, PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}", VIRTUAL_ENV=str(env_dir),
               MPLCONFIGDIR=str(mpl_cache), PIP_RETRIES="0")
    env.pop("PYTHONHOME", None)
    result = subprocess.run(["bash", "postBuild"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"postBuild failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    assert list(mpl_cache.glob("fontlist-*.json")), "postBuild did not build matplotlib's font cache"
    check = subprocess.run(
        ["python", "-c", "import helpers; helpers.load('countries'); print(helpers.__file__)"],
        cwd=repo / "notebooks", env=env, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, f"import helpers failed after postBuild:\n{check.stderr[-2000:]}"
    assert Path(check.stdout.strip()).is_relative_to(repo), (
        f"helpers came from {check.stdout.strip()}, not from the copy postBuild installed")
