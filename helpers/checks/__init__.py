"""Self-checks for the exercises: friendly feedback, never a bare traceback.

In a notebook an exercise looks like this::

    answer = ...            # the student replaces ... with their answer
    helpers.check("00.1", answer)

`check` looks up the exercise, compares the answer with a value that the collection computes
from the data (not a number typed into the notebook), and prints what is right or what to
try next. `result` does the same without printing, for tests.

>>> ok, message = result("00.1", ...)
>>> ok, message.startswith("Not answered yet")
(False, True)
"""
from __future__ import annotations

import importlib
import math
import pkgutil
from dataclasses import dataclass
from typing import Any, Callable

from IPython.display import Markdown, display

# Each notebook's exercises live in a module of this package (start.py for 00_start_here,
# history.py for 01_history, ...) that defines EXERCISES = {"01.1": check_function, ...}.
REGISTRY: dict[str, Callable[[Any], "Feedback"]] = {}
for _info in pkgutil.iter_modules(__path__):
    REGISTRY.update(importlib.import_module(f"{__name__}.{_info.name}").EXERCISES)


@dataclass
class Feedback:
    ok: bool
    message: str


def result(exercise: str, answer: Any) -> tuple[bool, str]:
    """Check an answer: (is it right?, what to tell the student)."""
    if exercise not in REGISTRY:
        known = ", ".join(sorted(REGISTRY))
        return False, f"There is no exercise {exercise!r} to check. Known exercises: {known}."
    if answer is Ellipsis:
        return False, "Not answered yet: replace `...` with your answer and run the cell again."
    try:
        fb = REGISTRY[exercise](answer)
    except Exception as err:  # a check must explain, never crash
        return False, (f"Your answer could not be checked ({type(err).__name__}: {err}). "
                       "Check that it is the kind of value the exercise asks for.")
    return fb.ok, fb.message


def check(exercise: str, answer: Any) -> None:
    """Print friendly feedback on an exercise answer."""
    ok, message = result(exercise, answer)
    display(Markdown(("✅ **Correct.** " if ok else "❌ **Not yet.** ") + message))


# ---- building blocks used by the exercise definitions -----------------------------------

def number(answer: Any, expected: float, *, rel: float = 0.01, abs_: float = 0.0,
           what: str = "the value", hints: dict[str, float] | None = None, unit: str = "") -> Feedback:
    """Compare a number, within a tolerance; `hints` maps a message to a common wrong value."""
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return Feedback(False, f"{what[:1].upper() + what[1:]} should be a number; you gave {type(answer).__name__} "
                               f"`{answer!r}`.")
    if math.isclose(value, expected, rel_tol=rel, abs_tol=abs_):
        shown = str(int(expected)) if float(expected).is_integer() else f"{expected:,.4g}"
        return Feedback(True, f"{what[:1].upper() + what[1:]} is {shown}{unit}.")
    for message, wrong in (hints or {}).items():
        if math.isclose(value, wrong, rel_tol=rel, abs_tol=abs_):
            return Feedback(False, message)
    direction = "too high" if value > expected else "too low"
    return Feedback(False, f"{what[:1].upper() + what[1:]} looks {direction}. Re-read the question and check "
                           "which rows and years you kept.")


def choice(answer: Any, expected: str, options: list[str], *, explain: str = "") -> Feedback:
    """Compare one choice among options (case and spaces do not matter)."""
    if not isinstance(answer, str):
        return Feedback(False, f"Answer with one of: {', '.join(repr(o) for o in options)}.")
    norm = answer.strip().casefold()
    if norm not in {o.casefold() for o in options}:
        return Feedback(False, f"{answer!r} is not one of the options: {', '.join(repr(o) for o in options)}.")
    if norm == expected.casefold():
        return Feedback(True, explain)
    return Feedback(False, "That is one of the options, but not the one the data supports. " + "Look again at the figure above.")


def country_code(answer: Any, expected: str, *, what: str = "the country") -> Feedback:
    """Compare a country, given as a name or a code."""
    from ..countries import CountryError, country, name
    try:
        code = country(answer)
    except CountryError as err:
        return Feedback(False, str(err))
    if code == expected:
        return Feedback(True, f"{what[:1].upper() + what[1:]} is {name(expected)}.")
    return Feedback(False, f"{name(code)} is not {what}. Sort the table and look again.")
