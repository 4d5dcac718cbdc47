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

## workshop: Voilà on the workshop apps (loopback; LAN=1 for the local network)
workshop: $(INSTALLED)
	$(BIN)/voila course/verksted --no-browser --port=$(PORT) $(if $(LAN),--Voila.ip=0.0.0.0,) $(WORKSHOP_ARGS)

## system: the Debian packages the tests need (chromium, hunspell-no)
system:
	bash .ci/system-packages

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
