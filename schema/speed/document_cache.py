"""Parsed documents, cached (`schema.speed`, piece "parse_cache")."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import lru_cache

from graphql import GraphQLError, parse
from strawberry.extensions import SchemaExtension

CACHED_DOCUMENTS = 512  # distinct documents kept, parsed and validated

_parse = lru_cache(maxsize=CACHED_DOCUMENTS)(parse)


class ParseCache(SchemaExtension):
    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            with contextlib.suppress(GraphQLError):
                context.graphql_document = _parse(context.query, **context.parse_options)
        yield
