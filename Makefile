# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test install migrate run clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

migrate: install
	$(BIN)/python manage.py migrate --noinput

# The scheduler (scheduled publishing and expiry) runs beside the server and
# stops with it: Ctrl-C, or the server exiting, ends both.
demo: migrate
	PORT=$(PORT) $(BIN)/python manage.py load_demo
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null; wait $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
