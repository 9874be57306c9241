# Sinergi — set-up, run and test on a fresh Debian machine with Swift.
#   make run    installs GSL (and Chromium) when missing, builds in release, runs the default scenario
#   make test   installs GSL and Chromium when missing, runs the whole test suite

SWIFT      ?= swift
SCENARIO   ?= Scenarios/classroom.yaml
RUN_ARGS   ?=
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE    := .build/release/sinergi

.PHONY: all deps build run test validate clean

all: build

# GSL is the only library dependency (Debian package libgsl-dev, found with pkg-config).
# Chromium is for the test that opens report.html in a headless browser.
deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
		echo "Installing libgsl-dev and pkg-config (GSL, the GNU Scientific Library)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgsl-dev pkg-config >/dev/null; \
	fi
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
		echo "Installing chromium (headless browser for the report test)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; \
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

clean:
	rm -rf .build
