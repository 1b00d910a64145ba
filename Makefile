# `make help` lists the targets. Every target installs what it needs into .venv first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPEC := openapi/sip-credentials.yaml
NODE_STAMP := node_modules/.installed
PYTEST_ARGS ?=
BASE ?=
PART ?=
# pyenv's other Pythons, for the matrix (the shims answer only for versions listed here).
PYENV_PYTHONS := $(shell pyenv versions --bare 2>/dev/null | grep -E '^3\.1[1-9]\.' | paste -sd: -)

.PHONY: help venv lock generate check-generated sync-client lint quick test unit fabric container-tools contract contract-flat contract-fabric contract-sandbox mock docs browser \
	changes check-release bump dist matrix downstream upstream-diff upstream-conformance bench clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

venv: $(STAMP) ## Create or refresh .venv with pinned tools and the package (editable)

# The spec holds the version (see pyproject.toml): a new one re-installs, so metadata follows.
$(STAMP): pyproject.toml requirements/constraints.txt $(SPEC)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; set PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt pip uv
	# uv installs the same pinned set (pip freeze is identical) in 9 s where pip took 48 s from
	# an empty cache: a fresh CI machine pays it on every run.
	$(BIN)/uv pip install --quiet --python $(BIN)/python -c requirements/constraints.txt -e '.[dev,bench]'
	@touch $(STAMP)

lock: ## Re-resolve every Python dependency to its newest allowed version into the constraints file
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[dev,bench]'
	{ sed -n '1,3p' requirements/constraints.txt; \
	  .lock-venv/bin/python -m pip --version | awk '{print "pip==" $$2}'; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e'; } > requirements/constraints.new
	mv requirements/constraints.new requirements/constraints.txt && rm -rf .lock-venv

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

# The generator's command line (spec, settings, openapi/templates/) is written once, in the
# script that checks its output, so that generating and checking cannot disagree.
generate: $(STAMP) ## Regenerate generated/ from the spec (pinned openapi-python-client, openapi/templates/)
	$(BIN)/python scripts/check_generated.py --write

check-generated: $(STAMP) ## Fail, naming the files, if generated/ or the sync client is not what its source makes
	$(BIN)/python scripts/check_generated.py
	$(BIN)/python scripts/make_sync.py --check

sync-client: $(STAMP) ## Produce the sync client (overrides/signalwire_sip/_sync/) from the asyncio one (unasync)
	$(BIN)/python scripts/make_sync.py

lint: $(STAMP) $(NODE_STAMP) ## Lint the spec (Redocly, openapi-spec-validator) and the code (ruff, mypy)
	$(BIN)/openapi-spec-validator $(SPEC)
	npx --no-install redocly lint --config openapi/redocly.yaml --format stylish $(SPEC)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy overrides mock contract tests scripts bench

quick: $(STAMP) ## The edit loop (under a minute): ruff, mypy, the drift checks and the tests not marked slow
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy overrides mock contract tests scripts bench
	$(BIN)/python scripts/check_generated.py
	$(BIN)/python scripts/make_sync.py --check
	$(BIN)/pytest -n 2 -q -m "not slow" $(PYTEST_ARGS)

container-tools: ## Install Debian's podman, mmdebstrap and runc for the container test, unless they are there
	@command -v podman >/dev/null && command -v mmdebstrap >/dev/null && command -v runc >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman mmdebstrap runc uidmap >/dev/null; }

browser: ## Install Debian's chromium for the docs page test, unless a chromium is there
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

docs: $(STAMP) ## Write the API reference page (Swagger UI, works offline) to reports/docs/index.html
	$(BIN)/python -m signalwire_sip_mock.docs reports/docs

# Two workers (pytest-xdist), one per core: 330 s so for 880 tests on this 2-core machine.
# The contract as a pytest suite (test_every_operation_conforms, 33 s) is left to `make matrix`
# (3.12 and 3.13) and `make contract` (the gate itself, both shapes): here it ran a third time.
# --durations: where the time goes, in every CI log.
unit: $(STAMP) browser container-tools ## Run the pytest suite (unit, integration, reliability; the contract in pytest runs in matrix)
	$(BIN)/pytest -n 2 --durations=20 --deselect tests/test_contract.py::test_every_operation_conforms $(PYTEST_ARGS)

# The two shapes run side by side (one per core), each gate's output kept together: 215 s one
# after the other in a fresh clone's `make test`.
contract: $(STAMP) ## The contract gate against the mock in both shapes (flat: the seed's; fabric: production's as observed)
	@$(MAKE) --no-print-directory -j2 --output-sync=target contract-flat contract-fabric

contract-flat: $(STAMP)
	$(BIN)/signalwire-sip-contract mock --reports reports/contract/flat

contract-fabric: $(STAMP)
	$(BIN)/signalwire-sip-contract mock --shape fabric --reports reports/contract/fabric

fabric: $(STAMP) ## The client's integration tests against the mock playing production's shape (--shape fabric)
	SIGNALWIRE_SIP_MOCK_SHAPE=fabric $(BIN)/pytest -n 2 tests/test_client_integration.py tests/test_client_sip_family.py tests/test_fabric_shape.py tests/test_raw_response.py

contract-sandbox: $(STAMP) ## The contract gate against a real project (SIGNALWIRE_SPACE, _PROJECT_ID, _API_TOKEN)
	$(BIN)/signalwire-sip-contract sandbox

mock: $(STAMP) ## Run the mock server on 127.0.0.1:8080 (ARGS="--project ID:TOKEN --db FILE")
	$(BIN)/signalwire-sip-mock --host 127.0.0.1 --port 8080 $(ARGS)

changes: $(STAMP) $(NODE_STAMP) ## Every change since the last release (or BASE=<git ref>), classed breaking/additive/fix
	$(BIN)/python scripts/release.py changes $(if $(BASE),--base $(BASE))

check-release: $(STAMP) $(NODE_STAMP) ## Fail when the version or CHANGELOG.md does not cover the changes since the last release
	$(BIN)/python scripts/release.py check

bump: $(STAMP) $(NODE_STAMP) ## Raise the version as the changes need (or PART=major|minor|patch) and write CHANGELOG.md
	$(BIN)/python scripts/release.py bump $(if $(PART),--part $(PART))

UPSTREAM ?=
upstream-diff: $(STAMP) $(NODE_STAMP) ## Our spec against SignalWire's definition (UPSTREAM=<file>): each difference known or new
	$(BIN)/python scripts/upstream.py diff "$(UPSTREAM)"

upstream-conformance: $(STAMP) ## schemathesis with SignalWire's definition (UPSTREAM=<file>) against the mock
	$(BIN)/python scripts/upstream.py conformance "$(UPSTREAM)"

# Building needs only build and twine (pinned by the constraints file), in a venv of their own:
# `python -m build` then makes the wheel in an isolated environment holding only the backend
# (hatchling). Through the dev venv a fresh clone's `make dist` installed 132 packages first.
BUILD_VENV := .venv-build
BUILD_STAMP := $(BUILD_VENV)/.installed
$(BUILD_STAMP): requirements/constraints.txt
	@test -x $(BUILD_VENV)/bin/python || $(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt pip build twine
	@touch $(BUILD_STAMP)

dist: $(BUILD_STAMP) ## Build the sdist and the wheel into dist/ (isolated: only build, twine and the backend) and check them with twine
	rm -rf dist
	$(BUILD_VENV)/bin/python -m build --outdir dist .
	$(BUILD_VENV)/bin/twine check --strict dist/*

# The sessions run side by side (one per core); each writes its log and the failing ones show it.
MATRIX_SESSIONS := tests-3.12 tests-3.13
matrix: $(STAMP) ## The tests on the other supported Pythons (nox, uv; interpreters from pyenv)
	@mkdir -p reports/matrix
	@for s in $(MATRIX_SESSIONS); do \
		( start=$$(date +%s); \
		  PATH="$(abspath $(BIN)):$$PATH" PYENV_VERSION="$(PYENV_PYTHONS)" \
		  $(BIN)/nox --envdir .nox -s $$s > reports/matrix/$$s.log 2>&1; rc=$$?; \
		  echo "$$s: exit $$rc in $$(( $$(date +%s) - start )) s"; \
		  [ $$rc -eq 0 ] || { tail -n 40 reports/matrix/$$s.log; exit 1; } ) & \
	done; failed=0; for job in $$(jobs -p); do wait $$job || failed=1; done; exit $$failed

downstream: dist ## A downstream project installs the built wheel into a clean venv and runs its tests
	$(BIN)/python examples/downstream/run.py dist

test: lint check-generated check-release unit fabric contract matrix downstream ## Everything CI runs

bench: $(STAMP) ## Benchmarks of the client and the mock, side by side (writes reports/bench.json)
	$(BIN)/python -m bench

clean: ## Remove the venv, node_modules, reports and caches
	rm -rf $(VENV) $(BUILD_VENV) node_modules reports build dist .mypy_cache .ruff_cache .hypothesis .schemathesis .nox .cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
