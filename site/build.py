"""Build the collection's website: every notebook run once, with its outputs, as HTML.

    python site/build.py                 # into build/site (what `make site` runs)
    python site/build.py --out DIR -j 2  # elsewhere, with two processes

Sphinx reads a temporary source tree, build/.site-work/src: site/index.md and a fresh copy of
notebooks/ (a copy, not a link, so that links between notebooks resolve inside the tree; the
notebooks themselves are never changed). The configuration is site/conf.py. Each notebook runs in this Python's kernel with tests/offline on PYTHONPATH (the
offline guard, as in `make test`), 120 s at most per cell; an error in any cell fails the build
(exit status not 0).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SITE = Path(__file__).resolve().parent
ROOT = SITE.parent
OFFLINE = ROOT / "tests" / "offline"


def prepare(work: Path, notebooks: Path = ROOT / "notebooks") -> Path:
    """The source tree Sphinx reads, and a kernel spec for this Python; returns the tree."""
    if work.exists():
        shutil.rmtree(work)
    src = work / "src"
    src.mkdir(parents=True)
    shutil.copy2(SITE / "index.md", src / "index.md")
    shutil.copytree(notebooks, src / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    # Whatever kernel a notebook names, run it in this environment's Python (what nbval's
    # --nbval-current-env does): JUPYTER_PATH comes before every other kernel folder.
    kernel = work / "jupyter" / "kernels" / "python3"
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({
        # log level: keep the kernel's "running over TCP without encryption" note out of the log
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                 "--log-level=ERROR"],
        "display_name": "Python 3 (this environment)", "language": "python"}))
    return src


def environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(OFFLINE) not in paths:
        paths.insert(0, str(OFFLINE))
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["JUPYTER_PATH"] = os.pathsep.join([str(work / "jupyter")] + [
        p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p])
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet debugpy's frozen-modules note
    return env


def build(out: Path, jobs: int | str = "auto", quiet: bool = True,
          notebooks: Path = ROOT / "notebooks", **run) -> subprocess.CompletedProcess:
    """Run Sphinx; returns the finished process (its returncode is not 0 if anything failed).

    `run` goes to subprocess.run (the tests pass capture_output=True, text=True).
    """
    out = out.resolve()
    work = out.parent / f".{out.name}-work"
    src = prepare(work, notebooks)
    if out.exists():
        if any(out.iterdir()) and not (out / ".buildinfo").exists():
            raise SystemExit(f"{out} is not empty and not a site built before: not replacing it")
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-T", "-j", str(jobs),
           "-c", str(SITE), "-d", str(work / "doctrees"), str(src), str(out)]
    if quiet:
        cmd.insert(3, "-q")
    return subprocess.run(cmd, env=environment(work), cwd=ROOT, **run)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site", help="output folder")
    parser.add_argument("-j", "--jobs", default="auto", help="processes (notebooks run in parallel)")
    parser.add_argument("-v", "--verbose", action="store_true", help="Sphinx's full log")
    args = parser.parse_args()
    start = time.monotonic()
    done = build(args.out, args.jobs, quiet=not args.verbose)
    took = time.monotonic() - start
    if done.returncode:
        print(f"site: the build FAILED after {took:.0f} s (see the messages above)", file=sys.stderr)
        return done.returncode
    print(f"site: built in {took:.0f} s; open {args.out.resolve() / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
