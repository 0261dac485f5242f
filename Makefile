# One entry point for the collection.
#   make lab    set up (first time only) and open JupyterLab at the start notebook
#   make test   set up and run every test: unit tests, doctests, data checks, all notebooks
#   make data   rebuild data/ from the raw sources (SOURCES=../shared/sources)
#   make bench  time and measure every notebook against a floor notebook
#   make site   build the website into build/site: every notebook run once, with its outputs
#   make assignments  build the graded coursework into build/assignments (see INSTRUCTORS.md)
#   make drift  newest releases of everything, warnings as errors (a weekly check)
#   make clean  remove the virtual environment and caches

PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
SOURCES ?= ../shared/sources
STAMP   := $(VENV)/.installed
# The kernel and pytest refuse connections outside this machine (see tests/offline/).
OFFLINE := PYTHONPATH=$(CURDIR)/tests/offline
# In tests, every figure a notebook shows is also checked for labels cut off at its edges.
CHECKS  := HELPERS_CHECK_FIGURES=1
PYTEST_NB := --nbval-lax --nbval-current-env --nbval-cell-timeout=120
# Open a browser only where there is a screen to show it on.
# JupyterLab refuses to run as root (containers, some servers) unless told it may.
LAB_ARGS ?= $(if $(or $(DISPLAY),$(WAYLAND_DISPLAY),$(filter Darwin,$(shell uname -s))),,--no-browser) \
            $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: setup lab test data bench site assignments drift clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[build,test,site,grading]"
	$(BIN)/python -c "import matplotlib.pyplot"   # build the font cache once, not in a notebook
	touch $(STAMP)

setup: $(STAMP)

# JupyterLab serves the whole project (so a notebook's links to ../data/README.md work, as on
# Binder) and opens at the start notebook; the address it prints leads there too.
lab: setup
	$(BIN)/jupyter lab --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb $(LAB_ARGS)

test: setup
	$(OFFLINE) $(CHECKS) $(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_NB) \
		--doctest-modules helpers tests notebooks

data: setup
	$(BIN)/python data/build.py --sources $(SOURCES)

bench: setup
	$(BIN)/python tests/bench.py

site: setup
	$(OFFLINE) $(BIN)/python site/build.py --out build/site

# Every master notebook in assignments/ becomes build/assignments/<name>/student (to hand out)
# and build/assignments/<name>/autograder (to grade with). otter assign runs the tests against
# the solutions and stops with an error if any fails; the first failure stops make.
assignments: setup
	rm -rf build/assignments
	@for master in assignments/*.ipynb; do \
		name=$$(basename "$$master" .ipynb); \
		echo "otter assign $$master build/assignments/$$name"; \
		$(OFFLINE) $(BIN)/otter assign --no-pdfs "$$master" "build/assignments/$$name" || exit 1; \
	done

drift:
	rm -rf .venv-drift && $(PYTHON) -m venv .venv-drift
	.venv-drift/bin/python -m pip install --quiet --upgrade pip
	.venv-drift/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager \
		$$(.venv-drift/bin/python tests/drift_requirements.py)
	.venv-drift/bin/python -m pip install --quiet --no-deps -e .
	$(OFFLINE) $(CHECKS) .venv-drift/bin/python -m pytest -n 2 --dist loadfile $(PYTEST_NB) \
		-W error::FutureWarning -W error::DeprecationWarning --doctest-modules helpers tests notebooks

clean:
	rm -rf $(VENV) .venv-drift .pytest_cache
