"""The collection's look: a colour-blind-safe palette, line styles, and tidy tables.

Call `use()` once at the top of a notebook (``helpers.setup()`` does it for you). Colours
come from matplotlib's ``petroff10`` palette, chosen for people with colour-vision
deficiencies; each series also gets its own line style, so a chart still reads in grey.

>>> use()
>>> import matplotlib.pyplot as plt
>>> plt.rcParams["axes.prop_cycle"].by_key()["color"][:2] == PALETTE[:2]
True
"""
from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from cycler import cycler

STYLE_NAME = "petroff10"
PALETTE = list(matplotlib.style.library[STYLE_NAME]["axes.prop_cycle"].by_key()["color"])
LINESTYLES = ["-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)),
              (0, (1, 1)), (0, (5, 5)), (0, (3, 5, 1, 5)), (0, (1, 3))]
US_COLOR = "#404040"  # the United States itself, when it is drawn, is a neutral dark grey


def use() -> None:
    """Apply the collection's plotting style and pandas display options."""
    plt.style.use(STYLE_NAME)
    plt.rcParams.update({
        "axes.prop_cycle": cycler(color=PALETTE) + cycler(linestyle=LINESTYLES),
        "figure.figsize": (8, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.titley": 1.0,  # titles sit just above the axes (none has labels on top), which
                             # spares matplotlib searching for a place on every draw
        "axes.labelsize": 11,
        "legend.frameon": False,
        "lines.linewidth": 2,
        "font.size": 10.5,
    })
    pd.set_option("display.max_rows", 20)
    pd.set_option("display.max_columns", 12)
    pd.set_option("display.precision", 3)
    pd.set_option("display.width", 100)
    pd.set_option("display.max_colwidth", 120)  # column descriptions are sentences


def is_in_use() -> bool:
    """True when the collection's palette is the current colour cycle."""
    colors = plt.rcParams["axes.prop_cycle"].by_key().get("color", [])
    return list(colors[:len(PALETTE)]) == PALETTE
