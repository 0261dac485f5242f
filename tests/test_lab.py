"""`make lab` serves the whole project and lands on the start notebook.

Served from the project folder, as on Binder, a notebook's links to ../data/README.md or
../CITATION.cff open; the address JupyterLab prints on a server leads to the start notebook.
The test runs the command `make lab` would run (after set-up), on a free local port.
"""
from __future__ import annotations

import json
import shlex
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT

START = "notebooks/00_start_here.ipynb"
TOKEN = "closest-partners-test"


def _lab_command() -> list[str]:
    dry = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    lines = [line for line in dry.stdout.splitlines() if " lab " in f"{line} " and "jupyter" in line]
    assert len(lines) == 1, f"expected one jupyter lab command in `make -n lab`, got:\n{dry.stdout}"
    return shlex.split(lines[0])


def test_lab_command_serves_the_project_and_opens_the_start_notebook():
    command = _lab_command()
    assert not any(arg.endswith(".ipynb") and not arg.startswith("--") for arg in command), (
        "a notebook path as argument makes its folder JupyterLab's root, so ../ links break")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command += ["--no-browser", "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={TOKEN}", "--LabApp.news_url=None"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/contents?token={TOKEN}", timeout=5) as answer:
                    root = {item["name"] for item in json.load(answer)["content"]}
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{server.stdout.read()[-3000:]}")
                time.sleep(0.5)
        assert {"notebooks", "data", "README.md", "CITATION.cff"} <= root, f"JupyterLab serves {sorted(root)}"

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None
        try:
            urllib.request.build_opener(NoRedirect).open(f"{base}/?token={TOKEN}", timeout=10)
            pytest.fail("the server's front page did not redirect")
        except urllib.error.HTTPError as redirect:
            landing = redirect.headers["Location"]
        assert landing.split("?")[0].endswith(f"/lab/tree/{START}"), f"the front page leads to {landing}"
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert f"/lab/tree/{START}?token=" in output, "the address JupyterLab prints should open the start notebook"
