# What one can do with the project. Each target installs what it needs first.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve build host check-host test lint bench install system-deps translation-out translation-in pseudo-language

serve: install  ## Build and serve the site on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: install  ## Write the site to site/
	$(BIN)/mkdocs build --strict

HOST_PORT ?= 8080
host: build  ## Serve site/ with nginx as a municipality would, on http://127.0.0.1:$(HOST_PORT)
	sh scripts/install-system-deps.sh host
	$(BIN)/python scripts/tools/host.py --site site --port $(HOST_PORT)

check-host: install  ## What a host at URL=https://… does right and what to change
	$(BIN)/python scripts/tools/check_host.py "$(URL)"

test: install system-deps  ## Lint, then every test: unit, site and browser
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .

bench: install system-deps  ## Lighthouse, Python's start, keystroke to preview; into the README
	$(BIN)/python scripts/bench/run.py --runs 5

# LANG=xx names the language (a code mkdocs-static-i18n accepts: kl, ar, pt-BR); the shell's own
# LANG (a locale such as C.UTF-8) is not one.
CHECK_LANG = case "$(LANG)" in *.*|*@*|C|POSIX|"") \
	echo "Say which language: make $@ LANG=kl" >&2; exit 2;; esac

translation-out: install  ## The texts to translate into LANG=xx as PO files, in translations/xx/
	@$(CHECK_LANG)
	$(BIN)/python -m scripts.translation.out $(LANG)
	$(BIN)/python -m scripts.translation.words translations/$(LANG)

translation-in: install  ## A filled translations/xx/ (LANG=xx) into the site's language xx; builds
	@$(CHECK_LANG)
	$(BIN)/python -m scripts.translation.into $(LANG)
	$(BIN)/mkdocs build --strict

PSEUDO ?= da-XA ar-XB
pseudo-language: install  ## Pseudo-languages made by the kit (accented, a third longer; ar-XB right to left), served on :8001
	$(BIN)/python -m scripts.translation.trial $(PSEUDO) build/pseudo-language
	sh scripts/install-system-deps.sh host
	$(BIN)/python scripts/tools/host.py --site build/pseudo-language/site --port 8001

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --requirement requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

system-deps:
	sh scripts/install-system-deps.sh
