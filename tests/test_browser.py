"""Every notebook, as a student meets it: opened in JupyterLab in a real browser, run, clicked.

For each notebook this starts from a fresh page, runs all cells from the Run menu, and checks
what a student would see: no error, every widget drawn as a widget (not as a line of text such
as ``HBox(children=...)``), and in each cell tagged ``explorer`` the note that the view above
is its start, then a figure drawn when the first control is changed. A screenshot of every notebook goes to ``artifacts/browser/``.

It needs Debian's ``chromium`` (``.ci/run`` installs it) and the ``playwright`` Python package
(the ``test`` extra); Playwright's own browser download is not used. Without
``/usr/bin/chromium`` the tests are skipped on a developer's machine and fail under CI.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from helpers.widgets import START_NOTE

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
RUN_TIMEOUT = 300      # seconds for "Run All Cells" to finish in one notebook
REDRAW_TIMEOUT = 60    # seconds for an explorer's figure to change after a control changes
STABLE_FOR = 1.5       # seconds a figure must stay the same before it counts as drawn

# Settings for a JupyterLab that asks nothing and writes nothing: no news or update pop-ups,
# no autosave (outputs must never be written back into the stored notebooks), and every cell
# kept in the page (not virtualised) so that all outputs can be inspected and photographed.
OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}

# Text a widget shows when the browser side failed to draw it.
WIDGET_AS_TEXT = re.compile(r"\b[A-Za-z]\w*\(children=\(|Error displaying widget|"
                            r"[Mm]odel not found|Failed to load model class")
ERROR_LINE = re.compile(r"^\s*\w*(Error|Exception|Interrupt)\b", re.M)
ERROR_MIMES = {"application/vnd.jupyter.stderr", "application/vnd.jupyter.error"}

# The first control of an explorer: the element to change, in page order.
CONTROLS = (".widget-dropdown select, .widget-select select, .widget-slider .noUi-handle, "
            ".widget-radio-box input[type=radio], .widget-toggle-buttons button")

# One snapshot of the notebook in the page: per cell, its prompt, outputs, widgets and images.
SNAPSHOT_JS = """
() => {
  const hash = (s) => { let h = 2166136261; for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); } return (h >>> 0).toString(16) + ':' + s.length; };
  const cells = [...document.querySelectorAll('.jp-NotebookPanel .jp-Notebook .jp-Cell')];
  return {
    dialog: [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText.trim()).join(' | '),
    cells: cells.map(cell => ({
      code: cell.classList.contains('jp-CodeCell'),
      prompt: (cell.querySelector('.jp-InputPrompt') || {}).textContent || '',
      outputs: [...cell.querySelectorAll('.jp-OutputArea-output')].map(o => {
        const inner = o.querySelector('[data-mime-type]');
        return {mime: o.getAttribute('data-mime-type') || (inner && inner.getAttribute('data-mime-type')) || '',
                text: (o.innerText || '').slice(0, 4000)};
      }),
      widgets: cell.querySelectorAll('.jupyter-widgets').length,
      images: [...cell.querySelectorAll('.jp-Cell-outputArea img')].map(i => hash(i.src)).join(' '),
    })),
  };
}
"""


# ---- the JupyterLab server ---------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server on this machine, reached with a random token."""

    def __init__(self, workdir: Path):
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "jupyterlab.log"
        settings = workdir / "app-settings"
        default_settings = Path(os.environ.get("JUPYTERLAB_DIR",
                                               Path(sys.prefix) / "share" / "jupyter" / "lab")) / "settings"
        if default_settings.is_dir():  # keep what the environment configures (page_config.json...)
            shutil.copytree(default_settings, settings)
        settings.mkdir(exist_ok=True)
        (settings / "overrides.json").write_text(json.dumps(OVERRIDES, indent=2))
        env = dict(os.environ,
                   JUPYTER_CONFIG_DIR=str(workdir / "config"),          # no personal configuration
                   JUPYTERLAB_SETTINGS_DIR=str(workdir / "user-settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(workdir / "workspaces"),
                   JUPYTER_RUNTIME_DIR=str(workdir / "runtime"))
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
               f"--port={self.port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={self.token}", "--allow-root",
               f"--ServerApp.root_dir={ROOT}", f"--LabApp.app_settings_dir={settings}",
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               # JupyterLab saves a checkpoint of each notebook it opens: keep those out of the repo
               f"--FileCheckpoints.checkpoint_dir={workdir / 'checkpoints'}"]
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def log_tail(self, n: int = 30) -> str:
        lines = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(lines[-n:])

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(self.url + path, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.api("/api/status")
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise RuntimeError(f"JupyterLab did not answer /api/status in {timeout:.0f} s:\n{self.log_tail()}")

    def sessions_for(self, name: str) -> list[dict]:
        return [s for s in self.api("/api/sessions") if s.get("path", "").endswith(f"notebooks/{name}")]

    def kernel_idle(self, name: str) -> bool:
        sessions = self.sessions_for(name)
        return bool(sessions) and all(s["kernel"]["execution_state"] == "idle" for s in sessions)

    def shut_down_kernels(self, name: str) -> None:
        for session in self.sessions_for(name):
            try:
                self.api(f"/api/kernels/{session['kernel']['id']}", method="DELETE")
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
            except urllib.error.HTTPError:
                pass  # already gone

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
            except ProcessLookupError:
                pass
        self._log.close()


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y chromium`)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; under CI the browser tests must run, not be skipped", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, request):
    _require_chromium()
    server = Lab(tmp_path_factory.mktemp("jupyterlab"))
    request.addfinalizer(server.stop)
    server.wait_ready()
    plugin = server.api("/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
    autosave = plugin["settings"].get("autosave", plugin["schema"]["properties"]["autosave"]["default"])
    assert autosave is False, "JupyterLab's autosave is on: it would write outputs into the notebooks"
    return server


@pytest.fixture(scope="module")
def browser(lab, request):
    from playwright.sync_api import sync_playwright  # the `test` extra installs it

    playwright = sync_playwright().start()
    request.addfinalizer(playwright.stop)
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    request.addfinalizer(chromium.close)
    return chromium


# ---- driving one notebook ----------------------------------------------------------------

def _snapshot(page) -> dict:
    return page.evaluate(SNAPSHOT_JS)


def _numbered(prompt: str) -> bool:
    return re.fullmatch(r"\s*\[\d+\]:?\s*", prompt) is not None


def _error_text(cell: dict) -> str | None:
    for out in cell["outputs"]:
        text = out["text"]
        if "Traceback" in text or (out["mime"] in ERROR_MIMES and ERROR_LINE.search(text)):
            return text.strip()
    return None


def _run_all(page, lab: Lab, name: str) -> dict:
    """Run All Cells from the Run menu; wait until every code cell has run (or one failed)."""
    def click_run_all():
        page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.click()  # focus the notebook
        page.locator("#jp-menu-panel .lm-MenuBar-item", has_text=re.compile(r"^\s*Run\s*$")).click()
        label = page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^\s*Run All Cells\s*$"))
        page.locator(".lm-Menu .lm-Menu-item").filter(has=label).click()

    click_run_all()
    clicked = time.monotonic()
    retried = False
    deadline = clicked + RUN_TIMEOUT
    while time.monotonic() < deadline:
        page.wait_for_timeout(500)
        snap = _snapshot(page)
        if snap["dialog"]:
            pytest.fail(f"{name}: JupyterLab showed a dialog while running: {snap['dialog']}", pytrace=False)
        code = [c for c in snap["cells"] if c["code"]]
        busy = any("*" in c["prompt"] for c in code)
        started = any(_numbered(c["prompt"]) for c in code)
        if not busy and not started and not retried and time.monotonic() - clicked > 10:
            # Known: Run All right after the kernel reports idle can do nothing. Once more.
            print(f"{name}: Run All Cells did nothing in 10 s; clicking it again")
            click_run_all()
            retried = True
            continue
        finished = all(_numbered(c["prompt"]) for c in code) or any(_error_text(c) for c in code)
        if started and not busy and finished and lab.kernel_idle(name):
            return snap
    pytest.fail(f"{name}: Run All Cells did not finish in {RUN_TIMEOUT} s"
                f"{' (retried once)' if retried else ''}", pytrace=False)


def _settle(page, timeout: float = 30) -> dict:
    """Wait until outputs, widgets and images stop changing (widgets draw after the run)."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        snap = _snapshot(page)
        key = json.dumps(snap, sort_keys=True)
        if key != last:
            last, since = key, time.monotonic()
        elif time.monotonic() - since >= STABLE_FOR:
            return snap
        page.wait_for_timeout(250)
    return snap


def _check_outputs(name: str, cells: dict, tags: list[list[str]]) -> None:
    problems = []
    for i, cell in enumerate(cells["cells"]):
        error = _error_text(cell)
        if error:
            problems.append(f"{name} cell {i}: error output:\n{error[-1500:]}")
        for out in cell["outputs"]:
            match = WIDGET_AS_TEXT.search(out["text"])
            if match:
                problems.append(f"{name} cell {i}: a widget was shown as text, not drawn "
                                f"({match.group(0)!r} in {out['text'][:200]!r})")
        if "explorer" in tags[i] and not cell["widgets"]:
            problems.append(f"{name} cell {i}: the explorer cell shows no widget")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def _change_first_control(page, cell, name: str, index: int) -> str:
    """Give the explorer's first control a different value; return what was done."""
    control = cell.locator(CONTROLS).first
    if control.count() == 0:
        pytest.fail(f"{name} cell {index}: the explorer has no slider, dropdown or select to change",
                    pytrace=False)
    control.scroll_into_view_if_needed()
    kind = control.evaluate("e => e.tagName.toLowerCase() + ' ' + e.className")
    if kind.startswith("select"):
        options = control.evaluate("e => [...e.options].map(o => o.textContent)")
        current = control.evaluate("e => e.selectedIndex")
        if len(options) < 2:
            pytest.fail(f"{name} cell {index}: the explorer's first control has one option", pytrace=False)
        new = (current + 1) % len(options)
        control.select_option(index=new)
        return f"select {options[current]!r} -> {options[new]!r}"
    if "noUi-handle" in kind:
        before = control.get_attribute("aria-valuenow")
        for key in ("ArrowRight", "ArrowLeft", "ArrowLeft"):
            control.focus()
            page.keyboard.press(key)
            page.wait_for_timeout(200)
            after = control.get_attribute("aria-valuenow")
            if after != before:
                return f"slider {before} -> {after}"
        box = control.bounding_box()  # keys did nothing: drag the handle instead
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] / 2 + 40, box["y"] + box["height"] / 2, steps=5)
        page.mouse.up()
        return f"slider {before} -> {control.get_attribute('aria-valuenow')} (dragged)"
    # radio buttons and toggle buttons: pick one that is not chosen now
    group = cell.locator(".widget-radio-box input[type=radio]" if "radio" in kind or kind.startswith("input")
                         else ".widget-toggle-buttons button")
    for j in range(group.count()):
        option = group.nth(j)
        chosen = option.evaluate("e => e.checked || e.classList.contains('mod-active')")
        if not chosen:
            option.click()
            return f"option {j}"
    pytest.fail(f"{name} cell {index}: the explorer's first control has nothing else to choose",
                pytrace=False)


def _wait_for_new_figure(page, lab: Lab, name: str, index: int, before: str, action: str) -> None:
    deadline = time.monotonic() + REDRAW_TIMEOUT
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        cell = _snapshot(page)["cells"][index]
        error = _error_text(cell)
        if error:
            pytest.fail(f"{name} cell {index}: error after {action}:\n{error[-1500:]}", pytrace=False)
        images = cell["images"]
        if images != last:
            last, since = images, time.monotonic()
        elif images and images != before and time.monotonic() - since >= STABLE_FOR and lab.kernel_idle(name):
            return
    pytest.fail(f"{name} cell {index}: the figure did not change within {REDRAW_TIMEOUT} s "
                f"after {action}", pytrace=False)


def _screenshot(page, name: str) -> None:
    """The whole notebook in one picture: grow the window to the notebook's height first."""
    height = page.evaluate("""() => {
        const boxes = [...document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer, '
                                                     + '.jp-NotebookPanel .jp-Notebook')];
        const extra = Math.max(...boxes.map(b => b.scrollHeight - b.clientHeight), 0);
        return window.innerHeight + extra;
    }""")
    page.set_viewport_size({"width": 1280, "height": int(min(max(height, 800), 30000))})
    page.wait_for_timeout(300)
    page.evaluate("() => document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer, "
                  ".jp-NotebookPanel .jp-Notebook').forEach(b => { b.scrollTop = 0; })")
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}.png"), full_page=True)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_in_browser(path, lab, browser):
    name = path.name
    stored = path.read_bytes()
    cells_json = json.loads(stored)["cells"]
    tags = [c.get("metadata", {}).get("tags", []) for c in cells_json]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        # A new workspace for every notebook, so nothing is left open from the one before.
        page.goto(f"{lab.url}/lab/workspaces/t{secrets.token_hex(4)}/tree/notebooks/{name}?token={lab.token}")
        page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for()
        deadline = time.monotonic() + 60
        while not lab.kernel_idle(name):
            if time.monotonic() > deadline:
                pytest.fail(f"{name}: the kernel did not start and report idle in 60 s", pytrace=False)
            page.wait_for_timeout(300)
        shown = page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").count()
        assert shown == len(cells_json), f"{name}: the page shows {shown} cells, the file has {len(cells_json)}"

        _run_all(page, lab, name)
        snap = _settle(page)
        _check_outputs(name, snap, tags)

        for index, cell_tags in enumerate(tags):
            if "explorer" not in cell_tags:
                continue
            cell = page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").nth(index)
            shown = _snapshot(page)["cells"][index]
            before = shown["images"]
            if START_NOTE not in " ".join(o["text"] for o in shown["outputs"]):
                pytest.fail(f"{name} cell {index}: the explorer does not say that the view above "
                            f"is its start (outputs: {shown['outputs']})", pytrace=False)
            action = _change_first_control(page, cell, name, index)
            _wait_for_new_figure(page, lab, name, index, before, action)

        _check_outputs(name, _settle(page), tags)
    finally:
        try:
            _screenshot(page, name)
        except Exception as err:  # a picture that fails must not hide the real failure
            print(f"{name}: no screenshot: {err}")
        context.close()
        try:
            lab.shut_down_kernels(name)
        except (urllib.error.URLError, ConnectionError) as err:
            print(f"{name}: kernels not shut down: {err}")
    after = path.read_bytes()
    if after != stored:  # someone may edit the notebook meanwhile; JupyterLab must not save outputs into it
        try:
            cells = json.loads(after)["cells"]
        except ValueError:
            cells = []
        written = [i for i, c in enumerate(cells) if c.get("outputs") or c.get("execution_count")]
        assert not written, (f"{name}: outputs were saved into the stored notebook while it ran in JupyterLab "
                             f"(cells {written[:5]}): autosave must stay off")
