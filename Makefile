# The two commands of the README: `make serve` runs the service, `make test` runs every check.
.PHONY: serve test lint typecheck pytest setup schema bench clean

setup:
	@scripts/bootstrap

serve: setup
	.venv/bin/cdp serve

test: setup lint typecheck pytest

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

typecheck:
	.venv/bin/mypy

pytest:
	.venv/bin/pytest

# Benchmarks (not part of `make test`): every contender at 10k and 100k customers, then the dated
# report and chart in bench/results/ and docs/benchmarks.md. BENCH_ARGS passes options through.
bench: setup
	.venv/bin/python -m bench.run $(BENCH_ARGS)

schema: setup
	.venv/bin/cdp export-schema

clean:
	-.venv/bin/cdp neo4j stop
	rm -rf .venv .cdp
