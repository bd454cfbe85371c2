"""How errors leave the API: expected ones keep their message and code, the rest are masked;
and how they are logged: an expected one in one line, an unexpected one with its traceback."""

from __future__ import annotations

import logging
import re

import strawberry
from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from cdp.errors import CdpError, ErrorCode

_logger = logging.getLogger(__name__)


def _is_unexpected(error: GraphQLError) -> bool:
    # Errors without a path concern the request itself (parsing, validation, coercing the
    # variables): their messages speak of the client's own document and values.
    if error.path is None:
        return False
    return error.original_error is not None and not isinstance(error.original_error, CdpError)


_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)
_LIMITS = (
    ("exceeds maximum operation depth", "DEPTH_LIMIT_EXCEEDED"),
    ("aliases found. Allowed", "ALIAS_LIMIT_EXCEEDED"),
    ("tokens. Parsing aborted", "TOKEN_LIMIT_EXCEEDED"),
)


def code_of(error: GraphQLError) -> str:
    """The code a client sees for an error that is not masked."""
    code = (error.extensions or {}).get("code")
    if code:
        return str(code)
    # The document itself is wrong: a limit it breaks, or a parse or validation error. The
    # limits are told apart by their (pinned) libraries' messages.
    return next(
        (code for pattern, code in _LIMITS if pattern in error.message),
        ErrorCode.GRAPHQL_VALIDATION_FAILED.value,
    )


class LoggedErrors(strawberry.Schema):
    """The schema, logging a client's error as one line: its code, where it is (the path in
    the response, the field of the input) and no value, for messages may quote what the
    client sent. An unexpected failure is logged with its traceback, to be fixed."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if _is_unexpected(error):
                StrawberryLogger.error(error, execution_context)
                continue
            path = ".".join(str(part) for part in error.path or []) or "-"
            field = (error.extensions or {}).get("field") or "-"
            _logger.info("client error %s path=%s field=%s", code_of(error), path, field)


class ErrorCodes(MaskErrors):
    """Masks unexpected failures (no traceback, Cypher or server detail reaches a client)."""

    def __init__(self, hide_suggestions: bool = False) -> None:
        self.hide_suggestions = hide_suggestions
        super().__init__(
            should_mask_error=_is_unexpected, error_message="An unexpected error occurred."
        )

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        for error in processed:
            if not (error.extensions or {}).get("code"):
                error.extensions = {**(error.extensions or {}), "code": code_of(error)}
                if self.hide_suggestions:
                    # Production: no hint at names the client has not been told.
                    error.message = _SUGGESTION.sub("", error.message)
        return processed

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": ErrorCode.INTERNAL_SERVER_ERROR.value}
        return masked
