# Entry points of the kit. Each target creates and fills the virtual environment on first use,
# so on a fresh machine `make lab` and `make test` are all the set-up there is.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# `make workshop LAN=1` serves the workshop apps to the local network instead of loopback only.
LAN ?=
PORT ?= 8866
LAB_PORT ?= 8888
PYTEST_ARGS ?=
# Extra options for the servers, e.g. LAB_ARGS=--no-browser
LAB_ARGS ?=
WORKSHOP_ARGS ?=
# Jupyter refuses to run as root unless told; CI and fresh machines here run as root.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab workshop test check notebooks exercises system clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@

## lab: JupyterLab on the course, opening at the welcome notebook
lab: $(INSTALLED)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --port=$(LAB_PORT) $(AS_ROOT) course/00-kom-i-gang.ipynb $(LAB_ARGS)

## workshop: the workshop server: Voilà with preheated kernels for 30 (settings: myndig.workshop_config;
##   LAN=1 for the office network, TOKEN=... to require an access token, PARTICIPANTS=40 for a larger group)
workshop: $(INSTALLED)
	$(BIN)/myndig workshop serve --root "$(CURDIR)" --port $(PORT) $(if $(LAN),--lan,) $(if $(TOKEN),--token "$(TOKEN)",) $(if $(PARTICIPANTS),--participants $(PARTICIPANTS),) $(WORKSHOP_ARGS)

## system: what the tests need beyond Python: Debian's chromium and hunspell-no, axe-core from npm
system:
	bash .ci/system-packages
	bash tests/workshop/install-axe.sh

## test: the whole test suite
test: $(INSTALLED) system
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## check: ruff and notebook hygiene
check: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/myndig notebooks

## notebooks: normalise every notebook, then regenerate exercises/ from solutions/
notebooks: $(INSTALLED)
	$(BIN)/myndig notebooks --fix
	$(MAKE) exercises

## exercises: exercises/ as nbgrader generates it from solutions/
exercises: $(INSTALLED)
	$(BIN)/myndig exercises --regenerate

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# `make grade ASSIGNMENT=00-kom-i-gang COURSE=/sti/til/kurs` autogrades every submission in
# parallel, each locked in its own cage (needs root); JOBS=N limits how many run at once.
ASSIGNMENT ?=
COURSE ?= .
JOBS ?=
.PHONY: grade

## grade: autograde ASSIGNMENT in COURSE in parallel, contained, with progress and summary
grade: $(INSTALLED)
	$(BIN)/myndig grade $(ASSIGNMENT) --course "$(COURSE)" $(if $(JOBS),--jobs=$(JOBS),)
