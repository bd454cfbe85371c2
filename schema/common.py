"""Types shared by every domain: Node, Money, pages of a connection, filter inputs, channels,
and the descriptions inputs share."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry

from cdp import bounds, money
from cdp.compiler.pagination import encode_cursor
from schema.rows import Row

T = TypeVar("T")


@strawberry.interface(
    description="An object with a globally unique id (its prefix names its type)."
)
class Node:
    id: strawberry.ID

    @classmethod
    def resolve_type(cls, obj: Any, *_: Any) -> str:
        # Rows of the compiled query name their type; objects built in Python are instances.
        return str(obj["__typename"]) if isinstance(obj, dict) else type(obj).__name__


@strawberry.type(description="An amount of money: a decimal string in the currency's units.")
class Money:
    @strawberry.field(description='The amount as a decimal string, e.g. "12.50".')
    def amount(self) -> Decimal:
        row: Row = self  # type: ignore[assignment]
        return money.to_decimal(row["minor"], row["currency"] or "EUR")

    @strawberry.field(
        description="The amount in the currency's minor units (cents); null when it does not "
        "fit a 32-bit GraphQL Int (above 21,474,836.47 in a two-decimal currency).",
        deprecation_reason="Use amount: it is exact for every amount.",
    )
    def minor_units(self) -> int | None:
        row: Row = self  # type: ignore[assignment]
        minor = int(row["minor"])
        return minor if abs(minor) <= money.MAX_GRAPHQL_INT else None

    @strawberry.field(description="ISO 4217 code.")
    def currency(self) -> str:
        row: Row = self  # type: ignore[assignment]
        return str(row["currency"] or "EUR")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a list, in the Relay connection shape.")
class Connection(Generic[T]):
    @strawberry.field(
        description="How many items match, whatever the page (counted only when selected)."
    )
    def total_count(self) -> int:
        return int(_page(self)["totalCount"])

    @strawberry.field
    def edges(self) -> list[Edge[T]]:
        page = _page(self)
        return [
            Edge(cursor=encode_cursor(page["sort"], row["cursor"]), node=row["node"])
            for row in page["rows"][: page["first"]]
        ]

    @strawberry.field(description="The page's items, without their cursors.")
    def nodes(self) -> list[T]:
        page = _page(self)
        return [row["item"] for row in page["rows"][: page["first"]]]

    @strawberry.field
    def page_info(self) -> PageInfo:
        page = _page(self)
        rows = page["rows"][: page["first"]]
        cursors = [encode_cursor(page["sort"], row["cursor"]) for row in rows]
        return PageInfo(
            has_next_page=len(page["rows"]) > page["first"],
            has_previous_page=bool(page["after"]),
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        )


def _page(connection: Any) -> Row:
    page: Row = connection
    return page


@strawberry.input(description="Conditions on a text; contains and startsWith ignore case.")
class StringFilter:
    equals: str | None = strawberry.UNSET
    contains: str | None = strawberry.UNSET
    starts_with: str | None = strawberry.UNSET


@strawberry.input(description="A time range: from gte (inclusive) to lt (exclusive).")
class DateTimeRange:
    gte: datetime | None = strawberry.UNSET
    lt: datetime | None = strawberry.UNSET


@strawberry.enum(description="How we and a customer reach each other.")
class Channel(Enum):
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    SMS = "SMS"
    CHAT = "CHAT"
    WEBSITE = "WEBSITE"
    STORE = "STORE"
    VIDEO_CALL = "VIDEO_CALL"
    FAX = "FAX"
    POST = "POST"
    ADVERTISING = "ADVERTISING"
    NEWSLETTER = "NEWSLETTER"


UNSET = strawberry.UNSET
IDEMPOTENCY_KEY = (
    "Your own key for this request (at most 128 characters): a retry with the same key within "
    "24 hours returns the first result and writes nothing; the same key with other input is "
    "a CONFLICT."
)


def at_most(count: int, what: str) -> str:
    return f"At most {count} {what}; more is refused with LIST_TOO_LONG."


EMAILS = at_most(bounds.EMAILS, "e-mail addresses, each kept once")
PHONES = at_most(bounds.PHONES, "numbers, each kept once")
ADDRESSES = at_most(bounds.ADDRESSES, f"addresses, each line at most {bounds.LABEL} characters")
INTERESTS = at_most(bounds.INTERESTS, f"interests of at most {bounds.SHORT} characters each")
EXTERNAL_IDS = at_most(bounds.EXTERNAL_IDS, "external ids")
