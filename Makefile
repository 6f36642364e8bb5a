# casewatch: the two commands of the README, and the project's own checks.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DB ?= $(CURDIR)/out/demo.db

.PHONY: setup demo test eval bench clean

$(BIN)/casewatch: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[model,test]'
	touch $(BIN)/casewatch

setup: $(BIN)/casewatch

# the main job on the example reports written for the project (SQLite by default)
demo: setup
	mkdir -p out
	rm -f $(DB)
	for c in examples/*/; do $(BIN)/casewatch --db $(DB) ingest --case $$(basename $$c) $$c || exit 1; done
	for c in examples/*/; do $(BIN)/casewatch --db $(DB) show $$(basename $$c); \
	  $(BIN)/casewatch --db $(DB) export $$(basename $$c) --format casefile -o out/$$(basename $$c).json; done

test: setup
	$(BIN)/python -m pytest -q

# the seed case against the answer key
eval: setup
	mkdir -p out
	rm -f out/eval.db
	$(BIN)/casewatch --db out/eval.db ingest --case atajurt $(SHARED)/seeds/
	$(BIN)/casewatch --db out/eval.db export atajurt --format casefile -o out/atajurt.json
	$(PY) $(SHARED)/eval/score.py $(SHARED)/eval/gold/atajurt.json out/atajurt.json

bench: setup
	$(BIN)/casewatch benchmark seeds $(SHARED)/seeds --repeat 20

clean:
	rm -rf out $(VENV)
