# sundplan: packaging and tests. The repository root is the plugin folder.
#   make zip   -> dist/sundplan-<version>.zip with top folder sundplan/ (plugin files only)
#   make test  -> bash scripts/test.sh
#   make i18n  -> compile i18n/*.ts to .qm (lrelease)

SHELL := /bin/bash
PLUGIN := sundplan
VERSION := $(shell sed -n 's/^version=//p' metadata.txt | tr -d '[:space:]')
DIST := dist
BUILD := build/zip
ZIP := $(abspath $(DIST))/$(PLUGIN)-$(VERSION).zip
LRELEASE := $(shell command -v lrelease || echo /usr/lib/qt5/bin/lrelease)

# What goes into the plugin zip (everything else - tests, bench, docs, scripts, .venv, .git,
# build, dist, caches - stays out). Override DIST / BUILD to build elsewhere (tests do).
PLUGIN_FILES := __init__.py plugin.py metadata.txt
PLUGIN_DIRS := processing sundplan_qgis resources i18n
# Core modules used only by bench/ and the tests (the country-size benchmark generator).
NOT_SHIPPED := sundplan_qgis/sample/country.py
EXTRA_FILES := $(wildcard LICENSE LICENSE.txt README.md CHANGELOG.md)
# Documents the shipped help refers to (the speed table's reasoning), under the same path.
EXTRA_DOCS := $(wildcard docs/speeds.md)

TS_FILES := $(wildcard i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: zip test i18n clean

i18n: $(QM_FILES)

i18n/%.qm: i18n/%.ts
	$(LRELEASE) -silent $< -qm $@

zip: i18n
	rm -rf $(BUILD) $(ZIP)
	mkdir -p $(BUILD)/$(PLUGIN) $(DIST)
	cp $(PLUGIN_FILES) $(EXTRA_FILES) $(BUILD)/$(PLUGIN)/
	for f in $(EXTRA_DOCS); do install -D -m 644 "$$f" "$(BUILD)/$(PLUGIN)/$$f"; done
	for d in $(PLUGIN_DIRS); do \
	  if [ -d "$$d" ]; then \
	    tar -C . --exclude='__pycache__' --exclude='*.pyc' --exclude='*.ts' \
	      --exclude='.pytest_cache' --exclude='.ruff_cache' --exclude='i18n/*.py' --exclude='i18n/*.md' --exclude='resources/*/make_*.py' $(NOT_SHIPPED:%=--exclude='%') -cf - "$$d" \
	      | tar -C $(BUILD)/$(PLUGIN) -xf -; \
	  fi; \
	done
	cd $(BUILD) && zip -q -r -X $(ZIP) $(PLUGIN)
	@echo "built $(ZIP)"

test:
	bash scripts/test.sh

clean:
	rm -rf build $(DIST)
