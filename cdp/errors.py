"""The platform's error vocabulary: every failure a client may see has a stable code."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    CONSENT_REQUIRED = "CONSENT_REQUIRED"
    # The contact policy: too many or too soon, or the customer asked not to be contacted.
    CONTACT_PRESSURE = "CONTACT_PRESSURE"
    DO_NOT_CONTACT = "DO_NOT_CONTACT"
    BULK_LIMIT_EXCEEDED = "BULK_LIMIT_EXCEEDED"
    # Bounds of an input: each kind has its own code; `extensions` name the field and the limit.
    LIST_TOO_LONG = "LIST_TOO_LONG"
    TEXT_TOO_LONG = "TEXT_TOO_LONG"
    FILTER_TOO_BROAD = "FILTER_TOO_BROAD"
    VALUE_OUT_OF_RANGE = "VALUE_OUT_OF_RANGE"
    TIMEOUT = "TIMEOUT"
    # A rule of a record's life: a state it may not move to from where it is.
    INVALID_TRANSITION = "INVALID_TRANSITION"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class CdpError(Exception):
    """An expected failure, safe to show to a client as it is."""

    code: ErrorCode = ErrorCode.INTERNAL_SERVER_ERROR

    def __init__(
        self, message: str, *, field: str | None = None, limit: int | str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.limit = limit

    def within(self, prefix: str) -> None:
        """Name the field from where its input sits (`prefix`) rather than within the input."""
        if self.field is not None:
            self.field = f"{prefix}.{self.field}"

    @property
    def extensions(self) -> dict[str, Any]:
        # graphql-core copies an original error's `extensions` onto the GraphQL error.
        extensions: dict[str, Any] = {"code": self.code.value}
        if self.field is not None:
            extensions["field"] = self.field
        if self.limit is not None:
            extensions["limit"] = self.limit
        return extensions


class BadUserInput(CdpError):
    code = ErrorCode.BAD_USER_INPUT


class NotFound(CdpError):
    code = ErrorCode.NOT_FOUND


class Conflict(CdpError):
    code = ErrorCode.CONFLICT


class ServiceUnavailable(CdpError):
    code = ErrorCode.SERVICE_UNAVAILABLE

    def __init__(
        self, message: str = "The graph database is unavailable; try again shortly."
    ) -> None:
        super().__init__(message)


class Unauthenticated(CdpError):
    code = ErrorCode.UNAUTHENTICATED

    def __init__(self, message: str = "Send a valid API key: Authorization: Bearer <key>.") -> None:
        super().__init__(message)


class Forbidden(CdpError):
    code = ErrorCode.FORBIDDEN


class ConsentRequired(CdpError):
    code = ErrorCode.CONSENT_REQUIRED


class ContactPressure(CdpError):
    code = ErrorCode.CONTACT_PRESSURE


class DoNotContact(CdpError):
    code = ErrorCode.DO_NOT_CONTACT


class BulkLimitExceeded(CdpError):
    """More rows in one bulk mutation than `CDP_MAX_BULK_ROWS` allows."""

    code = ErrorCode.BULK_LIMIT_EXCEEDED


class ListTooLong(CdpError):
    """A list input longer than its documented bound."""

    code = ErrorCode.LIST_TOO_LONG


class TextTooLong(CdpError):
    """A text input longer than its documented bound."""

    code = ErrorCode.TEXT_TOO_LONG


class FilterTooBroad(CdpError):
    """A filter with more conditions, or nested deeper, than its documented bound."""

    code = ErrorCode.FILTER_TOO_BROAD


class ValueOutOfRange(CdpError):
    """A number, amount or date outside its documented range."""

    code = ErrorCode.VALUE_OUT_OF_RANGE


class InvalidTransition(CdpError):
    """A change of state the record's rules do not allow from the state it is in."""

    code = ErrorCode.INVALID_TRANSITION


class Timeout(CdpError):
    """The database gave up on a statement that ran longer than allowed."""

    code = ErrorCode.TIMEOUT
