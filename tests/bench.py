"""Time every notebook and measure its kernel's peak memory, next to a floor notebook.

    python tests/bench.py            (or: make bench)
    python tests/bench.py --cells notebooks/01_history.ipynb ...   (where the time goes)

The floor notebook only imports pandas, matplotlib, ipywidgets and helpers, in the same
run, so the comparison is fair on any machine. Each notebook, the floor included, runs twice
and its faster run counts (its larger peak memory counts). A clock around helpers.plots.png,
which every figure goes through, measures in the same runs how long drawing the figures took.

Targets, for each notebook:
- its work apart from drawing figures takes at most twice the floor's wall time;
- its slowest figure takes at most FIGURE_FACTOR × the floor's wall time to draw;
- its kernel's peak memory is at most 400 MB.
The table also gives each notebook's whole wall time as a multiple of the floor. The first
target leaves figures out because drawing one takes 0.1-0.3 s with matplotlib on a 2-core
machine, and the lessons show 2-10 figures each: counted in, "twice the floor" would leave
room for about five figures and no other work.

Writes artifacts/bench.md and exits 1 if a target is missed. ``--cells`` shows, for the
notebooks named, each cell's time and how much of it went into drawing figures.
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
from typing import NamedTuple

import nbformat
import psutil
from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parent.parent
WALL_FACTOR, MEMORY_MB = 2.0, 400
FIGURE_FACTOR = 0.4  # the slowest figure of a notebook, as a multiple of the floor's wall time
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


class Run(NamedTuple):
    seconds: float      # wall time, from asking for a kernel to the end of the last cell
    peak_mb: float      # the kernel's peak resident memory
    drawing: float      # seconds spent turning figures into images (helpers.plots.png)
    figures: int        # how many figures were drawn
    slowest: float      # seconds the slowest figure took


def run(path: Path, cells: list | None = None) -> Run:
    """Start a fresh kernel and run every code cell in order.

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
        _execute(client, RENDER_CLOCK, "the render clock")
        drawn_before = (0.0, 0, 0.0)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and cell.source.strip():
                began = time.perf_counter()
                _execute(client, cell.source, f"{path.name} cell {index}")
                if cells is not None:
                    drawn = _read_rendering(client)
                    cells.append((index, time.perf_counter() - began, drawn[0] - drawn_before[0],
                                  drawn[1] - drawn_before[1], cell.source.strip().splitlines()[0]))
                    drawn_before = drawn
        seconds = time.perf_counter() - start
        drawing, figures, slowest = _read_rendering(client)
    finally:
        stop.set()
        watcher.join()
        client.stop_channels()
        km.shutdown_kernel(now=True)
    return Run(seconds, peak[0], drawing, figures, slowest)


def _read_rendering(client) -> tuple[float, int, float]:
    """(seconds drawing figures, figures drawn, slowest figure) so far in the kernel."""
    drawing, figures, slowest = _execute(client, "print(*_read_rendering())", "the render clock").split()
    return float(drawing), int(figures), float(slowest)


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


# Run first in every kernel, the floor's included: adds up the time helpers.plots.png spends
# turning figures into images (every figure the notebooks show goes through it). Bench reads
# it after the last cell, and with `--cells` after each cell too.
RENDER_CLOCK = """
import time as _time
import helpers.plots as _plots
_rendering = [0.0, 0, 0.0]  # seconds drawing figures, how many, the slowest
_png = _plots.png
def _timed_png(fig):
    began = _time.perf_counter()
    try:
        return _png(fig)
    finally:
        took = _time.perf_counter() - began
        _rendering[0] += took
        _rendering[1] += 1
        _rendering[2] = max(_rendering[2], took)
_plots.png = _timed_png
def _read_rendering():
    return tuple(_rendering)
"""


def best_run(path: Path, repeat: int = REPEAT) -> Run:
    """The fastest of a few runs (as timeit does: the others were slowed by the rest of the
    machine), with the largest peak memory of those runs."""
    runs = [run(path) for _ in range(repeat)]
    fastest = min(runs, key=lambda r: r.seconds)
    return fastest._replace(peak_mb=max(r.peak_mb for r in runs))


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
        result = run(Path(name).resolve(), cells)
        total = sum(c[1] for c in cells)
        print(f"\n{Path(name).name}: {result.seconds:.2f} s in all; cells {total:.2f} s, of which "
              f"drawing {result.figures} figures {result.drawing:.2f} s")
        print("| cell | seconds | drawing figures | first line |\n|---:|---:|---:|---|")
        for index, took, drawn, _, first in sorted(cells, key=lambda c: -c[1])[:12]:
            print(f"| {index} | {took:.2f} | {drawn:.2f} | `{first[:70]}` |")
    return 0


def verdict(result: Run, floor: Run) -> str:
    """'ok', or which targets the notebook misses.

    >>> floor = Run(seconds=1.0, peak_mb=130, drawing=0.0, figures=0, slowest=0.0)
    >>> verdict(Run(seconds=2.8, peak_mb=180, drawing=1.0, figures=6, slowest=0.3), floor)
    'ok'
    >>> verdict(Run(seconds=2.8, peak_mb=450, drawing=0.6, figures=2, slowest=0.5), floor)
    'OVER TARGET: work, slowest figure, memory'
    """
    missed = []
    if result.seconds - result.drawing > WALL_FACTOR * floor.seconds:
        missed.append("work")
    if result.slowest > FIGURE_FACTOR * floor.seconds:
        missed.append("slowest figure")
    if result.peak_mb > MEMORY_MB:
        missed.append("memory")
    return "ok" if not missed else "OVER TARGET: " + ", ".join(missed)


def main() -> int:
    if sys.argv[1:2] == ["--cells"]:
        return cell_report(sys.argv[2:])
    with tempfile.TemporaryDirectory() as tmp:
        floor_path = Path(tmp) / "floor.ipynb"
        floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
        floor_nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(floor_nb, floor_path)
        floor = best_run(floor_path)
    lines = ["| notebook | wall time (s) | × floor | figures | drawing them (s) | slowest figure (s) "
             "| wall time without drawing, × floor | peak kernel memory (MB) | target |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|",
             f"| floor (imports only) | {floor.seconds:.2f} | 1.00 | | | | | {floor.peak_mb:.0f} | |"]
    failed, whole_within = False, 0
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        r = best_run(path)
        result = verdict(r, floor)
        failed |= result != "ok"
        whole_within += r.seconds <= WALL_FACTOR * floor.seconds
        lines.append(f"| {path.name} | {r.seconds:.2f} | {r.seconds / floor.seconds:.2f} | {r.figures} "
                     f"| {r.drawing:.2f} | {r.slowest:.2f} | {(r.seconds - r.drawing) / floor.seconds:.2f} "
                     f"| {r.peak_mb:.0f} | {result} |")
    count = len(lines) - 3
    lines.append(f"\nTargets: work apart from drawing figures ≤ {WALL_FACTOR:g}× the floor's wall time; "
                 f"slowest figure ≤ {FIGURE_FACTOR:g}× the floor's wall time "
                 f"({FIGURE_FACTOR * floor.seconds:.2f} s here); peak memory ≤ {MEMORY_MB} MB. "
                 f"Whole wall time, figures included, within {WALL_FACTOR:g}× the floor: "
                 f"{whole_within} of {count} notebooks.\n")
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
