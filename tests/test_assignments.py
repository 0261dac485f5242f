"""The graded coursework in assignments/: each master notebook builds, grades and hides what it should.

Every master notebook (otter-grader's assign format, exception-based tests) is built once per
session into a temporary folder, the way `make assignments` builds it. Then, for each one:

- the solution (the autograder notebook) scores full marks with otter's own grader, run in
  this environment without Docker (`otter.api.grade_submission`, what `otter run` does);
- the student notebook as released runs top to bottom without an error in a fresh kernel
  (nbclient), and the zip its export cell makes, graded like a real submission, scores zero
  on every auto-graded question;
- no line of a solution and no line of a hidden test appears anywhere in the student version;
- a wrong answer to each auto-graded question gets the question's explanatory feedback from
  the visible tests, and loses points in the hidden ones.

The builds here skip otter's own run of the tests against the solutions (`no_run_tests`),
because the solution is graded explicitly right after, by the same function; one small test
checks that the command in the Makefile stops with an error when a solution fails a test.
"""
from __future__ import annotations

import ast
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

otter = pytest.importorskip("otter", reason="the grading extra is not installed: pip install -e '.[grading]'")

pytestmark = [
    pytest.mark.slow,
    # otter-grader 7.0.0 calls DataFrame.drop(inplace=True), deprecated in pandas 3.1: its own
    # code, harmless, and an error under this project's warning filters (pyproject.toml).
    pytest.mark.filterwarnings("ignore:The inplace keyword:pandas.errors.Pandas4Warning:otter"),
]

ASSIGNMENTS = ROOT / "assignments"
MASTERS = sorted(ASSIGNMENTS.glob("*.ipynb"))
NAMES = [p.stem for p in MASTERS]
EXPECTED = {"history", "diplomatic", "economic", "security", "cultural", "countries", "index", "capstone"}
OTTER_VERSION = "7.0.0"
CELL_TIMEOUT = 120  # seconds

BLOCK = re.compile(r"#\s+(begin|end)\s+(question|prompt|solution|tests)\b", re.I)
CONFIG = re.compile(r"#\s+assignment\s+config\b", re.I)


# ---- building and running, once per session ----------------------------------------------

@contextlib.contextmanager
def _kept_environment():
    """otter's runner prepends a conda folder to PATH in this process; put PATH back after."""
    saved = os.environ.get("PATH", "")
    try:
        yield
    finally:
        os.environ["PATH"] = saved


@dataclass
class Built:
    name: str
    master: Path
    student: Path          # the notebook students get
    solution: Path         # the autograder notebook: the master with its solutions
    autograder: Path       # the autograder zip


class Coursework:
    """Builds, grades and runs each assignment at most once in a session."""

    def __init__(self, root: Path):
        self.root = root
        self._built: dict[str, Built] = {}
        self._graded: dict[tuple[str, str], object] = {}
        self._executed: dict[str, tuple] = {}

    def build(self, name: str) -> Built:
        if name not in self._built:
            from otter.assign import main as assign
            out = self.root / name
            assign(str(ASSIGNMENTS / f"{name}.ipynb"), str(out), no_pdfs=True, no_run_tests=True)
            zips = sorted((out / "autograder").glob(f"{name}-autograder_*.zip"))
            assert len(zips) == 1, f"expected one autograder zip, found {zips}"
            self._built[name] = Built(name, ASSIGNMENTS / f"{name}.ipynb", out / "student" / f"{name}.ipynb",
                                      out / "autograder" / f"{name}.ipynb", zips[0])
        return self._built[name]

    def grade(self, name: str, which: str):
        """Grade the solution ("solution") or the student's exported zip ("student")."""
        key = (name, which)
        if key not in self._graded:
            from otter.api import grade_submission
            built = self.build(name)
            submission = built.solution if which == "solution" else self.run_student(name)[1]
            with _kept_environment():
                self._graded[key] = grade_submission(str(submission), str(built.autograder), quiet=True)
        return self._graded[key]

    def run_student(self, name: str):
        """Run the released student notebook in a fresh kernel, in a folder of its own, as a
        student would (including the export cell); returns (executed notebook, exported zip)."""
        if name not in self._executed:
            import nbclient
            import nbformat
            built = self.build(name)
            folder = self.root / f"{name}-student-run"
            shutil.copytree(built.student.parent, folder)
            path = folder / built.student.name
            nb = nbformat.read(path, as_version=4)
            client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                             resources={"metadata": {"path": str(folder)}})
            client.execute()
            exported = sorted(folder.glob(f"{name}_*.zip"))
            self._executed[name] = (nb, exported[-1] if exported else None)
        return self._executed[name]


@pytest.fixture(scope="session")
def coursework(tmp_path_factory) -> Coursework:
    return Coursework(tmp_path_factory.mktemp("assignments"))


# ---- reading master and built notebooks -----------------------------------------------------

def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _strings(node) -> list[str]:
    """Every string in a JSON document (cell sources, metadata, the tests stored in metadata)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in [k, *_strings(v)]]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _master_parts(master: Path) -> dict:
    """Split a master notebook: solution lines, public lines, and the questions with their config."""
    import yaml
    cells = json.loads(master.read_text(encoding="utf-8"))["cells"]
    secret, public, questions, config = [], [], {}, {}
    blocks: list[str] = []
    question = None
    for cell in cells:
        text = _source(cell)
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        if cell["cell_type"] == "raw" and CONFIG.match(first):
            config = yaml.safe_load(text)
            continue
        m = BLOCK.match(first) if cell["cell_type"] == "raw" else None
        if m:
            kind = m.group(2).lower()
            if m.group(1).lower() == "begin":
                blocks.append(kind)
                if kind == "question":
                    question = yaml.safe_load(text)
                    questions[question["name"]] = question
            else:
                assert blocks and blocks[-1] == kind, f"{master.name}: unbalanced {first!r}"
                blocks.pop()
            continue
        if "tests" in blocks:
            continue
        if "solution" in blocks and cell["cell_type"] == "markdown":
            secret += text.splitlines()
            continue
        if cell["cell_type"] == "code":
            # Marked lines are secret wherever they are: otter strips them only inside a
            # solution block, and a marked line outside one would be handed out.
            inside = False
            for line in text.splitlines():
                bare = line.strip()
                if re.match(r"# BEGIN SOLUTION", bare):
                    inside = True
                elif bare.startswith("# END SOLUTION"):
                    inside = False
                elif inside:
                    secret.append(line)
                elif re.search(r"#\s?SOLUTION\s*$", line):
                    secret.append(re.sub(r"\s*#\s?SOLUTION\s*$", "", line))
                else:
                    public.append(line)
            continue
        public += text.splitlines()
    assert not blocks, f"{master.name}: a block is not closed: {blocks}"
    return {"secret": secret, "public": public, "questions": questions, "config": config}


def _test_functions(source: str) -> list[dict]:
    """The test cases of an exception-based otter test file: name, hidden, points, source."""
    tree = ast.parse(source)
    out = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            deco = next(d for d in node.decorator_list if isinstance(d, ast.Call))
            kw = {k.arg: ast.literal_eval(k.value) for k in deco.keywords}
            out.append({"name": node.name, "hidden": kw.get("hidden", False), "points": kw.get("points"),
                        "source": ast.get_source_segment(source, node)})
    return out


def _autograder_tests(built: Built) -> dict[str, str]:
    """question name -> the test file the autograder zip grades it with (hidden tests included)."""
    import zipfile
    with zipfile.ZipFile(built.autograder) as z:
        return {Path(n).stem: z.read(n).decode() for n in z.namelist()
                if n.startswith("tests/") and n.endswith(".py")}


def _student_tests(built: Built) -> dict[str, str]:
    """question name -> the visible tests stored in the student notebook (what grader.check runs)."""
    nb = json.loads(built.student.read_text(encoding="utf-8"))
    return nb["metadata"]["otter"]["tests"]


def _meaningful(lines) -> set[str]:
    return {line.strip() for line in lines if len(line.strip()) >= 8}


def _unparsed(line: str) -> str:
    """A line of code as otter writes it into test files; the line itself if it is not code."""
    try:
        return ast.unparse(ast.parse(line.strip()))
    except SyntaxError:
        return line.strip()


# ---- the masters themselves ------------------------------------------------------------------

def test_one_master_per_module():
    assert set(NAMES) == EXPECTED, f"assignments/ should hold one master per module: {sorted(EXPECTED)}"


@pytest.mark.parametrize("name", NAMES)
def test_master_is_clean_and_configured(name):
    master = ASSIGNMENTS / f"{name}.ipynb"
    nb = json.loads(master.read_text(encoding="utf-8"))
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3"
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, (
                f"{name} cell {i}: master notebooks are stored without outputs (exception-based tests need none)")
    parts = _master_parts(master)
    config = parts["config"]
    assert config.get("name") == name, "the assignment's name (checked at grading) should match the file"
    assert config["tests"] == {"files": False, "ok_format": False}, "exception-based tests, kept in the notebook"
    assert config["export_cell"]["pdf"] is False, "no PDF or LaTeX step: the export is a zip of the notebook"
    questions = parts["questions"]
    assert questions, f"{name} has no questions"
    manual = [q for q in questions.values() if q.get("manual")]
    auto = [q for q in questions.values() if not q.get("manual")]
    assert manual and auto, f"{name} should mix auto-graded and written (manual) questions"
    for q in questions.values():
        assert isinstance(q.get("points"), (int, float)) and q["points"] > 0, f"{name} {q['name']}: give points"


def test_otter_is_pinned_the_same_everywhere():
    import tomllib
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert f"otter-grader=={OTTER_VERSION}" in pyproject["project"]["optional-dependencies"]["grading"]
    conda = (ROOT / "environment.yml").read_text()
    assert re.search(rf"^\s*-\s+otter-grader={re.escape(OTTER_VERSION)}\s+#", conda, re.M)
    assert otter.__version__ == OTTER_VERSION, (
        f"this environment has otter-grader {otter.__version__}: an autograder built with one version "
        "fails with another, so move the pin in pyproject.toml, environment.yml and here together")


def test_makefile_builds_every_master_and_stops_on_failure():
    text = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^assignments:.*?(?=^\S|\Z)", text, re.M | re.S)
    assert recipe, "the Makefile has no `assignments` target"
    body = recipe.group(0)
    assert "otter assign" in body and "assignments/*.ipynb" in body and "build/assignments/" in body
    assert "--no-run-tests" not in body, "the build must run the tests against the solutions"
    assert "|| exit 1" in body, "a failing assignment must stop make with an error"


BROKEN_MASTER = {
    "cells": [
        {"cell_type": "raw", "metadata": {}, "source": "# ASSIGNMENT CONFIG\nname: broken\nexport_cell: false\n"
                                                       "tests:\n  files: false\n  ok_format: false"},
        {"cell_type": "raw", "metadata": {}, "source": "# BEGIN QUESTION\nname: q1\npoints: 1"},
        {"cell_type": "markdown", "metadata": {}, "source": "What is one plus one?"},
        {"cell_type": "raw", "metadata": {}, "source": "# BEGIN SOLUTION"},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "answer = 3  # SOLUTION"},
        {"cell_type": "raw", "metadata": {}, "source": "# END SOLUTION"},
        {"cell_type": "raw", "metadata": {}, "source": "# BEGIN TESTS"},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "def test_q1(answer):\n    assert answer == 2, 'one plus one is two'"},
        {"cell_type": "raw", "metadata": {}, "source": "# END TESTS"},
        {"cell_type": "raw", "metadata": {}, "source": "# END QUESTION"},
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                 "language_info": {"name": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}
for _i, _cell in enumerate(BROKEN_MASTER["cells"]):
    _cell["id"] = f"cell-{_i}"  # nbformat 4.5 cell ids; missing ids will become an error


def test_build_fails_when_a_solution_fails_its_tests(tmp_path):
    """The command `make assignments` runs exits with an error when a solution is wrong."""
    master = tmp_path / "broken.ipynb"
    master.write_text(json.dumps(BROKEN_MASTER))
    done = subprocess.run([sys.executable, "-m", "otter", "assign", "--no-pdfs", str(master), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0, "otter assign accepted a solution that fails its tests"
    assert "Some autograder tests failed" in done.stderr, done.stderr[-2000:]


# ---- each assignment, built ------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_builds_student_and_autograder_versions(coursework, name):
    built = coursework.build(name)
    assert built.student.is_file() and built.solution.is_file() and built.autograder.is_file()
    assert sorted(p.name for p in built.student.parent.iterdir()) == [built.student.name], (
        "the student folder should hold the notebook only (its visible tests are inside it)")
    nb = json.loads(built.student.read_text(encoding="utf-8"))
    sources = [_source(c) for c in nb["cells"]]
    auto = [q for q, c in _master_parts(built.master)["questions"].items() if not c.get("manual")]
    for q in auto:
        assert f'grader.check("{q}")' in sources, f"no grader.check cell for {q}"
    assert sources[0].strip().endswith(f'grader = otter.Notebook("{name}.ipynb")')
    assert any(s.strip().endswith("grader.export(pdf=False)") for s in sources), (
        "the export cell should make a zip without a PDF")


@pytest.mark.parametrize("name", NAMES)
def test_tests_are_formative_and_summative(coursework, name):
    """Each auto-graded question has visible tests worth no points (feedback) and hidden tests
    that carry its points and look at the data (nothing typed in that could drift)."""
    built = coursework.build(name)
    questions = _master_parts(built.master)["questions"]
    files = _autograder_tests(built)
    assert set(files) == {q for q, c in questions.items() if not c.get("manual")}
    for q, source in files.items():
        cases = _test_functions(source)
        visible = [c for c in cases if not c["hidden"]]
        hidden = [c for c in cases if c["hidden"]]
        assert visible, f"{name} {q}: no visible test to give feedback"
        assert hidden, f"{name} {q}: no hidden test to grade with"
        assert all(c["points"] == 0 for c in visible), f"{name} {q}: visible tests should be worth no points"
        for c in cases:
            tree = ast.parse(c["source"]).body[0]
            assert ast.get_docstring(tree), f"{name} {q} {c['name']}: say what the test checks in a docstring"
        for c in hidden:
            assert "helpers." in c["source"], (
                f"{name} {q} {c['name']}: compute the expected value from the data (helpers.load, "
                "helpers.index ...) at grading time, not as a typed-in number")


@pytest.mark.parametrize("name", NAMES)
def test_solution_scores_full_marks(coursework, name):
    results = coursework.grade(name, "solution")
    built = coursework.build(name)
    assert set(results.results) == set(_autograder_tests(built)), "some questions were not graded"
    assert results.possible > 0
    assert results.total == results.possible, results.summary()


@pytest.mark.parametrize("name", NAMES)
def test_student_notebook_runs_without_errors(coursework, name):
    nb, exported = coursework.run_student(name)
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(nb.cells)
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"the unanswered notebook raised: {errors}"
    assert exported is not None and exported.is_file(), "the export cell made no zip file"


@pytest.mark.parametrize("name", NAMES)
def test_unanswered_submission_scores_zero(coursework, name):
    results = coursework.grade(name, "student")
    built = coursework.build(name)
    assert set(results.results) == set(_autograder_tests(built)), (
        "grading the unanswered submission failed or skipped questions:\n" + results.summary())
    scores = {q: tf.score for q, tf in results.results.items()}
    assert all(s == 0 for s in scores.values()), f"an unanswered question earned points: {scores}"


def _leaks(built: Built) -> list[str]:
    """Solution lines and hidden-test code found anywhere in the student version."""
    parts = _master_parts(built.master)
    student_text = "\n".join(_strings(json.loads(built.student.read_text(encoding="utf-8"))))
    for other in built.student.parent.rglob("*"):
        if other.is_file() and other != built.student:
            student_text += "\n" + other.read_text(encoding="utf-8", errors="replace")
    visible = [c["source"] for source in _student_tests(built).values()
               for c in _test_functions(source) if not c["hidden"]]
    leaks = [f"hidden test {c['name']} stored in the student notebook"
             for source in _student_tests(built).values() for c in _test_functions(source) if c["hidden"]]

    public = _meaningful(parts["public"])
    public_and_visible = public | _meaningful("\n".join(visible).splitlines())
    # A solution line may not hide in the visible tests either: otter rewrites test code
    # (ast.unparse: quotes, parentheses), so look for that form of each solution line too.
    secret = _meaningful(parts["secret"]) - public
    leaks += [f"solution line: {line}" for line in sorted(secret)
              if line in student_text or _unparsed(line) in student_text]

    for source in _autograder_tests(built).values():
        for case in _test_functions(source):
            if not case["hidden"]:
                continue
            if case["source"] in student_text or f"def {case['name']}(" in student_text:
                leaks.append(f"hidden test {case['name']}")
            secret = _meaningful(case["source"].splitlines()) - public_and_visible
            leaks += [f"line of hidden test {case['name']}: {line}" for line in sorted(secret)
                      if line in student_text]
    return leaks


@pytest.mark.parametrize("name", NAMES)
def test_no_solution_or_hidden_test_in_the_student_version(coursework, name):
    leaks = _leaks(coursework.build(name))
    assert not leaks, f"{name}: the student version shows\n" + "\n".join(leaks)


def test_leak_check_finds_a_solution_outside_a_solution_block(tmp_path):
    """otter strips `# SOLUTION` lines only inside BEGIN/END SOLUTION cells: a marked line in a
    plain cell is handed out as it is. The leak check must see that (and a clean master passes)."""
    from otter.assign import main as assign
    leaky = json.loads(json.dumps(BROKEN_MASTER))
    leaky["cells"][1]["source"] = "# BEGIN QUESTION\nname: q1\npoints: 1"
    leaky["cells"][4]["source"] = "answer = 1 + 1  # SOLUTION"
    del leaky["cells"][5], leaky["cells"][3]            # the solution block's raw cells
    for label, master in [("clean", BROKEN_MASTER), ("leaky", leaky)]:
        path = tmp_path / label / "broken.ipynb"
        path.parent.mkdir()
        path.write_text(json.dumps(master))
        assign(str(path), str(tmp_path / label / "out"), no_pdfs=True, no_run_tests=True)
        out = tmp_path / label / "out"
        built = Built("broken", path, out / "student" / "broken.ipynb", out / "autograder" / "broken.ipynb",
                      next((out / "autograder").glob("*.zip")))
        found = _leaks(built)
        if label == "clean":
            assert not found, found
        else:
            assert "solution line: answer = 1 + 1" in found, found


# A wrong answer for every auto-graded question, and words its feedback must contain. A value
# may be a function of nothing that computes the wrong answer from the data.
def _load(*args, **kwargs):
    import helpers
    return helpers.load(*args, **kwargs)


def _kor_first_share():
    import helpers
    return float(helpers.index.sensitivity(2018).loc["KOR", 1])


def _series(values):
    import pandas as pd
    return pd.Series(values)


WRONG = {
    ("history", "q1"): ({"first_year_over_40": 1949}, "not more than 40"),
    ("history", "q3"): ({"pledged_throughout": ["GBR", "NZL"]}, "NZL had no defence pledge in 2018"),
    ("history", "q4"): ({"nzl_last_defence_year": 2018}, "look at its defense column"),
    ("history", "q6"): ({"treaty_decade": 1955}, "not the first year of a decade"),
    ("diplomatic", "q1"): ({"japan_all_2015": 55.8, "japan_important_2015": 0.77}, "divide it by 100"),
    ("diplomatic", "q3"): ({"least_aligned_nato": "Japan"}, "Japan is not a NATO member"),
    ("diplomatic", "q4"): ({"five_eyes_2010s": 0.62}, "should be a pandas Series"),
    ("economic", "q1"): ({"china_passes_japan": 1995}, "still smaller than with Japan"),
    ("economic", "q2"): ({"deep_integration_2022": lambda: len(_load("trade", years=2022))}, "every partner"),
    ("economic", "q3"): ({"mexico_balance_2022_busd": -130552.1}, "divide by 1,000"),
    ("security", "q1"): ({"germany_below_100k": 1990}, "not below 100,000"),
    ("security", "q2"): ({"hosts_1000_2024": lambda: len(_load("troops", years=2024))}, "every host"),
    ("security", "q3"): ({"top_arms_ally": "Saudi Arabia"}, "had no US defence pledge in 2018"),
    ("security", "q4"): ({"bases_with_pact_share": 43.5}, "looks like a percentage"),
    ("cultural", "q1"): ({"korea_per_million_2022": lambda: _series([848.6])}, ".item()"),
    ("cultural", "q2"): ({"biggest_rise_2021": "Denmark"}, "not surveyed in both 2020 and 2021"),
    ("cultural", "q3"): ({"china_peak_year": "2019/20"}, "a whole number such as 2015"),
    ("cultural", "q4"): ({"india_graduate_share_2022": 61.7}, "divide by 100"),
    ("countries", "q1"): ({"australia_peak_year": 1580}, "not the number of troops"),
    ("countries", "q2"): ({"japan_g7_students_rank": 0}, "Ranks start at 1"),
    ("countries", "q3"): ({"uk_share_change_pp": -44.3}, "relative change"),
    ("countries", "q4"): ({"uk_fdi_lead_years": 13}, "twelve years"),
    ("index", "q1"): ({"diplomatic_first": lambda: _series(["ISR"])}, "one country as text"),
    ("index", "q2"): ({"top3_by_hand": ["GBR", "AUS"]}, "exactly three partners"),
    ("index", "q3"): ({"korea_top3_share": _kor_first_share}, "South Korea is first"),
    ("capstone", "q1"): ({"my_weights": {"diplomacy": 1, "economic": 1, "security": 1, "cultural": 1},
                          "my_normalisation": "minmax", "my_aggregation": "arithmetic"}, "exactly the four pillars"),
    ("capstone", "q2"): ({"my_top10": ["CAN"] * 10}, "ten different ISO3 codes"),
    ("capstone", "q3"): ({"overlap_with_default": 11}, "between 0 and 10"),
    ("capstone", "q4"): ({"my_first_top3_share": 82.2}, "not a proportion"),
}


def test_every_auto_graded_question_has_a_wrong_answer_to_try():
    auto = {(p.stem, q) for p in MASTERS
            for q, c in _master_parts(p)["questions"].items() if not c.get("manual")}
    assert auto == set(WRONG), f"add wrong answers for {sorted(auto - set(WRONG))}; drop {sorted(set(WRONG) - auto)}"


@pytest.mark.parametrize("name, question", sorted(WRONG), ids=[f"{n}-{q}" for n, q in sorted(WRONG)])
def test_wrong_answer_gets_the_feedback(coursework, name, question):
    from otter.test_files import ExceptionTestFile
    built = coursework.build(name)
    answers, words = WRONG[(name, question)]
    env = {k: (v() if callable(v) else v) for k, v in answers.items()}
    # what grader.check shows the student: the visible tests stored in the student notebook
    visible = ExceptionTestFile.from_metadata(_student_tests(built)[question], str(built.student))
    visible.run(dict(env))
    feedback = visible.summary(public_only=True)
    assert not visible.passed_all, f"the wrong answer {answers} passes the visible checks of {name} {question}"
    assert words in feedback, f"{name} {question}: expected {words!r} in the feedback:\n{feedback}"
    # and the grader gives it less than full marks
    graded = ExceptionTestFile.from_string(_autograder_tests(built)[question], path=f"{question}.py")
    graded.run(dict(env))
    assert graded.score < graded.possible


# ---- the instructors' guide -----------------------------------------------------------------

def test_instructors_guide():
    from test_contract import _check_link, _links
    guide = ROOT / "INSTRUCTORS.md"
    text = guide.read_text(encoding="utf-8")
    for name in EXPECTED:
        assert f"(assignments/{name}.ipynb)" in text, f"INSTRUCTORS.md should link the master of {name}"
    for words in ("make assignments", "otter run", "otter grade", "nbgitpuller", "mybinder.org", "Docker"):
        assert words in text, f"INSTRUCTORS.md should cover {words!r}"
    problems = [(t, _check_link(guide, t)) for t in _links(text)]
    assert not [p for p in problems if p[1]], f"broken links in INSTRUCTORS.md: {[p for p in problems if p[1]]}"
    # the table of points says what the masters give
    table = {m.group(1): tuple(int(x) for x in m.groups()[1:])
             for m in re.finditer(r"^\| \[`(\w+)`\]\(assignments/\w+\.ipynb\) \|[^\n]*?\| (\d+) \| (\d+) \| (\d+) \|$",
                                 text, re.M)}
    for master in MASTERS:
        questions = _master_parts(master)["questions"].values()
        auto = sum(q["points"] for q in questions if not q.get("manual"))
        manual = sum(q["points"] for q in questions if q.get("manual"))
        assert table.get(master.stem) == (auto, manual, auto + manual), (
            f"INSTRUCTORS.md: the points of {master.stem} are {auto} auto-graded and {manual} written")
