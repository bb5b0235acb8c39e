# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_OUT ?= out/demo

.PHONY: demo test sysdeps venv examples bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

# Debian packages: chromium (kaleido's static image export, browser tests) and DejaVu fonts
# (example PDFs with Indonesian text and symbols such as χ², ≤, −).
SYSDEPS_OK := $(shell command -v chromium >/dev/null 2>&1 && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf && echo yes)
sysdeps:
ifneq ($(SYSDEPS_OK),yes)
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
endif

examples: venv
	$(BIN)/python examples/make_examples.py

demo: venv sysdeps
	$(BIN)/python examples/make_examples.py
	$(BIN)/evidencekit demo -o $(DEMO_OUT)

test: venv sysdeps
	$(BIN)/python examples/make_examples.py
	$(BIN)/python -m pytest -n 2 -q

bench: venv
	for f in benchmarks/*.py; do $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) out .pytest_cache build *.egg-info
