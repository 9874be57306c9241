# Sinergi — set-up, run and test on a fresh Debian machine with Swift.
#   make run         installs GSL when missing, builds in release, runs the default scenario
#   make test        installs GSL, Chromium and a Python venv when missing, runs the whole
#                    test suite, then `make notebooks`
#   make serve       builds in release and serves the classroom page (SCENARIO) on http://127.0.0.1:8080/
#   make install     builds in release and installs the one file `sinergi` in PREFIX/bin (default
#                    /usr/local; PREFIX=~/.local needs no root); make uninstall removes it
#   make lint        checks the formatting of every Swift file (swift format, .swift-format); make format fixes it
#   make notebooks   executes the Jupyter notebooks headless on a fresh run, comparison and sweep
#   make bench       builds the benchmark package (Benchmarks/) in release and prints its figures
#   make bench-peers runs the same model written in Mesa and in NumPy (Benchmarks/peers/)
#                    beside Sinergi: checks they agree in distribution, prints throughput on
#                    one core each
#   make bench-callgrind instructions per replicate-month of the simulation core, and per
#                    design point of a sweep (valgrind), figures that do not depend on the
#                    machine's load
#   make bench-serve a class of 30 students and a lecturer against `sinergi serve` for a
#                    minute: requests/s and latency percentiles (Benchmarks/serve/)

SHELL      := /bin/bash
SWIFT      ?= swift
SCENARIO   ?= Scenarios/classroom.yaml
RUN_ARGS   ?=
SERVE_ARGS ?=
BENCH_ARGS ?=
SERVE_BENCH_ARGS ?=
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE    := .build/release/sinergi
PREFIX     ?= /usr/local

# The notebooks run in their own virtual environment, on a fresh run, a fresh comparison of
# the policy packages and a small fresh sweep of NB_SCENARIO written to NB_OUT; executed
# copies go to NB_OUT/executed, never over the committed notebooks.
NB_VENV     := .venv-notebooks
NB_PYTHON   := $(NB_VENV)/bin/python
NB_SCENARIO ?= Scenarios/jambi-province-2018.yaml
NB_RUN_ARGS ?= --replicates 400 --seed 1
NB_COMPARE_ARGS ?= --replicates 200 --seed 1
NB_SWEEP_ARGS ?= --factor parameters.trust.build=0.02:0.2 --factor defaults.agency.ego=0.2:0.8 \
	--design lhs --points 32 --replicates 8 --seed 1
NB_SENSITIVITY_ARGS ?= --method sobol --samples 64 --replicates 10 --seed 1 \
	--outcome spbe,initiatives_integrated,adoption --factor parameters.trust.build=0.02:0.2 \
	--factor parameters.hr.staffRotation=0.005:0.05 --factor defaults.agency.ego=0.2:0.8 \
	--factor defaults.government.champion=0.1:0.6 --factor defaults.government.internet=0.2:0.6
NB_OUT      := results/notebooks
NOTEBOOKS   := $(sort $(wildcard Notebooks/*.ipynb))

# The peers (Benchmarks/peers/) run in their own virtual environment; PEERS_ARGS passes
# options to bench_peers.py, e.g. PEERS_ARGS="--mesa-classroom 200".
PEERS_VENV   := Benchmarks/peers/.venv
PEERS_PYTHON := $(PEERS_VENV)/bin/python
PEERS_ARGS   ?=

.PHONY: all deps test-deps build run serve install uninstall test lint format bench bench-peers bench-callgrind bench-serve validate notebooks clear-notebooks clean

all: build

# Two system libraries: GSL (libgsl-dev, found with pkg-config) for the random streams and
# statistics, and SQLite (libsqlite3-dev), which GRDB links for the sweep stores.
deps:
	@if ! pkg-config --exists gsl 2>/dev/null || ! pkg-config --exists sqlite3 2>/dev/null; then \
		echo "Installing libgsl-dev, libsqlite3-dev and pkg-config (GSL and SQLite)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgsl-dev libsqlite3-dev pkg-config >/dev/null; \
	fi

# The tests also need Chromium, to open report.html in a headless browser, and its WebDriver
# (chromedriver), which Selenium (.venv-notebooks) drives through the classroom pages of
# `sinergi serve`; and Slurm with munge, which
# Tests/Slurm/cluster.sh starts as a one-node cluster on localhost for the sweep tests.
test-deps: deps
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
		|| ! command -v chromedriver >/dev/null 2>&1; then \
		echo "Installing chromium and chromium-driver (headless browser for the report and classroom tests)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi
	@if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 \
		|| ! command -v sbatch >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then \
		echo "Installing slurmctld, slurmd, slurm-client and munge (a one-node Slurm cluster for the sweep tests)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
			--no-install-recommends slurmctld slurmd slurm-client munge >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product sinergi

run: build
	$(RELEASE) run $(SCENARIO) $(RUN_ARGS)

serve: build
	$(RELEASE) serve $(SCENARIO) $(SERVE_ARGS)

validate: build
	$(RELEASE) validate Scenarios/*.yaml

# The binary is the whole installation: the classroom page and the classroom scenario are
# compiled into it (docs/architecture.md, Embedded files). It still links the Swift runtime
# and GSL and SQLite as shared libraries. DESTDIR prefixes PREFIX, for packaging.
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(RELEASE) "$(DESTDIR)$(PREFIX)/bin/sinergi"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/sinergi"

# One formatting for the whole tree: the toolchain's swift-format with .swift-format (line
# length 120). lint fails on any difference; format rewrites the files in place.
SWIFT_FILES := Package.swift Sources Tests Plugins Benchmarks/Package.swift Benchmarks/Benchmarks Benchmarks/Callgrind
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_FILES)

format:
	$(SWIFT) format format --in-place --recursive --parallel $(SWIFT_FILES)

# Ends with one plain line, "tests: N passed, N failed": the Swift tests (Swift Testing's
# counts) plus one per executed notebook. The notebooks' venv comes first: a Swift test runs
# SALib and the browser tests run Selenium from it.
#
# The server's tests (SinergiServeTests) run in a process of their own, first: they serve
# HTTP from inside the test process, on the same cooperative threads (one per core) as every
# other test, and the command-line tests wait for the `sinergi` processes they start on those
# threads. On two cores, two such waits at once left the servers no thread for their
# requests, which then timed out whenever the machine was busy enough to slow the commands.
SERVER_TESTS := SinergiServeTests
test: test-deps lint $(NB_VENV)/requirements.txt
	$(SWIFT) build --build-tests
	@{ $(SWIFT) test --skip-build --filter $(SERVER_TESTS) 2>&1 && \
		$(SWIFT) test --skip-build --skip $(SERVER_TESTS) 2>&1; } | tee .build/test-output.log; \
		status=$${PIPESTATUS[0]}; \
		Tests/Slurm/cluster.sh stop "$${TMPDIR:-/tmp}/sinergi-slurm-tests" >/dev/null 2>&1 || true; \
		test $$status -eq 0
	$(MAKE) notebooks
	@runs=$$(sed -n 's/.*Test run with \([0-9][0-9]*\) tests.* passed after.*/\1/p' .build/test-output.log); \
	test $$(echo "$$runs" | grep -c .) -eq 2 || { echo "expected two Swift Testing summaries, found: $$runs" >&2; exit 1; }; \
	swift=$$(( $$(echo "$$runs" | paste -sd+) )); \
	echo "tests: $$((swift + $(words $(NOTEBOOKS)))) passed, 0 failed"

# Python with a working venv module: Debian ships it separately (python3-venv), so install it
# when `python3 -m venv` fails. The environment is rebuilt from scratch when requirements.txt
# changes; the copy of requirements.txt inside it records what it was built from.
$(NB_VENV)/requirements.txt: Notebooks/requirements.txt
	@rm -rf $(NB_VENV)
	@if ! python3 -m venv $(NB_VENV) >/dev/null 2>&1; then \
		echo "Installing python3-venv (python3 -m venv needs it on Debian)…"; \
		rm -rf $(NB_VENV); \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3 python3-venv >/dev/null && \
		python3 -m venv $(NB_VENV); \
	fi
	$(NB_PYTHON) -m pip install --quiet --disable-pip-version-check -r Notebooks/requirements.txt
	cp Notebooks/requirements.txt $@

# Notebooks are committed without outputs; a cell that raises makes nbconvert, and so this
# target, fail. Every notebook gets every folder: SINERGI_RUN and SINERGI_RUN_LARGE name the
# run (01, 02), SINERGI_COMPARE the comparison (03), SINERGI_SWEEP the sweep (04).
notebooks: build $(NB_VENV)/requirements.txt
	@$(NB_PYTHON) -c 'import json, sys; dirty = [f for f in sys.argv[1:] if any(c.get("outputs") or c.get("execution_count") for c in json.load(open(f))["cells"])]; sys.exit("Notebooks with outputs (make clear-notebooks): " + " ".join(dirty) if dirty else 0)' $(NOTEBOOKS)
	rm -rf $(NB_OUT)
	@run=$$($(RELEASE) run $(NB_SCENARIO) $(NB_RUN_ARGS) --out "$(CURDIR)/$(NB_OUT)" --quiet | sed -n 's/^Results: //p'); \
	test -n "$$run" || { echo "sinergi run wrote no results folder" >&2; exit 1; }; \
	compare=$$($(RELEASE) compare $(NB_SCENARIO) $(NB_COMPARE_ARGS) --out "$(CURDIR)/$(NB_OUT)" --quiet | sed -n 's/^Results: //p'); \
	test -n "$$compare" || { echo "sinergi compare wrote no comparison folder" >&2; exit 1; }; \
	sweep=$$($(RELEASE) sweep $(NB_SCENARIO) $(NB_SWEEP_ARGS) --out "$(CURDIR)/$(NB_OUT)" --quiet | sed -n 's/^Results: //p'); \
	test -n "$$sweep" || { echo "sinergi sweep wrote no sweep folder" >&2; exit 1; }; \
	sensitivity=$$($(RELEASE) sensitivity $(NB_SCENARIO) $(NB_SENSITIVITY_ARGS) --out "$(CURDIR)/$(NB_OUT)" --quiet | sed -n 's/^Results: //p'); \
	test -n "$$sensitivity" || { echo "sinergi sensitivity wrote no folder" >&2; exit 1; }; \
	for nb in $(NOTEBOOKS); do \
		echo "Executing $$nb on $$run, $$compare and $$sweep"; \
		SINERGI_RUN="$$run" SINERGI_RUN_LARGE="$$run" SINERGI_COMPARE="$$compare" SINERGI_SWEEP="$$sweep" \
			SINERGI_SENSITIVITY="$$sensitivity" \
			JUPYTER_PREFER_ENV_PATH=1 \
			$(NB_PYTHON) -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
			--output-dir $(NB_OUT)/executed "$$nb" || exit 1; \
	done

# Strips outputs and per-cell execution metadata from the notebooks before a commit.
clear-notebooks: $(NB_VENV)/requirements.txt
	$(NB_PYTHON) -m nbconvert --clear-output --ClearMetadataPreprocessor.enabled=True \
		--ClearMetadataPreprocessor.clear_notebook_metadata=False --inplace $(NOTEBOOKS)

# A separate package, so that build and test never fetch or compile the benchmark library.
# BENCH_ARGS passes options to the benchmark plugin, e.g. BENCH_ARGS="--filter classroom".
# The callgrind driver sits under Benchmarks/ too, so the plugin would run it as a benchmark.
bench: deps
	cd Benchmarks && $(SWIFT) package benchmark --no-progress --grouping metric --skip-target sinergi-callgrind $(BENCH_ARGS)

# Sinergi and the same model in Mesa and in NumPy, one core each: distribution checks on
# classroom.yaml and jambi-province-2018.yaml, then replicate-months/s and the ratios for
# classroom, Jambi and 10,000 networked citizens (Mesa only); the figures also go to
# results/bench-peers/latest.json. Not part of `make test`: it takes several minutes.
bench-peers: build $(PEERS_VENV)/requirements.txt
	$(PEERS_PYTHON) Benchmarks/peers/bench_peers.py $(PEERS_ARGS)

# Instructions per replicate-month for classroom and Jambi, and per design point of a classroom
# sweep, under callgrind (Benchmarks/callgrind.sh); installs valgrind when missing. Not part of
# `make test`.
bench-callgrind: deps
	Benchmarks/callgrind.sh

# 30 students and a lecturer against the release `sinergi serve` on loopback for a minute:
# requests/s, latency percentiles by kind of request, server memory. Python's standard
# library only. SERVE_BENCH_ARGS passes options, e.g. SERVE_BENCH_ARGS="--seconds 20 --json out.json".
bench-serve: build
	python3 Benchmarks/serve/class_load.py --binary $(RELEASE) $(SERVE_BENCH_ARGS)

$(PEERS_VENV)/requirements.txt: Benchmarks/peers/requirements.txt
	@rm -rf $(PEERS_VENV)
	@if ! python3 -m venv $(PEERS_VENV) >/dev/null 2>&1; then \
		echo "Installing python3-venv (python3 -m venv needs it on Debian)…"; \
		rm -rf $(PEERS_VENV); \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3 python3-venv >/dev/null && \
		python3 -m venv $(PEERS_VENV); \
	fi
	$(PEERS_PYTHON) -m pip install --quiet --disable-pip-version-check -r Benchmarks/peers/requirements.txt
	cp Benchmarks/peers/requirements.txt $@

clean:
	rm -rf .build Benchmarks/.build $(NB_VENV) $(NB_OUT) $(PEERS_VENV)
