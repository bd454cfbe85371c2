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
    BULK_LIMIT_EXCEEDED = "BULK_LIMIT_EXCEEDED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class CdpError(Exception):
    """An expected failure, safe to show to a client as it is."""

    code: ErrorCode = ErrorCode.INTERNAL_SERVER_ERROR

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

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


class BulkLimitExceeded(CdpError):
    """More rows in one bulk mutation than `CDP_MAX_BULK_ROWS` allows."""

    code = ErrorCode.BULK_LIMIT_EXCEEDED
