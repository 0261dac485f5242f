"""The teaching contract of CONTRIBUTING.md, checked on every notebook.

Static checks read the stored notebooks: title, learning objectives, exercises with a check
and a folded solution, caveats and sources, no files written. The figure checks run each
notebook once (in this environment's own kernel) and read the outputs: every figure carries
alt text and the colour-blind-safe style, and is followed by a Markdown cell that says what it
shows. The link checks cover the project's Markdown files and every notebook's Markdown cells.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
CELL_TIMEOUT = 120  # seconds, as for nbval in `make test`
DOCS = sorted(ROOT.glob("*.md")) + [ROOT / "data" / "README.md"]  # README, CONTRIBUTING, INSTRUCTORS...


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def _is_md(cell: dict) -> bool:
    return cell["cell_type"] == "markdown"


def _heading(cell: dict) -> tuple[int, str] | None:
    """(level, text) when a Markdown cell starts with a heading."""
    if not _is_md(cell):
        return None
    m = re.match(r"\s*(#{1,6})\s+(.*)", _source(cell))
    return (len(m.group(1)), m.group(2).strip()) if m else None


def _headings(markdown: str, level: int | None = None) -> list[str]:
    """The text of every ATX heading (of one level, if given), outside fenced code."""
    return [m.group(2).strip() for m in re.finditer(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$",
                                                   _strip_fences(markdown), re.M)
            if level is None or len(m.group(1)) == level]


# ---- structure ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_title_first(path):
    first = _cells(path)[0]
    assert _is_md(first) and _source(first).startswith("# "), (
        f"{path.name}: the first cell must be Markdown starting with '# ' and the notebook's question")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_learning_objectives(path):
    tagged = [(i, c) for i, c in enumerate(_cells(path)) if "objectives" in _tags(c)]
    assert len(tagged) == 1, f"{path.name}: expected one cell tagged 'objectives', found {len(tagged)}"
    i, cell = tagged[0]
    text = _source(cell)
    assert _is_md(cell) and text.startswith("## Learning objectives"), (
        f"{path.name} cell {i}: the 'objectives' cell must be Markdown starting with '## Learning objectives'")
    bullets = [line for line in text.splitlines() if re.match(r"\s*([-*+]|\d+[.)])\s+\S", line)]
    assert 3 <= len(bullets) <= 5, f"{path.name} cell {i}: {len(bullets)} objectives; write 3 to 5 bullets"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_sections(path):
    headings = {h for c in _cells(path) if _is_md(c) for h in _headings(_source(c), level=2)}
    for section in ("Exercises", "Caveats", "Sources"):
        assert section in headings, f"{path.name}: no '## {section}' section"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_setup_cell(path):
    code = [_source(c) for c in _cells(path) if c["cell_type"] == "code"]
    assert any("import helpers" in s and "helpers.setup()" in s for s in code), (
        f"{path.name}: no set-up cell with `import helpers` and `helpers.setup()`")


def _pieces(markdown: str) -> list[tuple[tuple[int, str] | None, str]]:
    """A Markdown text cut before each heading (outside fenced code): [(heading, text)]."""
    pieces, heading, lines, fence = [], None, [], None
    for line in markdown.splitlines(keepends=True):
        mark = re.match(r" {0,3}(```|~~~)", line)
        if mark:
            fence = mark.group(1) if fence is None else (None if line.strip().startswith(fence) else fence)
        m = None if (fence or mark) else re.match(r" {0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            if heading or "".join(lines).strip():
                pieces.append((heading, "".join(lines)))
            heading, lines = (len(m.group(1)), m.group(2)), []
        lines.append(line)
    pieces.append((heading, "".join(lines)))
    return pieces


def _blocks(cells: list[dict]) -> list[dict]:
    """The notebook as a stream: each code cell, and each heading-to-heading piece of Markdown."""
    out = []
    for i, cell in enumerate(cells):
        if _is_md(cell):
            out += [{"cell": i, "type": "markdown", "heading": h, "text": t, "tags": _tags(cell)}
                    for h, t in _pieces(_source(cell))]
        else:
            out.append({"cell": i, "type": cell["cell_type"], "heading": None, "text": _source(cell),
                        "tags": _tags(cell)})
    return out


def _exercises(cells: list[dict]) -> list[tuple[dict, list[dict]]]:
    """Each '### Exercise' heading, with what follows it up to the next heading of level 1-3."""
    blocks = _blocks(cells)
    out = []
    for k, block in enumerate(blocks):
        h = block["heading"]
        if h and h[0] == 3 and re.match(r"Exercise\b", h[1]):
            body = [block]
            for nxt in blocks[k + 1:]:
                if nxt["heading"] and nxt["heading"][0] <= 3:
                    break
                body.append(nxt)
            out.append((block, body))
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_exercises(path):
    exercises = _exercises(_cells(path))
    # Open questions marked Discussion have no automatic check (CONTRIBUTING.md).
    checked = [(head, body) for head, body in exercises
               if "Discussion" not in head["heading"][1] and "**Discussion**" not in head["text"]]
    assert len(checked) >= 4, (f"{path.name}: {len(checked)} '### Exercise' headings with a check "
                               "(not counting Discussion questions); at least 4 are needed")
    for head, body in checked:
        where = f"{path.name} cell {head['cell']} ({head['heading'][1]})"
        code = [b for b in body if b["type"] == "code"]
        md = [b["text"] for b in body if b["type"] == "markdown"]
        assert any("helpers.check(" in b["text"] for b in code), (
            f"{where}: no code cell calling helpers.check(...) before the next heading")
        assert any("answer" in b["tags"] for b in code), (
            f"{where}: no code cell tagged 'answer' (`answer = ...`) before the next heading")
        assert any("<details>" in t and "<summary>" in t for t in md), (
            f"{where}: no worked solution in <details><summary>...</summary> before the next heading")


def test_exercise_parsing():
    md = lambda text, tags=(): {"cell_type": "markdown", "source": text, "metadata": {"tags": list(tags)}}
    code = lambda text, tags=(): {"cell_type": "code", "source": text, "metadata": {"tags": list(tags)}}
    cells = [md("## Exercises\n\n### Exercise 1\nQ"), code("answer = ...", ["answer"]),
             code('helpers.check("00.1", answer)'),
             md("<details><summary>Solution</summary>\n\n```python\n# not a heading\n```\n</details>\n\n"
                "### Exercise 2 (Discussion)\nTalk."),
             md("## Caveats\n- none")]
    (h1, body1), (h2, body2) = _exercises(cells)
    assert h1["heading"] == (3, "Exercise 1") and [b["cell"] for b in body1] == [0, 1, 2, 3]
    assert "<details>" in body1[-1]["text"] and "Exercise 2" not in body1[-1]["text"]
    assert h2["heading"] == (3, "Exercise 2 (Discussion)") and [b["cell"] for b in body2] == [3]


# Writing a file would let one notebook depend on another having run first.
WRITES = re.compile(r"\.to_(csv|parquet|excel|json|pickle|feather|hdf|sql|stata|html|latex|markdown)\(|"
                    r"\bsavefig\(|\.write_(text|bytes)\(|\bnp\.save|\bopen\([^)]*['\"][wax]\+?b?['\"]|"
                    r"^\s*%%writefile|^\s*%store\b", re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_files_written(path):
    for i, cell in enumerate(_cells(path)):
        if cell["cell_type"] == "code":
            m = WRITES.search(_source(cell))
            assert not m, (f"{path.name} cell {i} writes a file ({m.group(0).strip()!r}): notebooks must "
                           "run in any order, so none may leave files for another to read")


# ---- outputs of a real run ---------------------------------------------------------------

def _execute(path: Path):
    """Run a notebook top to bottom in this environment's kernel: (notebook, failure or None).

    A plain loop over jupyter_client's blocking client (as nbval does) rather than nbclient:
    nbclient sometimes waits out the whole cell timeout on an explorer cell (PITFALLS.md;
    seen here 2 runs in 27). Every display goes into the cell's outputs, including the figures
    an explorer draws into its output widget, so those are checked too.
    """
    from queue import Empty

    import nbformat
    from ipykernel.kernelspec import RESOURCES, get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager

    class ThisEnvironment(KernelSpecManager):
        """Always the kernel of the Python running the tests, whatever the notebook names."""

        def get_kernel_spec(self, kernel_name):
            return KernelSpec(resource_dir=RESOURCES, **get_kernel_dict())

    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name="python3", kernel_spec_manager=ThisEnvironment())
    km.start_kernel(cwd=str(path.parent))  # the environment, PYTHONPATH included, is inherited
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            msg_id = kc.execute(cell.source, store_history=True)
            cell.outputs = []
            deadline = time.monotonic() + CELL_TIMEOUT
            while True:
                if time.monotonic() > deadline:
                    return nb, f"cell {i} did not finish in {CELL_TIMEOUT} s"
                try:
                    msg = kc.get_iopub_msg(timeout=1)
                except Empty:
                    if not km.is_alive():
                        return nb, f"the kernel died in cell {i}"
                    continue
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                kind = msg["msg_type"]
                if kind == "status" and msg["content"]["execution_state"] == "idle":
                    break
                if kind in ("execute_result", "display_data", "stream", "error"):
                    cell.outputs.append(nbformat.v4.output_from_msg(msg))
            errors = [o for o in cell.outputs if o.output_type == "error"]
            if errors and "raises-exception" not in _tags(cell):
                return nb, f"cell {i}: {errors[0].ename}: {errors[0].evalue}"
        return nb, None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def executed():
    """Each notebook run once per test session, on first use."""
    runs = {}

    def run(path: Path):
        if path not in runs:
            runs[path] = _execute(path)
        return runs[path]
    return run


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_runs_without_errors(path, executed):
    nb, failure = executed(path)
    for i, cell in enumerate(nb.cells):
        if "raises-exception" in _tags(cell):
            continue  # an error the notebook shows on purpose
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", (
                f"{path.name} cell {i}: {out['ename']}: {out['evalue']}")
    assert failure is None, f"{path.name}: {failure}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_figures_have_alt_text_style_and_a_caption(path, executed):
    nb, _ = executed(path)
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if "image/png" not in out.get("data", {}):
                continue
            meta = out.get("metadata", {}).get("image/png", {})
            alt = meta.get("alt", "")
            assert len(str(alt).split()) >= 5, (
                f"{path.name} cell {i}: a figure without alt text (draw it with a helpers function, "
                f"which calls helpers.show); alt was {alt!r}")
            assert meta.get("style") == "petroff10", (
                f"{path.name} cell {i}: a figure not drawn in the collection's style "
                f"(style {meta.get('style')!r}); call helpers.setup() first")
            following = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
            assert following is not None and following.cell_type == "markdown", (
                f"{path.name} cell {i}: a figure must be followed by a Markdown cell saying what it shows")


# ---- links -------------------------------------------------------------------------------

def _strip_fences(markdown: str) -> str:
    return re.sub(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", "", markdown, flags=re.M | re.S)


def _strip_code(markdown: str) -> str:
    """Markdown without fenced code blocks and inline code, where links are not links."""
    return re.sub(r"(`+)(?!`).+?(?<!`)\1(?!`)", "", _strip_fences(markdown), flags=re.S)


def _links(markdown: str) -> list[str]:
    text = _strip_code(markdown)
    inline = r"\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?(?:\s+[\"'(][^)]*)?\)"  # ](target "title")
    targets = [m.group(1) for m in re.finditer(inline, text)]
    targets += [m.group(1) for m in re.finditer(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", text, re.M)]
    targets += [m.group(1) for m in re.finditer(r"<(https?://[^>\s]+)>", text)]
    targets += [m.group(1) for m in re.finditer(r"<(?:a|img)\b[^>]*?\b(?:href|src)=[\"']([^\"']+)[\"']", text)]
    return targets


def _plain(heading: str) -> str:
    """Heading text as rendered: no links, code marks or emphasis."""
    heading = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    return re.sub(r"[`*]|(?<!\w)_+|_+(?!\w)|<[^>]+>", "", heading).strip()


def _anchors(markdown: str) -> set[str]:
    """Anchors GitHub (lower-case slugs, -1 for repeats) and JupyterLab (Heading-Text) make."""
    anchors, seen = set(), {}
    for heading in _headings(markdown):
        text = _plain(heading)
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
        anchors.add(text.replace(" ", "-"))
    anchors.update(re.findall(r"<a\s+(?:id|name)=[\"']([^\"']+)[\"']", markdown))
    return anchors


def _markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        return "\n\n".join(_source(c) for c in _cells(path) if _is_md(c))
    return path.read_text(encoding="utf-8")


def _check_link(source: Path, target: str) -> str | None:
    """None when the link is fine, else what is wrong."""
    parsed = urlparse(target)
    if parsed.scheme in ("http", "https"):
        ok = "." in parsed.netloc and " " not in target and not parsed.netloc.endswith(".")
        return None if ok else "not a well-formed web address"
    if parsed.scheme == "mailto":
        return None if "@" in parsed.path else "not an e-mail address"
    if parsed.scheme == "attachment":
        return None
    if parsed.scheme or parsed.netloc:
        return f"unexpected link type {parsed.scheme!r}"
    path_part, anchor = unquote(parsed.path), unquote(parsed.fragment)
    if not path_part:
        dest = source
    elif path_part.startswith("/"):
        dest = ROOT / path_part.lstrip("/")
    else:
        dest = (source.parent / path_part).resolve()
    if not dest.exists():
        return f"{dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest} does not exist"
    if anchor and dest.suffix in (".md", ".ipynb"):
        if anchor not in _anchors(_markdown_of(dest)):
            return f"no heading for #{anchor} in {dest.name}"
    return None


LINKED = DOCS + NOTEBOOKS


@pytest.mark.parametrize("path", LINKED, ids=[str(p.relative_to(ROOT)) for p in LINKED])
def test_links_resolve(path):
    assert path.exists(), f"{path.relative_to(ROOT)} is missing"
    problems = []
    if path.suffix == ".ipynb":
        pieces = [(f"cell {i}", _source(c)) for i, c in enumerate(_cells(path)) if _is_md(c)]
    else:
        pieces = [("", path.read_text(encoding="utf-8"))]
    for where, text in pieces:
        for target in _links(text):
            problem = _check_link(path, target)
            if problem:
                place = f"{path.relative_to(ROOT)}{' ' + where if where else ''}"
                problems.append(f"{place}: ({target}) {problem}")
    assert not problems, "broken links:\n" + "\n".join(problems)


def test_link_checker_finds_what_it_should(tmp_path):
    """The link checker itself: it sees every kind of link and catches broken ones."""
    text = ("[a](guide.md#the-rules) [b](#here) ![c](missing.png) [![badge](https://x.org/b.svg)](https://x.org)\n"
            "[ref]: sub/\n<https://example.org> <a href=\"nowhere.md\">d</a> `[not](a-link)`\n"
            "```\n[not](either)\n```\n## Here\n")
    assert _links(text) == ["guide.md#the-rules", "#here", "missing.png", "https://x.org/b.svg",
                            "https://x.org", "sub/", "https://example.org", "nowhere.md"]
    (tmp_path / "sub").mkdir()
    (tmp_path / "guide.md").write_text("# Guide\n## The rules\n```\n# not a heading\n```\n")
    page = tmp_path / "page.md"
    page.write_text(text)
    assert _check_link(page, "guide.md#the-rules") is None
    assert _check_link(page, "guide.md#The-rules") is None          # JupyterLab's style
    assert _check_link(page, "sub/") is None
    assert _check_link(page, "#here") is None
    assert "no heading" in _check_link(page, "guide.md#not-a-heading")
    assert "does not exist" in _check_link(page, "missing.png")
    assert _check_link(page, "https://mybinder.org/v2/gh/a/b/HEAD?urlpath=lab") is None
    assert _check_link(page, "https://localhost") is not None
    assert _check_link(page, "ftp://x.org/f") is not None
    assert _anchors("# A `code` title?\n## Same\n## Same\n## un_votes *now*\n") >= {
        "a-code-title", "same", "same-1", "A-code-title?", "un_votes-now"}


# ---- explorers start from the view above -------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_explorer_starts_from_the_view_just_above(path):
    """An explorer does not draw its starting view (the static call above it already did), so
    that call must draw exactly what the explorer starts from: same figure, same alt text."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(ROOT / "tests" / "explorer_start.py"), str(path)],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    explorers = json.loads(run.stdout.strip().splitlines()[-1])
    assert explorers, f"{path.name}: no cell tagged explorer"
    for e in explorers:
        assert e["start"], f"{path.name} cell {e['cell']}: the explorer draws no starting view"
        assert e["start"] == e["above"], (
            f"{path.name} cell {e['cell']}: the explorer starts from a different view than the "
            f"figure just above it.\nexplorer: {e['start']}\nabove: {e['above']}")
