# The two commands of the README: `make serve` runs the service, `make test` runs every check.
.PHONY: serve test test-unit test-integration lint typecheck pytest setup setup-python schema lock \
	bench clean

setup:
	@scripts/bootstrap

# The Python environment alone: enough for the unit tests, which need no Java and no Neo4j.
setup-python:
	@scripts/bootstrap --python-only

serve: setup
	.venv/bin/cdp serve

test: setup lint typecheck test-unit test-integration

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports

typecheck:
	.venv/bin/mypy

# tests/unit: no JVM, no database, seconds. pytest's exit code 5 (no test collected) fails here.
test-unit: setup-python
	.venv/bin/pytest tests/unit

# Everything outside tests/unit, against the Neo4j the test session starts (or CDP_NEO4J_URI).
test-integration: setup
	.venv/bin/pytest --ignore=tests/unit

pytest: test-unit test-integration

# Re-pins the Python dependencies (requirements.lock, requirements-dev.lock) after a range in
# pyproject.toml changed; `make lock UPGRADE=1` takes the newest release within every range.
lock:
	@scripts/lock

# Benchmarks (not part of `make test`): every contender at 10k and 100k customers, then the dated
# report and chart in bench/results/ and docs/benchmarks.md. BENCH_ARGS passes options through.
bench: setup
	.venv/bin/python -m bench.run $(BENCH_ARGS)

schema: setup
	.venv/bin/cdp export-schema

clean:
	-.venv/bin/cdp neo4j stop
	rm -rf .venv .cdp
