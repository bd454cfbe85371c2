"""CDP_SPEED_PATHS: on, every piece is installed; off, none is, and the libraries' own paths run.
The test session's settings follow the variable, so the whole suite runs either way."""

from __future__ import annotations

import gc

import pytest
from graphql.version import VersionInfo
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from cdp.settings import Settings
from schema import speed
from schema.root import build_schema
from schema.speed import collector
from schema.speed.decoding import decoder
from schema.speed.document_cache import ParseCache
from schema.speed.lists_ahead import ListsDecodedAhead
from tests.support.neo4j_server import local_settings


def _installed(speed_paths: bool) -> dict[str, bool]:
    built = build_schema(Settings(speed_paths=speed_paths))
    upsert = built._schema.mutation_type.fields["upsertCustomers"]  # type: ignore[union-attr]
    return {
        "parse_cache": ParseCache in built.extensions,
        "decoding": built.execution_context_class is ListsDecodedAhead
        and decoder(upsert.args["rows"].type) is not None,
        "unconverted": "skip_conversion" in getattr(upsert.resolve, "__qualname__", ""),
    }


def test_on_installs_every_piece_of_the_schema() -> None:
    assert _installed(speed_paths=True) == {
        "parse_cache": True,
        "decoding": True,
        "unconverted": True,
    }


def test_decoding_is_left_out_under_a_graphql_core_it_was_not_written_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    major, minor = speed.DECODING_WRITTEN_FOR
    monkeypatch.setattr(speed, "graphql_version", VersionInfo(major, minor + 1, 0, "final", 0))
    assert speed.pieces(Settings(speed_paths=True)) == speed.PIECES - {"decoding"}
    built = build_schema(Settings(speed_paths=True))
    assert built.execution_context_class is StrawberryGraphQLCoreExecutionContext


def test_off_installs_none_and_strawberry_executes() -> None:
    assert _installed(speed_paths=False) == {
        "parse_cache": False,
        "decoding": False,
        "unconverted": False,
    }
    built = build_schema(Settings(speed_paths=False))
    assert built.execution_context_class is StrawberryGraphQLCoreExecutionContext
    assert speed.pieces(Settings(speed_paths=False)) == frozenset()


def test_off_leaves_the_collector_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "_tuned", False)
    before = gc.get_threshold()
    speed.tune_process(speed.pieces(Settings(speed_paths=False)))
    assert gc.get_threshold() == before
    assert collector._tuned is False


@pytest.mark.parametrize(("value", "expected"), [("false", False), ("true", True)])
def test_the_test_settings_follow_the_variable(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: bool
) -> None:
    monkeypatch.setenv("CDP_SPEED_PATHS", value)
    assert Settings().speed_paths is expected
    assert local_settings("probe", bolt_port=1, http_port=2).speed_paths is expected
