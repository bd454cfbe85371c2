"""Checks on client input that need no database: each failure names the field at fault."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cdp.errors import BadUserInput

# Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not our job.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{3,30}$")
MAX_TEXT = 10_000


def text(value: str | None, field: str, *, max_length: int = 500) -> str:
    stripped = (value or "").strip()
    if not stripped:
        raise BadUserInput("Must not be empty.", field=field)
    if len(stripped) > max_length:
        raise BadUserInput(f"At most {max_length} characters.", field=field)
    return stripped


def optional_text(value: str | None, field: str, *, max_length: int = MAX_TEXT) -> str | None:
    return None if value is None or not value.strip() else text(value, field, max_length=max_length)


def email(value: str, field: str) -> str:
    cleaned = _email(value)
    if cleaned is None:
        raise BadUserInput(f"{value!r} is not an e-mail address.", field=field)
    return cleaned


def emails(values: Sequence[str], field: str) -> list[str]:
    cleaned: list[str] = []
    for index, value in enumerate(values):
        address = _email(value)
        if address is None:  # the field is named only here: a bulk load checks thousands
            raise BadUserInput(f"{value!r} is not an e-mail address.", field=f"{field}[{index}]")
        if address not in cleaned:
            cleaned.append(address)
    return cleaned


def _email(value: str) -> str | None:
    cleaned = value.strip().lower()
    return cleaned if len(cleaned) <= 254 and _EMAIL.match(cleaned) else None


def phones(values: Sequence[str], field: str) -> list[str]:
    cleaned: list[str] = []
    for index, value in enumerate(values):
        phone = value.strip()
        if not _PHONE.match(phone):
            raise BadUserInput(f"{value!r} is not a phone number.", field=f"{field}[{index}]")
        if phone not in cleaned:
            cleaned.append(phone)
    return cleaned


def in_range(value: float, low: float, high: float, field: str) -> float:
    if not low <= value <= high:
        raise BadUserInput(f"Must be between {low:g} and {high:g}.", field=field)
    return value


def positive(value: int, field: str) -> int:
    if value <= 0:
        raise BadUserInput("Must be greater than zero.", field=field)
    return value
