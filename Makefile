# Sinergi — set-up, run and test on a fresh Debian machine with Swift.
#   make run    installs GSL when missing, builds in release, runs the default scenario
#   make test   installs GSL when missing, runs the whole test suite
#   make bench  builds the benchmark package (Benchmarks/) in release and prints its figures

SWIFT      ?= swift
SCENARIO   ?= Scenarios/classroom.yaml
RUN_ARGS   ?=
BENCH_ARGS ?=
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE    := .build/release/sinergi

.PHONY: all deps build run test bench validate clean

all: build

# GSL is the only system dependency (Debian package libgsl-dev, found with pkg-config).
deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
		echo "Installing libgsl-dev and pkg-config (GSL, the GNU Scientific Library)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgsl-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product sinergi

run: build
	$(RELEASE) run $(SCENARIO) $(RUN_ARGS)

validate: build
	$(RELEASE) validate Scenarios/*.yaml

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# A separate package, so that build and test never fetch or compile the benchmark library.
# BENCH_ARGS passes options to the benchmark plugin, e.g. BENCH_ARGS="--filter classroom".
bench: deps
	cd Benchmarks && $(SWIFT) package benchmark --no-progress --grouping metric $(BENCH_ARGS)

clean:
	rm -rf .build Benchmarks/.build
