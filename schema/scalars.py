"""Times leave the API as ISO 8601 with an offset; times without one are taken as UTC."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import strawberry
from strawberry.schema.types.base_scalars import wrap_parser

from cdp import money


def _serialize_datetime(value: Any) -> str:
    if isinstance(value, str):
        return from_cypher_text(value)
    native = value.to_native() if hasattr(value, "to_native") else value
    if native.tzinfo is None:
        native = native.replace(tzinfo=dt.UTC)
    return str(native.isoformat())


def from_cypher_text(text: str) -> str:
    """A date-time as Cypher's `toString` writes it (how compiled reads send them), as
    `datetime.isoformat` writes it: `Z` as `+00:00`, the fraction in microseconds (none when
    zero), a named zone's `[Europe/Paris]` dropped (the offset before it says the same)."""
    if text.endswith("]"):
        text = text[: text.index("[")]
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    point = text.find(".", _SECONDS_END)
    if point < 0:
        return text
    end = point + 1
    while end < len(text) and text[end].isdigit():
        end += 1
    micro = text[point + 1 : end][:6].ljust(6, "0")
    return text[:point] + ("" if micro == "000000" else "." + micro) + text[end:]


_SECONDS_END = len("2000-01-01T00:00:00") - 1  # a fraction's point comes after the seconds


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
    # An instant at the ends of the calendar (year 1 east of UTC) cannot be moved to UTC.
    parse_value=wrap_parser(_parse_datetime, "DateTime", exceptions=(ValueError, OverflowError)),
)
Date = strawberry.scalar(
    name="Date",
    description="An ISO 8601 calendar date.",
    serialize=_serialize_date,
    parse_value=wrap_parser(dt.date.fromisoformat, "Date"),
)


def _parse_decimal(value: object) -> decimal.Decimal:
    """ASCII digits only (a JSON number is read as it is written); never the rejected value
    in the message."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError('Expected a decimal number as a string, e.g. "12.50".')
    return money.parse_decimal(value)


Decimal = strawberry.scalar(
    name="Decimal",
    description='A decimal number as a string of ASCII digits, e.g. "12.50" (a sign, a point '
    f"and an exponent allowed; at most {money.MAX_DECIMAL_TEXT} characters).",
    serialize=str,
    parse_value=_parse_decimal,
)
SCALAR_OVERRIDES: dict[object, Any] = {
    dt.datetime: DateTime,
    dt.date: Date,
    decimal.Decimal: Decimal,
}
