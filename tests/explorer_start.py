"""Run a notebook's code in this process and report, for each explorer, whether it starts
from the view drawn just above it: python tests/explorer_start.py NOTEBOOK (prints JSON).

Figures are built but not rendered: `show` only records each figure's alt text (which names
what is drawn, the countries, years and values). An explorer draws nothing until a control
changes; here it is made to draw its starting view once, to compare.
"""
import contextlib
import io
import json
import os
import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt

import helpers
import helpers.widgets

shown: list[str] = []


def record(fig, alt):
    shown.append(alt)
    plt.close(fig)


def main(notebook: str) -> list[dict]:
    """For each explorer cell: the alt texts of its starting view and of the figures drawn by
    the code cell with figures just above it."""
    matplotlib.use("agg")
    real_explorer, real_show = helpers.widgets.explorer, helpers.plots.show

    def starting_view(draw, **controls):
        draw(**{key: control.value for key, control in controls.items()})
        return real_explorer(draw, **controls)

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("helpers"):
            if getattr(module, "show", None) is real_show:
                module.show = record
            if getattr(module, "explorer", None) is real_explorer:
                module.explorer = starting_view

    path = Path(notebook).resolve()
    os.chdir(path.parent)
    namespace, above, report = {}, [], []
    for index, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or source.lstrip().startswith(("%", "!")):
            continue
        before = len(shown)
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                exec(compile(source, f"cell {index}", "exec"), namespace)
            except Exception:  # a cell that shows an error on purpose; nbval checks the others
                pass
        new = shown[before:]
        if "explorer" in cell["metadata"].get("tags", []):
            report.append({"cell": index, "start": new, "above": above})
        elif new:
            above = new
    return report


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
