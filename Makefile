# The two commands of the README: `make serve` runs the service, `make test` runs every check.
.PHONY: serve test lint typecheck pytest setup schema clean

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

schema: setup
	.venv/bin/cdp export-schema

clean:
	-.venv/bin/cdp neo4j stop
	rm -rf .venv .cdp
