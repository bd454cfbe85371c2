"""Per-request DataLoaders: each batch of keys becomes one Cypher query over `UNWIND $keys`."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, LiteralString, TypeVar

from neo4j import AsyncDriver, RoutingControl
from strawberry.dataloader import DataLoader

Row = dict[str, Any]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
# A key of a list that takes `first`: the parent's id and the page size.
Page = tuple[str, int]
# The customer's own fields, over a variable `c`.
CUSTOMER: LiteralString = (
    "c {.id, .name, .lifecycleStage, .createdAt, emails: coalesce(c.emails, [])}"
)

CUSTOMERS_BY_ID: LiteralString = (
    f"UNWIND $keys AS key MATCH (c:Customer {{id: key}}) RETURN key, {CUSTOMER} AS value"
)
CONTACTS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (c:Customer {id: key.id})-[:HAS_CONTACT]->(x:Contact) "
    "WITH key, x ORDER BY x.name "
    "RETURN key, collect(x {.id, .name, .role, emails: coalesce(x.emails, [])})[..key.first] "
    "AS value"
)
ACQUISITIONS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (c:Customer {id: key})-[a:ACQUIRED_VIA]->(s:AcquisitionSource) "
    "RETURN key, {at: a.at, source: s {.id, .name, .kind}} AS value"
)
OWNERS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (c:Customer {id: key})<-[r:OWNS]-(e:Employee) WHERE r.until IS NULL "
    "RETURN key, e {.id, .name, .title} AS value"
)
TOUCHPOINTS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (c:Customer {id: key.id})-[:HAD]->(t:Touchpoint) "
    "WITH key, t ORDER BY t.occurredAt DESC, t.id DESC "
    "RETURN key, collect(t {.id, .occurredAt, .channel, .kind, .summary})[..key.first] AS value"
)
ORDERS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (c:Customer {id: key.id})-[:PLACED]->(o:Order) "
    "WITH key, o ORDER BY o.placedAt DESC, o.id DESC "
    "RETURN key, collect(o {.id, .number, .status, .placedAt, .totalMinor, .currency})"
    "[..key.first] AS value"
)
LINE_ITEMS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (o:Order {id: key})-[l:CONTAINS]->(p:Product) "
    "WITH key, l, p ORDER BY l.position "
    "RETURN key, collect({quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, "
    "productId: p.id}) AS value"
)
PRODUCTS: LiteralString = (
    "UNWIND $keys AS key MATCH (p:Product {id: key}) RETURN key, p {.id, .sku, .name} AS value"
)
INFLUENCES: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (c:Customer {id: key.id})-[r:INFLUENCES]->(other:Customer) "
    "WITH key, r, other ORDER BY r.strength DESC, other.id "
    "RETURN key, collect({strength: r.strength, customerId: other.id})[..key.first] AS value"
)
INFLUENCED_BY: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (c:Customer {id: key.id})<-[r:INFLUENCES]-(other:Customer) "
    "WITH key, r, other ORDER BY r.strength DESC, other.id "
    "RETURN key, collect({strength: r.strength, customerId: other.id})[..key.first] AS value"
)
METRICS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (c:Customer {id: key}) "
    "OPTIONAL MATCH (c)-[:PLACED]->(o:Order {status: 'COMPLETED'}) "
    "WITH key, o ORDER BY o.placedAt "
    "RETURN key, {revenueMinor: sum(coalesce(o.totalMinor, 0)), orderCount: count(o), "
    "lastPurchaseAt: max(o.placedAt), currency: collect(o.currency)[0]} AS value"
)


async def read(driver: AsyncDriver, query: LiteralString, params: Row) -> list[Row]:
    result = await driver.execute_query(query, params, routing_=RoutingControl.READ)
    return [record.data() for record in result.records]


def _page_key(key: Page) -> Row:
    return {"id": key[0], "first": key[1]}


def _page_of(row: Row) -> Page:
    return (row["key"]["id"], row["key"]["first"])


def _plain(key: Any) -> Any:
    return key


class Loaders:
    """The DataLoaders of one request (so their caches live as long as the request)."""

    def __init__(self, driver: AsyncDriver) -> None:
        self.driver = driver
        self.customer = self._one(CUSTOMERS_BY_ID)
        self.acquisition = self._one(ACQUISITIONS)
        self.owner = self._one(OWNERS)
        self.metrics = self._one(METRICS)
        self.product = self._one(PRODUCTS)
        self.line_items = self._many(LINE_ITEMS, _plain, lambda row: row["key"])
        self.contacts = self._many(CONTACTS, _page_key, _page_of)
        self.touchpoints = self._many(TOUCHPOINTS, _page_key, _page_of)
        self.orders = self._many(ORDERS, _page_key, _page_of)
        self.influences = self._many(INFLUENCES, _page_key, _page_of)
        self.influenced_by = self._many(INFLUENCED_BY, _page_key, _page_of)

    def _one(self, query: LiteralString) -> DataLoader[str, Row | None]:
        """A loader of at most one row per id."""

        async def load(keys: list[str]) -> Sequence[Row | None]:
            rows = await read(self.driver, query, {"keys": keys})
            found = {row["key"]: row["value"] for row in rows}
            return [found.get(key) for key in keys]

        return DataLoader(load_fn=load)

    def _many(
        self,
        query: LiteralString,
        to_param: Callable[[K], Any],
        key_of: Callable[[Row], K],
    ) -> DataLoader[K, list[Row]]:
        """A loader of a list of rows per key (an empty list when the graph has none)."""

        async def load(keys: list[K]) -> Sequence[list[Row]]:
            rows = await read(self.driver, query, {"keys": [to_param(key) for key in keys]})
            found = {key_of(row): row["value"] for row in rows}
            return [found.get(key, []) for key in keys]

        return DataLoader(load_fn=load)


# --- the customer list: one query for the page, one for the count --------------------------

SORTS: dict[str, LiteralString] = {
    "NAME_ASC": "c.name, c.id",
    "NAME_DESC": "c.name DESC, c.id DESC",
    "CREATED_AT_ASC": "c.createdAt, c.id",
    "CREATED_AT_DESC": "c.createdAt DESC, c.id DESC",
    "LIFETIME_REVENUE_ASC": "coalesce(c.revenueMinor, 0), c.id",
    "LIFETIME_REVENUE_DESC": "coalesce(c.revenueMinor, 0) DESC, c.id DESC",
    "LAST_CONTACT_AT_ASC": "coalesce(c.lastContactAt, datetime('0001-01-01T00:00:00Z')), c.id",
    "LAST_CONTACT_AT_DESC": (
        "coalesce(c.lastContactAt, datetime('0001-01-01T00:00:00Z')) DESC, c.id DESC"
    ),
}


def customer_where(stages: list[str] | None, source_kind: str | None) -> tuple[LiteralString, Row]:
    """The WHERE clause (possibly empty) and parameters of a customer filter."""
    conditions: list[LiteralString] = []
    params: Row = {}
    if stages is not None:
        conditions.append("c.lifecycleStage IN $stages")
        params["stages"] = stages
    if source_kind is not None:
        conditions.append(
            "EXISTS { MATCH (c)-[:ACQUIRED_VIA]->(s:AcquisitionSource) WHERE s.kind = $kind }"
        )
        params["kind"] = source_kind
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), params


async def customer_page(
    driver: AsyncDriver, where: LiteralString, params: Row, sort: str, first: int
) -> list[Row]:
    query: LiteralString = (
        f"MATCH (c:Customer) {where} RETURN {CUSTOMER} AS value ORDER BY {SORTS[sort]} LIMIT $first"
    )
    rows = await read(driver, query, {**params, "first": first})
    return [row["value"] for row in rows]


async def customer_count(driver: AsyncDriver, where: LiteralString, params: Row) -> int:
    query: LiteralString = f"MATCH (c:Customer) {where} RETURN count(c) AS n"
    rows = await read(driver, query, params)
    return int(rows[0]["n"])
