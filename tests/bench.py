"""Time every notebook and measure its kernel's peak memory, next to a floor notebook.

    python tests/bench.py            (or: make bench)
    python tests/bench.py --cells notebooks/01_history.ipynb ...   (where the time goes)

The floor notebook only imports pandas, matplotlib, ipywidgets and helpers, in the same
run, so the comparison is fair on any machine. Each notebook, the floor included, runs twice
and its faster run counts (its larger peak memory counts). Targets: each notebook at most
twice the floor's wall time, and at most 400 MB peak kernel memory. Writes
artifacts/bench.md and exits 1 if a target is missed. ``--cells`` shows, for the notebooks
named, each cell's time and how much of it went into rendering figures.
"""
from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import threading
import time
from pathlib import Path
from queue import Empty

import nbformat
import psutil
from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parent.parent
WALL_FACTOR, MEMORY_MB = 2.0, 400
REPEAT = 2  # every notebook, the floor included, runs this many times; the fastest run counts
FLOOR_SOURCE = "import pandas\nimport matplotlib.pyplot as plt\nimport ipywidgets\nimport helpers\nhelpers.setup()"


def _peak_rss(pid: int, stop: threading.Event, result: list[float]) -> None:
    peak = 0.0
    while not stop.is_set():
        try:
            peak = max(peak, psutil.Process(pid).memory_info().rss / 2**20)
        except psutil.Error:
            pass
        stop.wait(0.05)
    result.append(peak)


def run(path: Path, cells: list | None = None) -> tuple[float, float]:
    """Start a fresh kernel, run every code cell in order; return (seconds, peak MB of the kernel).

    With a list for ``cells``, also record each code cell's (index, seconds, seconds spent
    rendering figures, figures rendered, first line) in it; that adds a little work to the run.

    The clock runs from asking for the kernel to the end of the last cell. A plain loop over
    jupyter_client, as nbval does: nbclient sometimes waits out its whole timeout on a widget
    cell (see PITFALLS.md), which would turn a 3-second notebook into a 5-minute one.
    """
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(ROOT / "notebooks"))
    client = km.client()
    client.start_channels()
    stop, peak = threading.Event(), []
    watcher = threading.Thread(target=_peak_rss, args=(km.provisioner.process.pid, stop, peak),
                               daemon=True)
    watcher.start()
    try:
        client.wait_for_ready(timeout=60)
        if cells is not None:
            _execute(client, RENDER_CLOCK, "the render clock")
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and cell.source.strip():
                began = time.perf_counter()
                _execute(client, cell.source, f"{path.name} cell {index}")
                if cells is not None:
                    reading = _execute(client, "print(*_read_rendering())", "the render clock")
                    rendering, figures = float(reading.split()[0]), int(reading.split()[1])
                    cells.append((index, time.perf_counter() - began, rendering, figures,
                                  cell.source.strip().splitlines()[0]))
        seconds = time.perf_counter() - start
    finally:
        stop.set()
        watcher.join()
        client.stop_channels()
        km.shutdown_kernel(now=True)
    return seconds, peak[0]


def _execute(client, source: str, where: str, timeout: float = 300) -> str:
    """Run one cell and wait until the kernel is idle again; fail on an error in the cell.
    Returns what the cell printed."""
    msg_id = client.execute(source, store_history=True)
    deadline = time.monotonic() + timeout
    printed = []
    while True:
        try:
            msg = client.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        except Empty:
            raise RuntimeError(f"{where} did not finish in {timeout} s") from None
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            raise RuntimeError(f"{where}: {msg['content']['ename']}: {msg['content']['evalue']}")
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(printed)


# Run first in the kernel by `--cells`: adds up the time helpers.plots.png spends turning
# figures into images (every figure the notebooks show goes through it); after each notebook
# cell, bench reads and resets it.
RENDER_CLOCK = """
import time as _time
import helpers.plots as _plots
_rendering = [0.0, 0]  # seconds spent rendering figures, and how many, since the last reading
_png = _plots.png
def _timed_png(fig):
    began = _time.perf_counter()
    try:
        return _png(fig)
    finally:
        _rendering[0] += _time.perf_counter() - began
        _rendering[1] += 1
_plots.png = _timed_png
def _read_rendering():
    reading = tuple(_rendering)
    _rendering[:] = [0.0, 0]
    return reading
"""


def best_run(path: Path, repeat: int = REPEAT) -> tuple[float, float]:
    """The fastest wall time of a few runs (as timeit does: the others were slowed by the rest
    of the machine) and the largest peak memory of those runs."""
    runs = [run(path) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def best_of(fn, repeat: int = 3) -> float:
    """The fastest of a few runs of fn(), in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def function_benchmarks() -> list[tuple[str, float, float]]:
    """(what, seconds, target seconds) for the helpers the explorers and labs depend on."""
    import helpers
    votes = helpers.load("un_votes")
    calls = helpers.load("un_roll_calls")
    busiest = int(calls["year"].value_counts().idxmax())
    year_votes = votes[votes["rcid"].isin(calls.loc[calls["year"] == busiest, "rcid"])]
    rows = [(f"all-pairs UN agreement, {busiest} (busiest year)",
             best_of(lambda: helpers.measures.agreement_matrix(year_votes)), 0.5)]

    def redraw():  # what the index explorer does when a slider moves
        with contextlib.redirect_stdout(io.StringIO()):
            helpers.index.draw_ranking(2018, {"diplomatic": 1, "economic": 3, "security": 2,
                                              "cultural": 0.5}, "zscore")
    redraw()  # the year's table is computed once and cached, as in the notebook
    rows.append(("closeness index: redraw of the top-15 ranking", best_of(redraw), 0.150))

    def lab():  # the sensitivity lab from scratch, nothing cached
        helpers.index._simulate.cache_clear()
        helpers.index._pillar_table.cache_clear()
        helpers.index.sensitivity(n_draws=10_000)
    rows.append(("closeness index: 10,000 Monte Carlo draws, all countries", best_of(lab), 1.0))
    return rows


def cell_report(paths: list[str]) -> int:
    """`--cells`: per notebook, where the time goes, cell by cell, slowest first."""
    for name in paths:
        cells: list = []
        seconds, _ = run(Path(name).resolve(), cells)
        total, rendering = sum(c[1] for c in cells), sum(c[2] for c in cells)
        print(f"\n{Path(name).name}: {seconds:.2f} s in all; cells {total:.2f} s, of which "
              f"rendering figures {rendering:.2f} s")
        print("| cell | seconds | rendering | first line |\n|---:|---:|---:|---|")
        for index, took, rendered, _, first in sorted(cells, key=lambda c: -c[1])[:12]:
            print(f"| {index} | {took:.2f} | {rendered:.2f} | `{first[:70]}` |")
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--cells"]:
        return cell_report(sys.argv[2:])
    with tempfile.TemporaryDirectory() as tmp:
        floor_path = Path(tmp) / "floor.ipynb"
        floor = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
        floor.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(floor, floor_path)
        floor_s, floor_mb = best_run(floor_path)
    rows = [("floor (imports only)", floor_s, floor_mb, "", "", "")]
    failed = False
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        seconds, mb = best_run(path)
        ok = seconds <= WALL_FACTOR * floor_s and mb <= MEMORY_MB
        failed |= not ok
        cells: list = []
        run(path, cells)  # one more run, with the render clock, to see where the time goes
        rows.append((path.name, seconds, mb, "ok" if ok else "OVER TARGET",
                     sum(c[3] for c in cells), f"{sum(c[2] for c in cells):.1f}"))
    lines = ["| notebook | wall time (s) | × floor | peak kernel memory (MB) | target "
             "| figures | rendering them (s) |", "|---|---:|---:|---:|---|---:|---:|"]
    lines += [f"| {n} | {s:.1f} | {s / floor_s:.2f} | {m:.0f} | {t} | {f} | {r} |"
              for n, s, m, t, f, r in rows]
    lines.append(f"\nTargets: ≤ {WALL_FACTOR:g}× the floor's wall time, ≤ {MEMORY_MB} MB. "
                 "The last two columns come from a separate run with a clock around "
                 "helpers.plots.png (the time spent turning figures into images).\n")
    lines += ["| function | time (ms) | target (ms) | |", "|---|---:|---:|---|"]
    for what, seconds, target in function_benchmarks():
        ok = seconds <= target
        failed |= not ok
        lines.append(f"| {what} | {1000 * seconds:.0f} | {1000 * target:.0f} | {'ok' if ok else 'OVER TARGET'} |")
    report = "\n".join(lines)
    out = ROOT / "artifacts" / "bench.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report + "\n")
    print(report)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
