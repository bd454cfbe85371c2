"""Stored orders that break a bound set after they were written.

Reads never refuse them (sums saturate, `minorUnits` is null); they are listed here for a person
to look at: `findings` gives each order's id and the rule it breaks, for a check command.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import LiteralString

from cdp import money
from cdp.graph import Graph

_BEYOND: LiteralString = """
MATCH (o:Order)
WITH o, COLLECT { MATCH (o)-[line:CONTAINS]->() RETURN line } AS lines
WITH o, [rule IN [
      CASE WHEN size(lines) > $maxLines THEN 'lines' END,
      CASE WHEN any(l IN lines WHERE l.quantity > $maxQuantity OR l.quantity < 1)
           THEN 'quantity' END,
      CASE WHEN any(l IN lines WHERE l.unitPriceMinor > $maxUnitPrice) THEN 'unitPrice' END,
      CASE WHEN o.totalMinor > $maxTotal THEN 'total' END,
      CASE WHEN o.invoiceDueDate < date(o.placedAt) THEN 'invoiceDueDate' END
    ] WHERE rule IS NOT NULL] AS rules
WHERE rules <> []
RETURN o.id AS id, rules
ORDER BY o.id
LIMIT $limit
"""


@dataclass(frozen=True)
class Finding:
    order_id: str
    rules: tuple[str, ...]  # lines, quantity, unitPrice, total, invoiceDueDate


async def findings(graph: Graph, *, limit: int = 1000) -> list[Finding]:
    """Orders beyond today's bounds (at most `limit`), by id."""
    rows = await graph.read(
        _BEYOND,
        {
            "maxLines": money.MAX_ORDER_LINES,
            "maxQuantity": money.MAX_QUANTITY,
            "maxUnitPrice": money.MAX_UNIT_PRICE_MINOR,
            "maxTotal": money.MAX_ORDER_TOTAL_MINOR,
            "limit": limit,
        },
    )
    return [Finding(row["id"], tuple(row["rules"])) for row in rows]
