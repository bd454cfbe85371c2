"""Times leave the API as ISO 8601 with an offset; times without one are taken as UTC."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.schema.types.base_scalars import wrap_parser


def _serialize_datetime(value: Any) -> str:
    native = value.to_native() if hasattr(value, "to_native") else value
    if native.tzinfo is None:
        native = native.replace(tzinfo=dt.UTC)
    return str(native.isoformat())


def _parse_datetime(value: str) -> dt.datetime:
    """Stored in UTC, so that equal instants compare and sort as equal in Cypher."""
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _serialize_date(value: Any) -> str:
    native = value.to_native() if hasattr(value, "to_native") else value
    return str(native.isoformat())


DateTime = strawberry.scalar(
    name="DateTime",
    description="An ISO 8601 date and time with an offset; one without an offset means UTC.",
    serialize=_serialize_datetime,
    parse_value=wrap_parser(_parse_datetime, "DateTime"),
)
Date = strawberry.scalar(
    name="Date",
    description="An ISO 8601 calendar date.",
    serialize=_serialize_date,
    parse_value=wrap_parser(dt.date.fromisoformat, "Date"),
)
SCALAR_OVERRIDES: dict[object, Any] = {dt.datetime: DateTime, dt.date: Date}
