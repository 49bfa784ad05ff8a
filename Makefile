# Two set-up commands on a fresh machine with Python 3.11, pip and make:
#   make demo   create .venv, install tacitus, code the bundled sample corpus, print the events
#   make test   create .venv, install tacitus with test extras, run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean screenshot

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tacitus demo --db tacitus-demo.duckdb --output demo-events.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The README's picture of the dashboard, regenerated from the demo corpus (needs Debian's chromium).
screenshot: $(STAMP)
	rm -f tacitus-demo.duckdb
	$(BIN)/tacitus demo --db tacitus-demo.duckdb --output demo-events.jsonl > /dev/null
	$(BIN)/python -m tacitus.screenshot tacitus-demo.duckdb docs/dashboard.png

clean:
	rm -rf $(VENV) tacitus-demo.duckdb demo-events.jsonl .pytest_cache
