"""Settings, read once from `CDP_*` environment variables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

NEO4J_SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})
_MEMORY_SIZE = re.compile(r"^[1-9][0-9]*[kmg]$")


class SettingsError(Exception):
    """One or more `CDP_*` variables hold a value the platform cannot use."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CDP_", extra="ignore", frozen=True)

    environment: Literal["development", "production"] = "development"

    # An external Neo4j (a cluster, a hosted Neo4j); when unset the project runs its own.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = Field(default="neo4j", min_length=1)
    # How long a request may wait for Neo4j before it is answered SERVICE_UNAVAILABLE.
    neo4j_connection_timeout: float = Field(default=5.0, gt=0)
    neo4j_retry_seconds: float = Field(default=3.0, ge=0)
    cypher_timeout: float = Field(default=15.0, gt=0)

    # The local Neo4j: state and cache live under `home`.
    home: Path = Path(".cdp")
    neo4j_bolt_port: int = Field(default=7687, ge=1, le=65535)
    neo4j_http_port: int = Field(default=7474, ge=1, le=65535)
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "512m"
    neo4j_start_timeout: float = Field(default=120.0, gt=0)
    java_home: Path | None = None
    # Where the Neo4j jars are cached (default: `<home>/cache`); a Maven settings file for a mirror.
    cache_dir: Path | None = None
    maven_settings: Path | None = None

    # How long verified API keys are trusted before they are checked again, all in one query
    # (the delay of a revocation made elsewhere: the CLI, another worker); 0 checks every time.
    key_cache_seconds: float = Field(default=0.5, ge=0)

    # The GraphQL edge: refused before any resolver runs.
    max_depth: int = Field(default=12, ge=2)
    max_aliases: int = Field(default=30, ge=0)
    max_tokens: int = Field(default=5000, ge=100)
    max_batch_operations: int = Field(default=10, ge=1)
    max_page: int = Field(default=1000, ge=1)
    # 16 MiB: a bulk upsert of `max_bulk_rows` customers is a few MB of JSON.
    max_request_bytes: int = Field(default=16 * 1_048_576, ge=1024)
    max_bulk_rows: int = Field(default=10_000, ge=1)
    request_timeout: float = Field(default=30.0, gt=0)
    # A request body must have arrived in full within this time (a stalled upload holds a
    # connection and a file descriptor); arrays and objects nest at most this deep.
    body_timeout: float = Field(default=10.0, gt=0)
    max_json_depth: int = Field(default=64, ge=8, le=512)
    # Values in one body (arrays, objects, elements): decoding holds the interpreter for each.
    max_json_values: int = Field(default=1_000_000, ge=1000)
    # uvicorn, per worker: connections and tasks at once (more are answered 503), and how long
    # an idle keep-alive connection stays open.
    limit_concurrency: int = Field(default=512, ge=1)
    keep_alive_timeout: float = Field(default=5.0, gt=0)

    # The pieces of `schema/speed/` that override graphql-core and Strawberry internals; false
    # runs the libraries' own paths (after a library upgrade the speed pieces do not follow).
    speed_paths: bool = True

    # The currency of prices and orders when an input names none (ISO 4217).
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    # Where the business keeps its calendar (an IANA name): it decides which day is today, so
    # when an invoice is overdue. Stored instants stay UTC (`cdp.business_time`).
    business_timezone: str = "UTC"

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64)

    @field_validator("neo4j_uri")
    @classmethod
    def _known_scheme(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        parts = urlsplit(value)
        if parts.scheme not in NEO4J_SCHEMES or not parts.hostname:
            schemes = ", ".join(sorted(NEO4J_SCHEMES))
            raise ValueError(f"must look like neo4j://host:7687 (schemes: {schemes})")
        return value

    @field_validator("neo4j_heap", "neo4j_pagecache")
    @classmethod
    def _memory_size(cls, value: str) -> str:
        if not _MEMORY_SIZE.match(value.lower()):
            raise ValueError("must be a size such as 512m or 1g")
        return value.lower()

    @field_validator("business_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):  # ValueError: not even a zone's form
            raise ValueError("must be an IANA time zone such as Europe/Berlin or UTC") from None
        return value

    @property
    def uses_local_neo4j(self) -> bool:
        return self.neo4j_uri is None

    @property
    def production(self) -> bool:
        return self.environment == "production"


def load_settings() -> Settings:
    """Read the environment, turning validation failures into one readable message."""
    try:
        return Settings()
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            name = "CDP_" + "_".join(str(part) for part in error["loc"]).upper()
            lines.append(f"{name}: {error['msg']}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None
