# casewatch: the two commands of the README, and the project's own checks.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DB ?= $(CURDIR)/out/demo.db

.PHONY: setup demo test eval bench train clean

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
	@echo
	@echo "Done: $$(ls -d examples/*/ | wc -l) cases in $(DB), their case files in out/*.json. Next, open the workspace:"
	@echo "  $(BIN)/casewatch --db $(DB) serve      # prints a one-time link that creates your account, then sign in at http://127.0.0.1:8000/"

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
	$(BIN)/casewatch benchmark seeds $(SHARED)/seeds --repeat 20 --rounds 3

# 1,000 documents (the seeds in turn, each copy numbered), all cores on each side: throughput and peak memory
.PHONY: bench-1000
bench-1000: setup
	$(BIN)/casewatch benchmark seeds $(SHARED)/seeds --docs 1000

# the checked-in screenshots of every page (docs/screenshots), taken by the browser tests; a plain test run
# writes them to a temporary folder instead
.PHONY: screenshots
screenshots: setup
	CASEWATCH_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/web/test_browser.py -k screenshots

# the incident classifiers, from HRDsAttack's training split only (fixed seeds; writes incidents/data/model.json)
train: setup
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/casewatch train hrdsattack $(SHARED)/hrdsattack/train.json

# the dossier's first two pages and the urgent appeal of an example case (every name in it invented) as PNG for the
# README (docs/); needs Debian's pango, DejaVu fonts and poppler-utils (.ci/pdf-setup)
DOCS_CASE ?= azerbaijan_yeni_dalga
.PHONY: docs
docs: setup
	bash .ci/pdf-setup
	mkdir -p out docs
	rm -f out/docs.db
	$(BIN)/casewatch --db out/docs.db ingest --case $(DOCS_CASE) --title "Yeni Dalga journalists" examples/$(DOCS_CASE)/
	$(BIN)/casewatch --db out/docs.db dossier $(DOCS_CASE) --format pdf -o out/docs-dossier.pdf
	$(BIN)/casewatch --db out/docs.db appeal $(DOCS_CASE) --format pdf -o out/docs-appeal.pdf
	pdftoppm -png -r 110 -f 1 -l 1 -singlefile out/docs-dossier.pdf docs/dossier-1
	pdftoppm -png -r 110 -f 2 -l 2 -singlefile out/docs-dossier.pdf docs/dossier-2
	pdftoppm -png -r 110 -f 1 -l 1 -singlefile out/docs-appeal.pdf docs/appeal

clean:
	rm -rf out $(VENV)
