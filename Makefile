# The two commands of the README, and the checks. Each target installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_PEOPLE ?= 2000

.PHONY: demo test check bench schema-sdl clean taxonomy

$(BIN)/talentgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

## Set up, start Neo4j, seed a demo organisation and serve the API on http://127.0.0.1:8000/graphql
demo: $(BIN)/talentgraph
	$(BIN)/talentgraph neo4j start
	$(BIN)/talentgraph db migrate
	$(BIN)/talentgraph demo --people $(DEMO_PEOPLE)
	$(BIN)/talentgraph serve

## Set up and run the whole test suite against a real Neo4j, then the linters (import layers too)
test: $(BIN)/talentgraph
	$(BIN)/pytest
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(BIN)/talentgraph
	$(BIN)/python -m benchmarks

clean:
	-$(BIN)/talentgraph neo4j stop
	rm -rf $(VENV) .talentgraph

## Derive seed/taxonomy from ../shared/data/skills/{esco,onet} (byte for byte the same each run)
taxonomy: $(BIN)/talentgraph
	$(BIN)/python -m seed.derive_taxonomy
