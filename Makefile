# pkgify build entry points. `make` builds Release; see README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := build

CONFIGURATION ?= Release
DOTNET ?= dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

PKGIFY_DLL := src/Pkgify.Cli/bin/$(CONFIGURATION)/net10.0/pkgify.dll
DIST ?= dist

# The demo: the main job on the example WSGI app (its C extension's wheel is built from
# vendor/ first, offline; release-style, without debug info).
DEMO_DIR := examples/hello-wsgi
PYTHON ?= /usr/bin/python3.11

.PHONY: build test deps demo bench clean

build:
	$(DOTNET) build Pkgify.sln -c $(CONFIGURATION) -nologo

# Installs the Debian packages listed in build/test-deps.txt that are missing.
deps:
	@bash build/install-test-deps.sh build/test-deps.txt

# Builds and runs every test project in turn; the last line is `N passed, N failed`.
test: deps
	@CONFIGURATION=$(CONFIGURATION) bash build/run-tests.sh

demo: build deps
	rm -rf $(DEMO_DIR)/wheels $(DIST) $(DEMO_DIR)/vendor/greetfast/build $(DEMO_DIR)/vendor/greetfast/*.egg-info
	CFLAGS="-g0 -O2" $(PYTHON) -m pip wheel --no-deps --no-build-isolation -q -w $(DEMO_DIR)/wheels $(DEMO_DIR)/vendor/greetfast
	$(DOTNET) $(PKGIFY_DLL) build $(DEMO_DIR) -o $(DIST)
	@echo "demo packages:"; for p in $(DIST)/*.deb $(DIST)/*.rpm; do [ -e "$$p" ] && echo "  $$(realpath $$p)"; done; true

# pkgify vs dpkg-deb, rpmbuild and tar|compressor on a cached realistic tree, then peak RSS on a
# 2 GiB / 100,000-file tree; results go to docs/performance.md. Knobs: see bench/bench.py (PKGIFY_BENCH_*).
bench: build
	python3 bench/bench.py --pkgify $(PKGIFY_DLL)

# pkgify's own .deb and .rpm, built by pkgify (packaging/build-packages.sh): into $(DIST)/.
package:
	bash packaging/build-packages.sh $(DIST)
	@echo "pkgify packages:"; for p in $(DIST)/pkgify*.deb $(DIST)/pkgify*.rpm; do [ -e "$$p" ] && echo "  $$(realpath $$p)"; done; true

clean:
	rm -rf $(DIST) TestResults
	find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
