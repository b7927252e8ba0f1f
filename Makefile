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

# The scheduler (scheduled publishing and expiry) and the task worker (search
# and reference indexes, purges, mail) run beside the server and stop with it:
# Ctrl-C, or the server exiting, ends all three. Tasks wait in the database
# (site_project/settings/dev.py), so whatever fell due while they were
# stopped runs when `make demo` starts again.
demo: migrate
	PORT=$(PORT) $(BIN)/python manage.py load_demo
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	$(BIN)/python manage.py db_worker --no-reload --interval 0.25 & worker=$$!; \
	trap 'kill $$scheduler $$worker 2>/dev/null; wait $$scheduler $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
