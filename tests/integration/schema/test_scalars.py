"""Date-times leave the API alike whether the driver brought a date-time or Cypher's text."""

from __future__ import annotations

import pytest

from cdp.store.graph import Graph
from schema.scalars import DateTime, from_cypher_text

assert DateTime.serialize is not None
SERIALIZE = DateTime.serialize

# Cypher date-times of every shape Neo4j writes: whole seconds, fractions of each length,
# nanoseconds beyond microseconds, offsets, named zones, midnight, the epoch.
CYPHER = [
    "datetime('2020-01-01T00:00:00Z')",
    "datetime('2024-05-06T15:06:00Z')",
    "datetime('2024-05-06T15:06:07.1Z')",
    "datetime('2024-05-06T15:06:07.12Z')",
    "datetime('2024-05-06T15:06:07.123Z')",
    "datetime('2024-05-06T15:06:07.123456Z')",
    "datetime('2024-05-06T15:06:07.123456789Z')",
    "datetime('2024-05-06T15:06:07.000000001Z')",
    "datetime('2024-05-06T15:06:07.5+02:00')",
    "datetime('2024-05-06T15:06:07-05:30')",
    "datetime('2024-05-06T15:06:07.25[Europe/Paris]')",
    "datetime('2024-12-06T15:06:07[Europe/Paris]')",
    "datetime({epochSeconds: 0})",
    "datetime({epochSeconds: 1, nanosecond: 1000})",
]


@pytest.mark.parametrize("expression", CYPHER)
async def test_cypher_text_serializes_as_the_driver_value_does(
    graph: Graph, expression: str
) -> None:
    [row] = await graph.read_compiled(
        f"WITH {expression} AS d RETURN d AS value, toString(d) AS text", {}
    )
    assert from_cypher_text(row["text"]) == SERIALIZE(row["value"])
    assert SERIALIZE(row["text"]) == SERIALIZE(row["value"])
