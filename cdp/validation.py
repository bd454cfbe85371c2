"""Checks on client input that need no database: each failure names the field at fault and,
for a bound, its limit (`cdp.bounds`); no message repeats the value it refuses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence, Sized
from datetime import UTC, date, datetime, timedelta
from typing import Any

from cdp import bounds
from cdp.errors import BadUserInput, ListTooLong, TextTooLong, ValueOutOfRange

# Deliberately simple: one @, no spaces or control characters, a dot in the domain.
# Deliverability is not our job.
_EMAIL = re.compile(r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{3,30}$")
MAX_TEXT = bounds.NOTES
# The earliest time zones are 14 hours ahead of UTC: no later date is today anywhere.
_AHEAD_OF_UTC = timedelta(hours=14)


# Characters that Unicode counts as letters or symbols but that show nothing.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Control characters (NUL among them) other than tab and line breaks, and lone surrogates,
# which no UTF-8 text can hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _visible(value: str) -> bool:
    """Whether `value` shows anything: a character that is not white space, a control or
    format character (zero-width spaces, the byte-order mark, direction marks), a surrogate or
    a filler. A usual text answers at its first character."""
    return any(char not in _FILLERS and unicodedata.category(char)[0] not in "CZ" for char in value)


def text(value: str | None, field: str, *, max_length: int = bounds.NAME) -> str:
    """A required text: trimmed, visible, without control characters, within `max_length`."""
    stripped = (value or "").strip()
    if len(stripped) > max_length:  # first: the other checks read every character
        raise TextTooLong(f"At most {max_length} characters.", field=field, limit=max_length)
    # A usual text is printable throughout (no control, format or surrogate character, no
    # separator but the space) and, trimmed, shows its first character: one scan in C answers
    # both checks below, which a bulk load would otherwise run on thousands of texts.
    if stripped and stripped.isprintable() and stripped[0] not in _FILLERS:
        return stripped
    if not _visible(stripped):
        raise BadUserInput("Must not be empty or invisible.", field=field)
    if _CONTROL.search(stripped) is not None:
        raise BadUserInput("Must not hold control characters.", field=field)
    return stripped


def optional_text(value: str | None, field: str, *, max_length: int = MAX_TEXT) -> str | None:
    """A text that may be left out: blank is none, anything else is checked as `text`."""
    return None if value is None or not value.strip() else text(value, field, max_length=max_length)


def bounded(values: Sized, limit: int, field: str) -> None:
    """Refuse a list of more than `limit` items (checked before any item is read)."""
    if len(values) > limit:
        raise ListTooLong(f"At most {limit} items.", field=field, limit=limit)


def email(value: str, field: str) -> str:
    cleaned = _email(value)
    if cleaned is None:
        raise BadUserInput("Not an e-mail address.", field=field)
    return cleaned


def emails(values: Sequence[str], field: str) -> list[str]:
    """At most `bounds.EMAILS` addresses, lower-cased, each once, in their first order."""
    bounded(values, bounds.EMAILS, field)
    cleaned: dict[str, None] = {}  # an ordered set: de-duplication stays linear
    for index, value in enumerate(values):
        address = _email(value)
        if address is None:  # the field is named only here: a bulk load checks thousands
            raise BadUserInput("Not an e-mail address.", field=f"{field}[{index}]")
        cleaned[address] = None
    return list(cleaned)


def _email(value: str) -> str | None:
    cleaned = value.strip().lower()
    return cleaned if len(cleaned) <= 254 and _EMAIL.match(cleaned) else None


def phones(values: Sequence[str], field: str) -> list[str]:
    """At most `bounds.PHONES` numbers, trimmed, each once, in their first order."""
    bounded(values, bounds.PHONES, field)
    cleaned: dict[str, None] = {}
    for index, value in enumerate(values):
        phone = value.strip()
        if not _PHONE.match(phone):
            raise BadUserInput("Not a phone number.", field=f"{field}[{index}]")
        cleaned[phone] = None
    return list(cleaned)


def texts(
    values: Sequence[str], field: str, *, limit: int, max_length: int = bounds.SHORT
) -> list[str]:
    """A list of at most `limit` texts (each a `text`), each once, sorted."""
    bounded(values, limit, field)
    return sorted({text(value, field, max_length=max_length) for value in values})


def choices(
    values: Sequence[Any] | None, field: str, limit: int = bounds.CHOICES
) -> list[Any] | None:
    """A list of enum values (at most `limit`), each once, sorted; None stays None (an empty
    `in`-list matches nothing)."""
    if values is None:
        return None
    bounded(values, limit, field)
    return sorted(set(values))


def birth_date(value: date | None, field: str) -> date | None:
    """A birth date from 1900 up to today, wherever on earth it is today already."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    latest = (datetime.now(UTC) + _AHEAD_OF_UTC).date()
    if not date(bounds.EARLIEST_BIRTH_YEAR, 1, 1) <= value <= latest:
        raise ValueOutOfRange(
            f"Must be from {bounds.EARLIEST_BIRTH_YEAR}-01-01 up to today.",
            field=field,
            limit=f"{bounds.EARLIEST_BIRTH_YEAR}-01-01..today",
        )
    return value


def addresses(values: Sequence[Mapping[str, Any]], field: str) -> list[dict[str, Any]]:
    """At most `bounds.ADDRESSES` addresses, each line a short optional text, in their order
    (`position`), with the graph's property names."""
    bounded(values, bounds.ADDRESSES, field)
    return [
        {
            "position": index,
            **{
                name: optional_text(
                    address.get(key), f"{field}[{index}].{name}", max_length=bounds.LABEL
                )
                for key, name in _ADDRESS_LINES.items()
            },
        }
        for index, address in enumerate(values)
    ]


_ADDRESS_LINES = {
    "kind": "kind",
    "line1": "line1",
    "line2": "line2",
    "city": "city",
    "postal_code": "postalCode",
    "region": "region",
    "country": "country",
}


def labels(values: Mapping[str, Any], names: Mapping[str, str], field: str) -> None:
    """Check the short texts among `values` (keys of `names`, their field names)."""
    for key, name in names.items():
        if isinstance(values.get(key), str):
            optional_text(values[key], f"{field}.{name}", max_length=bounds.LABEL)


def in_range(value: float, low: float, high: float, field: str) -> float:
    if not low <= value <= high:
        raise BadUserInput(f"Must be between {low:g} and {high:g}.", field=field)
    return value


def positive(value: int, field: str) -> int:
    if value <= 0:
        raise BadUserInput("Must be greater than zero.", field=field)
    return value
