# Two commands do all the set-up on a fresh machine (see README.md):
#   make demo   - create .venv if needed, install, and check a bundled example bylaw
#   make test   - create .venv if needed, install, and run lint, types, tests and the wheel check
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.stamp-install
EXAMPLE := corpus/a01_dalmeer_pw.txt

.PHONY: demo test lint fuzz bench clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/verordening check --color never $(EXAMPLE) || test $$? -le 1

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

# the browser tests need Debian's Chromium (Playwright never downloads a browser here); as root
# with apt-get it is installed when missing, else those tests say why they skip
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "chromium could not be installed: the browser tests will fail"; \
	fi

# the tests in two processes, then the ones that time themselves alone, so that no other test
# slows them (pytest alone runs all but the slow ones in one process)
test: lint chromium
	$(BIN)/pytest -n 2 -m 'not slow and not timing'
	$(BIN)/pytest -m 'timing and not slow'
	bash scripts/check-wheel.sh

fuzz: $(STAMP)
	$(BIN)/pytest -m slow

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/scan.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
