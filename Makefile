# pkgify build entry points. `make` builds Release; see README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := build

CONFIGURATION ?= Release
DOTNET ?= dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

PKGIFY_DLL := src/Pkgify.Cli/bin/$(CONFIGURATION)/net10.0/pkgify.dll
DIST ?= dist

# The demo: package the example tree like `fpm -s dir` would.
DEMO_TREE := examples/hello-tree
DEMO_NAME := hello
DEMO_VERSION := 1.0.0

.PHONY: build test deps demo bench clean

build:
	$(DOTNET) build Pkgify.sln -c $(CONFIGURATION) -nologo

# Installs the Debian packages listed in build/test-deps.txt that are missing.
deps:
	@bash build/install-test-deps.sh build/test-deps.txt

# Builds and runs every test project in turn; the last line is `N passed, N failed, N skipped`.
test: deps
	@CONFIGURATION=$(CONFIGURATION) bash build/run-tests.sh

demo: build
	rm -f $(DIST)/$(DEMO_NAME)_$(DEMO_VERSION)-* $(DIST)/$(DEMO_NAME)-$(DEMO_VERSION)-*
	$(DOTNET) $(PKGIFY_DLL) pack $(DEMO_TREE) --name $(DEMO_NAME) --version $(DEMO_VERSION) -o $(DIST)
	@packages=$$(ls $(DIST)/$(DEMO_NAME)_$(DEMO_VERSION)-*.deb $(DIST)/$(DEMO_NAME)-$(DEMO_VERSION)-*.rpm 2>/dev/null); \
	if [[ -z "$$packages" ]]; then echo "demo: pkgify wrote no package into $(DIST)/" >&2; exit 1; fi; \
	echo "demo packages:"; for p in $$packages; do echo "  $$(realpath $$p)"; done

# pkgify vs dpkg-deb, rpmbuild and tar|compressor on a cached realistic tree, then peak RSS on a
# 2 GiB / 100,000-file tree; results go to docs/performance.md. Knobs: see bench/bench.py (PKGIFY_BENCH_*).
bench: build
	python3 bench/bench.py --pkgify $(PKGIFY_DLL)

clean:
	rm -rf $(DIST) TestResults
	find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
