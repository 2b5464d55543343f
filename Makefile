# The two commands of the README, and the checks. Each target installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_PEOPLE ?= 2000

.PHONY: demo test check bench schema-sdl clean taxonomy web web-check chromium journeys

$(BIN)/talentgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

## Set up, start Neo4j, seed a demo organisation, build the app and serve it on http://127.0.0.1:8000/
demo: $(BIN)/talentgraph web
	$(BIN)/talentgraph neo4j start
	$(BIN)/talentgraph db migrate
	$(BIN)/talentgraph demo --people $(DEMO_PEOPLE)
	$(BIN)/talentgraph serve

## Set up and run the whole test suite against a real Neo4j, then the linters (import layers too)
test: $(BIN)/talentgraph web
	$(BIN)/pytest
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(MAKE) web-check journeys

# The web app (web/): npm packages from the committed lockfile, never a downloaded browser
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
web/node_modules/.package-lock.json: web/package-lock.json
	@command -v npm >/dev/null || { echo "make: npm (Node.js 20.19+) is needed for web/" >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund

## Build the app into web/dist (served by `talentgraph serve` at /)
web: web/node_modules/.package-lock.json
	cd web && npm run build

## Type-check, lint, unit-test and build the app; check the initial JavaScript's size
web-check: web/node_modules/.package-lock.json
	cd web && npm run typecheck && npm run lint && npm run test:unit && npm run build && npm run size

## Debian's Chromium for the browser journeys, installed when missing
chromium:
	@command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; }

## The browser journeys (Playwright in Chromium) against a real `talentgraph serve`
journeys: $(BIN)/talentgraph web chromium
	cd web && npx playwright test

bench: $(BIN)/talentgraph web chromium
	$(BIN)/python -m benchmarks

clean:
	-$(BIN)/talentgraph neo4j stop
	rm -rf $(VENV) .talentgraph

## Derive seed/taxonomy from ../shared/data/skills/{esco,onet} (byte for byte the same each run)
taxonomy: $(BIN)/talentgraph
	$(BIN)/python -m seed.derive_taxonomy
