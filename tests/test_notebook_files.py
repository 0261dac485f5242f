"""Notebooks are stored clean: no outputs, the plain python3 kernel, valid nbformat."""
import json

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert (ROOT / "notebooks" / "00_start_here.ipynb") in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {i} has stored outputs"
            assert cell.get("execution_count") is None, f"{path.name} cell {i} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_python3_kernel(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    spec = nb["metadata"].get("kernelspec", {})
    assert spec.get("name") == "python3", f"{path.name} uses kernel {spec.get('name')!r}"
    assert nb["nbformat"] == 4
