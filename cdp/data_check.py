"""`cdp check`: stored records that break a rule added after they were written.

New bounds and rules refuse new writes; records written before stay readable (reads never fail
on stored data) and are listed here, so that someone can look at each and decide. Nothing is
changed: a duplicate customer is a business decision, not a migration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import LiteralString

from cdp import bounds, money
from cdp.store.graph import Graph

SAMPLE = 10


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    # Returns one row per record that breaks the rule, as `id` (the record's id or key).
    query: LiteralString
    params: dict[str, object]


@dataclass(frozen=True)
class Finding:
    rule: Rule
    count: int
    sample: list[str]


def _too_many(property_name: LiteralString) -> LiteralString:
    return (
        "MATCH (c:Customer) WHERE size(coalesce(c." + property_name + ", [])) > $limit "
        "RETURN c.id AS id"
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "shared-external-id",
        "external ids held by more than one customer (written concurrently before identity "
        "was locked): merge or re-key those customers",
        "MATCH (x:ExternalId)<-[:IDENTIFIED_BY]-(c:Customer) WITH x, count(c) AS holders "
        "WHERE holders > 1 RETURN x.system + ':' + x.value AS id",
        {},
    ),
    Rule(
        "invisible-name",
        "customers whose name is empty or made of invisible characters only",
        "MATCH (c:Customer) WHERE c.name IS NULL OR c.name =~ '[\\\\p{Z}\\\\s\\\\p{Cf}\\\\p{Cc}]*' "
        "RETURN c.id AS id",
        {},
    ),
    Rule(
        "birth-date-range",
        f"customers born before {bounds.EARLIEST_BIRTH_YEAR} or in the future",
        "MATCH (c:Customer) WHERE c.birthDate < date({year: $year, month: 1, day: 1}) "
        "OR c.birthDate > date() RETURN c.id AS id",
        {"year": bounds.EARLIEST_BIRTH_YEAR},
    ),
    Rule(
        "too-many-emails",
        f"customers with more than {bounds.EMAILS} e-mail addresses",
        _too_many("emails"),
        {"limit": bounds.EMAILS},
    ),
    Rule(
        "too-many-phones",
        f"customers with more than {bounds.PHONES} phone numbers",
        _too_many("phones"),
        {"limit": bounds.PHONES},
    ),
    Rule(
        "too-many-interests",
        f"customers with more than {bounds.INTERESTS} interests",
        _too_many("interests"),
        {"limit": bounds.INTERESTS},
    ),
    Rule(
        "too-many-addresses",
        f"customers with more than {bounds.ADDRESSES} addresses",
        "MATCH (c:Customer) WHERE COUNT { (c)-[:HAS_ADDRESS]->(:Address) } > $limit "
        "RETURN c.id AS id",
        {"limit": bounds.ADDRESSES},
    ),
    Rule(
        "too-many-external-ids",
        f"customers with more than {bounds.EXTERNAL_IDS} external ids",
        "MATCH (c:Customer) WHERE COUNT { (c)-[:IDENTIFIED_BY]->(:ExternalId) } > $limit "
        "RETURN c.id AS id",
        {"limit": bounds.EXTERNAL_IDS + 1},  # the key of an upsert comes on top
    ),
    Rule(
        "order-line-range",
        f"orders with a quantity above {money.MAX_QUANTITY:,} or a unit price above "
        f"{money.MAX_UNIT_PRICE_MINOR:,} minor units",
        "MATCH (o:Order)-[line:CONTAINS]->(:Product) "
        "WHERE line.quantity > $quantity OR line.quantity < 1 OR line.unitPriceMinor > $unitPrice "
        "RETURN DISTINCT o.id AS id",
        {"quantity": money.MAX_QUANTITY, "unitPrice": money.MAX_UNIT_PRICE_MINOR},
    ),
    Rule(
        "too-many-order-lines",
        f"orders with more than {money.MAX_ORDER_LINES:,} lines",
        "MATCH (o:Order) WHERE COUNT { (o)-[:CONTAINS]->(:Product) } > $limit RETURN o.id AS id",
        {"limit": money.MAX_ORDER_LINES},
    ),
    Rule(
        "order-total-range",
        f"orders totalling more than {money.MAX_ORDER_TOTAL_MINOR:,} minor units",
        "MATCH (o:Order) WHERE o.totalMinor > $limit RETURN o.id AS id",
        {"limit": money.MAX_ORDER_TOTAL_MINOR},
    ),
    Rule(
        "invoice-due-before-placed",
        "orders whose invoice falls due before the day they were placed",
        "MATCH (o:Order) WHERE o.invoiceDueDate < date(o.placedAt) RETURN o.id AS id",
        {},
    ),
    Rule(
        "planned-with-invoice",
        "planned orders with an invoice due date or a payment (a planned order has no invoice)",
        "MATCH (o:Order {status: 'PLANNED'}) "
        "WHERE o.invoiceDueDate IS NOT NULL OR o.paidAt IS NOT NULL RETURN o.id AS id",
        {},
    ),
    Rule(
        "sharing-with-channel",
        "SHARING or PROFILING consent events stored with a channel (those purposes have none; "
        "the channel is ignored)",
        "MATCH (c:Customer)-[:GAVE]->(e:ConsentEvent) "
        "WHERE e.purpose IN ['SHARING', 'PROFILING'] AND e.channel IS NOT NULL "
        "RETURN DISTINCT c.id AS id",
        {},
    ),
)


async def check(graph: Graph, rules: tuple[Rule, ...] = RULES) -> list[Finding]:
    """Every rule's breaking records: how many, and the first few ids in order."""
    findings = []
    for rule in rules:
        rows = await graph.read(
            "CALL () { " + rule.query + " } WITH id ORDER BY id "
            "RETURN count(id) AS count, collect(id)[..$sample] AS sample",
            {**rule.params, "sample": SAMPLE},
        )
        findings.append(Finding(rule, int(rows[0]["count"]), list(rows[0]["sample"])))
    return findings
