# Two commands: `make run` (the app with demo data) and `make test`; `make bench`
# writes docs/benchmarks.md (scripts/bench.py).
# PostgreSQL/Redis come from DATABASE_URL/REDIS_URL when set, otherwise
# scripts/layanan.py starts embedded ones with data under .data/.

PYTHON ?= python3
PYTEST_ARGS ?=
BENCH_ARGS ?=
VENV := .venv
PY := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

.PHONY: run test bench format clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changed since the last install.
$(VENV)/.terpasang-lokal: pyproject.toml | $(PY)
	$(PY) -m pip install -e '.[lokal]'
	touch $@

$(VENV)/.terpasang-test: pyproject.toml | $(PY)
	$(PY) -m pip install -e '.[lokal,test]'
	touch $@ $(VENV)/.terpasang-lokal

run: $(VENV)/.terpasang-lokal
	$(PY) scripts/layanan.py $(PY) scripts/jalankan.py

test: $(VENV)/.terpasang-test
	@echo "==> ruff check"
	@$(RUFF) check . || { echo "GAGAL: ruff check menemukan masalah (coba 'make format')." >&2; exit 1; }
	@echo "==> ruff format --check"
	@$(RUFF) format --check . || { echo "GAGAL: format kode belum rapi (jalankan 'make format')." >&2; exit 1; }
	@echo "==> pytest $(PYTEST_ARGS)"
	@KINERJA_TESTING=1 $(PY) scripts/layanan.py $(VENV)/bin/pytest $(PYTEST_ARGS) \
		|| { kode=$$?; echo "GAGAL: pytest keluar dengan kode $$kode." >&2; exit $$kode; }

# A throwaway database <dbname>_bench; the embedded test Redis (nothing persisted).
# Extra arguments: make bench BENCH_ARGS='--hanya halaman --catat "Sesudah"'.
bench: $(VENV)/.terpasang-lokal
	KINERJA_TESTING=1 $(PY) scripts/layanan.py $(PY) scripts/bench.py $(BENCH_ARGS)

format: $(VENV)/.terpasang-test
	$(RUFF) format .
	$(RUFF) check --fix .

# Caches only: .venv and .data (databases, secret key) are kept.
clean:
	find . -path ./.venv -prune -o -path ./.data -prune -o \
		-type d -name __pycache__ -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache test-results .data/staticfiles
