from __future__ import annotations

import os

import pytest

from cdp.settings import Settings, SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("CDP_"):
            monkeypatch.delenv(name)


def test_defaults_run_a_local_neo4j_on_loopback() -> None:
    settings = load_settings()
    assert settings.uses_local_neo4j
    assert settings.host == "127.0.0.1"
    assert settings.port == 8000
    assert settings.neo4j_heap == "1g"
    assert settings.neo4j_pagecache == "512m"
    assert settings.environment == "development"


@pytest.mark.parametrize(
    "uri",
    ["bolt://db.internal:7687", "neo4j://cluster.internal", "neo4j+s://abc.databases.example"],
)
def test_external_uris_are_accepted(monkeypatch: pytest.MonkeyPatch, uri: str) -> None:
    monkeypatch.setenv("CDP_NEO4J_URI", uri)
    monkeypatch.setenv("CDP_NEO4J_PASSWORD", "s3cret-pass")
    settings = load_settings()
    assert settings.neo4j_uri == uri
    assert not settings.uses_local_neo4j
    assert settings.neo4j_password is not None
    assert settings.neo4j_password.get_secret_value() == "s3cret-pass"
    assert "s3cret-pass" not in repr(settings)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("CDP_NEO4J_URI", "http://localhost:7474", "CDP_NEO4J_URI"),
        ("CDP_NEO4J_URI", "neo4j://", "CDP_NEO4J_URI"),
        ("CDP_PORT", "eighty", "CDP_PORT"),
        ("CDP_PORT", "70000", "CDP_PORT"),
        ("CDP_NEO4J_BOLT_PORT", "0", "CDP_NEO4J_BOLT_PORT"),
        ("CDP_NEO4J_HEAP", "lots", "CDP_NEO4J_HEAP"),
        ("CDP_NEO4J_PAGECACHE", "512", "CDP_NEO4J_PAGECACHE"),
        ("CDP_ENVIRONMENT", "staging", "CDP_ENVIRONMENT"),
        ("CDP_WORKERS", "0", "CDP_WORKERS"),
        ("CDP_BUSINESS_TIMEZONE", "Mars/Olympus", "CDP_BUSINESS_TIMEZONE"),
        ("CDP_BUSINESS_TIMEZONE", "../../etc/passwd", "CDP_BUSINESS_TIMEZONE"),
        ("CDP_BUSINESS_TIMEZONE", "", "CDP_BUSINESS_TIMEZONE"),
    ],
)
def test_bad_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert expected in message
    assert "Traceback" not in message


def test_every_problem_is_reported_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDP_PORT", "-1")
    monkeypatch.setenv("CDP_NEO4J_HEAP", "huge")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "CDP_PORT" in str(raised.value)
    assert "CDP_NEO4J_HEAP" in str(raised.value)


def test_memory_sizes_are_normalised() -> None:
    settings = Settings(neo4j_heap="2G", neo4j_pagecache="256M")
    assert settings.neo4j_heap == "2g"
    assert settings.neo4j_pagecache == "256m"


def test_production_mode() -> None:
    assert Settings(environment="production").production
