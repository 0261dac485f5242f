"""The website (`make site`): every notebook as a page with its outputs, readable without Jupyter.

One build per test session (site/build.py into a temporary folder, every notebook run once,
two processes), then checks on the HTML: a page for every notebook, in order; no execution
error; the title first and the learning objectives near the top; alt text on every figure; a
Binder link to the page's notebook. A second, tiny build checks that a failing cell fails the
build and that the offline guard is on in the kernel.
"""
from __future__ import annotations

import importlib.util
import json
import re

import pytest

from conftest import ROOT

pytest.importorskip("myst_nb", reason="the site extra is not installed (pip install -e '.[site]')")
bs4 = pytest.importorskip("bs4")
_spec = importlib.util.spec_from_file_location("site_build", ROOT / "site" / "build.py")
site_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site_build)

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
# The launch links open the same repository as README's Binder badge, in JupyterLab.
_BADGE = re.search(r"\(https://mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/([\w.-]+)\?urlpath=lab/tree/notebooks/",
                   (ROOT / "README.md").read_text(encoding="utf-8"))
BINDER = "https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/notebooks/{{name}}".format(
    repo=_BADGE.group(1), ref=_BADGE.group(2)) if _BADGE else None


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(output folder, finished build process): one build for the whole module."""
    out = tmp_path_factory.mktemp("website") / "site"
    done = site_build.build(out, jobs=2, capture_output=True, text=True)
    return out, done


@pytest.fixture(scope="module")
def built(site):
    out, done = site
    if done.returncode:
        pytest.fail("the site did not build; see test_site_builds", pytrace=False)
    return out


_PAGES: dict = {}


def _page(out, path):
    """The parsed page of a notebook (parsed once: the checks only read it)."""
    key = out / "notebooks" / f"{path.stem}.html"
    if key not in _PAGES:
        _PAGES[key] = bs4.BeautifulSoup(key.read_text(encoding="utf-8"), "html.parser")
    return _PAGES[key]


def _article(page):
    """The page's own content: no sidebars, header buttons or footer."""
    return page.select_one("article.bd-article") or page.select_one("main") or page


def _plain(text: str) -> str:
    """Text for comparison: Markdown marks gone, quotes straight, spaces single."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[`*]|(?<!\w)_+|_+(?!\w)", "", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "¶": "", "#": ""}))
    return " ".join(text.split())


def _title(path) -> str:
    first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]
    source = "".join(first["source"]) if isinstance(first["source"], list) else first["source"]
    return _plain(source.splitlines()[0].removeprefix("# "))


def test_site_builds(site):
    out, done = site
    assert done.returncode == 0, "the site build failed:\n" + (done.stdout + done.stderr)[-6000:]
    warnings = [line for line in (done.stdout + done.stderr).splitlines() if "WARNING:" in line]
    assert not warnings, "the site build warned (broken link? missing anchor?):\n" + "\n".join(warnings)


def test_every_notebook_has_a_page_in_order(built):
    missing = [p.name for p in NOTEBOOKS if not (built / "notebooks" / f"{p.stem}.html").is_file()]
    assert not missing, f"no page for {missing}"
    index = bs4.BeautifulSoup((built / "index.html").read_text(encoding="utf-8"), "html.parser")
    linked = [a["href"].split("#")[0] for a in _article(index).select(".toctree-wrapper a[href]")]
    assert linked == [f"notebooks/{p.stem}.html" for p in NOTEBOOKS], (
        "the index must link every notebook, in the order of their numbers")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_execution_error(built, path):
    article = _article(_page(built, path))
    for cell in article.select("div.cell"):
        if "tag_raises-exception" in cell.get("class", []):
            continue  # an error the notebook shows on purpose
        shown = cell.select("div.cell_output .traceback, div.cell_output .output.error")
        text = cell.get_text()
        assert not shown and "Traceback (most recent call last)" not in text, (
            f"{path.name}: an error in the page:\n{text[:1500]}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_title_then_objectives(built, path):
    article = _article(_page(built, path))
    headings = article.find_all(["h1", "h2"])
    assert headings and headings[0].name == "h1", f"{path.name}: the page does not start with a title"
    assert _plain(headings[0].get_text()) == _title(path), (
        f"{path.name}: the page's title is {headings[0].get_text()!r}, not the notebook's title")
    assert len(headings) > 1 and headings[1].name == "h2" and \
        _plain(headings[1].get_text()) == "Learning objectives", (
        f"{path.name}: the learning objectives must be the first section after the title")
    objectives = headings[1].find_parent("section")
    assert 3 <= len(objectives.select("li")) <= 5, f"{path.name}: the objectives' bullets are missing"
    first_cell = article.select_one("div.cell")
    if first_cell is not None:  # nothing runs before the objectives are read
        assert first_cell.find_previous("h2") is not None, (
            f"{path.name}: a code cell comes before the learning objectives")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_figures_have_alt_text(built, path):
    for img in _article(_page(built, path)).select("div.cell_output img"):
        alt = (img.get("alt") or "").strip()
        assert len(alt.split()) >= 5 and not alt.endswith((".png", ".jpg", ".svg")), (
            f"{path.name}: a figure without alt text on the site ({img.get('src')}: alt={alt!r})")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_binder_link(built, path):
    assert BINDER, "README.md has no Binder badge to take the repository from"
    page = _page(built, path)
    want = BINDER.format(name=path.name)
    hrefs = [a.get("href") for a in page.select("a[href]")]
    assert want in hrefs, f"{path.name}: no launch link to {want}"
    visible = [a.get("href") for a in _article(page).select("p.closest-launch a[href]")]
    assert visible == [want], f"{path.name}: the 'run this notebook on Binder' line is missing or wrong"


def test_a_failing_cell_fails_the_build(tmp_path):
    """The offline guard is on in the kernel, and an error in a cell stops the build."""
    nbformat = pytest.importorskip("nbformat")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Does a broken notebook stop the site?"),
                nbformat.v4.new_markdown_cell("## Learning objectives\n\n- one\n- two\n- three"),
                nbformat.v4.new_code_cell("import socket\nassert socket.OFFLINE_GUARD  # tests/offline"),
                nbformat.v4.new_code_cell('raise RuntimeError("broken on purpose")')]
    nbformat.write(nb, notebooks / "00_broken.ipynb")
    done = site_build.build(tmp_path / "site", jobs=1, notebooks=notebooks,
                            capture_output=True, text=True)
    log = done.stdout + done.stderr
    assert done.returncode != 0, "a notebook with an error built without complaint"
    # The run stops at the first error: reaching the last cell means the guard was on.
    assert "broken on purpose" in log, (
        "the build did not fail where expected (is tests/offline on the kernel's PYTHONPATH?):\n"
        + log[-3000:])
